from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OutreachCheckRequest")


@_attrs_define
class OutreachCheckRequest:
    """`POST /v1/outreach/check`.

    Attributes:
        message (str):
        referrer_name (None | str | Unset): Who suggested the contact; it should be named in the first sentence.
    """

    message: str
    referrer_name: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        referrer_name: None | str | Unset
        if isinstance(self.referrer_name, Unset):
            referrer_name = UNSET
        else:
            referrer_name = self.referrer_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "message": message,
            }
        )
        if referrer_name is not UNSET:
            field_dict["referrer_name"] = referrer_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message = d.pop("message")

        def _parse_referrer_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        referrer_name = _parse_referrer_name(d.pop("referrer_name", UNSET))

        outreach_check_request = cls(
            message=message,
            referrer_name=referrer_name,
        )

        return outreach_check_request

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateMeRequest")


@_attrs_define
class UpdateMeRequest:
    """A JSON merge patch of the profile: an absent field stays, `null` clears
    `target_field`. `email` and `role` cannot be changed here.

        Attributes:
            display_name (str | Unset):
            target_field (None | str | Unset): `null` clears it.
            time_zone (str | Unset): An IANA time zone name, such as `Europe/Berlin` or `UTC`; an unknown one is a 422
    """

    display_name: str | Unset = UNSET
    target_field: None | str | Unset = UNSET
    time_zone: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        target_field: None | str | Unset
        if isinstance(self.target_field, Unset):
            target_field = UNSET
        else:
            target_field = self.target_field

        time_zone = self.time_zone

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if target_field is not UNSET:
            field_dict["target_field"] = target_field
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        display_name = d.pop("display_name", UNSET)

        def _parse_target_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        target_field = _parse_target_field(d.pop("target_field", UNSET))

        time_zone = d.pop("time_zone", UNSET)

        update_me_request = cls(
            display_name=display_name,
            target_field=target_field,
            time_zone=time_zone,
        )

        return update_me_request

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SnoozeRequest")


@_attrs_define
class SnoozeRequest:
    """`POST /v1/reminders/{id}/snooze`.

    Attributes:
        until (datetime.datetime): Due again at this time.
    """

    until: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        until = self.until.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "until": until,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        until = datetime.datetime.fromisoformat(d.pop("until"))

        snooze_request = cls(
            until=until,
        )

        return snooze_request

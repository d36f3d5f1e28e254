from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InterviewsByStatus")


@_attrs_define
class InterviewsByStatus:
    """How many interviews are in each status, 0 where there are none.

    Attributes:
        cancelled (int):
        completed (int):
        declined (int):
        no_response (int):
        planned (int):
        requested (int):
        scheduled (int):
    """

    cancelled: int
    completed: int
    declined: int
    no_response: int
    planned: int
    requested: int
    scheduled: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cancelled = self.cancelled

        completed = self.completed

        declined = self.declined

        no_response = self.no_response

        planned = self.planned

        requested = self.requested

        scheduled = self.scheduled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cancelled": cancelled,
                "completed": completed,
                "declined": declined,
                "no_response": no_response,
                "planned": planned,
                "requested": requested,
                "scheduled": scheduled,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cancelled = d.pop("cancelled")

        completed = d.pop("completed")

        declined = d.pop("declined")

        no_response = d.pop("no_response")

        planned = d.pop("planned")

        requested = d.pop("requested")

        scheduled = d.pop("scheduled")

        interviews_by_status = cls(
            cancelled=cancelled,
            completed=completed,
            declined=declined,
            no_response=no_response,
            planned=planned,
            requested=requested,
            scheduled=scheduled,
        )

        interviews_by_status.additional_properties = d
        return interviews_by_status

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

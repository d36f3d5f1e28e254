from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CompleteActionBody")


@_attrs_define
class CompleteActionBody:
    """`POST /v1/interviews/{id}/complete`. The body may be empty.

    Attributes:
        completed_at (datetime.datetime | None | Unset): When it ended; now when left out; never in the future; may
            precede
            `scheduled_start`.
        key_insights (None | str | Unset):
        may_contact_again (bool | None | Unset):
        notes (None | str | Unset):
    """

    completed_at: datetime.datetime | None | Unset = UNSET
    key_insights: None | str | Unset = UNSET
    may_contact_again: bool | None | Unset = UNSET
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        key_insights: None | str | Unset
        if isinstance(self.key_insights, Unset):
            key_insights = UNSET
        else:
            key_insights = self.key_insights

        may_contact_again: bool | None | Unset
        if isinstance(self.may_contact_again, Unset):
            may_contact_again = UNSET
        else:
            may_contact_again = self.may_contact_again

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if key_insights is not UNSET:
            field_dict["key_insights"] = key_insights
        if may_contact_again is not UNSET:
            field_dict["may_contact_again"] = may_contact_again
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_key_insights(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        key_insights = _parse_key_insights(d.pop("key_insights", UNSET))

        def _parse_may_contact_again(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        may_contact_again = _parse_may_contact_again(d.pop("may_contact_again", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        complete_action_body = cls(
            completed_at=completed_at,
            key_insights=key_insights,
            may_contact_again=may_contact_again,
            notes=notes,
        )

        return complete_action_body

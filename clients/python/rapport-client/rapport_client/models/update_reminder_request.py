from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.reminder_kind import ReminderKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateReminderRequest")


@_attrs_define
class UpdateReminderRequest:
    """A JSON merge patch of a manual reminder.

    Attributes:
        due_at (datetime.datetime | Unset):
        kind (ReminderKind | Unset): What a reminder is for.
        note (None | str | Unset):
        title (str | Unset):
    """

    due_at: datetime.datetime | Unset = UNSET
    kind: ReminderKind | Unset = UNSET
    note: None | str | Unset = UNSET
    title: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        due_at: str | Unset = UNSET
        if not isinstance(self.due_at, Unset):
            due_at = self.due_at.isoformat()

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if kind is not UNSET:
            field_dict["kind"] = kind
        if note is not UNSET:
            field_dict["note"] = note
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _due_at = d.pop("due_at", UNSET)
        due_at: datetime.datetime | Unset
        if isinstance(_due_at, Unset):
            due_at = UNSET
        else:
            due_at = datetime.datetime.fromisoformat(_due_at)

        _kind = d.pop("kind", UNSET)
        kind: ReminderKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = ReminderKind(_kind)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        title = d.pop("title", UNSET)

        update_reminder_request = cls(
            due_at=due_at,
            kind=kind,
            note=note,
            title=title,
        )

        return update_reminder_request

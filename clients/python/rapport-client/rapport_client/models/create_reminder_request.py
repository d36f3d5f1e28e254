from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.reminder_kind import ReminderKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateReminderRequest")


@_attrs_define
class CreateReminderRequest:
    """`POST /v1/reminders`: a reminder of the user's own.

    Attributes:
        due_at (datetime.datetime): May be in the past: due at once.
        title (str):
        contact_id (None | Unset | UUID):
        id (None | Unset | UUID): Chosen by the client, so that one working offline can name what it
            creates before it syncs; made by the service when left out. An id
            in use, by anyone, is a 409 `conflict`.
        interview_id (None | Unset | UUID):
        kind (None | ReminderKind | Unset):
        note (None | str | Unset):
    """

    due_at: datetime.datetime
    title: str
    contact_id: None | Unset | UUID = UNSET
    id: None | Unset | UUID = UNSET
    interview_id: None | Unset | UUID = UNSET
    kind: None | ReminderKind | Unset = UNSET
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        due_at = self.due_at.isoformat()

        title = self.title

        contact_id: None | str | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        elif isinstance(self.contact_id, UUID):
            contact_id = str(self.contact_id)
        else:
            contact_id = self.contact_id

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        interview_id: None | str | Unset
        if isinstance(self.interview_id, Unset):
            interview_id = UNSET
        elif isinstance(self.interview_id, UUID):
            interview_id = str(self.interview_id)
        else:
            interview_id = self.interview_id

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, ReminderKind):
            kind = self.kind.value
        else:
            kind = self.kind

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "due_at": due_at,
                "title": title,
            }
        )
        if contact_id is not UNSET:
            field_dict["contact_id"] = contact_id
        if id is not UNSET:
            field_dict["id"] = id
        if interview_id is not UNSET:
            field_dict["interview_id"] = interview_id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        title = d.pop("title")

        def _parse_contact_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contact_id_type_0 = UUID(data)

                return contact_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        contact_id = _parse_contact_id(d.pop("contact_id", UNSET))

        def _parse_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)

                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_interview_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                interview_id_type_0 = UUID(data)

                return interview_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        interview_id = _parse_interview_id(d.pop("interview_id", UNSET))

        def _parse_kind(data: object) -> None | ReminderKind | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = ReminderKind(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReminderKind | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        create_reminder_request = cls(
            due_at=due_at,
            title=title,
            contact_id=contact_id,
            id=id,
            interview_id=interview_id,
            kind=kind,
            note=note,
        )

        return create_reminder_request

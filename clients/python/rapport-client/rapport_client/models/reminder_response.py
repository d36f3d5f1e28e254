from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reminder_kind import ReminderKind
from ..models.reminder_origin import ReminderOrigin
from ..models.reminder_status import ReminderStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_response import ContactResponse


T = TypeVar("T", bound="ReminderResponse")


@_attrs_define
class ReminderResponse:
    """A reminder.

    Attributes:
        completed_at (datetime.datetime | None):
        contact_id (None | UUID):
        created_at (datetime.datetime):
        due_at (datetime.datetime):
        id (UUID):
        interview_id (None | UUID):
        kind (ReminderKind): What a reminder is for.
        note (None | str):
        notified_at (datetime.datetime | None): When the dispatcher announced it (cleared by a snooze).
        origin (ReminderOrigin): Who made a reminder.
        snoozed_until (datetime.datetime | None): Due again at this time.
        status (ReminderStatus): Where a reminder stands.
        title (str):
        updated_at (datetime.datetime):
        version (int):
        contact (ContactResponse | None | Unset):
    """

    completed_at: datetime.datetime | None
    contact_id: None | UUID
    created_at: datetime.datetime
    due_at: datetime.datetime
    id: UUID
    interview_id: None | UUID
    kind: ReminderKind
    note: None | str
    notified_at: datetime.datetime | None
    origin: ReminderOrigin
    snoozed_until: datetime.datetime | None
    status: ReminderStatus
    title: str
    updated_at: datetime.datetime
    version: int
    contact: ContactResponse | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.contact_response import ContactResponse  # noqa: PLC0415

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        contact_id: None | str
        if isinstance(self.contact_id, UUID):
            contact_id = str(self.contact_id)
        else:
            contact_id = self.contact_id

        created_at = self.created_at.isoformat()

        due_at = self.due_at.isoformat()

        id = str(self.id)

        interview_id: None | str
        if isinstance(self.interview_id, UUID):
            interview_id = str(self.interview_id)
        else:
            interview_id = self.interview_id

        kind = self.kind.value

        note: None | str
        note = self.note

        notified_at: None | str
        if isinstance(self.notified_at, datetime.datetime):
            notified_at = self.notified_at.isoformat()
        else:
            notified_at = self.notified_at

        origin = self.origin.value

        snoozed_until: None | str
        if isinstance(self.snoozed_until, datetime.datetime):
            snoozed_until = self.snoozed_until.isoformat()
        else:
            snoozed_until = self.snoozed_until

        status = self.status.value

        title = self.title

        updated_at = self.updated_at.isoformat()

        version = self.version

        contact: dict[str, Any] | None | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        elif isinstance(self.contact, ContactResponse):
            contact = self.contact.to_dict()
        else:
            contact = self.contact

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "completed_at": completed_at,
                "contact_id": contact_id,
                "created_at": created_at,
                "due_at": due_at,
                "id": id,
                "interview_id": interview_id,
                "kind": kind,
                "note": note,
                "notified_at": notified_at,
                "origin": origin,
                "snoozed_until": snoozed_until,
                "status": status,
                "title": title,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if contact is not UNSET:
            field_dict["contact"] = contact

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_response import ContactResponse  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        def _parse_contact_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contact_id_type_0 = UUID(data)

                return contact_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        contact_id = _parse_contact_id(d.pop("contact_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        id = UUID(d.pop("id"))

        def _parse_interview_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                interview_id_type_0 = UUID(data)

                return interview_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        interview_id = _parse_interview_id(d.pop("interview_id"))

        kind = ReminderKind(d.pop("kind"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        def _parse_notified_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                notified_at_type_0 = datetime.datetime.fromisoformat(data)

                return notified_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        notified_at = _parse_notified_at(d.pop("notified_at"))

        origin = ReminderOrigin(d.pop("origin"))

        def _parse_snoozed_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                snoozed_until_type_0 = datetime.datetime.fromisoformat(data)

                return snoozed_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        snoozed_until = _parse_snoozed_until(d.pop("snoozed_until"))

        status = ReminderStatus(d.pop("status"))

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_contact(data: object) -> ContactResponse | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contact_type_0 = ContactResponse.from_dict(data)

                return contact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactResponse | None | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))

        reminder_response = cls(
            completed_at=completed_at,
            contact_id=contact_id,
            created_at=created_at,
            due_at=due_at,
            id=id,
            interview_id=interview_id,
            kind=kind,
            note=note,
            notified_at=notified_at,
            origin=origin,
            snoozed_until=snoozed_until,
            status=status,
            title=title,
            updated_at=updated_at,
            version=version,
            contact=contact,
        )

        reminder_response.additional_properties = d
        return reminder_response

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

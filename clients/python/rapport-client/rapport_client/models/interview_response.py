from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.interview_action import InterviewAction
from ..models.interview_format import InterviewFormat
from ..models.interview_status import InterviewStatus
from ..models.outreach_channel import OutreachChannel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact_response import ContactResponse
    from ..models.interview_warning import InterviewWarning


T = TypeVar("T", bound="InterviewResponse")


@_attrs_define
class InterviewResponse:
    """An informational interview.

    Attributes:
        allowed_actions (list[InterviewAction]): The actions the current status allows.
        cancel_reason (None | str):
        completed_at (datetime.datetime | None):
        contact_id (UUID):
        created_at (datetime.datetime):
        duration_minutes (int):
        format_ (InterviewFormat | None):
        id (UUID):
        key_insights (None | str):
        location (None | str):
        may_contact_again (bool | None): Asked at the end: may the user stay in touch?
        meeting_url (None | str):
        notes (None | str):
        outreach_channel (None | OutreachChannel):
        outreach_message (None | str):
        purpose (None | str):
        question_set_id (None | UUID): The question set attached last.
        requested_at (datetime.datetime | None):
        responded_at (datetime.datetime | None): When the contact answered the request (the first `schedule` or
            `decline` after it).
        scheduled_start (datetime.datetime | None):
        status (InterviewStatus): Where an interview stands.
        thank_you_sent_at (datetime.datetime | None):
        updated_at (datetime.datetime):
        version (int):
        warnings (list[InterviewWarning]): Advice, not errors.
        contact (ContactResponse | None | Unset):
    """

    allowed_actions: list[InterviewAction]
    cancel_reason: None | str
    completed_at: datetime.datetime | None
    contact_id: UUID
    created_at: datetime.datetime
    duration_minutes: int
    format_: InterviewFormat | None
    id: UUID
    key_insights: None | str
    location: None | str
    may_contact_again: bool | None
    meeting_url: None | str
    notes: None | str
    outreach_channel: None | OutreachChannel
    outreach_message: None | str
    purpose: None | str
    question_set_id: None | UUID
    requested_at: datetime.datetime | None
    responded_at: datetime.datetime | None
    scheduled_start: datetime.datetime | None
    status: InterviewStatus
    thank_you_sent_at: datetime.datetime | None
    updated_at: datetime.datetime
    version: int
    warnings: list[InterviewWarning]
    contact: ContactResponse | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.contact_response import ContactResponse  # noqa: PLC0415

        allowed_actions = []
        for allowed_actions_item_data in self.allowed_actions:
            allowed_actions_item = allowed_actions_item_data.value
            allowed_actions.append(allowed_actions_item)

        cancel_reason: None | str
        cancel_reason = self.cancel_reason

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        contact_id = str(self.contact_id)

        created_at = self.created_at.isoformat()

        duration_minutes = self.duration_minutes

        format_: None | str
        if isinstance(self.format_, InterviewFormat):
            format_ = self.format_.value
        else:
            format_ = self.format_

        id = str(self.id)

        key_insights: None | str
        key_insights = self.key_insights

        location: None | str
        location = self.location

        may_contact_again: bool | None
        may_contact_again = self.may_contact_again

        meeting_url: None | str
        meeting_url = self.meeting_url

        notes: None | str
        notes = self.notes

        outreach_channel: None | str
        if isinstance(self.outreach_channel, OutreachChannel):
            outreach_channel = self.outreach_channel.value
        else:
            outreach_channel = self.outreach_channel

        outreach_message: None | str
        outreach_message = self.outreach_message

        purpose: None | str
        purpose = self.purpose

        question_set_id: None | str
        if isinstance(self.question_set_id, UUID):
            question_set_id = str(self.question_set_id)
        else:
            question_set_id = self.question_set_id

        requested_at: None | str
        if isinstance(self.requested_at, datetime.datetime):
            requested_at = self.requested_at.isoformat()
        else:
            requested_at = self.requested_at

        responded_at: None | str
        if isinstance(self.responded_at, datetime.datetime):
            responded_at = self.responded_at.isoformat()
        else:
            responded_at = self.responded_at

        scheduled_start: None | str
        if isinstance(self.scheduled_start, datetime.datetime):
            scheduled_start = self.scheduled_start.isoformat()
        else:
            scheduled_start = self.scheduled_start

        status = self.status.value

        thank_you_sent_at: None | str
        if isinstance(self.thank_you_sent_at, datetime.datetime):
            thank_you_sent_at = self.thank_you_sent_at.isoformat()
        else:
            thank_you_sent_at = self.thank_you_sent_at

        updated_at = self.updated_at.isoformat()

        version = self.version

        warnings = []
        for warnings_item_data in self.warnings:
            warnings_item = warnings_item_data.to_dict()
            warnings.append(warnings_item)

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
                "allowed_actions": allowed_actions,
                "cancel_reason": cancel_reason,
                "completed_at": completed_at,
                "contact_id": contact_id,
                "created_at": created_at,
                "duration_minutes": duration_minutes,
                "format": format_,
                "id": id,
                "key_insights": key_insights,
                "location": location,
                "may_contact_again": may_contact_again,
                "meeting_url": meeting_url,
                "notes": notes,
                "outreach_channel": outreach_channel,
                "outreach_message": outreach_message,
                "purpose": purpose,
                "question_set_id": question_set_id,
                "requested_at": requested_at,
                "responded_at": responded_at,
                "scheduled_start": scheduled_start,
                "status": status,
                "thank_you_sent_at": thank_you_sent_at,
                "updated_at": updated_at,
                "version": version,
                "warnings": warnings,
            }
        )
        if contact is not UNSET:
            field_dict["contact"] = contact

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_response import ContactResponse  # noqa: PLC0415
        from ..models.interview_warning import InterviewWarning  # noqa: PLC0415

        d = dict(src_dict)
        allowed_actions = []
        _allowed_actions = d.pop("allowed_actions")
        for allowed_actions_item_data in _allowed_actions:
            allowed_actions_item = InterviewAction(allowed_actions_item_data)

            allowed_actions.append(allowed_actions_item)

        def _parse_cancel_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cancel_reason = _parse_cancel_reason(d.pop("cancel_reason"))

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

        contact_id = UUID(d.pop("contact_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        duration_minutes = d.pop("duration_minutes")

        def _parse_format_(data: object) -> InterviewFormat | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                format_type_0 = InterviewFormat(data)

                return format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InterviewFormat | None, data)

        format_ = _parse_format_(d.pop("format"))

        id = UUID(d.pop("id"))

        def _parse_key_insights(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        key_insights = _parse_key_insights(d.pop("key_insights"))

        def _parse_location(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        location = _parse_location(d.pop("location"))

        def _parse_may_contact_again(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        may_contact_again = _parse_may_contact_again(d.pop("may_contact_again"))

        def _parse_meeting_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        meeting_url = _parse_meeting_url(d.pop("meeting_url"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        def _parse_outreach_channel(data: object) -> None | OutreachChannel:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outreach_channel_type_0 = OutreachChannel(data)

                return outreach_channel_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OutreachChannel, data)

        outreach_channel = _parse_outreach_channel(d.pop("outreach_channel"))

        def _parse_outreach_message(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outreach_message = _parse_outreach_message(d.pop("outreach_message"))

        def _parse_purpose(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        purpose = _parse_purpose(d.pop("purpose"))

        def _parse_question_set_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                question_set_id_type_0 = UUID(data)

                return question_set_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        question_set_id = _parse_question_set_id(d.pop("question_set_id"))

        def _parse_requested_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                requested_at_type_0 = datetime.datetime.fromisoformat(data)

                return requested_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        requested_at = _parse_requested_at(d.pop("requested_at"))

        def _parse_responded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                responded_at_type_0 = datetime.datetime.fromisoformat(data)

                return responded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        responded_at = _parse_responded_at(d.pop("responded_at"))

        def _parse_scheduled_start(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scheduled_start_type_0 = datetime.datetime.fromisoformat(data)

                return scheduled_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        scheduled_start = _parse_scheduled_start(d.pop("scheduled_start"))

        status = InterviewStatus(d.pop("status"))

        def _parse_thank_you_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                thank_you_sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return thank_you_sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        thank_you_sent_at = _parse_thank_you_sent_at(d.pop("thank_you_sent_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        warnings = []
        _warnings = d.pop("warnings")
        for warnings_item_data in _warnings:
            warnings_item = InterviewWarning.from_dict(warnings_item_data)

            warnings.append(warnings_item)

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

        interview_response = cls(
            allowed_actions=allowed_actions,
            cancel_reason=cancel_reason,
            completed_at=completed_at,
            contact_id=contact_id,
            created_at=created_at,
            duration_minutes=duration_minutes,
            format_=format_,
            id=id,
            key_insights=key_insights,
            location=location,
            may_contact_again=may_contact_again,
            meeting_url=meeting_url,
            notes=notes,
            outreach_channel=outreach_channel,
            outreach_message=outreach_message,
            purpose=purpose,
            question_set_id=question_set_id,
            requested_at=requested_at,
            responded_at=responded_at,
            scheduled_start=scheduled_start,
            status=status,
            thank_you_sent_at=thank_you_sent_at,
            updated_at=updated_at,
            version=version,
            warnings=warnings,
            contact=contact,
        )

        interview_response.additional_properties = d
        return interview_response

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

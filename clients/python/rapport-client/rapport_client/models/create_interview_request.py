from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.interview_format import InterviewFormat
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateInterviewRequest")


@_attrs_define
class CreateInterviewRequest:
    """`POST /v1/interviews`: a planned interview with one of the caller's contacts.

    Attributes:
        contact_id (UUID):
        duration_minutes (int | None | Unset): 5 to 240; 20 when left out.
        format_ (InterviewFormat | None | Unset):
        id (None | Unset | UUID): Chosen by the client, so that one working offline can name what it
            creates before it syncs; made by the service when left out. An id
            in use, by anyone, is a 409 `conflict`.
        location (None | str | Unset):
        meeting_url (None | str | Unset):
        purpose (None | str | Unset):
    """

    contact_id: UUID
    duration_minutes: int | None | Unset = UNSET
    format_: InterviewFormat | None | Unset = UNSET
    id: None | Unset | UUID = UNSET
    location: None | str | Unset = UNSET
    meeting_url: None | str | Unset = UNSET
    purpose: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        contact_id = str(self.contact_id)

        duration_minutes: int | None | Unset
        if isinstance(self.duration_minutes, Unset):
            duration_minutes = UNSET
        else:
            duration_minutes = self.duration_minutes

        format_: None | str | Unset
        if isinstance(self.format_, Unset):
            format_ = UNSET
        elif isinstance(self.format_, InterviewFormat):
            format_ = self.format_.value
        else:
            format_ = self.format_

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        meeting_url: None | str | Unset
        if isinstance(self.meeting_url, Unset):
            meeting_url = UNSET
        else:
            meeting_url = self.meeting_url

        purpose: None | str | Unset
        if isinstance(self.purpose, Unset):
            purpose = UNSET
        else:
            purpose = self.purpose

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contact_id": contact_id,
            }
        )
        if duration_minutes is not UNSET:
            field_dict["duration_minutes"] = duration_minutes
        if format_ is not UNSET:
            field_dict["format"] = format_
        if id is not UNSET:
            field_dict["id"] = id
        if location is not UNSET:
            field_dict["location"] = location
        if meeting_url is not UNSET:
            field_dict["meeting_url"] = meeting_url
        if purpose is not UNSET:
            field_dict["purpose"] = purpose

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contact_id = UUID(d.pop("contact_id"))

        def _parse_duration_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_minutes = _parse_duration_minutes(d.pop("duration_minutes", UNSET))

        def _parse_format_(data: object) -> InterviewFormat | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                format_type_0 = InterviewFormat(data)

                return format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InterviewFormat | None | Unset, data)

        format_ = _parse_format_(d.pop("format", UNSET))

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

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        def _parse_meeting_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        meeting_url = _parse_meeting_url(d.pop("meeting_url", UNSET))

        def _parse_purpose(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        purpose = _parse_purpose(d.pop("purpose", UNSET))

        create_interview_request = cls(
            contact_id=contact_id,
            duration_minutes=duration_minutes,
            format_=format_,
            id=id,
            location=location,
            meeting_url=meeting_url,
            purpose=purpose,
        )

        return create_interview_request

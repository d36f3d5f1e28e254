from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.interview_format import InterviewFormat
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateInterviewRequest")


@_attrs_define
class UpdateInterviewRequest:
    """A JSON merge patch of an interview. Status and the action times change
    only through the actions.

        Attributes:
            duration_minutes (int | Unset):
            format_ (InterviewFormat | None | Unset):
            key_insights (None | str | Unset):
            location (None | str | Unset):
            meeting_url (None | str | Unset):
            notes (None | str | Unset):
            purpose (None | str | Unset):
    """

    duration_minutes: int | Unset = UNSET
    format_: InterviewFormat | None | Unset = UNSET
    key_insights: None | str | Unset = UNSET
    location: None | str | Unset = UNSET
    meeting_url: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    purpose: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        duration_minutes = self.duration_minutes

        format_: None | str | Unset
        if isinstance(self.format_, Unset):
            format_ = UNSET
        elif isinstance(self.format_, InterviewFormat):
            format_ = self.format_.value
        else:
            format_ = self.format_

        key_insights: None | str | Unset
        if isinstance(self.key_insights, Unset):
            key_insights = UNSET
        else:
            key_insights = self.key_insights

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

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        purpose: None | str | Unset
        if isinstance(self.purpose, Unset):
            purpose = UNSET
        else:
            purpose = self.purpose

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if duration_minutes is not UNSET:
            field_dict["duration_minutes"] = duration_minutes
        if format_ is not UNSET:
            field_dict["format"] = format_
        if key_insights is not UNSET:
            field_dict["key_insights"] = key_insights
        if location is not UNSET:
            field_dict["location"] = location
        if meeting_url is not UNSET:
            field_dict["meeting_url"] = meeting_url
        if notes is not UNSET:
            field_dict["notes"] = notes
        if purpose is not UNSET:
            field_dict["purpose"] = purpose

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        duration_minutes = d.pop("duration_minutes", UNSET)

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

        def _parse_key_insights(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        key_insights = _parse_key_insights(d.pop("key_insights", UNSET))

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

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_purpose(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        purpose = _parse_purpose(d.pop("purpose", UNSET))

        update_interview_request = cls(
            duration_minutes=duration_minutes,
            format_=format_,
            key_insights=key_insights,
            location=location,
            meeting_url=meeting_url,
            notes=notes,
            purpose=purpose,
        )

        return update_interview_request

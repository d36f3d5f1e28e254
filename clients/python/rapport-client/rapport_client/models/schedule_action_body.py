from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.interview_format import InterviewFormat
from ..types import UNSET, Unset

T = TypeVar("T", bound="ScheduleActionBody")


@_attrs_define
class ScheduleActionBody:
    """`POST /v1/interviews/{id}/schedule`: a time is agreed (or moved).
    Fields left out keep their values.

        Attributes:
            scheduled_start (datetime.datetime):
            duration_minutes (int | None | Unset):
            format_ (InterviewFormat | None | Unset):
            location (None | str | Unset):
            meeting_url (None | str | Unset):
    """

    scheduled_start: datetime.datetime
    duration_minutes: int | None | Unset = UNSET
    format_: InterviewFormat | None | Unset = UNSET
    location: None | str | Unset = UNSET
    meeting_url: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        scheduled_start = self.scheduled_start.isoformat()

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "scheduled_start": scheduled_start,
            }
        )
        if duration_minutes is not UNSET:
            field_dict["duration_minutes"] = duration_minutes
        if format_ is not UNSET:
            field_dict["format"] = format_
        if location is not UNSET:
            field_dict["location"] = location
        if meeting_url is not UNSET:
            field_dict["meeting_url"] = meeting_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        scheduled_start = datetime.datetime.fromisoformat(d.pop("scheduled_start"))

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

        schedule_action_body = cls(
            scheduled_start=scheduled_start,
            duration_minutes=duration_minutes,
            format_=format_,
            location=location,
            meeting_url=meeting_url,
        )

        return schedule_action_body

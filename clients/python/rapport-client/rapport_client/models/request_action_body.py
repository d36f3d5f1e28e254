from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.outreach_channel import OutreachChannel
from ..types import UNSET, Unset

T = TypeVar("T", bound="RequestActionBody")


@_attrs_define
class RequestActionBody:
    """`POST /v1/interviews/{id}/request`: the outreach went out.

    Attributes:
        channel (OutreachChannel): How the outreach went out.
        message (None | str | Unset): The message as sent.
        sent_at (datetime.datetime | None | Unset): When it was sent; now when left out; never in the future.
    """

    channel: OutreachChannel
    message: None | str | Unset = UNSET
    sent_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel.value

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        sent_at: None | str | Unset
        if isinstance(self.sent_at, Unset):
            sent_at = UNSET
        elif isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "channel": channel,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message
        if sent_at is not UNSET:
            field_dict["sent_at"] = sent_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channel = OutreachChannel(d.pop("channel"))

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        def _parse_sent_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        sent_at = _parse_sent_at(d.pop("sent_at", UNSET))

        request_action_body = cls(
            channel=channel,
            message=message,
            sent_at=sent_at,
        )

        return request_action_body

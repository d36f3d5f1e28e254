from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.subscribable_webhook_event import SubscribableWebhookEvent
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateWebhookRequest")


@_attrs_define
class UpdateWebhookRequest:
    """A JSON merge patch of an endpoint.

    Attributes:
        active (bool | Unset):
        events (list[SubscribableWebhookEvent] | Unset):
        url (str | Unset):
    """

    active: bool | Unset = UNSET
    events: list[SubscribableWebhookEvent] | Unset = UNSET
    url: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        events: list[str] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = []
            for events_item_data in self.events:
                events_item = events_item_data.value
                events.append(events_item)

        url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if active is not UNSET:
            field_dict["active"] = active
        if events is not UNSET:
            field_dict["events"] = events
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active", UNSET)

        _events = d.pop("events", UNSET)
        events: list[SubscribableWebhookEvent] | Unset = UNSET
        if _events is not UNSET:
            events = []
            for events_item_data in _events:
                events_item = SubscribableWebhookEvent(events_item_data)

                events.append(events_item)

        url = d.pop("url", UNSET)

        update_webhook_request = cls(
            active=active,
            events=events,
            url=url,
        )

        return update_webhook_request

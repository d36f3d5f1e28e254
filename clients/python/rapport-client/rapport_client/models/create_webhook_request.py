from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.subscribable_webhook_event import SubscribableWebhookEvent

T = TypeVar("T", bound="CreateWebhookRequest")


@_attrs_define
class CreateWebhookRequest:
    """`POST /v1/webhooks`.

    Attributes:
        events (list[SubscribableWebhookEvent]):
        url (str): http or https, to a host name or an IPv4 address.
    """

    events: list[SubscribableWebhookEvent]
    url: str

    def to_dict(self) -> dict[str, Any]:
        events = []
        for events_item_data in self.events:
            events_item = events_item_data.value
            events.append(events_item)

        url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "events": events,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = SubscribableWebhookEvent(events_item_data)

            events.append(events_item)

        url = d.pop("url")

        create_webhook_request = cls(
            events=events,
            url=url,
        )

        return create_webhook_request

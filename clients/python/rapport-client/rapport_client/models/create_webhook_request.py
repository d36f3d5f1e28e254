from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.subscribable_webhook_event import SubscribableWebhookEvent
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateWebhookRequest")


@_attrs_define
class CreateWebhookRequest:
    """`POST /v1/webhooks`.

    Attributes:
        events (list[SubscribableWebhookEvent]):
        url (str): http or https, to a host name or an IPv4 address.
        id (None | Unset | UUID): Chosen by the client, so that one working offline can name what it
            creates before it syncs; made by the service when left out. An id
            in use, by anyone, is a 409 `conflict`.
    """

    events: list[SubscribableWebhookEvent]
    url: str
    id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        events = []
        for events_item_data in self.events:
            events_item = events_item_data.value
            events.append(events_item)

        url = self.url

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "events": events,
                "url": url,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

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

        create_webhook_request = cls(
            events=events,
            url=url,
            id=id,
        )

        return create_webhook_request

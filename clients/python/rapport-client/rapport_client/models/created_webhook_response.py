from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subscribable_webhook_event import SubscribableWebhookEvent

T = TypeVar("T", bound="CreatedWebhookResponse")


@_attrs_define
class CreatedWebhookResponse:
    """A new endpoint, with the secret that is shown this once.

    Attributes:
        active (bool):
        created_at (datetime.datetime):
        events (list[SubscribableWebhookEvent]):
        id (UUID):
        url (str):
        secret (str): `whsec_…`: verifies the signatures.
    """

    active: bool
    created_at: datetime.datetime
    events: list[SubscribableWebhookEvent]
    id: UUID
    url: str
    secret: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        created_at = self.created_at.isoformat()

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.value
            events.append(events_item)

        id = str(self.id)

        url = self.url

        secret = self.secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "created_at": created_at,
                "events": events,
                "id": id,
                "url": url,
                "secret": secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = SubscribableWebhookEvent(events_item_data)

            events.append(events_item)

        id = UUID(d.pop("id"))

        url = d.pop("url")

        secret = d.pop("secret")

        created_webhook_response = cls(
            active=active,
            created_at=created_at,
            events=events,
            id=id,
            url=url,
            secret=secret,
        )

        created_webhook_response.additional_properties = d
        return created_webhook_response

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

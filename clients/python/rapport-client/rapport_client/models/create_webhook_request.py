from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="CreateWebhookRequest")


@_attrs_define
class CreateWebhookRequest:
    """`POST /v1/webhooks`.

    Attributes:
        events (list[str]):
        url (str): http or https, to a host name or an IPv4 address.
    """

    events: list[str]
    url: str

    def to_dict(self) -> dict[str, Any]:
        events = self.events

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
        events = cast(list[str], d.pop("events"))

        url = d.pop("url")

        create_webhook_request = cls(
            events=events,
            url=url,
        )

        return create_webhook_request

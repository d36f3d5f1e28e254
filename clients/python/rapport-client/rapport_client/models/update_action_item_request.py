from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateActionItemRequest")


@_attrs_define
class UpdateActionItemRequest:
    """A JSON merge patch of an action item (`due_at: null` clears it).

    Attributes:
        done (bool | Unset):
        due_at (datetime.datetime | None | Unset):
        text (str | Unset):
    """

    done: bool | Unset = UNSET
    due_at: datetime.datetime | None | Unset = UNSET
    text: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        done = self.done

        due_at: None | str | Unset
        if isinstance(self.due_at, Unset):
            due_at = UNSET
        elif isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        text = self.text

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if done is not UNSET:
            field_dict["done"] = done
        if due_at is not UNSET:
            field_dict["due_at"] = due_at
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        done = d.pop("done", UNSET)

        def _parse_due_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_type_0 = datetime.datetime.fromisoformat(data)

                return due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        due_at = _parse_due_at(d.pop("due_at", UNSET))

        text = d.pop("text", UNSET)

        update_action_item_request = cls(
            done=done,
            due_at=due_at,
            text=text,
        )

        return update_action_item_request

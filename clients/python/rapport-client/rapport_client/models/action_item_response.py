from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ActionItemResponse")


@_attrs_define
class ActionItemResponse:
    """Something the user will do after an interview.

    Attributes:
        created_at (datetime.datetime):
        done (bool):
        due_at (datetime.datetime | None):
        id (UUID):
        interview_id (UUID):
        text (str):
        updated_at (datetime.datetime):
        version (int):
    """

    created_at: datetime.datetime
    done: bool
    due_at: datetime.datetime | None
    id: UUID
    interview_id: UUID
    text: str
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        done = self.done

        due_at: None | str
        if isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        id = str(self.id)

        interview_id = str(self.interview_id)

        text = self.text

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "done": done,
                "due_at": due_at,
                "id": id,
                "interview_id": interview_id,
                "text": text,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        done = d.pop("done")

        def _parse_due_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_type_0 = datetime.datetime.fromisoformat(data)

                return due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        due_at = _parse_due_at(d.pop("due_at"))

        id = UUID(d.pop("id"))

        interview_id = UUID(d.pop("interview_id"))

        text = d.pop("text")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        action_item_response = cls(
            created_at=created_at,
            done=done,
            due_at=due_at,
            id=id,
            interview_id=interview_id,
            text=text,
            updated_at=updated_at,
            version=version,
        )

        action_item_response.additional_properties = d
        return action_item_response

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

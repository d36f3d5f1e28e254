from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.question_category import QuestionCategory

T = TypeVar("T", bound="QuestionResponse")


@_attrs_define
class QuestionResponse:
    """A question of a set.

    Attributes:
        category (QuestionCategory): What a question is about.
        hint (None | str): For a yes/no question, an open rewording ("What do you like most
            about your job?") or, when none fits, an instruction to reword it;
            `null` for open questions.
        id (UUID):
        open_ended (bool): False for a yes/no question.
        position (int): 1 for the first question.
        text (str):
    """

    category: QuestionCategory
    hint: None | str
    id: UUID
    open_ended: bool
    position: int
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        category = self.category.value

        hint: None | str
        hint = self.hint

        id = str(self.id)

        open_ended = self.open_ended

        position = self.position

        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "category": category,
                "hint": hint,
                "id": id,
                "open_ended": open_ended,
                "position": position,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category = QuestionCategory(d.pop("category"))

        def _parse_hint(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        hint = _parse_hint(d.pop("hint"))

        id = UUID(d.pop("id"))

        open_ended = d.pop("open_ended")

        position = d.pop("position")

        text = d.pop("text")

        question_response = cls(
            category=category,
            hint=hint,
            id=id,
            open_ended=open_ended,
            position=position,
            text=text,
        )

        question_response.additional_properties = d
        return question_response

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

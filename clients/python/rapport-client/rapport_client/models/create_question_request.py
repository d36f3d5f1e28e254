from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.question_category import QuestionCategory

T = TypeVar("T", bound="CreateQuestionRequest")


@_attrs_define
class CreateQuestionRequest:
    """A question to add.

    Attributes:
        category (QuestionCategory): What a question is about.
        text (str):
    """

    category: QuestionCategory
    text: str

    def to_dict(self) -> dict[str, Any]:
        category = self.category.value

        text = self.text

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "category": category,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category = QuestionCategory(d.pop("category"))

        text = d.pop("text")

        create_question_request = cls(
            category=category,
            text=text,
        )

        return create_question_request

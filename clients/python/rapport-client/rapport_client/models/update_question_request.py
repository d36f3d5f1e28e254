from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.question_category import QuestionCategory
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateQuestionRequest")


@_attrs_define
class UpdateQuestionRequest:
    """A JSON merge patch of a question.

    Attributes:
        category (QuestionCategory | Unset): What a question is about.
        text (str | Unset):
    """

    category: QuestionCategory | Unset = UNSET
    text: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        category: str | Unset = UNSET
        if not isinstance(self.category, Unset):
            category = self.category.value

        text = self.text

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if category is not UNSET:
            field_dict["category"] = category
        if text is not UNSET:
            field_dict["text"] = text

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _category = d.pop("category", UNSET)
        category: QuestionCategory | Unset
        if isinstance(_category, Unset):
            category = UNSET
        else:
            category = QuestionCategory(_category)

        text = d.pop("text", UNSET)

        update_question_request = cls(
            category=category,
            text=text,
        )

        return update_question_request

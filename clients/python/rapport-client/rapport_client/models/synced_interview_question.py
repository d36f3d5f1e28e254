from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.question_category import QuestionCategory

T = TypeVar("T", bound="SyncedInterviewQuestion")


@_attrs_define
class SyncedInterviewQuestion:
    """A question of an interview, with the interview it belongs to.

    Attributes:
        answer (None | str):
        asked (bool):
        category (QuestionCategory): What a question is about.
        id (UUID):
        position (int):
        text (str):
        interview_id (UUID):
    """

    answer: None | str
    asked: bool
    category: QuestionCategory
    id: UUID
    position: int
    text: str
    interview_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        answer: None | str
        answer = self.answer

        asked = self.asked

        category = self.category.value

        id = str(self.id)

        position = self.position

        text = self.text

        interview_id = str(self.interview_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answer": answer,
                "asked": asked,
                "category": category,
                "id": id,
                "position": position,
                "text": text,
                "interview_id": interview_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_answer(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        answer = _parse_answer(d.pop("answer"))

        asked = d.pop("asked")

        category = QuestionCategory(d.pop("category"))

        id = UUID(d.pop("id"))

        position = d.pop("position")

        text = d.pop("text")

        interview_id = UUID(d.pop("interview_id"))

        synced_interview_question = cls(
            answer=answer,
            asked=asked,
            category=category,
            id=id,
            position=position,
            text=text,
            interview_id=interview_id,
        )

        synced_interview_question.additional_properties = d
        return synced_interview_question

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.question_response import QuestionResponse


T = TypeVar("T", bound="QuestionSetResponse")


@_attrs_define
class QuestionSetResponse:
    """A set of questions, in order.

    Attributes:
        builtin (bool): True for the built-in library, which nobody can change.
        created_at (datetime.datetime):
        description (None | str):
        estimated_minutes (int): About 2.5 minutes a question, rounded up.
        id (UUID):
        questions (list[QuestionResponse]):
        title (str):
        updated_at (datetime.datetime):
        version (int):
    """

    builtin: bool
    created_at: datetime.datetime
    description: None | str
    estimated_minutes: int
    id: UUID
    questions: list[QuestionResponse]
    title: str
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        builtin = self.builtin

        created_at = self.created_at.isoformat()

        description: None | str
        description = self.description

        estimated_minutes = self.estimated_minutes

        id = str(self.id)

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)

        title = self.title

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "builtin": builtin,
                "created_at": created_at,
                "description": description,
                "estimated_minutes": estimated_minutes,
                "id": id,
                "questions": questions,
                "title": title,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.question_response import QuestionResponse  # noqa: PLC0415

        d = dict(src_dict)
        builtin = d.pop("builtin")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        estimated_minutes = d.pop("estimated_minutes")

        id = UUID(d.pop("id"))

        questions = []
        _questions = d.pop("questions")
        for questions_item_data in _questions:
            questions_item = QuestionResponse.from_dict(questions_item_data)

            questions.append(questions_item)

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        question_set_response = cls(
            builtin=builtin,
            created_at=created_at,
            description=description,
            estimated_minutes=estimated_minutes,
            id=id,
            questions=questions,
            title=title,
            updated_at=updated_at,
            version=version,
        )

        question_set_response.additional_properties = d
        return question_set_response

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

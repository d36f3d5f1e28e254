from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.question_category import QuestionCategory
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateQuestionRequest")


@_attrs_define
class CreateQuestionRequest:
    """A question to add.

    Attributes:
        category (QuestionCategory): What a question is about.
        text (str):
        id (None | Unset | UUID): Chosen by the client, so that one working offline can name what it
            creates before it syncs; made by the service when left out. An id
            in use, by anyone, is a 409 `conflict`.
    """

    category: QuestionCategory
    text: str
    id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        category = self.category.value

        text = self.text

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
                "category": category,
                "text": text,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category = QuestionCategory(d.pop("category"))

        text = d.pop("text")

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

        create_question_request = cls(
            category=category,
            text=text,
            id=id,
        )

        return create_question_request

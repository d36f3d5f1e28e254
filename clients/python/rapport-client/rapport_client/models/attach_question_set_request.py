from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="AttachQuestionSetRequest")


@_attrs_define
class AttachQuestionSetRequest:
    """`POST /v1/interviews/{id}/question-set`.

    Attributes:
        question_set_id (UUID): A library set or one of the caller's.
    """

    question_set_id: UUID

    def to_dict(self) -> dict[str, Any]:
        question_set_id = str(self.question_set_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "question_set_id": question_set_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        question_set_id = UUID(d.pop("question_set_id"))

        attach_question_set_request = cls(
            question_set_id=question_set_id,
        )

        return attach_question_set_request

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReorderRequest")


@_attrs_define
class ReorderRequest:
    """`PUT /v1/question-sets/{id}/questions/order`: every question of the set,
    each once, in the new order.

        Attributes:
            question_ids (list[UUID]):
    """

    question_ids: list[UUID]

    def to_dict(self) -> dict[str, Any]:
        question_ids = []
        for question_ids_item_data in self.question_ids:
            question_ids_item = str(question_ids_item_data)
            question_ids.append(question_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "question_ids": question_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        question_ids = []
        _question_ids = d.pop("question_ids")
        for question_ids_item_data in _question_ids:
            question_ids_item = UUID(question_ids_item_data)

            question_ids.append(question_ids_item)

        reorder_request = cls(
            question_ids=question_ids,
        )

        return reorder_request

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateInterviewQuestionRequest")


@_attrs_define
class UpdateInterviewQuestionRequest:
    """`PATCH /v1/interviews/{id}/questions/{question_id}`.

    Attributes:
        answer (None | str | Unset): `null` clears it.
        asked (bool | Unset):
    """

    answer: None | str | Unset = UNSET
    asked: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        answer: None | str | Unset
        if isinstance(self.answer, Unset):
            answer = UNSET
        else:
            answer = self.answer

        asked = self.asked

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if answer is not UNSET:
            field_dict["answer"] = answer
        if asked is not UNSET:
            field_dict["asked"] = asked

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_answer(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        answer = _parse_answer(d.pop("answer", UNSET))

        asked = d.pop("asked", UNSET)

        update_interview_question_request = cls(
            answer=answer,
            asked=asked,
        )

        return update_interview_question_request

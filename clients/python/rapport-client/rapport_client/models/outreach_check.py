from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.outreach_verdict import OutreachVerdict

T = TypeVar("T", bound="OutreachCheck")


@_attrs_define
class OutreachCheck:
    """How the message fares. The rules judge the message without its
    greeting (a first line such as `Dear Ms. Chen,`, or a leading `Hi
    Dana,`) and without its sign-off (`Best regards, Steven Olson`,
    `Thanks!`, a last line `– Nigella`).

        Attributes:
            ends_with_question (bool): Whether the request is a question: the message ends with `?`
                before its sign-off.
            job_words (list[str]): Phrases that ask for a job, as written, in order: "hiring", "hire
                me", "open position", "resume", "apply for", "work for you",
                "any accounting jobs"... A job word that only describes ("my
                position is…", "job shadowing") is not one.
            reasons (list[str]): Why the verdict is `revise`; empty when `good`.
            referrer_named_early (bool): Whether the referrer is named (in full, or by first or last name)
                in the first sentence after the greeting; honorifics ("Mrs."),
                abbreviations ("e.g.") and initials do not end a sentence, a line
                break does. `false` when no referrer was given.
            too_long (bool): Over 100 words.
            verdict (OutreachVerdict): The overall judgement.
            word_count (int): Words of the message without greeting and sign-off.
    """

    ends_with_question: bool
    job_words: list[str]
    reasons: list[str]
    referrer_named_early: bool
    too_long: bool
    verdict: OutreachVerdict
    word_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ends_with_question = self.ends_with_question

        job_words = self.job_words

        reasons = self.reasons

        referrer_named_early = self.referrer_named_early

        too_long = self.too_long

        verdict = self.verdict.value

        word_count = self.word_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ends_with_question": ends_with_question,
                "job_words": job_words,
                "reasons": reasons,
                "referrer_named_early": referrer_named_early,
                "too_long": too_long,
                "verdict": verdict,
                "word_count": word_count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ends_with_question = d.pop("ends_with_question")

        job_words = cast(list[str], d.pop("job_words"))

        reasons = cast(list[str], d.pop("reasons"))

        referrer_named_early = d.pop("referrer_named_early")

        too_long = d.pop("too_long")

        verdict = OutreachVerdict(d.pop("verdict"))

        word_count = d.pop("word_count")

        outreach_check = cls(
            ends_with_question=ends_with_question,
            job_words=job_words,
            reasons=reasons,
            referrer_named_early=referrer_named_early,
            too_long=too_long,
            verdict=verdict,
            word_count=word_count,
        )

        outreach_check.additional_properties = d
        return outreach_check

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

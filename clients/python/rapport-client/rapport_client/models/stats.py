from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.contacts_by_segment import ContactsBySegment
    from ..models.interviews_by_status import InterviewsByStatus
    from ..models.thank_you_stats import ThankYouStats


T = TypeVar("T", bound="Stats")


@_attrs_define
class Stats:
    """How the job seeker's outreach is going.

    Attributes:
        contacts_by_segment (ContactsBySegment): How many contacts are in each segment, 0 where there are none.
        interviews_by_status (InterviewsByStatus): How many interviews are in each status, 0 where there are none.
        lamp_top5_with_active_contact (int): Employers in the LAMP top five with at least one active contact.
        median_hours_to_first_reply (float | None): Median hours from request to answer; `null` before the first answer.
        overdue_reminders (int): Pending reminders past their due time.
        referrals_gained (int): Contacts added through interviews' referrals.
        reply_rate (float | None): Answered requests out of requests sent; `null` before the first request.
        thank_you (ThankYouStats): Thank-you notes sent within 24 hours, out of those due.
    """

    contacts_by_segment: ContactsBySegment
    interviews_by_status: InterviewsByStatus
    lamp_top5_with_active_contact: int
    median_hours_to_first_reply: float | None
    overdue_reminders: int
    referrals_gained: int
    reply_rate: float | None
    thank_you: ThankYouStats
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contacts_by_segment = self.contacts_by_segment.to_dict()

        interviews_by_status = self.interviews_by_status.to_dict()

        lamp_top5_with_active_contact = self.lamp_top5_with_active_contact

        median_hours_to_first_reply: float | None
        median_hours_to_first_reply = self.median_hours_to_first_reply

        overdue_reminders = self.overdue_reminders

        referrals_gained = self.referrals_gained

        reply_rate: float | None
        reply_rate = self.reply_rate

        thank_you = self.thank_you.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contacts_by_segment": contacts_by_segment,
                "interviews_by_status": interviews_by_status,
                "lamp_top5_with_active_contact": lamp_top5_with_active_contact,
                "median_hours_to_first_reply": median_hours_to_first_reply,
                "overdue_reminders": overdue_reminders,
                "referrals_gained": referrals_gained,
                "reply_rate": reply_rate,
                "thank_you": thank_you,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contacts_by_segment import ContactsBySegment  # noqa: PLC0415
        from ..models.interviews_by_status import InterviewsByStatus  # noqa: PLC0415
        from ..models.thank_you_stats import ThankYouStats  # noqa: PLC0415

        d = dict(src_dict)
        contacts_by_segment = ContactsBySegment.from_dict(d.pop("contacts_by_segment"))

        interviews_by_status = InterviewsByStatus.from_dict(d.pop("interviews_by_status"))

        lamp_top5_with_active_contact = d.pop("lamp_top5_with_active_contact")

        def _parse_median_hours_to_first_reply(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median_hours_to_first_reply = _parse_median_hours_to_first_reply(d.pop("median_hours_to_first_reply"))

        overdue_reminders = d.pop("overdue_reminders")

        referrals_gained = d.pop("referrals_gained")

        def _parse_reply_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        reply_rate = _parse_reply_rate(d.pop("reply_rate"))

        thank_you = ThankYouStats.from_dict(d.pop("thank_you"))

        stats = cls(
            contacts_by_segment=contacts_by_segment,
            interviews_by_status=interviews_by_status,
            lamp_top5_with_active_contact=lamp_top5_with_active_contact,
            median_hours_to_first_reply=median_hours_to_first_reply,
            overdue_reminders=overdue_reminders,
            referrals_gained=referrals_gained,
            reply_rate=reply_rate,
            thank_you=thank_you,
        )

        stats.additional_properties = d
        return stats

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

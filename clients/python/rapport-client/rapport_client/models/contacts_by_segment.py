from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ContactsBySegment")


@_attrs_define
class ContactsBySegment:
    """How many contacts are in each segment, 0 where there are none.

    Attributes:
        awaiting (int):
        booster (int):
        curmudgeon (int):
        obligate (int):
        unknown (int):
    """

    awaiting: int
    booster: int
    curmudgeon: int
    obligate: int
    unknown: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        awaiting = self.awaiting

        booster = self.booster

        curmudgeon = self.curmudgeon

        obligate = self.obligate

        unknown = self.unknown

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "awaiting": awaiting,
                "booster": booster,
                "curmudgeon": curmudgeon,
                "obligate": obligate,
                "unknown": unknown,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        awaiting = d.pop("awaiting")

        booster = d.pop("booster")

        curmudgeon = d.pop("curmudgeon")

        obligate = d.pop("obligate")

        unknown = d.pop("unknown")

        contacts_by_segment = cls(
            awaiting=awaiting,
            booster=booster,
            curmudgeon=curmudgeon,
            obligate=obligate,
            unknown=unknown,
        )

        contacts_by_segment.additional_properties = d
        return contacts_by_segment

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.contact_segment import ContactSegment

T = TypeVar("T", bound="NetworkNode")


@_attrs_define
class NetworkNode:
    """One contact in the referral network.

    Attributes:
        employer_id (None | UUID):
        full_name (str):
        id (UUID):
        segment (ContactSegment): How a contact answered outreach (DESIGN §4): `unknown` until asked.
    """

    employer_id: None | UUID
    full_name: str
    id: UUID
    segment: ContactSegment
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        employer_id: None | str
        if isinstance(self.employer_id, UUID):
            employer_id = str(self.employer_id)
        else:
            employer_id = self.employer_id

        full_name = self.full_name

        id = str(self.id)

        segment = self.segment.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "employer_id": employer_id,
                "full_name": full_name,
                "id": id,
                "segment": segment,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_employer_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                employer_id_type_0 = UUID(data)

                return employer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        employer_id = _parse_employer_id(d.pop("employer_id"))

        full_name = d.pop("full_name")

        id = UUID(d.pop("id"))

        segment = ContactSegment(d.pop("segment"))

        network_node = cls(
            employer_id=employer_id,
            full_name=full_name,
            id=id,
            segment=segment,
        )

        network_node.additional_properties = d
        return network_node

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

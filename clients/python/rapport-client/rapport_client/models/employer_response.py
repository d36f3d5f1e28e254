from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.employer_status import EmployerStatus

T = TypeVar("T", bound="EmployerResponse")


@_attrs_define
class EmployerResponse:
    """An employer on the user's target list.

    Attributes:
        advocacy (bool): Is there likely a friendly contact there (the A of LAMP)?
        contact_count (int): Contacts linked to this employer.
        created_at (datetime.datetime):
        id (UUID):
        interview_count (int): Interviews with contacts linked to this employer.
        motivation (int): How much the user wants to work there, 0 to 3 (the M of LAMP).
        name (str):
        notes (None | str):
        posting (int): How relevant its open postings are, 1 to 3 (the P of LAMP).
        status (EmployerStatus): Where an employer stands on the target list.
        updated_at (datetime.datetime):
        version (int):
        website (None | str):
    """

    advocacy: bool
    contact_count: int
    created_at: datetime.datetime
    id: UUID
    interview_count: int
    motivation: int
    name: str
    notes: None | str
    posting: int
    status: EmployerStatus
    updated_at: datetime.datetime
    version: int
    website: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        advocacy = self.advocacy

        contact_count = self.contact_count

        created_at = self.created_at.isoformat()

        id = str(self.id)

        interview_count = self.interview_count

        motivation = self.motivation

        name = self.name

        notes: None | str
        notes = self.notes

        posting = self.posting

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        website: None | str
        website = self.website

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "advocacy": advocacy,
                "contact_count": contact_count,
                "created_at": created_at,
                "id": id,
                "interview_count": interview_count,
                "motivation": motivation,
                "name": name,
                "notes": notes,
                "posting": posting,
                "status": status,
                "updated_at": updated_at,
                "version": version,
                "website": website,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        advocacy = d.pop("advocacy")

        contact_count = d.pop("contact_count")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        interview_count = d.pop("interview_count")

        motivation = d.pop("motivation")

        name = d.pop("name")

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        posting = d.pop("posting")

        status = EmployerStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_website(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        website = _parse_website(d.pop("website"))

        employer_response = cls(
            advocacy=advocacy,
            contact_count=contact_count,
            created_at=created_at,
            id=id,
            interview_count=interview_count,
            motivation=motivation,
            name=name,
            notes=notes,
            posting=posting,
            status=status,
            updated_at=updated_at,
            version=version,
            website=website,
        )

        employer_response.additional_properties = d
        return employer_response

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.contact_segment import ContactSegment
from ..models.contact_source import ContactSource
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.employer_response import EmployerResponse


T = TypeVar("T", bound="ContactResponse")


@_attrs_define
class ContactResponse:
    """A professional the user may talk to.

    Attributes:
        archived_at (datetime.datetime | None):
        company (None | str):
        created_at (datetime.datetime):
        email (None | str):
        employer_id (None | UUID): One of the user's employers.
        field (None | str): Field or industry.
        full_name (str):
        has_hiring_power (bool | None): `null` when not known.
        id (UUID):
        job_title (None | str):
        linkedin_url (None | str):
        location (None | str):
        notes (None | str):
        phone (None | str):
        referred_by_contact_id (None | UUID): The contact who introduced this one.
        segment (ContactSegment): How a contact answered outreach (DESIGN §4): `unknown` until asked.
        source (ContactSource): How the user came to know a contact.
        tags (list[str]):
        updated_at (datetime.datetime):
        version (int):
        employer (EmployerResponse | None | Unset):
    """

    archived_at: datetime.datetime | None
    company: None | str
    created_at: datetime.datetime
    email: None | str
    employer_id: None | UUID
    field: None | str
    full_name: str
    has_hiring_power: bool | None
    id: UUID
    job_title: None | str
    linkedin_url: None | str
    location: None | str
    notes: None | str
    phone: None | str
    referred_by_contact_id: None | UUID
    segment: ContactSegment
    source: ContactSource
    tags: list[str]
    updated_at: datetime.datetime
    version: int
    employer: EmployerResponse | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.employer_response import EmployerResponse  # noqa: PLC0415

        archived_at: None | str
        if isinstance(self.archived_at, datetime.datetime):
            archived_at = self.archived_at.isoformat()
        else:
            archived_at = self.archived_at

        company: None | str
        company = self.company

        created_at = self.created_at.isoformat()

        email: None | str
        email = self.email

        employer_id: None | str
        if isinstance(self.employer_id, UUID):
            employer_id = str(self.employer_id)
        else:
            employer_id = self.employer_id

        field: None | str
        field = self.field

        full_name = self.full_name

        has_hiring_power: bool | None
        has_hiring_power = self.has_hiring_power

        id = str(self.id)

        job_title: None | str
        job_title = self.job_title

        linkedin_url: None | str
        linkedin_url = self.linkedin_url

        location: None | str
        location = self.location

        notes: None | str
        notes = self.notes

        phone: None | str
        phone = self.phone

        referred_by_contact_id: None | str
        if isinstance(self.referred_by_contact_id, UUID):
            referred_by_contact_id = str(self.referred_by_contact_id)
        else:
            referred_by_contact_id = self.referred_by_contact_id

        segment = self.segment.value

        source = self.source.value

        tags = self.tags

        updated_at = self.updated_at.isoformat()

        version = self.version

        employer: dict[str, Any] | None | Unset
        if isinstance(self.employer, Unset):
            employer = UNSET
        elif isinstance(self.employer, EmployerResponse):
            employer = self.employer.to_dict()
        else:
            employer = self.employer

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "archived_at": archived_at,
                "company": company,
                "created_at": created_at,
                "email": email,
                "employer_id": employer_id,
                "field": field,
                "full_name": full_name,
                "has_hiring_power": has_hiring_power,
                "id": id,
                "job_title": job_title,
                "linkedin_url": linkedin_url,
                "location": location,
                "notes": notes,
                "phone": phone,
                "referred_by_contact_id": referred_by_contact_id,
                "segment": segment,
                "source": source,
                "tags": tags,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if employer is not UNSET:
            field_dict["employer"] = employer

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.employer_response import EmployerResponse  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_archived_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                archived_at_type_0 = datetime.datetime.fromisoformat(data)

                return archived_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))

        def _parse_company(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        company = _parse_company(d.pop("company"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

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

        def _parse_field(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        field = _parse_field(d.pop("field"))

        full_name = d.pop("full_name")

        def _parse_has_hiring_power(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        has_hiring_power = _parse_has_hiring_power(d.pop("has_hiring_power"))

        id = UUID(d.pop("id"))

        def _parse_job_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        job_title = _parse_job_title(d.pop("job_title"))

        def _parse_linkedin_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        linkedin_url = _parse_linkedin_url(d.pop("linkedin_url"))

        def _parse_location(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        location = _parse_location(d.pop("location"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        def _parse_referred_by_contact_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                referred_by_contact_id_type_0 = UUID(data)

                return referred_by_contact_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        referred_by_contact_id = _parse_referred_by_contact_id(d.pop("referred_by_contact_id"))

        segment = ContactSegment(d.pop("segment"))

        source = ContactSource(d.pop("source"))

        tags = cast(list[str], d.pop("tags"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_employer(data: object) -> EmployerResponse | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                employer_type_0 = EmployerResponse.from_dict(data)

                return employer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmployerResponse | None | Unset, data)

        employer = _parse_employer(d.pop("employer", UNSET))

        contact_response = cls(
            archived_at=archived_at,
            company=company,
            created_at=created_at,
            email=email,
            employer_id=employer_id,
            field=field,
            full_name=full_name,
            has_hiring_power=has_hiring_power,
            id=id,
            job_title=job_title,
            linkedin_url=linkedin_url,
            location=location,
            notes=notes,
            phone=phone,
            referred_by_contact_id=referred_by_contact_id,
            segment=segment,
            source=source,
            tags=tags,
            updated_at=updated_at,
            version=version,
            employer=employer,
        )

        contact_response.additional_properties = d
        return contact_response

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.contact_source import ContactSource
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateContactRequest")


@_attrs_define
class CreateContactRequest:
    """`POST /v1/contacts` and `POST /v1/interviews/{id}/referrals`.

    Attributes:
        full_name (str):
        company (None | str | Unset):
        email (None | str | Unset):
        employer_id (None | Unset | UUID): One of the caller's employers.
        field (None | str | Unset):
        has_hiring_power (bool | None | Unset):
        id (None | Unset | UUID): Chosen by the client, so that one working offline can name what it
            creates before it syncs; made by the service when left out. An id
            in use, by anyone, is a 409 `conflict`.
        job_title (None | str | Unset):
        linkedin_url (None | str | Unset):
        location (None | str | Unset):
        notes (None | str | Unset):
        phone (None | str | Unset):
        referred_by_contact_id (None | Unset | UUID): Another of the caller's contacts.
        source (ContactSource | None | Unset):
        tags (list[str] | None | Unset):
    """

    full_name: str
    company: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    employer_id: None | Unset | UUID = UNSET
    field: None | str | Unset = UNSET
    has_hiring_power: bool | None | Unset = UNSET
    id: None | Unset | UUID = UNSET
    job_title: None | str | Unset = UNSET
    linkedin_url: None | str | Unset = UNSET
    location: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    referred_by_contact_id: None | Unset | UUID = UNSET
    source: ContactSource | None | Unset = UNSET
    tags: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        full_name = self.full_name

        company: None | str | Unset
        if isinstance(self.company, Unset):
            company = UNSET
        else:
            company = self.company

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        employer_id: None | str | Unset
        if isinstance(self.employer_id, Unset):
            employer_id = UNSET
        elif isinstance(self.employer_id, UUID):
            employer_id = str(self.employer_id)
        else:
            employer_id = self.employer_id

        field: None | str | Unset
        if isinstance(self.field, Unset):
            field = UNSET
        else:
            field = self.field

        has_hiring_power: bool | None | Unset
        if isinstance(self.has_hiring_power, Unset):
            has_hiring_power = UNSET
        else:
            has_hiring_power = self.has_hiring_power

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        job_title: None | str | Unset
        if isinstance(self.job_title, Unset):
            job_title = UNSET
        else:
            job_title = self.job_title

        linkedin_url: None | str | Unset
        if isinstance(self.linkedin_url, Unset):
            linkedin_url = UNSET
        else:
            linkedin_url = self.linkedin_url

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        referred_by_contact_id: None | str | Unset
        if isinstance(self.referred_by_contact_id, Unset):
            referred_by_contact_id = UNSET
        elif isinstance(self.referred_by_contact_id, UUID):
            referred_by_contact_id = str(self.referred_by_contact_id)
        else:
            referred_by_contact_id = self.referred_by_contact_id

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        elif isinstance(self.source, ContactSource):
            source = self.source.value
        else:
            source = self.source

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "full_name": full_name,
            }
        )
        if company is not UNSET:
            field_dict["company"] = company
        if email is not UNSET:
            field_dict["email"] = email
        if employer_id is not UNSET:
            field_dict["employer_id"] = employer_id
        if field is not UNSET:
            field_dict["field"] = field
        if has_hiring_power is not UNSET:
            field_dict["has_hiring_power"] = has_hiring_power
        if id is not UNSET:
            field_dict["id"] = id
        if job_title is not UNSET:
            field_dict["job_title"] = job_title
        if linkedin_url is not UNSET:
            field_dict["linkedin_url"] = linkedin_url
        if location is not UNSET:
            field_dict["location"] = location
        if notes is not UNSET:
            field_dict["notes"] = notes
        if phone is not UNSET:
            field_dict["phone"] = phone
        if referred_by_contact_id is not UNSET:
            field_dict["referred_by_contact_id"] = referred_by_contact_id
        if source is not UNSET:
            field_dict["source"] = source
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        full_name = d.pop("full_name")

        def _parse_company(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        company = _parse_company(d.pop("company", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_employer_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                employer_id_type_0 = UUID(data)

                return employer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        employer_id = _parse_employer_id(d.pop("employer_id", UNSET))

        def _parse_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        field = _parse_field(d.pop("field", UNSET))

        def _parse_has_hiring_power(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        has_hiring_power = _parse_has_hiring_power(d.pop("has_hiring_power", UNSET))

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

        def _parse_job_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        job_title = _parse_job_title(d.pop("job_title", UNSET))

        def _parse_linkedin_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        linkedin_url = _parse_linkedin_url(d.pop("linkedin_url", UNSET))

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_referred_by_contact_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                referred_by_contact_id_type_0 = UUID(data)

                return referred_by_contact_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        referred_by_contact_id = _parse_referred_by_contact_id(d.pop("referred_by_contact_id", UNSET))

        def _parse_source(data: object) -> ContactSource | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                source_type_0 = ContactSource(data)

                return source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactSource | None | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        create_contact_request = cls(
            full_name=full_name,
            company=company,
            email=email,
            employer_id=employer_id,
            field=field,
            has_hiring_power=has_hiring_power,
            id=id,
            job_title=job_title,
            linkedin_url=linkedin_url,
            location=location,
            notes=notes,
            phone=phone,
            referred_by_contact_id=referred_by_contact_id,
            source=source,
            tags=tags,
        )

        return create_contact_request

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.employer_status import EmployerStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateEmployerRequest")


@_attrs_define
class CreateEmployerRequest:
    """`POST /v1/employers`.

    Attributes:
        name (str):
        advocacy (bool | None | Unset): `false` when left out.
        id (None | Unset | UUID): Chosen by the client, so that one working offline can name what it
            creates before it syncs; made by the service when left out. An id
            in use, by anyone, is a 409 `conflict`.
        motivation (int | None | Unset): 0 to 3; 0 when left out.
        notes (None | str | Unset):
        posting (int | None | Unset): 1 to 3; 1 when left out.
        status (EmployerStatus | None | Unset):
        website (None | str | Unset):
    """

    name: str
    advocacy: bool | None | Unset = UNSET
    id: None | Unset | UUID = UNSET
    motivation: int | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    posting: int | None | Unset = UNSET
    status: EmployerStatus | None | Unset = UNSET
    website: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        advocacy: bool | None | Unset
        if isinstance(self.advocacy, Unset):
            advocacy = UNSET
        else:
            advocacy = self.advocacy

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        elif isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        motivation: int | None | Unset
        if isinstance(self.motivation, Unset):
            motivation = UNSET
        else:
            motivation = self.motivation

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        posting: int | None | Unset
        if isinstance(self.posting, Unset):
            posting = UNSET
        else:
            posting = self.posting

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, EmployerStatus):
            status = self.status.value
        else:
            status = self.status

        website: None | str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if advocacy is not UNSET:
            field_dict["advocacy"] = advocacy
        if id is not UNSET:
            field_dict["id"] = id
        if motivation is not UNSET:
            field_dict["motivation"] = motivation
        if notes is not UNSET:
            field_dict["notes"] = notes
        if posting is not UNSET:
            field_dict["posting"] = posting
        if status is not UNSET:
            field_dict["status"] = status
        if website is not UNSET:
            field_dict["website"] = website

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_advocacy(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        advocacy = _parse_advocacy(d.pop("advocacy", UNSET))

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

        def _parse_motivation(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        motivation = _parse_motivation(d.pop("motivation", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_posting(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        posting = _parse_posting(d.pop("posting", UNSET))

        def _parse_status(data: object) -> EmployerStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = EmployerStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmployerStatus | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_website(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))

        create_employer_request = cls(
            name=name,
            advocacy=advocacy,
            id=id,
            motivation=motivation,
            notes=notes,
            posting=posting,
            status=status,
            website=website,
        )

        return create_employer_request

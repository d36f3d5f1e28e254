from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.employer_status import EmployerStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateEmployerRequest")


@_attrs_define
class UpdateEmployerRequest:
    """A JSON merge patch of an employer: an absent field stays, `null` clears
    `website` and `notes`; the other fields cannot be null.

        Attributes:
            advocacy (bool | Unset):
            motivation (int | Unset):
            name (str | Unset):
            notes (None | str | Unset):
            posting (int | Unset):
            status (EmployerStatus | Unset): Where an employer stands on the target list.
            website (None | str | Unset):
    """

    advocacy: bool | Unset = UNSET
    motivation: int | Unset = UNSET
    name: str | Unset = UNSET
    notes: None | str | Unset = UNSET
    posting: int | Unset = UNSET
    status: EmployerStatus | Unset = UNSET
    website: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        advocacy = self.advocacy

        motivation = self.motivation

        name = self.name

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        posting = self.posting

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        website: None | str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if advocacy is not UNSET:
            field_dict["advocacy"] = advocacy
        if motivation is not UNSET:
            field_dict["motivation"] = motivation
        if name is not UNSET:
            field_dict["name"] = name
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
        advocacy = d.pop("advocacy", UNSET)

        motivation = d.pop("motivation", UNSET)

        name = d.pop("name", UNSET)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        posting = d.pop("posting", UNSET)

        _status = d.pop("status", UNSET)
        status: EmployerStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = EmployerStatus(_status)

        def _parse_website(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))

        update_employer_request = cls(
            advocacy=advocacy,
            motivation=motivation,
            name=name,
            notes=notes,
            posting=posting,
            status=status,
            website=website,
        )

        return update_employer_request

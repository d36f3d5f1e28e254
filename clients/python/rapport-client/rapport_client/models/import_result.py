from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.contact_import_error import ContactImportError


T = TypeVar("T", bound="ImportResult")


@_attrs_define
class ImportResult:
    """What an import did.

    Attributes:
        created (int): New contacts.
        errors (list[ContactImportError]): Rows that were not stored, and why.
        skipped (int): Rows that matched an existing contact and changed nothing.
        updated (int): Existing contacts (same LinkedIn URL, email, or name and company) the file changed.
    """

    created: int
    errors: list[ContactImportError]
    skipped: int
    updated: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created = self.created

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        skipped = self.skipped

        updated = self.updated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created": created,
                "errors": errors,
                "skipped": skipped,
                "updated": updated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact_import_error import ContactImportError  # noqa: PLC0415

        d = dict(src_dict)
        created = d.pop("created")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = ContactImportError.from_dict(errors_item_data)

            errors.append(errors_item)

        skipped = d.pop("skipped")

        updated = d.pop("updated")

        import_result = cls(
            created=created,
            errors=errors,
            skipped=skipped,
            updated=updated,
        )

        import_result.additional_properties = d
        return import_result

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.outreach_placeholder import OutreachPlaceholder
from ..models.outreach_template import OutreachTemplate

T = TypeVar("T", bound="OutreachScript")


@_attrs_define
class OutreachScript:
    """A personalised script.

    Attributes:
        missing_placeholders (list[OutreachPlaceholder]): The placeholders that could not be filled.
        template (OutreachTemplate): The scripts on offer.
        text (str): The script; a placeholder that could not be filled stays in it as
            `{name}`.
    """

    missing_placeholders: list[OutreachPlaceholder]
    template: OutreachTemplate
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        missing_placeholders = []
        for missing_placeholders_item_data in self.missing_placeholders:
            missing_placeholders_item = missing_placeholders_item_data.value
            missing_placeholders.append(missing_placeholders_item)

        template = self.template.value

        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "missing_placeholders": missing_placeholders,
                "template": template,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        missing_placeholders = []
        _missing_placeholders = d.pop("missing_placeholders")
        for missing_placeholders_item_data in _missing_placeholders:
            missing_placeholders_item = OutreachPlaceholder(missing_placeholders_item_data)

            missing_placeholders.append(missing_placeholders_item)

        template = OutreachTemplate(d.pop("template"))

        text = d.pop("text")

        outreach_script = cls(
            missing_placeholders=missing_placeholders,
            template=template,
            text=text,
        )

        outreach_script.additional_properties = d
        return outreach_script

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

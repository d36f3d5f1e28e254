from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.change_type_0 import ChangeType0
    from ..models.change_type_1 import ChangeType1
    from ..models.change_type_2 import ChangeType2
    from ..models.change_type_3 import ChangeType3
    from ..models.change_type_4 import ChangeType4
    from ..models.change_type_5 import ChangeType5
    from ..models.change_type_6 import ChangeType6
    from ..models.change_type_7 import ChangeType7
    from ..models.change_type_8 import ChangeType8


T = TypeVar("T", bound="SyncPage")


@_attrs_define
class SyncPage:
    """A page of changes.

    Attributes:
        changes (list[ChangeType0 | ChangeType1 | ChangeType2 | ChangeType3 | ChangeType4 | ChangeType5 | ChangeType6 |
            ChangeType7 | ChangeType8]): Each resource at most once, as it is now.
        has_more (bool): Whether more changes are waiting now: ask again at once.
        next_token (str): Pass as `since` next time; it is the only thing to keep.
    """

    changes: list[
        ChangeType0
        | ChangeType1
        | ChangeType2
        | ChangeType3
        | ChangeType4
        | ChangeType5
        | ChangeType6
        | ChangeType7
        | ChangeType8
    ]
    has_more: bool
    next_token: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.change_type_0 import ChangeType0  # noqa: PLC0415
        from ..models.change_type_1 import ChangeType1  # noqa: PLC0415
        from ..models.change_type_2 import ChangeType2  # noqa: PLC0415
        from ..models.change_type_3 import ChangeType3  # noqa: PLC0415
        from ..models.change_type_4 import ChangeType4  # noqa: PLC0415
        from ..models.change_type_5 import ChangeType5  # noqa: PLC0415
        from ..models.change_type_6 import ChangeType6  # noqa: PLC0415
        from ..models.change_type_7 import ChangeType7  # noqa: PLC0415

        changes = []
        for changes_item_data in self.changes:
            changes_item: dict[str, Any]
            if isinstance(changes_item_data, ChangeType0):
                changes_item = changes_item_data.to_dict()
            elif isinstance(changes_item_data, ChangeType1):
                changes_item = changes_item_data.to_dict()
            elif isinstance(changes_item_data, ChangeType2):
                changes_item = changes_item_data.to_dict()
            elif isinstance(changes_item_data, ChangeType3):
                changes_item = changes_item_data.to_dict()
            elif isinstance(changes_item_data, ChangeType4):
                changes_item = changes_item_data.to_dict()
            elif isinstance(changes_item_data, ChangeType5):
                changes_item = changes_item_data.to_dict()
            elif isinstance(changes_item_data, ChangeType6):
                changes_item = changes_item_data.to_dict()
            elif isinstance(changes_item_data, ChangeType7):
                changes_item = changes_item_data.to_dict()
            else:
                changes_item = changes_item_data.to_dict()

            changes.append(changes_item)

        has_more = self.has_more

        next_token = self.next_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changes": changes,
                "has_more": has_more,
                "next_token": next_token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change_type_0 import ChangeType0  # noqa: PLC0415
        from ..models.change_type_1 import ChangeType1  # noqa: PLC0415
        from ..models.change_type_2 import ChangeType2  # noqa: PLC0415
        from ..models.change_type_3 import ChangeType3  # noqa: PLC0415
        from ..models.change_type_4 import ChangeType4  # noqa: PLC0415
        from ..models.change_type_5 import ChangeType5  # noqa: PLC0415
        from ..models.change_type_6 import ChangeType6  # noqa: PLC0415
        from ..models.change_type_7 import ChangeType7  # noqa: PLC0415
        from ..models.change_type_8 import ChangeType8  # noqa: PLC0415

        d = dict(src_dict)
        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:

            def _parse_changes_item(
                data: object,
            ) -> (
                ChangeType0
                | ChangeType1
                | ChangeType2
                | ChangeType3
                | ChangeType4
                | ChangeType5
                | ChangeType6
                | ChangeType7
                | ChangeType8
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_change_type_0 = ChangeType0.from_dict(data)

                    return componentsschemas_change_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_change_type_1 = ChangeType1.from_dict(data)

                    return componentsschemas_change_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_change_type_2 = ChangeType2.from_dict(data)

                    return componentsschemas_change_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_change_type_3 = ChangeType3.from_dict(data)

                    return componentsschemas_change_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_change_type_4 = ChangeType4.from_dict(data)

                    return componentsschemas_change_type_4
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_change_type_5 = ChangeType5.from_dict(data)

                    return componentsschemas_change_type_5
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_change_type_6 = ChangeType6.from_dict(data)

                    return componentsschemas_change_type_6
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_change_type_7 = ChangeType7.from_dict(data)

                    return componentsschemas_change_type_7
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_change_type_8 = ChangeType8.from_dict(data)

                return componentsschemas_change_type_8

            changes_item = _parse_changes_item(changes_item_data)

            changes.append(changes_item)

        has_more = d.pop("has_more")

        next_token = d.pop("next_token")

        sync_page = cls(
            changes=changes,
            has_more=has_more,
            next_token=next_token,
        )

        sync_page.additional_properties = d
        return sync_page

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

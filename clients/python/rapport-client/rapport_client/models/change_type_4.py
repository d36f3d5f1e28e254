from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.change_type_4_resource import ChangeType4Resource
from ..models.operation import Operation

if TYPE_CHECKING:
    from ..models.synced_interview_question import SyncedInterviewQuestion


T = TypeVar("T", bound="ChangeType4")


@_attrs_define
class ChangeType4:
    """
    Attributes:
        data (None | SyncedInterviewQuestion):
        id (UUID):
        op (Operation): What happened to the resource.
        resource (ChangeType4Resource):
    """

    data: None | SyncedInterviewQuestion
    id: UUID
    op: Operation
    resource: ChangeType4Resource
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.synced_interview_question import SyncedInterviewQuestion  # noqa: PLC0415

        data: dict[str, Any] | None
        if isinstance(self.data, SyncedInterviewQuestion):
            data = self.data.to_dict()
        else:
            data = self.data

        id = str(self.id)

        op = self.op.value

        resource = self.resource.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
                "id": id,
                "op": op,
                "resource": resource,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.synced_interview_question import SyncedInterviewQuestion  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_data(data: object) -> None | SyncedInterviewQuestion:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = SyncedInterviewQuestion.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SyncedInterviewQuestion, data)

        data = _parse_data(d.pop("data"))

        id = UUID(d.pop("id"))

        op = Operation(d.pop("op"))

        resource = ChangeType4Resource(d.pop("resource"))

        change_type_4 = cls(
            data=data,
            id=id,
            op=op,
            resource=resource,
        )

        change_type_4.additional_properties = d
        return change_type_4

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

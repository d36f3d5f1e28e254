from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_role import UserRole

T = TypeVar("T", bound="UserResponse")


@_attrs_define
class UserResponse:
    """The signed-in user's account.

    Attributes:
        created_at (datetime.datetime):
        display_name (str):
        email (str):
        id (UUID):
        role (UserRole): An account's role: `member` for everyone; `admin` is reserved for
            operators and grants nothing through the API yet.
        target_field (None | str): Fills the blank in outreach scripts ("my interest in …").
        time_zone (str): IANA time zone used for business days and calendars.
        updated_at (datetime.datetime):
    """

    created_at: datetime.datetime
    display_name: str
    email: str
    id: UUID
    role: UserRole
    target_field: None | str
    time_zone: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        display_name = self.display_name

        email = self.email

        id = str(self.id)

        role = self.role.value

        target_field: None | str
        target_field = self.target_field

        time_zone = self.time_zone

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "display_name": display_name,
                "email": email,
                "id": id,
                "role": role,
                "target_field": target_field,
                "time_zone": time_zone,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        display_name = d.pop("display_name")

        email = d.pop("email")

        id = UUID(d.pop("id"))

        role = UserRole(d.pop("role"))

        def _parse_target_field(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target_field = _parse_target_field(d.pop("target_field"))

        time_zone = d.pop("time_zone")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        user_response = cls(
            created_at=created_at,
            display_name=display_name,
            email=email,
            id=id,
            role=role,
            target_field=target_field,
            time_zone=time_zone,
            updated_at=updated_at,
        )

        user_response.additional_properties = d
        return user_response

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

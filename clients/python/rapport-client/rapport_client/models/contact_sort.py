from enum import StrEnum


class ContactSort(StrEnum):
    CREATED_AT = "created_at"
    NAME = "name"
    VALUE_1 = "-updated_at"

    def __str__(self) -> str:
        return str(self.value)

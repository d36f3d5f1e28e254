from enum import StrEnum


class ChangeType1Resource(StrEnum):
    CONTACT = "contact"

    def __str__(self) -> str:
        return str(self.value)

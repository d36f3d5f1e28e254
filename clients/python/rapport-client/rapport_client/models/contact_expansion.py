from enum import StrEnum


class ContactExpansion(StrEnum):
    CONTACT = "contact"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class ChangeType7Resource(StrEnum):
    REMINDER = "reminder"

    def __str__(self) -> str:
        return str(self.value)

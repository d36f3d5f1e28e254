from enum import StrEnum


class ChangeType3Resource(StrEnum):
    INTERVIEW = "interview"

    def __str__(self) -> str:
        return str(self.value)

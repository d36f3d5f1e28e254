from enum import StrEnum


class ChangeType8Resource(StrEnum):
    WEBHOOK = "webhook"

    def __str__(self) -> str:
        return str(self.value)

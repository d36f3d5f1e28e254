from enum import StrEnum


class ChangeType0Resource(StrEnum):
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class ChangeType2Resource(StrEnum):
    EMPLOYER = "employer"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class OutreachVerdict(StrEnum):
    GOOD = "good"
    REVISE = "revise"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class EmployerStatus(StrEnum):
    ACTIVE = "active"
    ON_HOLD = "on_hold"
    RULED_OUT = "ruled_out"

    def __str__(self) -> str:
        return str(self.value)

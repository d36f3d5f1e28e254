from enum import StrEnum


class EmployerExpansion(StrEnum):
    EMPLOYER = "employer"

    def __str__(self) -> str:
        return str(self.value)

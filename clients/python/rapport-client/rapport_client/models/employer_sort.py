from enum import StrEnum


class EmployerSort(StrEnum):
    LAMP = "lamp"
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)

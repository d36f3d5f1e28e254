from enum import StrEnum


class ReminderStatus(StrEnum):
    DISMISSED = "dismissed"
    DONE = "done"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class InterviewStatus(StrEnum):
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    DECLINED = "declined"
    NO_RESPONSE = "no_response"
    PLANNED = "planned"
    REQUESTED = "requested"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)

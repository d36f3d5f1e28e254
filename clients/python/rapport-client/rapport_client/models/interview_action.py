from enum import StrEnum


class InterviewAction(StrEnum):
    CANCEL = "cancel"
    COMPLETE = "complete"
    DECLINE = "decline"
    NO_RESPONSE = "no-response"
    REQUEST = "request"
    SCHEDULE = "schedule"
    THANK_YOU = "thank-you"

    def __str__(self) -> str:
        return str(self.value)

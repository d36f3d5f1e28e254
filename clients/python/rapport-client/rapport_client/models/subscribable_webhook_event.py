from enum import StrEnum


class SubscribableWebhookEvent(StrEnum):
    INTERVIEW_COMPLETED = "interview.completed"
    INTERVIEW_SCHEDULED = "interview.scheduled"
    REMINDER_DUE = "reminder.due"

    def __str__(self) -> str:
        return str(self.value)

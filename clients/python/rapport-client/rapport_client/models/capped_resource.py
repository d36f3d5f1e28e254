from enum import StrEnum


class CappedResource(StrEnum):
    ACTION_ITEMS_OF_AN_INTERVIEW = "action_items_of_an_interview"
    CONTACTS = "contacts"
    EMPLOYERS = "employers"
    INTERVIEWS = "interviews"
    PENDING_MANUAL_REMINDERS = "pending_manual_reminders"
    PENDING_REMINDERS = "pending_reminders"
    QUESTIONS_IN_A_SET = "questions_in_a_set"
    QUESTION_SETS = "question_sets"
    WEBHOOKS = "webhooks"

    def __str__(self) -> str:
        return str(self.value)

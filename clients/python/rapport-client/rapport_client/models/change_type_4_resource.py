from enum import StrEnum


class ChangeType4Resource(StrEnum):
    INTERVIEW_QUESTION = "interview_question"

    def __str__(self) -> str:
        return str(self.value)

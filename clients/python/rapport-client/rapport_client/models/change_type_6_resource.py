from enum import StrEnum


class ChangeType6Resource(StrEnum):
    QUESTION_SET = "question_set"

    def __str__(self) -> str:
        return str(self.value)

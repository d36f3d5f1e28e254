from enum import StrEnum


class InterviewFormat(StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class OutreachChannel(StrEnum):
    EMAIL = "email"
    IN_PERSON = "in_person"
    LINKEDIN = "linkedin"
    OTHER = "other"
    PHONE = "phone"

    def __str__(self) -> str:
        return str(self.value)

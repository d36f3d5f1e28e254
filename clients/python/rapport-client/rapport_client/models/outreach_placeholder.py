from enum import StrEnum


class OutreachPlaceholder(StrEnum):
    CONTACT_NAME = "contact_name"
    FIELD = "field"
    REFERRER_NAME = "referrer_name"
    USER_NAME = "user_name"

    def __str__(self) -> str:
        return str(self.value)

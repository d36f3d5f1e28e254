from enum import StrEnum


class ContactSource(StrEnum):
    ALUMNI = "alumni"
    COLD = "cold"
    EVENT = "event"
    ONLINE = "online"
    OTHER = "other"
    PERSONAL = "personal"
    REFERRAL = "referral"

    def __str__(self) -> str:
        return str(self.value)

from enum import StrEnum


class OutreachTemplate(StrEnum):
    EMAIL_INTRO = "email_intro"
    PHONE_REFERRAL = "phone_referral"

    def __str__(self) -> str:
        return str(self.value)

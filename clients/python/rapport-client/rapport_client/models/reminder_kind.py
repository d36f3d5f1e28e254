from enum import StrEnum


class ReminderKind(StrEnum):
    ACTION_ITEM = "action_item"
    CUSTOM = "custom"
    FOLLOW_UP = "follow_up"
    NEXT_CONTACT = "next_contact"
    PREPARE = "prepare"
    RECONNECT = "reconnect"
    THANK_YOU = "thank_you"

    def __str__(self) -> str:
        return str(self.value)

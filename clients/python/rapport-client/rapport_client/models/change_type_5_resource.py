from enum import StrEnum


class ChangeType5Resource(StrEnum):
    ACTION_ITEM = "action_item"

    def __str__(self) -> str:
        return str(self.value)

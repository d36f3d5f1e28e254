from enum import StrEnum


class QuestionSetScope(StrEnum):
    ALL = "all"
    LIBRARY = "library"
    MINE = "mine"

    def __str__(self) -> str:
        return str(self.value)

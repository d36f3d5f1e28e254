from enum import StrEnum


class ContactSegment(StrEnum):
    AWAITING = "awaiting"
    BOOSTER = "booster"
    CURMUDGEON = "curmudgeon"
    OBLIGATE = "obligate"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)

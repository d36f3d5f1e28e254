from enum import StrEnum


class QuestionCategory(StrEnum):
    ADVICE = "advice"
    CAREER_PATH = "career_path"
    COMPANY_CULTURE = "company_culture"
    DAY_TO_DAY = "day_to_day"
    INDUSTRY_TRENDS = "industry_trends"
    REFERRALS = "referrals"
    RESOURCES = "resources"
    SKILLS = "skills"

    def __str__(self) -> str:
        return str(self.value)

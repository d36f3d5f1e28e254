//! Advice on an interview that is not an error (DESIGN §2): too long, too
//! many questions for the time, overlapping another interview, a thank-you
//! overdue.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::models::Interview;
use super::transitions::Status;
use crate::question_sets::dto::estimated_minutes;

/// Interviews longer than this ask too much of a professional's time.
const LONG_INTERVIEW_MINUTES: i32 = 30;
/// A thank-you note is due within a day of the interview.
const THANK_YOU_HOURS: i64 = 24;

/// One piece of advice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[schema(as = InterviewWarning)]
pub struct Warning {
    pub code: WarningCode,
    pub message: String,
}

/// What a warning is about. More codes may come: a client shows the
/// `message` of one it does not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum WarningCode {
    /// The interview is planned longer than 30 minutes.
    LongInterview,
    /// More questions are attached than fit the time.
    TooManyQuestions,
    /// Another scheduled interview overlaps this one.
    Overlap,
    /// The thank-you note is more than 24 hours late.
    ThankYouOverdue,
}

/// A scheduled interview's time slot.
#[derive(Debug, Clone, Copy)]
pub struct Slot {
    pub id: Uuid,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Slot {
    pub fn of(interview: &Interview) -> Option<Slot> {
        if interview.status != Status::Scheduled {
            return None;
        }
        let start = interview.scheduled_start?;
        Some(Slot {
            id: interview.id,
            start,
            end: start + Duration::minutes(i64::from(interview.duration_minutes)),
        })
    }
}

/// The warnings of `interview`, given how many questions it has and the
/// user's other scheduled slots.
pub fn of(
    interview: &Interview,
    questions: usize,
    others: &[Slot],
    now: DateTime<Utc>,
) -> Vec<Warning> {
    let mut warnings = Vec::new();
    if interview.duration_minutes > LONG_INTERVIEW_MINUTES {
        warnings.push(Warning {
            code: WarningCode::LongInterview,
            message: format!(
                "{} minutes is long for an informational interview; 15 to 30 minutes respects the other person's time",
                interview.duration_minutes
            ),
        });
    }
    let needed = estimated_minutes(questions);
    if needed > i64::from(interview.duration_minutes) {
        warnings.push(Warning {
            code: WarningCode::TooManyQuestions,
            message: format!(
                "{questions} questions take about {needed} minutes, more than the {} planned",
                interview.duration_minutes
            ),
        });
    }
    if let Some(slot) = Slot::of(interview) {
        let clash = others
            .iter()
            .find(|other| other.id != slot.id && other.start < slot.end && slot.start < other.end);
        if let Some(other) = clash {
            warnings.push(Warning {
                code: WarningCode::Overlap,
                message: format!("overlaps another scheduled interview ({})", other.id),
            });
        }
    }
    let completed = interview.status == Status::Completed;
    if let (true, Some(completed_at), None) = (
        completed,
        interview.completed_at,
        interview.thank_you_sent_at,
    ) && now - completed_at > Duration::hours(THANK_YOU_HOURS)
    {
        warnings.push(Warning {
            code: WarningCode::ThankYouOverdue,
            message: "completed over 24 hours ago and no thank-you note is recorded".to_owned(),
        });
    }
    warnings
}

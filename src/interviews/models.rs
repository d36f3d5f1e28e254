//! Diesel rows of `interviews` and `interview_questions`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::dto::{Channel, Format};
use super::transitions::Status;
use crate::question_sets::dto::Category;
use crate::schema::{interview_questions, interviews};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = interviews, check_for_backend(diesel::pg::Pg))]
pub struct Interview {
    pub id: Uuid,
    pub user_id: Uuid,
    pub contact_id: Uuid,
    pub status: Status,
    pub purpose: Option<String>,
    pub outreach_channel: Option<Channel>,
    pub outreach_message: Option<String>,
    pub requested_at: Option<DateTime<Utc>>,
    pub responded_at: Option<DateTime<Utc>>,
    pub scheduled_start: Option<DateTime<Utc>>,
    pub duration_minutes: i32,
    pub format: Option<Format>,
    pub location: Option<String>,
    pub meeting_url: Option<String>,
    pub notes: Option<String>,
    pub key_insights: Option<String>,
    pub may_contact_again: Option<bool>,
    pub thank_you_sent_at: Option<DateTime<Utc>>,
    pub completed_at: Option<DateTime<Utc>>,
    pub cancel_reason: Option<String>,
    pub question_set_id: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

crate::preconditions::versioned!(Interview);

impl Interview {
    /// What the reminder rules read of it.
    pub fn facts(&self) -> crate::reminders::rules::Interview {
        crate::reminders::rules::Interview {
            id: self.id,
            user_id: self.user_id,
            contact_id: self.contact_id,
            requested_at: self.requested_at,
            scheduled_start: self.scheduled_start,
            completed_at: self.completed_at,
            may_contact_again: self.may_contact_again,
        }
    }
}

#[derive(Debug, Insertable)]
#[diesel(table_name = interviews)]
// NULL for `None`, not DEFAULT: see `NewContact`.
#[diesel(treat_none_as_default_value = false)]
pub struct NewInterview {
    pub id: Uuid,
    pub user_id: Uuid,
    pub contact_id: Uuid,
    pub purpose: Option<String>,
    pub format: Option<Format>,
    pub duration_minutes: i32,
    pub location: Option<String>,
    pub meeting_url: Option<String>,
}

/// Every column a PATCH or an action may change; `None` leaves it alone.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset)]
#[diesel(table_name = interviews)]
pub struct InterviewChangeset {
    pub status: Option<Status>,
    pub purpose: Option<Option<String>>,
    pub outreach_channel: Option<Option<Channel>>,
    pub outreach_message: Option<Option<String>>,
    pub requested_at: Option<Option<DateTime<Utc>>>,
    pub responded_at: Option<Option<DateTime<Utc>>>,
    pub scheduled_start: Option<Option<DateTime<Utc>>>,
    pub duration_minutes: Option<i32>,
    pub format: Option<Option<Format>>,
    pub location: Option<Option<String>>,
    pub meeting_url: Option<Option<String>>,
    pub notes: Option<Option<String>>,
    pub key_insights: Option<Option<String>>,
    pub may_contact_again: Option<Option<bool>>,
    pub thank_you_sent_at: Option<Option<DateTime<Utc>>>,
    pub completed_at: Option<Option<DateTime<Utc>>>,
    pub cancel_reason: Option<Option<String>>,
    pub question_set_id: Option<Option<Uuid>>,
}

impl InterviewChangeset {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = interview_questions, check_for_backend(diesel::pg::Pg))]
pub struct InterviewQuestion {
    pub id: Uuid,
    pub interview_id: Uuid,
    pub position: i32,
    pub text: String,
    pub category: Category,
    pub asked: bool,
    pub answer: Option<String>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = interview_questions)]
pub struct NewInterviewQuestion {
    pub id: Uuid,
    pub interview_id: Uuid,
    pub position: i32,
    pub text: String,
    pub category: Category,
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = interview_questions)]
pub struct InterviewQuestionChangeset {
    pub asked: Option<bool>,
    pub answer: Option<Option<String>>,
}

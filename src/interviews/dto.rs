//! Wire types of interviews, their actions and their questions.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::models::{Interview, InterviewQuestion, InterviewQuestionChangeset};
use super::transitions::{Action, Status, allowed_actions};
use super::warnings::Warning;
use crate::contacts::dto::ContactResponse;
use crate::pagination::PageSize;
use crate::patch::{self, Patch, ReadOnlyFields};
use crate::question_sets::dto::Category;
use crate::validation;

crate::stored_enum::stored_enum! {
    /// How the outreach went out.
    #[schema(as = OutreachChannel)]
    pub enum Channel {
        Phone = "phone",
        Email = "email",
        Linkedin = "linkedin",
        InPerson = "in_person",
        Other = "other",
    }
}

crate::stored_enum::stored_enum! {
    /// How the interview is held.
    #[schema(as = InterviewFormat)]
    pub enum Format {
        InPerson = "in_person",
        Phone = "phone",
        Video = "video",
    }
}

/// An informational interview.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct InterviewResponse {
    pub id: Uuid,
    pub contact_id: Uuid,
    /// The contact, with `expand=contact` only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<ContactResponse>)]
    pub contact: Option<Option<ContactResponse>>,
    pub status: Status,
    pub purpose: Option<String>,
    pub outreach_channel: Option<Channel>,
    pub outreach_message: Option<String>,
    #[serde(serialize_with = "crate::timestamp::option::serialize")]
    pub requested_at: Option<DateTime<Utc>>,
    /// When the contact answered the request (the first `schedule` or
    /// `decline` after it).
    #[serde(serialize_with = "crate::timestamp::option::serialize")]
    pub responded_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "crate::timestamp::option::serialize")]
    pub scheduled_start: Option<DateTime<Utc>>,
    pub duration_minutes: i32,
    pub format: Option<Format>,
    pub location: Option<String>,
    pub meeting_url: Option<String>,
    pub notes: Option<String>,
    pub key_insights: Option<String>,
    /// Asked at the end: may the user stay in touch?
    pub may_contact_again: Option<bool>,
    #[serde(serialize_with = "crate::timestamp::option::serialize")]
    pub thank_you_sent_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "crate::timestamp::option::serialize")]
    pub completed_at: Option<DateTime<Utc>>,
    pub cancel_reason: Option<String>,
    /// The question set attached last.
    pub question_set_id: Option<Uuid>,
    /// The actions the current status allows.
    pub allowed_actions: Vec<Action>,
    /// Advice, not errors.
    pub warnings: Vec<Warning>,
    pub version: i32,
    #[serde(serialize_with = "crate::timestamp::serialize")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::timestamp::serialize")]
    pub updated_at: DateTime<Utc>,
}

crate::preconditions::versioned!(InterviewResponse);

impl InterviewResponse {
    pub fn new(interview: Interview, warnings: Vec<Warning>) -> Self {
        let status = interview.status;
        Self {
            id: interview.id,
            contact_id: interview.contact_id,
            contact: None,
            status,
            purpose: interview.purpose,
            outreach_channel: interview.outreach_channel,
            outreach_message: interview.outreach_message,
            requested_at: interview.requested_at,
            responded_at: interview.responded_at,
            scheduled_start: interview.scheduled_start,
            duration_minutes: interview.duration_minutes,
            format: interview.format,
            location: interview.location,
            meeting_url: interview.meeting_url,
            notes: interview.notes,
            key_insights: interview.key_insights,
            may_contact_again: interview.may_contact_again,
            thank_you_sent_at: interview.thank_you_sent_at,
            completed_at: interview.completed_at,
            cancel_reason: interview.cancel_reason,
            question_set_id: interview.question_set_id,
            allowed_actions: allowed_actions(status, interview.thank_you_sent_at.is_some()),
            warnings,
            version: interview.version,
            created_at: interview.created_at,
            updated_at: interview.updated_at,
        }
    }
}

/// `POST /v1/interviews`: a planned interview with one of the caller's contacts.
#[derive(Debug, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateInterviewRequest {
    /// Chosen by the client, so that one working offline can name what it
    /// creates before it syncs; made by the service when left out. An id
    /// in use, by anyone, is a 409 `conflict`.
    #[garde(skip)]
    pub id: Option<Uuid>,
    #[garde(skip)]
    pub contact_id: Uuid,
    #[garde(inner(length(chars, min = 1, max = 2000)))]
    #[schema(
        min_length = 1,
        max_length = 2000,
        example = "Learn how product managers work with data teams"
    )]
    pub purpose: Option<String>,
    #[garde(skip)]
    pub format: Option<Format>,
    /// 5 to 240; 20 when left out.
    #[garde(inner(range(min = 5, max = 240)))]
    #[schema(minimum = 5, maximum = 240)]
    pub duration_minutes: Option<i32>,
    #[garde(inner(length(chars, min = 1, max = 200)))]
    #[schema(min_length = 1, max_length = 200)]
    pub location: Option<String>,
    #[garde(inner(custom(validation::web_url)))]
    #[schema(
        max_length = 2000,
        pattern = r"^https?://([^\x00-\x20\x7f-\x9f/?#@\[\]]+@)?[^\x00-\x20\x7f-\x9f/?#@\[\]:]+(:[0-9]{1,5})?([/?#][^\x00-\x20\x7f-\x9f]*)?$"
    )]
    pub meeting_url: Option<String>,
}

/// A JSON merge patch of an interview. Status and the action times change
/// only through the actions.
#[derive(Debug, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct UpdateInterviewRequest {
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Option<String>, min_length = 1, max_length = 2000)]
    #[garde(inner(length(chars, min = 1, max = 2000)))]
    pub purpose: Patch<String>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    #[garde(inner(length(chars, max = 20000)))]
    pub notes: Patch<String>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    #[garde(inner(length(chars, max = 20000)))]
    pub key_insights: Patch<String>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Option<Format>)]
    #[garde(skip)]
    pub format: Patch<Format>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Option<String>, min_length = 1, max_length = 200)]
    #[garde(inner(length(chars, min = 1, max = 200)))]
    pub location: Patch<String>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Option<String>, max_length = 2000, pattern = r"^https?://([^\x00-\x20\x7f-\x9f/?#@\[\]]+@)?[^\x00-\x20\x7f-\x9f/?#@\[\]:]+(:[0-9]{1,5})?([/?#][^\x00-\x20\x7f-\x9f]*)?$")]
    #[garde(inner(custom(validation::web_url)))]
    pub meeting_url: Patch<String>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = i32, minimum = 5, maximum = 240)]
    #[garde(custom(patch::not_null), inner(range(min = 5, max = 240)))]
    pub duration_minutes: Patch<i32>,
}

impl ReadOnlyFields for UpdateInterviewRequest {
    const READ_ONLY: &'static [&'static str] = &[
        "id",
        "version",
        "contact_id",
        "contact",
        "question_set_id",
        "status",
        "allowed_actions",
        "warnings",
        "outreach_channel",
        "outreach_message",
        "requested_at",
        "responded_at",
        "scheduled_start",
        "completed_at",
        "thank_you_sent_at",
        "cancel_reason",
        "may_contact_again",
        "created_at",
        "updated_at",
    ];
}

/// `POST /v1/interviews/{id}/request`: the outreach went out.
#[derive(Debug, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct RequestActionBody {
    #[garde(skip)]
    pub channel: Channel,
    /// When it was sent; now when left out; never in the future.
    #[garde(skip)]
    pub sent_at: Option<DateTime<Utc>>,
    /// The message as sent.
    #[garde(inner(length(chars, max = 20000)))]
    #[schema(max_length = 20000)]
    pub message: Option<String>,
}

/// `POST /v1/interviews/{id}/schedule`: a time is agreed (or moved).
/// Fields left out keep their values.
#[derive(Debug, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct ScheduleActionBody {
    #[garde(skip)]
    pub scheduled_start: DateTime<Utc>,
    #[garde(inner(range(min = 5, max = 240)))]
    #[schema(minimum = 5, maximum = 240)]
    pub duration_minutes: Option<i32>,
    #[garde(skip)]
    pub format: Option<Format>,
    #[garde(inner(length(chars, min = 1, max = 200)))]
    #[schema(min_length = 1, max_length = 200)]
    pub location: Option<String>,
    #[garde(inner(custom(validation::web_url)))]
    #[schema(
        max_length = 2000,
        pattern = r"^https?://([^\x00-\x20\x7f-\x9f/?#@\[\]]+@)?[^\x00-\x20\x7f-\x9f/?#@\[\]:]+(:[0-9]{1,5})?([/?#][^\x00-\x20\x7f-\x9f]*)?$"
    )]
    pub meeting_url: Option<String>,
}

/// `POST /v1/interviews/{id}/complete`. The body may be empty.
#[derive(Debug, Default, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct CompleteActionBody {
    /// When it ended; now when left out; never in the future; may precede
    /// `scheduled_start`.
    #[garde(skip)]
    pub completed_at: Option<DateTime<Utc>>,
    #[garde(inner(length(chars, max = 20000)))]
    #[schema(max_length = 20000)]
    pub notes: Option<String>,
    #[garde(inner(length(chars, max = 20000)))]
    #[schema(max_length = 20000)]
    pub key_insights: Option<String>,
    #[garde(skip)]
    pub may_contact_again: Option<bool>,
}

/// `POST /v1/interviews/{id}/cancel`. The body may be empty.
#[derive(Debug, Default, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct CancelActionBody {
    #[garde(inner(length(chars, min = 1, max = 2000)))]
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: Option<String>,
}

/// `POST /v1/interviews/{id}/thank-you`. The body may be empty.
#[derive(Debug, Default, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct ThankYouActionBody {
    /// When the note went out; now when left out; never in the future.
    #[garde(skip)]
    pub sent_at: Option<DateTime<Utc>>,
}

/// Query parameters of `GET /v1/interviews`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct InterviewListQuery {
    /// Only interviews in one of these statuses (comma-separated, or the
    /// key repeated).
    #[param(style = Form, explode = false, min_items = 1)]
    #[serde(default, deserialize_with = "crate::extract::list")]
    pub status: Option<Vec<Status>>,
    /// Only interviews changed after this time (`updated_at`, strictly after):
    /// what a client that polls has not seen.
    pub updated_after: Option<DateTime<Utc>>,
    pub contact_id: Option<Uuid>,
    /// Interviews with contacts linked to this employer.
    pub employer_id: Option<Uuid>,
    /// `scheduled_start` at or after this time.
    pub from: Option<DateTime<Utc>>,
    /// `scheduled_start` before this time.
    pub to: Option<DateTime<Utc>>,
    /// `contact`: the contact's wire form (or null) beside `contact_id`.
    #[param(style = Form, explode = false, min_items = 1)]
    #[serde(default, deserialize_with = "crate::extract::list")]
    pub expand: Option<Vec<crate::expand::ContactExpansion>>,
    /// Items per page, 1 to 100 (default 25).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 100)]
    #[serde(default)]
    pub limit: PageSize,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// A question copied into an interview.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct InterviewQuestionResponse {
    pub id: Uuid,
    pub position: i32,
    pub text: String,
    pub category: Category,
    pub asked: bool,
    pub answer: Option<String>,
}

impl From<InterviewQuestion> for InterviewQuestionResponse {
    fn from(question: InterviewQuestion) -> Self {
        Self {
            id: question.id,
            position: question.position,
            category: question.category,
            text: question.text,
            asked: question.asked,
            answer: question.answer,
        }
    }
}

/// `POST /v1/interviews/{id}/question-set`.
#[derive(Debug, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct AttachQuestionSetRequest {
    /// A library set or one of the caller's.
    #[garde(skip)]
    pub question_set_id: Uuid,
}

/// `PATCH /v1/interviews/{id}/questions/{question_id}`.
#[derive(Debug, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct UpdateInterviewQuestionRequest {
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = bool)]
    #[garde(custom(patch::not_null))]
    pub asked: Patch<bool>,
    /// `null` clears it.
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    #[garde(inner(length(chars, max = 20000)))]
    pub answer: Patch<String>,
}

impl UpdateInterviewQuestionRequest {
    pub fn into_changeset(self) -> InterviewQuestionChangeset {
        InterviewQuestionChangeset {
            asked: self.asked.into_value(),
            answer: self.answer.into_change(),
        }
    }
}

impl ReadOnlyFields for UpdateInterviewQuestionRequest {
    const READ_ONLY: &'static [&'static str] = &["id", "position", "text", "category"];
}

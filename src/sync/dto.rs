//! Wire types of `GET /v1/sync`.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::action_items::dto::ActionItemResponse;
use crate::auth::dto::UserResponse;
use crate::contacts::dto::ContactResponse;
use crate::employers::dto::EmployerResponse;
use crate::interviews::dto::{InterviewQuestionResponse, InterviewResponse};
use crate::pagination::Limit;
use crate::question_sets::dto::QuestionSetResponse;
use crate::reminders::dto::ReminderResponse;
use crate::webhooks::dto::WebhookResponse;

/// Changes a page holds when the client does not say.
pub const DEFAULT_CHANGES: i64 = 500;
/// The most changes a page holds.
pub const MAX_CHANGES: i64 = 1000;

/// A sync page's `limit`: 1 to 1000 changes, 500 when not said.
pub type ChangeLimit = Limit<DEFAULT_CHANGES, MAX_CHANGES>;

/// Query parameters of `GET /v1/sync`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SyncQuery {
    /// The `next_token` of the previous page; left out, the answer is the
    /// whole current state.
    pub since: Option<String>,
    /// Changes per page, 1 to 1000 (default 500).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 1000)]
    #[serde(default)]
    pub limit: ChangeLimit,
}

/// What kind of resource changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Resource {
    /// The account, as `GET /v1/me` answers it.
    User,
    Contact,
    Employer,
    Interview,
    InterviewQuestion,
    ActionItem,
    QuestionSet,
    Reminder,
    Webhook,
}

impl Resource {
    /// The name the change log stores.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::User => "user",
            Self::Contact => "contact",
            Self::Employer => "employer",
            Self::Interview => "interview",
            Self::InterviewQuestion => "interview_question",
            Self::ActionItem => "action_item",
            Self::QuestionSet => "question_set",
            Self::Reminder => "reminder",
            Self::Webhook => "webhook",
        }
    }

    pub const ALL: [Resource; 9] = [
        Self::User,
        Self::Contact,
        Self::Employer,
        Self::Interview,
        Self::InterviewQuestion,
        Self::ActionItem,
        Self::QuestionSet,
        Self::Reminder,
        Self::Webhook,
    ];

    /// The resource a stored name means.
    pub fn from_stored(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|resource| resource.as_str() == name)
    }
}

/// What happened to the resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Operation {
    /// It exists: `data` is its current wire form.
    Upsert,
    /// It is gone: `data` is null.
    Delete,
}

/// A question of an interview, with the interview it belongs to.
#[derive(Debug, Serialize, ToSchema)]
pub struct SyncedInterviewQuestion {
    pub interview_id: Uuid,
    #[serde(flatten)]
    pub question: InterviewQuestionResponse,
}

/// A resource's current wire form, as its own GET answers it.
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub enum ChangeData {
    User(UserResponse),
    Contact(ContactResponse),
    Employer(EmployerResponse),
    Interview(InterviewResponse),
    InterviewQuestion(SyncedInterviewQuestion),
    ActionItem(ActionItemResponse),
    QuestionSet(QuestionSetResponse),
    Reminder(ReminderResponse),
    Webhook(WebhookResponse),
}

/// One resource that changed, as it is now.
#[derive(Debug, Serialize, ToSchema)]
pub struct Change {
    pub resource: Resource,
    pub id: Uuid,
    #[serde(rename = "op")]
    pub operation: Operation,
    /// The resource's wire form for an `upsert` (the kind `resource` names);
    /// null for a `delete`.
    pub data: Option<ChangeData>,
}

/// A page of changes.
#[derive(Debug, Serialize, ToSchema)]
pub struct SyncPage {
    /// Each resource at most once, as it is now.
    pub changes: Vec<Change>,
    /// Pass as `since` next time; it is the only thing to keep.
    pub next_token: String,
    /// Whether more changes are waiting now: ask again at once.
    pub has_more: bool,
}

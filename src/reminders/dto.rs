//! Wire types of reminders.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// The longest reminder title (DESIGN §3: names are 1–200 characters).
pub const TITLE_MAX_CHARS: usize = 200;
/// The longest reminder note.
pub const NOTE_MAX_CHARS: usize = 20_000;

use super::models::Reminder;
use crate::contacts::dto::ContactResponse;
use crate::pagination::PageSize;
use crate::patch::{self, Patch, ReadOnlyFields};

crate::stored_enum::stored_enum! {
    /// What a reminder is for.
    #[schema(as = ReminderKind)]
    pub enum Kind {
        Prepare = "prepare",
        FollowUp = "follow_up",
        NextContact = "next_contact",
        ThankYou = "thank_you",
        Reconnect = "reconnect",
        ActionItem = "action_item",
        Custom = "custom",
    }
}

crate::stored_enum::stored_enum! {
    /// Where a reminder stands.
    pub enum ReminderStatus {
        Pending = "pending",
        Done = "done",
        /// Dismissed by the user, or retired by a rule.
        Dismissed = "dismissed",
    }
}

crate::stored_enum::stored_enum! {
    /// Who made a reminder.
    #[schema(as = ReminderOrigin)]
    pub enum Origin {
        /// A rule of the method.
        Auto = "auto",
        Manual = "manual",
    }
}

/// A reminder.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ReminderResponse {
    pub id: Uuid,
    pub kind: Kind,
    pub title: String,
    pub note: Option<String>,
    #[serde(serialize_with = "crate::timestamp::serialize")]
    pub due_at: DateTime<Utc>,
    pub status: ReminderStatus,
    pub origin: Origin,
    pub interview_id: Option<Uuid>,
    pub contact_id: Option<Uuid>,
    /// The contact (or null), with `expand=contact` only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<ContactResponse>)]
    pub contact: Option<Option<ContactResponse>>,
    /// When the dispatcher announced it (cleared by a snooze).
    #[serde(serialize_with = "crate::timestamp::option::serialize")]
    pub notified_at: Option<DateTime<Utc>>,
    /// Due again at this time.
    #[serde(serialize_with = "crate::timestamp::option::serialize")]
    pub snoozed_until: Option<DateTime<Utc>>,
    #[serde(serialize_with = "crate::timestamp::option::serialize")]
    pub completed_at: Option<DateTime<Utc>>,
    pub version: i32,
    #[serde(serialize_with = "crate::timestamp::serialize")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::timestamp::serialize")]
    pub updated_at: DateTime<Utc>,
}

crate::preconditions::versioned!(ReminderResponse);

impl From<Reminder> for ReminderResponse {
    fn from(reminder: Reminder) -> Self {
        Self {
            id: reminder.id,
            kind: reminder.kind,
            title: reminder.title,
            note: reminder.note,
            due_at: reminder.due_at,
            status: reminder.status,
            origin: reminder.origin,
            interview_id: reminder.interview_id,
            contact_id: reminder.contact_id,
            contact: None,
            notified_at: reminder.notified_at,
            snoozed_until: reminder.snoozed_until,
            completed_at: reminder.completed_at,
            version: reminder.version,
            created_at: reminder.created_at,
            updated_at: reminder.updated_at,
        }
    }
}

/// `POST /v1/reminders`: a reminder of the user's own.
#[derive(Debug, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateReminderRequest {
    /// Chosen by the client, so that one working offline can name what it
    /// creates before it syncs; made by the service when left out. An id
    /// in use, by anyone, is a 409 `conflict`.
    #[garde(skip)]
    pub id: Option<Uuid>,
    #[garde(length(chars, min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200, example = "Send Grace the article")]
    pub title: String,
    /// May be in the past: due at once.
    #[garde(skip)]
    pub due_at: DateTime<Utc>,
    #[garde(inner(length(chars, max = 20000)))]
    #[schema(max_length = 20000)]
    pub note: Option<String>,
    /// `custom` when left out.
    #[garde(skip)]
    pub kind: Option<Kind>,
    #[garde(skip)]
    pub interview_id: Option<Uuid>,
    #[garde(skip)]
    pub contact_id: Option<Uuid>,
}

/// A JSON merge patch of a manual reminder.
#[derive(Debug, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct UpdateReminderRequest {
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = String, min_length = 1, max_length = 200)]
    #[garde(custom(patch::not_null), inner(length(chars, min = 1, max = 200)))]
    pub title: Patch<String>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    #[garde(inner(length(chars, max = 20000)))]
    pub note: Patch<String>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = DateTime<Utc>)]
    #[garde(custom(patch::not_null))]
    pub due_at: Patch<DateTime<Utc>>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Kind)]
    #[garde(custom(patch::not_null))]
    pub kind: Patch<Kind>,
}

impl ReadOnlyFields for UpdateReminderRequest {
    const READ_ONLY: &'static [&'static str] = &[
        "id",
        "version",
        "origin",
        "status",
        "interview_id",
        "contact_id",
        "contact",
        "snoozed_until",
        "notified_at",
        "completed_at",
        "created_at",
        "updated_at",
    ];
}

/// `POST /v1/reminders/{id}/snooze`.
#[derive(Debug, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct SnoozeRequest {
    /// Due again at this time.
    #[garde(skip)]
    pub until: DateTime<Utc>,
}

/// Query parameters of `GET /v1/reminders`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ReminderListQuery {
    /// Only reminders in one of these statuses (comma-separated, or the key
    /// repeated).
    #[param(style = Form, explode = false, min_items = 1)]
    #[serde(default, deserialize_with = "crate::extract::list")]
    pub status: Option<Vec<ReminderStatus>>,
    /// Only reminders of one of these kinds (comma-separated, or the key
    /// repeated).
    #[param(style = Form, explode = false, min_items = 1)]
    #[serde(default, deserialize_with = "crate::extract::list")]
    pub kind: Option<Vec<Kind>>,
    /// Only reminders changed after this time (`updated_at`, strictly after):
    /// what a client that polls has not seen.
    pub updated_after: Option<DateTime<Utc>>,
    /// `due_at` before this time.
    pub due_before: Option<DateTime<Utc>>,
    /// `due_at` at or after this time.
    pub due_after: Option<DateTime<Utc>>,
    pub interview_id: Option<Uuid>,
    pub contact_id: Option<Uuid>,
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

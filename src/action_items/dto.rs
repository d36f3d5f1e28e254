//! Wire types of action items.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::models::ActionItem;
use crate::patch::{self, Patch, ReadOnlyFields};

/// Something the user will do after an interview.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ActionItemResponse {
    pub id: Uuid,
    pub interview_id: Uuid,
    pub text: String,
    pub done: bool,
    #[serde(serialize_with = "crate::timestamp::option::serialize")]
    pub due_at: Option<DateTime<Utc>>,
    pub version: i32,
    #[serde(serialize_with = "crate::timestamp::serialize")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::timestamp::serialize")]
    pub updated_at: DateTime<Utc>,
}

crate::preconditions::versioned!(ActionItemResponse);

impl From<ActionItem> for ActionItemResponse {
    fn from(item: ActionItem) -> Self {
        Self {
            id: item.id,
            interview_id: item.interview_id,
            text: item.text,
            done: item.done,
            due_at: item.due_at,
            version: item.version,
            created_at: item.created_at,
            updated_at: item.updated_at,
        }
    }
}

/// `POST /v1/interviews/{id}/action-items`.
#[derive(Debug, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateActionItemRequest {
    /// Chosen by the client, so that one working offline can name what it
    /// creates before it syncs; made by the service when left out. An id
    /// in use, by anyone, is a 409 `conflict`.
    #[garde(skip)]
    pub id: Option<Uuid>,
    #[garde(length(chars, min = 1, max = 2000))]
    #[schema(
        min_length = 1,
        max_length = 2000,
        example = "Send the article we talked about"
    )]
    pub text: String,
    #[garde(skip)]
    pub due_at: Option<DateTime<Utc>>,
}

/// A JSON merge patch of an action item (`due_at: null` clears it).
#[derive(Debug, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct UpdateActionItemRequest {
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = String, min_length = 1, max_length = 2000)]
    #[garde(custom(patch::not_null), inner(length(chars, min = 1, max = 2000)))]
    pub text: Patch<String>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = bool)]
    #[garde(custom(patch::not_null))]
    pub done: Patch<bool>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Option<DateTime<Utc>>)]
    #[garde(skip)]
    pub due_at: Patch<DateTime<Utc>>,
}

impl ReadOnlyFields for UpdateActionItemRequest {
    const READ_ONLY: &'static [&'static str] =
        &["id", "version", "interview_id", "created_at", "updated_at"];
}

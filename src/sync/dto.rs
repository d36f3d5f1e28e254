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

/// Declares, from one list of `Variant = "stored name" => wire type`, the
/// kinds of resource sync lists, a resource's current wire form, and the
/// change that carries it: a union tagged by `resource`, so a typed client
/// knows `data`'s type from it.
macro_rules! synced_resources {
    ($($variant:ident = $name:literal => $wire:ty),+ $(,)?) => {
        /// What kind of resource changed.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Resource {
            $($variant),+
        }

        impl Resource {
            /// Every kind, in the order sync documents them.
            pub const ALL: &[Resource] = &[$(Self::$variant),+];

            /// The name the change log and the wire use.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $name),+
                }
            }

            /// The resource a stored name means.
            pub fn from_stored(name: &str) -> Option<Self> {
                match name {
                    $($name => Some(Self::$variant),)+
                    _ => None,
                }
            }
        }

        /// A resource's current wire form, as its own GET answers it.
        #[derive(Debug)]
        pub enum ChangeData {
            $($variant($wire)),+
        }

        /// One resource that changed, as it is now: `data` is its wire form
        /// for an `upsert`, null for a `delete`.
        #[derive(Debug, Serialize, ToSchema)]
        // The variants' names in snake case are the stored names (a test
        // holds them equal): utoipa reads `rename_all`, not a variant's
        // own `rename`.
        #[serde(tag = "resource", rename_all = "snake_case")]
        pub enum Change {
            $(
                $variant {
                    id: Uuid,
                    op: Operation,
                    #[schema(required = true)]
                    data: Option<$wire>,
                }
            ),+
        }

        impl Change {
            /// The resource as it is now.
            pub fn upsert(id: Uuid, data: ChangeData) -> Self {
                match data {
                    $(ChangeData::$variant(data) => Self::$variant {
                        id,
                        op: Operation::Upsert,
                        data: Some(data),
                    }),+
                }
            }

            /// The resource is gone.
            pub fn delete(resource: Resource, id: Uuid) -> Self {
                match resource {
                    $(Resource::$variant => Self::$variant {
                        id,
                        op: Operation::Delete,
                        data: None,
                    }),+
                }
            }
        }
    };
}

synced_resources! {
    User = "user" => UserResponse,
    Contact = "contact" => ContactResponse,
    Employer = "employer" => EmployerResponse,
    Interview = "interview" => InterviewResponse,
    InterviewQuestion = "interview_question" => SyncedInterviewQuestion,
    ActionItem = "action_item" => ActionItemResponse,
    QuestionSet = "question_set" => QuestionSetResponse,
    Reminder = "reminder" => ReminderResponse,
    Webhook = "webhook" => WebhookResponse,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_tagged_with_the_name_the_log_stores() {
        let id = Uuid::nil();
        for resource in Resource::ALL {
            let change = serde_json::to_value(Change::delete(*resource, id)).expect("json");
            assert_eq!(change["resource"], resource.as_str());
            assert_eq!(Resource::from_stored(resource.as_str()), Some(*resource));
            assert_eq!(change["data"], serde_json::Value::Null);
            assert_eq!(change["op"], "delete");
        }
    }
}

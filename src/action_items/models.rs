//! Diesel rows of `action_items`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::schema::action_items;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = action_items, check_for_backend(diesel::pg::Pg))]
pub struct ActionItem {
    pub id: Uuid,
    pub user_id: Uuid,
    pub interview_id: Uuid,
    pub text: String,
    pub done: bool,
    pub due_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

crate::preconditions::versioned!(ActionItem);

impl ActionItem {
    /// What the reminder rules read of it.
    pub fn facts(&self) -> crate::reminders::rules::ActionItem {
        crate::reminders::rules::ActionItem {
            id: self.id,
            user_id: self.user_id,
            interview_id: self.interview_id,
            text: self.text.clone(),
            done: self.done,
            due_at: self.due_at,
        }
    }
}

#[derive(Debug, Insertable)]
#[diesel(table_name = action_items)]
// NULL for `None`, not DEFAULT: see `NewContact`.
#[diesel(treat_none_as_default_value = false)]
pub struct NewActionItem {
    pub id: Uuid,
    pub user_id: Uuid,
    pub interview_id: Uuid,
    pub text: String,
    pub due_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Default, PartialEq, AsChangeset)]
#[diesel(table_name = action_items)]
pub struct ActionItemChangeset {
    pub text: Option<String>,
    pub done: Option<bool>,
    pub due_at: Option<Option<DateTime<Utc>>>,
}

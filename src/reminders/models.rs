//! Diesel rows of `reminders`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::dto::{Kind, Origin, ReminderStatus};
use crate::schema::reminders;

#[derive(Debug, Clone, Queryable, QueryableByName, Selectable)]
#[diesel(table_name = reminders, check_for_backend(diesel::pg::Pg))]
pub struct Reminder {
    pub id: Uuid,
    pub user_id: Uuid,
    pub kind: Kind,
    pub title: String,
    pub note: Option<String>,
    pub due_at: DateTime<Utc>,
    pub status: ReminderStatus,
    pub origin: Origin,
    pub interview_id: Option<Uuid>,
    pub contact_id: Option<Uuid>,
    pub action_item_id: Option<Uuid>,
    pub notified_at: Option<DateTime<Utc>>,
    pub snoozed_until: Option<DateTime<Utc>>,
    pub completed_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = reminders)]
// NULL for `None`, not DEFAULT: see `NewContact`.
#[diesel(treat_none_as_default_value = false)]
pub struct NewReminder {
    pub id: Uuid,
    pub user_id: Uuid,
    pub kind: Kind,
    pub title: String,
    pub note: Option<String>,
    pub due_at: DateTime<Utc>,
    pub origin: Origin,
    pub interview_id: Option<Uuid>,
    pub contact_id: Option<Uuid>,
    pub action_item_id: Option<Uuid>,
}

#[derive(Debug, Default, PartialEq, AsChangeset)]
#[diesel(table_name = reminders)]
pub struct ReminderChangeset {
    pub title: Option<String>,
    pub note: Option<Option<String>>,
    pub due_at: Option<DateTime<Utc>>,
    pub kind: Option<Kind>,
    pub status: Option<ReminderStatus>,
    pub notified_at: Option<Option<DateTime<Utc>>>,
    pub snoozed_until: Option<Option<DateTime<Utc>>>,
    pub completed_at: Option<Option<DateTime<Utc>>>,
}

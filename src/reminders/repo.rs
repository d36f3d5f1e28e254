//! Queries on `reminders`. Every query on user data filters by owner.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Nullable, Timestamptz};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::dto::{Origin, ReminderStatus};
use super::models::{NewReminder, Reminder, ReminderChangeset};
use crate::schema::{interviews, reminders};
use crate::sql::with_limit;

diesel::define_sql_function! {
    /// `coalesce(a, b)` for timestamps: when a snoozed reminder is due.
    #[sql_name = "coalesce"]
    fn coalesce_time(a: Nullable<Timestamptz>, b: Timestamptz) -> Timestamptz;
}

pub async fn insert_many(
    connection: &mut AsyncPgConnection,
    rows: &[NewReminder],
) -> QueryResult<usize> {
    if rows.is_empty() {
        return Ok(0);
    }
    diesel::insert_into(reminders::table)
        .values(rows)
        .execute(connection)
        .await
}

crate::sql::owned_queries!(reminders, Reminder, NewReminder, ReminderChangeset:
    insert, find, find_many, find_for_update, update, delete);

/// Whether `id` is one of the user's interviews, which a reminder may
/// follow.
pub async fn interview_exists(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        interviews::table
            .filter(interviews::id.eq(id))
            .filter(interviews::user_id.eq(user_id)),
    ))
    .get_result(connection)
    .await
}

/// The pending automatic reminders of an interview, of the given kinds.
pub async fn pending_of_interview(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    interview_id: Uuid,
    kinds: &[&str],
) -> QueryResult<Vec<Reminder>> {
    reminders::table
        .filter(reminders::user_id.eq(user_id))
        .filter(reminders::interview_id.eq(interview_id))
        .filter(reminders::origin.eq(Origin::Auto))
        .filter(reminders::status.eq(ReminderStatus::Pending))
        .filter(reminders::kind.eq_any(kinds))
        .select(Reminder::as_select())
        .load(connection)
        .await
}

/// The pending reminder that follows an action item, if any.
pub async fn pending_of_action_item(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    action_item_id: Uuid,
) -> QueryResult<Option<Reminder>> {
    reminders::table
        .filter(reminders::user_id.eq(user_id))
        .filter(reminders::action_item_id.eq(action_item_id))
        .filter(reminders::status.eq(ReminderStatus::Pending))
        .select(Reminder::as_select())
        .first(connection)
        .await
        .optional()
}

/// Retires reminders: they stay readable, `dismissed`.
pub async fn retire(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    ids: &[Uuid],
) -> QueryResult<usize> {
    if ids.is_empty() {
        return Ok(0);
    }
    diesel::update(
        reminders::table
            .filter(reminders::user_id.eq(user_id))
            .filter(reminders::id.eq_any(ids)),
    )
    .set((
        reminders::status.eq(ReminderStatus::Dismissed),
        crate::sql::next_version!(reminders),
    ))
    .execute(connection)
    .await
}

/// Pending reminders past their due time (snoozes counted).
pub async fn overdue_count(connection: &mut AsyncPgConnection, user_id: Uuid) -> QueryResult<i64> {
    reminders::table
        .filter(reminders::user_id.eq(user_id))
        .filter(reminders::status.eq(ReminderStatus::Pending))
        .filter(coalesce_time(reminders::snoozed_until, reminders::due_at).le(diesel::dsl::now))
        .count()
        .get_result(connection)
        .await
}

/// What the reminder list is narrowed to.
#[derive(Debug, Default)]
pub struct ReminderFilter {
    /// Stored status names, any of them.
    pub statuses: Option<Vec<&'static str>>,
    /// Stored kind names, any of them.
    pub kinds: Option<Vec<&'static str>>,
    pub updated_after: Option<DateTime<Utc>>,
    pub due_before: Option<DateTime<Utc>>,
    pub due_after: Option<DateTime<Utc>>,
    pub interview_id: Option<Uuid>,
    pub contact_id: Option<Uuid>,
    /// Only pending reminders due now (`GET /v1/reminders/due`).
    pub due_now: bool,
}

/// Where the previous page ended: by due time.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReminderCursor {
    pub due_at: DateTime<Utc>,
    pub id: Uuid,
}

/// A page of reminders by due time, oldest first, `limit + 1` at most
/// (index `reminders_user_due_idx`).
pub async fn list(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    filter: ReminderFilter,
    after: Option<ReminderCursor>,
    limit: i64,
) -> QueryResult<Vec<Reminder>> {
    let mut query = reminders::table
        .filter(reminders::user_id.eq(user_id))
        .select(Reminder::as_select())
        .into_boxed();
    if let Some(statuses) = filter.statuses {
        query = query.filter(reminders::status.eq_any(statuses));
    }
    if let Some(kinds) = filter.kinds {
        query = query.filter(reminders::kind.eq_any(kinds));
    }
    if let Some(after) = filter.updated_after {
        query = query.filter(reminders::updated_at.gt(after));
    }
    if let Some(before) = filter.due_before {
        query = query.filter(reminders::due_at.lt(before));
    }
    if let Some(after) = filter.due_after {
        query = query.filter(reminders::due_at.ge(after));
    }
    if let Some(interview_id) = filter.interview_id {
        query = query.filter(reminders::interview_id.eq(interview_id));
    }
    if let Some(contact_id) = filter.contact_id {
        query = query.filter(reminders::contact_id.eq(contact_id));
    }
    if filter.due_now {
        query = query
            .filter(reminders::status.eq(ReminderStatus::Pending))
            .filter(
                coalesce_time(reminders::snoozed_until, reminders::due_at).le(diesel::dsl::now),
            );
    }
    if let Some(ReminderCursor { due_at, id }) = after {
        query = query.filter(
            reminders::due_at
                .gt(due_at)
                .or(reminders::due_at.eq(due_at).and(reminders::id.gt(id))),
        );
    }
    with_limit(
        query.order((reminders::due_at.asc(), reminders::id.asc())),
        limit + 1,
    )
    .load(connection)
    .await
}

//! Queries of the calendar feed. A feed is found by its token's hash,
//! which names its owner; every other query filters by that owner.

use chrono::Utc;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::interviews::models::Interview;
use crate::interviews::transitions::Status;
use crate::reminders::dto::ReminderStatus;
use crate::reminders::models::Reminder;
use crate::schema::{calendar_feeds, contacts, interviews, reminders, users};

/// Stores `token_hash` as the user's feed, replacing any earlier one.
pub async fn replace(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    token_hash: &[u8],
) -> QueryResult<usize> {
    diesel::insert_into(calendar_feeds::table)
        .values((
            calendar_feeds::user_id.eq(user_id),
            calendar_feeds::token_hash.eq(token_hash),
        ))
        .on_conflict(calendar_feeds::user_id)
        .do_update()
        .set((
            calendar_feeds::token_hash.eq(token_hash),
            calendar_feeds::created_at.eq(Utc::now()),
        ))
        .execute(connection)
        .await
}

pub async fn delete(connection: &mut AsyncPgConnection, user_id: Uuid) -> QueryResult<usize> {
    diesel::delete(calendar_feeds::table.find(user_id))
        .execute(connection)
        .await
}

/// The owner of the feed with this token hash, and their time zone.
pub async fn owner_of(
    connection: &mut AsyncPgConnection,
    token_hash: &[u8],
) -> QueryResult<Option<(Uuid, String)>> {
    calendar_feeds::table
        .inner_join(users::table.on(users::id.eq(calendar_feeds::user_id)))
        .filter(calendar_feeds::token_hash.eq(token_hash))
        .select((users::id, users::time_zone))
        .first(connection)
        .await
        .optional()
}

/// The user's scheduled interviews with their contacts' names, by start.
pub async fn scheduled_interviews(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
) -> QueryResult<Vec<(Interview, String)>> {
    interviews::table
        .inner_join(contacts::table.on(contacts::id.eq(interviews::contact_id)))
        .filter(interviews::user_id.eq(user_id))
        .filter(interviews::status.eq(Status::Scheduled))
        .order(interviews::scheduled_start)
        .select((Interview::as_select(), contacts::full_name))
        .load(connection)
        .await
}

/// The user's pending reminders, by due time.
pub async fn pending_reminders(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
) -> QueryResult<Vec<Reminder>> {
    reminders::table
        .filter(reminders::user_id.eq(user_id))
        .filter(reminders::status.eq(ReminderStatus::Pending))
        .order(reminders::due_at)
        .select(Reminder::as_select())
        .load(connection)
        .await
}

//! Queries on `action_items`. Every query filters by owner and interview.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::models::{ActionItem, ActionItemChangeset, NewActionItem};
use crate::schema::action_items;

crate::sql::owned_queries!(action_items, ActionItem, NewActionItem, ActionItemChangeset:
    insert, find_many, update, delete);

/// The interview's items, oldest first (index `action_items_interview_idx`).
pub async fn of_interview(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    interview_id: Uuid,
    updated_after: Option<chrono::DateTime<chrono::Utc>>,
) -> QueryResult<Vec<ActionItem>> {
    let mut query = action_items::table
        .filter(action_items::user_id.eq(user_id))
        .filter(action_items::interview_id.eq(interview_id))
        .into_boxed();
    if let Some(updated_after) = updated_after {
        query = query.filter(action_items::updated_at.gt(updated_after));
    }
    query
        .order((action_items::created_at, action_items::id))
        .select(ActionItem::as_select())
        .load(connection)
        .await
}

pub async fn find_for_update(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    interview_id: Uuid,
    id: Uuid,
) -> QueryResult<Option<ActionItem>> {
    action_items::table
        .filter(action_items::id.eq(id))
        .filter(action_items::user_id.eq(user_id))
        .filter(action_items::interview_id.eq(interview_id))
        .select(ActionItem::as_select())
        .for_update()
        .first(connection)
        .await
        .optional()
}

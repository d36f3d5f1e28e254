//! The rules of action items: each belongs to one of the caller's
//! interviews, and a due time keeps an `action_item` reminder in step
//! with the item, in the same transaction.

use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

use super::dto::{ActionItemResponse, CreateActionItemRequest, UpdateActionItemRequest};
use super::models::{ActionItem, ActionItemChangeset, NewActionItem};
use super::repo;
use crate::error::{ApiError, ApiResult};
use crate::interviews::models::Interview;
use crate::interviews::repo as interviews;
use crate::preconditions::IfMatch;
use crate::reminders::rules;

/// The caller's interview, or 404.
async fn own_interview(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    interview_id: Uuid,
) -> ApiResult<Interview> {
    interviews::find(connection, user_id, interview_id)
        .await?
        .ok_or(ApiError::NotFound)
}

/// An interview's items, oldest first; 404 for an interview not the
/// caller's.
pub async fn list(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    interview_id: Uuid,
    updated_after: Option<chrono::DateTime<chrono::Utc>>,
) -> ApiResult<Vec<ActionItem>> {
    own_interview(connection, user_id, interview_id).await?;
    Ok(repo::of_interview(connection, user_id, interview_id, updated_after).await?)
}

/// One item of one of the caller's interviews, or 404.
pub async fn get(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    interview_id: Uuid,
    item_id: Uuid,
) -> ApiResult<ActionItem> {
    repo::of_interview(connection, user_id, interview_id, None)
        .await?
        .into_iter()
        .find(|item| item.id == item_id)
        .ok_or(ApiError::NotFound)
}

/// Adds an item, and its reminder when it has a due time.
pub async fn create(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    interview_id: Uuid,
    request: CreateActionItemRequest,
) -> ApiResult<ActionItem> {
    connection
        .transaction(async |connection| {
            let interview = own_interview(connection, user_id, interview_id).await?;
            let item = repo::insert(
                connection,
                &NewActionItem {
                    id: request.id.unwrap_or_else(Uuid::now_v7),
                    user_id,
                    interview_id,
                    text: request.text,
                    due_at: request.due_at,
                },
            )
            .await?;
            rules::on_action_item(connection, &item.facts(), interview.contact_id, false).await?;
            Ok(item)
        })
        .await
}

/// Applies a merge patch based on the version `if_match` names, and moves
/// the item's reminder with it.
pub async fn update(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    interview_id: Uuid,
    item_id: Uuid,
    if_match: &IfMatch,
    request: UpdateActionItemRequest,
) -> ApiResult<ActionItem> {
    let changes = ActionItemChangeset {
        text: request.text.into_value(),
        done: request.done.into_value(),
        due_at: request.due_at.into_change(),
    };
    connection
        .transaction(async |connection| {
            let current = if_match.current(
                repo::find_for_update(connection, user_id, interview_id, item_id).await?,
            )?;
            if changes == ActionItemChangeset::default() {
                return Ok(current);
            }
            let updated = repo::update(connection, user_id, item_id, &changes).await?;
            let interview = own_interview(connection, user_id, interview_id).await?;
            rules::on_action_item(connection, &updated.facts(), interview.contact_id, false)
                .await?;
            Ok(updated)
        })
        .await
}

/// Deletes the item; its reminder retires first and stays readable,
/// `dismissed`.
pub async fn delete(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    interview_id: Uuid,
    item_id: Uuid,
    if_match: &IfMatch,
) -> ApiResult<()> {
    connection
        .transaction(async |connection| {
            let current = if_match.current(
                repo::find_for_update(connection, user_id, interview_id, item_id).await?,
            )?;
            let interview = own_interview(connection, user_id, interview_id).await?;
            rules::on_action_item(connection, &current.facts(), interview.contact_id, true).await?;
            repo::delete(connection, user_id, item_id).await?;
            Ok(())
        })
        .await
}

/// The action items among `ids` that are the user's, as their GET answers
/// them, in no order.
pub async fn find_many(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    ids: &[Uuid],
) -> ApiResult<Vec<ActionItemResponse>> {
    let items = repo::find_many(connection, user_id, ids).await?;
    Ok(items.into_iter().map(ActionItemResponse::from).collect())
}

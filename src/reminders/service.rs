//! The user's side of reminders: what the rules made changes only with its
//! interview (it may be completed, dismissed or snoozed, not edited or
//! deleted), and a reminder names only the caller's interview or contact.

use chrono::{DateTime, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

use super::dto::{
    CreateReminderRequest, Kind, Origin, ReminderResponse, ReminderStatus, UpdateReminderRequest,
};
use super::models::{NewReminder, Reminder, ReminderChangeset};
use super::repo::{self, ReminderCursor, ReminderFilter};
use crate::error::{ApiError, ApiResult};
use crate::pagination::{self, Page, PageSize};
use crate::preconditions::IfMatch;

/// A page of the caller's reminders in due order.
pub async fn page(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    filter: ReminderFilter,
    cursor: Option<&str>,
    limit: PageSize,
) -> ApiResult<Page<ReminderResponse>> {
    let limit = limit.get();
    let after = pagination::after::<ReminderCursor>(cursor)?;
    let rows = repo::list(connection, user_id, filter, after, limit).await?;
    Ok(Page::from_rows(
        rows,
        limit,
        |reminder| ReminderCursor {
            due_at: reminder.due_at,
            id: reminder.id,
        },
        ReminderResponse::from,
    ))
}

/// Adds a manual reminder; `interview_id` and `contact_id` must be the
/// caller's.
pub async fn create(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    request: CreateReminderRequest,
) -> ApiResult<Reminder> {
    if let Some(interview_id) = request.interview_id
        && !repo::interview_exists(connection, user_id, interview_id).await?
    {
        return Err(ApiError::MissingReference {
            field: "interview_id",
            message: "does not name one of your interviews",
        });
    }
    if let Some(contact_id) = request.contact_id
        && !crate::contacts::repo::contact_exists(connection, user_id, contact_id).await?
    {
        return Err(ApiError::MissingReference {
            field: "contact_id",
            message: "does not name one of your contacts",
        });
    }
    Ok(repo::insert(
        connection,
        &NewReminder {
            id: request.id.unwrap_or_else(Uuid::now_v7),
            user_id,
            kind: request.kind.unwrap_or(Kind::Custom),
            title: request.title,
            note: request.note,
            due_at: request.due_at,
            origin: Origin::Manual,
            interview_id: request.interview_id,
            contact_id: request.contact_id,
            action_item_id: None,
        },
    )
    .await?)
}

pub async fn get(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
) -> ApiResult<Reminder> {
    repo::find(connection, user_id, id)
        .await?
        .ok_or(ApiError::NotFound)
}

/// Changes a reminder in one transaction after the checks: it exists and
/// is the caller's, `manual_only` refuses one the rules made, and
/// `if_match` names its version.
async fn change(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
    if_match: &IfMatch,
    manual_only: bool,
    changes: impl FnOnce(&Reminder) -> ReminderChangeset + Send,
) -> ApiResult<Reminder> {
    connection
        .transaction(async |connection| {
            let current = repo::find_for_update(connection, user_id, id)
                .await?
                .ok_or(ApiError::NotFound)?;
            if manual_only && current.origin == Origin::Auto {
                return Err(ApiError::Forbidden(
                    "reminders made by the rules change with their interview; complete, dismiss or snooze them instead"
                        .to_owned(),
                ));
            }
            if_match.check(current.version)?;
            let changes = changes(&current);
            if changes == ReminderChangeset::default() {
                return Ok(current);
            }
            Ok(repo::update(connection, user_id, id, &changes).await?)
        })
        .await
}

/// Applies a merge patch to a manual reminder; a new due time announces it
/// again.
pub async fn update(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
    if_match: &IfMatch,
    request: UpdateReminderRequest,
) -> ApiResult<Reminder> {
    change(connection, user_id, id, if_match, true, |current| {
        let due_at = request
            .due_at
            .into_value()
            .filter(|due_at| *due_at != current.due_at);
        ReminderChangeset {
            title: request.title.into_value(),
            note: request.note.into_change(),
            kind: request.kind.into_value(),
            notified_at: due_at.map(|_| None),
            due_at,
            ..ReminderChangeset::default()
        }
    })
    .await
}

/// Deletes a manual reminder; one the rules made can only be dismissed.
pub async fn delete(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
    if_match: &IfMatch,
) -> ApiResult<()> {
    connection
        .transaction(async |connection| {
            let current = repo::find_for_update(connection, user_id, id)
                .await?
                .ok_or(ApiError::NotFound)?;
            if current.origin == Origin::Auto {
                return Err(ApiError::Forbidden(
                    "reminders made by the rules cannot be deleted; dismiss them instead"
                        .to_owned(),
                ));
            }
            if_match.check(current.version)?;
            repo::delete(connection, user_id, id).await?;
            Ok(())
        })
        .await
}

/// Moves a reminder to `done` (with its completion time) or `dismissed`;
/// a reminder there already stays as it is.
async fn settle(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
    status: ReminderStatus,
) -> ApiResult<Reminder> {
    change(
        connection,
        user_id,
        id,
        &IfMatch::default(),
        false,
        |current| {
            if current.status == status {
                return ReminderChangeset::default();
            }
            ReminderChangeset {
                status: Some(status),
                completed_at: (status == ReminderStatus::Done).then(|| Some(Utc::now())),
                ..ReminderChangeset::default()
            }
        },
    )
    .await
}

/// Marks a reminder done.
pub async fn complete(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
) -> ApiResult<Reminder> {
    settle(connection, user_id, id, ReminderStatus::Done).await
}

/// Dismisses a reminder.
pub async fn dismiss(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
) -> ApiResult<Reminder> {
    settle(connection, user_id, id, ReminderStatus::Dismissed).await
}

/// Puts a reminder off until `until`, pending again and to be announced
/// again.
pub async fn snooze(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
    until: DateTime<Utc>,
) -> ApiResult<Reminder> {
    change(connection, user_id, id, &IfMatch::default(), false, |_| {
        ReminderChangeset {
            status: Some(ReminderStatus::Pending),
            snoozed_until: Some(Some(until)),
            notified_at: Some(None),
            completed_at: Some(None),
            ..ReminderChangeset::default()
        }
    })
    .await
}

/// The reminders among `ids` that are the user's, as their GET answers
/// them, in no order.
pub async fn find_many(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    ids: &[Uuid],
) -> ApiResult<Vec<ReminderResponse>> {
    let reminders = repo::find_many(connection, user_id, ids).await?;
    Ok(reminders.into_iter().map(ReminderResponse::from).collect())
}

/// Puts each reminder's contact beside its id (`expand=contact`): one
/// batch for the page.
pub async fn expand_contacts(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    reminders: &mut [ReminderResponse],
) -> ApiResult<()> {
    let ids: Vec<Uuid> = reminders
        .iter()
        .filter_map(|reminder| reminder.contact_id)
        .collect();
    let found: std::collections::HashMap<Uuid, _> =
        crate::contacts::service::find_many(connection, user_id, &ids)
            .await?
            .into_iter()
            .map(|contact| (contact.id, contact))
            .collect();
    crate::expand::attach(reminders, &found, |reminder| {
        (reminder.contact_id, &mut reminder.contact)
    });
    Ok(())
}

//! Employer operations that read, check and write in one transaction.

use std::collections::HashMap;

use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

use super::dto::{EmployerResponse, EmployerSort};
use super::models::{Employer, EmployerChangeset, NewEmployer};
use super::repo::{self, EmployerCursor, EmployerFilter};
use crate::error::{ApiError, ApiResult};
use crate::pagination::{self, Page, PageSize};
use crate::preconditions::IfMatch;

fn name_taken(error: diesel::result::Error) -> ApiError {
    match ApiError::from(error) {
        ApiError::Conflict { .. } => ApiError::Conflict {
            code: "conflict",
            detail: "an employer with this name is already on your list".to_owned(),
        },
        other => other,
    }
}

/// The response of one employer, with its counts.
pub async fn response(
    connection: &mut AsyncPgConnection,
    employer: Employer,
) -> ApiResult<EmployerResponse> {
    let user_id = employer.user_id;
    Ok(responses(connection, user_id, vec![employer])
        .await?
        .remove(0))
}

/// The responses of employers, with their counts: two queries whatever
/// their number.
async fn responses(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    employers: Vec<Employer>,
) -> ApiResult<Vec<EmployerResponse>> {
    let ids: Vec<Uuid> = employers.iter().map(|employer| employer.id).collect();
    let contacts = repo::contact_counts(connection, user_id, &ids).await?;
    let interviews = repo::interview_counts(connection, user_id, &ids).await?;
    let count = |counts: &HashMap<Uuid, i64>, id: &Uuid| counts.get(id).copied().unwrap_or(0);
    Ok(employers
        .into_iter()
        .map(|employer| {
            let contact_count = count(&contacts, &employer.id);
            let interview_count = count(&interviews, &employer.id);
            EmployerResponse::new(employer, contact_count, interview_count)
        })
        .collect())
}

/// The employers among `ids` that are the user's, as their GET answers
/// them, in no order.
pub async fn find_many(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    ids: &[Uuid],
) -> ApiResult<Vec<EmployerResponse>> {
    let employers = repo::find_many(connection, user_id, ids).await?;
    responses(connection, user_id, employers).await
}

pub async fn create(connection: &mut AsyncPgConnection, new: NewEmployer) -> ApiResult<Employer> {
    repo::insert(connection, &new).await.map_err(name_taken)
}

pub async fn get(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
) -> ApiResult<Employer> {
    repo::find(connection, user_id, id)
        .await?
        .ok_or(ApiError::NotFound)
}

/// Applies a merge patch when `If-Match` (if sent) names the current version.
pub async fn update(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
    if_match: &IfMatch,
    changes: EmployerChangeset,
) -> ApiResult<Employer> {
    connection
        .transaction(async |connection| {
            let current =
                if_match.current(repo::find_for_update(connection, user_id, id).await?)?;
            if changes.is_empty() {
                return Ok(current);
            }
            repo::update(connection, user_id, id, &changes)
                .await
                .map_err(name_taken)
        })
        .await
}

pub async fn delete(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
    if_match: &IfMatch,
) -> ApiResult<()> {
    connection
        .transaction(async |connection| {
            if_match.current(repo::find_for_update(connection, user_id, id).await?)?;
            repo::delete(connection, user_id, id).await?;
            Ok(())
        })
        .await
}

/// One page of the list, each item with its counts (three queries a page).
pub async fn list(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    filter: EmployerFilter,
    sort: EmployerSort,
    cursor: Option<&str>,
    limit: PageSize,
) -> ApiResult<Page<EmployerResponse>> {
    let limit = limit.get();
    let after = pagination::after::<EmployerCursor>(cursor)?;
    if after.as_ref().is_some_and(|after| after.sort() != sort) {
        return Err(ApiError::BadRequest(
            "the cursor belongs to a list in another order".to_owned(),
        ));
    }
    let rows = repo::list(connection, user_id, filter, sort, after, limit).await?;
    let page = Page::from_rows(
        rows,
        limit,
        |(employer, name_key)| EmployerCursor::after(employer, name_key, sort),
        |(employer, _)| employer,
    );
    let items = responses(connection, user_id, page.items).await?;
    Ok(Page {
        items,
        next_cursor: page.next_cursor,
    })
}

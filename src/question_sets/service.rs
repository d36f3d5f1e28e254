//! Question set operations. Every change locks the set, refuses the
//! built-in library with 403, and moves the set's version on.

use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

use chrono::{DateTime, Utc};

use super::dto::{
    CreateQuestionRequest, CreateQuestionSetRequest, QuestionResponse, QuestionSetResponse, Scope,
};
use super::models::{
    NewQuestion, NewQuestionSet, QuestionChangeset, QuestionSet, QuestionSetChangeset,
};
use super::repo::{self, QuestionSetCursor};
use crate::error::{ApiError, ApiResult};
use crate::limits::QUESTIONS_IN_A_SET;
use crate::pagination::{self, Page, PageSize};
use crate::preconditions::IfMatch;

fn read_only_library() -> ApiError {
    ApiError::Forbidden(
        "the built-in library is read-only; copy the set to make it your own".to_owned(),
    )
}

fn new_questions(
    set_id: Uuid,
    first_position: i32,
    questions: &[CreateQuestionRequest],
) -> Vec<NewQuestion> {
    questions
        .iter()
        .enumerate()
        .map(|(index, question)| NewQuestion {
            id: question.id.unwrap_or_else(Uuid::now_v7),
            question_set_id: set_id,
            position: first_position + index as i32,
            text: question.text.clone(),
            category: question.category,
        })
        .collect()
}

/// The whole set, questions included.
pub async fn with_questions(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    set: QuestionSet,
) -> ApiResult<QuestionSetResponse> {
    let questions = repo::questions_of(connection, user_id, &[set.id]).await?;
    Ok(QuestionSetResponse::new(set, questions))
}

pub async fn get(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
) -> ApiResult<QuestionSetResponse> {
    let set = repo::find_visible(connection, user_id, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    with_questions(connection, user_id, set).await
}

/// A page of whole sets, by title (two queries a page).
pub async fn list(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    scope: Scope,
    updated_after: Option<DateTime<Utc>>,
    cursor: Option<&str>,
    limit: PageSize,
) -> ApiResult<Page<QuestionSetResponse>> {
    let limit = limit.get();
    let after = pagination::after::<QuestionSetCursor>(cursor)?;
    let rows = repo::list(connection, user_id, scope, updated_after, after, limit).await?;
    let ids: Vec<Uuid> = rows.iter().map(|(set, _)| set.id).collect();
    let mut questions = repo::questions_of(connection, user_id, &ids).await?;
    Ok(Page::from_rows(
        rows,
        limit,
        |(set, title)| QuestionSetCursor {
            title: title.clone(),
            id: set.id,
        },
        |(set, _)| {
            let (own, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut questions)
                .into_iter()
                .partition(|question| question.question_set_id == set.id);
            questions = rest;
            QuestionSetResponse::new(set, own)
        },
    ))
}

/// The user's own sets among `ids` (never the library's), as their GET
/// answers them, in no order.
pub async fn find_many_own(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    ids: &[Uuid],
) -> ApiResult<Vec<QuestionSetResponse>> {
    let sets = repo::find_many_own(connection, user_id, ids).await?;
    let set_ids: Vec<Uuid> = sets.iter().map(|set| set.id).collect();
    let mut questions = repo::questions_of(connection, user_id, &set_ids).await?;
    Ok(sets
        .into_iter()
        .map(|set| {
            let (own, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut questions)
                .into_iter()
                .partition(|question| question.question_set_id == set.id);
            questions = rest;
            QuestionSetResponse::new(set, own)
        })
        .collect())
}

/// Creates a set of the user's own, with its questions, in one transaction.
pub async fn create(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    request: CreateQuestionSetRequest,
) -> ApiResult<QuestionSetResponse> {
    connection
        .transaction(async |connection| {
            let set = repo::insert_set(
                connection,
                &NewQuestionSet {
                    id: request.id.unwrap_or_else(Uuid::now_v7),
                    user_id: Some(user_id),
                    title: request.title,
                    description: request.description,
                },
            )
            .await?;
            let questions =
                new_questions(set.id, 1, request.questions.as_deref().unwrap_or_default());
            repo::insert_questions(connection, &questions).await?;
            with_questions(connection, user_id, set).await
        })
        .await
}

/// Copies a library set or one of the user's own into a new set of theirs.
pub async fn copy(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
) -> ApiResult<QuestionSetResponse> {
    connection
        .transaction(async |connection| {
            let source = repo::find_visible(connection, user_id, id)
                .await?
                .ok_or(ApiError::NotFound)?;
            let copy = repo::insert_set(
                connection,
                &NewQuestionSet {
                    id: Uuid::now_v7(),
                    user_id: Some(user_id),
                    title: source.title,
                    description: source.description,
                },
            )
            .await?;
            let questions: Vec<NewQuestion> = repo::questions_of(connection, user_id, &[id])
                .await?
                .into_iter()
                .map(|question| NewQuestion {
                    id: Uuid::now_v7(),
                    question_set_id: copy.id,
                    position: question.position,
                    text: question.text,
                    category: question.category,
                })
                .collect();
            repo::insert_questions(connection, &questions).await?;
            with_questions(connection, user_id, copy).await
        })
        .await
}

/// Locks one of the user's own sets for a change, checking `If-Match`.
async fn own_for_change(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
    if_match: &IfMatch,
) -> ApiResult<QuestionSet> {
    let set = repo::find_visible_for_update(connection, user_id, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if set.builtin {
        return Err(read_only_library());
    }
    if_match.check(set.version)?;
    Ok(set)
}

pub async fn update(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
    if_match: &IfMatch,
    changes: QuestionSetChangeset,
) -> ApiResult<QuestionSetResponse> {
    connection
        .transaction(async |connection| {
            let set = own_for_change(connection, user_id, id, if_match).await?;
            let set = if changes.title.is_none() && changes.description.is_none() {
                set
            } else {
                repo::touch_set(connection, user_id, id, &changes).await?
            };
            with_questions(connection, user_id, set).await
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
            own_for_change(connection, user_id, id, if_match).await?;
            repo::delete_set(connection, user_id, id).await?;
            Ok(())
        })
        .await
}

/// Adds a question at the end of the set.
pub async fn add_question(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    set_id: Uuid,
    request: CreateQuestionRequest,
) -> ApiResult<QuestionResponse> {
    connection
        .transaction(async |connection| {
            own_for_change(connection, user_id, set_id, &IfMatch::default()).await?;
            let existing = repo::questions_of(connection, user_id, &[set_id]).await?;
            // The database refuses the 101st too; this says so before
            // positions are worked out.
            if existing.len() >= QUESTIONS_IN_A_SET.max as usize {
                return Err(ApiError::LimitReached(QUESTIONS_IN_A_SET));
            }
            let rows = new_questions(
                set_id,
                existing.len() as i32 + 1,
                std::slice::from_ref(&request),
            );
            repo::insert_questions(connection, &rows).await?;
            repo::touch_set(
                connection,
                user_id,
                set_id,
                &QuestionSetChangeset::default(),
            )
            .await?;
            let added = repo::questions_of(connection, user_id, &[set_id])
                .await?
                .into_iter()
                .find(|question| question.id == rows[0].id)
                .ok_or(ApiError::NotFound)?;
            Ok(added.into())
        })
        .await
}

pub async fn update_question(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    set_id: Uuid,
    question_id: Uuid,
    changes: QuestionChangeset,
) -> ApiResult<QuestionResponse> {
    connection
        .transaction(async |connection| {
            own_for_change(connection, user_id, set_id, &IfMatch::default()).await?;
            let question = if changes.text.is_none() && changes.category.is_none() {
                repo::questions_of(connection, user_id, &[set_id])
                    .await?
                    .into_iter()
                    .find(|question| question.id == question_id)
            } else {
                repo::update_question(connection, user_id, set_id, question_id, &changes).await?
            };
            let question = question.ok_or(ApiError::NotFound)?;
            repo::touch_set(
                connection,
                user_id,
                set_id,
                &QuestionSetChangeset::default(),
            )
            .await?;
            Ok(question.into())
        })
        .await
}

/// Removes a question and closes the gap it leaves in the positions.
pub async fn delete_question(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    set_id: Uuid,
    question_id: Uuid,
) -> ApiResult<()> {
    connection
        .transaction(async |connection| {
            own_for_change(connection, user_id, set_id, &IfMatch::default()).await?;
            if repo::delete_question(connection, user_id, set_id, question_id).await? == 0 {
                return Err(ApiError::NotFound);
            }
            let remaining: Vec<Uuid> = repo::questions_of(connection, user_id, &[set_id])
                .await?
                .iter()
                .map(|question| question.id)
                .collect();
            repo::set_positions(connection, user_id, set_id, &remaining).await?;
            repo::touch_set(
                connection,
                user_id,
                set_id,
                &QuestionSetChangeset::default(),
            )
            .await?;
            Ok(())
        })
        .await
}

/// Puts the questions in the given order; the list must name every
/// question of the set exactly once (409 otherwise).
pub async fn reorder(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    set_id: Uuid,
    ordered: Vec<Uuid>,
) -> ApiResult<QuestionSetResponse> {
    connection
        .transaction(async |connection| {
            own_for_change(connection, user_id, set_id, &IfMatch::default()).await?;
            let mut current: Vec<Uuid> = repo::questions_of(connection, user_id, &[set_id])
                .await?
                .iter()
                .map(|question| question.id)
                .collect();
            let mut requested = ordered.clone();
            current.sort();
            requested.sort();
            // A list that does not match the set as it is now (a question
            // added or removed meanwhile, or a stranger's id) conflicts with
            // its current state.
            if current != requested {
                return Err(ApiError::Conflict {
                    code: "conflict",
                    detail: "`question_ids` must name every question of the set exactly once; reload the set".to_owned(),
                });
            }
            repo::set_positions(connection, user_id, set_id, &ordered).await?;
            let set = repo::touch_set(connection, user_id, set_id, &QuestionSetChangeset::default()).await?;
            with_questions(connection, user_id, set).await
        })
        .await
}

//! Queries on `question_sets` and `questions`. A user reaches the library
//! (`user_id IS NULL`) and their own sets, nothing else.

use chrono::{DateTime, Utc};
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Nullable};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::dto::Scope;
use super::models::{
    NewQuestion, NewQuestionSet, Question, QuestionChangeset, QuestionSet, QuestionSetChangeset,
};
use crate::schema::{question_sets, questions};
use crate::sql::{lower, with_limit};

/// A set the user may read: one of the library's or their own.
fn visible_to(
    user_id: Uuid,
) -> Box<dyn BoxableExpression<question_sets::table, Pg, SqlType = Nullable<Bool>>> {
    Box::new(
        question_sets::user_id
            .eq(user_id)
            .or(question_sets::user_id.is_null()),
    )
}

/// The set's id if the user owns it: what a question write filters its
/// `question_set_id` by, so that no question of another user's set, nor of
/// the library, is ever changed.
fn own_set_id(
    user_id: Uuid,
    set_id: Uuid,
) -> question_sets::BoxedQuery<'static, Pg, diesel::sql_types::Uuid> {
    question_sets::table
        .filter(question_sets::id.eq(set_id))
        .filter(question_sets::user_id.eq(user_id))
        .select(question_sets::id)
        .into_boxed()
}

/// A set the user may read: one of the library or their own.
pub async fn find_visible(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
) -> QueryResult<Option<QuestionSet>> {
    question_sets::table
        .filter(question_sets::id.eq(id))
        .filter(visible_to(user_id))
        .select(QuestionSet::as_select())
        .first(connection)
        .await
        .optional()
}

/// Locks a visible set for a change (the caller refuses library sets).
pub async fn find_visible_for_update(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
) -> QueryResult<Option<QuestionSet>> {
    question_sets::table
        .filter(question_sets::id.eq(id))
        .filter(visible_to(user_id))
        .select(QuestionSet::as_select())
        .for_update()
        .first(connection)
        .await
        .optional()
}

pub async fn insert_set(
    connection: &mut AsyncPgConnection,
    set: &NewQuestionSet,
) -> QueryResult<QuestionSet> {
    diesel::insert_into(question_sets::table)
        .values(set)
        .returning(QuestionSet::as_returning())
        .get_result(connection)
        .await
}

/// Moves the set's version on, with any changes to its own columns.
pub async fn touch_set(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
    changes: &QuestionSetChangeset,
) -> QueryResult<QuestionSet> {
    let bump = crate::sql::next_version!(question_sets);
    let target = diesel::update(
        question_sets::table
            .find(id)
            .filter(question_sets::user_id.eq(user_id)),
    );
    if changes.title.is_none() && changes.description.is_none() {
        target
            .set(bump)
            .returning(QuestionSet::as_returning())
            .get_result(connection)
            .await
    } else {
        target
            .set((changes, bump))
            .returning(QuestionSet::as_returning())
            .get_result(connection)
            .await
    }
}

pub async fn delete_set(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
) -> QueryResult<usize> {
    diesel::delete(
        question_sets::table
            .find(id)
            .filter(question_sets::user_id.eq(user_id)),
    )
    .execute(connection)
    .await
}

/// The user's own sets among `ids`, in no order.
pub async fn find_many_own(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    ids: &[Uuid],
) -> QueryResult<Vec<QuestionSet>> {
    question_sets::table
        .filter(question_sets::id.eq_any(ids))
        .filter(question_sets::user_id.eq(user_id))
        .select(QuestionSet::as_select())
        .load(connection)
        .await
}

/// The questions of the sets the user may read, in order.
pub async fn questions_of(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    set_ids: &[Uuid],
) -> QueryResult<Vec<Question>> {
    questions::table
        .filter(questions::question_set_id.eq_any(set_ids))
        .filter(
            questions::question_set_id.eq_any(
                question_sets::table
                    .filter(visible_to(user_id))
                    .select(question_sets::id)
                    .into_boxed(),
            ),
        )
        .order((questions::question_set_id, questions::position))
        .select(Question::as_select())
        .load(connection)
        .await
}

pub async fn insert_questions(
    connection: &mut AsyncPgConnection,
    rows: &[NewQuestion],
) -> QueryResult<usize> {
    diesel::insert_into(questions::table)
        .values(rows)
        .execute(connection)
        .await
}

pub async fn update_question(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    set_id: Uuid,
    question_id: Uuid,
    changes: &QuestionChangeset,
) -> QueryResult<Option<Question>> {
    diesel::update(
        questions::table
            .filter(questions::id.eq(question_id))
            .filter(questions::question_set_id.eq_any(own_set_id(user_id, set_id))),
    )
    .set((changes, questions::updated_at.eq(Utc::now())))
    .returning(Question::as_returning())
    .get_result(connection)
    .await
    .optional()
}

pub async fn delete_question(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    set_id: Uuid,
    question_id: Uuid,
) -> QueryResult<usize> {
    diesel::delete(
        questions::table
            .filter(questions::id.eq(question_id))
            .filter(questions::question_set_id.eq_any(own_set_id(user_id, set_id))),
    )
    .execute(connection)
    .await
}

/// Gives the set's questions positions 1, 2, 3... in the given order. The
/// unique (set, position) constraint is checked at commit, so positions
/// may swap.
pub async fn set_positions(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    set_id: Uuid,
    ordered_ids: &[Uuid],
) -> QueryResult<()> {
    diesel::sql_query("SET CONSTRAINTS questions_question_set_id_position_key DEFERRED")
        .execute(connection)
        .await?;
    for (index, id) in ordered_ids.iter().enumerate() {
        diesel::update(
            questions::table
                .find(id)
                .filter(questions::question_set_id.eq_any(own_set_id(user_id, set_id))),
        )
        .set(questions::position.eq(index as i32 + 1))
        .execute(connection)
        .await?;
    }
    Ok(())
}

/// Where the previous page ended: the folded title and the id.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionSetCursor {
    pub title: String,
    pub id: Uuid,
}

/// A page of the sets in scope by title, `limit + 1` at most, with each
/// one's folded title (index `question_sets_user_title_idx`).
pub async fn list(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    scope: Scope,
    updated_after: Option<DateTime<Utc>>,
    after: Option<QuestionSetCursor>,
    limit: i64,
) -> QueryResult<Vec<(QuestionSet, String)>> {
    let mut query = question_sets::table
        .select((QuestionSet::as_select(), lower(question_sets::title)))
        .into_boxed();
    query = match scope {
        Scope::All => query.filter(
            question_sets::user_id
                .eq(user_id)
                .or(question_sets::user_id.is_null()),
        ),
        Scope::Library => query.filter(question_sets::user_id.is_null()),
        Scope::Mine => query.filter(question_sets::user_id.eq(user_id)),
    };
    if let Some(updated_after) = updated_after {
        query = query.filter(question_sets::updated_at.gt(updated_after));
    }
    if let Some(QuestionSetCursor { title, id }) = after {
        query = query.filter(
            lower(question_sets::title)
                .gt(title.clone())
                .or(lower(question_sets::title)
                    .eq(title)
                    .and(question_sets::id.gt(id))),
        );
    }
    with_limit(
        query.order((lower(question_sets::title).asc(), question_sets::id.asc())),
        limit + 1,
    )
    .load(connection)
    .await
}

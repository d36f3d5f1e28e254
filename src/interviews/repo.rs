//! Queries on `interviews` and `interview_questions`. Every query filters
//! by owner; a question has none of its own, so its queries name the
//! interview through [`owned_interview`].

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::models::{
    Interview, InterviewChangeset, InterviewQuestion, InterviewQuestionChangeset, NewInterview,
    NewInterviewQuestion,
};
use super::transitions::Status;
use super::warnings::Slot;
use crate::schema::{contacts, interview_questions, interviews};
use crate::sql::with_limit;

crate::sql::owned_queries!(interviews, Interview, NewInterview, InterviewChangeset:
    insert, find, find_many, find_for_update, update, delete);

/// The interview's id if the user owns it: what a question query filters
/// its `interview_id` by, so that a question of another user's interview
/// is never read or written.
fn owned_interview(
    user_id: Uuid,
    interview_id: Uuid,
) -> interviews::BoxedQuery<'static, diesel::pg::Pg, diesel::sql_types::Uuid> {
    interviews::table
        .filter(interviews::id.eq(interview_id))
        .filter(interviews::user_id.eq(user_id))
        .select(interviews::id)
        .into_boxed()
}

/// The contact's interview with the latest request, if any: it decides the
/// contact's segment.
pub async fn latest_request_of_contact(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    contact_id: Uuid,
) -> QueryResult<Option<Interview>> {
    interviews::table
        .filter(interviews::user_id.eq(user_id))
        .filter(interviews::contact_id.eq(contact_id))
        .filter(interviews::requested_at.is_not_null())
        .order((interviews::requested_at.desc(), interviews::id.desc()))
        .select(Interview::as_select())
        .first(connection)
        .await
        .optional()
}

/// How many questions each of the interviews has.
pub async fn question_counts(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    interview_ids: &[Uuid],
) -> QueryResult<HashMap<Uuid, usize>> {
    let rows: Vec<(Uuid, i64)> = interview_questions::table
        .inner_join(interviews::table)
        .filter(interviews::user_id.eq(user_id))
        .filter(interview_questions::interview_id.eq_any(interview_ids))
        .group_by(interview_questions::interview_id)
        .select((interview_questions::interview_id, diesel::dsl::count_star()))
        .load(connection)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, count)| (id, usize::try_from(count).unwrap_or_default()))
        .collect())
}

/// The user's scheduled slots that could touch `[from, to)`: an interview
/// lasts at most 240 minutes (index `interviews_user_start_idx`).
pub async fn scheduled_slots(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> QueryResult<Vec<Slot>> {
    let rows: Vec<(Uuid, Option<DateTime<Utc>>, i32)> = interviews::table
        .filter(interviews::user_id.eq(user_id))
        .filter(interviews::status.eq(Status::Scheduled))
        .filter(interviews::scheduled_start.ge(from - Duration::minutes(240)))
        .filter(interviews::scheduled_start.lt(to))
        .select((
            interviews::id,
            interviews::scheduled_start,
            interviews::duration_minutes,
        ))
        .load(connection)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, start, minutes)| {
            start.map(|start| Slot {
                id,
                start,
                end: start + Duration::minutes(i64::from(minutes)),
            })
        })
        .collect())
}

/// What the interview list is narrowed to.
#[derive(Debug, Default)]
pub struct InterviewFilter {
    /// Stored status names, any of them.
    pub statuses: Option<Vec<&'static str>>,
    pub updated_after: Option<DateTime<Utc>>,
    pub contact_id: Option<Uuid>,
    pub employer_id: Option<Uuid>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

/// Where the previous page ended: newest first.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterviewCursor {
    pub created_at: DateTime<Utc>,
    pub id: Uuid,
}

/// A page of the user's interviews, newest first, `limit + 1` at most
/// (index `interviews_user_created_idx`; the employer filter goes through
/// the contacts linked to it).
pub async fn list(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    filter: InterviewFilter,
    after: Option<InterviewCursor>,
    limit: i64,
) -> QueryResult<Vec<Interview>> {
    let mut query = interviews::table
        .filter(interviews::user_id.eq(user_id))
        .select(Interview::as_select())
        .into_boxed();
    if let Some(statuses) = filter.statuses {
        query = query.filter(interviews::status.eq_any(statuses));
    }
    if let Some(after) = filter.updated_after {
        query = query.filter(interviews::updated_at.gt(after));
    }
    if let Some(contact_id) = filter.contact_id {
        query = query.filter(interviews::contact_id.eq(contact_id));
    }
    if let Some(employer_id) = filter.employer_id {
        query = query.filter(
            interviews::contact_id.eq_any(
                contacts::table
                    .filter(contacts::user_id.eq(user_id))
                    .filter(contacts::employer_id.eq(employer_id))
                    .select(contacts::id),
            ),
        );
    }
    if let Some(from) = filter.from {
        query = query.filter(interviews::scheduled_start.ge(from));
    }
    if let Some(to) = filter.to {
        query = query.filter(interviews::scheduled_start.lt(to));
    }
    if let Some(InterviewCursor { created_at, id }) = after {
        query = query.filter(
            interviews::created_at
                .lt(created_at)
                .or(interviews::created_at
                    .eq(created_at)
                    .and(interviews::id.lt(id))),
        );
    }
    with_limit(
        query.order((interviews::created_at.desc(), interviews::id.desc())),
        limit + 1,
    )
    .load(connection)
    .await
}

pub async fn questions_of(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    interview_id: Uuid,
) -> QueryResult<Vec<InterviewQuestion>> {
    interview_questions::table
        .filter(interview_questions::interview_id.eq_any(owned_interview(user_id, interview_id)))
        .order(interview_questions::position)
        .select(InterviewQuestion::as_select())
        .load(connection)
        .await
}

/// The interview's questions changed after `after`, in order.
pub async fn questions_changed_after(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    interview_id: Uuid,
    after: DateTime<Utc>,
) -> QueryResult<Vec<InterviewQuestion>> {
    interview_questions::table
        .filter(interview_questions::interview_id.eq_any(owned_interview(user_id, interview_id)))
        .filter(interview_questions::updated_at.gt(after))
        .order(interview_questions::position)
        .select(InterviewQuestion::as_select())
        .load(connection)
        .await
}

/// The questions among `ids` of the user's interviews, in no order.
pub async fn find_questions(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    ids: &[Uuid],
) -> QueryResult<Vec<InterviewQuestion>> {
    interview_questions::table
        .filter(interview_questions::id.eq_any(ids))
        .filter(
            interview_questions::interview_id.eq_any(
                interviews::table
                    .filter(interviews::user_id.eq(user_id))
                    .select(interviews::id),
            ),
        )
        .select(InterviewQuestion::as_select())
        .load(connection)
        .await
}

/// Removes the questions nobody asked nor answered yet.
pub async fn delete_unanswered_questions(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    interview_id: Uuid,
) -> QueryResult<usize> {
    diesel::delete(
        interview_questions::table
            .filter(
                interview_questions::interview_id.eq_any(owned_interview(user_id, interview_id)),
            )
            .filter(interview_questions::asked.eq(false))
            .filter(interview_questions::answer.is_null()),
    )
    .execute(connection)
    .await
}

/// Numbers the interview's questions 1, 2, 3... in their current order.
pub async fn renumber_questions(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    interview_id: Uuid,
) -> QueryResult<()> {
    diesel::sql_query("SET CONSTRAINTS interview_questions_interview_id_position_key DEFERRED")
        .execute(connection)
        .await?;
    let remaining = questions_of(connection, user_id, interview_id).await?;
    for (index, question) in remaining.iter().enumerate() {
        let position = index as i32 + 1;
        if question.position != position {
            diesel::update(interview_questions::table.find(question.id).filter(
                interview_questions::interview_id.eq_any(owned_interview(user_id, interview_id)),
            ))
            .set(interview_questions::position.eq(position))
            .execute(connection)
            .await?;
        }
    }
    Ok(())
}

pub async fn insert_questions(
    connection: &mut AsyncPgConnection,
    rows: &[NewInterviewQuestion],
) -> QueryResult<usize> {
    diesel::insert_into(interview_questions::table)
        .values(rows)
        .execute(connection)
        .await
}

pub async fn update_question(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    interview_id: Uuid,
    question_id: Uuid,
    changes: &InterviewQuestionChangeset,
) -> QueryResult<Option<InterviewQuestion>> {
    diesel::update(
        interview_questions::table
            .filter(interview_questions::id.eq(question_id))
            .filter(
                interview_questions::interview_id.eq_any(owned_interview(user_id, interview_id)),
            ),
    )
    .set((changes, interview_questions::updated_at.eq(Utc::now())))
    .returning(InterviewQuestion::as_returning())
    .get_result(connection)
    .await
    .optional()
}

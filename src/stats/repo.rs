//! The queries behind the statistics; each reads one user's rows.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::interviews::transitions::Status;
use crate::schema::{contacts, employers, interviews};
use crate::sql::{lower, rapport_segment};

/// The times of one interview that the statistics use.
#[derive(Debug, Queryable)]
pub struct InterviewTimes {
    pub status: Status,
    pub requested_at: Option<DateTime<Utc>>,
    pub responded_at: Option<DateTime<Utc>>,
    pub completed_at: Option<DateTime<Utc>>,
    pub thank_you_sent_at: Option<DateTime<Utc>>,
}

pub async fn interview_times(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
) -> QueryResult<Vec<InterviewTimes>> {
    interviews::table
        .filter(interviews::user_id.eq(user_id))
        .select((
            interviews::status,
            interviews::requested_at,
            interviews::responded_at,
            interviews::completed_at,
            interviews::thank_you_sent_at,
        ))
        .load(connection)
        .await
}

/// Every contact's segment now (counted by the caller: diesel cannot group
/// by a function of several columns).
pub async fn segments(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
) -> QueryResult<Vec<String>> {
    let segment = rapport_segment(
        contacts::segment_requested_at,
        contacts::segment_responded_at,
        contacts::segment_no_response,
        contacts::segment_mark3_at,
        contacts::segment_mark7_at,
        diesel::dsl::now,
    );
    contacts::table
        .filter(contacts::user_id.eq(user_id))
        .select(segment)
        .load(connection)
        .await
}

/// Contacts created from an interview's referrals.
pub async fn referrals_gained(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
) -> QueryResult<i64> {
    contacts::table
        .filter(contacts::user_id.eq(user_id))
        .filter(contacts::source_interview_id.is_not_null())
        .count()
        .get_result(connection)
        .await
}

/// How many of the top five employers of the LAMP list have at least one
/// contact that is not archived.
pub async fn lamp_top5_with_active_contact(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
) -> QueryResult<i64> {
    let top: Vec<Uuid> = employers::table
        .filter(employers::user_id.eq(user_id))
        .order((
            employers::lamp_rank.desc(),
            lower(employers::name).asc(),
            employers::id.asc(),
        ))
        .limit(5)
        .select(employers::id)
        .load(connection)
        .await?;
    contacts::table
        .filter(contacts::user_id.eq(user_id))
        .filter(contacts::archived_at.is_null())
        .filter(contacts::employer_id.eq_any(&top))
        .select(contacts::employer_id)
        .distinct()
        .load::<Option<Uuid>>(connection)
        .await
        .map(|rows| rows.len() as i64)
}

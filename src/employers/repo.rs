//! Queries on the `employers` table. Every query filters by owner.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::dto::EmployerSort;
use super::models::{Employer, EmployerChangeset, NewEmployer};
use crate::schema::{contacts, employers, interviews};
use crate::sql::{lower, with_limit};

// `delete` leaves the employer's contacts, their `employer_id` cleared by
// the foreign key.
crate::sql::owned_queries!(employers, Employer, NewEmployer, EmployerChangeset:
    insert, find, find_many, find_for_update, update, delete);

/// Where the previous page ended, in the list's sort order.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "sort", rename_all = "snake_case", deny_unknown_fields)]
pub enum EmployerCursor {
    Lamp { rank: i16, name: String, id: Uuid },
    Name { name: String, id: Uuid },
}

impl EmployerCursor {
    pub fn after(employer: &Employer, name_key: &str, sort: EmployerSort) -> Self {
        match sort {
            EmployerSort::Lamp => Self::Lamp {
                rank: employer.lamp_rank,
                name: name_key.to_owned(),
                id: employer.id,
            },
            EmployerSort::Name => Self::Name {
                name: name_key.to_owned(),
                id: employer.id,
            },
        }
    }

    pub fn sort(&self) -> EmployerSort {
        match self {
            Self::Lamp { .. } => EmployerSort::Lamp,
            Self::Name { .. } => EmployerSort::Name,
        }
    }
}

/// What the employer list is narrowed to.
#[derive(Debug, Default)]
pub struct EmployerFilter {
    /// Stored status names, any of them.
    pub statuses: Option<Vec<&'static str>>,
    pub updated_after: Option<DateTime<Utc>>,
}

/// One page of the user's employers and each one's folded name (the sort
/// key), `limit + 1` rows at most. Keyset pagination: stable under inserts.
/// Index: `employers_user_lamp_idx` (sort=lamp) or `employers_user_name_idx`.
pub async fn list(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    filter: EmployerFilter,
    sort: EmployerSort,
    after: Option<EmployerCursor>,
    limit: i64,
) -> QueryResult<Vec<(Employer, String)>> {
    let mut query = employers::table
        .filter(employers::user_id.eq(user_id))
        .select((Employer::as_select(), lower(employers::name)))
        .into_boxed();
    if let Some(statuses) = filter.statuses {
        query = query.filter(employers::status.eq_any(statuses));
    }
    if let Some(after) = filter.updated_after {
        query = query.filter(employers::updated_at.gt(after));
    }
    match after {
        Some(EmployerCursor::Lamp { rank, name, id }) => {
            query = query.filter(
                employers::lamp_rank
                    .lt(rank)
                    .or(employers::lamp_rank.eq(rank).and(
                        lower(employers::name)
                            .gt(name.clone())
                            .or(lower(employers::name).eq(name).and(employers::id.gt(id))),
                    )),
            );
        }
        Some(EmployerCursor::Name { name, id }) => {
            query = query.filter(
                lower(employers::name)
                    .gt(name.clone())
                    .or(lower(employers::name).eq(name).and(employers::id.gt(id))),
            );
        }
        None => {}
    }
    query = match sort {
        EmployerSort::Lamp => query.order((
            employers::lamp_rank.desc(),
            lower(employers::name).asc(),
            employers::id.asc(),
        )),
        EmployerSort::Name => query.order((lower(employers::name).asc(), employers::id.asc())),
    };
    with_limit(query, limit + 1).load(connection).await
}

/// How many interviews each of the employers has, through the contacts
/// linked to it (indexes `contacts_employer_idx`, `interviews_contact_idx`).
pub async fn interview_counts(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    employer_ids: &[Uuid],
) -> QueryResult<HashMap<Uuid, i64>> {
    let rows: Vec<(Option<Uuid>, i64)> = interviews::table
        .inner_join(contacts::table.on(contacts::id.eq(interviews::contact_id)))
        .filter(interviews::user_id.eq(user_id))
        .filter(contacts::user_id.eq(user_id))
        .filter(contacts::employer_id.eq_any(employer_ids))
        .group_by(contacts::employer_id)
        .select((contacts::employer_id, diesel::dsl::count_star()))
        .load(connection)
        .await?;
    Ok(by_employer(rows))
}

/// Counts grouped by `contacts.employer_id`, which is never null in them
/// (the filter names employers).
fn by_employer(rows: Vec<(Option<Uuid>, i64)>) -> HashMap<Uuid, i64> {
    rows.into_iter()
        .filter_map(|(id, count)| id.map(|id| (id, count)))
        .collect()
}

/// How many contacts each of the employers has (index `contacts_employer_idx`).
pub async fn contact_counts(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    employer_ids: &[Uuid],
) -> QueryResult<HashMap<Uuid, i64>> {
    let rows: Vec<(Option<Uuid>, i64)> = contacts::table
        .filter(contacts::user_id.eq(user_id))
        .filter(contacts::employer_id.eq_any(employer_ids))
        .group_by(contacts::employer_id)
        .select((contacts::employer_id, diesel::dsl::count_star()))
        .load(connection)
        .await?;
    Ok(by_employer(rows))
}

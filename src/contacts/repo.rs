//! Queries on the `contacts` table. Every query filters by owner.

use chrono::{DateTime, Utc};
use diesel::dsl::{AsSelect, SqlTypeOf};
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::{Bool, Text, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::dto::ContactSort;
use super::models::{
    Contact, ContactChangeset, ContactIdentity, ExportedContact, NetworkNodeRow, NewContact,
};
use super::search::TextSearch;
use crate::schema::{contacts, employers, interviews};
use crate::sql::{
    Opaque, lower, rapport_fold, rapport_search_keys, rapport_segment, strpos, with_limit,
};

// `delete` leaves the contacts it referred, the link cleared by the
// foreign key.
crate::sql::owned_queries!(contacts, Contact, NewContact, ContactChangeset:
    insert, find, find_many, find_for_update, update, delete);

pub async fn insert_many(
    connection: &mut AsyncPgConnection,
    rows: &[NewContact],
) -> QueryResult<usize> {
    diesel::insert_into(contacts::table)
        .values(rows)
        .execute(connection)
        .await
}

/// Archives (`Some(now)`) or unarchives (`None`) when that changes anything;
/// `None` back when the contact already was in that state.
pub async fn set_archived(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
    archived_at: Option<DateTime<Utc>>,
) -> QueryResult<Option<Contact>> {
    let target = contacts::table
        .filter(contacts::id.eq(id))
        .filter(contacts::user_id.eq(user_id));
    let changed = match archived_at {
        Some(_) => {
            diesel::update(target.filter(contacts::archived_at.is_null()))
                .set((
                    contacts::archived_at.eq(archived_at),
                    crate::sql::next_version!(contacts),
                ))
                .returning(Contact::as_returning())
                .get_result(connection)
                .await
        }
        None => {
            diesel::update(target.filter(contacts::archived_at.is_not_null()))
                .set((
                    contacts::archived_at.eq(None::<DateTime<Utc>>),
                    crate::sql::next_version!(contacts),
                ))
                .returning(Contact::as_returning())
                .get_result(connection)
                .await
        }
    };
    changed.optional()
}

/// Whether `id` is one of the user's employers.
pub async fn employer_exists(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        employers::table
            .filter(employers::id.eq(id))
            .filter(employers::user_id.eq(user_id)),
    ))
    .get_result(connection)
    .await
}

/// Deletes every interview of a contact (a forced contact deletion).
pub async fn delete_interviews(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    contact_id: Uuid,
) -> QueryResult<usize> {
    diesel::delete(
        interviews::table
            .filter(interviews::user_id.eq(user_id))
            .filter(interviews::contact_id.eq(contact_id)),
    )
    .execute(connection)
    .await
}

/// How many interviews the contact has (a deletion without `force` needs
/// none).
pub async fn interview_count(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    contact_id: Uuid,
) -> QueryResult<i64> {
    interviews::table
        .filter(interviews::user_id.eq(user_id))
        .filter(interviews::contact_id.eq(contact_id))
        .count()
        .get_result(connection)
        .await
}

/// Whether `id` is one of the user's contacts.
pub async fn contact_exists(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        contacts::table
            .filter(contacts::id.eq(id))
            .filter(contacts::user_id.eq(user_id)),
    ))
    .get_result(connection)
    .await
}

#[derive(QueryableByName)]
struct Found {
    #[diesel(sql_type = Bool)]
    found: bool,
}

/// Whether `contact_id` appears in the referral chain above `start`
/// (`start`, its referrer, that one's referrer, ...). `UNION` stops at a
/// row seen before, so even a corrupt chain ends.
pub async fn chain_contains(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    start: Uuid,
    contact_id: Uuid,
) -> QueryResult<bool> {
    diesel::sql_query(
        "WITH RECURSIVE chain(id, referred_by_contact_id) AS ( \
             SELECT id, referred_by_contact_id FROM contacts WHERE id = $1 AND user_id = $2 \
             UNION \
             SELECT c.id, c.referred_by_contact_id FROM contacts c \
             JOIN chain ON c.id = chain.referred_by_contact_id WHERE c.user_id = $2 \
         ) SELECT EXISTS (SELECT 1 FROM chain WHERE id = $3) AS found",
    )
    .bind::<SqlUuid, _>(start)
    .bind::<SqlUuid, _>(user_id)
    .bind::<SqlUuid, _>(contact_id)
    .get_result::<Found>(connection)
    .await
    .map(|row| row.found)
}

/// Serialises referral changes of one user, so two concurrent changes
/// cannot close a loop that neither sees alone.
pub async fn lock_referrals_of(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
) -> QueryResult<()> {
    diesel::sql_query("SELECT pg_advisory_xact_lock(hashtextextended($1::text, 0))")
        .bind::<SqlUuid, _>(user_id)
        .execute(connection)
        .await
        .map(drop)
}

/// What a contact list is narrowed to.
#[derive(Debug, Default)]
pub struct ContactFilter {
    /// `q` as typed, with how its matches are found.
    pub text: Option<TextSearch>,
    pub tag: Option<String>,
    pub company: Option<String>,
    pub employer_id: Option<Uuid>,
    /// Stored source names, any of them.
    pub sources: Option<Vec<&'static str>>,
    pub has_hiring_power: Option<bool>,
    /// Segment names, any of them.
    pub segments: Option<Vec<&'static str>>,
    pub updated_after: Option<DateTime<Utc>>,
    /// `None` lists archived and active alike.
    pub archived: Option<bool>,
    pub referred_by: Option<Uuid>,
}

/// Where the previous page ended, in the list's sort order.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "sort", rename_all = "snake_case", deny_unknown_fields)]
pub enum ContactCursor {
    Name { name: String, id: Uuid },
    Updated { at: DateTime<Utc>, id: Uuid },
    Created { at: DateTime<Utc>, id: Uuid },
}

impl ContactCursor {
    pub fn after(contact: &Contact, name_key: &str, sort: ContactSort) -> Self {
        match sort {
            ContactSort::Name => Self::Name {
                name: name_key.to_owned(),
                id: contact.id,
            },
            ContactSort::RecentlyUpdated => Self::Updated {
                at: contact.updated_at,
                id: contact.id,
            },
            ContactSort::CreatedAt => Self::Created {
                at: contact.created_at,
                id: contact.id,
            },
        }
    }

    pub fn sort(&self) -> ContactSort {
        match self {
            Self::Name { .. } => ContactSort::Name,
            Self::Updated { .. } => ContactSort::RecentlyUpdated,
            Self::Created { .. } => ContactSort::CreatedAt,
        }
    }
}

/// One page of contacts and each one's folded name (the name sort key),
/// `limit + 1` rows at most. Keyset pagination, so pages stay stable under
/// inserts. Indexes: the sort's own (`contacts_user_name_idx`,
/// `contacts_user_updated_idx`, `contacts_user_created_idx`), walked in
/// order; `contacts_search_keys_idx` (the owner's trigram keys) for a `q`
/// searched by keys (see [`super::search`]) and `contacts_tags_idx`
/// for `tag` when the planner finds them more selective. The limit is
/// part of the SQL and the term reaches the plan only through subqueries,
/// so each statement keeps one prepared plan.
pub async fn list(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    filter: ContactFilter,
    sort: ContactSort,
    after: Option<ContactCursor>,
    limit: i64,
) -> QueryResult<Vec<(Contact, String)>> {
    let walking_names =
        sort == ContactSort::Name && matches!(filter.text, Some(TextSearch::ByWalking { .. }));
    if walking_names {
        // `contacts_user_name_idx` holds the text, the name and the archive
        // time, so the walk reads only the index (up to a page of the
        // table that changed since the last vacuum) and the table is read
        // for the page's rows alone. Walking past a contact costs a third
        // of what reading it from the table did.
        let page = narrowed(
            contacts::table
                .select((contacts::id, lower(contacts::full_name)))
                .into_boxed(),
            user_id,
            filter,
            sort,
            after,
        );
        return RowsOfPage {
            columns: Contact::as_select(),
            page: with_limit(page, limit + 1),
        }
        .load(connection)
        .await;
    }
    let page = narrowed(
        contacts::table
            .select((Contact::as_select(), lower(contacts::full_name)))
            .into_boxed(),
        user_id,
        filter,
        sort,
        after,
    );
    with_limit(page, limit + 1).load(connection).await
}

/// `query` narrowed to the user's contacts that pass `filter`, after the
/// cursor, in the sort's order.
fn narrowed<'a, ST: 'a>(
    mut query: contacts::BoxedQuery<'a, Pg, ST>,
    user_id: Uuid,
    filter: ContactFilter,
    sort: ContactSort,
    after: Option<ContactCursor>,
) -> contacts::BoxedQuery<'a, Pg, ST> {
    let by_keys = matches!(filter.text, Some(TextSearch::ByKeys { .. }));
    query = if by_keys {
        // The owner's keys find only the owner's contacts, up to a rare
        // hash collision that this check removes. `IS NOT DISTINCT FROM`
        // (the same as `=` for a column that is never null) is one no index
        // answers, so PostgreSQL does not also read all of the owner's
        // entries in an owner index to AND them with the keys' few.
        query.filter(contacts::user_id.is_not_distinct_from(user_id))
    } else {
        query.filter(contacts::user_id.eq(user_id))
    };
    if let Some(text) = filter.text {
        let term = match text {
            TextSearch::ByKeys { term } | TextSearch::ByWalking { term } => term,
        };
        // By keys, `contacts_search_keys_idx` finds the candidates; walking,
        // the sort's index reads the list in order. Either way the text
        // itself settles each contact.
        if by_keys {
            let term_keys = Opaque(rapport_search_keys(user_id, rapport_fold(term.clone())));
            query = query.filter(
                rapport_search_keys(contacts::user_id, contacts::search_text).contains(term_keys),
            );
        }
        query = query.filter(strpos(contacts::search_text, Opaque(rapport_fold(term))).gt(0));
    }
    if let Some(tag) = filter.tag {
        query = query.filter(contacts::tags.contains(vec![tag]));
    }
    if let Some(company) = filter.company {
        query = query.filter(lower(contacts::company.assume_not_null()).eq(lower(company)));
    }
    if let Some(employer_id) = filter.employer_id {
        query = query.filter(contacts::employer_id.eq(employer_id));
    }
    if let Some(sources) = filter.sources {
        query = query.filter(contacts::source.eq_any(sources));
    }
    if let Some(after) = filter.updated_after {
        query = query.filter(contacts::updated_at.gt(after));
    }
    if let Some(has_hiring_power) = filter.has_hiring_power {
        query = query.filter(contacts::has_hiring_power.eq(has_hiring_power));
    }
    if let Some(segments) = filter.segments {
        query = query.filter(
            rapport_segment(
                contacts::segment_requested_at,
                contacts::segment_responded_at,
                contacts::segment_no_response,
                contacts::segment_mark3_at,
                contacts::segment_mark7_at,
                diesel::dsl::now,
            )
            .eq_any(segments),
        );
    }
    match filter.archived {
        Some(true) => query = query.filter(contacts::archived_at.is_not_null()),
        Some(false) => query = query.filter(contacts::archived_at.is_null()),
        None => {}
    }
    if let Some(referrer) = filter.referred_by {
        query = query.filter(contacts::referred_by_contact_id.eq(referrer));
    }
    match after {
        Some(ContactCursor::Name { name, id }) => {
            query = query.filter(
                lower(contacts::full_name)
                    .gt(name.clone())
                    .or(lower(contacts::full_name).eq(name).and(contacts::id.gt(id))),
            );
        }
        Some(ContactCursor::Updated { at, id }) => {
            query = query.filter(
                contacts::updated_at
                    .lt(at)
                    .or(contacts::updated_at.eq(at).and(contacts::id.lt(id))),
            );
        }
        Some(ContactCursor::Created { at, id }) => {
            query = query.filter(
                contacts::created_at
                    .gt(at)
                    .or(contacts::created_at.eq(at).and(contacts::id.gt(id))),
            );
        }
        None => {}
    }
    query = match sort {
        ContactSort::Name => query.order((lower(contacts::full_name).asc(), contacts::id.asc())),
        ContactSort::RecentlyUpdated => {
            query.order((contacts::updated_at.desc(), contacts::id.desc()))
        }
        ContactSort::CreatedAt => query.order((contacts::created_at.asc(), contacts::id.asc())),
    };
    query
}

/// The contacts of a page of `(id, name key)` rows, in its order, each
/// with its name key:
/// `SELECT contacts.…, page.name_key FROM (page) AS page (id, name_key)
/// JOIN contacts …`.
struct RowsOfPage<Q> {
    columns: AsSelect<Contact, Pg>,
    page: Q,
}

impl<Q: Query> Query for RowsOfPage<Q> {
    type SqlType = (SqlTypeOf<AsSelect<Contact, Pg>>, Text);
}

impl<Q> QueryId for RowsOfPage<Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q: QueryFragment<Pg>> QueryFragment<Pg> for RowsOfPage<Q> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql("SELECT ");
        self.columns.walk_ast(out.reborrow())?;
        out.push_sql(", page.name_key FROM (");
        self.page.walk_ast(out.reborrow())?;
        out.push_sql(
            ") AS page (id, name_key) JOIN contacts ON contacts.id = page.id \
             ORDER BY page.name_key, page.id",
        );
        Ok(())
    }
}

/// Stores what the contact's segment is computed from.
pub async fn set_segment_inputs(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
    inputs: &super::models::SegmentInputs,
) -> QueryResult<()> {
    diesel::update(
        contacts::table
            .find(id)
            .filter(contacts::user_id.eq(user_id)),
    )
    .set(inputs)
    .execute(connection)
    .await
    .map(drop)
}

/// How many rows an export, the network or an import's matching reads at
/// a time: what the service holds of them at once.
pub const BATCH: i64 = 500;

/// The user's contacts after `after` (a folded name and an id), in name
/// order, a batch at a time, with their folded names: what an export
/// writes.
pub async fn export_batch(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    after: Option<(String, Uuid)>,
) -> QueryResult<Vec<(ExportedContact, String)>> {
    let mut query = contacts::table
        .filter(contacts::user_id.eq(user_id))
        .select((ExportedContact::as_select(), lower(contacts::full_name)))
        .order((lower(contacts::full_name).asc(), contacts::id.asc()))
        .limit(BATCH)
        .into_boxed();
    if let Some((name, id)) = after {
        query = query.filter(
            lower(contacts::full_name)
                .gt(name.clone())
                .or(lower(contacts::full_name).eq(name).and(contacts::id.gt(id))),
        );
    }
    query.load(connection).await
}

/// A batch of `query`'s rows by id, after `after`.
fn batch_by_id<'a, ST: 'a>(
    query: contacts::BoxedQuery<'a, Pg, ST>,
    after: Option<Uuid>,
) -> contacts::BoxedQuery<'a, Pg, ST> {
    let query = query.order(contacts::id.asc()).limit(BATCH);
    match after {
        Some(id) => query.filter(contacts::id.gt(id)),
        None => query,
    }
}

/// The user's contacts after `after`, by id, as network nodes.
pub async fn network_batch(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    after: Option<Uuid>,
) -> QueryResult<Vec<NetworkNodeRow>> {
    let query = contacts::table
        .filter(contacts::user_id.eq(user_id))
        .select(NetworkNodeRow::as_select())
        .into_boxed();
    batch_by_id(query, after).load(connection).await
}

/// The referrals among the user's contacts after `after`, by id: (the
/// referred contact, its referrer).
pub async fn referral_batch(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    after: Option<Uuid>,
) -> QueryResult<Vec<(Uuid, Uuid)>> {
    let query = contacts::table
        .filter(contacts::user_id.eq(user_id))
        .filter(contacts::referred_by_contact_id.is_not_null())
        .select((
            contacts::id,
            contacts::referred_by_contact_id.assume_not_null(),
        ))
        .into_boxed();
    batch_by_id(query, after).load(connection).await
}

/// The identities of every contact of the user, one row at a time, for an
/// import to match its rows against.
pub async fn identities(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
) -> QueryResult<impl futures_util::Stream<Item = QueryResult<ContactIdentity>> + Send + use<'_>> {
    contacts::table
        .filter(contacts::user_id.eq(user_id))
        .select(ContactIdentity::as_select())
        .load_stream(connection)
        .await
}

/// Locks the user's count of contacts until the transaction ends and says
/// how many more they may have (see the `caps_per_user` migration).
pub async fn lock_room_for_contacts(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
) -> QueryResult<i64> {
    #[derive(QueryableByName)]
    struct Room {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        room: i64,
    }
    diesel::sql_query("SELECT rapport_lock_usage_room($1, 'contacts') AS room")
        .bind::<SqlUuid, _>(user_id)
        .get_result::<Room>(connection)
        .await
        .map(|row| row.room)
}

/// The full name of one of the user's contacts.
pub async fn name_of(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
) -> QueryResult<Option<String>> {
    contacts::table
        .filter(contacts::id.eq(id))
        .filter(contacts::user_id.eq(user_id))
        .select(contacts::full_name)
        .first(connection)
        .await
        .optional()
}

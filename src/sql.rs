//! SQL functions the queries use.

use diesel::QueryResult;
use diesel::expression::{
    AppearsOnTable, Expression, SelectableExpression, ValidGrouping, is_aggregate,
};
use diesel::pg::Pg;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::{Bool, Nullable, Text, Timestamptz, Uuid};

/// What every change of a versioned row sets besides its own columns:
/// `version` one on (the next `ETag`) and `updated_at` now. One helper for
/// every table, so no update can move one without the other.
macro_rules! next_version {
    ($table:ident) => {
        (
            $crate::schema::$table::version.eq($crate::schema::$table::version + 1),
            $crate::schema::$table::updated_at.eq(chrono::Utc::now()),
        )
    };
}

pub(crate) use next_version;

/// The queries a resource owned by a user has on its table, each filtered
/// by owner: `insert`, `find`, `find_many` (the ones of a list of ids that
/// are the owner's, in no order), `find_for_update` (locks the row for a
/// read-check-write in one transaction), `update` (applies a changeset
/// and moves the version on with [`next_version!`]) and `delete`. A repo
/// names the ones it has, once, and writes below only the queries that are
/// its own:
///
/// ```ignore
/// crate::sql::owned_queries!(employers, Employer, NewEmployer, EmployerChangeset:
///     insert, find, find_for_update, update, delete);
/// ```
macro_rules! owned_queries {
    ($table:ident, $row:ty, $new:ty, $changes:ty: $($query:ident),+) => {
        $( $crate::sql::owned_queries!(@$query $table, $row, $new, $changes); )+
    };
    (@insert $table:ident, $row:ty, $new:ty, $changes:ty) => {
        pub async fn insert(
            connection: &mut diesel_async::AsyncPgConnection,
            row: &$new,
        ) -> diesel::QueryResult<$row> {
            diesel::insert_into($crate::schema::$table::table)
                .values(row)
                .returning(<$row>::as_returning())
                .get_result(connection)
                .await
        }
    };
    (@find $table:ident, $row:ty, $new:ty, $changes:ty) => {
        pub async fn find(
            connection: &mut diesel_async::AsyncPgConnection,
            user_id: uuid::Uuid,
            id: uuid::Uuid,
        ) -> diesel::QueryResult<Option<$row>> {
            $crate::schema::$table::table
                .filter($crate::schema::$table::id.eq(id))
                .filter($crate::schema::$table::user_id.eq(user_id))
                .select(<$row>::as_select())
                .first(connection)
                .await
                .optional()
        }
    };
    (@find_many $table:ident, $row:ty, $new:ty, $changes:ty) => {
        pub async fn find_many(
            connection: &mut diesel_async::AsyncPgConnection,
            user_id: uuid::Uuid,
            ids: &[uuid::Uuid],
        ) -> diesel::QueryResult<Vec<$row>> {
            $crate::schema::$table::table
                .filter($crate::schema::$table::id.eq_any(ids))
                .filter($crate::schema::$table::user_id.eq(user_id))
                .select(<$row>::as_select())
                .load(connection)
                .await
        }
    };
    (@find_for_update $table:ident, $row:ty, $new:ty, $changes:ty) => {
        pub async fn find_for_update(
            connection: &mut diesel_async::AsyncPgConnection,
            user_id: uuid::Uuid,
            id: uuid::Uuid,
        ) -> diesel::QueryResult<Option<$row>> {
            $crate::schema::$table::table
                .filter($crate::schema::$table::id.eq(id))
                .filter($crate::schema::$table::user_id.eq(user_id))
                .select(<$row>::as_select())
                .for_update()
                .first(connection)
                .await
                .optional()
        }
    };
    (@update $table:ident, $row:ty, $new:ty, $changes:ty) => {
        pub async fn update(
            connection: &mut diesel_async::AsyncPgConnection,
            user_id: uuid::Uuid,
            id: uuid::Uuid,
            changes: &$changes,
        ) -> diesel::QueryResult<$row> {
            diesel::update(
                $crate::schema::$table::table
                    .find(id)
                    .filter($crate::schema::$table::user_id.eq(user_id)),
            )
            .set((changes, $crate::sql::next_version!($table)))
            .returning(<$row>::as_returning())
            .get_result(connection)
            .await
        }
    };
    (@delete $table:ident, $row:ty, $new:ty, $changes:ty) => {
        pub async fn delete(
            connection: &mut diesel_async::AsyncPgConnection,
            user_id: uuid::Uuid,
            id: uuid::Uuid,
        ) -> diesel::QueryResult<usize> {
            diesel::delete(
                $crate::schema::$table::table
                    .find(id)
                    .filter($crate::schema::$table::user_id.eq(user_id)),
            )
            .execute(connection)
            .await
        }
    };
}

pub(crate) use owned_queries;

diesel::define_sql_function! {
    /// `lower(text)`.
    fn lower(value: Text) -> Text;
}

diesel::define_sql_function! {
    /// A contact's segment at a time (migration `create_interviews_and_question_sets`).
    fn rapport_segment(
        requested_at: Nullable<Timestamptz>,
        responded_at: Nullable<Timestamptz>,
        no_response: Bool,
        mark3_at: Nullable<Timestamptz>,
        mark7_at: Nullable<Timestamptz>,
        at: Timestamptz,
    ) -> Text;
}

diesel::define_sql_function! {
    /// Text folded for search: lower case, accents removed (migration
    /// `create_employers_and_contacts`).
    fn rapport_fold(value: Text) -> Text;
}

diesel::define_sql_function! {
    /// The owner's trigram keys of a folded text (migration
    /// `search_contacts_by_owner_trigrams`).
    fn rapport_search_keys(owner: Uuid, folded: Text) -> Array<Int4>;
}

diesel::define_sql_function! {
    /// Where `needle` starts in `text`, from 1; 0 when it does not occur.
    fn strpos(text: Text, needle: Text) -> Int4;
}

/// `query LIMIT n`, with `n` written into the statement rather than bound.
///
/// PostgreSQL plans a prepared statement with its parameters five times and
/// then keeps one generic plan only if that plan costs no more. With the
/// row limit as a parameter the generic plan has to assume a tenth of the
/// rows is wanted, so it never wins and every page was planned again. A
/// statement per page size (at most 101) is cheap to keep.
pub struct WithLimit<Q> {
    query: Q,
    limit: i64,
}

/// Adds `LIMIT limit` to `query`, which must not have one.
pub fn with_limit<Q>(query: Q, limit: i64) -> WithLimit<Q> {
    WithLimit { query, limit }
}

impl<Q: Query> Query for WithLimit<Q> {
    type SqlType = Q::SqlType;
}

impl<Q> QueryId for WithLimit<Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q: QueryFragment<Pg>> QueryFragment<Pg> for WithLimit<Q> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        self.query.walk_ast(out.reborrow())?;
        out.push_sql(" LIMIT ");
        out.push_sql(&self.limit.to_string());
        Ok(())
    }
}

/// `(SELECT expression)`: computed once as the statement runs, and unknown
/// to the planner. A search term's keys and folded text go through it, so
/// PostgreSQL estimates every term alike and one prepared plan serves them
/// all; with the values in sight it would plan each search again.
#[derive(Debug, Clone)]
pub struct Opaque<E>(pub E);

impl<E: Expression> Expression for Opaque<E> {
    type SqlType = E::SqlType;
}

impl<E> ValidGrouping<()> for Opaque<E> {
    type IsAggregate = is_aggregate::Never;
}

impl<E: AppearsOnTable<QS>, QS> AppearsOnTable<QS> for Opaque<E> {}

impl<E: SelectableExpression<QS>, QS> SelectableExpression<QS> for Opaque<E> {}

impl<E> QueryId for Opaque<E> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<E: QueryFragment<Pg>> QueryFragment<Pg> for Opaque<E> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql("(SELECT ");
        self.0.walk_ast(out.reborrow())?;
        out.push_sql(")");
        Ok(())
    }
}

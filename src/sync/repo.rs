//! Queries on the change log for one user. Every query filters by owner.

use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::token::Snapshot;

/// One row of the log: a resource that changed.
#[derive(Debug, QueryableByName)]
pub struct Entry {
    #[diesel(sql_type = BigInt)]
    pub position: i64,
    #[diesel(sql_type = Text)]
    pub resource: String,
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    pub id: Uuid,
}

#[derive(QueryableByName)]
struct CurrentSnapshot {
    #[diesel(sql_type = Text)]
    snapshot: String,
}

/// The snapshot the transaction reads in: the first statement of a
/// `REPEATABLE READ` transaction fixes it.
pub async fn current_snapshot(connection: &mut AsyncPgConnection) -> QueryResult<Snapshot> {
    let row: CurrentSnapshot = diesel::sql_query("SELECT pg_current_snapshot()::text AS snapshot")
        .get_result(connection)
        .await?;
    row.snapshot.parse().map_err(|()| {
        diesel::result::Error::DeserializationError("pg_current_snapshot() is unreadable".into())
    })
}

/// Up to `limit` rows in position order after `after`, written by
/// transactions that committed by `until` and had not by `base`, of the
/// named resources. Index `sync_changes_user_xid_idx`: nothing below the
/// base's `xmin` can be new to it.
pub async fn changed_since(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    base: &Snapshot,
    until: &Snapshot,
    after: i64,
    limit: i64,
    resources: &[&str],
) -> QueryResult<Vec<Entry>> {
    diesel::sql_query(
        "SELECT position, resource, id FROM sync_changes \
         WHERE user_id = $1 \
           AND xid >= pg_snapshot_xmin($2::text::pg_snapshot) \
           AND NOT pg_visible_in_snapshot(xid, $2::text::pg_snapshot) \
           AND pg_visible_in_snapshot(xid, $3::text::pg_snapshot) \
           AND position > $4 AND resource = ANY($5) \
         ORDER BY position LIMIT $6",
    )
    .bind::<diesel::sql_types::Uuid, _>(user_id)
    .bind::<Text, _>(base.to_string())
    .bind::<Text, _>(until.to_string())
    .bind::<BigInt, _>(after)
    .bind::<Array<Text>, _>(resources)
    .bind::<BigInt, _>(limit)
    .load(connection)
    .await
}

/// Up to `limit` rows in position order after `after`, written by
/// transactions that committed by `until`, each the last such row of its
/// resource and not a deletion: one row for every resource there is, even
/// before compaction has dropped the rows later ones supersede. Index
/// `sync_changes_resource_idx` answers the later-row check.
pub async fn present_at(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    until: &Snapshot,
    after: i64,
    limit: i64,
    resources: &[&str],
) -> QueryResult<Vec<Entry>> {
    diesel::sql_query(
        "SELECT position, resource, id FROM sync_changes AS change \
         WHERE user_id = $1 AND NOT deleted \
           AND pg_visible_in_snapshot(xid, $2::text::pg_snapshot) \
           AND position > $3 AND resource = ANY($4) \
           AND NOT EXISTS (SELECT FROM sync_changes AS later \
                WHERE later.user_id = change.user_id AND later.resource = change.resource \
                  AND later.id = change.id AND later.position > change.position \
                  AND pg_visible_in_snapshot(later.xid, $2::text::pg_snapshot)) \
         ORDER BY position LIMIT $5",
    )
    .bind::<diesel::sql_types::Uuid, _>(user_id)
    .bind::<Text, _>(until.to_string())
    .bind::<BigInt, _>(after)
    .bind::<Array<Text>, _>(resources)
    .bind::<BigInt, _>(limit)
    .load(connection)
    .await
}

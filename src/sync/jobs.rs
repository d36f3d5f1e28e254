//! The jobs that keep the change log. They work for the service, not for
//! a caller, so their queries span every user; each keeps its place in
//! `sync_progress`, under a row lock, so replicas running them side by side
//! do each piece of work once.

use diesel::sql_types::BigInt;
use diesel_async::{AsyncConnection, RunQueryDsl};

use super::token::HISTORY;
use crate::db::Pool;

/// Deletions one purge statement takes at most.
const BATCH: i64 = 5000;
/// Purge statements one run makes at most, so a backlog is worked off over
/// several runs rather than in one long one.
const PASSES: usize = 20;

/// For the `serve` loop: how often the log is compacted and purged.
pub const COMPACT_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// Records the changes that come from time passing since the last run: a
/// contact awaiting an answer whose 7-business-day mark went by (its
/// `segment` is now `curmudgeon`) and a completed interview whose 24 hours
/// for a thank-you went by (`thank_you_overdue`). Called every dispatcher
/// round, so they appear within one interval. How many it recorded.
pub async fn record_time_marks(pool: &Pool) -> Result<usize, String> {
    let mut connection = pool.get().await.map_err(|error| error.to_string())?;
    connection
        .transaction(async |connection| {
            // Both marks are passed once `now` is strictly after them; the
            // window is [previous run, this run), so a mark at the very
            // instant of a run is recorded by the next one, when it has
            // passed.
            let recorded = diesel::sql_query(
                "WITH progress AS (SELECT time_marks_until AS since FROM sync_progress FOR UPDATE) \
                 INSERT INTO sync_changes (user_id, resource, id) \
                 SELECT contact.user_id, 'contact', contact.id \
                 FROM contacts contact, progress \
                 WHERE contact.segment_responded_at IS NULL AND NOT contact.segment_no_response \
                   AND contact.segment_mark7_at >= progress.since \
                   AND contact.segment_mark7_at < statement_timestamp() \
                 UNION ALL \
                 SELECT interview.user_id, 'interview', interview.id \
                 FROM interviews interview, progress \
                 WHERE interview.status = 'completed' AND interview.thank_you_sent_at IS NULL \
                   AND interview.completed_at >= progress.since - interval '24 hours' \
                   AND interview.completed_at < statement_timestamp() - interval '24 hours'",
            )
            .execute(connection)
            .await?;
            diesel::sql_query("UPDATE sync_progress SET time_marks_until = statement_timestamp()")
                .execute(connection)
                .await?;
            Ok::<_, diesel::result::Error>(recorded)
        })
        .await
        .map_err(|error| error.to_string())
}

/// Drops the rows a later row of the same resource makes needless, then
/// the deletions older than the history kept; how many rows it dropped.
///
/// An older row may go once it is known to have committed before the
/// newer one: then every snapshot the older row is new to has the newer
/// one new to it too, and no reader misses the resource. It is known when
/// the older row was in the snapshot of the last run and the newer one was
/// not, or when the newer row's `horizon` is past the older row's
/// transaction. A row whose transaction ran across two runs is passed by;
/// the next change of its resource compacts it.
pub async fn compact(pool: &Pool) -> Result<usize, String> {
    let mut connection = pool.get().await.map_err(|error| error.to_string())?;
    connection
        .build_transaction()
        .repeatable_read()
        .run(async |connection| {
            // Every statement below reads the one snapshot that the last
            // recorded here becomes.
            let compacted = diesel::sql_query(
                "WITH progress AS ( \
                     SELECT compacted_snapshot AS last, earlier_position FROM sync_progress \
                     WHERE compacted_snapshot IS NOT NULL FOR UPDATE), \
                 fresh AS ( \
                     SELECT change.position, change.user_id, change.resource, change.id, \
                         change.horizon, progress.last \
                     FROM sync_changes change, progress \
                     WHERE change.position > progress.earlier_position \
                       AND change.xid >= pg_snapshot_xmin(progress.last) \
                       AND NOT pg_visible_in_snapshot(change.xid, progress.last)) \
                 DELETE FROM sync_changes older USING fresh \
                 WHERE older.user_id = fresh.user_id AND older.resource = fresh.resource \
                   AND older.id = fresh.id AND older.position <> fresh.position \
                   AND (pg_visible_in_snapshot(older.xid, fresh.last) \
                       OR older.xid < fresh.horizon)",
            )
            .execute(connection)
            .await?;
            diesel::sql_query(
                "UPDATE sync_progress SET compacted_snapshot = pg_current_snapshot(), \
                     earlier_position = compacted_position, \
                     compacted_position = (SELECT coalesce(max(position), 0) FROM sync_changes)",
            )
            .execute(connection)
            .await?;
            let mut purged = 0;
            for _ in 0..PASSES {
                let batch = diesel::sql_query(
                    "DELETE FROM sync_changes change USING ( \
                         SELECT user_id, resource, id FROM sync_changes \
                         WHERE deleted AND changed_at < now() - make_interval(days => $1) \
                         LIMIT $2) dead \
                     WHERE change.user_id = dead.user_id AND change.resource = dead.resource \
                       AND change.id = dead.id \
                       AND change.changed_at < now() - make_interval(days => $1)",
                )
                .bind::<diesel::sql_types::Integer, _>(HISTORY.num_days() as i32)
                .bind::<BigInt, _>(BATCH)
                .execute(connection)
                .await?;
                purged += batch;
                if batch == 0 {
                    break;
                }
            }
            Ok::<_, diesel::result::Error>(compacted + purged)
        })
        .await
        .map_err(|error| error.to_string())
}

//! The reminder dispatcher: every `RAPPORT_DISPATCH_INTERVAL_MS` it claims
//! due, pending, un-notified reminders with `FOR UPDATE SKIP LOCKED`,
//! records `notified_at` and writes a `reminder.due` event to the outbox,
//! all in one transaction. Replicas running it side by side each take
//! different rows, so every reminder is announced once.

use std::sync::Arc;

use diesel_async::{AsyncConnection, RunQueryDsl};
use tracing::Instrument;

use super::dto::ReminderResponse;
use super::models::Reminder;
use crate::config::Settings;
use crate::db::Pool;
use crate::webhooks::dto::EventName;
use crate::webhooks::outbox;

/// Reminders claimed in one transaction.
pub const BATCH: i64 = 500;

/// Claims and announces one batch; how many reminders it announced.
pub async fn dispatch_once(pool: &Pool) -> Result<usize, String> {
    let mut connection = pool.get().await.map_err(|error| error.to_string())?;
    connection
        .transaction(async |connection| {
            let claimed: Vec<Reminder> = diesel::sql_query(
                "UPDATE reminders SET notified_at = now() \
                 WHERE id IN ( \
                     SELECT id FROM reminders \
                     WHERE status = 'pending' AND notified_at IS NULL \
                       AND coalesce(snoozed_until, due_at) <= now() \
                     ORDER BY coalesce(snoozed_until, due_at) \
                     LIMIT $1 FOR UPDATE SKIP LOCKED) \
                 RETURNING id, user_id, kind, title, note, due_at, status, origin, interview_id, \
                     contact_id, action_item_id, notified_at, snoozed_until, completed_at, version, \
                     created_at, updated_at",
            )
            .bind::<diesel::sql_types::BigInt, _>(BATCH)
            .load(connection)
            .await?;
            let events: Vec<(uuid::Uuid, serde_json::Value)> = claimed
                .iter()
                .map(|reminder| {
                    let user = reminder.user_id;
                    let _span = tracing::info_span!(
                        "reminder_due",
                        reminder.id = %reminder.id,
                        user.id = %user
                    )
                    .entered();
                    tracing::debug!("announcing the reminder");
                    let data = serde_json::to_value(ReminderResponse::from(reminder.clone()))
                        .unwrap_or(serde_json::Value::Null);
                    (user, data)
                })
                .collect();
            outbox::enqueue(connection, EventName::ReminderDue, &events).await?;
            Ok::<_, diesel::result::Error>(claimed.len())
        })
        .await
        .map_err(|error| error.to_string())
}

/// Runs until `stop` turns true, finishing the batch in hand first.
pub async fn run(
    pool: Pool,
    settings: Arc<Settings>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    while !*stop.borrow() {
        let round = tracing::info_span!("reminder_dispatch");
        match dispatch_once(&pool).instrument(round).await {
            Ok(count) if count as i64 >= BATCH => continue,
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "reminder dispatch round failed"),
        }
        // Segments and thank-you warnings that time moved reach sync
        // within one interval.
        if let Err(error) = crate::sync::jobs::record_time_marks(&pool).await {
            tracing::warn!(%error, "changes from time passing were not recorded");
        }
        tokio::select! {
            _ = tokio::time::sleep(settings.dispatch_interval) => {}
            _ = stop.changed() => {}
        }
    }
}

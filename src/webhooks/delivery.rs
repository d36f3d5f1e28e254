//! The delivery workers: claim due deliveries, send them signed, record
//! each outcome as soon as its attempt ends.
//!
//! A worker claims only as many deliveries as it can start at once, and
//! starts them at once, so every claim (`CLAIM`) outlasts its attempt (at
//! most 10 s). An outcome is written only while the claim is the worker's
//! own: if it lapsed and another worker took the delivery over, the late
//! outcome is dropped. A worker that dies leaves its claims to lapse, and
//! another worker sends those deliveries again with the same message id
//! within `CLAIM`. An endpoint has at most `PER_ENDPOINT` attempts in
//! flight, so one slow endpoint cannot take every place; an inactive
//! endpoint's deliveries wait until it is active again.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use diesel::QueryableByName;
use diesel::sql_types::{Array, BigInt, Double, Int4, Jsonb, Nullable, Text, Uuid as SqlUuid};
use diesel_async::RunQueryDsl;
use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;
use tokio::sync::Semaphore;
use tracing::Instrument;
use uuid::Uuid;

use super::policy;
use crate::config::Settings;
use crate::db::Pool;

/// How long a worker owns a claimed delivery: longer than one attempt.
const CLAIM: Duration = Duration::from_secs(30);
/// Attempts one worker has in flight at once.
const CONCURRENCY: usize = 64;
/// Outcomes one worker writes at once, each on a connection of its own.
const RECORDING: usize = 2;
/// Attempts in flight for one endpoint, across workers.
const PER_ENDPOINT: i64 = 4;
/// Retry delays after each failed attempt, in units of
/// `RAPPORT_WEBHOOK_RETRY_BASE_MS`; after the last, the delivery fails.
const BACKOFF: [u32; 5] = [1, 5, 30, 120, 720];

#[derive(Debug, QueryableByName)]
struct Claimed {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    webhook_id: Uuid,
    #[diesel(sql_type = Jsonb)]
    payload: serde_json::Value,
    #[diesel(sql_type = Int4)]
    attempts: i32,
    #[diesel(sql_type = Text)]
    url: String,
    #[diesel(sql_type = Text)]
    secret: String,
}

/// What one attempt came to.
#[derive(Debug)]
struct Outcome {
    id: Uuid,
    attempts: i32,
    status_code: Option<i32>,
    delivered: bool,
}

/// Builds the client deliveries go out with: no proxies from the
/// environment, no redirects, connect and total timeouts, and a resolver
/// that refuses internal addresses unless `allow_private`.
pub fn client(allow_private: bool) -> reqwest::Client {
    reqwest::Client::builder()
        .use_preconfigured_tls(crate::db::verified_tls_config())
        .dns_resolver(Arc::new(policy::CheckedResolver { allow_private }))
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(10))
        .user_agent(concat!("rapport-webhooks/", env!("CARGO_PKG_VERSION")))
        .build()
        .expect("a client with static settings builds")
}

/// Claims up to `room` due deliveries of active endpoints under `claim`,
/// leaving out endpoints that have their share in flight already; a claim
/// that took more of one endpoint than its share gives the rest back.
async fn claim(pool: &Pool, claim: Uuid, room: usize) -> Result<Vec<Claimed>, String> {
    let mut connection = pool.get().await.map_err(|error| error.to_string())?;
    let claimed: Vec<Claimed> = diesel::sql_query(
        "WITH saturated AS ( \
             SELECT webhook_id FROM webhook_deliveries \
             WHERE locked_until > now() GROUP BY webhook_id HAVING count(*) >= $3) \
         UPDATE webhook_deliveries AS d \
         SET locked_until = now() + make_interval(secs => $2), claim_id = $4 \
         FROM webhooks AS w \
         WHERE w.id = d.webhook_id AND d.id IN ( \
             SELECT due.id FROM webhook_deliveries AS due \
             WHERE due.status IN ('pending', 'retrying') AND due.next_attempt_at <= now() \
               AND (due.locked_until IS NULL OR due.locked_until < now()) \
               AND due.webhook_id NOT IN (SELECT webhook_id FROM saturated) \
               AND EXISTS (SELECT 1 FROM webhooks AS active WHERE active.id = due.webhook_id AND active.active) \
             ORDER BY due.next_attempt_at LIMIT $1 FOR UPDATE OF due SKIP LOCKED) \
         RETURNING d.id, d.webhook_id, d.payload, d.attempts, w.url, w.secret",
    )
    .bind::<BigInt, _>(i64::try_from(room).unwrap_or(i64::MAX))
    .bind::<Double, _>(CLAIM.as_secs_f64())
    .bind::<BigInt, _>(PER_ENDPOINT)
    .bind::<SqlUuid, _>(claim)
    .load(&mut connection)
    .await
    .map_err(|error| error.to_string())?;
    let (kept, extra) = within_endpoint_shares(claimed);
    if !extra.is_empty() {
        diesel::sql_query(
            "UPDATE webhook_deliveries SET locked_until = NULL, claim_id = NULL \
             WHERE id = ANY($1) AND claim_id = $2",
        )
        .bind::<Array<SqlUuid>, _>(extra)
        .bind::<SqlUuid, _>(claim)
        .execute(&mut connection)
        .await
        .map_err(|error| error.to_string())?;
    }
    Ok(kept)
}

/// The claimed deliveries to send, at most `PER_ENDPOINT` of one endpoint,
/// and the ids of the rest.
fn within_endpoint_shares(claimed: Vec<Claimed>) -> (Vec<Claimed>, Vec<Uuid>) {
    let mut taken: std::collections::HashMap<Uuid, i64> = std::collections::HashMap::new();
    let mut extra = Vec::new();
    let kept = claimed
        .into_iter()
        .filter_map(|delivery| {
            let count = taken.entry(delivery.webhook_id).or_default();
            *count += 1;
            if *count > PER_ENDPOINT {
                extra.push(delivery.id);
                None
            } else {
                Some(delivery)
            }
        })
        .collect();
    (kept, extra)
}

async fn send(client: &reqwest::Client, settings: &Settings, delivery: &Claimed) -> Outcome {
    let failed = |status_code| Outcome {
        id: delivery.id,
        attempts: delivery.attempts + 1,
        status_code,
        delivered: false,
    };
    // Checked again at delivery (the rules may have changed); the client's
    // resolver checks a host name's addresses as it connects.
    if policy::check_without_lookup(&delivery.url, settings.webhook_allow_private).is_err() {
        return failed(None);
    }
    let body = delivery.payload.to_string();
    let timestamp = Utc::now().timestamp();
    let message_id = delivery.id.to_string();
    let signature = match standardwebhooks::Webhook::new(&delivery.secret)
        .and_then(|signer| signer.sign(&message_id, timestamp, body.as_bytes()))
    {
        Ok(signature) => signature,
        Err(_) => return failed(None),
    };
    let sent = client
        .post(&delivery.url)
        .header("content-type", "application/json")
        .header("webhook-id", &message_id)
        .header("webhook-timestamp", timestamp.to_string())
        .header("webhook-signature", signature)
        .body(body)
        .send()
        .await;
    match sent {
        Ok(response) => Outcome {
            id: delivery.id,
            attempts: delivery.attempts + 1,
            status_code: Some(i32::from(response.status().as_u16())),
            delivered: response.status().is_success(),
        },
        Err(_) => failed(None),
    }
}

/// Writes an attempt's outcome, if `claim` is still the delivery's: a
/// delivery another worker took over keeps what that worker writes, and a
/// `delivered` one never changes again.
async fn record(
    pool: &Pool,
    retry_base: Duration,
    claim: Uuid,
    outcome: &Outcome,
) -> Result<(), String> {
    let mut connection = pool.get().await.map_err(|error| error.to_string())?;
    let (status, delay_ms) = if outcome.delivered {
        ("delivered", 0.0)
    } else {
        match usize::try_from(outcome.attempts - 1)
            .ok()
            .and_then(|index| BACKOFF.get(index))
        {
            Some(factor) => (
                "retrying",
                retry_base.as_millis() as f64 * f64::from(*factor),
            ),
            None => ("failed", 0.0),
        }
    };
    diesel::sql_query(
        "UPDATE webhook_deliveries SET status = $2, attempts = $3, last_status_code = $4, \
         next_attempt_at = now() + make_interval(secs => $5 / 1000.0), \
         delivered_at = CASE WHEN $2 = 'delivered' THEN now() END, \
         locked_until = NULL, claim_id = NULL \
         WHERE id = $1 AND claim_id = $6 AND status <> 'delivered'",
    )
    .bind::<SqlUuid, _>(outcome.id)
    .bind::<Text, _>(status)
    .bind::<Int4, _>(outcome.attempts)
    .bind::<Nullable<Int4>, _>(outcome.status_code)
    .bind::<Double, _>(delay_ms)
    .bind::<SqlUuid, _>(claim)
    .execute(&mut connection)
    .await
    .map_err(|error| error.to_string())?;
    Ok(())
}

/// Sends one claimed delivery and records its outcome, taking a place in
/// `recording` for the write: a burst of attempts that end together takes
/// a few of the pool's connections, not all of them.
async fn attempt(
    pool: &Pool,
    settings: &Settings,
    client: &reqwest::Client,
    recording: &Semaphore,
    claim: Uuid,
    delivery: Claimed,
) {
    let span = tracing::info_span!("webhook_delivery", delivery.id = %delivery.id, webhook.id = %delivery.webhook_id);
    async {
        let outcome = send(client, settings, &delivery).await;
        // The semaphore is never closed, so acquiring only ever waits.
        let _place = recording.acquire().await;
        if let Err(error) = record(pool, settings.webhook_retry_base, claim, &outcome).await {
            tracing::warn!(%error, "a delivery's outcome could not be recorded; its claim will lapse");
        }
    }
    .instrument(span)
    .await
}

/// Claims what one worker can send at once, sends it all and records each
/// outcome; the number of deliveries attempted.
pub async fn deliver_once(
    pool: &Pool,
    settings: &Settings,
    client: &reqwest::Client,
) -> Result<usize, String> {
    let claim_id = Uuid::now_v7();
    let claimed = claim(pool, claim_id, CONCURRENCY).await?;
    let count = claimed.len();
    let recording = Semaphore::new(RECORDING);
    claimed
        .into_iter()
        .map(|delivery| attempt(pool, settings, client, &recording, claim_id, delivery))
        .collect::<FuturesUnordered<_>>()
        .collect::<Vec<()>>()
        .await;
    Ok(count)
}

/// Runs until `stop` turns true, then finishes the attempts in flight.
/// Whenever places are free it claims more work: at once after an attempt
/// ends, otherwise every `RAPPORT_DISPATCH_INTERVAL_MS`.
///
/// Each attempt is a task of its own. Polled from this loop instead, an
/// attempt that had checked a connection out to record its outcome sat
/// unpolled, holding it, while the loop waited for a connection to claim
/// more: a few such attempts emptied the pool for every request.
pub async fn run(
    pool: Pool,
    settings: Arc<Settings>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    let client = client(settings.webhook_allow_private);
    let recording = Arc::new(Semaphore::new(RECORDING));
    let mut in_flight = tokio::task::JoinSet::new();
    while !*stop.borrow() {
        let room = CONCURRENCY - in_flight.len();
        if room > 0 {
            // Each claim its own id: an outcome belongs to one claim only.
            let claim_id = Uuid::now_v7();
            match claim(&pool, claim_id, room).await {
                Ok(claimed) => {
                    for delivery in claimed {
                        let (pool, settings, client, recording) = (
                            pool.clone(),
                            settings.clone(),
                            client.clone(),
                            recording.clone(),
                        );
                        in_flight.spawn(async move {
                            attempt(&pool, &settings, &client, &recording, claim_id, delivery)
                                .await;
                        });
                    }
                }
                Err(error) => tracing::warn!(%error, "claiming webhook deliveries failed"),
            }
        }
        tokio::select! {
            Some(_) = in_flight.join_next(), if !in_flight.is_empty() => {}
            _ = tokio::time::sleep(settings.dispatch_interval) => {}
            _ = stop.changed() => {}
        }
    }
    while in_flight.join_next().await.is_some() {}
}

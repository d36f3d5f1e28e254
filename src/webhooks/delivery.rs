//! The delivery workers: claim due deliveries, send them signed, record
//! the result. A claim lasts `CLAIM`; a worker that dies mid-delivery
//! leaves it to expire, and another worker sends the delivery again with
//! the same message id.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use diesel::QueryableByName;
use diesel::sql_types::{Array, Int4, Jsonb, Text, Uuid as SqlUuid};
use diesel_async::RunQueryDsl;
use futures_util::StreamExt;
use uuid::Uuid;

use super::policy;
use crate::config::Settings;
use crate::db::Pool;

/// How long a worker owns a claimed delivery; longer than one attempt.
const CLAIM: Duration = Duration::from_secs(30);
/// Deliveries one worker claims at a time, and sends at once.
const BATCH: i64 = 200;
const CONCURRENCY: usize = 64;
/// Retry delays after each failed attempt, in units of
/// `RAPPORT_WEBHOOK_RETRY_BASE_MS`; after the last, the delivery fails.
const BACKOFF: [u32; 5] = [1, 5, 30, 120, 720];

#[derive(Debug, QueryableByName)]
struct Claimed {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
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

async fn claim(pool: &Pool) -> Result<Vec<Claimed>, String> {
    let mut connection = pool.get().await.map_err(|error| error.to_string())?;
    diesel::sql_query(
        "UPDATE webhook_deliveries AS d \
         SET locked_until = now() + make_interval(secs => $2) \
         FROM webhooks AS w \
         WHERE w.id = d.webhook_id AND d.id IN ( \
             SELECT id FROM webhook_deliveries \
             WHERE status IN ('pending', 'retrying') AND next_attempt_at <= now() \
               AND (locked_until IS NULL OR locked_until < now()) \
             ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) \
         RETURNING d.id, d.payload, d.attempts, w.url, w.secret",
    )
    .bind::<diesel::sql_types::BigInt, _>(BATCH)
    .bind::<diesel::sql_types::Double, _>(CLAIM.as_secs_f64())
    .load(&mut connection)
    .await
    .map_err(|error| error.to_string())
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

async fn record(pool: &Pool, retry_base: Duration, outcomes: Vec<Outcome>) -> Result<(), String> {
    let mut connection = pool.get().await.map_err(|error| error.to_string())?;
    let (delivered, failed): (Vec<_>, Vec<_>) =
        outcomes.into_iter().partition(|outcome| outcome.delivered);
    // Successes in one statement: most answer the same code.
    if !delivered.is_empty() {
        let ids: Vec<Uuid> = delivered.iter().map(|outcome| outcome.id).collect();
        let codes: Vec<i32> = delivered
            .iter()
            .map(|outcome| outcome.status_code.unwrap_or(200))
            .collect();
        diesel::sql_query(
            "UPDATE webhook_deliveries AS d SET status = 'delivered', delivered_at = now(), \
             attempts = d.attempts + 1, last_status_code = r.code, locked_until = NULL \
             FROM unnest($1::uuid[], $2::int[]) AS r(id, code) WHERE d.id = r.id",
        )
        .bind::<Array<SqlUuid>, _>(ids)
        .bind::<Array<Int4>, _>(codes)
        .execute(&mut connection)
        .await
        .map_err(|error| error.to_string())?;
    }
    for outcome in failed {
        let retry = BACKOFF.get(outcome.attempts as usize - 1).copied();
        let (status, delay_ms) = match retry {
            Some(factor) => (
                "retrying",
                retry_base.as_millis() as f64 * f64::from(factor),
            ),
            None => ("failed", 0.0),
        };
        diesel::sql_query(
            "UPDATE webhook_deliveries SET status = $2, attempts = $3, last_status_code = $4, \
             next_attempt_at = now() + make_interval(secs => $5 / 1000.0), locked_until = NULL \
             WHERE id = $1",
        )
        .bind::<SqlUuid, _>(outcome.id)
        .bind::<Text, _>(status)
        .bind::<Int4, _>(outcome.attempts)
        .bind::<diesel::sql_types::Nullable<Int4>, _>(outcome.status_code)
        .bind::<diesel::sql_types::Double, _>(delay_ms)
        .execute(&mut connection)
        .await
        .map_err(|error| error.to_string())?;
    }
    Ok(())
}

/// Claims and sends one batch; the number of deliveries attempted.
pub async fn deliver_once(
    pool: &Pool,
    settings: &Settings,
    client: &reqwest::Client,
) -> Result<usize, String> {
    let claimed = claim(pool).await?;
    let count = claimed.len();
    if count == 0 {
        return Ok(0);
    }
    let outcomes: Vec<Outcome> = futures_util::stream::iter(claimed.iter())
        .map(|delivery| send(client, settings, delivery))
        .buffer_unordered(CONCURRENCY)
        .collect()
        .await;
    record(pool, settings.webhook_retry_base, outcomes).await?;
    Ok(count)
}

/// Runs until `stop` turns true, finishing the batch in hand first.
pub async fn run(
    pool: Pool,
    settings: Arc<Settings>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    let client = client(settings.webhook_allow_private);
    while !*stop.borrow() {
        match deliver_once(&pool, &settings, &client).await {
            Ok(count) if count as i64 >= BATCH => continue,
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "webhook delivery round failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(settings.dispatch_interval) => {}
            _ = stop.changed() => {}
        }
    }
}

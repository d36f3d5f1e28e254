//! The user's webhook endpoints: a URL the delivery policy accepts, a
//! secret made here and shown once, and a test event on request.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use rand::RngCore;
use serde_json::json;
use uuid::Uuid;

use super::dto::{
    CreateWebhookRequest, DeliveryEvent, DeliveryResponse, EventName, UpdateWebhookRequest,
    WebhookResponse,
};
use super::models::{NewWebhook, Webhook, WebhookChangeset};
use super::repo::{self, DeliveryCursor};
use super::{outbox, policy};
use crate::auth::rate_limit::PerMinute;
use crate::error::{ApiError, ApiResult};
use crate::pagination::{self, Page, PageSize};

/// The Standard Webhooks secret form: `whsec_` and 32 random bytes.
fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("whsec_{}", STANDARD.encode(bytes))
}

/// The URL as given, once the delivery policy accepts it. Stored as given:
/// the parsed form may differ (`http://0` reads as `http://0.0.0.0/`), and
/// the endpoint is the one the user wrote.
async fn checked_url(url: String, allow_private: bool) -> ApiResult<String> {
    policy::check(&url, allow_private)
        .await
        .map(|_| url)
        .map_err(|refused| ApiError::invalid("url", refused.to_string()))
}

fn event_names(events: &[EventName]) -> Vec<EventName> {
    let mut names = events.to_vec();
    names.sort_by_key(|event| event.as_str());
    names.dedup();
    names
}

async fn own(connection: &mut AsyncPgConnection, user_id: Uuid, id: Uuid) -> ApiResult<Webhook> {
    repo::find(connection, user_id, id)
        .await?
        .ok_or(ApiError::NotFound)
}

pub async fn list(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    updated_after: Option<chrono::DateTime<chrono::Utc>>,
) -> ApiResult<Vec<Webhook>> {
    Ok(repo::all_of_user(connection, user_id, updated_after).await?)
}

/// Registers an endpoint with a new secret. The URL is checked (a DNS
/// lookup) before a connection is taken.
pub async fn create(
    pool: &crate::db::Pool,
    user_id: Uuid,
    request: CreateWebhookRequest,
    allow_private: bool,
) -> ApiResult<Webhook> {
    let url = checked_url(request.url, allow_private).await?;
    let mut connection = pool.get().await?;
    Ok(repo::insert(
        &mut connection,
        &NewWebhook {
            id: request.id.unwrap_or_else(Uuid::now_v7),
            user_id,
            url,
            events: event_names(&request.events),
            secret: new_secret(),
        },
    )
    .await?)
}

pub async fn get(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
) -> ApiResult<Webhook> {
    own(connection, user_id, id).await
}

/// Applies a merge patch; a new URL is checked first, before a connection
/// is taken, and the read and the write share one transaction.
pub async fn update(
    pool: &crate::db::Pool,
    user_id: Uuid,
    id: Uuid,
    request: UpdateWebhookRequest,
    allow_private: bool,
) -> ApiResult<Webhook> {
    let url = match request.url.into_value() {
        Some(url) => Some(checked_url(url, allow_private).await?),
        None => None,
    };
    let changes = WebhookChangeset {
        url,
        events: request
            .events
            .into_value()
            .map(|events| event_names(&events)),
        active: request.active.into_value(),
    };
    let mut connection = pool.get().await?;
    connection
        .transaction(async |connection| {
            let current = own(connection, user_id, id).await?;
            if changes.url.is_none() && changes.events.is_none() && changes.active.is_none() {
                return Ok(current);
            }
            Ok(repo::update(connection, user_id, id, &changes).await?)
        })
        .await
}

/// Deletes an endpoint with its delivery log; 404 when it is not the
/// caller's.
pub async fn delete(connection: &mut AsyncPgConnection, user_id: Uuid, id: Uuid) -> ApiResult<()> {
    match repo::delete(connection, user_id, id).await? {
        0 => Err(ApiError::NotFound),
        _ => Ok(()),
    }
}

/// Queues a `webhook.ping` for the endpoint, within its `pings` budget.
pub async fn ping(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
    pings: &PerMinute,
) -> ApiResult<()> {
    let webhook = own(connection, user_id, id).await?;
    pings.check(connection, webhook.id).await?;
    outbox::enqueue_for(
        connection,
        webhook.id,
        user_id,
        DeliveryEvent::WebhookPing,
        json!({"webhook_id": webhook.id}),
    )
    .await?;
    Ok(())
}

/// A page of the endpoint's deliveries, newest first.
pub async fn deliveries(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
    updated_after: Option<chrono::DateTime<chrono::Utc>>,
    cursor: Option<&str>,
    limit: PageSize,
) -> ApiResult<Page<DeliveryResponse>> {
    let limit = limit.get();
    let after = pagination::after::<DeliveryCursor>(cursor)?;
    own(connection, user_id, id).await?;
    let rows = repo::deliveries(connection, user_id, id, updated_after, after, limit).await?;
    Ok(Page::from_rows(
        rows,
        limit,
        |delivery| DeliveryCursor {
            created_at: delivery.created_at,
            id: delivery.id,
        },
        DeliveryResponse::from,
    ))
}

/// The webhooks among `ids` that are the user's, as their GET answers
/// them, in no order.
pub async fn find_many(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    ids: &[Uuid],
) -> ApiResult<Vec<WebhookResponse>> {
    let webhooks = repo::find_many(connection, user_id, ids).await?;
    Ok(webhooks.into_iter().map(WebhookResponse::from).collect())
}

//! Queries on `webhooks` and `webhook_deliveries`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::models::{Delivery, NewWebhook, Webhook, WebhookChangeset};
use crate::schema::{webhook_deliveries, webhooks};
use crate::sql::with_limit;

crate::sql::owned_queries!(webhooks, Webhook, NewWebhook, WebhookChangeset:
    insert, find, find_many, delete);

pub async fn all_of_user(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    updated_after: Option<chrono::DateTime<chrono::Utc>>,
) -> QueryResult<Vec<Webhook>> {
    let mut query = webhooks::table
        .filter(webhooks::user_id.eq(user_id))
        .into_boxed();
    if let Some(updated_after) = updated_after {
        query = query.filter(webhooks::updated_at.gt(updated_after));
    }
    query
        .order((webhooks::created_at, webhooks::id))
        .select(Webhook::as_select())
        .load(connection)
        .await
}

pub async fn update(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
    changes: &WebhookChangeset,
) -> QueryResult<Webhook> {
    diesel::update(
        webhooks::table
            .find(id)
            .filter(webhooks::user_id.eq(user_id)),
    )
    .set((changes, webhooks::updated_at.eq(Utc::now())))
    .returning(Webhook::as_returning())
    .get_result(connection)
    .await
}

/// Where the previous page of deliveries ended: newest first.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeliveryCursor {
    pub created_at: DateTime<Utc>,
    pub id: Uuid,
}

/// A page of an endpoint's deliveries, newest first, `limit + 1` at most
/// (index `webhook_deliveries_webhook_idx`).
pub async fn deliveries(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    webhook_id: Uuid,
    updated_after: Option<chrono::DateTime<chrono::Utc>>,
    after: Option<DeliveryCursor>,
    limit: i64,
) -> QueryResult<Vec<Delivery>> {
    let mut query = webhook_deliveries::table
        .filter(webhook_deliveries::user_id.eq(user_id))
        .filter(webhook_deliveries::webhook_id.eq(webhook_id))
        .select(Delivery::as_select())
        .into_boxed();
    if let Some(updated_after) = updated_after {
        query = query.filter(webhook_deliveries::updated_at.gt(updated_after));
    }
    if let Some(DeliveryCursor { created_at, id }) = after {
        query = query.filter(
            webhook_deliveries::created_at
                .lt(created_at)
                .or(webhook_deliveries::created_at
                    .eq(created_at)
                    .and(webhook_deliveries::id.lt(id))),
        );
    }
    with_limit(
        query.order((
            webhook_deliveries::created_at.desc(),
            webhook_deliveries::id.desc(),
        )),
        limit + 1,
    )
    .load(connection)
    .await
}

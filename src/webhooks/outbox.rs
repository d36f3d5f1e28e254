//! Writing events to the outbox, in the transaction of the event: one
//! delivery per event and subscribed endpoint.

use chrono::Utc;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde_json::json;
use uuid::Uuid;

use super::dto::{DeliveryEvent, EventName};
use super::models::NewDelivery;
use crate::schema::{webhook_deliveries, webhooks};

/// The Standard Webhooks body: `{type, timestamp, data}`.
pub fn body(event: DeliveryEvent, data: serde_json::Value) -> serde_json::Value {
    json!({"type": event.as_str(), "timestamp": Utc::now().to_rfc3339(), "data": data})
}

/// Queues `event` for every active endpoint of each user that subscribed
/// to it. `items` pairs a user with the event's subject in its wire form.
pub async fn enqueue(
    connection: &mut AsyncPgConnection,
    event: EventName,
    items: &[(Uuid, serde_json::Value)],
) -> QueryResult<usize> {
    if items.is_empty() {
        return Ok(0);
    }
    let mut users: Vec<Uuid> = items.iter().map(|(user, _)| *user).collect();
    users.sort();
    users.dedup();
    let endpoints: Vec<(Uuid, Uuid)> = webhooks::table
        .filter(webhooks::user_id.eq_any(&users))
        .filter(webhooks::active.eq(true))
        .filter(webhooks::events.contains(vec![event]))
        .select((webhooks::id, webhooks::user_id))
        .load(connection)
        .await?;
    if endpoints.is_empty() {
        return Ok(0);
    }
    let rows: Vec<NewDelivery> = items
        .iter()
        .flat_map(|(user, data)| {
            endpoints
                .iter()
                .filter(move |(_, owner)| owner == user)
                .map(move |(webhook, _)| NewDelivery {
                    id: Uuid::now_v7(),
                    webhook_id: *webhook,
                    user_id: *user,
                    event: event.into(),
                    payload: body(event.into(), data.clone()),
                })
        })
        .collect();
    let mut written = 0;
    for chunk in rows.chunks(1000) {
        written += diesel::insert_into(webhook_deliveries::table)
            .values(chunk)
            .execute(connection)
            .await?;
    }
    Ok(written)
}

/// Queues one event for one endpoint, whatever it subscribed to (a ping).
pub async fn enqueue_for(
    connection: &mut AsyncPgConnection,
    webhook_id: Uuid,
    user_id: Uuid,
    event: DeliveryEvent,
    data: serde_json::Value,
) -> QueryResult<()> {
    diesel::insert_into(webhook_deliveries::table)
        .values(&NewDelivery {
            id: Uuid::now_v7(),
            webhook_id,
            user_id,
            event,
            payload: body(event, data),
        })
        .execute(connection)
        .await
        .map(drop)
}

//! Diesel rows of `webhooks` and `webhook_deliveries`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::dto::{DeliveryEvent, DeliveryStatus, EventName};
use crate::schema::{webhook_deliveries, webhooks};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhooks, check_for_backend(diesel::pg::Pg))]
pub struct Webhook {
    pub id: Uuid,
    pub user_id: Uuid,
    pub url: String,
    pub events: Vec<EventName>,
    pub secret: String,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = webhooks)]
pub struct NewWebhook {
    pub id: Uuid,
    pub user_id: Uuid,
    pub url: String,
    pub events: Vec<EventName>,
    pub secret: String,
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = webhooks)]
pub struct WebhookChangeset {
    pub url: Option<String>,
    pub events: Option<Vec<EventName>>,
    pub active: Option<bool>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhook_deliveries, check_for_backend(diesel::pg::Pg))]
pub struct Delivery {
    pub id: Uuid,
    pub webhook_id: Uuid,
    pub event: DeliveryEvent,
    pub status: DeliveryStatus,
    pub attempts: i32,
    pub last_status_code: Option<i32>,
    pub next_attempt_at: DateTime<Utc>,
    pub delivered_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = webhook_deliveries)]
pub struct NewDelivery {
    pub id: Uuid,
    pub webhook_id: Uuid,
    pub user_id: Uuid,
    pub event: DeliveryEvent,
    pub payload: serde_json::Value,
}

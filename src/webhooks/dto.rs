//! Wire types of webhooks and their deliveries.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::models::{Delivery, Webhook};
use crate::patch::{self, Patch, ReadOnlyFields};

crate::stored_enum::stored_enum! {
    /// An event an endpoint can subscribe to.
    #[schema(as = SubscribableWebhookEvent)]
    pub enum EventName {
        ReminderDue = "reminder.due",
        InterviewScheduled = "interview.scheduled",
        InterviewCompleted = "interview.completed",
    }
}

crate::stored_enum::stored_enum! {
    /// What a delivery carries: a subscribed event, or the ping an endpoint
    /// gets whatever it subscribed to.
    #[schema(as = WebhookEvent)]
    pub enum DeliveryEvent {
        ReminderDue = "reminder.due",
        InterviewScheduled = "interview.scheduled",
        InterviewCompleted = "interview.completed",
        WebhookPing = "webhook.ping",
    }
}

impl From<EventName> for DeliveryEvent {
    fn from(event: EventName) -> Self {
        match event {
            EventName::ReminderDue => Self::ReminderDue,
            EventName::InterviewScheduled => Self::InterviewScheduled,
            EventName::InterviewCompleted => Self::InterviewCompleted,
        }
    }
}

/// A registered endpoint.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct WebhookResponse {
    pub id: Uuid,
    pub url: String,
    pub events: Vec<EventName>,
    pub active: bool,
    #[serde(serialize_with = "crate::timestamp::serialize")]
    pub created_at: DateTime<Utc>,
}

impl From<Webhook> for WebhookResponse {
    fn from(webhook: Webhook) -> Self {
        Self {
            id: webhook.id,
            url: webhook.url,
            events: webhook.events,
            active: webhook.active,
            created_at: webhook.created_at,
        }
    }
}

/// A new endpoint, with the secret that is shown this once.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CreatedWebhookResponse {
    #[serde(flatten)]
    pub webhook: WebhookResponse,
    /// `whsec_…`: verifies the signatures.
    pub secret: String,
}

impl From<Webhook> for CreatedWebhookResponse {
    fn from(mut webhook: Webhook) -> Self {
        let secret = std::mem::take(&mut webhook.secret);
        Self {
            webhook: webhook.into(),
            secret,
        }
    }
}

/// `POST /v1/webhooks`.
#[derive(Debug, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateWebhookRequest {
    /// Chosen by the client, so that one working offline can name what it
    /// creates before it syncs; made by the service when left out. An id
    /// in use, by anyone, is a 409 `conflict`.
    #[garde(skip)]
    pub id: Option<Uuid>,
    /// http or https, to a host name or an IPv4 address.
    #[garde(
        length(chars, min = 1, max = 2000),
        pattern(crate::webhooks::policy::URL_FORM)
    )]
    #[schema(
        min_length = 1,
        max_length = 2000,
        pattern = r"^https?://((([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z]([A-Za-z0-9-]*[A-Za-z0-9])?)|((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9]))(:([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?(/[A-Za-z0-9._~/-]*)?$",
        example = "https://portal.example.edu/rapport-events"
    )]
    pub url: String,
    #[garde(length(min = 1, max = 3))]
    #[schema(min_items = 1, max_items = 3)]
    pub events: Vec<EventName>,
}

/// A JSON merge patch of an endpoint.
#[derive(Debug, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct UpdateWebhookRequest {
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = String, min_length = 1, max_length = 2000, pattern = r"^https?://((([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z]([A-Za-z0-9-]*[A-Za-z0-9])?)|((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9]))(:([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?(/[A-Za-z0-9._~/-]*)?$")]
    #[garde(
        custom(patch::not_null),
        inner(
            length(chars, min = 1, max = 2000),
            pattern(crate::webhooks::policy::URL_FORM)
        )
    )]
    pub url: Patch<String>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Vec<EventName>, min_items = 1, max_items = 3)]
    #[garde(custom(patch::not_null), inner(length(min = 1, max = 3)))]
    pub events: Patch<Vec<EventName>>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = bool)]
    #[garde(custom(patch::not_null))]
    pub active: Patch<bool>,
}

impl ReadOnlyFields for UpdateWebhookRequest {
    const READ_ONLY: &'static [&'static str] = &["id", "secret", "created_at"];
}

crate::stored_enum::stored_enum! {
    /// Where a delivery stands.
    pub enum DeliveryStatus {
        Pending = "pending",
        Retrying = "retrying",
        Delivered = "delivered",
        Failed = "failed",
    }
}

/// One event on its way to one endpoint.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct DeliveryResponse {
    /// Also the `webhook-id` header: the same on every attempt.
    pub id: Uuid,
    pub webhook_id: Uuid,
    pub event: DeliveryEvent,
    pub status: DeliveryStatus,
    pub attempts: i32,
    pub last_status_code: Option<i32>,
    /// `null` once delivered or failed.
    #[serde(serialize_with = "crate::timestamp::option::serialize")]
    pub next_attempt_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "crate::timestamp::option::serialize")]
    pub delivered_at: Option<DateTime<Utc>>,
    #[serde(serialize_with = "crate::timestamp::serialize")]
    pub created_at: DateTime<Utc>,
}

impl From<Delivery> for DeliveryResponse {
    fn from(delivery: Delivery) -> Self {
        let status = delivery.status;
        Self {
            id: delivery.id,
            webhook_id: delivery.webhook_id,
            event: delivery.event,
            next_attempt_at: matches!(status, DeliveryStatus::Pending | DeliveryStatus::Retrying)
                .then_some(delivery.next_attempt_at),
            status,
            attempts: delivery.attempts,
            last_status_code: delivery.last_status_code,
            delivered_at: delivery.delivered_at,
            created_at: delivery.created_at,
        }
    }
}

//! The OAS 3.1 `webhooks` section: what an endpoint registered with
//! `POST /v1/webhooks` receives, event by event (the bodies
//! `webhooks::outbox` writes, signed by `webhooks::delivery`).

use serde_json::{Value, json};

use super::contract::reference;
use crate::webhooks::dto::DeliveryEvent;

/// The schema of an event's `data`, and what the event means.
fn subject(event: DeliveryEvent) -> (Value, &'static str) {
    match event {
        DeliveryEvent::ReminderDue => (
            reference("ReminderResponse"),
            "A reminder came due; `data` is the reminder as `GET /v1/reminders/{id}` answers it",
        ),
        DeliveryEvent::InterviewScheduled => (
            reference("InterviewResponse"),
            "An interview was scheduled; `data` is the interview as `GET /v1/interviews/{id}` answers it",
        ),
        DeliveryEvent::InterviewCompleted => (
            reference("InterviewResponse"),
            "An interview was completed; `data` is the interview as `GET /v1/interviews/{id}` answers it",
        ),
        DeliveryEvent::WebhookPing => (
            json!({
                "type": "object",
                "required": ["webhook_id"],
                "properties": {"webhook_id": {"type": "string", "format": "uuid"}},
            }),
            "`POST /v1/webhooks/{id}/ping` was called; sent whatever the endpoint subscribed to",
        ),
    }
}

/// `reminder.due` → `ReminderDueEvent`.
fn schema_name(event: DeliveryEvent) -> String {
    let words: String = event
        .as_str()
        .split(['.', '_'])
        .map(|word| {
            let mut letters = word.chars();
            letters
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + letters.as_str())
                .unwrap_or_default()
        })
        .collect();
    format!("{words}Event")
}

fn signature_headers() -> Value {
    json!([
        {
            "name": "webhook-id", "in": "header", "required": true,
            "description": "The delivery's id, the same on every attempt: a receiver that saw it already has the event",
            "schema": {"type": "string", "format": "uuid"},
        },
        {
            "name": "webhook-timestamp", "in": "header", "required": true,
            "description": "When this attempt was signed, in seconds since 1970; refuse one far from now",
            "schema": {"type": "integer"},
        },
        {
            "name": "webhook-signature", "in": "header", "required": true,
            "description": "`v1,` and the base64 HMAC-SHA256, keyed with the endpoint's secret, of `{webhook-id}.{webhook-timestamp}.{body}` (Standard Webhooks)",
            "schema": {"type": "string", "examples": ["v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="]},
        },
    ])
}

/// Adds the events' schemas to `components` and returns the section, each
/// body with an example made from `examples` (`openapi/examples.json`).
pub fn section(document: &mut Value, examples: &Value) -> Value {
    let mut section = serde_json::Map::new();
    for event in DeliveryEvent::ALL.iter().copied() {
        let (data, meaning) = subject(event);
        let name = schema_name(event);
        let example_data = match data["$ref"].as_str() {
            Some(target) => examples[target.trim_start_matches("#/components/schemas/")].clone(),
            None => json!({"webhook_id": examples["WebhookResponse"]["id"]}),
        };
        let example = json!({
            "type": event.as_str(),
            "timestamp": "2026-11-10T15:21:00Z",
            "data": example_data,
        });
        document["components"]["schemas"][&name] = json!({
            "type": "object",
            "description": format!("The body of a `{}` delivery.", event.as_str()),
            "required": ["type", "timestamp", "data"],
            "properties": {
                "type": {"type": "string", "const": event.as_str()},
                "timestamp": {"type": "string", "format": "date-time", "description": "When the event happened"},
                "data": data,
            },
        });
        section.insert(
            event.as_str().to_owned(),
            json!({"post": {
                "summary": event.as_str(),
                "description": format!("{meaning}. A 2xx answer within 10 s acknowledges it; anything else is retried with growing delays, under the same `webhook-id`."),
                "operationId": format!("webhook_{}", event.as_str().replace('.', "_")),
                "tags": ["webhooks"],
                "parameters": signature_headers(),
                // Signed, not authenticated: the receiver checks the signature.
                "security": [],
                "requestBody": {
                    "required": true,
                    "content": {"application/json": {
                        "schema": reference(&name),
                        "examples": {name.clone(): {"value": example}},
                    }},
                },
                "responses": {"2XX": {"description": "The event is received"}},
            }}),
        );
    }
    Value::Object(section)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_has_its_own_schema_name() {
        assert_eq!(schema_name(DeliveryEvent::ReminderDue), "ReminderDueEvent");
        assert_eq!(schema_name(DeliveryEvent::WebhookPing), "WebhookPingEvent");
        let mut names: Vec<_> = DeliveryEvent::ALL
            .iter()
            .map(|event| schema_name(*event))
            .collect();
        names.dedup();
        assert_eq!(names.len(), DeliveryEvent::ALL.len());
    }
}

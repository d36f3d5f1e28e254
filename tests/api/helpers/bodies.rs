//! The response bodies as the tests read them. Every struct refuses fields
//! it does not name, so a field the API adds, renames or drops fails the
//! tests that read that body until the struct here follows.

// A field is declared so that the body is accepted whole, whether or not a
// test reads it.
#![allow(dead_code)]

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Deserialize;
use uuid::Uuid;

/// A page of a list, or a whole list (whose `next_cursor` is always null).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

/// `application/problem+json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Problem {
    #[serde(rename = "type")]
    pub problem_type: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    pub code: String,
    pub errors: Option<Vec<FieldError>>,
    pub allowed_actions: Option<Vec<String>>,
    pub limit: Option<Cap>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Cap {
    pub name: String,
    pub max: u32,
}

/// `/v1/me`, and the user of a session.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct User {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    pub time_zone: String,
    pub target_field: Option<String>,
    pub role: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What registering, signing in and refreshing answer.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub access_token: String,
    pub refresh_token: String,
    pub token_type: String,
    pub expires_in: i64,
    pub user: User,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Employer {
    pub id: Uuid,
    pub name: String,
    pub website: Option<String>,
    pub status: String,
    pub advocacy: bool,
    pub motivation: i32,
    pub posting: i32,
    pub notes: Option<String>,
    pub contact_count: i64,
    pub interview_count: i64,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub id: Uuid,
    pub full_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub linkedin_url: Option<String>,
    pub company: Option<String>,
    pub job_title: Option<String>,
    pub field: Option<String>,
    pub location: Option<String>,
    pub employer_id: Option<Uuid>,
    pub source: String,
    pub referred_by_contact_id: Option<Uuid>,
    pub has_hiring_power: Option<bool>,
    pub tags: Vec<String>,
    pub notes: Option<String>,
    pub segment: String,
    pub archived_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interview {
    pub id: Uuid,
    pub contact_id: Uuid,
    pub status: String,
    pub purpose: Option<String>,
    pub outreach_channel: Option<String>,
    pub outreach_message: Option<String>,
    pub requested_at: Option<DateTime<Utc>>,
    pub responded_at: Option<DateTime<Utc>>,
    pub scheduled_start: Option<DateTime<Utc>>,
    pub duration_minutes: i32,
    pub format: Option<String>,
    pub location: Option<String>,
    pub meeting_url: Option<String>,
    pub notes: Option<String>,
    pub key_insights: Option<String>,
    pub may_contact_again: Option<bool>,
    pub thank_you_sent_at: Option<DateTime<Utc>>,
    pub completed_at: Option<DateTime<Utc>>,
    pub cancel_reason: Option<String>,
    pub question_set_id: Option<Uuid>,
    pub allowed_actions: Vec<String>,
    pub warnings: Vec<Warning>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Interview {
    /// The codes of its warnings, in order.
    pub fn warning_codes(&self) -> Vec<&str> {
        self.warnings
            .iter()
            .map(|warning| warning.code.as_str())
            .collect()
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Warning {
    pub code: String,
    pub message: String,
}

/// A question as copied into an interview.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterviewQuestion {
    pub id: Uuid,
    pub position: i32,
    pub text: String,
    pub category: String,
    pub asked: bool,
    pub answer: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    pub id: Uuid,
    pub interview_id: Uuid,
    pub text: String,
    pub done: bool,
    pub due_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct QuestionSet {
    pub id: Uuid,
    pub title: String,
    pub description: Option<String>,
    pub builtin: bool,
    pub questions: Vec<Question>,
    pub estimated_minutes: i64,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl QuestionSet {
    /// The texts of its questions, in order.
    pub fn texts(&self) -> Vec<&str> {
        self.questions
            .iter()
            .map(|question| question.text.as_str())
            .collect()
    }
}

/// A question of a question set.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: Uuid,
    pub position: i32,
    pub text: String,
    pub category: String,
    pub open_ended: bool,
    pub hint: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reminder {
    pub id: Uuid,
    pub kind: String,
    pub title: String,
    pub note: Option<String>,
    pub due_at: DateTime<Utc>,
    pub status: String,
    pub origin: String,
    pub contact_id: Option<Uuid>,
    pub interview_id: Option<Uuid>,
    pub snoozed_until: Option<DateTime<Utc>>,
    pub notified_at: Option<DateTime<Utc>>,
    pub completed_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A webhook endpoint; `secret` only in the answer that created it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Webhook {
    pub id: Uuid,
    pub url: String,
    pub events: Vec<String>,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub secret: Option<String>,
}

/// One event on its way to one endpoint.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Delivery {
    pub id: Uuid,
    pub webhook_id: Uuid,
    pub event: String,
    pub status: String,
    pub attempts: i32,
    pub last_status_code: Option<i32>,
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub delivered_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// `/v1/stats`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stats {
    pub interviews_by_status: BTreeMap<String, i64>,
    pub reply_rate: Option<f64>,
    pub median_hours_to_first_reply: Option<f64>,
    pub contacts_by_segment: BTreeMap<String, i64>,
    pub thank_you: ThankYouStats,
    pub referrals_gained: i64,
    pub lamp_top5_with_active_contact: i64,
    pub overdue_reminders: i64,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ThankYouStats {
    pub on_time: i64,
    pub due: i64,
}

/// `/v1/network`: who introduced whom.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Network {
    pub nodes: Vec<NetworkNode>,
    pub edges: Vec<NetworkEdge>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkNode {
    pub id: Uuid,
    pub full_name: String,
    pub segment: String,
    pub employer_id: Option<Uuid>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkEdge {
    pub from: Uuid,
    pub to: Uuid,
}

/// A calendar feed's secret address.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarFeed {
    pub url: String,
    pub token: String,
}

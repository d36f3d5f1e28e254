//! `/v1/calendar/feed` and `/v1/calendar/{token}.ics`.

use actix_web::{HttpResponse, delete, get, post, web};
use chrono::Utc;
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::feed;
use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::extract::{JsonOrEmpty, NoFields};
use crate::interviews::models::Interview;
use crate::reminders::models::Reminder;
use crate::respond;
use crate::schema::{calendar_feeds, contacts, interviews, reminders, users};
use crate::state::AppState;

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(create_calendar_feed)
        .service(delete_calendar_feed)
        .service(get_calendar);
}

/// A calendar feed's secret address.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CalendarFeed {
    /// Absolute; subscribe to it from any calendar.
    pub url: String,
    /// 256 random bits, hex; only its hash is stored.
    pub token: String,
}

fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Create or rotate the calendar feed
///
/// A new secret URL; the previous one stops working. The body may be empty.
#[utoipa::path(
    tag = "calendar",
    request_body(content = Option<NoFields>, description = "Empty, or `{}`"),
    responses((status = 201, description = "The feed's URL and token", body = CalendarFeed)),
    security(("bearer" = [])),
)]
#[post("/calendar/feed")]
pub async fn create_calendar_feed(
    state: web::Data<AppState>,
    user: AuthUser,
    _body: JsonOrEmpty<NoFields>,
) -> ApiResult<HttpResponse> {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    let mut connection = state.pool.get().await?;
    diesel::insert_into(calendar_feeds::table)
        .values((
            calendar_feeds::user_id.eq(user.0.id),
            calendar_feeds::token_hash.eq(token_hash(&token)),
        ))
        .on_conflict(calendar_feeds::user_id)
        .do_update()
        .set((
            calendar_feeds::token_hash.eq(token_hash(&token)),
            calendar_feeds::created_at.eq(Utc::now()),
        ))
        .execute(&mut connection)
        .await?;
    let path = format!("/calendar/{token}.ics");
    let url = format!("{}/v1{path}", state.settings.public_url);
    Ok(respond::created(
        &state.settings.public_url,
        &path,
        None,
        &CalendarFeed { url, token },
    ))
}

/// Revoke the calendar feed
///
/// Its URL stops working at once. Idempotent.
#[utoipa::path(
    tag = "calendar",
    responses((status = 204, description = "No feed any more")),
    security(("bearer" = [])),
)]
#[delete("/calendar/feed")]
pub async fn delete_calendar_feed(
    state: web::Data<AppState>,
    user: AuthUser,
) -> ApiResult<HttpResponse> {
    let mut connection = state.pool.get().await?;
    diesel::delete(calendar_feeds::table.find(user.0.id))
        .execute(&mut connection)
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Read the calendar feed
///
/// Needs no bearer token: the secret token in the path is the key.
/// Scheduled interviews are events with an alarm 30 minutes before; pending
/// reminders are all-day events on their due date. An unknown or revoked
/// token is a 404.
#[utoipa::path(
    tag = "calendar",
    params(("token" = String, Path, description = "The feed token", pattern = "^[0-9a-f]{64}$")),
    responses(
        (status = 200, description = "The calendar (RFC 5545)", body = String, content_type = "text/calendar"),
        (status = 404, description = "No feed has this token (`not_found`)",
            body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[get("/calendar/{token}.ics")]
pub async fn get_calendar(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> ApiResult<HttpResponse> {
    let mut connection = state.pool.get().await?;
    let owner: Option<(Uuid, String)> = calendar_feeds::table
        .inner_join(users::table.on(users::id.eq(calendar_feeds::user_id)))
        .filter(calendar_feeds::token_hash.eq(token_hash(&token)))
        .select((users::id, users::time_zone))
        .first(&mut connection)
        .await
        .optional()?;
    let (user_id, time_zone) = owner.ok_or(ApiError::NotFound)?;
    let scheduled: Vec<(Interview, String)> = interviews::table
        .inner_join(contacts::table.on(contacts::id.eq(interviews::contact_id)))
        .filter(interviews::user_id.eq(user_id))
        .filter(interviews::status.eq("scheduled"))
        .order(interviews::scheduled_start)
        .select((Interview::as_select(), contacts::full_name))
        .load(&mut connection)
        .await?;
    let pending: Vec<Reminder> = reminders::table
        .filter(reminders::user_id.eq(user_id))
        .filter(reminders::status.eq("pending"))
        .order(reminders::due_at)
        .select(Reminder::as_select())
        .load(&mut connection)
        .await?;
    drop(connection);
    let host = state
        .settings
        .public_url
        .split("://")
        .nth(1)
        .unwrap_or("rapport")
        .split('/')
        .next()
        .unwrap_or("rapport")
        .to_owned();
    let body = feed::build(
        &scheduled,
        &pending,
        crate::business_days::zone(&time_zone),
        &host,
        Utc::now(),
    );
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header(("Cache-Control", "private, max-age=300"))
        .body(body))
}

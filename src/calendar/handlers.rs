//! `/v1/calendar/feed` and `/v1/calendar/{token}.ics`.

use actix_web::{HttpResponse, delete, get, post, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::dto::CalendarFeed;
use super::service;
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::extract::{JsonOrEmpty, NoFields};
use crate::respond::Reply;
use crate::state::AppState;

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(create_calendar_feed)
        .service(delete_calendar_feed)
        .service(get_calendar);
}

/// Create or rotate the calendar feed
///
/// A new secret URL; the previous one stops working. The body may be empty.
#[utoipa::path(
    tag = "calendar",
    request_body(content = Option<NoFields>, description = "Empty, or `{}`"),
    responses((status = 201, description = "The feed's URL and token", body = CalendarFeed,
        headers(("Location" = String, description = "The feed: `/v1/calendar/{token}.ics`")))),
    security(("bearer" = [])),
)]
#[post("/calendar/feed")]
pub async fn create_calendar_feed(
    state: web::Data<AppState>,
    caller: Caller,
    _body: JsonOrEmpty<NoFields>,
) -> ApiResult<Reply<CalendarFeed>> {
    let (user, mut connection) = caller.connect().await?;
    let token = service::rotate(&mut connection, user.id).await?;
    let path = format!("/calendar/{token}.ics");
    let url = format!("{}/v1{path}", state.settings.public_url);
    Ok(Reply::created(path, CalendarFeed { url, token }))
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
pub async fn delete_calendar_feed(caller: Caller) -> ApiResult<HttpResponse> {
    let (user, mut connection) = caller.connect().await?;
    service::revoke(&mut connection, user.id).await?;
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
    let body = service::calendar(&state.pool, &token, &host).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header(("Cache-Control", "private, max-age=300"))
        .body(body))
}

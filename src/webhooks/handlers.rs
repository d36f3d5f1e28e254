//! `/v1/webhooks`.

use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, web};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use rand::RngCore;
use serde_json::json;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::dto::{
    CreateWebhookRequest, DeliveryResponse, UpdateWebhookRequest, WebhookList, WebhookResponse,
};
use super::models::{NewWebhook, WebhookChangeset};
use super::repo::{self, DeliveryCursor};
use super::{outbox, policy};
use crate::auth::{AuthUser, AuthUserWithConnection};
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::{Json, JsonOrEmpty, NoFields};
use crate::pagination::{self, Page, PageQuery};
use crate::respond;
use crate::state::AppState;

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(list_webhooks)
        .service(create_webhook)
        .service(get_webhook)
        .service(update_webhook)
        .service(delete_webhook)
        .service(ping_webhook)
        .service(list_deliveries);
}

/// The Standard Webhooks secret form: `whsec_` and 32 random bytes.
fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("whsec_{}", STANDARD.encode(bytes))
}

async fn checked_url(state: &AppState, url: &str) -> ApiResult<String> {
    // Stored as given: the parsed form may differ (`http://0` reads as
    // `http://0.0.0.0/`), and the endpoint is the one the user wrote.
    policy::check(url, state.settings.webhook_allow_private)
        .await
        .map(|_| url.to_owned())
        .map_err(|refused| ApiError::invalid("url", refused.to_string()))
}

fn event_names(events: &[super::dto::EventName]) -> Vec<String> {
    let mut names: Vec<String> = events
        .iter()
        .map(|event| event.as_str().to_owned())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// List webhooks
///
/// All of the user's endpoints (not paged). Secrets are not shown.
#[utoipa::path(
    tag = "webhooks",
    responses((status = 200, description = "The endpoints", body = WebhookList)),
    security(("bearer" = [])),
)]
#[get("/webhooks")]
pub async fn list_webhooks(
    AuthUserWithConnection {
        user,
        mut connection,
    }: AuthUserWithConnection,
) -> ApiResult<web::Json<WebhookList>> {
    let webhooks = repo::all_of_user(&mut connection, user.id).await?;
    Ok(web::Json(WebhookList {
        items: webhooks
            .into_iter()
            .map(|webhook| WebhookResponse::new(webhook, false))
            .collect(),
        next_cursor: None,
    }))
}

/// Register a webhook
///
/// The response carries the signing `secret`, shown this once. Unless the
/// service allows private addresses, a URL whose host is or resolves to a
/// loopback, private or other special-purpose address (documentation,
/// NAT64, 6to4, cloud metadata, ...) is refused.
#[utoipa::path(
    tag = "webhooks",
    request_body = CreateWebhookRequest,
    responses(
        (status = 201, description = "The endpoint, with its secret", body = WebhookResponse,
        headers(("Location" = String, description = "The new endpoint"))),
        (status = 409, description = "The account has 10 webhooks already (`limit_reached`, with `limit`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/webhooks")]
pub async fn create_webhook(
    state: web::Data<AppState>,
    user: AuthUser,
    body: Json<CreateWebhookRequest>,
) -> ApiResult<HttpResponse> {
    let url = checked_url(&state, &body.0.url).await?;
    let mut connection = state.pool.get().await?;
    let webhook = repo::insert(
        &mut connection,
        &NewWebhook {
            id: Uuid::now_v7(),
            user_id: user.0.id,
            url,
            events: event_names(&body.0.events),
            secret: new_secret(),
        },
    )
    .await?;
    let path = format!("/webhooks/{}", webhook.id);
    Ok(respond::created(
        &state.settings.public_url,
        &path,
        None,
        &WebhookResponse::new(webhook, true),
    ))
}

/// Read a webhook
///
/// The endpoint, without its secret.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "The endpoint")),
    responses((status = 200, description = "The endpoint", body = WebhookResponse)),
    security(("bearer" = [])),
)]
#[get("/webhooks/{id}")]
pub async fn get_webhook(
    AuthUserWithConnection {
        user,
        mut connection,
    }: AuthUserWithConnection,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<WebhookResponse>> {
    let webhook = repo::find(&mut connection, user.id, *id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(web::Json(WebhookResponse::new(webhook, false)))
}

/// Change a webhook
///
/// A JSON merge patch of `url`, `events` and `active`.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "The endpoint")),
    request_body(content(
        (UpdateWebhookRequest = "application/merge-patch+json"),
        (UpdateWebhookRequest = "application/json"),
    )),
    responses((status = 200, description = "The changed endpoint", body = WebhookResponse)),
    security(("bearer" = [])),
)]
#[patch("/webhooks/{id}")]
pub async fn update_webhook(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<UpdateWebhookRequest>,
) -> ApiResult<web::Json<WebhookResponse>> {
    let Json(body) = body;
    let url = match body.url.into_value() {
        Some(url) => Some(checked_url(&state, &url).await?),
        None => None,
    };
    let changes = WebhookChangeset {
        url,
        events: body.events.into_value().map(|events| event_names(&events)),
        active: body.active.into_value(),
    };
    let mut connection = state.pool.get().await?;
    let current = repo::find(&mut connection, user.0.id, *id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let webhook = if changes.url.is_none() && changes.events.is_none() && changes.active.is_none() {
        current
    } else {
        repo::update(&mut connection, user.0.id, *id, &changes).await?
    };
    Ok(web::Json(WebhookResponse::new(webhook, false)))
}

/// Delete a webhook
///
/// With its delivery log; nothing more is sent to it.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "The endpoint")),
    responses((status = 204, description = "The endpoint is gone")),
    security(("bearer" = [])),
)]
#[delete("/webhooks/{id}")]
pub async fn delete_webhook(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let mut connection = state.pool.get().await?;
    repo::find(&mut connection, user.0.id, *id)
        .await?
        .ok_or(ApiError::NotFound)?;
    repo::delete(&mut connection, user.0.id, *id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Send a test event
///
/// Queues a `webhook.ping` event for this endpoint. The body may be empty.
/// Ten pings a minute per endpoint.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "The endpoint")),
    request_body(content = Option<NoFields>, description = "Empty, or `{}`"),
    responses(
        (status = 202, description = "The ping is queued; see the deliveries"),
        (status = 429, description = "More than 10 pings of this endpoint in a minute (`rate_limited`)",
            body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds until the next ping is allowed"))),
    ),
    security(("bearer" = [])),
)]
#[post("/webhooks/{id}/ping")]
pub async fn ping_webhook(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    _body: JsonOrEmpty<NoFields>,
) -> ApiResult<HttpResponse> {
    let mut connection = state.pool.get().await?;
    let webhook = repo::find(&mut connection, user.0.id, *id)
        .await?
        .ok_or(ApiError::NotFound)?;
    state.budgets.pings.check(&webhook.id)?;
    outbox::enqueue_for(
        &mut connection,
        webhook.id,
        user.0.id,
        "webhook.ping",
        json!({"webhook_id": webhook.id}),
    )
    .await?;
    Ok(HttpResponse::Accepted().finish())
}

/// List an endpoint's deliveries
///
/// Newest first: attempts, last status code, next attempt, delivery time.
#[utoipa::path(
    tag = "webhooks",
    params(("id" = Uuid, Path, description = "The endpoint"), PageQuery),
    responses(
        (status = 200, description = "A page of deliveries", body = Page<DeliveryResponse>,
            headers(("Link" = String, description = "`<…>; rel=\"next\"` when another page exists"))),
    ),
    security(("bearer" = [])),
)]
#[get("/webhooks/{id}/deliveries")]
pub async fn list_deliveries(
    state: web::Data<AppState>,
    AuthUserWithConnection {
        user,
        mut connection,
    }: AuthUserWithConnection,
    request: HttpRequest,
    id: web::Path<Uuid>,
    query: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let limit = pagination::limit(query.limit)?;
    let after = pagination::after::<DeliveryCursor>(query.cursor.as_deref())?;
    repo::find(&mut connection, user.id, *id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let rows = repo::deliveries(&mut connection, *id, after, limit).await?;
    let page = Page::from_rows(
        rows,
        limit,
        |delivery| DeliveryCursor {
            created_at: delivery.created_at,
            id: delivery.id,
        },
        DeliveryResponse::from,
    );
    Ok(pagination::page_response(
        &request,
        &state.settings.public_url,
        &page,
    ))
}

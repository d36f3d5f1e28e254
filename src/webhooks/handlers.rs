//! `/v1/webhooks`.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::dto::{
    CreateWebhookRequest, CreatedWebhookResponse, DeliveryResponse, UpdateWebhookRequest,
    WebhookResponse,
};
use super::service;
use crate::auth::Caller;
use crate::auth::rate_limit::Budgets;
use crate::error::{ApiResult, Problem};
use crate::extract::{Json, JsonOrEmpty, MergePatch, NoFields, Query};
use crate::pagination::{Page, PageQuery, WholeList, WholeListQuery};
use crate::respond::Reply;
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

/// List webhooks
///
/// All of the user's endpoints (not paged). Secrets are not shown.
#[utoipa::path(
    tag = "webhooks",
    params(WholeListQuery),
    responses((status = 200, description = "The endpoints", body = WholeList<WebhookResponse>)),
    security(("bearer" = [])),
)]
#[get("/webhooks")]
pub async fn list_webhooks(
    caller: Caller,
    query: Query<WholeListQuery>,
) -> ApiResult<web::Json<WholeList<WebhookResponse>>> {
    let (user, mut connection) = caller.connect().await?;
    let webhooks = service::list(&mut connection, user.id, query.updated_after).await?;
    Ok(web::Json(
        webhooks.into_iter().map(WebhookResponse::from).collect(),
    ))
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
        (status = 201, description = "The endpoint, with its secret", body = CreatedWebhookResponse,
        headers(("Location" = String, description = "The new endpoint"))),
        (status = 409, description = "The account has 10 webhooks already (`limit_reached`, with `limit`); or the `id` chosen is in use (`conflict`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/webhooks")]
pub async fn create_webhook(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<CreateWebhookRequest>,
) -> ApiResult<Reply<CreatedWebhookResponse>> {
    // The connection goes back to the pool while the host is resolved.
    let user = caller.user().await?;
    let allow_private = state.settings.webhook_allow_private;
    let webhook = service::create(&state.pool, user.id, body.0, allow_private).await?;
    let path = format!("/webhooks/{}", webhook.id);
    Ok(Reply::created(path, CreatedWebhookResponse::from(webhook)))
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
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<WebhookResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let webhook = service::get(&mut connection, user.id, *id).await?;
    Ok(web::Json(WebhookResponse::from(webhook)))
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
    caller: Caller,
    id: web::Path<Uuid>,
    body: MergePatch<UpdateWebhookRequest>,
) -> ApiResult<web::Json<WebhookResponse>> {
    let user = caller.user().await?;
    let allow_private = state.settings.webhook_allow_private;
    let webhook = service::update(&state.pool, user.id, *id, body.0, allow_private).await?;
    Ok(web::Json(WebhookResponse::from(webhook)))
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
pub async fn delete_webhook(caller: Caller, id: web::Path<Uuid>) -> ApiResult<HttpResponse> {
    let (user, mut connection) = caller.connect().await?;
    service::delete(&mut connection, user.id, *id).await?;
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
    budgets: web::Data<Budgets>,
    caller: Caller,
    id: web::Path<Uuid>,
    _body: JsonOrEmpty<NoFields>,
) -> ApiResult<HttpResponse> {
    let (user, mut connection) = caller.connect().await?;
    service::ping(&mut connection, user.id, *id, &budgets.pings).await?;
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
    caller: Caller,
    id: web::Path<Uuid>,
    query: Query<PageQuery>,
) -> ApiResult<Page<DeliveryResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let page = service::deliveries(
        &mut connection,
        user.id,
        *id,
        query.updated_after,
        query.cursor.as_deref(),
        query.limit,
    )
    .await?;
    Ok(page)
}

//! The operations endpoints: `/healthz` (the process answers), `/readyz`
//! (it can serve) and `/metrics`.

use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::contacts::search::ContactSearch;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

pub fn configure(config: &mut ServiceConfig) {
    config.service(healthz).service(readyz).service(metrics);
}

/// What the health endpoints answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct HealthStatus {
    pub status: Health,
}

/// `ok` from `/healthz`, `ready` from `/readyz`.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Health {
    Ok,
    Ready,
}

/// Liveness
///
/// The process is up and answering. Does not touch the database.
#[utoipa::path(
    tag = "operations",
    responses((status = 200, description = "The process is alive", body = HealthStatus)),
    security(()),
)]
#[get("/healthz")]
pub async fn healthz() -> web::Json<HealthStatus> {
    web::Json(HealthStatus { status: Health::Ok })
}

/// Readiness
///
/// 200 when the database answers and every migration is applied; a load
/// balancer should send traffic only then.
#[utoipa::path(
    tag = "operations",
    responses(
        (status = 200, description = "Ready to serve", body = HealthStatus),
        (status = 503, description = "The database is unreachable or not migrated (`unavailable`)",
            body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    if crate::db::is_ready(&state.pool, &state.latest_migration).await {
        Ok(HttpResponse::Ok().json(HealthStatus {
            status: Health::Ready,
        }))
    } else {
        Err(ApiError::Unavailable)
    }
}

/// Metrics
///
/// Prometheus text format: `rapport_http_requests_total`,
/// `rapport_http_request_duration_seconds` (by method, route and status),
/// `rapport_db_pool_connections` and `rapport_contact_search_turns` (by
/// state). Meant for a scraper on the internal network.
#[utoipa::path(
    tag = "operations",
    responses((status = 200, description = "Metrics in Prometheus text format", body = String,
        content_type = "text/plain; version=0.0.4")),
    security(()),
)]
#[get("/metrics")]
pub async fn metrics(
    state: web::Data<AppState>,
    contact_search: web::Data<ContactSearch>,
) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(state.metrics.render(&state.pool, contact_search.turns()))
}

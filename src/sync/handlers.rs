//! `/v1/sync`: what changed since a client last asked.

use actix_web::{get, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::dto::{Resource, SyncPage, SyncQuery};
use super::service;
use crate::auth::Caller;
use crate::error::{ApiResult, Problem};
use crate::extract::Query;

pub fn configure(config: &mut ServiceConfig) {
    config.service(sync);
}

/// Changes since a token
///
/// Without `since`, the whole current state as upserts; with the
/// `next_token` of the last page, every resource that changed since, once,
/// as it is now (`delete` for one that is gone). Ask again at once while
/// `has_more`; keep only the last `next_token`. No change is skipped, even
/// one whose transaction commits after a later one's.
#[utoipa::path(
    tag = "sync",
    params(SyncQuery),
    responses(
        (status = 200, description = "A page of changes", body = SyncPage),
        (status = 400, description = "`since` is not a token of this service for this account, or `limit` is outside 1–1000 (`validation_failed`)",
            body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "The token is older than the 30 days of deletions kept (`sync_token_expired`): sync again without `since`",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[get("/sync")]
pub async fn sync(caller: Caller, query: Query<SyncQuery>) -> ApiResult<web::Json<SyncPage>> {
    let (user, mut connection) = caller.connect().await?;
    let query = query.into_inner();
    // First-party tokens see every resource; the tokens of DESIGN §10 that
    // may not manage webhooks will name fewer.
    let page = service::changes(
        &mut connection,
        user.id,
        query.since.as_deref(),
        query.limit,
        Resource::ALL,
    )
    .await?;
    Ok(web::Json(page))
}

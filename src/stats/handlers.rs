//! `/v1/stats`.

use actix_web::{get, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::dto::Stats;
use super::service;
use crate::auth::Caller;
use crate::error::ApiResult;

pub fn configure(config: &mut ServiceConfig) {
    config.service(get_stats);
}

/// Read progress
///
/// Interviews by status, reply rate and median time to the first reply,
/// contacts by segment, thank-you notes on time, referrals gained, LAMP top
/// five employers with an active contact, and overdue reminders.
#[utoipa::path(
    tag = "interviews",
    responses((status = 200, description = "The statistics", body = Stats)),
    security(("bearer" = [])),
)]
#[get("/stats")]
pub async fn get_stats(caller: Caller) -> ApiResult<web::Json<Stats>> {
    let (user, mut connection) = caller.connect().await?;
    Ok(web::Json(service::of_user(&mut connection, user.id).await?))
}

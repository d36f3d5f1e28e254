//! `/v1/outreach/check`.

use actix_web::{post, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::check::{OutreachCheck, OutreachCheckRequest, check};
use crate::auth::Caller;
use crate::error::ApiResult;
use crate::extract::Json;

pub fn configure(config: &mut ServiceConfig) {
    config.service(check_outreach);
}

/// Check an outreach message
///
/// Word count (under 75 is the target, over 100 too long), whether it ends
/// with a question, words that ask for a job, whether the referrer is named
/// in the first sentence, and a verdict with reasons.
#[utoipa::path(
    tag = "interviews",
    request_body = OutreachCheckRequest,
    responses((status = 200, description = "How the message fares", body = OutreachCheck)),
    security(("bearer" = [])),
)]
#[post("/outreach/check")]
pub async fn check_outreach(
    caller: Caller,
    body: Json<OutreachCheckRequest>,
) -> ApiResult<web::Json<OutreachCheck>> {
    // Nothing is read or kept, but a revoked token is refused all the same.
    caller.user().await?;
    Ok(web::Json(check(
        &body.0.message,
        body.0.referrer_name.as_deref(),
    )))
}

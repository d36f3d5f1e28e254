//! `/v1/me`: read, change and delete the signed-in account.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::dto::{ChangePasswordRequest, UpdateMeRequest};
use super::service;
use crate::auth::Caller;
use crate::auth::dto::UserResponse;
use crate::auth::password::Passwords;
use crate::auth::rate_limit::Budgets;
use crate::error::{ApiResult, Problem};
use crate::extract::{Json, MergePatch};
use crate::state::AppState;

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(get_me)
        .service(update_me)
        .service(change_password)
        .service(delete_me);
}

/// Read my account
///
/// The account the bearer token belongs to.
#[utoipa::path(
    tag = "me",
    responses((status = 200, description = "The signed-in account", body = UserResponse)),
    security(("bearer" = [])),
)]
#[get("/me")]
pub async fn get_me(caller: Caller) -> ApiResult<web::Json<UserResponse>> {
    Ok(web::Json(caller.user().await?.into()))
}

/// Change my profile
///
/// A JSON merge patch of `display_name`, `time_zone` and `target_field`
/// (`null` clears `target_field`). Changing the time zone does not move
/// reminders that already exist.
#[utoipa::path(
    tag = "me",
    request_body(content(
        (UpdateMeRequest = "application/merge-patch+json"),
        (UpdateMeRequest = "application/json"),
    )),
    responses((status = 200, description = "The changed account", body = UserResponse)),
    security(("bearer" = [])),
)]
#[patch("/me")]
pub async fn update_me(
    caller: Caller,
    body: MergePatch<UpdateMeRequest>,
) -> ApiResult<web::Json<UserResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let updated = service::update_profile(&mut connection, user.id, body.0).await?;
    Ok(web::Json(updated.into()))
}

/// Change my password
///
/// Ends every session: all access and refresh tokens issued before are
/// refused from now on. Sign in again with the new password. Five attempts
/// a minute per account.
#[utoipa::path(
    tag = "me",
    request_body = ChangePasswordRequest,
    responses(
        (status = 204, description = "The password is changed and every session has ended"),
        (status = 429, description = "More than 5 attempts in a minute (`rate_limited`)",
            body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds until the next attempt is allowed"))),
    ),
    security(("bearer" = [])),
)]
#[post("/me/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    budgets: web::Data<Budgets>,
    passwords: web::Data<Passwords>,
    caller: Caller,
    body: Json<ChangePasswordRequest>,
) -> ApiResult<HttpResponse> {
    // The connection goes back to the pool while the password is hashed.
    let (user, mut connection) = caller.connect().await?;
    budgets
        .password_changes
        .check(&mut connection, user.id)
        .await?;
    drop(connection);
    service::change_password(&state.pool, &passwords, user, body.0).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Delete my account
///
/// Deletes the account and every piece of data that belongs to it. There is
/// no undo, so the access token must come from a sign-in (login or
/// register; a refresh keeps its time) less than 5 minutes ago.
#[utoipa::path(
    tag = "me",
    responses(
        (status = 204, description = "The account and all its data are gone"),
        (status = 403, description = "The sign-in is more than 5 minutes old: sign in again (`reauthentication_required`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[delete("/me")]
pub async fn delete_me(caller: Caller) -> ApiResult<HttpResponse> {
    caller.require_fresh_sign_in()?;
    let (user, mut connection) = caller.connect().await?;
    service::delete(&mut connection, user.id).await?;
    Ok(HttpResponse::NoContent().finish())
}

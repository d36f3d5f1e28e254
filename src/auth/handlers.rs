//! `/v1/auth/*`: register, login, refresh, logout, log out everywhere.

use actix_web::{HttpRequest, HttpResponse, post, web};
use utoipa_actix_web::service_config::ServiceConfig;

use super::dto::{LoginRequest, RefreshRequest, RegisterRequest, TokenResponse};
use super::jwt::JwtKeys;
use super::password::Passwords;
use super::rate_limit::Budgets;
use super::{Caller, service};
use crate::error::{ApiResult, Problem};
use crate::extract::Json;
use crate::respond::Reply;
use crate::state::AppState;

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(register)
        .service(login)
        .service(refresh)
        .service(logout)
        .service(logout_all);
}

/// Register an account
///
/// Creates the account and signs it in. Register and login share a budget
/// of `RAPPORT_AUTH_RATE_PER_MINUTE` attempts a minute per client address.
#[utoipa::path(
    tag = "auth",
    request_body = RegisterRequest,
    responses(
        (status = 201, description = "The account exists and is signed in", body = TokenResponse,
            headers(("Location" = String, description = "The account: `/v1/me`"))),
        (status = 409, description = "An account with this email exists (`email_taken`)",
            body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many attempts from this address (`rate_limited`)",
            body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds until the next attempt is allowed"))),
    ),
    security(()),
)]
#[post("/auth/register")]
pub async fn register(
    state: web::Data<AppState>,
    keys: web::Data<JwtKeys>,
    budgets: web::Data<Budgets>,
    passwords: web::Data<Passwords>,
    request: HttpRequest,
    body: Json<RegisterRequest>,
) -> ApiResult<Reply<TokenResponse>> {
    // The budget is spent before the hash is paid for; no connection is
    // held while it is made.
    budgets
        .sign_in
        .check(&mut *state.pool.get().await?, &request)
        .await?;
    let Json(body) = body;
    let password_hash = passwords.hash(body.password.clone()).await?;
    let mut connection = state.pool.get().await?;
    let session = service::register(&mut connection, &keys, &body, &password_hash).await?;
    Ok(Reply::created("/me".to_owned(), session))
}

/// Sign in
///
/// The same answer, after the same work, for an unknown email and a wrong
/// password.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in", body = TokenResponse),
        (status = 401, description = "The email or password is not correct (`unauthorized`)",
            body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many attempts from this address (`rate_limited`)",
            body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds until the next attempt is allowed"))),
    ),
    security(()),
)]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    keys: web::Data<JwtKeys>,
    budgets: web::Data<Budgets>,
    passwords: web::Data<Passwords>,
    request: HttpRequest,
    body: Json<LoginRequest>,
) -> ApiResult<web::Json<TokenResponse>> {
    let mut connection = state.pool.get().await?;
    budgets.sign_in.check(&mut connection, &request).await?;
    let Json(body) = body;
    let session = service::login(
        &mut connection,
        &keys,
        &passwords,
        &body.email,
        body.password,
    )
    .await?;
    Ok(web::Json(session))
}

/// Renew a session
///
/// Exchanges a refresh token for a new access token and a new refresh
/// token. Each refresh token works once; presenting a spent one revokes
/// every token descended from the same sign-in.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "A new session", body = TokenResponse),
        (status = 401, description = "The refresh token is invalid, expired, spent or revoked",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[post("/auth/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    keys: web::Data<JwtKeys>,
    body: Json<RefreshRequest>,
) -> ApiResult<web::Json<TokenResponse>> {
    let mut connection = state.pool.get().await?;
    let session = service::refresh(&mut connection, &keys, &body.0.refresh_token).await?;
    Ok(web::Json(session))
}

/// Sign out
///
/// Revokes the refresh token and every token rotated from the same sign-in.
/// Access tokens already issued run out within 15 minutes.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 204, description = "Signed out"),
        (status = 401, description = "The refresh token is unknown",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(()),
)]
#[post("/auth/logout")]
pub async fn logout(
    state: web::Data<AppState>,
    body: Json<RefreshRequest>,
) -> ApiResult<HttpResponse> {
    let mut connection = state.pool.get().await?;
    service::logout(&mut connection, &body.0.refresh_token).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Sign out everywhere
///
/// Ends every session of the account at once: all refresh tokens are
/// revoked and every access token issued before is refused.
#[utoipa::path(
    tag = "auth",
    responses((status = 204, description = "Every session has ended")),
    security(("bearer" = [])),
)]
#[post("/auth/logout-all")]
pub async fn logout_all(caller: Caller) -> ApiResult<HttpResponse> {
    let (user, mut connection) = caller.connect().await?;
    service::logout_everywhere(&mut connection, user.id).await?;
    Ok(HttpResponse::NoContent().finish())
}

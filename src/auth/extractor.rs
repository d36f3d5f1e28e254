//! `AuthUser`: a handler that takes it is authenticated.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use uuid::Uuid;

use crate::db::{self, PooledConnection};
use crate::error::ApiError;
use crate::state::AppState;
use crate::users::models::User;
use crate::users::repo as users;

/// The user a valid, unrevoked bearer token belongs to.
pub struct AuthUser(pub User);

/// Put in the request's extensions once authenticated, for the request log.
#[derive(Debug, Clone, Copy)]
pub struct AuthenticatedUserId(pub Uuid);

fn bearer_token(request: &HttpRequest) -> Option<String> {
    let value = request
        .headers()
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
        .filter(|token| !token.is_empty())
}

/// How recent a password check must be for what cannot be undone (deleting
/// the account).
pub const FRESH_SIGN_IN: chrono::Duration = chrono::Duration::minutes(5);

/// Proof that the bearer token's password check was less than
/// [`FRESH_SIGN_IN`] ago (403 `reauthentication_required` otherwise). It
/// checks the token's claims only; take [`AuthUser`] beside it for the
/// account.
pub struct FreshSignIn;

impl FromRequest for FreshSignIn {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(request: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let claims = request
            .app_data::<web::Data<AppState>>()
            .zip(bearer_token(request))
            .and_then(|(state, token)| state.jwt.verify(&token));
        std::future::ready(match claims {
            None => Err(ApiError::Unauthorized(
                "the access token is invalid or expired",
            )),
            Some(claims) => {
                let checked_at = chrono::DateTime::from_timestamp(claims.auth_time, 0)
                    .unwrap_or(chrono::DateTime::<chrono::Utc>::MIN_UTC);
                if chrono::Utc::now() - checked_at < FRESH_SIGN_IN {
                    Ok(FreshSignIn)
                } else {
                    Err(ApiError::ReauthenticationRequired)
                }
            }
        })
    }
}

/// [`AuthUser`] with the connection that checked the token, for the `GET`
/// handlers that query the database next: one checkout (and one liveness
/// check of the connection) serves the whole request. Handlers that read a
/// body keep [`AuthUser`], so no connection waits on a slow upload.
pub struct AuthUserWithConnection {
    pub user: User,
    pub connection: PooledConnection,
}

impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(request: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let authenticating = authenticate(request);
        Box::pin(async move {
            let (user, _connection) = authenticating.await?;
            Ok(AuthUser(user))
        })
    }
}

impl FromRequest for AuthUserWithConnection {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(request: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let authenticating = authenticate(request);
        Box::pin(async move {
            let (user, connection) = authenticating.await?;
            Ok(AuthUserWithConnection { user, connection })
        })
    }
}

/// The bearer token's user, and the connection that looked it up.
fn authenticate(
    request: &HttpRequest,
) -> impl Future<Output = Result<(User, PooledConnection), ApiError>> + 'static {
    let authenticating = authenticate_then(request, async { Ok(()) });
    async move {
        let (caller, ()) = authenticating.await?;
        Ok((caller.user, caller.connection))
    }
}

/// [`AuthUserWithConnection`], with what `before_checkout` gave: it runs
/// once the token is verified and before a connection is taken, so a
/// request that must wait for something there holds no connection while it
/// waits (a contact search waits for its turn).
pub fn authenticate_then<T: 'static>(
    request: &HttpRequest,
    before_checkout: impl Future<Output = Result<T, ApiError>> + 'static,
) -> impl Future<Output = Result<(AuthUserWithConnection, T), ApiError>> + 'static {
    let state = request.app_data::<web::Data<AppState>>().cloned();
    let token = bearer_token(request);
    let request = request.clone();
    async move {
        let state = state.ok_or_else(|| ApiError::internal("the application state is missing"))?;
        let token = token.ok_or(ApiError::Unauthorized("a bearer token is required"))?;
        let claims = state.jwt.verify(&token).ok_or(ApiError::Unauthorized(
            "the access token is invalid or expired",
        ))?;
        let before = before_checkout.await?;
        // The account must still exist and the token must have been issued
        // under its current token version (password change, log out
        // everywhere). This lookup is the connection's liveness check too.
        let (connection, found) = db::checkout_with(&state.pool, async |connection| {
            users::find_by_id(connection, claims.sub).await
        })
        .await?;
        let user = found?
            .filter(|user| user.token_version == claims.ver)
            .ok_or(ApiError::Unauthorized("the access token has been revoked"))?;
        request
            .extensions_mut()
            .insert(AuthenticatedUserId(user.id));
        // The request's span (crate::http) names the caller from here on.
        tracing::Span::current().record("user_id", tracing::field::display(user.id));
        tracing::debug!("access token accepted");
        Ok((AuthUserWithConnection { user, connection }, before))
    }
}

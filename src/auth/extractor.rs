//! `Caller`: a handler that takes it is authenticated.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use uuid::Uuid;

use super::jwt::{Claims, JwtKeys};
use super::models::User;
use super::repo;
use crate::db::{self, ConnectionSlot, RequestConnection};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// Put in the request's extensions once authenticated, for the request log.
#[derive(Debug, Clone, Copy)]
pub struct AuthenticatedUserId(pub Uuid);

/// The token of an `Authorization: Bearer …` header.
pub(crate) fn bearer_token(request: &HttpRequest) -> Option<String> {
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

/// The caller of an authenticated endpoint, and the request's connection on
/// demand.
///
/// Taking it checks the bearer token's signature and lifetime (401
/// otherwise). The account behind the token (still there, the token not
/// revoked since) is checked by the request's only checkout, when the
/// handler asks for the connection with [`Caller::connect`] or for the
/// account alone with [`Caller::user`]: the lookup is the connection's
/// liveness check too, and a handler that reads a body holds no connection
/// while the body arrives. Both consume the caller, so a handler learns who
/// is calling only through the check.
pub struct Caller {
    claims: Claims,
    state: web::Data<AppState>,
    request: HttpRequest,
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(request: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        std::future::ready(Self::from_token(request))
    }
}

impl Caller {
    fn from_token(request: &HttpRequest) -> ApiResult<Self> {
        let state = request
            .app_data::<web::Data<AppState>>()
            .cloned()
            .ok_or_else(|| ApiError::internal("the application state is missing"))?;
        let keys = request
            .app_data::<web::Data<JwtKeys>>()
            .ok_or_else(|| ApiError::internal("the token keys are missing"))?;
        let token =
            bearer_token(request).ok_or(ApiError::Unauthorized("a bearer token is required"))?;
        let claims = keys.verify(&token).ok_or(ApiError::Unauthorized(
            "the access token is invalid or expired",
        ))?;
        Ok(Self {
            claims,
            state,
            request: request.clone(),
        })
    }

    /// The caller's account and the connection that found it, for the rest
    /// of the request.
    pub async fn connect(self) -> ApiResult<(User, RequestConnection)> {
        let claims = &self.claims;
        let slot = self.request.extensions().get::<ConnectionSlot>().cloned();
        let lent = slot.as_ref().and_then(ConnectionSlot::take);
        let (connection, found) = match (lent, slot) {
            (Some(mut connection), Some(slot)) => {
                let found = repo::find_user(&mut connection, claims.sub).await;
                let connection = RequestConnection::Lent {
                    connection: Some(connection),
                    slot,
                };
                (connection, found)
            }
            _ => {
                let (connection, found) = db::checkout_with(&self.state.pool, async |connection| {
                    repo::find_user(connection, claims.sub).await
                })
                .await?;
                (RequestConnection::Own(connection), found)
            }
        };
        // The token must have been issued under the account's current token
        // version (password change, log out everywhere).
        let user = found?
            .filter(|user| user.token_version == claims.ver)
            .ok_or(ApiError::Unauthorized("the access token has been revoked"))?;
        self.request
            .extensions_mut()
            .insert(AuthenticatedUserId(user.id));
        // The request's span (crate::http) names the caller from here on.
        tracing::Span::current().record("user_id", tracing::field::display(user.id));
        tracing::debug!("access token accepted");
        Ok((user, connection))
    }

    /// The caller's account, its connection back in the pool: for handlers
    /// whose work must not hold one throughout (hashing a password,
    /// resolving a host, writing a long stream).
    pub async fn user(self) -> ApiResult<User> {
        let (user, _connection) = self.connect().await?;
        Ok(user)
    }

    /// 403 `reauthentication_required` unless the token's password check was
    /// less than [`FRESH_SIGN_IN`] ago, for what cannot be undone.
    pub fn require_fresh_sign_in(&self) -> ApiResult<()> {
        let checked_at = chrono::DateTime::from_timestamp(self.claims.auth_time, 0)
            .unwrap_or(chrono::DateTime::<chrono::Utc>::MIN_UTC);
        if chrono::Utc::now() - checked_at < FRESH_SIGN_IN {
            Ok(())
        } else {
            Err(ApiError::ReauthenticationRequired)
        }
    }
}

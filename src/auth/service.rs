//! Sessions: issuing, rotating and revoking tokens, and the account changes
//! that end sessions.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{Duration, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::dto::{RegisterRequest, TokenResponse};
use super::jwt::{ACCESS_TOKEN_SECONDS, JwtKeys};
use super::models::NewRefreshToken;
use super::password;
use super::repo::{self, Exchange};
use crate::auth::models::{NewUser, User};
use crate::error::{ApiError, ApiResult};

/// Refresh tokens live 30 days.
const REFRESH_TOKEN_DAYS: i64 = 30;
/// A spent refresh token presented again this soon after its use, while
/// its successor is unused, is a client retrying after a lost answer.
const RETRY_GRACE: Duration = Duration::seconds(30);

const INVALID_REFRESH_TOKEN: &str = "the refresh token is invalid, expired or revoked";

fn new_refresh_token() -> (String, Vec<u8>) {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token = URL_SAFE_NO_PAD.encode(bytes);
    let hash = hash_refresh_token(&token);
    (token, hash)
}

fn hash_refresh_token(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Where a session stands: the family it belongs to and when its password
/// was checked. Every token issued for it carries both.
#[derive(Debug, Clone, Copy)]
struct Session {
    family_id: Uuid,
    auth_time: chrono::DateTime<Utc>,
}

impl Session {
    /// A session that starts with a password check now.
    fn starting_now() -> Self {
        Self {
            family_id: Uuid::now_v7(),
            auth_time: Utc::now(),
        }
    }
}

/// Issues an access token and a refresh token of `session` for `user`,
/// both under the user's current token version; the refresh token's id.
async fn issue_session(
    connection: &mut AsyncPgConnection,
    keys: &JwtKeys,
    user: User,
    session: Session,
) -> ApiResult<(Uuid, TokenResponse)> {
    let (refresh_token, token_hash) = new_refresh_token();
    let id = Uuid::now_v7();
    repo::insert(
        connection,
        &NewRefreshToken {
            id,
            user_id: user.id,
            family_id: session.family_id,
            token_hash,
            expires_at: Utc::now() + Duration::days(REFRESH_TOKEN_DAYS),
            token_version: user.token_version,
            auth_time: session.auth_time,
        },
    )
    .await?;
    let access_token = keys
        .issue(user.id, user.token_version, session.auth_time)
        .map_err(ApiError::internal)?;
    let response = TokenResponse {
        access_token,
        refresh_token,
        token_type: "Bearer".to_owned(),
        expires_in: ACCESS_TOKEN_SECONDS,
        user: user.into(),
    };
    Ok((id, response))
}

/// Creates the account and its first session in one transaction.
/// `password_hash` is computed by the caller, outside any transaction.
pub async fn register(
    connection: &mut AsyncPgConnection,
    keys: &JwtKeys,
    request: &RegisterRequest,
    password_hash: &str,
) -> ApiResult<TokenResponse> {
    let new_user = NewUser {
        id: Uuid::now_v7(),
        email: request.email.trim(),
        password_hash,
        display_name: &request.display_name,
        time_zone: request.time_zone.as_deref().unwrap_or("UTC"),
        target_field: request.target_field.as_deref(),
    };
    connection
        .transaction(async |connection| {
            let user = repo::insert_user(connection, &new_user)
                .await
                .map_err(|error| match ApiError::from(error) {
                    ApiError::Conflict { .. } => ApiError::Conflict {
                        code: "email_taken",
                        detail: "an account with this email already exists".to_owned(),
                    },
                    other => other,
                })?;
            let (_, session) =
                issue_session(connection, keys, user, Session::starting_now()).await?;
            Ok(session)
        })
        .await
}

/// Starts a session when the email and password match; one answer for an
/// unknown email and a wrong password, after the same amount of work.
pub async fn login(
    connection: &mut AsyncPgConnection,
    keys: &JwtKeys,
    passwords: &password::Passwords,
    email: &str,
    password: String,
) -> ApiResult<TokenResponse> {
    let user = repo::find_user_by_email(connection, email.trim()).await?;
    let stored_hash = user.as_ref().map(|user| user.password_hash.clone());
    if !passwords.verify(password, stored_hash).await? {
        return Err(ApiError::Unauthorized(
            "the email or password is not correct",
        ));
    }
    let user = user.ok_or(ApiError::Unauthorized(
        "the email or password is not correct",
    ))?;
    let (_, session) = issue_session(connection, keys, user, Session::starting_now()).await?;
    Ok(session)
}

/// What presenting a refresh token led to.
enum Rotation {
    Renewed(Box<TokenResponse>),
    /// The token was spent already: its family is now revoked, and that must
    /// be committed even though the request fails.
    Reused,
    Refused,
}

/// Exchanges a refresh token for a new session of the same family. A token
/// presented twice revokes its whole family (theft detection), except once
/// within [`RETRY_GRACE`] of its use while its successor is unused: a
/// client retrying a refresh whose answer it lost gets a new token, and the
/// successor it never received is revoked. A token issued under an earlier
/// token version (a password change or "log out everywhere" since) is
/// refused whenever it comes, even one a refresh in flight at that moment
/// committed after the revocation.
pub async fn refresh(
    connection: &mut AsyncPgConnection,
    keys: &JwtKeys,
    presented: &str,
) -> ApiResult<TokenResponse> {
    let token_hash = hash_refresh_token(presented);
    let outcome = connection
        .transaction(async |connection| {
            let Some(token) = repo::find_for_update(connection, &token_hash).await? else {
                return Ok::<_, ApiError>(Rotation::Refused);
            };
            if token.revoked_at.is_some() || token.expires_at <= Utc::now() {
                return Ok(Rotation::Refused);
            }
            let Some(user) = repo::find_user(connection, token.user_id).await? else {
                return Ok(Rotation::Refused);
            };
            if token.token_version != user.token_version {
                return Ok(Rotation::Refused);
            }
            let session = Session {
                family_id: token.family_id,
                auth_time: token.auth_time,
            };
            let Some(used_at) = token.used_at else {
                let (successor, response) = issue_session(connection, keys, user, session).await?;
                repo::mark_exchanged(connection, token.id, successor, Exchange::First).await?;
                return Ok(Rotation::Renewed(Box::new(response)));
            };
            if token.replayed_at.is_none()
                && Utc::now() - used_at <= RETRY_GRACE
                && let Some(unreceived) = token.successor_id
                && repo::find_unused_for_update(connection, unreceived)
                    .await?
                    .is_some()
            {
                repo::revoke(connection, unreceived).await?;
                let (successor, response) = issue_session(connection, keys, user, session).await?;
                repo::mark_exchanged(connection, token.id, successor, Exchange::Retry).await?;
                return Ok(Rotation::Renewed(Box::new(response)));
            }
            repo::revoke_family(connection, token.family_id).await?;
            tracing::warn!(user.id = %token.user_id, "a spent refresh token was presented; its family is revoked");
            Ok(Rotation::Reused)
        })
        .await?;
    match outcome {
        Rotation::Renewed(session) => Ok(*session),
        Rotation::Reused | Rotation::Refused => Err(ApiError::Unauthorized(INVALID_REFRESH_TOKEN)),
    }
}

/// Ends the session the refresh token belongs to (its whole family).
pub async fn logout(connection: &mut AsyncPgConnection, presented: &str) -> ApiResult<()> {
    let token_hash = hash_refresh_token(presented);
    connection
        .transaction(async |connection| {
            let token = repo::find_for_update(connection, &token_hash)
                .await?
                .ok_or(ApiError::Unauthorized(INVALID_REFRESH_TOKEN))?;
            repo::revoke_family(connection, token.family_id).await?;
            Ok(())
        })
        .await
}

/// Ends every session of the user: all refresh tokens go, and the token
/// version moves on so every access token issued before is refused.
pub async fn logout_everywhere(connection: &mut AsyncPgConnection, user_id: Uuid) -> ApiResult<()> {
    connection
        .transaction(async |connection| {
            repo::bump_token_version(connection, user_id).await?;
            repo::delete_all_of_user(connection, user_id).await?;
            Ok(())
        })
        .await
}

/// Stores a new password hash and ends every session, in one transaction.
pub async fn change_password(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    new_hash: &str,
) -> ApiResult<()> {
    connection
        .transaction(async |connection| {
            repo::set_password_hash(connection, user_id, new_hash).await?;
            repo::delete_all_of_user(connection, user_id).await?;
            Ok(())
        })
        .await
}

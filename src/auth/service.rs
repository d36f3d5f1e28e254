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
use super::{password, repo};
use crate::error::{ApiError, ApiResult};
use crate::users::models::{NewUser, User};
use crate::users::repo as users;

/// Refresh tokens live 30 days.
const REFRESH_TOKEN_DAYS: i64 = 30;

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

/// Issues an access token and a refresh token of `family_id` for `user`.
async fn issue_session(
    connection: &mut AsyncPgConnection,
    keys: &JwtKeys,
    user: User,
    family_id: Uuid,
) -> ApiResult<TokenResponse> {
    let (refresh_token, token_hash) = new_refresh_token();
    repo::insert(
        connection,
        &NewRefreshToken {
            id: Uuid::now_v7(),
            user_id: user.id,
            family_id,
            token_hash,
            expires_at: Utc::now() + Duration::days(REFRESH_TOKEN_DAYS),
        },
    )
    .await?;
    let access_token = keys
        .issue(user.id, user.token_version)
        .map_err(ApiError::internal)?;
    Ok(TokenResponse {
        access_token,
        refresh_token,
        token_type: "Bearer".to_owned(),
        expires_in: ACCESS_TOKEN_SECONDS,
        user: user.into(),
    })
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
            let user = users::insert(connection, &new_user)
                .await
                .map_err(|error| match ApiError::from(error) {
                    ApiError::Conflict { .. } => ApiError::Conflict {
                        code: "email_taken",
                        detail: "an account with this email already exists".to_owned(),
                    },
                    other => other,
                })?;
            issue_session(connection, keys, user, Uuid::now_v7()).await
        })
        .await
}

/// Starts a session when the email and password match; one answer for an
/// unknown email and a wrong password, after the same amount of work.
pub async fn login(
    connection: &mut AsyncPgConnection,
    keys: &JwtKeys,
    email: &str,
    password: String,
) -> ApiResult<TokenResponse> {
    let user = users::find_by_email(connection, email.trim()).await?;
    let stored_hash = user.as_ref().map(|user| user.password_hash.clone());
    if !password::verify(password, stored_hash).await? {
        return Err(ApiError::Unauthorized(
            "the email or password is not correct",
        ));
    }
    let user = user.ok_or(ApiError::Unauthorized(
        "the email or password is not correct",
    ))?;
    issue_session(connection, keys, user, Uuid::now_v7()).await
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
/// presented twice revokes its whole family (theft detection).
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
            if token.used_at.is_some() {
                repo::revoke_family(connection, token.family_id).await?;
                tracing::warn!(user.id = %token.user_id, "a spent refresh token was presented; its family is revoked");
                return Ok(Rotation::Reused);
            }
            repo::mark_used(connection, token.id).await?;
            let Some(user) = users::find_by_id(connection, token.user_id).await? else {
                return Ok(Rotation::Refused);
            };
            let session = issue_session(connection, keys, user, token.family_id).await?;
            Ok(Rotation::Renewed(Box::new(session)))
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
            users::bump_token_version(connection, user_id).await?;
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
            users::set_password_hash(connection, user_id, new_hash).await?;
            repo::delete_all_of_user(connection, user_id).await?;
            Ok(())
        })
        .await
}

//! Queries on the accounts' credentials (`users`) and on the
//! `refresh_tokens` table.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::models::{NewRefreshToken, NewUser, RefreshToken, User};
use crate::schema::{refresh_tokens, users};
use crate::sql::lower;

pub async fn find_user(connection: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<User>> {
    users::table
        .find(id)
        .select(User::as_select())
        .first(connection)
        .await
        .optional()
}

/// Finds an account by email, whatever its letter case (backed by the
/// unique index on `lower(email)`).
pub async fn find_user_by_email(
    connection: &mut AsyncPgConnection,
    email: &str,
) -> QueryResult<Option<User>> {
    users::table
        .filter(lower(users::email).eq(email.to_lowercase()))
        .select(User::as_select())
        .first(connection)
        .await
        .optional()
}

pub async fn insert_user(
    connection: &mut AsyncPgConnection,
    new_user: &NewUser<'_>,
) -> QueryResult<User> {
    diesel::insert_into(users::table)
        .values(new_user)
        .returning(User::as_returning())
        .get_result(connection)
        .await
}

/// Bumps the token version, so every access token issued before is refused.
pub async fn bump_token_version(connection: &mut AsyncPgConnection, id: Uuid) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set(users::token_version.eq(users::token_version + 1))
        .execute(connection)
        .await
        .map(drop)
}

pub async fn set_password_hash(
    connection: &mut AsyncPgConnection,
    id: Uuid,
    password_hash: &str,
) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::password_hash.eq(password_hash),
            users::token_version.eq(users::token_version + 1),
            users::updated_at.eq(Utc::now()),
        ))
        .execute(connection)
        .await
        .map(drop)
}

pub async fn insert(
    connection: &mut AsyncPgConnection,
    token: &NewRefreshToken,
) -> QueryResult<()> {
    diesel::insert_into(refresh_tokens::table)
        .values(token)
        .execute(connection)
        .await
        .map(drop)
}

/// Finds a token by its hash and locks it, so two refreshes racing with the
/// same token cannot both succeed.
pub async fn find_for_update(
    connection: &mut AsyncPgConnection,
    token_hash: &[u8],
) -> QueryResult<Option<RefreshToken>> {
    refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(token_hash))
        .select(RefreshToken::as_select())
        .for_update()
        .first(connection)
        .await
        .optional()
}

/// Which exchange of a refresh token is being recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exchange {
    /// The token's one ordinary exchange.
    First,
    /// The spent token accepted once more, for a client retrying a refresh
    /// whose answer it lost.
    Retry,
}

/// The columns an exchange sets; a `None` leaves its column as it is.
#[derive(AsChangeset)]
#[diesel(table_name = refresh_tokens)]
struct Exchanged {
    used_at: Option<DateTime<Utc>>,
    replayed_at: Option<DateTime<Utc>>,
    successor_id: Uuid,
}

/// Records that `id` was exchanged for `successor_id`.
pub async fn mark_exchanged(
    connection: &mut AsyncPgConnection,
    id: Uuid,
    successor_id: Uuid,
    exchange: Exchange,
) -> QueryResult<()> {
    let now = Utc::now();
    let changes = Exchanged {
        used_at: (exchange == Exchange::First).then_some(now),
        replayed_at: (exchange == Exchange::Retry).then_some(now),
        successor_id,
    };
    diesel::update(refresh_tokens::table.find(id))
        .set(&changes)
        .execute(connection)
        .await
        .map(drop)
}

/// The token `id`, locked, when it is neither spent nor revoked.
pub async fn find_unused_for_update(
    connection: &mut AsyncPgConnection,
    id: Uuid,
) -> QueryResult<Option<RefreshToken>> {
    refresh_tokens::table
        .find(id)
        .filter(refresh_tokens::used_at.is_null())
        .filter(refresh_tokens::revoked_at.is_null())
        .select(RefreshToken::as_select())
        .for_update()
        .first(connection)
        .await
        .optional()
}

/// Revokes one token.
pub async fn revoke(connection: &mut AsyncPgConnection, id: Uuid) -> QueryResult<()> {
    diesel::update(refresh_tokens::table.find(id))
        .set(refresh_tokens::revoked_at.eq(Utc::now()))
        .execute(connection)
        .await
        .map(drop)
}

/// Revokes every token of a family that is not revoked yet.
pub async fn revoke_family(connection: &mut AsyncPgConnection, family_id: Uuid) -> QueryResult<()> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::family_id.eq(family_id))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(Utc::now()))
    .execute(connection)
    .await
    .map(drop)
}

/// Removes every refresh token of a user (password change, log out everywhere).
pub async fn delete_all_of_user(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
) -> QueryResult<()> {
    diesel::delete(refresh_tokens::table.filter(refresh_tokens::user_id.eq(user_id)))
        .execute(connection)
        .await
        .map(drop)
}

//! Queries on the `users` table.

use chrono::Utc;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::models::{NewUser, User, UserChangeset};
use crate::schema::users;
use crate::sql::lower;

pub async fn find_by_id(connection: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<User>> {
    users::table
        .find(id)
        .select(User::as_select())
        .first(connection)
        .await
        .optional()
}

/// Finds an account by email, whatever its letter case (backed by the
/// unique index on `lower(email)`).
pub async fn find_by_email(
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

pub async fn insert(
    connection: &mut AsyncPgConnection,
    new_user: &NewUser<'_>,
) -> QueryResult<User> {
    diesel::insert_into(users::table)
        .values(new_user)
        .returning(User::as_returning())
        .get_result(connection)
        .await
}

pub async fn update_profile(
    connection: &mut AsyncPgConnection,
    id: Uuid,
    changes: &UserChangeset,
) -> QueryResult<User> {
    diesel::update(users::table.find(id))
        .set((changes, users::updated_at.eq(Utc::now())))
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

/// Deletes the account; every table that belongs to a user cascades from it.
pub async fn delete(connection: &mut AsyncPgConnection, id: Uuid) -> QueryResult<usize> {
    diesel::delete(users::table.find(id))
        .execute(connection)
        .await
}

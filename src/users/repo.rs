//! Queries on the `users` table for the profile: its changes and the
//! account's deletion.

use chrono::Utc;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::models::UserChangeset;
use crate::auth::models::User;
use crate::schema::users;

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

/// Deletes the account; every table that belongs to a user cascades from it.
pub async fn delete(connection: &mut AsyncPgConnection, id: Uuid) -> QueryResult<usize> {
    diesel::delete(users::table.find(id))
        .execute(connection)
        .await
}

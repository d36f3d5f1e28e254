//! The signed-in account: its profile, its password, and its deletion
//! with all its data.

use diesel_async::AsyncPgConnection;
use uuid::Uuid;

use super::dto::{ChangePasswordRequest, UpdateMeRequest};
use super::repo;
use crate::auth::models::User;
use crate::auth::password::Passwords;
use crate::db::Pool;
use crate::error::{ApiError, ApiResult};

pub async fn update_profile(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    request: UpdateMeRequest,
) -> ApiResult<User> {
    Ok(repo::update_profile(connection, user_id, &request.into_changeset()).await?)
}

/// Checks the current password, then stores the new one and ends every
/// session. Both hashes run before a connection is taken.
pub async fn change_password(
    pool: &Pool,
    passwords: &Passwords,
    user: User,
    request: ChangePasswordRequest,
) -> ApiResult<()> {
    if !passwords
        .verify(request.current_password, Some(user.password_hash))
        .await?
    {
        return Err(ApiError::invalid("current_password", "is not correct"));
    }
    let new_hash = passwords.hash(request.new_password).await?;
    let mut connection = pool.get().await?;
    crate::auth::service::change_password(&mut connection, user.id, &new_hash).await
}

/// Deletes the account; every row of its data goes with it (the foreign
/// keys cascade).
pub async fn delete(connection: &mut AsyncPgConnection, user_id: Uuid) -> ApiResult<()> {
    repo::delete(connection, user_id).await?;
    Ok(())
}

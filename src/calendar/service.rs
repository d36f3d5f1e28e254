//! The calendar feed: a secret token per user, stored only as its hash,
//! and the feed built from the owner's scheduled interviews and pending
//! reminders.

use chrono::Utc;
use diesel_async::AsyncPgConnection;
use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::{feed, repo};
use crate::db::Pool;
use crate::error::{ApiError, ApiResult};

fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Makes a new token for the user's feed (the previous one stops
/// working) and returns it; it is not stored.
pub async fn rotate(connection: &mut AsyncPgConnection, user_id: Uuid) -> ApiResult<String> {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    repo::replace(connection, user_id, &token_hash(&token)).await?;
    Ok(token)
}

/// Revokes the user's feed; idempotent.
pub async fn revoke(connection: &mut AsyncPgConnection, user_id: Uuid) -> ApiResult<()> {
    repo::delete(connection, user_id).await?;
    Ok(())
}

/// The iCalendar text of the feed with this token, or 404. The connection
/// is given back before the text is written.
pub async fn calendar(pool: &Pool, token: &str, host: &str) -> ApiResult<String> {
    let mut connection = pool.get().await?;
    let (user_id, time_zone) = repo::owner_of(&mut connection, &token_hash(token))
        .await?
        .ok_or(ApiError::NotFound)?;
    let scheduled = repo::scheduled_interviews(&mut connection, user_id).await?;
    let pending = repo::pending_reminders(&mut connection, user_id).await?;
    drop(connection);
    Ok(feed::build(
        &scheduled,
        &pending,
        crate::business_days::zone(&time_zone),
        host,
        Utc::now(),
    ))
}

//! Diesel rows of the `refresh_tokens` table.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::schema::refresh_tokens;

/// A refresh token as stored: only its SHA-256 is kept.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = refresh_tokens, check_for_backend(diesel::pg::Pg))]
pub struct RefreshToken {
    pub id: Uuid,
    pub user_id: Uuid,
    pub family_id: Uuid,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// The account's token version when the token was issued.
    pub token_version: i32,
    /// When the session's password was checked (login or register).
    pub auth_time: DateTime<Utc>,
    /// The token this one was exchanged for.
    pub successor_id: Option<Uuid>,
    /// When this token, already spent, was accepted once more (a retry).
    pub replayed_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = refresh_tokens)]
pub struct NewRefreshToken {
    pub id: Uuid,
    pub user_id: Uuid,
    pub family_id: Uuid,
    pub token_hash: Vec<u8>,
    pub expires_at: DateTime<Utc>,
    pub token_version: i32,
    pub auth_time: DateTime<Utc>,
}

//! Diesel rows of the accounts (`users`) and of the `refresh_tokens`
//! table: who may sign in, and the sessions they hold.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::schema::{refresh_tokens, users};

crate::stored_enum::stored_enum! {
    /// An account's role: `member` for everyone; `admin` is reserved for
    /// operators and grants nothing through the API yet.
    #[schema(as = UserRole)]
    pub enum Role {
        Member = "member",
        Admin = "admin",
    }
}

/// A user account as stored.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = users, check_for_backend(diesel::pg::Pg))]
pub struct User {
    pub id: Uuid,
    pub email: String,
    pub password_hash: String,
    pub display_name: String,
    pub time_zone: String,
    pub target_field: Option<String>,
    pub role: Role,
    pub token_version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A user about to be registered.
#[derive(Debug, Insertable)]
#[diesel(table_name = users)]
// NULL for `None`, not DEFAULT: see `NewContact`.
#[diesel(treat_none_as_default_value = false)]
pub struct NewUser<'a> {
    pub id: Uuid,
    pub email: &'a str,
    pub password_hash: &'a str,
    pub display_name: &'a str,
    pub time_zone: &'a str,
    pub target_field: Option<&'a str>,
}

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

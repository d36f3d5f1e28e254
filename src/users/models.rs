//! Diesel rows of the `users` table.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use crate::schema::users;

crate::stored_enum::stored_enum! {
    /// An account's role: `member` for everyone; `admin` is reserved for
    /// operators and grants nothing through the API yet.
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

/// The profile fields a user may change; `None` leaves a column as it is.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = users)]
pub struct UserChangeset {
    pub display_name: Option<String>,
    pub time_zone: Option<String>,
    pub target_field: Option<Option<String>>,
}

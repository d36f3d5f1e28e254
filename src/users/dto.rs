//! Wire types of the account resource.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::models::{User, UserChangeset};
use crate::patch::{self, Patch, ReadOnlyFields};
use crate::validation::{self, TimeZoneName};

/// The signed-in user's account.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct UserResponse {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    /// IANA time zone used for business days and calendars.
    #[schema(example = "Europe/Berlin")]
    pub time_zone: String,
    /// Fills the blank in outreach scripts ("my interest in …").
    pub target_field: Option<String>,
    /// `member` for everyone; `admin` is reserved for operators.
    #[schema(example = "member")]
    pub role: String,
    #[serde(serialize_with = "crate::timestamp::serialize")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::timestamp::serialize")]
    pub updated_at: DateTime<Utc>,
}

impl From<User> for UserResponse {
    fn from(user: User) -> Self {
        Self {
            id: user.id,
            email: user.email,
            display_name: user.display_name,
            time_zone: user.time_zone,
            target_field: user.target_field,
            role: user.role.as_str().to_owned(),
            created_at: user.created_at,
            updated_at: user.updated_at,
        }
    }
}

/// A JSON merge patch of the profile: an absent field stays, `null` clears
/// `target_field`. `email` and `role` cannot be changed here.
#[derive(Debug, Default, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct UpdateMeRequest {
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = String, min_length = 1, max_length = 200)]
    #[garde(custom(patch::not_null), inner(length(chars, min = 1, max = 200)))]
    pub display_name: Patch<String>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = TimeZoneName)]
    #[garde(custom(patch::not_null), inner(custom(validation::time_zone)))]
    pub time_zone: Patch<String>,
    /// `null` clears it.
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Option<String>, min_length = 1, max_length = 200)]
    #[garde(inner(length(chars, min = 1, max = 200)))]
    pub target_field: Patch<String>,
}

impl ReadOnlyFields for UpdateMeRequest {
    const READ_ONLY: &'static [&'static str] = &["id", "email", "role", "created_at", "updated_at"];
}

impl UpdateMeRequest {
    pub fn into_changeset(self) -> UserChangeset {
        UserChangeset {
            display_name: self.display_name.into_value(),
            time_zone: self.time_zone.into_value(),
            target_field: self.target_field.into_change(),
        }
    }
}

/// `POST /v1/me/password`.
#[derive(Debug, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct ChangePasswordRequest {
    #[garde(length(chars, max = 256))]
    #[schema(max_length = 256)]
    pub current_password: String,
    /// 10 to 256 characters.
    #[garde(custom(validation::password))]
    #[schema(min_length = 10, max_length = 256)]
    pub new_password: String,
}

//! Wire types of the account resource.

use serde::Deserialize;
use utoipa::ToSchema;

use super::models::UserChangeset;
use crate::patch::{self, Patch, ReadOnlyFields};
use crate::validation::{self, TimeZoneName};

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

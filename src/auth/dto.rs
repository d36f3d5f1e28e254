//! Wire types of the auth endpoints, and the account they answer with.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::models::{Role, User};
use crate::validation::{self, TimeZoneName};

/// `POST /v1/auth/register`.
#[derive(Debug, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct RegisterRequest {
    #[garde(email, length(chars, max = 254))]
    #[schema(format = Email, max_length = 254, example = "ada@example.com")]
    pub email: String,
    /// 10 to 256 characters.
    #[garde(custom(validation::password))]
    #[schema(
        min_length = 10,
        max_length = 256,
        example = "correct horse battery staple"
    )]
    pub password: String,
    #[garde(length(chars, min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200, example = "Ada Lovelace")]
    pub display_name: String,
    /// IANA time zone; `UTC` when left out.
    #[garde(inner(custom(validation::time_zone)))]
    #[schema(value_type = Option<TimeZoneName>)]
    pub time_zone: Option<String>,
    #[garde(inner(length(chars, min = 1, max = 200)))]
    #[schema(min_length = 1, max_length = 200, example = "data engineering")]
    pub target_field: Option<String>,
}

/// `POST /v1/auth/login`.
#[derive(Debug, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    #[garde(length(chars, max = 254))]
    #[schema(max_length = 254, example = "ada@example.com")]
    pub email: String,
    #[garde(length(chars, max = 256))]
    #[schema(max_length = 256, example = "correct horse battery staple")]
    pub password: String,
}

/// `POST /v1/auth/refresh` and `POST /v1/auth/logout`.
#[derive(Debug, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    #[garde(length(chars, max = 128))]
    #[schema(max_length = 128)]
    pub refresh_token: String,
}

/// A new session: an access token and the refresh token that renews it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct TokenResponse {
    /// JWT for `Authorization: Bearer …`, valid for `expires_in` seconds.
    pub access_token: String,
    /// Opaque; valid for 30 days and for one use.
    pub refresh_token: String,
    #[schema(example = "Bearer")]
    pub token_type: String,
    /// Lifetime of the access token in seconds.
    #[schema(example = 900)]
    pub expires_in: i64,
    pub user: UserResponse,
}

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
    pub role: Role,
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
            role: user.role,
            created_at: user.created_at,
            updated_at: user.updated_at,
        }
    }
}

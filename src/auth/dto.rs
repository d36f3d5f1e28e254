//! Wire types of the auth endpoints.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::users::dto::UserResponse;
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

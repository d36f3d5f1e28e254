//! Access tokens: HS256 JWTs, 15 minutes, bound to the user's token version.

use chrono::Utc;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Who issues the tokens and who they are for.
pub const ISSUER: &str = "rapport";
pub const AUDIENCE: &str = "rapport-api";
/// Lifetime of an access token, in seconds.
pub const ACCESS_TOKEN_SECONDS: i64 = 15 * 60;
/// Clock skew tolerated on `exp`, `nbf` and `iat` (DESIGN: at most 60 s).
const LEEWAY_SECONDS: u64 = 30;

/// The claims of an access token. `iat` and `jti` are plain fields because
/// jsonwebtoken does not enforce them as required claims.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    pub sub: Uuid,
    pub exp: i64,
    pub iat: i64,
    pub iss: String,
    pub aud: String,
    pub jti: String,
    /// The user's token version when the token was issued.
    pub ver: i32,
    /// When the password of this session was last checked (Unix seconds);
    /// a refresh copies it unchanged. Deleting the account needs it recent.
    pub auth_time: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nbf: Option<i64>,
}

/// Signs and verifies access tokens with the configured secret.
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl JwtKeys {
    pub fn new(secret: &[u8]) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        // Only HS256: `none`, HS512 with the same secret and every asymmetric
        // algorithm are refused before the signature is looked at.
        validation.algorithms = vec![Algorithm::HS256];
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "sub", "iss", "aud"]);
        validation.validate_exp = true;
        validation.validate_nbf = true;
        validation.leeway = LEEWAY_SECONDS;
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
        }
    }

    /// Issues an access token for `user_id` at `token_version`, for a
    /// session whose password was checked at `auth_time`.
    pub fn issue(
        &self,
        user_id: Uuid,
        token_version: i32,
        auth_time: chrono::DateTime<Utc>,
    ) -> Result<String, jsonwebtoken::errors::Error> {
        let now = Utc::now().timestamp();
        let claims = Claims {
            sub: user_id,
            exp: now + ACCESS_TOKEN_SECONDS,
            iat: now,
            iss: ISSUER.to_owned(),
            aud: AUDIENCE.to_owned(),
            jti: Uuid::new_v4().to_string(),
            ver: token_version,
            auth_time: auth_time.timestamp(),
            nbf: None,
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
    }

    /// Verifies signature, algorithm, issuer, audience and times; `None` for
    /// any token that is not one of ours and current.
    pub fn verify(&self, token: &str) -> Option<Claims> {
        let claims = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .ok()?
            .claims;
        let issued_in_future = claims.iat > Utc::now().timestamp() + LEEWAY_SECONDS as i64;
        (!issued_in_future && !claims.jti.is_empty()).then_some(claims)
    }

    /// Signs arbitrary claims with the configured secret; tests forge
    /// tokens with it.
    pub fn sign<T: Serialize>(
        &self,
        header: &Header,
        claims: &T,
    ) -> Result<String, jsonwebtoken::errors::Error> {
        jsonwebtoken::encode(header, claims, &self.encoding)
    }
}

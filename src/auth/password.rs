//! Argon2id password hashing, run off the async executor.

use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

use crate::error::ApiError;

/// A hash of a password nobody knows. Login verifies against it when the
/// email is unknown, so both failures cost one Argon2 run.
static UNKNOWN_USER_HASH: LazyLock<String> = LazyLock::new(|| {
    hash_blocking("a password that belongs to no account").expect("hashing a constant works")
});

fn hash_blocking(password: &str) -> Result<String, ApiError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(ApiError::internal)
}

fn verify_blocking(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Hashes a password on the blocking thread pool.
pub async fn hash(password: String) -> Result<String, ApiError> {
    actix_web::web::block(move || hash_blocking(&password))
        .await
        .map_err(ApiError::internal)?
}

/// Checks a password against a stored hash, or against the unknown-user
/// hash when there is none, so the time taken says nothing.
pub async fn verify(password: String, hash: Option<String>) -> Result<bool, ApiError> {
    actix_web::web::block(move || match hash {
        Some(hash) => verify_blocking(&password, &hash),
        None => {
            verify_blocking(&password, &UNKNOWN_USER_HASH);
            false
        }
    })
    .await
    .map_err(ApiError::internal)
}

/// Computes the unknown-user hash ahead of the first login.
pub fn warm_up() {
    LazyLock::force(&UNKNOWN_USER_HASH);
}

//! Optimistic concurrency: the version part of `ETag`, and `If-Match`
//! (the tag's hash of the body is added by `crate::representation`).

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest};
use std::future::{Ready, ready};

use crate::error::ApiError;

/// The version part of a resource's tag, `"<version>"`; the answer goes
/// out as `"<version>-<h>"` (`crate::representation`).
pub fn etag(version: i32) -> (header::HeaderName, String) {
    (header::ETAG, format!("\"{version}\""))
}

/// A row or a response body that carries its version, the `ETag`'s value.
pub trait Versioned {
    fn version(&self) -> i32;
}

/// Implements [`Versioned`] for types whose `version: i32` field is it.
macro_rules! versioned {
    ($($type:ty),+ $(,)?) => {
        $(impl $crate::preconditions::Versioned for $type {
            fn version(&self) -> i32 {
                self.version
            }
        })+
    };
}
pub(crate) use versioned;

/// The `If-Match` header of a request, when it has one.
#[derive(Debug, Default)]
pub struct IfMatch(Option<String>);

impl IfMatch {
    /// Passes when no `If-Match` was sent, when it is `*`, or when one of
    /// its tags names `version`: `"<version>-<h>"` (with or without
    /// `-gz`) as an answer sent it, or `"<version>"` alone. Only the
    /// version is compared: a derived field that moved changes `h`, not
    /// the version, and is no reason to refuse an edit. A stale or
    /// unreadable tag is a 412.
    pub fn check(&self, version: i32) -> Result<(), ApiError> {
        let Some(value) = &self.0 else {
            return Ok(());
        };
        let matches = value.split(',').map(str::trim).any(|tag| {
            tag == "*"
                || tag
                    .strip_prefix('"')
                    .and_then(|tag| tag.strip_suffix('"'))
                    .map(|tag| tag.split_once('-').map_or(tag, |(version, _)| version))
                    .and_then(|named| named.parse::<i32>().ok())
                    == Some(version)
        });
        if matches {
            Ok(())
        } else {
            Err(ApiError::PreconditionFailed)
        }
    }

    /// The row a change is based on, as read for update: 404 when there
    /// is none (the id is unknown or another user's), 412 when `If-Match`
    /// names another version.
    pub fn current<R: Versioned>(&self, row: Option<R>) -> Result<R, ApiError> {
        let row = row.ok_or(ApiError::NotFound)?;
        self.check(row.version())?;
        Ok(row)
    }
}

impl FromRequest for IfMatch {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(request: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let value = request
            .headers()
            .get(header::IF_MATCH)
            .map(|value| value.to_str().map(str::to_owned));
        ready(match value {
            None => Ok(Self(None)),
            Some(Ok(value)) => Ok(Self(Some(value))),
            Some(Err(_)) => Err(ApiError::PreconditionFailed),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_match_compares_strong_tags() {
        assert!(IfMatch(None).check(3).is_ok());
        assert!(IfMatch(Some("\"3\"".into())).check(3).is_ok());
        assert!(IfMatch(Some("\"1\", \"3\"".into())).check(3).is_ok());
        assert!(IfMatch(Some("*".into())).check(3).is_ok());
        assert!(IfMatch(Some("\"2\"".into())).check(3).is_err());
        assert!(IfMatch(Some("W/\"3\"".into())).check(3).is_err());
        assert!(IfMatch(Some("3".into())).check(3).is_err());
        assert!(IfMatch(Some("\"3-Ab_c-D\"".into())).check(3).is_ok());
        assert!(IfMatch(Some("\"3-Ab_c-D-gz\"".into())).check(3).is_ok());
        assert!(IfMatch(Some("\"2-Ab_c-D\"".into())).check(3).is_err());
        assert!(IfMatch(Some("\"-3\"".into())).check(3).is_err());
    }
}

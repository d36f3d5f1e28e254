//! What every JSON answer of `/v1` gets once its body is known (DESIGN §9):
//! an `ETag` that names the representation, `304 Not Modified` for a GET
//! whose `If-None-Match` names it already, gzip for a body over 1 KiB when
//! the client asks for it, and `Cache-Control: private, no-cache` on GETs.
//!
//! A versioned resource's tag is `"<version>-<h>"`, anything else's `"<h>"`,
//! where `h` is 16 bytes of the SHA-256 of the uncompressed body in
//! base64url; a gzip-compressed answer has `-gz` at the end, inside the
//! quotes. Handlers set `"<version>"` (`respond::Reply`); the hash is added
//! here. Streamed answers (exports, the network, the `.ics` feed) have no
//! length before they are sent and get no tag.

use std::io::Write;

use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{HttpResponse, ResponseError};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

use crate::error::ApiError;

/// Bodies larger than this are compressed when the client accepts gzip.
pub const COMPRESS_OVER_BYTES: usize = 1024;

/// What the request asked for that decides the answer's form.
struct Asked {
    get: bool,
    gzip: bool,
    if_none_match: Option<String>,
}

impl Asked {
    fn of(request: &ServiceRequest) -> Self {
        let text = |name| {
            request
                .headers()
                .get(name)
                .and_then(|value: &HeaderValue| value.to_str().ok())
                .map(str::to_owned)
        };
        Self {
            get: request.method() == Method::GET,
            gzip: text(header::ACCEPT_ENCODING).is_some_and(|value| accepts_gzip(&value)),
            if_none_match: text(header::IF_NONE_MATCH),
        }
    }
}

/// Whether an `Accept-Encoding` value names gzip (or `*`) with a weight
/// above zero.
fn accepts_gzip(accept_encoding: &str) -> bool {
    accept_encoding.split(',').any(|coding| {
        let mut parts = coding.split(';').map(str::trim);
        let name = parts.next().unwrap_or_default();
        let refused = parts.any(|parameter| {
            parameter
                .strip_prefix("q=")
                .and_then(|weight| weight.parse::<f32>().ok())
                .is_some_and(|weight| weight <= 0.0)
        });
        (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
    })
}

/// The opaque part of a tag: 16 bytes of the body's SHA-256, base64url.
pub fn body_hash(body: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(&Sha256::digest(body)[..16])
}

/// Whether `If-None-Match` names the tag `current` (without quotes), as
/// sent plain or gzipped, or is `*`. A weak tag names the same
/// representation (RFC 9110's weak comparison, which a GET uses).
fn none_match_names(if_none_match: &str, current: &str) -> bool {
    let gzipped = format!("{current}-gz");
    if_none_match.split(',').any(|tag| {
        let tag = tag.trim();
        let tag = tag.strip_prefix("W/").unwrap_or(tag).trim_matches('"');
        tag == "*" || tag == current || tag == gzipped
    })
}

/// The version a handler put in `ETag` (`"<version>"`), if any.
fn version_of(response: &HttpResponse<BoxBody>) -> Option<i32> {
    let tag = response.headers().get(header::ETAG)?.to_str().ok()?;
    tag.trim_matches('"').parse().ok()
}

pub async fn represent(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let under_v1 = request.path().starts_with("/v1/");
    let asked = Asked::of(&request);
    let mut response = next.call(request).await?.map_into_boxed_body();
    if !under_v1 {
        return Ok(response);
    }
    if asked.get {
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-cache"),
        );
    }
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/json"));
    let sized = matches!(response.response().body().size(), BodySize::Sized(_));
    if !(response.status().is_success() && is_json && sized) {
        return Ok(response);
    }
    let (request, answer) = response.into_parts();
    let version = version_of(&answer);
    let (mut head, body) = answer.into_parts();
    let body = match actix_web::body::to_bytes(body).await {
        Ok(body) => body,
        Err(_) => {
            let error = ApiError::internal("an answer's body could not be read");
            return Ok(ServiceResponse::new(request, error.error_response()));
        }
    };
    let hash = body_hash(&body);
    let tag = match version {
        Some(version) => format!("{version}-{hash}"),
        None => hash,
    };
    let compress = asked.gzip && body.len() > COMPRESS_OVER_BYTES;
    let sent_tag = if compress {
        format!("\"{tag}-gz\"")
    } else {
        format!("\"{tag}\"")
    };
    let etag = HeaderValue::try_from(sent_tag).expect("a tag is visible ASCII");
    if asked.get
        && asked
            .if_none_match
            .as_deref()
            .is_some_and(|value| none_match_names(value, &tag))
    {
        let mut not_modified = HttpResponse::new(StatusCode::NOT_MODIFIED);
        for (name, value) in head.headers().iter() {
            if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
                not_modified
                    .headers_mut()
                    .append(name.clone(), value.clone());
            }
        }
        not_modified.headers_mut().insert(header::ETAG, etag);
        not_modified
            .headers_mut()
            .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        return Ok(ServiceResponse::new(request, not_modified));
    }
    head.headers_mut().insert(header::ETAG, etag);
    head.headers_mut()
        .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    let body = if compress {
        head.headers_mut()
            .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        gzip(&body)
    } else {
        body.to_vec()
    };
    Ok(ServiceResponse::new(
        request,
        head.set_body(BoxBody::new(body)),
    ))
}

fn gzip(body: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder
        .write_all(body)
        .and_then(|()| encoder.finish())
        .expect("writing to memory does not fail")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_is_accepted_unless_weighed_zero() {
        assert!(accepts_gzip("gzip"));
        assert!(accepts_gzip("br, GZIP;q=0.5"));
        assert!(accepts_gzip("*"));
        assert!(!accepts_gzip("gzip;q=0"));
        assert!(!accepts_gzip("br, deflate"));
    }

    #[test]
    fn if_none_match_names_a_tag_with_or_without_gz() {
        assert!(none_match_names("\"3-abc\"", "3-abc"));
        assert!(none_match_names("\"3-abc-gz\"", "3-abc"));
        assert!(none_match_names("W/\"x\", \"3-abc\"", "3-abc"));
        assert!(none_match_names("*", "3-abc"));
        assert!(!none_match_names("\"3-abd\"", "3-abc"));
        assert!(!none_match_names("\"3\"", "3-abc"));
    }

    #[test]
    fn the_hash_is_16_bytes_in_base64url() {
        assert_eq!(body_hash(b"{}").len(), 22);
        assert_ne!(body_hash(b"{}"), body_hash(b"[]"));
    }
}

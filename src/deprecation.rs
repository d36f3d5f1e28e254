//! Operations on their way out (DESIGN §12). Each one listed in
//! [`DEPRECATED`] answers `Deprecation` (RFC 9745) and `Sunset` (RFC 8594)
//! on every answer, and the document marks it `deprecated: true` with both
//! headers declared. No operation of `/v1` is deprecated yet.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::web;
use chrono::DateTime;
use serde_json::{Value, json};

/// One deprecated operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deprecated {
    /// `GET`, `POST`, ...
    pub method: &'static str,
    /// The route as the document names it: `/v1/reminders/due`.
    pub route: &'static str,
    /// When it was deprecated, in seconds since 1970.
    pub since: i64,
    /// When it stops answering, in seconds since 1970.
    pub sunset: i64,
}

/// The deprecated operations of this version.
pub const DEPRECATED: &[Deprecated] = &[];

/// The table a running service announces, registered as app data (tests
/// give one of their own).
#[derive(Debug, Clone, Copy)]
pub struct Deprecations(pub &'static [Deprecated]);

impl Default for Deprecations {
    fn default() -> Self {
        Self(DEPRECATED)
    }
}

pub const DEPRECATION: HeaderName = HeaderName::from_static("deprecation");
pub const SUNSET: HeaderName = HeaderName::from_static("sunset");

impl Deprecated {
    /// RFC 9745: a structured-field date, `@` and seconds.
    pub fn deprecation_header(&self) -> String {
        format!("@{}", self.since)
    }

    /// RFC 8594: an HTTP-date.
    pub fn sunset_header(&self) -> String {
        DateTime::from_timestamp(self.sunset, 0)
            .unwrap_or_default()
            .format("%a, %d %b %Y %H:%M:%S GMT")
            .to_string()
    }
}

/// Adds the two headers to every answer of a deprecated operation.
pub async fn announce(
    request: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let table = request
        .app_data::<web::Data<Deprecations>>()
        .map(|deprecations| deprecations.0)
        .unwrap_or(DEPRECATED);
    let mut response = next.call(request).await?;
    let route = response.request().match_pattern();
    let method = response.request().method().as_str().to_owned();
    let listed = table
        .iter()
        .find(|entry| entry.method == method && Some(entry.route) == route.as_deref());
    if let Some(entry) = listed {
        let headers = response.headers_mut();
        for (name, value) in [
            (DEPRECATION, entry.deprecation_header()),
            (SUNSET, entry.sunset_header()),
        ] {
            if let Ok(value) = HeaderValue::try_from(value) {
                headers.insert(name, value);
            }
        }
    }
    Ok(response)
}

/// Marks the operations of `table` in `document`: `deprecated: true`, and
/// both headers declared on each of their answers.
pub fn mark(document: &mut Value, table: &[Deprecated]) {
    let shared = document["components"]["responses"].clone();
    for entry in table {
        let operation = &mut document["paths"][entry.route][entry.method.to_ascii_lowercase()];
        operation["deprecated"] = Value::Bool(true);
        let Some(responses) = operation["responses"].as_object_mut() else {
            continue;
        };
        for response in responses.values_mut() {
            // A shared answer is copied in, so that the headers are
            // declared on this operation's only.
            if let Some(target) = response["$ref"].as_str().map(str::to_owned) {
                let name = target.trim_start_matches("#/components/responses/");
                *response = shared[name].clone();
            }
            response["headers"]["Deprecation"] = json!({
                "description": format!("`{}`: deprecated since then (RFC 9745)", entry.deprecation_header()),
                "schema": {"type": "string"},
            });
            response["headers"]["Sunset"] = json!({
                "description": format!("`{}`: stops answering then (RFC 8594)", entry.sunset_header()),
                "schema": {"type": "string"},
            });
        }
    }
}

//! Cross-cutting HTTP behaviour: request ids, the request log line,
//! request metrics, and answers for paths or methods nobody serves.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpRequest, ResponseError, web};
use tracing::Instrument;
use uuid::Uuid;

use crate::auth::extractor::AuthenticatedUserId;
use crate::error::ApiError;
use crate::extract::AllowedMethods;
use crate::state::AppState;

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// A client's request id is kept when it is short and printable; anything
/// else is replaced, so logs cannot be forged through it.
fn accepted_request_id(request: &ServiceRequest) -> Option<HeaderValue> {
    let value = request.headers().get(&REQUEST_ID)?;
    let text = value.to_str().ok()?;
    let acceptable = !text.is_empty()
        && text.len() <= 128
        && text
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || b"-_.:/+=".contains(&byte));
    acceptable.then(|| value.clone())
}

/// Gives every request an id (echoed in `X-Request-Id`) and a span that
/// carries it and, once the token is checked, the user's id, so every line
/// logged while the request is served names both; then writes one log
/// line and one metric sample when it is answered. A query string holding
/// NUL is refused here, once for every route: no parameter has a use for it
/// and PostgreSQL text cannot hold it.
pub async fn request_context(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let request_id = accepted_request_id(&request).unwrap_or_else(|| {
        HeaderValue::from_str(&Uuid::now_v7().to_string()).expect("a UUID is a valid header value")
    });
    let method = request.method().clone();
    let span = tracing::info_span!(
        "request",
        request_id = request_id.to_str().unwrap_or_default(),
        method = %method,
        user_id = tracing::field::Empty,
    );
    let state = request.app_data::<web::Data<AppState>>().cloned();
    let mut response = if request.query_string().to_ascii_lowercase().contains("%00") {
        let refused = ApiError::BadRequest("the query string must not contain NUL".to_owned());
        request
            .into_response(refused.error_response())
            .map_into_right_body()
    } else {
        next.call(request)
            .instrument(span.clone())
            .await?
            .map_into_left_body()
    };

    let elapsed = started.elapsed();
    let status = response.status().as_u16();
    let route = response
        .request()
        .match_pattern()
        .unwrap_or_else(|| "unmatched".to_owned());
    let user_id = response
        .request()
        .extensions()
        .get::<AuthenticatedUserId>()
        .map(|user| user.0.to_string());
    if let Some(state) = state {
        state
            .metrics
            .observe(&method, &route, status, elapsed.as_secs_f64());
    }
    tracing::info!(
        target: "rapport::request",
        request_id = request_id.to_str().unwrap_or_default(),
        method = %method,
        route = %route,
        status,
        latency_ms = elapsed.as_secs_f64() * 1000.0,
        user_id = user_id.as_deref(),
        "request"
    );
    response.headers_mut().insert(REQUEST_ID, request_id);
    Ok(response)
}

/// The answer to a request no route took: 405 with `Allow` when the path
/// exists with other methods, 404 otherwise.
pub fn unmatched(request: &HttpRequest, allowed_methods: AllowedMethods) -> ApiError {
    match allowed_methods(request.path()) {
        Some(allow) => ApiError::MethodNotAllowed { allow },
        None => ApiError::NotFound,
    }
}

//! The answers every resource gives the same way: a resource with its
//! version as `ETag`, and `201 Created` with a `Location` under `/v1`.
//! Handlers build them here instead of setting the headers themselves.

use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};
use serde::Serialize;

use crate::preconditions::etag;

/// `status` with `body`, its `version` as `ETag`.
pub fn versioned(status: StatusCode, version: i32, body: &impl Serialize) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header(etag(version))
        .json(body)
}

/// `201 Created` with `body`. `Location` is `public_url`, `/v1` and `path`
/// (`/contacts/{id}`); `version`, for a resource that has one, is its
/// `ETag`.
pub fn created(
    public_url: &str,
    path: &str,
    version: Option<i32>,
    body: &impl Serialize,
) -> HttpResponse {
    let mut response = HttpResponse::Created();
    response.insert_header((header::LOCATION, format!("{public_url}/v1{path}")));
    if let Some(version) = version {
        response.insert_header(etag(version));
    }
    response.json(body)
}

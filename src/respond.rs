//! The answers every resource gives the same way: a resource with its
//! version as `ETag`, and `201 Created` with a `Location` under `/v1`.
//! Handlers return a [`Reply`] instead of setting the headers themselves.

use actix_web::body::BoxBody;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, Responder, web};
use serde::Serialize;

use crate::preconditions::{Versioned, etag};
use crate::state::AppState;

/// A JSON body with the status and headers of its kind of answer.
pub struct Reply<T> {
    status: StatusCode,
    /// The path under `/v1` of what was created (`/contacts/{id}`).
    location: Option<String>,
    version: Option<i32>,
    body: T,
}

impl<T: Serialize> Reply<T> {
    /// `201 Created` with `Location`: the public URL, `/v1` and `path`.
    pub fn created(path: String, body: T) -> Self {
        Self {
            status: StatusCode::CREATED,
            location: Some(path),
            version: None,
            body,
        }
    }
}

impl<T: Serialize + Versioned> Reply<T> {
    /// `200 OK` with the resource, its version as `ETag`.
    pub fn ok(body: T) -> Self {
        Self {
            status: StatusCode::OK,
            location: None,
            version: Some(body.version()),
            body,
        }
    }

    /// `201 Created` with `Location` (see [`Reply::created`]) and the new
    /// resource's version as `ETag`.
    pub fn created_versioned(path: String, body: T) -> Self {
        Self {
            version: Some(body.version()),
            ..Self::created(path, body)
        }
    }
}

impl<T: Serialize> Responder for Reply<T> {
    type Body = BoxBody;

    fn respond_to(self, request: &HttpRequest) -> HttpResponse {
        let mut response = HttpResponse::build(self.status);
        if let Some(path) = &self.location {
            response.insert_header((
                header::LOCATION,
                format!("{}/v1{path}", public_url(request)),
            ));
        }
        if let Some(version) = self.version {
            response.insert_header(etag(version));
        }
        response.json(self.body)
    }
}

/// `RAPPORT_PUBLIC_URL`: where clients reach the service, for the links it
/// writes (`Location`, `Link`).
pub fn public_url(request: &HttpRequest) -> &str {
    request
        .app_data::<web::Data<AppState>>()
        .map(|state| state.settings.public_url.as_str())
        .unwrap_or_default()
}

//! `/v1/employers`: the target list.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::dto::{
    CreateEmployerRequest, EmployerListQuery, EmployerResponse, EmployerStatus,
    UpdateEmployerRequest,
};
use super::repo::EmployerFilter;
use super::service;
use crate::auth::Caller;
use crate::error::{ApiResult, Problem};
use crate::extract::{Json, MergePatch, Query};
use crate::pagination::Page;
use crate::preconditions::IfMatch;
use crate::respond::Reply;

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(list_employers)
        .service(create_employer)
        .service(get_employer)
        .service(update_employer)
        .service(delete_employer);
}

/// List employers
///
/// In LAMP order by default: motivation, then posting, then advocacy, all
/// descending, then name. Each item says how many contacts and interviews
/// it has.
#[utoipa::path(
    tag = "employers",
    params(EmployerListQuery),
    responses((status = 200, description = "A page of employers", body = Page<EmployerResponse>,
        headers(("Link" = String, description = "`<…>; rel=\"next\"` when another page exists")))),
    security(("bearer" = [])),
)]
#[get("/employers")]
pub async fn list_employers(
    caller: Caller,
    query: Query<EmployerListQuery>,
) -> ApiResult<Page<EmployerResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let query = query.into_inner();
    let page = service::list(
        &mut connection,
        user.id,
        EmployerFilter {
            statuses: query
                .status
                .map(|statuses| statuses.into_iter().map(EmployerStatus::as_str).collect()),
            updated_after: query.updated_after,
        },
        query.sort.unwrap_or_default(),
        query.cursor.as_deref(),
        query.limit,
    )
    .await?;
    Ok(page)
}

/// Add an employer
///
/// Only `name` is required; it is unique on the user's list whatever its
/// letter case.
#[utoipa::path(
    tag = "employers",
    request_body = CreateEmployerRequest,
    responses(
        (status = 201, description = "The employer is on the list", body = EmployerResponse,
            headers(("Location" = String, description = "The new employer"))),
        (status = 409, description = "An employer with this name is on the list already (`conflict`), or the account holds 2,000 employers already (`limit_reached`, with `limit`); or the `id` chosen is in use (`conflict`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/employers")]
pub async fn create_employer(
    caller: Caller,
    body: Json<CreateEmployerRequest>,
) -> ApiResult<Reply<EmployerResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let employer = service::create(&mut connection, body.0.into_new(user.id)).await?;
    let path = format!("/employers/{}", employer.id);
    Ok(Reply::created_versioned(
        path,
        EmployerResponse::new(employer, 0, 0),
    ))
}

/// Read an employer
///
/// The employer with its counts, and its version in `ETag`.
#[utoipa::path(
    tag = "employers",
    params(("id" = Uuid, Path, description = "The employer")),
    responses((status = 200, description = "The employer", body = EmployerResponse)),
    security(("bearer" = [])),
)]
#[get("/employers/{id}")]
pub async fn get_employer(
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<Reply<EmployerResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let employer = service::get(&mut connection, user.id, *id).await?;
    Ok(Reply::ok(
        service::response(&mut connection, employer).await?,
    ))
}

/// Change an employer
///
/// A JSON merge patch. With `If-Match`, the change applies only to that
/// version.
#[utoipa::path(
    tag = "employers",
    params(
        ("id" = Uuid, Path, description = "The employer"),
        ("If-Match" = Option<String>, Header, description = "The `ETag` the change is based on"),
    ),
    request_body(content(
        (UpdateEmployerRequest = "application/merge-patch+json"),
        (UpdateEmployerRequest = "application/json"),
    )),
    responses(
        (status = 200, description = "The changed employer", body = EmployerResponse),
        (status = 409, description = "Another employer on the list has this name (`conflict`)",
            body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "`If-Match` names an older version (`precondition_failed`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[patch("/employers/{id}")]
pub async fn update_employer(
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: MergePatch<UpdateEmployerRequest>,
) -> ApiResult<Reply<EmployerResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let employer = service::update(
        &mut connection,
        user.id,
        *id,
        &if_match,
        body.0.into_changeset(),
    )
    .await?;
    Ok(Reply::ok(
        service::response(&mut connection, employer).await?,
    ))
}

/// Delete an employer
///
/// Its contacts stay, with `employer_id` cleared.
#[utoipa::path(
    tag = "employers",
    params(
        ("id" = Uuid, Path, description = "The employer"),
        ("If-Match" = Option<String>, Header, description = "The `ETag` the deletion is based on"),
    ),
    responses(
        (status = 204, description = "The employer is gone"),
        (status = 412, description = "`If-Match` names an older version (`precondition_failed`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[delete("/employers/{id}")]
pub async fn delete_employer(
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    let (user, mut connection) = caller.connect().await?;
    service::delete(&mut connection, user.id, *id, &if_match).await?;
    Ok(HttpResponse::NoContent().finish())
}

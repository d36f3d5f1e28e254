//! `/v1/interviews/{id}/action-items`.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::dto::{ActionItemResponse, CreateActionItemRequest, UpdateActionItemRequest};
use super::service;
use crate::auth::Caller;
use crate::error::{ApiResult, Problem};
use crate::extract::{Json, MergePatch, Query};
use crate::pagination::{WholeList, WholeListQuery};
use crate::preconditions::IfMatch;
use crate::respond::Reply;

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(list_action_items)
        .service(create_action_item)
        .service(get_action_item)
        .service(update_action_item)
        .service(delete_action_item);
}

/// List an interview's action items
///
/// All of them, oldest first (not paged).
#[utoipa::path(
    tag = "interviews",
    params(("id" = Uuid, Path, description = "The interview"), WholeListQuery),
    responses((status = 200, description = "The action items", body = WholeList<ActionItemResponse>)),
    security(("bearer" = [])),
)]
#[get("/interviews/{id}/action-items")]
pub async fn list_action_items(
    caller: Caller,
    id: web::Path<Uuid>,
    query: Query<WholeListQuery>,
) -> ApiResult<web::Json<WholeList<ActionItemResponse>>> {
    let (user, mut connection) = caller.connect().await?;
    let items = service::list(&mut connection, user.id, *id, query.updated_after).await?;
    Ok(web::Json(items.into_iter().map(Into::into).collect()))
}

/// Add an action item
///
/// A due time makes an `action_item` reminder that follows the item.
#[utoipa::path(
    tag = "interviews",
    params(("id" = Uuid, Path, description = "The interview")),
    request_body = CreateActionItemRequest,
    responses(
        (status = 201, description = "The new item", body = ActionItemResponse,
        headers(("Location" = String, description = "The new item"))),
        (status = 409, description = "The interview has 100 action items already, or the reminder of its due time would pass the pending reminders' cap (`limit_reached`, with `limit`); or the `id` chosen is in use (`conflict`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/interviews/{id}/action-items")]
pub async fn create_action_item(
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<CreateActionItemRequest>,
) -> ApiResult<Reply<ActionItemResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let item = service::create(&mut connection, user.id, *id, body.0).await?;
    let path = format!("/interviews/{}/action-items/{}", id, item.id);
    Ok(Reply::created_versioned(
        path,
        ActionItemResponse::from(item),
    ))
}

/// Read an action item
#[utoipa::path(
    tag = "interviews",
    params(
        ("id" = Uuid, Path, description = "The interview"),
        ("item_id" = Uuid, Path, description = "The action item"),
    ),
    responses((status = 200, description = "The item", body = ActionItemResponse)),
    security(("bearer" = [])),
)]
#[get("/interviews/{id}/action-items/{item_id}")]
pub async fn get_action_item(
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<Reply<ActionItemResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let (id, item_id) = path.into_inner();
    let item = service::get(&mut connection, user.id, id, item_id).await?;
    Ok(Reply::ok(item.into()))
}

/// Change an action item
///
/// A JSON merge patch of `text`, `done` and `due_at`.
#[utoipa::path(
    tag = "interviews",
    params(
        ("id" = Uuid, Path, description = "The interview"),
        ("item_id" = Uuid, Path, description = "The action item"),
        ("If-Match" = Option<String>, Header, description = "The `ETag` the change is based on"),
    ),
    request_body(content(
        (UpdateActionItemRequest = "application/merge-patch+json"),
        (UpdateActionItemRequest = "application/json"),
    )),
    responses(
        (status = 200, description = "The changed item", body = ActionItemResponse),
        (status = 412, description = "`If-Match` names an older version (`precondition_failed`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[patch("/interviews/{id}/action-items/{item_id}")]
pub async fn update_action_item(
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
    if_match: IfMatch,
    body: MergePatch<UpdateActionItemRequest>,
) -> ApiResult<Reply<ActionItemResponse>> {
    let (id, item_id) = path.into_inner();
    let (user, mut connection) = caller.connect().await?;
    let item = service::update(&mut connection, user.id, id, item_id, &if_match, body.0).await?;
    Ok(Reply::ok(item.into()))
}

/// Delete an action item
#[utoipa::path(
    tag = "interviews",
    params(
        ("id" = Uuid, Path, description = "The interview"),
        ("item_id" = Uuid, Path, description = "The action item"),
        ("If-Match" = Option<String>, Header, description = "The `ETag` the deletion is based on"),
    ),
    responses(
        (status = 204, description = "The item is gone"),
        (status = 412, description = "`If-Match` names an older version (`precondition_failed`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[delete("/interviews/{id}/action-items/{item_id}")]
pub async fn delete_action_item(
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    let (id, item_id) = path.into_inner();
    let (user, mut connection) = caller.connect().await?;
    service::delete(&mut connection, user.id, id, item_id, &if_match).await?;
    Ok(HttpResponse::NoContent().finish())
}

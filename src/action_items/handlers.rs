//! `/v1/interviews/{id}/action-items`.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use diesel_async::AsyncConnection;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::dto::{
    ActionItemList, ActionItemResponse, CreateActionItemRequest, UpdateActionItemRequest,
};
use super::models::{ActionItemChangeset, NewActionItem};
use super::repo;
use crate::auth::{AuthUser, AuthUserWithConnection};
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::Json;
use crate::interviews::repo as interviews;
use crate::preconditions::{IfMatch, etag};
use crate::reminders::rules;
use crate::respond;
use crate::state::AppState;

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(list_action_items)
        .service(create_action_item)
        .service(get_action_item)
        .service(update_action_item)
        .service(delete_action_item);
}

/// The caller's interview, or 404.
async fn own_interview(
    connection: &mut diesel_async::AsyncPgConnection,
    user_id: Uuid,
    interview_id: Uuid,
) -> ApiResult<crate::interviews::models::Interview> {
    interviews::find(connection, user_id, interview_id)
        .await?
        .ok_or(ApiError::NotFound)
}

/// List an interview's action items
///
/// All of them, oldest first (not paged).
#[utoipa::path(
    tag = "interviews",
    params(("id" = Uuid, Path, description = "The interview")),
    responses((status = 200, description = "The action items", body = ActionItemList)),
    security(("bearer" = [])),
)]
#[get("/interviews/{id}/action-items")]
pub async fn list_action_items(
    AuthUserWithConnection {
        user,
        mut connection,
    }: AuthUserWithConnection,
    id: web::Path<Uuid>,
) -> ApiResult<web::Json<ActionItemList>> {
    own_interview(&mut connection, user.id, *id).await?;
    let items = repo::of_interview(&mut connection, user.id, *id).await?;
    Ok(web::Json(ActionItemList {
        items: items.into_iter().map(Into::into).collect(),
        next_cursor: None,
    }))
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
        headers(("Location" = String, description = "The new item"), ("ETag" = String, description = "Its version"))),
        (status = 409, description = "The interview has 100 action items already, or the reminder of its due time would pass the pending reminders' cap (`limit_reached`, with `limit`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/interviews/{id}/action-items")]
pub async fn create_action_item(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    body: Json<CreateActionItemRequest>,
) -> ApiResult<HttpResponse> {
    let Json(body) = body;
    let user_id = user.0.id;
    let mut connection = state.pool.get().await?;
    let item = connection
        .transaction(async |connection| {
            let interview = own_interview(connection, user_id, *id).await?;
            let item = repo::insert(
                connection,
                &NewActionItem {
                    id: Uuid::now_v7(),
                    user_id,
                    interview_id: *id,
                    text: body.text,
                    due_at: body.due_at,
                },
            )
            .await?;
            rules::on_action_item(connection, &item, interview.contact_id, false).await?;
            Ok::<_, ApiError>(item)
        })
        .await?;
    let path = format!("/interviews/{}/action-items/{}", id, item.id);
    Ok(respond::created(
        &state.settings.public_url,
        &path,
        Some(item.version),
        &ActionItemResponse::from(item),
    ))
}

/// Read an action item
#[utoipa::path(
    tag = "interviews",
    params(
        ("id" = Uuid, Path, description = "The interview"),
        ("item_id" = Uuid, Path, description = "The action item"),
    ),
    responses((status = 200, description = "The item", body = ActionItemResponse,
        headers(("ETag" = String, description = "Its version")))),
    security(("bearer" = [])),
)]
#[get("/interviews/{id}/action-items/{item_id}")]
pub async fn get_action_item(
    AuthUserWithConnection {
        user,
        mut connection,
    }: AuthUserWithConnection,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (id, item_id) = path.into_inner();
    let item = repo::of_interview(&mut connection, user.id, id)
        .await?
        .into_iter()
        .find(|item| item.id == item_id)
        .ok_or(ApiError::NotFound)?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(item.version))
        .json(ActionItemResponse::from(item)))
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
        (status = 200, description = "The changed item", body = ActionItemResponse,
            headers(("ETag" = String, description = "Its new version"))),
        (status = 412, description = "`If-Match` names an older version (`precondition_failed`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[patch("/interviews/{id}/action-items/{item_id}")]
pub async fn update_action_item(
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(Uuid, Uuid)>,
    if_match: IfMatch,
    body: Json<UpdateActionItemRequest>,
) -> ApiResult<HttpResponse> {
    let (id, item_id) = path.into_inner();
    let Json(body) = body;
    let changes = ActionItemChangeset {
        text: body.text.into_value(),
        done: body.done.into_value(),
        due_at: body.due_at.into_change(),
    };
    let user_id = user.0.id;
    let mut connection = state.pool.get().await?;
    let item = connection
        .transaction(async |connection| {
            let current = repo::find_for_update(connection, user_id, id, item_id)
                .await?
                .ok_or(ApiError::NotFound)?;
            if_match.check(current.version)?;
            if changes == ActionItemChangeset::default() {
                return Ok::<_, ApiError>(current);
            }
            let updated = repo::update(connection, user.0.id, item_id, &changes).await?;
            let interview = own_interview(connection, user_id, id).await?;
            rules::on_action_item(connection, &updated, interview.contact_id, false).await?;
            Ok(updated)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(etag(item.version))
        .json(ActionItemResponse::from(item)))
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
    state: web::Data<AppState>,
    user: AuthUser,
    path: web::Path<(Uuid, Uuid)>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    let (id, item_id) = path.into_inner();
    let user_id = user.0.id;
    let mut connection = state.pool.get().await?;
    connection
        .transaction(async |connection| {
            let current = repo::find_for_update(connection, user_id, id, item_id)
                .await?
                .ok_or(ApiError::NotFound)?;
            if_match.check(current.version)?;
            // Its reminder retires first and stays readable, `dismissed`.
            let interview = own_interview(connection, user_id, id).await?;
            rules::on_action_item(connection, &current, interview.contact_id, true).await?;
            repo::delete(connection, user.0.id, item_id).await?;
            Ok::<_, ApiError>(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

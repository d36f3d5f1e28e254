//! `/v1/reminders`.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::dto::{
    CreateReminderRequest, ReminderListQuery, ReminderResponse, SnoozeRequest,
    UpdateReminderRequest,
};
use super::dto::{Kind, ReminderStatus};
use super::repo::ReminderFilter;
use super::service;
use crate::auth::Caller;
use crate::error::{ApiResult, Problem};
use crate::expand::{self, ContactExpansion, ExpandContactQuery};
use crate::extract::{Json, JsonOrEmpty, MergePatch, NoFields, Query};
use crate::pagination::{Page, PageQuery};
use crate::preconditions::IfMatch;
use crate::respond::Reply;

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(list_reminders)
        .service(list_due_reminders)
        .service(create_reminder)
        .service(get_reminder)
        .service(update_reminder)
        .service(delete_reminder)
        .service(complete_reminder)
        .service(dismiss_reminder)
        .service(snooze_reminder);
}

/// List reminders
///
/// By due time, oldest first; filters by status, kind, due time, interview
/// and contact.
#[utoipa::path(
    tag = "reminders",
    params(ReminderListQuery),
    responses((status = 200, description = "A page of reminders", body = Page<ReminderResponse>,
        headers(("Link" = String, description = "`<…>; rel=\"next\"` when another page exists")))),
    security(("bearer" = [])),
)]
#[get("/reminders")]
pub async fn list_reminders(
    caller: Caller,
    query: Query<ReminderListQuery>,
) -> ApiResult<Page<ReminderResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let query = query.into_inner();
    let expand_contacts = expand::names(&query.expand, ContactExpansion::Contact);
    let filter = ReminderFilter {
        statuses: query
            .status
            .map(|statuses| statuses.into_iter().map(ReminderStatus::as_str).collect()),
        kinds: query
            .kind
            .map(|kinds| kinds.into_iter().map(Kind::as_str).collect()),
        updated_after: query.updated_after,
        due_before: query.due_before,
        due_after: query.due_after,
        interview_id: query.interview_id,
        contact_id: query.contact_id,
        due_now: false,
    };
    let mut page = service::page(
        &mut connection,
        user.id,
        filter,
        query.cursor.as_deref(),
        query.limit,
    )
    .await?;
    if expand_contacts {
        service::expand_contacts(&mut connection, user.id, &mut page.items).await?;
    }
    Ok(page)
}

/// List the reminders due now
///
/// Pending reminders whose due time (or snooze) has passed, notified or
/// not, oldest first.
#[utoipa::path(
    tag = "reminders",
    params(PageQuery),
    responses((status = 200, description = "A page of due reminders", body = Page<ReminderResponse>,
        headers(("Link" = String, description = "`<…>; rel=\"next\"` when another page exists")))),
    security(("bearer" = [])),
)]
#[get("/reminders/due")]
pub async fn list_due_reminders(
    caller: Caller,
    query: Query<PageQuery>,
) -> ApiResult<Page<ReminderResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let filter = ReminderFilter {
        due_now: true,
        updated_after: query.updated_after,
        ..ReminderFilter::default()
    };
    let page = service::page(
        &mut connection,
        user.id,
        filter,
        query.cursor.as_deref(),
        query.limit,
    )
    .await?;
    Ok(page)
}

/// Add a reminder
///
/// `kind` defaults to `custom`; `due_at` may be in the past (due at once).
/// `interview_id` and `contact_id` must be the caller's own.
#[utoipa::path(
    tag = "reminders",
    request_body = CreateReminderRequest,
    responses(
        (status = 201, description = "The new reminder", body = ReminderResponse,
            headers(("Location" = String, description = "The new reminder"))),
        (status = 404, description = "`interview_id` or `contact_id` names nothing of yours (`not_found`)",
            body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The account has 5,000 pending manual reminders (or 50,000 pending in all) already (`limit_reached`, with `limit`); or the `id` chosen is in use (`conflict`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/reminders")]
pub async fn create_reminder(
    caller: Caller,
    body: Json<CreateReminderRequest>,
) -> ApiResult<Reply<ReminderResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let reminder = service::create(&mut connection, user.id, body.0).await?;
    let path = format!("/reminders/{}", reminder.id);
    Ok(Reply::created_versioned(
        path,
        ReminderResponse::from(reminder),
    ))
}

/// Read a reminder
#[utoipa::path(
    tag = "reminders",
    params(("id" = Uuid, Path, description = "The reminder"), ExpandContactQuery),
    responses((status = 200, description = "The reminder", body = ReminderResponse)),
    security(("bearer" = [])),
)]
#[get("/reminders/{id}")]
pub async fn get_reminder(
    caller: Caller,
    id: web::Path<Uuid>,
    query: Query<ExpandContactQuery>,
) -> ApiResult<Reply<ReminderResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let mut reminder: ReminderResponse = service::get(&mut connection, user.id, *id).await?.into();
    if expand::names(&query.expand, ContactExpansion::Contact) {
        service::expand_contacts(
            &mut connection,
            user.id,
            std::slice::from_mut(&mut reminder),
        )
        .await?;
    }
    Ok(Reply::ok(reminder))
}

/// Change a manual reminder
///
/// A JSON merge patch of `title`, `note`, `due_at` and `kind`; a new due
/// time makes it due again. Reminders made by the rules answer 403.
#[utoipa::path(
    tag = "reminders",
    params(
        ("id" = Uuid, Path, description = "The reminder"),
        ("If-Match" = Option<String>, Header, description = "The `ETag` the change is based on"),
    ),
    request_body(content(
        (UpdateReminderRequest = "application/merge-patch+json"),
        (UpdateReminderRequest = "application/json"),
    )),
    responses(
        (status = 200, description = "The changed reminder", body = ReminderResponse),
        (status = 403, description = "A reminder made by the rules (`forbidden`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "`If-Match` names an older version (`precondition_failed`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[patch("/reminders/{id}")]
pub async fn update_reminder(
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: MergePatch<UpdateReminderRequest>,
) -> ApiResult<Reply<ReminderResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let reminder = service::update(&mut connection, user.id, *id, &if_match, body.0).await?;
    Ok(Reply::ok(reminder.into()))
}

/// Delete a manual reminder
///
/// Reminders made by the rules answer 403: dismiss them instead.
#[utoipa::path(
    tag = "reminders",
    params(
        ("id" = Uuid, Path, description = "The reminder"),
        ("If-Match" = Option<String>, Header, description = "The `ETag` the deletion is based on"),
    ),
    responses(
        (status = 204, description = "The reminder is gone"),
        (status = 403, description = "A reminder made by the rules (`forbidden`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "`If-Match` names an older version (`precondition_failed`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[delete("/reminders/{id}")]
pub async fn delete_reminder(
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    let (user, mut connection) = caller.connect().await?;
    service::delete(&mut connection, user.id, *id, &if_match).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Mark a reminder done
///
/// The body may be empty. Asking again changes nothing.
#[utoipa::path(
    tag = "reminders",
    params(("id" = Uuid, Path, description = "The reminder")),
    request_body(content = Option<NoFields>, description = "Empty, or `{}`"),
    responses((status = 200, description = "The reminder, `done`", body = ReminderResponse)),
    security(("bearer" = [])),
)]
#[post("/reminders/{id}/complete")]
pub async fn complete_reminder(
    caller: Caller,
    id: web::Path<Uuid>,
    _body: JsonOrEmpty<NoFields>,
) -> ApiResult<Reply<ReminderResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let reminder = service::complete(&mut connection, user.id, *id).await?;
    Ok(Reply::ok(reminder.into()))
}

/// Dismiss a reminder
///
/// The body may be empty. Asking again changes nothing.
#[utoipa::path(
    tag = "reminders",
    params(("id" = Uuid, Path, description = "The reminder")),
    request_body(content = Option<NoFields>, description = "Empty, or `{}`"),
    responses((status = 200, description = "The reminder, `dismissed`", body = ReminderResponse)),
    security(("bearer" = [])),
)]
#[post("/reminders/{id}/dismiss")]
pub async fn dismiss_reminder(
    caller: Caller,
    id: web::Path<Uuid>,
    _body: JsonOrEmpty<NoFields>,
) -> ApiResult<Reply<ReminderResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let reminder = service::dismiss(&mut connection, user.id, *id).await?;
    Ok(Reply::ok(reminder.into()))
}

/// Snooze a reminder
///
/// Due again at `until`: `due_at` stays, `notified_at` clears so the
/// dispatcher announces it again then. A reminder that is no longer
/// pending becomes pending again.
#[utoipa::path(
    tag = "reminders",
    params(("id" = Uuid, Path, description = "The reminder")),
    request_body = SnoozeRequest,
    responses(
        (status = 200, description = "The snoozed reminder", body = ReminderResponse),
        (status = 409, description = "A reminder that pending again would pass the account's 50,000 pending reminders (5,000 manual) (`limit_reached`, with `limit`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/reminders/{id}/snooze")]
pub async fn snooze_reminder(
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<SnoozeRequest>,
) -> ApiResult<Reply<ReminderResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let reminder = service::snooze(&mut connection, user.id, *id, body.0.until).await?;
    Ok(Reply::ok(reminder.into()))
}

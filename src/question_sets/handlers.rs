//! `/v1/question-sets`: the library and the user's own sets.

use actix_web::{HttpResponse, delete, get, patch, post, put, web};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::dto::Scope;
use super::dto::{
    CreateQuestionRequest, CreateQuestionSetRequest, QuestionResponse, QuestionSetListQuery,
    QuestionSetResponse, ReorderRequest, UpdateQuestionRequest, UpdateQuestionSetRequest,
};
use super::service;
use crate::auth::Caller;
use crate::error::{ApiResult, Problem};
use crate::extract::{Json, JsonOrEmpty, MergePatch, NoFields, Query};
use crate::pagination::Page;
use crate::preconditions::IfMatch;
use crate::respond::Reply;

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(list_question_sets)
        .service(create_question_set)
        .service(get_question_set)
        .service(update_question_set)
        .service(delete_question_set)
        .service(copy_question_set)
        .service(add_question)
        .service(reorder_questions)
        .service(update_question)
        .service(delete_question);
}

/// List question sets
///
/// Whole sets, questions included, by title: the built-in library
/// (`scope=library`), the user's own (`scope=mine`), or both (the default).
#[utoipa::path(
    tag = "question-sets",
    params(QuestionSetListQuery),
    responses((status = 200, description = "A page of sets", body = Page<QuestionSetResponse>,
        headers(("Link" = String, description = "`<…>; rel=\"next\"` when another page exists")))),
    security(("bearer" = [])),
)]
#[get("/question-sets")]
pub async fn list_question_sets(
    caller: Caller,
    query: Query<QuestionSetListQuery>,
) -> ApiResult<Page<QuestionSetResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let page = service::list(
        &mut connection,
        user.id,
        Scope::of(query.scope.as_deref()),
        query.updated_after,
        query.cursor.as_deref(),
        query.limit,
    )
    .await?;
    Ok(page)
}

/// Create a question set
#[utoipa::path(
    tag = "question-sets",
    request_body = CreateQuestionSetRequest,
    responses(
        (status = 201, description = "The new set", body = QuestionSetResponse,
        headers(("Location" = String, description = "The new set"))),
        (status = 409, description = "The account holds 200 question sets already (`limit_reached`, with `limit`); or an `id` chosen is in use (`conflict`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/question-sets")]
pub async fn create_question_set(
    caller: Caller,
    body: Json<CreateQuestionSetRequest>,
) -> ApiResult<Reply<QuestionSetResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let set = service::create(&mut connection, user.id, body.0).await?;
    Ok(Reply::created_versioned(
        format!("/question-sets/{}", set.id),
        set,
    ))
}

/// Read a question set
///
/// A library set or one of the user's own.
#[utoipa::path(
    tag = "question-sets",
    params(("id" = Uuid, Path, description = "The set")),
    responses((status = 200, description = "The set", body = QuestionSetResponse)),
    security(("bearer" = [])),
)]
#[get("/question-sets/{id}")]
pub async fn get_question_set(
    caller: Caller,
    id: web::Path<Uuid>,
) -> ApiResult<Reply<QuestionSetResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let set = service::get(&mut connection, user.id, *id).await?;
    Ok(Reply::ok(set))
}

/// Change a question set
///
/// A JSON merge patch of `title` and `description`. Library sets answer 403.
#[utoipa::path(
    tag = "question-sets",
    params(
        ("id" = Uuid, Path, description = "The set"),
        ("If-Match" = Option<String>, Header, description = "The `ETag` the change is based on"),
    ),
    request_body(content(
        (UpdateQuestionSetRequest = "application/merge-patch+json"),
        (UpdateQuestionSetRequest = "application/json"),
    )),
    responses(
        (status = 200, description = "The changed set", body = QuestionSetResponse),
        (status = 403, description = "A library set (`forbidden`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "`If-Match` names an older version (`precondition_failed`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[patch("/question-sets/{id}")]
pub async fn update_question_set(
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: MergePatch<UpdateQuestionSetRequest>,
) -> ApiResult<Reply<QuestionSetResponse>> {
    let changes = body.0.into_changeset();
    let (user, mut connection) = caller.connect().await?;
    let set = service::update(&mut connection, user.id, *id, &if_match, changes).await?;
    Ok(Reply::ok(set))
}

/// Delete a question set
///
/// Interviews keep the questions they copied from it. Library sets answer 403.
#[utoipa::path(
    tag = "question-sets",
    params(
        ("id" = Uuid, Path, description = "The set"),
        ("If-Match" = Option<String>, Header, description = "The `ETag` the deletion is based on"),
    ),
    responses(
        (status = 204, description = "The set is gone"),
        (status = 403, description = "A library set (`forbidden`)", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "`If-Match` names an older version (`precondition_failed`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[delete("/question-sets/{id}")]
pub async fn delete_question_set(
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    let (user, mut connection) = caller.connect().await?;
    service::delete(&mut connection, user.id, *id, &if_match).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Copy a question set
///
/// Makes a library set (or one of the user's own) a new set of the user's,
/// to change as they like. The body may be empty.
#[utoipa::path(
    tag = "question-sets",
    params(("id" = Uuid, Path, description = "The set to copy")),
    request_body(content = Option<NoFields>, description = "Empty, or `{}`"),
    responses(
        (status = 201, description = "The copy", body = QuestionSetResponse,
        headers(("Location" = String, description = "The copy"))),
        (status = 409, description = "The account holds 200 question sets already (`limit_reached`, with `limit`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/question-sets/{id}/copy")]
pub async fn copy_question_set(
    caller: Caller,
    id: web::Path<Uuid>,
    _body: JsonOrEmpty<NoFields>,
) -> ApiResult<Reply<QuestionSetResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let set = service::copy(&mut connection, user.id, *id).await?;
    Ok(Reply::created_versioned(
        format!("/question-sets/{}", set.id),
        set,
    ))
}

/// Add a question
///
/// At the end of the set. Library sets answer 403.
#[utoipa::path(
    tag = "question-sets",
    params(("id" = Uuid, Path, description = "The set")),
    request_body = CreateQuestionRequest,
    responses(
        (status = 201, description = "The new question", body = QuestionResponse,
            headers(("Location" = String, description = "The set the question belongs to"))),
        (status = 409, description = "The set already holds 100 questions (`limit_reached`); or the `id` chosen is in use (`conflict`)",
            body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A library set (`forbidden`)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/question-sets/{id}/questions")]
pub async fn add_question(
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<CreateQuestionRequest>,
) -> ApiResult<Reply<QuestionResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let question = service::add_question(&mut connection, user.id, *id, body.0).await?;
    Ok(Reply::created(format!("/question-sets/{id}"), question))
}

/// Reorder the questions
///
/// `question_ids` names every question of the set once, in the new order.
#[utoipa::path(
    tag = "question-sets",
    params(("id" = Uuid, Path, description = "The set")),
    request_body = ReorderRequest,
    responses(
        (status = 200, description = "The set in its new order", body = QuestionSetResponse),
        (status = 409, description = "`question_ids` is not exactly the set's questions (`conflict`)",
            body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A library set (`forbidden`)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[put("/question-sets/{id}/questions/order")]
pub async fn reorder_questions(
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<ReorderRequest>,
) -> ApiResult<Reply<QuestionSetResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let set = service::reorder(&mut connection, user.id, *id, body.0.question_ids).await?;
    Ok(Reply::ok(set))
}

/// Change a question
///
/// A JSON merge patch of `text` and `category`. Library sets answer 403.
#[utoipa::path(
    tag = "question-sets",
    params(
        ("id" = Uuid, Path, description = "The set"),
        ("question_id" = Uuid, Path, description = "The question"),
    ),
    request_body(content(
        (UpdateQuestionRequest = "application/merge-patch+json"),
        (UpdateQuestionRequest = "application/json"),
    )),
    responses(
        (status = 200, description = "The changed question", body = QuestionResponse),
        (status = 403, description = "A library set (`forbidden`)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[patch("/question-sets/{id}/questions/{question_id}")]
pub async fn update_question(
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
    body: MergePatch<UpdateQuestionRequest>,
) -> ApiResult<web::Json<QuestionResponse>> {
    let (set_id, question_id) = path.into_inner();
    let changes = body.0.into_changeset();
    let (user, mut connection) = caller.connect().await?;
    let question =
        service::update_question(&mut connection, user.id, set_id, question_id, changes).await?;
    Ok(web::Json(question))
}

/// Delete a question
///
/// The questions after it move up. Library sets answer 403.
#[utoipa::path(
    tag = "question-sets",
    params(
        ("id" = Uuid, Path, description = "The set"),
        ("question_id" = Uuid, Path, description = "The question"),
    ),
    responses(
        (status = 204, description = "The question is gone"),
        (status = 403, description = "A library set (`forbidden`)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[delete("/question-sets/{id}/questions/{question_id}")]
pub async fn delete_question(
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
) -> ApiResult<HttpResponse> {
    let (set_id, question_id) = path.into_inner();
    let (user, mut connection) = caller.connect().await?;
    service::delete_question(&mut connection, user.id, set_id, question_id).await?;
    Ok(HttpResponse::NoContent().finish())
}

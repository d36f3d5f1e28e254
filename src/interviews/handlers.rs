//! `/v1/interviews`: the interview, its actions, questions and referrals.

use actix_web::{HttpResponse, delete, get, patch, post, web};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::dto::{
    AttachQuestionSetRequest, CancelActionBody, CompleteActionBody, CreateInterviewRequest,
    InterviewListQuery, InterviewQuestionResponse, InterviewResponse, RequestActionBody,
    ScheduleActionBody, ThankYouActionBody, UpdateInterviewQuestionRequest, UpdateInterviewRequest,
};
use super::models::InterviewQuestion;
use super::repo::InterviewFilter;
use super::service::{self, ActionInput};
use super::transitions::Status;
use crate::auth::Caller;
use crate::contacts::dto::{ContactResponse, CreateContactRequest};
use crate::error::{ApiResult, Problem};
use crate::expand::{self, ContactExpansion, ExpandContactQuery};
use crate::extract::{Json, JsonOrEmpty, MergePatch, NoFields, Query};
use crate::pagination::{Page, WholeList, WholeListQuery};
use crate::preconditions::IfMatch;
use crate::respond::Reply;

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(list_interviews)
        .service(create_interview)
        .service(get_interview)
        .service(update_interview)
        .service(delete_interview)
        .service(request_interview)
        .service(schedule_interview)
        .service(complete_interview)
        .service(decline_interview)
        .service(mark_no_response)
        .service(cancel_interview)
        .service(record_thank_you)
        .service(attach_question_set)
        .service(list_interview_questions)
        .service(update_interview_question)
        .service(add_interview_referral);
}

fn question_list(questions: Vec<InterviewQuestion>) -> WholeList<InterviewQuestionResponse> {
    questions.into_iter().map(Into::into).collect()
}

/// List interviews
///
/// Newest first; filters by status, contact, employer and a range of
/// `scheduled_start`.
#[utoipa::path(
    tag = "interviews",
    params(InterviewListQuery),
    responses((status = 200, description = "A page of interviews", body = Page<InterviewResponse>,
        headers(("Link" = String, description = "`<…>; rel=\"next\"` when another page exists")))),
    security(("bearer" = [])),
)]
#[get("/interviews")]
pub async fn list_interviews(
    caller: Caller,
    query: Query<InterviewListQuery>,
) -> ApiResult<Page<InterviewResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let query = query.into_inner();
    let expand_contacts = expand::names(&query.expand, ContactExpansion::Contact);
    let filter = InterviewFilter {
        statuses: query
            .status
            .map(|statuses| statuses.into_iter().map(Status::as_str).collect()),
        updated_after: query.updated_after,
        contact_id: query.contact_id,
        employer_id: query.employer_id,
        from: query.from,
        to: query.to,
    };
    let mut page = service::list(
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

/// Plan an interview
///
/// With one of the caller's contacts; it starts `planned`.
#[utoipa::path(
    tag = "interviews",
    request_body = CreateInterviewRequest,
    responses(
        (status = 201, description = "The planned interview", body = InterviewResponse,
            headers(("Location" = String, description = "The new interview"))),
        (status = 404, description = "`contact_id` names no contact of yours (`not_found`)",
            body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The account holds 30,000 interviews already (`limit_reached`, with `limit`); or the `id` chosen is in use (`conflict`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/interviews")]
pub async fn create_interview(
    caller: Caller,
    body: Json<CreateInterviewRequest>,
) -> ApiResult<Reply<InterviewResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let interview = service::create(&mut connection, user.id, body.0).await?;
    let body = service::response(&mut connection, interview).await?;
    Ok(Reply::created_versioned(
        format!("/interviews/{}", body.id),
        body,
    ))
}

/// Read an interview
///
/// With the actions its status allows and any warnings.
#[utoipa::path(
    tag = "interviews",
    params(("id" = Uuid, Path, description = "The interview"), ExpandContactQuery),
    responses((status = 200, description = "The interview", body = InterviewResponse)),
    security(("bearer" = [])),
)]
#[get("/interviews/{id}")]
pub async fn get_interview(
    caller: Caller,
    id: web::Path<Uuid>,
    query: Query<ExpandContactQuery>,
) -> ApiResult<Reply<InterviewResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let interview = service::get(&mut connection, user.id, *id).await?;
    let mut interview = service::response(&mut connection, interview).await?;
    if expand::names(&query.expand, ContactExpansion::Contact) {
        service::expand_contacts(
            &mut connection,
            user.id,
            std::slice::from_mut(&mut interview),
        )
        .await?;
    }
    Ok(Reply::ok(interview))
}

/// Change an interview
///
/// A JSON merge patch of `purpose`, `notes`, `key_insights`, `format`,
/// `location`, `meeting_url` and `duration_minutes`. The status and the
/// action times change only through the actions.
#[utoipa::path(
    tag = "interviews",
    params(
        ("id" = Uuid, Path, description = "The interview"),
        ("If-Match" = Option<String>, Header, description = "The `ETag` the change is based on"),
    ),
    request_body(content(
        (UpdateInterviewRequest = "application/merge-patch+json"),
        (UpdateInterviewRequest = "application/json"),
    )),
    responses(
        (status = 200, description = "The changed interview", body = InterviewResponse),
        (status = 412, description = "`If-Match` names an older version (`precondition_failed`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[patch("/interviews/{id}")]
pub async fn update_interview(
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: MergePatch<UpdateInterviewRequest>,
) -> ApiResult<Reply<InterviewResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let interview = service::update(&mut connection, user.id, *id, &if_match, body.0).await?;
    Ok(Reply::ok(
        service::response(&mut connection, interview).await?,
    ))
}

/// Delete an interview
///
/// With its questions and action items.
#[utoipa::path(
    tag = "interviews",
    params(
        ("id" = Uuid, Path, description = "The interview"),
        ("If-Match" = Option<String>, Header, description = "The `ETag` the deletion is based on"),
    ),
    responses(
        (status = 204, description = "The interview is gone"),
        (status = 412, description = "`If-Match` names an older version (`precondition_failed`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[delete("/interviews/{id}")]
pub async fn delete_interview(
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
) -> ApiResult<HttpResponse> {
    let (user, mut connection) = caller.connect().await?;
    service::delete(&mut connection, &user, *id, &if_match).await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn act(caller: Caller, id: Uuid, input: ActionInput) -> ApiResult<Reply<InterviewResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let interview = service::act(&mut connection, &user, id, input).await?;
    Ok(Reply::ok(
        service::response(&mut connection, interview).await?,
    ))
}

/// Record the outreach
///
/// From `planned`. `sent_at` defaults to now and may be any past time.
#[utoipa::path(
    tag = "interviews",
    params(("id" = Uuid, Path, description = "The interview")),
    request_body = RequestActionBody,
    responses(
        (status = 200, description = "The interview, now `requested`", body = InterviewResponse),
        (status = 409, description = "Not allowed from the current status (`invalid_transition`, with `allowed_actions`); or the reminders it makes would pass the cap of 50,000 pending reminders (`limit_reached`, with `limit`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/interviews/{id}/request")]
pub async fn request_interview(
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<RequestActionBody>,
) -> ApiResult<Reply<InterviewResponse>> {
    act(caller, *id, ActionInput::Request(body.0)).await
}

/// Schedule or reschedule
///
/// From `planned`, `requested`, `scheduled` (a reschedule: fields left out
/// keep their values) or `no_response` (a late answer).
#[utoipa::path(
    tag = "interviews",
    params(("id" = Uuid, Path, description = "The interview")),
    request_body = ScheduleActionBody,
    responses(
        (status = 200, description = "The interview, now `scheduled`", body = InterviewResponse),
        (status = 409, description = "Not allowed from the current status (`invalid_transition`, with `allowed_actions`); or the reminders it makes would pass the cap of 50,000 pending reminders (`limit_reached`, with `limit`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/interviews/{id}/schedule")]
pub async fn schedule_interview(
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<ScheduleActionBody>,
) -> ApiResult<Reply<InterviewResponse>> {
    act(caller, *id, ActionInput::Schedule(body.0)).await
}

/// Record that it took place
///
/// From `scheduled`. The body may be empty.
#[utoipa::path(
    tag = "interviews",
    params(("id" = Uuid, Path, description = "The interview")),
    request_body(content = Option<CompleteActionBody>, description = "Empty, or the details"),
    responses(
        (status = 200, description = "The interview, now `completed`", body = InterviewResponse),
        (status = 409, description = "Not allowed from the current status (`invalid_transition`, with `allowed_actions`); or the reminders it makes would pass the cap of 50,000 pending reminders (`limit_reached`, with `limit`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/interviews/{id}/complete")]
pub async fn complete_interview(
    caller: Caller,
    id: web::Path<Uuid>,
    body: JsonOrEmpty<CompleteActionBody>,
) -> ApiResult<Reply<InterviewResponse>> {
    act(caller, *id, ActionInput::Complete(body.0)).await
}

/// Record a decline
///
/// From `requested` or `no_response`. Takes no body.
#[utoipa::path(
    tag = "interviews",
    params(("id" = Uuid, Path, description = "The interview")),
    request_body(content = Option<NoFields>, description = "Empty, or `{}`"),
    responses(
        (status = 200, description = "The interview, now `declined`", body = InterviewResponse),
        (status = 409, description = "Not allowed from the current status (`invalid_transition`, with `allowed_actions`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/interviews/{id}/decline")]
pub async fn decline_interview(
    caller: Caller,
    id: web::Path<Uuid>,
    _body: JsonOrEmpty<NoFields>,
) -> ApiResult<Reply<InterviewResponse>> {
    act(caller, *id, ActionInput::Decline).await
}

/// Record no response
///
/// From `requested`. Takes no body.
#[utoipa::path(
    tag = "interviews",
    params(("id" = Uuid, Path, description = "The interview")),
    request_body(content = Option<NoFields>, description = "Empty, or `{}`"),
    responses(
        (status = 200, description = "The interview, now `no_response`", body = InterviewResponse),
        (status = 409, description = "Not allowed from the current status (`invalid_transition`, with `allowed_actions`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/interviews/{id}/no-response")]
pub async fn mark_no_response(
    caller: Caller,
    id: web::Path<Uuid>,
    _body: JsonOrEmpty<NoFields>,
) -> ApiResult<Reply<InterviewResponse>> {
    act(caller, *id, ActionInput::NoResponse).await
}

/// Cancel
///
/// From `planned`, `requested` or `scheduled`. The body may be empty.
#[utoipa::path(
    tag = "interviews",
    params(("id" = Uuid, Path, description = "The interview")),
    request_body(content = Option<CancelActionBody>, description = "Empty, or a reason"),
    responses(
        (status = 200, description = "The interview, now `cancelled`", body = InterviewResponse),
        (status = 409, description = "Not allowed from the current status (`invalid_transition`, with `allowed_actions`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/interviews/{id}/cancel")]
pub async fn cancel_interview(
    caller: Caller,
    id: web::Path<Uuid>,
    body: JsonOrEmpty<CancelActionBody>,
) -> ApiResult<Reply<InterviewResponse>> {
    act(caller, *id, ActionInput::Cancel(body.0)).await
}

/// Record the thank-you note
///
/// Once, after `complete`. The body may be empty.
#[utoipa::path(
    tag = "interviews",
    params(("id" = Uuid, Path, description = "The interview")),
    request_body(content = Option<ThankYouActionBody>, description = "Empty, or when it was sent"),
    responses(
        (status = 200, description = "The interview with `thank_you_sent_at`", body = InterviewResponse),
        (status = 409, description = "Not completed, or thanked already (`invalid_transition`, with `allowed_actions`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/interviews/{id}/thank-you")]
pub async fn record_thank_you(
    caller: Caller,
    id: web::Path<Uuid>,
    body: JsonOrEmpty<ThankYouActionBody>,
) -> ApiResult<Reply<InterviewResponse>> {
    act(caller, *id, ActionInput::ThankYou(body.0)).await
}

/// Attach a question set
///
/// Copies the set's questions into the interview: later edits of the set
/// change nothing here. Questions already asked or answered stay; the rest
/// are replaced.
#[utoipa::path(
    tag = "interviews",
    params(("id" = Uuid, Path, description = "The interview")),
    request_body = AttachQuestionSetRequest,
    responses(
        (status = 200, description = "All the interview's questions", body = WholeList<InterviewQuestionResponse>),
    ),
    security(("bearer" = [])),
)]
#[post("/interviews/{id}/question-set")]
pub async fn attach_question_set(
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<AttachQuestionSetRequest>,
) -> ApiResult<web::Json<WholeList<InterviewQuestionResponse>>> {
    let (user, mut connection) = caller.connect().await?;
    let questions =
        service::attach_question_set(&mut connection, user.id, *id, body.0.question_set_id).await?;
    Ok(web::Json(question_list(questions)))
}

/// List the interview's questions
///
/// All of them, in order (not paged).
#[utoipa::path(
    tag = "interviews",
    params(("id" = Uuid, Path, description = "The interview"), WholeListQuery),
    responses((status = 200, description = "The questions", body = WholeList<InterviewQuestionResponse>)),
    security(("bearer" = [])),
)]
#[get("/interviews/{id}/questions")]
pub async fn list_interview_questions(
    caller: Caller,
    id: web::Path<Uuid>,
    query: Query<WholeListQuery>,
) -> ApiResult<web::Json<WholeList<InterviewQuestionResponse>>> {
    let (user, mut connection) = caller.connect().await?;
    let questions = service::questions(&mut connection, user.id, *id, query.updated_after).await?;
    Ok(web::Json(question_list(questions)))
}

/// Record a question's answer
///
/// Whether it was asked, and the answer (`null` clears it).
#[utoipa::path(
    tag = "interviews",
    params(
        ("id" = Uuid, Path, description = "The interview"),
        ("question_id" = Uuid, Path, description = "The question"),
    ),
    request_body(content(
        (UpdateInterviewQuestionRequest = "application/merge-patch+json"),
        (UpdateInterviewQuestionRequest = "application/json"),
    )),
    responses((status = 200, description = "The question", body = InterviewQuestionResponse)),
    security(("bearer" = [])),
)]
#[patch("/interviews/{id}/questions/{question_id}")]
pub async fn update_interview_question(
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
    body: MergePatch<UpdateInterviewQuestionRequest>,
) -> ApiResult<web::Json<InterviewQuestionResponse>> {
    let (id, question_id) = path.into_inner();
    let changes = body.0.into_changeset();
    let (user, mut connection) = caller.connect().await?;
    let question =
        service::update_question(&mut connection, user.id, id, question_id, changes).await?;
    Ok(web::Json(question.into()))
}

/// Add a contact the interviewee referred
///
/// The new contact is introduced by the interviewee, with source
/// `referral` and the interviewee's employer unless the body says
/// otherwise.
#[utoipa::path(
    tag = "interviews",
    params(("id" = Uuid, Path, description = "The interview")),
    request_body = CreateContactRequest,
    responses(
        (status = 201, description = "The new contact", body = ContactResponse,
            headers(("Location" = String, description = "The new contact"))),
        (status = 409, description = "The account holds 30,000 contacts already (`limit_reached`, with `limit`); or the `id` chosen is in use (`conflict`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/interviews/{id}/referrals")]
pub async fn add_interview_referral(
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<CreateContactRequest>,
) -> ApiResult<Reply<ContactResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let contact = service::add_referral(&mut connection, user.id, *id, body.0).await?;
    let path = format!("/contacts/{}", contact.id);
    Ok(Reply::created_versioned(
        path,
        ContactResponse::from(contact),
    ))
}

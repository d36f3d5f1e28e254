//! `/v1/contacts` and `/v1/network`.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, HttpResponse, delete, get, patch, post, web};
use futures_util::future::LocalBoxFuture;
use serde::Deserialize;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::dto::{
    ContactListQuery, ContactResponse, CreateContactRequest, DeleteContactQuery, ExportFormat,
    ExportQuery, ImportResult, NetworkResponse, UpdateContactRequest, search_term,
};
use super::scripts::{OutreachScript, OutreachScriptQuery};
use super::search::SearchTurn;
use super::{export, import, service};
use crate::auth::{AuthUser, AuthUserWithConnection, authenticate_then};
use crate::error::{ApiError, ApiResult, Problem};
use crate::extract::{CsvBody, Json, JsonOrEmpty, NoFields};
use crate::pagination::{self, Page, PageQuery};
use crate::preconditions::IfMatch;
use crate::respond;
use crate::state::AppState;

pub fn configure(config: &mut ServiceConfig) {
    // The fixed paths come before `/contacts/{id}`, which would take them.
    config
        .service(list_contacts)
        .service(create_contact)
        .service(import_contacts)
        .service(export_contacts)
        .service(get_contact)
        .service(update_contact)
        .service(delete_contact)
        .service(archive_contact)
        .service(unarchive_contact)
        .service(list_referrals)
        .service(outreach_script)
        .service(get_network);
}

fn contact_response(
    status: actix_web::http::StatusCode,
    contact: super::models::Contact,
) -> HttpResponse {
    let version = contact.version;
    respond::versioned(status, version, &ContactResponse::from(contact))
}

/// List contacts
///
/// Active contacts by name unless asked otherwise. `q` searches name,
/// company, job title, field, tags and notes, ignoring case and accents.
#[utoipa::path(
    tag = "contacts",
    params(ContactListQuery),
    responses((status = 200, description = "A page of contacts", body = Page<ContactResponse>,
        headers(("Link" = String, description = "`<…>; rel=\"next\"` when another page exists")))),
    security(("bearer" = [])),
)]
#[get("/contacts")]
pub async fn list_contacts(
    state: web::Data<AppState>,
    ListCaller {
        caller: AuthUserWithConnection {
            user,
            mut connection,
        },
        turn,
    }: ListCaller,
    request: HttpRequest,
    query: web::Query<ContactListQuery>,
) -> ApiResult<HttpResponse> {
    let page = service::list(
        &mut connection,
        &state.contact_search.histogram,
        user.id,
        query.into_inner(),
    )
    .await?;
    // The turn is the database's; writing the page out needs none.
    drop(turn);
    Ok(pagination::page_response(
        &request,
        &state.settings.public_url,
        &page,
    ))
}

/// Add a contact
///
/// `employer_id` and `referred_by_contact_id` must name the caller's own
/// employer and contact.
#[utoipa::path(
    tag = "contacts",
    request_body = CreateContactRequest,
    responses(
        (status = 201, description = "The new contact", body = ContactResponse,
            headers(("Location" = String, description = "The new contact"), ("ETag" = String, description = "Its version"))),
        (status = 404, description = "`employer_id` or `referred_by_contact_id` names no employer or contact of yours (`not_found`)",
            body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The account holds 30,000 contacts already (`limit_reached`, with `limit`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/contacts")]
pub async fn create_contact(
    state: web::Data<AppState>,
    user: AuthUser,
    body: Json<CreateContactRequest>,
) -> ApiResult<HttpResponse> {
    let mut connection = state.pool.get().await?;
    let contact = service::create(&mut connection, body.0.into_new(user.0.id)).await?;
    let (path, version) = (format!("/contacts/{}", contact.id), contact.version);
    Ok(respond::created(
        &state.settings.public_url,
        &path,
        Some(version),
        &ContactResponse::from(contact),
    ))
}

/// Import contacts from CSV
///
/// The body is the file itself (`Content-Type: text/csv`, at most 5 MiB):
/// LinkedIn's `Connections.csv` as exported, or a CSV whose header names
/// contact fields (`full_name`, `email`, `phone`, `linkedin_url`,
/// `company`, `job_title`, `field`, `location`, `source`,
/// `has_hiring_power`, `tags` separated by `;`, `notes`). Rows matching a
/// contact (LinkedIn URL, then email, then name and company) update it, so
/// importing a file twice creates nothing new. A row is stored whole or
/// listed in `errors` with its line (a row past the account's 30,000
/// contacts as `limit_reached`). Rows are applied 500 at a time.
#[utoipa::path(
    tag = "contacts",
    request_body(content = String, content_type = "text/csv", description = "The CSV file"),
    responses(
        (status = 200, description = "What the import did", body = ImportResult),
        (status = 413, description = "The file is larger than 5 MiB or holds more than 30,000 rows; nothing is stored (`payload_too_large`)",
            body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not `text/csv` (`unsupported_media_type`)",
            body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The file is not UTF-8 CSV with a known header (`validation_failed`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/contacts/import")]
pub async fn import_contacts(
    state: web::Data<AppState>,
    user: AuthUser,
    body: CsvBody,
) -> ApiResult<web::Json<ImportResult>> {
    let file = web::block(move || import::parse(&body.0))
        .await
        .map_err(crate::error::ApiError::internal)??;
    Ok(web::Json(
        service::import(&state.pool, user.0.id, file).await?,
    ))
}

/// Export contacts
///
/// Every contact, archived ones included, as CSV (cells that a spreadsheet
/// would run as a formula start with `'`) or as vCard 4.0. The file is
/// written as it is read, 500 contacts at a time.
#[utoipa::path(
    tag = "contacts",
    params(ExportQuery),
    responses((status = 200, description = "The contacts as a file",
        content(
            (String = "text/csv"),
            (String = "text/vcard"),
        ),
        headers(("Content-Disposition" = String, description = "`attachment` with a file name")))),
    security(("bearer" = [])),
)]
#[get("/contacts/export")]
pub async fn export_contacts(
    state: web::Data<AppState>,
    user: AuthUser,
    query: web::Query<ExportQuery>,
) -> HttpResponse {
    let pool = state.pool.clone();
    let mut response = HttpResponse::Ok();
    let (content_type, file_name) = match query.format.unwrap_or(ExportFormat::Csv) {
        ExportFormat::Csv => ("text/csv; charset=utf-8", "contacts.csv"),
        ExportFormat::Vcard => ("text/vcard; charset=utf-8", "contacts.vcf"),
    };
    response.content_type(content_type).insert_header((
        header::CONTENT_DISPOSITION,
        format!("attachment; filename=\"{file_name}\""),
    ));
    match query.format.unwrap_or(ExportFormat::Csv) {
        ExportFormat::Csv => response.streaming(export::csv(pool, user.0.id)),
        ExportFormat::Vcard => response.streaming(export::vcards(pool, user.0.id)),
    }
}

/// Read a contact
///
/// The contact, with its version in `ETag`.
#[utoipa::path(
    tag = "contacts",
    params(("id" = Uuid, Path, description = "The contact")),
    responses((status = 200, description = "The contact", body = ContactResponse,
        headers(("ETag" = String, description = "Its version")))),
    security(("bearer" = [])),
)]
#[get("/contacts/{id}")]
pub async fn get_contact(
    AuthUserWithConnection {
        user,
        mut connection,
    }: AuthUserWithConnection,
    id: web::Path<Uuid>,
) -> ApiResult<HttpResponse> {
    let contact = service::get(&mut connection, user.id, *id).await?;
    Ok(contact_response(actix_web::http::StatusCode::OK, contact))
}

/// Change a contact
///
/// A JSON merge patch. With `If-Match`, the change applies only to that
/// version. A referral chain cannot loop.
#[utoipa::path(
    tag = "contacts",
    params(
        ("id" = Uuid, Path, description = "The contact"),
        ("If-Match" = Option<String>, Header, description = "The `ETag` the change is based on"),
    ),
    request_body(content(
        (UpdateContactRequest = "application/merge-patch+json"),
        (UpdateContactRequest = "application/json"),
    )),
    responses(
        (status = 200, description = "The changed contact", body = ContactResponse,
            headers(("ETag" = String, description = "Its new version"))),
        (status = 412, description = "`If-Match` names an older version (`precondition_failed`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[patch("/contacts/{id}")]
pub async fn update_contact(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Json<UpdateContactRequest>,
) -> ApiResult<HttpResponse> {
    let mut connection = state.pool.get().await?;
    let contact = service::update(
        &mut connection,
        user.0.id,
        *id,
        &if_match,
        body.0.into_changeset(),
    )
    .await?;
    Ok(contact_response(actix_web::http::StatusCode::OK, contact))
}

/// Delete a contact
///
/// Contacts it referred stay, with `referred_by_contact_id` cleared. A
/// contact with interviews answers 409 unless `?force=true`, which deletes
/// its interviews too.
#[utoipa::path(
    tag = "contacts",
    params(
        ("id" = Uuid, Path, description = "The contact"),
        ("If-Match" = Option<String>, Header, description = "The `ETag` the deletion is based on"),
        DeleteContactQuery,
    ),
    responses(
        (status = 204, description = "The contact is gone"),
        (status = 409, description = "The contact has interviews and `force` is not `true` (`conflict`)",
            body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "`If-Match` names an older version (`precondition_failed`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[delete("/contacts/{id}")]
pub async fn delete_contact(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    query: web::Query<DeleteContactQuery>,
) -> ApiResult<HttpResponse> {
    let mut connection = state.pool.get().await?;
    let force = query.force.unwrap_or(false);
    service::delete(&mut connection, user.0.id, *id, &if_match, force).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Archive a contact
///
/// Hides it from the default list. Idempotent; the body may be empty.
#[utoipa::path(
    tag = "contacts",
    params(("id" = Uuid, Path, description = "The contact")),
    request_body(content = Option<NoFields>, description = "Empty, or `{}`"),
    responses((status = 200, description = "The archived contact", body = ContactResponse,
        headers(("ETag" = String, description = "Its version")))),
    security(("bearer" = [])),
)]
#[post("/contacts/{id}/archive")]
pub async fn archive_contact(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    _body: JsonOrEmpty<NoFields>,
) -> ApiResult<HttpResponse> {
    let mut connection = state.pool.get().await?;
    let contact = service::set_archived(&mut connection, user.0.id, *id, true).await?;
    Ok(contact_response(actix_web::http::StatusCode::OK, contact))
}

/// Unarchive a contact
///
/// Idempotent; the body may be empty.
#[utoipa::path(
    tag = "contacts",
    params(("id" = Uuid, Path, description = "The contact")),
    request_body(content = Option<NoFields>, description = "Empty, or `{}`"),
    responses((status = 200, description = "The active contact", body = ContactResponse,
        headers(("ETag" = String, description = "Its version")))),
    security(("bearer" = [])),
)]
#[post("/contacts/{id}/unarchive")]
pub async fn unarchive_contact(
    state: web::Data<AppState>,
    user: AuthUser,
    id: web::Path<Uuid>,
    _body: JsonOrEmpty<NoFields>,
) -> ApiResult<HttpResponse> {
    let mut connection = state.pool.get().await?;
    let contact = service::set_archived(&mut connection, user.0.id, *id, false).await?;
    Ok(contact_response(actix_web::http::StatusCode::OK, contact))
}

/// List whom a contact referred
///
/// The contacts this one introduced, archived or not, by name.
#[utoipa::path(
    tag = "contacts",
    params(("id" = Uuid, Path, description = "The referring contact"), PageQuery),
    responses((status = 200, description = "A page of contacts", body = Page<ContactResponse>,
        headers(("Link" = String, description = "`<…>; rel=\"next\"` when another page exists")))),
    security(("bearer" = [])),
)]
#[get("/contacts/{id}/referrals")]
pub async fn list_referrals(
    state: web::Data<AppState>,
    AuthUserWithConnection {
        user,
        mut connection,
    }: AuthUserWithConnection,
    request: HttpRequest,
    id: web::Path<Uuid>,
    query: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let page = service::referrals(
        &mut connection,
        user.id,
        *id,
        query.cursor.as_deref(),
        query.limit,
    )
    .await?;
    Ok(pagination::page_response(
        &request,
        &state.settings.public_url,
        &page,
    ))
}

/// Write an outreach script
///
/// `phone_referral` is the classic call; `email_intro` a short email that
/// names the connection first and ends with a question. Filled with the
/// user's name and target field, the contact's name and the referrer's;
/// what could not be filled is listed.
#[utoipa::path(
    tag = "contacts",
    params(("id" = Uuid, Path, description = "The contact to reach"), OutreachScriptQuery),
    responses((status = 200, description = "The script", body = OutreachScript)),
    security(("bearer" = [])),
)]
#[get("/contacts/{id}/outreach-script")]
pub async fn outreach_script(
    AuthUserWithConnection {
        user,
        mut connection,
    }: AuthUserWithConnection,
    id: web::Path<Uuid>,
    query: web::Query<OutreachScriptQuery>,
) -> ApiResult<web::Json<OutreachScript>> {
    let script = service::outreach_script(&mut connection, &user, *id, query.template).await?;
    Ok(web::Json(script))
}

/// Read the referral network
///
/// Every contact as a node and every referral as an edge from the
/// referrer, for drawing the network. Not paged: written as it is read,
/// 500 contacts at a time.
#[utoipa::path(
    tag = "contacts",
    responses((status = 200, description = "The network", body = NetworkResponse)),
    security(("bearer" = [])),
)]
#[get("/network")]
pub async fn get_network(state: web::Data<AppState>, user: AuthUser) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .streaming(export::network(state.pool.clone(), user.0.id))
}

/// The caller of the contact list, with the connection that checked the
/// token; a search (a `q` that is not blank) first waits for its turn,
/// holding no connection while it waits (see `ContactSearch::turn`).
pub struct ListCaller {
    caller: AuthUserWithConnection,
    turn: Option<SearchTurn>,
}

impl FromRequest for ListCaller {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(request: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        #[derive(Deserialize)]
        struct Term {
            q: Option<String>,
        }
        // The handler's `Query` answers a malformed query string; here it
        // only decides whether a turn is needed.
        let searching = serde_urlencoded::from_str::<Term>(request.query_string())
            .is_ok_and(|term| search_term(term.q.as_deref()).is_some());
        let search = request
            .app_data::<web::Data<AppState>>()
            .map(|state| std::sync::Arc::clone(&state.contact_search));
        let authenticating = authenticate_then(request, async move {
            match search {
                Some(search) if searching => search.turn().await.map(Some),
                _ => Ok(None),
            }
        });
        Box::pin(async move {
            let (caller, turn) = authenticating.await?;
            Ok(Self { caller, turn })
        })
    }
}

//! `/v1/contacts` and `/v1/network`.

use actix_web::http::header;
use actix_web::{HttpResponse, delete, get, patch, post, web};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::dto::{
    ContactListQuery, ContactResponse, CreateContactRequest, DeleteContactQuery, ExportFormat,
    ExportQuery, ImportResult, NetworkResponse, UpdateContactRequest,
};
use super::scripts::{OutreachScript, OutreachScriptQuery};
use super::search::ContactSearch;
use super::{export, import, search, service};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, Problem};
use crate::expand::{self, EmployerExpansion, ExpandEmployerQuery};
use crate::extract::{CsvBody, Json, JsonOrEmpty, MergePatch, NoFields, Query};
use crate::pagination::{Page, PageQuery};
use crate::preconditions::IfMatch;
use crate::respond::Reply;
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
    contact_search: web::Data<ContactSearch>,
    caller: Caller,
    query: Query<ContactListQuery>,
) -> ApiResult<Page<ContactResponse>> {
    let page = search::page(&contact_search, caller, query.into_inner()).await?;
    Ok(page)
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
            headers(("Location" = String, description = "The new contact"))),
        (status = 404, description = "`employer_id` or `referred_by_contact_id` names no employer or contact of yours (`not_found`)",
            body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The account holds 30,000 contacts already (`limit_reached`, with `limit`); or the `id` chosen is in use (`conflict`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[post("/contacts")]
pub async fn create_contact(
    caller: Caller,
    body: Json<CreateContactRequest>,
) -> ApiResult<Reply<ContactResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let contact = service::create(&mut connection, body.0.into_new(user.id)).await?;
    let path = format!("/contacts/{}", contact.id);
    Ok(Reply::created_versioned(
        path,
        ContactResponse::from(contact),
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
    caller: Caller,
    body: CsvBody,
) -> ApiResult<web::Json<ImportResult>> {
    // The import takes a connection for each batch of rows it writes.
    let user = caller.user().await?;
    let file = web::block(move || import::parse(&body.0))
        .await
        .map_err(ApiError::internal)??;
    Ok(web::Json(
        service::import(&state.pool, user.id, file).await?,
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
    caller: Caller,
    query: Query<ExportQuery>,
) -> ApiResult<HttpResponse> {
    // The file is read in batches, each on a connection of its own.
    let user = caller.user().await?;
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
    Ok(match query.format.unwrap_or(ExportFormat::Csv) {
        ExportFormat::Csv => response.streaming(export::csv(pool, user.id)),
        ExportFormat::Vcard => response.streaming(export::vcards(pool, user.id)),
    })
}

/// Read a contact
///
/// The contact, with its version in `ETag`.
#[utoipa::path(
    tag = "contacts",
    params(("id" = Uuid, Path, description = "The contact"), ExpandEmployerQuery),
    responses((status = 200, description = "The contact", body = ContactResponse)),
    security(("bearer" = [])),
)]
#[get("/contacts/{id}")]
pub async fn get_contact(
    caller: Caller,
    id: web::Path<Uuid>,
    query: Query<ExpandEmployerQuery>,
) -> ApiResult<Reply<ContactResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let mut contact: ContactResponse = service::get(&mut connection, user.id, *id).await?.into();
    if expand::names(&query.expand, EmployerExpansion::Employer) {
        service::expand_employers(&mut connection, user.id, std::slice::from_mut(&mut contact))
            .await?;
    }
    Ok(Reply::ok(contact))
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
        (status = 200, description = "The changed contact", body = ContactResponse),
        (status = 412, description = "`If-Match` names an older version (`precondition_failed`)",
            body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = [])),
)]
#[patch("/contacts/{id}")]
pub async fn update_contact(
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: MergePatch<UpdateContactRequest>,
) -> ApiResult<Reply<ContactResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let contact = service::update(
        &mut connection,
        user.id,
        *id,
        &if_match,
        body.0.into_changeset(),
    )
    .await?;
    Ok(Reply::ok(contact.into()))
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
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    query: Query<DeleteContactQuery>,
) -> ApiResult<HttpResponse> {
    let (user, mut connection) = caller.connect().await?;
    let force = query.force.unwrap_or(false);
    service::delete(&mut connection, user.id, *id, &if_match, force).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Archive a contact
///
/// Hides it from the default list. Idempotent; the body may be empty.
#[utoipa::path(
    tag = "contacts",
    params(("id" = Uuid, Path, description = "The contact")),
    request_body(content = Option<NoFields>, description = "Empty, or `{}`"),
    responses((status = 200, description = "The archived contact", body = ContactResponse)),
    security(("bearer" = [])),
)]
#[post("/contacts/{id}/archive")]
pub async fn archive_contact(
    caller: Caller,
    id: web::Path<Uuid>,
    _body: JsonOrEmpty<NoFields>,
) -> ApiResult<Reply<ContactResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let contact = service::set_archived(&mut connection, user.id, *id, true).await?;
    Ok(Reply::ok(contact.into()))
}

/// Unarchive a contact
///
/// Idempotent; the body may be empty.
#[utoipa::path(
    tag = "contacts",
    params(("id" = Uuid, Path, description = "The contact")),
    request_body(content = Option<NoFields>, description = "Empty, or `{}`"),
    responses((status = 200, description = "The active contact", body = ContactResponse)),
    security(("bearer" = [])),
)]
#[post("/contacts/{id}/unarchive")]
pub async fn unarchive_contact(
    caller: Caller,
    id: web::Path<Uuid>,
    _body: JsonOrEmpty<NoFields>,
) -> ApiResult<Reply<ContactResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let contact = service::set_archived(&mut connection, user.id, *id, false).await?;
    Ok(Reply::ok(contact.into()))
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
    caller: Caller,
    id: web::Path<Uuid>,
    query: Query<PageQuery>,
) -> ApiResult<Page<ContactResponse>> {
    let (user, mut connection) = caller.connect().await?;
    let page = service::referrals(
        &mut connection,
        user.id,
        *id,
        query.updated_after,
        query.cursor.as_deref(),
        query.limit,
    )
    .await?;
    Ok(page)
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
    caller: Caller,
    id: web::Path<Uuid>,
    query: Query<OutreachScriptQuery>,
) -> ApiResult<web::Json<OutreachScript>> {
    let (user, mut connection) = caller.connect().await?;
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
pub async fn get_network(state: web::Data<AppState>, caller: Caller) -> ApiResult<HttpResponse> {
    let user = caller.user().await?;
    Ok(HttpResponse::Ok()
        .content_type("application/json")
        .streaming(export::network(state.pool.clone(), user.id)))
}

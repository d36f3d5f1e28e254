//! The OpenAPI 3.1 document: generated from the handlers, completed with
//! the responses every operation shares and the rules of the contract
//! (`contract`), and used to answer 405s.

pub mod contract;
mod webhooks;

use std::sync::OnceLock;

use actix_web::App;
use actix_web::dev::ResourceDef;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, OpenApi as Document, Ref, RefOr};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::AppExt;

use crate::error::{FieldError, Problem};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Rapport",
        description = "A JSON REST API for running informational interviews: target employers, \
contacts and who referred whom, outreach, interviews and their questions, and reminders that arrive. \
No string it takes or gives holds U+0000: a request with one is refused with a 422.",
        license(name = "Proprietary", identifier = "LicenseRef-Proprietary"),
        contact(name = "Rapport", email = "api@rapport.dev"),
    ),
    tags(
        (name = "auth", description = "Accounts and sessions"),
        (name = "me", description = "The signed-in account"),
        (name = "employers", description = "The target list of organisations, ranked the LAMP way"),
        (name = "contacts", description = "The professionals a user may talk to, and who referred whom"),
        (name = "interviews", description = "Informational interviews through their life: actions, warnings, questions, referrals, action items"),
        (name = "reminders", description = "Reminders made by hand or by the rules of the method"),
        (name = "webhooks", description = "Endpoints that receive events, signed per Standard Webhooks"),
        (name = "calendar", description = "A secret iCalendar feed of interviews and reminders"),
        (name = "question-sets", description = "Open-ended questions to ask: the built-in library and the user's own sets"),
        (name = "sync", description = "What changed since a client last asked, for offline-first clients"),
        (name = "operations", description = "Health, readiness and metrics"),
    ),
    // Schemas used only by query parameters are not collected from the
    // handlers; they are named here.
    components(schemas(
        Problem,
        FieldError,
        crate::employers::dto::EmployerSort,
        crate::employers::dto::EmployerStatus,
        crate::contacts::dto::ContactSort,
        crate::contacts::dto::ExportFormat,
        crate::contacts::dto::Segment,
        crate::contacts::dto::Source,
        crate::contacts::scripts::OutreachTemplate,
        crate::question_sets::dto::Scope,
        crate::interviews::transitions::Status,
        crate::reminders::dto::Kind,
        crate::reminders::dto::ReminderStatus,
        crate::expand::ContactExpansion,
        crate::expand::EmployerExpansion,
    )),
    modifiers(&BearerScheme),
)]
struct ApiDoc;

struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, document: &mut Document) {
        let components = document.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "An access token from `/v1/auth/login`, `/register` or `/refresh`",
                    ))
                    .build(),
            ),
        );
    }
}

/// The shared problem responses, defined once under `components.responses`.
const SHARED_RESPONSES: &[(&str, &str, &str)] = &[
    (
        "400",
        "BadRequest",
        "Malformed request: broken JSON or an invalid query string (`bad_request`)",
    ),
    (
        "401",
        "Unauthorized",
        "Missing, invalid, expired or revoked bearer token (`unauthorized`)",
    ),
    (
        "404",
        "NotFound",
        "No such resource, or it belongs to someone else (`not_found`)",
    ),
    (
        "408",
        "RequestTimeout",
        "The body stalled for 10 s, or arrived slower than 16 KiB a second after its first 10 s; the connection is closed (`request_timeout`)",
    ),
    (
        "413",
        "PayloadTooLarge",
        "The body is larger than 256 KiB (`payload_too_large`)",
    ),
    (
        "415",
        "UnsupportedMediaType",
        "The body is not JSON (`unsupported_media_type`)",
    ),
    (
        "422",
        "ValidationFailed",
        "A field is missing, of the wrong type, out of range or unknown; `errors` names each (`validation_failed`)",
    ),
    (
        "500",
        "InternalError",
        "An unexpected failure; the cause is logged, never sent (`internal_error`)",
    ),
    (
        "503",
        "Unavailable",
        "The database is unavailable; retry shortly (`unavailable`)",
    ),
];

fn problem_response(description: &str) -> ResponseBuilder {
    ResponseBuilder::new().description(description).content(
        "application/problem+json",
        ContentBuilder::new()
            .schema(Some(Ref::from_schema_name("Problem")))
            .build(),
    )
}

/// Adds the statuses that every operation of a kind can answer, so that no
/// handler has to repeat them and none can forget one.
fn add_shared_responses(document: &mut Document) {
    let mut used = std::collections::BTreeSet::new();
    for (path, item) in document.paths.paths.iter_mut() {
        let has_path_parameters = path.contains('{');
        let operational = !path.starts_with("/v1/");
        for operation in operations_mut(item) {
            let mut shared: Vec<&str> = Vec::new();
            if operation.request_body.is_some() {
                shared.extend(["400", "408", "413", "415", "422"]);
            }
            if has_query_parameters(operation) {
                shared.push("400");
            }
            if requires_token(operation) {
                shared.push("401");
            }
            if has_path_parameters {
                shared.push("404");
            }
            if !operational {
                shared.extend(["500", "503"]);
            }
            for status in shared {
                let name = SHARED_RESPONSES
                    .iter()
                    .find(|(code, _, _)| *code == status)
                    .map(|(_, name, _)| *name)
                    .unwrap_or_default();
                operation
                    .responses
                    .responses
                    .entry(status.to_owned())
                    .or_insert_with(|| {
                        used.insert(status);
                        RefOr::Ref(Ref::from_response_name(name))
                    });
            }
        }
    }
    let components = document.components.get_or_insert_with(Default::default);
    for (status, name, description) in SHARED_RESPONSES {
        if used.contains(status) {
            components.responses.insert(
                (*name).to_owned(),
                RefOr::T(problem_response(description).build()),
            );
        }
    }
}

/// Query strings are parsed strictly: an unknown, malformed or missing
/// parameter is a 400.
fn has_query_parameters(operation: &Operation) -> bool {
    operation
        .parameters
        .iter()
        .flatten()
        .any(|parameter| match parameter {
            RefOr::T(parameter) => parameter.parameter_in == ParameterIn::Query,
            RefOr::Ref(_) => false,
        })
}

/// Whether an operation needs a bearer token (`security: [{}]` means none).
fn requires_token(operation: &Operation) -> bool {
    operation.security.iter().flatten().any(|requirement| {
        serde_json::to_value(requirement)
            .ok()
            .and_then(|value| value.as_object().map(|schemes| !schemes.is_empty()))
            .unwrap_or(false)
    })
}

fn operations_mut(item: &mut utoipa::openapi::PathItem) -> impl Iterator<Item = &mut Operation> {
    [
        &mut item.get,
        &mut item.put,
        &mut item.post,
        &mut item.delete,
        &mut item.patch,
    ]
    .into_iter()
    .filter_map(Option::as_mut)
}

/// The complete document, built once from the same route table the server
/// mounts. Needs no database and no configuration.
pub fn document() -> &'static Document {
    static DOCUMENT: OnceLock<Document> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        let (_, mut document) = App::new()
            .into_utoipa_app()
            .openapi(ApiDoc::openapi())
            .configure(crate::startup::routes)
            .split_for_parts();
        add_shared_responses(&mut document);
        document
    })
}

/// The contract as committed in `openapi/openapi.json`: the document with
/// the rules of [`contract`] applied.
pub fn contract() -> &'static serde_json::Value {
    static CONTRACT: OnceLock<serde_json::Value> = OnceLock::new();
    CONTRACT.get_or_init(|| {
        let mut contract = serde_json::to_value(document()).expect("the document serialises");
        contract::apply(&mut contract);
        contract
    })
}

/// The contract of a service that announces `deprecations` as well.
pub fn contract_with(deprecations: &[crate::deprecation::Deprecated]) -> serde_json::Value {
    let mut contract = contract().clone();
    crate::deprecation::mark(&mut contract, deprecations);
    contract
}

/// The contract as pretty JSON, exactly as committed.
pub fn document_json() -> String {
    let mut json = serde_json::to_string_pretty(contract()).expect("the contract serialises");
    json.push('\n');
    json
}

/// The contract as `/openapi.json` serves it: `servers` names
/// `public_url`.
pub fn served(public_url: &str) -> serde_json::Value {
    let mut served = contract().clone();
    served["servers"] = contract::servers(public_url);
    served
}

/// Paths served outside the document (the document itself and its viewer).
const UNDOCUMENTED_ROUTES: &[(&str, &[&str])] = &[
    ("/openapi.json", &["GET"]),
    ("/docs", &["GET"]),
    ("/docs/{tail}*", &["GET"]),
];

/// The methods a path is served with, when the path is known at all.
pub fn allowed_methods(path: &str) -> Option<Vec<&'static str>> {
    static TABLE: OnceLock<Vec<(ResourceDef, Vec<&'static str>)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table: Vec<(ResourceDef, Vec<&'static str>)> = document()
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let methods = [
                    ("GET", item.get.is_some()),
                    ("PUT", item.put.is_some()),
                    ("POST", item.post.is_some()),
                    ("DELETE", item.delete.is_some()),
                    ("PATCH", item.patch.is_some()),
                ]
                .into_iter()
                .filter_map(|(method, present)| present.then_some(method))
                .collect();
                (ResourceDef::new(path.as_str()), methods)
            })
            .collect();
        table.extend(
            UNDOCUMENTED_ROUTES
                .iter()
                .map(|(path, methods)| (ResourceDef::new(*path), methods.to_vec())),
        );
        // `/v1/contacts/export` before `/v1/contacts/{id}`: a literal path
        // is the more specific match.
        table.sort_by_key(|(resource, _)| resource.pattern().is_some_and(|p| p.contains('{')));
        table
    });
    table
        .iter()
        .find(|(resource, _)| resource.is_match(path))
        .map(|(_, methods)| methods.clone())
}

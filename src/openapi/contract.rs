//! The rules of DESIGN §12 that code generators depend on, applied to the
//! document utoipa generates: what utoipa cannot say from the Rust types
//! (a field always present, a page that holds items of a named schema, an
//! enum that will grow) is said here once, for every schema and operation,
//! instead of by hand on each.

use std::collections::{BTreeSet, VecDeque};

use serde_json::{Map, Value, json};

/// Where the committed document says the service is; `/openapi.json` puts
/// `RAPPORT_PUBLIC_URL` in its place.
pub const DEFAULT_BASE_URL: &str = "http://127.0.0.1:8080";

/// Response fields that are left out, not sent as `null`, when they do not
/// apply: the extension members of a problem, and what `expand` adds.
const ABSENT_WHEN_NOT_APPLICABLE: &[(&str, &str)] = &[
    ("Problem", "errors"),
    ("Problem", "allowed_actions"),
    ("Problem", "limit"),
    // Sent only when the request asks for it with `expand`.
    ("ContactResponse", "employer"),
    ("InterviewResponse", "contact"),
    ("ReminderResponse", "contact"),
];

/// Sets that grow without a new `/v2`: `type: string` with the known
/// values under `x-extensible-enum`, so that generated clients accept a
/// value they do not know yet.
pub const EXTENSIBLE_ENUMS: &[&str] = &["ProblemCode", "WarningCode", "WebhookEvent"];

/// Applies every rule, in an order where each sees the schemas the one
/// before settled.
pub fn apply(document: &mut Value) {
    refer_lists_to_their_items(document);
    // `crate::error` names the actions as strings: it cannot know the
    // interviews' types without an import circle.
    document["components"]["schemas"]["Problem"]["properties"]["allowed_actions"]["items"] =
        reference("InterviewAction");
    make_optional_bodies_optional(document);
    require_fields_responses_always_have(document);
    forbid_nul_in_request_strings(document);
    mark_extensible_enums(document);
    declare_headers_every_answer_has(document);
    declare_representation_tags(document);
    declare_idempotency_keys(document);
    write_schema_examples_the_3_1_way(document);
    let examples: Value = serde_json::from_str(EXAMPLES).expect("examples.json is JSON");
    attach_examples(document, &examples);
    document["webhooks"] = super::webhooks::section(document, &examples["schemas"]);
    crate::deprecation::mark(document, crate::deprecation::DEPRECATED);
    document["servers"] = servers(DEFAULT_BASE_URL);
}

/// One realistic example of each body: `schemas` by schema name (a page of
/// `X` is made from the example of `X`), `operations` by operation id and
/// media type for bodies that are no JSON schema (CSV, iCalendar).
const EXAMPLES: &str = include_str!("../../openapi/examples.json");

/// A cursor as the service writes them, for the example pages.
const EXAMPLE_CURSOR: &str = "eyJrIjpbIkFsYW4gVHVyaW5nIiwiM2YyYTFiMGMiXX0";

/// Puts an example on every request body and every 2xx answer that has
/// a body, as OAS 3.1 `examples` on the media type (`/docs` shows them).
fn attach_examples(document: &mut Value, examples: &Value) {
    for operation in operations(document) {
        let id = operation["operationId"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        for (media_type, media) in bodies_with_examples(operation) {
            let written = &examples["operations"][&id][&media_type];
            let example = if written.is_null() {
                example_of_schema(&media["schema"], &examples["schemas"])
            } else {
                Some(written.clone())
            };
            if let Some(example) = example {
                media["examples"] = json!({ id.clone(): {"value": example} });
            }
        }
    }
}

/// The media types of an operation's request body and of its 2xx answers.
pub(super) fn bodies_with_examples(
    operation: &mut Value,
) -> impl Iterator<Item = (String, &mut Value)> {
    let Some(operation) = operation.as_object_mut() else {
        unreachable!("an operation is an object")
    };
    operation
        .iter_mut()
        .flat_map(|(part, value)| match part.as_str() {
            "requestBody" => vec![value],
            "responses" => value
                .as_object_mut()
                .into_iter()
                .flatten()
                .filter(|(status, _)| status.starts_with('2'))
                .map(|(_, response)| response)
                .collect(),
            _ => Vec::new(),
        })
        .filter_map(|body| body.get_mut("content").and_then(Value::as_object_mut))
        .flat_map(|content| {
            content
                .iter_mut()
                .map(|(kind, media)| (kind.clone(), media))
        })
}

/// The example of `$ref: X` (or of a page or whole list of `X`).
fn example_of_schema(schema: &Value, examples: &Value) -> Option<Value> {
    let name = schema["$ref"]
        .as_str()?
        .strip_prefix("#/components/schemas/")?;
    if let Some(item) = name.strip_prefix("Page_") {
        let item = examples.get(item)?;
        return Some(json!({"items": [item], "next_cursor": EXAMPLE_CURSOR}));
    }
    if let Some(item) = name.strip_prefix("WholeList_") {
        let item = examples.get(item)?;
        return Some(json!({"items": [item], "next_cursor": null}));
    }
    examples.get(name).cloned()
}

/// `Idempotency-Key` on every operation that takes one
/// (`crate::idempotency`), `Idempotent-Replayed` on each of its answers,
/// and the 409 of a key still in use.
fn declare_idempotency_keys(document: &mut Value) {
    let shared = document["components"]["responses"].clone();
    let replayed = json!({
        "description": "`true` when this is the kept answer of an earlier request with the same `Idempotency-Key`; nothing ran again",
        "schema": {"type": "string", "enum": ["true"]},
    });
    let Some(paths) = document["paths"].as_object_mut() else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        let Some(operation) = item.get_mut("post") else {
            continue;
        };
        if !crate::idempotency::takes_keys_at("POST", path) || !requires_bearer(operation) {
            continue;
        }
        add_header_parameter(
            operation,
            "Idempotency-Key",
            "1 to 255 visible ASCII characters (an RFC 8941 string in quotes is unquoted), kept 72 hours: a retry with the same key and the same request gets the first answer again instead of running; with another request it is a 422 `idempotency_key_reused`; while the first still runs, a 409 `idempotency_key_in_use`. 401, 403, 408, 429 and 5xx answers are not kept",
            json!({"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]+$"}),
        );
        let Some(responses) = operation["responses"].as_object_mut() else {
            continue;
        };
        let in_use = "A request with this `Idempotency-Key` is still running (`idempotency_key_in_use`); retry after `Retry-After`";
        match responses.get_mut("409") {
            Some(conflict) => {
                let described = conflict["description"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned();
                conflict["description"] =
                    Value::String(format!("{described}; or {}", in_use.replacen('A', "a", 1)));
                conflict["headers"]["Retry-After"] = json!({
                    "description": "Seconds to wait before trying again (`idempotency_key_in_use` only)",
                    "schema": {"type": "integer", "minimum": 0},
                });
            }
            None => {
                responses.insert(
                    "409".to_owned(),
                    json!({
                        "description": in_use,
                        "content": {"application/problem+json": {"schema": reference("Problem")}},
                        "headers": {
                            "Retry-After": {
                                "description": "Seconds to wait before trying again",
                                "schema": {"type": "integer", "minimum": 0},
                            },
                            "X-Request-Id": document_request_id(),
                        },
                    }),
                );
            }
        }
        for (status, response) in responses.iter_mut() {
            if let Some(target) = response["$ref"].as_str().map(str::to_owned) {
                let name = target.trim_start_matches("#/components/responses/");
                *response = shared[name].clone();
            }
            let kept = status
                .parse::<u16>()
                .ok()
                .and_then(|code| actix_web::http::StatusCode::from_u16(code).ok())
                .is_none_or(crate::idempotency::is_kept);
            if kept {
                response["headers"]["Idempotent-Replayed"] = replayed.clone();
            }
        }
    }
}

/// Adds an optional request header to an operation's parameters.
fn add_header_parameter(operation: &mut Value, name: &str, description: &str, schema: Value) {
    let parameters = operation
        .as_object_mut()
        .expect("an operation is an object")
        .entry("parameters")
        .or_insert_with(|| json!([]));
    if let Some(parameters) = parameters.as_array_mut() {
        parameters.push(json!({
            "name": name,
            "in": "header",
            "required": false,
            "description": description,
            "schema": schema,
        }));
    }
}

fn requires_bearer(operation: &Value) -> bool {
    operation["security"]
        .as_array()
        .is_some_and(|requirements| {
            requirements
                .iter()
                .any(|requirement| requirement.get("bearer").is_some())
        })
}

/// Operations whose answer is streamed: no length before it is sent, so no
/// tag and no 304 (`crate::representation`).
const STREAMED: &[&str] = &["get_network", "export_contacts", "get_calendar"];

/// `ETag` on every 2xx JSON answer of `/v1` that is not streamed, and on
/// each GET of them `If-None-Match` with its 304 and `Cache-Control`.
fn declare_representation_tags(document: &mut Value) {
    let etag = json!({
        "description": "`\"<version>-<h>\"` for a versioned resource, `\"<h>\"` for anything else: `h` is 16 bytes of the SHA-256 of the uncompressed body, base64url; `-gz` ends it, inside the quotes, when the body is gzip-compressed. Send it back in `If-None-Match` (a GET) or `If-Match` (a change; only its version part is compared)",
        "schema": {"type": "string"},
    });
    let cache_control = json!({
        "description": "`private, no-cache`: a cache may keep the answer for this user only, and must ask again (with `If-None-Match`) before using it",
        "schema": {"type": "string"},
    });
    let Some(paths) = document["paths"].as_object_mut() else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        if !path.starts_with("/v1/") {
            continue;
        }
        let Some(methods) = item.as_object_mut() else {
            continue;
        };
        for (method, operation) in methods.iter_mut() {
            let streamed =
                STREAMED.contains(&operation["operationId"].as_str().unwrap_or_default());
            let is_get = method == "get";
            let Some(responses) = operation["responses"].as_object_mut() else {
                continue;
            };
            let mut tagged = false;
            for (status, response) in responses.iter_mut() {
                if response.get("$ref").is_some() {
                    continue;
                }
                if is_get {
                    response["headers"]["Cache-Control"] = cache_control.clone();
                }
                let json_body = response["content"].get("application/json").is_some();
                if status.starts_with('2') && json_body && !streamed {
                    response["headers"]["ETag"] = etag.clone();
                    tagged = true;
                }
            }
            if is_get && tagged {
                responses.insert(
                    "304".to_owned(),
                    json!({
                        "description": "`If-None-Match` names the current tag: nothing has changed, and no body is sent",
                        "headers": {
                            "ETag": etag.clone(),
                            "Cache-Control": cache_control.clone(),
                            "X-Request-Id": document_request_id(),
                        },
                    }),
                );
                add_header_parameter(
                    operation,
                    "If-None-Match",
                    "A tag this answer gave before: 304 while it is still the current one (with or without `-gz`)",
                    json!({"type": "string"}),
                );
            }
        }
    }
}

/// utoipa writes a schema's example as OAS 3.0 `example`; 3.1 has JSON
/// Schema's `examples` list.
fn write_schema_examples_the_3_1_way(document: &mut Value) {
    fn walk(value: &mut Value) {
        match value {
            Value::Object(map) => {
                if let Some(example) = map.remove("example") {
                    map.insert("examples".to_owned(), json!([example]));
                }
                map.values_mut().for_each(walk);
            }
            Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    if let Some(schemas) = document["components"].get_mut("schemas") {
        walk(schemas);
    }
    for operation in operations(document) {
        let parameters = operation
            .get_mut("parameters")
            .and_then(Value::as_array_mut);
        for parameter in parameters.into_iter().flatten() {
            if let Some(schema) = parameter.get_mut("schema") {
                walk(schema);
            }
        }
    }
}

/// `servers` naming `base_url` as the default of its one variable.
pub fn servers(base_url: &str) -> Value {
    json!([{
        "url": "{base}",
        "description": "This service",
        "variables": {"base": {"default": base_url}},
    }])
}

/// `Page_X` and `WholeList_X` refer to `X` instead of copying it, so that
/// a generated client has one type for a contact, listed or not.
fn refer_lists_to_their_items(document: &mut Value) {
    let Some(schemas) = document["components"]["schemas"].as_object_mut() else {
        return;
    };
    for (name, schema) in schemas.iter_mut() {
        let item = name
            .strip_prefix("Page_")
            .or_else(|| name.strip_prefix("WholeList_"));
        if let Some(item) = item {
            schema["properties"]["items"]["items"] = reference(item);
        }
    }
}

/// A body an action may go without is `required: false` with its schema,
/// not a union of the schema with `null`; every other body is
/// `required: true`.
fn make_optional_bodies_optional(document: &mut Value) {
    for operation in operations(document) {
        let Some(content) = operation
            .get_mut("requestBody")
            .and_then(|body| body.get_mut("content"))
            .and_then(Value::as_object_mut)
        else {
            continue;
        };
        let mut optional = false;
        for media in content.values_mut() {
            if let Some(schema) = without_null(&media["schema"]) {
                media["schema"] = schema;
                optional = true;
            }
        }
        // Every other body must be sent.
        operation["requestBody"]["required"] = Value::Bool(!optional);
    }
}

/// `X` from `oneOf: [X, {type: null}]`.
fn without_null(schema: &Value) -> Option<Value> {
    let choices = schema["oneOf"].as_array()?;
    match choices.as_slice() {
        [only, null] if null == &json!({"type": "null"}) => Some(only.clone()),
        _ => None,
    }
}

/// Every field of a response body is sent, `null` or not, except those in
/// [`ABSENT_WHEN_NOT_APPLICABLE`]: each is `required`, so that a generated
/// type says `string | null`, never `string | null | undefined`.
fn require_fields_responses_always_have(document: &mut Value) {
    let names = schemas_reachable_from(document, response_schemas(document));
    let Some(schemas) = document["components"]["schemas"].as_object_mut() else {
        return;
    };
    for name in names {
        if let Some(schema) = schemas.get_mut(&name) {
            require_all_properties(&name, schema);
        }
    }
}

fn require_all_properties(name: &str, schema: &mut Value) {
    let Some(properties) = schema.get_mut("properties").and_then(Value::as_object_mut) else {
        return;
    };
    let required: Vec<Value> = properties
        .keys()
        .filter(|property| !ABSENT_WHEN_NOT_APPLICABLE.contains(&(name, property.as_str())))
        .map(|property| Value::String(property.clone()))
        .collect();
    for property in properties.values_mut() {
        if property.get("type").is_some_and(|kind| kind == "object") {
            require_all_properties("", property);
        }
    }
    schema["required"] = Value::Array(required);
}

/// No string the API takes may hold U+0000 (PostgreSQL text cannot store
/// it; `extract::parse_json` refuses it with a 422). Said by a pattern on
/// the free-text strings of the schemas only requests use, written with
/// `\x00`, which every regex engine reads (`\u0000` is refused by some).
/// Answers carry no pattern.
const NO_NUL_PATTERN: &str = "^[^\\x00]*$";

fn forbid_nul_in_request_strings(document: &mut Value) {
    let answered = schemas_reachable_from(document, response_schemas(document));
    let asked = schemas_reachable_from(document, request_schemas(document));
    let Some(schemas) = document["components"]["schemas"].as_object_mut() else {
        return;
    };
    for name in asked.difference(&answered) {
        if let Some(schema) = schemas.get_mut(name) {
            forbid_nul(schema);
        }
    }
}

fn forbid_nul(schema: &mut Value) {
    let Some(map) = schema.as_object_mut() else {
        return;
    };
    let is_string = match map.get("type") {
        Some(Value::String(kind)) => kind == "string",
        Some(Value::Array(kinds)) => kinds.iter().any(|kind| kind == "string"),
        _ => false,
    };
    let free_text = !["enum", "format", "pattern", "x-extensible-enum", "$ref"]
        .iter()
        .any(|key| map.contains_key(*key));
    if is_string && free_text {
        map.insert(
            "pattern".to_owned(),
            Value::String(NO_NUL_PATTERN.to_owned()),
        );
    }
    for key in ["properties"] {
        if let Some(Value::Object(properties)) = map.get_mut(key) {
            properties.values_mut().for_each(forbid_nul);
        }
    }
    for key in ["items", "additionalProperties"] {
        if let Some(inner) = map.get_mut(key) {
            forbid_nul(inner);
        }
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(Value::Array(choices)) = map.get_mut(key) {
            choices.iter_mut().for_each(forbid_nul);
        }
    }
}

/// The schemas the bodies of answers name, directly.
pub fn response_schemas(document: &Value) -> Vec<String> {
    let mut found = Vec::new();
    let shared = document["components"]["responses"].as_object();
    let answers = operations_of(document)
        .flat_map(|operation| operation["responses"].as_object().into_iter().flatten())
        .map(|(_, response)| response)
        .chain(shared.into_iter().flatten().map(|(_, response)| response));
    for response in answers {
        collect_references(&response["content"], &mut found);
    }
    found
}

/// The schemas request bodies name, directly.
pub fn request_schemas(document: &Value) -> Vec<String> {
    let mut found = Vec::new();
    for operation in operations_of(document) {
        collect_references(&operation["requestBody"], &mut found);
    }
    found
}

/// `names` and every schema they refer to, down to the leaves.
pub fn schemas_reachable_from(document: &Value, names: Vec<String>) -> BTreeSet<String> {
    let schemas = &document["components"]["schemas"];
    let mut seen = BTreeSet::new();
    let mut queue: VecDeque<String> = names.into();
    while let Some(name) = queue.pop_front() {
        if seen.insert(name.clone()) {
            let mut inner = Vec::new();
            collect_references(&schemas[&name], &mut inner);
            queue.extend(inner);
        }
    }
    seen
}

fn collect_references(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(target)) = map.get("$ref")
                && let Some(name) = target.strip_prefix("#/components/schemas/")
            {
                found.push(name.to_owned());
            }
            map.values()
                .for_each(|inner| collect_references(inner, found));
        }
        Value::Array(items) => items
            .iter()
            .for_each(|inner| collect_references(inner, found)),
        _ => {}
    }
}

fn mark_extensible_enums(document: &mut Value) {
    for name in EXTENSIBLE_ENUMS {
        let Some(schema) = document["components"]["schemas"]
            .get_mut(*name)
            .and_then(Value::as_object_mut)
        else {
            continue;
        };
        if let Some(values) = schema.remove("enum") {
            schema.insert("x-extensible-enum".to_owned(), values);
        }
    }
}

/// `X-Request-Id` on every answer; `Retry-After` on every 429 and 503;
/// `WWW-Authenticate` on every 401.
fn declare_headers_every_answer_has(document: &mut Value) {
    let request_id = document_request_id();
    let retry_after = json!({
        "description": "Seconds to wait before trying again",
        "schema": {"type": "integer", "minimum": 0},
    });
    let www_authenticate = json!({
        "description": "`Bearer`: the scheme the service takes",
        "schema": {"type": "string"},
    });
    let declare = |status: &str, response: &mut Value| {
        if response.get("$ref").is_some() {
            return;
        }
        let headers = response
            .as_object_mut()
            .expect("a response is an object")
            .entry("headers")
            .or_insert_with(|| Value::Object(Map::new()));
        headers["X-Request-Id"] = request_id.clone();
        if status == "503" || status == "429" {
            headers["Retry-After"] = retry_after.clone();
        }
        if status == "401" {
            headers["WWW-Authenticate"] = www_authenticate.clone();
        }
    };
    for operation in operations(document) {
        if let Some(responses) = operation["responses"].as_object_mut() {
            responses
                .iter_mut()
                .for_each(|(status, response)| declare(status, response));
        }
    }
    if let Some(shared) = document["components"]["responses"].as_object_mut() {
        for (name, response) in shared.iter_mut() {
            let status = super::SHARED_RESPONSES
                .iter()
                .find(|(_, shared_name, _)| shared_name == name)
                .map(|(status, _, _)| *status)
                .unwrap_or_default();
            declare(status, response);
        }
    }
}

fn document_request_id() -> Value {
    json!({
        "description": "The request's id, naming it in the service's logs: the client's own `X-Request-Id` when it is 1 to 128 characters of letters, digits and `-_.:/+=`, otherwise one the service made",
        "schema": {"type": "string"},
    })
}

pub(super) fn reference(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

const METHODS: &[&str] = &["get", "put", "post", "delete", "patch"];

/// Every operation of the document, to change.
pub(super) fn operations(document: &mut Value) -> impl Iterator<Item = &mut Value> {
    document["paths"]
        .as_object_mut()
        .into_iter()
        .flat_map(|paths| paths.values_mut())
        .flat_map(|item| {
            item.as_object_mut()
                .into_iter()
                .flat_map(|methods| methods.iter_mut())
                .filter(|(method, _)| METHODS.contains(&method.as_str()))
                .map(|(_, operation)| operation)
        })
}

/// Every operation of the document, to read.
pub(super) fn operations_of(document: &Value) -> impl Iterator<Item = &Value> {
    document["paths"]
        .as_object()
        .into_iter()
        .flat_map(|paths| paths.values())
        .flat_map(|item| {
            item.as_object()
                .into_iter()
                .flat_map(|methods| methods.iter())
                .filter(|(method, _)| METHODS.contains(&method.as_str()))
                .map(|(_, operation)| operation)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_object_schema_is_both_asked_for_and_answered() {
        // A schema's fields are all required when it is answered; one that a
        // request also sends would make optional request fields required.
        let document = super::super::contract();
        let answered = schemas_reachable_from(document, response_schemas(document));
        let asked = schemas_reachable_from(document, request_schemas(document));
        let both: Vec<_> = answered
            .intersection(&asked)
            .filter(|name| {
                document["components"]["schemas"][name.as_str()]["properties"].is_object()
            })
            .collect();
        assert!(both.is_empty(), "{both:?}");
    }

    #[test]
    fn every_request_body_and_success_with_a_body_has_an_example() {
        let mut document = super::super::contract().clone();
        let mut missing = Vec::new();
        for operation in operations(&mut document) {
            let id = operation["operationId"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            for (media_type, media) in bodies_with_examples(operation) {
                if media.get("examples").is_none() {
                    missing.push(format!("{id} {media_type}"));
                }
            }
        }
        assert!(missing.is_empty(), "no example for {missing:?}");
    }

    #[test]
    fn a_union_with_null_is_an_optional_body() {
        assert_eq!(
            without_null(&json!({"oneOf": [{"$ref": "#/x"}, {"type": "null"}]})),
            Some(json!({"$ref": "#/x"}))
        );
        assert_eq!(without_null(&json!({"$ref": "#/x"})), None);
    }
}

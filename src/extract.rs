//! Request extractors that answer bad input with the API's problem bodies:
//! JSON bodies (400 syntax, 413 size, 415 type, 422 fields) and query strings.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::StreamExt;
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;

use crate::error::{ApiError, FieldError};
use crate::patch::ReadOnlyFields;

/// The largest JSON body accepted (DESIGN §3).
pub const JSON_BODY_LIMIT: usize = 256 * 1024;

/// A JSON request body, deserialised strictly (unknown fields refused) and
/// validated with its `garde` rules before the handler sees it.
pub struct Json<T>(pub T);

impl<T> FromRequest for Json<T>
where
    T: DeserializeOwned + garde::Validate<Context = ()> + 'static,
{
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let read = read_json(request, payload, &[]);
        Box::pin(async move { read.await.map(Json) })
    }
}

/// A JSON merge patch (RFC 7396) of a resource, read like [`Json`] except
/// that a field the resource shows but a patch cannot change (its
/// [`ReadOnlyFields`]) is refused as read-only (422 "is read-only", `null`
/// included) rather than as unknown: the same mistake gets the same answer
/// on every resource.
pub struct MergePatch<T>(pub T);

impl<T> FromRequest for MergePatch<T>
where
    T: DeserializeOwned + garde::Validate<Context = ()> + ReadOnlyFields + 'static,
{
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let read = read_json(request, payload, T::READ_ONLY);
        Box::pin(async move { read.await.map(MergePatch) })
    }
}

/// Reads, parses and validates a JSON body, refusing the `read_only` fields.
fn read_json<T>(
    request: &HttpRequest,
    payload: &mut Payload,
    read_only: &'static [&'static str],
) -> LocalBoxFuture<'static, Result<T, ApiError>>
where
    T: DeserializeOwned + garde::Validate<Context = ()> + 'static,
{
    let checked = check_json_headers(request, JSON_BODY_LIMIT);
    let payload = payload.take();
    Box::pin(async move {
        checked?;
        let body = read_body(payload, JSON_BODY_LIMIT).await?;
        let value: T = parse_json_refusing(&body, read_only)?;
        validate(&value)?;
        Ok(value)
    })
}

fn is_json_content_type(request: &HttpRequest) -> bool {
    let Some(content_type) = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
    else {
        return false;
    };
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// Refuses a body that is not JSON (415) or announces a size over `limit` (413)
/// before a byte of it is read.
fn check_json_headers(request: &HttpRequest, limit: usize) -> Result<(), ApiError> {
    if !is_json_content_type(request) {
        return Err(ApiError::UnsupportedMediaType(
            "the request body must be JSON (Content-Type: application/json)".to_owned(),
        ));
    }
    let announced = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<usize>().ok());
    match announced {
        Some(length) if length > limit => Err(ApiError::PayloadTooLarge { limit }),
        _ => Ok(()),
    }
}

/// A started body whose next byte takes longer than this is given up (408).
pub const BODY_IDLE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);
/// After its first [`BODY_IDLE_TIMEOUT`], a body must have arrived at this
/// average rate (bytes a second) or it is given up (408): a client that
/// trickles a byte now and then cannot hold a connection and a worker.
pub const BODY_MIN_RATE: u64 = 16 * 1024;

/// Reads the whole body, refusing it as soon as it passes `limit` bytes,
/// and giving up on one that stalls or trickles (see [`BODY_IDLE_TIMEOUT`]
/// and [`BODY_MIN_RATE`]).
pub async fn read_body(mut payload: Payload, limit: usize) -> Result<web::Bytes, ApiError> {
    let started = tokio::time::Instant::now();
    let mut body = web::BytesMut::new();
    loop {
        // The next chunk must come before the body has been idle too
        // long, and before its average rate falls below the minimum.
        let received = u64::try_from(body.len()).unwrap_or(u64::MAX);
        let rate_deadline = started
            + BODY_IDLE_TIMEOUT.max(std::time::Duration::from_secs_f64(
                received as f64 / BODY_MIN_RATE as f64,
            ));
        let deadline = (tokio::time::Instant::now() + BODY_IDLE_TIMEOUT).min(rate_deadline);
        let next = tokio::time::timeout_at(deadline, payload.next())
            .await
            .map_err(|_elapsed| ApiError::RequestTimeout)?;
        let Some(chunk) = next else { break };
        let chunk = chunk
            .map_err(|_| ApiError::BadRequest("the request body could not be read".to_owned()))?;
        if body.len() + chunk.len() > limit {
            return Err(ApiError::PayloadTooLarge { limit });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

/// Parses JSON into `T`: broken syntax is a 400, well-formed JSON that does
/// not fit `T` is a 422 naming the field.
pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    parse_json_refusing(body, &[])
}

/// [`parse_json`], refusing first every top-level field named in `read_only`.
fn parse_json_refusing<T: DeserializeOwned>(
    body: &[u8],
    read_only: &[&str],
) -> Result<T, ApiError> {
    let value: serde_json::Value = serde_json::from_slice(body).map_err(|error| {
        ApiError::BadRequest(format!("the request body is not valid JSON: {error}"))
    })?;
    // Every request body of the API is an object; serde would otherwise
    // read `[]` as a struct whose fields are all optional.
    if !value.is_object() {
        return Err(ApiError::invalid("body", "must be a JSON object"));
    }
    let refused: Vec<FieldError> = read_only
        .iter()
        .filter(|field| value.get(**field).is_some())
        .map(|field| FieldError::new(*field, "is read-only"))
        .collect();
    if !refused.is_empty() {
        return Err(ApiError::Validation(refused));
    }
    let value = integral_floats_as_integers(value);
    if let Some(field) = find_nul(&value, String::new()) {
        // PostgreSQL text cannot hold NUL, and no field has a use for it.
        return Err(ApiError::invalid(
            field,
            "must not contain the NUL character",
        ));
    }
    serde_path_to_error::deserialize(value).map_err(|error| {
        let path = error.path().to_string();
        let message = strip_position(&error.into_inner().to_string());
        ApiError::Validation(vec![FieldError::new(field_of(&path, &message), message)])
    })
}

/// JSON does not tell `1` from `1.0`, and JSON Schema counts both as an
/// integer; serde does not, so integral floats become integers first.
fn integral_floats_as_integers(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Number(number) if number.is_f64() => {
            let float = number.as_f64().unwrap_or(f64::NAN);
            if float.fract() == 0.0 && float.abs() < 9.0e15 {
                Value::from(float as i64)
            } else {
                Value::Number(number)
            }
        }
        Value::Array(items) => {
            Value::Array(items.into_iter().map(integral_floats_as_integers).collect())
        }
        Value::Object(fields) => Value::Object(
            fields
                .into_iter()
                .map(|(key, item)| (key, integral_floats_as_integers(item)))
                .collect(),
        ),
        other => other,
    }
}

/// The path of the first string (or key) holding a NUL character.
fn find_nul(value: &serde_json::Value, path: String) -> Option<String> {
    let label = |path: &str| {
        if path.is_empty() {
            "body".to_owned()
        } else {
            path.to_owned()
        }
    };
    match value {
        serde_json::Value::String(text) if text.contains('\0') => Some(label(&path)),
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(index, item)| find_nul(item, format!("{path}[{index}]"))),
        serde_json::Value::Object(fields) => fields.iter().find_map(|(key, item)| {
            let child = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            if key.contains('\0') {
                Some(label(&path))
            } else {
                find_nul(item, child)
            }
        }),
        _ => None,
    }
}

/// serde reports unknown and missing fields on their parent; the field's
/// name is in the message, between backticks.
fn field_of(path: &str, message: &str) -> String {
    let named = ["unknown field `", "missing field `"]
        .iter()
        .find_map(|prefix| message.strip_prefix(prefix))
        .and_then(|rest| rest.split('`').next());
    match (named, path) {
        (Some(name), path) if path == name || path.ends_with(&format!(".{name}")) => {
            path.to_owned()
        }
        (Some(name), "." | "") => name.to_owned(),
        (Some(name), parent) => format!("{parent}.{name}"),
        (None, "." | "") => "body".to_owned(),
        (None, path) => path.to_owned(),
    }
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(index) => message[..index].to_owned(),
        None => message.to_owned(),
    }
}

/// Runs the `garde` rules of a request body; every failing field is listed.
pub fn validate<T: garde::Validate<Context = ()>>(value: &T) -> Result<(), ApiError> {
    value.validate().map_err(|report| {
        ApiError::Validation(
            report
                .iter()
                .map(|(path, error)| FieldError::new(path.to_string(), error.message()))
                .collect(),
        )
    })
}

/// Query strings are parsed strictly too: an unknown or malformed parameter
/// is a 400 problem rather than actix's plain-text answer.
pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|error, _request| invalid_query(error).into())
}

fn invalid_query(error: impl std::fmt::Display) -> ApiError {
    ApiError::BadRequest(format!("invalid query string: {error}"))
}

/// A query string, read strictly (unknown parameters refused, 400) into
/// `T`. A list field takes repeated keys (`status=a&status=b`); with
/// [`list`] it takes a comma-separated value too. A parameter given with no
/// value (`updated_after=`, `expand`) is refused too, since the parser would
/// read it as left out and answer as if the client had asked for nothing:
/// only the parameters of [`MAY_BE_EMPTY`] take one.
pub struct Query<T>(pub T);

/// The parameters for which an empty value plainly means something: the
/// text filters none (as an emptied search box sends), `cursor` the first
/// page (a client that keeps the last `next_cursor` sends it as it is).
const MAY_BE_EMPTY: &[&str] = &["q", "tag", "company", "cursor"];

/// The first parameter of `query` given without a value that needs one.
fn empty_parameter(query: &str) -> Option<&str> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .find(|(name, value)| value.is_empty() && !MAY_BE_EMPTY.contains(name))
        .map(|(name, _)| name)
}

impl<T> Query<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for Query<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned> FromRequest for Query<T> {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(request: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let query = request.query_string();
        if let Some(name) = empty_parameter(query) {
            return std::future::ready(Err(invalid_query(format_args!(
                "`{name}` has no value: give one or leave the parameter out"
            ))));
        }
        std::future::ready(
            serde_html_form::from_str(query)
                .map(Query)
                .map_err(invalid_query),
        )
    }
}

/// `deserialize_with` for an enum filter (DESIGN §9): `status=a,b` and
/// `status=a&status=b` alike, each value one of the enum's names. Declare
/// the parameter `style = Form, explode = false`.
pub fn list<'de, D, T>(deserializer: D) -> Result<Option<Vec<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    use serde::Deserialize;
    use serde::de::IntoDeserializer;
    let values = Vec::<String>::deserialize(deserializer)?;
    let items = values
        .iter()
        .flat_map(|value| value.split(','))
        .map(|item| {
            let item: serde::de::value::StrDeserializer<'_, D::Error> =
                item.trim().into_deserializer();
            T::deserialize(item)
        })
        .collect::<Result<Vec<T>, D::Error>>()?;
    Ok(Some(items))
}

/// The methods a path is served with, when the path is known at all. The
/// server passes in the route table's (`openapi::allowed_methods`, read off
/// the document that every route is in), so that the extractors need not
/// know the routes.
pub type AllowedMethods = fn(&str) -> Option<Vec<&'static str>>;

/// A malformed path segment (an id that is not a UUID) names no resource:
/// 404, unless the path is a fixed one served with other methods
/// (`PATCH /v1/contacts/export` reaches the `{id}` route): then 405.
pub fn path_config(allowed_methods: AllowedMethods) -> web::PathConfig {
    web::PathConfig::default().error_handler(move |_error, request| {
        match allowed_methods(request.path()) {
            Some(allow) if !allow.contains(&request.method().as_str()) => {
                ApiError::MethodNotAllowed { allow }.into()
            }
            _ => ApiError::NotFound.into(),
        }
    })
}

/// actix's own JSON extractor is not used, but should anything reach it, its
/// errors take the same shape.
pub fn json_config() -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(JSON_BODY_LIMIT)
        .error_handler(|error, _request| ApiError::BadRequest(error.to_string()).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Sample {
        #[allow(dead_code)]
        name: String,
        count: u8,
    }

    fn field_errors(body: &str) -> Vec<FieldError> {
        match parse_json::<Sample>(body.as_bytes()) {
            Err(ApiError::Validation(errors)) => errors,
            other => panic!("expected a 422, got {other:?}"),
        }
    }

    #[test]
    fn a_parameter_without_a_value_is_named_unless_it_is_free_text() {
        assert_eq!(
            empty_parameter("limit=5&updated_after="),
            Some("updated_after")
        );
        assert_eq!(empty_parameter("expand"), Some("expand"));
        assert_eq!(empty_parameter("q=&tag=&company=&cursor=&limit=5"), None);
        assert_eq!(empty_parameter("status=a,b&&status=c"), None);
        assert_eq!(empty_parameter(""), None);
    }

    #[test]
    fn unknown_missing_and_mistyped_fields_are_named() {
        assert_eq!(
            field_errors(r#"{"name":"a","count":1,"x":1}"#)[0].field,
            "x"
        );
        assert_eq!(field_errors(r#"{"name":"a"}"#)[0].field, "count");
        assert_eq!(
            field_errors(r#"{"name":"a","count":"many"}"#)[0].field,
            "count"
        );
        assert_eq!(
            field_errors(r#"{"name":"a","count":300}"#)[0].field,
            "count"
        );
        assert_eq!(field_errors("[]")[0].field, "body");
        assert_eq!(
            field_errors(r#"{"name":"a\u0000b","count":1}"#)[0].field,
            "name"
        );
        assert_eq!(
            field_errors(r#"{"name":"a","count":1.5}"#)[0].field,
            "count"
        );
    }

    #[test]
    fn integral_floats_count_as_integers() {
        let sample: Sample = parse_json(br#"{"name":"a","count":3.0}"#).expect("accepted");
        assert_eq!(sample.count, 3);
    }

    #[test]
    fn broken_syntax_is_a_bad_request() {
        for body in [
            "{",
            "",
            "{\"name\":}",
            "{\"name\":\"a\",\"count\":1} trailing",
        ] {
            assert!(
                matches!(
                    parse_json::<Sample>(body.as_bytes()),
                    Err(ApiError::BadRequest(_))
                ),
                "{body}"
            );
        }
    }
}

/// The largest CSV file accepted (DESIGN §3).
pub const CSV_LIMIT: usize = 5 * 1024 * 1024;

/// A CSV upload (`Content-Type: text/csv`) of at most [`CSV_LIMIT`] bytes.
pub struct CsvBody(pub web::Bytes);

impl FromRequest for CsvBody {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = CSV_LIMIT;
        let essence = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split(';').next())
            .map(|value| value.trim().to_ascii_lowercase());
        let announced = request
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.parse::<usize>().ok());
        let payload = payload.take();
        Box::pin(async move {
            if essence.as_deref() != Some("text/csv") {
                return Err(ApiError::UnsupportedMediaType(
                    "the upload must be a CSV file (Content-Type: text/csv)".to_owned(),
                ));
            }
            if announced.is_some_and(|length| length > limit) {
                return Err(ApiError::PayloadTooLarge { limit });
            }
            Ok(CsvBody(read_body(payload, limit).await?))
        })
    }
}

/// The body of a POST that may be empty or `null` (read as `{}`); a body
/// that is there must be JSON, as for [`Json`].
pub struct JsonOrEmpty<T>(pub T);

impl<T> FromRequest for JsonOrEmpty<T>
where
    T: DeserializeOwned + Default + garde::Validate<Context = ()> + 'static,
{
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let checked = check_json_headers(request, JSON_BODY_LIMIT);
        let json_content_type = is_json_content_type(request);
        let payload = payload.take();
        Box::pin(async move {
            let body = read_body(payload, JSON_BODY_LIMIT).await?;
            if body.is_empty() {
                return Ok(JsonOrEmpty(T::default()));
            }
            if !json_content_type {
                checked?;
            }
            let value: T = parse_json(&body)?;
            validate(&value)?;
            Ok(JsonOrEmpty(value))
        })
    }
}

/// A body with no fields, for actions that take none.
#[derive(Debug, Default, serde::Deserialize, utoipa::ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct NoFields {}

//! The one error type of the API and its RFC 9457 problem+json form.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

/// A field that failed validation, as listed in a 422 problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldError {
    /// The field's path in the request, e.g. `email` or `tags[2]`.
    pub field: String,
    /// What is wrong with it, in words a person can act on.
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// An RFC 9457 problem details body (`application/problem+json`).
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem (`urn:rapport:problem:<code>`).
    #[serde(rename = "type")]
    pub problem_type: String,
    /// A short summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong with this request.
    pub detail: String,
    /// A stable, machine-readable code, e.g. `validation_failed`.
    #[schema(value_type = ProblemCode)]
    pub code: String,
    /// The fields that failed validation (422 only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Vec<FieldError>)]
    pub errors: Option<Vec<FieldError>>,
    /// The actions the resource allows now (409 on an interview action only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Vec<String>)]
    pub allowed_actions: Option<Vec<String>>,
    /// The cap that was reached (409 `limit_reached` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = crate::limits::Cap)]
    pub limit: Option<crate::limits::Cap>,
}

/// Every `code` a problem can carry, in the order of [`ApiError::code`]. More
/// may come; a client treats one it does not know by its status.
pub const PROBLEM_CODES: &[&str] = &[
    "bad_request",
    "validation_failed",
    "sync_token_expired",
    "unauthorized",
    "forbidden",
    "reauthentication_required",
    "not_found",
    "method_not_allowed",
    "conflict",
    "email_taken",
    "invalid_transition",
    "limit_reached",
    "precondition_failed",
    "request_timeout",
    "payload_too_large",
    "unsupported_media_type",
    "rate_limited",
    "idempotency_key_reused",
    "idempotency_key_in_use",
    "unavailable",
    "internal_error",
];

/// The schema of a problem's `code`: [`PROBLEM_CODES`].
pub struct ProblemCode;

impl utoipa::PartialSchema for ProblemCode {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .description(Some(
                "What went wrong, for a program to act on; more codes may come",
            ))
            .enum_values(Some(PROBLEM_CODES.iter().copied()))
            .into()
    }
}

impl ToSchema for ProblemCode {}

/// Every way a request can fail. Each variant maps to one status and code;
/// nothing is turned into a 500 without being named.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("one or more fields are invalid")]
    Validation(Vec<FieldError>),
    /// A query parameter this service cannot use (a sync token of another
    /// account): 400, listed like a field.
    #[error("`{field}` {message}")]
    InvalidParameter {
        field: &'static str,
        message: &'static str,
    },
    /// A sync token older than the deletions kept (DESIGN §9).
    #[error("the sync token is older than the changes kept; sync again without `since`")]
    SyncTokenExpired,
    #[error("{0}")]
    Unauthorized(&'static str),
    #[error("{0}")]
    Forbidden(String),
    /// The operation needs a password check within the last 5 minutes.
    #[error("sign in again (within the last 5 minutes) to do this")]
    ReauthenticationRequired,
    #[error("the resource does not exist")]
    NotFound,
    /// An `Idempotency-Key` sent before with another request.
    #[error("the idempotency key was used with another request")]
    KeyReused(Vec<FieldError>),
    /// The first request with this `Idempotency-Key` is still running.
    #[error("a request with this idempotency key is still running; retry in a second")]
    KeyInUse,
    /// A field of the body names a resource the caller does not have.
    #[error("`{field}` {message}")]
    MissingReference {
        field: &'static str,
        message: &'static str,
    },
    #[error("this method is not allowed on this resource")]
    MethodNotAllowed { allow: Vec<&'static str> },
    #[error("{detail}")]
    Conflict { code: &'static str, detail: String },
    /// An interview action its current status does not allow.
    #[error("`{action}` is not allowed while the interview is {status}")]
    InvalidTransition {
        action: &'static str,
        status: &'static str,
        allowed: Vec<&'static str>,
    },
    /// A cap of DESIGN §8 would be passed.
    #[error("the account holds the most {} it may ({})", .0.name, .0.max)]
    LimitReached(crate::limits::Cap),
    #[error("the resource has changed since it was read; fetch it again")]
    PreconditionFailed,
    /// A body that stalled or arrived too slowly; the connection is closed.
    #[error("the request body arrived too slowly")]
    RequestTimeout,
    #[error("the request body is larger than {limit} bytes")]
    PayloadTooLarge { limit: usize },
    /// An import with more data rows than it may hold.
    #[error("the file holds more than {max} rows")]
    TooManyRows { max: usize },
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("too many attempts; try again in {retry_after_secs} seconds")]
    RateLimited { retry_after_secs: u64 },
    #[error("the database is unavailable; try again shortly")]
    Unavailable,
    /// An unexpected failure. The cause is logged once, never sent.
    #[error("an unexpected error occurred")]
    Internal(String),
}

impl ApiError {
    /// A 422 for one field.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Validation(vec![FieldError::new(field, message)])
    }

    /// An unexpected failure whose cause goes to the log only.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        Self::Internal(cause.to_string())
    }

    /// The stable machine-readable code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            Self::BadRequest(_) => "bad_request",
            Self::Validation(_) | Self::InvalidParameter { .. } => "validation_failed",
            Self::SyncTokenExpired => "sync_token_expired",
            Self::KeyReused(_) => "idempotency_key_reused",
            Self::KeyInUse => "idempotency_key_in_use",
            Self::Unauthorized(_) => "unauthorized",
            Self::Forbidden(_) => "forbidden",
            Self::ReauthenticationRequired => "reauthentication_required",
            Self::NotFound | Self::MissingReference { .. } => "not_found",
            Self::MethodNotAllowed { .. } => "method_not_allowed",
            Self::Conflict { code, .. } => code,
            Self::InvalidTransition { .. } => "invalid_transition",
            Self::LimitReached(_) => "limit_reached",
            Self::PreconditionFailed => "precondition_failed",
            Self::RequestTimeout => "request_timeout",
            Self::PayloadTooLarge { .. } | Self::TooManyRows { .. } => "payload_too_large",
            Self::UnsupportedMediaType(_) => "unsupported_media_type",
            Self::RateLimited { .. } => "rate_limited",
            Self::Unavailable => "unavailable",
            Self::Internal(_) => "internal_error",
        }
    }

    fn title(&self) -> &'static str {
        match self {
            Self::BadRequest(_) => "Malformed request",
            Self::Validation(_) => "Invalid fields",
            Self::InvalidParameter { .. } => "Invalid parameter",
            Self::SyncTokenExpired => "Sync token expired",
            Self::KeyReused(_) => "Idempotency key reused",
            Self::KeyInUse => "Idempotency key in use",
            Self::Unauthorized(_) => "Authentication required",
            Self::Forbidden(_) => "Forbidden",
            Self::ReauthenticationRequired => "Fresh sign-in required",
            Self::NotFound | Self::MissingReference { .. } => "Not found",
            Self::MethodNotAllowed { .. } => "Method not allowed",
            Self::Conflict { .. } => "Conflict",
            Self::InvalidTransition { .. } => "Action not allowed now",
            Self::LimitReached(_) => "Limit reached",
            Self::PreconditionFailed => "Precondition failed",
            Self::RequestTimeout => "Request timeout",
            Self::PayloadTooLarge { .. } | Self::TooManyRows { .. } => "Request body too large",
            Self::UnsupportedMediaType(_) => "Unsupported media type",
            Self::RateLimited { .. } => "Too many requests",
            Self::Unavailable => "Service unavailable",
            Self::Internal(_) => "Internal server error",
        }
    }

    /// The problem body for this error. Details may quote the request
    /// (an unknown parameter's name); NUL never goes back out.
    pub fn problem(&self) -> Problem {
        let code = self.code();
        let clean = |text: &str| text.replace('\0', "\u{fffd}");
        Problem {
            problem_type: format!("urn:rapport:problem:{code}"),
            title: self.title().to_owned(),
            status: self.status_code().as_u16(),
            detail: clean(&self.to_string()),
            code: code.to_owned(),
            errors: match self {
                Self::Validation(errors) | Self::KeyReused(errors) => Some(
                    errors
                        .iter()
                        .map(|error| FieldError::new(clean(&error.field), clean(&error.message)))
                        .collect(),
                ),
                Self::InvalidParameter { field, message } => {
                    Some(vec![FieldError::new(*field, *message)])
                }
                _ => None,
            },
            allowed_actions: match self {
                Self::InvalidTransition { allowed, .. } => {
                    Some(allowed.iter().map(|action| (*action).to_owned()).collect())
                }
                _ => None,
            },
            limit: match self {
                Self::LimitReached(cap) => Some(*cap),
                _ => None,
            },
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::BadRequest(_) | Self::InvalidParameter { .. } => StatusCode::BAD_REQUEST,
            Self::SyncTokenExpired => StatusCode::GONE,
            Self::Validation(_) | Self::KeyReused(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::KeyInUse => StatusCode::CONFLICT,
            Self::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            Self::Forbidden(_) | Self::ReauthenticationRequired => StatusCode::FORBIDDEN,
            Self::NotFound | Self::MissingReference { .. } => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            Self::Conflict { .. } | Self::InvalidTransition { .. } | Self::LimitReached(_) => {
                StatusCode::CONFLICT
            }
            Self::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
            Self::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            Self::PayloadTooLarge { .. } | Self::TooManyRows { .. } => {
                StatusCode::PAYLOAD_TOO_LARGE
            }
            Self::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let Self::Internal(cause) = self {
            tracing::error!(error.cause = %cause, "request failed unexpectedly");
        }
        let mut response = HttpResponse::build(self.status_code());
        response.insert_header((
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        ));
        match self {
            Self::Unauthorized(_) => {
                response.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
            }
            Self::RateLimited { retry_after_secs } => {
                response.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
            }
            Self::MethodNotAllowed { allow } => {
                response.insert_header((header::ALLOW, allow.join(", ")));
            }
            Self::Unavailable => {
                response.insert_header((header::RETRY_AFTER, "5"));
            }
            Self::KeyInUse => {
                response.insert_header((header::RETRY_AFTER, "1"));
            }
            // The rest of a trickled body is not waited for.
            Self::RequestTimeout => {
                response.force_close();
            }
            _ => {}
        }
        let body = serde_json::to_vec(&self.problem()).unwrap_or_default();
        response.body(body)
    }
}

impl From<diesel::result::Error> for ApiError {
    /// Database errors that carry meaning for the client keep it; everything
    /// else is a 500 whose cause is logged.
    fn from(error: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match error {
            Error::NotFound => Self::NotFound,
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => Self::Conflict {
                code: "conflict",
                detail: "a resource with the same unique value already exists".to_owned(),
            },
            // A linked row vanished between the check and the write.
            Error::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, _) => Self::Conflict {
                code: "conflict",
                detail: "a linked resource no longer exists; reload and try again".to_owned(),
            },
            // The database keeps the caps per user.
            Error::DatabaseError(DatabaseErrorKind::CheckViolation, ref info)
                if let Some(cap) = info
                    .constraint_name()
                    .and_then(crate::limits::of_constraint) =>
            {
                Self::LimitReached(cap)
            }
            // Validation mirrors the CHECK constraints; this is the backstop.
            Error::DatabaseError(DatabaseErrorKind::CheckViolation, _) => {
                Self::invalid("body", "a value is outside what the service accepts")
            }
            // Two transactions waited on each other, or a serializable one
            // lost: nothing was changed, and the same request again succeeds.
            Error::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => Self::Unavailable,
            Error::DatabaseError(DatabaseErrorKind::Unknown, ref info)
                if info.message().contains("deadlock detected") =>
            {
                Self::Unavailable
            }
            // The connection broke under the query (the server went away);
            // the pool discards it and the next request gets a fresh one.
            Error::DatabaseError(
                DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
                _,
            ) => Self::Unavailable,
            Error::DatabaseError(DatabaseErrorKind::Unknown, ref info)
                if info.message().contains("statement timeout")
                    || info.message().contains("canceling statement") =>
            {
                Self::Unavailable
            }
            other => Self::internal(format!("database error: {other}")),
        }
    }
}

impl From<crate::db::PoolError> for ApiError {
    fn from(error: crate::db::PoolError) -> Self {
        tracing::warn!(error = %error, "no database connection available");
        Self::Unavailable
    }
}

/// The result type of every handler and service function.
pub type ApiResult<T> = Result<T, ApiError>;

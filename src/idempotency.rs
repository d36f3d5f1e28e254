//! Idempotency keys (DESIGN §9): a client that did not get the answer to a
//! POST sends it again with the same `Idempotency-Key` and gets the answer
//! the first one had, instead of a second effect.
//!
//! The first request with a key claims it (a transaction of its own, the
//! claim lapsing after 60 s). Its handler then runs inside a transaction
//! this middleware opens on the connection it lends (`db::ConnectionSlot`),
//! and the answer is written in that same transaction before it commits:
//! the effect is never kept without its answer, even when the replica dies
//! in between. A claim that lapsed without an answer is taken over.
//!
//! The few handlers that do their work on connections of their own (a
//! password change, an import, a ping) are lent none: their answer is
//! kept after they ran, in a transaction of its own.

use std::time::Duration;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpResponse, ResponseError, web};
use chrono::Utc;
use diesel::prelude::*;
use diesel_async::pooled_connection::deadpool::PoolError;
use diesel_async::{AnsiTransactionManager, AsyncPgConnection, RunQueryDsl, TransactionManager};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::auth::jwt::JwtKeys;
use crate::db::ConnectionSlot;
use crate::error::{ApiError, FieldError};
use crate::schema::idempotency_keys;
use crate::state::AppState;

pub const IDEMPOTENCY_KEY: HeaderName = HeaderName::from_static("idempotency-key");
pub const IDEMPOTENT_REPLAYED: HeaderName = HeaderName::from_static("idempotent-replayed");

/// How long a running request holds its key before a retry may take over.
const CLAIM: chrono::Duration = chrono::Duration::seconds(60);
/// How long keys and their answers are kept: an offline weekend.
pub const KEPT_FOR: chrono::Duration = chrono::Duration::hours(72);

/// Whether `Idempotency-Key` is taken on a route: every POST under `/v1`
/// but sign-in and the creates that show a secret once (a replay would
/// show it again). The same for a path and for its route template.
pub fn takes_keys_at(method: &str, path: &str) -> bool {
    method.eq_ignore_ascii_case("POST")
        && path.starts_with("/v1/")
        && !path.starts_with("/v1/auth/")
        && path != "/v1/webhooks"
        && path != "/v1/calendar/feed"
}

/// The routes whose handlers give the request's connection back before
/// their work and do it on connections of their own (hashing a password,
/// importing a file in batches, sending a ping). Lending them a
/// connection inside a transaction would make each hold two at once, and
/// as many of them as the pool has connections would wait for each other:
/// their answer is kept after they ran, in a transaction of its own.
fn works_on_its_own_connections(path: &str) -> bool {
    path == "/v1/contacts/import"
        || path == "/v1/me/password"
        || (path.starts_with("/v1/webhooks/") && path.ends_with("/ping"))
}

fn takes_keys(request: &ServiceRequest) -> bool {
    takes_keys_at(request.method().as_str(), request.path())
        && request.headers().contains_key(header::AUTHORIZATION)
}

/// The key a request sends: 1–255 visible ASCII characters, an RFC 8941
/// string in quotes unquoted first; anything else is a 400.
fn key_of(request: &ServiceRequest) -> Result<Option<String>, ApiError> {
    let Some(value) = request.headers().get(&IDEMPOTENCY_KEY) else {
        return Ok(None);
    };
    let malformed = || {
        ApiError::BadRequest(
            "`Idempotency-Key` must be 1 to 255 visible ASCII characters".to_owned(),
        )
    };
    let text = value.to_str().map_err(|_| malformed())?;
    let key = match text
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
    {
        Some(quoted) => quoted,
        None => text,
    };
    let visible = key.bytes().all(|byte| (0x21..=0x7e).contains(&byte));
    if key.is_empty() || key.len() > 255 || !visible {
        return Err(malformed());
    }
    Ok(Some(key.to_owned()))
}

/// SHA-256 of the method, the path with its raw query, and the body.
fn fingerprint(request: &ServiceRequest, body: &[u8]) -> Vec<u8> {
    let mut hash = Sha256::new();
    hash.update(request.method().as_str());
    hash.update(b"\n");
    hash.update(
        request
            .uri()
            .path_and_query()
            .map_or("", |path| path.as_str()),
    );
    hash.update(b"\n");
    hash.update(body);
    hash.finalize().to_vec()
}

/// Whether an answer is kept for the key: not a refusal of who is asking,
/// a timeout, a rate limit or a failure of the service (a retry runs
/// again).
pub fn is_kept(status: StatusCode) -> bool {
    !(matches!(status.as_u16(), 401 | 403 | 408 | 429) || status.is_server_error())
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = idempotency_keys, check_for_backend(diesel::pg::Pg))]
struct Kept {
    fingerprint: Vec<u8>,
    claimed_until: chrono::DateTime<Utc>,
    status: Option<i16>,
    content_type: Option<String>,
    location: Option<String>,
    etag: Option<String>,
    body: Option<Vec<u8>>,
}

/// What the claim found.
enum Claim {
    /// This request runs, holding the key until then.
    Ours(chrono::DateTime<Utc>),
    Replay(Kept),
    Reused,
    InUse,
}

async fn claim(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    key: &str,
    print: &[u8],
) -> QueryResult<Claim> {
    let until = Utc::now() + CLAIM;
    let inserted = diesel::insert_into(idempotency_keys::table)
        .values((
            idempotency_keys::user_id.eq(user_id),
            idempotency_keys::key.eq(key),
            idempotency_keys::fingerprint.eq(print),
            idempotency_keys::claimed_until.eq(until),
        ))
        .on_conflict_do_nothing()
        .execute(connection)
        .await?;
    if inserted == 1 {
        return Ok(Claim::Ours(until));
    }
    let this = idempotency_keys::table
        .filter(idempotency_keys::user_id.eq(user_id))
        .filter(idempotency_keys::key.eq(key));
    let Some(kept) = this
        .select(Kept::as_select())
        .first(connection)
        .await
        .optional()?
    else {
        // Forgotten in between: the key is free again.
        return Box::pin(claim(connection, user_id, key, print)).await;
    };
    if kept.status.is_none() && kept.claimed_until > Utc::now() {
        return Ok(Claim::InUse);
    }
    if kept.fingerprint != print {
        return Ok(Claim::Reused);
    }
    if kept.status.is_some() {
        return Ok(Claim::Replay(kept));
    }
    // The request that claimed it is gone without an answer: take over,
    // unless another retry took over first.
    let taken = diesel::update(this.filter(idempotency_keys::claimed_until.eq(kept.claimed_until)))
        .set(idempotency_keys::claimed_until.eq(until))
        .execute(connection)
        .await?;
    Ok(if taken == 1 {
        Claim::Ours(until)
    } else {
        Claim::InUse
    })
}

fn replay(kept: Kept) -> HttpResponse {
    let status = kept
        .status
        .and_then(|status| u16::try_from(status).ok())
        .and_then(|status| StatusCode::from_u16(status).ok())
        .unwrap_or(StatusCode::OK);
    let mut response = HttpResponse::build(status);
    response.insert_header((IDEMPOTENT_REPLAYED, "true"));
    for (name, value) in [
        (header::CONTENT_TYPE, kept.content_type),
        (header::LOCATION, kept.location),
        (header::ETAG, kept.etag),
    ] {
        if let Some(value) = value.and_then(|value| HeaderValue::try_from(value).ok()) {
            response.insert_header((name, value));
        }
    }
    response.body(kept.body.unwrap_or_default())
}

fn problem(request: ServiceRequest, error: ApiError) -> ServiceResponse<BoxBody> {
    let response = error.error_response();
    request.into_response(response)
}

pub async fn keep_answers(
    mut request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    if !takes_keys(&request) || !request.headers().contains_key(&IDEMPOTENCY_KEY) {
        return Ok(next.call(request).await?.map_into_boxed_body());
    }
    // Authentication comes first: a request whose token fails is answered
    // by its handler (401), and nothing is claimed.
    let keys = request.app_data::<web::Data<JwtKeys>>().cloned();
    let state = request.app_data::<web::Data<AppState>>().cloned();
    let claims = crate::auth::extractor::bearer_token(request.request())
        .zip(keys)
        .and_then(|(token, keys)| keys.verify(&token));
    let (Some(claims), Some(state)) = (claims, state) else {
        return Ok(next.call(request).await?.map_into_boxed_body());
    };
    let mut connection = match state.pool.get().await {
        Ok(connection) => connection,
        Err(error) => return Ok(problem(request, ApiError::from(error))),
    };
    let current = crate::auth::repo::find_user(&mut connection, claims.sub)
        .await
        .map(|user| user.is_some_and(|user| user.token_version == claims.ver));
    match current {
        Ok(true) => {}
        Ok(false) => {
            drop(connection);
            return Ok(next.call(request).await?.map_into_boxed_body());
        }
        Err(error) => return Ok(problem(request, error.into())),
    }
    let key = match key_of(&request) {
        Ok(Some(key)) => key,
        Ok(None) => {
            drop(connection);
            return Ok(next.call(request).await?.map_into_boxed_body());
        }
        Err(error) => return Ok(problem(request, error)),
    };
    let limit = if request.path() == "/v1/contacts/import" {
        crate::extract::CSV_LIMIT
    } else {
        crate::extract::JSON_BODY_LIMIT
    };
    let body = match crate::extract::read_body(request.take_payload(), limit).await {
        Ok(body) => body,
        Err(error) => return Ok(problem(request, error)),
    };
    let print = fingerprint(&request, &body);
    request.set_payload(payload_of(body));

    let claimed_until = match claim(&mut connection, claims.sub, &key, &print).await {
        Ok(Claim::Ours(until)) => until,
        Ok(Claim::Replay(kept)) => return Ok(request.into_response(replay(kept))),
        Ok(Claim::Reused) => {
            return Ok(problem(
                request,
                ApiError::KeyReused(vec![FieldError::new(
                    "Idempotency-Key",
                    "was used with another request; use a new key for a new request",
                )]),
            ));
        }
        Ok(Claim::InUse) => return Ok(problem(request, ApiError::KeyInUse)),
        Err(error) => return Ok(problem(request, error.into())),
    };
    let ours = Ours {
        pool: state.pool.clone(),
        user_id: claims.sub,
        key,
        claimed_until,
    };
    if works_on_its_own_connections(request.path()) {
        drop(connection);
        return ours.keep_after(next.call(request).await).await;
    }

    // The transaction that keeps the answer, and inside it a savepoint for
    // the handler: an answer that reports a failure is kept without what
    // the failed request wrote, even after an error that aborted its
    // statements.
    let mut began = AnsiTransactionManager::begin_transaction(&mut *connection).await;
    if began.is_ok() {
        began = AnsiTransactionManager::begin_transaction(&mut *connection).await;
    }
    if let Err(error) = began {
        ours.give_up(connection).await;
        return Ok(problem(request, error.into()));
    }
    let slot = ConnectionSlot::default();
    slot.lend(connection);
    request.extensions_mut().insert(slot.clone());
    let answered = next.call(request).await;
    let Some(mut connection) = slot.take() else {
        // The connection did not come back: its transaction is lost, and
        // with it the handler's effect. The client must not be told
        // otherwise.
        ours.forget().await;
        return match answered {
            Ok(response) => {
                let (request, _) = response.into_parts();
                let error = ApiError::internal("a lent connection was not given back");
                Ok(ServiceResponse::new(request, error.error_response()))
            }
            Err(failure) => Err(failure),
        };
    };
    let response = match answered {
        Ok(response) => response.map_into_boxed_body(),
        Err(failure) => {
            ours.give_up(connection).await;
            return Err(failure);
        }
    };
    let status = response.status();
    if !is_kept(status) {
        ours.give_up(connection).await;
        return Ok(response);
    }
    let (request, answer) = response.into_parts();
    let (head, body) = answer.into_parts();
    let Ok(body) = actix_web::body::to_bytes(body).await else {
        ours.give_up(connection).await;
        let error = ApiError::internal("an answer's body could not be read");
        return Ok(ServiceResponse::new(request, error.error_response()));
    };
    let handler_done = if status.is_success() {
        AnsiTransactionManager::commit_transaction(&mut *connection).await
    } else {
        AnsiTransactionManager::rollback_transaction(&mut *connection).await
    };
    let answer = Answer::of(status, &head, &body);
    let kept = match handler_done {
        Ok(()) => ours.keep(&mut connection, &answer).await,
        Err(error) => Err(error),
    };
    let committed = match kept {
        Ok(true) => AnsiTransactionManager::commit_transaction(&mut *connection).await,
        // A retry took over a claim that lapsed: its answer stands.
        Ok(false) => Err(diesel::result::Error::RollbackTransaction),
        Err(error) => Err(error),
    };
    if let Err(error) = committed {
        // The effect goes with its answer: neither is kept, and the client
        // is told to retry.
        tracing::warn!(%error, "an answer could not be kept with its effect");
        ours.give_up(connection).await;
        return Ok(ServiceResponse::new(
            request,
            ApiError::Unavailable.error_response(),
        ));
    }
    Ok(ServiceResponse::new(
        request,
        head.set_body(BoxBody::new(body)),
    ))
}

/// What is kept of an answer.
struct Answer<'a> {
    status: StatusCode,
    content_type: Option<String>,
    location: Option<String>,
    etag: Option<String>,
    body: &'a [u8],
}

impl<'a> Answer<'a> {
    /// What is kept of an answer with `head` and `body`.
    fn of<B>(status: StatusCode, head: &HttpResponse<B>, body: &'a [u8]) -> Self {
        let text = |name: HeaderName| {
            head.headers()
                .get(name)
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned)
        };
        Self {
            status,
            content_type: text(header::CONTENT_TYPE),
            location: text(header::LOCATION),
            etag: text(header::ETAG),
            body,
        }
    }
}

/// A key this request holds: its claim, until `claimed_until` (a retry may
/// take over once it lapses, and every write here checks it is still so).
struct Ours {
    pool: crate::db::Pool,
    user_id: Uuid,
    key: String,
    claimed_until: chrono::DateTime<Utc>,
}

impl Ours {
    /// Writes the answer; `false` when the claim is no longer this
    /// request's.
    async fn keep(
        &self,
        connection: &mut AsyncPgConnection,
        answer: &Answer<'_>,
    ) -> QueryResult<bool> {
        let updated = diesel::update(
            idempotency_keys::table
                .filter(idempotency_keys::user_id.eq(self.user_id))
                .filter(idempotency_keys::key.eq(&self.key))
                .filter(idempotency_keys::status.is_null())
                .filter(idempotency_keys::claimed_until.eq(self.claimed_until)),
        )
        .set((
            idempotency_keys::status.eq(i16::try_from(answer.status.as_u16()).unwrap_or_default()),
            idempotency_keys::content_type.eq(&answer.content_type),
            idempotency_keys::location.eq(&answer.location),
            idempotency_keys::etag.eq(&answer.etag),
            idempotency_keys::body.eq(answer.body),
        ))
        .execute(connection)
        .await?;
        Ok(updated == 1)
    }

    /// Keeps the answer of a handler that ran on connections of its own,
    /// in a transaction of its own.
    async fn keep_after(
        self,
        answered: Result<ServiceResponse<impl MessageBody + 'static>, actix_web::Error>,
    ) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
        let response = match answered {
            Ok(response) => response.map_into_boxed_body(),
            Err(failure) => {
                self.forget().await;
                return Err(failure);
            }
        };
        let status = response.status();
        if !is_kept(status) {
            self.forget().await;
            return Ok(response);
        }
        let (request, answer) = response.into_parts();
        let (head, body) = answer.into_parts();
        let Ok(body) = actix_web::body::to_bytes(body).await else {
            self.forget().await;
            let error = ApiError::internal("an answer's body could not be read");
            return Ok(ServiceResponse::new(request, error.error_response()));
        };
        let answer = Answer::of(status, &head, &body);
        let kept = match self.pool.get().await {
            Ok(mut connection) => self.keep(&mut connection, &answer).await.unwrap_or(false),
            Err(_) => false,
        };
        if !kept {
            tracing::warn!("the answer of a request with an idempotency key was not kept");
            self.forget().await;
        }
        Ok(ServiceResponse::new(
            request,
            head.set_body(BoxBody::new(body)),
        ))
    }

    /// Rolls back all the request wrote on its connection and frees the
    /// key for a retry.
    async fn give_up(self, mut connection: crate::db::PooledConnection) {
        let rolled_back = AnsiTransactionManager::rollback_transaction(&mut *connection).await;
        let rolled_back = match rolled_back {
            Ok(()) if in_transaction(&mut connection) => {
                AnsiTransactionManager::rollback_transaction(&mut *connection).await
            }
            other => other,
        };
        if rolled_back.is_err() || in_transaction(&mut connection) {
            // A connection that cannot roll back is not given back.
            drop(deadpool::managed::Object::take(connection));
        }
        self.forget().await;
    }

    /// Frees the key, if this request still holds it without an answer.
    async fn forget(self) {
        let Ok(mut connection) = self.pool.get().await else {
            return;
        };
        let freed = diesel::delete(
            idempotency_keys::table
                .filter(idempotency_keys::user_id.eq(self.user_id))
                .filter(idempotency_keys::key.eq(&self.key))
                .filter(idempotency_keys::status.is_null())
                .filter(idempotency_keys::claimed_until.eq(self.claimed_until)),
        )
        .execute(&mut connection)
        .await;
        if let Err(error) = freed {
            tracing::warn!(%error, "an idempotency key could not be freed; its claim lapses");
        }
    }
}

fn in_transaction(connection: &mut crate::db::PooledConnection) -> bool {
    AnsiTransactionManager::transaction_manager_status_mut(&mut **connection)
        .transaction_depth()
        .ok()
        .flatten()
        .is_some()
}

fn payload_of(body: web::Bytes) -> Payload {
    let stream: std::pin::Pin<
        Box<dyn futures_util::Stream<Item = Result<web::Bytes, actix_web::error::PayloadError>>>,
    > = Box::pin(futures_util::stream::once(async move { Ok(body) }));
    Payload::from(stream)
}

/// Deletes the keys older than [`KEPT_FOR`]; run every minute by `serve`.
pub async fn forget_expired(pool: &crate::db::Pool) -> Result<usize, PoolError> {
    let mut connection = pool.get().await?;
    Ok(diesel::delete(
        idempotency_keys::table.filter(idempotency_keys::created_at.lt(Utc::now() - KEPT_FOR)),
    )
    .execute(&mut connection)
    .await
    .unwrap_or(0))
}

/// For the `serve` loop: how often expired keys are deleted.
pub const FORGET_EVERY: Duration = Duration::from_secs(60);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_and_failures_are_not_kept() {
        for status in [401, 403, 408, 429, 500, 503] {
            assert!(
                !is_kept(StatusCode::from_u16(status).expect("a status")),
                "{status}"
            );
        }
        for status in [200, 201, 400, 404, 409, 412, 422] {
            assert!(
                is_kept(StatusCode::from_u16(status).expect("a status")),
                "{status}"
            );
        }
    }
}

//! Every answer a test gets is held against the committed document: its
//! status must be declared for its operation, and so must each header the
//! service sends that a client could act on. A test server records what it
//! answered; the check runs when the test's app is dropped.

use std::sync::{Arc, Mutex};

use actix_web::dev::{Service, ServiceResponse};
use serde_json::Value;

/// The headers whose presence the document must declare.
const DECLARED_HEADERS: &[&str] = &[
    "etag",
    "location",
    "link",
    "retry-after",
    "www-authenticate",
    "x-request-id",
    "deprecation",
    "sunset",
    "idempotent-replayed",
];

/// The headers that, when declared, are on every such answer (`Link` is
/// declared where it may come: when another page exists).
const ALWAYS_SENT_WHEN_DECLARED: &[&str] =
    &["etag", "location", "x-request-id", "www-authenticate"];

/// One answer, as far as the document speaks of it.
#[derive(Debug, Clone)]
pub struct Answer {
    method: String,
    /// The route that took the request (`/v1/contacts/{id}`); `None` when
    /// none did.
    route: Option<String>,
    status: u16,
    headers: Vec<&'static str>,
}

/// What a test server answered, in order.
#[derive(Debug, Clone, Default)]
pub struct Answers(Arc<Mutex<Vec<Answer>>>);

impl Answers {
    /// Records one answer of `request`.
    pub fn record<B>(&self, response: &ServiceResponse<B>) {
        let request = response.request();
        let headers = DECLARED_HEADERS
            .iter()
            .copied()
            .filter(|name| response.headers().contains_key(*name))
            .collect();
        self.0.lock().expect("answers").push(Answer {
            method: request.method().as_str().to_ascii_lowercase(),
            route: request.match_pattern(),
            status: response.status().as_u16(),
            headers,
        });
    }

    /// The answers the document does not declare, described.
    pub fn undeclared(&self, document: &Value) -> Vec<String> {
        let answers = self.0.lock().expect("answers").clone();
        answers
            .iter()
            .filter_map(|answer| undeclared(document, answer))
            .collect()
    }
}

/// The future a recording service answers with.
type Recorded<B> = std::pin::Pin<
    Box<dyn std::future::Future<Output = Result<ServiceResponse<B>, actix_web::Error>>>,
>;

/// Wraps a service so that each answer is recorded.
pub fn recorder<S, B>(
    answers: Answers,
) -> impl Fn(actix_web::dev::ServiceRequest, &S) -> Recorded<B> + Clone
where
    S: Service<
            actix_web::dev::ServiceRequest,
            Response = ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    S::Future: 'static,
    B: 'static,
{
    move |request, service| {
        let answers = answers.clone();
        let answered = service.call(request);
        Box::pin(async move {
            let response = answered.await?;
            answers.record(&response);
            Ok(response)
        })
    }
}

fn undeclared(document: &Value, answer: &Answer) -> Option<String> {
    // A path no route serves, the document itself and its viewer are not
    // operations of the document.
    let route = answer.route.as_deref()?;
    let operation = document["paths"].get(route)?.get(&answer.method)?;
    let status = answer.status.to_string();
    let Some(response) = operation["responses"].get(&status) else {
        return Some(format!(
            "{} {route} answered {status}, which the document does not list",
            answer.method
        ));
    };
    let response = match response["$ref"].as_str() {
        Some(target) => {
            let name = target.trim_start_matches("#/components/responses/");
            &document["components"]["responses"][name]
        }
        None => response,
    };
    let declared = response["headers"].as_object();
    let missing: Vec<&str> = answer
        .headers
        .iter()
        .copied()
        .filter(|name| {
            !declared
                .into_iter()
                .flatten()
                .any(|(header, _)| header.eq_ignore_ascii_case(name))
        })
        .collect();
    // What the document promises on every such answer must come, too.
    let promised_but_not_sent: Vec<&str> = ALWAYS_SENT_WHEN_DECLARED
        .iter()
        .copied()
        .filter(|name| {
            declared
                .into_iter()
                .flatten()
                .any(|(header, _)| header.eq_ignore_ascii_case(name))
                && !answer.headers.contains(name)
        })
        .collect();
    if !promised_but_not_sent.is_empty() {
        return Some(format!(
            "{} {route} {status} does not send {promised_but_not_sent:?}, which the document declares",
            answer.method
        ));
    }
    (!missing.is_empty()).then(|| {
        format!(
            "{} {route} {status} sends {missing:?}, which the document does not declare",
            answer.method
        )
    })
}

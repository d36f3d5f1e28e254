//! Service-wide HTTP behaviour: problem bodies for bad input, unknown
//! routes and methods, request ids, headers, CORS.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{TestApp, invalid_fields, problem};

#[actix_web::test]
async fn malformed_json_answers_400_problem() {
    let app = TestApp::spawn().await;
    for body in ["{", "{\"email\": }", "", "nul", "{\"a\":1} {\"b\":2}"] {
        let response = app
            .request(Method::POST, "/v1/auth/login", None)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("sent");
        let problem = problem(response, StatusCode::BAD_REQUEST).await;
        assert_eq!(problem["code"], "bad_request", "{body}");
    }
}

#[actix_web::test]
async fn a_body_that_is_not_an_object_or_holds_nul_answers_422() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    for (body, field) in [
        ("[]", "body"),
        ("\"text\"", "body"),
        ("null", "body"),
        (r#"{"display_name": "a\u0000b"}"#, "display_name"),
        (r#"{"target_field": "\u0000"}"#, "target_field"),
    ] {
        let response = app
            .request(Method::PATCH, "/v1/me", Some(&ada.access_token))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("sent");
        assert_eq!(invalid_fields(response).await, vec![field], "{body}");
    }
    let me: serde_json::Value = app
        .get("/v1/me", &ada.access_token)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(me["display_name"], "ada");
}

#[actix_web::test]
async fn a_body_that_is_not_json_answers_415() {
    let app = TestApp::spawn().await;
    for content_type in [
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        None,
    ] {
        let mut request = app
            .request(Method::POST, "/v1/auth/login", None)
            .body(r#"{"email":"a@example.com","password":"whatever"}"#);
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        let response = request.send().await.expect("sent");
        let body = problem(response, StatusCode::UNSUPPORTED_MEDIA_TYPE).await;
        assert_eq!(body["code"], "unsupported_media_type");
    }
}

#[actix_web::test]
async fn a_body_over_256_kib_answers_413() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let huge = json!({"display_name": "x".repeat(256 * 1024)});
    let response = app.patch_json("/v1/me", &ada.access_token, &huge).await;
    let body = problem(response, StatusCode::PAYLOAD_TOO_LARGE).await;
    assert_eq!(body["code"], "payload_too_large");

    // A chunked body without Content-Length is cut off too.
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> = vec![
        Ok(b"{\"display_name\": \"".to_vec()),
        Ok(vec![b'y'; 300 * 1024]),
        Ok(b"\"}".to_vec()),
    ];
    let response = app
        .request(Method::PATCH, "/v1/me", Some(&ada.access_token))
        .header("content-type", "application/json")
        .body(reqwest::Body::wrap_stream(futures_util::stream::iter(
            chunks,
        )))
        .send()
        .await
        .expect("sent");
    problem(response, StatusCode::PAYLOAD_TOO_LARGE).await;
    let me: serde_json::Value = app
        .get("/v1/me", &ada.access_token)
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(me["display_name"], "ada");
}

#[actix_web::test]
async fn a_body_just_under_the_limit_is_read_and_validated() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let big = json!({"display_name": "x".repeat(200 * 1024)});
    let response = app.patch_json("/v1/me", &ada.access_token, &big).await;
    assert_eq!(invalid_fields(response).await, vec!["display_name"]);
}

#[actix_web::test]
async fn unknown_routes_answer_404_problem() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    for path in ["/v1/nothing", "/", "/v1/me/nothing", "/v2/me"] {
        let body = problem(
            app.get(path, &ada.access_token).await,
            StatusCode::NOT_FOUND,
        )
        .await;
        assert_eq!(body["code"], "not_found", "{path}");
    }
}

#[actix_web::test]
async fn an_undeclared_method_answers_405_with_allow() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let cases = [
        (Method::TRACE, "/v1/me", "GET, DELETE, PATCH"),
        (Method::PUT, "/v1/me", "GET, DELETE, PATCH"),
        (Method::GET, "/v1/auth/login", "POST"),
        (Method::DELETE, "/healthz", "GET"),
        (Method::POST, "/openapi.json", "GET"),
    ];
    for (method, path, allow) in cases {
        let response = app
            .request(method.clone(), path, Some(&ada.access_token))
            .send()
            .await
            .expect("sent");
        assert_eq!(
            response
                .headers()
                .get("allow")
                .map(|v| v.to_str().expect("ascii")),
            Some(allow),
            "{method} {path}"
        );
        let body = problem(response, StatusCode::METHOD_NOT_ALLOWED).await;
        assert_eq!(body["code"], "method_not_allowed");
    }
}

#[actix_web::test]
async fn request_ids_are_echoed_or_generated() {
    let app = TestApp::spawn().await;
    let response = app
        .client
        .get(app.url("/healthz"))
        .header("x-request-id", "portal-42.abc")
        .send()
        .await
        .expect("sent");
    assert_eq!(response.headers()["x-request-id"], "portal-42.abc");

    // A hostile id (log injection) is replaced, not echoed.
    let response = app
        .client
        .get(app.url("/healthz"))
        .header("x-request-id", "x\" injected=\"1")
        .send()
        .await
        .expect("sent");
    let generated = response.headers()["x-request-id"].to_str().expect("ascii");
    assert!(uuid::Uuid::parse_str(generated).is_ok(), "{generated}");

    let response = app
        .client
        .get(app.url("/v1/nothing"))
        .send()
        .await
        .expect("sent");
    assert!(response.headers().contains_key("x-request-id"));
}

#[actix_web::test]
async fn every_response_says_nosniff() {
    let app = TestApp::spawn().await;
    for path in ["/healthz", "/v1/me", "/nowhere"] {
        let response = app.client.get(app.url(path)).send().await.expect("sent");
        assert_eq!(
            response.headers()["x-content-type-options"],
            "nosniff",
            "{path}"
        );
    }
}

#[actix_web::test]
async fn cors_allows_exactly_the_configured_origins() {
    let app = TestApp::spawn_with(|settings| {
        settings.cors_origins = vec!["https://portal.example.edu".to_owned()];
    })
    .await;
    let preflight = |origin: &'static str| {
        app.request(Method::OPTIONS, "/v1/me", None)
            .header("origin", origin)
            .header("access-control-request-method", "PATCH")
            .header(
                "access-control-request-headers",
                "authorization, content-type",
            )
            .send()
    };
    let allowed = preflight("https://portal.example.edu").await.expect("sent");
    assert!(allowed.status().is_success());
    assert_eq!(
        allowed.headers()["access-control-allow-origin"],
        "https://portal.example.edu"
    );
    let refused = preflight("https://evil.example.com").await.expect("sent");
    assert!(
        !refused
            .headers()
            .contains_key("access-control-allow-origin")
    );

    let response = app
        .client
        .get(app.url("/healthz"))
        .header("origin", "https://portal.example.edu")
        .send()
        .await
        .expect("sent");
    assert_eq!(
        response.headers()["access-control-allow-origin"],
        "https://portal.example.edu"
    );
}

#[actix_web::test]
async fn a_browser_may_send_the_offline_headers_and_read_the_ones_it_needs() {
    let app = TestApp::spawn_with(|settings| {
        settings.cors_origins = vec!["https://app.example.com".to_owned()];
    })
    .await;
    let ada = app.user("ada").await;
    let preflight = app
        .request(Method::OPTIONS, "/v1/contacts", None)
        .header("origin", "https://app.example.com")
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "authorization, content-type, idempotency-key, if-match, if-none-match",
        )
        .send()
        .await
        .expect("sent");
    assert!(preflight.status().is_success(), "{}", preflight.status());
    let allowed = preflight.headers()["access-control-allow-headers"]
        .to_str()
        .expect("text")
        .to_ascii_lowercase();
    for name in ["idempotency-key", "if-match", "if-none-match"] {
        assert!(allowed.contains(name), "{name} in {allowed}");
    }
    let response = app
        .request(Method::GET, "/v1/me", Some(&ada.access_token))
        .header("origin", "https://app.example.com")
        .send()
        .await
        .expect("sent");
    let exposed = response.headers()["access-control-expose-headers"]
        .to_str()
        .expect("text")
        .to_ascii_lowercase();
    for name in [
        "etag",
        "location",
        "link",
        "retry-after",
        "x-request-id",
        "idempotent-replayed",
        "ratelimit",
        "ratelimit-policy",
    ] {
        assert!(
            exposed.split(',').any(|exposed| exposed.trim() == name),
            "{name} in {exposed}"
        );
    }
}

#[actix_web::test]
async fn no_error_body_shows_internals() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bodies = [
        app.patch_json("/v1/me", &ada.access_token, &json!({"time_zone": "\u{0000}"})).await,
        app.post_json("/v1/auth/login", None, &json!({"email": "\u{0000}", "password": "x"})).await,
        app.post_json("/v1/auth/register", None, &json!({"email": "a\u{0000}@example.com", "password": "a long enough password", "display_name": "\u{0000}"})).await,
    ];
    for response in bodies {
        assert!(response.status().is_client_error(), "{}", response.status());
        let text = response.text().await.expect("text");
        for leak in ["diesel", "SQL", "syntax", "src/", "panicked", "postgres"] {
            assert!(!text.contains(leak), "{leak} in {text}");
        }
    }
}

/// Sends a request's head over a raw connection, then `body` one byte
/// every `pace`, and returns what the service answered (status line first)
/// and how long after the head it answered.
async fn trickle(
    app: &TestApp,
    path: &str,
    announced_length: usize,
    body: &[u8],
    pace: std::time::Duration,
) -> (String, std::time::Duration) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let address = app.address.trim_start_matches("http://").to_owned();
    let mut stream = tokio::net::TcpStream::connect(address)
        .await
        .expect("connected");
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: {announced_length}\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.expect("head sent");
    let started = std::time::Instant::now();
    let (mut reader, mut writer) = stream.into_split();
    let body = body.to_vec();
    let sender = tokio::spawn(async move {
        for byte in body {
            tokio::time::sleep(pace).await;
            if writer.write_all(&[byte]).await.is_err() {
                break;
            }
        }
        // Hold the connection open without sending more.
        tokio::time::sleep(std::time::Duration::from_secs(30)).await;
    });
    let mut answer = Vec::new();
    let read = tokio::time::timeout(
        std::time::Duration::from_secs(25),
        reader.read_to_end(&mut answer),
    )
    .await;
    let elapsed = started.elapsed();
    sender.abort();
    assert!(
        read.is_ok(),
        "the service closed the connection within 25 s"
    );
    (String::from_utf8_lossy(&answer).into_owned(), elapsed)
}

#[actix_web::test]
async fn a_body_that_stops_arriving_answers_408_after_10_seconds_and_closes() {
    let app = TestApp::spawn().await;
    let (answer, elapsed) = trickle(
        &app,
        "/v1/auth/refresh",
        40,
        br#"{"refresh_token":"#,
        std::time::Duration::ZERO,
    )
    .await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("request_timeout"), "{answer}");
    assert!(
        elapsed >= std::time::Duration::from_secs(9)
            && elapsed < std::time::Duration::from_secs(15),
        "{elapsed:?}"
    );
}

#[actix_web::test]
async fn a_body_sent_a_byte_a_second_answers_408_and_closes() {
    let app = TestApp::spawn().await;
    let body = br#"{"refresh_token":"a-refresh-token-that-arrives-slowly"}"#;
    let (answer, elapsed) = trickle(
        &app,
        "/v1/auth/refresh",
        body.len(),
        body,
        std::time::Duration::from_millis(900),
    )
    .await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(elapsed < std::time::Duration::from_secs(15), "{elapsed:?}");
}

/// The properties of a component schema of the document, through `allOf`.
fn schema_properties(document: &serde_json::Value, reference: &str) -> Vec<String> {
    let name = reference.rsplit('/').next().expect("schema name");
    let schema = &document["components"]["schemas"][name];
    let mut properties: Vec<String> = schema["properties"]
        .as_object()
        .map(|properties| properties.keys().cloned().collect())
        .unwrap_or_default();
    for part in schema["allOf"].as_array().into_iter().flatten() {
        if let Some(reference) = part["$ref"].as_str() {
            properties.extend(schema_properties(document, reference));
        }
    }
    properties
}

#[actix_web::test]
async fn every_patch_refuses_the_fields_its_resource_shows_but_a_patch_cannot_change() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let any = "01890a5d-ac96-774b-bcce-b302099a8057";
    let document = serde_json::to_value(rapport::openapi::document()).expect("json");
    let mut patches = 0;
    for (template, item) in document["paths"].as_object().expect("paths") {
        let Some(patch) = item.get("patch") else {
            continue;
        };
        patches += 1;
        let schema_of = |content: &serde_json::Value| {
            let (_, media) = content
                .as_object()
                .expect("content")
                .iter()
                .next()
                .expect("a media type");
            media["schema"]["$ref"]
                .as_str()
                .expect("a named schema")
                .to_owned()
        };
        let writable = schema_properties(&document, &schema_of(&patch["requestBody"]["content"]));
        let shown = schema_properties(&document, &schema_of(&patch["responses"]["200"]["content"]));
        let read_only: Vec<&String> = shown
            .iter()
            .filter(|field| !writable.contains(field))
            .collect();
        assert!(
            read_only.contains(&&"id".to_owned()),
            "{template}: {read_only:?}"
        );
        // The body is refused before the resource is looked up, so any id
        // serves: each read-only field, `null` or a value, is named as such.
        let path = template
            .split('/')
            .map(|segment| {
                if segment.starts_with('{') {
                    any
                } else {
                    segment
                }
            })
            .collect::<Vec<_>>()
            .join("/");
        for field in read_only {
            for value in [json!(null), json!("x")] {
                let response = app
                    .patch_json(&path, &ada.access_token, &json!({field: value}))
                    .await;
                let body = problem(response, StatusCode::UNPROCESSABLE_ENTITY).await;
                assert_eq!(
                    body["errors"],
                    json!([{"field": field, "message": "is read-only"}]),
                    "PATCH {template} {field}"
                );
            }
        }
        // A field the resource does not have at all is unknown, not read-only.
        let response = app
            .patch_json(&path, &ada.access_token, &json!({"colour": "red"}))
            .await;
        let body = problem(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(body["errors"][0]["field"], "colour", "PATCH {template}");
        assert_ne!(
            body["errors"][0]["message"], "is read-only",
            "PATCH {template}"
        );
    }
    assert_eq!(patches, 10);
}

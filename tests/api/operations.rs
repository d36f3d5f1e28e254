//! Health, readiness, metrics, the OpenAPI document and the command line.

use std::process::Command;

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::TestApp;

const BINARY: &str = env!("CARGO_BIN_EXE_rapport");

#[actix_web::test]
async fn healthz_and_readyz_answer_200_when_all_is_well() {
    let app = TestApp::spawn().await;
    let health: Value = app
        .client
        .get(app.url("/healthz"))
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");
    assert_eq!(health["status"], "ok");
    let response = app
        .client
        .get(app.url("/readyz"))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::OK);
}

#[actix_web::test]
async fn readyz_answers_503_when_migrations_are_missing() {
    let database = crate::helpers::TestDatabase::create_empty().await;
    let settings = rapport::config::Settings::for_database(&database.url);
    let app = TestApp::serve(settings, database).await;
    let response = app
        .client
        .get(app.url("/readyz"))
        .send()
        .await
        .expect("sent");
    let body = crate::helpers::problem(response, StatusCode::SERVICE_UNAVAILABLE).await;
    assert_eq!(body["code"], "unavailable");
    // Liveness does not depend on the database.
    assert_eq!(
        app.client
            .get(app.url("/healthz"))
            .send()
            .await
            .expect("sent")
            .status(),
        StatusCode::OK
    );
}

#[actix_web::test]
async fn metrics_count_requests_by_route_and_status_and_show_the_pool() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    app.get("/v1/me", &ada.access_token).await;
    app.get("/v1/me", "bad-token").await;
    let response = app
        .client
        .get(app.url("/metrics"))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .expect("ascii")
            .starts_with("text/plain")
    );
    let text = response.text().await.expect("text");
    assert!(
        text.contains(r#"rapport_http_requests_total{method="GET",route="/v1/me",status="200"} 1"#),
        "{text}"
    );
    assert!(
        text.contains(r#"rapport_http_requests_total{method="GET",route="/v1/me",status="401"} 1"#)
    );
    assert!(text.contains("rapport_http_request_duration_seconds_bucket"));
    assert!(text.contains(r#"rapport_db_pool_connections{state="max"} 16"#));
    assert!(text.contains(r#"rapport_contact_search_turns{state="max"} 6"#));
    assert!(text.contains(r#"rapport_contact_search_turns{state="waiting"} 0"#));
    assert!(!text.contains(&ada.id), "no ids in labels");
}

#[actix_web::test]
async fn invented_methods_and_paths_add_no_metric_series() {
    let app = TestApp::spawn().await;
    let metrics = async || {
        let response = app.client.get(app.url("/metrics")).send().await;
        response.expect("sent").text().await.expect("text")
    };
    let send_invented = async |prefix: &str| {
        for index in 0..20 {
            let method = reqwest::Method::from_bytes(format!("{prefix}{index}").as_bytes())
                .expect("a method token");
            let path = format!("/v1/me/{prefix}/{index}");
            app.client
                .request(method, app.url(&path))
                .send()
                .await
                .expect("sent");
        }
    };
    let series = |text: &str| {
        text.lines()
            .filter(|line| line.starts_with("rapport_http_requests_total{"))
            .count()
    };
    // The scrape itself is counted after it answers: scrape once first.
    metrics().await;
    send_invented("BREW").await;
    let before = series(&metrics().await);
    send_invented("PROPFIND").await;
    let text = metrics().await;
    assert_eq!(series(&text), before, "{text}");
    assert!(
        text.contains(r#"method="other",route="unmatched""#),
        "{text}"
    );
    assert!(
        !text.contains("BREW") && !text.contains("PROPFIND"),
        "{text}"
    );
}

/// Every `enum` in the document, wherever it is.
fn enums(value: &Value, found: &mut Vec<Vec<String>>) {
    match value {
        Value::Object(fields) => {
            if let Some(Value::Array(values)) = fields.get("enum") {
                found.push(
                    values
                        .iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect(),
                );
            }
            fields.values().for_each(|child| enums(child, found));
        }
        Value::Array(items) => items.iter().for_each(|child| enums(child, found)),
        _ => {}
    }
}

#[test]
fn no_enum_has_two_values_that_generated_clients_would_name_alike() {
    // Generators turn values into identifiers by dropping punctuation and
    // folding case: `GMT+0` and `GMT-0` would both be `GMT0`.
    let document: Value = serde_json::from_str(&rapport::openapi::document_json()).expect("json");
    let mut found = Vec::new();
    enums(&document, &mut found);
    assert!(!found.is_empty());
    for values in found {
        let mut names: Vec<String> = values
            .iter()
            .map(|value| {
                value
                    .chars()
                    .filter(char::is_ascii_alphanumeric)
                    .collect::<String>()
                    .to_ascii_uppercase()
            })
            .collect();
        names.sort();
        let before = names.len();
        names.dedup();
        assert_eq!(
            names.len(),
            before,
            "an enum with clashing values: {values:?}"
        );
    }
    let zone = &document["components"]["schemas"]["TimeZoneName"];
    assert_eq!(zone["type"], "string", "{zone}");
    assert!(zone.get("enum").is_none());
}

#[actix_web::test]
async fn the_served_document_equals_the_committed_one_and_the_cli_output() {
    let app = TestApp::spawn_with(|settings| {
        settings.public_url = "https://api.rapport.example".to_owned();
    })
    .await;
    let mut served: Value = app
        .client
        .get(app.url("/openapi.json"))
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");
    let committed_text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi/openapi.json"))
            .expect("openapi/openapi.json is committed");
    let generated_text = rapport::openapi::document_json();
    assert!(
        committed_text == generated_text,
        "openapi/openapi.json is stale: run `cargo run -- openapi > openapi/openapi.json`"
    );
    let mut committed: Value = serde_json::from_str(&committed_text).expect("json");
    // The served document names where the service is; the committed one a
    // variable with a local default.
    assert_eq!(
        served["servers"][0]["variables"]["base"]["default"],
        "https://api.rapport.example"
    );
    assert_eq!(
        committed["servers"][0]["variables"]["base"]["default"],
        "http://127.0.0.1:8080"
    );
    served["servers"].take();
    committed["servers"].take();
    assert_eq!(served, committed);

    let output = Command::new(BINARY)
        .arg("openapi")
        .env_clear()
        .output()
        .expect("the binary runs");
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).expect("utf-8"),
        committed_text
    );
}

#[test]
fn every_operation_has_a_tag_a_summary_an_id_and_described_responses() {
    let document = serde_json::to_value(rapport::openapi::document()).expect("json");
    assert_eq!(document["openapi"], "3.1.0");
    for (path, item) in document["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("item") {
            let name = format!("{method} {path}");
            assert!(
                operation["tags"]
                    .as_array()
                    .is_some_and(|tags| !tags.is_empty()),
                "{name}"
            );
            assert!(operation["summary"].is_string(), "{name}");
            assert!(operation["operationId"].is_string(), "{name}");
            let responses = operation["responses"].as_object().expect("responses");
            for (status, response) in responses {
                let described = response["description"].is_string() || response["$ref"].is_string();
                assert!(described, "{name} {status}");
            }
            if path.starts_with("/v1/") {
                assert!(responses.contains_key("503"), "{name}");
            }
            let security = operation["security"]
                .as_array()
                .expect("security is explicit on every operation");
            let secured = security
                .iter()
                .any(|requirement| requirement.as_object().is_some_and(|r| !r.is_empty()));
            if secured {
                assert!(responses.contains_key("401"), "{name}");
            }
        }
    }
}

fn collect_refs(value: &Value, refs: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                match (key.as_str(), child) {
                    ("$ref", Value::String(target)) => refs.push(target.clone()),
                    _ => collect_refs(child, refs),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect_refs(item, refs)),
        _ => {}
    }
}

#[test]
fn every_reference_in_the_document_resolves() {
    let document = serde_json::to_value(rapport::openapi::document()).expect("json");
    let mut refs = Vec::new();
    collect_refs(&document, &mut refs);
    assert!(!refs.is_empty());
    for target in refs {
        let pointer = target.strip_prefix('#').expect("a local reference");
        assert!(
            document.pointer(pointer).is_some(),
            "{target} does not resolve"
        );
    }
}

#[actix_web::test]
async fn the_api_reference_is_served_without_the_internet() {
    let app = TestApp::spawn().await;
    let redirect = app.client.get(app.url("/docs")).send().await.expect("sent");
    assert_eq!(redirect.status(), StatusCode::PERMANENT_REDIRECT);
    let page = app
        .client
        .get(app.url("/docs/"))
        .send()
        .await
        .expect("sent");
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("html");
    assert!(html.contains("swagger-ui"), "{html}");
    for external in ["https://cdn", "unpkg.com", "jsdelivr"] {
        assert!(!html.contains(external), "{external}");
    }
    let script = app
        .client
        .get(app.url("/docs/swagger-ui-bundle.js"))
        .send()
        .await
        .expect("sent");
    assert_eq!(script.status(), StatusCode::OK);
}

#[test]
fn production_without_a_jwt_secret_refuses_to_start_naming_the_variable() {
    let output = Command::new(BINARY)
        .arg("serve")
        .env_clear()
        .env("RAPPORT_ENV", "production")
        .env("DATABASE_URL", "postgres://postgres@127.0.0.1:1/none")
        .env("RAPPORT_JWT_SECRET", "short")
        .output()
        .expect("the binary runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("RAPPORT_JWT_SECRET"), "{stderr}");
    assert!(
        !stderr.contains("short"),
        "the secret itself is never printed: {stderr}"
    );
}

#[test]
fn an_unknown_command_exits_2_with_usage() {
    let output = Command::new(BINARY)
        .arg("frobnicate")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("usage: rapport"));
}

/// `rapport serve` as a child process on a free port, in production mode.
struct RunningBinary {
    child: std::process::Child,
    base: String,
    client: reqwest::Client,
    _database: crate::helpers::TestDatabase,
}

const BINARY_SECRET: &str = "a-production-secret-of-at-least-32-bytes";

impl RunningBinary {
    async fn start(extra_env: &[(&str, &str)]) -> Self {
        let database = crate::helpers::TestDatabase::create().await;
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .expect("a free port")
            .local_addr()
            .expect("bound")
            .port();
        let mut command = Command::new(BINARY);
        command
            .arg("serve")
            .env_clear()
            .env("RAPPORT_ENV", "production")
            .env("RAPPORT_JWT_SECRET", BINARY_SECRET)
            .env("RAPPORT_WEBHOOK_ALLOW_PRIVATE", "true")
            .env("DATABASE_URL", &database.url)
            .env("RAPPORT_BIND", format!("127.0.0.1:{port}"))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        for (name, value) in extra_env {
            command.env(name, value);
        }
        let child = command.spawn().expect("the binary starts");
        let base = format!("http://127.0.0.1:{port}");
        crate::helpers::install_tls_provider();
        let client = reqwest::Client::new();
        let mut ready = false;
        for _ in 0..100 {
            if let Ok(response) = client.get(format!("{base}/readyz")).send().await {
                ready = response.status() == StatusCode::OK;
                if ready {
                    break;
                }
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert!(ready, "the service became ready");
        Self {
            child,
            base,
            client,
            _database: database,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Sends SIGTERM, waits (at most 15 s) for a clean exit, and returns
    /// what the process wrote to stderr.
    async fn stop(mut self) -> String {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
        let started = std::time::Instant::now();
        let exit = loop {
            if let Some(exit) = self.child.try_wait().expect("wait") {
                break exit;
            }
            assert!(
                started.elapsed() < std::time::Duration::from_secs(15),
                "stopped on SIGTERM"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        };
        assert!(exit.success(), "{exit:?}");
        let output = self.child.wait_with_output().expect("output");
        assert!(output.stdout.is_empty(), "logs go to stderr only");
        String::from_utf8_lossy(&output.stderr).into_owned()
    }
}

#[actix_web::test]
async fn the_binary_logs_json_lines_without_secrets_and_stops_cleanly_on_sigterm() {
    let service = RunningBinary::start(&[]).await;
    let password = "a-password-that-must-not-be-logged";
    let session: Value = service
        .client
        .post(service.url("/v1/auth/register"))
        .json(&serde_json::json!({"email": "log@example.com", "password": password, "display_name": "Log"}))
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");
    let token = session["access_token"].as_str().expect("token").to_owned();
    let refresh = session["refresh_token"].as_str().expect("token").to_owned();
    let me = service
        .client
        .get(service.url("/v1/me"))
        .bearer_auth(&token)
        .header("x-request-id", "trace-me-123")
        .send()
        .await
        .expect("sent");
    assert_eq!(me.status(), StatusCode::OK);

    let logs = service.stop().await;
    for secret_text in [password, token.as_str(), refresh.as_str(), BINARY_SECRET] {
        assert!(!logs.contains(secret_text), "a secret leaked into the logs");
    }
    let request_line: Value = logs
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .find(|line| line["request_id"] == "trace-me-123")
        .expect("a JSON line for the request");
    assert_eq!(request_line["route"], "/v1/me");
    assert_eq!(request_line["status"], 200);
    assert_eq!(request_line["method"], "GET");
    assert_eq!(request_line["user_id"], session["user"]["id"]);
    assert!(request_line["latency_ms"].is_number());
}

#[actix_web::test]
async fn lines_logged_while_a_request_is_served_name_its_request_id_and_user() {
    let service = RunningBinary::start(&[("RUST_LOG", "rapport=debug")]).await;
    let session: Value = service
        .client
        .post(service.url("/v1/auth/register"))
        .json(&serde_json::json!({"email": "span@example.com", "password": "a-long-password", "display_name": "Span"}))
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");
    let token = session["access_token"].as_str().expect("token");
    let me = service
        .client
        .get(service.url("/v1/me"))
        .bearer_auth(token)
        .header("x-request-id", "span-me-1")
        .send()
        .await
        .expect("sent");
    assert_eq!(me.status(), StatusCode::OK);
    let logs = service.stop().await;
    let line: Value = logs
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .find(|line| line["message"] == "access token accepted")
        .expect("a line logged inside the request");
    assert_eq!(line["span"]["name"], "request", "{line}");
    assert_eq!(line["span"]["request_id"], "span-me-1", "{line}");
    assert_eq!(line["span"]["user_id"], session["user"]["id"], "{line}");
}

#[actix_web::test]
async fn at_trace_level_no_log_line_holds_a_secret_a_token_or_a_note() {
    let service = RunningBinary::start(&[("RUST_LOG", "trace")]).await;
    let send =
        async |method: reqwest::Method, path: &str, token: Option<&str>, body: Option<Value>| {
            let mut request = service.client.request(method, service.url(path));
            if let Some(token) = token {
                request = request.bearer_auth(token);
            }
            if let Some(body) = body {
                request = request.json(&body);
            }
            let response = request.send().await.expect("sent");
            assert!(
                response.status().is_success(),
                "{path}: {}",
                response.status()
            );
            response.json::<Value>().await.unwrap_or(Value::Null)
        };
    let password = "a-password-that-must-not-be-logged";
    let session = send(
        reqwest::Method::POST,
        "/v1/auth/register",
        None,
        Some(serde_json::json!({"email": "trace@example.com", "password": password, "display_name": "Trace"})),
    )
    .await;
    let first_refresh = session["refresh_token"].as_str().expect("token").to_owned();
    let renewed = send(
        reqwest::Method::POST,
        "/v1/auth/refresh",
        None,
        Some(serde_json::json!({"refresh_token": first_refresh})),
    )
    .await;
    let token = renewed["access_token"].as_str().expect("token").to_owned();
    let note = "a private note about the interviewee that must stay out of the logs";
    send(
        reqwest::Method::POST,
        "/v1/contacts",
        Some(&token),
        Some(serde_json::json!({"full_name": "Noted Person", "notes": note})),
    )
    .await;
    let webhook = send(
        reqwest::Method::POST,
        "/v1/webhooks",
        Some(&token),
        Some(serde_json::json!({"url": "http://127.0.0.1:9/hook", "events": ["reminder.due"]})),
    )
    .await;
    let feed = send(
        reqwest::Method::POST,
        "/v1/calendar/feed",
        Some(&token),
        None,
    )
    .await;
    let feed_token = feed["token"].as_str().expect("feed token").to_owned();
    let calendar = service
        .client
        .get(service.url(&format!("/v1/calendar/{feed_token}.ics")))
        .send()
        .await
        .expect("sent");
    assert_eq!(calendar.status(), StatusCode::OK);
    let logs = service.stop().await;

    assert!(logs.lines().count() > 20, "trace logging was on");
    let webhook_secret = webhook["secret"].as_str().expect("secret");
    for (what, secret_text) in [
        ("password", password),
        ("first refresh token", first_refresh.as_str()),
        (
            "refresh token",
            renewed["refresh_token"].as_str().expect("token"),
        ),
        ("access token", token.as_str()),
        ("note", note),
        ("webhook secret", webhook_secret),
        (
            "webhook secret key",
            webhook_secret.trim_start_matches("whsec_"),
        ),
        ("feed token", feed_token.as_str()),
        ("password hash", "$argon2id$"),
    ] {
        assert!(
            !logs.contains(secret_text),
            "the {what} leaked into the logs"
        );
    }
}

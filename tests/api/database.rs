//! The database going away and coming back, TLS, and the migrations.

use std::time::{Duration, Instant};

use diesel_migrations::MigrationHarness;
use rapport::config::Settings;
use rapport::db;
use reqwest::StatusCode;

use crate::helpers::proxy::{DatabaseProxy, ProxyMode};
use crate::helpers::{TestApp, TestDatabase, problem};
use serde_json::json;

/// Starts the app with its database reached through a proxy the test controls.
async fn app_behind_proxy() -> (TestApp, DatabaseProxy) {
    let database = TestDatabase::create().await;
    let server = server_address(&database.url);
    let target = tokio::net::lookup_host(&server)
        .await
        .expect("the database host resolves")
        .next()
        .expect("an address");
    let proxy = DatabaseProxy::start(target).await;
    let through_proxy = database
        .url
        .replacen(&server, &proxy.address.to_string(), 1);
    assert_ne!(
        through_proxy, database.url,
        "the URL goes through the proxy"
    );
    let mut settings = Settings::for_database(&through_proxy);
    settings.auth_rate_per_minute = 10_000;
    (TestApp::serve(settings, database).await, proxy)
}

/// `host:port` of a `postgres://user@host:port/name` URL.
fn server_address(url: &str) -> String {
    let after_scheme = url.split_once("://").expect("a URL").1;
    let authority = after_scheme.split('/').next().expect("an authority");
    let host_port = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    if host_port.contains(':') {
        host_port.to_owned()
    } else {
        format!("{host_port}:5432")
    }
}

/// `/v1/me` answers 503 `unavailable` in less than `limit`.
async fn answers_unavailable_within(app: &TestApp, token: &str, limit: Duration) {
    let started = Instant::now();
    let response = app.get("/v1/me", token).await;
    let body = problem(response, StatusCode::SERVICE_UNAVAILABLE).await;
    assert_eq!(body["code"], "unavailable");
    let elapsed = started.elapsed();
    assert!(elapsed < limit, "took {elapsed:?}");
}

#[actix_web::test]
async fn a_stopped_database_answers_503_and_the_service_recovers_by_itself() {
    let (app, proxy) = app_behind_proxy().await;
    let ada = app.user("ada").await;
    assert_eq!(
        app.get("/v1/me", &ada.access_token).await.status(),
        StatusCode::OK
    );

    proxy.set(ProxyMode::Refusing);
    // Within the pool's wait timeout.
    answers_unavailable_within(&app, &ada.access_token, Duration::from_secs(6)).await;
    let ready = app
        .client
        .get(app.url("/readyz"))
        .send()
        .await
        .expect("sent");
    assert_eq!(ready.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        app.client
            .get(app.url("/healthz"))
            .send()
            .await
            .expect("sent")
            .status(),
        StatusCode::OK
    );

    proxy.set(ProxyMode::Up);
    recovers(&app, &ada.access_token).await;
    let ready = app
        .client
        .get(app.url("/readyz"))
        .send()
        .await
        .expect("sent");
    assert_eq!(ready.status(), StatusCode::OK);
}

#[actix_web::test]
async fn an_unreachable_database_answers_503_within_five_seconds_not_a_hang() {
    let (app, proxy) = app_behind_proxy().await;
    let ada = app.user("ada").await;
    proxy.set(ProxyMode::Silent);
    answers_unavailable_within(&app, &ada.access_token, Duration::from_secs(8)).await;
    proxy.set(ProxyMode::Up);
    recovers(&app, &ada.access_token).await;
}

#[actix_web::test]
async fn a_database_that_hangs_on_open_connections_answers_503_not_a_hang() {
    let (app, proxy) = app_behind_proxy().await;
    let ada = app.user("ada").await;
    // The pool now holds connections that go through the proxy.
    assert_eq!(
        app.get("/v1/me", &ada.access_token).await.status(),
        StatusCode::OK
    );
    proxy.set(ProxyMode::Stalled);
    answers_unavailable_within(&app, &ada.access_token, Duration::from_secs(8)).await;
    proxy.set(ProxyMode::Up);
    recovers(&app, &ada.access_token).await;
}

/// A connection used moments ago is handed out again without the pool's
/// `SELECT 1`; one the server has closed since must still be replaced, not
/// given to the next request.
#[actix_web::test]
async fn a_write_right_after_the_server_closed_every_connection_succeeds() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    app.contact(&ada.access_token, json!({"full_name": "Before"}))
        .await;

    let mut admin = app.database.connection().await;
    diesel_async::RunQueryDsl::execute(
        diesel::sql_query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = current_database() AND pid <> pg_backend_pid()",
        ),
        &mut admin,
    )
    .await
    .expect("terminated");
    // Long enough for the closed sockets to be seen, well inside the
    // window in which the pool skips its check.
    tokio::time::sleep(Duration::from_millis(100)).await;

    let response = app
        .post_json(
            "/v1/contacts",
            Some(&ada.access_token),
            &json!({"full_name": "After"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(app.database.count("SELECT count(*) FROM contacts").await, 2);
}

/// Waits until `/v1/me` answers 200 again, at most 15 seconds.
async fn recovers(app: &TestApp, token: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let status = app.get("/v1/me", token).await.status();
        if status == StatusCode::OK {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the service did not recover: {status}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[actix_web::test]
async fn sslmode_require_connects_over_tls() {
    let database = TestDatabase::create().await;
    let url = format!("{}?sslmode=require", database.url);
    let mut connection = db::establish(url.clone(), Duration::from_secs(5))
        .await
        .expect("a TLS connection to the local server");
    #[derive(diesel::QueryableByName)]
    struct Ssl {
        #[diesel(sql_type = diesel::sql_types::Bool)]
        ssl: bool,
    }
    let row: Ssl = diesel_async::RunQueryDsl::get_result(
        diesel::sql_query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"),
        &mut connection,
    )
    .await
    .expect("pg_stat_ssl");
    assert!(row.ssl, "the connection is encrypted");

    // The whole service works over it too.
    let mut settings = Settings::for_database(&url);
    settings.auth_rate_per_minute = 10_000;
    let app = TestApp::serve(settings, database).await;
    let ada = app.user("ada").await;
    assert_eq!(
        app.get("/v1/me", &ada.access_token).await.status(),
        StatusCode::OK
    );
}

#[actix_web::test]
async fn sslmode_verify_full_refuses_a_self_signed_certificate() {
    let database = TestDatabase::create().await;
    let url = format!("{}?sslmode=verify-full", database.url);
    let result = db::establish(url, Duration::from_secs(5)).await;
    assert!(result.is_err(), "an unverifiable certificate is refused");
}

#[actix_web::test]
async fn every_migration_applies_reverts_and_applies_again() {
    let database = TestDatabase::create_empty().await;
    let connection = db::establish(database.url.clone(), Duration::from_secs(0))
        .await
        .expect("connect");
    tokio::task::spawn_blocking(move || {
        let mut connection: diesel_async::async_connection_wrapper::AsyncConnectionWrapper<
            diesel_async::AsyncPgConnection,
        > = connection.into();
        let applied = connection
            .run_pending_migrations(db::MIGRATIONS)
            .expect("apply")
            .len();
        assert!(applied > 0);
        let reverted = connection
            .revert_all_migrations(db::MIGRATIONS)
            .expect("revert")
            .len();
        assert_eq!(reverted, applied);
        let again = connection
            .run_pending_migrations(db::MIGRATIONS)
            .expect("apply again")
            .len();
        assert_eq!(again, applied);
    })
    .await
    .expect("the migration thread");
    // Nothing is left behind by the reverts that the re-apply would trip on,
    // and the schema is usable.
    let settings = Settings::for_database(&database.url);
    assert!(
        db::run_migrations(&settings)
            .await
            .expect("no-op")
            .is_empty()
    );
}

#[actix_web::test]
async fn the_database_is_created_when_missing_in_development() {
    let name = format!("rapport_created_{}", uuid::Uuid::new_v4().simple());
    let url = db::with_database(&crate::helpers::database::server_url(), &name);
    let settings = Settings::for_database(&url);
    db::create_database_if_missing(&settings)
        .await
        .expect("created");
    db::create_database_if_missing(&settings)
        .await
        .expect("idempotent");
    let applied = db::run_migrations(&settings).await.expect("migrated");
    assert!(!applied.is_empty());
    drop(TestDatabase { url, name });
}

#[actix_web::test]
async fn a_stored_status_the_service_does_not_know_is_an_error_not_a_default() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let contact = app
        .contact(&ada.access_token, json!({"full_name": "Grace Hopper"}))
        .await;
    let interview = app
        .create(
            "/v1/interviews",
            &ada.access_token,
            json!({"contact_id": contact["id"]}),
        )
        .await;
    // What a newer release might write, or a hand-made fix gone wrong.
    app.database
        .run_statement("ALTER TABLE interviews DROP CONSTRAINT interviews_status_check")
        .await;
    app.database
        .run_statement(&format!(
            "UPDATE interviews SET status = 'archived' WHERE id = '{}'",
            crate::helpers::id_of(&interview)
        ))
        .await;
    let path = format!("/v1/interviews/{}", crate::helpers::id_of(&interview));
    let body = problem(
        app.get(&path, &ada.access_token).await,
        StatusCode::INTERNAL_SERVER_ERROR,
    )
    .await;
    assert_eq!(body["code"], "internal_error");
    assert!(!body.to_string().contains("archived"), "{body}");
}

#[actix_web::test]
async fn a_stored_webhook_event_the_service_does_not_know_is_an_error_not_dropped() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let webhook = app
        .create(
            "/v1/webhooks",
            &ada.access_token,
            json!({"url": "http://127.0.0.1:9/hook", "events": ["reminder.due", "interview.completed"]}),
        )
        .await;
    // Read leniently, the list would show the endpoint with one event fewer
    // and a client saving it back would unsubscribe it.
    app.database
        .run_statement(&format!(
            "UPDATE webhooks SET events = '{{reminder.due,contact.merged}}' WHERE id = '{}'",
            crate::helpers::id_of(&webhook)
        ))
        .await;
    let body = problem(
        app.get("/v1/webhooks", &ada.access_token).await,
        StatusCode::INTERNAL_SERVER_ERROR,
    )
    .await;
    assert_eq!(body["code"], "internal_error");
}

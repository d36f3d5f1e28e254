//! The test harness: a fresh database per test, cloned from a migrated
//! template, and the real application served on a free local port.

pub mod bodies;
pub mod database;
pub mod declared;
pub mod proxy;
pub mod receiver;
pub mod sync;

use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::ServerHandle;
use rapport::config::Settings;
use rapport::startup::{Components, build_app};
use rapport::state::AppState;
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

pub use database::TestDatabase;

use bodies::Problem;

/// A running application with its own database.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub state: AppState,
    /// What the app was built from, for tests that read a piece of it.
    pub components: Components,
    server: ServerHandle,
    /// Shared with the replicas started beside this app.
    pub database: Arc<TestDatabase>,
    /// What the server answered, held against the document at the end.
    answers: declared::Answers,
}

/// A registered, signed-in user.
#[derive(Debug, Clone)]
pub struct TestUser {
    pub id: String,
    pub email: String,
    pub password: String,
    pub access_token: String,
    pub refresh_token: String,
}

impl TestApp {
    pub async fn spawn() -> Self {
        Self::spawn_with(|_| {}).await
    }

    /// Starts the app after `adjust` has changed its settings.
    pub async fn spawn_with(adjust: impl FnOnce(&mut Settings)) -> Self {
        let database = TestDatabase::create().await;
        let mut settings = Settings::for_database(&database.url);
        // Tests sign many users in from one address; the rate-limit test
        // lowers this again.
        settings.auth_rate_per_minute = 10_000;
        adjust(&mut settings);
        Self::serve(settings, database).await
    }

    pub async fn serve(settings: Settings, database: TestDatabase) -> Self {
        Self::serve_components(Components::new(settings), database).await
    }

    /// A second instance of this app, with its own pool and caches, on the
    /// same database: what a load balancer in front of two replicas sends
    /// a client to.
    pub async fn replica(&self) -> Self {
        let components = Components::new(self.state.settings.as_ref().clone());
        Self::serve_shared(components, self.database.clone()).await
    }

    /// Starts the app that `components` make.
    pub async fn serve_components(components: Components, database: TestDatabase) -> Self {
        Self::serve_shared(components, Arc::new(database)).await
    }

    async fn serve_shared(components: Components, database: Arc<TestDatabase>) -> Self {
        let state = components.state.clone();
        let app_components = components.clone();
        let answers = declared::Answers::default();
        let recorded = answers.clone();
        let server = actix_web::HttpServer::new(move || {
            build_app(app_components.clone()).wrap_fn(declared::recorder(recorded.clone()))
        })
        .workers(1)
        .disable_signals()
        .bind("127.0.0.1:0")
        .expect("a free local port");
        let address = format!("http://{}", server.addrs()[0]);
        install_tls_provider();
        let server = server.run();
        let handle = server.handle();
        actix_web::rt::spawn(server);
        Self {
            address,
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .no_proxy()
                .timeout(Duration::from_secs(30))
                .build()
                .expect("a client"),
            state,
            components,
            server: handle,
            database,
            answers,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub fn request(&self, method: Method, path: &str, token: Option<&str>) -> RequestBuilder {
        let builder = self.client.request(method, self.url(path));
        match token {
            Some(token) => builder.bearer_auth(token),
            None => builder,
        }
    }

    pub async fn get(&self, path: &str, token: &str) -> Response {
        self.request(Method::GET, path, Some(token))
            .send()
            .await
            .expect("request sent")
    }

    pub async fn post_json(&self, path: &str, token: Option<&str>, body: &Value) -> Response {
        self.request(Method::POST, path, token)
            .json(body)
            .send()
            .await
            .expect("request sent")
    }

    pub async fn patch_json(&self, path: &str, token: &str, body: &Value) -> Response {
        self.request(Method::PATCH, path, Some(token))
            .json(body)
            .send()
            .await
            .expect("request sent")
    }

    pub async fn delete(&self, path: &str, token: &str) -> Response {
        self.request(Method::DELETE, path, Some(token))
            .send()
            .await
            .expect("request sent")
    }

    /// Registers `name@example.com` and returns the signed-in user.
    pub async fn user(&self, name: &str) -> TestUser {
        let email = format!("{name}@example.com");
        let password = format!("{name}-password-123");
        let response = self
            .post_json(
                "/v1/auth/register",
                None,
                &json!({"email": email, "password": password, "display_name": name}),
            )
            .await;
        assert_eq!(response.status(), StatusCode::CREATED, "register {name}");
        let body: Value = response.json().await.expect("json");
        TestUser {
            id: body["user"]["id"].as_str().expect("id").to_owned(),
            email,
            password,
            access_token: body["access_token"].as_str().expect("token").to_owned(),
            refresh_token: body["refresh_token"].as_str().expect("token").to_owned(),
        }
    }

    pub async fn login(&self, email: &str, password: &str) -> Response {
        self.post_json(
            "/v1/auth/login",
            None,
            &json!({"email": email, "password": password}),
        )
        .await
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // Stop accepting work; the database is dropped by TestDatabase.
        drop(self.server.stop(false));
        if !std::thread::panicking() {
            let contract = rapport::openapi::contract_with(self.components.deprecations.0);
            let undeclared = self.answers.undeclared(&contract);
            assert!(undeclared.is_empty(), "{}", undeclared.join("\n"));
        }
    }
}

/// reqwest is built without a default TLS provider (the service brings its
/// own): a test client needs one installed first, whichever test runs first.
pub fn install_tls_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// The version part of an answer's `ETag` (`"<version>-<h>"`), after
/// checking the tag's form.
pub fn version_of_etag(response: &Response) -> i32 {
    let tag = response.headers()["etag"].to_str().expect("ascii");
    let inner = tag
        .strip_prefix('"')
        .and_then(|tag| tag.strip_suffix('"'))
        .expect("a strong tag");
    let (version, hash) = inner.split_once('-').expect("`<version>-<h>`");
    assert_eq!(
        hash.trim_end_matches("-gz").len(),
        22,
        "16 bytes in base64url: {tag}"
    );
    version.parse().expect("a version")
}

/// Reads a problem body and checks its envelope.
pub async fn problem(response: Response, status: StatusCode) -> Value {
    assert_eq!(response.status(), status, "status");
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert_eq!(content_type, "application/problem+json");
    let body: Value = response.json().await.expect("problem json");
    assert_eq!(body["status"], status.as_u16());
    for key in ["type", "title", "detail", "code"] {
        assert!(body[key].is_string(), "problem has `{key}`: {body}");
    }
    let code = body["code"].as_str().unwrap_or_default();
    assert!(
        rapport::error::PROBLEM_CODES.contains(&code),
        "`{code}` is listed in the document's ProblemCode"
    );
    // However a test goes on to read it, the body must fit the one envelope.
    let _: Problem = from_value(body.clone());
    body
}

/// Reads a problem body, checks its envelope and types it.
pub async fn typed_problem(response: Response, status: StatusCode) -> Problem {
    from_value(problem(response, status).await)
}

/// The fields a 422 problem names.
pub async fn invalid_fields(response: Response) -> Vec<String> {
    let body = problem(response, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(body["code"], "validation_failed");
    body["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|error| error["field"].as_str().expect("field").to_owned())
        .collect()
}

impl TestApp {
    /// Creates a resource with `POST path` and returns its body.
    pub async fn create(&self, path: &str, token: &str, body: Value) -> Value {
        let response = self.post_json(path, Some(token), &body).await;
        assert_eq!(
            response.status(),
            StatusCode::CREATED,
            "create {path}: {body}"
        );
        response.json().await.expect("json")
    }

    pub async fn employer(&self, token: &str, body: Value) -> Value {
        self.create("/v1/employers", token, body).await
    }

    pub async fn contact(&self, token: &str, body: Value) -> Value {
        self.create("/v1/contacts", token, body).await
    }

    /// GETs a JSON body, asserting 200.
    pub async fn get_json(&self, path: &str, token: &str) -> Value {
        let response = self.get(path, token).await;
        assert_eq!(response.status(), StatusCode::OK, "GET {path}");
        response.json().await.expect("json")
    }

    /// Creates a resource with `POST path` and returns its typed body.
    pub async fn create_as<T: DeserializeOwned>(&self, path: &str, token: &str, body: Value) -> T {
        from_value(self.create(path, token, body).await)
    }

    /// GETs a typed body, asserting 200.
    pub async fn get_as<T: DeserializeOwned>(&self, path: &str, token: &str) -> T {
        from_value(self.get_json(path, token).await)
    }
}

/// Reading a body as one of the typed [`bodies`].
pub trait JsonAs {
    /// The body as `T`; a field `T` does not name, or one it misses, fails
    /// with the path of that field.
    fn json_as<T: DeserializeOwned>(self) -> impl Future<Output = T>;
}

impl JsonAs for Response {
    async fn json_as<T: DeserializeOwned>(self) -> T {
        from_value(self.json().await.expect("json"))
    }
}

/// `value` as `T`, or a panic naming the field that does not fit.
pub fn from_value<T: DeserializeOwned>(value: Value) -> T {
    let shown = value.to_string();
    serde_path_to_error::deserialize(value).unwrap_or_else(|error| {
        panic!(
            "the body does not fit {} at `{}`: {}\n{shown}",
            std::any::type_name::<T>(),
            error.path(),
            error.inner()
        )
    })
}

/// The `id` of a JSON resource.
pub fn id_of(resource: &Value) -> String {
    resource["id"].as_str().expect("an id").to_owned()
}

//! The route table, the middleware around it, and the server.

use std::time::Duration;

use actix_cors::Cors;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::{Condition, DefaultHeaders, from_fn};
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use utoipa_actix_web::service_config::ServiceConfig;
use utoipa_actix_web::{AppExt, scope};
use utoipa_swagger_ui::SwaggerUi;

use crate::auth::jwt::JwtKeys;
use crate::auth::password::Passwords;
use crate::auth::rate_limit::{self, Budgets};
use crate::config::Settings;
use crate::contacts::search::ContactSearch;
use crate::deprecation::{self, Deprecations};
use crate::state::AppState;
use crate::{
    action_items, auth, calendar, contacts, db, employers, extract, health, http, idempotency,
    interviews, openapi, outreach, question_sets, reminders, representation, stats, sync, users,
    webhooks,
};

/// Every documented route. The server mounts it and the OpenAPI document
/// is generated from it, so the two cannot drift apart.
pub fn routes(config: &mut ServiceConfig) {
    config.configure(health::configure).service(
        scope::scope("/v1")
            .configure(auth::configure)
            .configure(users::configure)
            .configure(employers::configure)
            .configure(contacts::configure)
            .configure(question_sets::configure)
            .configure(interviews::configure)
            .configure(action_items::configure)
            .configure(outreach::configure)
            .configure(stats::configure)
            .configure(reminders::configure)
            .configure(webhooks::configure)
            .configure(sync::configure)
            .configure(calendar::configure),
    );
}

/// What the application is built from, once per process: the state every
/// handler reaches, and beside it the pieces only some handlers take.
#[derive(Clone)]
pub struct Components {
    pub state: AppState,
    pub jwt: web::Data<JwtKeys>,
    /// Rate limits: sign-in per address, password changes, pings.
    pub budgets: web::Data<Budgets>,
    /// The process's bounded Argon2 runs.
    pub passwords: web::Data<Passwords>,
    /// What contact searches choose their way from, and their turns.
    pub contact_search: web::Data<ContactSearch>,
    /// The operations that announce their deprecation.
    pub deprecations: web::Data<Deprecations>,
}

impl Components {
    pub fn new(settings: Settings) -> Self {
        Self {
            jwt: web::Data::new(JwtKeys::new(&settings.jwt_secret)),
            budgets: web::Data::new(Budgets::new(
                settings.auth_rate_per_minute,
                settings.trusted_proxies.clone(),
            )),
            passwords: web::Data::new(Passwords::new(
                settings.password_hash_concurrency,
                settings.password_hash_wait,
            )),
            contact_search: web::Data::new(ContactSearch::new(
                settings.search_concurrency,
                settings.pool_wait_timeout,
            )),
            deprecations: web::Data::new(Deprecations::default()),
            state: AppState::new(settings),
        }
    }
}

/// The whole application, as the server and the tests run it.
pub fn build_app(
    components: Components,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let settings = &components.state.settings;
    let cors_enabled = !settings.cors_origins.is_empty();
    let public_url = settings.public_url.clone();
    let cors = settings
        .cors_origins
        .iter()
        .fold(Cors::default(), |cors, origin| cors.allowed_origin(origin))
        .allowed_methods(["GET", "POST", "PUT", "PATCH", "DELETE"])
        .allowed_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::IF_MATCH,
            header::IF_NONE_MATCH,
            idempotency::IDEMPOTENCY_KEY,
            http::REQUEST_ID,
        ])
        .expose_headers([
            header::ETAG,
            header::LOCATION,
            header::LINK,
            header::RETRY_AFTER,
            http::REQUEST_ID,
            idempotency::IDEMPOTENT_REPLAYED,
            // Sent to delegated tokens (DESIGN §10); a browser client
            // reads them to pace itself.
            header::HeaderName::from_static("ratelimit"),
            header::HeaderName::from_static("ratelimit-policy"),
            deprecation::DEPRECATION,
            deprecation::SUNSET,
        ])
        .max_age(3600);

    let (app, _) = App::new()
        .into_utoipa_app()
        .app_data(web::Data::new(components.state))
        .app_data(components.jwt)
        .app_data(components.budgets)
        .app_data(components.passwords)
        .app_data(components.contact_search)
        .app_data(components.deprecations)
        .app_data(extract::query_config())
        .app_data(extract::path_config(openapi::allowed_methods))
        .app_data(extract::json_config())
        .configure(routes)
        .split_for_parts();
    app.service(
        SwaggerUi::new("/docs/{_:.*}")
            .external_urls_from_iter_unchecked([("/openapi.json", openapi::served(&public_url))]),
    )
    .service(web::resource("/docs").get(|| async {
        HttpResponse::PermanentRedirect()
            .insert_header((header::LOCATION, "/docs/"))
            .finish()
    }))
    .default_service(web::to(|request: HttpRequest| async move {
        Err::<HttpResponse, _>(http::unmatched(&request, openapi::allowed_methods))
    }))
    .wrap(from_fn(idempotency::keep_answers))
    .wrap(from_fn(representation::represent))
    .wrap(from_fn(deprecation::announce))
    .wrap(Condition::new(cors_enabled, cors))
    .wrap(DefaultHeaders::new().add((header::X_CONTENT_TYPE_OPTIONS, "nosniff")))
    .wrap(from_fn(http::request_context))
}

/// Prepares the database and serves until SIGTERM or SIGINT, then lets
/// in-flight requests finish.
pub async fn serve(settings: Settings) -> StartResult<()> {
    if !settings.is_production() {
        db::create_database_if_missing(&settings).await?;
    }
    let applied = db::run_migrations(&settings).await?;
    if !applied.is_empty() {
        tracing::info!(migrations = ?applied, "applied migrations");
    }
    let bind = settings.bind;
    let components = Components::new(settings);
    components.passwords.warm_up().await?;
    let state = components.state.clone();

    let pool = state.pool.clone();
    actix_web::rt::spawn(async move {
        let mut interval = tokio::time::interval(Duration::from_secs(60));
        loop {
            interval.tick().await;
            if let Err(error) = rate_limit::forget_full(&pool).await {
                tracing::warn!(%error, "full rate-limit buckets were not deleted");
            }
        }
    });
    let pool = state.pool.clone();
    actix_web::rt::spawn(async move {
        let mut interval = tokio::time::interval(idempotency::FORGET_EVERY);
        loop {
            interval.tick().await;
            if let Err(error) = idempotency::forget_expired(&pool).await {
                tracing::warn!(%error, "expired idempotency keys were not deleted");
            }
        }
    });
    let pool = state.pool.clone();
    actix_web::rt::spawn(async move {
        let mut interval = tokio::time::interval(sync::jobs::COMPACT_EVERY);
        loop {
            interval.tick().await;
            if let Err(error) = sync::jobs::compact(&pool).await {
                tracing::warn!(%error, "the sync log was not compacted");
            }
        }
    });

    // The dispatcher and the delivery workers coordinate with other
    // replicas only through row locks; on shutdown they finish the batch in
    // hand and stop.
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let background = [
        actix_web::rt::spawn(reminders::dispatcher::run(
            state.pool.clone(),
            state.settings.clone(),
            stopped.clone(),
        )),
        actix_web::rt::spawn(webhooks::delivery::run(
            state.pool.clone(),
            state.settings.clone(),
            stopped,
        )),
    ];

    tracing::info!(address = %bind, "listening");
    let served = HttpServer::new(move || build_app(components.clone()))
        .bind(bind)?
        .shutdown_timeout(30)
        .run()
        .await;
    let _ = stop.send(true);
    for task in background {
        let _ = task.await;
    }
    served?;
    tracing::info!("stopped");
    Ok(())
}

/// What can stop the service from starting: reported once by `main`, then
/// the process exits 1.
pub type StartResult<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

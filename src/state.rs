//! What every handler can reach, built once per process from the
//! settings. Its own module so that extractors and handlers depend on it
//! without depending on the server that mounts them.

use std::sync::Arc;

use crate::auth::jwt::JwtKeys;
use crate::auth::password::Passwords;
use crate::auth::rate_limit::Budgets;
use crate::config::Settings;
use crate::contacts::search::ContactSearch;
use crate::db;
use crate::metrics::Metrics;

/// What every handler can reach. Cheap to clone; nothing in it is state
/// that replicas would have to share.
#[derive(Clone)]
pub struct AppState {
    pub pool: db::Pool,
    pub settings: Arc<Settings>,
    pub jwt: Arc<JwtKeys>,
    /// Rate limits: sign-in per address, password changes, pings.
    pub budgets: Arc<Budgets>,
    /// The process's bounded Argon2 runs.
    pub passwords: Arc<Passwords>,
    pub metrics: Arc<Metrics>,
    /// The newest embedded migration, for `/readyz`.
    pub latest_migration: Arc<str>,
    /// What contact searches choose their strategy from, and their turns.
    pub contact_search: Arc<ContactSearch>,
}

impl AppState {
    pub fn new(settings: Settings) -> Self {
        Self {
            pool: db::build_pool(&settings),
            jwt: Arc::new(JwtKeys::new(&settings.jwt_secret)),
            budgets: Arc::new(Budgets::new(
                settings.auth_rate_per_minute,
                settings.trusted_proxies.clone(),
            )),
            passwords: Arc::new(Passwords::new(
                settings.password_hash_concurrency,
                settings.password_hash_wait,
            )),
            metrics: Arc::new(Metrics::new()),
            latest_migration: db::latest_migration_version().into(),
            contact_search: Arc::new(ContactSearch::new(
                settings.search_concurrency,
                settings.pool_wait_timeout,
            )),
            settings: Arc::new(settings),
        }
    }
}

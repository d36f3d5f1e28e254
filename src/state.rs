//! What every handler can reach, built once per process from the
//! settings. Its own module so that extractors and handlers depend on it
//! without depending on the server that mounts them; it depends on no
//! resource module. What only some handlers use (the token keys, the
//! password hashing threads, the rate limits, the contact search's turns)
//! is registered beside it by [`crate::startup::Components`], each as its
//! own `web::Data`.

use std::sync::Arc;

use crate::config::Settings;
use crate::db;
use crate::metrics::Metrics;

/// What every handler can reach. Cheap to clone; nothing in it is state
/// that replicas would have to share.
#[derive(Clone)]
pub struct AppState {
    pub pool: db::Pool,
    pub settings: Arc<Settings>,
    pub metrics: Arc<Metrics>,
    /// The newest embedded migration, for `/readyz`.
    pub latest_migration: Arc<str>,
}

impl AppState {
    pub fn new(settings: Settings) -> Self {
        Self {
            pool: db::build_pool(&settings),
            metrics: Arc::new(Metrics::new()),
            latest_migration: db::latest_migration_version().into(),
            settings: Arc::new(settings),
        }
    }
}

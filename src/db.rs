//! The connection pool, TLS to PostgreSQL, embedded migrations, and database
//! creation in development.

use std::sync::Arc;
use std::time::Duration;

use deadpool::managed::Manager;
use diesel::{ConnectionError, ConnectionResult, QueryResult, QueryableByName};
use diesel_async::async_connection_wrapper::AsyncConnectionWrapper;
use diesel_async::pooled_connection::{
    AsyncDieselConnectionManager, ManagerConfig, RecyclingMethod,
};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};
use futures_util::FutureExt;

use crate::config::Settings;

/// The pool every request draws its connection from.
pub type Pool = deadpool::managed::Pool<ConnectionManager>;
/// A connection on loan from the pool.
pub type PooledConnection = deadpool::managed::Object<ConnectionManager>;
/// Why no connection could be had.
pub type PoolError = diesel_async::pooled_connection::deadpool::PoolError;

/// How long a checked-out connection may take to answer its liveness check
/// (or the query that stands in for it) before it is discarded.
const LIVENESS_TIMEOUT: Duration = Duration::from_secs(2);

/// A connection checked out less than this long ago is handed out again
/// without the `SELECT 1`: it was in use moments before and would have been
/// found broken had it failed. Under load every connection is reused within
/// milliseconds, so the check would be a round trip on almost every request
/// that reads a body (creating a contact: about a tenth of its throughput);
/// a connection that sat idle longer is checked. HikariCP's
/// `aliveBypassWindowMs` makes the same bargain, with the same 500 ms.
const RECENTLY_USED: Duration = Duration::from_millis(500);

/// How long a session may sit inside a transaction doing nothing.
const IDLE_IN_TRANSACTION: Duration = Duration::from_secs(60);

/// The migrations, compiled into the binary.
pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

/// The advisory lock that serialises migrations between replicas starting
/// together (an arbitrary constant: "rapport" in ASCII).
const MIGRATION_LOCK_KEY: i64 = 0x0072_6170_706f_7274;

/// Builds the pool. Connections are made lazily, so this succeeds even when
/// the database is down; requests then answer 503 within the wait timeout.
pub fn build_pool(settings: &Settings) -> Pool {
    let manager_with = |recycling_method| {
        let statement_timeout = settings.statement_timeout;
        let mut config = ManagerConfig::default();
        config.recycling_method = recycling_method;
        config.custom_setup =
            Box::new(move |url| establish(url.to_owned(), statement_timeout).boxed());
        AsyncDieselConnectionManager::new_with_config(&settings.database_url, config)
    };
    let manager = ConnectionManager {
        verified: manager_with(RecyclingMethod::Verified),
        unverified: manager_with(RecyclingMethod::Fast),
    };
    Pool::builder(manager)
        .max_size(settings.pool_size)
        .wait_timeout(Some(settings.pool_wait_timeout))
        .create_timeout(Some(settings.pool_wait_timeout))
        .recycle_timeout(Some(LIVENESS_TIMEOUT))
        .runtime(deadpool::Runtime::Tokio1)
        .build()
        .expect("a pool with a runtime and timeouts always builds")
}

tokio::task_local! {
    /// Set while [`checkout_with`] takes a connection: its first query
    /// stands in for the liveness check.
    static FIRST_QUERY_CHECKS_LIVENESS: ();
}

/// diesel-async's manager, whose check before a checkout runs `SELECT 1`
/// (bounded by the recycle timeout) so that a connection that stopped
/// answering is replaced instead of hanging a request. It is skipped for a
/// connection [`RECENTLY_USED`], and by [`checkout_with`], which bounds its
/// own first query instead; a connection that is closed or was left inside
/// a transaction is replaced either way.
pub struct ConnectionManager {
    verified: AsyncDieselConnectionManager<AsyncPgConnection>,
    unverified: AsyncDieselConnectionManager<AsyncPgConnection>,
}

impl Manager for ConnectionManager {
    type Type = AsyncPgConnection;
    type Error = diesel_async::pooled_connection::PoolError;

    async fn create(&self) -> Result<AsyncPgConnection, Self::Error> {
        self.verified.create().await
    }

    async fn recycle(
        &self,
        connection: &mut AsyncPgConnection,
        metrics: &deadpool::managed::Metrics,
    ) -> deadpool::managed::RecycleResult<Self::Error> {
        let first_query_checks = FIRST_QUERY_CHECKS_LIVENESS.try_with(|_| ()).is_ok();
        // `last_used` is the time since the connection was last checked out.
        if first_query_checks || metrics.last_used() < RECENTLY_USED {
            self.unverified.recycle(connection, metrics).await
        } else {
            self.verified.recycle(connection, metrics).await
        }
    }
}

/// Checks a connection out and runs `first` on it, the first query doing
/// the work of the liveness check: it must answer within the recycle
/// timeout, or the connection is discarded and the next one tried, until
/// the pool's wait timeout has passed (then a recycle timeout, as when the
/// pool's own check goes unanswered). One round trip fewer than
/// [`Pool::get`] on a connection that sat idle.
pub async fn checkout_with<T>(
    pool: &Pool,
    first: impl AsyncFn(&mut AsyncPgConnection) -> QueryResult<T>,
) -> Result<(PooledConnection, QueryResult<T>), PoolError> {
    let timeouts = pool.timeouts();
    let deadline = tokio::time::Instant::now() + timeouts.wait.unwrap_or(LIVENESS_TIMEOUT);
    loop {
        // Waiting for a connection, or making one, counts against the same
        // deadline as the attempts before.
        let remaining = deadline.saturating_duration_since(tokio::time::Instant::now());
        let within_deadline = deadpool::managed::Timeouts {
            wait: Some(remaining),
            create: Some(remaining),
            recycle: timeouts.recycle,
        };
        let mut connection = FIRST_QUERY_CHECKS_LIVENESS
            .scope((), pool.timeout_get(&within_deadline))
            .await?;
        let answered = tokio::time::timeout_at(
            deadline.min(tokio::time::Instant::now() + LIVENESS_TIMEOUT),
            first(&mut connection),
        )
        .await;
        match answered {
            Ok(result) => return Ok((connection, result)),
            Err(_elapsed) => {
                // The query may still be in flight: the connection is not
                // given back to the pool.
                drop(deadpool::managed::Object::take(connection));
                if tokio::time::Instant::now() >= deadline {
                    return Err(PoolError::Timeout(deadpool::managed::TimeoutType::Recycle));
                }
            }
        }
    }
}

/// A connection a request's middleware lends to its handler, inside a
/// transaction the middleware opened (`crate::idempotency`): the handler's
/// own transactions become savepoints of it, and the middleware commits
/// the handler's effect together with what it writes after.
#[derive(Clone, Default)]
pub struct ConnectionSlot(Arc<std::sync::Mutex<Option<PooledConnection>>>);

impl ConnectionSlot {
    pub fn lend(&self, connection: PooledConnection) {
        *self.0.lock().expect("the slot is not poisoned") = Some(connection);
    }

    /// The lent connection, when it is there (not out with the handler).
    pub fn take(&self) -> Option<PooledConnection> {
        self.0.lock().expect("the slot is not poisoned").take()
    }
}

/// The connection a handler works on: its own from the pool, or one lent
/// by a [`ConnectionSlot`], which goes back to the slot when the handler
/// is done with it.
pub enum RequestConnection {
    Own(PooledConnection),
    Lent {
        connection: Option<PooledConnection>,
        slot: ConnectionSlot,
    },
}

impl std::ops::Deref for RequestConnection {
    type Target = AsyncPgConnection;

    fn deref(&self) -> &AsyncPgConnection {
        match self {
            Self::Own(connection) => connection,
            Self::Lent { connection, .. } => connection.as_ref().expect("held until dropped"),
        }
    }
}

impl std::ops::DerefMut for RequestConnection {
    fn deref_mut(&mut self) -> &mut AsyncPgConnection {
        match self {
            Self::Own(connection) => connection,
            Self::Lent { connection, .. } => connection.as_mut().expect("held until dropped"),
        }
    }
}

impl Drop for RequestConnection {
    fn drop(&mut self) {
        if let Self::Lent { connection, slot } = self
            && let Some(connection) = connection.take()
        {
            slot.lend(connection);
        }
    }
}

/// How a `DATABASE_URL` asks for TLS, following libpq's `sslmode` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TlsMode {
    /// `disable`, `allow`, `prefer` or nothing: a plain connection.
    Off,
    /// `require`: encrypted, the certificate is not checked (as libpq does).
    Encrypt,
    /// `verify-ca` or `verify-full`: encrypted, certificate and host name checked.
    Verify,
}

/// Splits the `sslmode` parameter out of the URL, since tokio-postgres knows
/// only `disable`, `prefer` and `require`.
fn tls_mode(url: &str) -> (String, TlsMode) {
    let Some((base, query)) = url.split_once('?') else {
        return (url.to_owned(), TlsMode::Off);
    };
    let mut mode = TlsMode::Off;
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| match pair.strip_prefix("sslmode=") {
            Some("require") => {
                mode = TlsMode::Encrypt;
                false
            }
            Some("verify-ca" | "verify-full") => {
                mode = TlsMode::Verify;
                false
            }
            Some(_) => false,
            None => !pair.is_empty(),
        })
        .collect();
    let url = if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    (url, mode)
}

/// Opens one connection, with TLS when the URL asks for it and the
/// statement timeout set for the whole session.
pub async fn establish(
    url: String,
    statement_timeout: Duration,
) -> ConnectionResult<AsyncPgConnection> {
    let (url, mode) = tls_mode(&url);
    let mut config: tokio_postgres::Config =
        url.parse().map_err(|error: tokio_postgres::Error| {
            ConnectionError::BadConnection(error.to_string())
        })?;
    // A transaction left open by a request that went away (a connection
    // an idempotency key lent, dropped by a panic) ends by itself instead
    // of holding its locks.
    config.options(format!(
        "-c statement_timeout={} -c idle_in_transaction_session_timeout={}",
        statement_timeout.as_millis(),
        IDLE_IN_TRANSACTION.as_millis()
    ));
    config.connect_timeout(Duration::from_secs(5));
    // A peer that vanished without closing the connection (a network
    // partition, a host gone) is noticed within seconds, not minutes.
    config.keepalives(true);
    config.keepalives_idle(Duration::from_secs(10));
    config.tcp_user_timeout(Duration::from_secs(5));
    let bad = |error: tokio_postgres::Error| ConnectionError::BadConnection(error.to_string());
    match mode {
        TlsMode::Off => {
            let (client, connection) = config.connect(tokio_postgres::NoTls).await.map_err(bad)?;
            AsyncPgConnection::try_from_client_and_connection(client, connection).await
        }
        TlsMode::Encrypt | TlsMode::Verify => {
            config.ssl_mode(tokio_postgres::config::SslMode::Require);
            let tls = tokio_postgres_rustls::MakeRustlsConnect::new(rustls_config(mode));
            let (client, connection) = config.connect(tls).await.map_err(bad)?;
            AsyncPgConnection::try_from_client_and_connection(client, connection).await
        }
    }
}

/// A TLS client configuration that checks certificates against the Mozilla
/// roots (webhook deliveries use it too).
pub fn verified_tls_config() -> rustls::ClientConfig {
    rustls_config(TlsMode::Verify)
}

fn rustls_config(mode: TlsMode) -> rustls::ClientConfig {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .expect("ring supports the default protocol versions");
    if mode == TlsMode::Verify {
        let roots =
            rustls::RootCertStore::from_iter(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        builder.with_root_certificates(roots).with_no_client_auth()
    } else {
        builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(EncryptOnly(provider)))
            .with_no_client_auth()
    }
}

/// `sslmode=require`: the channel is encrypted and the handshake signature
/// checked, but the certificate chain is not, exactly as libpq behaves.
#[derive(Debug)]
struct EncryptOnly(Arc<rustls::crypto::CryptoProvider>);

impl rustls::client::danger::ServerCertVerifier for EncryptOnly {
    fn verify_server_cert(
        &self,
        _end_entity: &rustls::pki_types::CertificateDer<'_>,
        _intermediates: &[rustls::pki_types::CertificateDer<'_>],
        _server_name: &rustls::pki_types::ServerName<'_>,
        _ocsp_response: &[u8],
        _now: rustls::pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        Ok(rustls::client::danger::ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// A failure while preparing the database at start-up.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("cannot connect to the database: {0}")]
    Connect(#[from] ConnectionError),
    #[error("database query failed: {0}")]
    Query(#[from] diesel::result::Error),
    #[error("migrations failed: {0}")]
    Migration(String),
}

/// Applies every pending migration under an advisory lock, so replicas that
/// start together take turns. Returns the versions applied.
pub async fn run_migrations(settings: &Settings) -> Result<Vec<String>, SetupError> {
    let connection = establish(settings.database_url.clone(), Duration::from_secs(0)).await?;
    // The migration harness is synchronous; it drives the async connection
    // from a blocking thread while this runtime keeps serving its I/O.
    tokio::task::spawn_blocking(move || {
        let mut connection: AsyncConnectionWrapper<AsyncPgConnection> = connection.into();
        let lock = diesel::sql_query("SELECT pg_advisory_lock($1)")
            .bind::<diesel::sql_types::BigInt, _>(MIGRATION_LOCK_KEY);
        diesel::RunQueryDsl::execute(lock, &mut connection)?;
        let applied = connection
            .run_pending_migrations(MIGRATIONS)
            .map(|versions| versions.iter().map(ToString::to_string).collect())
            .map_err(|error| SetupError::Migration(error.to_string()));
        let unlock = diesel::sql_query("SELECT pg_advisory_unlock($1)")
            .bind::<diesel::sql_types::BigInt, _>(MIGRATION_LOCK_KEY);
        diesel::RunQueryDsl::execute(unlock, &mut connection)?;
        applied
    })
    .await
    .map_err(|error| SetupError::Migration(error.to_string()))?
}

/// The version of the newest embedded migration.
pub fn latest_migration_version() -> String {
    use diesel::migration::MigrationSource;
    MigrationSource::<diesel::pg::Pg>::migrations(&MIGRATIONS)
        .expect("embedded migrations are readable")
        .iter()
        .map(|migration| migration.name().version().to_string())
        .max()
        .unwrap_or_default()
}

#[derive(QueryableByName)]
struct AppliedVersion {
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    version: Option<String>,
}

/// Whether the database answers and has every embedded migration applied.
pub async fn is_ready(pool: &Pool, latest_version: &str) -> bool {
    let Ok(mut connection) = pool.get().await else {
        return false;
    };
    let applied =
        diesel::sql_query("SELECT max(version) AS version FROM __diesel_schema_migrations")
            .get_result::<AppliedVersion>(&mut connection)
            .await;
    matches!(applied, Ok(AppliedVersion { version: Some(version) }) if version.as_str() >= latest_version)
}

/// The database name in a PostgreSQL URL (`postgres://host/NAME?params`).
pub fn database_name(url: &str) -> Option<&str> {
    let without_query = url.split('?').next()?;
    let after_scheme = without_query.split_once("://")?.1;
    let name = after_scheme.split_once('/')?.1;
    (!name.is_empty()).then_some(name)
}

/// The same URL naming another database on the same server.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let server = match base.split_once("://") {
        Some((scheme, rest)) => {
            let host = rest.split('/').next().unwrap_or(rest);
            format!("{scheme}://{host}")
        }
        None => base.to_owned(),
    };
    match query {
        Some(query) => format!("{server}/{name}?{query}"),
        None => format!("{server}/{name}"),
    }
}

#[derive(QueryableByName)]
struct Exists {
    #[diesel(sql_type = diesel::sql_types::Bool)]
    exists: bool,
}

/// Creates the database named in the URL when it does not exist yet
/// (development only: production databases are provisioned by their owners).
pub async fn create_database_if_missing(settings: &Settings) -> Result<(), SetupError> {
    let Some(name) = database_name(&settings.database_url) else {
        return Ok(());
    };
    let maintenance_url = with_database(&settings.database_url, "postgres");
    let mut connection = establish(maintenance_url, Duration::from_secs(0)).await?;
    let found =
        diesel::sql_query("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1) AS exists")
            .bind::<diesel::sql_types::Text, _>(name)
            .get_result::<Exists>(&mut connection)
            .await?;
    if !found.exists {
        let quoted = name.replace('"', "\"\"");
        diesel::sql_query(format!("CREATE DATABASE \"{quoted}\""))
            .execute(&mut connection)
            .await?;
        tracing::info!(database = %name, "created the database");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_urls_are_taken_apart_and_rebuilt() {
        let url = "postgres://u:p@db:5432/rapport?sslmode=require";
        assert_eq!(database_name(url), Some("rapport"));
        assert_eq!(
            with_database(url, "postgres"),
            "postgres://u:p@db:5432/postgres?sslmode=require"
        );
        assert_eq!(with_database("postgres://h", "x"), "postgres://h/x");
    }

    #[test]
    fn sslmode_chooses_the_tls_mode() {
        assert_eq!(tls_mode("postgres://h/d").1, TlsMode::Off);
        assert_eq!(tls_mode("postgres://h/d?sslmode=prefer").1, TlsMode::Off);
        let (url, mode) = tls_mode("postgres://h/d?sslmode=require&application_name=x");
        assert_eq!(mode, TlsMode::Encrypt);
        assert_eq!(url, "postgres://h/d?application_name=x");
        assert_eq!(
            tls_mode("postgres://h/d?sslmode=verify-full").1,
            TlsMode::Verify
        );
    }
}

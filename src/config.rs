//! Typed settings, read once from the environment at start-up (DESIGN §5).

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

/// Where the service runs: development is forgiving, production is strict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Environment {
    Development,
    Production,
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Json,
    Text,
}

/// Every setting of the service. Built by [`Settings::from_env`]; tests build
/// it with [`Settings::for_database`].
#[derive(Clone)]
pub struct Settings {
    pub environment: Environment,
    pub database_url: String,
    pub bind: SocketAddr,
    pub jwt_secret: Vec<u8>,
    /// True when no secret was configured (development only): a random one
    /// was made for this process, so tokens end with it; the service warns
    /// at start.
    pub jwt_secret_is_random: bool,
    pub log_format: LogFormat,
    pub pool_size: usize,
    /// How long a request waits for a database connection before it answers 503.
    pub pool_wait_timeout: Duration,
    /// `statement_timeout` set on every database connection.
    pub statement_timeout: Duration,
    /// How many contact searches run in the database at once; the rest
    /// wait their turn (up to `pool_wait_timeout`).
    pub search_concurrency: usize,
    pub cors_origins: Vec<String>,
    pub webhook_allow_private: bool,
    pub auth_rate_per_minute: u32,
    /// Argon2 runs at once in this process (2 × cores).
    pub password_hash_concurrency: usize,
    /// How long a request waits for an Argon2 run before it answers 503.
    pub password_hash_wait: Duration,
    pub trusted_proxies: Vec<IpAddr>,
    pub dispatch_interval: Duration,
    pub webhook_retry_base: Duration,
    pub public_url: String,
}

/// Secrets shorter than this are refused in every mode.
pub const MIN_JWT_SECRET_BYTES: usize = 32;

const DEVELOPMENT_DATABASE_URL: &str = "postgres://postgres@localhost:5432/rapport";

/// A setting that cannot be used; the message names the variable.
#[derive(Debug, thiserror::Error)]
#[error("{variable}: {message}")]
pub struct ConfigError {
    pub variable: &'static str,
    pub message: String,
}

impl ConfigError {
    fn new(variable: &'static str, message: impl Into<String>) -> Self {
        Self {
            variable,
            message: message.into(),
        }
    }
}

impl Settings {
    /// Reads the settings from the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
    }

    /// Reads the settings through `lookup`, so that the rules can be tested
    /// without touching the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let environment = match lookup("RAPPORT_ENV").as_deref() {
            None | Some("development") => Environment::Development,
            Some("production") => Environment::Production,
            Some(other) => {
                return Err(ConfigError::new(
                    "RAPPORT_ENV",
                    format!("must be `development` or `production`, not `{other}`"),
                ));
            }
        };
        let production = environment == Environment::Production;

        let database_url = match lookup("DATABASE_URL") {
            Some(url) => url,
            None if production => {
                return Err(ConfigError::new(
                    "DATABASE_URL",
                    "is required in production",
                ));
            }
            None => DEVELOPMENT_DATABASE_URL.to_owned(),
        };

        // Fails closed: a short secret is refused whatever the mode, and
        // development without one gets a random secret nobody else knows,
        // never a constant that could be read in the source.
        let (jwt_secret, jwt_secret_is_random) = match lookup("RAPPORT_JWT_SECRET") {
            Some(secret) if secret.len() >= MIN_JWT_SECRET_BYTES => (secret.into_bytes(), false),
            Some(_) => {
                return Err(ConfigError::new(
                    "RAPPORT_JWT_SECRET",
                    format!("must be at least {MIN_JWT_SECRET_BYTES} bytes long"),
                ));
            }
            None if production => {
                return Err(ConfigError::new(
                    "RAPPORT_JWT_SECRET",
                    format!("is required in production (at least {MIN_JWT_SECRET_BYTES} bytes)"),
                ));
            }
            None => (random_secret(), true),
        };

        let bind: SocketAddr = parse_or("RAPPORT_BIND", &lookup, "127.0.0.1:8080".parse().ok())?;
        let log_format = match lookup("RAPPORT_LOG_FORMAT").as_deref() {
            None if production => LogFormat::Json,
            None => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some("text") => LogFormat::Text,
            Some(other) => {
                return Err(ConfigError::new(
                    "RAPPORT_LOG_FORMAT",
                    format!("must be `json` or `text`, not `{other}`"),
                ));
            }
        };
        let pool_size: usize = parse_or("RAPPORT_DB_POOL_SIZE", &lookup, Some(16))?;
        if pool_size == 0 {
            return Err(ConfigError::new(
                "RAPPORT_DB_POOL_SIZE",
                "must be at least 1",
            ));
        }
        let search_concurrency: usize = parse_or("RAPPORT_SEARCH_CONCURRENCY", &lookup, Some(6))?;
        if search_concurrency == 0 {
            return Err(ConfigError::new(
                "RAPPORT_SEARCH_CONCURRENCY",
                "must be at least 1",
            ));
        }
        let auth_rate_per_minute: u32 =
            parse_or("RAPPORT_AUTH_RATE_PER_MINUTE", &lookup, Some(20))?;
        if auth_rate_per_minute == 0 {
            return Err(ConfigError::new(
                "RAPPORT_AUTH_RATE_PER_MINUTE",
                "must be at least 1",
            ));
        }
        let webhook_allow_private: bool =
            parse_or("RAPPORT_WEBHOOK_ALLOW_PRIVATE", &lookup, Some(!production))?;
        let dispatch_interval_ms: u64 =
            parse_or("RAPPORT_DISPATCH_INTERVAL_MS", &lookup, Some(5000))?;
        let webhook_retry_base_ms: u64 =
            parse_or("RAPPORT_WEBHOOK_RETRY_BASE_MS", &lookup, Some(60_000))?;
        let trusted_proxies = comma_list(lookup("RAPPORT_TRUSTED_PROXIES"))
            .into_iter()
            .map(|item| {
                item.parse::<IpAddr>().map_err(|_| {
                    ConfigError::new(
                        "RAPPORT_TRUSTED_PROXIES",
                        format!("`{item}` is not an IP address"),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let public_url = lookup("RAPPORT_PUBLIC_URL")
            .unwrap_or_else(|| format!("http://{bind}"))
            .trim_end_matches('/')
            .to_owned();

        Ok(Self {
            environment,
            database_url,
            bind,
            jwt_secret,
            jwt_secret_is_random,
            log_format,
            pool_size,
            pool_wait_timeout: Duration::from_secs(5),
            statement_timeout: Duration::from_secs(10),
            search_concurrency,
            cors_origins: comma_list(lookup("RAPPORT_CORS_ORIGINS")),
            webhook_allow_private,
            auth_rate_per_minute,
            password_hash_concurrency: 2 * std::thread::available_parallelism()
                .map(std::num::NonZeroUsize::get)
                .unwrap_or(1),
            password_hash_wait: Duration::from_secs(5),
            trusted_proxies,
            dispatch_interval: Duration::from_millis(dispatch_interval_ms.max(10)),
            webhook_retry_base: Duration::from_millis(webhook_retry_base_ms),
            public_url,
        })
    }

    /// Development settings pointed at `database_url`, as the tests use them.
    pub fn for_database(database_url: &str) -> Self {
        let mut settings = Self::from_lookup(|_| None).expect("the defaults are valid");
        settings.database_url = database_url.to_owned();
        settings
    }

    pub fn is_production(&self) -> bool {
        self.environment == Environment::Production
    }
}

fn parse_or<T: std::str::FromStr>(
    variable: &'static str,
    lookup: &impl Fn(&str) -> Option<String>,
    default: Option<T>,
) -> Result<T, ConfigError> {
    match lookup(variable) {
        Some(raw) => raw
            .trim()
            .parse()
            .map_err(|_| ConfigError::new(variable, format!("`{raw}` is not a valid value"))),
        None => default.ok_or_else(|| ConfigError::new(variable, "is required")),
    }
}

/// 256 random bits, hex-encoded, for a development process without a
/// configured secret.
fn random_secret() -> Vec<u8> {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    bytes
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect::<String>()
        .into_bytes()
}

fn comma_list(raw: Option<String>) -> Vec<String> {
    raw.unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn settings(vars: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Settings::from_lookup(|name| vars.get(name).cloned())
    }

    #[test]
    fn development_needs_nothing_set() {
        let settings = settings(&[]).expect("defaults");
        assert_eq!(settings.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(settings.public_url, "http://127.0.0.1:8080");
        assert!(settings.webhook_allow_private);
        assert_eq!(settings.log_format, LogFormat::Text);
    }

    #[test]
    fn production_without_a_secret_names_the_variable() {
        let error = settings(&[
            ("RAPPORT_ENV", "production"),
            ("DATABASE_URL", "postgres://x/y"),
        ])
        .err()
        .expect("refused");
        assert_eq!(error.variable, "RAPPORT_JWT_SECRET");
    }

    #[test]
    fn production_with_a_short_secret_is_refused() {
        let error = settings(&[
            ("RAPPORT_ENV", "production"),
            ("DATABASE_URL", "postgres://x/y"),
            ("RAPPORT_JWT_SECRET", "too-short"),
        ])
        .err()
        .expect("refused");
        assert!(error.to_string().starts_with("RAPPORT_JWT_SECRET"));
    }

    #[test]
    fn production_defaults_are_strict() {
        let settings = settings(&[
            ("RAPPORT_ENV", "production"),
            ("DATABASE_URL", "postgres://x/y"),
            ("RAPPORT_JWT_SECRET", "0123456789abcdef0123456789abcdef"),
        ])
        .expect("valid");
        assert!(!settings.webhook_allow_private);
        assert_eq!(settings.log_format, LogFormat::Json);
    }

    #[test]
    fn a_short_secret_stops_the_service_in_development_too() {
        let error = settings(&[("RAPPORT_JWT_SECRET", "too-short")])
            .err()
            .expect("refused");
        assert_eq!(error.variable, "RAPPORT_JWT_SECRET");
    }

    #[test]
    fn development_without_a_secret_makes_a_random_one_each_start() {
        let first = settings(&[]).expect("defaults");
        let second = settings(&[]).expect("defaults");
        assert!(first.jwt_secret_is_random);
        assert!(first.jwt_secret.len() >= MIN_JWT_SECRET_BYTES);
        assert_ne!(first.jwt_secret, second.jwt_secret);
        let configured =
            settings(&[("RAPPORT_JWT_SECRET", "0123456789abcdef0123456789abcdef")]).expect("valid");
        assert!(!configured.jwt_secret_is_random);
        assert_eq!(configured.jwt_secret, b"0123456789abcdef0123456789abcdef");
    }

    #[test]
    fn a_malformed_number_names_the_variable() {
        let error = settings(&[("RAPPORT_DB_POOL_SIZE", "many")])
            .err()
            .expect("refused");
        assert_eq!(error.variable, "RAPPORT_DB_POOL_SIZE");
    }

    #[test]
    fn searches_run_six_at_once_unless_told_and_never_none() {
        assert_eq!(settings(&[]).expect("defaults").search_concurrency, 6);
        let settings_of = |value| settings(&[("RAPPORT_SEARCH_CONCURRENCY", value)]);
        assert_eq!(settings_of("12").expect("valid").search_concurrency, 12);
        let error = settings_of("0").err().expect("refused");
        assert_eq!(error.variable, "RAPPORT_SEARCH_CONCURRENCY");
    }
}

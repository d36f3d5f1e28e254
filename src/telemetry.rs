//! The tracing subscriber: JSON lines in production, readable text in
//! development, always on stderr so stdout stays for command output.

use tracing::level_filters::LevelFilter;
use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer};

use crate::config::LogFormat;

/// Dependencies whose debug and trace lines can hold what must never be
/// logged: tokio-postgres writes every statement's parameters (password
/// hashes, webhook secrets, notes), the HTTP stacks write headers and
/// bodies (bearer tokens, passwords). They log at most at `info`, whatever
/// `RUST_LOG` asks for.
const CAPPED_AT_INFO: [&str; 14] = [
    "tokio_postgres",
    "postgres_protocol",
    "diesel",
    "diesel_async",
    "deadpool",
    "actix_http",
    "actix_web",
    "actix_server",
    "h2",
    "hyper",
    "hyper_util",
    "reqwest",
    "rustls",
    "tokio_postgres_rustls",
];

/// What may be logged at all: everything, but the capped dependencies
/// above `info`.
fn never_secrets() -> Targets {
    CAPPED_AT_INFO.iter().fold(
        Targets::new().with_default(LevelFilter::TRACE),
        |targets, target| targets.with_target(*target, LevelFilter::INFO),
    )
}

pub fn init(format: LogFormat) {
    let asked = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let output = tracing_subscriber::fmt::layer().with_writer(std::io::stderr);
    let output = match format {
        LogFormat::Json => output.json().flatten_event(true).boxed(),
        LogFormat::Text => output.boxed(),
    };
    let result = tracing_subscriber::registry()
        .with(output.with_filter(asked).with_filter(never_secrets()))
        .try_init();
    if let Err(error) = result {
        eprintln!("logging was set up already: {error}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sql_parameters_are_never_logged_whatever_the_level() {
        let targets = never_secrets();
        assert!(!targets.would_enable("tokio_postgres::query", &tracing::Level::DEBUG));
        assert!(targets.would_enable("tokio_postgres::query", &tracing::Level::INFO));
        assert!(targets.would_enable("rapport::request", &tracing::Level::TRACE));
    }
}

//! `rapport serve | migrate | openapi`.

use std::process::ExitCode;

use rapport::config::{LogFormat, Settings};
use rapport::{db, openapi, startup, telemetry};

const USAGE: &str = "usage: rapport [serve | migrate | openapi]

  serve    run the HTTP service (the default)
  migrate  apply pending database migrations and exit
  openapi  print the OpenAPI document to stdout

Configuration comes from the environment; see the README.";

fn main() -> ExitCode {
    let command = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "serve".to_owned());
    match command.as_str() {
        "openapi" => {
            print!("{}", openapi::document_json());
            ExitCode::SUCCESS
        }
        "serve" | "migrate" => run(&command),
        "help" | "-h" | "--help" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        other => {
            eprintln!("unknown command `{other}`\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(command: &str) -> ExitCode {
    // A `.env` file is a development convenience; the real environment wins.
    let _ = dotenvy::dotenv();
    let settings = match Settings::from_env() {
        Ok(settings) => settings,
        Err(error) => {
            telemetry::init(LogFormat::Text);
            tracing::error!("configuration error: {error}");
            return ExitCode::FAILURE;
        }
    };
    telemetry::init(settings.log_format);
    if settings.jwt_secret_is_random {
        tracing::warn!(
            "RAPPORT_JWT_SECRET is not set: tokens are signed with a random secret made for \
             this process and end when it stops; set RAPPORT_JWT_SECRET (at least 32 bytes) to keep them"
        );
    }
    let result = actix_web::rt::System::new().block_on(async move {
        match command {
            "migrate" => {
                if !settings.is_production() {
                    db::create_database_if_missing(&settings).await?;
                }
                let applied = db::run_migrations(&settings).await?;
                tracing::info!(migrations = ?applied, "database is up to date");
                Ok(())
            }
            _ => startup::serve(settings).await,
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!("{error}");
            ExitCode::FAILURE
        }
    }
}

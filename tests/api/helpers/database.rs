//! One database per test, cloned from a template migrated once per run.

use std::time::Duration;

use diesel::QueryableByName;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use rapport::config::Settings;
use rapport::db;
use sha2::{Digest, Sha256};
use tokio::sync::OnceCell;

/// The server the tests use; `DATABASE_URL` may name another one.
pub fn server_url() -> String {
    std::env::var("DATABASE_URL")
        .ok()
        .filter(|url| !url.is_empty())
        .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// The template is named after a hash of the migrations, so a changed
/// migration gets a new template.
fn template_name() -> String {
    let mut hasher = Sha256::new();
    let mut entries: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations"))
        .expect("the migrations folder")
        .map(|entry| entry.expect("entry").path())
        .collect();
    entries.sort();
    for folder in entries {
        for file in ["up.sql", "down.sql"] {
            hasher.update(std::fs::read(folder.join(file)).unwrap_or_default());
        }
    }
    let digest = hasher.finalize();
    let hex: String = digest[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("rapport_template_{hex}")
}

async fn connect(url: &str) -> AsyncPgConnection {
    db::establish(url.to_owned(), Duration::from_secs(0))
        .await
        .expect("the test database server answers")
}

#[derive(QueryableByName)]
struct Exists {
    #[diesel(sql_type = diesel::sql_types::Bool)]
    exists: bool,
}

async fn database_exists(connection: &mut AsyncPgConnection, name: &str) -> bool {
    diesel::sql_query("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1) AS exists")
        .bind::<diesel::sql_types::Text, _>(name)
        .get_result::<Exists>(connection)
        .await
        .expect("pg_database is readable")
        .exists
}

/// Creates the migrated template once; the advisory lock serialises test
/// processes, and the rename makes a half-built template invisible.
async fn ensure_template() -> String {
    static TEMPLATE: OnceCell<String> = OnceCell::const_new();
    TEMPLATE
        .get_or_init(|| async {
            let name = template_name();
            let server = server_url();
            let mut admin = connect(&db::with_database(&server, "postgres")).await;
            diesel::sql_query("SELECT pg_advisory_lock(7261706)")
                .execute(&mut admin)
                .await
                .expect("lock");
            if !database_exists(&mut admin, &name).await {
                let building = format!("{name}_building");
                diesel::sql_query(format!("DROP DATABASE IF EXISTS {building} WITH (FORCE)"))
                    .execute(&mut admin)
                    .await
                    .expect("drop a half-built template");
                diesel::sql_query(format!("CREATE DATABASE {building}"))
                    .execute(&mut admin)
                    .await
                    .expect("create the template");
                let settings = Settings::for_database(&db::with_database(&server, &building));
                db::run_migrations(&settings)
                    .await
                    .expect("migrations apply");
                diesel::sql_query(format!("ALTER DATABASE {building} RENAME TO {name}"))
                    .execute(&mut admin)
                    .await
                    .expect("publish the template");
            }
            diesel::sql_query("SELECT pg_advisory_unlock(7261706)")
                .execute(&mut admin)
                .await
                .expect("unlock");
            name
        })
        .await
        .clone()
}

/// A database of one test; dropped (forcefully) when the test ends.
pub struct TestDatabase {
    pub name: String,
    pub url: String,
}

impl TestDatabase {
    /// A fresh, migrated database.
    pub async fn create() -> Self {
        let template = ensure_template().await;
        Self::create_from(Some(&template)).await
    }

    /// A fresh database with no tables at all.
    pub async fn create_empty() -> Self {
        Self::create_from(None).await
    }

    async fn create_from(template: Option<&str>) -> Self {
        let server = server_url();
        let name = format!("rapport_test_{}", uuid::Uuid::new_v4().simple());
        let mut admin = connect(&db::with_database(&server, "postgres")).await;
        let statement = match template {
            Some(template) => format!("CREATE DATABASE {name} TEMPLATE {template}"),
            None => format!("CREATE DATABASE {name}"),
        };
        diesel::sql_query(statement)
            .execute(&mut admin)
            .await
            .expect("create the test database");
        Self {
            url: db::with_database(&server, &name),
            name,
        }
    }

    pub async fn connection(&self) -> AsyncPgConnection {
        connect(&self.url).await
    }

    /// Runs a statement that returns nothing (test set-up: backdating a
    /// row, breaking an invariant on purpose).
    pub async fn run_statement(&self, sql: &str) {
        let mut connection = self.connection().await;
        diesel::sql_query(sql)
            .execute(&mut connection)
            .await
            .expect("statement runs");
    }

    /// Counts rows with a query that returns one `count` column.
    pub async fn count(&self, sql: &str) -> i64 {
        #[derive(QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            count: i64,
        }
        let mut connection = self.connection().await;
        diesel::sql_query(sql)
            .get_result::<Count>(&mut connection)
            .await
            .expect("count query")
            .count
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let name = self.name.clone();
        let admin_url = db::with_database(&server_url(), "postgres");
        // Drop runs inside the test's runtime; a thread with its own runtime
        // can block on the async connection.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime");
            runtime.block_on(async move {
                let mut admin = connect(&admin_url).await;
                let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut admin)
                    .await;
            });
        });
        let _ = dropped.join();
    }
}

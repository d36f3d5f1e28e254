//! The contract's mechanisms that no operation uses yet: deprecation.

use rapport::config::Settings;
use rapport::deprecation::{DEPRECATED, Deprecated, Deprecations};
use rapport::startup::Components;
use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{TestApp, TestDatabase};

/// `GET /v1/stats`, as if it were on its way out (no operation is yet).
const STATS_ON_ITS_WAY_OUT: &[Deprecated] = &[Deprecated {
    method: "GET",
    route: "/v1/stats",
    since: 1_796_083_200,  // 2026-12-01
    sunset: 1_814_313_600, // 2027-06-30
}];

#[actix_web::test]
async fn a_deprecated_operation_answers_deprecation_and_sunset_and_is_marked_so() {
    let database = TestDatabase::create().await;
    let mut settings = Settings::for_database(&database.url);
    settings.auth_rate_per_minute = 10_000;
    let mut components = Components::new(settings);
    components.deprecations = actix_web::web::Data::new(Deprecations(STATS_ON_ITS_WAY_OUT));
    let app = TestApp::serve_components(components, database).await;
    let ada = app.user("ada").await;

    let stats = app.get("/v1/stats", &ada.access_token).await;
    assert_eq!(stats.status(), StatusCode::OK);
    assert_eq!(stats.headers()["deprecation"], "@1796083200");
    assert_eq!(stats.headers()["sunset"], "Wed, 30 Jun 2027 00:00:00 GMT");
    // A refusal of the operation announces it too.
    let refused = app.get("/v1/stats", "not-a-token").await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(refused.headers()["sunset"], "Wed, 30 Jun 2027 00:00:00 GMT");
    let other = app.get("/v1/me", &ada.access_token).await;
    assert!(other.headers().get("deprecation").is_none());

    let contract = rapport::openapi::contract_with(STATS_ON_ITS_WAY_OUT);
    let operation = &contract["paths"]["/v1/stats"]["get"];
    assert_eq!(operation["deprecated"], true);
    for (status, response) in operation["responses"].as_object().expect("responses") {
        for header in ["Deprecation", "Sunset"] {
            assert!(
                response["headers"][header].is_object(),
                "{status} declares {header}"
            );
        }
    }
    // The shared 401 keeps no deprecation of one operation.
    assert!(contract["components"]["responses"]["Unauthorized"]["headers"]["Sunset"].is_null());
}

#[test]
fn only_the_listed_operations_are_deprecated_in_the_committed_document() {
    let document: Value = serde_json::from_str(&rapport::openapi::document_json()).expect("json");
    let marked: Vec<(String, String)> = document["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .flat_map(|(route, item)| {
            item.as_object()
                .expect("item")
                .iter()
                .filter(|(_, operation)| operation["deprecated"] == true)
                .map(|(method, _)| (method.to_ascii_uppercase(), route.clone()))
        })
        .collect();
    let listed: Vec<(String, String)> = DEPRECATED
        .iter()
        .map(|entry| (entry.method.to_owned(), entry.route.to_owned()))
        .collect();
    assert_eq!(marked, listed);
}

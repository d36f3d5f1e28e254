//! `expand` (DESIGN §9): the linked resource's wire form beside its id on
//! reads and lists, absent without it, null when there is no link.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestUser, id_of};

async fn read(app: &TestApp, user: &TestUser, path: &str) -> Value {
    let response = app.get(path, &user.access_token).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.json().await.expect("json")
}

#[actix_web::test]
async fn expand_puts_the_linked_resource_beside_its_id() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let employer = id_of(&app.employer(token, json!({"name": "Northwind"})).await);
    let grace = id_of(
        &app.contact(
            token,
            json!({"full_name": "Grace", "employer_id": employer}),
        )
        .await,
    );
    let alan = id_of(&app.contact(token, json!({"full_name": "Alan"})).await);
    let interview = id_of(
        &app.create("/v1/interviews", token, json!({"contact_id": grace}))
            .await,
    );
    let with_contact = id_of(
        &app.create(
            "/v1/reminders",
            token,
            json!({"title": "Call", "due_at": "2030-01-01T09:00:00Z", "contact_id": alan}),
        )
        .await,
    );
    let alone = id_of(
        &app.create(
            "/v1/reminders",
            token,
            json!({"title": "Plan", "due_at": "2030-01-02T09:00:00Z"}),
        )
        .await,
    );
    let grace_body = read(&app, &ada, &format!("/v1/contacts/{grace}")).await;
    let alan_body = read(&app, &ada, &format!("/v1/contacts/{alan}")).await;
    let employer_body = read(&app, &ada, &format!("/v1/employers/{employer}")).await;

    let plain = read(&app, &ada, &format!("/v1/interviews/{interview}")).await;
    assert!(plain.get("contact").is_none());
    let expanded = read(
        &app,
        &ada,
        &format!("/v1/interviews/{interview}?expand=contact"),
    )
    .await;
    assert_eq!(expanded["contact"], grace_body);
    let page = read(&app, &ada, "/v1/interviews?expand=contact").await;
    assert_eq!(page["items"][0]["contact"], grace_body);

    assert!(grace_body.get("employer").is_none());
    let contact = read(&app, &ada, &format!("/v1/contacts/{grace}?expand=employer")).await;
    assert_eq!(contact["employer"], employer_body);
    let unlinked = read(&app, &ada, &format!("/v1/contacts/{alan}?expand=employer")).await;
    assert_eq!(unlinked["employer"], Value::Null);
    let page = read(&app, &ada, "/v1/contacts?expand=employer").await;
    for item in page["items"].as_array().expect("items") {
        let expected = if item["id"] == grace.as_str() {
            employer_body.clone()
        } else {
            Value::Null
        };
        assert_eq!(item["employer"], expected);
    }
    // A search expands alike.
    let found = read(&app, &ada, "/v1/contacts?q=grace&expand=employer").await;
    assert_eq!(found["items"][0]["employer"], employer_body);

    let reminder = read(
        &app,
        &ada,
        &format!("/v1/reminders/{with_contact}?expand=contact"),
    )
    .await;
    assert_eq!(reminder["contact"], alan_body);
    let page = read(&app, &ada, "/v1/reminders?expand=contact&limit=100").await;
    let by_id = |id: &str| {
        page["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|item| item["id"] == id)
            .cloned()
            .expect("listed")
    };
    assert_eq!(by_id(&with_contact)["contact"], alan_body);
    assert_eq!(by_id(&alone)["contact"], Value::Null);

    for path in [
        format!("/v1/interviews/{interview}?expand=employer"),
        format!("/v1/contacts/{grace}?expand=contact"),
        "/v1/reminders?expand=everything".to_owned(),
    ] {
        assert_eq!(
            app.get(&path, token).await.status(),
            StatusCode::BAD_REQUEST,
            "{path}"
        );
    }
}

#[actix_web::test]
async fn another_users_link_is_never_expanded() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    let grace = id_of(
        &app.contact(&ada.access_token, json!({"full_name": "Grace"}))
            .await,
    );
    let interview = id_of(
        &app.create(
            "/v1/interviews",
            &ada.access_token,
            json!({"contact_id": grace}),
        )
        .await,
    );
    let response = app
        .get(
            &format!("/v1/interviews/{interview}?expand=contact"),
            &bob.access_token,
        )
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let page = read(&app, &bob, "/v1/interviews?expand=contact").await;
    assert_eq!(page["items"], json!([]));
}

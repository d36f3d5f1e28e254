//! Registration and the `/v1/me` resource.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::bodies::{Contact, Page, Session, User};
use crate::helpers::{
    JsonAs, TestApp, TestUser, from_value, invalid_fields, problem, typed_problem,
};

fn registration(email: &str) -> Value {
    json!({"email": email, "password": "a long enough password", "display_name": "Grace Hopper"})
}

#[actix_web::test]
async fn register_answers_201_with_tokens_the_user_and_a_location() {
    let app = TestApp::spawn().await;
    let mut body = registration("grace@example.com");
    body["time_zone"] = json!("America/New_York");
    body["target_field"] = json!("compilers");
    let response = app.post_json("/v1/auth/register", None, &body).await;

    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(
        response.headers()["location"].to_str().expect("ascii"),
        format!("{}/v1/me", app.state.settings.public_url)
    );
    let body: Value = response.json().await.expect("json");
    assert!(body["user"].get("password_hash").is_none());
    let session: Session = from_value(body);
    assert_eq!(session.token_type, "Bearer");
    assert_eq!(session.expires_in, 900);
    assert!(session.access_token.len() > 20);
    assert!(session.refresh_token.len() >= 43);
    let user = &session.user;
    assert_eq!(user.email, "grace@example.com");
    assert_eq!(user.display_name, "Grace Hopper");
    assert_eq!(user.time_zone, "America/New_York");
    assert_eq!(user.target_field.as_deref(), Some("compilers"));
    assert_eq!(user.role, "member");
}

#[actix_web::test]
async fn registration_defaults_the_time_zone_to_utc_and_stores_no_plain_password() {
    let app = TestApp::spawn().await;
    let user = app.user("ada").await;
    let me: User = app.get_as("/v1/me", &user.access_token).await;
    assert_eq!(me.time_zone, "UTC");
    assert_eq!(me.target_field, None);
    let plain = app
        .database
        .count(&format!(
            "SELECT count(*) AS count FROM users WHERE password_hash LIKE '%{}%' OR password_hash NOT LIKE '$argon2id$%'",
            user.password
        ))
        .await;
    assert_eq!(plain, 0);
}

#[actix_web::test]
async fn an_email_in_use_in_any_letter_case_answers_409_email_taken() {
    let app = TestApp::spawn().await;
    app.user("ada").await;
    let response = app
        .post_json("/v1/auth/register", None, &registration("ADA@Example.COM"))
        .await;
    let body = typed_problem(response, StatusCode::CONFLICT).await;
    assert_eq!(body.code, "email_taken");
    assert_eq!(
        app.database
            .count("SELECT count(*) AS count FROM users")
            .await,
        1
    );
}

#[actix_web::test]
async fn invalid_registrations_answer_422_naming_the_field() {
    let app = TestApp::spawn().await;
    let cases: Vec<(Value, &str)> = vec![
        (
            json!({"email": "not-an-email", "password": "a long enough password", "display_name": "X"}),
            "email",
        ),
        (
            json!({"email": "a@example.com", "password": "short", "display_name": "X"}),
            "password",
        ),
        (
            json!({"email": "a@example.com", "password": "p".repeat(257), "display_name": "X"}),
            "password",
        ),
        (
            json!({"email": "a@example.com", "password": "a long enough password", "display_name": ""}),
            "display_name",
        ),
        (
            json!({"email": "a@example.com", "password": "a long enough password", "display_name": "x".repeat(201)}),
            "display_name",
        ),
        (
            json!({"email": "a@example.com", "password": "a long enough password", "display_name": "X", "time_zone": "Mars/Olympus"}),
            "time_zone",
        ),
        (
            json!({"email": "a@example.com", "password": "a long enough password", "display_name": "X", "role": "admin"}),
            "role",
        ),
        (
            json!({"email": "a@example.com", "password": "a long enough password"}),
            "display_name",
        ),
        (
            json!({"email": 42, "password": "a long enough password", "display_name": "X"}),
            "email",
        ),
        (
            json!({"email": "a@example.com", "password": "a long enough password", "display_name": ["X"]}),
            "display_name",
        ),
    ];
    for (body, field) in cases {
        let response = app.post_json("/v1/auth/register", None, &body).await;
        let fields = invalid_fields(response).await;
        assert!(
            fields.contains(&field.to_owned()),
            "{body} should name {field}: {fields:?}"
        );
    }
    assert_eq!(
        app.database
            .count("SELECT count(*) AS count FROM users")
            .await,
        0
    );
}

#[actix_web::test]
async fn a_password_of_exactly_ten_and_of_256_characters_is_accepted() {
    let app = TestApp::spawn().await;
    for (email, password) in [
        ("ten@example.com", "é".repeat(10)),
        ("max@example.com", "p".repeat(256)),
    ] {
        let response = app
            .post_json(
                "/v1/auth/register",
                None,
                &json!({"email": email, "password": password, "display_name": "X"}),
            )
            .await;
        assert_eq!(response.status(), StatusCode::CREATED, "{email}");
    }
}

#[actix_web::test]
async fn hostile_and_non_ascii_text_is_stored_verbatim() {
    let app = TestApp::spawn().await;
    let name = "Zoë O'Brien \"<script>alert(1)</script>\" 🙂 \u{202e}mirror'; DROP TABLE users;--";
    let response = app
        .post_json(
            "/v1/auth/register",
            None,
            &json!({"email": "zoe@example.com", "password": "a long enough password", "display_name": name}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let session: Session = response.json_as().await;
    let me: User = app.get_as("/v1/me", &session.access_token).await;
    assert_eq!(me.display_name, name);
}

#[actix_web::test]
async fn me_shows_each_user_only_their_own_account() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    let ada_me: User = app.get_as("/v1/me", &ada.access_token).await;
    let bob_me: User = app.get_as("/v1/me", &bob.access_token).await;
    assert_eq!(ada_me.id.to_string(), ada.id);
    assert_eq!(bob_me.id.to_string(), bob.id);
    assert_eq!(bob_me.email, "bob@example.com");
}

#[actix_web::test]
async fn patch_me_is_a_merge_patch() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;

    let response = app
        .patch_json(
            "/v1/me",
            &ada.access_token,
            &json!({"target_field": "product design", "time_zone": "Europe/Berlin"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let me: User = response.json_as().await;
    assert_eq!(me.target_field.as_deref(), Some("product design"));
    assert_eq!(me.time_zone, "Europe/Berlin");
    assert_eq!(me.display_name, "ada", "absent fields stay");

    // merge-patch+json is accepted too, and null clears.
    let response = app
        .request(Method::PATCH, "/v1/me", Some(&ada.access_token))
        .header("content-type", "application/merge-patch+json")
        .body(r#"{"target_field": null}"#)
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::OK);
    let me: User = response.json_as().await;
    assert_eq!(me.target_field, None);
    assert_eq!(me.time_zone, "Europe/Berlin");
}

#[actix_web::test]
async fn patch_me_refuses_read_only_unknown_and_invalid_fields() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let cases: Vec<(Value, &str)> = vec![
        (json!({"email": "new@example.com"}), "email"),
        (json!({"role": "admin"}), "role"),
        (json!({"id": "x"}), "id"),
        (json!({"time_zone": "Nowhere/Land"}), "time_zone"),
        (json!({"time_zone": null}), "time_zone"),
        (json!({"display_name": null}), "display_name"),
        (json!({"display_name": ""}), "display_name"),
        (json!({"target_field": "x".repeat(201)}), "target_field"),
        (json!({"target_field": 7}), "target_field"),
    ];
    for (body, field) in cases {
        let response = app.patch_json("/v1/me", &ada.access_token, &body).await;
        let fields = invalid_fields(response).await;
        assert!(
            fields.contains(&field.to_owned()),
            "{body} should name {field}: {fields:?}"
        );
    }
    let me: User = app.get_as("/v1/me", &ada.access_token).await;
    assert_eq!(me.email, "ada@example.com");
    assert_eq!(me.role, "member");
    assert_eq!(me.time_zone, "UTC");
}

#[actix_web::test]
async fn changing_the_password_ends_every_earlier_session() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let second: Session = app.login(&ada.email, &ada.password).await.json_as().await;

    let response = app
        .post_json(
            "/v1/me/password",
            Some(&ada.access_token),
            &json!({"current_password": ada.password, "new_password": "a brand new password"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert!(response.bytes().await.expect("body").is_empty());

    for token in [ada.access_token.as_str(), second.access_token.as_str()] {
        problem(app.get("/v1/me", token).await, StatusCode::UNAUTHORIZED).await;
    }
    for refresh in [ada.refresh_token.as_str(), second.refresh_token.as_str()] {
        let response = app
            .post_json("/v1/auth/refresh", None, &json!({"refresh_token": refresh}))
            .await;
        problem(response, StatusCode::UNAUTHORIZED).await;
    }
    problem(
        app.login(&ada.email, &ada.password).await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    assert_eq!(
        app.login(&ada.email, "a brand new password").await.status(),
        StatusCode::OK
    );
}

#[actix_web::test]
async fn a_wrong_current_password_changes_nothing() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let response = app
        .post_json(
            "/v1/me/password",
            Some(&ada.access_token),
            &json!({"current_password": "not my password", "new_password": "a brand new password"}),
        )
        .await;
    assert_eq!(invalid_fields(response).await, vec!["current_password"]);
    let response = app
        .post_json(
            "/v1/me/password",
            Some(&ada.access_token),
            &json!({"current_password": ada.password, "new_password": "short"}),
        )
        .await;
    assert_eq!(invalid_fields(response).await, vec!["new_password"]);
    assert_eq!(
        app.get("/v1/me", &ada.access_token).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        app.login(&ada.email, &ada.password).await.status(),
        StatusCode::OK
    );
}

#[actix_web::test]
async fn password_changes_are_limited_to_5_attempts_a_minute_per_account() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    let attempt = async |user: &TestUser| {
        app.post_json(
            "/v1/me/password",
            Some(&user.access_token),
            &json!({"current_password": "a wrong guess", "new_password": "a brand new password"}),
        )
        .await
    };
    for _ in 0..5 {
        assert_eq!(
            attempt(&ada).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    let response = attempt(&ada).await;
    assert!(response.headers().contains_key("retry-after"));
    let body = typed_problem(response, StatusCode::TOO_MANY_REQUESTS).await;
    assert_eq!(body.code, "rate_limited");
    // Another account has its own budget.
    assert_eq!(
        attempt(&bob).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

#[actix_web::test]
async fn password_hashing_runs_a_bounded_number_at_once_and_answers_503_past_its_wait() {
    let app = TestApp::spawn_with(|settings| {
        settings.password_hash_concurrency = 1;
        settings.password_hash_wait = std::time::Duration::from_millis(1);
    })
    .await;
    let ada = app.user("ada").await;
    let logins = (0..8).map(|_| app.login(&ada.email, "a wrong password guess"));
    let answers = futures_util::future::join_all(logins).await;
    let statuses: Vec<StatusCode> = answers.iter().map(|answer| answer.status()).collect();
    assert!(statuses.contains(&StatusCode::UNAUTHORIZED), "{statuses:?}");
    assert!(
        statuses.contains(&StatusCode::SERVICE_UNAVAILABLE),
        "{statuses:?}"
    );
    let refused = answers
        .into_iter()
        .find(|answer| answer.status() == StatusCode::SERVICE_UNAVAILABLE)
        .expect("a 503");
    assert!(refused.headers().contains_key("retry-after"));
    let body = typed_problem(refused, StatusCode::SERVICE_UNAVAILABLE).await;
    assert_eq!(body.code, "unavailable");
}

#[actix_web::test]
async fn deleting_the_account_removes_every_row_of_the_user_and_only_theirs() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    app.login(&ada.email, &ada.password).await;

    let response = app.delete("/v1/me", &ada.access_token).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);

    let users_left = app
        .database
        .count("SELECT count(*) AS count FROM users")
        .await;
    assert_eq!(users_left, 1);
    let ada_tokens = app
        .database
        .count(&format!(
            "SELECT count(*) AS count FROM refresh_tokens WHERE user_id = '{}'",
            ada.id
        ))
        .await;
    assert_eq!(ada_tokens, 0);
    problem(
        app.get("/v1/me", &ada.access_token).await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    problem(
        app.login(&ada.email, &ada.password).await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    let response = app
        .post_json(
            "/v1/auth/refresh",
            None,
            &json!({"refresh_token": ada.refresh_token}),
        )
        .await;
    problem(response, StatusCode::UNAUTHORIZED).await;
    assert_eq!(
        app.get("/v1/me", &bob.access_token).await.status(),
        StatusCode::OK
    );
    // The address can be registered again.
    assert_eq!(app.user("ada").await.email, "ada@example.com");
}

/// Gives the user one of everything an account can hold: an employer, a
/// contact, a requested interview with an action item and a referral, a
/// question set, a webhook and a calendar feed.
async fn give_a_whole_history(app: &TestApp, user: &TestUser) {
    let token = &user.access_token;
    let employer = app.employer(token, json!({"name": "Northwind"})).await;
    let contact = app
        .contact(
            token,
            json!({"full_name": "Grace", "employer_id": employer["id"]}),
        )
        .await;
    let interview = app
        .create(
            "/v1/interviews",
            token,
            json!({"contact_id": contact["id"]}),
        )
        .await;
    let path = format!("/v1/interviews/{}", interview["id"].as_str().expect("id"));
    let requested = app
        .post_json(
            &format!("{path}/request"),
            Some(token),
            &json!({"channel": "email"}),
        )
        .await;
    assert_eq!(requested.status(), StatusCode::OK);
    app.create(
        &format!("{path}/action-items"),
        token,
        json!({"text": "Follow up", "due_at": "2030-01-01T09:00:00Z"}),
    )
    .await;
    app.create(
        &format!("{path}/referrals"),
        token,
        json!({"full_name": "Alan"}),
    )
    .await;
    app.create(
        "/v1/question-sets",
        token,
        json!({"title": "Mine", "questions": [{"text": "Why?", "category": "advice"}]}),
    )
    .await;
    app.create(
        "/v1/webhooks",
        token,
        json!({"url": "https://hooks.example.com/x", "events": ["reminder.due"]}),
    )
    .await;
    let feed = app
        .request(Method::POST, "/v1/calendar/feed", Some(token))
        .send()
        .await
        .expect("sent");
    assert_eq!(feed.status(), StatusCode::CREATED);
}

/// The tables that hold a user's rows, each with a `user_id`.
const TABLES_OF_A_USER: [&str; 10] = [
    "employers",
    "contacts",
    "interviews",
    "action_items",
    "reminders",
    "webhooks",
    "calendar_feeds",
    "refresh_tokens",
    "question_sets",
    "sync_changes",
];

#[actix_web::test]
async fn deleting_an_account_with_a_whole_history_removes_all_of_it() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    give_a_whole_history(&app, &ada).await;

    assert_eq!(
        app.delete("/v1/me", &ada.access_token).await.status(),
        StatusCode::NO_CONTENT
    );
    for table in TABLES_OF_A_USER {
        let left = app
            .database
            .count(&format!(
                "SELECT count(*) AS count FROM {table} WHERE user_id = '{}'",
                ada.id
            ))
            .await;
        assert_eq!(left, 0, "{table}");
    }
}

#[actix_web::test]
async fn deleting_an_account_with_a_whole_history_keeps_the_library_and_other_users_rows() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    give_a_whole_history(&app, &ada).await;
    app.contact(&bob.access_token, json!({"full_name": "Bob's contact"}))
        .await;

    assert_eq!(
        app.delete("/v1/me", &ada.access_token).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.database
            .count("SELECT count(*) AS count FROM question_sets WHERE builtin")
            .await,
        8
    );
    let bobs: Page<Contact> = app.get_as("/v1/contacts", &bob.access_token).await;
    assert_eq!(bobs.items.len(), 1);
}

//! The main response bodies as a client receives them, one snapshot each.
//! What varies from run to run (ids, times, secrets, cursors) is redacted,
//! after a check that it has the form it should.

use insta::internals::{Content, ContentPath, Redaction};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestUser, id_of, problem};

/// Stands in for a UUID.
fn an_id() -> Redaction {
    insta::dynamic_redaction(|value: Content, path: ContentPath<'_>| {
        let text = value
            .as_str()
            .unwrap_or_else(|| panic!("{path} is a string"));
        uuid::Uuid::parse_str(text).unwrap_or_else(|error| panic!("{path} is a UUID: {error}"));
        "[id]"
    })
}

/// Stands in for a time in RFC 3339, in UTC.
fn a_timestamp() -> Redaction {
    insta::dynamic_redaction(|value: Content, path: ContentPath<'_>| {
        let text = value
            .as_str()
            .unwrap_or_else(|| panic!("{path} is a string"));
        chrono::DateTime::parse_from_rfc3339(text)
            .unwrap_or_else(|error| panic!("{path} is RFC 3339: {error}"));
        assert!(text.ends_with('Z'), "{path} is in UTC: {text}");
        "[timestamp]"
    })
}

/// Stands in for a webhook's signing secret.
fn a_secret() -> Redaction {
    insta::dynamic_redaction(|value: Content, path: ContentPath<'_>| {
        let text = value
            .as_str()
            .unwrap_or_else(|| panic!("{path} is a string"));
        assert!(text.starts_with("whsec_"), "{path}: {text}");
        "[secret]"
    })
}

async fn northwind(app: &TestApp, user: &TestUser) -> Value {
    app.employer(
        &user.access_token,
        json!({"name": "Northwind", "website": "https://northwind.example", "motivation": 3,
            "posting": 2, "advocacy": true, "notes": "Warm lead"}),
    )
    .await
}

#[actix_web::test]
async fn the_body_of_me() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let me = app.get_json("/v1/me", &ada.access_token).await;
    insta::assert_json_snapshot!("me", me, {
        ".id" => an_id(),
        ".created_at" => a_timestamp(),
        ".updated_at" => a_timestamp(),
    });
}

#[actix_web::test]
async fn the_body_of_an_employer() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let employer = northwind(&app, &ada).await;
    insta::assert_json_snapshot!("employer", employer, {
        ".id" => an_id(),
        ".created_at" => a_timestamp(),
        ".updated_at" => a_timestamp(),
    });
}

#[actix_web::test]
async fn the_body_of_a_contact() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let employer = northwind(&app, &ada).await;
    let referrer = app
        .contact(token, json!({"full_name": "Brad Johnson"}))
        .await;
    let contact = app
        .contact(
            token,
            json!({"full_name": "Grace Hopper", "email": "grace@example.com", "phone": "+1 555 0100",
                "linkedin_url": "https://www.linkedin.com/in/grace", "company": "Northwind",
                "job_title": "Rear Admiral", "field": "compilers", "location": "Arlington",
                "employer_id": employer["id"], "source": "referral",
                "referred_by_contact_id": referrer["id"], "has_hiring_power": true,
                "tags": ["navy", "cobol"], "notes": "Met at the conference"}),
        )
        .await;
    insta::assert_json_snapshot!("contact", contact, {
        ".id" => an_id(),
        ".employer_id" => an_id(),
        ".referred_by_contact_id" => an_id(),
        ".created_at" => a_timestamp(),
        ".updated_at" => a_timestamp(),
    });
}

#[actix_web::test]
async fn the_body_of_a_page_of_contacts() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    for name in ["Ann", "Ben", "Cat"] {
        app.contact(token, json!({"full_name": name})).await;
    }
    let page = app.get_json("/v1/contacts?sort=name&limit=2", token).await;
    insta::assert_json_snapshot!("page_of_contacts", page, {
        ".items[].id" => an_id(),
        ".items[].created_at" => a_timestamp(),
        ".items[].updated_at" => a_timestamp(),
        ".next_cursor" => "[cursor]",
    });
}

#[actix_web::test]
async fn the_body_of_a_scheduled_interview() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let contact = app
        .contact(token, json!({"full_name": "Grace Hopper"}))
        .await;
    let interview = app
        .create(
            "/v1/interviews",
            token,
            json!({"contact_id": contact["id"], "purpose": "Learn about compilers"}),
        )
        .await;
    let scheduled = app
        .post_json(
            &format!("/v1/interviews/{}/schedule", id_of(&interview)),
            Some(token),
            &json!({"scheduled_start": "2031-03-04T10:00:00Z", "duration_minutes": 45,
                "format": "video", "meeting_url": "https://meet.example/abc"}),
        )
        .await;
    assert_eq!(scheduled.status(), StatusCode::OK);
    let scheduled: Value = scheduled.json().await.expect("json");
    insta::assert_json_snapshot!("scheduled_interview", scheduled, {
        ".id" => an_id(),
        ".contact_id" => an_id(),
        ".created_at" => a_timestamp(),
        ".updated_at" => a_timestamp(),
    });
}

#[actix_web::test]
async fn the_body_of_a_reminder() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let reminder = app
        .create(
            "/v1/reminders",
            &ada.access_token,
            json!({"title": "Update my CV", "note": "two pages", "due_at": "2031-01-02T09:00:00Z"}),
        )
        .await;
    insta::assert_json_snapshot!("reminder", reminder, {
        ".id" => an_id(),
        ".created_at" => a_timestamp(),
        ".updated_at" => a_timestamp(),
    });
}

#[actix_web::test]
async fn the_body_of_a_question_set() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let set = app
        .create(
            "/v1/question-sets",
            &ada.access_token,
            json!({"title": "First calls", "description": "For product people", "questions": [
                {"text": "Do you like your job?", "category": "day_to_day"},
                {"text": "What surprised you most in this role?", "category": "career_path"}]}),
        )
        .await;
    insta::assert_json_snapshot!("question_set", set, {
        ".id" => an_id(),
        ".questions[].id" => an_id(),
        ".created_at" => a_timestamp(),
        ".updated_at" => a_timestamp(),
    });
}

#[actix_web::test]
async fn the_body_of_a_webhook_as_created() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let webhook = app
        .create(
            "/v1/webhooks",
            &ada.access_token,
            json!({"url": "https://hooks.example.com/rapport",
                "events": ["reminder.due", "interview.scheduled"]}),
        )
        .await;
    insta::assert_json_snapshot!("webhook_as_created", webhook, {
        ".id" => an_id(),
        ".created_at" => a_timestamp(),
        ".secret" => a_secret(),
    });
}

#[actix_web::test]
async fn the_body_of_a_validation_problem() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let response = app
        .request(Method::POST, "/v1/contacts", Some(&ada.access_token))
        .json(&json!({"full_name": "", "email": "not an email"}))
        .send()
        .await
        .expect("sent");
    let body = problem(response, StatusCode::UNPROCESSABLE_ENTITY).await;
    insta::assert_json_snapshot!("validation_problem", body);
}

#[actix_web::test]
async fn the_body_of_the_stats() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let contact = app.contact(token, json!({"full_name": "Grace"})).await;
    let interview = app
        .create(
            "/v1/interviews",
            token,
            json!({"contact_id": contact["id"]}),
        )
        .await;
    let requested = app
        .post_json(
            &format!("/v1/interviews/{}/request", id_of(&interview)),
            Some(token),
            &json!({"channel": "email"}),
        )
        .await;
    assert_eq!(requested.status(), StatusCode::OK);
    let stats = app.get_json("/v1/stats", token).await;
    insta::assert_json_snapshot!("stats", stats);
}

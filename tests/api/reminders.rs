//! Reminders: every rule's due time (business days, weekends, clock
//! changes), retirement on each transition, manual reminders and actions.

use chrono::{DateTime, Duration, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestUser, id_of, problem};

async fn reminders_of(app: &TestApp, user: &TestUser, interview: &str) -> Vec<Value> {
    let page = app
        .get_json(
            &format!("/v1/reminders?interview_id={interview}&limit=100"),
            &user.access_token,
        )
        .await;
    page["items"].as_array().expect("items").clone()
}

fn of_kind<'a>(reminders: &'a [Value], kind: &str) -> Vec<&'a Value> {
    reminders.iter().filter(|r| r["kind"] == kind).collect()
}

/// Now, to the second: PostgreSQL keeps microseconds, chrono nanoseconds.
fn now() -> DateTime<Utc> {
    use chrono::Timelike;
    Utc::now().with_nanosecond(0).expect("a valid time")
}

fn time(value: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(value.as_str().expect("a time"))
        .expect("rfc3339")
        .with_timezone(&Utc)
}

async fn act(app: &TestApp, user: &TestUser, id: &str, action: &str, body: Value) -> Value {
    let response = app
        .request(
            Method::POST,
            &format!("/v1/interviews/{id}/{action}"),
            Some(&user.access_token),
        )
        .json(&body)
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::OK, "{action}");
    response.json().await.expect("json")
}

async fn planned(app: &TestApp, user: &TestUser, contact: &Value) -> String {
    id_of(
        &app.create(
            "/v1/interviews",
            &user.access_token,
            json!({"contact_id": contact["id"]}),
        )
        .await,
    )
}

#[actix_web::test]
async fn a_request_makes_3b_and_7b_reminders_by_the_business_day_rule() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let cases = [
        // (zone, sent at, 3B due, 7B due) — all instants in UTC.
        (
            "UTC",
            "2026-11-23T10:00:00Z",
            "2026-11-26T09:00:00Z",
            "2026-12-02T09:00:00Z",
        ), // Monday morning
        (
            "UTC",
            "2026-11-23T15:00:00Z",
            "2026-11-27T09:00:00Z",
            "2026-12-03T09:00:00Z",
        ), // Monday afternoon
        (
            "UTC",
            "2026-11-20T12:00:00Z",
            "2026-11-26T09:00:00Z",
            "2026-12-02T09:00:00Z",
        ), // Friday at noon
        (
            "UTC",
            "2026-11-20T13:00:00Z",
            "2026-11-26T09:00:00Z",
            "2026-12-02T09:00:00Z",
        ), // Friday afternoon
        (
            "UTC",
            "2026-11-21T10:00:00Z",
            "2026-11-26T09:00:00Z",
            "2026-12-02T09:00:00Z",
        ), // Saturday
        (
            "America/New_York",
            "2026-03-05T15:00:00Z",
            "2026-03-10T13:00:00Z",
            "2026-03-16T13:00:00Z",
        ), // spring forward
        (
            "America/New_York",
            "2026-10-30T12:00:00Z",
            "2026-11-04T14:00:00Z",
            "2026-11-10T14:00:00Z",
        ), // fall back
        (
            "Europe/Berlin",
            "2026-03-26T09:00:00Z",
            "2026-03-31T07:00:00Z",
            "2026-04-06T07:00:00Z",
        ), // spring forward
        (
            "Europe/Berlin",
            "2026-10-23T07:00:00Z",
            "2026-10-28T08:00:00Z",
            "2026-11-03T08:00:00Z",
        ), // fall back
    ];
    for (zone, sent_at, three, seven) in cases {
        app.patch_json("/v1/me", token, &json!({"time_zone": zone}))
            .await;
        let contact = app
            .contact(token, json!({"full_name": format!("Contact {sent_at}")}))
            .await;
        let id = planned(&app, &ada, &contact).await;
        act(
            &app,
            &ada,
            &id,
            "request",
            json!({"channel": "email", "sent_at": sent_at}),
        )
        .await;
        let reminders = reminders_of(&app, &ada, &id).await;
        let next = of_kind(&reminders, "next_contact");
        let follow = of_kind(&reminders, "follow_up");
        assert_eq!(next.len(), 1);
        assert_eq!(follow.len(), 1);
        assert_eq!(
            time(&next[0]["due_at"]),
            time(&json!(three)),
            "3B for {sent_at} in {zone}"
        );
        assert_eq!(
            time(&follow[0]["due_at"]),
            time(&json!(seven)),
            "7B for {sent_at} in {zone}"
        );
        assert_eq!(next[0]["origin"], "auto");
        assert_eq!(
            next[0]["status"], "pending",
            "created even when already due"
        );
        assert_eq!(next[0]["contact_id"], contact["id"]);
    }
}

#[actix_web::test]
async fn next_contact_names_the_employers_contacts_not_yet_asked() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let employer = app.employer(token, json!({"name": "Northwind"})).await;
    let grace = app
        .contact(
            token,
            json!({"full_name": "Grace", "employer_id": employer["id"]}),
        )
        .await;
    app.contact(
        token,
        json!({"full_name": "Alan", "employer_id": employer["id"]}),
    )
    .await;
    let asked = app
        .contact(
            token,
            json!({"full_name": "Barbara", "employer_id": employer["id"]}),
        )
        .await;
    let other = planned(&app, &ada, &asked).await;
    act(&app, &ada, &other, "request", json!({"channel": "email"})).await;
    let id = planned(&app, &ada, &grace).await;
    act(&app, &ada, &id, "request", json!({"channel": "phone"})).await;
    let reminders = reminders_of(&app, &ada, &id).await;
    let next = of_kind(&reminders, "next_contact")[0];
    assert!(next["title"].as_str().expect("title").contains("Northwind"));
    assert_eq!(next["note"], "Not asked yet at Northwind: Alan");
}

#[actix_web::test]
async fn request_reminders_retire_on_every_answer_or_end() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let contact = app.contact(token, json!({"full_name": "Grace"})).await;
    let start = (now() + Duration::days(3)).to_rfc3339();
    for (action, body) in [
        ("schedule", json!({"scheduled_start": start})),
        ("decline", json!({})),
        ("no-response", json!({})),
        ("cancel", json!({})),
    ] {
        let id = planned(&app, &ada, &contact).await;
        act(&app, &ada, &id, "request", json!({"channel": "email"})).await;
        act(&app, &ada, &id, action, body).await;
        let reminders = reminders_of(&app, &ada, &id).await;
        for kind in ["next_contact", "follow_up"] {
            let found = of_kind(&reminders, kind);
            assert_eq!(found.len(), 1, "{kind} after {action}");
            assert_eq!(
                found[0]["status"], "dismissed",
                "{kind} after {action}: retired but readable"
            );
        }
    }
}

#[actix_web::test]
async fn prepare_moves_with_the_start_and_retires_on_cancel_or_completion() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let contact = app.contact(token, json!({"full_name": "Grace"})).await;
    let start = now() + Duration::days(3);
    let id = planned(&app, &ada, &contact).await;
    act(
        &app,
        &ada,
        &id,
        "schedule",
        json!({"scheduled_start": start.to_rfc3339()}),
    )
    .await;
    let prepare = of_kind(&reminders_of(&app, &ada, &id).await, "prepare")[0].clone();
    assert_eq!(time(&prepare["due_at"]), start - Duration::hours(24));

    let later = start + Duration::days(2);
    act(
        &app,
        &ada,
        &id,
        "schedule",
        json!({"scheduled_start": later.to_rfc3339()}),
    )
    .await;
    let reminders = reminders_of(&app, &ada, &id).await;
    let prepares = of_kind(&reminders, "prepare");
    assert_eq!(prepares.len(), 1, "moved, not duplicated");
    assert_eq!(time(&prepares[0]["due_at"]), later - Duration::hours(24));
    assert_eq!(prepares[0]["id"], prepare["id"]);

    act(&app, &ada, &id, "cancel", json!({})).await;
    assert_eq!(
        of_kind(&reminders_of(&app, &ada, &id).await, "prepare")[0]["status"],
        "dismissed"
    );

    let past = planned(&app, &ada, &contact).await;
    act(
        &app,
        &ada,
        &past,
        "schedule",
        json!({"scheduled_start": (now() - Duration::hours(2)).to_rfc3339()}),
    )
    .await;
    assert!(
        of_kind(&reminders_of(&app, &ada, &past).await, "prepare").is_empty(),
        "none for a start in the past"
    );

    let done = planned(&app, &ada, &contact).await;
    act(
        &app,
        &ada,
        &done,
        "schedule",
        json!({"scheduled_start": start.to_rfc3339()}),
    )
    .await;
    act(&app, &ada, &done, "complete", json!({})).await;
    assert_eq!(
        of_kind(&reminders_of(&app, &ada, &done).await, "prepare")[0]["status"],
        "dismissed"
    );
}

#[actix_web::test]
async fn completion_makes_thank_you_and_reconnect_reminders() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let contact = app.contact(token, json!({"full_name": "Grace"})).await;
    let id = planned(&app, &ada, &contact).await;
    act(
        &app,
        &ada,
        &id,
        "schedule",
        json!({"scheduled_start": (now() + Duration::days(1)).to_rfc3339()}),
    )
    .await;
    let completed_at = "2026-11-25T16:30:00Z";
    act(
        &app,
        &ada,
        &id,
        "complete",
        json!({"completed_at": completed_at, "may_contact_again": true}),
    )
    .await;
    let reminders = reminders_of(&app, &ada, &id).await;
    let thank_you = of_kind(&reminders, "thank_you")[0];
    assert_eq!(
        time(&thank_you["due_at"]),
        time(&json!(completed_at)) + Duration::hours(24)
    );
    let reconnect = of_kind(&reminders, "reconnect")[0];
    assert_eq!(
        time(&reconnect["due_at"]),
        time(&json!(completed_at)) + Duration::hours(30 * 24)
    );
    act(&app, &ada, &id, "thank-you", json!({})).await;
    let reminders = reminders_of(&app, &ada, &id).await;
    assert_eq!(of_kind(&reminders, "thank_you")[0]["status"], "dismissed");
    assert_eq!(of_kind(&reminders, "reconnect")[0]["status"], "pending");

    let no_reconnect = planned(&app, &ada, &contact).await;
    act(
        &app,
        &ada,
        &no_reconnect,
        "schedule",
        json!({"scheduled_start": (now() + Duration::days(1)).to_rfc3339()}),
    )
    .await;
    act(
        &app,
        &ada,
        &no_reconnect,
        "complete",
        json!({"may_contact_again": false}),
    )
    .await;
    assert!(of_kind(&reminders_of(&app, &ada, &no_reconnect).await, "reconnect").is_empty());
}

#[actix_web::test]
async fn action_item_reminders_follow_their_item() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let contact = app.contact(token, json!({"full_name": "Grace"})).await;
    let id = planned(&app, &ada, &contact).await;
    let due = now() + Duration::days(4);
    let item = app
        .create(
            &format!("/v1/interviews/{id}/action-items"),
            token,
            json!({"text": "Read the book", "due_at": due.to_rfc3339()}),
        )
        .await;
    let reminder = of_kind(&reminders_of(&app, &ada, &id).await, "action_item")[0].clone();
    assert_eq!(time(&reminder["due_at"]), due);
    assert_eq!(reminder["contact_id"], contact["id"]);
    assert_eq!(reminder["title"], "Read the book");

    let item_path = format!("/v1/interviews/{id}/action-items/{}", id_of(&item));
    let later = due + Duration::days(1);
    app.patch_json(&item_path, token, &json!({"due_at": later.to_rfc3339()}))
        .await;
    let moved = of_kind(&reminders_of(&app, &ada, &id).await, "action_item")[0].clone();
    assert_eq!(time(&moved["due_at"]), later);
    assert_eq!(moved["id"], reminder["id"]);
    app.patch_json(&item_path, token, &json!({"done": true}))
        .await;
    assert_eq!(
        of_kind(&reminders_of(&app, &ada, &id).await, "action_item")[0]["status"],
        "dismissed"
    );

    let second = app
        .create(
            &format!("/v1/interviews/{id}/action-items"),
            token,
            json!({"text": "Call back", "due_at": due.to_rfc3339()}),
        )
        .await;
    assert_eq!(
        app.delete(
            &format!("/v1/interviews/{id}/action-items/{}", id_of(&second)),
            token
        )
        .await
        .status(),
        StatusCode::NO_CONTENT
    );
    let statuses: Vec<Value> = of_kind(&reminders_of(&app, &ada, &id).await, "action_item")
        .iter()
        .map(|r| r["status"].clone())
        .collect();
    assert_eq!(statuses, vec![json!("dismissed"), json!("dismissed")]);
}

#[actix_web::test]
async fn manual_reminders_have_crud_filters_and_actions() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let past = now() - Duration::hours(1);
    let response = app
        .post_json(
            "/v1/reminders",
            Some(token),
            &json!({"title": "Update my CV", "due_at": past.to_rfc3339()}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let reminder: Value = response.json().await.expect("json");
    assert_eq!(reminder["kind"], "custom");
    assert_eq!(reminder["origin"], "manual");
    let path = format!("/v1/reminders/{}", id_of(&reminder));

    let due = app.get_json("/v1/reminders/due", token).await;
    assert_eq!(due["items"].as_array().expect("items").len(), 1);
    let snoozed: Value = app
        .post_json(
            &format!("{path}/snooze"),
            Some(token),
            &json!({"until": (now() + Duration::hours(2)).to_rfc3339()}),
        )
        .await
        .json()
        .await
        .expect("json");
    assert!(snoozed["snoozed_until"].is_string());
    assert_eq!(time(&snoozed["due_at"]), time(&reminder["due_at"]));
    assert_eq!(snoozed["notified_at"], Value::Null);
    assert_eq!(
        app.get_json("/v1/reminders/due", token).await["items"],
        json!([])
    );

    let done: Value = app
        .request(Method::POST, &format!("{path}/complete"), Some(token))
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");
    assert_eq!(done["status"], "done");
    assert!(done["completed_at"].is_string());
    let filtered = app
        .get_json("/v1/reminders?status=done&kind=custom", token)
        .await;
    assert_eq!(filtered["items"].as_array().expect("items").len(), 1);
    assert_eq!(
        app.get_json("/v1/reminders?status=pending", token).await["items"],
        json!([])
    );
    let dismissed: Value = app
        .request(Method::POST, &format!("{path}/dismiss"), Some(token))
        .send()
        .await
        .expect("sent")
        .json()
        .await
        .expect("json");
    assert_eq!(dismissed["status"], "dismissed");

    let changed: Value = app
        .patch_json(
            &path,
            token,
            &json!({"title": "Update my résumé", "note": "two pages"}),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(changed["note"], "two pages");
    assert_eq!(
        app.delete(&path, token).await.status(),
        StatusCode::NO_CONTENT
    );
    problem(app.get(&path, token).await, StatusCode::NOT_FOUND).await;

    // Rule-made reminders are steered by their interview, not edited.
    let contact = app.contact(token, json!({"full_name": "Grace"})).await;
    let id = planned(&app, &ada, &contact).await;
    act(&app, &ada, &id, "request", json!({"channel": "email"})).await;
    let auto = reminders_of(&app, &ada, &id).await[0].clone();
    let auto_path = format!("/v1/reminders/{}", id_of(&auto));
    problem(
        app.patch_json(&auto_path, token, &json!({"title": "x"}))
            .await,
        StatusCode::FORBIDDEN,
    )
    .await;
    problem(app.delete(&auto_path, token).await, StatusCode::FORBIDDEN).await;
    let stats = app.get_json("/v1/stats", token).await;
    assert_eq!(stats["overdue_reminders"], 0);
    let overdue = app
        .post_json(
            "/v1/reminders",
            Some(token),
            &json!({"title": "Late", "due_at": past.to_rfc3339()}),
        )
        .await;
    assert_eq!(overdue.status(), StatusCode::CREATED);
    assert_eq!(
        app.get_json("/v1/stats", token).await["overdue_reminders"],
        1
    );
}

#[actix_web::test]
async fn a_contact_with_a_200_character_name_can_be_requested_scheduled_and_thanked() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let long_name = "É".repeat(200);
    let employer = app.employer(token, json!({"name": "Ø".repeat(200)})).await;
    let contact = app
        .contact(
            token,
            json!({"full_name": long_name, "employer_id": employer["id"]}),
        )
        .await;
    let id = planned(&app, &ada, &contact).await;
    act(&app, &ada, &id, "request", json!({"channel": "email"})).await;
    let start = (now() + Duration::days(3)).to_rfc3339();
    act(
        &app,
        &ada,
        &id,
        "schedule",
        json!({"scheduled_start": start}),
    )
    .await;
    act(
        &app,
        &ada,
        &id,
        "complete",
        json!({"may_contact_again": true}),
    )
    .await;
    let reminders = reminders_of(&app, &ada, &id).await;
    assert_eq!(reminders.len(), 5, "{reminders:?}");
    for reminder in &reminders {
        let title = reminder["title"].as_str().expect("title");
        assert!(title.chars().count() <= 200, "{title}");
        if title.contains('É') {
            assert!(title.ends_with('…'), "{title}");
        }
    }
}

#[actix_web::test]
async fn the_not_asked_note_names_ten_people_then_says_how_many_more() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let employer = app.employer(token, json!({"name": "Northwind"})).await;
    for index in 0..13 {
        app.contact(
            token,
            json!({"full_name": format!("Colleague {index:02} {}", "x".repeat(180)), "employer_id": employer["id"]}),
        )
        .await;
    }
    let asked = app
        .contact(
            token,
            json!({"full_name": "Asked First", "employer_id": employer["id"]}),
        )
        .await;
    let id = planned(&app, &ada, &asked).await;
    act(&app, &ada, &id, "request", json!({"channel": "email"})).await;
    let reminders = reminders_of(&app, &ada, &id).await;
    let note = of_kind(&reminders, "next_contact")[0]["note"]
        .as_str()
        .expect("note")
        .to_owned();
    assert!(
        note.starts_with("Not asked yet at Northwind: Colleague 00 "),
        "{note}"
    );
    assert!(
        note.contains("Colleague 09 ") && !note.contains("Colleague 10 "),
        "{note}"
    );
    assert!(note.ends_with(" and 3 more"), "{note}");
}

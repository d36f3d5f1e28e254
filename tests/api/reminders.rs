//! Reminders: every rule's due time (business days, weekends, clock
//! changes), retirement on each transition, manual reminders and actions.

use chrono::{DateTime, Duration, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::bodies::{ActionItem, Contact, Employer, Interview, Page, Reminder, Stats};
use crate::helpers::{JsonAs, TestApp, TestUser, problem};

async fn reminders_of(app: &TestApp, user: &TestUser, interview: Uuid) -> Vec<Reminder> {
    let page: Page<Reminder> = app
        .get_as(
            &format!("/v1/reminders?interview_id={interview}&limit=100"),
            &user.access_token,
        )
        .await;
    page.items
}

fn of_kind<'a>(reminders: &'a [Reminder], kind: &str) -> Vec<&'a Reminder> {
    reminders.iter().filter(|r| r.kind == kind).collect()
}

/// The one reminder of `kind` the rules made for `interview`.
async fn the_reminder(app: &TestApp, user: &TestUser, interview: Uuid, kind: &str) -> Reminder {
    let reminders = reminders_of(app, user, interview).await;
    let found = of_kind(&reminders, kind);
    assert_eq!(found.len(), 1, "one {kind}: {reminders:?}");
    found[0].clone()
}

/// Now, to the second: PostgreSQL keeps microseconds, chrono nanoseconds.
fn now() -> DateTime<Utc> {
    use chrono::Timelike;
    Utc::now().with_nanosecond(0).expect("a valid time")
}

fn time(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("rfc3339")
        .with_timezone(&Utc)
}

async fn act(app: &TestApp, user: &TestUser, id: Uuid, action: &str, body: Value) -> Interview {
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
    response.json_as().await
}

async fn planned(app: &TestApp, user: &TestUser, contact: &Contact) -> Uuid {
    let interview: Interview = app
        .create_as(
            "/v1/interviews",
            &user.access_token,
            json!({"contact_id": contact.id}),
        )
        .await;
    interview.id
}

async fn contact(app: &TestApp, user: &TestUser, body: Value) -> Contact {
    app.create_as("/v1/contacts", &user.access_token, body)
        .await
}

async fn employer(app: &TestApp, user: &TestUser, name: &str) -> Employer {
    app.create_as("/v1/employers", &user.access_token, json!({"name": name}))
        .await
}

/// (zone, sent at, 3B due, 7B due), all instants in UTC.
const BUSINESS_DAY_CASES: [(&str, &str, &str, &str); 9] = [
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

#[actix_web::test]
async fn a_request_makes_3b_and_7b_reminders_by_the_business_day_rule() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    for (zone, sent_at, three, seven) in BUSINESS_DAY_CASES {
        app.patch_json("/v1/me", token, &json!({"time_zone": zone}))
            .await;
        let contact = contact(
            &app,
            &ada,
            json!({"full_name": format!("Contact {sent_at}")}),
        )
        .await;
        let id = planned(&app, &ada, &contact).await;
        act(
            &app,
            &ada,
            id,
            "request",
            json!({"channel": "email", "sent_at": sent_at}),
        )
        .await;
        let reminders = reminders_of(&app, &ada, id).await;
        let next = of_kind(&reminders, "next_contact");
        let follow = of_kind(&reminders, "follow_up");
        assert_eq!(next.len(), 1);
        assert_eq!(follow.len(), 1);
        assert_eq!(next[0].due_at, time(three), "3B for {sent_at} in {zone}");
        assert_eq!(follow[0].due_at, time(seven), "7B for {sent_at} in {zone}");
        assert_eq!(next[0].origin, "auto");
        assert_eq!(next[0].status, "pending", "created even when already due");
        assert_eq!(next[0].contact_id, Some(contact.id));
    }
}

#[actix_web::test]
async fn next_contact_names_the_employers_contacts_not_yet_asked() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let employer = employer(&app, &ada, "Northwind").await;
    let at_northwind = |name: &str| json!({"full_name": name, "employer_id": employer.id});
    let grace = contact(&app, &ada, at_northwind("Grace")).await;
    contact(&app, &ada, at_northwind("Alan")).await;
    let asked = contact(&app, &ada, at_northwind("Barbara")).await;
    let other = planned(&app, &ada, &asked).await;
    act(&app, &ada, other, "request", json!({"channel": "email"})).await;
    let id = planned(&app, &ada, &grace).await;
    act(&app, &ada, id, "request", json!({"channel": "phone"})).await;
    let next = the_reminder(&app, &ada, id, "next_contact").await;
    assert!(next.title.contains("Northwind"));
    assert_eq!(
        next.note.as_deref(),
        Some("Not asked yet at Northwind: Alan")
    );
}

#[actix_web::test]
async fn request_reminders_retire_on_every_answer_or_end() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let contact = contact(&app, &ada, json!({"full_name": "Grace"})).await;
    let start = (now() + Duration::days(3)).to_rfc3339();
    for (action, body) in [
        ("schedule", json!({"scheduled_start": start})),
        ("decline", json!({})),
        ("no-response", json!({})),
        ("cancel", json!({})),
    ] {
        let id = planned(&app, &ada, &contact).await;
        act(&app, &ada, id, "request", json!({"channel": "email"})).await;
        act(&app, &ada, id, action, body).await;
        let reminders = reminders_of(&app, &ada, id).await;
        for kind in ["next_contact", "follow_up"] {
            let found = of_kind(&reminders, kind);
            assert_eq!(found.len(), 1, "{kind} after {action}");
            assert_eq!(
                found[0].status, "dismissed",
                "{kind} after {action}: retired but readable"
            );
        }
    }
}

/// Schedules `id` to start at `start`.
async fn schedule(app: &TestApp, user: &TestUser, id: Uuid, start: DateTime<Utc>) {
    act(
        app,
        user,
        id,
        "schedule",
        json!({"scheduled_start": start.to_rfc3339()}),
    )
    .await;
}

#[actix_web::test]
async fn prepare_moves_with_the_start_and_retires_on_cancel() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let contact = contact(&app, &ada, json!({"full_name": "Grace"})).await;
    let start = now() + Duration::days(3);
    let id = planned(&app, &ada, &contact).await;
    schedule(&app, &ada, id, start).await;
    let prepare = the_reminder(&app, &ada, id, "prepare").await;
    assert_eq!(prepare.due_at, start - Duration::hours(24));

    let later = start + Duration::days(2);
    schedule(&app, &ada, id, later).await;
    let moved = the_reminder(&app, &ada, id, "prepare").await;
    assert_eq!(moved.due_at, later - Duration::hours(24));
    assert_eq!(moved.id, prepare.id, "moved, not duplicated");

    act(&app, &ada, id, "cancel", json!({})).await;
    assert_eq!(
        the_reminder(&app, &ada, id, "prepare").await.status,
        "dismissed"
    );
}

#[actix_web::test]
async fn prepare_is_not_made_for_a_past_start_and_retires_on_completion() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let contact = contact(&app, &ada, json!({"full_name": "Grace"})).await;
    let past = planned(&app, &ada, &contact).await;
    schedule(&app, &ada, past, now() - Duration::hours(2)).await;
    assert!(
        of_kind(&reminders_of(&app, &ada, past).await, "prepare").is_empty(),
        "none for a start in the past"
    );

    let done = planned(&app, &ada, &contact).await;
    schedule(&app, &ada, done, now() + Duration::days(3)).await;
    act(&app, &ada, done, "complete", json!({})).await;
    assert_eq!(
        the_reminder(&app, &ada, done, "prepare").await.status,
        "dismissed"
    );
}

#[actix_web::test]
async fn completion_makes_thank_you_and_reconnect_reminders() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let contact = contact(&app, &ada, json!({"full_name": "Grace"})).await;
    let id = planned(&app, &ada, &contact).await;
    schedule(&app, &ada, id, now() + Duration::days(1)).await;
    let completed_at = "2026-11-25T16:30:00Z";
    act(
        &app,
        &ada,
        id,
        "complete",
        json!({"completed_at": completed_at, "may_contact_again": true}),
    )
    .await;
    let thank_you = the_reminder(&app, &ada, id, "thank_you").await;
    assert_eq!(thank_you.due_at, time(completed_at) + Duration::hours(24));
    let reconnect = the_reminder(&app, &ada, id, "reconnect").await;
    assert_eq!(
        reconnect.due_at,
        time(completed_at) + Duration::hours(30 * 24)
    );
    act(&app, &ada, id, "thank-you", json!({})).await;
    let reminders = reminders_of(&app, &ada, id).await;
    assert_eq!(of_kind(&reminders, "thank_you")[0].status, "dismissed");
    assert_eq!(of_kind(&reminders, "reconnect")[0].status, "pending");

    let no_reconnect = planned(&app, &ada, &contact).await;
    schedule(&app, &ada, no_reconnect, now() + Duration::days(1)).await;
    act(
        &app,
        &ada,
        no_reconnect,
        "complete",
        json!({"may_contact_again": false}),
    )
    .await;
    assert!(of_kind(&reminders_of(&app, &ada, no_reconnect).await, "reconnect").is_empty());
}

#[actix_web::test]
async fn action_item_reminders_follow_their_item() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let contact = contact(&app, &ada, json!({"full_name": "Grace"})).await;
    let id = planned(&app, &ada, &contact).await;
    let items = format!("/v1/interviews/{id}/action-items");
    let due = now() + Duration::days(4);
    let item: ActionItem = app
        .create_as(
            &items,
            token,
            json!({"text": "Read the book", "due_at": due.to_rfc3339()}),
        )
        .await;
    let reminder = the_reminder(&app, &ada, id, "action_item").await;
    assert_eq!(reminder.due_at, due);
    assert_eq!(reminder.contact_id, Some(contact.id));
    assert_eq!(reminder.title, "Read the book");

    let item_path = format!("{items}/{}", item.id);
    let later = due + Duration::days(1);
    app.patch_json(&item_path, token, &json!({"due_at": later.to_rfc3339()}))
        .await;
    let moved = the_reminder(&app, &ada, id, "action_item").await;
    assert_eq!(moved.due_at, later);
    assert_eq!(moved.id, reminder.id);
    app.patch_json(&item_path, token, &json!({"done": true}))
        .await;
    assert_eq!(
        the_reminder(&app, &ada, id, "action_item").await.status,
        "dismissed"
    );

    let second: ActionItem = app
        .create_as(
            &items,
            token,
            json!({"text": "Call back", "due_at": due.to_rfc3339()}),
        )
        .await;
    assert_eq!(
        app.delete(&format!("{items}/{}", second.id), token)
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    let reminders = reminders_of(&app, &ada, id).await;
    let statuses: Vec<&str> = of_kind(&reminders, "action_item")
        .iter()
        .map(|reminder| reminder.status.as_str())
        .collect();
    assert_eq!(statuses, vec!["dismissed", "dismissed"]);
}

/// Creates a manual reminder that fell due an hour ago.
async fn overdue_reminder(app: &TestApp, user: &TestUser, title: &str) -> Reminder {
    let past = now() - Duration::hours(1);
    let response = app
        .post_json(
            "/v1/reminders",
            Some(&user.access_token),
            &json!({"title": title, "due_at": past.to_rfc3339()}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json_as().await
}

/// POSTs a reminder action that takes no body.
async fn act_on_reminder(app: &TestApp, user: &TestUser, id: Uuid, action: &str) -> Reminder {
    let response = app
        .request(
            Method::POST,
            &format!("/v1/reminders/{id}/{action}"),
            Some(&user.access_token),
        )
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::OK, "{action}");
    response.json_as().await
}

#[actix_web::test]
async fn a_manual_reminder_is_custom_and_due_until_it_is_snoozed() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let reminder = overdue_reminder(&app, &ada, "Update my CV").await;
    assert_eq!(reminder.kind, "custom");
    assert_eq!(reminder.origin, "manual");

    let due: Page<Reminder> = app.get_as("/v1/reminders/due", token).await;
    assert_eq!(due.items.len(), 1);
    let snoozed: Reminder = app
        .post_json(
            &format!("/v1/reminders/{}/snooze", reminder.id),
            Some(token),
            &json!({"until": (now() + Duration::hours(2)).to_rfc3339()}),
        )
        .await
        .json_as()
        .await;
    assert!(snoozed.snoozed_until.is_some());
    assert_eq!(snoozed.due_at, reminder.due_at);
    assert_eq!(snoozed.notified_at, None);
    let due: Page<Reminder> = app.get_as("/v1/reminders/due", token).await;
    assert!(due.items.is_empty());
}

#[actix_web::test]
async fn completing_or_dismissing_a_reminder_sets_the_status_the_list_filters_by() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let reminder = overdue_reminder(&app, &ada, "Update my CV").await;
    let done = act_on_reminder(&app, &ada, reminder.id, "complete").await;
    assert_eq!(done.status, "done");
    assert!(done.completed_at.is_some());
    let filtered: Page<Reminder> = app
        .get_as("/v1/reminders?status=done&kind=custom", token)
        .await;
    assert_eq!(filtered.items.len(), 1);
    let pending: Page<Reminder> = app.get_as("/v1/reminders?status=pending", token).await;
    assert!(pending.items.is_empty());
    let dismissed = act_on_reminder(&app, &ada, reminder.id, "dismiss").await;
    assert_eq!(dismissed.status, "dismissed");
}

#[actix_web::test]
async fn a_manual_reminder_can_be_changed_and_deleted() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let reminder = overdue_reminder(&app, &ada, "Update my CV").await;
    let path = format!("/v1/reminders/{}", reminder.id);
    let changed: Reminder = app
        .patch_json(
            &path,
            token,
            &json!({"title": "Update my résumé", "note": "two pages"}),
        )
        .await
        .json_as()
        .await;
    assert_eq!(changed.title, "Update my résumé");
    assert_eq!(changed.note.as_deref(), Some("two pages"));
    assert_eq!(
        app.delete(&path, token).await.status(),
        StatusCode::NO_CONTENT
    );
    problem(app.get(&path, token).await, StatusCode::NOT_FOUND).await;
}

#[actix_web::test]
async fn rule_made_reminders_are_steered_by_their_interview_not_edited() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let contact = contact(&app, &ada, json!({"full_name": "Grace"})).await;
    let id = planned(&app, &ada, &contact).await;
    act(&app, &ada, id, "request", json!({"channel": "email"})).await;
    let auto = &reminders_of(&app, &ada, id).await[0];
    let auto_path = format!("/v1/reminders/{}", auto.id);
    problem(
        app.patch_json(&auto_path, token, &json!({"title": "x"}))
            .await,
        StatusCode::FORBIDDEN,
    )
    .await;
    problem(app.delete(&auto_path, token).await, StatusCode::FORBIDDEN).await;
}

#[actix_web::test]
async fn the_stats_count_pending_reminders_past_their_due_time() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let contact = contact(&app, &ada, json!({"full_name": "Grace"})).await;
    let id = planned(&app, &ada, &contact).await;
    act(&app, &ada, id, "request", json!({"channel": "email"})).await;
    let stats: Stats = app.get_as("/v1/stats", token).await;
    assert_eq!(stats.overdue_reminders, 0, "not yet due");
    overdue_reminder(&app, &ada, "Late").await;
    let stats: Stats = app.get_as("/v1/stats", token).await;
    assert_eq!(stats.overdue_reminders, 1);
}

#[actix_web::test]
async fn a_contact_with_a_200_character_name_can_be_requested_scheduled_and_thanked() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let long_name = "É".repeat(200);
    let employer = employer(&app, &ada, &"Ø".repeat(200)).await;
    let contact = contact(
        &app,
        &ada,
        json!({"full_name": long_name, "employer_id": employer.id}),
    )
    .await;
    let id = planned(&app, &ada, &contact).await;
    act(&app, &ada, id, "request", json!({"channel": "email"})).await;
    schedule(&app, &ada, id, now() + Duration::days(3)).await;
    act(
        &app,
        &ada,
        id,
        "complete",
        json!({"may_contact_again": true}),
    )
    .await;
    let reminders = reminders_of(&app, &ada, id).await;
    assert_eq!(reminders.len(), 5, "{reminders:?}");
    for reminder in &reminders {
        let title = &reminder.title;
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
    let employer = employer(&app, &ada, "Northwind").await;
    for index in 0..13 {
        contact(
            &app,
            &ada,
            json!({"full_name": format!("Colleague {index:02} {}", "x".repeat(180)), "employer_id": employer.id}),
        )
        .await;
    }
    let asked = contact(
        &app,
        &ada,
        json!({"full_name": "Asked First", "employer_id": employer.id}),
    )
    .await;
    let id = planned(&app, &ada, &asked).await;
    act(&app, &ada, id, "request", json!({"channel": "email"})).await;
    let note = the_reminder(&app, &ada, id, "next_contact")
        .await
        .note
        .expect("note");
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

//! Webhooks and the dispatcher: signed deliveries, retries with the same
//! id, claims that expire, two dispatchers sharing the work, the URL
//! policy, and the calendar feed.

use std::collections::HashSet;
use std::time::Duration as StdDuration;

use chrono::{Duration, Utc};
use diesel_async::RunQueryDsl;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::bodies::{CalendarFeed, Contact, Delivery, Interview, Page, Reminder, Webhook};
use crate::helpers::receiver::Receiver;
use crate::helpers::{JsonAs, TestApp, TestUser, id_of, invalid_fields, problem, typed_problem};
use rapport::reminders::dispatcher::dispatch_once;
use rapport::webhooks::delivery::{client, deliver_once};

async fn webhook(app: &TestApp, user: &TestUser, url: &str, events: &[&str]) -> Webhook {
    app.create_as(
        "/v1/webhooks",
        &user.access_token,
        json!({"url": url, "events": events}),
    )
    .await
}

/// The deliveries to `hook`, newest first.
async fn deliveries_of(app: &TestApp, user: &TestUser, hook: Uuid) -> Vec<Delivery> {
    let page: Page<Delivery> = app
        .get_as(
            &format!("/v1/webhooks/{hook}/deliveries"),
            &user.access_token,
        )
        .await;
    page.items
}

/// Runs the dispatcher and the delivery workers until nothing is left.
async fn drain(app: &TestApp) {
    let client = client(app.state.settings.webhook_allow_private);
    while dispatch_once(&app.state.pool).await.expect("dispatch") > 0 {}
    while deliver_once(&app.state.pool, &app.state.settings, &client)
        .await
        .expect("deliver")
        > 0
    {}
}

async fn due_reminder(app: &TestApp, user: &TestUser) -> Reminder {
    app.create_as(
        "/v1/reminders",
        &user.access_token,
        json!({"title": "Call Grace", "due_at": (Utc::now() - Duration::minutes(1)).to_rfc3339()}),
    )
    .await
}

#[actix_web::test]
async fn the_secret_is_shown_once_and_urls_must_be_http() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let created = webhook(
        &app,
        &ada,
        "https://portal.example.edu/hooks",
        &["reminder.due"],
    )
    .await;
    let secret = created.secret.as_deref().expect("secret");
    assert!(secret.starts_with("whsec_"));
    use base64::Engine;
    let key = base64::engine::general_purpose::STANDARD
        .decode(&secret[6..])
        .expect("base64");
    assert_eq!(key.len(), 32);
    let fetched = app
        .get_json(&format!("/v1/webhooks/{}", created.id), &ada.access_token)
        .await;
    assert!(fetched.get("secret").is_none());
    let listed = app.get_json("/v1/webhooks", &ada.access_token).await;
    assert!(listed["items"][0].get("secret").is_none());
    for url in [
        "ftp://example.com/x",
        "example.com/hook",
        "javascript:alert(1)",
        "",
    ] {
        let response = app
            .post_json(
                "/v1/webhooks",
                Some(&ada.access_token),
                &json!({"url": url, "events": ["reminder.due"]}),
            )
            .await;
        assert!(
            invalid_fields(response).await.contains(&"url".to_owned()),
            "{url}"
        );
    }
    let response = app
        .post_json(
            "/v1/webhooks",
            Some(&ada.access_token),
            &json!({"url": "https://x.example", "events": ["nothing.happened"]}),
        )
        .await;
    assert_eq!(invalid_fields(response).await, vec!["events[0]"]);
    let listed: Page<Webhook> = app.get_as("/v1/webhooks", &ada.access_token).await;
    assert_eq!(listed.items.len(), 1, "only the one with a good URL");
    assert_eq!(listed.items[0].url, "https://portal.example.edu/hooks");
    assert_eq!(listed.items[0].events, vec!["reminder.due"]);
    assert!(listed.items[0].active);
}

#[actix_web::test]
async fn private_addresses_are_refused_unless_allowed() {
    let app = TestApp::spawn_with(|settings| settings.webhook_allow_private = false).await;
    let ada = app.user("ada").await;
    for url in [
        "http://127.0.0.1:8080/hook",
        "http://localhost/hook",
        "http://10.0.0.7/hook",
        "http://169.254.169.254/latest",
        "http://0.0.0.0/",
        "http://198.18.0.1/hook",
        "http://192.0.0.192/hook",
        "http://240.0.0.1/hook",
        "http://168.63.129.16/hook",
    ] {
        let response = app
            .post_json(
                "/v1/webhooks",
                Some(&ada.access_token),
                &json!({"url": url, "events": ["reminder.due"]}),
            )
            .await;
        assert_eq!(invalid_fields(response).await, vec!["url"], "{url}");
    }
    // A row that points inside (registered before the policy changed) is
    // checked again at delivery and never sent.
    let receiver = Receiver::start().await;
    let mut connection = app.database.connection().await;
    diesel::sql_query("INSERT INTO webhooks (id, user_id, url, events, secret) VALUES (gen_random_uuid(), $1::uuid, $2, '{reminder.due}', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')")
        .bind::<diesel::sql_types::Text, _>(&ada.id)
        .bind::<diesel::sql_types::Text, _>(&receiver.url)
        .execute(&mut connection)
        .await
        .expect("insert");
    due_reminder(&app, &ada).await;
    drain(&app).await;
    assert!(receiver.received().is_empty());
    let hooks: Page<Webhook> = app.get_as("/v1/webhooks", &ada.access_token).await;
    let deliveries = deliveries_of(&app, &ada, hooks.items[0].id).await;
    assert_eq!(deliveries[0].status, "retrying");
    assert_eq!(deliveries[0].last_status_code, None);

    let allowed = TestApp::spawn().await;
    let bob = allowed.user("bob").await;
    webhook(&allowed, &bob, "http://127.0.0.1:9/hook", &["reminder.due"]).await;
}

#[actix_web::test]
async fn a_due_reminder_is_announced_once_with_a_verifiable_signature() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let receiver = Receiver::start().await;
    let hook = webhook(&app, &ada, &receiver.url, &["reminder.due"]).await;
    let reminder = due_reminder(&app, &ada).await;
    app.create(
        "/v1/reminders",
        &ada.access_token,
        json!({"title": "Later", "due_at": (Utc::now() + Duration::days(1)).to_rfc3339()}),
    )
    .await;
    drain(&app).await;
    drain(&app).await;

    let received = receiver.received();
    assert_eq!(received.len(), 1, "once, and only the due one");
    let request = &received[0];
    let signer =
        standardwebhooks::Webhook::new(hook.secret.as_deref().expect("secret")).expect("secret");
    signer
        .verify(&request.body, &request.headers)
        .expect("a valid signature");
    let mut tampered = request.body.clone();
    tampered.push(b' ');
    assert!(signer.verify(&tampered, &request.headers).is_err());
    assert_eq!(request.headers["content-type"], "application/json");
    let body: Value = serde_json::from_slice(&request.body).expect("json");
    assert_eq!(body["type"], "reminder.due");
    assert!(body["timestamp"].is_string());
    assert_eq!(body["data"]["id"], reminder.id.to_string());
    assert!(body["data"]["notified_at"].is_string());

    let now: Reminder = app
        .get_as(&format!("/v1/reminders/{}", reminder.id), &ada.access_token)
        .await;
    assert!(now.notified_at.is_some());
    let deliveries = deliveries_of(&app, &ada, hook.id).await;
    let delivery = &deliveries[0];
    assert_eq!(delivery.status, "delivered");
    assert_eq!(delivery.attempts, 1);
    assert_eq!(delivery.last_status_code, Some(200));
    assert_eq!(delivery.next_attempt_at, None);
    assert_eq!(
        request.headers["webhook-id"].to_str().expect("ascii"),
        delivery.id.to_string()
    );
}

#[actix_web::test]
async fn a_failing_receiver_gets_the_same_delivery_again_until_it_succeeds_or_it_fails() {
    let app = TestApp::spawn_with(|settings| {
        settings.webhook_retry_base = std::time::Duration::from_millis(5)
    })
    .await;
    let ada = app.user("ada").await;
    let receiver = Receiver::start().await;
    let hook = webhook(&app, &ada, &receiver.url, &["reminder.due"]).await;
    receiver.answer(&[500, 503]);
    due_reminder(&app, &ada).await;
    let client = client(app.state.settings.webhook_allow_private);
    dispatch_once(&app.state.pool).await.expect("dispatch");
    deliver_once(&app.state.pool, &app.state.settings, &client)
        .await
        .expect("deliver");
    let deliveries = deliveries_of(&app, &ada, hook.id).await;
    assert_eq!(deliveries[0].status, "retrying");
    assert_eq!(deliveries[0].last_status_code, Some(500));
    assert!(deliveries[0].next_attempt_at.is_some());
    for _ in 0..50 {
        tokio::time::sleep(StdDuration::from_millis(30)).await;
        deliver_once(&app.state.pool, &app.state.settings, &client)
            .await
            .expect("deliver");
        if receiver.received().len() == 3 {
            break;
        }
    }
    let received = receiver.received();
    assert_eq!(received.len(), 3);
    let ids: HashSet<&str> = received
        .iter()
        .map(|r| r.headers["webhook-id"].to_str().expect("ascii"))
        .collect();
    assert_eq!(ids.len(), 1, "the same message id on every attempt");
    let delivery = &deliveries_of(&app, &ada, hook.id).await[0];
    assert_eq!(delivery.status, "delivered");
    assert_eq!(delivery.attempts, 3);

    // Six failures in a row: the delivery fails for good.
    receiver.answer(&[500; 6]);
    app.request(
        Method::POST,
        &format!("/v1/webhooks/{}/ping", hook.id),
        Some(&ada.access_token),
    )
    .send()
    .await
    .expect("sent");
    for _ in 0..400 {
        deliver_once(&app.state.pool, &app.state.settings, &client)
            .await
            .expect("deliver");
        let latest: Page<Delivery> = app
            .get_as(
                &format!("/v1/webhooks/{}/deliveries?limit=1", hook.id),
                &ada.access_token,
            )
            .await;
        let latest = &latest.items[0];
        if latest.status == "failed" {
            assert_eq!(latest.attempts, 6);
            assert_eq!(latest.event, "webhook.ping");
            return;
        }
        tokio::time::sleep(StdDuration::from_millis(25)).await;
    }
    panic!("the delivery never failed");
}

#[actix_web::test]
async fn a_delivery_claimed_by_a_worker_that_died_is_sent_once_the_claim_expires() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let receiver = Receiver::start().await;
    let hook = webhook(&app, &ada, &receiver.url, &["reminder.due"]).await;
    let response = app
        .request(
            Method::POST,
            &format!("/v1/webhooks/{}/ping", hook.id),
            Some(&ada.access_token),
        )
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::ACCEPTED);
    // A worker claimed it and died before sending.
    let mut connection = app.database.connection().await;
    diesel::sql_query("UPDATE webhook_deliveries SET locked_until = now() + interval '1 second'")
        .execute(&mut connection)
        .await
        .expect("claim");
    let client = client(app.state.settings.webhook_allow_private);
    assert_eq!(
        deliver_once(&app.state.pool, &app.state.settings, &client)
            .await
            .expect("deliver"),
        0
    );
    assert!(receiver.received().is_empty());
    tokio::time::sleep(StdDuration::from_millis(1200)).await;
    assert_eq!(
        deliver_once(&app.state.pool, &app.state.settings, &client)
            .await
            .expect("deliver"),
        1
    );
    let received = receiver.received();
    assert_eq!(received.len(), 1);
    let body: Value = serde_json::from_slice(&received[0].body).expect("json");
    assert_eq!(body["type"], "webhook.ping");
}

#[actix_web::test]
async fn two_dispatchers_deliver_a_thousand_reminders_none_twice_none_missing() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let receiver = Receiver::start().await;
    webhook(&app, &ada, &receiver.url, &["reminder.due"]).await;
    let mut connection = app.database.connection().await;
    diesel::sql_query(
        "INSERT INTO reminders (id, user_id, kind, title, due_at, origin) \
         SELECT gen_random_uuid(), $1::uuid, 'custom', 'Reminder ' || n, now() - interval '1 minute', 'manual' \
         FROM generate_series(1, 1000) AS n",
    )
    .bind::<diesel::sql_types::Text, _>(&ada.id)
    .execute(&mut connection)
    .await
    .expect("seed");

    // A second replica: its own pool on the same database.
    let replica = rapport::state::AppState::new(app.state.settings.as_ref().clone());
    let pools = [app.state.pool.clone(), replica.pool.clone()];
    let dispatchers = pools.clone().map(|pool| {
        actix_web::rt::spawn(async move {
            let mut total = 0;
            loop {
                let count = dispatch_once(&pool).await.expect("dispatch");
                total += count;
                if count == 0 {
                    return total;
                }
            }
        })
    });
    let mut announced = 0;
    for dispatcher in dispatchers {
        announced += dispatcher.await.expect("joined");
    }
    assert_eq!(announced, 1000);
    let settings = app.state.settings.clone();
    let workers = pools.map(|pool| {
        let settings = settings.clone();
        actix_web::rt::spawn(async move {
            let client = client(settings.webhook_allow_private);
            while deliver_once(&pool, &settings, &client)
                .await
                .expect("deliver")
                > 0
            {}
        })
    });
    for worker in workers {
        worker.await.expect("joined");
    }
    let received = receiver.received();
    let message_ids: HashSet<String> = received
        .iter()
        .map(|r| r.headers["webhook-id"].to_str().expect("ascii").to_owned())
        .collect();
    let reminder_ids: HashSet<String> = received
        .iter()
        .map(|r| {
            serde_json::from_slice::<Value>(&r.body).expect("json")["data"]["id"]
                .as_str()
                .expect("id")
                .to_owned()
        })
        .collect();
    assert_eq!(received.len(), 1000, "none twice");
    assert_eq!(message_ids.len(), 1000);
    assert_eq!(reminder_ids.len(), 1000, "none missing");
    assert_eq!(
        app.database
            .count("SELECT count(*) AS count FROM reminders WHERE notified_at IS NULL")
            .await,
        0
    );
}

#[actix_web::test]
async fn interview_events_reach_the_endpoints_that_subscribed() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let receiver = Receiver::start().await;
    webhook(
        &app,
        &ada,
        &receiver.url,
        &["interview.scheduled", "interview.completed"],
    )
    .await;
    let contact = app.contact(token, json!({"full_name": "Grace"})).await;
    let interview = app
        .create(
            "/v1/interviews",
            token,
            json!({"contact_id": contact["id"]}),
        )
        .await;
    let id = id_of(&interview);
    for (action, body) in [
        (
            "schedule",
            json!({"scheduled_start": (Utc::now() + Duration::days(2)).to_rfc3339()}),
        ),
        ("complete", json!({})),
    ] {
        let response = app
            .post_json(&format!("/v1/interviews/{id}/{action}"), Some(token), &body)
            .await;
        assert_eq!(response.status(), StatusCode::OK);
    }
    drain(&app).await;
    let types: Vec<String> = receiver
        .received()
        .iter()
        .map(|r| serde_json::from_slice::<Value>(&r.body).expect("json"))
        .inspect(|body| assert_eq!(body["data"]["id"], interview["id"]))
        .map(|body| body["type"].as_str().expect("type").to_owned())
        .collect();
    let mut sorted = types.clone();
    sorted.sort();
    assert_eq!(sorted, vec!["interview.completed", "interview.scheduled"]);
}

/// Schedules an interview with Grace Hopper at Café Central in three days,
/// and a manual reminder due tomorrow; returns the interview.
async fn an_interview_and_a_reminder(app: &TestApp, user: &TestUser) -> Interview {
    let token = &user.access_token;
    let contact: Contact = app
        .create_as("/v1/contacts", token, json!({"full_name": "Grace Hopper"}))
        .await;
    let interview: Interview = app
        .create_as(
            "/v1/interviews",
            token,
            json!({"contact_id": contact.id, "purpose": "Compilers"}),
        )
        .await;
    let start = Utc::now() + Duration::days(3);
    let scheduled = app
        .post_json(
            &format!("/v1/interviews/{}/schedule", interview.id),
            Some(token),
            &json!({"scheduled_start": start.to_rfc3339(), "location": "Café Central"}),
        )
        .await;
    assert_eq!(scheduled.status(), StatusCode::OK);
    app.create(
        "/v1/reminders",
        token,
        json!({"title": "Buy a notebook", "due_at": (Utc::now() + Duration::days(1)).to_rfc3339()}),
    )
    .await;
    interview
}

/// Creates (or rotates) the user's calendar feed.
async fn new_feed(app: &TestApp, user: &TestUser) -> CalendarFeed {
    let response = app
        .request(Method::POST, "/v1/calendar/feed", Some(&user.access_token))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json_as().await
}

/// GETs a feed by its secret token, without a bearer token.
async fn fetch_feed(app: &TestApp, token: &str) -> reqwest::Response {
    app.client
        .get(app.url(&format!("/v1/calendar/{token}.ics")))
        .send()
        .await
        .expect("sent")
}

/// The feed's text, after checking that it is served as a calendar.
async fn feed_text(app: &TestApp, feed: &CalendarFeed) -> String {
    let response = fetch_feed(app, &feed.token).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .expect("ascii")
            .starts_with("text/calendar")
    );
    response.text().await.expect("text")
}

fn events_of(calendar: &icalendar::Calendar) -> Vec<&icalendar::Event> {
    calendar
        .components
        .iter()
        .filter_map(|component| component.as_event())
        .collect()
}

#[actix_web::test]
async fn a_calendar_feed_has_a_secret_address_of_256_random_bits() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let feed = new_feed(&app, &ada).await;
    assert_eq!(feed.token.len(), 64);
    assert!(feed.token.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(
        feed.url,
        format!(
            "{}/v1/calendar/{}.ics",
            app.state.settings.public_url, feed.token
        )
    );
}

#[actix_web::test]
async fn the_calendar_feed_serves_interviews_and_reminders_without_a_bearer_token() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    an_interview_and_a_reminder(&app, &ada).await;
    let text = feed_text(&app, &new_feed(&app, &ada).await).await;
    assert!(text.contains("\r\n"), "lines end with CRLF");
    let calendar: icalendar::Calendar = text.parse().expect("a calendar the parser reads back");
    assert_eq!(
        events_of(&calendar).len(),
        3,
        "the interview, its prepare reminder and the manual one"
    );
}

#[actix_web::test]
async fn the_feed_shows_an_interview_with_its_place_and_an_alarm_30_minutes_before() {
    use icalendar::{Component, EventLike};
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let interview = an_interview_and_a_reminder(&app, &ada).await;
    let text = feed_text(&app, &new_feed(&app, &ada).await).await;
    let calendar: icalendar::Calendar = text.parse().expect("a calendar");
    let events = events_of(&calendar);
    let meeting = events
        .iter()
        .find(|e| e.get_summary().is_some_and(|s| s.contains("Grace Hopper")))
        .expect("the interview");
    let host = app.state.settings.public_url.trim_start_matches("http://");
    assert_eq!(
        meeting.get_uid(),
        Some(format!("interview-{}@{host}", interview.id).as_str())
    );
    assert_eq!(meeting.get_location(), Some("Café Central"));
    assert!(meeting.property_value("SEQUENCE").is_some());
    assert!(meeting.get_start().is_some() && meeting.get_end().is_some());
    assert!(text.contains("BEGIN:VALARM"), "{text}");
    let trigger = text
        .lines()
        .find(|line| line.starts_with("TRIGGER"))
        .expect("a trigger");
    assert!(
        trigger.ends_with("-PT30M") || trigger.ends_with("-PT1800S"),
        "{trigger}"
    );
}

#[actix_web::test]
async fn the_feed_shows_a_manual_reminder_as_an_all_day_event() {
    use icalendar::Component;
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    an_interview_and_a_reminder(&app, &ada).await;
    let text = feed_text(&app, &new_feed(&app, &ada).await).await;
    let calendar: icalendar::Calendar = text.parse().expect("a calendar");
    let events = events_of(&calendar);
    let notebook = events
        .iter()
        .find(|e| e.get_summary() == Some("Buy a notebook"))
        .expect("the reminder");
    assert!(
        matches!(
            notebook.get_start(),
            Some(icalendar::DatePerhapsTime::Date(_))
        ),
        "an all-day event"
    );
}

#[actix_web::test]
async fn rotating_the_feed_retires_the_old_address() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let first = new_feed(&app, &ada).await;
    let rotated = new_feed(&app, &ada).await;
    problem(fetch_feed(&app, &first.token).await, StatusCode::NOT_FOUND).await;
    assert_eq!(
        fetch_feed(&app, &rotated.token).await.status(),
        StatusCode::OK
    );
}

#[actix_web::test]
async fn deleting_the_feed_retires_its_address_and_an_unknown_one_answers_404() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let feed = new_feed(&app, &ada).await;
    assert_eq!(fetch_feed(&app, &feed.token).await.status(), StatusCode::OK);
    assert_eq!(
        app.delete("/v1/calendar/feed", &ada.access_token)
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    problem(fetch_feed(&app, &feed.token).await, StatusCode::NOT_FOUND).await;
    problem(fetch_feed(&app, "unknown").await, StatusCode::NOT_FOUND).await;
}

#[actix_web::test]
async fn an_endpoint_takes_10_pings_a_minute() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let hook = app
        .create(
            "/v1/webhooks",
            &ada.access_token,
            json!({"url": "http://127.0.0.1:9/hook", "events": ["reminder.due"]}),
        )
        .await;
    let other = app
        .create(
            "/v1/webhooks",
            &ada.access_token,
            json!({"url": "http://127.0.0.1:9/other", "events": ["reminder.due"]}),
        )
        .await;
    let ping = async |hook: &Value| {
        app.request(
            Method::POST,
            &format!("/v1/webhooks/{}/ping", id_of(hook)),
            Some(&ada.access_token),
        )
        .send()
        .await
        .expect("sent")
    };
    for _ in 0..10 {
        assert_eq!(ping(&hook).await.status(), StatusCode::ACCEPTED);
    }
    let body = typed_problem(ping(&hook).await, StatusCode::TOO_MANY_REQUESTS).await;
    assert_eq!(body.code, "rate_limited");
    assert_eq!(ping(&other).await.status(), StatusCode::ACCEPTED);
    let queued = app
        .database
        .count("SELECT count(*) FROM webhook_deliveries WHERE event = 'webhook.ping'")
        .await;
    assert_eq!(queued, 11);
}

#[actix_web::test]
async fn urls_with_control_characters_or_spaces_are_refused_wherever_they_are_stored() {
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
            json!({"contact_id": contact["id"]}),
        )
        .await;
    let injected = "https://meet.example.com/x\r\nATTACH:https://evil.example/a.exe";
    let start = (Utc::now() + Duration::days(2)).to_rfc3339();
    for (method, path, body, field) in [
        (
            Method::POST,
            "/v1/interviews".to_owned(),
            json!({"contact_id": contact["id"], "meeting_url": injected}),
            "meeting_url",
        ),
        (
            Method::PATCH,
            format!("/v1/interviews/{}", id_of(&interview)),
            json!({"meeting_url": "https://x.example/a b"}),
            "meeting_url",
        ),
        (
            Method::POST,
            format!("/v1/interviews/{}/schedule", id_of(&interview)),
            json!({"scheduled_start": start, "meeting_url": injected}),
            "meeting_url",
        ),
        (
            Method::POST,
            "/v1/contacts".to_owned(),
            json!({"full_name": "X", "linkedin_url": "javascript:alert(1)"}),
            "linkedin_url",
        ),
        (
            Method::POST,
            "/v1/employers".to_owned(),
            json!({"name": "X", "website": format!("https://x.example/{}", "a".repeat(2000))}),
            "website",
        ),
    ] {
        let response = app
            .request(method, &path, Some(token))
            .json(&body)
            .send()
            .await
            .expect("sent");
        assert_eq!(
            invalid_fields(response).await,
            vec![field],
            "{path}: {body}"
        );
    }
}

#[actix_web::test]
async fn the_feed_has_one_prodid_all_day_reminders_that_end_the_next_day_and_no_injected_lines() {
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
            json!({"contact_id": contact["id"]}),
        )
        .await;
    let start = Utc::now() + Duration::days(3);
    app.post_json(
        &format!("/v1/interviews/{}/schedule", id_of(&interview)),
        Some(token),
        &json!({"scheduled_start": start.to_rfc3339(), "meeting_url": "https://meet.example.com/abc"}),
    )
    .await;
    app.create(
        "/v1/reminders",
        token,
        json!({"title": "Buy a notebook", "due_at": "2031-05-06T12:00:00Z"}),
    )
    .await;
    // Rows written before the URL rule existed may hold anything.
    app.database
        .run_statement(
            "UPDATE interviews SET meeting_url = E'https://meet.example.com/x\\r\\nATTACH:https://evil.example/a.exe\\r\\nBEGIN:VALARM\\r\\nACTION:AUDIO\\r\\nEND:VALARM', \
             location = E'Room\\r1'",
        )
        .await;
    app.database
        .run_statement("UPDATE reminders SET title = E'Buy\\ra notebook' WHERE origin = 'manual'")
        .await;
    let text = feed_text(&app, &new_feed(&app, &ada).await).await;
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines
            .iter()
            .filter(|line| line.starts_with("PRODID"))
            .count(),
        1,
        "{text}"
    );
    assert!(
        !lines.iter().any(|line| line.starts_with("ATTACH")),
        "{text}"
    );
    assert!(
        !lines.iter().any(|line| line.starts_with("ACTION:AUDIO")),
        "{text}"
    );
    assert!(
        !text.replace("\r\n", "").contains('\r'),
        "no bare CR: {text}"
    );
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "no bare LF: {text}"
    );
    assert!(text.contains("DTSTART;VALUE=DATE:20310506"), "{text}");
    assert!(text.contains("DTEND;VALUE=DATE:20310507"), "{text}");
}

/// Queues `count` deliveries to `hook` directly, as the outbox would.
async fn queue_deliveries(app: &TestApp, user: &TestUser, hook: &Webhook, count: usize) {
    app.database
        .run_statement(&format!(
            "INSERT INTO webhook_deliveries (id, webhook_id, user_id, event, payload) \
             SELECT gen_random_uuid(), '{}', '{}', 'webhook.ping', '{{\"type\":\"webhook.ping\"}}' \
             FROM generate_series(1, {count})",
            hook.id, user.id
        ))
        .await;
}

/// The delivery workers of a replica, running until the returned sender
/// says stop.
fn start_workers(
    app: &TestApp,
) -> (
    tokio::sync::watch::Sender<bool>,
    actix_web::rt::task::JoinHandle<()>,
) {
    let mut settings = (*app.state.settings).clone();
    settings.dispatch_interval = StdDuration::from_millis(50);
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let running = actix_web::rt::spawn(rapport::webhooks::delivery::run(
        app.state.pool.clone(),
        std::sync::Arc::new(settings),
        stopped,
    ));
    (stop, running)
}

async fn wait_for(mut done: impl FnMut() -> bool, within: StdDuration) -> bool {
    let started = std::time::Instant::now();
    while started.elapsed() < within {
        if done() {
            return true;
        }
        tokio::time::sleep(StdDuration::from_millis(20)).await;
    }
    done()
}

#[actix_web::test]
async fn one_slow_endpoint_does_not_hold_back_the_others() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    let slow = Receiver::start().await;
    slow.slow(StdDuration::from_secs(3));
    let fast = Receiver::start().await;
    let slow_hook = webhook(&app, &ada, &slow.url, &["reminder.due"]).await;
    let fast_hook = webhook(&app, &bob, &fast.url, &["reminder.due"]).await;
    queue_deliveries(&app, &ada, &slow_hook, 80).await;
    queue_deliveries(&app, &bob, &fast_hook, 5).await;
    let (stop, running) = start_workers(&app);
    let on_time = wait_for(|| fast.received().len() == 5, StdDuration::from_secs(2)).await;
    let slow_in_flight = slow.received().len();
    stop.send(true).expect("stop");
    running.await.expect("stopped");
    assert!(
        on_time,
        "the fast endpoint got {} of 5 in 2 s",
        fast.received().len()
    );
    assert!(
        slow_in_flight <= 4,
        "the slow endpoint had {slow_in_flight} attempts at once"
    );
}

#[actix_web::test]
async fn an_inactive_endpoint_gets_no_attempts_until_it_is_active_again() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let receiver = Receiver::start().await;
    let hook = webhook(&app, &ada, &receiver.url, &["reminder.due"]).await;
    queue_deliveries(&app, &ada, &hook, 3).await;
    let path = format!("/v1/webhooks/{}", hook.id);
    let paused = app
        .patch_json(&path, &ada.access_token, &json!({"active": false}))
        .await;
    assert_eq!(paused.status(), StatusCode::OK);
    let client = client(app.state.settings.webhook_allow_private);
    let attempted = deliver_once(&app.state.pool, &app.state.settings, &client)
        .await
        .expect("deliver");
    assert_eq!(attempted, 0);
    assert!(receiver.received().is_empty());
    app.patch_json(&path, &ada.access_token, &json!({"active": true}))
        .await;
    drain(&app).await;
    assert_eq!(receiver.received().len(), 3);
}

#[actix_web::test]
async fn nothing_more_is_delivered_once_the_account_is_deleted() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let receiver = Receiver::start().await;
    receiver.slow(StdDuration::from_secs(2));
    let hook = webhook(&app, &ada, &receiver.url, &["reminder.due"]).await;
    queue_deliveries(&app, &ada, &hook, 70).await;
    let (stop, running) = start_workers(&app);
    assert!(
        wait_for(
            || !receiver.received().is_empty(),
            StdDuration::from_secs(2)
        )
        .await
    );
    assert_eq!(
        app.delete("/v1/me", &ada.access_token).await.status(),
        StatusCode::NO_CONTENT
    );
    let sent_before = receiver.received().len();
    tokio::time::sleep(StdDuration::from_secs(5)).await;
    stop.send(true).expect("stop");
    running.await.expect("stopped");
    assert_eq!(
        receiver.received().len(),
        sent_before,
        "only the attempts in flight went out"
    );
    assert!(sent_before <= 4, "{sent_before}");
}

#[actix_web::test]
async fn a_late_outcome_never_overwrites_a_delivery_another_worker_took_over() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let receiver = Receiver::start().await;
    receiver.slow(StdDuration::from_secs(2));
    receiver.answer(&[500]);
    let hook = webhook(&app, &ada, &receiver.url, &["reminder.due"]).await;
    queue_deliveries(&app, &ada, &hook, 1).await;
    let pool = app.state.pool.clone();
    let settings = app.state.settings.clone();
    let late = actix_web::rt::spawn(async move {
        let client = client(settings.webhook_allow_private);
        deliver_once(&pool, &settings, &client)
            .await
            .expect("deliver")
    });
    assert!(
        wait_for(
            || !receiver.received().is_empty(),
            StdDuration::from_secs(2)
        )
        .await
    );
    // Meanwhile another worker took the delivery over and delivered it.
    app.database
        .run_statement(
            "UPDATE webhook_deliveries SET claim_id = gen_random_uuid(), status = 'delivered', \
             attempts = 7, last_status_code = 204, delivered_at = now(), locked_until = NULL",
        )
        .await;
    assert_eq!(late.await.expect("joined"), 1);
    let delivery = &deliveries_of(&app, &ada, hook.id).await[0];
    assert_eq!(delivery.status, "delivered", "{delivery:?}");
    assert_eq!(delivery.attempts, 7);
    assert_eq!(delivery.last_status_code, Some(204));
}

#[actix_web::test]
async fn attempts_ending_together_leave_connections_for_requests() {
    let app = TestApp::spawn_with(|settings| {
        settings.pool_size = 4;
        settings.pool_wait_timeout = StdDuration::from_secs(1);
    })
    .await;
    let receiver = Receiver::start().await;
    receiver.slow(StdDuration::from_millis(300));
    // 16 endpoints of 4 places each: the worker's 64 attempts at once.
    let mut queued = 0;
    for name in ["ada", "bob"] {
        let user = app.user(name).await;
        for _ in 0..8 {
            let hook = webhook(&app, &user, &receiver.url, &["reminder.due"]).await;
            queue_deliveries(&app, &user, &hook, 12).await;
            queued += 12;
        }
    }
    let watcher = app.user("cyd").await;
    let (stop, running) = start_workers(&app);
    let mut refused = Vec::new();
    for _ in 0..60 {
        let status = app.get("/v1/me", &watcher.access_token).await.status();
        if status != StatusCode::OK {
            refused.push(status);
        }
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    }
    let all_sent = wait_for(
        || receiver.received().len() >= queued,
        StdDuration::from_secs(30),
    )
    .await;
    stop.send(true).expect("stop");
    running.await.expect("stopped");
    assert!(refused.is_empty(), "requests answered {refused:?}");
    assert!(all_sent, "{} of {queued} sent", receiver.received().len());
}

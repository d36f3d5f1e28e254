//! `/v1/interviews`: the state machine, warnings, segments, questions,
//! action items, referrals, the outreach check and the statistics.

use chrono::{Duration, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestUser, id_of, invalid_fields, problem};

async fn interview(app: &TestApp, user: &TestUser, body: Value) -> Value {
    app.create("/v1/interviews", &user.access_token, body).await
}

async fn act(
    app: &TestApp,
    user: &TestUser,
    id: &str,
    action: &str,
    body: Option<Value>,
) -> reqwest::Response {
    let mut request = app.request(
        Method::POST,
        &format!("/v1/interviews/{id}/{action}"),
        Some(&user.access_token),
    );
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.expect("sent")
}

async fn act_ok(
    app: &TestApp,
    user: &TestUser,
    id: &str,
    action: &str,
    body: Option<Value>,
) -> Value {
    let response = act(app, user, id, action, body).await;
    assert_eq!(response.status(), StatusCode::OK, "{action}");
    response.json().await.expect("json")
}

fn body_for(action: &str) -> Option<Value> {
    match action {
        "request" => Some(json!({"channel": "email"})),
        "schedule" => {
            Some(json!({"scheduled_start": (Utc::now() + Duration::days(3)).to_rfc3339()}))
        }
        _ => None,
    }
}

/// Drives a new interview to `status` through the shortest path.
async fn interview_in(app: &TestApp, user: &TestUser, contact: &Value, status: &str) -> String {
    let created = interview(app, user, json!({"contact_id": contact["id"]})).await;
    let id = id_of(&created);
    let path: &[&str] = match status {
        "planned" => &[],
        "requested" => &["request"],
        "scheduled" => &["schedule"],
        "completed" => &["schedule", "complete"],
        "thanked" => &["schedule", "complete", "thank-you"],
        "no_response" => &["request", "no-response"],
        "declined" => &["request", "decline"],
        "cancelled" => &["cancel"],
        other => panic!("no path to {other}"),
    };
    for action in path {
        act_ok(app, user, &id, action, body_for(action)).await;
    }
    id
}

const ACTIONS: [&str; 7] = [
    "request",
    "schedule",
    "complete",
    "decline",
    "no-response",
    "cancel",
    "thank-you",
];

#[actix_web::test]
async fn every_action_is_allowed_or_refused_exactly_as_the_state_diagram_says() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let contact = app
        .contact(&ada.access_token, json!({"full_name": "Grace"}))
        .await;
    let table: [(&str, &[&str], &str); 8] = [
        ("planned", &["request", "schedule", "cancel"], "planned"),
        (
            "requested",
            &["schedule", "decline", "no-response", "cancel"],
            "requested",
        ),
        (
            "scheduled",
            &["schedule", "complete", "cancel"],
            "scheduled",
        ),
        ("completed", &["thank-you"], "completed"),
        ("thanked", &[], "completed"),
        ("no_response", &["schedule", "decline"], "no_response"),
        ("declined", &[], "declined"),
        ("cancelled", &[], "cancelled"),
    ];
    for (state, allowed, status) in table {
        for action in ACTIONS {
            let id = interview_in(&app, &ada, &contact, state).await;
            let before = app
                .get_json(&format!("/v1/interviews/{id}"), &ada.access_token)
                .await;
            assert_eq!(before["status"], status);
            assert_eq!(before["allowed_actions"], json!(allowed), "{state}");
            let response = act(&app, &ada, &id, action, body_for(action)).await;
            if allowed.contains(&action) {
                assert_eq!(response.status(), StatusCode::OK, "{action} from {state}");
                let after: Value = response.json().await.expect("json");
                let expected = match action {
                    "request" => "requested",
                    "schedule" => "scheduled",
                    "complete" | "thank-you" => "completed",
                    "decline" => "declined",
                    "no-response" => "no_response",
                    _ => "cancelled",
                };
                assert_eq!(after["status"], expected, "{action} from {state}");
                assert_eq!(after["version"], before["version"].as_i64().expect("v") + 1);
            } else {
                let body = problem(response, StatusCode::CONFLICT).await;
                assert_eq!(body["code"], "invalid_transition", "{action} from {state}");
                assert_eq!(
                    body["allowed_actions"],
                    json!(allowed),
                    "{action} from {state}"
                );
                let after = app
                    .get_json(&format!("/v1/interviews/{id}"), &ada.access_token)
                    .await;
                assert_eq!(
                    after["version"], before["version"],
                    "a refused action changes nothing"
                );
            }
        }
    }
}

#[actix_web::test]
async fn an_interview_is_created_planned_and_status_cannot_be_patched() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let contact = app
        .contact(&ada.access_token, json!({"full_name": "Grace"}))
        .await;
    let response = app
        .post_json(
            "/v1/interviews",
            Some(&ada.access_token),
            &json!({"contact_id": contact["id"], "purpose": "Learn about compilers"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert!(
        response.headers()["location"]
            .to_str()
            .expect("ascii")
            .contains("/v1/interviews/")
    );
    let created: Value = response.json().await.expect("json");
    assert_eq!(created["status"], "planned");
    assert_eq!(created["duration_minutes"], 20);
    assert_eq!(created["warnings"], json!([]));
    for key in [
        "requested_at",
        "responded_at",
        "scheduled_start",
        "completed_at",
        "thank_you_sent_at",
        "format",
    ] {
        assert_eq!(created[key], Value::Null, "{key}");
    }
    let path = format!("/v1/interviews/{}", id_of(&created));
    for field in ["status", "requested_at", "completed_at", "id", "contact_id"] {
        let fields = invalid_fields(
            app.patch_json(&path, &ada.access_token, &json!({field: "x"}))
                .await,
        )
        .await;
        assert_eq!(fields, vec![field.to_owned()]);
    }
    let patched: Value = app
        .patch_json(
            &path,
            &ada.access_token,
            &json!({"notes": "bring questions", "format": "video", "duration_minutes": 25}),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(patched["notes"], "bring questions");
    assert_eq!(patched["format"], "video");
    for (body, field) in [
        (json!({"duration_minutes": 4}), "duration_minutes"),
        (json!({"duration_minutes": 241}), "duration_minutes"),
        (json!({"duration_minutes": null}), "duration_minutes"),
        (json!({"format": "carrier pigeon"}), "format"),
    ] {
        assert_eq!(
            invalid_fields(app.patch_json(&path, &ada.access_token, &body).await).await,
            vec![field.to_owned()]
        );
    }
    let missing = app
        .post_json(
            "/v1/interviews",
            Some(&ada.access_token),
            &json!({"contact_id": "01890a5d-ac96-774b-bcce-b302099a8057"}),
        )
        .await;
    problem(missing, StatusCode::NOT_FOUND).await;
}

#[actix_web::test]
async fn actions_record_their_times_and_the_first_answer_is_the_response() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let contact = app
        .contact(&ada.access_token, json!({"full_name": "Grace"}))
        .await;
    let created = interview(&app, &ada, json!({"contact_id": contact["id"]})).await;
    let id = id_of(&created);
    // PostgreSQL keeps microseconds; a whole second compares exactly.
    let sent_at =
        (Utc::now() - Duration::days(2)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let requested = act_ok(
        &app,
        &ada,
        &id,
        "request",
        Some(json!({"channel": "linkedin", "sent_at": sent_at, "message": "Hello!"})),
    )
    .await;
    assert_eq!(requested["outreach_channel"], "linkedin");
    assert_eq!(requested["outreach_message"], "Hello!");
    assert_eq!(
        chrono::DateTime::parse_from_rfc3339(requested["requested_at"].as_str().expect("t"))
            .expect("time"),
        chrono::DateTime::parse_from_rfc3339(&sent_at).expect("time")
    );
    assert_eq!(requested["responded_at"], Value::Null);

    let start = (Utc::now() + Duration::days(1)).to_rfc3339();
    let scheduled = act_ok(&app, &ada, &id, "schedule", Some(json!({"scheduled_start": start, "format": "video", "meeting_url": "https://meet.example/abc", "duration_minutes": 25}))).await;
    let responded_at = scheduled["responded_at"]
        .as_str()
        .expect("responded")
        .to_owned();
    assert_eq!(scheduled["format"], "video");

    // A reschedule keeps what it leaves out, and is not a second response.
    let later = (Utc::now() + Duration::days(2)).to_rfc3339();
    let moved = act_ok(
        &app,
        &ada,
        &id,
        "schedule",
        Some(json!({"scheduled_start": later})),
    )
    .await;
    assert_eq!(moved["meeting_url"], "https://meet.example/abc");
    assert_eq!(moved["duration_minutes"], 25);
    assert_eq!(moved["responded_at"], responded_at.as_str());

    let completed = act_ok(
        &app,
        &ada,
        &id,
        "complete",
        Some(
            json!({"notes": "great talk", "may_contact_again": true, "key_insights": "learn SQL"}),
        ),
    )
    .await;
    assert!(completed["completed_at"].is_string());
    assert_eq!(completed["may_contact_again"], true);
    let thanked = act_ok(&app, &ada, &id, "thank-you", None).await;
    assert!(thanked["thank_you_sent_at"].is_string());
    assert_eq!(thanked["allowed_actions"], json!([]));

    let future = (Utc::now() + Duration::hours(1)).to_rfc3339();
    let other = interview_in(&app, &ada, &contact, "planned").await;
    let response = act(
        &app,
        &ada,
        &other,
        "request",
        Some(json!({"channel": "email", "sent_at": future})),
    )
    .await;
    assert_eq!(invalid_fields(response).await, vec!["sent_at"]);
    let response = act(
        &app,
        &ada,
        &other,
        "request",
        Some(json!({"channel": "pigeon"})),
    )
    .await;
    assert_eq!(invalid_fields(response).await, vec!["channel"]);
    let response = act(&app, &ada, &other, "request", None).await;
    problem(response, StatusCode::UNSUPPORTED_MEDIA_TYPE).await;
    let cancelled = act_ok(
        &app,
        &ada,
        &other,
        "cancel",
        Some(json!({"reason": "found another path"})),
    )
    .await;
    assert_eq!(cancelled["cancel_reason"], "found another path");
}

#[actix_web::test]
async fn every_warning_appears_when_it_applies() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let contact = app.contact(token, json!({"full_name": "Grace"})).await;
    let codes = |interview: &Value| -> Vec<String> {
        interview["warnings"]
            .as_array()
            .expect("warnings")
            .iter()
            .map(|w| w["code"].as_str().expect("code").to_owned())
            .collect()
    };

    let long = interview(
        &app,
        &ada,
        json!({"contact_id": contact["id"], "duration_minutes": 31}),
    )
    .await;
    assert_eq!(codes(&long), vec!["long_interview"]);
    let thirty = interview(
        &app,
        &ada,
        json!({"contact_id": contact["id"], "duration_minutes": 30}),
    )
    .await;
    assert!(codes(&thirty).is_empty());

    // 4 questions need ceil(2.5 × 4) = 10 minutes.
    let set = app.create("/v1/question-sets", token, json!({"title": "Four", "questions": [
        {"text": "What do you do?", "category": "day_to_day"}, {"text": "How did you start?", "category": "career_path"},
        {"text": "What skills matter?", "category": "skills"}, {"text": "Who else should I ask?", "category": "referrals"}]})).await;
    let short = interview(
        &app,
        &ada,
        json!({"contact_id": contact["id"], "duration_minutes": 9}),
    )
    .await;
    app.post_json(
        &format!("/v1/interviews/{}/question-set", id_of(&short)),
        Some(token),
        &json!({"question_set_id": set["id"]}),
    )
    .await;
    let short = app
        .get_json(&format!("/v1/interviews/{}", id_of(&short)), token)
        .await;
    assert_eq!(codes(&short), vec!["too_many_questions"]);
    let path = format!("/v1/interviews/{}", id_of(&short));
    let enough: Value = app
        .patch_json(&path, token, &json!({"duration_minutes": 10}))
        .await
        .json()
        .await
        .expect("json");
    assert!(codes(&enough).is_empty());

    let start = Utc::now() + Duration::days(5);
    let first = interview(&app, &ada, json!({"contact_id": contact["id"]})).await;
    act_ok(
        &app,
        &ada,
        &id_of(&first),
        "schedule",
        Some(json!({"scheduled_start": start.to_rfc3339(), "duration_minutes": 30})),
    )
    .await;
    let second = interview(&app, &ada, json!({"contact_id": contact["id"]})).await;
    let overlapping = act_ok(
        &app,
        &ada,
        &id_of(&second),
        "schedule",
        Some(json!({"scheduled_start": (start + Duration::minutes(29)).to_rfc3339()})),
    )
    .await;
    assert_eq!(codes(&overlapping), vec!["overlap"]);
    let first_now = app
        .get_json(&format!("/v1/interviews/{}", id_of(&first)), token)
        .await;
    assert_eq!(codes(&first_now), vec!["overlap"]);
    let apart = act_ok(
        &app,
        &ada,
        &id_of(&second),
        "schedule",
        Some(json!({"scheduled_start": (start + Duration::minutes(30)).to_rfc3339()})),
    )
    .await;
    assert!(codes(&apart).is_empty(), "back to back is no overlap");

    let done = interview_in(&app, &ada, &contact, "scheduled").await;
    let recent = act_ok(
        &app,
        &ada,
        &done,
        "complete",
        Some(json!({"completed_at": (Utc::now() - Duration::hours(23)).to_rfc3339()})),
    )
    .await;
    assert!(codes(&recent).is_empty());
    let old = interview_in(&app, &ada, &contact, "scheduled").await;
    let overdue = act_ok(
        &app,
        &ada,
        &old,
        "complete",
        Some(json!({"completed_at": (Utc::now() - Duration::hours(25)).to_rfc3339()})),
    )
    .await;
    assert_eq!(codes(&overdue), vec!["thank_you_overdue"]);
    let thanked = act_ok(&app, &ada, &old, "thank-you", None).await;
    assert!(codes(&thanked).is_empty());
}

async fn segment_of(app: &TestApp, user: &TestUser, contact: &Value) -> String {
    let current = app
        .get_json(
            &format!("/v1/contacts/{}", id_of(contact)),
            &user.access_token,
        )
        .await;
    current["segment"].as_str().expect("segment").to_owned()
}

#[actix_web::test]
async fn segments_follow_the_latest_request_and_filter_the_list() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let new_contact = |name: &'static str| app.contact(token, json!({"full_name": name}));
    let unknown = new_contact("Unknown").await;
    let awaiting = new_contact("Awaiting").await;
    let booster = new_contact("Booster").await;
    let obligate = new_contact("Obligate").await;
    let curmudgeon = new_contact("Curmudgeon").await;
    let silent = new_contact("Silent").await;
    let decliner = new_contact("Decliner").await;

    let request = |contact: &Value, days_ago: i64| {
        let contact_id = contact["id"].clone();
        let ada = ada.clone();
        let app = &app;
        async move {
            let created = interview(app, &ada, json!({"contact_id": contact_id})).await;
            let id = id_of(&created);
            let sent_at = (Utc::now() - Duration::days(days_ago)).to_rfc3339();
            act_ok(
                app,
                &ada,
                &id,
                "request",
                Some(json!({"channel": "email", "sent_at": sent_at})),
            )
            .await;
            id
        }
    };
    request(&awaiting, 0).await;
    let id = request(&booster, 0).await;
    act_ok(&app, &ada, &id, "schedule", body_for("schedule")).await;
    let id = request(&obligate, 30).await;
    act_ok(&app, &ada, &id, "schedule", body_for("schedule")).await;
    request(&curmudgeon, 30).await;
    let id = request(&silent, 0).await;
    act_ok(&app, &ada, &id, "no-response", None).await;
    let id = request(&decliner, 0).await;
    act_ok(&app, &ada, &id, "decline", None).await;

    for (contact, expected) in [
        (&unknown, "unknown"),
        (&awaiting, "awaiting"),
        (&booster, "booster"),
        (&obligate, "obligate"),
        (&curmudgeon, "curmudgeon"),
        (&silent, "curmudgeon"),
        (&decliner, "booster"),
    ] {
        assert_eq!(
            segment_of(&app, &ada, contact).await,
            expected,
            "{}",
            contact["full_name"]
        );
    }
    for (segment, names) in [
        ("unknown", vec!["Unknown"]),
        ("awaiting", vec!["Awaiting"]),
        ("booster", vec!["Booster", "Decliner"]),
        ("obligate", vec!["Obligate"]),
        ("curmudgeon", vec!["Curmudgeon", "Silent"]),
    ] {
        let page = app
            .get_json(&format!("/v1/contacts?segment={segment}"), token)
            .await;
        let found: Vec<&str> = page["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|c| c["full_name"].as_str().expect("n"))
            .collect();
        assert_eq!(found, names, "{segment}");
    }
    let network = app.get_json("/v1/network", token).await;
    let node = network["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .find(|n| n["full_name"] == "Obligate")
        .expect("node")
        .clone();
    assert_eq!(node["segment"], "obligate");

    // The latest request decides: a new request to the curmudgeon, answered at once.
    let id = request(&curmudgeon, 0).await;
    act_ok(&app, &ada, &id, "schedule", body_for("schedule")).await;
    assert_eq!(segment_of(&app, &ada, &curmudgeon).await, "booster");
}

#[actix_web::test]
async fn the_database_and_the_service_agree_on_segments_at_the_exact_marks() {
    use diesel_async::RunQueryDsl;
    let app = TestApp::spawn().await;
    let mut connection = app.database.connection().await;
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        segment: String,
    }
    // Requested Monday 2026-11-23 10:00 UTC: 3B is Thursday 09:00, 7B the next Wednesday 09:00.
    let requested = "2026-11-23T10:00:00Z";
    let mark3 = "2026-11-26T09:00:00Z";
    let mark7 = "2026-12-02T09:00:00Z";
    let cases = [
        (
            Some("2026-11-26T09:00:00Z"),
            false,
            "2026-12-10T00:00:00Z",
            "booster",
        ),
        (
            Some("2026-11-26T09:00:01Z"),
            false,
            "2026-12-10T00:00:00Z",
            "obligate",
        ),
        (None, false, "2026-12-02T09:00:00Z", "awaiting"),
        (None, false, "2026-12-02T09:00:01Z", "curmudgeon"),
        (None, true, "2026-11-24T00:00:00Z", "curmudgeon"),
    ];
    for (responded, no_response, at, expected) in cases {
        let row: Row = diesel::sql_query(
            "SELECT rapport_segment($1::timestamptz, $2::timestamptz, $3, $4::timestamptz, $5::timestamptz, $6::timestamptz) AS segment",
        )
        .bind::<diesel::sql_types::Text, _>(requested)
        .bind::<diesel::sql_types::Nullable<diesel::sql_types::Text>, _>(responded)
        .bind::<diesel::sql_types::Bool, _>(no_response)
        .bind::<diesel::sql_types::Text, _>(mark3)
        .bind::<diesel::sql_types::Text, _>(mark7)
        .bind::<diesel::sql_types::Text, _>(at)
        .get_result(&mut connection)
        .await
        .expect("segment");
        assert_eq!(row.segment, expected, "{responded:?} at {at}");

        let parse = |text: &str| {
            chrono::DateTime::parse_from_rfc3339(text)
                .expect("time")
                .with_timezone(&Utc)
        };
        let mut inputs = rapport::contacts::segment::inputs(
            Some(parse(requested)),
            responded.map(parse),
            no_response,
            "UTC",
        );
        assert_eq!(inputs.segment_mark3_at, Some(parse(mark3)));
        assert_eq!(inputs.segment_mark7_at, Some(parse(mark7)));
        inputs.segment_no_response = no_response;
        let contact = rapport::contacts::models::Contact {
            id: uuid::Uuid::nil(),
            user_id: uuid::Uuid::nil(),
            full_name: "X".into(),
            email: None,
            phone: None,
            linkedin_url: None,
            company: None,
            job_title: None,
            field: None,
            location: None,
            employer_id: None,
            source: rapport::contacts::dto::Source::Other,
            referred_by_contact_id: None,
            has_hiring_power: None,
            tags: vec![],
            notes: None,
            archived_at: None,
            version: 1,
            created_at: Utc::now(),
            updated_at: Utc::now(),
            segment_requested_at: inputs.segment_requested_at,
            segment_responded_at: inputs.segment_responded_at,
            segment_no_response: inputs.segment_no_response,
            segment_mark3_at: inputs.segment_mark3_at,
            segment_mark7_at: inputs.segment_mark7_at,
        };
        let service_says = rapport::contacts::segment::of(&contact, parse(at));
        assert_eq!(service_says.as_str(), expected, "{responded:?} at {at}");
    }
}

#[actix_web::test]
async fn a_contact_with_interviews_is_deleted_only_with_force() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let contact = app.contact(token, json!({"full_name": "Grace"})).await;
    let id = interview_in(&app, &ada, &contact, "completed").await;
    app.create(
        &format!("/v1/interviews/{id}/action-items"),
        token,
        json!({"text": "send article"}),
    )
    .await;
    let path = format!("/v1/contacts/{}", id_of(&contact));
    let refused = app.delete(&path, token).await;
    assert_eq!(
        problem(refused, StatusCode::CONFLICT).await["code"],
        "conflict"
    );
    assert_eq!(
        app.get(&format!("/v1/interviews/{id}"), token)
            .await
            .status(),
        StatusCode::OK
    );
    let forced = app.delete(&format!("{path}?force=true"), token).await;
    assert_eq!(forced.status(), StatusCode::NO_CONTENT);
    problem(
        app.get(&format!("/v1/interviews/{id}"), token).await,
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(
        app.database
            .count("SELECT count(*) AS count FROM action_items")
            .await,
        0
    );
}

#[actix_web::test]
async fn the_list_filters_by_status_contact_employer_and_time() {
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
    let alan = app.contact(token, json!({"full_name": "Alan"})).await;
    let soon = Utc::now() + Duration::days(1);
    let later = Utc::now() + Duration::days(10);
    let first = interview(&app, &ada, json!({"contact_id": grace["id"]})).await;
    act_ok(
        &app,
        &ada,
        &id_of(&first),
        "schedule",
        Some(json!({"scheduled_start": soon.to_rfc3339()})),
    )
    .await;
    let second = interview(&app, &ada, json!({"contact_id": alan["id"]})).await;
    act_ok(
        &app,
        &ada,
        &id_of(&second),
        "schedule",
        Some(json!({"scheduled_start": later.to_rfc3339()})),
    )
    .await;
    let third = interview(&app, &ada, json!({"contact_id": alan["id"]})).await;

    let ids = |page: &Value| -> Vec<String> {
        page["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(id_of)
            .collect()
    };
    let all = app.get_json("/v1/interviews", token).await;
    assert_eq!(
        ids(&all),
        vec![id_of(&third), id_of(&second), id_of(&first)],
        "newest first"
    );
    assert_eq!(
        ids(&app.get_json("/v1/interviews?status=planned", token).await),
        vec![id_of(&third)]
    );
    assert_eq!(
        ids(&app
            .get_json(
                &format!("/v1/interviews?contact_id={}", id_of(&alan)),
                token
            )
            .await),
        vec![id_of(&third), id_of(&second)]
    );
    assert_eq!(
        ids(&app
            .get_json(
                &format!("/v1/interviews?employer_id={}", id_of(&employer)),
                token
            )
            .await),
        vec![id_of(&first)]
    );
    let window = format!(
        "/v1/interviews?from={}&to={}",
        urlencode(&(soon - Duration::hours(1)).to_rfc3339()),
        urlencode(&(soon + Duration::hours(1)).to_rfc3339())
    );
    assert_eq!(
        ids(&app.get_json(&window, token).await),
        vec![id_of(&first)]
    );
    let paged = app.get_json("/v1/interviews?limit=2", token).await;
    let cursor = paged["next_cursor"].as_str().expect("more");
    let rest = app
        .get_json(&format!("/v1/interviews?limit=2&cursor={cursor}"), token)
        .await;
    assert_eq!(ids(&rest), vec![id_of(&first)]);
    problem(
        app.get("/v1/interviews?status=done", token).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    let employers = app.get_json("/v1/employers", token).await;
    assert_eq!(employers["items"][0]["interview_count"], 1);
}

fn urlencode(text: &str) -> String {
    text.replace('+', "%2B").replace(':', "%3A")
}

#[actix_web::test]
async fn attached_questions_are_a_snapshot_and_reattaching_keeps_what_was_asked() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let contact = app.contact(token, json!({"full_name": "Grace"})).await;
    let created = interview(&app, &ada, json!({"contact_id": contact["id"]})).await;
    let id = id_of(&created);
    let set = app
        .create(
            "/v1/question-sets",
            token,
            json!({"title": "Mine", "questions": [
        {"text": "What do you do all day?", "category": "day_to_day"},
        {"text": "How did you start?", "category": "career_path"}]}),
        )
        .await;
    let attached = app
        .post_json(
            &format!("/v1/interviews/{id}/question-set"),
            Some(token),
            &json!({"question_set_id": set["id"]}),
        )
        .await;
    assert_eq!(attached.status(), StatusCode::OK);
    let attached: Value = attached.json().await.expect("json");
    assert_eq!(attached["next_cursor"], Value::Null);
    assert_eq!(attached["items"].as_array().expect("items").len(), 2);
    let first_question = attached["items"][0].clone();
    assert_eq!(first_question["asked"], false);
    assert_eq!(first_question["answer"], Value::Null);

    // Editing the set does not rewrite the interview.
    let set_question = set["questions"][0]["id"].as_str().expect("id");
    app.patch_json(
        &format!("/v1/question-sets/{}/questions/{set_question}", id_of(&set)),
        token,
        &json!({"text": "Changed later?"}),
    )
    .await;
    let questions = app
        .get_json(&format!("/v1/interviews/{id}/questions"), token)
        .await;
    assert_eq!(questions["items"][0]["text"], "What do you do all day?");

    let answered: Value = app
        .patch_json(
            &format!("/v1/interviews/{id}/questions/{}", id_of(&first_question)),
            token,
            &json!({"asked": true, "answer": "Meetings, then code."}),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(answered["asked"], true);
    assert_eq!(answered["answer"], "Meetings, then code.");

    let library = app
        .get_json("/v1/question-sets?scope=library&limit=1", token)
        .await;
    let library_set = &library["items"][0];
    let reattached: Value = app
        .post_json(
            &format!("/v1/interviews/{id}/question-set"),
            Some(token),
            &json!({"question_set_id": library_set["id"]}),
        )
        .await
        .json()
        .await
        .expect("json");
    let items = reattached["items"].as_array().expect("items");
    assert_eq!(
        items.len(),
        1 + library_set["questions"].as_array().expect("q").len()
    );
    assert_eq!(
        items[0]["answer"], "Meetings, then code.",
        "answered questions stay"
    );
    let positions: Vec<i64> = items
        .iter()
        .map(|q| q["position"].as_i64().expect("p"))
        .collect();
    assert_eq!(positions, (1..=items.len() as i64).collect::<Vec<_>>());
    let interview_now = app.get_json(&format!("/v1/interviews/{id}"), token).await;
    assert_eq!(interview_now["question_set_id"], library_set["id"]);
    let unknown = app
        .post_json(
            &format!("/v1/interviews/{id}/question-set"),
            Some(token),
            &json!({"question_set_id": "01890a5d-ac96-774b-bcce-b302099a8057"}),
        )
        .await;
    problem(unknown, StatusCode::NOT_FOUND).await;
}

#[actix_web::test]
async fn action_items_and_referrals_close_the_loop() {
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
    let id = interview_in(&app, &ada, &grace, "completed").await;

    let due = (Utc::now() + Duration::days(2)).to_rfc3339();
    let response = app
        .post_json(
            &format!("/v1/interviews/{id}/action-items"),
            Some(token),
            &json!({"text": "Read the book", "due_at": due}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert!(response.headers().contains_key("location"));
    let item: Value = response.json().await.expect("json");
    assert_eq!(item["done"], false);
    let item_path = format!("/v1/interviews/{id}/action-items/{}", id_of(&item));
    let done: Value = app
        .patch_json(&item_path, token, &json!({"done": true, "due_at": null}))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(done["done"], true);
    assert_eq!(done["due_at"], Value::Null);
    let stale = app
        .request(Method::PATCH, &item_path, Some(token))
        .header("if-match", "\"1\"")
        .json(&json!({"text": "x"}))
        .send()
        .await
        .expect("sent");
    problem(stale, StatusCode::PRECONDITION_FAILED).await;
    let list = app
        .get_json(&format!("/v1/interviews/{id}/action-items"), token)
        .await;
    assert_eq!(list["items"].as_array().expect("items").len(), 1);
    assert_eq!(
        app.delete(&item_path, token).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        invalid_fields(
            app.post_json(
                &format!("/v1/interviews/{id}/action-items"),
                Some(token),
                &json!({"text": ""})
            )
            .await
        )
        .await,
        vec!["text"]
    );

    let response = app
        .post_json(
            &format!("/v1/interviews/{id}/referrals"),
            Some(token),
            &json!({"full_name": "Alan Turing"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let referred: Value = response.json().await.expect("json");
    assert_eq!(referred["referred_by_contact_id"], grace["id"]);
    assert_eq!(referred["source"], "referral");
    assert_eq!(referred["employer_id"], employer["id"]);
    let elsewhere = app.employer(token, json!({"name": "Contoso"})).await;
    let other: Value = app
        .post_json(&format!("/v1/interviews/{id}/referrals"), Some(token), &json!({"full_name": "Barbara Liskov", "employer_id": elsewhere["id"], "source": "alumni"}))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(other["employer_id"], elsewhere["id"]);
    assert_eq!(other["source"], "alumni");
    let referrals = app
        .get_json(&format!("/v1/contacts/{}/referrals", id_of(&grace)), token)
        .await;
    assert_eq!(referrals["items"].as_array().expect("items").len(), 2);
}

#[actix_web::test]
async fn the_outreach_check_judges_a_message() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let good: Value = app
        .post_json("/v1/outreach/check", Some(&ada.access_token), &json!({
            "message": "Brad Johnson suggested I contact you. I'm exploring product design and would love 15 minutes of your perspective. Would next week work?",
            "referrer_name": "Brad Johnson"}))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(good["verdict"], "good");
    assert_eq!(good["reasons"], json!([]));
    assert_eq!(good["ends_with_question"], true);
    assert_eq!(good["referrer_named_early"], true);
    let bad: Value = app
        .post_json("/v1/outreach/check", Some(&ada.access_token), &json!({"message": "Hi. Are you hiring? I attached my resume for the open position. Brad sent me."}))
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(bad["verdict"], "revise");
    assert_eq!(
        bad["job_words"],
        json!(["hiring", "resume", "open position"])
    );
    assert_eq!(bad["referrer_named_early"], false);
    assert_eq!(bad["too_long"], false);
    assert_eq!(
        invalid_fields(
            app.post_json(
                "/v1/outreach/check",
                Some(&ada.access_token),
                &json!({"message": ""})
            )
            .await
        )
        .await,
        vec!["message"]
    );
}

#[actix_web::test]
async fn stats_count_what_happened() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let empty = app.get_json("/v1/stats", token).await;
    assert_eq!(empty["reply_rate"], Value::Null);
    assert_eq!(empty["interviews_by_status"]["planned"], 0);
    assert_eq!(empty["contacts_by_segment"]["unknown"], 0);

    let employer = app
        .employer(token, json!({"name": "Northwind", "motivation": 3}))
        .await;
    let grace = app
        .contact(
            token,
            json!({"full_name": "Grace", "employer_id": employer["id"]}),
        )
        .await;
    let alan = app.contact(token, json!({"full_name": "Alan"})).await;
    // Grace answered 10 hours after the request; Alan never did.
    let created = interview(&app, &ada, json!({"contact_id": grace["id"]})).await;
    let id = id_of(&created);
    act_ok(
        &app,
        &ada,
        &id,
        "request",
        Some(
            json!({"channel": "email", "sent_at": (Utc::now() - Duration::hours(10)).to_rfc3339()}),
        ),
    )
    .await;
    act_ok(&app, &ada, &id, "schedule", body_for("schedule")).await;
    act_ok(
        &app,
        &ada,
        &id,
        "complete",
        Some(json!({"completed_at": (Utc::now() - Duration::hours(30)).to_rfc3339()})),
    )
    .await;
    act_ok(
        &app,
        &ada,
        &id,
        "thank-you",
        Some(json!({"sent_at": (Utc::now() - Duration::hours(20)).to_rfc3339()})),
    )
    .await;
    let other = interview(&app, &ada, json!({"contact_id": alan["id"]})).await;
    act_ok(
        &app,
        &ada,
        &id_of(&other),
        "request",
        Some(json!({"channel": "phone"})),
    )
    .await;
    app.post_json(
        &format!("/v1/interviews/{id}/referrals"),
        Some(token),
        &json!({"full_name": "Referred"}),
    )
    .await;

    let stats = app.get_json("/v1/stats", token).await;
    assert_eq!(stats["interviews_by_status"]["completed"], 1);
    assert_eq!(stats["interviews_by_status"]["requested"], 1);
    assert_eq!(stats["reply_rate"], 0.5);
    let hours = stats["median_hours_to_first_reply"]
        .as_f64()
        .expect("hours");
    assert!((9.9..10.1).contains(&hours), "{hours}");
    assert_eq!(stats["thank_you"], json!({"on_time": 1, "due": 1}));
    assert_eq!(stats["referrals_gained"], 1);
    assert_eq!(stats["lamp_top5_with_active_contact"], 1);
    assert_eq!(stats["contacts_by_segment"]["booster"], 1);
    assert_eq!(stats["contacts_by_segment"]["awaiting"], 1);
    assert_eq!(stats["contacts_by_segment"]["unknown"], 1);
    assert_eq!(stats["overdue_reminders"], 0);
}

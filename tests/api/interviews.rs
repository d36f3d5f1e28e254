//! `/v1/interviews`: the state machine, warnings, segments, questions,
//! action items, referrals, the outreach check and the statistics.

use chrono::{DateTime, Duration, Utc};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::bodies::{
    ActionItem, Contact, Employer, Interview, InterviewQuestion, Network, Page, QuestionSet, Stats,
    ThankYouStats,
};
use crate::helpers::{JsonAs, TestApp, TestUser, invalid_fields, problem, typed_problem};

async fn interview(app: &TestApp, user: &TestUser, body: Value) -> Interview {
    app.create_as("/v1/interviews", &user.access_token, body)
        .await
}

async fn contact(app: &TestApp, user: &TestUser, body: Value) -> Contact {
    app.create_as("/v1/contacts", &user.access_token, body)
        .await
}

async fn act(
    app: &TestApp,
    user: &TestUser,
    id: Uuid,
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
    id: Uuid,
    action: &str,
    body: Option<Value>,
) -> Interview {
    let response = act(app, user, id, action, body).await;
    assert_eq!(response.status(), StatusCode::OK, "{action}");
    response.json_as().await
}

async fn get_interview(app: &TestApp, user: &TestUser, id: Uuid) -> Interview {
    app.get_as(&format!("/v1/interviews/{id}"), &user.access_token)
        .await
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
async fn interview_in(app: &TestApp, user: &TestUser, contact: &Contact, status: &str) -> Uuid {
    let created = interview(app, user, json!({"contact_id": contact.id})).await;
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
        act_ok(app, user, created.id, action, body_for(action)).await;
    }
    created.id
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|text| (*text).to_owned()).collect()
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

/// For each state (as `interview_in` names it): the actions it allows and
/// the status it shows.
const STATE_DIAGRAM: [(&str, &[&str], &str); 8] = [
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

/// The status an allowed action leads to.
fn status_after(action: &str) -> &'static str {
    match action {
        "request" => "requested",
        "schedule" => "scheduled",
        "complete" | "thank-you" => "completed",
        "decline" => "declined",
        "no-response" => "no_response",
        _ => "cancelled",
    }
}

#[actix_web::test]
async fn every_action_is_allowed_or_refused_exactly_as_the_state_diagram_says() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let contact = contact(&app, &ada, json!({"full_name": "Grace"})).await;
    for (state, allowed, status) in STATE_DIAGRAM {
        for action in ACTIONS {
            let id = interview_in(&app, &ada, &contact, state).await;
            let before = get_interview(&app, &ada, id).await;
            assert_eq!(before.status, status);
            assert_eq!(before.allowed_actions, allowed, "{state}");
            let response = act(&app, &ada, id, action, body_for(action)).await;
            if allowed.contains(&action) {
                assert_eq!(response.status(), StatusCode::OK, "{action} from {state}");
                let after: Interview = response.json_as().await;
                assert_eq!(after.status, status_after(action), "{action} from {state}");
                assert_eq!(after.version, before.version + 1);
            } else {
                let body = typed_problem(response, StatusCode::CONFLICT).await;
                assert_eq!(body.code, "invalid_transition", "{action} from {state}");
                assert_eq!(
                    body.allowed_actions,
                    Some(strings(allowed)),
                    "{action} from {state}"
                );
                let after = get_interview(&app, &ada, id).await;
                assert_eq!(
                    after.version, before.version,
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
    let contact = contact(&app, &ada, json!({"full_name": "Grace"})).await;
    let response = app
        .post_json(
            "/v1/interviews",
            Some(&ada.access_token),
            &json!({"contact_id": contact.id, "purpose": "Learn about compilers"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert!(
        response.headers()["location"]
            .to_str()
            .expect("ascii")
            .contains("/v1/interviews/")
    );
    let created: Interview = response.json_as().await;
    assert_eq!(created.status, "planned");
    assert_eq!(created.duration_minutes, 20);
    assert!(created.warnings.is_empty());
    assert_eq!(created.requested_at, None);
    assert_eq!(created.responded_at, None);
    assert_eq!(created.scheduled_start, None);
    assert_eq!(created.completed_at, None);
    assert_eq!(created.thank_you_sent_at, None);
    assert_eq!(created.format, None);
    let path = format!("/v1/interviews/{}", created.id);
    for field in ["status", "requested_at", "completed_at", "id", "contact_id"] {
        let fields = invalid_fields(
            app.patch_json(&path, &ada.access_token, &json!({field: "x"}))
                .await,
        )
        .await;
        assert_eq!(fields, vec![field.to_owned()]);
    }
    let patched: Interview = app
        .patch_json(
            &path,
            &ada.access_token,
            &json!({"notes": "bring questions", "format": "video", "duration_minutes": 25}),
        )
        .await
        .json_as()
        .await;
    assert_eq!(patched.notes.as_deref(), Some("bring questions"));
    assert_eq!(patched.format.as_deref(), Some("video"));
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

fn parse_time(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("rfc3339")
        .with_timezone(&Utc)
}

#[actix_web::test]
async fn actions_record_their_times_and_the_first_answer_is_the_response() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let contact = contact(&app, &ada, json!({"full_name": "Grace"})).await;
    let id = interview(&app, &ada, json!({"contact_id": contact.id}))
        .await
        .id;
    // PostgreSQL keeps microseconds; a whole second compares exactly.
    let sent_at =
        (Utc::now() - Duration::days(2)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let requested = act_ok(
        &app,
        &ada,
        id,
        "request",
        Some(json!({"channel": "linkedin", "sent_at": sent_at, "message": "Hello!"})),
    )
    .await;
    assert_eq!(requested.outreach_channel.as_deref(), Some("linkedin"));
    assert_eq!(requested.outreach_message.as_deref(), Some("Hello!"));
    assert_eq!(requested.requested_at, Some(parse_time(&sent_at)));
    assert_eq!(requested.responded_at, None);

    let start = (Utc::now() + Duration::days(1)).to_rfc3339();
    let scheduled = act_ok(&app, &ada, id, "schedule", Some(json!({"scheduled_start": start, "format": "video", "meeting_url": "https://meet.example/abc", "duration_minutes": 25}))).await;
    let responded_at = scheduled.responded_at.expect("responded");
    assert_eq!(scheduled.format.as_deref(), Some("video"));

    // A reschedule keeps what it leaves out, and is not a second response.
    let later = (Utc::now() + Duration::days(2)).to_rfc3339();
    let moved = act_ok(
        &app,
        &ada,
        id,
        "schedule",
        Some(json!({"scheduled_start": later})),
    )
    .await;
    assert_eq!(
        moved.meeting_url.as_deref(),
        Some("https://meet.example/abc")
    );
    assert_eq!(moved.duration_minutes, 25);
    assert_eq!(moved.responded_at, Some(responded_at));

    let completed = act_ok(
        &app,
        &ada,
        id,
        "complete",
        Some(
            json!({"notes": "great talk", "may_contact_again": true, "key_insights": "learn SQL"}),
        ),
    )
    .await;
    assert!(completed.completed_at.is_some());
    assert_eq!(completed.may_contact_again, Some(true));
    let thanked = act_ok(&app, &ada, id, "thank-you", None).await;
    assert!(thanked.thank_you_sent_at.is_some());
    assert!(thanked.allowed_actions.is_empty());
}

#[actix_web::test]
async fn a_request_is_refused_for_a_future_time_an_unknown_channel_or_no_body() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let contact = contact(&app, &ada, json!({"full_name": "Grace"})).await;
    let future = (Utc::now() + Duration::hours(1)).to_rfc3339();
    let other = interview_in(&app, &ada, &contact, "planned").await;
    let response = act(
        &app,
        &ada,
        other,
        "request",
        Some(json!({"channel": "email", "sent_at": future})),
    )
    .await;
    assert_eq!(invalid_fields(response).await, vec!["sent_at"]);
    let response = act(
        &app,
        &ada,
        other,
        "request",
        Some(json!({"channel": "pigeon"})),
    )
    .await;
    assert_eq!(invalid_fields(response).await, vec!["channel"]);
    let response = act(&app, &ada, other, "request", None).await;
    problem(response, StatusCode::UNSUPPORTED_MEDIA_TYPE).await;
    assert_eq!(get_interview(&app, &ada, other).await.status, "planned");
}

#[actix_web::test]
async fn a_time_up_to_five_minutes_ahead_counts_as_now() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let contact = contact(&app, &ada, json!({"full_name": "Grace"})).await;
    let id = interview_in(&app, &ada, &contact, "planned").await;
    let fast_clock = Utc::now() + Duration::minutes(4);
    let requested = act_ok(
        &app,
        &ada,
        id,
        "request",
        Some(json!({"channel": "email", "sent_at": fast_clock.to_rfc3339()})),
    )
    .await;
    let recorded = requested.requested_at.expect("requested_at");
    assert!(recorded <= Utc::now(), "{recorded} is not after now");
    assert!(recorded < fast_clock);
}

#[actix_web::test]
async fn a_cancel_keeps_its_reason() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let contact = contact(&app, &ada, json!({"full_name": "Grace"})).await;
    let id = interview_in(&app, &ada, &contact, "planned").await;
    let cancelled = act_ok(
        &app,
        &ada,
        id,
        "cancel",
        Some(json!({"reason": "found another path"})),
    )
    .await;
    assert_eq!(
        cancelled.cancel_reason.as_deref(),
        Some("found another path")
    );
}

#[actix_web::test]
async fn an_interview_over_30_minutes_is_warned_as_long() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let contact = contact(&app, &ada, json!({"full_name": "Grace"})).await;
    let long = interview(
        &app,
        &ada,
        json!({"contact_id": contact.id, "duration_minutes": 31}),
    )
    .await;
    assert_eq!(long.warning_codes(), vec!["long_interview"]);
    let thirty = interview(
        &app,
        &ada,
        json!({"contact_id": contact.id, "duration_minutes": 30}),
    )
    .await;
    assert!(thirty.warning_codes().is_empty());
}

#[actix_web::test]
async fn too_many_questions_for_the_time_are_warned_of_until_the_time_is_enough() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let contact = contact(&app, &ada, json!({"full_name": "Grace"})).await;
    // 4 questions need ceil(2.5 × 4) = 10 minutes.
    let set: QuestionSet = app.create_as("/v1/question-sets", token, json!({"title": "Four", "questions": [
        {"text": "What do you do?", "category": "day_to_day"}, {"text": "How did you start?", "category": "career_path"},
        {"text": "What skills matter?", "category": "skills"}, {"text": "Who else should I ask?", "category": "referrals"}]})).await;
    let short = interview(
        &app,
        &ada,
        json!({"contact_id": contact.id, "duration_minutes": 9}),
    )
    .await;
    let path = format!("/v1/interviews/{}", short.id);
    let attached = app
        .post_json(
            &format!("{path}/question-set"),
            Some(token),
            &json!({"question_set_id": set.id}),
        )
        .await;
    assert_eq!(attached.status(), StatusCode::OK);
    let short = get_interview(&app, &ada, short.id).await;
    assert_eq!(short.warning_codes(), vec!["too_many_questions"]);
    let enough: Interview = app
        .patch_json(&path, token, &json!({"duration_minutes": 10}))
        .await
        .json_as()
        .await;
    assert!(enough.warning_codes().is_empty());
}

#[actix_web::test]
async fn overlapping_interviews_are_both_warned_of_and_back_to_back_ones_are_not() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let contact = contact(&app, &ada, json!({"full_name": "Grace"})).await;
    let start = Utc::now() + Duration::days(5);
    let first = interview(&app, &ada, json!({"contact_id": contact.id})).await;
    act_ok(
        &app,
        &ada,
        first.id,
        "schedule",
        Some(json!({"scheduled_start": start.to_rfc3339(), "duration_minutes": 30})),
    )
    .await;
    let second = interview(&app, &ada, json!({"contact_id": contact.id})).await;
    let overlapping = act_ok(
        &app,
        &ada,
        second.id,
        "schedule",
        Some(json!({"scheduled_start": (start + Duration::minutes(29)).to_rfc3339()})),
    )
    .await;
    assert_eq!(overlapping.warning_codes(), vec!["overlap"]);
    let first_now = get_interview(&app, &ada, first.id).await;
    assert_eq!(first_now.warning_codes(), vec!["overlap"]);
    let apart = act_ok(
        &app,
        &ada,
        second.id,
        "schedule",
        Some(json!({"scheduled_start": (start + Duration::minutes(30)).to_rfc3339()})),
    )
    .await;
    assert!(
        apart.warning_codes().is_empty(),
        "back to back is no overlap"
    );
}

#[actix_web::test]
async fn a_thank_you_is_overdue_past_24_hours_after_completion_until_it_is_sent() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let contact = contact(&app, &ada, json!({"full_name": "Grace"})).await;
    let done = interview_in(&app, &ada, &contact, "scheduled").await;
    let recent = act_ok(
        &app,
        &ada,
        done,
        "complete",
        Some(json!({"completed_at": (Utc::now() - Duration::hours(23)).to_rfc3339()})),
    )
    .await;
    assert!(recent.warning_codes().is_empty());
    let old = interview_in(&app, &ada, &contact, "scheduled").await;
    let overdue = act_ok(
        &app,
        &ada,
        old,
        "complete",
        Some(json!({"completed_at": (Utc::now() - Duration::hours(25)).to_rfc3339()})),
    )
    .await;
    assert_eq!(overdue.warning_codes(), vec!["thank_you_overdue"]);
    let thanked = act_ok(&app, &ada, old, "thank-you", None).await;
    assert!(thanked.warning_codes().is_empty());
}

async fn segment_of(app: &TestApp, user: &TestUser, contact: &Contact) -> String {
    let current: Contact = app
        .get_as(&format!("/v1/contacts/{}", contact.id), &user.access_token)
        .await;
    current.segment
}

/// Requests a new interview with `contact`, sent `days_ago`.
async fn request(app: &TestApp, user: &TestUser, contact: &Contact, days_ago: i64) -> Uuid {
    let created = interview(app, user, json!({"contact_id": contact.id})).await;
    let sent_at = (Utc::now() - Duration::days(days_ago)).to_rfc3339();
    act_ok(
        app,
        user,
        created.id,
        "request",
        Some(json!({"channel": "email", "sent_at": sent_at})),
    )
    .await;
    created.id
}

/// A contact in each segment, named after it, and two more reached by
/// other paths: Silent (no response) and Decliner.
struct OneOfEachSegment {
    unknown: Contact,
    awaiting: Contact,
    booster: Contact,
    obligate: Contact,
    curmudgeon: Contact,
    silent: Contact,
    decliner: Contact,
}

impl OneOfEachSegment {
    async fn create(app: &TestApp, ada: &TestUser) -> Self {
        let named = async |name: &str| contact(app, ada, json!({"full_name": name})).await;
        let contacts = Self {
            unknown: named("Unknown").await,
            awaiting: named("Awaiting").await,
            booster: named("Booster").await,
            obligate: named("Obligate").await,
            curmudgeon: named("Curmudgeon").await,
            silent: named("Silent").await,
            decliner: named("Decliner").await,
        };
        request(app, ada, &contacts.awaiting, 0).await;
        let id = request(app, ada, &contacts.booster, 0).await;
        act_ok(app, ada, id, "schedule", body_for("schedule")).await;
        let id = request(app, ada, &contacts.obligate, 30).await;
        act_ok(app, ada, id, "schedule", body_for("schedule")).await;
        request(app, ada, &contacts.curmudgeon, 30).await;
        let id = request(app, ada, &contacts.silent, 0).await;
        act_ok(app, ada, id, "no-response", None).await;
        let id = request(app, ada, &contacts.decliner, 0).await;
        act_ok(app, ada, id, "decline", None).await;
        contacts
    }
}

#[actix_web::test]
async fn each_contact_is_in_the_segment_its_answers_make() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let contacts = OneOfEachSegment::create(&app, &ada).await;
    for (contact, expected) in [
        (&contacts.unknown, "unknown"),
        (&contacts.awaiting, "awaiting"),
        (&contacts.booster, "booster"),
        (&contacts.obligate, "obligate"),
        (&contacts.curmudgeon, "curmudgeon"),
        (&contacts.silent, "curmudgeon"),
        (&contacts.decliner, "booster"),
    ] {
        assert_eq!(
            segment_of(&app, &ada, contact).await,
            expected,
            "{}",
            contact.full_name
        );
    }
}

#[actix_web::test]
async fn segments_filter_the_contact_list_and_show_in_the_network() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    OneOfEachSegment::create(&app, &ada).await;
    for (segment, names) in [
        ("unknown", vec!["Unknown"]),
        ("awaiting", vec!["Awaiting"]),
        ("booster", vec!["Booster", "Decliner"]),
        ("obligate", vec!["Obligate"]),
        ("curmudgeon", vec!["Curmudgeon", "Silent"]),
    ] {
        let page: Page<Contact> = app
            .get_as(&format!("/v1/contacts?segment={segment}"), token)
            .await;
        let found: Vec<&str> = page.items.iter().map(|c| c.full_name.as_str()).collect();
        assert_eq!(found, names, "{segment}");
    }
    let network: Network = app.get_as("/v1/network", token).await;
    let node = network
        .nodes
        .iter()
        .find(|node| node.full_name == "Obligate")
        .expect("node");
    assert_eq!(node.segment, "obligate");
}

#[actix_web::test]
async fn the_latest_request_decides_the_segment() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let contacts = OneOfEachSegment::create(&app, &ada).await;
    assert_eq!(
        segment_of(&app, &ada, &contacts.curmudgeon).await,
        "curmudgeon"
    );
    // A new request to the curmudgeon, answered at once.
    let id = request(&app, &ada, &contacts.curmudgeon, 0).await;
    act_ok(&app, &ada, id, "schedule", body_for("schedule")).await;
    assert_eq!(
        segment_of(&app, &ada, &contacts.curmudgeon).await,
        "booster"
    );
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
    let contact = contact(&app, &ada, json!({"full_name": "Grace"})).await;
    let id = interview_in(&app, &ada, &contact, "completed").await;
    app.create(
        &format!("/v1/interviews/{id}/action-items"),
        token,
        json!({"text": "send article"}),
    )
    .await;
    let path = format!("/v1/contacts/{}", contact.id);
    let refused = app.delete(&path, token).await;
    assert_eq!(
        typed_problem(refused, StatusCode::CONFLICT).await.code,
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

fn ids(page: &Page<Interview>) -> Vec<Uuid> {
    page.items.iter().map(|interview| interview.id).collect()
}

#[actix_web::test]
async fn the_list_filters_by_status_contact_employer_and_time() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let employer: Employer = app
        .create_as("/v1/employers", token, json!({"name": "Northwind"}))
        .await;
    let grace = contact(
        &app,
        &ada,
        json!({"full_name": "Grace", "employer_id": employer.id}),
    )
    .await;
    let alan = contact(&app, &ada, json!({"full_name": "Alan"})).await;
    let soon = Utc::now() + Duration::days(1);
    let later = Utc::now() + Duration::days(10);
    let first = interview(&app, &ada, json!({"contact_id": grace.id})).await;
    act_ok(
        &app,
        &ada,
        first.id,
        "schedule",
        Some(json!({"scheduled_start": soon.to_rfc3339()})),
    )
    .await;
    let second = interview(&app, &ada, json!({"contact_id": alan.id})).await;
    act_ok(
        &app,
        &ada,
        second.id,
        "schedule",
        Some(json!({"scheduled_start": later.to_rfc3339()})),
    )
    .await;
    let third = interview(&app, &ada, json!({"contact_id": alan.id})).await;

    let list = async |query: &str| -> Page<Interview> {
        app.get_as(&format!("/v1/interviews{query}"), token).await
    };
    assert_eq!(
        ids(&list("").await),
        vec![third.id, second.id, first.id],
        "newest first"
    );
    assert_eq!(ids(&list("?status=planned").await), vec![third.id]);
    assert_eq!(
        ids(&list(&format!("?contact_id={}", alan.id)).await),
        vec![third.id, second.id]
    );
    assert_eq!(
        ids(&list(&format!("?employer_id={}", employer.id)).await),
        vec![first.id]
    );
    let window = format!(
        "?from={}&to={}",
        urlencode(&(soon - Duration::hours(1)).to_rfc3339()),
        urlencode(&(soon + Duration::hours(1)).to_rfc3339())
    );
    assert_eq!(ids(&list(&window).await), vec![first.id]);
    let paged = list("?limit=2").await;
    let cursor = paged.next_cursor.expect("more");
    let rest = list(&format!("?limit=2&cursor={cursor}")).await;
    assert_eq!(ids(&rest), vec![first.id]);
    problem(
        app.get("/v1/interviews?status=done", token).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    let employers: Page<Employer> = app.get_as("/v1/employers", token).await;
    assert_eq!(employers.items[0].interview_count, 1);
}

fn urlencode(text: &str) -> String {
    text.replace('+', "%2B").replace(':', "%3A")
}

async fn attach(app: &TestApp, user: &TestUser, interview: Uuid, set: Uuid) -> reqwest::Response {
    app.post_json(
        &format!("/v1/interviews/{interview}/question-set"),
        Some(&user.access_token),
        &json!({"question_set_id": set}),
    )
    .await
}

/// A planned interview with Ada's two-question set attached.
async fn interview_with_questions(
    app: &TestApp,
    ada: &TestUser,
) -> (Uuid, QuestionSet, Page<InterviewQuestion>) {
    let contact = contact(app, ada, json!({"full_name": "Grace"})).await;
    let id = interview(app, ada, json!({"contact_id": contact.id}))
        .await
        .id;
    let set: QuestionSet = app
        .create_as(
            "/v1/question-sets",
            &ada.access_token,
            json!({"title": "Mine", "questions": [
        {"text": "What do you do all day?", "category": "day_to_day"},
        {"text": "How did you start?", "category": "career_path"}]}),
        )
        .await;
    let attached = attach(app, ada, id, set.id).await;
    assert_eq!(attached.status(), StatusCode::OK);
    (id, set, attached.json_as().await)
}

#[actix_web::test]
async fn attached_questions_are_a_snapshot_of_the_set() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let (id, set, attached) = interview_with_questions(&app, &ada).await;
    assert_eq!(attached.next_cursor, None);
    assert_eq!(attached.items.len(), 2);
    assert!(!attached.items[0].asked);
    assert_eq!(attached.items[0].answer, None);

    // Editing the set does not rewrite the interview.
    let edited = app
        .patch_json(
            &format!(
                "/v1/question-sets/{}/questions/{}",
                set.id, set.questions[0].id
            ),
            token,
            &json!({"text": "Changed later?"}),
        )
        .await;
    assert_eq!(edited.status(), StatusCode::OK);
    let questions: Page<InterviewQuestion> = app
        .get_as(&format!("/v1/interviews/{id}/questions"), token)
        .await;
    assert_eq!(questions.items[0].text, "What do you do all day?");
}

#[actix_web::test]
async fn reattaching_keeps_what_was_asked_and_numbers_the_questions_again() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let (id, _, attached) = interview_with_questions(&app, &ada).await;
    let answered: InterviewQuestion = app
        .patch_json(
            &format!("/v1/interviews/{id}/questions/{}", attached.items[0].id),
            token,
            &json!({"asked": true, "answer": "Meetings, then code."}),
        )
        .await
        .json_as()
        .await;
    assert!(answered.asked);
    assert_eq!(answered.answer.as_deref(), Some("Meetings, then code."));

    let library: Page<QuestionSet> = app
        .get_as("/v1/question-sets?scope=library&limit=1", token)
        .await;
    let library_set = &library.items[0];
    let reattached: Page<InterviewQuestion> =
        attach(&app, &ada, id, library_set.id).await.json_as().await;
    let items = &reattached.items;
    assert_eq!(items.len(), 1 + library_set.questions.len());
    assert_eq!(
        items[0].answer.as_deref(),
        Some("Meetings, then code."),
        "answered questions stay"
    );
    let positions: Vec<i32> = items.iter().map(|question| question.position).collect();
    assert_eq!(positions, (1..=items.len() as i32).collect::<Vec<_>>());
    let interview_now = get_interview(&app, &ada, id).await;
    assert_eq!(interview_now.question_set_id, Some(library_set.id));
    let unknown = attach(
        &app,
        &ada,
        id,
        Uuid::parse_str("01890a5d-ac96-774b-bcce-b302099a8057").expect("uuid"),
    )
    .await;
    problem(unknown, StatusCode::NOT_FOUND).await;
}

#[actix_web::test]
async fn action_items_are_created_changed_listed_and_deleted() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let grace = contact(&app, &ada, json!({"full_name": "Grace"})).await;
    let id = interview_in(&app, &ada, &grace, "completed").await;
    let items = format!("/v1/interviews/{id}/action-items");

    let due = (Utc::now() + Duration::days(2)).to_rfc3339();
    let response = app
        .post_json(
            &items,
            Some(token),
            &json!({"text": "Read the book", "due_at": due}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert!(response.headers().contains_key("location"));
    let item: ActionItem = response.json_as().await;
    assert!(!item.done);
    let item_path = format!("{items}/{}", item.id);
    let done: ActionItem = app
        .patch_json(&item_path, token, &json!({"done": true, "due_at": null}))
        .await
        .json_as()
        .await;
    assert!(done.done);
    assert_eq!(done.due_at, None);
    let stale = app
        .request(Method::PATCH, &item_path, Some(token))
        .header("if-match", "\"1\"")
        .json(&json!({"text": "x"}))
        .send()
        .await
        .expect("sent");
    problem(stale, StatusCode::PRECONDITION_FAILED).await;
    let list: Page<ActionItem> = app.get_as(&items, token).await;
    assert_eq!(list.items.len(), 1);
    assert_eq!(
        app.delete(&item_path, token).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        invalid_fields(
            app.post_json(&items, Some(token), &json!({"text": ""}))
                .await
        )
        .await,
        vec!["text"]
    );
}

#[actix_web::test]
async fn a_referral_from_an_interview_is_a_contact_referred_by_the_interviewee() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let employer: Employer = app
        .create_as("/v1/employers", token, json!({"name": "Northwind"}))
        .await;
    let grace = contact(
        &app,
        &ada,
        json!({"full_name": "Grace", "employer_id": employer.id}),
    )
    .await;
    let id = interview_in(&app, &ada, &grace, "completed").await;
    let referrals = format!("/v1/interviews/{id}/referrals");

    let response = app
        .post_json(
            &referrals,
            Some(token),
            &json!({"full_name": "Alan Turing"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let referred: Contact = response.json_as().await;
    assert_eq!(referred.referred_by_contact_id, Some(grace.id));
    assert_eq!(referred.source, "referral");
    assert_eq!(referred.employer_id, Some(employer.id));
    let elsewhere: Employer = app
        .create_as("/v1/employers", token, json!({"name": "Contoso"}))
        .await;
    let other: Contact = app
        .post_json(&referrals, Some(token), &json!({"full_name": "Barbara Liskov", "employer_id": elsewhere.id, "source": "alumni"}))
        .await
        .json_as()
        .await;
    assert_eq!(other.employer_id, Some(elsewhere.id));
    assert_eq!(other.source, "alumni");
    let referred_by_grace: Page<Contact> = app
        .get_as(&format!("/v1/contacts/{}/referrals", grace.id), token)
        .await;
    assert_eq!(referred_by_grace.items.len(), 2);
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
    let empty: Stats = app.get_as("/v1/stats", token).await;
    assert_eq!(empty.reply_rate, None);
    assert_eq!(empty.interviews_by_status["planned"], 0);
    assert_eq!(empty.contacts_by_segment["unknown"], 0);

    let employer: Employer = app
        .create_as(
            "/v1/employers",
            token,
            json!({"name": "Northwind", "motivation": 3}),
        )
        .await;
    let grace = contact(
        &app,
        &ada,
        json!({"full_name": "Grace", "employer_id": employer.id}),
    )
    .await;
    let alan = contact(&app, &ada, json!({"full_name": "Alan"})).await;
    // Grace answered 10 hours after the request; Alan never did.
    let id = interview(&app, &ada, json!({"contact_id": grace.id}))
        .await
        .id;
    let hours_ago = |hours| (Utc::now() - Duration::hours(hours)).to_rfc3339();
    act_ok(
        &app,
        &ada,
        id,
        "request",
        Some(json!({"channel": "email", "sent_at": hours_ago(10)})),
    )
    .await;
    act_ok(&app, &ada, id, "schedule", body_for("schedule")).await;
    act_ok(
        &app,
        &ada,
        id,
        "complete",
        Some(json!({"completed_at": hours_ago(30)})),
    )
    .await;
    act_ok(
        &app,
        &ada,
        id,
        "thank-you",
        Some(json!({"sent_at": hours_ago(20)})),
    )
    .await;
    let other = interview(&app, &ada, json!({"contact_id": alan.id})).await;
    act_ok(
        &app,
        &ada,
        other.id,
        "request",
        Some(json!({"channel": "phone"})),
    )
    .await;
    app.create(
        &format!("/v1/interviews/{id}/referrals"),
        token,
        json!({"full_name": "Referred"}),
    )
    .await;

    let stats: Stats = app.get_as("/v1/stats", token).await;
    assert_eq!(stats.interviews_by_status["completed"], 1);
    assert_eq!(stats.interviews_by_status["requested"], 1);
    assert_eq!(stats.reply_rate, Some(0.5));
    let hours = stats.median_hours_to_first_reply.expect("hours");
    assert!((9.9..10.1).contains(&hours), "{hours}");
    assert_eq!(stats.thank_you, ThankYouStats { on_time: 1, due: 1 });
    assert_eq!(stats.referrals_gained, 1);
    assert_eq!(stats.lamp_top5_with_active_contact, 1);
    assert_eq!(stats.contacts_by_segment["booster"], 1);
    assert_eq!(stats.contacts_by_segment["awaiting"], 1);
    assert_eq!(stats.contacts_by_segment["unknown"], 1);
    assert_eq!(stats.overdue_reminders, 0);
}

//! Caps per user and per parent (DESIGN §8): past one, 409 `limit_reached`
//! naming the cap; racing creates never pass one; deleting gives room back.

use diesel::QueryableByName;
use diesel_async::RunQueryDsl;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::bodies::{
    Cap, Contact, Employer, Interview, InterviewQuestion, Page, QuestionSet, Session, User,
};
use crate::helpers::{JsonAs, TestApp, TestUser, id_of, typed_problem};

/// Fills `user`'s count of `resource` up to `left` below its cap, as if
/// they had made that many (the counts are what the database checks).
async fn use_all_but(app: &TestApp, user: &TestUser, resource: &str, left: u32) {
    let max = rapport::limits::max_of(resource);
    app.database
        .run_statement(&format!(
            "SELECT rapport_take_usage('{}', '{resource}', {})",
            user.id,
            max - left
        ))
        .await;
}

async fn assert_limit_reached(response: reqwest::Response, name: &str) {
    let body = typed_problem(response, StatusCode::CONFLICT).await;
    assert_eq!(body.code, "limit_reached", "{body:?}");
    assert_eq!(body.limit, Some(cap(name, rapport::limits::max_of(name))));
}

fn cap(name: &str, max: u32) -> Cap {
    Cap {
        name: name.to_owned(),
        max,
    }
}

#[actix_web::test]
async fn the_caps_the_service_names_are_the_ones_the_database_keeps() {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        resource: String,
        #[diesel(sql_type = diesel::sql_types::Integer)]
        cap: i32,
    }
    let app = TestApp::spawn().await;
    let mut connection = app.database.connection().await;
    let mut rows: Vec<(String, u32)> = diesel::sql_query("SELECT resource, cap FROM usage_caps")
        .load::<Row>(&mut connection)
        .await
        .expect("caps")
        .into_iter()
        .map(|row| (row.resource, u32::try_from(row.cap).expect("positive")))
        .collect();
    rows.sort();
    let mut expected: Vec<(String, u32)> = rapport::limits::PER_USER
        .iter()
        .map(|cap| (cap.name.to_owned(), cap.max))
        .collect();
    expected.sort();
    assert_eq!(rows, expected);
}

#[actix_web::test]
async fn racing_creates_never_pass_a_cap_and_each_refusal_names_it() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let (app, token) = (&app, ada.access_token.as_str());
    let attempts = (0..25).map(|index| {
        let body =
            json!({"url": format!("http://127.0.0.1:9/hook/{index}"), "events": ["reminder.due"]});
        async move { app.post_json("/v1/webhooks", Some(token), &body).await }
    });
    let answers = futures_util::future::join_all(attempts).await;
    let created = answers
        .iter()
        .filter(|answer| answer.status() == StatusCode::CREATED)
        .count();
    assert_eq!(created, 10);
    let refused = answers
        .into_iter()
        .find(|answer| answer.status() == StatusCode::CONFLICT)
        .expect("a refusal");
    assert_limit_reached(refused, "webhooks").await;
    assert_eq!(
        app.database.count("SELECT count(*) FROM webhooks").await,
        10
    );
}

#[actix_web::test]
async fn concurrent_contact_creates_stop_exactly_at_30000_and_a_deletion_gives_room_back() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    let first = app
        .contact(&ada.access_token, json!({"full_name": "First"}))
        .await;
    use_all_but(&app, &ada, "contacts", 12).await;
    let (app, token) = (&app, ada.access_token.as_str());
    let attempts = (0..40).map(|index| {
        let body = json!({"full_name": format!("Contact {index}")});
        async move { app.post_json("/v1/contacts", Some(token), &body).await }
    });
    let answers = futures_util::future::join_all(attempts).await;
    let statuses: Vec<StatusCode> = answers.iter().map(|answer| answer.status()).collect();
    assert_eq!(
        statuses
            .iter()
            .filter(|status| **status == StatusCode::CREATED)
            .count(),
        11,
        "{statuses:?}"
    );
    let refused = answers
        .into_iter()
        .find(|answer| answer.status() == StatusCode::CONFLICT)
        .expect("a refusal");
    assert_limit_reached(refused, "contacts").await;
    // Another user is not affected; archiving frees nothing; deleting does.
    app.contact(&bob.access_token, json!({"full_name": "Bob's"}))
        .await;
    let archive = app
        .post_json(
            &format!("/v1/contacts/{}/archive", id_of(&first)),
            Some(&ada.access_token),
            &json!({}),
        )
        .await;
    assert_eq!(archive.status(), StatusCode::OK);
    let again = app
        .post_json(
            "/v1/contacts",
            Some(&ada.access_token),
            &json!({"full_name": "One more"}),
        )
        .await;
    assert_limit_reached(again, "contacts").await;
    assert_eq!(
        app.delete(
            &format!("/v1/contacts/{}", id_of(&first)),
            &ada.access_token
        )
        .await
        .status(),
        StatusCode::NO_CONTENT
    );
    app.contact(&ada.access_token, json!({"full_name": "In its place"}))
        .await;
}

#[actix_web::test]
async fn employers_interviews_and_question_sets_have_their_caps() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let contact = app.contact(token, json!({"full_name": "Grace"})).await;
    for resource in ["employers", "interviews", "question_sets"] {
        use_all_but(&app, &ada, resource, 0).await;
    }
    let employer = app
        .post_json("/v1/employers", Some(token), &json!({"name": "Acme"}))
        .await;
    assert_limit_reached(employer, "employers").await;
    let interview = app
        .post_json(
            "/v1/interviews",
            Some(token),
            &json!({"contact_id": contact["id"]}),
        )
        .await;
    assert_limit_reached(interview, "interviews").await;
    let set = app
        .post_json("/v1/question-sets", Some(token), &json!({"title": "Mine"}))
        .await;
    assert_limit_reached(set, "question_sets").await;
}

#[actix_web::test]
async fn pending_reminders_count_while_pending_and_completing_one_gives_room_back() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    use_all_but(&app, &ada, "pending_manual_reminders", 1).await;
    let reminder = app
        .create(
            "/v1/reminders",
            token,
            json!({"title": "Call back", "due_at": "2031-01-01T09:00:00Z"}),
        )
        .await;
    let body = json!({"title": "One too many", "due_at": "2031-01-02T09:00:00Z"});
    assert_limit_reached(
        app.post_json("/v1/reminders", Some(token), &body).await,
        "pending_manual_reminders",
    )
    .await;
    let completed = app
        .post_json(
            &format!("/v1/reminders/{}/complete", id_of(&reminder)),
            Some(token),
            &json!({}),
        )
        .await;
    assert_eq!(completed.status(), StatusCode::OK);
    assert_eq!(
        app.post_json("/v1/reminders", Some(token), &body)
            .await
            .status(),
        StatusCode::CREATED
    );
    // Snoozing the completed one makes it pending again: past the cap.
    let snoozed = app
        .post_json(
            &format!("/v1/reminders/{}/snooze", id_of(&reminder)),
            Some(token),
            &json!({"until": "2031-01-03T09:00:00Z"}),
        )
        .await;
    assert_limit_reached(snoozed, "pending_manual_reminders").await;
}

#[actix_web::test]
async fn a_set_holds_100_questions_and_an_interview_100_action_items() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let questions: Vec<Value> = (0..100)
        .map(|index| json!({"text": format!("What is question {index} about?"), "category": "advice"}))
        .collect();
    let set = app
        .create(
            "/v1/question-sets",
            token,
            json!({"title": "Full", "questions": questions}),
        )
        .await;
    let extra = app
        .post_json(
            &format!("/v1/question-sets/{}/questions", id_of(&set)),
            Some(token),
            &json!({"text": "And one more?", "category": "advice"}),
        )
        .await;
    let body = typed_problem(extra, StatusCode::CONFLICT).await;
    assert_eq!(body.limit, Some(cap("questions_in_a_set", 100)), "{body:?}");
    // A copy of a full set is full too, and fine.
    app.create(
        &format!("/v1/question-sets/{}/copy", id_of(&set)),
        token,
        json!({}),
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
    let items = format!("/v1/interviews/{}/action-items", id_of(&interview));
    for index in 0..100 {
        app.create(&items, token, json!({"text": format!("Item {index}")}))
            .await;
    }
    let body = typed_problem(
        app.post_json(&items, Some(token), &json!({"text": "One too many"}))
            .await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(body.limit, Some(cap("action_items_of_an_interview", 100)));
}

/// `length` characters of text a compressor cannot shrink, many of them
/// four bytes long, drawn from `seed`.
pub fn dense_text(length: usize, seed: u64) -> String {
    const POOL: [char; 16] = [
        'a', 'q', 'Z', '7', 'é', 'ß', 'ø', '中', '語', '🙂', '𝄞', '🦀', ',', ';', '"', '=',
    ];
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (0..length)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            POOL[(state >> 60) as usize]
        })
        .collect()
}

/// The longest email the service accepts: 254 characters.
pub fn longest_email(local: char) -> String {
    format!(
        "{}@{}.{}.{}.com",
        local.to_string().repeat(64),
        "b".repeat(63),
        "c".repeat(63),
        "d".repeat(57)
    )
}

/// A URL of the longest length a URL field holds, from `seed`.
fn longest_url(seed: u64) -> String {
    format!(
        "https://example.com/{}",
        dense_text(2000 - 20, seed).replace(['"', ' '], "x")
    )
}

/// Registers a user whose every text is as long as allowed and returns
/// their access token.
async fn longest_user(app: &TestApp) -> String {
    let session: Session = app
        .create_as(
            "/v1/auth/register",
            "",
            json!({"email": longest_email('a'), "password": dense_text(256, 1),
                "display_name": dense_text(200, 2), "target_field": dense_text(200, 3)}),
        )
        .await;
    session.access_token
}

/// A contact, at an employer, with every text as long as allowed.
async fn longest_contact(app: &TestApp, token: &str) -> Contact {
    let employer: Employer = app
        .create_as(
            "/v1/employers",
            token,
            json!({"name": dense_text(200, 6), "website": longest_url(7), "notes": dense_text(20_000, 8)}),
        )
        .await;
    app.create_as(
        "/v1/contacts",
        token,
        json!({"full_name": dense_text(200, 9), "email": longest_email('e'), "phone": dense_text(50, 10),
            "linkedin_url": longest_url(11), "company": dense_text(200, 12), "job_title": dense_text(200, 13),
            "field": dense_text(200, 14), "location": dense_text(200, 15), "employer_id": employer.id,
            "tags": (0..20).map(|index| dense_text(40, 100 + index)).collect::<Vec<_>>(),
            "notes": dense_text(20_000, 16)}),
    )
    .await
}

/// A planned interview with the longest contact and the longest texts.
async fn longest_interview(app: &TestApp, token: &str) -> Interview {
    let contact = longest_contact(app, token).await;
    app.create_as(
        "/v1/interviews",
        token,
        json!({"contact_id": contact.id, "purpose": dense_text(2000, 17), "location": dense_text(200, 18),
            "meeting_url": longest_url(19)}),
    )
    .await
}

/// Every list of the account, which must still read back what was stored.
const EVERY_LIST: [&str; 8] = [
    "/v1/employers",
    "/v1/contacts",
    "/v1/interviews",
    "/v1/reminders",
    "/v1/question-sets?scope=mine",
    "/v1/webhooks",
    "/v1/network",
    "/v1/stats",
];

async fn assert_every_list_reads_back(app: &TestApp, token: &str) {
    for list in EVERY_LIST {
        app.get_json(list, token).await;
    }
}

#[actix_web::test]
async fn the_longest_registration_and_profile_are_accepted() {
    let app = TestApp::spawn().await;
    let token = longest_user(&app).await;
    let patched = app
        .patch_json(
            "/v1/me",
            &token,
            &json!({"display_name": dense_text(200, 4), "target_field": dense_text(200, 5)}),
        )
        .await;
    assert_eq!(patched.status(), StatusCode::OK);
    let me: User = patched.json_as().await;
    assert_eq!(me.display_name, dense_text(200, 4));
}

#[actix_web::test]
async fn an_employer_and_a_contact_hold_their_longest_texts() {
    let app = TestApp::spawn().await;
    let token = longest_user(&app).await;
    let contact = longest_contact(&app, &token).await;
    assert_eq!(contact.notes, Some(dense_text(20_000, 16)));
    assert_every_list_reads_back(&app, &token).await;
}

#[actix_web::test]
async fn an_interview_holds_its_longest_texts_through_every_action() {
    let app = TestApp::spawn().await;
    let token = longest_user(&app).await;
    let interview = longest_interview(&app, &token).await;
    let path = format!("/v1/interviews/{}", interview.id);
    for (action, body) in [
        (
            "request",
            json!({"channel": "email", "message": dense_text(20_000, 20)}),
        ),
        (
            "schedule",
            json!({"scheduled_start": "2031-03-04T10:00:00Z", "location": dense_text(200, 21), "meeting_url": longest_url(22)}),
        ),
        (
            "complete",
            json!({"completed_at": "2026-01-01T10:00:00Z", "notes": dense_text(20_000, 23), "key_insights": dense_text(20_000, 24)}),
        ),
    ] {
        let response = app
            .post_json(&format!("{path}/{action}"), Some(&token), &body)
            .await;
        assert_eq!(response.status(), StatusCode::OK, "{action}");
    }
    let other: Interview = app
        .create_as(
            "/v1/interviews",
            &token,
            json!({"contact_id": interview.contact_id}),
        )
        .await;
    let cancelled = app
        .post_json(
            &format!("/v1/interviews/{}/cancel", other.id),
            Some(&token),
            &json!({"reason": dense_text(2000, 25)}),
        )
        .await;
    assert_eq!(cancelled.status(), StatusCode::OK);
    assert_every_list_reads_back(&app, &token).await;
}

#[actix_web::test]
async fn a_question_set_and_an_answer_hold_their_longest_texts() {
    let app = TestApp::spawn().await;
    let token = longest_user(&app).await;
    let interview = longest_interview(&app, &token).await;
    let path = format!("/v1/interviews/{}", interview.id);
    let set: QuestionSet = app
        .create_as(
            "/v1/question-sets",
            &token,
            json!({"title": dense_text(200, 26), "description": dense_text(2000, 27),
                "questions": [{"text": format!("What {}?", dense_text(494, 28)), "category": "advice"}]}),
        )
        .await;
    let attached = app
        .post_json(
            &format!("{path}/question-set"),
            Some(&token),
            &json!({"question_set_id": set.id}),
        )
        .await;
    assert_eq!(attached.status(), StatusCode::OK);
    let questions: Page<InterviewQuestion> = app.get_as(&format!("{path}/questions"), &token).await;
    let answered = app
        .patch_json(
            &format!("{path}/questions/{}", questions.items[0].id),
            &token,
            &json!({"answer": dense_text(20_000, 29)}),
        )
        .await;
    assert_eq!(answered.status(), StatusCode::OK);
    assert_every_list_reads_back(&app, &token).await;
}

#[actix_web::test]
async fn an_action_item_a_reminder_and_a_webhook_hold_their_longest_texts() {
    let app = TestApp::spawn().await;
    let token = longest_user(&app).await;
    let interview = longest_interview(&app, &token).await;
    app.create(
        &format!("/v1/interviews/{}/action-items", interview.id),
        &token,
        json!({"text": dense_text(2000, 30), "due_at": "2031-01-01T00:00:00Z"}),
    )
    .await;
    app.create("/v1/reminders", &token, json!({"title": dense_text(200, 31), "note": dense_text(20_000, 32), "due_at": "2031-01-01T00:00:00Z"}))
        .await;
    app.create(
        "/v1/webhooks",
        &token,
        json!({"url": format!("http://127.0.0.1:9/{}", "h".repeat(2000 - 21)), "events": ["reminder.due"]}),
    )
    .await;
    assert_every_list_reads_back(&app, &token).await;
}

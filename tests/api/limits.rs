//! Caps per user and per parent (DESIGN §8): past one, 409 `limit_reached`
//! naming the cap; racing creates never pass one; deleting gives room back.

use diesel::QueryableByName;
use diesel_async::RunQueryDsl;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestUser, id_of, problem};

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
    let body = problem(response, StatusCode::CONFLICT).await;
    assert_eq!(body["code"], "limit_reached", "{body}");
    assert_eq!(body["limit"]["name"], name, "{body}");
    assert_eq!(
        body["limit"]["max"],
        rapport::limits::max_of(name),
        "{body}"
    );
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
    let body = problem(extra, StatusCode::CONFLICT).await;
    assert_eq!(
        body["limit"],
        json!({"name": "questions_in_a_set", "max": 100}),
        "{body}"
    );
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
    let body = problem(
        app.post_json(&items, Some(token), &json!({"text": "One too many"}))
            .await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(
        body["limit"],
        json!({"name": "action_items_of_an_interview", "max": 100})
    );
}

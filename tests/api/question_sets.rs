//! `/v1/question-sets`: the library, own sets, questions, copy, reorder.

use std::collections::HashSet;

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::bodies::{Page, Question, QuestionSet};
use crate::helpers::{JsonAs, TestApp, invalid_fields, problem, typed_problem, version_of_etag};

fn positions(set: &QuestionSet) -> Vec<i32> {
    set.questions
        .iter()
        .map(|question| question.position)
        .collect()
}

async fn first_of_the_library(app: &TestApp, token: &str) -> QuestionSet {
    let mut library: Page<QuestionSet> = app
        .get_as("/v1/question-sets?scope=library&limit=1", token)
        .await;
    library.items.remove(0)
}

#[actix_web::test]
async fn the_library_ships_open_questions_in_at_least_six_categories() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let library: Page<QuestionSet> = app
        .get_as(
            "/v1/question-sets?scope=library&limit=100",
            &ada.access_token,
        )
        .await;
    let questions: Vec<&Question> = library
        .items
        .iter()
        .flat_map(|set| &set.questions)
        .collect();
    assert!(questions.len() >= 25, "{}", questions.len());
    let categories: HashSet<&str> = questions
        .iter()
        .map(|question| question.category.as_str())
        .collect();
    assert!(categories.len() >= 6, "{categories:?}");
    for question in &questions {
        assert!(question.open_ended, "{}", question.text);
        assert_eq!(question.hint, None);
    }
    for set in &library.items {
        assert!(set.builtin);
        let count = set.questions.len() as i64;
        assert_eq!(set.estimated_minutes, (count * 5 + 1) / 2);
    }
    // Another user sees the same library.
    let bob = app.user("bob").await;
    let theirs: Page<QuestionSet> = app
        .get_as(
            "/v1/question-sets?scope=library&limit=100",
            &bob.access_token,
        )
        .await;
    assert_eq!(theirs.items, library.items);
}

#[actix_web::test]
async fn the_library_is_read_only_for_everyone() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let set = first_of_the_library(&app, token).await;
    let path = format!("/v1/question-sets/{}", set.id);
    let question = set.questions[0].id;
    let attempts = [
        app.patch_json(&path, token, &json!({"title": "Mine now"}))
            .await,
        app.delete(&path, token).await,
        app.post_json(
            &format!("{path}/questions"),
            Some(token),
            &json!({"text": "New?", "category": "advice"}),
        )
        .await,
        app.patch_json(
            &format!("{path}/questions/{question}"),
            token,
            &json!({"text": "Changed"}),
        )
        .await,
        app.delete(&format!("{path}/questions/{question}"), token)
            .await,
        app.request(Method::PUT, &format!("{path}/questions/order"), Some(token))
            .json(&json!({"question_ids": []}))
            .send()
            .await
            .expect("sent"),
    ];
    for response in attempts {
        assert_eq!(
            typed_problem(response, StatusCode::FORBIDDEN).await.code,
            "forbidden"
        );
    }
    let unchanged: QuestionSet = app.get_as(&path, token).await;
    assert_eq!(unchanged.questions, set.questions);
    assert_eq!(unchanged.title, set.title);
    assert_eq!(unchanged.version, 1);
}

#[actix_web::test]
async fn own_sets_have_questions_with_hints_and_estimates() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let response = app
        .post_json(
            "/v1/question-sets",
            Some(token),
            &json!({"title": "First calls", "description": "For product people", "questions": [
            {"text": "Do you like your job?", "category": "day_to_day"},
            {"text": "What surprised you most in this role?", "category": "day_to_day"},
            {"text": "Is it hard to break into product management?", "category": "advice"}]}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(version_of_etag(&response), 1);
    assert!(response.headers().contains_key("location"));
    let set: QuestionSet = response.json_as().await;
    assert!(!set.builtin);
    assert_eq!(set.title, "First calls");
    assert_eq!(set.description.as_deref(), Some("For product people"));
    assert_eq!(set.estimated_minutes, 8);
    let first = &set.questions[0];
    assert!(!first.open_ended);
    assert!(
        first
            .hint
            .as_deref()
            .expect("hint")
            .contains("What do you like most about your job?")
    );
    assert!(set.questions[1].open_ended);
    assert_eq!(set.questions[1].hint, None);
    assert_eq!(positions(&set), vec![1, 2, 3]);

    let mine: Page<QuestionSet> = app.get_as("/v1/question-sets?scope=mine", token).await;
    assert_eq!(mine.items.len(), 1);
    let all: Page<QuestionSet> = app.get_as("/v1/question-sets?limit=100", token).await;
    assert!(all.items.len() > 1);
    for (body, field) in [
        (json!({"title": ""}), "title"),
        (
            json!({"title": "X", "questions": [{"text": "", "category": "advice"}]}),
            "questions[0].text",
        ),
        (
            json!({"title": "X", "questions": [{"text": "x".repeat(501), "category": "advice"}]}),
            "questions[0].text",
        ),
        (
            json!({"title": "X", "questions": [{"text": "Why?", "category": "gossip"}]}),
            "questions[0].category",
        ),
    ] {
        let fields =
            invalid_fields(app.post_json("/v1/question-sets", Some(token), &body).await).await;
        assert_eq!(fields, vec![field.to_owned()], "{body}");
    }
}

#[actix_web::test]
async fn questions_are_added_changed_deleted_and_reordered_in_one_request() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let set: QuestionSet = app
        .create_as(
            "/v1/question-sets",
            token,
            json!({"title": "Mine", "questions": [
        {"text": "A?", "category": "advice"}, {"text": "B?", "category": "skills"}]}),
        )
        .await;
    let path = format!("/v1/question-sets/{}", set.id);
    let added: Question = app
        .create_as(
            &format!("{path}/questions"),
            token,
            json!({"text": "C?", "category": "resources"}),
        )
        .await;
    assert_eq!(added.position, 3);
    let changed: Question = app
        .patch_json(
            &format!("{path}/questions/{}", added.id),
            token,
            &json!({"text": "What about C?", "category": "referrals"}),
        )
        .await
        .json_as()
        .await;
    assert_eq!(changed.text, "What about C?");
    assert_eq!(changed.category, "referrals");

    let current: QuestionSet = app.get_as(&path, token).await;
    let mut ids: Vec<String> = current
        .questions
        .iter()
        .map(|question| question.id.to_string())
        .collect();
    ids.reverse();
    let response = app
        .request(Method::PUT, &format!("{path}/questions/order"), Some(token))
        .json(&json!({"question_ids": ids}))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::OK);
    let reordered: QuestionSet = response.json_as().await;
    assert_eq!(reordered.texts(), vec!["What about C?", "B?", "A?"]);

    for bad in [
        json!({"question_ids": &ids[..2]}),
        json!({"question_ids": [&ids[0], &ids[0], &ids[1]]}),
        json!({"question_ids": [&ids[0], &ids[1], "01890a5d-ac96-774b-bcce-b302099a8057"]}),
    ] {
        let response = app
            .request(Method::PUT, &format!("{path}/questions/order"), Some(token))
            .json(&bad)
            .send()
            .await
            .expect("sent");
        assert_eq!(
            typed_problem(response, StatusCode::CONFLICT).await.code,
            "conflict"
        );
    }

    assert_eq!(
        app.delete(&format!("{path}/questions/{}", ids[1]), token)
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    let after: QuestionSet = app.get_as(&path, token).await;
    assert_eq!(after.texts(), vec!["What about C?", "A?"]);
    assert_eq!(positions(&after), vec![1, 2]);
    assert!(after.version > set.version);
    problem(
        app.delete(&format!("{path}/questions/{}", ids[1]), token)
            .await,
        StatusCode::NOT_FOUND,
    )
    .await;
}

#[actix_web::test]
async fn a_copy_is_independent_of_its_source() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let source = first_of_the_library(&app, token).await;
    let response = app
        .request(
            Method::POST,
            &format!("/v1/question-sets/{}/copy", source.id),
            Some(token),
        )
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::CREATED);
    let copy: QuestionSet = response.json_as().await;
    assert!(!copy.builtin);
    assert_ne!(copy.id, source.id);
    assert_eq!(copy.texts(), source.texts());
    let response = app
        .patch_json(
            &format!(
                "/v1/question-sets/{}/questions/{}",
                copy.id, copy.questions[0].id
            ),
            token,
            &json!({"text": "My own wording?"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let source_now: QuestionSet = app
        .get_as(&format!("/v1/question-sets/{}", source.id), token)
        .await;
    assert_eq!(source_now.texts(), source.texts());

    let path = format!("/v1/question-sets/{}", copy.id);
    let stale = app
        .request(Method::PATCH, &path, Some(token))
        .header("if-match", "\"1\"")
        .json(&json!({"title": "x"}))
        .send()
        .await
        .expect("sent");
    problem(stale, StatusCode::PRECONDITION_FAILED).await;
    let renamed: QuestionSet = app
        .patch_json(
            &path,
            token,
            &json!({"title": "Renamed", "description": null}),
        )
        .await
        .json_as()
        .await;
    assert_eq!(renamed.title, "Renamed");
    assert_eq!(renamed.description, None);
    assert_eq!(
        app.delete(&path, token).await.status(),
        StatusCode::NO_CONTENT
    );
    problem(app.get(&path, token).await, StatusCode::NOT_FOUND).await;
}

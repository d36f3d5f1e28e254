//! `/v1/question-sets`: the library, own sets, questions, copy, reorder.

use std::collections::HashSet;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, id_of, invalid_fields, problem};

fn texts(set: &Value) -> Vec<String> {
    set["questions"]
        .as_array()
        .expect("questions")
        .iter()
        .map(|q| q["text"].as_str().expect("text").to_owned())
        .collect()
}

#[actix_web::test]
async fn the_library_ships_open_questions_in_at_least_six_categories() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let library = app
        .get_json(
            "/v1/question-sets?scope=library&limit=100",
            &ada.access_token,
        )
        .await;
    let sets = library["items"].as_array().expect("items");
    let questions: Vec<&Value> = sets
        .iter()
        .flat_map(|set| set["questions"].as_array().expect("q"))
        .collect();
    assert!(questions.len() >= 25, "{}", questions.len());
    let categories: HashSet<&str> = questions
        .iter()
        .map(|q| q["category"].as_str().expect("c"))
        .collect();
    assert!(categories.len() >= 6, "{categories:?}");
    for question in &questions {
        assert_eq!(question["open_ended"], true, "{}", question["text"]);
        assert_eq!(question["hint"], Value::Null);
    }
    for set in sets {
        assert_eq!(set["builtin"], true);
        let count = set["questions"].as_array().expect("q").len() as i64;
        assert_eq!(set["estimated_minutes"], (count * 5 + 1) / 2);
    }
    // Another user sees the same library.
    let bob = app.user("bob").await;
    let theirs = app
        .get_json(
            "/v1/question-sets?scope=library&limit=100",
            &bob.access_token,
        )
        .await;
    assert_eq!(theirs["items"], library["items"]);
}

#[actix_web::test]
async fn the_library_is_read_only_for_everyone() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let library = app
        .get_json("/v1/question-sets?scope=library&limit=1", token)
        .await;
    let set = &library["items"][0];
    let path = format!("/v1/question-sets/{}", id_of(set));
    let question = set["questions"][0]["id"].as_str().expect("id");
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
            problem(response, StatusCode::FORBIDDEN).await["code"],
            "forbidden"
        );
    }
    let unchanged = app.get_json(&path, token).await;
    assert_eq!(unchanged["questions"], set["questions"]);
    assert_eq!(unchanged["title"], set["title"]);
    assert_eq!(unchanged["version"], 1);
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
    assert_eq!(response.headers()["etag"], "\"1\"");
    assert!(response.headers().contains_key("location"));
    let set: Value = response.json().await.expect("json");
    assert_eq!(set["builtin"], false);
    assert_eq!(set["estimated_minutes"], 8);
    let first = &set["questions"][0];
    assert_eq!(first["open_ended"], false);
    assert!(
        first["hint"]
            .as_str()
            .expect("hint")
            .contains("What do you like most about your job?")
    );
    assert_eq!(set["questions"][1]["open_ended"], true);
    assert_eq!(set["questions"][1]["hint"], Value::Null);
    let positions: Vec<i64> = set["questions"]
        .as_array()
        .expect("q")
        .iter()
        .map(|q| q["position"].as_i64().expect("p"))
        .collect();
    assert_eq!(positions, vec![1, 2, 3]);

    let mine = app.get_json("/v1/question-sets?scope=mine", token).await;
    assert_eq!(mine["items"].as_array().expect("items").len(), 1);
    let all = app.get_json("/v1/question-sets?limit=100", token).await;
    assert!(all["items"].as_array().expect("items").len() > 1);
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
    let set = app
        .create(
            "/v1/question-sets",
            token,
            json!({"title": "Mine", "questions": [
        {"text": "A?", "category": "advice"}, {"text": "B?", "category": "skills"}]}),
        )
        .await;
    let path = format!("/v1/question-sets/{}", id_of(&set));
    let added = app
        .create(
            &format!("{path}/questions"),
            token,
            json!({"text": "C?", "category": "resources"}),
        )
        .await;
    assert_eq!(added["position"], 3);
    let changed: Value = app
        .patch_json(
            &format!("{path}/questions/{}", id_of(&added)),
            token,
            &json!({"text": "What about C?", "category": "referrals"}),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(changed["category"], "referrals");

    let current = app.get_json(&path, token).await;
    let mut ids: Vec<String> = current["questions"]
        .as_array()
        .expect("q")
        .iter()
        .map(id_of)
        .collect();
    ids.reverse();
    let response = app
        .request(Method::PUT, &format!("{path}/questions/order"), Some(token))
        .json(&json!({"question_ids": ids}))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::OK);
    let reordered: Value = response.json().await.expect("json");
    assert_eq!(texts(&reordered), vec!["What about C?", "B?", "A?"]);

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
            problem(response, StatusCode::CONFLICT).await["code"],
            "conflict"
        );
    }

    assert_eq!(
        app.delete(&format!("{path}/questions/{}", ids[1]), token)
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    let after = app.get_json(&path, token).await;
    assert_eq!(texts(&after), vec!["What about C?", "A?"]);
    let positions: Vec<i64> = after["questions"]
        .as_array()
        .expect("q")
        .iter()
        .map(|q| q["position"].as_i64().expect("p"))
        .collect();
    assert_eq!(positions, vec![1, 2]);
    assert!(after["version"].as_i64().expect("v") > set["version"].as_i64().expect("v"));
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
    let library = app
        .get_json("/v1/question-sets?scope=library&limit=1", token)
        .await;
    let source = &library["items"][0];
    let response = app
        .request(
            Method::POST,
            &format!("/v1/question-sets/{}/copy", id_of(source)),
            Some(token),
        )
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::CREATED);
    let copy: Value = response.json().await.expect("json");
    assert_eq!(copy["builtin"], false);
    assert_ne!(copy["id"], source["id"]);
    assert_eq!(texts(&copy), texts(source));
    let question = copy["questions"][0]["id"].as_str().expect("id");
    let response = app
        .patch_json(
            &format!("/v1/question-sets/{}/questions/{question}", id_of(&copy)),
            token,
            &json!({"text": "My own wording?"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let source_now = app
        .get_json(&format!("/v1/question-sets/{}", id_of(source)), token)
        .await;
    assert_eq!(texts(&source_now), texts(source));

    let path = format!("/v1/question-sets/{}", id_of(&copy));
    let stale = app
        .request(Method::PATCH, &path, Some(token))
        .header("if-match", "\"1\"")
        .json(&json!({"title": "x"}))
        .send()
        .await
        .expect("sent");
    problem(stale, StatusCode::PRECONDITION_FAILED).await;
    let renamed: Value = app
        .patch_json(
            &path,
            token,
            &json!({"title": "Renamed", "description": null}),
        )
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(renamed["title"], "Renamed");
    assert_eq!(renamed["description"], Value::Null);
    assert_eq!(
        app.delete(&path, token).await.status(),
        StatusCode::NO_CONTENT
    );
    problem(app.get(&path, token).await, StatusCode::NOT_FOUND).await;
}

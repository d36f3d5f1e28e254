//! What a client that works offline relies on (DESIGN §9): ids it chose
//! itself, and its clock a little fast.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, invalid_fields, typed_problem};

const CONTACT_ID: &str = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
const INTERVIEW_ID: &str = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c";

#[actix_web::test]
async fn a_client_names_what_it_creates_and_an_id_in_use_is_a_conflict() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    let contact = app
        .contact(
            &ada.access_token,
            json!({"id": CONTACT_ID, "full_name": "Alan Turing"}),
        )
        .await;
    assert_eq!(contact["id"], CONTACT_ID);
    // A resource made offline can name another made offline before it.
    let interview = app
        .create(
            "/v1/interviews",
            &ada.access_token,
            json!({"id": INTERVIEW_ID, "contact_id": CONTACT_ID}),
        )
        .await;
    assert_eq!(interview["id"], INTERVIEW_ID);
    let location = format!("/v1/contacts/{CONTACT_ID}");
    assert_eq!(
        app.get_json(&location, &ada.access_token).await["full_name"],
        "Alan Turing"
    );

    for token in [&ada.access_token, &bob.access_token] {
        let again = app
            .post_json(
                "/v1/contacts",
                Some(token),
                &json!({"id": CONTACT_ID, "full_name": "Someone else"}),
            )
            .await;
        let problem = typed_problem(again, StatusCode::CONFLICT).await;
        assert_eq!(problem.code, "conflict");
    }
    let itself = app
        .post_json(
            "/v1/contacts",
            Some(&ada.access_token),
            &json!({"id": INTERVIEW_ID, "full_name": "Loop", "referred_by_contact_id": INTERVIEW_ID}),
        )
        .await;
    assert_eq!(invalid_fields(itself).await, vec!["referred_by_contact_id"]);
    // Bob learns nothing more than that the id is taken.
    let hidden = app.get(&location, &bob.access_token).await;
    assert_eq!(hidden.status(), StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn a_set_and_its_questions_take_chosen_ids_and_a_malformed_id_is_a_422() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let set_id = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60";
    let question_id = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a61";
    let set = app
        .create(
            "/v1/question-sets",
            &ada.access_token,
            json!({"id": set_id, "title": "Mine", "questions": [
                {"id": question_id, "text": "What does a week look like?", "category": "day_to_day"}
            ]}),
        )
        .await;
    assert_eq!(set["id"], set_id);
    assert_eq!(set["questions"][0]["id"], question_id);
    let malformed = app
        .post_json(
            "/v1/employers",
            Some(&ada.access_token),
            &json!({"id": "not-a-uuid", "name": "Northwind"}),
        )
        .await;
    assert_eq!(malformed.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

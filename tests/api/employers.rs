//! `/v1/employers`: the LAMP list.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::bodies::{Contact, Employer, Page};
use crate::helpers::{
    JsonAs, TestApp, id_of, invalid_fields, problem, typed_problem, version_of_etag,
};

fn names(page: &Page<Employer>) -> Vec<&str> {
    page.items
        .iter()
        .map(|employer| employer.name.as_str())
        .collect()
}

#[actix_web::test]
async fn creating_an_employer_answers_201_with_defaults_location_and_etag() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let response = app
        .post_json(
            "/v1/employers",
            Some(&ada.access_token),
            &json!({"name": "Northwind"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(version_of_etag(&response), 1);
    let location = response.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned();
    let employer: Employer = response.json_as().await;
    assert_eq!(
        location,
        format!(
            "{}/v1/employers/{}",
            app.state.settings.public_url, employer.id
        )
    );
    assert_eq!(employer.name, "Northwind");
    assert_eq!(employer.status, "active");
    assert!(!employer.advocacy);
    assert_eq!(employer.motivation, 0);
    assert_eq!(employer.posting, 1);
    assert_eq!(employer.contact_count, 0);
    assert_eq!(employer.interview_count, 0);
    assert_eq!(employer.website, None);
    assert_eq!(employer.version, 1);
}

#[actix_web::test]
async fn names_are_unique_per_user_whatever_their_case() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    app.employer(&ada.access_token, json!({"name": "Northwind"}))
        .await;
    let response = app
        .post_json(
            "/v1/employers",
            Some(&ada.access_token),
            &json!({"name": "NORTHWIND"}),
        )
        .await;
    assert_eq!(
        typed_problem(response, StatusCode::CONFLICT).await.code,
        "conflict"
    );
    // Another user may have the same name.
    app.employer(&bob.access_token, json!({"name": "Northwind"}))
        .await;

    let other = app
        .employer(&ada.access_token, json!({"name": "Contoso"}))
        .await;
    let response = app
        .patch_json(
            &format!("/v1/employers/{}", id_of(&other)),
            &ada.access_token,
            &json!({"name": "northwind"}),
        )
        .await;
    problem(response, StatusCode::CONFLICT).await;
}

#[actix_web::test]
async fn lamp_scores_outside_their_ranges_answer_422() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    for (body, field) in [
        (json!({"name": "X", "motivation": 4}), "motivation"),
        (json!({"name": "X", "motivation": -1}), "motivation"),
        (json!({"name": "X", "posting": 0}), "posting"),
        (json!({"name": "X", "posting": 4}), "posting"),
        (json!({"name": "X", "advocacy": "yes"}), "advocacy"),
        (json!({"name": "X", "status": "dreaming"}), "status"),
        (json!({"name": ""}), "name"),
        (json!({"name": "x".repeat(201)}), "name"),
        (json!({"name": "X", "notes": "n".repeat(20_001)}), "notes"),
        (json!({"name": "X", "contact_count": 3}), "contact_count"),
    ] {
        let response = app
            .post_json("/v1/employers", Some(&ada.access_token), &body)
            .await;
        assert!(
            invalid_fields(response).await.contains(&field.to_owned()),
            "{field}"
        );
    }
}

#[actix_web::test]
async fn the_list_is_in_lamp_order_and_counts_contacts() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    for (name, motivation, posting, advocacy) in [
        ("Delta", 2, 3, true),
        ("Alpha", 3, 1, false),
        ("Bravo", 3, 2, false),
        ("Charlie", 3, 2, true),
        ("Echo", 0, 1, false),
        ("Foxtrot", 3, 2, true),
    ] {
        app.employer(token, json!({"name": name, "motivation": motivation, "posting": posting, "advocacy": advocacy}))
            .await;
    }
    let page: Page<Employer> = app.get_as("/v1/employers", token).await;
    assert_eq!(
        names(&page),
        vec!["Charlie", "Foxtrot", "Bravo", "Alpha", "Delta", "Echo"]
    );

    let by_name: Page<Employer> = app.get_as("/v1/employers?sort=name", token).await;
    assert_eq!(
        names(&by_name),
        vec!["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"]
    );

    let bravo = &page.items[2];
    for name in ["Ann", "Ben"] {
        let _: Contact = app
            .create_as(
                "/v1/contacts",
                token,
                json!({"full_name": name, "employer_id": bravo.id}),
            )
            .await;
    }
    let page: Page<Employer> = app.get_as("/v1/employers?sort=name", token).await;
    assert_eq!(page.items[1].contact_count, 2);
    assert_eq!(page.items[0].contact_count, 0);
    let one: Employer = app
        .get_as(&format!("/v1/employers/{}", bravo.id), token)
        .await;
    assert_eq!(one.contact_count, 2);
}

#[actix_web::test]
async fn the_list_pages_in_lamp_order_without_repeats_and_filters_by_status() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    for index in 0..23 {
        let status = if index % 5 == 0 {
            "ruled_out"
        } else {
            "active"
        };
        app.employer(token, json!({"name": format!("Employer {index:02}"), "motivation": index % 4, "status": status}))
            .await;
    }
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(cursor) => format!("/v1/employers?limit=4&cursor={cursor}"),
            None => "/v1/employers?limit=4".to_owned(),
        };
        let page: Page<Employer> = app.get_as(&path, token).await;
        for employer in page.items {
            seen.push((employer.motivation, employer.name));
        }
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    assert_eq!(seen.len(), 23);
    let mut expected = seen.clone();
    expected.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    assert_eq!(seen, expected);

    let ruled_out: Page<Employer> = app
        .get_as("/v1/employers?status=ruled_out&limit=100", token)
        .await;
    assert_eq!(ruled_out.items.len(), 5);
    assert!(
        ruled_out
            .items
            .iter()
            .all(|employer| employer.status == "ruled_out")
    );
    problem(
        app.get("/v1/employers?sort=name&cursor=abc", token).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    problem(
        app.get("/v1/employers?color=blue", token).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    problem(
        app.get("/v1/employers?limit=0", token).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
}

#[actix_web::test]
async fn patch_is_a_merge_patch_guarded_by_if_match() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let employer = app
        .employer(token, json!({"name": "Northwind", "website": "https://northwind.example", "notes": "warm lead"}))
        .await;
    let path = format!("/v1/employers/{}", id_of(&employer));

    let response = app
        .request(Method::PATCH, &path, Some(token))
        .header("if-match", "\"1\"")
        .header("content-type", "application/merge-patch+json")
        .body(r#"{"website": null, "motivation": 3}"#)
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(version_of_etag(&response), 2);
    let changed: Employer = response.json_as().await;
    assert_eq!(changed.website, None);
    assert_eq!(changed.motivation, 3);
    assert_eq!(changed.notes.as_deref(), Some("warm lead"));
    assert_eq!(changed.version, 2);

    let stale = app
        .request(Method::PATCH, &path, Some(token))
        .header("if-match", "\"1\"")
        .json(&json!({"notes": "lost update"}))
        .send()
        .await
        .expect("sent");
    assert_eq!(
        typed_problem(stale, StatusCode::PRECONDITION_FAILED)
            .await
            .code,
        "precondition_failed"
    );
    for (body, field) in [
        (json!({"name": null}), "name"),
        (json!({"motivation": null}), "motivation"),
        (json!({"id": "x"}), "id"),
        (json!({"version": 9}), "version"),
        (json!({"created_at": null}), "created_at"),
    ] {
        let fields = invalid_fields(app.patch_json(&path, token, &body).await).await;
        assert_eq!(fields, vec![field.to_owned()]);
    }
    let current: Employer = app.get_as(&path, token).await;
    assert_eq!(current.notes.as_deref(), Some("warm lead"));
    assert_eq!(current.version, 2);

    let stale_delete = app
        .request(Method::DELETE, &path, Some(token))
        .header("if-match", "\"1\"")
        .send()
        .await
        .expect("sent");
    problem(stale_delete, StatusCode::PRECONDITION_FAILED).await;
    let delete = app
        .request(Method::DELETE, &path, Some(token))
        .header("if-match", "\"2\"")
        .send()
        .await
        .expect("sent");
    assert_eq!(delete.status(), StatusCode::NO_CONTENT);
    problem(app.get(&path, token).await, StatusCode::NOT_FOUND).await;
}

#[actix_web::test]
async fn deleting_an_employer_keeps_its_contacts_with_the_link_cleared() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let employer = app.employer(token, json!({"name": "Northwind"})).await;
    let contact = app
        .contact(
            token,
            json!({"full_name": "Ann", "employer_id": employer["id"]}),
        )
        .await;
    let response = app
        .delete(&format!("/v1/employers/{}", id_of(&employer)), token)
        .await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let contact: Contact = app
        .get_as(&format!("/v1/contacts/{}", id_of(&contact)), token)
        .await;
    assert_eq!(contact.employer_id, None);
    assert_eq!(contact.full_name, "Ann");
}

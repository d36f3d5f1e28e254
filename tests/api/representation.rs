//! Conditional requests and compression (DESIGN §9): tags that name the
//! representation, 304 for a tag still current, `If-Match` by version,
//! gzip over 1 KiB when asked.

use std::io::Read;

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::helpers::{TestApp, id_of, invalid_fields, version_of_etag};

fn tag_of(response: &reqwest::Response) -> String {
    response.headers()["etag"]
        .to_str()
        .expect("ascii")
        .to_owned()
}

async fn get_with(
    app: &TestApp,
    path: &str,
    token: &str,
    headers: &[(&str, &str)],
) -> reqwest::Response {
    headers
        .iter()
        .fold(
            app.request(Method::GET, path, Some(token)),
            |request, (name, value)| request.header(*name, *value),
        )
        .send()
        .await
        .expect("sent")
}

#[actix_web::test]
async fn a_get_whose_tag_is_still_current_answers_304_without_a_body() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let contact = app
        .contact(token, json!({"full_name": "Alan Turing"}))
        .await;
    let path = format!("/v1/contacts/{}", id_of(&contact));

    let first = app.get(&path, token).await;
    assert_eq!(version_of_etag(&first), 1);
    assert_eq!(first.headers()["cache-control"], "private, no-cache");
    let tag = tag_of(&first);
    let again = get_with(&app, &path, token, &[("if-none-match", &tag)]).await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(tag_of(&again), tag);
    assert!(again.bytes().await.expect("body").is_empty());
    // The tag of the compressed form names the same representation.
    let gz = format!("{}-gz\"", tag.trim_end_matches('"'));
    let from_gz = get_with(&app, &path, token, &[("if-none-match", &gz)]).await;
    assert_eq!(from_gz.status(), StatusCode::NOT_MODIFIED);

    let changed = app
        .patch_json(&path, token, &json!({"job_title": "Mathematician"}))
        .await;
    assert_eq!(version_of_etag(&changed), 2);
    let after = get_with(&app, &path, token, &[("if-none-match", &tag)]).await;
    assert_eq!(after.status(), StatusCode::OK);
    assert_eq!(tag_of(&after), tag_of(&changed));
}

#[actix_web::test]
async fn a_page_has_a_tag_of_its_body_and_answers_304_until_it_changes() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    app.contact(token, json!({"full_name": "Alan Turing"}))
        .await;
    let page = app.get("/v1/contacts", token).await;
    let tag = tag_of(&page);
    let inner = tag.trim_matches('"');
    assert_eq!(inner.len(), 22, "a page has no version: {tag}");
    let same = get_with(&app, "/v1/contacts", token, &[("if-none-match", &tag)]).await;
    assert_eq!(same.status(), StatusCode::NOT_MODIFIED);

    app.contact(token, json!({"full_name": "Grace Hopper"}))
        .await;
    let grown = get_with(&app, "/v1/contacts", token, &[("if-none-match", &tag)]).await;
    assert_eq!(grown.status(), StatusCode::OK);
    assert_ne!(tag_of(&grown), tag);
}

#[actix_web::test]
async fn a_derived_field_moves_the_hash_not_the_version_so_if_match_still_passes() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let employer = app.employer(token, json!({"name": "Northwind"})).await;
    let path = format!("/v1/employers/{}", id_of(&employer));
    let before = app.get(&path, token).await;
    let old_tag = tag_of(&before);
    app.contact(
        token,
        json!({"full_name": "Alan Turing", "employer_id": id_of(&employer)}),
    )
    .await;

    let after = app.get(&path, token).await;
    assert_eq!(version_of_etag(&after), version_of_etag(&before));
    assert_ne!(tag_of(&after), old_tag, "contact_count moved");
    let edit = app
        .request(Method::PATCH, &path, Some(token))
        .header("if-match", &old_tag)
        .json(&json!({"motivation": 3}))
        .send()
        .await
        .expect("sent");
    assert_eq!(edit.status(), StatusCode::OK);
    let stale = app
        .request(Method::PATCH, &path, Some(token))
        .header("if-match", &old_tag)
        .json(&json!({"motivation": 2}))
        .send()
        .await
        .expect("sent");
    assert_eq!(stale.status(), StatusCode::PRECONDITION_FAILED);
}

#[actix_web::test]
async fn a_body_over_1_kib_is_gzipped_when_asked_and_only_then() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    for number in 0..10 {
        app.contact(
            token,
            json!({"full_name": format!("Contact {number}"), "notes": "n".repeat(100)}),
        )
        .await;
    }
    let plain = app.get("/v1/contacts", token).await;
    assert!(plain.headers().get("content-encoding").is_none());
    let plain_tag = tag_of(&plain);
    let plain_body = plain.bytes().await.expect("body");
    assert!(plain_body.len() > 1024);

    let zipped = get_with(&app, "/v1/contacts", token, &[("accept-encoding", "gzip")]).await;
    assert_eq!(zipped.headers()["content-encoding"], "gzip");
    assert_eq!(
        tag_of(&zipped),
        format!("{}-gz\"", plain_tag.trim_end_matches('"'))
    );
    let compressed = zipped.bytes().await.expect("body");
    let mut unzipped = Vec::new();
    flate2::read::GzDecoder::new(&compressed[..])
        .read_to_end(&mut unzipped)
        .expect("gzip");
    assert_eq!(unzipped, plain_body);

    let small = get_with(&app, "/v1/me", token, &[("accept-encoding", "gzip")]).await;
    assert!(
        small.headers().get("content-encoding").is_none(),
        "under 1 KiB"
    );
    let refused = get_with(
        &app,
        "/v1/contacts",
        token,
        &[("accept-encoding", "gzip;q=0")],
    )
    .await;
    assert!(refused.headers().get("content-encoding").is_none());
}

#[actix_web::test]
async fn streamed_answers_and_problems_carry_no_tag() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let network = app.get("/v1/network", token).await;
    assert_eq!(network.status(), StatusCode::OK);
    assert!(network.headers().get("etag").is_none());
    let missing = app
        .get("/v1/contacts/7b4f0c6e-3d1a-4f2b-9c8e-5a6d7e8f9a01", token)
        .await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert!(missing.headers().get("etag").is_none());
}

#[actix_web::test]
async fn an_optional_body_may_be_empty_or_an_object_but_not_null() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let contact = app
        .contact(token, json!({"full_name": "Alan Turing"}))
        .await;
    let path = format!("/v1/contacts/{}/archive", id_of(&contact));
    let null = app
        .request(Method::POST, &path, Some(token))
        .header("content-type", "application/json")
        .body("null")
        .send()
        .await
        .expect("sent");
    // A body that is there must be an object.
    assert!(!invalid_fields(null).await.is_empty());
    let empty = app
        .request(Method::POST, &path, Some(token))
        .send()
        .await
        .expect("sent");
    assert_eq!(empty.status(), StatusCode::OK);
}

//! How `q` is answered: by the owner's trigram keys or by walking the list,
//! chosen from the table's statistics, with the same pages either way.

use std::collections::HashSet;

use diesel_async::RunQueryDsl;
use rapport::contacts::dto::ContactSort;
use rapport::contacts::repo::{self, ContactCursor, ContactFilter};
use rapport::contacts::search::{self, PageStart, TextSearch};
use reqwest::{Method, StatusCode};
use serde_json::Value;
use uuid::Uuid;

use crate::helpers::{TestApp, id_of, problem};

/// 240 contacts: every other one met at a "hackathon", every fortieth
/// works at "Fabrikam", a few "José"s, and names out of order.
fn network_csv() -> String {
    let mut csv = String::from("full_name,company,job_title,notes\n");
    for index in 0..240 {
        let first = ["Zoë", "Ana", "José", "Mei", "Omar", "Lucía"][index % 6];
        let company = if index % 40 == 7 {
            "Fabrikam Labs"
        } else {
            "Contoso"
        };
        let notes = if index % 2 == 0 {
            "Met at a hackathon"
        } else {
            "Alumni dinner"
        };
        csv.push_str(&format!(
            "{first} Person{:03},{company},Data Engineer,{notes}\n",
            (index * 37) % 240
        ));
    }
    csv
}

async fn import_network(app: &TestApp, token: &str) {
    let response = app
        .request(Method::POST, "/v1/contacts/import", Some(token))
        .header("content-type", "text/csv")
        .body(network_csv())
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::OK);
    let result: Value = response.json().await.expect("json");
    assert_eq!(result["created"], 240, "{result}");
}

async fn analyze(app: &TestApp) {
    let mut connection = app.state.pool.get().await.expect("a connection");
    diesel::sql_query("ANALYZE contacts")
        .execute(&mut connection)
        .await
        .expect("analyzed");
}

/// Every page of a search with `text`, walked 7 at a time, as ids.
async fn walk(app: &TestApp, user_id: Uuid, text: &TextSearch, sort: ContactSort) -> Vec<Uuid> {
    let mut connection = app.state.pool.get().await.expect("a connection");
    let mut ids = Vec::new();
    let mut after = None;
    loop {
        let filter = ContactFilter {
            text: Some(text.clone()),
            archived: Some(false),
            ..ContactFilter::default()
        };
        let rows = repo::list(&mut connection, user_id, filter, sort, after, 7)
            .await
            .expect("a page");
        let more = rows.len() > 7;
        for (contact, _) in rows.iter().take(7) {
            ids.push(contact.id);
        }
        if !more {
            return ids;
        }
        let (contact, name_key) = &rows[6];
        after = Some(ContactCursor::after(contact, name_key, sort));
    }
}

#[actix_web::test]
async fn searching_by_keys_and_by_walking_give_the_same_pages_in_every_order() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    import_network(&app, &ada.access_token).await;
    let user_id: Uuid = ada.id.parse().expect("a uuid");
    // Another user with the same texts: none of them may show up in Ada's
    // pages (the counts below would double).
    let bob = app.user("bob").await;
    import_network(&app, &bob.access_token).await;

    for (term, expected) in [
        ("hackathon", 120),
        ("fabrikam labs", 6),
        ("JOSÉ", 40),
        ("data engineer", 240),
        ("person2", 40),
        ("nobody-like-this", 0),
    ] {
        for sort in [
            ContactSort::Name,
            ContactSort::RecentlyUpdated,
            ContactSort::CreatedAt,
        ] {
            let by_keys = walk(
                &app,
                user_id,
                &TextSearch::ByKeys { term: term.into() },
                sort,
            )
            .await;
            let by_walking = walk(
                &app,
                user_id,
                &TextSearch::ByWalking { term: term.into() },
                sort,
            )
            .await;
            assert_eq!(by_keys.len(), expected, "{term} {sort:?}");
            assert_eq!(
                by_keys.iter().collect::<HashSet<_>>().len(),
                expected,
                "no repeat: {term} {sort:?}"
            );
            assert_eq!(by_keys, by_walking, "{term} {sort:?}");
        }
    }
}

#[actix_web::test]
async fn a_search_walks_when_its_matches_come_early_in_the_list() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    import_network(&app, &ada.access_token).await;
    let mut connection = app.state.pool.get().await.expect("a connection");
    analyze(&app).await;
    let histogram = &app.components.contact_search.histogram;
    for (term, start, walked) in [
        ("Hackathon", PageStart::ByName(None), true),
        ("Hackathon", PageStart::Unrelated, true),
        // One contact, "Omar Person148", late in name order.
        ("person148", PageStart::ByName(None), false),
        ("person148", PageStart::Unrelated, false),
        // Six contacts (two Anas, two Lucías, two Meis), the first of them
        // near the top of the list: a walk from the top finds it at once;
        // one from past the last of them would read the Omars and Zoës
        // for nothing.
        ("FABRIKAM", PageStart::ByName(None), true),
        ("FABRIKAM", PageStart::ByName(Some("mei person999")), false),
        // No three letters or digits in a row: nothing to look up.
        ("jo", PageStart::ByName(None), true),
        ("東京", PageStart::Unrelated, true),
    ] {
        let planned = search::plan(&mut connection, histogram, term, start, 26)
            .await
            .expect("planned");
        let expected = if walked {
            TextSearch::ByWalking { term: term.into() }
        } else {
            TextSearch::ByKeys { term: term.into() }
        };
        assert_eq!(planned, expected, "{term} {start:?}");
    }
}

#[actix_web::test]
async fn terms_without_keys_and_common_terms_are_found_through_the_api() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    import_network(&app, token).await;
    app.contact(
        token,
        serde_json::json!({"full_name": "Kenji Sato", "notes": "東京で会った"}),
    )
    .await;
    analyze(&app).await;

    let tokyo = app
        .get_json("/v1/contacts?q=%E6%9D%B1%E4%BA%AC", token)
        .await;
    assert_eq!(tokyo["items"][0]["full_name"], "Kenji Sato");
    assert_eq!(tokyo["items"].as_array().expect("items").len(), 1);

    // "hackathon" is in half of the contacts: walked, page by page.
    let mut seen = HashSet::new();
    let mut path = "/v1/contacts?q=HACKATHON&limit=50".to_owned();
    loop {
        let page = app.get_json(&path, token).await;
        for item in page["items"].as_array().expect("items") {
            assert_eq!(item["notes"], "Met at a hackathon");
            assert!(seen.insert(item["id"].as_str().expect("id").to_owned()));
        }
        match page["next_cursor"].as_str() {
            Some(cursor) => path = format!("/v1/contacts?q=HACKATHON&limit=50&cursor={cursor}"),
            None => break,
        }
    }
    assert_eq!(seen.len(), 120);
}

#[actix_web::test]
async fn a_search_waits_for_its_turn_while_other_reads_go_on() {
    let app = TestApp::spawn_with(|settings| settings.search_concurrency = 1).await;
    let ada = app.user("ada").await;
    let contact = app
        .contact(
            &ada.access_token,
            serde_json::json!({"full_name": "José Núñez"}),
        )
        .await;
    let turn = app
        .components
        .contact_search
        .turn()
        .await
        .expect("the only turn");

    let searching = actix_web::rt::spawn(
        app.request(Method::GET, "/v1/contacts?q=jose", Some(&ada.access_token))
            .send(),
    );
    // Reads that are not searches take no turn.
    let by_id = app
        .get(
            &format!("/v1/contacts/{}", id_of(&contact)),
            &ada.access_token,
        )
        .await;
    assert_eq!(by_id.status(), StatusCode::OK);
    let list = app.get("/v1/contacts", &ada.access_token).await;
    assert_eq!(list.status(), StatusCode::OK);
    let blank_q = app.get("/v1/contacts?q=%20", &ada.access_token).await;
    assert_eq!(blank_q.status(), StatusCode::OK);
    actix_web::rt::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(!searching.is_finished(), "the search ran without a turn");
    let turns = app.components.contact_search.turns();
    assert_eq!((turns.max, turns.in_use, turns.waiting), (1, 1, 1));

    drop(turn);
    let found = searching
        .await
        .expect("the search finished")
        .expect("answered");
    assert_eq!(found.status(), StatusCode::OK);
    let page: Value = found.json().await.expect("json");
    assert_eq!(page["items"][0]["full_name"], "José Núñez");
}

#[actix_web::test]
async fn a_search_that_waits_too_long_for_its_turn_answers_503() {
    let app = TestApp::spawn_with(|settings| {
        settings.search_concurrency = 1;
        settings.pool_wait_timeout = std::time::Duration::from_millis(300);
    })
    .await;
    let ada = app.user("ada").await;
    let _turn = app
        .components
        .contact_search
        .turn()
        .await
        .expect("the only turn");

    let response = app.get("/v1/contacts?q=jose", &ada.access_token).await;
    let body = problem(response, StatusCode::SERVICE_UNAVAILABLE).await;
    assert_eq!(body["code"], "unavailable");
    assert_eq!(app.components.contact_search.turns().waiting, 0);
}

#[actix_web::test]
async fn searches_beyond_the_concurrency_queue_and_all_answer() {
    let app = TestApp::spawn_with(|settings| settings.search_concurrency = 2).await;
    let ada = app.user("ada").await;
    import_network(&app, &ada.access_token).await;

    let terms = [
        "jose",
        "hackathon",
        "fabrikam",
        "person007",
        "zo",
        "data engineer",
    ];
    let searches = (0..24).map(|index| {
        let path = format!("/v1/contacts?q={}&limit=100", terms[index % terms.len()]);
        let app = &app;
        let token = ada.access_token.clone();
        async move { (index, app.get(&path, &token).await) }
    });
    let mut counts = std::collections::HashMap::new();
    for (index, response) in futures_util::future::join_all(searches).await {
        assert_eq!(response.status(), StatusCode::OK, "search {index}");
        let page: Value = response.json().await.expect("json");
        let found = page["items"].as_array().expect("items").len();
        let term = terms[index % terms.len()];
        // The same term finds the same contacts whichever turn it had.
        assert_eq!(*counts.entry(term).or_insert(found), found, "{term}");
    }
    assert_eq!(counts["fabrikam"], 6);
    assert_eq!(counts["person007"], 1);
}

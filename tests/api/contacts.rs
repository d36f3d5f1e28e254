//! `/v1/contacts`: fields, search, filters, sorting, pages, merge patch,
//! archiving, referrals, the network and outreach scripts.

use std::collections::HashSet;

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::bodies::{Contact, Employer, Network, Page};
use crate::helpers::{
    JsonAs, TestApp, id_of, invalid_fields, problem, typed_problem, version_of_etag,
};

fn names(page: &Page<Contact>) -> Vec<String> {
    page.items
        .iter()
        .map(|contact| contact.full_name.clone())
        .collect()
}

/// The names on `/v1/contacts?{query}`.
async fn names_listed(app: &TestApp, token: &str, query: &str) -> Vec<String> {
    names(&app.get_as(&format!("/v1/contacts?{query}"), token).await)
}

#[actix_web::test]
async fn a_contact_keeps_every_field_and_has_defaults() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let employer: Employer = app
        .create_as("/v1/employers", token, json!({"name": "Northwind"}))
        .await;
    let referrer: Contact = app
        .create_as("/v1/contacts", token, json!({"full_name": "Brad Johnson"}))
        .await;
    let body = json!({
        "full_name": "Grace Hopper", "email": "grace@example.com", "phone": "+1 555 0100",
        "linkedin_url": "https://www.linkedin.com/in/grace", "company": "Northwind",
        "job_title": "Rear Admiral", "field": "compilers", "location": "Arlington",
        "employer_id": employer.id, "source": "referral",
        "referred_by_contact_id": referrer.id, "has_hiring_power": true,
        "tags": ["navy", "cobol", "navy"], "notes": "Met at the Grace Hopper Celebration"
    });
    let response = app.post_json("/v1/contacts", Some(token), &body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(version_of_etag(&response), 1);
    let contact: Contact = response.json_as().await;
    let text = |key: &str| body[key].as_str().map(str::to_owned);
    assert_eq!(contact.full_name, body["full_name"]);
    assert_eq!(contact.email, text("email"));
    assert_eq!(contact.phone, text("phone"));
    assert_eq!(contact.linkedin_url, text("linkedin_url"));
    assert_eq!(contact.company, text("company"));
    assert_eq!(contact.job_title, text("job_title"));
    assert_eq!(contact.field, text("field"));
    assert_eq!(contact.location, text("location"));
    assert_eq!(contact.notes, text("notes"));
    assert_eq!(contact.employer_id, Some(employer.id));
    assert_eq!(contact.source, "referral");
    assert_eq!(contact.referred_by_contact_id, Some(referrer.id));
    assert_eq!(contact.has_hiring_power, Some(true));
    assert_eq!(
        contact.tags,
        vec!["navy", "cobol"],
        "repeats dropped, order kept"
    );
    assert_eq!(contact.segment, "unknown");
    assert_eq!(contact.archived_at, None);

    let minimal: Contact = app
        .create_as("/v1/contacts", token, json!({"full_name": "Ann"}))
        .await;
    assert_eq!(minimal.source, "other");
    assert!(minimal.tags.is_empty());
    assert_eq!(minimal.has_hiring_power, None);
    assert_eq!(minimal.employer_id, None);
}

#[actix_web::test]
async fn limits_and_types_are_enforced_naming_the_field() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let many_tags: Vec<String> = (0..21).map(|n| format!("t{n}")).collect();
    for (body, field) in [
        (json!({}), "full_name"),
        (json!({"full_name": ""}), "full_name"),
        (json!({"full_name": "x".repeat(201)}), "full_name"),
        (
            json!({"full_name": "X", "notes": "n".repeat(20_001)}),
            "notes",
        ),
        (json!({"full_name": "X", "tags": many_tags}), "tags"),
        (json!({"full_name": "X", "tags": ["t".repeat(41)]}), "tags"),
        (json!({"full_name": "X", "tags": [""]}), "tags"),
        (json!({"full_name": "X", "tags": "one"}), "tags"),
        (json!({"full_name": "X", "email": "not an email"}), "email"),
        (
            json!({"full_name": "X", "source": "carrier pigeon"}),
            "source",
        ),
        (
            json!({"full_name": "X", "has_hiring_power": "maybe"}),
            "has_hiring_power",
        ),
        (
            json!({"full_name": "X", "employer_id": "not-a-uuid"}),
            "employer_id",
        ),
        (json!({"full_name": "X", "segment": "booster"}), "segment"),
        (json!({"full_name": 7}), "full_name"),
    ] {
        let response = app.post_json("/v1/contacts", Some(token), &body).await;
        assert!(
            invalid_fields(response).await.contains(&field.to_owned()),
            "{body}"
        );
    }
    assert_eq!(
        app.database
            .count("SELECT count(*) AS count FROM contacts")
            .await,
        0
    );
}

#[actix_web::test]
async fn hostile_and_non_ascii_text_is_stored_verbatim() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let hostile = "Robert'); DROP TABLE contacts;-- <img src=x onerror=alert(1)> 🙂 \u{202e}ʇxǝʇ 日本語 % _ \\";
    let contact = app
        .contact(
            token,
            json!({"full_name": hostile, "notes": hostile, "tags": ["%", "_"]}),
        )
        .await;
    let fetched: Contact = app
        .get_as(&format!("/v1/contacts/{}", id_of(&contact)), token)
        .await;
    assert_eq!(fetched.full_name, hostile);
    assert_eq!(fetched.notes.as_deref(), Some(hostile));
    assert_eq!(fetched.tags, vec!["%", "_"]);
    // LIKE wildcards in `q` match only themselves.
    app.contact(token, json!({"full_name": "Plain Name"})).await;
    assert_eq!(
        names_listed(&app, token, "q=%25").await,
        vec![hostile.to_owned()]
    );
}

#[actix_web::test]
async fn search_ignores_case_and_accents_across_the_searchable_fields() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    app.contact(token, json!({"full_name": "José Núñez"})).await;
    app.contact(
        token,
        json!({"full_name": "Ann Company", "company": "Zürich Réassurance"}),
    )
    .await;
    app.contact(
        token,
        json!({"full_name": "Ben Title", "job_title": "Staff ENGINEER"}),
    )
    .await;
    app.contact(
        token,
        json!({"full_name": "Cat Field", "field": "Bioinformatics"}),
    )
    .await;
    app.contact(
        token,
        json!({"full_name": "Dan Tags", "tags": ["Kubernetes"]}),
    )
    .await;
    app.contact(
        token,
        json!({"full_name": "Eve Notes", "notes": "loves sourdough"}),
    )
    .await;
    app.contact(token, json!({"full_name": "Zed Nobody"})).await;

    for (q, expected) in [
        ("jose", "José Núñez"),
        ("NUNEZ", "José Núñez"),
        ("zurich reassurance", "Ann Company"),
        ("engineer", "Ben Title"),
        ("informatics", "Cat Field"),
        ("kubernetes", "Dan Tags"),
        ("SOURDOUGH", "Eve Notes"),
    ] {
        let found = names_listed(&app, token, &format!("q={}", q.replace(' ', "%20"))).await;
        assert_eq!(found, vec![expected.to_owned()], "q={q}");
    }
    assert!(
        names_listed(&app, token, "q=nothing-like-this")
            .await
            .is_empty()
    );
}

#[actix_web::test]
async fn filters_narrow_the_list() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let employer = app.employer(token, json!({"name": "Northwind"})).await;
    app.contact(token, json!({"full_name": "Ann", "tags": ["warm"], "company": "Northwind", "employer_id": employer["id"], "source": "alumni", "has_hiring_power": true})).await;
    app.contact(token, json!({"full_name": "Ben", "tags": ["cold", "warm"], "company": "NORTHWIND", "source": "event", "has_hiring_power": false})).await;
    let cat = app
        .contact(
            token,
            json!({"full_name": "Cat", "company": "Contoso", "source": "alumni"}),
        )
        .await;
    let response = app
        .request(
            Method::POST,
            &format!("/v1/contacts/{}/archive", id_of(&cat)),
            Some(token),
        )
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::OK);

    for (query, expected) in [
        ("", vec!["Ann", "Ben"]),
        ("tag=warm", vec!["Ann", "Ben"]),
        ("tag=cold", vec!["Ben"]),
        ("company=northwind", vec!["Ann", "Ben"]),
        (
            &format!("employer_id={}", id_of(&employer)) as &str,
            vec!["Ann"],
        ),
        ("source=alumni", vec!["Ann"]),
        ("has_hiring_power=true", vec!["Ann"]),
        ("has_hiring_power=false", vec!["Ben"]),
        ("archived=true", vec!["Cat"]),
        ("archived=true&source=alumni", vec!["Cat"]),
        ("segment=unknown", vec!["Ann", "Ben"]),
        ("segment=booster", vec![]),
    ] {
        assert_eq!(names_listed(&app, token, query).await, expected, "{query}");
    }
    for bad in [
        "sort=age",
        "source=pigeon",
        "has_hiring_power=maybe",
        "employer_id=x",
        "unknown=1",
        "limit=101",
        "cursor=%21%21",
    ] {
        problem(
            app.get(&format!("/v1/contacts?{bad}"), token).await,
            StatusCode::BAD_REQUEST,
        )
        .await;
    }
}

async fn walk(app: &TestApp, token: &str, query: &str, limit: usize) -> Vec<String> {
    let mut ids = Vec::new();
    let mut path = format!("/v1/contacts?{query}&limit={limit}");
    loop {
        let response = app.get(&path, token).await;
        assert_eq!(response.status(), StatusCode::OK);
        let link = response
            .headers()
            .get("link")
            .map(|v| v.to_str().expect("ascii").to_owned());
        let page: Page<Contact> = response.json_as().await;
        assert!(page.items.len() <= limit);
        ids.extend(page.items.iter().map(|contact| contact.id.to_string()));
        match page.next_cursor.as_deref() {
            Some(cursor) => {
                let link = link.expect("a Link header with a next page");
                assert!(link.ends_with("; rel=\"next\""), "{link}");
                assert!(link.contains(&format!("cursor={cursor}")), "{link}");
                assert!(
                    link.starts_with(&format!("<{}/v1/contacts?", app.state.settings.public_url))
                );
                path = format!("/v1/contacts?{query}&limit={limit}&cursor={cursor}");
            }
            None => {
                assert!(link.is_none());
                break;
            }
        }
    }
    ids
}

#[actix_web::test]
async fn pages_walk_a_list_of_57_with_no_repeat_and_no_gap_in_every_order() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let mut created = HashSet::new();
    for index in 0..57 {
        // Repeated names make the id tie-breaker matter.
        let contact = app
            .contact(
                token,
                json!({"full_name": format!("Person {:02}", index % 19)}),
            )
            .await;
        created.insert(id_of(&contact));
    }
    for sort in ["name", "-updated_at", "created_at"] {
        let ids = walk(&app, token, &format!("sort={sort}"), 10).await;
        assert_eq!(ids.len(), 57, "{sort}");
        assert_eq!(
            ids.iter().cloned().collect::<HashSet<_>>(),
            created,
            "{sort}"
        );
    }
    let full: Page<Contact> = app.get_as("/v1/contacts?limit=100", token).await;
    assert_eq!(full.next_cursor, None);
    assert_eq!(full.items.len(), 57);
    let default_page: Page<Contact> = app.get_as("/v1/contacts", token).await;
    assert_eq!(default_page.items.len(), 25);
}

#[actix_web::test]
async fn pages_stay_stable_when_contacts_are_added_between_them() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    for index in 0..20 {
        app.contact(token, json!({"full_name": format!("M{index:02}")}))
            .await;
    }
    let first: Page<Contact> = app.get_as("/v1/contacts?limit=10", token).await;
    let cursor = first.next_cursor.clone().expect("more");
    // One before the cursor and one after it.
    app.contact(token, json!({"full_name": "A first"})).await;
    app.contact(token, json!({"full_name": "Z last"})).await;
    let second: Page<Contact> = app
        .get_as(&format!("/v1/contacts?limit=10&cursor={cursor}"), token)
        .await;
    let mut seen = names(&first);
    seen.extend(names(&second));
    let unique: HashSet<_> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len(), "no repeats");
    assert_eq!(names(&second).first().map(String::as_str), Some("M10"));
    // A cursor from one order is refused in another.
    problem(
        app.get(
            &format!("/v1/contacts?sort=created_at&cursor={cursor}"),
            token,
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
}

#[actix_web::test]
async fn patch_is_a_merge_patch_with_if_match_and_read_only_fields() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let contact = app
        .contact(token, json!({"full_name": "Ann", "email": "ann@example.com", "tags": ["a"], "has_hiring_power": true}))
        .await;
    let path = format!("/v1/contacts/{}", id_of(&contact));
    let response = app.get(&path, token).await;
    assert_eq!(version_of_etag(&response), 1);

    let response = app
        .request(Method::PATCH, &path, Some(token))
        .header("if-match", "\"1\"")
        .header("content-type", "application/merge-patch+json")
        .body(r#"{"email": null, "has_hiring_power": null, "company": "Contoso"}"#)
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(version_of_etag(&response), 2);
    let changed: Contact = response.json_as().await;
    assert_eq!(changed.email, None);
    assert_eq!(changed.has_hiring_power, None);
    assert_eq!(changed.company.as_deref(), Some("Contoso"));
    assert_eq!(changed.tags, vec!["a"], "absent stays");

    let cleared: Contact = app
        .patch_json(&path, token, &json!({"tags": null}))
        .await
        .json_as()
        .await;
    assert!(cleared.tags.is_empty());
    assert_eq!(cleared.version, 3);

    let stale = app
        .request(Method::PATCH, &path, Some(token))
        .header("if-match", "\"2\"")
        .json(&json!({"notes": "lost update"}))
        .send()
        .await
        .expect("sent");
    problem(stale, StatusCode::PRECONDITION_FAILED).await;

    for field in [
        "id",
        "version",
        "segment",
        "created_at",
        "updated_at",
        "archived_at",
    ] {
        let fields =
            invalid_fields(app.patch_json(&path, token, &json!({field: null})).await).await;
        assert_eq!(fields, vec![field.to_owned()]);
    }
    for (body, field) in [
        (json!({"full_name": null}), "full_name"),
        (json!({"source": null}), "source"),
    ] {
        assert_eq!(
            invalid_fields(app.patch_json(&path, token, &body).await).await,
            vec![field.to_owned()]
        );
    }
    let unchanged: Contact = app.get_as(&path, token).await;
    assert_eq!(unchanged.version, 3);
    assert_eq!(unchanged.notes, None);

    let empty = app.patch_json(&path, token, &json!({})).await;
    assert_eq!(empty.status(), StatusCode::OK);
    assert_eq!(version_of_etag(&empty), 3, "an empty patch changes nothing");
}

#[actix_web::test]
async fn archive_and_unarchive_are_idempotent_and_accept_an_empty_body() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let contact = app.contact(token, json!({"full_name": "Ann"})).await;
    let archive = format!("/v1/contacts/{}/archive", id_of(&contact));
    let first: Contact = app
        .request(Method::POST, &archive, Some(token))
        .send()
        .await
        .expect("sent")
        .json_as()
        .await;
    assert!(first.archived_at.is_some());
    let second = app.post_json(&archive, Some(token), &json!({})).await;
    assert_eq!(second.status(), StatusCode::OK);
    let second: Contact = second.json_as().await;
    assert_eq!(second.archived_at, first.archived_at);
    assert_eq!(second.version, first.version);
    assert!(names_listed(&app, token, "").await.is_empty());

    let refused = app
        .post_json(&archive, Some(token), &json!({"reason": "x"}))
        .await;
    assert_eq!(invalid_fields(refused).await, vec!["reason"]);
    let not_json = app
        .request(Method::POST, &archive, Some(token))
        .header("content-type", "text/plain")
        .body("please")
        .send()
        .await
        .expect("sent");
    problem(not_json, StatusCode::UNSUPPORTED_MEDIA_TYPE).await;

    let unarchive = format!("/v1/contacts/{}/unarchive", id_of(&contact));
    for _ in 0..2 {
        let response: Contact = app
            .request(Method::POST, &unarchive, Some(token))
            .send()
            .await
            .expect("sent")
            .json_as()
            .await;
        assert_eq!(response.archived_at, None);
    }
    assert_eq!(names_listed(&app, token, "").await, vec!["Ann"]);
}

#[actix_web::test]
async fn referrals_cannot_point_at_oneself_or_loop() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let a = app.contact(token, json!({"full_name": "A"})).await;
    let b = app
        .contact(
            token,
            json!({"full_name": "B", "referred_by_contact_id": a["id"]}),
        )
        .await;
    let c = app
        .contact(
            token,
            json!({"full_name": "C", "referred_by_contact_id": b["id"]}),
        )
        .await;

    let own = app
        .patch_json(
            &format!("/v1/contacts/{}", id_of(&a)),
            token,
            &json!({"referred_by_contact_id": a["id"]}),
        )
        .await;
    assert_eq!(invalid_fields(own).await, vec!["referred_by_contact_id"]);
    let looping = app
        .patch_json(
            &format!("/v1/contacts/{}", id_of(&a)),
            token,
            &json!({"referred_by_contact_id": c["id"]}),
        )
        .await;
    assert_eq!(
        invalid_fields(looping).await,
        vec!["referred_by_contact_id"]
    );
    let fine = app
        .patch_json(
            &format!("/v1/contacts/{}", id_of(&c)),
            token,
            &json!({"referred_by_contact_id": a["id"]}),
        )
        .await;
    assert_eq!(fine.status(), StatusCode::OK);
    let unknown = app.post_json("/v1/contacts", Some(token), &json!({"full_name": "D", "referred_by_contact_id": "01890a5d-ac96-774b-bcce-b302099a8057"})).await;
    let body = typed_problem(unknown, StatusCode::NOT_FOUND).await;
    assert!(body.detail.contains("referred_by_contact_id"), "{body:?}");
}

#[actix_web::test]
async fn referrals_and_the_network_follow_who_introduced_whom() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let brad = app.contact(token, json!({"full_name": "Brad"})).await;
    let ann = app
        .contact(
            token,
            json!({"full_name": "Ann", "referred_by_contact_id": brad["id"]}),
        )
        .await;
    let cat = app
        .contact(
            token,
            json!({"full_name": "Cat", "referred_by_contact_id": brad["id"]}),
        )
        .await;
    app.contact(
        token,
        json!({"full_name": "Dan", "referred_by_contact_id": ann["id"]}),
    )
    .await;

    let referrals: Page<Contact> = app
        .get_as(&format!("/v1/contacts/{}/referrals", id_of(&brad)), token)
        .await;
    assert_eq!(names(&referrals), vec!["Ann", "Cat"]);
    let paged: Page<Contact> = app
        .get_as(
            &format!("/v1/contacts/{}/referrals?limit=1", id_of(&brad)),
            token,
        )
        .await;
    assert_eq!(names(&paged), vec!["Ann"]);
    assert!(paged.next_cursor.is_some());

    let network: Network = app.get_as("/v1/network", token).await;
    assert_eq!(network.nodes.len(), 4);
    let edges: HashSet<(String, String)> = network
        .edges
        .iter()
        .map(|edge| (edge.from.to_string(), edge.to.to_string()))
        .collect();
    assert!(edges.contains(&(id_of(&brad), id_of(&ann))));
    assert!(edges.contains(&(id_of(&brad), id_of(&cat))));
    assert_eq!(edges.len(), 3);
    assert_eq!(network.nodes[0].segment, "unknown");

    // Deleting the referrer keeps whom it referred, with the link cleared.
    assert_eq!(
        app.delete(&format!("/v1/contacts/{}", id_of(&brad)), token)
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    let ann: Contact = app
        .get_as(&format!("/v1/contacts/{}", id_of(&ann)), token)
        .await;
    assert_eq!(ann.referred_by_contact_id, None);
    let network: Network = app.get_as("/v1/network", token).await;
    assert_eq!(network.edges.len(), 1);
}

/// Ada Lovelace (target field "data engineering") with two contacts:
/// Brad Johnson, and Grace Hopper whom Brad referred.
async fn referral_pair(app: &TestApp, token: &str) -> (Value, Value) {
    app.patch_json(
        "/v1/me",
        token,
        &json!({"display_name": "Ada Lovelace", "target_field": "data engineering"}),
    )
    .await;
    let brad = app
        .contact(token, json!({"full_name": "Brad Johnson"}))
        .await;
    let grace = app
        .contact(
            token,
            json!({"full_name": "Grace Hopper", "referred_by_contact_id": brad["id"]}),
        )
        .await;
    (brad, grace)
}

#[actix_web::test]
async fn every_outreach_script_for_a_referred_contact_passes_the_outreach_check() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let (_brad, grace) = referral_pair(&app, token).await;
    let templates = rapport::contacts::scripts::OutreachTemplate::ALL;
    for template in templates {
        let name = serde_json::to_value(template).expect("a template name");
        let name = name.as_str().expect("a string");
        let script = app
            .get_json(
                &format!(
                    "/v1/contacts/{}/outreach-script?template={name}",
                    id_of(&grace)
                ),
                token,
            )
            .await;
        let checked = app
            .post_json(
                "/v1/outreach/check",
                Some(token),
                &json!({"message": script["text"], "referrer_name": "Brad Johnson"}),
            )
            .await;
        assert_eq!(checked.status(), StatusCode::OK);
        let checked: Value = checked.json().await.expect("json");
        assert_eq!(checked["verdict"], "good", "{name}: {checked}");
    }
}

#[actix_web::test]
async fn outreach_scripts_are_personalised_and_name_what_is_missing() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let (brad, grace) = referral_pair(&app, token).await;

    let phone = app
        .get_json(
            &format!(
                "/v1/contacts/{}/outreach-script?template=phone_referral",
                id_of(&grace)
            ),
            token,
        )
        .await;
    assert_eq!(phone["template"], "phone_referral");
    assert_eq!(phone["missing_placeholders"], json!([]));
    let text = phone["text"].as_str().expect("text");
    for part in [
        "Grace Hopper",
        "Ada Lovelace",
        "Brad Johnson suggested I speak with you",
        "data engineering",
        "15 minutes",
    ] {
        assert!(text.contains(part), "{part} in {text}");
    }

    let email = app
        .get_json(
            &format!(
                "/v1/contacts/{}/outreach-script?template=email_intro",
                id_of(&brad)
            ),
            token,
        )
        .await;
    assert_eq!(email["missing_placeholders"], json!(["referrer_name"]));
    let text = email["text"].as_str().expect("text");
    assert!(text.split_whitespace().count() < 75);
    assert!(text.contains("{referrer_name}"));

    problem(
        app.get(
            &format!("/v1/contacts/{}/outreach-script?template=fax", id_of(&brad)),
            token,
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
    problem(
        app.get(
            &format!("/v1/contacts/{}/outreach-script", id_of(&brad)),
            token,
        )
        .await,
        StatusCode::BAD_REQUEST,
    )
    .await;
}

#[actix_web::test]
async fn deleting_a_contact_honours_if_match() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let contact = app.contact(token, json!({"full_name": "Ann"})).await;
    let path = format!("/v1/contacts/{}", id_of(&contact));
    app.patch_json(&path, token, &json!({"notes": "v2"})).await;
    let stale = app
        .request(Method::DELETE, &path, Some(token))
        .header("if-match", "\"1\"")
        .send()
        .await
        .expect("sent");
    problem(stale, StatusCode::PRECONDITION_FAILED).await;
    let fresh = app
        .request(Method::DELETE, &path, Some(token))
        .header("if-match", "\"2\"")
        .send()
        .await
        .expect("sent");
    assert_eq!(fresh.status(), StatusCode::NO_CONTENT);
    problem(app.get(&path, token).await, StatusCode::NOT_FOUND).await;
    problem(app.delete(&path, token).await, StatusCode::NOT_FOUND).await;
    problem(
        app.get("/v1/contacts/not-a-uuid", token).await,
        StatusCode::NOT_FOUND,
    )
    .await;
}

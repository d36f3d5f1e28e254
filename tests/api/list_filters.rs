//! What every list takes (DESIGN §9): enum filters as a comma-separated
//! list or repeated keys alike, and `updated_after`.

use std::collections::BTreeSet;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestUser, id_of, typed_problem};

/// The ids a list answers for `query`.
async fn ids(
    app: &TestApp,
    user: &TestUser,
    path: &str,
    query: &[(&str, &str)],
) -> BTreeSet<String> {
    let response = app
        .request(reqwest::Method::GET, path, Some(&user.access_token))
        .query(query)
        .send()
        .await
        .expect("a response");
    assert_eq!(response.status(), StatusCode::OK, "{path} {query:?}");
    let page: Value = response.json().await.expect("a page");
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(id_of)
        .collect()
}

async fn status_of(
    app: &TestApp,
    user: &TestUser,
    path: &str,
    query: &[(&str, &str)],
) -> StatusCode {
    app.request(reqwest::Method::GET, path, Some(&user.access_token))
        .query(query)
        .send()
        .await
        .expect("a response")
        .status()
}

#[actix_web::test]
async fn an_enum_filter_takes_a_comma_list_and_repeated_keys_alike() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let contact = id_of(&app.contact(token, json!({"full_name": "Grace"})).await);
    let mut by_status = Vec::new();
    for action in [
        None,
        Some(("request", json!({"channel": "email"}))),
        Some(("cancel", json!({}))),
    ] {
        let interview = id_of(
            &app.create("/v1/interviews", token, json!({"contact_id": contact}))
                .await,
        );
        if let Some((action, body)) = action {
            let answer = app
                .post_json(
                    &format!("/v1/interviews/{interview}/{action}"),
                    Some(token),
                    &body,
                )
                .await;
            assert_eq!(answer.status(), StatusCode::OK);
        }
        by_status.push(interview);
    }
    let (planned, requested, cancelled) = (&by_status[0], &by_status[1], &by_status[2]);
    let both = BTreeSet::from([planned.clone(), requested.clone()]);
    let path = "/v1/interviews";
    assert_eq!(
        ids(&app, &ada, path, &[("status", "planned,requested")]).await,
        both
    );
    assert_eq!(
        ids(
            &app,
            &ada,
            path,
            &[("status", "planned"), ("status", "requested")]
        )
        .await,
        both
    );
    assert_eq!(
        ids(&app, &ada, path, &[("status", "cancelled")]).await,
        BTreeSet::from([cancelled.clone()])
    );
    for bad in ["planned,", "unheard_of", "planned,unheard_of", ""] {
        assert_eq!(
            status_of(&app, &ada, path, &[("status", bad)]).await,
            StatusCode::BAD_REQUEST,
            "{bad:?}"
        );
    }
    // A filter that is not a list still takes one value.
    assert_eq!(
        status_of(
            &app,
            &ada,
            path,
            &[("contact_id", &contact), ("contact_id", &contact)]
        )
        .await,
        StatusCode::BAD_REQUEST
    );

    // The same on the other lists with enum filters.
    let on_hold = id_of(
        &app.employer(token, json!({"name": "Northwind", "status": "on_hold"}))
            .await,
    );
    let active = id_of(
        &app.employer(token, json!({"name": "Contoso", "status": "active"}))
            .await,
    );
    app.employer(token, json!({"name": "Fabrikam", "status": "ruled_out"}))
        .await;
    assert_eq!(
        ids(&app, &ada, "/v1/employers", &[("status", "on_hold,active")]).await,
        BTreeSet::from([on_hold, active])
    );
    let referral = id_of(
        &app.contact(token, json!({"full_name": "Alan", "source": "referral"}))
            .await,
    );
    let event = id_of(
        &app.contact(token, json!({"full_name": "Ada", "source": "event"}))
            .await,
    );
    assert_eq!(
        ids(
            &app,
            &ada,
            "/v1/contacts",
            &[("source", "referral"), ("source", "event")]
        )
        .await,
        BTreeSet::from([referral, event])
    );
    // Grace has been asked (awaiting); Alan and Ada never (unknown).
    assert_eq!(
        ids(
            &app,
            &ada,
            "/v1/contacts",
            &[("segment", "awaiting,booster")]
        )
        .await,
        BTreeSet::from([contact.clone()])
    );
    let library = ids(&app, &ada, "/v1/question-sets", &[("scope", "library")]).await;
    let mine = id_of(
        &app.create(
            "/v1/question-sets",
            token,
            json!({"title": "Mine", "questions": []}),
        )
        .await,
    );
    let both = ids(
        &app,
        &ada,
        "/v1/question-sets",
        &[("scope", "library,mine"), ("limit", "100")],
    )
    .await;
    assert!(both.contains(&mine) && library.is_subset(&both));
    // The request made follow-up reminders; two more are made by hand.
    let mut by_hand = BTreeSet::new();
    for kind in ["custom", "reconnect"] {
        by_hand.insert(id_of(
            &app.create(
                "/v1/reminders",
                token,
                json!({"title": kind, "kind": kind, "due_at": "2030-01-01T09:00:00Z"}),
            )
            .await,
        ));
    }
    assert_eq!(
        ids(
            &app,
            &ada,
            "/v1/reminders",
            &[("kind", "custom,reconnect"), ("limit", "100")]
        )
        .await,
        by_hand
    );
    let all = ids(&app, &ada, "/v1/reminders", &[("limit", "100")]).await;
    assert!(all.len() > by_hand.len());
    assert_eq!(
        status_of(&app, &ada, "/v1/reminders", &[("status", "pending,later")]).await,
        StatusCode::BAD_REQUEST
    );
}

#[actix_web::test]
async fn every_list_takes_updated_after_strictly() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let first_contact = app.contact(token, json!({"full_name": "Grace"})).await;
    let lists: Vec<(&str, Value, Value)> = vec![
        (
            "/v1/contacts",
            first_contact.clone(),
            app.contact(token, json!({"full_name": "Alan"})).await,
        ),
        (
            "/v1/employers",
            app.employer(token, json!({"name": "Northwind"})).await,
            app.employer(token, json!({"name": "Contoso"})).await,
        ),
        (
            "/v1/interviews",
            app.create(
                "/v1/interviews",
                token,
                json!({"contact_id": first_contact["id"]}),
            )
            .await,
            app.create(
                "/v1/interviews",
                token,
                json!({"contact_id": first_contact["id"]}),
            )
            .await,
        ),
        (
            "/v1/reminders",
            app.create(
                "/v1/reminders",
                token,
                json!({"title": "One", "due_at": "2030-01-01T09:00:00Z"}),
            )
            .await,
            app.create(
                "/v1/reminders",
                token,
                json!({"title": "Two", "due_at": "2030-01-02T09:00:00Z"}),
            )
            .await,
        ),
        (
            "/v1/question-sets",
            app.create(
                "/v1/question-sets",
                token,
                json!({"title": "One", "questions": []}),
            )
            .await,
            app.create(
                "/v1/question-sets",
                token,
                json!({"title": "Two", "questions": []}),
            )
            .await,
        ),
    ];
    for (path, earlier, later) in &lists {
        let at = earlier["updated_at"].as_str().expect("updated_at");
        assert_eq!(
            ids(&app, &ada, path, &[("updated_after", at)]).await,
            BTreeSet::from([id_of(later)]),
            "{path}"
        );
        assert_eq!(
            status_of(&app, &ada, path, &[("updated_after", "yesterday")]).await,
            StatusCode::BAD_REQUEST
        );
    }
    // An edit moves a resource past the mark again.
    let at = lists[0].2["updated_at"]
        .as_str()
        .expect("updated_at")
        .to_owned();
    let edited = app
        .patch_json(
            &format!("/v1/contacts/{}", id_of(&first_contact)),
            token,
            &json!({"notes": "again"}),
        )
        .await;
    assert_eq!(edited.status(), StatusCode::OK);
    assert_eq!(
        ids(&app, &ada, "/v1/contacts", &[("updated_after", &at)]).await,
        BTreeSet::from([id_of(&first_contact)])
    );
}

#[actix_web::test]
async fn whole_lists_and_the_other_pages_take_updated_after_too() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let grace = app.contact(token, json!({"full_name": "Grace"})).await;
    let interview = id_of(
        &app.create("/v1/interviews", token, json!({"contact_id": grace["id"]}))
            .await,
    );
    let items = format!("/v1/interviews/{interview}/action-items");
    let first_item = app.create(&items, token, json!({"text": "One"})).await;
    let second_item = app.create(&items, token, json!({"text": "Two"})).await;
    let first_hook = &app
        .create(
            "/v1/webhooks",
            token,
            json!({"url": "http://127.0.0.1:9/one", "events": ["reminder.due"]}),
        )
        .await;
    let second_hook = app
        .create(
            "/v1/webhooks",
            token,
            json!({"url": "http://127.0.0.1:9/two", "events": ["reminder.due"]}),
        )
        .await;
    let first_referral = app
        .contact(
            token,
            json!({"full_name": "Alan", "referred_by_contact_id": grace["id"]}),
        )
        .await;
    let second_referral = app
        .contact(
            token,
            json!({"full_name": "Ada", "referred_by_contact_id": grace["id"]}),
        )
        .await;
    let first_due = app
        .create(
            "/v1/reminders",
            token,
            json!({"title": "One", "due_at": "2020-01-01T09:00:00Z"}),
        )
        .await;
    let second_due = app
        .create(
            "/v1/reminders",
            token,
            json!({"title": "Two", "due_at": "2020-01-02T09:00:00Z"}),
        )
        .await;
    let referrals = format!("/v1/contacts/{}/referrals", id_of(&grace));
    for (path, earlier, later) in [
        (items.as_str(), &first_item, id_of(&second_item)),
        (referrals.as_str(), &first_referral, id_of(&second_referral)),
        ("/v1/reminders/due", &first_due, id_of(&second_due)),
    ] {
        let at = earlier["updated_at"].as_str().expect("updated_at");
        assert_eq!(
            ids(&app, &ada, path, &[("updated_after", at)]).await,
            BTreeSet::from([later]),
            "{path}"
        );
    }
    // Webhooks do not show `updated_at`; a time between the two does.
    let between = first_hook["created_at"].as_str().expect("created_at");
    assert_eq!(
        ids(&app, &ada, "/v1/webhooks", &[("updated_after", between)]).await,
        BTreeSet::from([id_of(&second_hook)])
    );
    let later = "2100-01-01T00:00:00Z";
    assert_eq!(
        ids(&app, &ada, "/v1/webhooks", &[("updated_after", later)]).await,
        BTreeSet::new()
    );
    let deliveries = format!("/v1/webhooks/{}/deliveries", id_of(first_hook));
    let pinged = app
        .post_json(
            &format!("/v1/webhooks/{}/ping", id_of(first_hook)),
            Some(token),
            &json!({}),
        )
        .await;
    assert!(pinged.status().is_success(), "{}", pinged.status());
    assert_eq!(
        ids(&app, &ada, &deliveries, &[("updated_after", between)])
            .await
            .len(),
        1
    );
    assert!(
        ids(&app, &ada, &deliveries, &[("updated_after", later)])
            .await
            .is_empty()
    );
    assert_eq!(
        status_of(&app, &ada, &items, &[("updated_after", "soon")]).await,
        StatusCode::BAD_REQUEST
    );
}

#[actix_web::test]
async fn a_parameter_without_a_value_is_a_400_except_a_text_filter() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let grace = id_of(
        &app.contact(&ada.access_token, json!({"full_name": "Grace"}))
            .await,
    );
    for query in [
        "/v1/contacts?updated_after=",
        "/v1/contacts?segment=",
        "/v1/contacts?expand",
        "/v1/contacts/export?format=",
        "/v1/interviews?status=requested&status=",
        "/v1/reminders/due?limit=",
        "/v1/sync?since=",
        &format!("/v1/contacts/{grace}?expand="),
    ] {
        let answer = app.get(query, &ada.access_token).await;
        let problem = typed_problem(answer, StatusCode::BAD_REQUEST).await;
        assert!(
            problem.detail.contains("has no value"),
            "{query}: {}",
            problem.detail
        );
    }
    // An emptied search box or tag filter asks for no filter, an empty
    // cursor for the first page.
    let all = ids(
        &app,
        &ada,
        "/v1/contacts",
        &[("q", ""), ("tag", ""), ("company", ""), ("cursor", "")],
    )
    .await;
    assert_eq!(all, BTreeSet::from([grace]));
}

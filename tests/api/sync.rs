//! `GET /v1/sync` (DESIGN §9): the whole state first, then every change
//! once, cascades and derived fields included, and none skipped however
//! transactions interleave.

use std::collections::{BTreeMap, BTreeSet};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{Duration, Utc};
use diesel_async::{RunQueryDsl, SimpleAsyncConnection};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::sync::{catch_up, page, read_back};
use crate::helpers::{TestApp, TestUser, id_of, typed_problem};

/// `(resource, id) → op` of a list of changes.
fn listed(changes: &[Value]) -> BTreeMap<(String, String), String> {
    changes
        .iter()
        .map(|change| {
            let key = (
                change["resource"].as_str().expect("resource").to_owned(),
                change["id"].as_str().expect("id").to_owned(),
            );
            (key, change["op"].as_str().expect("op").to_owned())
        })
        .collect()
}

/// Ada's account with one of everything, linked the way a user links them.
struct History {
    employer: String,
    contact: String,
    interview: String,
    set: String,
}

async fn history(app: &TestApp, user: &TestUser) -> History {
    let token = &user.access_token;
    let employer = id_of(&app.employer(token, json!({"name": "Northwind"})).await);
    let contact = id_of(
        &app.contact(
            token,
            json!({"full_name": "Grace", "employer_id": employer}),
        )
        .await,
    );
    let interview = id_of(
        &app.create("/v1/interviews", token, json!({"contact_id": contact}))
            .await,
    );
    let set = id_of(
        &app.create(
            "/v1/question-sets",
            token,
            json!({"title": "Mine", "questions": [
                {"text": "How did you start?", "category": "career_path"},
                {"text": "What does a day look like?", "category": "day_to_day"}]}),
        )
        .await,
    );
    let attached = app
        .post_json(
            &format!("/v1/interviews/{interview}/question-set"),
            Some(token),
            &json!({"question_set_id": set}),
        )
        .await;
    assert_eq!(attached.status(), StatusCode::OK);
    app.create(
        &format!("/v1/interviews/{interview}/action-items"),
        token,
        json!({"text": "Send the article", "due_at": "2030-01-01T09:00:00Z"}),
    )
    .await;
    app.create(
        "/v1/reminders",
        token,
        json!({"title": "Call back", "due_at": "2030-01-01T09:00:00Z", "contact_id": contact}),
    )
    .await;
    app.create(
        "/v1/webhooks",
        token,
        json!({"url": "http://127.0.0.1:9/hook", "events": ["reminder.due"]}),
    )
    .await;
    History {
        employer,
        contact,
        interview,
        set,
    }
}

#[actix_web::test]
async fn the_first_sync_is_the_whole_state_as_each_get_answers_it() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    history(&app, &ada).await;
    let bobs = id_of(
        &app.contact(&bob.access_token, json!({"full_name": "Bob's"}))
            .await,
    );

    let (changes, token) = catch_up(&app, &ada, None).await;
    let kinds: BTreeSet<&str> = changes
        .iter()
        .map(|change| change["resource"].as_str().expect("resource"))
        .collect();
    assert_eq!(
        kinds,
        BTreeSet::from([
            "user",
            "contact",
            "employer",
            "interview",
            "interview_question",
            "action_item",
            "question_set",
            "reminder",
            "webhook"
        ])
    );
    assert_eq!(listed(&changes).len(), changes.len(), "each resource once");
    // In small pages too: a row that a later one supersedes is not listed,
    // compacted or not.
    let mut paged = Vec::new();
    let mut since: Option<String> = None;
    for _ in 0..100 {
        let body = page(&app, &ada, since.as_deref(), Some(3)).await;
        paged.extend(body["changes"].as_array().expect("changes").iter().cloned());
        since = Some(body["next_token"].as_str().expect("a token").to_owned());
        if body["has_more"] == false {
            break;
        }
    }
    assert_eq!(listed(&paged), listed(&changes));
    assert_eq!(
        paged.len(),
        changes.len(),
        "each resource once across pages"
    );
    for change in &changes {
        assert_eq!(change["op"], "upsert");
        assert_eq!(
            change["data"],
            read_back(&app, &ada, change).await,
            "{change}"
        );
    }
    // Neither another user's rows nor the library's sets.
    assert!(changes.iter().all(|change| change["id"] != bobs.as_str()));
    assert!(
        changes
            .iter()
            .all(|change| change["data"]["builtin"] != true)
    );
    let user = changes
        .iter()
        .find(|change| change["resource"] == "user")
        .expect("the account");
    assert_eq!(user["id"], ada.id.as_str());

    // Nothing changed since: nothing listed, and the token moves on.
    let quiet = page(&app, &ada, Some(&token), None).await;
    assert_eq!(quiet["changes"], json!([]));
    assert_eq!(quiet["has_more"], false);
}

#[actix_web::test]
async fn edits_cascades_and_derived_fields_are_changes() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let made = history(&app, &ada).await;
    let (_, start) = catch_up(&app, &ada, None).await;

    // An edit lists the resource, and nothing else.
    let renamed = app
        .patch_json(
            &format!("/v1/contacts/{}", made.contact),
            token,
            &json!({"job_title": "Staff engineer"}),
        )
        .await;
    assert_eq!(renamed.status(), StatusCode::OK);
    let (changes, after_edit) = catch_up(&app, &ada, Some(&start)).await;
    assert_eq!(
        listed(&changes),
        BTreeMap::from([(
            ("contact".to_owned(), made.contact.clone()),
            "upsert".to_owned()
        )])
    );
    assert_eq!(changes[0]["data"]["job_title"], "Staff engineer");

    // A contact added to an employer moves its `contact_count`.
    let second = id_of(
        &app.contact(
            token,
            json!({"full_name": "Alan", "employer_id": made.employer}),
        )
        .await,
    );
    let (changes, after_add) = catch_up(&app, &ada, Some(&after_edit)).await;
    let employer = changes
        .iter()
        .find(|change| change["resource"] == "employer")
        .expect("the employer is listed");
    assert_eq!(employer["data"]["contact_count"], 2);
    assert!(listed(&changes).contains_key(&("contact".to_owned(), second.clone())));

    // Deleting the employer clears its contacts' link: each is an upsert.
    let deleted = app
        .delete(&format!("/v1/employers/{}", made.employer), token)
        .await;
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    let (changes, after_employer) = catch_up(&app, &ada, Some(&after_add)).await;
    let ops = listed(&changes);
    assert_eq!(
        ops[&("employer".to_owned(), made.employer.clone())],
        "delete"
    );
    for contact in [&made.contact, &second] {
        assert_eq!(ops[&("contact".to_owned(), contact.clone())], "upsert");
    }
    for change in changes
        .iter()
        .filter(|change| change["resource"] == "contact")
    {
        assert_eq!(change["data"]["employer_id"], Value::Null);
    }
    let gone = changes
        .iter()
        .find(|change| change["resource"] == "employer")
        .expect("the employer");
    assert_eq!(gone["data"], Value::Null);

    // Two scheduled interviews that overlap both gain the warning.
    let start_at = (Utc::now() + Duration::days(2)).to_rfc3339();
    let schedule = |interview: String| {
        let start_at = start_at.clone();
        let app = &app;
        async move {
            let answer = app
                .post_json(
                    &format!("/v1/interviews/{interview}/schedule"),
                    Some(token),
                    &json!({"scheduled_start": start_at}),
                )
                .await;
            assert_eq!(answer.status(), StatusCode::OK);
        }
    };
    schedule(made.interview.clone()).await;
    let (_, before_overlap) = catch_up(&app, &ada, Some(&after_employer)).await;
    let other = id_of(
        &app.create("/v1/interviews", token, json!({"contact_id": second}))
            .await,
    );
    schedule(other.clone()).await;
    let (changes, after_overlap) = catch_up(&app, &ada, Some(&before_overlap)).await;
    let first = changes
        .iter()
        .find(|change| change["id"] == made.interview.as_str())
        .expect("the interview scheduled first is listed");
    let codes: Vec<&Value> = first["data"]["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .map(|warning| &warning["code"])
        .collect();
    assert!(codes.contains(&&json!("overlap")), "{codes:?}");

    // Deleting an interview deletes its questions and action items.
    let questions = app
        .get_json(
            &format!("/v1/interviews/{}/questions", made.interview),
            token,
        )
        .await;
    let question_ids: Vec<String> = questions["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(id_of)
        .collect();
    assert_eq!(question_ids.len(), 2);
    let deleted = app
        .delete(&format!("/v1/interviews/{}", made.interview), token)
        .await;
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    let (changes, after_delete) = catch_up(&app, &ada, Some(&after_overlap)).await;
    let ops = listed(&changes);
    assert_eq!(
        ops[&("interview".to_owned(), made.interview.clone())],
        "delete"
    );
    for question in &question_ids {
        assert_eq!(
            ops[&("interview_question".to_owned(), question.clone())],
            "delete"
        );
    }
    assert!(
        changes
            .iter()
            .any(|change| change["resource"] == "action_item" && change["op"] == "delete")
    );
    // The other interview no longer overlaps anything.
    let other_now = changes
        .iter()
        .find(|change| change["id"] == other.as_str())
        .expect("the other interview is listed");
    assert_eq!(other_now["data"]["warnings"], json!([]));

    // A question of one's own set moves the set.
    let added = app
        .post_json(
            &format!("/v1/question-sets/{}/questions", made.set),
            Some(token),
            &json!({"text": "Who else should I talk to?", "category": "referrals"}),
        )
        .await;
    assert!(added.status().is_success());
    let (changes, _) = catch_up(&app, &ada, Some(&after_delete)).await;
    let set = changes
        .iter()
        .find(|change| change["resource"] == "question_set")
        .expect("the set is listed");
    assert_eq!(set["data"]["questions"].as_array().map(Vec::len), Some(3));
}

#[actix_web::test]
async fn pages_follow_each_other_and_a_change_mid_way_comes_in_the_next_round() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let mut made = BTreeSet::new();
    for number in 0..25 {
        made.insert(id_of(
            &app.contact(token, json!({"full_name": format!("Contact {number}")}))
                .await,
        ));
    }

    let first = page(&app, &ada, None, Some(10)).await;
    assert_eq!(first["changes"].as_array().map(Vec::len), Some(10));
    assert_eq!(first["has_more"], true);
    let sent: Vec<String> = first["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .filter(|change| change["resource"] == "contact")
        .map(|change| change["id"].as_str().expect("id").to_owned())
        .collect();
    // A contact the client already has changes while it pages on.
    let edited = app
        .patch_json(
            &format!("/v1/contacts/{}", sent[0]),
            token,
            &json!({"notes": "met at the meetup"}),
        )
        .await;
    assert_eq!(edited.status(), StatusCode::OK);
    let mut seen: Vec<String> = first["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .map(|change| change["id"].as_str().expect("id").to_owned())
        .collect();
    let mut since = first["next_token"].as_str().expect("token").to_owned();
    let mut rounds = Vec::new();
    for _ in 0..10 {
        let next = page(&app, &ada, Some(&since), Some(10)).await;
        let changes = next["changes"].as_array().expect("changes").clone();
        rounds.push(changes.clone());
        since = next["next_token"].as_str().expect("token").to_owned();
        seen.extend(
            changes
                .iter()
                .map(|change| change["id"].as_str().expect("id").to_owned()),
        );
        if next["has_more"] == false && changes.is_empty() {
            break;
        }
    }
    // Every contact and the account, the edited one again with its notes.
    let distinct: BTreeSet<&String> = seen.iter().collect();
    assert_eq!(distinct.len(), 26);
    assert!(made.iter().all(|id| distinct.contains(id)));
    let again: Vec<&Value> = rounds
        .iter()
        .flatten()
        .filter(|change| change["id"] == sent[0].as_str())
        .collect();
    assert_eq!(again.len(), 1, "the edit is listed once more");
    assert_eq!(again[0]["data"]["notes"], "met at the meetup");
}

#[actix_web::test]
async fn a_transaction_that_commits_after_a_later_one_is_not_skipped() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let late = id_of(
        &app.contact(&ada.access_token, json!({"full_name": "Late"}))
            .await,
    );
    let (_, start) = catch_up(&app, &ada, None).await;

    // A write begins and holds its transaction open…
    let mut slow = app.database.connection().await;
    slow.batch_execute("BEGIN").await.expect("begin");
    diesel::sql_query("UPDATE contacts SET notes = 'written late' WHERE id = $1::uuid")
        .bind::<diesel::sql_types::Text, _>(&late)
        .execute(&mut slow)
        .await
        .expect("the slow update");
    // …while another commits and a client syncs.
    let early = id_of(
        &app.contact(&ada.access_token, json!({"full_name": "Early"}))
            .await,
    );
    let (changes, after_early) = catch_up(&app, &ada, Some(&start)).await;
    let ops = listed(&changes);
    assert!(ops.contains_key(&("contact".to_owned(), early)));
    assert!(!ops.contains_key(&("contact".to_owned(), late.clone())));

    slow.batch_execute("COMMIT").await.expect("commit");
    let (changes, _) = catch_up(&app, &ada, Some(&after_early)).await;
    assert_eq!(
        listed(&changes),
        BTreeMap::from([(("contact".to_owned(), late), "upsert".to_owned())])
    );
    assert_eq!(changes[0]["data"]["notes"], "written late");
}

/// The token with its base dated `days_ago`.
fn dated(token: &str, days_ago: i64) -> String {
    let mut body: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(token).expect("base64")).expect("json");
    body["b"]["t"] = json!((Utc::now() - Duration::days(days_ago)).timestamp());
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(&body).expect("json"))
}

#[actix_web::test]
async fn tokens_are_bound_to_their_account_and_expire_with_the_deletions_kept() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    let (_, token) = catch_up(&app, &ada, None).await;

    let ask = |user: &TestUser, query: Vec<(&'static str, String)>| {
        app.request(reqwest::Method::GET, "/v1/sync", Some(&user.access_token))
            .query(&query)
            .send()
    };
    let stolen = ask(&bob, vec![("since", token.clone())])
        .await
        .expect("answer");
    let problem = typed_problem(stolen, StatusCode::BAD_REQUEST).await;
    assert_eq!(problem.code, "validation_failed");
    assert_eq!(problem.errors.expect("errors")[0].field, "since");
    for garbage in ["not-a-token", "e30", &URL_SAFE_NO_PAD.encode(b"{\"a\":1}")] {
        let answer = ask(&ada, vec![("since", garbage.to_owned())])
            .await
            .expect("answer");
        let problem = typed_problem(answer, StatusCode::BAD_REQUEST).await;
        assert_eq!(problem.code, "validation_failed", "{garbage}");
    }
    for limit in ["0", "1001", "many"] {
        let answer = ask(&ada, vec![("limit", limit.to_owned())])
            .await
            .expect("answer");
        assert_eq!(answer.status(), StatusCode::BAD_REQUEST, "{limit}");
    }
    // A snapshot this service did not write never reaches the database.
    let mut forged: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(&token).expect("base64")).expect("json");
    forged["b"]["s"] = json!("1:1:1); DROP TABLE contacts; --");
    let forged = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&forged).expect("json"));
    let answer = ask(&ada, vec![("since", forged)]).await.expect("answer");
    assert_eq!(answer.status(), StatusCode::BAD_REQUEST);

    let month_old = ask(&ada, vec![("since", dated(&token, 29))])
        .await
        .expect("answer");
    assert_eq!(month_old.status(), StatusCode::OK);
    let expired = ask(&ada, vec![("since", dated(&token, 31))])
        .await
        .expect("answer");
    let problem = typed_problem(expired, StatusCode::GONE).await;
    assert_eq!(problem.code, "sync_token_expired");
}

#[actix_web::test]
async fn time_passing_a_mark_is_a_change_within_one_dispatcher_round() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let contact = id_of(&app.contact(token, json!({"full_name": "Grace"})).await);
    let interview = id_of(
        &app.create("/v1/interviews", token, json!({"contact_id": contact}))
            .await,
    );
    let path = format!("/v1/interviews/{interview}");
    for (action, body) in [
        (
            "schedule",
            json!({"scheduled_start": (Utc::now() - Duration::days(2)).to_rfc3339()}),
        ),
        (
            "complete",
            json!({"completed_at": (Utc::now() - Duration::minutes(24 * 60 - 1)).to_rfc3339()}),
        ),
    ] {
        let answer = app
            .post_json(&format!("{path}/{action}"), Some(token), &body)
            .await;
        assert_eq!(answer.status(), StatusCode::OK, "{action}");
    }
    // Another contact was asked long ago and is still within its marks as
    // the log saw it last; its 7-business-day mark passes a minute ago.
    let waiting = id_of(&app.contact(token, json!({"full_name": "Alan"})).await);
    app.database
        .run_statement(&format!(
            "UPDATE contacts SET segment_requested_at = now() - interval '10 days', \
             segment_mark3_at = now() - interval '6 days', segment_mark7_at = now() + interval '2 minutes' \
             WHERE id = '{waiting}'"
        ))
        .await;
    let (_, before) = catch_up(&app, &ada, None).await;
    // Time passes, which no write records: the marks move behind the
    // clock, and the job last looked an hour ago.
    let mut connection = app.database.connection().await;
    connection
        .batch_execute(&format!(
            "ALTER TABLE contacts DISABLE TRIGGER contacts_sync; \
             UPDATE contacts SET segment_mark7_at = now() - interval '1 minute' WHERE id = '{waiting}'; \
             ALTER TABLE contacts ENABLE TRIGGER contacts_sync; \
             ALTER TABLE interviews DISABLE TRIGGER interviews_sync; \
             UPDATE interviews SET completed_at = now() - interval '24 hours 30 minutes' \
                 WHERE id = '{interview}'; \
             ALTER TABLE interviews ENABLE TRIGGER interviews_sync; \
             UPDATE sync_progress SET time_marks_until = now() - interval '1 hour'"
        ))
        .await
        .expect("time passes");
    let quiet = page(&app, &ada, Some(&before), None).await;
    assert_eq!(quiet["changes"], json!([]), "nothing was written");

    let recorded = rapport::sync::jobs::record_time_marks(&app.state.pool)
        .await
        .expect("the job runs");
    assert_eq!(recorded, 2);
    let (changes, _) = catch_up(&app, &ada, Some(&before)).await;
    let by_id: BTreeMap<&str, &Value> = changes
        .iter()
        .map(|change| (change["id"].as_str().expect("id"), change))
        .collect();
    assert_eq!(by_id[waiting.as_str()]["data"]["segment"], "curmudgeon");
    let warnings = &by_id[interview.as_str()]["data"]["warnings"];
    assert!(
        warnings
            .as_array()
            .expect("warnings")
            .iter()
            .any(|warning| warning["code"] == "thank_you_overdue"),
        "{warnings}"
    );
    // Each mark is recorded once.
    let again = rapport::sync::jobs::record_time_marks(&app.state.pool)
        .await
        .expect("the job runs");
    assert_eq!(again, 0);
}

/// How many rows of the log name `id`.
async fn rows_of(app: &TestApp, id: &str) -> i64 {
    app.database
        .count(&format!(
            "SELECT count(*) AS count FROM sync_changes WHERE id = '{id}'"
        ))
        .await
}

#[actix_web::test]
async fn compaction_keeps_what_every_token_needs() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let contact = id_of(&app.contact(token, json!({"full_name": "Grace"})).await);
    let (_, old) = catch_up(&app, &ada, None).await;
    for number in 0..5 {
        let edited = app
            .patch_json(
                &format!("/v1/contacts/{contact}"),
                token,
                &json!({"notes": format!("draft {number}")}),
            )
            .await;
        assert_eq!(edited.status(), StatusCode::OK);
    }
    assert_eq!(rows_of(&app, &contact).await, 6);
    // A run knows which rows committed before it; the next one drops them
    // once a row of the same resource has committed since.
    rapport::sync::jobs::compact(&app.state.pool)
        .await
        .expect("compaction runs");
    let last = app
        .patch_json(
            &format!("/v1/contacts/{contact}"),
            token,
            &json!({"notes": "edit 4"}),
        )
        .await;
    assert_eq!(last.status(), StatusCode::OK);
    let dropped = rapport::sync::jobs::compact(&app.state.pool)
        .await
        .expect("compaction runs");
    assert!(dropped >= 6, "{dropped}");
    assert_eq!(rows_of(&app, &contact).await, 1);

    let (changes, _) = catch_up(&app, &ada, Some(&old)).await;
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0]["data"]["notes"], "edit 4");
    let (whole, _) = catch_up(&app, &ada, None).await;
    assert_eq!(listed(&whole).len(), 2, "the account and the contact");

    // A deletion older than the history kept is purged with its resource.
    let deleted = app.delete(&format!("/v1/contacts/{contact}"), token).await;
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    app.database
        .run_statement(&format!(
            "UPDATE sync_changes SET changed_at = now() - interval '31 days' WHERE id = '{contact}'"
        ))
        .await;
    rapport::sync::jobs::compact(&app.state.pool)
        .await
        .expect("compaction runs");
    assert_eq!(rows_of(&app, &contact).await, 0);
}

#[actix_web::test]
async fn a_page_stops_near_four_mebibytes() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let notes = "n".repeat(20_000);
    for number in 0..240 {
        app.contact(
            &ada.access_token,
            json!({"full_name": format!("Contact {number}"), "notes": notes}),
        )
        .await;
    }
    let response = app
        .request(
            reqwest::Method::GET,
            "/v1/sync?limit=1000",
            Some(&ada.access_token),
        )
        .send()
        .await
        .expect("a response");
    assert_eq!(response.status(), StatusCode::OK);
    let bytes = response.bytes().await.expect("a body");
    assert!(
        bytes.len() <= rapport::sync::service::PAGE_BYTES + 1024,
        "{}",
        bytes.len()
    );
    let first: Value = serde_json::from_slice(&bytes).expect("json");
    let count = first["changes"].as_array().map_or(0, Vec::len);
    assert!((150..241).contains(&count), "{count}");
    assert_eq!(first["has_more"], true);
    let (rest, _) = catch_up(&app, &ada, first["next_token"].as_str()).await;
    assert_eq!(count + rest.len(), 241);
}

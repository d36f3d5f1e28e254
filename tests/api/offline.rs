//! What a client that works offline relies on (DESIGN §9): ids it chose
//! itself, retries that run nothing twice, stale writes refused, and its
//! clock a little fast.

use chrono::{Duration, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::sync::{Device, read_back};
use crate::helpers::{TestApp, id_of, invalid_fields, typed_problem};

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

async fn post_with_key(
    app: &TestApp,
    path: &str,
    token: &str,
    key: &str,
    body: &serde_json::Value,
) -> reqwest::Response {
    app.request(reqwest::Method::POST, path, Some(token))
        .header("idempotency-key", key)
        .json(body)
        .send()
        .await
        .expect("sent")
}

#[actix_web::test]
async fn a_retry_with_the_same_key_gets_the_first_answer_and_creates_nothing() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let body = json!({"full_name": "Alan Turing"});
    let first = post_with_key(&app, "/v1/contacts", token, "create-alan-1", &body).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    assert!(first.headers().get("idempotent-replayed").is_none());
    let location = first.headers()["location"].clone();
    let first_body: serde_json::Value = first.json().await.expect("json");

    // Quoted as an RFC 8941 string, it is the same key.
    let again = post_with_key(&app, "/v1/contacts", token, "\"create-alan-1\"", &body).await;
    assert_eq!(again.status(), StatusCode::CREATED);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(again.headers()["location"], location);
    let again_body: serde_json::Value = again.json().await.expect("json");
    assert_eq!(again_body, first_body);
    let page = app.get_json("/v1/contacts", token).await;
    assert_eq!(page["items"].as_array().expect("items").len(), 1);

    // Another user's key of the same name is another key.
    let bob = app.user("bob").await;
    let bobs = post_with_key(
        &app,
        "/v1/contacts",
        &bob.access_token,
        "create-alan-1",
        &body,
    )
    .await;
    assert!(bobs.headers().get("idempotent-replayed").is_none());
}

#[actix_web::test]
async fn a_key_used_with_another_request_is_a_422_and_a_malformed_one_a_400() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    post_with_key(
        &app,
        "/v1/contacts",
        token,
        "k1",
        &json!({"full_name": "Alan"}),
    )
    .await;
    let other = post_with_key(
        &app,
        "/v1/contacts",
        token,
        "k1",
        &json!({"full_name": "Grace"}),
    )
    .await;
    let problem = typed_problem(other, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(problem.code, "idempotency_key_reused");
    assert_eq!(problem.errors.expect("errors")[0].field, "Idempotency-Key");
    for key in ["", "with space", &"k".repeat(256), "naïve"] {
        let malformed = app
            .request(reqwest::Method::POST, "/v1/contacts", Some(token))
            .header("idempotency-key", key.as_bytes())
            .json(&json!({"full_name": "Alan"}))
            .send()
            .await
            .expect("sent");
        assert_eq!(malformed.status(), StatusCode::BAD_REQUEST, "{key:?}");
    }
}

#[actix_web::test]
async fn a_refusal_of_the_caller_is_not_kept_but_a_validation_answer_is() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let invalid = post_with_key(&app, "/v1/contacts", token, "v1", &json!({"full_name": ""})).await;
    assert_eq!(invalid.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let replayed =
        post_with_key(&app, "/v1/contacts", token, "v1", &json!({"full_name": ""})).await;
    assert_eq!(replayed.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(replayed.headers()["idempotent-replayed"], "true");

    // A contact that is not there yet: the 404 is kept, so a retry after it
    // was made still answers 404 (the key named that attempt).
    let archive = format!("/v1/contacts/{CONTACT_ID}/archive");
    let missing = post_with_key(&app, &archive, token, "a1", &json!({})).await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    app.contact(token, json!({"id": CONTACT_ID, "full_name": "Alan"}))
        .await;
    let kept = post_with_key(&app, &archive, token, "a1", &json!({})).await;
    assert_eq!(kept.status(), StatusCode::NOT_FOUND);
    let fresh = post_with_key(&app, &archive, token, "a2", &json!({})).await;
    assert_eq!(fresh.status(), StatusCode::OK);

    // A token that is refused claims nothing.
    let refused = post_with_key(
        &app,
        "/v1/contacts",
        "not-a-token",
        "r1",
        &json!({"full_name": "A"}),
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    let later = post_with_key(
        &app,
        "/v1/contacts",
        token,
        "r1",
        &json!({"full_name": "A"}),
    )
    .await;
    assert_eq!(later.status(), StatusCode::CREATED);
    assert!(later.headers().get("idempotent-replayed").is_none());
}

#[actix_web::test]
async fn a_key_in_use_is_a_409_until_its_claim_lapses_and_is_taken_over() {
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    use rapport::schema::idempotency_keys;

    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let user_id: uuid::Uuid = ada.id.parse().expect("uuid");
    let mut connection = app.state.pool.get().await.expect("a connection");
    // A request with this key runs on another replica.
    diesel::insert_into(idempotency_keys::table)
        .values((
            idempotency_keys::user_id.eq(user_id),
            idempotency_keys::key.eq("busy"),
            idempotency_keys::fingerprint.eq(vec![0u8; 32]),
            idempotency_keys::claimed_until.eq(chrono::Utc::now() + chrono::Duration::seconds(30)),
        ))
        .execute(&mut connection)
        .await
        .expect("claimed");
    let busy = post_with_key(
        &app,
        "/v1/contacts",
        token,
        "busy",
        &json!({"full_name": "A"}),
    )
    .await;
    assert_eq!(busy.headers()["retry-after"], "1");
    let problem = typed_problem(busy, StatusCode::CONFLICT).await;
    assert_eq!(problem.code, "idempotency_key_in_use");

    // That replica died: its claim lapses, and the retry runs.
    diesel::update(idempotency_keys::table)
        .set(idempotency_keys::claimed_until.eq(chrono::Utc::now() - chrono::Duration::seconds(1)))
        .execute(&mut connection)
        .await
        .expect("lapsed");
    // (The dead request's fingerprint was another request's.)
    let other = post_with_key(
        &app,
        "/v1/contacts",
        token,
        "busy",
        &json!({"full_name": "A"}),
    )
    .await;
    assert_eq!(other.status(), StatusCode::UNPROCESSABLE_ENTITY);
    diesel::update(idempotency_keys::table)
        .set(idempotency_keys::fingerprint.eq(fingerprint_of_create(&json!({"full_name": "A"}))))
        .execute(&mut connection)
        .await
        .expect("same request");
    let taken = post_with_key(
        &app,
        "/v1/contacts",
        token,
        "busy",
        &json!({"full_name": "A"}),
    )
    .await;
    assert_eq!(taken.status(), StatusCode::CREATED);
}

/// The fingerprint of `POST /v1/contacts` with `body` as reqwest sends it.
fn fingerprint_of_create(body: &serde_json::Value) -> Vec<u8> {
    use sha2::Digest;
    let mut hash = sha2::Sha256::new();
    hash.update(b"POST\n/v1/contacts\n");
    hash.update(serde_json::to_vec(body).expect("json"));
    hash.finalize().to_vec()
}

#[actix_web::test]
async fn keys_older_than_72_hours_are_forgotten() {
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    use rapport::schema::idempotency_keys;

    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    post_with_key(
        &app,
        "/v1/contacts",
        token,
        "old",
        &json!({"full_name": "A"}),
    )
    .await;
    post_with_key(
        &app,
        "/v1/contacts",
        token,
        "new",
        &json!({"full_name": "B"}),
    )
    .await;
    let mut connection = app.state.pool.get().await.expect("a connection");
    diesel::update(idempotency_keys::table.filter(idempotency_keys::key.eq("old")))
        .set(idempotency_keys::created_at.eq(chrono::Utc::now() - chrono::Duration::hours(73)))
        .execute(&mut connection)
        .await
        .expect("aged");
    let forgotten = rapport::idempotency::forget_expired(&app.state.pool)
        .await
        .expect("ran");
    assert_eq!(forgotten, 1);
    let again = post_with_key(
        &app,
        "/v1/contacts",
        token,
        "old",
        &json!({"full_name": "A"}),
    )
    .await;
    assert!(
        again.headers().get("idempotent-replayed").is_none(),
        "runs again"
    );
    let kept = post_with_key(
        &app,
        "/v1/contacts",
        token,
        "new",
        &json!({"full_name": "B"}),
    )
    .await;
    assert_eq!(kept.headers()["idempotent-replayed"], "true");
}

#[actix_web::test]
async fn a_conflict_the_database_finds_is_kept_as_a_409_not_lost_to_the_aborted_transaction() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    app.contact(token, json!({"id": CONTACT_ID, "full_name": "Alan"}))
        .await;
    // The insert fails inside the database, which aborts what the request
    // wrote so far; the 409 must still be kept and replayed.
    let body = json!({"id": CONTACT_ID, "full_name": "Alan again"});
    let first = post_with_key(&app, "/v1/contacts", token, "dup", &body).await;
    assert_eq!(first.status(), StatusCode::CONFLICT);
    let again = post_with_key(&app, "/v1/contacts", token, "dup", &body).await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    // And a keyed create that succeeds keeps both its effect and its answer.
    let made = post_with_key(
        &app,
        "/v1/contacts",
        token,
        "made",
        &json!({"full_name": "Grace"}),
    )
    .await;
    assert_eq!(made.status(), StatusCode::CREATED);
    let page = app.get_json("/v1/contacts", token).await;
    assert_eq!(page["items"].as_array().expect("items").len(), 2);
}

#[actix_web::test]
async fn an_import_with_a_key_is_replayed_too() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let send = || async {
        app.request(reqwest::Method::POST, "/v1/contacts/import", Some(token))
            .header("idempotency-key", "import-1")
            .header("content-type", "text/csv")
            .body("full_name,company\nAlan Turing,Northwind\n")
            .send()
            .await
            .expect("sent")
    };
    let first = send().await;
    assert_eq!(first.status(), StatusCode::OK);
    let first_body: serde_json::Value = first.json().await.expect("json");
    assert_eq!(first_body["created"], 1);
    let again = send().await;
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    let again_body: serde_json::Value = again.json().await.expect("json");
    assert_eq!(again_body, first_body);
}

/// A phone that was offline sends its queued writes when it is back, to
/// either of two replicas behind a load balancer: answers are lost on the
/// way and sent again, one edit was made stale by another device
/// meanwhile. Once its queue is empty, its copy is the server's state.
#[actix_web::test]
async fn a_device_back_online_retries_on_either_replica_and_converges_with_the_server() {
    let app = TestApp::spawn().await;
    let replica = app.replica().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let grace_id = id_of(
        &app.contact(token, json!({"full_name": "Grace Hopper"}))
            .await,
    );
    let grace = format!("/v1/contacts/{grace_id}");
    let employer_id = id_of(&app.employer(token, json!({"name": "Northwind"})).await);
    let mut phone = Device::default();
    phone.sync(&app, &ada).await;
    assert_eq!(
        phone.get("contact", &grace_id).expect("synced")["version"],
        1
    );

    // While the phone is offline, the laptop edits Grace and drops an employer.
    let edited = app
        .patch_json(&grace, token, &json!({"job_title": "Rear admiral"}))
        .await;
    assert_eq!(edited.status(), StatusCode::OK);
    let dropped = app
        .delete(&format!("/v1/employers/{employer_id}"), token)
        .await;
    assert_eq!(dropped.status(), StatusCode::NO_CONTENT);

    // Back online. The create reaches the server but its answer is lost;
    // the retry lands on the other replica and gets the first answer.
    let alan_id = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a70";
    let alan = json!({"id": alan_id, "full_name": "Alan Turing"});
    let lost = post_with_key(&app, "/v1/contacts", token, "phone-alan", &alan).await;
    assert_eq!(lost.status(), StatusCode::CREATED);
    drop(lost);
    let retried = post_with_key(&replica, "/v1/contacts", token, "phone-alan", &alan).await;
    assert_eq!(retried.status(), StatusCode::CREATED);
    assert_eq!(retried.headers()["idempotent-replayed"], "true");
    assert_eq!(retried.json::<Value>().await.expect("json")["id"], alan_id);

    // The interview with Alan, made offline, is lost twice over.
    let interview_id = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a71";
    let interview = json!({"id": interview_id, "contact_id": alan_id});
    for (attempt, instance) in [&replica, &app, &replica].into_iter().enumerate() {
        let answer = post_with_key(
            instance,
            "/v1/interviews",
            token,
            "phone-meet-alan",
            &interview,
        )
        .await;
        assert_eq!(answer.status(), StatusCode::CREATED);
        let replayed = answer.headers().get("idempotent-replayed").is_some();
        assert_eq!(replayed, attempt > 0);
    }

    // The phone's edit of Grace was made on version 1: refused, not lost
    // over the laptop's.
    let move_grace = json!({"location": "Arlington"});
    let stale = replica
        .request(Method::PATCH, &grace, Some(token))
        .header("if-match", "\"1\"")
        .json(&move_grace)
        .send()
        .await
        .expect("sent");
    let problem = typed_problem(stale, StatusCode::PRECONDITION_FAILED).await;
    assert_eq!(problem.code, "precondition_failed");
    // It syncs, sees the laptop's edit beside its own, and sends again on
    // the version it now holds.
    phone.sync(&replica, &ada).await;
    let current = phone.get("contact", &grace_id).expect("synced");
    assert_eq!(current["job_title"], "Rear admiral");
    let version = current["version"].as_i64().expect("a version");
    let merged = app
        .request(Method::PATCH, &grace, Some(token))
        .header("if-match", format!("\"{version}\""))
        .json(&move_grace)
        .send()
        .await
        .expect("sent");
    assert_eq!(merged.status(), StatusCode::OK);

    phone.sync(&app, &ada).await;
    let mut new_device = Device::default();
    new_device.sync(&replica, &ada).await;
    assert_eq!(phone.copy, new_device.copy);
    assert!(phone.get("employer", &employer_id).is_none());
    let grace_now = phone.get("contact", &grace_id).expect("synced");
    assert_eq!(grace_now, &app.get_json(&grace, token).await);
    assert_eq!(grace_now["location"], "Arlington");
    assert_eq!(grace_now["job_title"], "Rear admiral");
    // Each write ran once.
    let contacts = app.get_json("/v1/contacts", token).await;
    assert_eq!(contacts["items"].as_array().expect("items").len(), 2);
    let interviews = replica.get_json("/v1/interviews", token).await;
    assert_eq!(interviews["items"].as_array().expect("items").len(), 1);
    assert_eq!(
        phone.get("interview", interview_id).expect("synced")["contact_id"],
        alan_id
    );
}

/// A phone's queue of writes, each a POST with its own key, sent to either
/// of two replicas with half the answers lost at random (each lost one is
/// sent again until an answer arrives), then the whole queue sent once
/// more, as after the app restarts before it cleared its queue. Every
/// repeat runs nothing and answers as the first did; the phone's copy ends
/// as the server's state.
#[actix_web::test]
async fn a_queue_sent_with_answers_lost_at_random_then_resent_whole_runs_each_write_once() {
    let app = TestApp::spawn().await;
    let replica = app.replica().await;
    let instances = [&app, &replica];
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let mut phone = Device::default();
    phone.sync(&replica, &ada).await;

    let employer = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4b01";
    let grace = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4b02";
    let alan = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4b03";
    let interview = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4b04";
    let item = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4b05";
    let reminder = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4b06";
    let starts = Utc::now() + Duration::days(3);
    let queue = [
        (
            "/v1/employers".to_owned(),
            json!({"id": employer, "name": "Northwind"}),
        ),
        (
            "/v1/contacts".to_owned(),
            json!({"id": grace, "full_name": "Grace Hopper", "employer_id": employer}),
        ),
        (
            "/v1/contacts".to_owned(),
            json!({"id": alan, "full_name": "Alan Turing", "referred_by_contact_id": grace}),
        ),
        (
            "/v1/interviews".to_owned(),
            json!({"id": interview, "contact_id": grace}),
        ),
        (
            format!("/v1/interviews/{interview}/request"),
            json!({"channel": "email"}),
        ),
        (
            format!("/v1/interviews/{interview}/schedule"),
            json!({"scheduled_start": starts.to_rfc3339()}),
        ),
        (
            format!("/v1/interviews/{interview}/action-items"),
            json!({"id": item, "text": "Read the engineering blog"}),
        ),
        (
            "/v1/reminders".to_owned(),
            json!({"id": reminder, "title": "Bring the portfolio", "due_at": starts.to_rfc3339()}),
        ),
        (format!("/v1/reminders/{reminder}/complete"), json!({})),
    ];

    let mut chance = StdRng::seed_from_u64(18);
    let mut first_answers = Vec::new();
    for (index, (path, body)) in queue.iter().enumerate() {
        let key = format!("phone-write-{index}");
        let mut attempt = 0;
        let answer = loop {
            let instance = instances[chance.random_range(0..instances.len())];
            let answer = post_with_key(instance, path, token, &key, body).await;
            let replayed = answer.headers().contains_key("idempotent-replayed");
            assert_eq!(replayed, attempt > 0, "{path}, attempt {attempt}");
            attempt += 1;
            // Lost on the way: the phone never reads it.
            if attempt < 8 && chance.random_bool(0.5) {
                continue;
            }
            break answer;
        };
        let status = answer.status();
        assert!(status.is_success(), "{path}: {status}");
        first_answers.push((status, answer.json::<Value>().await.expect("json")));
    }

    for (index, (path, body)) in queue.iter().enumerate() {
        let instance = instances[chance.random_range(0..instances.len())];
        let key = format!("phone-write-{index}");
        let answer = post_with_key(instance, path, token, &key, body).await;
        assert_eq!(answer.headers()["idempotent-replayed"], "true", "{path}");
        let (status, first) = &first_answers[index];
        assert_eq!(answer.status(), *status, "{path}");
        assert_eq!(
            &answer.json::<Value>().await.expect("json"),
            first,
            "{path}"
        );
    }

    phone.sync(&app, &ada).await;
    let mut new_device = Device::default();
    new_device.sync(&replica, &ada).await;
    assert_eq!(phone.copy, new_device.copy);
    for ((resource, id), data) in &phone.copy {
        let change = json!({"resource": resource, "id": id, "data": data});
        assert_eq!(
            &read_back(&app, &ada, &change).await,
            data,
            "{resource} {id}"
        );
    }
    let count = |resource: &str| {
        phone
            .copy
            .keys()
            .filter(|(kind, _)| kind == resource)
            .count()
    };
    assert_eq!(count("employer"), 1);
    assert_eq!(count("contact"), 2);
    assert_eq!(count("interview"), 1);
    assert_eq!(count("action_item"), 1);
    // Beside the interview's own reminders, one of the phone's.
    let portfolio = phone
        .copy
        .values()
        .filter(|data| data["title"] == "Bring the portfolio")
        .count();
    assert_eq!(portfolio, 1);
    let scheduled = phone.get("interview", interview).expect("synced");
    assert_eq!(scheduled["status"], "scheduled");
    assert_eq!(
        phone.get("reminder", reminder).expect("synced")["status"],
        "done"
    );
    assert_eq!(
        phone.get("contact", alan).expect("synced")["referred_by_contact_id"],
        grace
    );
}

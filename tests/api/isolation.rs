//! No user can see or change another user's data: every verb of every
//! route on someone else's resource answers 404 and changes nothing.

use diesel_async::RunQueryDsl;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, id_of, problem};

#[actix_web::test]
async fn every_route_on_another_users_employer_or_contact_answers_404_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    let employer = app
        .employer(&ada.access_token, json!({"name": "Northwind"}))
        .await;
    let referrer = app
        .contact(&ada.access_token, json!({"full_name": "Brad"}))
        .await;
    let contact = app
        .contact(&ada.access_token, json!({"full_name": "Ann", "employer_id": employer["id"], "referred_by_contact_id": referrer["id"]}))
        .await;
    let employer_path = format!("/v1/employers/{}", id_of(&employer));
    let contact_path = format!("/v1/contacts/{}", id_of(&contact));

    let attempts: Vec<(Method, String, Option<Value>)> = vec![
        (Method::GET, employer_path.clone(), None),
        (
            Method::PATCH,
            employer_path.clone(),
            Some(json!({"name": "Mine now"})),
        ),
        (Method::DELETE, employer_path.clone(), None),
        (Method::GET, contact_path.clone(), None),
        (
            Method::PATCH,
            contact_path.clone(),
            Some(json!({"full_name": "Mine now"})),
        ),
        (Method::DELETE, contact_path.clone(), None),
        (Method::POST, format!("{contact_path}/archive"), None),
        (Method::POST, format!("{contact_path}/unarchive"), None),
        (Method::GET, format!("{contact_path}/referrals"), None),
        (
            Method::GET,
            format!("/v1/contacts/{}/referrals", id_of(&referrer)),
            None,
        ),
        (
            Method::GET,
            format!("{contact_path}/outreach-script?template=email_intro"),
            None,
        ),
    ];
    for (method, path, body) in attempts {
        let mut request = app.request(method.clone(), &path, Some(&bob.access_token));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("sent");
        let problem = problem(response, StatusCode::NOT_FOUND).await;
        assert_eq!(problem["code"], "not_found", "{method} {path}");
    }

    // Links to another user's rows are refused exactly like ids that do not
    // exist: 404, naming the field.
    let missing = "01890a5d-ac96-774b-bcce-b302099a8057";
    let own = app
        .contact(&bob.access_token, json!({"full_name": "Bob's own"}))
        .await;
    let own_path = format!("/v1/contacts/{}", id_of(&own));
    for (field, foreign) in [
        ("employer_id", &employer["id"]),
        ("referred_by_contact_id", &contact["id"]),
    ] {
        let mut answers = Vec::new();
        for value in [foreign.clone(), json!(missing)] {
            let created = app
                .post_json(
                    "/v1/contacts",
                    Some(&bob.access_token),
                    &json!({"full_name": "X", field: value}),
                )
                .await;
            answers.push(problem(created, StatusCode::NOT_FOUND).await);
            let patched = app
                .patch_json(&own_path, &bob.access_token, &json!({field: value}))
                .await;
            answers.push(problem(patched, StatusCode::NOT_FOUND).await);
        }
        assert!(
            answers.windows(2).all(|pair| pair[0] == pair[1]),
            "{answers:?}"
        );
        assert!(
            answers[0]["detail"]
                .as_str()
                .expect("detail")
                .contains(field)
        );
    }

    // Lists, the network and exports show only one's own rows.
    let filtered = app
        .get_json(
            &format!("/v1/contacts?employer_id={}", id_of(&employer)),
            &bob.access_token,
        )
        .await;
    assert_eq!(filtered["items"], json!([]));
    assert_eq!(
        app.get_json("/v1/employers", &bob.access_token).await["items"],
        json!([])
    );
    let contacts = app.get_json("/v1/contacts", &bob.access_token).await;
    assert_eq!(contacts["items"].as_array().expect("items").len(), 1);
    assert_eq!(
        app.get_json("/v1/network", &bob.access_token).await["nodes"]
            .as_array()
            .expect("nodes")
            .len(),
        1
    );
    let export = app
        .get("/v1/contacts/export?format=csv", &bob.access_token)
        .await
        .text()
        .await
        .expect("text");
    assert!(!export.contains("Ann") && !export.contains("Brad"));

    // Nothing of Ada's changed.
    let employer_now = app.get_json(&employer_path, &ada.access_token).await;
    assert_eq!(employer_now["name"], "Northwind");
    assert_eq!(employer_now["version"], 1);
    let contact_now = app.get_json(&contact_path, &ada.access_token).await;
    assert_eq!(contact_now["full_name"], "Ann");
    assert_eq!(contact_now["version"], 1);
    assert_eq!(contact_now["archived_at"], Value::Null);
}

/// The path with `id` in place of each `{parameter}`.
fn concrete(template: &str, id: &str) -> String {
    template
        .split('/')
        .map(|segment| {
            if segment.starts_with('{') {
                id
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Every operation of the document that asks for a token, as a method, a
/// concrete path (any id in place of each parameter) and whether it needs input (a
/// body or a query parameter).
fn secured_operations() -> Vec<(Method, String, bool)> {
    let any = "01890a5d-ac96-774b-bcce-b302099a8057";
    let document = serde_json::to_value(rapport::openapi::document()).expect("json");
    let mut operations = Vec::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("item") {
            let secured = operation["security"].as_array().is_some_and(|security| {
                security
                    .iter()
                    .any(|r| r.as_object().is_some_and(|r| !r.is_empty()))
            });
            if secured {
                let method = Method::from_bytes(method.to_uppercase().as_bytes()).expect("method");
                // What a request must carry besides its token: a body or a
                // query parameter.
                let required_query = operation["parameters"]
                    .as_array()
                    .is_some_and(|parameters| {
                        parameters
                            .iter()
                            .any(|p| p["in"] == "query" && p["required"] == true)
                    });
                let takes_input = operation.get("requestBody").is_some() || required_query;
                operations.push((method, concrete(path, any), takes_input));
            }
        }
    }
    assert!(operations.len() >= 20, "{} operations", operations.len());
    operations
}

#[actix_web::test]
async fn every_v1_route_without_a_token_answers_401() {
    let app = TestApp::spawn().await;
    for (method, path, _) in secured_operations() {
        let response = app
            .request(method.clone(), &path, None)
            .send()
            .await
            .expect("sent");
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "{method} {path}"
        );
    }
}

#[actix_web::test]
async fn every_v1_route_refuses_a_well_signed_token_revoked_by_logout_all() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let response = app
        .request(Method::POST, "/v1/auth/logout-all", Some(&ada.access_token))
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    for (method, path, takes_input) in secured_operations() {
        let mut request = app.request(method.clone(), &path, Some(&ada.access_token));
        if takes_input {
            request = request.json(&json!({}));
        }
        let status = request.send().await.expect("sent").status();
        // The signature is checked when the request is read and the account
        // when it is acted on, so input that cannot be read is refused for
        // itself first; either way nothing is done.
        let refused = status == StatusCode::UNAUTHORIZED
            || (takes_input
                && [
                    StatusCode::BAD_REQUEST,
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    StatusCode::UNPROCESSABLE_ENTITY,
                ]
                .contains(&status));
        assert!(refused, "{method} {path}: {status}");
    }
    let operations = secured_operations();
    let without_body = operations.iter().filter(|(_, _, body)| !body).count();
    assert!(
        without_body >= 20,
        "{without_body} operations without a body"
    );
}

#[actix_web::test]
async fn every_route_on_another_users_interview_or_question_set_answers_404_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    let token = &ada.access_token;
    let contact = app.contact(token, json!({"full_name": "Grace"})).await;
    let set = app
        .create(
            "/v1/question-sets",
            token,
            json!({"title": "Ada's", "questions": [{"text": "Why?", "category": "advice"}]}),
        )
        .await;
    let interview = app
        .create(
            "/v1/interviews",
            token,
            json!({"contact_id": contact["id"]}),
        )
        .await;
    let interview_path = format!("/v1/interviews/{}", id_of(&interview));
    app.post_json(
        &format!("{interview_path}/question-set"),
        Some(token),
        &json!({"question_set_id": set["id"]}),
    )
    .await;
    let questions = app
        .get_json(&format!("{interview_path}/questions"), token)
        .await;
    let question_id = id_of(&questions["items"][0]);
    let item = app
        .create(
            &format!("{interview_path}/action-items"),
            token,
            json!({"text": "Follow up"}),
        )
        .await;
    let set_path = format!("/v1/question-sets/{}", id_of(&set));
    let set_question = id_of(&set["questions"][0]);
    let interview = app.get_json(&interview_path, token).await;

    let mut attempts: Vec<(Method, String, Option<Value>)> = vec![
        (Method::GET, interview_path.clone(), None),
        (
            Method::PATCH,
            interview_path.clone(),
            Some(json!({"notes": "mine"})),
        ),
        (Method::DELETE, interview_path.clone(), None),
        (
            Method::POST,
            format!("{interview_path}/question-set"),
            Some(json!({"question_set_id": set["id"]})),
        ),
        (Method::GET, format!("{interview_path}/questions"), None),
        (
            Method::PATCH,
            format!("{interview_path}/questions/{question_id}"),
            Some(json!({"asked": true})),
        ),
        (
            Method::POST,
            format!("{interview_path}/referrals"),
            Some(json!({"full_name": "X"})),
        ),
        (Method::GET, format!("{interview_path}/action-items"), None),
        (
            Method::POST,
            format!("{interview_path}/action-items"),
            Some(json!({"text": "x"})),
        ),
        (
            Method::GET,
            format!("{interview_path}/action-items/{}", id_of(&item)),
            None,
        ),
        (
            Method::PATCH,
            format!("{interview_path}/action-items/{}", id_of(&item)),
            Some(json!({"done": true})),
        ),
        (
            Method::DELETE,
            format!("{interview_path}/action-items/{}", id_of(&item)),
            None,
        ),
        (Method::GET, set_path.clone(), None),
        (
            Method::PATCH,
            set_path.clone(),
            Some(json!({"title": "Bob's"})),
        ),
        (Method::DELETE, set_path.clone(), None),
        (Method::POST, format!("{set_path}/copy"), None),
        (
            Method::POST,
            format!("{set_path}/questions"),
            Some(json!({"text": "x?", "category": "advice"})),
        ),
        (
            Method::PATCH,
            format!("{set_path}/questions/{set_question}"),
            Some(json!({"text": "x?"})),
        ),
        (
            Method::DELETE,
            format!("{set_path}/questions/{set_question}"),
            None,
        ),
        (
            Method::PUT,
            format!("{set_path}/questions/order"),
            Some(json!({"question_ids": [set_question]})),
        ),
    ];
    for action in [
        "request",
        "schedule",
        "complete",
        "decline",
        "no-response",
        "cancel",
        "thank-you",
    ] {
        let body = match action {
            "request" => Some(json!({"channel": "email"})),
            "schedule" => Some(json!({"scheduled_start": "2030-01-01T10:00:00Z"})),
            _ => None,
        };
        attempts.push((Method::POST, format!("{interview_path}/{action}"), body));
    }
    for (method, path, body) in attempts {
        let mut request = app.request(method.clone(), &path, Some(&bob.access_token));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("sent");
        assert_eq!(
            problem(response, StatusCode::NOT_FOUND).await["code"],
            "not_found",
            "{method} {path}"
        );
    }

    // Bob cannot use Ada's contact or set from his own side either.
    let response = app
        .post_json(
            "/v1/interviews",
            Some(&bob.access_token),
            &json!({"contact_id": contact["id"]}),
        )
        .await;
    problem(response, StatusCode::NOT_FOUND).await;
    let bobs_contact = app
        .contact(&bob.access_token, json!({"full_name": "Bob's"}))
        .await;
    let bobs = app
        .create(
            "/v1/interviews",
            &bob.access_token,
            json!({"contact_id": bobs_contact["id"]}),
        )
        .await;
    let response = app
        .post_json(
            &format!("/v1/interviews/{}/question-set", id_of(&bobs)),
            Some(&bob.access_token),
            &json!({"question_set_id": set["id"]}),
        )
        .await;
    problem(response, StatusCode::NOT_FOUND).await;
    assert_eq!(
        app.get_json("/v1/interviews", &bob.access_token).await["items"]
            .as_array()
            .expect("items")
            .len(),
        1
    );
    let mine = app
        .get_json("/v1/question-sets?scope=mine", &bob.access_token)
        .await;
    assert_eq!(mine["items"], json!([]));
    let stats = app.get_json("/v1/stats", &bob.access_token).await;
    assert_eq!(stats["interviews_by_status"]["planned"], 1);

    // Nothing of Ada's changed.
    let now = app.get_json(&interview_path, token).await;
    assert_eq!(now["version"], interview["version"]);
    assert_eq!(now["status"], "planned");
    let set_now = app.get_json(&set_path, token).await;
    assert_eq!(set_now["title"], "Ada's");
    assert_eq!(set_now["version"], set["version"]);
    let items = app
        .get_json(&format!("{interview_path}/action-items"), token)
        .await;
    assert_eq!(items["items"][0]["done"], false);
    let questions_now = app
        .get_json(&format!("{interview_path}/questions"), token)
        .await;
    assert_eq!(questions_now["items"][0]["asked"], false);
}

#[actix_web::test]
async fn the_database_itself_refuses_a_link_to_another_users_row() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    // One of everything for each.
    let mut ids = std::collections::HashMap::new();
    for user in [&ada, &bob] {
        let token = &user.access_token;
        let contact = app.contact(token, json!({"full_name": "Grace"})).await;
        let interview = app
            .create(
                "/v1/interviews",
                token,
                json!({"contact_id": contact["id"]}),
            )
            .await;
        let item = app
            .create(
                &format!("/v1/interviews/{}/action-items", id_of(&interview)),
                token,
                json!({"text": "Send the article", "due_at": "2031-01-01T09:00:00Z"}),
            )
            .await;
        let set = app
            .create("/v1/question-sets", token, json!({"title": "Mine"}))
            .await;
        let hook = app
            .create(
                "/v1/webhooks",
                token,
                json!({"url": "http://127.0.0.1:9/hook", "events": ["reminder.due"]}),
            )
            .await;
        for (kind, value) in [
            ("contact", id_of(&contact)),
            ("interview", id_of(&interview)),
            ("item", id_of(&item)),
            ("set", id_of(&set)),
            ("hook", id_of(&hook)),
        ] {
            ids.insert((user.id.clone(), kind), value);
        }
    }
    let bobs = |kind: &'static str| ids[&(bob.id.clone(), kind)].clone();
    let adas = |kind: &'static str| ids[&(ada.id.clone(), kind)].clone();
    let mut connection = app.database.connection().await;
    for statement in [
        format!(
            "UPDATE reminders SET interview_id = '{}' WHERE user_id = '{}'",
            bobs("interview"),
            ada.id
        ),
        format!(
            "UPDATE reminders SET contact_id = '{}' WHERE user_id = '{}'",
            bobs("contact"),
            ada.id
        ),
        format!(
            "UPDATE reminders SET action_item_id = '{}' WHERE user_id = '{}'",
            bobs("item"),
            ada.id
        ),
        format!(
            "UPDATE action_items SET interview_id = '{}' WHERE user_id = '{}'",
            bobs("interview"),
            ada.id
        ),
        format!(
            "UPDATE contacts SET source_interview_id = '{}' WHERE user_id = '{}'",
            bobs("interview"),
            ada.id
        ),
        format!(
            "UPDATE interviews SET question_set_id = '{}' WHERE user_id = '{}'",
            bobs("set"),
            ada.id
        ),
        format!(
            "INSERT INTO webhook_deliveries (id, webhook_id, user_id, event, payload) VALUES (gen_random_uuid(), '{}', '{}', 'webhook.ping', '{{}}')",
            bobs("hook"),
            ada.id
        ),
    ] {
        let refused = diesel::sql_query(&statement).execute(&mut connection).await;
        assert!(
            matches!(
                refused,
                Err(diesel::result::Error::DatabaseError(
                    diesel::result::DatabaseErrorKind::ForeignKeyViolation,
                    _
                ))
            ),
            "{statement}: {refused:?}"
        );
    }
    // Links within one user's rows, and to the library, are fine.
    for statement in [
        format!(
            "UPDATE contacts SET source_interview_id = '{}' WHERE user_id = '{}'",
            adas("interview"),
            ada.id
        ),
        format!(
            "UPDATE interviews SET question_set_id = '{}' WHERE user_id = '{}'",
            adas("set"),
            ada.id
        ),
        format!(
            "UPDATE interviews SET question_set_id = (SELECT id FROM question_sets WHERE builtin LIMIT 1) WHERE user_id = '{}'",
            ada.id
        ),
    ] {
        diesel::sql_query(&statement)
            .execute(&mut connection)
            .await
            .unwrap_or_else(|error| panic!("{statement}: {error}"));
    }
}

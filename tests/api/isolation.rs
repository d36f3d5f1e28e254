//! No user can see or change another user's data: every verb of every
//! route on someone else's resource answers 404 and changes nothing.

use diesel_async::RunQueryDsl;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::bodies::{
    ActionItem, Contact, Employer, Interview, InterviewQuestion, Network, Page, QuestionSet, Stats,
};
use crate::helpers::{TestApp, TestUser, id_of, problem, typed_problem};

/// What a request carries: a method, a path and maybe a JSON body.
type Attempt = (Method, String, Option<Value>);

/// Sends each attempt as `user` and expects a 404 `not_found` for every one.
async fn assert_each_answers_404(app: &TestApp, user: &TestUser, attempts: Vec<Attempt>) {
    for (method, path, body) in attempts {
        let mut request = app.request(method.clone(), &path, Some(&user.access_token));
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("sent");
        let problem = typed_problem(response, StatusCode::NOT_FOUND).await;
        assert_eq!(problem.code, "not_found", "{method} {path}");
    }
}

/// Ada's employer, a contact there, and the contact who referred that one.
struct AdasNetwork {
    employer: Employer,
    referrer: Contact,
    contact: Contact,
}

impl AdasNetwork {
    async fn create(app: &TestApp, ada: &TestUser) -> Self {
        let token = &ada.access_token;
        let employer: Employer = app
            .create_as("/v1/employers", token, json!({"name": "Northwind"}))
            .await;
        let referrer: Contact = app
            .create_as("/v1/contacts", token, json!({"full_name": "Brad"}))
            .await;
        let contact = app
            .create_as(
                "/v1/contacts",
                token,
                json!({"full_name": "Ann", "employer_id": employer.id, "referred_by_contact_id": referrer.id}),
            )
            .await;
        Self {
            employer,
            referrer,
            contact,
        }
    }

    fn employer_path(&self) -> String {
        format!("/v1/employers/{}", self.employer.id)
    }

    fn contact_path(&self) -> String {
        format!("/v1/contacts/{}", self.contact.id)
    }

    /// Every route on the employer and the contacts, with a body where one is needed.
    fn routes(&self) -> Vec<Attempt> {
        let employer = self.employer_path();
        let contact = self.contact_path();
        vec![
            (Method::GET, employer.clone(), None),
            (
                Method::PATCH,
                employer.clone(),
                Some(json!({"name": "Mine now"})),
            ),
            (Method::DELETE, employer, None),
            (Method::GET, contact.clone(), None),
            (
                Method::PATCH,
                contact.clone(),
                Some(json!({"full_name": "Mine now"})),
            ),
            (Method::DELETE, contact.clone(), None),
            (Method::POST, format!("{contact}/archive"), None),
            (Method::POST, format!("{contact}/unarchive"), None),
            (Method::GET, format!("{contact}/referrals"), None),
            (
                Method::GET,
                format!("/v1/contacts/{}/referrals", self.referrer.id),
                None,
            ),
            (
                Method::GET,
                format!("{contact}/outreach-script?template=email_intro"),
                None,
            ),
        ]
    }
}

#[actix_web::test]
async fn every_route_on_another_users_employer_or_contact_answers_404_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    let adas = AdasNetwork::create(&app, &ada).await;

    assert_each_answers_404(&app, &bob, adas.routes()).await;

    let employer_now: Employer = app.get_as(&adas.employer_path(), &ada.access_token).await;
    assert_eq!(employer_now.name, "Northwind");
    assert_eq!(employer_now.version, 1);
    let contact_now: Contact = app.get_as(&adas.contact_path(), &ada.access_token).await;
    assert_eq!(contact_now.full_name, "Ann");
    assert_eq!(contact_now.version, 1);
    assert_eq!(contact_now.archived_at, None);
}

#[actix_web::test]
async fn a_link_to_another_users_employer_or_contact_is_refused_like_an_id_that_does_not_exist() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    let adas = AdasNetwork::create(&app, &ada).await;
    let missing = "01890a5d-ac96-774b-bcce-b302099a8057";
    let own: Contact = app
        .create_as(
            "/v1/contacts",
            &bob.access_token,
            json!({"full_name": "Bob's own"}),
        )
        .await;
    let own_path = format!("/v1/contacts/{}", own.id);
    for (field, foreign) in [
        ("employer_id", adas.employer.id),
        ("referred_by_contact_id", adas.contact.id),
    ] {
        let mut answers = Vec::new();
        for value in [json!(foreign), json!(missing)] {
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
}

#[actix_web::test]
async fn lists_the_network_and_exports_show_only_ones_own_contacts_and_employers() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    let adas = AdasNetwork::create(&app, &ada).await;
    let token = &bob.access_token;
    app.contact(token, json!({"full_name": "Bob's own"})).await;

    let filtered: Page<Contact> = app
        .get_as(
            &format!("/v1/contacts?employer_id={}", adas.employer.id),
            token,
        )
        .await;
    assert!(filtered.items.is_empty());
    let employers: Page<Employer> = app.get_as("/v1/employers", token).await;
    assert!(employers.items.is_empty());
    let contacts: Page<Contact> = app.get_as("/v1/contacts", token).await;
    assert_eq!(contacts.items.len(), 1);
    let network: Network = app.get_as("/v1/network", token).await;
    assert_eq!(network.nodes.len(), 1);
    let export = app
        .get("/v1/contacts/export?format=csv", token)
        .await
        .text()
        .await
        .expect("text");
    assert!(!export.contains("Ann") && !export.contains("Brad"));
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

/// Ada's interview with a question set attached and an action item, and
/// the set itself.
struct AdasInterview {
    contact: Contact,
    set: QuestionSet,
    interview: Interview,
    question: InterviewQuestion,
    item: ActionItem,
}

impl AdasInterview {
    async fn create(app: &TestApp, ada: &TestUser) -> Self {
        let token = &ada.access_token;
        let contact: Contact = app
            .create_as("/v1/contacts", token, json!({"full_name": "Grace"}))
            .await;
        let set: QuestionSet = app
            .create_as(
                "/v1/question-sets",
                token,
                json!({"title": "Ada's", "questions": [{"text": "Why?", "category": "advice"}]}),
            )
            .await;
        let created: Interview = app
            .create_as("/v1/interviews", token, json!({"contact_id": contact.id}))
            .await;
        let path = format!("/v1/interviews/{}", created.id);
        let attached = app
            .post_json(
                &format!("{path}/question-set"),
                Some(token),
                &json!({"question_set_id": set.id}),
            )
            .await;
        assert_eq!(attached.status(), StatusCode::OK);
        let mut questions: Page<InterviewQuestion> =
            app.get_as(&format!("{path}/questions"), token).await;
        let item = app
            .create_as(
                &format!("{path}/action-items"),
                token,
                json!({"text": "Follow up"}),
            )
            .await;
        Self {
            contact,
            set,
            interview: app.get_as(&path, token).await,
            question: questions.items.remove(0),
            item,
        }
    }

    fn interview_path(&self) -> String {
        format!("/v1/interviews/{}", self.interview.id)
    }

    fn set_path(&self) -> String {
        format!("/v1/question-sets/{}", self.set.id)
    }

    /// Every route on the interview, its questions and items, and the set.
    fn routes(&self) -> Vec<Attempt> {
        let interview = self.interview_path();
        let item = format!("{interview}/action-items/{}", self.item.id);
        let set = self.set_path();
        let set_question = format!("{set}/questions/{}", self.set.questions[0].id);
        let mut routes = vec![
            (Method::GET, interview.clone(), None),
            (
                Method::PATCH,
                interview.clone(),
                Some(json!({"notes": "mine"})),
            ),
            (Method::DELETE, interview.clone(), None),
            (
                Method::POST,
                format!("{interview}/question-set"),
                Some(json!({"question_set_id": self.set.id})),
            ),
            (Method::GET, format!("{interview}/questions"), None),
            (
                Method::PATCH,
                format!("{interview}/questions/{}", self.question.id),
                Some(json!({"asked": true})),
            ),
            (
                Method::POST,
                format!("{interview}/referrals"),
                Some(json!({"full_name": "X"})),
            ),
            (Method::GET, format!("{interview}/action-items"), None),
            (
                Method::POST,
                format!("{interview}/action-items"),
                Some(json!({"text": "x"})),
            ),
            (Method::GET, item.clone(), None),
            (Method::PATCH, item.clone(), Some(json!({"done": true}))),
            (Method::DELETE, item, None),
            (Method::GET, set.clone(), None),
            (Method::PATCH, set.clone(), Some(json!({"title": "Bob's"}))),
            (Method::DELETE, set.clone(), None),
            (Method::POST, format!("{set}/copy"), None),
            (
                Method::POST,
                format!("{set}/questions"),
                Some(json!({"text": "x?", "category": "advice"})),
            ),
            (
                Method::PATCH,
                set_question.clone(),
                Some(json!({"text": "x?"})),
            ),
            (Method::DELETE, set_question, None),
            (
                Method::PUT,
                format!("{set}/questions/order"),
                Some(json!({"question_ids": [self.set.questions[0].id]})),
            ),
        ];
        for action in INTERVIEW_ACTIONS {
            let body = match action {
                "request" => Some(json!({"channel": "email"})),
                "schedule" => Some(json!({"scheduled_start": "2030-01-01T10:00:00Z"})),
                _ => None,
            };
            routes.push((Method::POST, format!("{interview}/{action}"), body));
        }
        routes
    }
}

const INTERVIEW_ACTIONS: [&str; 7] = [
    "request",
    "schedule",
    "complete",
    "decline",
    "no-response",
    "cancel",
    "thank-you",
];

#[actix_web::test]
async fn every_route_on_another_users_interview_or_question_set_answers_404_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    let token = &ada.access_token;
    let adas = AdasInterview::create(&app, &ada).await;

    assert_each_answers_404(&app, &bob, adas.routes()).await;

    let interview_path = adas.interview_path();
    let now: Interview = app.get_as(&interview_path, token).await;
    assert_eq!(now.version, adas.interview.version);
    assert_eq!(now.status, "planned");
    let set_now: QuestionSet = app.get_as(&adas.set_path(), token).await;
    assert_eq!(set_now.title, "Ada's");
    assert_eq!(set_now.version, adas.set.version);
    let items: Page<ActionItem> = app
        .get_as(&format!("{interview_path}/action-items"), token)
        .await;
    assert!(!items.items[0].done);
    let questions: Page<InterviewQuestion> = app
        .get_as(&format!("{interview_path}/questions"), token)
        .await;
    assert!(!questions.items[0].asked);
}

#[actix_web::test]
async fn another_users_contact_or_question_set_cannot_be_used_for_ones_own_interview() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    let token = &bob.access_token;
    let adas = AdasInterview::create(&app, &ada).await;
    let response = app
        .post_json(
            "/v1/interviews",
            Some(token),
            &json!({"contact_id": adas.contact.id}),
        )
        .await;
    problem(response, StatusCode::NOT_FOUND).await;
    let bobs_contact: Contact = app
        .create_as("/v1/contacts", token, json!({"full_name": "Bob's"}))
        .await;
    let bobs: Interview = app
        .create_as(
            "/v1/interviews",
            token,
            json!({"contact_id": bobs_contact.id}),
        )
        .await;
    let response = app
        .post_json(
            &format!("/v1/interviews/{}/question-set", bobs.id),
            Some(token),
            &json!({"question_set_id": adas.set.id}),
        )
        .await;
    problem(response, StatusCode::NOT_FOUND).await;
}

#[actix_web::test]
async fn a_manual_reminder_cannot_follow_another_users_interview_or_contact() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    let adas = AdasInterview::create(&app, &ada).await;
    let missing = "01890a5d-ac96-774b-bcce-b302099a8057";
    for (field, foreign) in [
        ("interview_id", adas.interview.id),
        ("contact_id", adas.contact.id),
    ] {
        let mut answers = Vec::new();
        for value in [json!(foreign), json!(missing)] {
            let response = app
                .post_json(
                    "/v1/reminders",
                    Some(&bob.access_token),
                    &json!({"title": "Follow", "due_at": "2031-01-02T09:00:00Z", field: value}),
                )
                .await;
            answers.push(problem(response, StatusCode::NOT_FOUND).await);
        }
        assert_eq!(answers[0], answers[1], "{field}");
        assert!(
            answers[0]["detail"]
                .as_str()
                .expect("detail")
                .contains(field),
            "{answers:?}"
        );
    }
    assert_eq!(
        app.database
            .count("SELECT count(*) AS count FROM reminders WHERE origin = 'manual'")
            .await,
        0
    );
}

#[actix_web::test]
async fn lists_and_stats_show_only_ones_own_interviews_and_question_sets() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    let token = &bob.access_token;
    AdasInterview::create(&app, &ada).await;
    let bobs_contact: Contact = app
        .create_as("/v1/contacts", token, json!({"full_name": "Bob's"}))
        .await;
    app.create(
        "/v1/interviews",
        token,
        json!({"contact_id": bobs_contact.id}),
    )
    .await;

    let interviews: Page<Interview> = app.get_as("/v1/interviews", token).await;
    assert_eq!(interviews.items.len(), 1);
    let mine: Page<QuestionSet> = app.get_as("/v1/question-sets?scope=mine", token).await;
    assert!(mine.items.is_empty());
    let stats: Stats = app.get_as("/v1/stats", token).await;
    assert_eq!(stats.interviews_by_status["planned"], 1);
}

/// The ids of one row of each kind that links to others, all of one user.
struct Rows {
    contact: String,
    interview: String,
    item: String,
    set: String,
    hook: String,
}

impl Rows {
    async fn create(app: &TestApp, user: &TestUser) -> Self {
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
        Self {
            contact: id_of(&contact),
            interview: id_of(&interview),
            item: id_of(&item),
            set: id_of(&set),
            hook: id_of(&hook),
        }
    }
}

/// Statements that point each link of `owner`'s rows at `target`'s rows.
fn links_of_rows_to(owner: &TestUser, target: &Rows) -> Vec<String> {
    let owner = &owner.id;
    vec![
        format!(
            "UPDATE reminders SET interview_id = '{}' WHERE user_id = '{owner}'",
            target.interview
        ),
        format!(
            "UPDATE reminders SET contact_id = '{}' WHERE user_id = '{owner}'",
            target.contact
        ),
        format!(
            "UPDATE reminders SET action_item_id = '{}' WHERE user_id = '{owner}'",
            target.item
        ),
        format!(
            "UPDATE action_items SET interview_id = '{}' WHERE user_id = '{owner}'",
            target.interview
        ),
        format!(
            "UPDATE contacts SET source_interview_id = '{}' WHERE user_id = '{owner}'",
            target.interview
        ),
        format!(
            "UPDATE interviews SET question_set_id = '{}' WHERE user_id = '{owner}'",
            target.set
        ),
        format!(
            "INSERT INTO webhook_deliveries (id, webhook_id, user_id, event, payload) VALUES (gen_random_uuid(), '{}', '{owner}', 'webhook.ping', '{{}}')",
            target.hook
        ),
    ]
}

#[actix_web::test]
async fn the_database_itself_refuses_a_link_to_another_users_row() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    Rows::create(&app, &ada).await;
    let bobs = Rows::create(&app, &bob).await;
    let mut connection = app.database.connection().await;
    for statement in links_of_rows_to(&ada, &bobs) {
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
}

#[actix_web::test]
async fn the_database_accepts_links_within_one_users_rows_and_to_the_library() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    let adas = Rows::create(&app, &ada).await;
    Rows::create(&app, &bob).await;
    let mut connection = app.database.connection().await;
    let library_set = format!(
        "UPDATE interviews SET question_set_id = (SELECT id FROM question_sets WHERE builtin LIMIT 1) WHERE user_id = '{}'",
        ada.id
    );
    for statement in links_of_rows_to(&ada, &adas)
        .into_iter()
        .chain([library_set])
    {
        diesel::sql_query(&statement)
            .execute(&mut connection)
            .await
            .unwrap_or_else(|error| panic!("{statement}: {error}"));
    }
}

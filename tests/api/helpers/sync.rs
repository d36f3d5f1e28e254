//! Reading `GET /v1/sync` the way a client does.

use std::collections::BTreeMap;

use reqwest::StatusCode;
use serde_json::{Value, json};

use super::{TestApp, TestUser};

/// One page after `since`.
pub async fn page(
    app: &TestApp,
    user: &TestUser,
    since: Option<&str>,
    limit: Option<u32>,
) -> Value {
    let mut query: Vec<(&str, String)> = Vec::new();
    if let Some(since) = since {
        query.push(("since", since.to_owned()));
    }
    if let Some(limit) = limit {
        query.push(("limit", limit.to_string()));
    }
    let response = app
        .request(reqwest::Method::GET, "/v1/sync", Some(&user.access_token))
        .query(&query)
        .send()
        .await
        .expect("a response");
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("a sync page")
}

/// Every page after `since` until `has_more` is false: the changes and the
/// token to keep.
pub async fn catch_up(app: &TestApp, user: &TestUser, since: Option<&str>) -> (Vec<Value>, String) {
    let mut changes = Vec::new();
    let mut token = since.map(str::to_owned);
    for _ in 0..100 {
        let body = page(app, user, token.as_deref(), None).await;
        changes.extend(body["changes"].as_array().expect("changes").iter().cloned());
        token = Some(body["next_token"].as_str().expect("a token").to_owned());
        if body["has_more"] == false {
            return (changes, token.expect("a token"));
        }
    }
    panic!("sync never finished");
}

/// What the resource's own GET answers now.
pub async fn read_back(app: &TestApp, user: &TestUser, change: &Value) -> Value {
    let token = &user.access_token;
    let id = change["id"].as_str().expect("id");
    let data = &change["data"];
    let path = match change["resource"].as_str().expect("resource") {
        "user" => "/v1/me".to_owned(),
        "contact" => format!("/v1/contacts/{id}"),
        "employer" => format!("/v1/employers/{id}"),
        "interview" => format!("/v1/interviews/{id}"),
        "action_item" => format!(
            "/v1/interviews/{}/action-items/{id}",
            data["interview_id"].as_str().expect("interview_id")
        ),
        "question_set" => format!("/v1/question-sets/{id}"),
        "reminder" => format!("/v1/reminders/{id}"),
        "webhook" => format!("/v1/webhooks/{id}"),
        "interview_question" => {
            let interview = data["interview_id"].as_str().expect("interview_id");
            let questions = app
                .get_json(&format!("/v1/interviews/{interview}/questions"), token)
                .await;
            let mut question = questions["items"]
                .as_array()
                .expect("items")
                .iter()
                .find(|question| question["id"] == id)
                .cloned()
                .expect("the question is listed");
            question["interview_id"] = json!(interview);
            return question;
        }
        other => panic!("unexpected resource {other}"),
    };
    app.get_json(&path, token).await
}

/// A device's copy of an account, kept by `GET /v1/sync` alone: what an
/// offline-first client stores.
#[derive(Default)]
pub struct Device {
    /// `(resource, id) → data`.
    pub copy: BTreeMap<(String, String), Value>,
    token: Option<String>,
}

impl Device {
    /// Applies every change since the last sync, from whichever instance
    /// `app` is.
    pub async fn sync(&mut self, app: &TestApp, user: &TestUser) {
        let (changes, token) = catch_up(app, user, self.token.as_deref()).await;
        for change in changes {
            let key = (
                change["resource"].as_str().expect("resource").to_owned(),
                change["id"].as_str().expect("id").to_owned(),
            );
            match change["op"].as_str().expect("op") {
                "delete" => {
                    self.copy.remove(&key);
                }
                _ => {
                    self.copy.insert(key, change["data"].clone());
                }
            }
        }
        self.token = Some(token);
    }

    /// The copy of one resource.
    pub fn get(&self, resource: &str, id: &str) -> Option<&Value> {
        self.copy.get(&(resource.to_owned(), id.to_owned()))
    }
}

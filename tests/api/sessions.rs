//! Login, refresh rotation and reuse detection, logout, and the rate limit.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, problem};

async fn refresh(app: &TestApp, token: &str) -> reqwest::Response {
    app.post_json("/v1/auth/refresh", None, &json!({"refresh_token": token}))
        .await
}

#[actix_web::test]
async fn login_answers_a_session_whatever_the_email_letter_case() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let response = app.login("ADA@example.com", &ada.password).await;
    assert_eq!(response.status(), StatusCode::OK);
    let session: Value = response.json().await.expect("json");
    assert_eq!(session["user"]["id"], ada.id.as_str());
    assert_eq!(session["token_type"], "Bearer");
    let token = session["access_token"].as_str().expect("token");
    assert_eq!(app.get("/v1/me", token).await.status(), StatusCode::OK);
}

#[actix_web::test]
async fn an_unknown_email_and_a_wrong_password_get_the_same_answer() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let wrong_password = problem(
        app.login(&ada.email, "not the password").await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    let unknown_email = problem(
        app.login("nobody@example.com", "not the password").await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    assert_eq!(wrong_password, unknown_email);
}

#[actix_web::test]
async fn refresh_rotates_the_refresh_token() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let response = refresh(&app, &ada.refresh_token).await;
    assert_eq!(response.status(), StatusCode::OK);
    let session: Value = response.json().await.expect("json");
    let next = session["refresh_token"].as_str().expect("token");
    assert_ne!(next, ada.refresh_token);
    let access = session["access_token"].as_str().expect("token");
    assert_eq!(app.get("/v1/me", access).await.status(), StatusCode::OK);
    assert_eq!(refresh(&app, next).await.status(), StatusCode::OK);
}

#[actix_web::test]
async fn reusing_a_spent_refresh_token_revokes_its_whole_family_only() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let other_login: Value = app
        .login(&ada.email, &ada.password)
        .await
        .json()
        .await
        .expect("json");

    let rotated: Value = refresh(&app, &ada.refresh_token)
        .await
        .json()
        .await
        .expect("json");
    let successor = rotated["refresh_token"].as_str().expect("token").to_owned();

    // The spent token comes back: someone has a copy of it.
    problem(
        refresh(&app, &ada.refresh_token).await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    // Its successor is revoked with it ...
    problem(refresh(&app, &successor).await, StatusCode::UNAUTHORIZED).await;
    // ... but a session from another sign-in is untouched.
    let other = other_login["refresh_token"].as_str().expect("token");
    assert_eq!(refresh(&app, other).await.status(), StatusCode::OK);
}

#[actix_web::test]
async fn unknown_and_malformed_refresh_tokens_answer_401() {
    let app = TestApp::spawn().await;
    for token in ["", "nonsense", &"x".repeat(43)] {
        problem(refresh(&app, token).await, StatusCode::UNAUTHORIZED).await;
    }
    let response = app
        .post_json(
            "/v1/auth/refresh",
            None,
            &json!({"refresh_token": "x".repeat(500)}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[actix_web::test]
async fn logout_revokes_the_session_and_needs_no_bearer_token() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let rotated: Value = refresh(&app, &ada.refresh_token)
        .await
        .json()
        .await
        .expect("json");
    let current = rotated["refresh_token"].as_str().expect("token");

    let response = app
        .post_json("/v1/auth/logout", None, &json!({"refresh_token": current}))
        .await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    problem(refresh(&app, current).await, StatusCode::UNAUTHORIZED).await;

    let response = app
        .post_json(
            "/v1/auth/logout",
            None,
            &json!({"refresh_token": "unknown"}),
        )
        .await;
    problem(response, StatusCode::UNAUTHORIZED).await;
}

#[actix_web::test]
async fn logout_all_refuses_every_token_issued_before() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    let second: Value = app
        .login(&ada.email, &ada.password)
        .await
        .json()
        .await
        .expect("json");

    let response = app
        .request(
            reqwest::Method::POST,
            "/v1/auth/logout-all",
            Some(&ada.access_token),
        )
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), StatusCode::NO_CONTENT);

    problem(
        app.get("/v1/me", &ada.access_token).await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    let second_access = second["access_token"].as_str().expect("token");
    problem(
        app.get("/v1/me", second_access).await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    problem(
        refresh(&app, &ada.refresh_token).await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    // A new sign-in works, and other users are untouched.
    assert_eq!(
        app.login(&ada.email, &ada.password).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        app.get("/v1/me", &bob.access_token).await.status(),
        StatusCode::OK
    );

    let response = app
        .request(reqwest::Method::POST, "/v1/auth/logout-all", None)
        .send()
        .await
        .expect("sent");
    problem(response, StatusCode::UNAUTHORIZED).await;
}

#[actix_web::test]
async fn register_and_login_share_a_rate_limit_per_client_address() {
    let app = TestApp::spawn_with(|settings| settings.auth_rate_per_minute = 3).await;
    let ada = app.user("ada").await; // 1
    assert_eq!(
        app.login(&ada.email, "wrong password").await.status(),
        StatusCode::UNAUTHORIZED
    ); // 2
    assert_eq!(
        app.login(&ada.email, &ada.password).await.status(),
        StatusCode::OK
    ); // 3

    let response = app.login(&ada.email, &ada.password).await;
    let retry_after: u64 = response.headers()["retry-after"]
        .to_str()
        .expect("ascii")
        .parse()
        .expect("seconds");
    assert!((1..=60).contains(&retry_after), "{retry_after}");
    let body = problem(response, StatusCode::TOO_MANY_REQUESTS).await;
    assert_eq!(body["code"], "rate_limited");

    let response = app
        .post_json(
            "/v1/auth/register",
            None,
            &json!({"email": "new@example.com", "password": "a long enough password", "display_name": "N"}),
        )
        .await;
    problem(response, StatusCode::TOO_MANY_REQUESTS).await;

    // Refresh is not limited.
    let response = app
        .post_json(
            "/v1/auth/refresh",
            None,
            &json!({"refresh_token": ada.refresh_token}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[actix_web::test]
async fn behind_a_trusted_proxy_each_forwarded_client_has_its_own_budget() {
    let app = TestApp::spawn_with(|settings| {
        settings.auth_rate_per_minute = 1;
        settings.trusted_proxies = vec!["127.0.0.1".parse().expect("ip")];
    })
    .await;
    let login = |client: &'static str| {
        app.request(reqwest::Method::POST, "/v1/auth/login", None)
            .header("x-forwarded-for", client)
            .json(&json!({"email": "x@example.com", "password": "whatever password"}))
            .send()
    };
    assert_eq!(
        login("198.51.100.1").await.expect("sent").status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        login("198.51.100.2").await.expect("sent").status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        login("198.51.100.1").await.expect("sent").status(),
        StatusCode::TOO_MANY_REQUESTS
    );
}

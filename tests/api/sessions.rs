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
    // The successor is used, so the first token is spent for good.
    let latest: Value = refresh(&app, &successor).await.json().await.expect("json");
    let latest = latest["refresh_token"].as_str().expect("token").to_owned();

    // The spent token comes back: someone has a copy of it.
    problem(
        refresh(&app, &ada.refresh_token).await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    // Its descendants are revoked with it ...
    problem(refresh(&app, &latest).await, StatusCode::UNAUTHORIZED).await;
    // ... but a session from another sign-in is untouched.
    let other = other_login["refresh_token"].as_str().expect("token");
    assert_eq!(refresh(&app, other).await.status(), StatusCode::OK);
}

#[actix_web::test]
async fn a_refresh_retried_after_a_lost_answer_keeps_the_session() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    // The first answer is lost on the way to the client.
    let lost: Value = refresh(&app, &ada.refresh_token)
        .await
        .json()
        .await
        .expect("json");
    let lost = lost["refresh_token"].as_str().expect("token").to_owned();
    // The client retries with the token it has.
    let retried = refresh(&app, &ada.refresh_token).await;
    assert_eq!(retried.status(), StatusCode::OK);
    let retried: Value = retried.json().await.expect("json");
    let kept = retried["refresh_token"].as_str().expect("token").to_owned();
    let access = retried["access_token"].as_str().expect("token");
    assert_eq!(app.get("/v1/me", access).await.status(), StatusCode::OK);
    // The answer the client never saw is worthless; the one it got works.
    problem(refresh(&app, &lost).await, StatusCode::UNAUTHORIZED).await;
    assert_eq!(refresh(&app, &kept).await.status(), StatusCode::OK);
}

#[actix_web::test]
async fn two_refreshes_racing_with_one_token_both_answer_and_one_session_goes_on() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let (first, second) = tokio::join!(
        refresh(&app, &ada.refresh_token),
        refresh(&app, &ada.refresh_token)
    );
    assert_eq!(first.status(), StatusCode::OK);
    assert_eq!(second.status(), StatusCode::OK);
    let tokens: Vec<String> = [first, second]
        .map(|response| async move {
            let body: Value = response.json().await.expect("json");
            body["refresh_token"].as_str().expect("token").to_owned()
        })
        .into_iter()
        .collect::<futures_util::future::JoinAll<_>>()
        .await;
    let statuses = [
        refresh(&app, &tokens[0]).await.status(),
        refresh(&app, &tokens[1]).await.status(),
    ];
    assert_eq!(
        statuses
            .iter()
            .filter(|status| **status == StatusCode::OK)
            .count(),
        1,
        "exactly one of the two answers goes on: {statuses:?}"
    );
}

#[actix_web::test]
async fn a_second_retry_or_one_after_30_seconds_revokes_the_family() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    refresh(&app, &ada.refresh_token).await;
    let retried: Value = refresh(&app, &ada.refresh_token)
        .await
        .json()
        .await
        .expect("json");
    let kept = retried["refresh_token"].as_str().expect("token").to_owned();
    // Accepted once only: a second replay is someone else.
    problem(
        refresh(&app, &ada.refresh_token).await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    problem(refresh(&app, &kept).await, StatusCode::UNAUTHORIZED).await;

    let bob = app.user("bob").await;
    let rotated: Value = refresh(&app, &bob.refresh_token)
        .await
        .json()
        .await
        .expect("json");
    let successor = rotated["refresh_token"].as_str().expect("token").to_owned();
    app.database
        .run_statement("UPDATE refresh_tokens SET used_at = now() - interval '31 seconds' WHERE used_at IS NOT NULL")
        .await;
    problem(
        refresh(&app, &bob.refresh_token).await,
        StatusCode::UNAUTHORIZED,
    )
    .await;
    problem(refresh(&app, &successor).await, StatusCode::UNAUTHORIZED).await;
}

/// Changes the password (or logs out everywhere) while a refresh with
/// `refresh_token` is in flight, and checks that whatever the refresh got
/// is refused afterwards.
async fn race_a_refresh_against(
    app: &TestApp,
    ada: &crate::helpers::TestUser,
    refresh_token: &str,
    password: &str,
    next_password: &str,
    logout_all: bool,
) {
    let ending = async {
        let response = if logout_all {
            app.request(
                reqwest::Method::POST,
                "/v1/auth/logout-all",
                Some(&ada.access_token),
            )
            .send()
            .await
            .expect("sent")
        } else {
            app.post_json(
                "/v1/me/password",
                Some(&ada.access_token),
                &json!({"current_password": password, "new_password": next_password}),
            )
            .await
        };
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
    };
    let (refreshed, ()) = tokio::join!(refresh(app, refresh_token), ending);
    if refreshed.status() == StatusCode::OK {
        let session: Value = refreshed.json().await.expect("json");
        let thief_refresh = session["refresh_token"].as_str().expect("token");
        let thief_access = session["access_token"].as_str().expect("token");
        problem(refresh(app, thief_refresh).await, StatusCode::UNAUTHORIZED).await;
        problem(
            app.get("/v1/me", thief_access).await,
            StatusCode::UNAUTHORIZED,
        )
        .await;
    }
}

#[actix_web::test]
async fn no_refresh_racing_a_password_change_or_logout_all_outlives_it() {
    let app = TestApp::spawn().await;
    // A user per round: password changes are limited to 5 a minute.
    for round in 0..24 {
        let mut user = app.user(&format!("racer{round}")).await;
        let login: Value = app
            .login(&user.email, &user.password)
            .await
            .json()
            .await
            .expect("json");
        user.access_token = login["access_token"].as_str().expect("token").to_owned();
        let stolen = login["refresh_token"].as_str().expect("token").to_owned();
        let logout_all = round % 2 == 1;
        race_a_refresh_against(
            &app,
            &user,
            &stolen,
            &user.password,
            "a new password for the race",
            logout_all,
        )
        .await;
    }
}

#[actix_web::test]
async fn deleting_the_account_needs_a_sign_in_from_the_last_5_minutes() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    // A session whose password was checked six minutes ago, renewed now:
    // the refresh keeps the time of the password check.
    app.database
        .run_statement("UPDATE refresh_tokens SET auth_time = now() - interval '6 minutes'")
        .await;
    let renewed: Value = refresh(&app, &ada.refresh_token)
        .await
        .json()
        .await
        .expect("json");
    let stale = renewed["access_token"].as_str().expect("token");
    let body = problem(app.delete("/v1/me", stale).await, StatusCode::FORBIDDEN).await;
    assert_eq!(body["code"], "reauthentication_required");
    assert_eq!(app.get("/v1/me", stale).await.status(), StatusCode::OK);
    // A fresh sign-in may.
    let login: Value = app
        .login(&ada.email, &ada.password)
        .await
        .json()
        .await
        .expect("json");
    let fresh = login["access_token"].as_str().expect("token");
    assert_eq!(
        app.delete("/v1/me", fresh).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.get("/v1/me", fresh).await.status(),
        StatusCode::UNAUTHORIZED
    );
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

#[actix_web::test]
async fn two_replicas_spend_one_budget_and_racing_attempts_spend_it_exactly() {
    let app = TestApp::spawn_with(|settings| settings.auth_rate_per_minute = 10).await;
    let replica = app.replica().await;
    let login = |instance: &TestApp| {
        instance
            .request(reqwest::Method::POST, "/v1/auth/login", None)
            .json(&json!({"email": "x@example.com", "password": "whatever password"}))
            .send()
    };
    // Twenty attempts at once, half to each replica: ten get through.
    let attempts = (0..20).map(|n| login(if n % 2 == 0 { &app } else { &replica }));
    let statuses: Vec<StatusCode> = futures_util::future::join_all(attempts)
        .await
        .into_iter()
        .map(|answer| answer.expect("sent").status())
        .collect();
    let let_in = statuses
        .iter()
        .filter(|status| **status == StatusCode::UNAUTHORIZED)
        .count();
    let limited = statuses
        .iter()
        .filter(|status| **status == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!((let_in, limited), (10, 10), "{statuses:?}");
    for instance in [&app, &replica] {
        assert_eq!(
            login(instance).await.expect("sent").status(),
            StatusCode::TOO_MANY_REQUESTS
        );
    }
    // A bucket that has refilled is forgotten by the pruning job, and one
    // that has not is kept.
    app.database
        .run_statement("UPDATE rate_buckets SET forget_at = now() - interval '1 second'")
        .await;
    let forgotten = rapport::auth::rate_limit::forget_full(&app.state.pool)
        .await
        .expect("pruned");
    assert_eq!(forgotten, 1);
    assert_eq!(
        login(&replica).await.expect("sent").status(),
        StatusCode::UNAUTHORIZED
    );
}

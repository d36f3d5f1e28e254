//! Every way a bearer token can be wrong answers 401 with `WWW-Authenticate`.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::Utc;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, typed_problem};

fn claims(user_id: &str) -> Value {
    let now = Utc::now().timestamp();
    json!({
        "sub": user_id, "exp": now + 600, "iat": now, "iss": "rapport",
        "aud": "rapport-api", "jti": "3c4d5e6f", "ver": 0, "auth_time": now
    })
}

fn sign(secret: &[u8], algorithm: Algorithm, claims: &Value) -> String {
    jsonwebtoken::encode(
        &Header::new(algorithm),
        claims,
        &EncodingKey::from_secret(secret),
    )
    .expect("signed")
}

async fn assert_refused(app: &TestApp, authorization: Option<String>, case: &str) {
    let mut request = app.request(reqwest::Method::GET, "/v1/me", None);
    if let Some(value) = authorization {
        request = request.header("authorization", value);
    }
    let response = request.send().await.expect("sent");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{case}");
    assert_eq!(
        response
            .headers()
            .get("www-authenticate")
            .map(|v| v.to_str().expect("ascii")),
        Some("Bearer"),
        "{case}"
    );
    let body = typed_problem(response, StatusCode::UNAUTHORIZED).await;
    assert_eq!(body.code, "unauthorized", "{case}");
}

#[actix_web::test]
async fn a_token_we_signed_is_accepted() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = sign(
        &app.state.settings.jwt_secret,
        Algorithm::HS256,
        &claims(&ada.id),
    );
    assert_eq!(app.get("/v1/me", &token).await.status(), StatusCode::OK);
}

/// An app with Ada signed up, and her id.
async fn app_with_ada() -> (TestApp, String) {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    (app, ada.id)
}

/// `Authorization` for `claims` signed with the service's own key and algorithm.
fn signed_by_us(app: &TestApp, claims: &Value) -> Option<String> {
    bearer(sign(
        &app.state.settings.jwt_secret,
        Algorithm::HS256,
        claims,
    ))
}

fn bearer(token: String) -> Option<String> {
    Some(format!("Bearer {token}"))
}

fn claims_without(user_id: &str, key: &str) -> Value {
    let mut claims = claims(user_id);
    claims.as_object_mut().expect("object").remove(key);
    claims
}

fn claims_with(user_id: &str, key: &str, value: Value) -> Value {
    let mut claims = claims(user_id);
    claims[key] = value;
    claims
}

#[actix_web::test]
async fn a_missing_or_malformed_authorization_header_is_refused_with_401() {
    let (app, _) = app_with_ada().await;
    let cases: [(&str, Option<String>); 5] = [
        ("no header", None),
        ("empty bearer", Some("Bearer ".to_owned())),
        (
            "basic scheme",
            Some(format!("Basic {}", URL_SAFE_NO_PAD.encode("ada:pw"))),
        ),
        ("garbage", bearer("not.a.jwt".to_owned())),
        ("random text", bearer("🙂".to_owned())),
    ];
    for (case, authorization) in cases {
        assert_refused(&app, authorization, case).await;
    }
}

#[actix_web::test]
async fn a_token_not_signed_with_our_key_and_algorithm_is_refused_with_401() {
    let (app, ada) = app_with_ada().await;
    let secret = app.state.settings.jwt_secret.clone();
    let unsigned = format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#),
        URL_SAFE_NO_PAD.encode(claims(&ada).to_string())
    );
    let cases = [
        ("alg none", unsigned),
        (
            "HS512 with the same secret",
            sign(&secret, Algorithm::HS512, &claims(&ada)),
        ),
        (
            "HS384 with the same secret",
            sign(&secret, Algorithm::HS384, &claims(&ada)),
        ),
        (
            "wrong key",
            sign(
                b"another secret that is at least 32 bytes",
                Algorithm::HS256,
                &claims(&ada),
            ),
        ),
    ];
    for (case, token) in cases {
        assert_refused(&app, bearer(token), case).await;
    }
}

#[actix_web::test]
async fn a_token_whose_payload_was_changed_after_signing_is_refused_with_401() {
    let (app, ada) = app_with_ada().await;
    let valid = sign(
        &app.state.settings.jwt_secret,
        Algorithm::HS256,
        &claims(&ada),
    );
    let mut parts: Vec<String> = valid.split('.').map(str::to_owned).collect();
    parts[1] = URL_SAFE_NO_PAD.encode(
        claims_with(&ada, "ver", json!(0))
            .to_string()
            .replace("rapport-api", "rapport-api "),
    );
    assert_refused(&app, bearer(parts.join(".")), "tampered payload").await;
}

#[actix_web::test]
async fn a_token_missing_any_required_claim_is_refused_with_401() {
    let (app, ada) = app_with_ada().await;
    for claim in ["exp", "aud", "iss", "sub", "iat", "jti", "ver"] {
        let authorization = signed_by_us(&app, &claims_without(&ada, claim));
        assert_refused(&app, authorization, &format!("missing {claim}")).await;
    }
}

#[actix_web::test]
async fn a_token_for_another_issuer_or_audience_is_refused_with_401() {
    let (app, ada) = app_with_ada().await;
    for (case, claim, value) in [
        ("wrong iss", "iss", "someone-else"),
        ("wrong aud", "aud", "another-api"),
    ] {
        let authorization = signed_by_us(&app, &claims_with(&ada, claim, json!(value)));
        assert_refused(&app, authorization, case).await;
    }
}

#[actix_web::test]
async fn a_token_outside_its_time_window_is_refused_with_401() {
    let (app, ada) = app_with_ada().await;
    let now = Utc::now().timestamp();
    for (case, claim, at) in [
        ("expired", "exp", now - 120),
        ("nbf in the future", "nbf", now + 600),
        ("issued in the future", "iat", now + 600),
    ] {
        let authorization = signed_by_us(&app, &claims_with(&ada, claim, json!(at)));
        assert_refused(&app, authorization, case).await;
    }
}

#[actix_web::test]
async fn a_token_naming_no_current_account_is_refused_with_401() {
    let (app, ada) = app_with_ada().await;
    let cases = [
        ("stale token version", claims_with(&ada, "ver", json!(1))),
        (
            "unknown user",
            claims("01890a5d-ac96-774b-bcce-b302099a8057"),
        ),
        ("sub not a uuid", claims_with(&ada, "sub", json!("ada"))),
    ];
    for (case, claims) in cases {
        assert_refused(&app, signed_by_us(&app, &claims), case).await;
    }
}

#[actix_web::test]
async fn a_token_of_a_deleted_account_is_refused() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = ada.access_token.clone();
    assert_eq!(
        app.delete("/v1/me", &token).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_refused(&app, Some(format!("Bearer {token}")), "deleted account").await;
}

//! Every way a bearer token can be wrong answers 401 with `WWW-Authenticate`.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::Utc;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, problem};

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
    let body = problem(response, StatusCode::UNAUTHORIZED).await;
    assert_eq!(body["code"], "unauthorized", "{case}");
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

#[actix_web::test]
async fn every_bad_token_is_refused_with_401() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let secret = app.state.settings.jwt_secret.clone();
    let bearer = |token: String| Some(format!("Bearer {token}"));
    let now = Utc::now().timestamp();

    let without = |key: &str| {
        let mut claims = claims(&ada.id);
        claims.as_object_mut().expect("object").remove(key);
        claims
    };
    let with = |key: &str, value: Value| {
        let mut claims = claims(&ada.id);
        claims[key] = value;
        claims
    };

    let unsigned = format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#),
        URL_SAFE_NO_PAD.encode(claims(&ada.id).to_string())
    );
    let valid = sign(&secret, Algorithm::HS256, &claims(&ada.id));
    let mut parts: Vec<String> = valid.split('.').map(str::to_owned).collect();
    parts[1] = URL_SAFE_NO_PAD.encode(
        with("ver", json!(0))
            .to_string()
            .replace("rapport-api", "rapport-api "),
    );
    let tampered = parts.join(".");

    let cases: Vec<(&str, Option<String>)> = vec![
        ("no header", None),
        ("empty bearer", Some("Bearer ".to_owned())),
        (
            "basic scheme",
            Some(format!("Basic {}", URL_SAFE_NO_PAD.encode("ada:pw"))),
        ),
        ("garbage", bearer("not.a.jwt".to_owned())),
        ("random text", bearer("🙂".to_owned())),
        ("alg none", bearer(unsigned)),
        (
            "HS512 with the same secret",
            bearer(sign(&secret, Algorithm::HS512, &claims(&ada.id))),
        ),
        (
            "HS384 with the same secret",
            bearer(sign(&secret, Algorithm::HS384, &claims(&ada.id))),
        ),
        (
            "wrong key",
            bearer(sign(
                b"another secret that is at least 32 bytes",
                Algorithm::HS256,
                &claims(&ada.id),
            )),
        ),
        (
            "missing exp",
            bearer(sign(&secret, Algorithm::HS256, &without("exp"))),
        ),
        (
            "missing aud",
            bearer(sign(&secret, Algorithm::HS256, &without("aud"))),
        ),
        (
            "missing iss",
            bearer(sign(&secret, Algorithm::HS256, &without("iss"))),
        ),
        (
            "missing sub",
            bearer(sign(&secret, Algorithm::HS256, &without("sub"))),
        ),
        (
            "missing iat",
            bearer(sign(&secret, Algorithm::HS256, &without("iat"))),
        ),
        (
            "missing jti",
            bearer(sign(&secret, Algorithm::HS256, &without("jti"))),
        ),
        (
            "missing version",
            bearer(sign(&secret, Algorithm::HS256, &without("ver"))),
        ),
        (
            "wrong iss",
            bearer(sign(
                &secret,
                Algorithm::HS256,
                &with("iss", json!("someone-else")),
            )),
        ),
        (
            "wrong aud",
            bearer(sign(
                &secret,
                Algorithm::HS256,
                &with("aud", json!("another-api")),
            )),
        ),
        (
            "expired",
            bearer(sign(
                &secret,
                Algorithm::HS256,
                &with("exp", json!(now - 120)),
            )),
        ),
        (
            "nbf in the future",
            bearer(sign(
                &secret,
                Algorithm::HS256,
                &with("nbf", json!(now + 600)),
            )),
        ),
        (
            "issued in the future",
            bearer(sign(
                &secret,
                Algorithm::HS256,
                &with("iat", json!(now + 600)),
            )),
        ),
        (
            "stale token version",
            bearer(sign(&secret, Algorithm::HS256, &with("ver", json!(1)))),
        ),
        (
            "unknown user",
            bearer(sign(
                &secret,
                Algorithm::HS256,
                &claims("01890a5d-ac96-774b-bcce-b302099a8057"),
            )),
        ),
        (
            "sub not a uuid",
            bearer(sign(&secret, Algorithm::HS256, &with("sub", json!("ada")))),
        ),
        ("tampered payload", bearer(tampered)),
    ];
    for (case, authorization) in cases {
        assert_refused(&app, authorization, case).await;
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

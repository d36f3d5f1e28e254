//! Importing contacts from CSV and exporting them as CSV or vCard.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, invalid_fields, problem};

const LINKEDIN_EXPORT: &str = "Notes:\r\n\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more about this here: https://www.linkedin.com/help/linkedin/answer/261\"\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nJosé,Núñez,https://www.linkedin.com/in/jose-nunez-123,,Acme Corp,Senior Data Engineer,01 Sep 2026\r\nAda,Lovelace,https://www.linkedin.com/in/ada-lovelace,ada@example.com,\"Analytical Engines, Ltd.\",Founder & CEO,12 Dec 2025\r\nGrace,Hopper,https://www.linkedin.com/in/grace-hopper,,US Navy,Rear Admiral,03 Mar 2024\r\nMing,,https://www.linkedin.com/in/ming,,\"Quote \"\"Inc\"\"\",Engineer,05 May 2023\r\n";

async fn import(
    app: &TestApp,
    token: &str,
    body: impl Into<reqwest::Body>,
    content_type: &str,
) -> reqwest::Response {
    app.request(Method::POST, "/v1/contacts/import", Some(token))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .expect("sent")
}

#[actix_web::test]
async fn a_linkedin_export_imports_once() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let response = import(&app, token, LINKEDIN_EXPORT, "text/csv").await;
    assert_eq!(response.status(), StatusCode::OK);
    let result: Value = response.json().await.expect("json");
    assert_eq!(
        result,
        json!({"created": 4, "updated": 0, "skipped": 0, "errors": []})
    );

    let jose = app.get_json("/v1/contacts?q=jose", token).await;
    let jose = &jose["items"][0];
    assert_eq!(jose["full_name"], "José Núñez");
    assert_eq!(jose["company"], "Acme Corp");
    assert_eq!(jose["job_title"], "Senior Data Engineer");
    assert_eq!(jose["email"], Value::Null);
    assert_eq!(
        jose["linkedin_url"],
        "https://www.linkedin.com/in/jose-nunez-123"
    );
    let ming = app.get_json("/v1/contacts?q=ming", token).await;
    assert_eq!(ming["items"][0]["company"], "Quote \"Inc\"");

    let again: Value = import(&app, token, LINKEDIN_EXPORT, "text/csv; charset=utf-8")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(
        again,
        json!({"created": 0, "updated": 0, "skipped": 4, "errors": []})
    );
    assert_eq!(
        app.database
            .count("SELECT count(*) AS count FROM contacts")
            .await,
        4
    );

    // A newer export with a changed position updates the contact in place.
    let newer = LINKEDIN_EXPORT.replace("Senior Data Engineer", "Staff Data Engineer");
    let result: Value = import(&app, token, newer, "text/csv")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(result["updated"], 1);
    assert_eq!(result["created"], 0);
}

#[actix_web::test]
async fn rows_that_cannot_be_stored_are_listed_by_line_and_the_rest_is_kept() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let file = format!(
        "full_name,email,tags,source,has_hiring_power\nGood,good@example.com,a;b,alumni,yes\n,missing@example.com,,,\nBad Email,nope,,,\nBad Source,,,pigeon,\n{},,,,\nDup,good@example.com,,,\n",
        "x".repeat(201)
    );
    let result: Value = import(&app, token, file, "text/csv")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(result["created"], 1);
    let lines: Vec<u64> = result["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["line"].as_u64().expect("line"))
        .collect();
    assert_eq!(lines, vec![3, 4, 5, 6]);
    // The last row has the same email as the first: the same person.
    assert_eq!(
        result["skipped"].as_u64().unwrap_or_default()
            + result["updated"].as_u64().unwrap_or_default(),
        1
    );
    let good = app.get_json("/v1/contacts?q=good", token).await;
    assert_eq!(good["items"][0]["tags"], json!(["a", "b"]));
    assert_eq!(good["items"][0]["source"], "alumni");
    assert_eq!(good["items"][0]["has_hiring_power"], true);
    assert_eq!(
        app.database
            .count("SELECT count(*) AS count FROM contacts")
            .await,
        1
    );
}

#[actix_web::test]
async fn malformed_oversized_and_mistyped_uploads_are_refused() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    assert_eq!(
        invalid_fields(import(&app, token, "no,header,here\n1,2,3\n", "text/csv").await).await,
        vec!["body"]
    );
    assert_eq!(
        invalid_fields(import(&app, token, vec![0xff_u8, 0xfe, 0x41], "text/csv").await).await,
        vec!["body"]
    );
    assert_eq!(
        invalid_fields(import(&app, token, "", "text/csv").await).await,
        vec!["body"]
    );
    problem(
        import(&app, token, LINKEDIN_EXPORT, "application/json").await,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
    )
    .await;

    let mut huge = String::from("full_name,notes\n");
    while huge.len() <= 6 * 1024 * 1024 {
        huge.push_str(&format!("Person {},{}\n", huge.len(), "n".repeat(500)));
    }
    problem(
        import(&app, token, huge, "text/csv").await,
        StatusCode::PAYLOAD_TOO_LARGE,
    )
    .await;
    assert_eq!(
        app.database
            .count("SELECT count(*) AS count FROM contacts")
            .await,
        0
    );
}

#[actix_web::test]
async fn exported_csv_defuses_formula_cells_and_imports_back_unchanged() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let formulas = "full_name,company,phone,notes\n=HYPERLINK(\"http://evil.example\"),+cmd|' /C calc'!A0,-2+3,@SUM(A1:A2)\n";
    let result: Value = import(&app, token, formulas, "text/csv")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(result["created"], 1, "{result}");
    let stored = app.get_json("/v1/contacts", token).await;
    assert_eq!(
        stored["items"][0]["full_name"], "=HYPERLINK(\"http://evil.example\")",
        "stored verbatim"
    );

    let response = app.get("/v1/contacts/export?format=csv", token).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .expect("ascii")
            .starts_with("text/csv")
    );
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .expect("ascii")
            .contains("contacts.csv")
    );
    let csv = response.text().await.expect("text");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().expect("header").clone();
    let record = reader.records().next().expect("a row").expect("valid csv");
    for (column, value) in header.iter().zip(record.iter()) {
        assert!(
            !value.starts_with(['=', '+', '-', '@']),
            "{column} starts like a formula: {value}"
        );
    }
    // The export is itself an importable file that matches what exists.
    let again: Value = import(&app, token, csv, "text/csv")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(again["created"], 0, "{again}");
    assert_eq!(again["errors"], json!([]));
}

#[actix_web::test]
async fn vcard_export_is_vcard_4_that_a_parser_reads_back() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    app.contact(token, json!({"full_name": "Grace Hopper", "email": "grace@example.com", "phone": "+1 555 0100",
        "company": "US Navy", "job_title": "Rear Admiral", "tags": ["navy"], "notes": "Line one\nLine two; with, punctuation",
        "linkedin_url": "https://www.linkedin.com/in/grace"})).await;
    app.contact(token, json!({"full_name": "José Núñez"})).await;
    let response = app.get("/v1/contacts/export?format=vcard", token).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .expect("ascii")
            .starts_with("text/vcard")
    );
    let text = response.text().await.expect("text");
    let cards = vcard4::parse(&text).expect("valid vCard");
    assert_eq!(cards.len(), 2);
    let grace = cards
        .iter()
        .find(|card| card.formatted_name[0].value == "Grace Hopper")
        .expect("grace");
    assert_eq!(grace.email[0].value, "grace@example.com");
    assert_eq!(grace.note[0].value, "Line one\nLine two; with, punctuation");
    assert!(text.contains("VERSION:4.0"));
    problem(
        app.get("/v1/contacts/export?format=pdf", token).await,
        StatusCode::BAD_REQUEST,
    )
    .await;
}

#[actix_web::test]
async fn no_stored_text_can_start_a_vcard_property_of_its_own() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    app.contact(
        token,
        json!({"full_name": "Grace\r\nEMAIL:attacker@evil.example\r\nX", "company": "Navy\rInc",
            "notes": "first line\r\nsecond line\u{7}", "tags": ["a\u{1b}b"]}),
    )
    .await;
    let text = app
        .get("/v1/contacts/export?format=vcard", token)
        .await
        .text()
        .await
        .expect("text");
    assert!(!text.contains("attacker@evil.example\r\n"), "{text}");
    assert!(
        !text.split("\r\n").any(|line| line.starts_with("EMAIL")),
        "{text}"
    );
    assert!(
        !text.replace("\r\n", "").contains(['\r', '\u{7}', '\u{1b}']),
        "{text:?}"
    );
    let cards = vcard4::parse(&text).expect("valid vCard");
    assert_eq!(
        cards[0].formatted_name[0].value,
        "GraceEMAIL:attacker@evil.exampleX"
    );
    assert_eq!(cards[0].note[0].value, "first line\nsecond line");
}

/// The fields an import reads back, of every contact, by name.
async fn importable_fields(app: &TestApp, token: &str) -> Vec<Value> {
    let page = app
        .get_json("/v1/contacts?limit=100&archived=false", token)
        .await;
    let mut contacts: Vec<Value> = page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|contact| {
            let fields = [
                "full_name",
                "email",
                "phone",
                "linkedin_url",
                "company",
                "job_title",
                "field",
                "location",
                "source",
                "has_hiring_power",
                "tags",
                "notes",
            ];
            Value::Object(
                fields
                    .iter()
                    .map(|field| ((*field).to_owned(), contact[*field].clone()))
                    .collect(),
            )
        })
        .collect();
    contacts.sort_by_key(|contact| contact["full_name"].as_str().unwrap_or_default().to_owned());
    contacts
}

#[actix_web::test]
async fn a_contact_with_every_field_at_its_maximum_is_found_exported_and_imported_back() {
    use crate::limits::{dense_text, longest_email};
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    let notes = format!("{}zebraquux", dense_text(20_000 - 9, 1));
    let contact = app
        .contact(
            &ada.access_token,
            json!({"full_name": format!("={}", dense_text(199, 2)), "email": longest_email('e'),
                "phone": format!("+{}", dense_text(49, 3)), "linkedin_url": format!("https://x.example/{}", "l".repeat(1982)),
                "company": format!(" @{}", dense_text(198, 4)), "job_title": format!("\n-{}", dense_text(198, 5)),
                "field": format!("'{}", dense_text(199, 6)), "location": format!("＝{}", dense_text(199, 7)),
                "source": "alumni", "has_hiring_power": false,
                "tags": (0..20).map(|index| format!("{index};{}", dense_text(37, 10 + index))).collect::<Vec<_>>(),
                "notes": notes}),
        )
        .await;
    let patched = app
        .patch_json(
            &format!("/v1/contacts/{}", contact["id"].as_str().expect("id")),
            &ada.access_token,
            &json!({"notes": format!("{}zebraquux", dense_text(20_000 - 9, 8))}),
        )
        .await;
    assert_eq!(patched.status(), StatusCode::OK);
    let found = app
        .get_json("/v1/contacts?q=zebraquux", &ada.access_token)
        .await;
    assert_eq!(
        found["items"].as_array().expect("items").len(),
        1,
        "found by its note's end"
    );

    let exported = app
        .get("/v1/contacts/export?format=csv", &ada.access_token)
        .await;
    assert_eq!(exported.status(), StatusCode::OK);
    let csv = exported.text().await.expect("text");
    let result: Value = import(&app, &bob.access_token, csv, "text/csv")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(result["created"], 1, "{result}");
    assert_eq!(result["errors"], json!([]), "{result}");
    assert_eq!(
        importable_fields(&app, &bob.access_token).await,
        importable_fields(&app, &ada.access_token).await,
        "imported back exactly"
    );
    let vcard = app
        .get("/v1/contacts/export?format=vcard", &ada.access_token)
        .await;
    vcard4::parse(vcard.text().await.expect("text")).expect("valid vCard");
}

#[actix_web::test]
async fn no_exported_cell_starts_like_a_formula_and_a_users_own_quote_survives() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let bob = app.user("bob").await;
    let risky = [
        " =1+1",
        "\n=cmd",
        "＝HYPERLINK(\"x\")",
        "\t@x",
        "'kept as typed",
        "''two",
        "-",
        "+1 555",
    ];
    for (index, value) in risky.iter().enumerate() {
        app.contact(
            &ada.access_token,
            json!({"full_name": format!("Contact {index}"), "notes": value, "company": value}),
        )
        .await;
    }
    let csv = app
        .get("/v1/contacts/export?format=csv", &ada.access_token)
        .await
        .text()
        .await
        .expect("text");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().expect("header").clone();
    for record in reader.records() {
        let record = record.expect("valid csv");
        for (column, cell) in header.iter().zip(record.iter()) {
            if column == "notes" || column == "company" {
                assert!(cell.starts_with('\''), "{column}: {cell:?}");
            }
        }
    }
    let result: Value = import(&app, &bob.access_token, csv, "text/csv")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(result["created"], risky.len(), "{result}");
    assert_eq!(
        importable_fields(&app, &bob.access_token).await,
        importable_fields(&app, &ada.access_token).await
    );
}

#[actix_web::test]
async fn a_file_of_more_than_30000_rows_stores_nothing_and_answers_413() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let mut file = String::from("full_name\n");
    for index in 0..30_001 {
        file.push_str(&format!("r{index}\n"));
    }
    let body = problem(
        import(&app, &ada.access_token, file, "text/csv").await,
        StatusCode::PAYLOAD_TOO_LARGE,
    )
    .await;
    assert_eq!(body["code"], "payload_too_large");
    assert_eq!(app.database.count("SELECT count(*) FROM contacts").await, 0);
}

#[actix_web::test]
async fn rows_past_the_contacts_cap_are_listed_and_the_rest_of_the_batch_is_stored() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    app.database
        .run_statement(&format!(
            "SELECT rapport_take_usage('{}', 'contacts', 29997)",
            ada.id
        ))
        .await;
    let file = "full_name\nOne\nTwo\nThree\nFour\nFive\n";
    let result: Value = import(&app, &ada.access_token, file, "text/csv")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(result["created"], 3, "{result}");
    let errors = result["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 2, "{result}");
    assert_eq!(errors[0]["line"], 5);
    assert!(
        errors[0]["message"]
            .as_str()
            .expect("message")
            .starts_with("limit_reached"),
        "{result}"
    );
}

#[actix_web::test]
async fn export_and_network_are_complete_past_one_batch() {
    let app = TestApp::spawn().await;
    let ada = app.user("ada").await;
    let token = &ada.access_token;
    let mut file = String::from("full_name,email\n");
    for index in 0..1201 {
        file.push_str(&format!("Person {index:04},p{index}@example.com\n"));
    }
    let result: Value = import(&app, token, file, "text/csv")
        .await
        .json()
        .await
        .expect("json");
    assert_eq!(result["created"], 1201, "{result}");
    // A referral chain through the first few.
    let page = app.get_json("/v1/contacts?limit=3", token).await;
    let ids: Vec<&str> = page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|c| c["id"].as_str().expect("id"))
        .collect();
    for pair in ids.windows(2) {
        let response = app
            .patch_json(
                &format!("/v1/contacts/{}", pair[1]),
                token,
                &json!({"referred_by_contact_id": pair[0]}),
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
    }
    let csv = app
        .get("/v1/contacts/export", token)
        .await
        .text()
        .await
        .expect("text");
    let rows = csv::Reader::from_reader(csv.as_bytes()).records().count();
    assert_eq!(rows, 1201);
    let network = app.get_json("/v1/network", token).await;
    assert_eq!(network["nodes"].as_array().expect("nodes").len(), 1201);
    assert_eq!(network["edges"].as_array().expect("edges").len(), 2);
    let edges: Vec<(&str, &str)> = network["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|edge| {
            (
                edge["from"].as_str().expect("from"),
                edge["to"].as_str().expect("to"),
            )
        })
        .collect();
    assert!(
        edges.contains(&(ids[0], ids[1])) && edges.contains(&(ids[1], ids[2])),
        "{edges:?}"
    );
    let vcards = app
        .get("/v1/contacts/export?format=vcard", token)
        .await
        .text()
        .await
        .expect("text");
    assert_eq!(vcard4::parse(vcards).expect("vCards").len(), 1201);
}

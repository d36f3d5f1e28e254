//! Each text limit is written where each layer reads it: the schema
//! attribute (for the OpenAPI document), the `garde` rule (for validation)
//! and the SQL check (for the database). These tests hold the three equal,
//! with the OpenAPI document as the reference.

use std::collections::BTreeMap;

use diesel::QueryableByName;
use diesel_async::RunQueryDsl;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::helpers::TestDatabase;
use crate::limits::longest_email;

/// A string property's length bounds as the document states them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Bounds {
    min: Option<u64>,
    max: u64,
}

/// The bounded string properties of a component schema, by name, with
/// their format (`email`, a URL pattern or plain text).
fn bounded_properties(schema: &str) -> Vec<(String, Bounds, Value)> {
    let document = serde_json::to_value(rapport::openapi::document()).expect("json");
    let properties = document["components"]["schemas"][schema]["properties"]
        .as_object()
        .unwrap_or_else(|| panic!("{schema} has properties"));
    let mut bounded = Vec::new();
    for (name, property) in properties {
        // `Option<String>` fields are `oneOf [string, null]` or `type: [string, null]`.
        let candidates =
            std::iter::once(property).chain(property["oneOf"].as_array().into_iter().flatten());
        for candidate in candidates {
            if let Some(max) = candidate["maxLength"].as_u64() {
                let bounds = Bounds {
                    min: candidate["minLength"].as_u64(),
                    max,
                };
                bounded.push((name.clone(), bounds, candidate.clone()));
                break;
            }
        }
    }
    bounded
}

/// A value of `length` characters for a property of this schema: an
/// address or a URL where the schema asks for one and the length allows,
/// else text of two-byte characters (so a rule that counts bytes where
/// the schema counts characters is caught).
fn value_of_length(property: &Value, length: usize) -> String {
    let longest_email = longest_email('a');
    let domain = "@example.com";
    let url_prefix = "https://example.com/";
    let is_url = property["pattern"]
        .as_str()
        .is_some_and(|pattern| pattern.starts_with("^https?://"));
    if property["format"] == "email" && length >= longest_email.len() {
        format!(
            "{longest_email}{}",
            "a".repeat(length - longest_email.len())
        )
    } else if property["format"] == "email" && length > domain.len() {
        format!("{}{domain}", "a".repeat(length - domain.len()))
    } else if is_url && length >= url_prefix.len() {
        format!("{url_prefix}{}", "a".repeat(length - url_prefix.len()))
    } else {
        "é".repeat(length)
    }
}

/// The fields `T`'s rules refuse in `body`.
fn refused_fields<T: DeserializeOwned + garde::Validate<Context = ()>>(
    body: &Value,
) -> Vec<String> {
    let value: T = serde_json::from_value(body.clone())
        .unwrap_or_else(|error| panic!("{body} deserialises: {error}"));
    match value.validate() {
        Ok(()) => Vec::new(),
        Err(report) => report.iter().map(|(path, _)| path.to_string()).collect(),
    }
}

/// For each bounded property of `schema`: the longest value the document
/// allows passes `T`'s rules, one character more is refused, and one
/// character fewer than a stated minimum is refused.
fn rules_keep_the_documented_bounds<T>(schema: &str, minimal: Value)
where
    T: DeserializeOwned + garde::Validate<Context = ()>,
{
    assert!(
        refused_fields::<T>(&minimal).is_empty(),
        "{schema}: the minimal body {minimal} is valid"
    );
    let with = |name: &str, value: String| {
        let mut body = minimal.clone();
        body[name] = Value::String(value);
        body
    };
    for (name, bounds, property) in bounded_properties(schema) {
        let max = usize::try_from(bounds.max).expect("fits");
        let longest = with(&name, value_of_length(&property, max));
        assert!(
            !refused_fields::<T>(&longest).contains(&name),
            "{schema}.{name}: {max} characters are allowed"
        );
        let too_long = with(&name, value_of_length(&property, max + 1));
        assert!(
            refused_fields::<T>(&too_long).contains(&name),
            "{schema}.{name}: {} characters are refused",
            max + 1
        );
        eprintln!(
            "{schema}.{name}: {:?}",
            refused_fields::<T>(&with(&name, String::new()))
        );
        if let Some(min) = bounds.min.filter(|min| *min > 0) {
            let min = usize::try_from(min).expect("fits");
            let too_short = with(&name, value_of_length(&property, min - 1));
            assert!(
                refused_fields::<T>(&too_short).contains(&name),
                "{schema}.{name}: {} characters are refused",
                min - 1
            );
        }
    }
}

/// Checks one schema's bounds against one request type's rules.
type Check = fn(&str, Value);

/// Each request body with the least that makes it valid, and the check of
/// its type (whose name is the schema's).
fn minimal_request_bodies() -> Vec<(&'static str, Value, Check)> {
    use rapport::{
        action_items, auth, contacts, employers, interviews, outreach, question_sets, reminders,
        users, webhooks,
    };
    macro_rules! request {
        ($module:ident :: $file:ident :: $type:ident, $body:expr) => {
            (
                stringify!($type),
                $body,
                rules_keep_the_documented_bounds::<$module::$file::$type> as Check,
            )
        };
    }
    let id = "01890a5d-ac96-774b-bcce-b302099a8057";
    let at = "2031-01-01T00:00:00Z";
    vec![
        request!(
            auth::dto::RegisterRequest,
            json!({"email": "ada@example.com", "password": "long enough password", "display_name": "Ada"})
        ),
        request!(
            auth::dto::LoginRequest,
            json!({"email": "ada@example.com", "password": "long enough password"})
        ),
        request!(auth::dto::RefreshRequest, json!({"refresh_token": "token"})),
        request!(users::dto::UpdateMeRequest, json!({})),
        request!(
            users::dto::ChangePasswordRequest,
            json!({"current_password": "old password", "new_password": "new long password"})
        ),
        request!(
            employers::dto::CreateEmployerRequest,
            json!({"name": "Northwind"})
        ),
        request!(employers::dto::UpdateEmployerRequest, json!({})),
        request!(
            contacts::dto::CreateContactRequest,
            json!({"full_name": "Grace"})
        ),
        request!(contacts::dto::UpdateContactRequest, json!({})),
        request!(
            interviews::dto::CreateInterviewRequest,
            json!({"contact_id": id})
        ),
        request!(interviews::dto::UpdateInterviewRequest, json!({})),
        request!(
            interviews::dto::RequestActionBody,
            json!({"channel": "email"})
        ),
        request!(
            interviews::dto::ScheduleActionBody,
            json!({"scheduled_start": at})
        ),
        request!(interviews::dto::CompleteActionBody, json!({})),
        request!(interviews::dto::CancelActionBody, json!({})),
        request!(interviews::dto::UpdateInterviewQuestionRequest, json!({})),
        request!(
            question_sets::dto::CreateQuestionSetRequest,
            json!({"title": "Mine"})
        ),
        request!(question_sets::dto::UpdateQuestionSetRequest, json!({})),
        request!(
            question_sets::dto::CreateQuestionRequest,
            json!({"text": "What?", "category": "advice"})
        ),
        request!(question_sets::dto::UpdateQuestionRequest, json!({})),
        request!(
            action_items::dto::CreateActionItemRequest,
            json!({"text": "Follow up"})
        ),
        request!(action_items::dto::UpdateActionItemRequest, json!({})),
        request!(
            reminders::dto::CreateReminderRequest,
            json!({"title": "Call", "due_at": at})
        ),
        request!(reminders::dto::UpdateReminderRequest, json!({})),
        request!(
            webhooks::dto::CreateWebhookRequest,
            json!({"url": "https://example.com/hook", "events": ["reminder.due"]})
        ),
        request!(webhooks::dto::UpdateWebhookRequest, json!({})),
        request!(
            outreach::check::OutreachCheckRequest,
            json!({"message": "Hello"})
        ),
    ]
}

#[test]
fn every_request_bodys_rules_keep_the_lengths_its_schema_documents() {
    let bodies = minimal_request_bodies();
    let document = serde_json::to_value(rapport::openapi::document()).expect("json");
    let checked: Vec<&str> = bodies.iter().map(|(schema, _, _)| *schema).collect();
    for name in document["components"]["schemas"]
        .as_object()
        .expect("schemas")
        .keys()
    {
        let is_request = name.ends_with("Request") || name.ends_with("ActionBody");
        if is_request && !bounded_properties(name).is_empty() {
            assert!(checked.contains(&name.as_str()), "{name} is checked");
        }
    }
    for (schema, minimal, check) in bodies {
        check(schema, minimal);
    }
}

/// Which table stores each request schema's fields, and the properties
/// whose column has another name.
/// A property whose column has another name: (property, column).
type Renamed = &'static [(&'static str, &'static str)];

const STORED_IN: &[(&str, &str, Renamed)] = &[
    ("RegisterRequest", "users", &[]),
    ("UpdateMeRequest", "users", &[]),
    ("CreateEmployerRequest", "employers", &[]),
    ("UpdateEmployerRequest", "employers", &[]),
    ("CreateContactRequest", "contacts", &[]),
    ("UpdateContactRequest", "contacts", &[]),
    ("CreateQuestionSetRequest", "question_sets", &[]),
    ("UpdateQuestionSetRequest", "question_sets", &[]),
    ("CreateQuestionRequest", "questions", &[]),
    ("UpdateQuestionRequest", "questions", &[]),
    // Attaching a set copies its questions into the interview.
    ("CreateQuestionRequest", "interview_questions", &[]),
    ("UpdateInterviewQuestionRequest", "interview_questions", &[]),
    ("CreateInterviewRequest", "interviews", &[]),
    ("UpdateInterviewRequest", "interviews", &[]),
    (
        "RequestActionBody",
        "interviews",
        &[("message", "outreach_message")],
    ),
    ("ScheduleActionBody", "interviews", &[]),
    ("CompleteActionBody", "interviews", &[]),
    (
        "CancelActionBody",
        "interviews",
        &[("reason", "cancel_reason")],
    ),
    ("CreateActionItemRequest", "action_items", &[]),
    ("UpdateActionItemRequest", "action_items", &[]),
    ("CreateReminderRequest", "reminders", &[]),
    ("UpdateReminderRequest", "reminders", &[]),
    ("CreateWebhookRequest", "webhooks", &[]),
    ("UpdateWebhookRequest", "webhooks", &[]),
];

/// Every `char_length` check of the migrated database, by table and column.
async fn database_bounds(database: &TestDatabase) -> BTreeMap<(String, String), Bounds> {
    #[derive(QueryableByName)]
    struct Check {
        #[diesel(sql_type = diesel::sql_types::Text)]
        table_name: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        definition: String,
    }
    let mut connection = database.connection().await;
    let checks: Vec<Check> = diesel::sql_query(
        "SELECT conrelid::regclass::text AS table_name, pg_get_constraintdef(oid) AS definition \
         FROM pg_constraint WHERE contype = 'c' AND pg_get_constraintdef(oid) LIKE '%char_length(%'",
    )
    .load(&mut connection)
    .await
    .expect("checks");
    let mut bounds = BTreeMap::new();
    for check in checks {
        // PostgreSQL prints `BETWEEN a AND b` as `(char_length(c) >= a) AND
        // (char_length(c) <= b)`.
        let bound = |operator: &str| -> Option<(String, u64)> {
            let (before, after) = check.definition.split_once(&format!(") {operator} "))?;
            let column = before.rsplit_once("char_length(")?.1.to_owned();
            let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
            Some((column, digits.parse().ok()?))
        };
        let (column, max) = bound("<=").unwrap_or_else(|| {
            panic!(
                "{}: {} has an upper bound",
                check.table_name, check.definition
            )
        });
        let min = bound(">=").map(|(_, min)| min);
        bounds.insert((check.table_name, column), Bounds { min, max });
    }
    bounds
}

#[actix_web::test]
async fn every_stored_text_field_has_the_database_bounds_its_schema_documents() {
    let database = TestDatabase::create().await;
    let in_database = database_bounds(&database).await;
    let mut covered = std::collections::BTreeSet::new();
    for (schema, table, renamed) in STORED_IN {
        for (property, documented, _) in bounded_properties(schema) {
            let column = renamed
                .iter()
                .find(|(from, _)| *from == property)
                .map_or(property.as_str(), |(_, to)| to);
            let key = ((*table).to_owned(), column.to_owned());
            let Some(stored) = in_database.get(&key) else {
                // Not every field is stored as sent (a password is hashed).
                continue;
            };
            covered.insert(key.clone());
            assert_eq!(
                stored.max, documented.max,
                "{schema}.{property} and {table}.{column}"
            );
            if let Some(min) = documented.min {
                assert_eq!(
                    stored.min,
                    Some(min),
                    "{schema}.{property} and {table}.{column}"
                );
            }
        }
    }
    let unchecked: Vec<_> = in_database
        .keys()
        .filter(|key| !covered.contains(*key))
        .collect();
    assert!(
        unchecked.is_empty(),
        "checks no schema documents: {unchecked:?}"
    );
}

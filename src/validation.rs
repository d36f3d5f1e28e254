//! Field rules shared by several request bodies, for `#[garde(custom(...))]`.

use std::str::FromStr;

/// Passwords are 10 to 256 characters (DESIGN §2).
pub fn password(value: &str, _context: &()) -> garde::Result {
    let length = value.chars().count();
    if !(10..=256).contains(&length) {
        return Err(garde::Error::new("must be 10 to 256 characters long"));
    }
    Ok(())
}

/// The longest URL stored from a user (`meeting_url`, `linkedin_url`,
/// `website`, a webhook's `url`).
pub const URL_MAX_CHARS: usize = 2000;

/// What [`web_url`] accepts, also in the OpenAPI document: `http://` or
/// `https://`, an optional `user@`, a host name or IPv4 address, an
/// optional port, and no control character or space anywhere. A bracket
/// in the host makes a string URL parsers refuse ("http://[", "http://[:]")
/// unless it holds a valid IPv6 address, which no pattern a code generator
/// or fuzzer reads can check; meeting links and websites are named, so
/// IPv6 literals are refused. The schema attributes repeat it as a
/// literal (a test keeps them equal to this).
pub const WEB_URL_PATTERN: &str = r"^https?://([^\x00-\x20\x7f-\x9f/?#@\[\]]+@)?[^\x00-\x20\x7f-\x9f/?#@\[\]:]+(:[0-9]{1,5})?([/?#][^\x00-\x20\x7f-\x9f]*)?$";

static WEB_URL: std::sync::LazyLock<garde::rules::pattern::regex::Regex> =
    std::sync::LazyLock::new(|| {
        garde::rules::pattern::regex::Regex::new(WEB_URL_PATTERN).expect("the pattern compiles")
    });

fn is_control_or_space(character: char) -> bool {
    character <= ' ' || ('\u{7f}'..='\u{9f}').contains(&character)
}

/// A URL stored from a user: absolute `http` or `https`, no control
/// characters or spaces (a CR LF in a meeting URL once wrote new lines
/// into the calendar feed), at most [`URL_MAX_CHARS`] characters.
pub fn web_url(value: &str, _context: &()) -> garde::Result {
    if value.chars().count() > URL_MAX_CHARS {
        return Err(garde::Error::new(format!(
            "must be at most {URL_MAX_CHARS} characters long"
        )));
    }
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .ok_or_else(|| garde::Error::new("must be an absolute http:// or https:// URL"))?;
    if rest.starts_with(['/', '?', '#']) || rest.is_empty() {
        return Err(garde::Error::new("must name a host after `//`"));
    }
    if value.chars().any(is_control_or_space) {
        return Err(garde::Error::new(
            "must not contain spaces or control characters",
        ));
    }
    if !WEB_URL.is_match(value) {
        return Err(garde::Error::new(
            "must have a host name (or IPv4 address) and at most a numeric port",
        ));
    }
    Ok(())
}

/// An IANA time zone name such as `Europe/Berlin` or `UTC`.
pub fn time_zone(value: &str, _context: &()) -> garde::Result {
    chrono_tz::Tz::from_str(value)
        .map(drop)
        .map_err(|_| garde::Error::new("is not a known IANA time zone (e.g. `Europe/Berlin`)"))
}

/// The OpenAPI schema of a time zone field: a string the service checks
/// against the IANA database it was built with. Listing the ~600 names as
/// an enum broke code generators (`GMT0`, `GMT+0` and `GMT-0` become one
/// identifier) and would change the contract with every tz release.
pub struct TimeZoneName;

/// The longest IANA zone name is 32 characters; this leaves room.
pub const TIME_ZONE_MAX_LENGTH: usize = 64;

impl utoipa::PartialSchema for TimeZoneName {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(
                "An IANA time zone name, such as `Europe/Berlin` or `UTC`; an unknown one is a 422",
            ))
            .min_length(Some(1))
            .max_length(Some(TIME_ZONE_MAX_LENGTH))
            .examples(["Europe/Berlin"])
            .into()
    }
}

impl utoipa::ToSchema for TimeZoneName {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_urls_are_absolute_http_without_controls_or_spaces_and_agree_with_the_pattern() {
        let pattern = garde::rules::pattern::regex::Regex::new(WEB_URL_PATTERN)
            .expect("the pattern compiles");
        let long = format!("https://example.com/{}", "a".repeat(URL_MAX_CHARS - 20));
        let too_long = format!("{long}a");
        for (url, accepted) in [
            ("https://meet.example.com/abc?x=1#y", true),
            ("http://example.com", true),
            ("https://例え.jp/パス", true),
            (long.as_str(), true),
            (too_long.as_str(), false),
            ("https://x.example/\r\nATTACH:evil", false),
            ("https://x.example/ a", false),
            ("https://x.example/\u{85}", false),
            ("https://x.example/\u{7f}", false),
            ("HTTPS://x.example/", false),
            ("ftp://x.example/", false),
            ("javascript:alert(1)", false),
            ("https:///path", false),
            ("https://", false),
            ("//x.example/", false),
            ("x.example", false),
            ("http://[::1]:8080/x", false),
            ("http://192.0.2.1:8080/x", true),
            ("http://[:]/", false),
            ("https://user:secret@x.example/", true),
            ("https://x.example:443", true),
            ("http://[", false),
            ("http://[::1/x", false),
            ("http://x]y.example/", false),
            ("https://x.example:port/", false),
            ("https://@x.example/", false),
        ] {
            assert_eq!(web_url(url, &()).is_ok(), accepted, "{url:?}");
            if url.chars().count() <= URL_MAX_CHARS {
                assert_eq!(pattern.is_match(url), accepted, "pattern: {url:?}");
            }
        }
    }

    #[test]
    fn every_stored_url_field_of_the_document_carries_the_url_pattern() {
        let document: serde_json::Value =
            serde_json::from_str(&crate::openapi::document_json()).expect("json");
        let mut seen = 0;
        for (name, schema) in document["components"]["schemas"]
            .as_object()
            .expect("schemas")
        {
            let Some(properties) = schema["properties"].as_object() else {
                continue;
            };
            if name.ends_with("Response") || name.starts_with("Page") {
                continue;
            }
            for field in ["linkedin_url", "website", "meeting_url"] {
                if let Some(property) = properties.get(field) {
                    assert_eq!(property["pattern"], WEB_URL_PATTERN, "{name}.{field}");
                    assert_eq!(property["maxLength"], URL_MAX_CHARS, "{name}.{field}");
                    seen += 1;
                }
            }
        }
        assert!(seen >= 7, "{seen}");
    }
}

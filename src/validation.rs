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

/// An IANA time zone name such as `Europe/Berlin` or `UTC`.
pub fn time_zone(value: &str, _context: &()) -> garde::Result {
    chrono_tz::Tz::from_str(value)
        .map(drop)
        .map_err(|_| garde::Error::new("is not a known IANA time zone (e.g. `Europe/Berlin`)"))
}

/// The OpenAPI schema of a time zone field: every IANA name the service
/// knows, so clients can offer a list and fuzzers send valid ones.
pub struct TimeZoneName;

impl utoipa::PartialSchema for TimeZoneName {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some("An IANA time zone name"))
            .enum_values(Some(chrono_tz::TZ_VARIANTS.iter().map(|zone| zone.name())))
            .examples(["Europe/Berlin"])
            .into()
    }
}

impl utoipa::ToSchema for TimeZoneName {}

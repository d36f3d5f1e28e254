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

//! Timestamps in JSON: RFC 3339 in UTC, as chrono writes them
//! (`2026-11-26T17:40:01.123456Z`; a fraction only when there is one, in
//! 3, 6 or 9 digits).
//!
//! chrono's own `Serialize` hands the text to serde_json a character at a
//! time, and each character goes through the string escaper on its own: in
//! a page of contacts that was a seventh of all the work of writing it.
//! Formatted first and written as one string, a timestamp costs a fraction
//! of that. Response fields use these with `serialize_with`.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serializer;

pub fn serialize<S: Serializer>(at: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&at.to_rfc3339_opts(SecondsFormat::AutoSi, true))
}

/// For `Option<DateTime<Utc>>`: `null` when there is none.
pub mod option {
    use super::*;

    pub fn serialize<S: Serializer>(
        at: &Option<DateTime<Utc>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match at {
            Some(at) => super::serialize(at, serializer),
            None => serializer.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[derive(serde::Serialize)]
    struct Both {
        #[serde(serialize_with = "serialize")]
        ours: DateTime<Utc>,
        chronos: DateTime<Utc>,
        #[serde(serialize_with = "option::serialize")]
        none: Option<DateTime<Utc>>,
    }

    #[test]
    fn timestamps_are_written_exactly_as_chrono_writes_them() {
        let second = Utc.with_ymd_and_hms(2026, 11, 26, 17, 40, 1).unwrap();
        for nanos in [0, 123_000_000, 123_456_000, 123_456_789, 5_000] {
            let at = second + chrono::Duration::nanoseconds(nanos);
            let json = serde_json::to_value(Both {
                ours: at,
                chronos: at,
                none: None,
            })
            .expect("serialised");
            assert_eq!(json["ours"], json["chronos"], "{nanos}");
            assert_eq!(json["none"], serde_json::Value::Null);
        }
    }
}

//! The 3B7 business-day rule (DESIGN §2 "Reminders"), in the user's time zone.
//!
//! Take the local date of the request, and the next day if it was sent at or
//! after 12:00 local time; a Saturday or Sunday moves to Monday; add N
//! business days (Monday to Friday); the mark is 09:00 local that day.
//! Holidays are not counted (DESIGN §7).

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

fn next_day(date: NaiveDate) -> NaiveDate {
    date.checked_add_days(Days::new(1)).unwrap_or(date)
}

/// 09:00 local on `date`, as an instant. 09:00 is never inside a
/// daylight-saving gap in practice; if a zone had one there, the first valid
/// instant after it is taken.
fn nine_in_the_morning(date: NaiveDate, zone: Tz) -> DateTime<Utc> {
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default();
    let mut local = date.and_time(nine);
    for _ in 0..4 {
        if let Some(instant) = zone.from_local_datetime(&local).earliest() {
            return instant.with_timezone(&Utc);
        }
        local += chrono::Duration::minutes(30);
    }
    Utc.from_utc_datetime(&date.and_time(nine))
}

/// When `business_days` business days have passed since a request sent at
/// `sent_at`, by the 3B7 rule.
pub fn mark_after(sent_at: DateTime<Utc>, zone: Tz, business_days: u32) -> DateTime<Utc> {
    let local = sent_at.with_timezone(&zone);
    let noon = NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default();
    let mut date = local.date_naive();
    if local.time() >= noon {
        date = next_day(date);
    }
    while is_weekend(date) {
        date = next_day(date);
    }
    let mut added = 0;
    while added < business_days {
        date = next_day(date);
        if !is_weekend(date) {
            added += 1;
        }
    }
    nine_in_the_morning(date, zone)
}

/// The user's zone, UTC when the stored name is somehow unknown.
pub fn zone(name: &str) -> Tz {
    name.parse().unwrap_or(Tz::UTC)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(zone: Tz, text: &str) -> DateTime<Utc> {
        let naive = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("a time");
        zone.from_local_datetime(&naive)
            .single()
            .expect("unambiguous")
            .with_timezone(&Utc)
    }

    fn local(instant: DateTime<Utc>, zone: Tz) -> String {
        instant
            .with_timezone(&zone)
            .format("%a %Y-%m-%d %H:%M")
            .to_string()
    }

    #[test]
    fn the_examples_of_the_design() {
        let zone = Tz::UTC;
        // 2026-11-23 is a Monday.
        let morning = at(zone, "2026-11-23 10:00");
        assert_eq!(
            local(mark_after(morning, zone, 3), zone),
            "Thu 2026-11-26 09:00"
        );
        assert_eq!(
            local(mark_after(morning, zone, 7), zone),
            "Wed 2026-12-02 09:00"
        );
        let afternoon = at(zone, "2026-11-23 15:00");
        assert_eq!(
            local(mark_after(afternoon, zone, 3), zone),
            "Fri 2026-11-27 09:00"
        );
    }

    #[test]
    fn noon_friday_and_weekends_count_from_monday() {
        let zone: Tz = "Europe/Berlin".parse().expect("zone");
        for sent in ["2026-11-27 12:00", "2026-11-28 08:00", "2026-11-29 23:59"] {
            assert_eq!(
                local(mark_after(at(zone, sent), zone, 3), zone),
                "Thu 2026-12-03 09:00",
                "{sent}"
            );
        }
        assert_eq!(
            local(mark_after(at(zone, "2026-11-27 11:59"), zone, 3), zone),
            "Wed 2026-12-02 09:00"
        );
    }

    #[test]
    fn marks_are_09_00_local_across_clock_changes() {
        let new_york: Tz = "America/New_York".parse().expect("zone");
        // Spring forward on Sunday 2027-03-14; sent Thursday 2027-03-11 10:00.
        let mark = mark_after(at(new_york, "2027-03-11 10:00"), new_york, 3);
        assert_eq!(local(mark, new_york), "Tue 2027-03-16 09:00");
        assert_eq!(mark.to_rfc3339(), "2027-03-16T13:00:00+00:00");
        let berlin: Tz = "Europe/Berlin".parse().expect("zone");
        // Fall back on Sunday 2026-10-25; sent Friday 2026-10-23 09:00.
        let mark = mark_after(at(berlin, "2026-10-23 09:00"), berlin, 3);
        assert_eq!(local(mark, berlin), "Wed 2026-10-28 09:00");
        assert_eq!(mark.to_rfc3339(), "2026-10-28T08:00:00+00:00");
    }
}

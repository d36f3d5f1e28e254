//! Builds the iCalendar document.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use icalendar::{Alarm, Calendar, Component, Event, EventLike, Trigger};

use crate::interviews::models::Interview;
use crate::reminders::models::Reminder;
use crate::text::{one_line, paragraphs};

/// Interviews as timed events with a 30-minute alarm; reminders as all-day
/// events on their due date in the user's zone.
pub fn build(
    interviews: &[(Interview, String)],
    reminders: &[Reminder],
    zone: Tz,
    host: &str,
    now: DateTime<Utc>,
) -> String {
    // `Calendar::new` brings a PRODID of the library's own: one PRODID only.
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//Rapport//Informational interviews//EN"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .name("Rapport");
    for (interview, contact_name) in interviews {
        let Some(start) = interview.scheduled_start else {
            continue;
        };
        let end = start + Duration::minutes(i64::from(interview.duration_minutes));
        let contact_name = one_line(contact_name);
        let mut description = format!("Informational interview with {contact_name}.");
        if let Some(purpose) = &interview.purpose {
            description.push_str(&format!("\nPurpose: {}", paragraphs(purpose)));
        }
        if let Some(url) = &interview.meeting_url {
            description.push_str(&format!("\nJoin: {}", one_line(url)));
        }
        let mut event = Event::new();
        event
            .uid(&format!("interview-{}@{host}", interview.id))
            .summary(&format!("Informational interview: {contact_name}"))
            .description(&description)
            .starts(start)
            .ends(end)
            .timestamp(now)
            .sequence(u32::try_from(interview.version).unwrap_or_default())
            .alarm(Alarm::display(
                "Informational interview in 30 minutes",
                Trigger::before_start(Duration::minutes(30)),
            ));
        if let Some(location) = interview
            .location
            .as_ref()
            .or(interview.meeting_url.as_ref())
        {
            event.location(&one_line(location));
        }
        if let Some(url) = &interview.meeting_url {
            event.url(&one_line(url));
        }
        calendar.push(event.done());
    }
    for reminder in reminders {
        let due = reminder.snoozed_until.unwrap_or(reminder.due_at);
        let day = due.with_timezone(&zone).date_naive();
        let mut event = Event::new();
        // An all-day event ends the day after it starts (RFC 5545 §3.6.1:
        // DTEND is exclusive); ending on its own date made it zero days long.
        event
            .uid(&format!("reminder-{}@{host}", reminder.id))
            .summary(&one_line(&reminder.title))
            .starts(day)
            .ends(day.succ_opt().unwrap_or(day))
            .timestamp(now)
            .sequence(u32::try_from(reminder.version).unwrap_or_default());
        if let Some(note) = &reminder.note {
            event.description(&paragraphs(note));
        }
        calendar.push(event.done());
    }
    calendar.done().to_string()
}

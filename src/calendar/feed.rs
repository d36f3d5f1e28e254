//! Builds the iCalendar document.

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use icalendar::{Alarm, Calendar, Component, Event, EventLike, Trigger};

use crate::interviews::models::Interview;
use crate::reminders::models::Reminder;

/// Interviews as timed events with a 30-minute alarm; reminders as all-day
/// events on their due date in the user's zone.
pub fn build(
    interviews: &[(Interview, String)],
    reminders: &[Reminder],
    zone: Tz,
    host: &str,
    now: DateTime<Utc>,
) -> String {
    let mut calendar = Calendar::new();
    calendar
        .name("Rapport")
        .append_property(("PRODID", "-//Rapport//Informational interviews//EN"));
    for (interview, contact_name) in interviews {
        let Some(start) = interview.scheduled_start else {
            continue;
        };
        let end = start + Duration::minutes(i64::from(interview.duration_minutes));
        let mut description = format!("Informational interview with {contact_name}.");
        if let Some(purpose) = &interview.purpose {
            description.push_str(&format!("\nPurpose: {purpose}"));
        }
        if let Some(url) = &interview.meeting_url {
            description.push_str(&format!("\nJoin: {url}"));
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
            event.location(location);
        }
        if let Some(url) = &interview.meeting_url {
            event.url(url);
        }
        calendar.push(event.done());
    }
    for reminder in reminders {
        let due = reminder.snoozed_until.unwrap_or(reminder.due_at);
        let mut event = Event::new();
        event
            .uid(&format!("reminder-{}@{host}", reminder.id))
            .summary(&reminder.title)
            .all_day(due.with_timezone(&zone).date_naive())
            .timestamp(now)
            .sequence(u32::try_from(reminder.version).unwrap_or_default());
        if let Some(note) = &reminder.note {
            event.description(note);
        }
        calendar.push(event.done());
    }
    calendar.done().to_string()
}

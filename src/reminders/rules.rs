//! The rules that create, move and retire reminders (DESIGN §2
//! "Reminders"). Each runs inside the transaction of the change that causes
//! it, so a reminder exists exactly when its cause does.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::dto::{Kind, NOTE_MAX_CHARS, Origin, TITLE_MAX_CHARS};
use super::models::{NewReminder, ReminderChangeset};
use super::repo;
use crate::auth::models::User;
use crate::business_days;
use crate::error::ApiResult;
use crate::schema::{contacts, employers};
use crate::text;

/// What the rules read of an interview. The interviews module gives it
/// (`Interview::facts`), so that the rules depend on no other module's
/// rows.
#[derive(Debug, Clone)]
pub struct Interview {
    pub id: Uuid,
    pub user_id: Uuid,
    pub contact_id: Uuid,
    pub requested_at: Option<DateTime<Utc>>,
    pub scheduled_start: Option<DateTime<Utc>>,
    pub completed_at: Option<DateTime<Utc>>,
    pub may_contact_again: Option<bool>,
}

/// What the rules read of an action item (`ActionItem::facts`).
#[derive(Debug, Clone)]
pub struct ActionItem {
    pub id: Uuid,
    pub user_id: Uuid,
    pub interview_id: Uuid,
    pub text: String,
    pub done: bool,
    pub due_at: Option<DateTime<Utc>>,
}

/// The reminders a request starts, retired once the request is answered
/// or ends.
const REQUEST_KINDS: [&str; 2] = ["next_contact", "follow_up"];

/// A `next_contact` note names at most this many of the employer's other
/// contacts, then says how many more there are.
const NAMED_IN_NOTE: i64 = 10;

/// An automatic reminder. Titles and notes are written from names the
/// user typed, so they are cut to their columns' limits here, once.
fn auto(
    user_id: Uuid,
    kind: Kind,
    title: String,
    note: Option<String>,
    due_at: DateTime<Utc>,
) -> NewReminder {
    NewReminder {
        id: Uuid::now_v7(),
        user_id,
        kind,
        title: text::fit(&title, TITLE_MAX_CHARS),
        note: note.map(|note| text::fit(&note, NOTE_MAX_CHARS)),
        due_at,
        origin: Origin::Auto,
        interview_id: None,
        contact_id: None,
        action_item_id: None,
    }
}

fn for_interview(mut reminder: NewReminder, interview: &Interview) -> NewReminder {
    reminder.interview_id = Some(interview.id);
    reminder.contact_id = Some(interview.contact_id);
    reminder
}

async fn contact_name(connection: &mut AsyncPgConnection, id: Uuid) -> ApiResult<String> {
    Ok(contacts::table
        .find(id)
        .select(contacts::full_name)
        .first(connection)
        .await?)
}

/// Retires the interview's pending automatic reminders of these kinds.
async fn retire(
    connection: &mut AsyncPgConnection,
    interview: &Interview,
    kinds: &[&str],
) -> ApiResult<()> {
    let ids: Vec<Uuid> =
        repo::pending_of_interview(connection, interview.user_id, interview.id, kinds)
            .await?
            .iter()
            .map(|reminder| reminder.id)
            .collect();
    repo::retire(connection, interview.user_id, &ids).await?;
    Ok(())
}

/// A request went out: `next_contact` at the 3-business-day mark (naming
/// the employer's contacts not asked yet) and `follow_up` at the 7-day
/// mark, both created even when already due.
pub async fn on_request(
    connection: &mut AsyncPgConnection,
    user: &User,
    interview: &Interview,
) -> ApiResult<()> {
    let Some(sent_at) = interview.requested_at else {
        return Ok(());
    };
    let zone = business_days::zone(&user.time_zone);
    let (name, employer_id): (String, Option<Uuid>) = contacts::table
        .find(interview.contact_id)
        .select((contacts::full_name, contacts::employer_id))
        .first(connection)
        .await?;
    let (title, note) = match employer_id {
        Some(employer_id) => {
            let employer: String = employers::table
                .find(employer_id)
                .select(employers::name)
                .first(connection)
                .await?;
            let not_asked = contacts::table
                .filter(contacts::user_id.eq(user.id))
                .filter(contacts::employer_id.eq(employer_id))
                .filter(contacts::id.ne(interview.contact_id))
                .filter(contacts::archived_at.is_null())
                .filter(contacts::segment_requested_at.is_null());
            let named: Vec<String> = not_asked
                .order(contacts::full_name)
                .select(contacts::full_name)
                .limit(NAMED_IN_NOTE)
                .load(connection)
                .await?;
            let unnamed = match named.len() as i64 {
                NAMED_IN_NOTE => {
                    not_asked.count().get_result::<i64>(connection).await? - NAMED_IN_NOTE
                }
                _ => 0,
            };
            let note = (!named.is_empty()).then(|| not_asked_note(&employer, &named, unnamed));
            (
                format!("No answer from {name} yet: reach out to another person at {employer}"),
                note,
            )
        }
        None => (
            format!("No answer from {name} yet: reach out to another person"),
            None,
        ),
    };
    let reminders = [
        auto(
            user.id,
            Kind::NextContact,
            title,
            note,
            business_days::mark_after(sent_at, zone, 3),
        ),
        auto(
            user.id,
            Kind::FollowUp,
            format!("Send {name} one follow-up"),
            None,
            business_days::mark_after(sent_at, zone, 7),
        ),
    ]
    .map(|reminder| for_interview(reminder, interview));
    repo::insert_many(connection, &reminders).await?;
    Ok(())
}

/// "Not asked yet at Acme: Ada, Bob and 3 more".
fn not_asked_note(employer: &str, named: &[String], unnamed: i64) -> String {
    let names = named.join(", ");
    match unnamed {
        0 => format!("Not asked yet at {employer}: {names}"),
        more => format!("Not asked yet at {employer}: {names} and {more} more"),
    }
}

/// The request was answered (scheduled or declined), marked no-response,
/// or cancelled: its reminders retire.
pub async fn on_request_settled(
    connection: &mut AsyncPgConnection,
    interview: &Interview,
) -> ApiResult<()> {
    retire(connection, interview, &REQUEST_KINDS).await
}

/// Scheduled or rescheduled: `prepare` 24 hours before the start, moved on
/// a reschedule; none (and an earlier one retired) for a start in the past.
pub async fn on_schedule(
    connection: &mut AsyncPgConnection,
    user: &User,
    interview: &Interview,
) -> ApiResult<()> {
    on_request_settled(connection, interview).await?;
    let existing =
        repo::pending_of_interview(connection, interview.user_id, interview.id, &["prepare"])
            .await?;
    let Some(start) = interview
        .scheduled_start
        .filter(|start| *start > Utc::now())
    else {
        let ids: Vec<Uuid> = existing.iter().map(|reminder| reminder.id).collect();
        repo::retire(connection, interview.user_id, &ids).await?;
        return Ok(());
    };
    let due_at = start - Duration::hours(24);
    match <[_]>::first(&existing) {
        Some(prepare) if prepare.due_at != due_at => {
            repo::update(
                connection,
                user.id,
                prepare.id,
                &ReminderChangeset {
                    due_at: Some(due_at),
                    notified_at: Some(None),
                    snoozed_until: Some(None),
                    ..ReminderChangeset::default()
                },
            )
            .await?;
        }
        Some(_) => {}
        None => {
            let name = contact_name(connection, interview.contact_id).await?;
            let reminder = auto(
                user.id,
                Kind::Prepare,
                format!("Prepare for your interview with {name}"),
                Some("Pick your questions and keep to the time you asked for.".to_owned()),
                due_at,
            );
            repo::insert(connection, &for_interview(reminder, interview)).await?;
        }
    }
    Ok(())
}

/// Cancelled: everything still pending for the interview retires.
pub async fn on_cancel(connection: &mut AsyncPgConnection, interview: &Interview) -> ApiResult<()> {
    retire(
        connection,
        interview,
        &["next_contact", "follow_up", "prepare"],
    )
    .await
}

/// Completed: `prepare` retires; `thank_you` is due 24 hours after, and
/// `reconnect` 30 × 24 hours after when the contact may be contacted again.
pub async fn on_complete(
    connection: &mut AsyncPgConnection,
    user: &User,
    interview: &Interview,
) -> ApiResult<()> {
    retire(
        connection,
        interview,
        &["next_contact", "follow_up", "prepare"],
    )
    .await?;
    let Some(completed_at) = interview.completed_at else {
        return Ok(());
    };
    let name = contact_name(connection, interview.contact_id).await?;
    let mut reminders = vec![auto(
        user.id,
        Kind::ThankYou,
        format!("Send {name} a thank-you note"),
        Some(
            "Within 24 hours: thank them, recall one thing you learned, say what you will do next."
                .to_owned(),
        ),
        completed_at + Duration::hours(24),
    )];
    if interview.may_contact_again == Some(true) {
        reminders.push(auto(
            user.id,
            Kind::Reconnect,
            format!("Reconnect with {name}"),
            Some("Report back on what you did with their advice.".to_owned()),
            completed_at + Duration::hours(30 * 24),
        ));
    }
    let reminders: Vec<NewReminder> = reminders
        .into_iter()
        .map(|reminder| for_interview(reminder, interview))
        .collect();
    repo::insert_many(connection, &reminders).await?;
    Ok(())
}

/// The thank-you is recorded: its reminder retires.
pub async fn on_thank_you(
    connection: &mut AsyncPgConnection,
    interview: &Interview,
) -> ApiResult<()> {
    retire(connection, interview, &["thank_you"]).await
}

/// An action item was created or changed: its reminder follows its due
/// time, and retires when the item is done, loses its due time, or goes.
pub async fn on_action_item(
    connection: &mut AsyncPgConnection,
    item: &ActionItem,
    contact_id: Uuid,
    deleted: bool,
) -> ApiResult<()> {
    let existing = repo::pending_of_action_item(connection, item.user_id, item.id).await?;
    let wanted = item.due_at.filter(|_| !item.done && !deleted);
    match (existing, wanted) {
        (Some(reminder), None) => {
            repo::retire(connection, item.user_id, &[reminder.id]).await?;
        }
        (Some(reminder), Some(due_at)) => {
            let title = text::fit(&item.text, TITLE_MAX_CHARS);
            let changes = ReminderChangeset {
                title: (reminder.title != title).then_some(title),
                due_at: (reminder.due_at != due_at).then_some(due_at),
                notified_at: (reminder.due_at != due_at).then_some(None),
                ..ReminderChangeset::default()
            };
            if changes != ReminderChangeset::default() {
                repo::update(connection, reminder.user_id, reminder.id, &changes).await?;
            }
        }
        (None, Some(due_at)) => {
            let mut reminder = auto(
                item.user_id,
                Kind::ActionItem,
                item.text.clone(),
                None,
                due_at,
            );
            reminder.interview_id = Some(item.interview_id);
            reminder.contact_id = Some(contact_id);
            reminder.action_item_id = Some(item.id);
            repo::insert(connection, &reminder).await?;
        }
        (None, None) => {}
    }
    Ok(())
}

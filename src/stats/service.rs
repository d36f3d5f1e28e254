//! The progress statistics, computed from a few aggregate reads of the
//! caller's rows.

use chrono::{Duration, Utc};
use diesel_async::AsyncPgConnection;
use uuid::Uuid;

use super::dto::{ContactsBySegment, InterviewsByStatus, Stats, ThankYouStats};
use super::repo;
use crate::contacts::dto::Segment;
use crate::error::{ApiError, ApiResult};

fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[middle - 1] + values[middle]) / 2.0
    } else {
        values[middle]
    })
}

/// The caller's statistics.
pub async fn of_user(connection: &mut AsyncPgConnection, user_id: Uuid) -> ApiResult<Stats> {
    let times = repo::interview_times(connection, user_id).await?;
    let segments = repo::segments(connection, user_id).await?;
    let referrals_gained = repo::referrals_gained(connection, user_id).await?;
    let overdue_reminders = crate::reminders::repo::overdue_count(connection, user_id).await?;
    let lamp_top5_with_active_contact =
        repo::lamp_top5_with_active_contact(connection, user_id).await?;

    let now = Utc::now();
    let day = Duration::hours(24);
    let mut interviews_by_status = InterviewsByStatus::default();
    let (mut requested, mut answered, mut reply_hours) = (0_i64, 0_i64, Vec::new());
    let (mut on_time, mut due) = (0, 0);
    for interview in &times {
        interviews_by_status.count(interview.status);
        if let Some(requested_at) = interview.requested_at {
            requested += 1;
            if let Some(responded_at) = interview.responded_at {
                answered += 1;
                reply_hours.push((responded_at - requested_at).num_seconds() as f64 / 3600.0);
            }
        }
        if let Some(completed_at) = interview.completed_at {
            let thanked_on_time = interview
                .thank_you_sent_at
                .is_some_and(|sent_at| sent_at <= completed_at + day);
            if interview.thank_you_sent_at.is_some() || now >= completed_at + day {
                due += 1;
            }
            if thanked_on_time {
                on_time += 1;
            }
        }
    }
    let mut contacts_by_segment = ContactsBySegment::default();
    for name in segments {
        let segment = Segment::ALL
            .into_iter()
            .find(|segment| segment.as_str() == name)
            .ok_or_else(|| ApiError::internal(format!("rapport_segment gave {name:?}")))?;
        contacts_by_segment.count(segment);
    }
    Ok(Stats {
        interviews_by_status,
        reply_rate: (requested > 0).then(|| answered as f64 / requested as f64),
        median_hours_to_first_reply: median(reply_hours),
        contacts_by_segment,
        thank_you: ThankYouStats { on_time, due },
        referrals_gained,
        lamp_top5_with_active_contact,
        overdue_reminders,
    })
}

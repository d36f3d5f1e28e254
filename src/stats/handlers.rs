//! `/v1/stats`.

use std::collections::BTreeMap;

use actix_web::{get, web};
use chrono::{Duration, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use super::repo;
use crate::auth::AuthUserWithConnection;
use crate::contacts::dto::Segment;
use crate::error::ApiResult;
use crate::interviews::transitions::Status;

pub fn configure(config: &mut ServiceConfig) {
    config.service(get_stats);
}

/// Thank-you notes sent within 24 hours, out of those due.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ThankYouStats {
    pub on_time: i64,
    /// Completed interviews whose 24 hours have passed or that were thanked.
    pub due: i64,
}

/// How the job seeker's outreach is going.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Stats {
    /// Every status, with 0 where there are none.
    pub interviews_by_status: BTreeMap<String, i64>,
    /// Answered requests out of requests sent; `null` before the first request.
    pub reply_rate: Option<f64>,
    /// Median hours from request to answer; `null` before the first answer.
    pub median_hours_to_first_reply: Option<f64>,
    /// Every segment, with 0 where there are none.
    pub contacts_by_segment: BTreeMap<String, i64>,
    pub thank_you: ThankYouStats,
    /// Contacts added through interviews' referrals.
    pub referrals_gained: i64,
    /// Employers in the LAMP top five with at least one active contact.
    pub lamp_top5_with_active_contact: i64,
    /// Pending reminders past their due time.
    pub overdue_reminders: i64,
}

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

/// Read progress
///
/// Interviews by status, reply rate and median time to the first reply,
/// contacts by segment, thank-you notes on time, referrals gained, LAMP top
/// five employers with an active contact, and overdue reminders.
#[utoipa::path(
    tag = "interviews",
    responses((status = 200, description = "The statistics", body = Stats)),
    security(("bearer" = [])),
)]
#[get("/stats")]
pub async fn get_stats(
    AuthUserWithConnection {
        user,
        mut connection,
    }: AuthUserWithConnection,
) -> ApiResult<web::Json<Stats>> {
    let user_id = user.id;
    let times = repo::interview_times(&mut connection, user_id).await?;
    let segments = repo::segments(&mut connection, user_id).await?;
    let referrals_gained = repo::referrals_gained(&mut connection, user_id).await?;
    let overdue_reminders = crate::reminders::repo::overdue_count(&mut connection, user_id).await?;
    let lamp_top5_with_active_contact =
        repo::lamp_top5_with_active_contact(&mut connection, user_id).await?;
    drop(connection);

    let now = Utc::now();
    let day = Duration::hours(24);
    let mut interviews_by_status: BTreeMap<String, i64> = Status::ALL
        .iter()
        .map(|status| (status.as_str().to_owned(), 0))
        .collect();
    let (mut requested, mut answered, mut reply_hours) = (0_i64, 0_i64, Vec::new());
    let (mut on_time, mut due) = (0, 0);
    for interview in &times {
        *interviews_by_status
            .entry(interview.status.clone())
            .or_default() += 1;
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
    let mut contacts_by_segment: BTreeMap<String, i64> = Segment::ALL
        .iter()
        .map(|segment| (segment.as_str().to_owned(), 0))
        .collect();
    for segment in segments {
        *contacts_by_segment.entry(segment).or_default() += 1;
    }
    Ok(web::Json(Stats {
        interviews_by_status,
        reply_rate: (requested > 0).then(|| answered as f64 / requested as f64),
        median_hours_to_first_reply: median(reply_hours),
        contacts_by_segment,
        thank_you: ThankYouStats { on_time, due },
        referrals_gained,
        lamp_top5_with_active_contact,
        overdue_reminders,
    }))
}

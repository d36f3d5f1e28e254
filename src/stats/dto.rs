//! Wire types of the progress statistics.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::contacts::dto::Segment;
use crate::interviews::transitions::Status;

/// How many interviews are in each status, 0 where there are none.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct InterviewsByStatus {
    pub planned: i64,
    pub requested: i64,
    pub scheduled: i64,
    pub completed: i64,
    pub declined: i64,
    pub no_response: i64,
    pub cancelled: i64,
}

impl InterviewsByStatus {
    pub fn count(&mut self, status: Status) {
        *match status {
            Status::Planned => &mut self.planned,
            Status::Requested => &mut self.requested,
            Status::Scheduled => &mut self.scheduled,
            Status::Completed => &mut self.completed,
            Status::Declined => &mut self.declined,
            Status::NoResponse => &mut self.no_response,
            Status::Cancelled => &mut self.cancelled,
        } += 1;
    }
}

/// How many contacts are in each segment, 0 where there are none.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct ContactsBySegment {
    pub unknown: i64,
    pub awaiting: i64,
    pub booster: i64,
    pub obligate: i64,
    pub curmudgeon: i64,
}

impl ContactsBySegment {
    pub fn count(&mut self, segment: Segment) {
        *match segment {
            Segment::Unknown => &mut self.unknown,
            Segment::Awaiting => &mut self.awaiting,
            Segment::Booster => &mut self.booster,
            Segment::Obligate => &mut self.obligate,
            Segment::Curmudgeon => &mut self.curmudgeon,
        } += 1;
    }
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
    pub interviews_by_status: InterviewsByStatus,
    /// Answered requests out of requests sent; `null` before the first request.
    pub reply_rate: Option<f64>,
    /// Median hours from request to answer; `null` before the first answer.
    pub median_hours_to_first_reply: Option<f64>,
    pub contacts_by_segment: ContactsBySegment,
    pub thank_you: ThankYouStats,
    /// Contacts added through interviews' referrals.
    pub referrals_gained: i64,
    /// Employers in the LAMP top five with at least one active contact.
    pub lamp_top5_with_active_contact: i64,
    /// Pending reminders past their due time.
    pub overdue_reminders: i64,
}

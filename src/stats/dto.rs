//! Wire types of the progress statistics.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

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

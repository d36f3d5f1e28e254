//! Wire types of the calendar feed.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A calendar feed's secret address.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CalendarFeed {
    /// Absolute; subscribe to it from any calendar.
    pub url: String,
    /// 256 random bits, hex; only its hash is stored.
    pub token: String,
}

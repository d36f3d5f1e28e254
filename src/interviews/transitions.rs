//! The interview's life (DESIGN §2 "Interviews"): which actions each status
//! allows and where they lead.
//!
//! | status        | actions                                    |
//! |---------------|--------------------------------------------|
//! | `planned`     | `request`, `schedule`, `cancel`            |
//! | `requested`   | `schedule`, `decline`, `no-response`, `cancel` |
//! | `scheduled`   | `schedule` (reschedule), `complete`, `cancel` |
//! | `completed`   | `thank-you` (once)                         |
//! | `no_response` | `schedule`, `decline` (a late answer)      |
//! | `declined`, `cancelled` | none                             |

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

crate::stored_enum::stored_enum! {
    /// Where an interview stands.
    #[schema(as = InterviewStatus)]
    pub enum Status {
        Planned = "planned",
        Requested = "requested",
        Scheduled = "scheduled",
        Completed = "completed",
        Declined = "declined",
        NoResponse = "no_response",
        Cancelled = "cancelled",
    }
}

/// The action endpoints, by their path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[schema(as = InterviewAction)]
pub enum Action {
    #[serde(rename = "request")]
    Request,
    #[serde(rename = "schedule")]
    Schedule,
    #[serde(rename = "complete")]
    Complete,
    #[serde(rename = "decline")]
    Decline,
    #[serde(rename = "no-response")]
    NoResponse,
    #[serde(rename = "cancel")]
    Cancel,
    #[serde(rename = "thank-you")]
    ThankYou,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Request => "request",
            Self::Schedule => "schedule",
            Self::Complete => "complete",
            Self::Decline => "decline",
            Self::NoResponse => "no-response",
            Self::Cancel => "cancel",
            Self::ThankYou => "thank-you",
        }
    }

    /// The status the action leads to (`thank-you` keeps `completed`).
    pub fn target(self) -> Status {
        match self {
            Self::Request => Status::Requested,
            Self::Schedule => Status::Scheduled,
            Self::Complete | Self::ThankYou => Status::Completed,
            Self::Decline => Status::Declined,
            Self::NoResponse => Status::NoResponse,
            Self::Cancel => Status::Cancelled,
        }
    }
}

/// The actions allowed now. `thank-you` is allowed once.
pub fn allowed_actions(status: Status, thank_you_sent: bool) -> Vec<Action> {
    use Action::*;
    match status {
        Status::Planned => vec![Request, Schedule, Cancel],
        Status::Requested => vec![Schedule, Decline, NoResponse, Cancel],
        Status::Scheduled => vec![Schedule, Complete, Cancel],
        Status::Completed if !thank_you_sent => vec![ThankYou],
        Status::NoResponse => vec![Schedule, Decline],
        Status::Completed | Status::Declined | Status::Cancelled => vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_allows_exactly_the_actions_of_the_design() {
        let expected: [(Status, &[&str]); 7] = [
            (Status::Planned, &["request", "schedule", "cancel"]),
            (
                Status::Requested,
                &["schedule", "decline", "no-response", "cancel"],
            ),
            (Status::Scheduled, &["schedule", "complete", "cancel"]),
            (Status::Completed, &["thank-you"]),
            (Status::NoResponse, &["schedule", "decline"]),
            (Status::Declined, &[]),
            (Status::Cancelled, &[]),
        ];
        for (status, actions) in expected {
            let allowed: Vec<&str> = allowed_actions(status, false)
                .iter()
                .map(|a| a.as_str())
                .collect();
            assert_eq!(allowed, actions, "{status:?}");
        }
        assert!(allowed_actions(Status::Completed, true).is_empty());
    }
}

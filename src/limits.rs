//! Caps per user (DESIGN §8): how many of each thing one account may hold.
//! The database keeps the counts and refuses a row past a cap (migration
//! `caps_per_user`); this is the service's copy of the figures, for the
//! problem body and the README, held equal to the database's by a test.

use serde::Serialize;
use utoipa::ToSchema;

/// A capped resource and its maximum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
pub struct Cap {
    /// The resource, as the database names it (`contacts`, `webhooks`, ...).
    #[schema(example = "contacts")]
    pub name: &'static str,
    /// How many the account may hold.
    #[schema(example = 30000)]
    pub max: u32,
}

/// Caps counted per user, as in the database's `usage_caps` table.
pub const PER_USER: [Cap; 7] = [
    Cap {
        name: "contacts",
        max: 30_000,
    },
    Cap {
        name: "employers",
        max: 2_000,
    },
    Cap {
        name: "interviews",
        max: 30_000,
    },
    Cap {
        name: "question_sets",
        max: 200,
    },
    Cap {
        name: "webhooks",
        max: 10,
    },
    Cap {
        name: "pending_reminders",
        max: 50_000,
    },
    Cap {
        name: "pending_manual_reminders",
        max: 5_000,
    },
];

/// Questions one set holds, as in the `questions_cap` trigger.
pub const QUESTIONS_IN_A_SET: Cap = Cap {
    name: "questions_in_a_set",
    max: 100,
};
/// Action items of one interview, as in the `action_items_cap` trigger.
pub const ACTION_ITEMS_OF_AN_INTERVIEW: Cap = Cap {
    name: "action_items_of_an_interview",
    max: 100,
};

/// Caps counted per parent row.
pub const PER_PARENT: [Cap; 2] = [QUESTIONS_IN_A_SET, ACTION_ITEMS_OF_AN_INTERVIEW];

/// The cap a database constraint named `usage_cap_<name>` enforces.
pub fn of_constraint(constraint: &str) -> Option<Cap> {
    let name = constraint.strip_prefix("usage_cap_")?;
    PER_USER
        .iter()
        .chain(PER_PARENT.iter())
        .find(|cap| cap.name == name)
        .copied()
}

/// The maximum of the per-user cap `name`.
pub fn max_of(name: &str) -> u32 {
    PER_USER
        .iter()
        .find(|cap| cap.name == name)
        .map_or(0, |cap| cap.max)
}

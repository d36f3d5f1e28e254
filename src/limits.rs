//! Caps per user (DESIGN §8): how many of each thing one account may hold.
//! The database keeps the counts and refuses a row past a cap (migration
//! `caps_per_user`); this is the service's copy of the figures, for the
//! problem body and the README, held equal to the database's by a test.

use serde::Serialize;
use utoipa::ToSchema;

/// A capped resource and its maximum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[schema(as = UsageCap)]
pub struct Cap {
    /// The resource, as the database names it.
    #[schema(value_type = CappedResource)]
    pub name: &'static str,
    /// How many the account may hold.
    #[schema(example = 30000)]
    pub max: u32,
}

/// Contacts, archived ones included (LinkedIn's own connection limit).
pub const CONTACTS: Cap = Cap::new("contacts", 30_000);
pub const EMPLOYERS: Cap = Cap::new("employers", 2_000);
/// Interviews of every status.
pub const INTERVIEWS: Cap = Cap::new("interviews", 30_000);
/// The user's own question sets (the library does not count).
pub const QUESTION_SETS: Cap = Cap::new("question_sets", 200);
pub const WEBHOOKS: Cap = Cap::new("webhooks", 10);
/// Reminders with status `pending`, of any origin.
pub const PENDING_REMINDERS: Cap = Cap::new("pending_reminders", 50_000);
/// Reminders with status `pending` and origin `manual`.
pub const PENDING_MANUAL_REMINDERS: Cap = Cap::new("pending_manual_reminders", 5_000);

/// Caps counted per user, as in the database's `usage_caps` table.
pub const PER_USER: [Cap; 7] = [
    CONTACTS,
    EMPLOYERS,
    INTERVIEWS,
    QUESTION_SETS,
    WEBHOOKS,
    PENDING_REMINDERS,
    PENDING_MANUAL_REMINDERS,
];

/// Questions one set holds, as in the `questions_cap` trigger.
pub const QUESTIONS_IN_A_SET: Cap = Cap::new("questions_in_a_set", 100);
/// Action items of one interview, as in the `action_items_cap` trigger.
pub const ACTION_ITEMS_OF_AN_INTERVIEW: Cap = Cap::new("action_items_of_an_interview", 100);

/// Caps counted per parent row.
pub const PER_PARENT: [Cap; 2] = [QUESTIONS_IN_A_SET, ACTION_ITEMS_OF_AN_INTERVIEW];

/// The schema of a cap's `name`: every cap above.
pub struct CappedResource;

impl utoipa::PartialSchema for CappedResource {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .description(Some("What a cap counts"))
            .enum_values(Some(
                PER_USER.iter().chain(PER_PARENT.iter()).map(|cap| cap.name),
            ))
            .into()
    }
}

impl ToSchema for CappedResource {}

impl Cap {
    const fn new(name: &'static str, max: u32) -> Self {
        Self { name, max }
    }
}

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

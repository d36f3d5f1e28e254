//! Diesel rows of the `contacts` table.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::dto::Source;
use crate::schema::contacts;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = contacts, check_for_backend(diesel::pg::Pg))]
pub struct Contact {
    pub id: Uuid,
    pub user_id: Uuid,
    pub full_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub linkedin_url: Option<String>,
    pub company: Option<String>,
    pub job_title: Option<String>,
    pub field: Option<String>,
    pub location: Option<String>,
    pub employer_id: Option<Uuid>,
    pub source: Source,
    pub referred_by_contact_id: Option<Uuid>,
    pub has_hiring_power: Option<bool>,
    pub tags: Vec<String>,
    pub notes: Option<String>,
    pub archived_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub segment_requested_at: Option<DateTime<Utc>>,
    pub segment_responded_at: Option<DateTime<Utc>>,
    pub segment_no_response: bool,
    pub segment_mark3_at: Option<DateTime<Utc>>,
    pub segment_mark7_at: Option<DateTime<Utc>>,
}

crate::preconditions::versioned!(Contact);

/// What a contact's segment is computed from: its latest request.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset, Queryable, Selectable)]
#[diesel(table_name = contacts, treat_none_as_null = true, check_for_backend(diesel::pg::Pg))]
pub struct SegmentInputs {
    pub segment_requested_at: Option<DateTime<Utc>>,
    pub segment_responded_at: Option<DateTime<Utc>>,
    pub segment_no_response: bool,
    pub segment_mark3_at: Option<DateTime<Utc>>,
    pub segment_mark7_at: Option<DateTime<Utc>>,
}

/// A contact as an export writes it: the fields a user sees, and nothing
/// only the service reads (search text, segment inputs).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = contacts, check_for_backend(diesel::pg::Pg))]
pub struct ExportedContact {
    pub id: Uuid,
    pub full_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub linkedin_url: Option<String>,
    pub company: Option<String>,
    pub job_title: Option<String>,
    pub field: Option<String>,
    pub location: Option<String>,
    pub employer_id: Option<Uuid>,
    pub source: Source,
    pub referred_by_contact_id: Option<Uuid>,
    pub has_hiring_power: Option<bool>,
    pub tags: Vec<String>,
    pub notes: Option<String>,
    pub archived_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A contact as a node of the referral network.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = contacts, check_for_backend(diesel::pg::Pg))]
pub struct NetworkNodeRow {
    pub id: Uuid,
    pub full_name: String,
    pub employer_id: Option<Uuid>,
    #[diesel(embed)]
    pub segment: SegmentInputs,
}

/// What an import matches a row against: the identities of a contact.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = contacts, check_for_backend(diesel::pg::Pg))]
pub struct ContactIdentity {
    pub id: Uuid,
    pub full_name: String,
    pub email: Option<String>,
    pub linkedin_url: Option<String>,
    pub company: Option<String>,
}

impl ContactIdentity {
    /// The identity of a contact about to be stored.
    pub fn of(contact: &NewContact) -> Self {
        Self {
            id: contact.id,
            full_name: contact.full_name.clone(),
            email: contact.email.clone(),
            linkedin_url: contact.linkedin_url.clone(),
            company: contact.company.clone(),
        }
    }
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = contacts)]
// `None` is bound as NULL (these columns default to NULL) instead of
// written as DEFAULT, so the statement's text never varies and it stays
// prepared: an insert is not parsed and planned again every time.
#[diesel(treat_none_as_default_value = false)]
pub struct NewContact {
    pub id: Uuid,
    pub user_id: Uuid,
    pub full_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub linkedin_url: Option<String>,
    pub company: Option<String>,
    pub job_title: Option<String>,
    pub field: Option<String>,
    pub location: Option<String>,
    pub employer_id: Option<Uuid>,
    pub source: Source,
    pub referred_by_contact_id: Option<Uuid>,
    pub has_hiring_power: Option<bool>,
    pub tags: Vec<String>,
    pub notes: Option<String>,
    /// Set when an interview's referral created the contact.
    pub source_interview_id: Option<Uuid>,
}

/// The columns a merge patch may change; `None` leaves a column alone.
#[derive(Debug, Clone, Default, PartialEq, AsChangeset)]
#[diesel(table_name = contacts)]
pub struct ContactChangeset {
    pub full_name: Option<String>,
    pub email: Option<Option<String>>,
    pub phone: Option<Option<String>>,
    pub linkedin_url: Option<Option<String>>,
    pub company: Option<Option<String>>,
    pub job_title: Option<Option<String>>,
    pub field: Option<Option<String>>,
    pub location: Option<Option<String>>,
    pub employer_id: Option<Option<Uuid>>,
    pub source: Option<Source>,
    pub referred_by_contact_id: Option<Option<Uuid>>,
    pub has_hiring_power: Option<Option<bool>>,
    pub tags: Option<Vec<String>>,
    pub notes: Option<Option<String>>,
}

impl ContactChangeset {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

//! Diesel rows of the `employers` table.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::dto::EmployerStatus;
use crate::schema::employers;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = employers, check_for_backend(diesel::pg::Pg))]
pub struct Employer {
    pub id: Uuid,
    pub user_id: Uuid,
    pub name: String,
    pub website: Option<String>,
    pub notes: Option<String>,
    pub status: EmployerStatus,
    pub advocacy: bool,
    pub motivation: i16,
    pub posting: i16,
    pub lamp_rank: i16,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

crate::preconditions::versioned!(Employer);

#[derive(Debug, Insertable)]
#[diesel(table_name = employers)]
// NULL for `None`, not DEFAULT: see `NewContact`.
#[diesel(treat_none_as_default_value = false)]
pub struct NewEmployer {
    pub id: Uuid,
    pub user_id: Uuid,
    pub name: String,
    pub website: Option<String>,
    pub notes: Option<String>,
    pub status: EmployerStatus,
    pub advocacy: bool,
    pub motivation: i16,
    pub posting: i16,
}

/// The columns a merge patch may change; `None` leaves a column alone.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = employers)]
pub struct EmployerChangeset {
    pub name: Option<String>,
    pub website: Option<Option<String>>,
    pub notes: Option<Option<String>>,
    pub status: Option<EmployerStatus>,
    pub advocacy: Option<bool>,
    pub motivation: Option<i16>,
    pub posting: Option<i16>,
}

impl EmployerChangeset {
    pub fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.website.is_none()
            && self.notes.is_none()
            && self.status.is_none()
            && self.advocacy.is_none()
            && self.motivation.is_none()
            && self.posting.is_none()
    }
}

//! Wire types of the employer resource.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::models::{Employer, EmployerChangeset, NewEmployer};
use crate::pagination::PageSize;
use crate::patch::{self, Patch, ReadOnlyFields};
use crate::validation;

crate::stored_enum::stored_enum! {
    /// Where an employer stands on the target list.
    pub enum EmployerStatus {
        Active = "active",
        OnHold = "on_hold",
        RuledOut = "ruled_out",
    }
}

/// An employer on the user's target list.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EmployerResponse {
    pub id: Uuid,
    pub name: String,
    pub website: Option<String>,
    pub notes: Option<String>,
    pub status: EmployerStatus,
    /// Is there likely a friendly contact there (the A of LAMP)?
    pub advocacy: bool,
    /// How much the user wants to work there, 0 to 3 (the M of LAMP).
    pub motivation: i16,
    /// How relevant its open postings are, 1 to 3 (the P of LAMP).
    pub posting: i16,
    /// Contacts linked to this employer.
    pub contact_count: i64,
    /// Interviews with contacts linked to this employer.
    pub interview_count: i64,
    pub version: i32,
    #[serde(serialize_with = "crate::timestamp::serialize")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::timestamp::serialize")]
    pub updated_at: DateTime<Utc>,
}

crate::preconditions::versioned!(EmployerResponse);

impl EmployerResponse {
    pub fn new(employer: Employer, contact_count: i64, interview_count: i64) -> Self {
        Self {
            id: employer.id,
            name: employer.name,
            website: employer.website,
            notes: employer.notes,
            status: employer.status,
            advocacy: employer.advocacy,
            motivation: employer.motivation,
            posting: employer.posting,
            contact_count,
            interview_count,
            version: employer.version,
            created_at: employer.created_at,
            updated_at: employer.updated_at,
        }
    }
}

/// `POST /v1/employers`.
#[derive(Debug, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateEmployerRequest {
    /// Chosen by the client, so that one working offline can name what it
    /// creates before it syncs; made by the service when left out. An id
    /// in use, by anyone, is a 409 `conflict`.
    #[garde(skip)]
    pub id: Option<Uuid>,
    #[garde(length(chars, min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200, example = "Northwind Analytics")]
    pub name: String,
    #[garde(inner(custom(validation::web_url)))]
    #[schema(
        max_length = 2000,
        pattern = r"^https?://([^\x00-\x20\x7f-\x9f/?#@\[\]]+@)?[^\x00-\x20\x7f-\x9f/?#@\[\]:]+(:[0-9]{1,5})?([/?#][^\x00-\x20\x7f-\x9f]*)?$",
        example = "https://northwind.example"
    )]
    pub website: Option<String>,
    #[garde(inner(length(chars, max = 20000)))]
    #[schema(max_length = 20000)]
    pub notes: Option<String>,
    /// `active` when left out.
    #[garde(skip)]
    pub status: Option<EmployerStatus>,
    /// `false` when left out.
    #[garde(skip)]
    pub advocacy: Option<bool>,
    /// 0 to 3; 0 when left out.
    #[garde(inner(range(min = 0, max = 3)))]
    #[schema(minimum = 0, maximum = 3)]
    pub motivation: Option<i16>,
    /// 1 to 3; 1 when left out.
    #[garde(inner(range(min = 1, max = 3)))]
    #[schema(minimum = 1, maximum = 3)]
    pub posting: Option<i16>,
}

impl CreateEmployerRequest {
    pub fn into_new(self, user_id: Uuid) -> NewEmployer {
        NewEmployer {
            id: self.id.unwrap_or_else(Uuid::now_v7),
            user_id,
            name: self.name,
            website: self.website,
            notes: self.notes,
            status: self.status.unwrap_or(EmployerStatus::Active),
            advocacy: self.advocacy.unwrap_or(false),
            motivation: self.motivation.unwrap_or(0),
            posting: self.posting.unwrap_or(1),
        }
    }
}

/// A JSON merge patch of an employer: an absent field stays, `null` clears
/// `website` and `notes`; the other fields cannot be null.
#[derive(Debug, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct UpdateEmployerRequest {
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = String, min_length = 1, max_length = 200)]
    #[garde(custom(patch::not_null), inner(length(chars, min = 1, max = 200)))]
    pub name: Patch<String>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Option<String>, max_length = 2000, pattern = r"^https?://([^\x00-\x20\x7f-\x9f/?#@\[\]]+@)?[^\x00-\x20\x7f-\x9f/?#@\[\]:]+(:[0-9]{1,5})?([/?#][^\x00-\x20\x7f-\x9f]*)?$")]
    #[garde(inner(custom(validation::web_url)))]
    pub website: Patch<String>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    #[garde(inner(length(chars, max = 20000)))]
    pub notes: Patch<String>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = EmployerStatus)]
    #[garde(custom(patch::not_null))]
    pub status: Patch<EmployerStatus>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = bool)]
    #[garde(custom(patch::not_null))]
    pub advocacy: Patch<bool>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = i16, minimum = 0, maximum = 3)]
    #[garde(custom(patch::not_null), inner(range(min = 0, max = 3)))]
    pub motivation: Patch<i16>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = i16, minimum = 1, maximum = 3)]
    #[garde(custom(patch::not_null), inner(range(min = 1, max = 3)))]
    pub posting: Patch<i16>,
}

impl ReadOnlyFields for UpdateEmployerRequest {
    const READ_ONLY: &'static [&'static str] = &[
        "id",
        "version",
        "contact_count",
        "interview_count",
        "created_at",
        "updated_at",
    ];
}

impl UpdateEmployerRequest {
    pub fn into_changeset(self) -> EmployerChangeset {
        EmployerChangeset {
            name: self.name.into_value(),
            website: self.website.into_change(),
            notes: self.notes.into_change(),
            status: self.status.into_value(),
            advocacy: self.advocacy.into_value(),
            motivation: self.motivation.into_value(),
            posting: self.posting.into_value(),
        }
    }
}

/// How the employer list is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EmployerSort {
    /// Motivation, then posting, then advocacy, all descending; then name.
    #[default]
    Lamp,
    Name,
}

/// Query parameters of `GET /v1/employers`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct EmployerListQuery {
    /// Only employers with one of these statuses (comma-separated, or the
    /// key repeated).
    #[param(style = Form, explode = false, min_items = 1)]
    #[serde(default, deserialize_with = "crate::extract::list")]
    pub status: Option<Vec<EmployerStatus>>,
    /// Only employers changed after this time (`updated_at`, strictly after):
    /// what a client that polls has not seen.
    pub updated_after: Option<DateTime<Utc>>,
    /// `lamp` (the default) or `name`.
    pub sort: Option<EmployerSort>,
    /// Items per page, 1 to 100 (default 25).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 100)]
    #[serde(default)]
    pub limit: PageSize,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

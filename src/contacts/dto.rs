//! Wire types of the contact resource.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::models::{Contact, ContactChangeset, NewContact};
use crate::employers::dto::EmployerResponse;
use crate::pagination::PageSize;
use crate::patch::{self, Patch, ReadOnlyFields};
use crate::validation;

crate::stored_enum::stored_enum! {
    /// How the user came to know a contact.
    #[schema(as = ContactSource)]
    pub enum Source {
        Referral = "referral",
        Alumni = "alumni",
        Event = "event",
        Cold = "cold",
        Online = "online",
        Personal = "personal",
        Other = "other",
    }
}

impl Source {
    /// The source a spreadsheet cell names, if it names one.
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|source| source.as_str() == value)
    }
}

/// How a contact answered outreach (DESIGN §4): `unknown` until asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = ContactSegment)]
pub enum Segment {
    Unknown,
    Awaiting,
    Booster,
    Obligate,
    Curmudgeon,
}

impl Segment {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unknown => "unknown",
            Self::Awaiting => "awaiting",
            Self::Booster => "booster",
            Self::Obligate => "obligate",
            Self::Curmudgeon => "curmudgeon",
        }
    }

    pub const ALL: [Segment; 5] = [
        Self::Unknown,
        Self::Awaiting,
        Self::Booster,
        Self::Obligate,
        Self::Curmudgeon,
    ];
}

/// A professional the user may talk to.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ContactResponse {
    pub id: Uuid,
    pub full_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub linkedin_url: Option<String>,
    pub company: Option<String>,
    pub job_title: Option<String>,
    /// Field or industry.
    pub field: Option<String>,
    pub location: Option<String>,
    /// One of the user's employers.
    pub employer_id: Option<Uuid>,
    /// The employer (or null), with `expand=employer` only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<EmployerResponse>)]
    pub employer: Option<Option<EmployerResponse>>,
    pub source: Source,
    /// The contact who introduced this one.
    pub referred_by_contact_id: Option<Uuid>,
    /// `null` when not known.
    pub has_hiring_power: Option<bool>,
    pub tags: Vec<String>,
    pub notes: Option<String>,
    /// Derived from how the contact answered outreach.
    pub segment: Segment,
    #[serde(serialize_with = "crate::timestamp::option::serialize")]
    pub archived_at: Option<DateTime<Utc>>,
    pub version: i32,
    #[serde(serialize_with = "crate::timestamp::serialize")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::timestamp::serialize")]
    pub updated_at: DateTime<Utc>,
}

crate::preconditions::versioned!(ContactResponse);

impl From<Contact> for ContactResponse {
    fn from(contact: Contact) -> Self {
        let segment = super::segment::of(&contact, Utc::now());
        Self {
            id: contact.id,
            full_name: contact.full_name,
            email: contact.email,
            phone: contact.phone,
            linkedin_url: contact.linkedin_url,
            company: contact.company,
            job_title: contact.job_title,
            field: contact.field,
            location: contact.location,
            employer_id: contact.employer_id,
            employer: None,
            source: contact.source,
            referred_by_contact_id: contact.referred_by_contact_id,
            has_hiring_power: contact.has_hiring_power,
            tags: contact.tags,
            notes: contact.notes,
            segment,
            archived_at: contact.archived_at,
            version: contact.version,
            created_at: contact.created_at,
            updated_at: contact.updated_at,
        }
    }
}

/// Tags: at most 20, each 1 to 40 characters.
fn tags_rule(tags: &[String], _context: &()) -> garde::Result {
    if tags.len() > 20 {
        return Err(garde::Error::new("at most 20 tags"));
    }
    if tags
        .iter()
        .any(|tag| !(1..=40).contains(&tag.chars().count()))
    {
        return Err(garde::Error::new("each tag is 1 to 40 characters"));
    }
    Ok(())
}

/// Tags in the order given, without repeats.
pub fn distinct_tags(tags: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    tags.into_iter()
        .filter(|tag| seen.insert(tag.clone()))
        .collect()
}

/// `POST /v1/contacts` and `POST /v1/interviews/{id}/referrals`.
#[derive(Debug, Clone, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateContactRequest {
    /// Chosen by the client, so that one working offline can name what it
    /// creates before it syncs; made by the service when left out. An id
    /// in use, by anyone, is a 409 `conflict`.
    #[garde(skip)]
    pub id: Option<Uuid>,
    #[garde(length(chars, min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200, example = "Brad Johnson")]
    pub full_name: String,
    #[garde(inner(email, length(chars, max = 254)))]
    #[schema(format = Email, max_length = 254)]
    pub email: Option<String>,
    #[garde(inner(length(chars, min = 1, max = 50)))]
    #[schema(min_length = 1, max_length = 50)]
    pub phone: Option<String>,
    #[garde(inner(custom(validation::web_url)))]
    #[schema(
        max_length = 2000,
        pattern = r"^https?://([^\x00-\x20\x7f-\x9f/?#@\[\]]+@)?[^\x00-\x20\x7f-\x9f/?#@\[\]:]+(:[0-9]{1,5})?([/?#][^\x00-\x20\x7f-\x9f]*)?$"
    )]
    pub linkedin_url: Option<String>,
    #[garde(inner(length(chars, min = 1, max = 200)))]
    #[schema(min_length = 1, max_length = 200)]
    pub company: Option<String>,
    #[garde(inner(length(chars, min = 1, max = 200)))]
    #[schema(min_length = 1, max_length = 200)]
    pub job_title: Option<String>,
    #[garde(inner(length(chars, min = 1, max = 200)))]
    #[schema(min_length = 1, max_length = 200)]
    pub field: Option<String>,
    #[garde(inner(length(chars, min = 1, max = 200)))]
    #[schema(min_length = 1, max_length = 200)]
    pub location: Option<String>,
    /// One of the caller's employers.
    #[garde(skip)]
    pub employer_id: Option<Uuid>,
    /// `other` when left out.
    #[garde(skip)]
    pub source: Option<Source>,
    /// Another of the caller's contacts.
    #[garde(skip)]
    pub referred_by_contact_id: Option<Uuid>,
    #[garde(skip)]
    pub has_hiring_power: Option<bool>,
    #[garde(inner(custom(tags_rule)))]
    #[schema(max_items = 20, value_type = Option<Vec<TagSchema>>)]
    pub tags: Option<Vec<String>>,
    #[garde(inner(length(chars, max = 20000)))]
    #[schema(max_length = 20000)]
    pub notes: Option<String>,
}

/// A tag: 1 to 40 characters.
#[derive(ToSchema)]
#[schema(value_type = String, min_length = 1, max_length = 40)]
#[schema(as = ContactTag)]
pub struct TagSchema(#[allow(dead_code)] String);

impl CreateContactRequest {
    pub fn into_new(self, user_id: Uuid) -> NewContact {
        NewContact {
            id: self.id.unwrap_or_else(Uuid::now_v7),
            user_id,
            full_name: self.full_name,
            email: self.email,
            phone: self.phone,
            linkedin_url: self.linkedin_url,
            company: self.company,
            job_title: self.job_title,
            field: self.field,
            location: self.location,
            employer_id: self.employer_id,
            source: self.source.unwrap_or(Source::Other),
            referred_by_contact_id: self.referred_by_contact_id,
            has_hiring_power: self.has_hiring_power,
            tags: distinct_tags(self.tags.unwrap_or_default()),
            notes: self.notes,
            source_interview_id: None,
        }
    }
}

/// A JSON merge patch of a contact: an absent field stays, `null` clears
/// it (`tags: null` empties the list); `full_name` and `source` cannot be
/// null. `id`, `version`, `segment`, `archived_at` and the timestamps are
/// read-only.
#[derive(Debug, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct UpdateContactRequest {
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = String, min_length = 1, max_length = 200)]
    #[garde(custom(patch::not_null), inner(length(chars, min = 1, max = 200)))]
    pub full_name: Patch<String>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Option<String>, format = Email, max_length = 254)]
    #[garde(inner(email, length(chars, max = 254)))]
    pub email: Patch<String>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Option<String>, min_length = 1, max_length = 50)]
    #[garde(inner(length(chars, min = 1, max = 50)))]
    pub phone: Patch<String>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Option<String>, max_length = 2000, pattern = r"^https?://([^\x00-\x20\x7f-\x9f/?#@\[\]]+@)?[^\x00-\x20\x7f-\x9f/?#@\[\]:]+(:[0-9]{1,5})?([/?#][^\x00-\x20\x7f-\x9f]*)?$")]
    #[garde(inner(custom(validation::web_url)))]
    pub linkedin_url: Patch<String>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Option<String>, min_length = 1, max_length = 200)]
    #[garde(inner(length(chars, min = 1, max = 200)))]
    pub company: Patch<String>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Option<String>, min_length = 1, max_length = 200)]
    #[garde(inner(length(chars, min = 1, max = 200)))]
    pub job_title: Patch<String>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Option<String>, min_length = 1, max_length = 200)]
    #[garde(inner(length(chars, min = 1, max = 200)))]
    pub field: Patch<String>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Option<String>, min_length = 1, max_length = 200)]
    #[garde(inner(length(chars, min = 1, max = 200)))]
    pub location: Patch<String>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Option<Uuid>)]
    #[garde(skip)]
    pub employer_id: Patch<Uuid>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Source)]
    #[garde(custom(patch::not_null))]
    pub source: Patch<Source>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Option<Uuid>)]
    #[garde(skip)]
    pub referred_by_contact_id: Patch<Uuid>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Option<bool>)]
    #[garde(skip)]
    pub has_hiring_power: Patch<bool>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Option<Vec<TagSchema>>, max_items = 20)]
    #[garde(inner(custom(tags_rule)))]
    pub tags: Patch<Vec<String>>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Option<String>, max_length = 20000)]
    #[garde(inner(length(chars, max = 20000)))]
    pub notes: Patch<String>,
}

impl ReadOnlyFields for UpdateContactRequest {
    const READ_ONLY: &'static [&'static str] = &[
        "id",
        "version",
        "segment",
        "employer",
        "archived_at",
        "created_at",
        "updated_at",
    ];
}

impl UpdateContactRequest {
    pub fn into_changeset(self) -> ContactChangeset {
        ContactChangeset {
            full_name: self.full_name.into_value(),
            email: self.email.into_change(),
            phone: self.phone.into_change(),
            linkedin_url: self.linkedin_url.into_change(),
            company: self.company.into_change(),
            job_title: self.job_title.into_change(),
            field: self.field.into_change(),
            location: self.location.into_change(),
            employer_id: self.employer_id.into_change(),
            source: self.source.into_value(),
            referred_by_contact_id: self.referred_by_contact_id.into_change(),
            has_hiring_power: self.has_hiring_power.into_change(),
            tags: self
                .tags
                .into_change()
                .map(|tags| distinct_tags(tags.unwrap_or_default())),
            notes: self.notes.into_change(),
        }
    }
}

/// How the contact list is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum ContactSort {
    /// By name (the default).
    #[default]
    #[serde(rename = "name")]
    Name,
    /// Most recently changed first.
    #[serde(rename = "-updated_at")]
    RecentlyUpdated,
    /// Oldest first.
    #[serde(rename = "created_at")]
    CreatedAt,
}

/// The term a `q` parameter searches for, trimmed; `None` when absent or
/// blank (the whole list).
pub fn search_term(q: Option<&str>) -> Option<&str> {
    q.map(str::trim).filter(|q| !q.is_empty())
}

/// Query parameters of `GET /v1/contacts`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ContactListQuery {
    /// Searches name, company, job title, field, tags and notes, ignoring
    /// case and accents.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Only contacts with this tag.
    #[param(max_length = 40)]
    pub tag: Option<String>,
    /// Only contacts at this company (any letter case).
    #[param(max_length = 200)]
    pub company: Option<String>,
    /// Only contacts linked to this employer.
    pub employer_id: Option<Uuid>,
    /// Only contacts from one of these sources (comma-separated, or the
    /// key repeated).
    #[param(style = Form, explode = false, min_items = 1)]
    #[serde(default, deserialize_with = "crate::extract::list")]
    pub source: Option<Vec<Source>>,
    pub has_hiring_power: Option<bool>,
    /// Only contacts in one of these segments (comma-separated, or the key
    /// repeated).
    #[param(style = Form, explode = false, min_items = 1)]
    #[serde(default, deserialize_with = "crate::extract::list")]
    pub segment: Option<Vec<Segment>>,
    /// Only contacts changed after this time (`updated_at`, strictly after):
    /// what a client that polls has not seen.
    pub updated_after: Option<DateTime<Utc>>,
    /// Archived contacts instead of active ones (default `false`).
    pub archived: Option<bool>,
    /// `name` (the default), `-updated_at` or `created_at`.
    pub sort: Option<ContactSort>,
    /// `employer`: the employer's wire form (or null) beside `employer_id`.
    #[param(style = Form, explode = false, min_items = 1)]
    #[serde(default, deserialize_with = "crate::extract::list")]
    pub expand: Option<Vec<crate::expand::EmployerExpansion>>,
    /// Items per page, 1 to 100 (default 25).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 100)]
    #[serde(default)]
    pub limit: PageSize,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

impl ContactListQuery {
    /// `q` when it makes the list a search: not absent, not blank.
    pub fn search_term(&self) -> Option<&str> {
        search_term(self.q.as_deref())
    }

    /// The length limits the parameters document.
    pub fn check_lengths(&self) -> Result<(), crate::error::ApiError> {
        for (name, value, max) in [
            ("q", &self.q, 200),
            ("tag", &self.tag, 40),
            ("company", &self.company, 200),
        ] {
            if value
                .as_ref()
                .is_some_and(|value| value.chars().count() > max)
            {
                return Err(crate::error::ApiError::BadRequest(format!(
                    "`{name}` is longer than {max} characters"
                )));
            }
        }
        Ok(())
    }
}

/// One contact in the referral network.
#[derive(Debug, Serialize, ToSchema)]
pub struct NetworkNode {
    pub id: Uuid,
    pub full_name: String,
    pub employer_id: Option<Uuid>,
    pub segment: Segment,
}

/// A referral: `from` introduced `to`.
#[derive(Debug, Serialize, ToSchema)]
pub struct NetworkEdge {
    pub from: Uuid,
    pub to: Uuid,
}

/// Every contact and every referral link, for drawing the network.
#[derive(Debug, Serialize, ToSchema)]
pub struct NetworkResponse {
    pub nodes: Vec<NetworkNode>,
    pub edges: Vec<NetworkEdge>,
}

/// A row of an import that was not stored.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[schema(as = ContactImportError)]
pub struct ImportError {
    /// The line of the file (1 is the first line).
    pub line: u64,
    pub message: String,
}

/// What an import did.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct ImportResult {
    /// New contacts.
    pub created: u64,
    /// Existing contacts (same LinkedIn URL, email, or name and company) the file changed.
    pub updated: u64,
    /// Rows that matched an existing contact and changed nothing.
    pub skipped: u64,
    /// Rows that were not stored, and why.
    pub errors: Vec<ImportError>,
}

/// The file format of an export.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    Csv,
    Vcard,
}

/// Query parameters of `GET /v1/contacts/export`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// `csv` (the default) or `vcard` (vCard 4.0).
    pub format: Option<ExportFormat>,
}

/// Query parameters of `DELETE /v1/contacts/{id}`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct DeleteContactQuery {
    /// Also delete the contact's interviews.
    pub force: Option<bool>,
}

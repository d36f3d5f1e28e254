//! Contact rules that span tables: links to the owner's employers and
//! contacts, referral loops, archiving, and the derived views.

use chrono::Utc;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

use super::dto::{
    ContactListQuery, ContactResponse, ContactSort, NetworkEdge, NetworkNode, NetworkResponse,
};
use super::models::{Contact, ContactChangeset, NewContact};
use super::outreach::{self, OutreachScript, OutreachTemplate, Placeholders};
use super::repo::{self, ContactCursor, ContactFilter};
use super::search::{self, PageStart, SearchTextHistogram};
use crate::error::{ApiError, ApiResult};
use crate::pagination::{self, Page};
use crate::preconditions::IfMatch;
use crate::users::models::User;

const NOT_YOUR_EMPLOYER: &str = "does not name one of your employers";
const NOT_YOUR_CONTACT: &str = "does not name one of your contacts";

/// The employer and the referrer must be the caller's own: anything else
/// is answered exactly like an id that does not exist, with a 404 whose
/// detail names the field.
async fn check_links(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    employer_id: Option<Uuid>,
    referrer_id: Option<Uuid>,
) -> ApiResult<()> {
    if let Some(employer_id) = employer_id
        && !repo::employer_exists(connection, user_id, employer_id).await?
    {
        return Err(ApiError::MissingReference {
            field: "employer_id",
            message: NOT_YOUR_EMPLOYER,
        });
    }
    if let Some(referrer_id) = referrer_id
        && !repo::contact_exists(connection, user_id, referrer_id).await?
    {
        return Err(ApiError::MissingReference {
            field: "referred_by_contact_id",
            message: NOT_YOUR_CONTACT,
        });
    }
    Ok(())
}

pub async fn create(connection: &mut AsyncPgConnection, new: NewContact) -> ApiResult<Contact> {
    check_links(
        connection,
        new.user_id,
        new.employer_id,
        new.referred_by_contact_id,
    )
    .await?;
    Ok(repo::insert(connection, &new).await?)
}

pub async fn get(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
) -> ApiResult<Contact> {
    repo::find(connection, user_id, id)
        .await?
        .ok_or(ApiError::NotFound)
}

/// Applies a merge patch when `If-Match` (if sent) names the current
/// version. A new referrer may not be the contact itself nor anyone it
/// introduced, directly or down the line.
pub async fn update(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
    if_match: &IfMatch,
    changes: ContactChangeset,
) -> ApiResult<Contact> {
    connection
        .transaction(async |connection| {
            let new_referrer = changes.referred_by_contact_id.flatten();
            if new_referrer.is_some() {
                repo::lock_referrals_of(connection, user_id).await?;
            }
            let current = repo::find_for_update(connection, user_id, id)
                .await?
                .ok_or(ApiError::NotFound)?;
            if_match.check(current.version)?;
            check_links(
                connection,
                user_id,
                changes.employer_id.flatten(),
                new_referrer,
            )
            .await?;
            if let Some(referrer) = new_referrer {
                if referrer == id {
                    return Err(ApiError::invalid(
                        "referred_by_contact_id",
                        "a contact cannot refer itself",
                    ));
                }
                if repo::chain_contains(connection, user_id, referrer, id).await? {
                    return Err(ApiError::invalid(
                        "referred_by_contact_id",
                        "would make a referral loop: this contact introduced that one",
                    ));
                }
            }
            if changes.is_empty() {
                return Ok(current);
            }
            Ok(repo::update(connection, id, &changes).await?)
        })
        .await
}

/// Deletes the contact. One with interviews answers 409 unless `force`,
/// which deletes its interviews (and their questions and action items) too.
pub async fn delete(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
    if_match: &IfMatch,
    force: bool,
) -> ApiResult<()> {
    use crate::interviews::repo as interviews;
    connection
        .transaction(async |connection| {
            let current = repo::find_for_update(connection, user_id, id)
                .await?
                .ok_or(ApiError::NotFound)?;
            if_match.check(current.version)?;
            let interview_count = interviews::count_of_contact(connection, id).await?;
            if interview_count > 0 {
                if !force {
                    return Err(ApiError::Conflict {
                        code: "conflict",
                        detail: format!(
                            "the contact has {interview_count} interview(s); delete with ?force=true to delete them too"
                        ),
                    });
                }
                interviews::delete_of_contact(connection, id).await?;
            }
            repo::delete(connection, id).await?;
            Ok(())
        })
        .await
}

/// Archives or unarchives; asking twice changes nothing the second time.
pub async fn set_archived(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
    archived: bool,
) -> ApiResult<Contact> {
    let archived_at = archived.then(Utc::now);
    match repo::set_archived(connection, user_id, id, archived_at).await? {
        Some(contact) => Ok(contact),
        None => get(connection, user_id, id).await,
    }
}

fn decode_cursor(cursor: Option<&str>, sort: ContactSort) -> ApiResult<Option<ContactCursor>> {
    let after = pagination::after::<ContactCursor>(cursor)?;
    if after.as_ref().is_some_and(|after| after.sort() != sort) {
        return Err(ApiError::BadRequest(
            "the cursor belongs to a list in another order".to_owned(),
        ));
    }
    Ok(after)
}

async fn page(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    filter: ContactFilter,
    sort: ContactSort,
    after: Option<ContactCursor>,
    limit: i64,
) -> ApiResult<Page<ContactResponse>> {
    let rows = repo::list(connection, user_id, filter, sort, after, limit).await?;
    Ok(Page::from_rows(
        rows,
        limit,
        |(contact, name_key)| ContactCursor::after(contact, name_key, sort),
        |(contact, _)| contact.into(),
    ))
}

pub async fn list(
    connection: &mut AsyncPgConnection,
    histogram: &SearchTextHistogram,
    user_id: Uuid,
    query: ContactListQuery,
) -> ApiResult<Page<ContactResponse>> {
    query.check_lengths()?;
    let limit = pagination::limit(query.limit)?;
    let sort = query.sort.unwrap_or_default();
    let after = decode_cursor(query.cursor.as_deref(), sort)?;
    let text = match query.search_term() {
        Some(q) => {
            let start = match &after {
                None if sort == ContactSort::Name => PageStart::ByName(None),
                Some(ContactCursor::Name { name, .. }) => PageStart::ByName(Some(name)),
                _ => PageStart::Unrelated,
            };
            let page_size = usize::try_from(limit + 1).unwrap_or(usize::MAX);
            Some(search::plan(connection, histogram, q, start, page_size).await?)
        }
        None => None,
    };
    let filter = ContactFilter {
        text,
        tag: query.tag,
        company: query.company,
        employer_id: query.employer_id,
        source: query.source.map(|source| source.as_str()),
        has_hiring_power: query.has_hiring_power,
        segment: query.segment,
        archived: Some(query.archived.unwrap_or(false)),
        referred_by: None,
    };
    page(connection, user_id, filter, sort, after, limit).await
}

/// The contacts `id` introduced, archived or not, by name.
pub async fn referrals(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
    cursor: Option<&str>,
    limit: Option<i64>,
) -> ApiResult<Page<ContactResponse>> {
    let limit = pagination::limit(limit)?;
    if !repo::contact_exists(connection, user_id, id).await? {
        return Err(ApiError::NotFound);
    }
    let filter = ContactFilter {
        referred_by: Some(id),
        ..ContactFilter::default()
    };
    let after = decode_cursor(cursor, ContactSort::Name)?;
    page(connection, user_id, filter, ContactSort::Name, after, limit).await
}

/// Every contact as a node and every referral as an edge.
pub async fn network(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
) -> ApiResult<NetworkResponse> {
    let contacts = repo::all_of_user(connection, user_id).await?;
    let now = Utc::now();
    let edges = contacts
        .iter()
        .filter_map(|contact| {
            contact.referred_by_contact_id.map(|from| NetworkEdge {
                from,
                to: contact.id,
            })
        })
        .collect();
    let nodes = contacts
        .iter()
        .map(|contact| NetworkNode {
            id: contact.id,
            full_name: contact.full_name.clone(),
            employer_id: contact.employer_id,
            segment: super::segment::of(contact, now),
        })
        .collect();
    Ok(NetworkResponse { nodes, edges })
}

/// A personalised outreach script for one contact.
pub async fn outreach_script(
    connection: &mut AsyncPgConnection,
    user: &User,
    id: Uuid,
    template: OutreachTemplate,
) -> ApiResult<OutreachScript> {
    let contact = get(connection, user.id, id).await?;
    let referrer_name = match contact.referred_by_contact_id {
        Some(referrer) => repo::name_of(connection, user.id, referrer).await?,
        None => None,
    };
    Ok(outreach::render(
        template,
        &Placeholders {
            user_name: Some(user.display_name.as_str()),
            contact_name: Some(contact.full_name.as_str()),
            referrer_name: referrer_name.as_deref(),
            field: user.target_field.as_deref(),
        },
    ))
}

/// The identities an import matches rows on, in order of trust.
#[derive(Default)]
struct ImportIndex {
    by_linkedin: std::collections::HashMap<String, usize>,
    by_email: std::collections::HashMap<String, usize>,
    by_name_and_company: std::collections::HashMap<(String, String), usize>,
}

impl ImportIndex {
    fn keys(
        contact: &super::dto::CreateContactRequest,
    ) -> (Option<String>, Option<String>, (String, String)) {
        (
            contact
                .linkedin_url
                .as_deref()
                .map(super::import::linkedin_key),
            contact.email.as_deref().map(str::to_lowercase),
            (
                contact.full_name.to_lowercase(),
                contact
                    .company
                    .as_deref()
                    .unwrap_or_default()
                    .to_lowercase(),
            ),
        )
    }

    fn find(&self, contact: &super::dto::CreateContactRequest) -> Option<usize> {
        let (linkedin, email, name) = Self::keys(contact);
        linkedin
            .and_then(|key| self.by_linkedin.get(&key))
            .or_else(|| email.and_then(|key| self.by_email.get(&key)))
            .or_else(|| self.by_name_and_company.get(&name))
            .copied()
    }

    fn add(&mut self, contact: &super::dto::CreateContactRequest, position: usize) {
        let (linkedin, email, name) = Self::keys(contact);
        if let Some(key) = linkedin {
            self.by_linkedin.entry(key).or_insert(position);
        }
        if let Some(key) = email {
            self.by_email.entry(key).or_insert(position);
        }
        self.by_name_and_company.entry(name).or_insert(position);
    }
}

fn request_of(contact: &Contact) -> super::dto::CreateContactRequest {
    super::dto::CreateContactRequest {
        full_name: contact.full_name.clone(),
        email: contact.email.clone(),
        phone: contact.phone.clone(),
        linkedin_url: contact.linkedin_url.clone(),
        company: contact.company.clone(),
        job_title: contact.job_title.clone(),
        field: contact.field.clone(),
        location: contact.location.clone(),
        employer_id: contact.employer_id,
        source: None,
        referred_by_contact_id: contact.referred_by_contact_id,
        has_hiring_power: contact.has_hiring_power,
        tags: Some(contact.tags.clone()),
        notes: contact.notes.clone(),
    }
}

/// What a row of the file would change on an existing contact: cells with
/// a value fill or replace; empty cells never clear anything.
fn changes_from_row(
    existing: &Contact,
    row: &super::dto::CreateContactRequest,
) -> ContactChangeset {
    fn differs(new: &Option<String>, old: &Option<String>) -> Option<Option<String>> {
        match new {
            Some(value) if old.as_ref() != Some(value) => Some(Some(value.clone())),
            _ => None,
        }
    }
    let mut tags = existing.tags.clone();
    for tag in row.tags.iter().flatten() {
        if !tags.contains(tag) && tags.len() < 20 {
            tags.push(tag.clone());
        }
    }
    ContactChangeset {
        email: differs(&row.email, &existing.email),
        phone: differs(&row.phone, &existing.phone),
        linkedin_url: differs(&row.linkedin_url, &existing.linkedin_url),
        company: differs(&row.company, &existing.company),
        job_title: differs(&row.job_title, &existing.job_title),
        field: differs(&row.field, &existing.field),
        location: differs(&row.location, &existing.location),
        has_hiring_power: match row.has_hiring_power {
            Some(power) if existing.has_hiring_power != Some(power) => Some(Some(power)),
            _ => None,
        },
        tags: (tags != existing.tags).then_some(tags),
        notes: differs(&row.notes, &existing.notes),
        ..ContactChangeset::default()
    }
}

/// Imports a parsed file in one transaction: rows matching an existing
/// contact (LinkedIn URL, then email, then name and company) update it,
/// the others are created. A second import of the same file creates
/// nothing. Every row is stored whole or not at all.
pub async fn import(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    file: super::import::ParsedFile,
) -> ApiResult<super::dto::ImportResult> {
    connection
        .transaction(async |connection| {
            let mut existing = repo::all_of_user(connection, user_id).await?;
            let mut index = ImportIndex::default();
            for (position, contact) in existing.iter().enumerate() {
                index.add(&request_of(contact), position);
            }
            let mut result = super::dto::ImportResult {
                errors: file.errors,
                ..Default::default()
            };
            let mut new_contacts = Vec::new();
            for row in file.rows {
                match index.find(&row.contact) {
                    Some(position) if position < existing.len() => {
                        let changes = changes_from_row(&existing[position], &row.contact);
                        if changes.is_empty() {
                            result.skipped += 1;
                        } else {
                            let updated =
                                repo::update(connection, existing[position].id, &changes).await?;
                            index.add(&request_of(&updated), position);
                            existing[position] = updated;
                            result.updated += 1;
                        }
                    }
                    // A repeat of a row created earlier in the same file.
                    Some(_) => result.skipped += 1,
                    None => {
                        index.add(&row.contact, existing.len() + new_contacts.len());
                        new_contacts.push(row.contact.into_new(user_id));
                    }
                }
            }
            for chunk in new_contacts.chunks(1000) {
                repo::insert_many(connection, chunk).await?;
            }
            result.created = new_contacts.len() as u64;
            result.errors.sort_by_key(|error| error.line);
            Ok(result)
        })
        .await
}

/// Every contact of the user, for export.
pub async fn export(connection: &mut AsyncPgConnection, user_id: Uuid) -> ApiResult<Vec<Contact>> {
    Ok(repo::all_of_user(connection, user_id).await?)
}

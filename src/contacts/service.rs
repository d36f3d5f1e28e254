//! Contact rules that span tables: links to the owner's employers and
//! contacts, referral loops, archiving, and the derived views.

use chrono::Utc;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

use super::dto::{ContactResponse, ContactSort, CreateContactRequest, ImportError, ImportResult};
use super::import::{ImportMatches, ImportedRow, ParsedFile};
use super::models::{Contact, ContactChangeset, ContactIdentity, NewContact};
use super::repo::{self, ContactCursor, ContactFilter};
use super::scripts::{self, OutreachScript, OutreachTemplate, Placeholders};
use crate::auth::models::User;
use crate::error::{ApiError, ApiResult};
use crate::pagination::{self, Page, PageSize};
use crate::preconditions::IfMatch;

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
    // With an id the client chose, the referrer could name the contact
    // itself.
    if new.referred_by_contact_id == Some(new.id) {
        return Err(ApiError::invalid(
            "referred_by_contact_id",
            "a contact cannot refer itself",
        ));
    }
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
            let current =
                if_match.current(repo::find_for_update(connection, user_id, id).await?)?;
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
            Ok(repo::update(connection, user_id, id, &changes).await?)
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
    connection
        .transaction(async |connection| {
            if_match.current(repo::find_for_update(connection, user_id, id).await?)?;
            let interview_count = repo::interview_count(connection, user_id, id).await?;
            if interview_count > 0 {
                if !force {
                    return Err(ApiError::Conflict {
                        code: "conflict",
                        detail: format!(
                            "the contact has {interview_count} interview(s); delete with ?force=true to delete them too"
                        ),
                    });
                }
                repo::delete_interviews(connection, user_id, id).await?;
            }
            repo::delete(connection, user_id, id).await?;
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

pub(super) fn decode_cursor(
    cursor: Option<&str>,
    sort: ContactSort,
) -> ApiResult<Option<ContactCursor>> {
    let after = pagination::after::<ContactCursor>(cursor)?;
    if after.as_ref().is_some_and(|after| after.sort() != sort) {
        return Err(ApiError::BadRequest(
            "the cursor belongs to a list in another order".to_owned(),
        ));
    }
    Ok(after)
}

pub(super) async fn page(
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

/// The contacts `id` introduced, archived or not, by name.
pub async fn referrals(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
    updated_after: Option<chrono::DateTime<Utc>>,
    cursor: Option<&str>,
    limit: PageSize,
) -> ApiResult<Page<ContactResponse>> {
    let limit = limit.get();
    if !repo::contact_exists(connection, user_id, id).await? {
        return Err(ApiError::NotFound);
    }
    let filter = ContactFilter {
        referred_by: Some(id),
        updated_after,
        ..ContactFilter::default()
    };
    let after = decode_cursor(cursor, ContactSort::Name)?;
    page(connection, user_id, filter, ContactSort::Name, after, limit).await
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
    Ok(scripts::render(
        template,
        &Placeholders {
            user_name: Some(user.display_name.as_str()),
            contact_name: Some(contact.full_name.as_str()),
            referrer_name: referrer_name.as_deref(),
            field: user.target_field.as_deref(),
        },
    ))
}

/// What a row of the file would change on an existing contact: cells with
/// a value fill or replace; empty cells never clear anything.
fn changes_from_row(existing: &Contact, row: &CreateContactRequest) -> ContactChangeset {
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

/// Why a row was not stored, in the words of the error it met.
fn import_error(line: u64, error: ApiError) -> ImportError {
    let message = match error {
        ApiError::Validation(errors) => errors
            .iter()
            .map(|error| format!("{}: {}", error.field, error.message))
            .collect::<Vec<_>>()
            .join("; "),
        ApiError::LimitReached(cap) => format!(
            "limit_reached: the account holds the most {} it may ({})",
            cap.name, cap.max
        ),
        other => other.to_string(),
    };
    ImportError { line, message }
}

/// Imports a parsed file: rows matching a contact (LinkedIn URL, then
/// email, then name and company — the user's contacts as the import began,
/// and the rows it stored) update it, the others are created, so a second
/// import of the same file creates nothing. Rows are applied
/// [`repo::BATCH`] at a time, each batch in a transaction of its own; a row
/// the database refuses (a limit, a cap) is listed with its line and the
/// rest of its batch is stored.
pub async fn import(
    pool: &crate::db::Pool,
    user_id: Uuid,
    file: ParsedFile,
) -> ApiResult<ImportResult> {
    let mut result = ImportResult {
        errors: file.errors,
        ..Default::default()
    };
    let mut known = {
        let mut connection = pool.get().await?;
        ImportMatches::of_contacts(repo::identities(&mut connection, user_id).await?).await?
    };
    let mut rows = file.rows.into_iter().peekable();
    while rows.peek().is_some() {
        let batch: Vec<ImportedRow> = rows.by_ref().take(repo::BATCH as usize).collect();
        let mut connection = pool.get().await?;
        connection
            .transaction(async |connection| {
                import_batch(connection, user_id, batch, &mut known, &mut result).await
            })
            .await?;
    }
    result.errors.sort_by_key(|error| error.line);
    Ok(result)
}

/// One batch of an import, in the caller's transaction.
async fn import_batch(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    batch: Vec<ImportedRow>,
    known: &mut ImportMatches,
    result: &mut ImportResult,
) -> ApiResult<()> {
    let matched: Vec<Uuid> = batch
        .iter()
        .filter_map(|row| known.find(&row.contact))
        .collect();
    let existing: std::collections::HashMap<Uuid, Contact> =
        repo::find_many(connection, user_id, &matched)
            .await?
            .into_iter()
            .map(|contact| (contact.id, contact))
            .collect();
    let mut room = repo::lock_room_for_contacts(connection, user_id).await?;
    let mut new_rows: Vec<(u64, NewContact)> = Vec::new();
    for row in batch {
        match known.find(&row.contact) {
            Some(id) => match existing.get(&id) {
                Some(contact) => {
                    let changes = changes_from_row(contact, &row.contact);
                    if changes.is_empty() {
                        result.skipped += 1;
                        continue;
                    }
                    let updated = connection
                        .transaction(async |connection| {
                            Ok::<_, ApiError>(
                                repo::update(connection, user_id, id, &changes).await?,
                            )
                        })
                        .await;
                    match updated {
                        Ok(_) => result.updated += 1,
                        Err(error) => result.errors.push(import_error(row.line, error)),
                    }
                }
                // A repeat of a row this import created, or a contact
                // deleted since the import began.
                None => result.skipped += 1,
            },
            None if room <= 0 => result.errors.push(import_error(
                row.line,
                ApiError::LimitReached(crate::limits::CONTACTS),
            )),
            None => {
                room -= 1;
                let contact = row.contact.into_new(user_id);
                known.add(&ContactIdentity::of(&contact));
                new_rows.push((row.line, contact));
            }
        }
    }
    let contacts: Vec<NewContact> = new_rows
        .iter()
        .map(|(_, contact)| contact.clone())
        .collect();
    let stored_together = connection
        .transaction(async |connection| {
            Ok::<_, ApiError>(repo::insert_many(connection, &contacts).await?)
        })
        .await;
    if stored_together.is_ok() {
        result.created += new_rows.len() as u64;
        return Ok(());
    }
    // One of them was refused: each on its own, to list the one.
    for (line, contact) in new_rows {
        let stored = connection
            .transaction(async |connection| {
                Ok::<_, ApiError>(repo::insert(connection, &contact).await?)
            })
            .await;
        match stored {
            Ok(_) => result.created += 1,
            Err(error) => result.errors.push(import_error(line, error)),
        }
    }
    Ok(())
}

/// The contacts among `ids` that are the user's, as their GET answers them,
/// in no order.
pub async fn find_many(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    ids: &[Uuid],
) -> ApiResult<Vec<ContactResponse>> {
    let contacts = repo::find_many(connection, user_id, ids).await?;
    Ok(contacts.into_iter().map(ContactResponse::from).collect())
}

/// Puts each contact's employer beside its id (`expand=employer`): one
/// batch for the page.
pub async fn expand_employers(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    contacts: &mut [ContactResponse],
) -> ApiResult<()> {
    let ids: Vec<Uuid> = contacts
        .iter()
        .filter_map(|contact| contact.employer_id)
        .collect();
    let found: std::collections::HashMap<Uuid, _> =
        crate::employers::service::find_many(connection, user_id, &ids)
            .await?
            .into_iter()
            .map(|employer| (employer.id, employer))
            .collect();
    crate::expand::attach(contacts, &found, |contact| {
        (contact.employer_id, &mut contact.employer)
    });
    Ok(())
}

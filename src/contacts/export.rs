//! Writing every contact of a user out — as CSV a spreadsheet cannot run,
//! as vCard 4.0, or as the referral network — a batch at a time: each
//! batch is read on a connection of its own and written before the next
//! is read, so neither the service nor the database holds more than one
//! batch, and a slow reader holds no connection between batches.

use std::rc::Rc;
use std::str::FromStr;

use actix_web::web::Bytes;
use chrono::Utc;
use diesel::QueryResult;
use diesel_async::AsyncPgConnection;
use futures_util::{Stream, StreamExt, TryStreamExt};
use uuid::Uuid;

use super::dto::{NetworkEdge, NetworkNode};
use super::models::ExportedContact;
use super::{repo, segment, spreadsheet};
use crate::db::Pool;
use crate::error::ApiError;
use crate::text::{one_line, paragraphs};

/// The rows `fetch` reads after each key, batch after batch, until a batch
/// comes back short.
fn in_batches<Row, Key, Fetch, KeyOf>(
    pool: Pool,
    fetch: Fetch,
    key_of: KeyOf,
) -> impl Stream<Item = Result<Vec<Row>, ApiError>> + 'static
where
    Row: 'static,
    Key: 'static,
    Fetch: AsyncFn(&mut AsyncPgConnection, Option<Key>) -> QueryResult<Vec<Row>> + 'static,
    KeyOf: Fn(&Row) -> Key + 'static,
{
    let fetch = Rc::new(fetch);
    let key_of = Rc::new(key_of);
    // `None`: done; `Some(None)`: the first batch; `Some(Some(key))`: after key.
    futures_util::stream::try_unfold(Some(None), move |after| {
        let (pool, fetch, key_of) = (pool.clone(), fetch.clone(), key_of.clone());
        async move {
            let Some(after) = after else {
                return Ok(None);
            };
            let mut connection = pool.get().await?;
            let rows = fetch(&mut connection, after).await?;
            drop(connection);
            if rows.is_empty() {
                return Ok(None);
            }
            let next = (rows.len() as i64 == repo::BATCH)
                .then(|| rows.last().map(|row| key_of(row)))
                .flatten()
                .map(Some);
            Ok(Some((rows, next)))
        }
    })
}

/// The user's contacts in name order, a batch at a time.
fn contacts_of(
    pool: Pool,
    user_id: Uuid,
) -> impl Stream<Item = Result<Vec<(ExportedContact, String)>, ApiError>> + 'static {
    in_batches(
        pool,
        async move |connection, after| repo::export_batch(connection, user_id, after).await,
        |(contact, name_key): &(ExportedContact, String)| (name_key.clone(), contact.id),
    )
}

const CSV_HEADER: [&str; 18] = [
    "id",
    "full_name",
    "email",
    "phone",
    "linkedin_url",
    "company",
    "job_title",
    "field",
    "location",
    "employer_id",
    "source",
    "referred_by_contact_id",
    "has_hiring_power",
    "tags",
    "notes",
    "archived_at",
    "created_at",
    "updated_at",
];

fn csv_bytes(records: impl IntoIterator<Item = Vec<String>>) -> Result<Bytes, ApiError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for record in records {
        writer.write_record(&record).map_err(ApiError::internal)?;
    }
    writer
        .into_inner()
        .map(Bytes::from)
        .map_err(ApiError::internal)
}

fn csv_record(contact: &ExportedContact) -> Vec<String> {
    let text = |value: &Option<String>| spreadsheet::protect(value.as_deref().unwrap_or(""));
    let id = |value: Option<Uuid>| value.map(|id| id.to_string()).unwrap_or_default();
    vec![
        contact.id.to_string(),
        spreadsheet::protect(&contact.full_name),
        text(&contact.email),
        text(&contact.phone),
        text(&contact.linkedin_url),
        text(&contact.company),
        text(&contact.job_title),
        text(&contact.field),
        text(&contact.location),
        id(contact.employer_id),
        contact.source.as_str().to_owned(),
        id(contact.referred_by_contact_id),
        contact
            .has_hiring_power
            .map(|power| power.to_string())
            .unwrap_or_else(|| "unknown".to_owned()),
        spreadsheet::protect(&spreadsheet::join_tags(&contact.tags)),
        text(&contact.notes),
        contact
            .archived_at
            .map(|at| at.to_rfc3339())
            .unwrap_or_default(),
        contact.created_at.to_rfc3339(),
        contact.updated_at.to_rfc3339(),
    ]
}

/// Every contact as CSV, with a header naming the API's fields; no cell
/// starts like a formula (see [`spreadsheet`]).
pub fn csv(pool: Pool, user_id: Uuid) -> impl Stream<Item = Result<Bytes, ApiError>> + 'static {
    let header = CSV_HEADER.iter().map(|name| (*name).to_owned()).collect();
    futures_util::stream::once(async move { csv_bytes([header]) }).chain(
        contacts_of(pool, user_id).and_then(|batch| async move {
            csv_bytes(batch.iter().map(|(contact, _)| csv_record(contact)))
        }),
    )
}

fn vcard(contact: &ExportedContact) -> String {
    let mut card = vcard4::VcardBuilder::new(one_line(&contact.full_name));
    if let Ok(uid) = vcard4::Uri::from_str(&format!("urn:uuid:{}", contact.id)) {
        card = card.uid(uid);
    }
    if let Some(email) = &contact.email {
        card = card.email(one_line(email));
    }
    if let Some(phone) = &contact.phone {
        card = card.telephone(one_line(phone));
    }
    if let Some(company) = &contact.company {
        card = card.org(vec![one_line(company)]);
    }
    if let Some(title) = &contact.job_title {
        card = card.title(one_line(title));
    }
    if let Some(url) = contact
        .linkedin_url
        .as_deref()
        .and_then(|url| vcard4::Uri::from_str(&one_line(url)).ok())
    {
        card = card.url(url);
    }
    if !contact.tags.is_empty() {
        card = card.categories(contact.tags.iter().map(|tag| one_line(tag)).collect());
    }
    if let Some(notes) = &contact.notes {
        card = card.note(paragraphs(notes));
    }
    card.finish().to_string()
}

/// Every contact as a vCard 4.0 (RFC 6350) card. Control characters are
/// dropped from every value (line breaks stay in the note, escaped by the
/// writer), so no stored text can start a property of its own.
pub fn vcards(pool: Pool, user_id: Uuid) -> impl Stream<Item = Result<Bytes, ApiError>> + 'static {
    contacts_of(pool, user_id).map_ok(|batch| {
        let cards: String = batch.iter().map(|(contact, _)| vcard(contact)).collect();
        Bytes::from(cards)
    })
}

/// JSON items of one batch, each after a comma but the very first.
fn json_items<T: serde::Serialize>(items: &[T], first_batch: bool) -> Result<Bytes, ApiError> {
    let mut written = Vec::new();
    for (index, item) in items.iter().enumerate() {
        if index > 0 || !first_batch {
            written.push(b',');
        }
        serde_json::to_writer(&mut written, item).map_err(ApiError::internal)?;
    }
    Ok(Bytes::from(written))
}

/// The referral network as `{"nodes": [...], "edges": [...]}`: every
/// contact a node, every referral an edge from the referrer.
pub fn network(pool: Pool, user_id: Uuid) -> impl Stream<Item = Result<Bytes, ApiError>> + 'static {
    let now = Utc::now();
    let nodes = in_batches(
        pool.clone(),
        async move |connection, after| repo::network_batch(connection, user_id, after).await,
        |node: &super::models::NetworkNodeRow| node.id,
    )
    .enumerate()
    .map(move |(index, batch)| {
        let nodes: Vec<NetworkNode> = batch?
            .into_iter()
            .map(|row| NetworkNode {
                segment: segment::of_inputs(&row.segment, now),
                id: row.id,
                full_name: row.full_name,
                employer_id: row.employer_id,
            })
            .collect();
        json_items(&nodes, index == 0)
    });
    let edges = in_batches(
        pool,
        async move |connection, after| repo::referral_batch(connection, user_id, after).await,
        |(to, _): &(Uuid, Uuid)| *to,
    )
    .enumerate()
    .map(|(index, batch)| {
        let edges: Vec<NetworkEdge> = batch?
            .into_iter()
            .map(|(to, from)| NetworkEdge { from, to })
            .collect();
        json_items(&edges, index == 0)
    });
    let piece = |text: &'static str| {
        futures_util::stream::once(async move { Ok(Bytes::from_static(text.as_bytes())) })
    };
    piece("{\"nodes\":[")
        .chain(nodes)
        .chain(piece("],\"edges\":["))
        .chain(edges)
        .chain(piece("]}"))
}

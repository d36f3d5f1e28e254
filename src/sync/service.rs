//! Pages of the change log, each change with its resource as it is now.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use diesel_async::AsyncPgConnection;
use uuid::Uuid;

use super::dto::{Change, ChangeData, ChangeLimit, Resource, SyncPage, SyncedInterviewQuestion};
use super::repo::{self, Entry};
use super::token::{Round, SyncToken, Taken};
use crate::error::ApiResult;
use crate::{
    action_items, auth, contacts, employers, interviews, question_sets, reminders, webhooks,
};

/// About how many bytes of changes a page holds (DESIGN §9): a page stops
/// before the change that would take it past this, unless it is the first.
pub const PAGE_BYTES: usize = 4 * 1024 * 1024;

type Key = (Resource, Uuid);

/// The changes after `since` (the whole current state without it) of the
/// `resources` named, in one `REPEATABLE READ` transaction: the log and
/// the resources are read as of one moment.
pub async fn changes(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    since: Option<&str>,
    limit: ChangeLimit,
    resources: &[Resource],
) -> ApiResult<SyncPage> {
    let now = Utc::now();
    let token = since
        .filter(|since| !since.is_empty())
        .map(|since| SyncToken::decode(since, user_id, now))
        .transpose()?;
    let (base, round) = token.map_or((None, None), |token| (token.base, token.round));
    let names: Vec<&str> = resources.iter().map(|resource| resource.as_str()).collect();
    connection
        .build_transaction()
        .repeatable_read()
        .read_only()
        .run(async |connection| {
            let round = match round {
                Some(round) => round,
                None => Round {
                    until: Taken {
                        snapshot: repo::current_snapshot(connection).await?,
                        at: now.timestamp(),
                    },
                    after: 0,
                },
            };
            let limit = limit.get();
            let until = &round.until.snapshot;
            let mut entries = match &base {
                Some(base) => {
                    let base = &base.snapshot;
                    repo::changed_since(
                        connection,
                        user_id,
                        base,
                        until,
                        round.after,
                        limit + 1,
                        &names,
                    )
                    .await?
                }
                None => {
                    repo::present_at(connection, user_id, until, round.after, limit + 1, &names)
                        .await?
                }
            };
            let more_entries = entries.len() as i64 > limit;
            entries.truncate(limit as usize);
            let mut loaded = load(connection, user_id, &entries).await?;
            let page = assemble(&entries, &mut loaded, base.is_none(), round.after);
            let next = if page.has_more || more_entries {
                SyncToken {
                    user_id,
                    base,
                    round: Some(Round {
                        until: round.until,
                        after: page.cursor,
                    }),
                }
            } else {
                SyncToken {
                    user_id,
                    base: Some(round.until),
                    round: None,
                }
            };
            Ok(SyncPage {
                changes: page.changes,
                next_token: next.encode(),
                has_more: page.has_more || more_entries,
            })
        })
        .await
}

/// The changes of a page and the position it ends at.
struct Assembled {
    changes: Vec<Change>,
    cursor: i64,
    /// The page stopped at its size before the entries ran out.
    has_more: bool,
}

/// One change per resource, in the order their first entries come, until
/// the entries run out or the page is full. In the first round a resource
/// gone since its entry is left out: the client never had it.
fn assemble(
    entries: &[Entry],
    loaded: &mut HashMap<Key, ChangeData>,
    first_round: bool,
    after: i64,
) -> Assembled {
    let mut changes = Vec::new();
    let mut listed: HashSet<Key> = HashSet::new();
    let (mut bytes, mut cursor) = (0, after);
    for entry in entries {
        let Some(key) = key_of(entry) else {
            cursor = entry.position;
            continue;
        };
        if listed.contains(&key) {
            cursor = entry.position;
            continue;
        }
        let data = loaded.remove(&key);
        if data.is_none() && first_round {
            listed.insert(key);
            cursor = entry.position;
            continue;
        }
        let change = match data {
            Some(data) => Change::upsert(key.1, data),
            None => Change::delete(key.0, key.1),
        };
        let size = serde_json::to_vec(&change).map_or(0, |bytes| bytes.len());
        if !changes.is_empty() && bytes + size > PAGE_BYTES {
            return Assembled {
                changes,
                cursor,
                has_more: true,
            };
        }
        bytes += size;
        changes.push(change);
        listed.insert(key);
        cursor = entry.position;
    }
    Assembled {
        changes,
        cursor,
        has_more: false,
    }
}

/// What an entry names; `None` for a resource this build does not know
/// (the table's CHECK lists the same names, so only a newer replica could
/// write one).
fn key_of(entry: &Entry) -> Option<Key> {
    Resource::from_stored(&entry.resource).map(|resource| (resource, entry.id))
}

/// The current wire form of every resource the entries name that still
/// exists: one batch per kind of resource.
async fn load(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    entries: &[Entry],
) -> ApiResult<HashMap<Key, ChangeData>> {
    let mut wanted: HashMap<Resource, Vec<Uuid>> = HashMap::new();
    for (resource, id) in entries.iter().filter_map(key_of) {
        wanted.entry(resource).or_default().push(id);
    }
    let mut loaded = HashMap::new();
    for (resource, ids) in wanted {
        let found: Vec<(Uuid, ChangeData)> = match resource {
            Resource::User => auth::repo::find_user(connection, user_id)
                .await?
                .filter(|user| ids.contains(&user.id))
                .map(|user| (user.id, ChangeData::User(user.into())))
                .into_iter()
                .collect(),
            Resource::Contact => contacts::service::find_many(connection, user_id, &ids)
                .await?
                .into_iter()
                .map(|contact| (contact.id, ChangeData::Contact(contact)))
                .collect(),
            Resource::Employer => employers::service::find_many(connection, user_id, &ids)
                .await?
                .into_iter()
                .map(|employer| (employer.id, ChangeData::Employer(employer)))
                .collect(),
            Resource::Interview => interviews::service::find_many(connection, user_id, &ids)
                .await?
                .into_iter()
                .map(|interview| (interview.id, ChangeData::Interview(interview)))
                .collect(),
            Resource::InterviewQuestion => {
                interviews::service::find_questions(connection, user_id, &ids)
                    .await?
                    .into_iter()
                    .map(|(interview_id, question)| {
                        let id = question.id;
                        let question = SyncedInterviewQuestion {
                            interview_id,
                            question,
                        };
                        (id, ChangeData::InterviewQuestion(question))
                    })
                    .collect()
            }
            Resource::ActionItem => action_items::service::find_many(connection, user_id, &ids)
                .await?
                .into_iter()
                .map(|item| (item.id, ChangeData::ActionItem(item)))
                .collect(),
            Resource::QuestionSet => {
                question_sets::service::find_many_own(connection, user_id, &ids)
                    .await?
                    .into_iter()
                    .map(|set| (set.id, ChangeData::QuestionSet(set)))
                    .collect()
            }
            Resource::Reminder => reminders::service::find_many(connection, user_id, &ids)
                .await?
                .into_iter()
                .map(|reminder| (reminder.id, ChangeData::Reminder(reminder)))
                .collect(),
            Resource::Webhook => webhooks::service::find_many(connection, user_id, &ids)
                .await?
                .into_iter()
                .map(|webhook| (webhook.id, ChangeData::Webhook(webhook)))
                .collect(),
        };
        loaded.extend(found.into_iter().map(|(id, data)| ((resource, id), data)));
    }
    Ok(loaded)
}

//! How a contact search (`q`) is answered.
//!
//! A page is the first matches in the list's order. Two ways find them:
//!
//! - **By keys**: the owner's trigram keys of the term pick every contact
//!   that can match from `contacts_search_keys_idx`; the page is the
//!   first of those in order. It reads and sorts every match, so it suits
//!   terms that few contacts contain: a name, a company, a rare word.
//! - **By walking**: the list is read in order through the sort's own index
//!   until a page of matches is found. It suits terms whose matches come
//!   early in that order: common ones ("engineer", a field), and in name
//!   order a first name near the top of the alphabet.
//!
//! PostgreSQL cannot choose between them: it multiplies the estimates of
//! the key condition and of the text condition as if they were
//! independent, and then always takes the keys. The choice is made here
//! instead, on the column's histogram (the sample of the table that
//! `ANALYZE` keeps, sorted by text, which begins with the name): the share
//! of sampled texts containing the term prices the keys, and where the
//! sampled matches lie after the page's start prices the walk. Terms
//! without a key (fewer than three ASCII letters or digits in a row) are
//! always walked.
//!
//! A search is the costliest read the API has, so only a few run in the
//! database at once ([`ContactSearch::turn`]); the others wait their turn
//! in arrival order, holding no connection. [`page`] is the one way in: it
//! answers every page of the contact list, searched or not.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use memchr::memmem;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::dto::{ContactListQuery, ContactResponse, ContactSort, Segment, Source};
use super::repo::{ContactCursor, ContactFilter};
use super::service;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::expand::{self, EmployerExpansion};
use crate::metrics::SearchTurns;
use crate::pagination::Page;

/// What reading and sorting one match by keys costs, in contacts walked
/// past. Measured on the benchmark data (10,000 contacts of the user among
/// 100,000, `bench/run` prints the plans): 7.5–8.3 µs a match ("jose", 165
/// matches, 1.2–1.4 ms) against 5.0–5.4 µs a contact walked ("data
/// scientist", 712 walked, 3.6–3.9 ms). A walk reads each contact's text
/// from the table: the text is not in the name index, whose entries must
/// stay small enough for a long note. (When it was, a walked contact cost
/// 0.47 µs, and this was 7.)
const KEYS_COST_IN_CONTACTS_WALKED: f64 = 1.5;

/// The network size the walk's estimate assumes. A walk stops at the
/// page's last match, and how far into the sample that is depends on how
/// many contacts the user has, which the histogram (of the whole table)
/// does not tell. The choice matters for large networks; a small one is
/// cheap to read either way.
const ASSUMED_NETWORK_SIZE: f64 = 10_000.0;

/// How many sampled matches after the page's start tell how densely the
/// matches follow one another.
const MATCHES_FOR_SPACING: usize = 8;

/// How long a histogram is used before it is read again. `ANALYZE` runs
/// when about a tenth of the table has changed, so a few minutes lose
/// nothing.
const HISTOGRAM_LIFETIME: Duration = Duration::from_secs(300);

/// How the matches of `q` are found, with the term as typed; the statement
/// folds it (case, accents) the way the stored text was folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextSearch {
    /// Through the owner's trigram keys of the term.
    ByKeys { term: String },
    /// By walking the list in order.
    ByWalking { term: String },
}

/// Where the page to find starts in its list.
#[derive(Debug, Clone, Copy)]
pub enum PageStart<'a> {
    /// In name order, at the top or after this name key (the lower-cased
    /// full name of the previous page's last contact).
    ByName(Option<&'a str>),
    /// In an order the text says nothing about (a time): the matches are
    /// taken to be spread evenly.
    Unrelated,
}

/// What every contact search of the process shares: the histogram its way
/// is chosen from, and the turns that bound how many run at once.
pub struct ContactSearch {
    pub histogram: SearchTextHistogram,
    turns: Arc<Semaphore>,
    concurrency: usize,
    turn_wait: Duration,
    /// Searches waiting for a turn now, for the metrics.
    waiting: AtomicUsize,
}

/// A search's turn to use the database; the next search waiting starts
/// when it is dropped.
pub struct SearchTurn {
    _permit: OwnedSemaphorePermit,
}

impl ContactSearch {
    /// `concurrency` searches at once; a search that waits longer than
    /// `turn_wait` for its turn is answered 503, like a request that waits
    /// that long for a connection.
    pub fn new(concurrency: usize, turn_wait: Duration) -> Self {
        Self {
            histogram: SearchTextHistogram::default(),
            turns: Arc::new(Semaphore::new(concurrency)),
            concurrency,
            turn_wait,
            waiting: AtomicUsize::new(0),
        }
    }

    pub fn turns(&self) -> SearchTurns {
        SearchTurns {
            max: self.concurrency,
            in_use: self.concurrency - self.turns.available_permits(),
            // Spelled out: diesel's `RunQueryDsl::load` would be found first.
            waiting: AtomicUsize::load(&self.waiting, Ordering::Relaxed),
        }
    }

    /// Waits for a turn to run a search.
    ///
    /// Why bound them: with as many searches running as the pool has
    /// connections, the database time-slices its CPUs between all of them
    /// and each takes as long as the mix of the moment makes it; the
    /// slowest take two or three times the median. Queued here instead
    /// (the semaphore is fair: first come, first served), a search waits
    /// for the ones before it, holding no connection, and then runs at
    /// full speed.
    pub async fn turn(&self) -> ApiResult<SearchTurn> {
        let acquiring = Arc::clone(&self.turns).acquire_owned();
        let _waiting = Waiting::start(&self.waiting);
        match tokio::time::timeout(self.turn_wait, acquiring).await {
            Ok(Ok(permit)) => Ok(SearchTurn { _permit: permit }),
            // The semaphore is never closed: only waiting too long gets here.
            Ok(Err(_)) | Err(_) => {
                tracing::warn!("no turn for a contact search became free in time");
                Err(ApiError::Unavailable)
            }
        }
    }
}

/// Counts a search as waiting for a turn until the wait ends, however it
/// ends: the client may go away and the request be dropped while it waits.
struct Waiting<'a>(&'a AtomicUsize);

impl<'a> Waiting<'a> {
    fn start(count: &'a AtomicUsize) -> Self {
        count.fetch_add(1, Ordering::Relaxed);
        Self(count)
    }
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

/// The histogram of `contacts.search_text`, read from `pg_stats` and kept
/// for [`HISTOGRAM_LIFETIME`]. One per process; every request shares it.
#[derive(Default)]
pub struct SearchTextHistogram {
    loaded: RwLock<Option<Loaded>>,
}

struct Loaded {
    at: Instant,
    sample: Arc<Sample>,
}

impl SearchTextHistogram {
    /// The sample of folded texts; `None` while the table has no
    /// statistics yet.
    async fn sample(&self, connection: &mut AsyncPgConnection) -> QueryResult<Option<Arc<Sample>>> {
        let sample = match self.fresh_sample() {
            Some(sample) => sample,
            None => {
                let sample = Arc::new(Sample::new(read_bounds(connection).await?));
                *self
                    .loaded
                    .write()
                    .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(Loaded {
                    at: Instant::now(),
                    sample: Arc::clone(&sample),
                });
                sample
            }
        };
        Ok(Some(sample).filter(|sample| !sample.is_empty()))
    }

    fn fresh_sample(&self) -> Option<Arc<Sample>> {
        let loaded = self
            .loaded
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        loaded
            .as_ref()
            .filter(|loaded| loaded.at.elapsed() < HISTOGRAM_LIFETIME)
            .map(|loaded| Arc::clone(&loaded.sample))
    }
}

/// The histogram's bounds, in order, joined into one text so a term is
/// looked for in a single pass.
struct Sample {
    /// The bounds, each followed by a NUL (which no stored text holds).
    joined: String,
    /// Where each bound starts and ends in `joined`.
    bounds: Vec<(usize, usize)>,
}

impl Sample {
    fn new(texts: Vec<String>) -> Self {
        let mut joined = String::with_capacity(texts.iter().map(|text| text.len() + 1).sum());
        let mut bounds = Vec::with_capacity(texts.len());
        for text in texts {
            let start = joined.len();
            joined.push_str(&text);
            bounds.push((start, joined.len()));
            joined.push('\0');
        }
        Self { joined, bounds }
    }

    fn len(&self) -> usize {
        self.bounds.len()
    }

    fn is_empty(&self) -> bool {
        self.bounds.is_empty()
    }

    /// The indexes of the bounds containing `folded` (not empty),
    /// ascending.
    fn containing(&self, folded: &str) -> Vec<usize> {
        let mut found: Vec<usize> = Vec::new();
        for at in memmem::find_iter(self.joined.as_bytes(), folded.as_bytes()) {
            let index = self.bounds.partition_point(|&(_, end)| end <= at);
            if found.last() != Some(&index) {
                found.push(index);
            }
        }
        found
    }

    /// How many bounds sort at or before `name_key`: where a page after
    /// that name starts.
    fn position_after(&self, name_key: &str) -> usize {
        self.bounds
            .partition_point(|&(start, end)| &self.joined[start..end] <= name_key)
    }
}

/// Whether walking is expected to cost less than the keys: the walk reads
/// from the page's start to its last match, the keys read every match.
/// `containing` are the indexes of the sampled texts that contain the
/// term, ascending; `from` is where the page starts in the sample when the
/// list is in name order (the sample's order), `None` in an order the text
/// says nothing about, where the matches are taken to be spread evenly.
fn walking_is_cheaper(
    sample_len: usize,
    containing: &[usize],
    from: Option<usize>,
    page_size: usize,
) -> bool {
    let len = sample_len as f64;
    let share = containing.len() as f64 / len;
    // A page of `page_size` contacts of ASSUMED_NETWORK_SIZE is this many
    // sampled matches.
    let matches_needed = ((page_size as f64 * len / ASSUMED_NETWORK_SIZE).ceil() as usize).max(1);
    let walked = match from {
        Some(from) => {
            let after = &containing[containing.partition_point(|&index| index < from)..];
            walk_length(after, from, matches_needed, sample_len) / len
        }
        None if containing.len() >= matches_needed => {
            matches_needed as f64 / containing.len() as f64
        }
        None => 1.0,
    };
    walked < share * KEYS_COST_IN_CONTACTS_WALKED
}

/// How many sampled texts a walk from `from` passes before it has found
/// `matches_needed` matches, given the sampled matches `after` it; when
/// there are not that many, the walk reads to the end of the `sample_len`.
///
/// The first match says where the matches begin (a first name's are all
/// together, somewhere in the alphabet); the spacing of the next few says
/// how densely they follow. The place of the last match needed alone
/// would rest on two or three sampled texts: for a last name, which one
/// contact in sixty has, it moved by half from one `ANALYZE` to the next,
/// and so did the choice.
fn walk_length(after: &[usize], from: usize, matches_needed: usize, sample_len: usize) -> f64 {
    if after.len() < matches_needed {
        return sample_len.saturating_sub(from) as f64;
    }
    let spread_over = after.len().min(MATCHES_FOR_SPACING.max(matches_needed));
    let to_first = (after[0] + 1 - from) as f64;
    let spacing = match spread_over {
        1 => 0.0,
        _ => (after[spread_over - 1] - after[0]) as f64 / (spread_over - 1) as f64,
    };
    to_first + (matches_needed - 1) as f64 * spacing
}

async fn read_bounds(connection: &mut AsyncPgConnection) -> QueryResult<Vec<String>> {
    #[derive(QueryableByName)]
    struct Bound {
        #[diesel(sql_type = diesel::sql_types::Text)]
        text: String,
    }
    let bounds: Vec<Bound> = diesel::sql_query(
        "SELECT bound AS text FROM pg_stats, unnest(histogram_bounds::text::text[]) \
           WITH ORDINALITY AS bounds(bound, position) \
         WHERE schemaname = current_schema() AND tablename = 'contacts' \
           AND attname = 'search_text' \
         ORDER BY position",
    )
    .load(connection)
    .await?;
    Ok(bounds.into_iter().map(|bound| bound.text).collect())
}

/// A page of the caller's contact list. A search waits for its turn
/// before the caller's connection is taken, and holds the turn until the
/// page is read.
pub async fn page(
    search: &ContactSearch,
    caller: Caller,
    query: ContactListQuery,
) -> ApiResult<Page<ContactResponse>> {
    query.check_lengths()?;
    let limit = query.limit.get();
    let sort = query.sort.unwrap_or_default();
    let after = service::decode_cursor(query.cursor.as_deref(), sort)?;
    let _turn = match query.search_term() {
        Some(_) => Some(search.turn().await?),
        None => None,
    };
    let (user, mut connection) = caller.connect().await?;
    let text = match query.search_term() {
        Some(term) => {
            let start = match &after {
                None if sort == ContactSort::Name => PageStart::ByName(None),
                Some(ContactCursor::Name { name, .. }) => PageStart::ByName(Some(name)),
                _ => PageStart::Unrelated,
            };
            let page_size = usize::try_from(limit + 1).unwrap_or(usize::MAX);
            Some(plan(&mut connection, &search.histogram, term, start, page_size).await?)
        }
        None => None,
    };
    let expand_employers = expand::names(&query.expand, EmployerExpansion::Employer);
    let filter = ContactFilter {
        text,
        tag: query.tag,
        company: query.company,
        employer_id: query.employer_id,
        sources: query
            .source
            .map(|sources| sources.into_iter().map(Source::as_str).collect()),
        has_hiring_power: query.has_hiring_power,
        segments: query
            .segment
            .map(|segments| segments.into_iter().map(Segment::as_str).collect()),
        updated_after: query.updated_after,
        archived: Some(query.archived.unwrap_or(false)),
        referred_by: None,
    };
    let mut page = service::page(&mut connection, user.id, filter, sort, after, limit).await?;
    if expand_employers {
        service::expand_employers(&mut connection, user.id, &mut page.items).await?;
    }
    Ok(page)
}

/// Chooses how to find the matches of `term` for a page of `page_size`
/// rows starting at `start`.
pub async fn plan(
    connection: &mut AsyncPgConnection,
    histogram: &SearchTextHistogram,
    term: &str,
    start: PageStart<'_>,
    page_size: usize,
) -> QueryResult<TextSearch> {
    let term = term.to_owned();
    if !has_trigram_key(&term) {
        return Ok(TextSearch::ByWalking { term });
    }
    let Some(sample) = histogram.sample(connection).await? else {
        return Ok(TextSearch::ByKeys { term });
    };
    // Lower case is the folding that matters for the estimate; a term whose
    // accents keep it from matching the sample counts as rare, and the
    // keys find it all the same.
    let containing = sample.containing(&term.to_lowercase());
    let from = match start {
        PageStart::ByName(after) => Some(after.map_or(0, |name| sample.position_after(name))),
        PageStart::Unrelated => None,
    };
    Ok(
        if walking_is_cheaper(sample.len(), &containing, from, page_size) {
            TextSearch::ByWalking { term }
        } else {
            TextSearch::ByKeys { term }
        },
    )
}

/// Whether the term has three ASCII letters or digits in a row, which
/// folding keeps as they are: then `rapport_search_keys` gives it at least
/// one key. (Folding may make keys of other terms too, "Zoë" for one; those
/// are walked, which finds the same contacts.)
fn has_trigram_key(term: &str) -> bool {
    term.split(|character: char| !character.is_ascii_alphanumeric())
        .any(|word| word.len() >= 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(texts: &[&str]) -> Sample {
        Sample::new(texts.iter().map(|text| (*text).to_owned()).collect())
    }

    #[test]
    fn the_sample_finds_the_texts_containing_a_term_once_each() {
        let sample = sample(&["ana data engineer", "ben nurse", "cat data data", "dan"]);
        assert_eq!(sample.containing("data"), vec![0, 2]);
        assert_eq!(sample.containing("nurse"), vec![1]);
        assert_eq!(sample.containing("pilot"), Vec::<usize>::new());
        // A match never runs from one text into the next.
        assert_eq!(sample.containing("nurse cat"), Vec::<usize>::new());
        assert_eq!(sample.containing("dan"), vec![3]);
    }

    #[test]
    fn a_page_after_a_name_starts_past_the_texts_sorting_before_it() {
        let sample = sample(&["ana a", "ben b", "cat c", "dan d"]);
        assert_eq!(sample.position_after("aaron"), 0);
        assert_eq!(sample.position_after("ben"), 1);
        assert_eq!(sample.position_after("ben b"), 2);
        assert_eq!(sample.position_after("zoe"), 4);
    }

    /// A sample of 1,000 texts in which `matching` contain the term.
    fn walk_chosen(matching: impl Iterator<Item = usize>, from: Option<usize>) -> bool {
        walking_is_cheaper(1_000, &matching.collect::<Vec<_>>(), from, 26)
    }

    #[test]
    fn a_common_term_is_walked_and_a_rare_one_looked_up() {
        // Spread evenly through the list: a walk reads about 26 / share.
        assert!(walk_chosen((0..1_000).step_by(5), Some(0)), "20 %");
        assert!(walk_chosen((0..1_000).step_by(20), Some(0)), "5 %");
        assert!(!walk_chosen((0..1_000).step_by(30), Some(0)), "3.3 %");
        assert!(!walk_chosen((0..1_000).step_by(100), Some(0)), "1 %");
        assert!(!walk_chosen(std::iter::empty(), Some(0)), "none");
        assert!(walk_chosen((0..1_000).step_by(20), None), "5 %, by time");
        assert!(!walk_chosen((0..1_000).step_by(30), None), "3.3 %, by time");
    }

    #[test]
    fn a_rare_term_whose_first_sampled_matches_come_early_is_still_looked_up() {
        // One text in a hundred, three of them near the top by chance: the
        // spacing of the ones after says a page is a fifth of the list away.
        let matching = [5, 12, 20, 140, 260, 380, 500, 620, 740, 860];
        assert!(!walk_chosen(matching.into_iter(), Some(0)));
    }

    #[test]
    fn where_the_matches_sit_in_name_order_counts() {
        // A first name that 5 % of contacts have: all together, late in
        // the alphabet, the walk would read most of the list first.
        assert!(!walk_chosen(900..950, Some(0)), "late");
        assert!(walk_chosen(10..60, Some(0)), "early");
        // The same early name, on a page after the first of them.
        assert!(walk_chosen(10..60, Some(20)), "after some of them");
        // Past the last of them, a walk would read to the end for nothing.
        assert!(!walk_chosen(10..60, Some(60)), "after all of them");
        // Unless the end is near: a common term's last page reads what is left.
        assert!(walk_chosen(0..100, Some(990)), "near the end");
        // A 1.5 % name at the very top is cheaper to walk than to sort.
        assert!(walk_chosen(0..15, Some(0)), "at the top");
    }

    #[test]
    fn a_term_has_keys_when_it_has_three_ascii_letters_or_digits_in_a_row() {
        for term in ["jose", "José", "O'Brien", "r2d2", "data scientist", "abc"] {
            assert!(has_trigram_key(term), "{term}");
        }
        for term in ["jo", "a b c", "Zoë", "東京", "%_", "", "é-é-é"] {
            assert!(!has_trigram_key(term), "{term}");
        }
    }
}

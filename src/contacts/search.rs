//! How a contact search (`q`) is answered.
//!
//! A page is the first matches in the list's order. Two ways find them:
//!
//! - **By keys**: the owner's trigram keys of the term pick every contact
//!   that can match from `contacts_search_keys_idx`; the page is the
//!   first of those in order. It reads each match once, so it suits terms
//!   that few contacts contain: a name, a company, a rare word.
//! - **By walking**: the list is read in order through the sort's own index
//!   until a page of matches is found. It reads about `page / share`
//!   contacts, so it suits terms that many contacts contain ("engineer",
//!   a common field), for which the keys would read thousands.
//!
//! PostgreSQL cannot choose between them: it multiplies the estimates of
//! the key condition and of the text condition as if they were
//! independent, and then always takes the keys. The choice is made here
//! instead, from the share of contacts whose text contains the term,
//! estimated on the column's histogram (the sample of the table that
//! `ANALYZE` keeps) exactly as the planner would estimate the text
//! condition alone. Terms without a key (fewer than three ASCII letters or
//! digits in a row) are always walked.

use std::sync::RwLock;
use std::time::{Duration, Instant};

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

/// From this share of contacts up, walking the list finds a page sooner
/// than the keys. Measured on the benchmark data: the keys cost 3–4 µs a
/// matching contact, a walk about 1.7 µs a contact walked (26 matches at a
/// share of 4 % is about 650 contacts); they cross at 3 % or a little
/// under. 4 % keeps terms of 1–2 % (a first name) on the keys whatever the
/// histogram's sampling error: a walk for one of those can cost 5 ms when
/// its matches sit late in the list's order.
const WALK_FROM_SHARE: f64 = 0.04;

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

/// The histogram of `contacts.search_text`, read from `pg_stats` and kept
/// for [`HISTOGRAM_LIFETIME`]. One per process; every request shares it.
#[derive(Default)]
pub struct SearchTextHistogram {
    loaded: RwLock<Option<Loaded>>,
}

struct Loaded {
    at: Instant,
    bounds: Vec<String>,
}

impl SearchTextHistogram {
    /// The estimated share of contacts whose text contains `folded`;
    /// `None` while the table has no statistics yet.
    pub async fn share_containing(
        &self,
        connection: &mut AsyncPgConnection,
        folded: &str,
    ) -> QueryResult<Option<f64>> {
        if let Some(share) = self.fresh_share(folded) {
            return Ok(share);
        }
        let bounds = read_bounds(connection).await?;
        let share = share_of(&bounds, folded);
        *self
            .loaded
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(Loaded {
            at: Instant::now(),
            bounds,
        });
        Ok(share)
    }

    fn fresh_share(&self, folded: &str) -> Option<Option<f64>> {
        let loaded = self
            .loaded
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        loaded
            .as_ref()
            .filter(|loaded| loaded.at.elapsed() < HISTOGRAM_LIFETIME)
            .map(|loaded| share_of(&loaded.bounds, folded))
    }
}

fn share_of(bounds: &[String], folded: &str) -> Option<f64> {
    if bounds.is_empty() {
        return None;
    }
    let containing = bounds.iter().filter(|text| text.contains(folded)).count();
    Some(containing as f64 / bounds.len() as f64)
}

async fn read_bounds(connection: &mut AsyncPgConnection) -> QueryResult<Vec<String>> {
    #[derive(QueryableByName)]
    struct Bound {
        #[diesel(sql_type = diesel::sql_types::Text)]
        text: String,
    }
    let bounds: Vec<Bound> = diesel::sql_query(
        "SELECT bound AS text FROM pg_stats, unnest(histogram_bounds::text::text[]) AS bound \
         WHERE schemaname = current_schema() AND tablename = 'contacts' \
           AND attname = 'search_text'",
    )
    .load(connection)
    .await?;
    Ok(bounds.into_iter().map(|bound| bound.text).collect())
}

/// Chooses how to find the matches of `term`.
pub async fn plan(
    connection: &mut AsyncPgConnection,
    histogram: &SearchTextHistogram,
    term: &str,
) -> QueryResult<TextSearch> {
    let term = term.to_owned();
    if !has_trigram_key(&term) {
        return Ok(TextSearch::ByWalking { term });
    }
    // Lower case is the folding that matters for the estimate; a term whose
    // accents keep it from matching the sample counts as rare, and the
    // keys find it all the same.
    let share = histogram
        .share_containing(connection, &term.to_lowercase())
        .await?;
    Ok(match share {
        Some(share) if share >= WALK_FROM_SHARE => TextSearch::ByWalking { term },
        _ => TextSearch::ByKeys { term },
    })
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

    #[test]
    fn the_share_is_the_fraction_of_sampled_texts_containing_the_term() {
        let bounds: Vec<String> = [
            "ana data engineer",
            "ben nurse",
            "cat data scientist",
            "dan",
        ]
        .map(str::to_owned)
        .to_vec();
        assert_eq!(share_of(&bounds, "data"), Some(0.5));
        assert_eq!(share_of(&bounds, "nurse"), Some(0.25));
        assert_eq!(share_of(&bounds, "pilot"), Some(0.0));
        assert_eq!(share_of(&[], "data"), None);
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

//! The outreach message check.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Under this many words is the target.
pub const TARGET_WORDS: usize = 75;
/// Over this many words is too long.
pub const MAX_WORDS: usize = 100;

/// Words that turn a request for advice into a request for a job.
const JOB_WORDS: [&str; 17] = [
    "job",
    "jobs",
    "position",
    "positions",
    "opening",
    "openings",
    "hiring",
    "hire",
    "resume",
    "résumé",
    "cv",
    "vacancy",
    "vacancies",
    "employment",
    "apply",
    "applying",
    "application",
];

/// `POST /v1/outreach/check`.
#[derive(Debug, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct OutreachCheckRequest {
    #[garde(length(chars, min = 1, max = 20000))]
    #[schema(min_length = 1, max_length = 20000)]
    pub message: String,
    /// Who suggested the contact; it should be named in the first sentence.
    #[garde(inner(length(chars, min = 1, max = 200)))]
    #[schema(min_length = 1, max_length = 200)]
    pub referrer_name: Option<String>,
}

/// The overall judgement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Good,
    Revise,
}

/// How the message fares.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OutreachCheck {
    pub word_count: usize,
    /// Over 100 words.
    pub too_long: bool,
    /// Whether the request is a question (the message ends with `?`).
    pub ends_with_question: bool,
    /// Words that ask for a job, as written, in order.
    pub job_words: Vec<String>,
    /// Whether the referrer is named in the first sentence (`false` when no
    /// referrer was given).
    pub referrer_named_early: bool,
    pub verdict: Verdict,
    /// Why the verdict is `revise`; empty when `good`.
    pub reasons: Vec<String>,
}

fn first_sentence(message: &str) -> &str {
    let end = message
        .char_indices()
        .find(|(_, character)| matches!(character, '.' | '!' | '?' | '\n'))
        .map(|(index, _)| index)
        .unwrap_or(message.len());
    &message[..end]
}

/// Checks a message.
pub fn check(message: &str, referrer_name: Option<&str>) -> OutreachCheck {
    let word_count = message.split_whitespace().count();
    let too_long = word_count > MAX_WORDS;
    let ends_with_question = message.trim_end().ends_with('?');
    let job_words: Vec<String> = message
        .split(|character: char| !character.is_alphanumeric() && character != 'é')
        .filter(|word| JOB_WORDS.contains(&word.to_lowercase().as_str()))
        .map(str::to_owned)
        .collect();
    let opening = first_sentence(message).to_lowercase();
    let referrer_named_early = referrer_name.is_some_and(|name| {
        let name = name.trim().to_lowercase();
        let first_name = name.split_whitespace().next().unwrap_or_default();
        !name.is_empty() && (opening.contains(&name) || opening.contains(first_name))
    });

    let mut reasons = Vec::new();
    if word_count >= TARGET_WORDS {
        reasons.push(format!(
            "{word_count} words: keep it under {TARGET_WORDS}{}",
            if too_long {
                " (over 100 is too long)"
            } else {
                ""
            }
        ));
    }
    if !ends_with_question {
        reasons.push("end with a question, so the request is easy to answer".to_owned());
    }
    if !job_words.is_empty() {
        reasons.push(format!(
            "ask for advice, not a job: remove {}",
            job_words.join(", ")
        ));
    }
    if referrer_name.is_some() && !referrer_named_early {
        reasons.push("name the person who referred you in the first sentence".to_owned());
    }
    OutreachCheck {
        word_count,
        too_long,
        ends_with_question,
        job_words,
        referrer_named_early,
        verdict: if reasons.is_empty() {
            Verdict::Good
        } else {
            Verdict::Revise
        },
        reasons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_referral_question_is_good() {
        let result = check(
            "Brad Johnson suggested I reach out. I'm exploring data engineering and would value 15 minutes of your perspective. Would you have time next week?",
            Some("Brad Johnson"),
        );
        assert_eq!(result.verdict, Verdict::Good, "{:?}", result.reasons);
        assert!(result.referrer_named_early);
        assert!(result.ends_with_question);
    }

    #[test]
    fn job_words_length_and_a_late_referrer_are_each_reasons() {
        let long = format!(
            "Hello. I saw your opening and attached my resume. {} Brad sent me.",
            "word ".repeat(100)
        );
        let result = check(&long, Some("Brad Johnson"));
        assert_eq!(result.verdict, Verdict::Revise);
        assert!(result.too_long);
        assert_eq!(result.job_words, vec!["opening", "resume"]);
        assert!(!result.referrer_named_early);
        assert!(!result.ends_with_question);
        assert_eq!(result.reasons.len(), 4);
    }
}

//! The outreach message check.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Under this many words is the target.
pub const TARGET_WORDS: usize = 75;
/// Over this many words is too long.
pub const MAX_WORDS: usize = 100;

/// Phrases that turn a request for advice into a request for a job, word
/// by word: `|` separates the words that may stand in one place, `~` is
/// any one word or none. A job word in a description ("my position is an
/// assistantship", "you sometimes hire people like me", "job shadowing",
/// "applying my skills", "JavaScript applications", "if this does not
/// work for you") asks for nothing; these ask.
const JOB_REQUESTS: [&str; 20] = [
    "open position|positions|job|jobs|role|roles",
    "position|positions|job|jobs|role|roles available|open",
    "for a|the|any position|positions|vacancy|opening",
    "job|jobs opening|openings|offer|offers",
    "looking for a job|position|role|work",
    "any ~ job|jobs|positions|vacancies",
    "job|jobs at|in|with|for your|you",
    "to work for|with you",
    "employer|employers like you",
    "advertising|advertised for",
    "apply|applying for|to|at",
    "hire me",
    "hiring",
    "opening|openings",
    "vacancy|vacancies",
    "resume|résumé|cv",
    "my|job application|applications",
    "application|applications for|to",
    "employment",
    "internship|internships available|open",
];

/// The phrases of `text` that ask for a job, as written, in order.
fn job_requests(text: &str) -> Vec<String> {
    let words: Vec<(usize, &str)> = text
        .split(|character: char| !character.is_alphanumeric() && character != 'é')
        .filter(|word| !word.is_empty())
        .map(|word| (word.as_ptr() as usize - text.as_ptr() as usize, word))
        .collect();
    let lower: Vec<String> = words.iter().map(|(_, word)| word.to_lowercase()).collect();
    let patterns: Vec<Vec<&str>> = JOB_REQUESTS
        .iter()
        .map(|pattern| pattern.split(' ').collect())
        .collect();
    let mut found = Vec::new();
    let mut at = 0;
    while at < words.len() {
        match patterns
            .iter()
            .find_map(|pattern| words_matched(pattern, &lower, at))
        {
            Some(taken) => {
                let (start, _) = words[at];
                let (last_start, last) = words[at + taken - 1];
                found.push(text[start..last_start + last.len()].to_owned());
                at += taken;
            }
            None => at += 1,
        }
    }
    found
}

/// How many words from `at` on `pattern` matches, if it matches there.
fn words_matched(pattern: &[&str], words: &[String], at: usize) -> Option<usize> {
    match pattern.split_first() {
        None => Some(0),
        Some((&"~", rest)) => words_matched(rest, words, at)
            .or_else(|| words_matched(rest, words, at + 1).map(|taken| taken + 1)),
        Some((place, rest)) => {
            let word = words.get(at)?;
            place
                .split('|')
                .any(|choice| choice == word)
                .then(|| words_matched(rest, words, at + 1).map(|taken| taken + 1))?
        }
    }
}

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
#[schema(as = OutreachVerdict)]
pub enum Verdict {
    Good,
    Revise,
}

/// How the message fares. The rules judge the message without its
/// greeting (a first line such as `Dear Ms. Chen,`, or a leading `Hi
/// Dana,`) and without its sign-off (`Best regards, Steven Olson`,
/// `Thanks!`, a last line `– Nigella`).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OutreachCheck {
    /// Words of the message without greeting and sign-off.
    pub word_count: usize,
    /// Over 100 words.
    pub too_long: bool,
    /// Whether the request is a question: the message ends with `?`
    /// before its sign-off.
    pub ends_with_question: bool,
    /// Phrases that ask for a job, as written, in order: "hiring", "hire
    /// me", "open position", "resume", "apply for", "work for you",
    /// "any accounting jobs"... A job word that only describes ("my
    /// position is…", "job shadowing") is not one.
    pub job_words: Vec<String>,
    /// Whether the referrer is named (in full, or by first or last name)
    /// in the first sentence after the greeting; honorifics ("Mrs."),
    /// abbreviations ("e.g.") and initials do not end a sentence, a line
    /// break does. `false` when no referrer was given.
    pub referrer_named_early: bool,
    pub verdict: Verdict,
    /// Why the verdict is `revise`; empty when `good`.
    pub reasons: Vec<String>,
}

/// Words that open a greeting: "Dear Ms. Chen,", "Hi Jordan!", "Hello,".
const GREETINGS: [&str; 9] = [
    "good morning",
    "good afternoon",
    "good evening",
    "greetings",
    "hi there",
    "hello",
    "dear",
    "hey",
    "hi",
];

/// Phrases that close a message before the sender's name.
const SIGN_OFFS: [&str; 22] = [
    "best regards",
    "kind regards",
    "warm regards",
    "warmest regards",
    "with gratitude",
    "all the best",
    "many thanks",
    "thanks so much",
    "thank you so much",
    "thanks again",
    "thank you again",
    "thank you",
    "yours truly",
    "yours sincerely",
    "sincerely",
    "respectfully",
    "regards",
    "cheers",
    "thanks",
    "warmly",
    "best",
    "cordially",
];

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: [&str; 22] = [
    "mr", "mrs", "ms", "mx", "dr", "prof", "st", "jr", "sr", "mt", "vs", "e.g", "i.e", "etc", "no",
    "inc", "ltd", "co", "corp", "dept", "a.m", "p.m",
];

/// Titles that may stand before a name and are not part of it.
const TITLES: [&str; 7] = ["mr", "mrs", "ms", "mx", "dr", "prof", "professor"];

/// The text from `at` on, if it starts with `phrase` (ignoring case) as
/// whole words: the rest after the phrase.
fn after_phrase<'a>(text: &'a str, phrase: &str) -> Option<&'a str> {
    let head = text.get(..phrase.len())?;
    let rest = &text[phrase.len()..];
    (head.eq_ignore_ascii_case(phrase) && !rest.starts_with(|c: char| c.is_alphanumeric()))
        .then_some(rest)
}

/// Whether `text` is a name as written after a greeting or a sign-off:
/// at most four words, each capitalised or a title ("Ms. Chen", "Jane
/// Doe", "Steven Olson").
fn is_name(text: &str) -> bool {
    // Five words at most are read: a name has four, and the rest of a
    // 20,000-character message need not be.
    let words: Vec<&str> = text.split_whitespace().take(5).collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|word| {
            let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
            bare.chars().next().is_some_and(char::is_uppercase)
                || TITLES.contains(&bare.to_lowercase().as_str())
        })
}

/// `message` without its greeting: a first line that is only a greeting
/// ("Dear Ms. Chen,"), or a greeting at the start of the first sentence
/// together with the name it addresses ("Hi, Dana, this is…" → "this
/// is…").
fn without_greeting(message: &str) -> &str {
    let message = message.trim_start();
    let Some(rest) = GREETINGS
        .iter()
        .find_map(|greeting| after_phrase(message, greeting))
    else {
        return message;
    };
    let (first_line, after_line) = rest.split_once('\n').unwrap_or((rest, ""));
    let addressed = first_line
        .trim()
        .trim_end_matches([',', '!', ':', '.', '?', ';']);
    if addressed.is_empty() || is_name(addressed.trim_start_matches([',', ' '])) {
        return after_line.trim_start();
    }
    // "Hello, my name is…", "Hello Ms. Smith. My name is…", "Hi, Dana, this is…"
    let mut rest = rest.trim_start_matches([',', '!', ':', ' ']);
    if let Some(end) = rest.find([',', '!', ':', '.', '\n']).and_then(|end| {
        let mut end = end;
        // A title's full stop is part of the name: "Ms. Smith."
        while rest[..end]
            .rsplit(' ')
            .next()
            .is_some_and(|word| TITLES.contains(&word.to_lowercase().as_str()))
        {
            end += 1 + rest[end + 1..].find([',', '!', ':', '.', '\n'])?;
        }
        Some(end)
    }) && is_name(&rest[..end])
    {
        rest = &rest[end + 1..];
    }
    rest.trim_start()
}

/// `message` without its sign-off and what follows it: "Best regards,
/// Steven Olson", "Thanks!", a last line "– Nigella".
fn without_sign_off(message: &str) -> &str {
    let message = message.trim_end();
    // The sign-off starts a line or a sentence and only a name follows it.
    let starts = message
        .char_indices()
        .filter(|&(at, _)| {
            at == 0 || {
                let before = message[..at].trim_end_matches([' ', '\t']);
                before.is_empty() || before.ends_with(['\n', '.', '!', '?'])
            }
        })
        .map(|(at, _)| at);
    for at in starts {
        let text = &message[at..];
        let signed = SIGN_OFFS.iter().any(|phrase| {
            after_phrase(text, phrase).is_some_and(|rest| {
                let rest = rest.trim_start_matches([',', '!', '.', ':', ' ', '\t', '\n']);
                rest.is_empty() || is_name(rest)
            })
        });
        let dashed = text
            .strip_prefix(['–', '—', '-'])
            .is_some_and(|name| message[..at].ends_with('\n') && is_name(name));
        if signed || dashed {
            return message[..at].trim_end();
        }
    }
    message
}

/// The message the rules judge: without greeting and sign-off.
fn body(message: &str) -> &str {
    without_sign_off(without_greeting(message))
}

/// Whether the full stop at `at` (or `!`, `?`, `…`) ends a sentence: it is
/// followed by a space or the end, and does not close an abbreviation
/// ("Mrs.", "e.g.") or an initial ("Brad J. Johnson").
fn ends_sentence(text: &str, at: usize, mark: char) -> bool {
    let after = &text[at + mark.len_utf8()..];
    let next = after
        .trim_start_matches(['"', '\'', '”', '’', ')'])
        .chars()
        .next();
    if next.is_some_and(|next| !next.is_whitespace()) {
        return false;
    }
    if mark != '.' {
        return true;
    }
    let word = text[..at]
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or_default();
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    !(is_initial || ABBREVIATIONS.contains(&word.to_lowercase().as_str()))
}

/// The sentences of `text`, split at sentence ends and at line breaks.
fn sentences(text: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    for (at, character) in text.char_indices() {
        let end = match character {
            '\n' => Some(at),
            '.' | '!' | '?' | '…' if ends_sentence(text, at, character) => {
                Some(at + character.len_utf8())
            }
            _ => None,
        };
        if let Some(end) = end {
            sentences.push(text[start..end].trim());
            start = end;
        }
    }
    sentences.push(text[start..].trim());
    sentences.retain(|sentence| !sentence.is_empty());
    sentences
}

/// The words of `text` in lower case, a possessive "'s" left off.
fn lower_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map(|word| {
            let word = word.trim_matches(['\'', '’']).to_lowercase();
            word.strip_suffix("'s")
                .or_else(|| word.strip_suffix("’s"))
                .map(str::to_owned)
                .unwrap_or(word)
        })
        .filter(|word| !word.is_empty())
        .collect()
}

/// Whether `sentence` names the referrer: the whole name, or its first or
/// last name as a word ("Brad", "Johnson"; not a title, and not a word of
/// a description such as "my father").
fn names(sentence: &str, referrer: &str) -> bool {
    let words = lower_words(sentence);
    let name = lower_words(referrer);
    if name.is_empty() {
        return false;
    }
    if words
        .windows(name.len())
        .any(|window| window == name.as_slice())
    {
        return true;
    }
    let written: Vec<&str> = referrer.split_whitespace().collect();
    let is_proper = |word: &str| {
        word.chars().next().is_some_and(char::is_uppercase)
            && !TITLES.contains(&lower_words(word).concat().as_str())
    };
    let parts: Vec<String> = [written.iter().find(|word| is_proper(word)), written.last()]
        .into_iter()
        .flatten()
        .filter(|word| is_proper(word))
        .flat_map(|word| lower_words(word))
        .filter(|word| word.chars().count() > 1)
        .collect();
    parts.iter().any(|part| words.contains(part))
}

/// Checks a message.
pub fn check(message: &str, referrer_name: Option<&str>) -> OutreachCheck {
    let body = body(message);
    let word_count = body.split_whitespace().count();
    let too_long = word_count > MAX_WORDS;
    let ends_with_question = body
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | ')'))
        .ends_with('?');
    let job_words = job_requests(body);
    let first_sentence = sentences(body).first().copied().unwrap_or_default();
    let referrer_named_early = referrer_name.is_some_and(|name| names(first_sentence, name));

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

    #[test]
    fn honorifics_abbreviations_and_initials_do_not_end_the_first_sentence() {
        for (message, referrer) in [
            (
                "Mrs. Smith, Brad Johnson suggested I speak with you. Could we talk?",
                "Brad Johnson",
            ),
            (
                "Dr. Lee, Brad Johnson suggested I speak with you. Could we talk?",
                "Brad Johnson",
            ),
            (
                "Ms. Chen, Prof. Ada Byron suggested I write. Could we talk?",
                "Ada Byron",
            ),
            (
                "Prof. Ng, my mentor, e.g. Brad, said to call. Could we talk?",
                "Brad Johnson",
            ),
            (
                "Hello, Brad J. Johnson suggested I speak with you. Could we talk?",
                "Brad Johnson",
            ),
            (
                "Dear Ms. Chen,\n\nMr. Johnson suggested I write to you. Could we talk?",
                "Brad Johnson",
            ),
        ] {
            let result = check(message, Some(referrer));
            assert!(result.referrer_named_early, "{message}");
            assert_eq!(
                result.verdict,
                Verdict::Good,
                "{message}: {:?}",
                result.reasons
            );
        }
        let late = check(
            "Hi, Dana, this is Chris Lee.\nPat Morgan asked me to call you. Could we talk?",
            Some("Pat Morgan"),
        );
        assert!(!late.referrer_named_early);
    }

    #[test]
    fn greetings_and_sign_offs_are_not_the_message() {
        let email = "Dear Mr. Olson,\n\nBrad Johnson suggested I write. Would you have 15 minutes next week?\n\nBest regards,\nSteven Olson";
        let result = check(email, Some("Brad Johnson"));
        assert!(result.ends_with_question);
        assert!(result.referrer_named_early);
        assert_eq!(result.word_count, 12);
        for message in [
            "Brad suggested I write. Would you have time next week? Best regards, Steven Olson",
            "Brad suggested I write. Would you have time next week?\nThanks!\nSteven",
            "Brad suggested I write. Would you have time next week?\n– Steven",
        ] {
            assert!(check(message, None).ends_with_question, "{message}");
        }
        let statement = check("Would you have time? Thank you for your help.", None);
        assert!(!statement.ends_with_question);
    }

    #[test]
    fn a_message_of_nothing_but_sign_offs_is_read_to_its_end() {
        let message = "Thanks. ".repeat(2_500);
        let result = check(&message, Some("Brad Johnson"));
        assert_eq!(result.verdict, Verdict::Revise);
        assert!(!result.referrer_named_early);
    }

    #[test]
    fn a_description_of_the_referrer_is_matched_whole() {
        let message = "Hi, my name is Megan. My father gave me your name. Could we talk?";
        assert!(!check(message, Some("my father")).referrer_named_early);
        assert!(
            check(
                "My father gave me your name. Could we talk?",
                Some("my father")
            )
            .referrer_named_early
        );
        assert!(check("I'm a friend of Jane's. Could we talk?", Some("Jane")).referrer_named_early);
    }
}

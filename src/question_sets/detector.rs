//! Tells open questions from closed (yes/no) ones, and suggests an open
//! rewording. An informational interview runs on open questions: "What do
//! you like most about your job?" gets a story, "Do you like your job?"
//! gets a "yes".
//!
//! A question is read clause by clause (split at commas, semicolons,
//! colons, dashes, brackets and sentence ends), and the first clause that
//! starts with a question word or an auxiliary decides:
//!
//! - a question word ("What…", "How…", "Why…", "Who…", "Which…") makes it
//!   open. "When" and "where" ask only when an auxiliary follows ("When did
//!   you…"); otherwise they set the scene ("When you hire a graduate, what
//!   do you look for?") and the next clause decides, as does any clause
//!   that starts otherwise ("If you could start over, …", "On a typical
//!   day, …", "I see our time is up, …").
//! - an auxiliary ("Do…", "Is…", "Can…", "Would…") makes it closed, unless
//!   it is a polite request for an account: "Can you tell me about…",
//!   "Could you walk me through…", "Would you describe…", "Would you mind
//!   explaining…", "May I ask how…".
//! - when no clause decides ("Tell me about…", "Describe a typical day."),
//!   it is open: a statement or a request to tell invites a story.
//!
//! A hint rewords the deciding clause into an open question by a few
//! grammatical patterns ("Do you like X" → "What do you like most about
//! X", "Is there anything you…" → "What do you…"); a question no pattern
//! fits gets an instruction instead. Every hint is itself read as open.

/// Words that open a yes/no question when they start a clause.
const AUXILIARIES: [&str; 38] = [
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "am",
    "can",
    "could",
    "would",
    "will",
    "should",
    "shall",
    "may",
    "might",
    "must",
    "have",
    "has",
    "had",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "don't",
    "doesn't",
    "didn't",
    "won't",
    "wouldn't",
    "couldn't",
    "can't",
    "shouldn't",
    "haven't",
    "hasn't",
    "hadn't",
    "mightn't",
    "mustn't",
    "shan't",
];

/// Question words that always ask.
const QUESTION_WORDS: [&str; 14] = [
    "what", "what's", "whats", "how", "how's", "why", "why's", "who", "who's", "whom", "whose",
    "which", "when's", "where's",
];

/// Question words that ask only before an auxiliary; before anything else
/// they open a clause that sets the scene.
const SCENE_OR_QUESTION: [&str; 2] = ["when", "where"];

/// Words that may come before a clause's first word without changing
/// what kind of question it is ("And do you…", "So, what…").
const FILLERS: [&str; 12] = [
    "and", "so", "also", "but", "or", "finally", "lastly", "then", "now", "well", "okay", "ok",
];

/// Verbs that ask for an account after "Can/Could/Would/Will you".
const ACCOUNT_VERBS: [&str; 17] = [
    "tell",
    "describe",
    "explain",
    "share",
    "outline",
    "elaborate",
    "expand",
    "recount",
    "summarize",
    "summarise",
    "discuss",
    "illustrate",
    "characterize",
    "characterise",
    "clarify",
    "detail",
    "paint",
];

/// Verbs that ask for an account only with what follows them: "talk
/// about", "walk me through", "give me an overview".
fn is_account_phrase(verb: &str, next: &[Word]) -> bool {
    let following = |count: usize| next.iter().take(count).map(|word| word.lower.as_str());
    match verb {
        "talk" | "speak" => following(1).any(|word| matches!(word, "about" | "through" | "me")),
        "walk" | "take" | "run" => following(2).any(|word| word == "through"),
        "give" | "offer" => following(4).any(|word| {
            matches!(
                word,
                "overview" | "sense" | "idea" | "example" | "examples" | "picture" | "rundown"
            )
        }),
        _ => ACCOUNT_VERBS.contains(&verb),
    }
}

/// "Would you mind telling me…": the -ing forms that ask for an account.
const ACCOUNT_GERUNDS: [&str; 10] = [
    "telling",
    "describing",
    "explaining",
    "sharing",
    "outlining",
    "elaborating",
    "discussing",
    "walking",
    "talking",
    "summarizing",
];

/// Words between "Can you" and its verb that change nothing.
const SOFTENERS: [&str; 7] = [
    "please", "kindly", "perhaps", "possibly", "also", "briefly", "maybe",
];

/// Subject pronouns a relative clause can start with.
const SUBJECTS: [&str; 4] = ["i", "you", "we", "they"];

/// Words that end a noun phrase: a relative word or a subject pronoun.
const RELATIVES: [&str; 6] = ["that", "who", "which", "whom", "whose", "where"];

const PREPOSITIONS: [&str; 15] = [
    "for",
    "to",
    "about",
    "on",
    "in",
    "of",
    "with",
    "at",
    "as",
    "from",
    "into",
    "regarding",
    "like",
    "by",
    "within",
];

/// Adjectives of "Is it hard to…", which reword as "How hard is it to…".
const DEGREE_ADJECTIVES: [&str; 20] = [
    "hard",
    "difficult",
    "easy",
    "common",
    "important",
    "necessary",
    "helpful",
    "useful",
    "competitive",
    "stressful",
    "rewarding",
    "challenging",
    "realistic",
    "likely",
    "typical",
    "normal",
    "expensive",
    "risky",
    "demanding",
    "fulfilling",
];

/// "Is a graduate degree recommended?" asks how much it matters.
const MATTERS: [&str; 7] = [
    "recommended",
    "required",
    "necessary",
    "needed",
    "expected",
    "important",
    "valued",
];

/// The hint for a closed question no pattern rewords.
pub const INSTRUCTION: &str = "Reword it to start with \"What\", \"How\" or \"Why\", so that it cannot be answered with \"yes\" or \"no\".";

/// A word of the question: where it stands in the text (without the
/// punctuation around it) and its lower-case form.
#[derive(Debug, Clone)]
struct Word {
    lower: String,
    start: usize,
    end: usize,
}

/// Whether `character`, found at `text[index]`, ends a clause: a `-` only
/// between spaces or doubled, a `.` only before a space or the end.
fn ends_clause(text: &str, index: usize, character: char) -> bool {
    let next = text[index + character.len_utf8()..].chars().next();
    let previous = text[..index].chars().next_back();
    match character {
        ',' | ';' | ':' | '—' | '–' | '(' | ')' | '[' | ']' | '?' | '!' | '…' | '\n' => true,
        // "entry-level" is one word; " - " and "--" separate clauses.
        '-' => {
            previous.is_none_or(char::is_whitespace)
                || next.is_none_or(char::is_whitespace)
                || next == Some('-')
                || previous == Some('-')
        }
        // "e.g. family" or "example.com" stay; "field. Do you…" separates.
        '.' => next.is_none_or(char::is_whitespace),
        _ => false,
    }
}

/// The clauses of `text`, each as its words.
fn clauses(text: &str) -> Vec<Vec<Word>> {
    let mut clauses = Vec::new();
    let mut start = 0;
    for (index, character) in text.char_indices() {
        if ends_clause(text, index, character) {
            clauses.push(words_in(text, start, index));
            start = index + character.len_utf8();
        }
    }
    clauses.push(words_in(text, start, text.len()));
    clauses.retain(|words| !words.is_empty());
    clauses
}

fn words_in(text: &str, from: usize, to: usize) -> Vec<Word> {
    let part = &text[from..to];
    part.split_whitespace()
        .filter_map(|raw| {
            let offset = from + (raw.as_ptr() as usize - part.as_ptr() as usize);
            let trimmed = raw.trim_matches(|c: char| !c.is_alphanumeric());
            if trimmed.is_empty() {
                return None;
            }
            let start = offset + (trimmed.as_ptr() as usize - raw.as_ptr() as usize);
            Some(Word {
                lower: trimmed.to_lowercase().replace('’', "'"),
                start,
                end: start + trimmed.len(),
            })
        })
        .collect()
}

/// How a clause's first word bears on the question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Head {
    Open,
    Closed,
    /// The clause sets the scene; the next one decides.
    Undecided,
}

fn head_of(clause: &[Word]) -> Head {
    let Some(first) = clause.first() else {
        return Head::Undecided;
    };
    let first = first.lower.as_str();
    let second = clause.get(1).map(|word| word.lower.as_str());
    if QUESTION_WORDS.contains(&first) {
        Head::Open
    } else if SCENE_OR_QUESTION.contains(&first) {
        if second.is_some_and(|word| AUXILIARIES.contains(&word)) {
            Head::Open
        } else {
            Head::Undecided
        }
    } else if AUXILIARIES.contains(&first) {
        if asks_for_an_account(clause) {
            Head::Open
        } else {
            Head::Closed
        }
    } else {
        Head::Undecided
    }
}

/// "Can you tell me…", "Would you be able to describe…", "Would you mind
/// walking me through…", "May I ask how…": an auxiliary that asks for a
/// story, not for a yes.
fn asks_for_an_account(clause: &[Word]) -> bool {
    let lower: Vec<&str> = clause.iter().map(|word| word.lower.as_str()).collect();
    let skip_softeners = |mut at: usize| {
        while lower.get(at).is_some_and(|word| SOFTENERS.contains(word)) {
            at += 1;
        }
        at
    };
    match (lower.first(), lower.get(1)) {
        (Some(&("can" | "could" | "would" | "will")), Some(&"you")) => {
            let mut at = skip_softeners(2);
            // "Would you be able / willing / happy to describe…"
            if lower.get(at) == Some(&"be")
                && lower
                    .get(at + 1)
                    .is_some_and(|word| matches!(*word, "able" | "willing" | "happy" | "kind"))
                && lower.get(at + 2) == Some(&"to")
            {
                at = skip_softeners(at + 3);
            }
            if lower.get(at) == Some(&"mind") {
                return lower
                    .get(at + 1)
                    .is_some_and(|word| ACCOUNT_GERUNDS.contains(word));
            }
            lower
                .get(at)
                .is_some_and(|verb| is_account_phrase(verb, &clause[at + 1..]))
        }
        (Some(&"do"), Some(&"you")) => {
            lower.get(2) == Some(&"mind")
                && lower
                    .get(3)
                    .is_some_and(|word| ACCOUNT_GERUNDS.contains(word))
        }
        (Some(&("may" | "can" | "could" | "might")), Some(&"i")) => {
            let at = skip_softeners(2);
            lower.get(at) == Some(&"ask")
                && lower[at + 1..].iter().take(3).any(|word| {
                    *word == "about"
                        || QUESTION_WORDS.contains(word)
                        || SCENE_OR_QUESTION.contains(word)
                })
        }
        _ => false,
    }
}

/// The clause that decides, with its leading fillers left out, and its
/// verdict; `None` when no clause decides.
fn deciding_clause(text: &str) -> Option<(Vec<Word>, Head)> {
    for mut clause in clauses(text) {
        let fillers = clause
            .iter()
            .take_while(|word| FILLERS.contains(&word.lower.as_str()))
            .count();
        clause.drain(..fillers);
        match head_of(&clause) {
            Head::Undecided => continue,
            head => return Some((clause, head)),
        }
    }
    None
}

/// Whether a question invites more than "yes" or "no".
pub fn is_open_ended(text: &str) -> bool {
    !matches!(deciding_clause(text), Some((_, Head::Closed)))
}

/// For a closed question, an open rewording to consider (or, when no
/// pattern fits, an instruction); `None` for an open question.
pub fn hint(text: &str) -> Option<String> {
    let (clause, Head::Closed) = deciding_clause(text)? else {
        return None;
    };
    let reworded = reword(text, &clause).and_then(|reworded| {
        let first = clause.first()?;
        let last = clause.last()?;
        let before = &text[..first.start];
        let after = text[last.end..]
            .trim_end()
            .trim_end_matches(['?', '.', '!'])
            .trim_end();
        let reworded = if before.trim().is_empty() {
            reworded
        } else {
            lower_first(&reworded)
        };
        Some(format!("{}{reworded}{after}?", before.trim_start()))
    });
    match reworded {
        // A pattern that misfires must not hand out a closed "rewording".
        Some(question) if is_open_ended(&question) => Some(question),
        _ => Some(INSTRUCTION.to_owned()),
    }
}

/// Lower-cases the first letter, unless it starts "I ".
fn lower_first(text: &str) -> String {
    if text.starts_with("I ") {
        return text.to_owned();
    }
    let mut characters = text.chars();
    match characters.next() {
        Some(first) => first.to_lowercase().chain(characters).collect(),
        None => String::new(),
    }
}

/// The text of `words` as written, from the first to the last.
fn span<'a>(text: &'a str, words: &[Word]) -> &'a str {
    match (words.first(), words.last()) {
        (Some(first), Some(last)) => &text[first.start..last.end],
        _ => "",
    }
}

/// A subject pronoun as it reads inside a sentence.
fn pronoun(word: &Word) -> String {
    if word.lower == "i" {
        "I".to_owned()
    } else {
        word.lower.clone()
    }
}

/// A relative clause turned into question order: "you would recommend" →
/// "would you recommend", "you think I should" → "do you think I should",
/// "you'd like to add" → "would you like to add".
fn question_order(text: &str, words: &[Word]) -> Option<String> {
    let first = words.first()?;
    let rest = |from: usize| span(text, words.get(from..).unwrap_or_default());
    let contracted = first.lower.split_once('\'').and_then(|(subject, ending)| {
        let auxiliary = match ending {
            "d" => "would",
            "ll" => "will",
            "ve" => "have",
            "re" => "are",
            "m" => "am",
            _ => return None,
        };
        SUBJECTS.contains(&subject).then_some((subject, auxiliary))
    });
    if let Some((subject, auxiliary)) = contracted {
        let subject = if subject == "i" { "I" } else { subject };
        return Some(
            format!("{auxiliary} {subject} {}", rest(1))
                .trim_end()
                .to_owned(),
        );
    }
    if !SUBJECTS.contains(&first.lower.as_str()) {
        return None;
    }
    let subject = pronoun(first);
    let second = words.get(1)?;
    if AUXILIARIES.contains(&second.lower.as_str()) {
        Some(
            format!("{} {subject} {}", second.lower, rest(2))
                .trim_end()
                .to_owned(),
        )
    } else if second.lower.ends_with("ed") {
        // "you suggested" would need the verb's base form.
        None
    } else {
        Some(format!("do {subject} {}", rest(1)))
    }
}

/// What follows a relative "that" or "who", in question order: "(that)
/// you'd like to add" → "would you like to add"; "(that) surprised you"
/// stays, the noun doing what it says. `None` when nothing follows.
fn after_relative(text: &str, after: &[Word]) -> Option<String> {
    let first = after.first()?;
    if SUBJECTS.contains(&first.lower.as_str()) || first.lower.contains('\'') {
        question_order(text, after)
    } else {
        Some(span(text, after).to_owned())
    }
}

/// "What {noun} {clause}" for "Is there / Are there / Do you have any
/// {noun} {clause}": the relative clause in question order, or, when the
/// noun does what the clause says ("qualities that enhance…"), as it is.
/// `None` when the noun phrase cannot be found.
fn what_with_clause(text: &str, asker: &str, words: &[Word]) -> Option<String> {
    let stop = words.iter().position(|word| {
        RELATIVES.contains(&word.lower.as_str())
            || SUBJECTS.contains(&word.lower.as_str())
            || word
                .lower
                .split_once('\'')
                .is_some_and(|(subject, _)| SUBJECTS.contains(&subject))
    });
    let stop = stop?;
    let noun = &words[..stop];
    if noun.is_empty()
        || noun.len() > 6
        || noun
            .last()
            .is_some_and(|word| PREPOSITIONS.contains(&word.lower.as_str()))
    {
        return None;
    }
    let clause = &words[stop..];
    let relative = clause[0].lower.as_str();
    let ordered = if RELATIVES.contains(&relative) {
        if relative != "that" && relative != "who" {
            return None;
        }
        after_relative(text, &clause[1..])?
    } else {
        question_order(text, clause)?
    };
    Some(format!("{asker} {} {ordered}", span(text, noun)))
}

/// "Who else {clause}" / "What {clause}" for "Is there anyone / anything
/// {clause}".
fn pronoun_with_clause(text: &str, asker: &str, words: &[Word], fallback: &str) -> Option<String> {
    let Some(first) = words.first() else {
        return Some(format!("{asker} {fallback}"));
    };
    let ordered = match first.lower.as_str() {
        "that" | "who" => after_relative(text, &words[1..])?,
        _ => question_order(text, words)?,
    };
    Some(format!("{asker} {ordered}"))
}

/// The deciding clause of a closed question reworded as an open one, or
/// `None` when no pattern fits.
fn reword(text: &str, clause: &[Word]) -> Option<String> {
    let lower: Vec<&str> = clause.iter().map(|word| word.lower.as_str()).collect();
    let rest = |from: usize| span(text, clause.get(from..).unwrap_or_default());
    let has = |from: usize| clause.len() > from;
    match lower.as_slice() {
        // Is there anyone else you think I should talk to? → Who else do
        // you think I should talk to?
        ["is" | "are", "there", who, ..]
            if matches!(*who, "anyone" | "anybody" | "someone" | "somebody") =>
        {
            let (asker, from) = if lower.get(3) == Some(&"else") {
                ("Who else", 4)
            } else {
                ("Who", 3)
            };
            pronoun_with_clause(text, asker, &clause[from..], "would you suggest I talk to")
        }
        // Is there anything you don't like about it? → What don't you
        // like about it?
        ["is", "there", what, ..] if matches!(*what, "anything" | "something") => {
            let (asker, from) = if lower.get(3) == Some(&"else") {
                ("What else", 4)
            } else {
                ("What", 3)
            };
            pronoun_with_clause(text, asker, &clause[from..], "should I know")
        }
        // Are there many openings? → How many openings are there?
        ["are", "there", "many", ..] if has(3) => {
            let noun = &clause[3..];
            if noun
                .iter()
                .any(|word| RELATIVES.contains(&word.lower.as_str()))
            {
                return None;
            }
            Some(format!("How many {} are there", span(text, noun)))
        }
        // Are there any certifications you would recommend? → What
        // certifications would you recommend?
        ["is" | "are", "there", ..] if has(2) => {
            let verb = lower[0];
            let (determiner, from) = match lower[2] {
                "any" | "some" => (Some(lower[2]), 3),
                "a" | "an" => (Some("a"), 3),
                _ => (None, 2),
            };
            let noun = clause.get(from..).filter(|noun| !noun.is_empty())?;
            if let Some(question) = what_with_clause(text, "What", noun) {
                return Some(question);
            }
            let has_clause = noun.iter().any(|word| {
                RELATIVES.contains(&word.lower.as_str()) || SUBJECTS.contains(&word.lower.as_str())
            });
            if has_clause || noun.len() > 6 {
                return None;
            }
            let noun = span(text, noun);
            Some(match (verb, determiner) {
                ("are", _) => format!("What {noun} are there"),
                ("is", Some("a")) => format!("What is the {noun}"),
                _ => format!("How much {noun} is there"),
            })
        }
        // Is it hard to switch? → How hard is it to switch?
        [verb @ ("is" | "was"), "it", adjective, ..] if DEGREE_ADJECTIVES.contains(adjective) => {
            Some(
                format!("How {adjective} {verb} it {}", rest(3))
                    .trim_end()
                    .to_owned(),
            )
        }
        // Is graduate school recommended? → How important is graduate school?
        [verb @ ("is" | "are"), .., last] if has(3) && MATTERS.contains(last) => Some(format!(
            "How important {verb} {}",
            span(text, &clause[1..clause.len() - 1])
        )),
        // Is this career changing? → How is this career changing?
        [verb @ ("is" | "are" | "was" | "were"), subject, ..] if *subject != "it" => {
            let has_participle = (2..clause.len()).any(|at| {
                let word = lower[at];
                word.len() > 4
                    && word.ends_with("ing")
                    && !matches!(
                        lower[at - 1],
                        "the" | "a" | "an" | "this" | "that" | "your" | "my" | "our" | "their"
                    )
                    && !matches!(
                        word,
                        "morning" | "evening" | "nothing" | "something" | "during"
                    )
            });
            if !has_participle {
                return None;
            }
            Some(format!("How {verb} {}", rest(1)))
        }
        // Do you like your job? → What do you like most about your job?
        [
            verb @ ("do" | "did"),
            "you",
            feeling @ ("like" | "enjoy" | "love"),
            ..,
        ] if has(3) => Some(format!("What {verb} you {feeling} most about {}", rest(3))),
        // Do you have any advice for me? → What advice do you have for me?
        ["do", "you", "have", "any" | "some", ..] if has(4) => {
            let noun_end = (4..clause.len())
                .find(|&at| {
                    PREPOSITIONS.contains(&lower[at])
                        || RELATIVES.contains(&lower[at])
                        || SUBJECTS.contains(&lower[at])
                })
                .unwrap_or(clause.len());
            let noun = &clause[4..noun_end];
            if noun.is_empty() || noun.len() > 4 {
                return None;
            }
            let after = rest(noun_end);
            Some(
                format!("What {} do you have {after}", span(text, noun))
                    .trim_end()
                    .to_owned(),
            )
        }
        // Do you know anyone in this field? → Who do you know in this field?
        ["do", "you", "know", who, ..]
            if matches!(*who, "anyone" | "anybody" | "someone" | "somebody") =>
        {
            Some(format!("Who do you know {}", rest(4)).trim_end().to_owned())
        }
        ["do", "you", verb, ..]
            if matches!(
                *verb,
                "think"
                    | "believe"
                    | "feel"
                    | "expect"
                    | "mind"
                    | "want"
                    | "need"
                    | "have"
                    | "know"
                    | "get"
                    | "see"
                    | "suppose"
            ) =>
        {
            None
        }
        // Do you travel often? → How often do you travel?
        ["do", "you", .., "often"] if has(3) => Some(format!(
            "How often do you {}",
            span(text, &clause[2..clause.len() - 1])
        )),
        // Do you use Python at work? → How do you use Python at work?
        ["do", "you", _, ..] => Some(format!("How do you {}", rest(2))),
        // Did you study economics? → How did you come to study economics?
        ["did", "you", verb, ..]
            if !matches!(
                *verb,
                "ever" | "always" | "never" | "really" | "once" | "already" | "have" | "get"
            ) =>
        {
            Some(format!("How did you come to {}", rest(2)))
        }
        // Should I learn Python first? → How should I decide whether to
        // learn Python first?
        ["should", "i", ..] if has(2) => {
            Some(format!("How should I decide whether to {}", rest(2)))
        }
        // Would you recommend any courses to take? → What courses would
        // you recommend I take?
        [
            "would" | "could" | "can" | "should",
            "you",
            "recommend",
            rest_of @ ..,
        ] if !rest_of.is_empty() => {
            if matches!(lower[3], "any" | "some") && has(4) {
                let to = (4..clause.len()).find(|&at| lower[at] == "to");
                return Some(match to {
                    Some(to) if to > 4 && has(to + 1) => format!(
                        "What {} would you recommend I {}",
                        span(text, &clause[4..to]),
                        rest(to + 1)
                    ),
                    _ => format!("What {} would you recommend", rest(4)),
                });
            }
            Some(format!("What would make you recommend {}", rest(3)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPEN: [&str; 24] = [
        "What does a typical day look like for you?",
        "How did you get started in this field?",
        "Why did you choose this company?",
        "Which skills matter most in your role?",
        "Tell me about a project you are proud of.",
        "Describe the culture of your team.",
        "Walk me through your career so far.",
        "Where do you see the industry going?",
        "Who else would you suggest I talk to?",
        "When did you know this was the right field?",
        "If you were starting over, what would you do differently?",
        "  how would you describe your manager's style?",
        "Can you tell me about your career path?",
        "Could you walk me through a recent project?",
        "Would you describe your working environment?",
        "Would you be able to explain how promotions work?",
        "Would you mind telling me how you got started?",
        "May I ask how you chose this field?",
        "When you hire a new graduate, what do you look for?",
        "My background is in planning—how can I use it here?",
        "And what would you change?",
        "Could you give me an overview of the team?",
        "Can you talk about a mistake you learned from?",
        "What do you (dis)like about your job/program/etc.?",
    ];

    const CLOSED: [&str; 22] = [
        "Do you like your job?",
        "Does your team work remotely?",
        "Did you study computer science?",
        "Is it hard to break into this field?",
        "Are there many openings for juniors?",
        "Is there a career ladder for engineers?",
        "Can I send you my portfolio?",
        "Could you introduce me to your manager?",
        "Would you recommend this field to a newcomer?",
        "Would you do it all again?",
        "Will the industry keep growing?",
        "Should I learn Python first?",
        "Have you ever worked abroad?",
        "Don't you find the hours long?",
        "Would you mind taking a look at my resume?",
        "Would you be able to spare half an hour next week?",
        "If I need to follow up, can I contact you at this number?",
        "I see that our time is up, do you have five more minutes?",
        "When you started, did you have a mentor?",
        "And do you travel often?",
        "Can I ask you a question?",
        "You enjoy this work, don't you?",
    ];

    #[test]
    fn open_questions_are_recognised_and_get_no_hint() {
        for question in OPEN {
            assert!(is_open_ended(question), "{question}");
            assert_eq!(hint(question), None, "{question}");
        }
    }

    #[test]
    fn closed_questions_get_a_hint_that_is_itself_open() {
        for question in CLOSED {
            assert!(!is_open_ended(question), "{question}");
            let hint = hint(question).expect("a hint");
            assert!(is_open_ended(&hint), "{question}: {hint}");
        }
    }

    #[test]
    fn the_rewordings_follow_the_patterns() {
        for (question, expected) in [
            (
                "Do you like your job?",
                "What do you like most about your job?",
            ),
            (
                "Is it hard to break into this field?",
                "How hard is it to break into this field?",
            ),
            (
                "Are there many openings for juniors?",
                "How many openings for juniors are there?",
            ),
            (
                "Would you recommend this field to a newcomer?",
                "What would make you recommend this field to a newcomer?",
            ),
            (
                "Would you recommend any specific courses to take?",
                "What specific courses would you recommend I take?",
            ),
            (
                "Is there someone else you'd recommend I speak with?",
                "Who else would you recommend I speak with?",
            ),
            (
                "Is there anything that you'd like to add before I go?",
                "What would you like to add before I go?",
            ),
            (
                "Is there something that surprised you about the role?",
                "What surprised you about the role?",
            ),
            (
                "Are there any certifications you would recommend?",
                "What certifications would you recommend?",
            ),
            (
                "Do you have any advice to help me prepare?",
                "What advice do you have to help me prepare?",
            ),
            (
                "Do you know anyone in this field I could talk to?",
                "Who do you know in this field I could talk to?",
            ),
            (
                "Should I learn Python first?",
                "How should I decide whether to learn Python first?",
            ),
            ("Is this career changing?", "How is this career changing?"),
            (
                "Is graduate school recommended?",
                "How important is graduate school?",
            ),
            (
                "Did you study economics?",
                "How did you come to study economics?",
            ),
            ("And do you travel often?", "And how often do you travel?"),
            ("When you started, did you have a mentor?", INSTRUCTION),
            ("Can I send you my portfolio?", INSTRUCTION),
        ] {
            assert_eq!(hint(question).as_deref(), Some(expected), "{question}");
        }
    }
}

//! The method's language checks against real career-centre material.
//! `tests/corpus/questions.json` holds questions published by university
//! career centres and career guides, and `tests/corpus/outreach.json`
//! outreach messages and phone scripts from the same kind of sources; each
//! entry carries the address it was published at (`source`) and a careers
//! adviser's labels. The checks must agree with the labels on at least
//! 95 % of each corpus, and every hint the detector gives is kept in a
//! snapshot, so a change to any of them is read by a person.

use std::collections::HashSet;

use rapport::outreach::check::check;
use rapport::question_sets::detector::{hint, is_open_ended};
use serde::Deserialize;

#[derive(Deserialize)]
struct LabelledQuestion {
    text: String,
    /// `open` or `closed`.
    label: String,
    source: String,
}

#[derive(Deserialize)]
struct MessageLabels {
    referrer_named_early: bool,
    ends_with_question: bool,
    asks_for_a_job: bool,
}

#[derive(Deserialize)]
struct LabelledMessage {
    message: String,
    referrer_name: Option<String>,
    label: MessageLabels,
    source: String,
}

fn questions() -> Vec<LabelledQuestion> {
    let text = include_str!("../corpus/questions.json");
    serde_json::from_str(text).expect("the question corpus reads")
}

fn messages() -> Vec<LabelledMessage> {
    let text = include_str!("../corpus/outreach.json");
    serde_json::from_str(text).expect("the outreach corpus reads")
}

/// Fails unless at least 95 % of `total` agreed, listing the rest.
fn assert_agreement(what: &str, total: usize, disagreements: &[String]) {
    let agreed = total - disagreements.len();
    assert!(
        agreed * 100 >= total * 95,
        "{what}: {agreed} of {total} agree; the rest:\n{}",
        disagreements.join("\n")
    );
}

#[test]
fn the_corpora_are_real_material_from_several_sources() {
    let questions = questions();
    let messages = messages();
    assert!(questions.len() >= 80, "{} questions", questions.len());
    assert!(messages.len() >= 25, "{} messages", messages.len());
    let sources: HashSet<&str> = questions
        .iter()
        .map(|question| question.source.as_str())
        .chain(messages.iter().map(|message| message.source.as_str()))
        .collect();
    assert!(sources.len() >= 10, "{} sources", sources.len());
    assert!(sources.iter().all(|source| source.starts_with("http")));
    for label in ["open", "closed"] {
        assert!(questions.iter().any(|question| question.label == label));
    }
}

#[test]
fn the_detector_agrees_with_the_advisers_labels_on_95_percent_of_questions() {
    let questions = questions();
    let disagreements: Vec<String> = questions
        .iter()
        .filter(|question| is_open_ended(&question.text) != (question.label == "open"))
        .map(|question| format!("{} (labelled {})", question.text, question.label))
        .collect();
    assert_agreement("questions", questions.len(), &disagreements);
}

#[test]
fn the_outreach_check_agrees_with_the_advisers_labels_on_95_percent_of_messages() {
    let messages = messages();
    let disagreements: Vec<String> = messages
        .iter()
        .filter_map(|labelled| {
            let result = check(&labelled.message, labelled.referrer_name.as_deref());
            let found = (
                result.referrer_named_early,
                result.ends_with_question,
                !result.job_words.is_empty(),
            );
            let label = &labelled.label;
            let expected = (
                label.referrer_named_early,
                label.ends_with_question,
                label.asks_for_a_job,
            );
            (found != expected).then(|| {
                format!(
                    "{:?}: found (referrer early, question, job) {found:?}, labelled {expected:?}",
                    labelled.message
                )
            })
        })
        .collect();
    assert_agreement("messages", messages.len(), &disagreements);
}

#[test]
fn every_hint_is_open_and_reviewed() {
    let mut reviewed = String::new();
    for question in questions() {
        let Some(hint) = hint(&question.text) else {
            continue;
        };
        assert!(is_open_ended(&hint), "{}: {hint}", question.text);
        reviewed.push_str(&format!("{}\n  → {hint}\n", question.text));
    }
    insta::assert_snapshot!("corpus_hints", reviewed);
}

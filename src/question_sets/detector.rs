//! Tells open questions from closed (yes/no) ones, and suggests an open
//! rewording. An informational interview runs on open questions: "What do
//! you like most about your job?" gets a story, "Do you like your job?"
//! gets a "yes".

/// Words that open a yes/no question when they come first.
const AUXILIARIES: [&str; 26] = [
    "do", "does", "did", "is", "are", "was", "were", "am", "can", "could", "would", "will",
    "should", "shall", "may", "might", "must", "have", "has", "had", "isn't", "aren't", "don't",
    "doesn't", "didn't", "won't",
];

fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_lowercase()
        })
        .filter(|word| !word.is_empty())
        .collect()
}

/// Whether a question invites more than "yes" or "no".
pub fn is_open_ended(text: &str) -> bool {
    match words(text).first() {
        Some(first) => !AUXILIARIES.contains(&first.as_str()),
        None => true,
    }
}

/// For a closed question, an open rewording to consider; `None` for an
/// open question.
pub fn hint(text: &str) -> Option<String> {
    if is_open_ended(text) {
        return None;
    }
    let original: Vec<&str> = text
        .trim()
        .trim_end_matches(['?', '.', '!'])
        .split_whitespace()
        .collect();
    let lower = words(text);
    let rest = |from: usize| {
        original
            .get(from..)
            .map(|words| words.join(" "))
            .unwrap_or_default()
    };
    let auxiliary = lower[0].as_str();
    let subject = lower.get(1).map(String::as_str).unwrap_or_default();
    let verb = lower.get(2).map(String::as_str).unwrap_or_default();
    let suggestion = match (auxiliary, subject, verb) {
        ("do" | "does" | "did", "you", "like" | "enjoy" | "love") if original.len() > 3 => {
            format!("What do you {verb} most about {}?", rest(3))
        }
        ("do" | "does", "you", _) if original.len() > 2 => format!("How do you {}?", rest(2)),
        ("did", "you", _) if original.len() > 2 => format!("How did you {}?", rest(2)),
        ("is" | "was", "it", _) if original.len() > 2 => format!("What makes it {}?", rest(2)),
        ("is" | "are", "there", _) if original.len() > 2 => {
            let what = rest(2);
            let what = what
                .strip_prefix("any ")
                .or_else(|| what.strip_prefix("many "))
                .unwrap_or(&what);
            format!("What {what} are there?")
        }
        ("would" | "could" | "can" | "should", "you", "recommend") if original.len() > 3 => {
            format!("What would make you recommend {}?", rest(3))
        }
        ("would" | "could" | "can" | "should" | "will", "you" | "i", _) if original.len() > 2 => {
            format!("How {auxiliary} {} {}?", original[1], rest(2))
        }
        _ => return Some(
            "This can be answered with yes or no; start with \"What\", \"How\" or \"Tell me about\" to invite a story."
                .to_owned(),
        ),
    };
    Some(format!("Ask it open-ended: \"{suggestion}\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPEN: [&str; 18] = [
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
        "What advice would you give someone like me?",
        "How are decisions made where you work?",
        "What do newcomers usually underestimate?",
        "Which publications do you read to stay current?",
        "What surprised you most about this work?",
        "  how would you describe your manager's style?",
        "What is the best career advice you have received?",
    ];

    const CLOSED: [&str; 16] = [
        "Do you like your job?",
        "Do you enjoy working with clients?",
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
        "Was it difficult to switch careers?",
        "Don't you find the hours long?",
    ];

    #[test]
    fn open_questions_are_recognised_and_get_no_hint() {
        for question in OPEN {
            assert!(is_open_ended(question), "{question}");
            assert_eq!(hint(question), None, "{question}");
        }
    }

    #[test]
    fn closed_questions_are_recognised_and_get_an_open_hint() {
        for question in CLOSED {
            assert!(!is_open_ended(question), "{question}");
            let hint = hint(question).expect("a hint");
            assert!(
                hint.contains("What") || hint.contains("How"),
                "{question}: {hint}"
            );
        }
    }

    #[test]
    fn the_rewordings_read_naturally() {
        assert_eq!(
            hint("Do you like your job?").as_deref(),
            Some("Ask it open-ended: \"What do you like most about your job?\"")
        );
        assert_eq!(
            hint("Is it hard to break into this field?").as_deref(),
            Some("Ask it open-ended: \"What makes it hard to break into this field?\"")
        );
        assert_eq!(
            hint("Are there many openings for juniors?").as_deref(),
            Some("Ask it open-ended: \"What openings for juniors are there?\"")
        );
        assert_eq!(
            hint("Would you recommend this field to a newcomer?").as_deref(),
            Some("Ask it open-ended: \"What would make you recommend this field to a newcomer?\"")
        );
    }
}

//! Text the service writes from user text: cleaned for formats where a
//! control character would change the meaning (iCalendar, vCard), and cut
//! to fit a column.

/// A text for a one-line property (an iCalendar summary, location or URL,
/// a vCard name): every control character, line breaks included, is
/// dropped. The iCalendar writer escapes `\n` in text values but writes a
/// bare CR, and URL values, as they are: a stored CR LF would end the
/// property and start another.
pub fn one_line(text: &str) -> String {
    text.chars()
        .filter(|character| !character.is_control())
        .collect()
}

/// A text that may run over lines (a description, a note): line breaks
/// stay (the writers escape them), a CR LF counts as one, and every other
/// control character is dropped.
pub fn paragraphs(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter(|character| *character == '\n' || !character.is_control())
        .collect()
}

/// `text` cut to at most `max_chars` characters at a character boundary,
/// ending with `…` when anything was cut.
pub fn fit(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let kept: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_never_reach_a_one_line_property() {
        assert_eq!(one_line("a\r\nATTACH:x\u{7}b\tc"), "aATTACH:xbc");
        assert_eq!(
            paragraphs("one\r\ntwo\rthree\nfour\u{1b}"),
            "one\ntwothree\nfour"
        );
    }

    #[test]
    fn fitted_text_is_cut_at_a_character_and_ends_with_an_ellipsis() {
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("exactly ten", 11), "exactly ten");
        let cut = fit(&"ü".repeat(300), 200);
        assert_eq!(cut.chars().count(), 200);
        assert!(cut.ends_with('…'));
        assert_eq!(fit("a few words here", 8), "a few w…");
        assert_eq!(fit("🙂🙂🙂", 2), "🙂…");
    }
}

//! What makes a CSV cell safe to open in a spreadsheet, and how an import
//! reads our own exports back exactly (DESIGN §8 "CSV export").
//!
//! A spreadsheet runs a cell as a formula when it starts with `=`, `+`, `-`
//! or `@` — after leading whitespace, and for the full-width forms (`＝`)
//! too — or with a tab or a carriage return. Such a cell, and one that
//! already starts with `'`, is written with one leading `'`, which the
//! spreadsheet shows as text; the import takes exactly that `'` off again.

use unicode_normalization::UnicodeNormalization;

/// Whether a spreadsheet would read `value` as a formula.
fn runs_as_formula(value: &str) -> bool {
    if value.starts_with(['\t', '\r']) {
        return true;
    }
    let normalized: String = value.trim_start().nfkc().take(1).collect();
    normalized.starts_with(['=', '+', '-', '@'])
}

/// The cell to write for `value`.
pub fn protect(value: &str) -> String {
    if value.starts_with('\'') || runs_as_formula(value) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

/// The value a cell written by [`protect`] holds: one leading `'` comes off
/// when what follows is another `'` or would run as a formula; any other
/// cell is its value as it stands.
pub fn unprotect(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with('\'') || runs_as_formula(rest) => rest,
        _ => cell,
    }
}

/// Tags in one cell, separated by `;`; a `;` or `\` inside a tag is
/// written `\;` or `\\`.
pub fn join_tags(tags: &[String]) -> String {
    tags.iter()
        .map(|tag| tag.replace('\\', "\\\\").replace(';', "\\;"))
        .collect::<Vec<_>>()
        .join(";")
}

/// The tags of a cell written by [`join_tags`] (or typed by hand: a lone
/// `\` before any other character stays as it is). Empty tags are dropped.
pub fn split_tags(cell: &str) -> Vec<String> {
    let mut tags = Vec::new();
    let mut tag = String::new();
    let mut characters = cell.chars().peekable();
    while let Some(character) = characters.next() {
        match character {
            '\\' if matches!(characters.peek(), Some('\\' | ';')) => {
                tag.extend(characters.next());
            }
            ';' => tags.push(std::mem::take(&mut tag)),
            other => tag.push(other),
        }
    }
    tags.push(tag);
    tags.retain(|tag| !tag.is_empty());
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_formula_form_gets_a_leading_quote() {
        for value in [
            "=HYPERLINK(\"x\")",
            "+1 555",
            "-2",
            "@SUM(A1)",
            "\tx",
            "\rx",
            " =1+1",
            "\n=cmd",
            "＝1+1",
            "＋1",
            "'quoted",
            "''twice",
        ] {
            assert_eq!(protect(value), format!("'{value}"), "{value:?}");
        }
        for value in ["plain", "a=b", "1-2", "e@mail", "", " space", "\nline"] {
            assert_eq!(protect(value), value, "{value:?}");
        }
    }

    #[test]
    fn a_protected_cell_reads_back_as_its_value_and_nothing_else_changes() {
        for value in [
            "=1", " =1", "＝1", "'quoted", "''", "'", "it's", "plain", "'x", "\t=", "-",
        ] {
            assert_eq!(unprotect(&protect(value)), value, "{value:?}");
        }
        // A quote the export would not have written stays.
        assert_eq!(unprotect("'plain"), "'plain");
    }

    #[test]
    fn tags_with_separators_survive_a_round_trip() {
        let tags = vec![
            "a;b".to_owned(),
            "back\\slash".to_owned(),
            "plain".to_owned(),
            "\\;".to_owned(),
        ];
        assert_eq!(split_tags(&join_tags(&tags)), tags);
        assert_eq!(split_tags("x;;y;"), vec!["x", "y"]);
        assert_eq!(split_tags("c:\\dir"), vec!["c:\\dir"]);
    }
}

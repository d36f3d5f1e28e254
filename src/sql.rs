//! SQL functions the queries use.

use diesel::sql_types::{Bool, Nullable, Text, Timestamptz};

diesel::define_sql_function! {
    /// `lower(text)`.
    fn lower(value: Text) -> Text;
}

diesel::define_sql_function! {
    /// A contact's segment at a time (migration `create_interviews_and_question_sets`).
    fn rapport_segment(
        requested_at: Nullable<Timestamptz>,
        responded_at: Nullable<Timestamptz>,
        no_response: Bool,
        mark3_at: Nullable<Timestamptz>,
        mark7_at: Nullable<Timestamptz>,
        at: Timestamptz,
    ) -> Text;
}

/// Escapes `%`, `_` and `\` so user text matches literally in `LIKE`.
pub fn escape_like(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        if matches!(character, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(character);
    }
    escaped
}

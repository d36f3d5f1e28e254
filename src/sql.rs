//! SQL functions the queries use.

use diesel::sql_types::Text;

diesel::define_sql_function! {
    /// `lower(text)`.
    fn lower(value: Text) -> Text;
}

diesel::define_sql_function! {
    /// Case- and accent-folded text (migration `create_employers_and_contacts`).
    fn rapport_fold(value: Text) -> Text;
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

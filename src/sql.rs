//! SQL functions the queries use.

use diesel::sql_types::{Bool, Nullable, Text, Timestamptz, Uuid};

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

diesel::define_sql_function! {
    /// Text folded for search: lower case, accents removed (migration
    /// `create_employers_and_contacts`).
    fn rapport_fold(value: Text) -> Text;
}

diesel::define_sql_function! {
    /// The owner's trigram keys of a folded text (migration
    /// `search_contacts_by_owner_trigrams`).
    fn rapport_search_keys(owner: Uuid, folded: Text) -> Array<Int4>;
}

diesel::define_sql_function! {
    /// Where `needle` starts in `text`, from 1; 0 when it does not occur.
    fn strpos(text: Text, needle: Text) -> Int4;
}

diesel::define_sql_function! {
    /// The owner's trigram keys of a folded search term, computed when the
    /// statement runs rather than when it is planned (same migration).
    fn rapport_term_keys(owner: Uuid, folded: Text) -> Array<Int4>;
}

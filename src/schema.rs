// @generated automatically by Diesel CLI.

diesel::table! {
    contacts (id) {
        id -> Uuid,
        user_id -> Uuid,
        full_name -> Text,
        email -> Nullable<Text>,
        phone -> Nullable<Text>,
        linkedin_url -> Nullable<Text>,
        company -> Nullable<Text>,
        job_title -> Nullable<Text>,
        field -> Nullable<Text>,
        location -> Nullable<Text>,
        employer_id -> Nullable<Uuid>,
        source -> Text,
        referred_by_contact_id -> Nullable<Uuid>,
        has_hiring_power -> Nullable<Bool>,
        tags -> Array<Text>,
        notes -> Nullable<Text>,
        archived_at -> Nullable<Timestamptz>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        search_text -> Text,
    }
}

diesel::table! {
    employers (id) {
        id -> Uuid,
        user_id -> Uuid,
        name -> Text,
        website -> Nullable<Text>,
        notes -> Nullable<Text>,
        status -> Text,
        advocacy -> Bool,
        motivation -> Int2,
        posting -> Int2,
        lamp_rank -> Int2,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> Uuid,
        user_id -> Uuid,
        family_id -> Uuid,
        token_hash -> Bytea,
        expires_at -> Timestamptz,
        used_at -> Nullable<Timestamptz>,
        revoked_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    users (id) {
        id -> Uuid,
        email -> Text,
        password_hash -> Text,
        display_name -> Text,
        time_zone -> Text,
        target_field -> Nullable<Text>,
        role -> Text,
        token_version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::joinable!(contacts -> users (user_id));
diesel::joinable!(employers -> users (user_id));
diesel::joinable!(refresh_tokens -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(contacts, employers, refresh_tokens, users,);

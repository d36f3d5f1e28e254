// @generated automatically by Diesel CLI.

diesel::table! {
    action_items (id) {
        id -> Uuid,
        user_id -> Uuid,
        interview_id -> Uuid,
        text -> Text,
        done -> Bool,
        due_at -> Nullable<Timestamptz>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    calendar_feeds (user_id) {
        user_id -> Uuid,
        token_hash -> Bytea,
        created_at -> Timestamptz,
    }
}

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
        segment_requested_at -> Nullable<Timestamptz>,
        segment_responded_at -> Nullable<Timestamptz>,
        segment_no_response -> Bool,
        segment_mark3_at -> Nullable<Timestamptz>,
        segment_mark7_at -> Nullable<Timestamptz>,
        source_interview_id -> Nullable<Uuid>,
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
    idempotency_keys (user_id, key) {
        user_id -> Uuid,
        key -> Text,
        fingerprint -> Bytea,
        claimed_until -> Timestamptz,
        status -> Nullable<Int2>,
        content_type -> Nullable<Text>,
        location -> Nullable<Text>,
        etag -> Nullable<Text>,
        body -> Nullable<Bytea>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    interview_questions (id) {
        id -> Uuid,
        interview_id -> Uuid,
        position -> Int4,
        text -> Text,
        category -> Text,
        asked -> Bool,
        answer -> Nullable<Text>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    interviews (id) {
        id -> Uuid,
        user_id -> Uuid,
        contact_id -> Uuid,
        status -> Text,
        purpose -> Nullable<Text>,
        outreach_channel -> Nullable<Text>,
        outreach_message -> Nullable<Text>,
        requested_at -> Nullable<Timestamptz>,
        responded_at -> Nullable<Timestamptz>,
        scheduled_start -> Nullable<Timestamptz>,
        duration_minutes -> Int4,
        format -> Nullable<Text>,
        location -> Nullable<Text>,
        meeting_url -> Nullable<Text>,
        notes -> Nullable<Text>,
        key_insights -> Nullable<Text>,
        may_contact_again -> Nullable<Bool>,
        thank_you_sent_at -> Nullable<Timestamptz>,
        completed_at -> Nullable<Timestamptz>,
        cancel_reason -> Nullable<Text>,
        question_set_id -> Nullable<Uuid>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    question_sets (id) {
        id -> Uuid,
        user_id -> Nullable<Uuid>,
        title -> Text,
        description -> Nullable<Text>,
        builtin -> Bool,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    questions (id) {
        id -> Uuid,
        question_set_id -> Uuid,
        position -> Int4,
        text -> Text,
        category -> Text,
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
        token_version -> Int4,
        auth_time -> Timestamptz,
        successor_id -> Nullable<Uuid>,
        replayed_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    reminders (id) {
        id -> Uuid,
        user_id -> Uuid,
        kind -> Text,
        title -> Text,
        note -> Nullable<Text>,
        due_at -> Timestamptz,
        status -> Text,
        origin -> Text,
        interview_id -> Nullable<Uuid>,
        contact_id -> Nullable<Uuid>,
        action_item_id -> Nullable<Uuid>,
        notified_at -> Nullable<Timestamptz>,
        snoozed_until -> Nullable<Timestamptz>,
        completed_at -> Nullable<Timestamptz>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
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

diesel::table! {
    webhook_deliveries (id) {
        id -> Uuid,
        webhook_id -> Uuid,
        user_id -> Uuid,
        event -> Text,
        payload -> Jsonb,
        status -> Text,
        attempts -> Int4,
        last_status_code -> Nullable<Int4>,
        next_attempt_at -> Timestamptz,
        locked_until -> Nullable<Timestamptz>,
        delivered_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        claim_id -> Nullable<Uuid>,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    webhooks (id) {
        id -> Uuid,
        user_id -> Uuid,
        url -> Text,
        events -> Array<Text>,
        secret -> Text,
        active -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::joinable!(action_items -> interviews (interview_id));
diesel::joinable!(action_items -> users (user_id));
diesel::joinable!(contacts -> users (user_id));
diesel::joinable!(interview_questions -> interviews (interview_id));
diesel::joinable!(interviews -> question_sets (question_set_id));
diesel::joinable!(interviews -> users (user_id));
diesel::joinable!(question_sets -> users (user_id));
diesel::joinable!(questions -> question_sets (question_set_id));
diesel::joinable!(employers -> users (user_id));
diesel::joinable!(refresh_tokens -> users (user_id));
diesel::joinable!(reminders -> users (user_id));
diesel::joinable!(webhook_deliveries -> webhooks (webhook_id));
diesel::joinable!(webhooks -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    idempotency_keys,
    action_items,
    calendar_feeds,
    contacts,
    employers,
    interview_questions,
    interviews,
    question_sets,
    questions,
    refresh_tokens,
    reminders,
    users,
    webhook_deliveries,
    webhooks,
);

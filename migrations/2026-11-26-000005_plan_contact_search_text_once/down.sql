CREATE OR REPLACE FUNCTION rapport_contact_search_text(
    full_name text, company text, job_title text, field text, notes text, tags text[]
) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN rapport_fold(concat_ws(' ', full_name, company, job_title, field, notes,
                                  array_to_string(tags, ' ')));

CREATE OR REPLACE FUNCTION rapport_fold(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN lower(unaccent('unaccent'::regdictionary, value));

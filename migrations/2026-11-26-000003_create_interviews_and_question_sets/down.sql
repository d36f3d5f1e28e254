DROP FUNCTION rapport_segment(timestamptz, timestamptz, boolean, timestamptz, timestamptz, timestamptz);
ALTER TABLE contacts
    DROP COLUMN source_interview_id,
    DROP COLUMN segment_mark7_at,
    DROP COLUMN segment_mark3_at,
    DROP COLUMN segment_no_response,
    DROP COLUMN segment_responded_at,
    DROP COLUMN segment_requested_at;
DROP TABLE action_items;
DROP TABLE interview_questions;
DROP TABLE interviews;
DROP TABLE questions;
DROP TABLE question_sets;

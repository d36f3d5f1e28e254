//! A contact's segment (DESIGN §4), from how it answered its latest request:
//! `booster` answered by the 3-business-day mark, `obligate` later,
//! `curmudgeon` no answer past the 7-business-day mark (or marked
//! no-response), `awaiting` asked and still within the marks, `unknown`
//! never asked. A decline is an answer; an answer at the mark is within it.
//! The SQL function `rapport_segment` says the same for the list filter.

use chrono::{DateTime, Utc};

use super::dto::Segment;
use super::models::{Contact, SegmentInputs};
use crate::business_days;

/// The segment of a contact at `now`.
pub fn of(contact: &Contact, now: DateTime<Utc>) -> Segment {
    of_inputs(
        &SegmentInputs {
            segment_requested_at: contact.segment_requested_at,
            segment_responded_at: contact.segment_responded_at,
            segment_no_response: contact.segment_no_response,
            segment_mark3_at: contact.segment_mark3_at,
            segment_mark7_at: contact.segment_mark7_at,
        },
        now,
    )
}

/// The segment that `inputs` give at `now`.
pub fn of_inputs(inputs: &SegmentInputs, now: DateTime<Utc>) -> Segment {
    let Some(_requested_at) = inputs.segment_requested_at else {
        return Segment::Unknown;
    };
    match (inputs.segment_responded_at, inputs.segment_mark3_at) {
        (Some(responded), Some(mark3)) if responded <= mark3 => Segment::Booster,
        (Some(_), _) => Segment::Obligate,
        (None, _) => {
            let past_seven = inputs.segment_mark7_at.is_some_and(|mark7| now > mark7);
            if inputs.segment_no_response || past_seven {
                Segment::Curmudgeon
            } else {
                Segment::Awaiting
            }
        }
    }
}

/// The inputs for a contact whose latest request was sent at
/// `requested_at` in `zone`.
pub fn inputs(
    requested_at: Option<DateTime<Utc>>,
    responded_at: Option<DateTime<Utc>>,
    no_response: bool,
    zone: &str,
) -> SegmentInputs {
    let Some(requested_at) = requested_at else {
        return SegmentInputs::default();
    };
    let zone = business_days::zone(zone);
    SegmentInputs {
        segment_requested_at: Some(requested_at),
        segment_responded_at: responded_at,
        segment_no_response: no_response,
        segment_mark3_at: Some(business_days::mark_after(requested_at, zone, 3)),
        segment_mark7_at: Some(business_days::mark_after(requested_at, zone, 7)),
    }
}

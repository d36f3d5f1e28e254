//! Interview rules: the state machine, `responded_at`, the contact's
//! segment, warnings, attached questions and referrals.

use chrono::{DateTime, Duration, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

use super::dto::{
    CancelActionBody, CompleteActionBody, CreateInterviewRequest, InterviewQuestionResponse,
    InterviewResponse, RequestActionBody, ScheduleActionBody, ThankYouActionBody,
    UpdateInterviewRequest,
};
use super::models::{
    Interview, InterviewChangeset, InterviewQuestion, InterviewQuestionChangeset, NewInterview,
    NewInterviewQuestion,
};
use super::repo::{self, InterviewCursor, InterviewFilter};
use super::transitions::{Action, Status, allowed_actions};
use super::warnings;
use crate::auth::models::User;
use crate::contacts::dto::CreateContactRequest;
use crate::contacts::models::Contact;
use crate::contacts::{repo as contacts, segment};
use crate::error::{ApiError, ApiResult};
use crate::pagination::{self, Page, PageSize};
use crate::preconditions::IfMatch;
use crate::question_sets::repo as question_sets;
use crate::reminders::rules;
use crate::webhooks::dto::EventName;
use crate::webhooks::outbox;

/// How far ahead a client's clock may be (DESIGN §9): a phone that says
/// something happened "now" may be minutes fast.
const CLOCK_SKEW: Duration = Duration::minutes(5);

/// A time a client says has passed: one up to [`CLOCK_SKEW`] ahead counts
/// as now, one further ahead is refused.
fn not_in_future(field: &'static str, at: DateTime<Utc>) -> ApiResult<DateTime<Utc>> {
    let now = Utc::now();
    if at > now + CLOCK_SKEW {
        return Err(ApiError::invalid(field, "must not be in the future"));
    }
    Ok(at.min(now))
}

/// One interview with its warnings.
pub async fn response(
    connection: &mut AsyncPgConnection,
    interview: Interview,
) -> ApiResult<InterviewResponse> {
    Ok(responses(connection, vec![interview]).await?.remove(0))
}

/// Interviews with their warnings: two queries whatever their number.
pub async fn responses(
    connection: &mut AsyncPgConnection,
    interviews: Vec<Interview>,
) -> ApiResult<Vec<InterviewResponse>> {
    let Some(first) = interviews.first() else {
        return Ok(Vec::new());
    };
    let user_id = first.user_id;
    let ids: Vec<Uuid> = interviews.iter().map(|interview| interview.id).collect();
    let counts = repo::question_counts(connection, user_id, &ids).await?;
    let own_slots: Vec<warnings::Slot> = interviews.iter().filter_map(warnings::Slot::of).collect();
    let others = match (
        own_slots.iter().map(|slot| slot.start).min(),
        own_slots.iter().map(|slot| slot.end).max(),
    ) {
        (Some(from), Some(to)) => repo::scheduled_slots(connection, user_id, from, to).await?,
        _ => Vec::new(),
    };
    let now = Utc::now();
    Ok(interviews
        .into_iter()
        .map(|interview| {
            let questions = counts.get(&interview.id).copied().unwrap_or(0);
            let advice = warnings::of(&interview, questions, &others, now);
            InterviewResponse::new(interview, advice)
        })
        .collect())
}

/// The interviews among `ids` that are the user's, as their GET answers
/// them, in no order.
pub async fn find_many(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    ids: &[Uuid],
) -> ApiResult<Vec<InterviewResponse>> {
    let interviews = repo::find_many(connection, user_id, ids).await?;
    responses(connection, interviews).await
}

/// The questions among `ids` of the user's interviews, each with its
/// interview's id, in no order.
pub async fn find_questions(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    ids: &[Uuid],
) -> ApiResult<Vec<(Uuid, InterviewQuestionResponse)>> {
    let questions = repo::find_questions(connection, user_id, ids).await?;
    Ok(questions
        .into_iter()
        .map(|question| (question.interview_id, question.into()))
        .collect())
}

/// Recomputes the contact's segment from its latest request, in the user's
/// time zone; called in the transaction of every change that can move it.
pub async fn refresh_contact_segment(
    connection: &mut AsyncPgConnection,
    user: &User,
    contact_id: Uuid,
) -> ApiResult<()> {
    let latest = repo::latest_request_of_contact(connection, user.id, contact_id).await?;
    let inputs = match latest {
        Some(interview) => segment::inputs(
            interview.requested_at,
            interview.responded_at,
            interview.status == Status::NoResponse,
            &user.time_zone,
        ),
        None => Default::default(),
    };
    contacts::set_segment_inputs(connection, user.id, contact_id, &inputs).await?;
    Ok(())
}

pub async fn create(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    request: CreateInterviewRequest,
) -> ApiResult<Interview> {
    if !contacts::contact_exists(connection, user_id, request.contact_id).await? {
        return Err(ApiError::MissingReference {
            field: "contact_id",
            message: "does not name one of your contacts",
        });
    }
    let new = NewInterview {
        id: request.id.unwrap_or_else(Uuid::now_v7),
        user_id,
        contact_id: request.contact_id,
        purpose: request.purpose,
        format: request.format,
        duration_minutes: request.duration_minutes.unwrap_or(20),
        location: request.location,
        meeting_url: request.meeting_url,
    };
    Ok(repo::insert(connection, &new).await?)
}

pub async fn get(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
) -> ApiResult<Interview> {
    repo::find(connection, user_id, id)
        .await?
        .ok_or(ApiError::NotFound)
}

pub async fn list(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    filter: InterviewFilter,
    cursor: Option<&str>,
    limit: PageSize,
) -> ApiResult<Page<InterviewResponse>> {
    let limit = limit.get();
    let after = pagination::after::<InterviewCursor>(cursor)?;
    let rows = repo::list(connection, user_id, filter, after, limit).await?;
    let page = Page::from_rows(
        rows,
        limit,
        |interview| InterviewCursor {
            created_at: interview.created_at,
            id: interview.id,
        },
        |interview| interview,
    );
    Ok(Page {
        items: responses(connection, page.items).await?,
        next_cursor: page.next_cursor,
    })
}

pub async fn update(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
    if_match: &IfMatch,
    request: UpdateInterviewRequest,
) -> ApiResult<Interview> {
    let changes = InterviewChangeset {
        purpose: request.purpose.into_change(),
        notes: request.notes.into_change(),
        key_insights: request.key_insights.into_change(),
        format: request.format.into_change(),
        location: request.location.into_change(),
        meeting_url: request.meeting_url.into_change(),
        duration_minutes: request.duration_minutes.into_value(),
        ..InterviewChangeset::default()
    };
    connection
        .transaction(async |connection| {
            let current =
                if_match.current(repo::find_for_update(connection, user_id, id).await?)?;
            if changes.is_empty() {
                return Ok(current);
            }
            Ok(repo::update(connection, user_id, id, &changes).await?)
        })
        .await
}

pub async fn delete(
    connection: &mut AsyncPgConnection,
    user: &User,
    id: Uuid,
    if_match: &IfMatch,
) -> ApiResult<()> {
    connection
        .transaction(async |connection| {
            let current =
                if_match.current(repo::find_for_update(connection, user.id, id).await?)?;
            repo::delete(connection, user.id, id).await?;
            refresh_contact_segment(connection, user, current.contact_id).await
        })
        .await
}

/// An action and what came with it.
#[derive(Debug)]
pub enum ActionInput {
    Request(RequestActionBody),
    Schedule(ScheduleActionBody),
    Complete(CompleteActionBody),
    Decline,
    NoResponse,
    Cancel(CancelActionBody),
    ThankYou(ThankYouActionBody),
}

impl ActionInput {
    fn action(&self) -> Action {
        match self {
            Self::Request(_) => Action::Request,
            Self::Schedule(_) => Action::Schedule,
            Self::Complete(_) => Action::Complete,
            Self::Decline => Action::Decline,
            Self::NoResponse => Action::NoResponse,
            Self::Cancel(_) => Action::Cancel,
            Self::ThankYou(_) => Action::ThankYou,
        }
    }
}

/// The changes an action makes to `current`; the caller has checked it is
/// allowed.
fn changes_for(
    current: &Interview,
    input: ActionInput,
    now: DateTime<Utc>,
) -> ApiResult<InterviewChangeset> {
    let mut changes = InterviewChangeset {
        status: Some(input.action().target()),
        ..InterviewChangeset::default()
    };
    // The first answer after a request, whether yes or no, is the response.
    let answers_request = current.requested_at.is_some() && current.responded_at.is_none();
    match input {
        ActionInput::Request(body) => {
            let sent_at = not_in_future("sent_at", body.sent_at.unwrap_or(now))?;
            changes.requested_at = Some(Some(sent_at));
            changes.outreach_channel = Some(Some(body.channel));
            if body.message.is_some() {
                changes.outreach_message = Some(body.message);
            }
        }
        ActionInput::Schedule(body) => {
            changes.scheduled_start = Some(Some(body.scheduled_start));
            changes.duration_minutes = body.duration_minutes;
            changes.format = body.format.map(Some);
            changes.location = body.location.map(Some);
            changes.meeting_url = body.meeting_url.map(Some);
            if answers_request {
                changes.responded_at = Some(Some(now));
            }
        }
        ActionInput::Decline => {
            if answers_request {
                changes.responded_at = Some(Some(now));
            }
        }
        ActionInput::Complete(body) => {
            let completed_at = not_in_future("completed_at", body.completed_at.unwrap_or(now))?;
            changes.completed_at = Some(Some(completed_at));
            changes.notes = body.notes.map(Some);
            changes.key_insights = body.key_insights.map(Some);
            changes.may_contact_again = body.may_contact_again.map(Some);
        }
        ActionInput::NoResponse => {}
        ActionInput::Cancel(body) => {
            changes.cancel_reason = body.reason.map(Some);
        }
        ActionInput::ThankYou(body) => {
            let sent_at = not_in_future("sent_at", body.sent_at.unwrap_or(now))?;
            changes.thank_you_sent_at = Some(Some(sent_at));
        }
    }
    Ok(changes)
}

/// Performs an action if the current status allows it (409 with the
/// allowed actions otherwise), and updates the contact's segment in the
/// same transaction.
pub async fn act(
    connection: &mut AsyncPgConnection,
    user: &User,
    id: Uuid,
    input: ActionInput,
) -> ApiResult<Interview> {
    connection
        .transaction(async |connection| {
            let current = repo::find_for_update(connection, user.id, id)
                .await?
                .ok_or(ApiError::NotFound)?;
            let action = input.action();
            let status = current.status;
            let allowed = allowed_actions(status, current.thank_you_sent_at.is_some());
            if !allowed.contains(&action) {
                return Err(ApiError::InvalidTransition {
                    action: action.as_str(),
                    status: status.as_str(),
                    allowed: allowed.iter().map(|action| action.as_str()).collect(),
                });
            }
            let changes = changes_for(&current, input, Utc::now())?;
            let updated = repo::update(connection, user.id, id, &changes).await?;
            if matches!(
                action,
                Action::Request | Action::Schedule | Action::Decline | Action::NoResponse
            ) {
                refresh_contact_segment(connection, user, updated.contact_id).await?;
            }
            apply_rules(connection, user, action, &updated).await?;
            Ok(updated)
        })
        .await
}

/// The reminders and webhook events an action causes, in its transaction.
async fn apply_rules(
    connection: &mut AsyncPgConnection,
    user: &User,
    action: Action,
    interview: &Interview,
) -> ApiResult<()> {
    let facts = &interview.facts();
    match action {
        Action::Request => rules::on_request(connection, user, facts).await?,
        Action::Schedule => rules::on_schedule(connection, user, facts).await?,
        Action::Decline | Action::NoResponse => {
            rules::on_request_settled(connection, facts).await?
        }
        Action::Cancel => rules::on_cancel(connection, facts).await?,
        Action::Complete => rules::on_complete(connection, user, facts).await?,
        Action::ThankYou => rules::on_thank_you(connection, facts).await?,
    }
    let event = match action {
        Action::Schedule => EventName::InterviewScheduled,
        Action::Complete => EventName::InterviewCompleted,
        _ => return Ok(()),
    };
    let data = serde_json::to_value(response(connection, interview.clone()).await?)
        .map_err(ApiError::internal)?;
    outbox::enqueue(connection, event, &[(user.id, data)]).await?;
    Ok(())
}

/// Copies a set's questions into the interview: a snapshot that later
/// edits of the set do not touch. Questions already asked or answered stay;
/// the others are replaced.
pub async fn attach_question_set(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
    question_set_id: Uuid,
) -> ApiResult<Vec<InterviewQuestion>> {
    connection
        .transaction(async |connection| {
            repo::find_for_update(connection, user_id, id)
                .await?
                .ok_or(ApiError::NotFound)?;
            if question_sets::find_visible(connection, user_id, question_set_id)
                .await?
                .is_none()
            {
                return Err(ApiError::MissingReference {
                    field: "question_set_id",
                    message: "does not name a library set or one of yours",
                });
            }
            repo::delete_unanswered_questions(connection, user_id, id).await?;
            repo::renumber_questions(connection, user_id, id).await?;
            let kept = repo::questions_of(connection, user_id, id).await?.len() as i32;
            let copies: Vec<NewInterviewQuestion> =
                question_sets::questions_of(connection, user_id, &[question_set_id])
                    .await?
                    .into_iter()
                    .enumerate()
                    .map(|(index, question)| NewInterviewQuestion {
                        id: Uuid::now_v7(),
                        interview_id: id,
                        position: kept + index as i32 + 1,
                        text: question.text,
                        category: question.category,
                    })
                    .collect();
            repo::insert_questions(connection, &copies).await?;
            repo::update(
                connection,
                user_id,
                id,
                &InterviewChangeset {
                    question_set_id: Some(Some(question_set_id)),
                    ..InterviewChangeset::default()
                },
            )
            .await?;
            Ok(repo::questions_of(connection, user_id, id).await?)
        })
        .await
}

pub async fn questions(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
    updated_after: Option<DateTime<Utc>>,
) -> ApiResult<Vec<InterviewQuestion>> {
    get(connection, user_id, id).await?;
    Ok(match updated_after {
        Some(after) => repo::questions_changed_after(connection, user_id, id, after).await?,
        None => repo::questions_of(connection, user_id, id).await?,
    })
}

pub async fn update_question(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
    question_id: Uuid,
    changes: InterviewQuestionChangeset,
) -> ApiResult<InterviewQuestion> {
    get(connection, user_id, id).await?;
    if changes.asked.is_none() && changes.answer.is_none() {
        return repo::questions_of(connection, user_id, id)
            .await?
            .into_iter()
            .find(|question| question.id == question_id)
            .ok_or(ApiError::NotFound);
    }
    repo::update_question(connection, user_id, id, question_id, &changes)
        .await?
        .ok_or(ApiError::NotFound)
}

/// A contact the interviewee referred: introduced by them, source
/// `referral` and their employer unless the body says otherwise.
pub async fn add_referral(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    id: Uuid,
    mut request: CreateContactRequest,
) -> ApiResult<Contact> {
    let interview = get(connection, user_id, id).await?;
    let interviewee = contacts::find(connection, user_id, interview.contact_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if request
        .referred_by_contact_id
        .is_some_and(|referrer| referrer != interviewee.id)
    {
        return Err(ApiError::invalid(
            "referred_by_contact_id",
            "is the interviewee; leave it out",
        ));
    }
    request.referred_by_contact_id = Some(interviewee.id);
    request.source = request
        .source
        .or(Some(crate::contacts::dto::Source::Referral));
    request.employer_id = request.employer_id.or(interviewee.employer_id);
    let mut new = request.into_new(user_id);
    new.source_interview_id = Some(interview.id);
    crate::contacts::service::create(connection, new).await
}

/// Puts each interview's contact beside its id (`expand=contact`): one
/// batch for the page.
pub async fn expand_contacts(
    connection: &mut AsyncPgConnection,
    user_id: Uuid,
    interviews: &mut [InterviewResponse],
) -> ApiResult<()> {
    let ids: Vec<Uuid> = interviews
        .iter()
        .map(|interview| interview.contact_id)
        .collect();
    let found: std::collections::HashMap<Uuid, _> =
        crate::contacts::service::find_many(connection, user_id, &ids)
            .await?
            .into_iter()
            .map(|contact| (contact.id, contact))
            .collect();
    crate::expand::attach(interviews, &found, |interview| {
        (Some(interview.contact_id), &mut interview.contact)
    });
    Ok(())
}

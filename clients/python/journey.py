"""One user's way through the service with the generated client, against a
running service: `python journey.py http://127.0.0.1:8080`. The client
parses every answer into its model (a missing field, a wrong enum value or
an unparsable id or time fails it), and each raw body is also checked
against its schema in the committed document, so a field of the wrong type
fails the run too."""

import datetime
import json
import pathlib
import sys
import time
import uuid

import httpx
import jsonschema
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from rapport_client import AuthenticatedClient, Client
from rapport_client.api.auth import register
from rapport_client.api.calendar import create_calendar_feed
from rapport_client.api.contacts import create_contact
from rapport_client.api.employers import create_employer
from rapport_client.api.interviews import (
    attach_question_set,
    complete_interview,
    create_interview,
    get_stats,
    record_thank_you,
    request_interview,
    schedule_interview,
    update_interview_question,
)
from rapport_client.api.question_sets import list_question_sets
from rapport_client.api.reminders import list_reminders
from rapport_client.api.webhooks import create_webhook
from rapport_client.models import (
    AttachQuestionSetRequest,
    CompleteActionBody,
    ContactSource,
    CreateContactRequest,
    CreateEmployerRequest,
    CreateInterviewRequest,
    CreateWebhookRequest,
    InterviewFormat,
    NoFields,
    OutreachChannel,
    QuestionSetScope,
    RegisterRequest,
    RequestActionBody,
    ScheduleActionBody,
    SubscribableWebhookEvent,
    ThankYouActionBody,
    UpdateInterviewQuestionRequest,
)

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
DOCUMENT = json.loads(
    (pathlib.Path(__file__).parent / "../../openapi/openapi.json").read_text()
)
REGISTRY = Registry().with_resource("openapi.json", DRAFT202012.create_resource(DOCUMENT))


def checked(schema: str, answer):
    """The parsed model of a 2xx answer whose body fits `schema`."""
    if not 200 <= answer.status_code < 300 or answer.parsed is None:
        raise SystemExit(f"{schema}: {answer.status_code} {answer.content!r}")
    validator = jsonschema.Draft202012Validator(
        {"$ref": f"openapi.json#/components/schemas/{schema}"},
        registry=REGISTRY,
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )
    validator.validate(json.loads(answer.content))
    return answer.parsed


def expect(condition: bool, what: str) -> None:
    if not condition:
        raise SystemExit(f"expected {what}")


anonymous = Client(base_url=BASE)
email = f"journey-{int(time.time())}-{uuid.uuid4().hex[:8]}@example.com"
session = checked(
    "TokenResponse",
    register.sync_detailed(
        client=anonymous,
        body=RegisterRequest(
            email=email,
            password="a journey password",
            display_name="Journey",
            time_zone="Europe/Berlin",
        ),
    ),
)
client = AuthenticatedClient(base_url=BASE, token=session.access_token)

employer = checked(
    "EmployerResponse",
    create_employer.sync_detailed(
        client=client,
        body=CreateEmployerRequest(
            name="Northwind Analytics", motivation=3, posting=2, advocacy=True
        ),
    ),
)
referrer = checked(
    "ContactResponse",
    create_contact.sync_detailed(
        client=client,
        body=CreateContactRequest(
            full_name="Grace Hopper",
            company="Northwind Analytics",
            source=ContactSource.ALUMNI,
        ),
    ),
)
contact = checked(
    "ContactResponse",
    create_contact.sync_detailed(
        client=client,
        body=CreateContactRequest(
            full_name="Alan Turing",
            employer_id=employer.id,
            referred_by_contact_id=referrer.id,
            source=ContactSource.REFERRAL,
            tags=["analytics"],
        ),
    ),
)
expect(contact.referred_by_contact_id == referrer.id, "the referrer kept")

interview = checked(
    "InterviewResponse",
    create_interview.sync_detailed(
        client=client,
        body=CreateInterviewRequest(
            contact_id=contact.id,
            purpose="Learn how the analytics team works",
            duration_minutes=20,
        ),
    ),
)
checked(
    "InterviewResponse",
    request_interview.sync_detailed(
        interview.id,
        client=client,
        body=RequestActionBody(
            channel=OutreachChannel.EMAIL,
            message="Grace Hopper suggested I write to you. Could you spare 20 minutes?",
        ),
    ),
)
start = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=2)
scheduled = checked(
    "InterviewResponse",
    schedule_interview.sync_detailed(
        interview.id,
        client=client,
        body=ScheduleActionBody(
            scheduled_start=start,
            format_=InterviewFormat.VIDEO,
            meeting_url="https://meet.example.org/alan",
        ),
    ),
)
expect(scheduled.status.value == "scheduled", "a scheduled interview")

library = checked(
    "Page_QuestionSetResponse",
    list_question_sets.sync_detailed(client=client, scope=[QuestionSetScope.LIBRARY]),
)
expect(len(library.items) > 0, "a library question set")
questions = checked(
    "WholeList_InterviewQuestionResponse",
    attach_question_set.sync_detailed(
        interview.id,
        client=client,
        body=AttachQuestionSetRequest(question_set_id=library.items[0].id),
    ),
)
expect(len(questions.items) > 0, "questions attached")
answered = checked(
    "InterviewQuestionResponse",
    update_interview_question.sync_detailed(
        interview.id,
        questions.items[0].id,
        client=client,
        body=UpdateInterviewQuestionRequest(
            asked=True, answer="Mostly SQL and talking to people."
        ),
    ),
)
expect(answered.asked, "the question marked asked")

checked(
    "InterviewResponse",
    complete_interview.sync_detailed(
        interview.id,
        client=client,
        body=CompleteActionBody(
            key_insights="Learn dbt; the team hires from its meetups.",
            may_contact_again=True,
        ),
    ),
)
thanked = checked(
    "InterviewResponse",
    record_thank_you.sync_detailed(
        interview.id, client=client, body=ThankYouActionBody()
    ),
)
expect(thanked.thank_you_sent_at is not None, "the thank-you recorded")

reminders = checked(
    "Page_ReminderResponse",
    list_reminders.sync_detailed(client=client, interview_id=interview.id),
)
expect(len(reminders.items) > 0, "reminders of the interview")

stats = checked("Stats", get_stats.sync_detailed(client=client))
expect(stats.interviews_by_status.completed == 1, "one completed interview in the stats")

feed = checked(
    "CalendarFeed", create_calendar_feed.sync_detailed(client=client, body=NoFields())
)
calendar = httpx.get(feed.url)
expect(
    calendar.status_code == 200 and calendar.text.startswith("BEGIN:VCALENDAR"),
    "the calendar feed",
)

webhook = checked(
    "CreatedWebhookResponse",
    create_webhook.sync_detailed(
        client=client,
        body=CreateWebhookRequest(
            url="http://127.0.0.1:9/rapport",
            events=[
                SubscribableWebhookEvent.INTERVIEW_COMPLETED,
                SubscribableWebhookEvent.REMINDER_DUE,
            ],
        ),
    ),
)
expect(webhook.secret.startswith("whsec_"), "the webhook's secret")

print("python journey: ok")

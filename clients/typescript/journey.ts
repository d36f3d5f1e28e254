// One user's way through the service with the typed client, against a
// running service: `node dist/journey.js http://127.0.0.1:8080`. Every
// answer is also checked against its schema in the committed document, so
// a field of the wrong type fails the run, not only a wrong field name.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { createRapport, type Schemas } from "./src/index.js";

const baseUrl = process.argv[2] ?? "http://127.0.0.1:8080";
const documentPath = new URL("../../../openapi/openapi.json", import.meta.url);
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
for (const format of ["int32", "int64", "double", "float"]) {
  ajv.addFormat(format, true);
}
ajv.addSchema(JSON.parse(readFileSync(documentPath, "utf8")), "openapi.json");

function checked<T>(schema: keyof Schemas, answer: { data?: T; error?: unknown; response: Response }): T {
  if (answer.data === undefined) {
    throw new Error(`${answer.response.url}: ${answer.response.status} ${JSON.stringify(answer.error)}`);
  }
  const validate = ajv.getSchema(`openapi.json#/components/schemas/${schema}`);
  if (!validate) {
    throw new Error(`no schema ${schema}`);
  }
  if (!validate(answer.data)) {
    throw new Error(`${answer.response.url} is no ${schema}: ${ajv.errorsText(validate.errors)}`);
  }
  return answer.data;
}

function expect(condition: boolean, what: string): void {
  if (!condition) {
    throw new Error(`expected ${what}`);
  }
}

const rapport = createRapport({ baseUrl });
const { api } = rapport;
const email = `journey-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

const session = checked("TokenResponse", await api.POST("/v1/auth/register", {
  body: { email, password: "a journey password", display_name: "Journey", time_zone: "Europe/Berlin" },
}));
rapport.signIn(session);

// An access token the service refuses is renewed once with the refresh
// token, and the request sent again.
rapport.signIn({ ...session, access_token: "an-expired-token" });
const me = checked("UserResponse", await api.GET("/v1/me"));
expect(me.email === email, "the request answered after a refresh");
expect(rapport.session()?.refresh_token !== session.refresh_token, "a new session kept");

const employer = checked("EmployerResponse", await api.POST("/v1/employers", {
  body: { name: "Northwind Analytics", motivation: 3, posting: 2, advocacy: true },
}));
const referrer = checked("ContactResponse", await api.POST("/v1/contacts", {
  body: { full_name: "Grace Hopper", company: "Northwind Analytics", source: "alumni" },
}));
const contact = checked("ContactResponse", await api.POST("/v1/contacts", {
  body: {
    full_name: "Alan Turing",
    employer_id: employer.id,
    referred_by_contact_id: referrer.id,
    source: "referral",
    tags: ["analytics"],
  },
}));
expect(contact.referred_by_contact_id === referrer.id, "the referrer kept");

const planned = checked("InterviewResponse", await api.POST("/v1/interviews", {
  body: { contact_id: contact.id, purpose: "Learn how the analytics team works", duration_minutes: 20 },
}));
const byId = { params: { path: { id: planned.id } } };
checked("InterviewResponse", await api.POST("/v1/interviews/{id}/request", {
  ...byId,
  body: { channel: "email", message: "Grace Hopper suggested I write to you. Could you spare 20 minutes?" },
}));
const start = new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString();
const scheduled = checked("InterviewResponse", await api.POST("/v1/interviews/{id}/schedule", {
  ...byId,
  body: { scheduled_start: start, format: "video", meeting_url: "https://meet.example.org/alan" },
}));
expect(scheduled.status === "scheduled", "a scheduled interview");

const library = checked("Page_QuestionSetResponse", await api.GET("/v1/question-sets", {
  params: { query: { scope: ["library"] } },
}));
const set = library.items[0];
expect(set !== undefined, "a library question set");
const questions = checked("WholeList_InterviewQuestionResponse", await api.POST("/v1/interviews/{id}/question-set", {
  ...byId,
  body: { question_set_id: set!.id },
}));
const first = questions.items[0];
expect(first !== undefined, "questions attached");
const answered = checked("InterviewQuestionResponse", await api.PATCH("/v1/interviews/{id}/questions/{question_id}", {
  params: { path: { id: planned.id, question_id: first!.id } },
  body: { asked: true, answer: "Mostly SQL and talking to people." },
}));
expect(answered.asked, "the question marked asked");

checked("InterviewResponse", await api.POST("/v1/interviews/{id}/complete", {
  ...byId,
  body: { key_insights: "Learn dbt; the team hires from its meetups.", may_contact_again: true },
}));
const thanked = checked("InterviewResponse", await api.POST("/v1/interviews/{id}/thank-you", { ...byId, body: {} }));
expect(thanked.thank_you_sent_at !== null, "the thank-you recorded");

const reminders = checked("Page_ReminderResponse", await api.GET("/v1/reminders", {
  params: { query: { interview_id: planned.id } },
}));
expect(reminders.items.length > 0, "reminders of the interview");

const stats = checked("Stats", await api.GET("/v1/stats"));
expect(stats.interviews_by_status.completed === 1, "one completed interview in the stats");

const feed = checked("CalendarFeed", await api.POST("/v1/calendar/feed", { body: {} }));
const calendar = await fetch(feed.url);
expect(calendar.ok && (await calendar.text()).startsWith("BEGIN:VCALENDAR"), "the calendar feed");

const webhook = checked("CreatedWebhookResponse", await api.POST("/v1/webhooks", {
  body: { url: "http://127.0.0.1:9/rapport", events: ["interview.completed", "reminder.due"] },
}));
expect(webhook.secret.startsWith("whsec_"), "the webhook's secret");

console.log("typescript journey: ok");

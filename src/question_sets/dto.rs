//! Wire types of question sets and their questions.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::detector;
use super::models::{Question, QuestionChangeset, QuestionSet, QuestionSetChangeset};
use crate::pagination::PageSize;
use crate::patch::{self, Patch, ReadOnlyFields};

crate::stored_enum::stored_enum! {
    /// What a question is about.
    #[schema(as = QuestionCategory)]
    pub enum Category {
        DayToDay = "day_to_day",
        CareerPath = "career_path",
        Skills = "skills",
        IndustryTrends = "industry_trends",
        CompanyCulture = "company_culture",
        Advice = "advice",
        Resources = "resources",
        Referrals = "referrals",
    }
}

/// About 2.5 minutes a question, rounded up.
pub fn estimated_minutes(questions: usize) -> i64 {
    (questions as i64 * 5 + 1) / 2
}

/// A question of a set.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct QuestionResponse {
    pub id: Uuid,
    /// 1 for the first question.
    pub position: i32,
    pub text: String,
    pub category: Category,
    /// False for a yes/no question.
    pub open_ended: bool,
    /// For a yes/no question, an open rewording ("What do you like most
    /// about your job?") or, when none fits, an instruction to reword it;
    /// `null` for open questions.
    pub hint: Option<String>,
}

impl From<Question> for QuestionResponse {
    fn from(question: Question) -> Self {
        Self {
            id: question.id,
            position: question.position,
            open_ended: detector::is_open_ended(&question.text),
            hint: detector::hint(&question.text),
            category: question.category,
            text: question.text,
        }
    }
}

/// A set of questions, in order.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct QuestionSetResponse {
    pub id: Uuid,
    pub title: String,
    pub description: Option<String>,
    /// True for the built-in library, which nobody can change.
    pub builtin: bool,
    pub questions: Vec<QuestionResponse>,
    /// About 2.5 minutes a question, rounded up.
    pub estimated_minutes: i64,
    pub version: i32,
    #[serde(serialize_with = "crate::timestamp::serialize")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::timestamp::serialize")]
    pub updated_at: DateTime<Utc>,
}

crate::preconditions::versioned!(QuestionSetResponse);

impl QuestionSetResponse {
    pub fn new(set: QuestionSet, questions: Vec<Question>) -> Self {
        Self {
            id: set.id,
            title: set.title,
            description: set.description,
            builtin: set.builtin,
            estimated_minutes: estimated_minutes(questions.len()),
            questions: questions.into_iter().map(QuestionResponse::from).collect(),
            version: set.version,
            created_at: set.created_at,
            updated_at: set.updated_at,
        }
    }
}

/// A question to add.
#[derive(Debug, Clone, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateQuestionRequest {
    /// Chosen by the client, so that one working offline can name what it
    /// creates before it syncs; made by the service when left out. An id
    /// in use, by anyone, is a 409 `conflict`.
    #[garde(skip)]
    pub id: Option<Uuid>,
    #[garde(length(chars, min = 1, max = 500))]
    #[schema(
        min_length = 1,
        max_length = 500,
        example = "How did you get started in this field?"
    )]
    pub text: String,
    #[garde(skip)]
    pub category: Category,
}

/// `POST /v1/question-sets`.
#[derive(Debug, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct CreateQuestionSetRequest {
    /// Chosen by the client, so that one working offline can name what it
    /// creates before it syncs; made by the service when left out. An id
    /// in use, by anyone, is a 409 `conflict`.
    #[garde(skip)]
    pub id: Option<Uuid>,
    #[garde(length(chars, min = 1, max = 200))]
    #[schema(
        min_length = 1,
        max_length = 200,
        example = "Product management, first calls"
    )]
    pub title: String,
    #[garde(inner(length(chars, max = 2000)))]
    #[schema(max_length = 2000)]
    pub description: Option<String>,
    /// At most 100.
    #[garde(length(max = 100), dive)]
    #[schema(max_items = 100)]
    pub questions: Option<Vec<CreateQuestionRequest>>,
}

/// A JSON merge patch of a set's title and description.
#[derive(Debug, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct UpdateQuestionSetRequest {
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = String, min_length = 1, max_length = 200)]
    #[garde(custom(patch::not_null), inner(length(chars, min = 1, max = 200)))]
    pub title: Patch<String>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Option<String>, max_length = 2000)]
    #[garde(inner(length(chars, max = 2000)))]
    pub description: Patch<String>,
}

impl UpdateQuestionSetRequest {
    pub fn into_changeset(self) -> QuestionSetChangeset {
        QuestionSetChangeset {
            title: self.title.into_value(),
            description: self.description.into_change(),
        }
    }
}

impl ReadOnlyFields for UpdateQuestionSetRequest {
    const READ_ONLY: &'static [&'static str] = &[
        "id",
        "version",
        "builtin",
        "questions",
        "estimated_minutes",
        "created_at",
        "updated_at",
    ];
}

/// A JSON merge patch of a question.
#[derive(Debug, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct UpdateQuestionRequest {
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = String, min_length = 1, max_length = 500)]
    #[garde(custom(patch::not_null), inner(length(chars, min = 1, max = 500)))]
    pub text: Patch<String>,
    #[serde(default, deserialize_with = "patch::deserialize")]
    #[schema(value_type = Category)]
    #[garde(custom(patch::not_null))]
    pub category: Patch<Category>,
}

impl UpdateQuestionRequest {
    pub fn into_changeset(self) -> QuestionChangeset {
        QuestionChangeset {
            text: self.text.into_value(),
            category: self.category.into_value(),
        }
    }
}

impl ReadOnlyFields for UpdateQuestionRequest {
    const READ_ONLY: &'static [&'static str] = &["id", "position", "open_ended", "hint"];
}

/// `PUT /v1/question-sets/{id}/questions/order`: every question of the set,
/// each once, in the new order.
#[derive(Debug, Deserialize, ToSchema, garde::Validate)]
#[serde(deny_unknown_fields)]
pub struct ReorderRequest {
    #[garde(length(max = 100))]
    #[schema(max_items = 100)]
    pub question_ids: Vec<Uuid>,
}

/// Which sets a list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = QuestionSetScope)]
pub enum Scope {
    /// The library and the user's own sets.
    #[default]
    All,
    Library,
    Mine,
}

impl Scope {
    /// What a list of scopes names together; none is `all`.
    pub fn of(scopes: Option<&[Scope]>) -> Scope {
        let scopes = scopes.unwrap_or_default();
        let library = scopes.contains(&Scope::Library);
        let mine = scopes.contains(&Scope::Mine);
        match (library, mine) {
            _ if scopes.is_empty() || scopes.contains(&Scope::All) => Scope::All,
            (true, false) => Scope::Library,
            (false, true) => Scope::Mine,
            _ => Scope::All,
        }
    }
}

/// Query parameters of `GET /v1/question-sets`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct QuestionSetListQuery {
    /// `all` (the default), `library` or `mine`; several (comma-separated,
    /// or the key repeated) list what each names.
    #[param(style = Form, explode = false, min_items = 1)]
    #[serde(default, deserialize_with = "crate::extract::list")]
    pub scope: Option<Vec<Scope>>,
    /// Only sets changed after this time (`updated_at`, strictly after):
    /// what a client that polls has not seen.
    pub updated_after: Option<DateTime<Utc>>,
    /// Items per page, 1 to 100 (default 25).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 100)]
    #[serde(default)]
    pub limit: PageSize,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

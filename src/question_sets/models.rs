//! Diesel rows of `question_sets` and `questions`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use uuid::Uuid;

use super::dto::Category;
use crate::schema::{question_sets, questions};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = question_sets, check_for_backend(diesel::pg::Pg))]
pub struct QuestionSet {
    pub id: Uuid,
    pub user_id: Option<Uuid>,
    pub title: String,
    pub description: Option<String>,
    pub builtin: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = question_sets)]
// NULL for `None`, not DEFAULT: see `NewContact`.
#[diesel(treat_none_as_default_value = false)]
pub struct NewQuestionSet {
    pub id: Uuid,
    pub user_id: Option<Uuid>,
    pub title: String,
    pub description: Option<String>,
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = question_sets)]
pub struct QuestionSetChangeset {
    pub title: Option<String>,
    pub description: Option<Option<String>>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = questions, check_for_backend(diesel::pg::Pg))]
pub struct Question {
    pub id: Uuid,
    pub question_set_id: Uuid,
    pub position: i32,
    pub text: String,
    pub category: Category,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = questions)]
pub struct NewQuestion {
    pub id: Uuid,
    pub question_set_id: Uuid,
    pub position: i32,
    pub text: String,
    pub category: Category,
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = questions)]
pub struct QuestionChangeset {
    pub text: Option<String>,
    pub category: Option<Category>,
}

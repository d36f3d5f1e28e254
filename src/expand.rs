//! `expand` (DESIGN §9): a linked resource's wire form beside its id, so a
//! client shows an interview with its contact in one request. Without
//! `expand` the key is absent; with it, the object or `null` when there is
//! no link.

use std::collections::HashMap;

use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// What an interview or a reminder read can expand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ContactExpansion {
    /// The contact, beside `contact_id`.
    Contact,
}

/// What a contact read can expand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EmployerExpansion {
    /// The employer, beside `employer_id`.
    Employer,
}

/// The query of an interview or a reminder read.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ExpandContactQuery {
    /// `contact`: the contact's wire form (or null) beside `contact_id`.
    #[param(style = Form, explode = false, min_items = 1)]
    #[serde(default, deserialize_with = "crate::extract::list")]
    pub expand: Option<Vec<ContactExpansion>>,
}

/// The query of a contact read.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ExpandEmployerQuery {
    /// `employer`: the employer's wire form (or null) beside `employer_id`.
    #[param(style = Form, explode = false, min_items = 1)]
    #[serde(default, deserialize_with = "crate::extract::list")]
    pub expand: Option<Vec<EmployerExpansion>>,
}

/// Whether a list of expansions names `wanted`.
pub fn names<T: PartialEq>(expand: &Option<Vec<T>>, wanted: T) -> bool {
    expand.as_ref().is_some_and(|list| list.contains(&wanted))
}

/// Puts the linked resource `found` for each item beside its id: the
/// object, or `null` when the item links none.
pub fn attach<T, L: Clone>(
    items: &mut [T],
    found: &HashMap<Uuid, L>,
    link: impl Fn(&mut T) -> (Option<Uuid>, &mut Option<Option<L>>),
) {
    for item in items {
        let (id, slot) = link(item);
        *slot = Some(id.and_then(|id| found.get(&id).cloned()));
    }
}

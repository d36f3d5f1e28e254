//! JSON merge patch (RFC 7396) fields: an absent field stays as it is,
//! `null` clears it, a value replaces it.

use serde::{Deserialize, Deserializer};

/// One field of a merge patch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Patch<T> {
    /// The field was not in the body: leave the column alone.
    #[default]
    Absent,
    /// The field was `null`: clear the column.
    Null,
    /// The field has a value: store it.
    Value(T),
}

impl<T> Patch<T> {
    /// The change for a diesel changeset: `None` skips the column,
    /// `Some(None)` writes NULL.
    pub fn into_change(self) -> Option<Option<T>> {
        match self {
            Self::Absent => None,
            Self::Null => Some(None),
            Self::Value(value) => Some(Some(value)),
        }
    }

    /// The new value of a field that cannot be cleared: `None` leaves the
    /// column alone. `Null` must have been refused by [`not_null`] first.
    pub fn into_value(self) -> Option<T> {
        match self {
            Self::Value(value) => Some(value),
            Self::Absent | Self::Null => None,
        }
    }

    pub fn is_absent(&self) -> bool {
        matches!(self, Self::Absent)
    }
}

/// `#[garde(custom(patch::not_null))]` for a field that may be changed but
/// not cleared.
pub fn not_null<T>(value: &Patch<T>, _context: &()) -> garde::Result {
    match value {
        Patch::Null => Err(garde::Error::new(
            "cannot be null; leave the field out to keep it",
        )),
        _ => Ok(()),
    }
}

/// Use with `#[serde(default, deserialize_with = "patch::deserialize")]`:
/// serde calls it only for a field that is present, so `Absent` comes from
/// the default.
pub fn deserialize<'de, D, T>(deserializer: D) -> Result<Patch<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(|value| match value {
        Some(value) => Patch::Value(value),
        None => Patch::Null,
    })
}

/// The body of a merge patch: `READ_ONLY` names the fields its resource
/// shows but a patch cannot change (ids, versions, timestamps, derived
/// values, what only an action moves). [`crate::extract::MergePatch`]
/// refuses each of them as read-only; any other field the body does not
/// declare is refused as unknown.
pub trait ReadOnlyFields {
    const READ_ONLY: &'static [&'static str];
}

/// `#[garde(inner(...))]` validates the value of a patch field, if any.
impl<T> garde::rules::inner::Inner<T> for Patch<T> {
    type Key = garde::error::NoKey;

    fn validate_inner<F>(&self, mut f: F)
    where
        F: FnMut(&T, &Self::Key),
    {
        if let Self::Value(value) = self {
            f(value, &garde::error::NoKey::default())
        }
    }
}

//! Diesel rows of the `users` table that only the profile changes (the
//! account itself, [`crate::auth::models::User`], belongs to sign-in).

use diesel::prelude::*;

use crate::schema::users;

/// The profile fields a user may change; `None` leaves a column as it is.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = users)]
pub struct UserChangeset {
    pub display_name: Option<String>,
    pub time_zone: Option<String>,
    pub target_field: Option<Option<String>>,
}

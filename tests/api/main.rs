//! The API test suite: the real application over HTTP against a real
//! PostgreSQL, one fresh database per test.

mod helpers;

mod accounts;
mod contacts;
mod contacts_files;
mod contacts_search;
mod database;
mod deprecation;
mod employers;
mod expand;
mod field_limits;
mod http;
mod interviews;
mod isolation;
mod jwt;
mod language;
pub mod limits;
mod list_filters;
mod offline;
mod operations;
mod question_sets;
mod reminders;
mod representation;
mod sessions;
mod snapshots_of_bodies;
mod sync;
mod webhooks;

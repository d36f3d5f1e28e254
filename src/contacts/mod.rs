//! Contacts: the professionals a user may talk to, and who referred whom.

pub mod dto;
pub mod export;
pub mod handlers;
pub mod import;
pub mod models;
pub mod outreach;
pub mod repo;
pub mod search;
pub mod segment;
pub mod service;
pub mod spreadsheet;

pub use handlers::configure;

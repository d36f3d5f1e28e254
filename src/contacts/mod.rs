//! Contacts: the professionals a user may talk to, and who referred whom.

pub mod dto;
pub mod handlers;
pub mod import;
pub mod models;
pub mod outreach;
pub mod repo;
pub mod search;
pub mod segment;
pub mod service;

pub use handlers::configure;

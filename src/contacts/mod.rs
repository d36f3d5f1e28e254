//! Contacts: the professionals a user may talk to, and who referred whom.

pub mod dto;
pub mod export;
pub mod handlers;
pub mod import;
pub mod models;
pub mod repo;
pub mod scripts;
pub mod search;
pub mod segment;
pub mod service;
pub mod spreadsheet;

pub use handlers::configure;

//! Reminders: made by hand or by the rules of the method, dispatched when
//! due.

pub mod dispatcher;
pub mod dto;
pub mod handlers;
pub mod models;
pub mod repo;
pub mod rules;
pub mod service;

pub use handlers::configure;

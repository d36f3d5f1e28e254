//! Action items: what the user will do after an interview, with optional
//! due times.

pub mod dto;
pub mod handlers;
pub mod models;
pub mod repo;
pub mod service;

pub use handlers::configure;

//! Question sets: the built-in library everyone reads, and the user's own.

pub mod detector;
pub mod dto;
pub mod handlers;
pub mod models;
pub mod repo;
pub mod service;

pub use handlers::configure;

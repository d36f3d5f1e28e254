//! The signed-in user's own account: `/v1/me`.

pub mod dto;
pub mod handlers;
pub mod models;
pub mod repo;
pub mod service;

pub use handlers::configure;

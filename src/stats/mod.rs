//! `GET /v1/stats`: how the job seeker's outreach is going.

pub mod dto;
pub mod handlers;
pub mod repo;
pub mod service;

pub use handlers::configure;

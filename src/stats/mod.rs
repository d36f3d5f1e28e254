//! `GET /v1/stats`: how the job seeker's outreach is going.

pub mod handlers;
pub mod repo;

pub use handlers::configure;

//! `POST /v1/outreach/check`: how an outreach message fares against the
//! method — short, a question, no request for a job, the referrer early.

pub mod check;
pub mod handlers;

pub use handlers::configure;

//! Interviews: one informational interview with one contact, through its
//! life, with its questions and the referrals it brought.

pub mod dto;
pub mod handlers;
pub mod models;
pub mod repo;
pub mod service;
pub mod transitions;
pub mod warnings;

pub use handlers::configure;

//! The calendar feed: a secret URL serving scheduled interviews and pending
//! reminders as RFC 5545 iCalendar, for calendars that cannot send a token.

pub mod dto;
pub mod feed;
pub mod handlers;
pub mod repo;
pub mod service;

pub use handlers::configure;

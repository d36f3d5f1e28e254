//! Registration, sign-in, tokens and the bearer-token extractor.

pub mod dto;
pub mod extractor;
pub mod handlers;
pub mod jwt;
pub mod models;
pub mod password;
pub mod rate_limit;
pub mod repo;
pub mod service;

pub use extractor::Caller;
pub use handlers::configure;

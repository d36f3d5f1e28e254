//! Employers: the job seeker's target list, ranked the LAMP way.

pub mod dto;
pub mod handlers;
pub mod models;
pub mod repo;
pub mod service;

pub use handlers::configure;

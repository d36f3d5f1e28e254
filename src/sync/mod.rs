//! Sync (DESIGN §9): a change log kept by triggers, read in pages between
//! two snapshots, so an offline client catches up with one call per page.

pub mod dto;
pub mod handlers;
pub mod jobs;
pub mod repo;
pub mod service;
pub mod token;

pub use handlers::configure;

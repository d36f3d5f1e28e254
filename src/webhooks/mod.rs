//! Webhooks: endpoints a user registers, the outbox of deliveries written
//! with each event, and the workers that send them (Standard Webhooks).

pub mod delivery;
pub mod dto;
pub mod handlers;
pub mod models;
pub mod outbox;
pub mod policy;
pub mod repo;
pub mod service;

pub use handlers::configure;

//! Rapport: a JSON REST API for running informational interviews.

pub mod action_items;
pub mod auth;
pub mod business_days;
pub mod config;
pub mod contacts;
pub mod db;
pub mod employers;
pub mod error;
pub mod extract;
pub mod health;
pub mod http;
pub mod interviews;
pub mod metrics;
pub mod openapi;
pub mod outreach;
pub mod pagination;
pub mod patch;
pub mod preconditions;
pub mod question_sets;
pub mod schema;
pub mod sql;
pub mod startup;
pub mod stats;
pub mod telemetry;
pub mod users;
pub mod validation;

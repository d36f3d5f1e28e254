//! The API test suite: the real application over HTTP against a real
//! PostgreSQL, one fresh database per test.

mod helpers;

mod accounts;
mod database;
mod http;
mod jwt;
mod operations;
mod sessions;

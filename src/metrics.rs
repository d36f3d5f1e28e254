//! Prometheus metrics: requests and latency by route and status, and the
//! state of the database pool.

use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounterVec, IntGaugeVec, Opts, Registry, TextEncoder,
};

/// How contact searches are taking their turns right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchTurns {
    pub max: usize,
    pub in_use: usize,
    pub waiting: usize,
}

/// The service's metrics, registered once and shared by every worker.
pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    pool: IntGaugeVec,
    search_turns: IntGaugeVec,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let registry = Registry::new_custom(Some("rapport".to_owned()), None)
            .expect("a static prefix is valid");
        let requests = IntCounterVec::new(
            Opts::new(
                "http_requests_total",
                "HTTP requests answered, by route and status",
            ),
            &["method", "route", "status"],
        )
        .expect("static metric definition");
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "http_request_duration_seconds",
                "Time to answer an HTTP request, by route and status",
            )
            .buckets(vec![
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
            ]),
            &["method", "route", "status"],
        )
        .expect("static metric definition");
        let pool = IntGaugeVec::new(
            Opts::new("db_pool_connections", "Database pool connections by state"),
            &["state"],
        )
        .expect("static metric definition");
        let search_turns = IntGaugeVec::new(
            Opts::new(
                "contact_search_turns",
                "Contact searches by state: turns there are, in use, waiting for one",
            ),
            &["state"],
        )
        .expect("static metric definition");
        for collector in [
            Box::new(requests.clone()) as Box<dyn prometheus::core::Collector>,
            Box::new(latency.clone()),
            Box::new(pool.clone()),
            Box::new(search_turns.clone()),
        ] {
            registry
                .register(collector)
                .expect("each metric is registered once");
        }
        Self {
            registry,
            requests,
            latency,
            pool,
            search_turns,
        }
    }

    /// Records one answered request. `route` is the matched pattern (or
    /// `unmatched`), never the raw path, and a method nobody standardised
    /// is `other`: whatever clients send, the label sets stay few and hold
    /// no ids or tokens.
    pub fn observe(
        &self,
        method: &actix_web::http::Method,
        route: &str,
        status: u16,
        seconds: f64,
    ) {
        let status = status.to_string();
        let labels = [method_label(method), route, status.as_str()];
        self.requests.with_label_values(&labels).inc();
        self.latency.with_label_values(&labels).observe(seconds);
    }

    /// The text exposition, with the pool and search gauges read now.
    pub fn render(&self, pool: &crate::db::Pool, turns: SearchTurns) -> String {
        let status = pool.status();
        let in_use = status.size.saturating_sub(status.available);
        set_by_state(
            &self.pool,
            [
                ("max", status.max_size),
                ("open", status.size),
                ("idle", status.available),
                ("in_use", in_use),
                ("waiting", status.waiting),
            ],
        );
        set_by_state(
            &self.search_turns,
            [
                ("max", turns.max),
                ("in_use", turns.in_use),
                ("waiting", turns.waiting),
            ],
        );
        let mut buffer = Vec::new();
        let encoded = TextEncoder::new().encode(&self.registry.gather(), &mut buffer);
        if let Err(error) = encoded {
            tracing::error!(%error, "metrics could not be encoded");
        }
        String::from_utf8(buffer).unwrap_or_default()
    }
}

/// The method as a metric label: one of the methods HTTP defines, or `other`.
fn method_label(method: &actix_web::http::Method) -> &'static str {
    use actix_web::http::Method;
    const STANDARD: [(Method, &str); 9] = [
        (Method::GET, "GET"),
        (Method::HEAD, "HEAD"),
        (Method::POST, "POST"),
        (Method::PUT, "PUT"),
        (Method::PATCH, "PATCH"),
        (Method::DELETE, "DELETE"),
        (Method::OPTIONS, "OPTIONS"),
        (Method::TRACE, "TRACE"),
        (Method::CONNECT, "CONNECT"),
    ];
    STANDARD
        .iter()
        .find(|(standard, _)| standard == method)
        .map_or("other", |(_, label)| label)
}

fn set_by_state<const N: usize>(gauges: &IntGaugeVec, values: [(&str, usize); N]) {
    for (state, value) in values {
        gauges
            .with_label_values(&[state])
            .set(i64::try_from(value).unwrap_or(i64::MAX));
    }
}

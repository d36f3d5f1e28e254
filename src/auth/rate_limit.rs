//! Rate limits: a token bucket per key whose burst equals its per-minute
//! figure, for register and login (per client address), password changes
//! (per user) and webhook pings (per webhook). The buckets are rows of
//! `rate_buckets`, spent by `rapport_spend` (DESIGN §11): every replica
//! spends the one budget of the deployment, not a budget of its own.

use std::fmt::Display;
use std::net::{IpAddr, Ipv4Addr};

use actix_web::HttpRequest;
use diesel::QueryableByName;
use diesel::sql_types::{Bool, Double, Nullable, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::db::Pool;
use crate::error::{ApiError, ApiResult};

/// A budget of attempts a minute for each key of one kind, named by the
/// prefix of its keys.
pub struct PerMinute {
    kind: &'static str,
    burst: f64,
}

/// What spending one attempt found.
#[derive(Debug, QueryableByName)]
pub struct Spent {
    #[diesel(sql_type = Bool)]
    pub allowed: bool,
    /// Attempts left, fractions included.
    #[diesel(sql_type = Double)]
    pub remaining: f64,
    /// Seconds until the next attempt is allowed (0 when this one was).
    #[diesel(sql_type = Nullable<Double>)]
    pub retry_after: Option<f64>,
}

impl PerMinute {
    pub fn new(kind: &'static str, per_minute: u32) -> Self {
        Self {
            kind,
            burst: f64::from(per_minute.max(1)),
        }
    }

    /// Spends one attempt of `key`'s budget, or answers 429 with the
    /// seconds until the next attempt is allowed.
    pub async fn check(
        &self,
        connection: &mut AsyncPgConnection,
        key: impl Display,
    ) -> ApiResult<()> {
        let spent: Spent = diesel::sql_query(
            "SELECT allowed, remaining, retry_after FROM rapport_spend($1, $2, $3)",
        )
        .bind::<Text, _>(format!("{}:{key}", self.kind))
        .bind::<Double, _>(self.burst)
        .bind::<Double, _>(self.burst / 60.0)
        .get_result(connection)
        .await?;
        if spent.allowed {
            return Ok(());
        }
        let wait = spent.retry_after.unwrap_or(60.0);
        Err(ApiError::RateLimited {
            // Whole seconds, rounded up: a client that waits as told is let in.
            retry_after_secs: wait.ceil().max(1.0) as u64,
        })
    }
}

/// Password changes a user may attempt a minute (DESIGN §8).
pub const PASSWORD_CHANGES_PER_MINUTE: u32 = 5;
/// Pings one webhook may be sent a minute (DESIGN §8).
pub const PINGS_PER_MINUTE: u32 = 10;

/// Every budget of the deployment.
pub struct Budgets {
    /// Register and login, by client address.
    pub sign_in: AuthRateLimiter,
    /// `POST /v1/me/password`, by user.
    pub password_changes: PerMinute,
    /// `POST /v1/webhooks/{id}/ping`, by webhook.
    pub pings: PerMinute,
}

impl Budgets {
    pub fn new(sign_in_per_minute: u32, trusted_proxies: Vec<IpAddr>) -> Self {
        Self {
            sign_in: AuthRateLimiter::new(sign_in_per_minute, trusted_proxies),
            password_changes: PerMinute::new("password", PASSWORD_CHANGES_PER_MINUTE),
            pings: PerMinute::new("ping", PINGS_PER_MINUTE),
        }
    }
}

/// Deletes the buckets that are full again (or whose window ended): one
/// missing is one full. Returns how many went.
pub async fn forget_full(pool: &Pool) -> ApiResult<usize> {
    let mut connection = pool.get().await?;
    Ok(
        diesel::sql_query("DELETE FROM rate_buckets WHERE forget_at < clock_timestamp()")
            .execute(&mut connection)
            .await?,
    )
}

/// The budget shared by register and login, per client address.
pub struct AuthRateLimiter {
    limiter: PerMinute,
    trusted_proxies: Vec<IpAddr>,
}

impl AuthRateLimiter {
    pub fn new(per_minute: u32, trusted_proxies: Vec<IpAddr>) -> Self {
        Self {
            limiter: PerMinute::new("sign_in", per_minute),
            trusted_proxies,
        }
    }

    /// Spends one attempt of the caller's budget, or answers 429 with the
    /// seconds until the next attempt is allowed.
    pub async fn check(
        &self,
        connection: &mut AsyncPgConnection,
        request: &HttpRequest,
    ) -> ApiResult<()> {
        let address = rate_limit_key(client_address(request, &self.trusted_proxies));
        self.limiter.check(connection, address).await
    }
}

/// The key a client's budget is kept under: an IPv4 address, or the /64
/// of an IPv6 one (a single host is usually given a whole /64, so keying
/// by the full address would give it billions of budgets). IPv4-mapped
/// IPv6 addresses count as their IPv4 address.
pub fn rate_limit_key(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(_) => address,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let prefix = u128::from(v6) & !((1u128 << 64) - 1);
                IpAddr::V6(std::net::Ipv6Addr::from(prefix))
            }
        },
    }
}

/// The address a request comes from. `X-Forwarded-For` is believed only
/// when the TCP peer is a configured proxy, and then the right-most hop that
/// is not itself a trusted proxy is the client.
pub fn client_address(request: &HttpRequest, trusted_proxies: &[IpAddr]) -> IpAddr {
    let peer = request
        .peer_addr()
        .map(|address| address.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    if !trusted_proxies.contains(&peer) {
        return peer;
    }
    let hops: Vec<IpAddr> = request
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .filter_map(|hop| hop.trim().parse().ok())
        .collect();
    hops.into_iter()
        .rev()
        .find(|hop| !trusted_proxies.contains(hop))
        .unwrap_or(peer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    #[test]
    fn forwarded_for_is_believed_only_from_a_trusted_proxy() {
        let proxy: IpAddr = "10.0.0.1".parse().expect("ip");
        let request = TestRequest::default()
            .peer_addr("10.0.0.1:4000".parse().expect("addr"))
            .insert_header(("X-Forwarded-For", "203.0.113.9, 10.0.0.1"))
            .to_http_request();
        assert_eq!(
            client_address(&request, &[proxy]).to_string(),
            "203.0.113.9"
        );
        assert_eq!(client_address(&request, &[]).to_string(), "10.0.0.1");
    }

    #[test]
    fn ipv6_clients_share_a_budget_per_64_and_mapped_addresses_count_as_ipv4() {
        let key = |text: &str| rate_limit_key(text.parse().expect("ip")).to_string();
        assert_eq!(key("2001:db8:1:2:aaaa::1"), key("2001:db8:1:2:ffff:1:2:3"));
        assert_ne!(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"));
        assert_eq!(key("::ffff:192.0.2.7"), "192.0.2.7");
        assert_eq!(key("192.0.2.7"), "192.0.2.7");
    }
}

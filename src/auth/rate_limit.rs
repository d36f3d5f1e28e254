//! Rate limits: a token bucket per key whose burst equals its per-minute
//! figure, for register and login (per client address), password changes
//! (per user) and webhook pings (per webhook).

use std::hash::Hash;
use std::net::{IpAddr, Ipv4Addr};
use std::num::NonZeroU32;

use actix_web::HttpRequest;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use uuid::Uuid;

use crate::error::ApiError;

/// A budget of attempts a minute for each key. One instance is shared by
/// every worker of the process.
pub struct PerMinute<K: Hash + Eq + Clone> {
    limiter: DefaultKeyedRateLimiter<K>,
}

impl<K: Hash + Eq + Clone> PerMinute<K> {
    pub fn new(per_minute: u32) -> Self {
        let per_minute = NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN);
        Self {
            limiter: RateLimiter::keyed(Quota::per_minute(per_minute)),
        }
    }

    /// Spends one attempt of `key`'s budget, or answers 429 with the
    /// seconds until the next attempt is allowed.
    pub fn check(&self, key: &K) -> Result<(), ApiError> {
        self.limiter.check_key(key).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            ApiError::RateLimited {
                retry_after_secs: wait.as_secs() + u64::from(wait.subsec_nanos() > 0),
            }
        })
    }

    /// Forgets keys whose buckets are full again, so memory stays bounded.
    pub fn prune(&self) {
        self.limiter.retain_recent();
        self.limiter.shrink_to_fit();
    }
}

/// Password changes a user may attempt a minute (DESIGN §8).
pub const PASSWORD_CHANGES_PER_MINUTE: u32 = 5;
/// Pings one webhook may be sent a minute (DESIGN §8).
pub const PINGS_PER_MINUTE: u32 = 10;

/// Every budget of the process, pruned together once a minute.
pub struct Budgets {
    /// Register and login, by client address.
    pub sign_in: AuthRateLimiter,
    /// `POST /v1/me/password`, by user.
    pub password_changes: PerMinute<Uuid>,
    /// `POST /v1/webhooks/{id}/ping`, by webhook.
    pub pings: PerMinute<Uuid>,
}

impl Budgets {
    pub fn new(sign_in_per_minute: u32, trusted_proxies: Vec<IpAddr>) -> Self {
        Self {
            sign_in: AuthRateLimiter::new(sign_in_per_minute, trusted_proxies),
            password_changes: PerMinute::new(PASSWORD_CHANGES_PER_MINUTE),
            pings: PerMinute::new(PINGS_PER_MINUTE),
        }
    }

    pub fn prune(&self) {
        self.sign_in.limiter.prune();
        self.password_changes.prune();
        self.pings.prune();
    }
}

/// The budget shared by register and login, per client address.
pub struct AuthRateLimiter {
    limiter: PerMinute<IpAddr>,
    trusted_proxies: Vec<IpAddr>,
}

impl AuthRateLimiter {
    pub fn new(per_minute: u32, trusted_proxies: Vec<IpAddr>) -> Self {
        Self {
            limiter: PerMinute::new(per_minute),
            trusted_proxies,
        }
    }

    /// Spends one attempt of the caller's budget, or answers 429 with the
    /// seconds until the next attempt is allowed.
    pub fn check(&self, request: &HttpRequest) -> Result<(), ApiError> {
        let address = rate_limit_key(client_address(request, &self.trusted_proxies));
        self.limiter.check(&address)
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

        let limiter = AuthRateLimiter::new(2, vec![]);
        let from = |address: &str| {
            TestRequest::default()
                .peer_addr(address.parse().expect("addr"))
                .to_http_request()
        };
        assert!(limiter.check(&from("[2001:db8::1]:1")).is_ok());
        assert!(limiter.check(&from("[2001:db8::2]:1")).is_ok());
        assert!(limiter.check(&from("[2001:db8::ffff:3]:1")).is_err());
        assert!(limiter.check(&from("[2001:db8:0:1::1]:1")).is_ok());
    }

    #[test]
    fn the_budget_runs_out_and_says_when_to_retry() {
        let limiter = AuthRateLimiter::new(2, vec![]);
        let request = TestRequest::default()
            .peer_addr("192.0.2.1:1".parse().expect("addr"))
            .to_http_request();
        assert!(limiter.check(&request).is_ok());
        assert!(limiter.check(&request).is_ok());
        match limiter.check(&request) {
            Err(ApiError::RateLimited { retry_after_secs }) => {
                assert!((1..=30).contains(&retry_after_secs))
            }
            other => panic!("expected 429, got {other:?}"),
        }
    }
}

//! Where webhooks may point: http or https, and — unless the configuration
//! allows it — nowhere that resolves to a loopback, private, link-local or
//! unspecified address, checked at registration, again at delivery, and by
//! the delivery client's resolver on the very addresses it connects to.

use std::net::{IpAddr, SocketAddr};

use reqwest::Url;

/// The form a webhook URL takes: http or https, a host name (its last label
/// starting with a letter) or an IPv4 address, an optional port and path.
/// The OpenAPI document repeats it (a test keeps the two equal).
pub const URL_PATTERN: &str = r"^https?://((([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z]([A-Za-z0-9-]*[A-Za-z0-9])?)|((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9]))(:([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?(/[A-Za-z0-9._~/-]*)?$";

/// [`URL_PATTERN`], compiled once, for `#[garde(pattern(...))]`.
pub static URL_FORM: std::sync::LazyLock<garde::rules::pattern::regex::Regex> =
    std::sync::LazyLock::new(|| {
        garde::rules::pattern::regex::Regex::new(URL_PATTERN).expect("the URL pattern compiles")
    });

/// Whether an address is one a webhook must not reach.
pub fn is_internal(address: IpAddr) -> bool {
    match address {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || (a == 100 && (64..128).contains(&b)) // shared address space
                || a == 0
        }
        IpAddr::V6(v6) => {
            let first = v6.segments()[0];
            v6.is_loopback()
                || v6.is_unspecified()
                || (first & 0xfe00) == 0xfc00 // unique local
                || (first & 0xffc0) == 0xfe80 // link-local
                || v6.to_ipv4_mapped().is_some_and(|v4| is_internal(IpAddr::V4(v4)))
        }
    }
}

/// Why a URL is refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum UrlRefused {
    #[error("is not a valid absolute URL")]
    Malformed,
    #[error("must use http or https")]
    Scheme,
    #[error("does not resolve to an address")]
    Unresolvable,
    #[error("resolves to a loopback, private, link-local or unspecified address")]
    Internal,
}

/// Parses and checks a webhook URL without looking its host up: the form,
/// the scheme and, unless `allow_private`, an address written in the URL.
/// Before a delivery this is all that is needed, since the delivery
/// client's [`CheckedResolver`] checks the addresses of a host name as it
/// connects.
pub fn check_without_lookup(url: &str, allow_private: bool) -> Result<Url, UrlRefused> {
    let parsed = Url::parse(url).map_err(|_| UrlRefused::Malformed)?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(UrlRefused::Scheme);
    }
    let host = parsed.host_str().ok_or(UrlRefused::Malformed)?;
    if !allow_private && written_address(host).is_some_and(is_internal) {
        return Err(UrlRefused::Internal);
    }
    Ok(parsed)
}

/// The address when the URL's host is written as one (`[…]` for IPv6).
fn written_address(host: &str) -> Option<IpAddr> {
    host.trim_start_matches('[')
        .trim_end_matches(']')
        .parse()
        .ok()
}

/// Parses and checks a webhook URL, looking a host name up (unless
/// `allow_private`, when only the form is checked).
pub async fn check(url: &str, allow_private: bool) -> Result<Url, UrlRefused> {
    let parsed = check_without_lookup(url, allow_private)?;
    let host = parsed.host_str().ok_or(UrlRefused::Malformed)?;
    if allow_private || written_address(host).is_some() {
        return Ok(parsed);
    }
    let port = parsed.port_or_known_default().unwrap_or(443);
    allowed_addresses(host, port, false).await?;
    Ok(parsed)
}

/// A host name's addresses; refused when it has none or (unless
/// `allow_private`) when any of them is internal.
async fn allowed_addresses(
    host: &str,
    port: u16,
    allow_private: bool,
) -> Result<Vec<SocketAddr>, UrlRefused> {
    let addresses: Vec<SocketAddr> = tokio::net::lookup_host((host, port))
        .await
        .map_err(|_| UrlRefused::Unresolvable)?
        .collect();
    if addresses.is_empty() {
        return Err(UrlRefused::Unresolvable);
    }
    if !allow_private && addresses.iter().any(|address| is_internal(address.ip())) {
        return Err(UrlRefused::Internal);
    }
    Ok(addresses)
}

/// The delivery client's DNS resolver: it resolves a webhook's host and
/// refuses it when any address is internal (unless `allow_private`). The
/// check at registration resolves the name separately, so a name could
/// pass it and then resolve to an internal address for a connection
/// (DNS rebinding); here the addresses checked are the ones connected to.
/// Hosts written as addresses never reach a resolver:
/// [`check_without_lookup`] settles those.
pub struct CheckedResolver {
    pub allow_private: bool,
}

impl reqwest::dns::Resolve for CheckedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let allow_private = self.allow_private;
        Box::pin(async move {
            let addresses = allowed_addresses(name.as_str(), 0, allow_private).await?;
            Ok(Box::new(addresses.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_addresses_are_recognised() {
        for internal in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "::1",
            "::",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
        ] {
            assert!(is_internal(internal.parse().expect("ip")), "{internal}");
        }
        for public in ["93.184.216.34", "8.8.8.8", "2606:4700::1111"] {
            assert!(!is_internal(public.parse().expect("ip")), "{public}");
        }
    }

    #[actix_web::test]
    async fn urls_are_checked_for_scheme_and_destination() {
        assert_eq!(
            check("ftp://example.com/x", true).await.err(),
            Some(UrlRefused::Scheme)
        );
        assert_eq!(
            check("not a url", true).await.err(),
            Some(UrlRefused::Malformed)
        );
        assert!(check("http://127.0.0.1:9000/hook", true).await.is_ok());
        for internal in [
            "http://127.0.0.1:9000/hook",
            "http://localhost/hook",
            "https://[::1]/hook",
            "http://169.254.169.254/latest/meta-data",
            "http://10.0.0.5/",
        ] {
            assert_eq!(
                check(internal, false).await.err(),
                Some(UrlRefused::Internal),
                "{internal}"
            );
        }
        assert!(check("https://93.184.216.34/hook", false).await.is_ok());
    }

    #[test]
    fn before_a_delivery_only_addresses_written_in_the_url_are_checked() {
        for internal in [
            "http://127.0.0.1:9000/hook",
            "https://[::1]/hook",
            "http://10.0.0.5/",
        ] {
            assert_eq!(
                check_without_lookup(internal, false).err(),
                Some(UrlRefused::Internal),
                "{internal}"
            );
            assert!(check_without_lookup(internal, true).is_ok(), "{internal}");
        }
        // A name is left to the delivery client's resolver.
        assert!(check_without_lookup("http://localhost/hook", false).is_ok());
        assert_eq!(
            check_without_lookup("ftp://example.com/x", false).err(),
            Some(UrlRefused::Scheme)
        );
    }

    #[tokio::test]
    async fn the_delivery_resolver_refuses_names_of_internal_addresses() {
        use reqwest::dns::Resolve;
        let name = || "localhost".parse().expect("a name");
        let refused = CheckedResolver {
            allow_private: false,
        }
        .resolve(name())
        .await;
        let error = refused.err().expect("refused");
        assert_eq!(
            error.downcast_ref::<UrlRefused>(),
            Some(&UrlRefused::Internal)
        );
        let allowed = CheckedResolver {
            allow_private: true,
        }
        .resolve(name())
        .await
        .expect("resolved");
        assert!(
            allowed
                .into_iter()
                .all(|address| address.ip().is_loopback())
        );
    }
}

//! Where webhooks may point: http or https, and — unless the configuration
//! allows it — nowhere that resolves to a special-purpose address (loopback,
//! private, link-local, documentation, NAT64, 6to4, cloud metadata, ...), checked at registration, again at delivery, and by
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

/// IPv4 ranges a webhook must not reach: every range of IANA's IPv4
/// special-purpose address registry, multicast, and the Azure metadata
/// address (AWS and GCP use 169.254.169.254, inside link-local).
const INTERNAL_V4: [(u32, u8); 20] = [
    (0x0000_0000, 8),  // 0.0.0.0/8 "this network"
    (0x0a00_0000, 8),  // 10.0.0.0/8 private
    (0x6440_0000, 10), // 100.64.0.0/10 shared address space
    (0x7f00_0000, 8),  // 127.0.0.0/8 loopback
    (0xa9fe_0000, 16), // 169.254.0.0/16 link-local, cloud metadata
    (0xac10_0000, 12), // 172.16.0.0/12 private
    (0xc000_0000, 24), // 192.0.0.0/24 IETF protocol assignments
    (0xc000_0200, 24), // 192.0.2.0/24 documentation
    (0xc01f_c400, 24), // 192.31.196.0/24 AS112
    (0xc034_c100, 24), // 192.52.193.0/24 AMT
    (0xc058_6300, 24), // 192.88.99.0/24 6to4 relay anycast
    (0xc0a8_0000, 16), // 192.168.0.0/16 private
    (0xc0af_3000, 24), // 192.175.48.0/24 AS112 direct delegation
    (0xc612_0000, 15), // 198.18.0.0/15 benchmarking
    (0xc633_6400, 24), // 198.51.100.0/24 documentation
    (0xcb00_7100, 24), // 203.0.113.0/24 documentation
    (0xe000_0000, 4),  // 224.0.0.0/4 multicast
    (0xf000_0000, 4),  // 240.0.0.0/4 reserved
    (0xffff_ffff, 32), // 255.255.255.255 broadcast
    (0xa83f_8110, 32), // 168.63.129.16 Azure metadata and DNS
];

/// IPv6 ranges a webhook must not reach: IANA's IPv6 special-purpose
/// registry (with the forms that carry an IPv4 address: mapped,
/// compatible, NAT64, 6to4, Teredo), unique-local (which holds AWS's
/// fd00:ec2::254 metadata address), link-local, site-local and multicast.
const INTERNAL_V6: [(u128, u8); 17] = [
    (0, 128),                                        // :: unspecified
    (1, 128),                                        // ::1 loopback
    (0, 96),                                         // ::/96 IPv4-compatible
    (0xffff_0000_0000, 96),                          // ::ffff:0:0/96 IPv4-mapped
    (0x0064_ff9b_0000_0000_0000_0000_0000_0000, 96), // 64:ff9b::/96 NAT64
    (0x0064_ff9b_0001_0000_0000_0000_0000_0000, 48), // 64:ff9b:1::/48 local NAT64
    (0x0100_0000_0000_0000_0000_0000_0000_0000, 64), // 100::/64 discard-only
    (0x2001_0000_0000_0000_0000_0000_0000_0000, 23), // 2001::/23 IETF (Teredo 2001::/32)
    (0x2001_0db8_0000_0000_0000_0000_0000_0000, 32), // 2001:db8::/32 documentation
    (0x2002_0000_0000_0000_0000_0000_0000_0000, 16), // 2002::/16 6to4
    (0x2620_004f_8000_0000_0000_0000_0000_0000, 48), // 2620:4f:8000::/48 AS112
    (0x3fff_0000_0000_0000_0000_0000_0000_0000, 20), // 3fff::/20 documentation
    (0x5f00_0000_0000_0000_0000_0000_0000_0000, 16), // 5f00::/16 SRv6
    (0xfc00_0000_0000_0000_0000_0000_0000_0000, 7),  // fc00::/7 unique local
    (0xfe80_0000_0000_0000_0000_0000_0000_0000, 10), // fe80::/10 link-local
    (0xfec0_0000_0000_0000_0000_0000_0000_0000, 10), // fec0::/10 site-local
    (0xff00_0000_0000_0000_0000_0000_0000_0000, 8),  // ff00::/8 multicast
];

/// Whether an address is one a webhook must not reach.
pub fn is_internal(address: IpAddr) -> bool {
    match address {
        IpAddr::V4(v4) => {
            let bits = u32::from(v4);
            INTERNAL_V4.iter().any(|&(network, length)| {
                let mask = u32::MAX.checked_shl(32 - u32::from(length)).unwrap_or(0);
                bits & mask == network
            })
        }
        IpAddr::V6(v6) => {
            let bits = u128::from(v6);
            INTERNAL_V6.iter().any(|&(network, length)| {
                let mask = u128::MAX.checked_shl(128 - u32::from(length)).unwrap_or(0);
                bits & mask == network
            })
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
    #[error("resolves to a loopback, private or other special-purpose address")]
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
            "198.18.0.1",
            "192.0.0.192",
            "192.0.2.10",
            "198.51.100.1",
            "203.0.113.5",
            "240.0.0.1",
            "255.255.255.255",
            "224.0.0.251",
            "168.63.129.16",
            "fd00:ec2::254",
            "64:ff9b::a00:1",
            "64:ff9b:1::1",
            "2002:7f00:1::",
            "2001:0:4136:e378:8000:63bf:3fff:fdd2",
            "::ffff:93.184.216.34",
            "::10.0.0.1",
            "2001:db8::1",
            "ff02::1",
        ] {
            assert!(is_internal(internal.parse().expect("ip")), "{internal}");
        }
        for public in [
            "93.184.216.34",
            "8.8.8.8",
            "1.1.1.1",
            "168.63.129.17",
            "198.20.0.1",
            "2606:4700::1111",
            "2a00:1450:4001:81c::200e",
        ] {
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

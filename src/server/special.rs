//! Addresses that are not on the public internet: private networks, loopback, documentation
//! examples and the like. Such an address says nothing about where a server is, so the check
//! asks for the public one instead of looking it up.
//!
//! From IANA's special-purpose address registries (IPv4 and IPv6, following RFC 6890) and
//! the IPv6 address space registry: only `2000::/3` is allocated as global unicast, so
//! anything outside it is not a server's public address. The few special-purpose blocks that
//! IANA marks globally reachable (AS112, anycast relays) are left to the look-up: no website
//! is served from them, and the data puts them somewhere.
//!
//! (`std`'s `is_global` would do this, but it is not stable.)

// No panic is reachable from the public entry points (a panic traps the WebAssembly module for
// the rest of the page's life): clippy refuses unwrap, expect, indexing and panics here.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented))]

use std::net::{Ipv4Addr, Ipv6Addr};

/// Why an address is not public; `server.not_public.{key}` is its name in messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Unspecified,
    Loopback,
    Private,
    /// Carrier-grade NAT, 100.64.0.0/10 (RFC 6598).
    Shared,
    LinkLocal,
    Documentation,
    Benchmarking,
    Multicast,
    Reserved,
}

impl Kind {
    pub fn key(self) -> &'static str {
        match self {
            Kind::Unspecified => "unspecified",
            Kind::Loopback => "loopback",
            Kind::Private => "private",
            Kind::Shared => "shared",
            Kind::LinkLocal => "link_local",
            Kind::Documentation => "documentation",
            Kind::Benchmarking => "benchmarking",
            Kind::Multicast => "multicast",
            Kind::Reserved => "reserved",
        }
    }

    /// The catalogue entry of the kind's name.
    pub fn message_key(self) -> &'static str {
        match self {
            Kind::Unspecified => "server.not_public.unspecified",
            Kind::Loopback => "server.not_public.loopback",
            Kind::Private => "server.not_public.private",
            Kind::Shared => "server.not_public.shared",
            Kind::LinkLocal => "server.not_public.link_local",
            Kind::Documentation => "server.not_public.documentation",
            Kind::Benchmarking => "server.not_public.benchmarking",
            Kind::Multicast => "server.not_public.multicast",
            Kind::Reserved => "server.not_public.reserved",
        }
    }
}

/// IPv4 blocks that are not public: (network, prefix length, kind). Most specific first
/// where they nest (0.0.0.0/32 inside 0.0.0.0/8).
const V4: [(u32, u32, Kind); 17] = [
    (0x0000_0000, 32, Kind::Unspecified),       // 0.0.0.0
    (0x0000_0000, 8, Kind::Reserved),           // 0.0.0.0/8 "this network"
    (0x0A00_0000, 8, Kind::Private),            // 10.0.0.0/8
    (0x6440_0000, 10, Kind::Shared),            // 100.64.0.0/10
    (0x7F00_0000, 8, Kind::Loopback),           // 127.0.0.0/8
    (0xA9FE_0000, 16, Kind::LinkLocal),         // 169.254.0.0/16
    (0xAC10_0000, 12, Kind::Private),           // 172.16.0.0/12
    (0xC000_0000, 24, Kind::Reserved),          // 192.0.0.0/24 IETF protocol assignments
    (0xC000_0200, 24, Kind::Documentation),     // 192.0.2.0/24 TEST-NET-1
    (0xC058_6300, 24, Kind::Reserved),          // 192.88.99.0/24 6to4 relays, deprecated
    (0xC0A8_0000, 16, Kind::Private),           // 192.168.0.0/16
    (0xC612_0000, 15, Kind::Benchmarking),      // 198.18.0.0/15
    (0xC633_6400, 24, Kind::Documentation),     // 198.51.100.0/24 TEST-NET-2
    (0xCB00_7100, 24, Kind::Documentation),     // 203.0.113.0/24 TEST-NET-3
    (0xE000_0000, 4, Kind::Multicast),          // 224.0.0.0/4
    (0xFFFF_FFFF, 32, Kind::Reserved),          // 255.255.255.255 broadcast (inside 240/4)
    (0xF000_0000, 4, Kind::Reserved),           // 240.0.0.0/4
];

/// IPv6 blocks that are not public, inside or outside 2000::/3 (checked first).
const V6: [(u128, u32, Kind); 9] = [
    (0, 128, Kind::Unspecified),                                       // ::
    (1, 128, Kind::Loopback),                                          // ::1
    (0xfc00_u128 << 112, 7, Kind::Private),                            // fc00::/7 unique local
    (0xfe80_u128 << 112, 10, Kind::LinkLocal),                         // fe80::/10
    (0xff00_u128 << 112, 8, Kind::Multicast),                          // ff00::/8
    (0x2001_0db8_u128 << 96, 32, Kind::Documentation),                 // 2001:db8::/32
    (0x3fff_u128 << 112, 20, Kind::Documentation),                     // 3fff::/20 (RFC 9637)
    (0x2001_u128 << 112, 23, Kind::Reserved),                          // 2001::/23 IETF protocol assignments (Teredo, ORCHID, …)
    (0x0064_ff9b_0001_u128 << 80, 48, Kind::Reserved),                 // 64:ff9b:1::/48 local-use NAT64
];

/// Why `addr` is not public, or `None` when it is.
pub fn ipv4(addr: Ipv4Addr) -> Option<Kind> {
    let bits = u32::from(addr);
    V4.iter().find(|(network, len, _)| bits.checked_shr(32 - len).unwrap_or(0) == network.checked_shr(32 - len).unwrap_or(0)).map(|(_, _, kind)| *kind)
}

/// Why `addr` is not public, or `None` when it is. Mapped and NAT64 addresses are not
/// classified here: the caller looks at their IPv4 address ([`embedded_ipv4`]).
pub fn ipv6(addr: Ipv6Addr) -> Option<Kind> {
    let bits = u128::from(addr);
    let listed = V6.iter().find(|(network, len, _)| bits.checked_shr(128 - len).unwrap_or(0) == network.checked_shr(128 - len).unwrap_or(0));
    match listed {
        Some((_, _, kind)) => Some(*kind),
        // Outside global unicast (2000::/3): unallocated, deprecated (site-local, IPv4-compatible) or special.
        None if bits >> 125 != 1 => Some(Kind::Reserved),
        None => None,
    }
}

/// The IPv4 address an IPv6 address stands for: IPv4-mapped (`::ffff:1.2.3.4`, RFC 4291) and
/// the well-known NAT64 prefix (`64:ff9b::1.2.3.4`, RFC 6052), whose server is the IPv4 one.
pub fn embedded_ipv4(addr: Ipv6Addr) -> Option<Ipv4Addr> {
    const NAT64: u128 = 0x0064_ff9b_u128 << 96;
    let bits = u128::from(addr);
    match addr.to_ipv4_mapped() {
        Some(v4) => Some(v4),
        None if bits >> 32 == NAT64 >> 32 => u32::try_from(bits & 0xffff_ffff).ok().map(Ipv4Addr::from),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v4(s: &str) -> Option<Kind> {
        ipv4(s.parse().expect("IPv4"))
    }

    fn v6(s: &str) -> Option<Kind> {
        ipv6(s.parse().expect("IPv6"))
    }

    #[test]
    fn ipv4_blocks_and_their_edges() {
        assert_eq!(v4("0.0.0.0"), Some(Kind::Unspecified));
        assert_eq!(v4("0.1.2.3"), Some(Kind::Reserved));
        assert_eq!(v4("9.255.255.255"), None);
        assert_eq!(v4("10.0.0.0"), Some(Kind::Private));
        assert_eq!(v4("10.255.255.255"), Some(Kind::Private));
        assert_eq!(v4("11.0.0.0"), None);
        assert_eq!(v4("100.63.255.255"), None);
        assert_eq!(v4("100.64.0.0"), Some(Kind::Shared));
        assert_eq!(v4("100.127.255.255"), Some(Kind::Shared));
        assert_eq!(v4("100.128.0.0"), None);
        assert_eq!(v4("127.0.0.1"), Some(Kind::Loopback));
        assert_eq!(v4("169.254.169.254"), Some(Kind::LinkLocal));
        assert_eq!(v4("172.15.255.255"), None);
        assert_eq!(v4("172.16.0.0"), Some(Kind::Private));
        assert_eq!(v4("172.31.255.255"), Some(Kind::Private));
        assert_eq!(v4("172.32.0.0"), None);
        assert_eq!(v4("192.0.0.8"), Some(Kind::Reserved));
        assert_eq!(v4("192.0.2.1"), Some(Kind::Documentation));
        assert_eq!(v4("192.168.1.1"), Some(Kind::Private));
        assert_eq!(v4("198.18.0.1"), Some(Kind::Benchmarking));
        assert_eq!(v4("198.19.255.255"), Some(Kind::Benchmarking));
        assert_eq!(v4("198.20.0.0"), None);
        assert_eq!(v4("198.51.100.7"), Some(Kind::Documentation));
        assert_eq!(v4("203.0.113.255"), Some(Kind::Documentation));
        assert_eq!(v4("224.0.0.1"), Some(Kind::Multicast));
        assert_eq!(v4("239.255.255.255"), Some(Kind::Multicast));
        assert_eq!(v4("240.0.0.1"), Some(Kind::Reserved));
        assert_eq!(v4("255.255.255.255"), Some(Kind::Reserved));
        assert_eq!(v4("114.114.114.114"), None);
        assert_eq!(v4("223.255.255.255"), None);
    }

    #[test]
    fn ipv6_blocks() {
        assert_eq!(v6("::"), Some(Kind::Unspecified));
        assert_eq!(v6("::1"), Some(Kind::Loopback));
        assert_eq!(v6("fd00::1"), Some(Kind::Private));
        assert_eq!(v6("fc00::"), Some(Kind::Private));
        assert_eq!(v6("fe80::1"), Some(Kind::LinkLocal));
        assert_eq!(v6("febf:ffff::"), Some(Kind::LinkLocal));
        assert_eq!(v6("fec0::1"), Some(Kind::Reserved), "site-local, deprecated");
        assert_eq!(v6("ff02::1"), Some(Kind::Multicast));
        assert_eq!(v6("2001:db8::1"), Some(Kind::Documentation));
        assert_eq!(v6("3fff:fff::1"), Some(Kind::Documentation));
        assert_eq!(v6("2001::1"), Some(Kind::Reserved), "Teredo");
        assert_eq!(v6("2001:1ff::1"), Some(Kind::Reserved));
        assert_eq!(v6("2001:200::1"), None, "APNIC, just after 2001::/23");
        assert_eq!(v6("::1.2.3.4"), Some(Kind::Reserved), "IPv4-compatible, deprecated");
        assert_eq!(v6("64:ff9b:1::1"), Some(Kind::Reserved));
        assert_eq!(v6("2400:3200::1"), None);
        assert_eq!(v6("2001:4860:4860::8888"), None);
        assert_eq!(v6("4000::1"), Some(Kind::Reserved));
    }

    #[test]
    fn embedded_addresses() {
        let mapped: Ipv6Addr = "::ffff:114.114.114.114".parse().expect("IPv6");
        assert_eq!(embedded_ipv4(mapped), Some(Ipv4Addr::new(114, 114, 114, 114)));
        let nat64: Ipv6Addr = "64:ff9b::8.8.8.8".parse().expect("IPv6");
        assert_eq!(embedded_ipv4(nat64), Some(Ipv4Addr::new(8, 8, 8, 8)));
        let plain: Ipv6Addr = "2400:3200::1".parse().expect("IPv6");
        assert_eq!(embedded_ipv4(plain), None);
    }
}

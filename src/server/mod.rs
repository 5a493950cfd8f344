//! The server check (`checkServer`): is the server's IP address in the Chinese mainland?
//!
//! ICP filing (ICP备案) applies to websites served from the Chinese mainland, and only to
//! them: a server in Hong Kong, Macao, Taiwan or abroad needs no filing, and no access
//! provider can file it. A person about to file, or wondering whether they must, can paste the
//! server's address and learn which case they are in before a provider tells them.
//!
//! - [`check_server`] reads the address as a URL parser would (the same forms the domain check
//!   refuses: `114.114.114.114`, `0x72.114.114.114`, `[2400:3200::1]`, full-width digits, a
//!   pasted URL with a port), refuses addresses that are not public ([`special`]), and looks
//!   the rest up in a [`ServerRegions`] table.
//! - [`ServerRegions`] ([`regions`]) reads the compact table `bake/src/server.rs` bakes from
//!   `data/server/`: the ranges of the mainland (`CN`), Hong Kong (`HK`), Macao (`MO`) and
//!   Taiwan (`TW`) in the IPFire Location Database, which gives the three their own codes as
//!   ISO 3166 does. Natively the table is in the library ([`bundled`]); in WebAssembly the page
//!   loads it when first needed and passes the bytes in, so pages that never check a server
//!   never download it.
//!
//! The data is geolocation: where a registry or an operator says a range is used. It is right
//! for most addresses, but can be wrong for anycast addresses (one address answered from many
//! places), for cloud providers that move ranges between regions, and for ranges that changed
//! hands after the data was exported. So a `server.not_mainland` message says where the
//! answer came from and defers to the hosting provider, and the report names the data's
//! version ([`ServerDataSource`]).

// No panic is reachable from the public entry points (a panic traps the WebAssembly module for
// the rest of the page's life): clippy refuses unwrap, expect, indexing and panics here.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented))]

pub mod regions;
pub mod special;

use crate::domain::{extract, ip};
use crate::issue::{params, Issue, Issues, Severity};
use crate::options::{Locale, Options};
pub use regions::{install, installed, ServerDataSource, ServerRegions};
#[cfg(not(target_arch = "wasm32"))]
pub use regions::{bundled, bundled_bytes};
use serde::Serialize;
use std::net::IpAddr;

/// Longest input looked at, in bytes. An address, even in a pasted URL, is far shorter; a
/// megabyte of text is refused without being read.
pub const MAX_INPUT_BYTES: usize = 4096;

/// Where an address is, as far as ICP filing goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    /// The Chinese mainland: ICP filing applies.
    Mainland,
    HongKong,
    Macao,
    Taiwan,
    /// Anywhere else, including addresses the data does not place.
    Other,
}

impl Region {
    /// The stable key, as serialised: `mainland`, `hong_kong`, `macao`, `taiwan`, `other`.
    pub fn key(self) -> &'static str {
        match self {
            Region::Mainland => "mainland",
            Region::HongKong => "hong_kong",
            Region::Macao => "macao",
            Region::Taiwan => "taiwan",
            Region::Other => "other",
        }
    }

    /// The region's name, as a label (`归属地：香港`, `location: Hong Kong`).
    pub fn name(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (Region::Mainland, Locale::ZhCn) => "中国大陆",
            (Region::HongKong, Locale::ZhCn) => "香港",
            (Region::Macao, Locale::ZhCn) => "澳门",
            (Region::Taiwan, Locale::ZhCn) => "台湾",
            (Region::Other, Locale::ZhCn) => "境外",
            (Region::Mainland, Locale::En) => "Chinese mainland",
            (Region::HongKong, Locale::En) => "Hong Kong",
            (Region::Macao, Locale::En) => "Macao",
            (Region::Taiwan, Locale::En) => "Taiwan",
            (Region::Other, Locale::En) => "abroad",
        }
    }

    /// The byte of the binary table (`regions` format).
    fn from_byte(byte: u8) -> Option<Region> {
        Some(match byte {
            0 => Region::Other,
            1 => Region::Mainland,
            2 => Region::HongKong,
            3 => Region::Macao,
            4 => Region::Taiwan,
            _ => return None,
        })
    }
}

/// The result of [`check_server`].
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServerReport {
    /// No issue is an error: the server is in the mainland, or no data said otherwise.
    pub ok: bool,
    pub issues: Vec<Issue>,
    /// The address read, in canonical text (`114.114.114.114`, `2400:3200::1`); an
    /// IPv4-mapped or NAT64 address is given as its IPv4 address.
    pub ip: Option<String>,
    /// Where the address is; `None` when it was not looked up (not an address, not public,
    /// no data).
    pub region: Option<Region>,
    /// The data that answered, whenever a table was given.
    pub source: Option<ServerDataSource>,
}

/// Checks a server's IP address: is it public, and is it in the Chinese mainland?
///
/// `regions` is the table to look it up in ([`bundled`] natively; in WebAssembly the bytes
/// the page loaded); without one the address is still read and checked, with a
/// `server.data_unavailable` warning. Of the options only `locale` matters.
///
/// ```
/// use icp_precheck::{check_server, Options, Region};
/// let regions = icp_precheck::server::bundled();
/// let report = check_server("[2400:3200::1]", Some(&regions), &Options::default());
/// assert!(report.ok);
/// assert_eq!(report.ip.as_deref(), Some("2400:3200::1"));
/// assert_eq!(report.region, Some(Region::Mainland));
/// ```
pub fn check_server(input: &str, regions: Option<&ServerRegions<'_>>, options: &Options) -> ServerReport {
    let mut issues = Issues::new(options.locale);
    let source = regions.map(ServerRegions::source);
    let mut report = ServerReport { ok: false, issues: Vec::new(), ip: None, region: None, source };
    if let Some(addr) = read_address(input, &mut issues) {
        report.ip = Some(addr.to_string());
        report.region = locate(addr, regions, &mut issues);
    }
    report.issues = issues.into_vec();
    report.ok = !report.issues.iter().any(|i| i.severity == Severity::Error);
    report
}

/// The address in `input`, or `None` with the reason recorded.
fn read_address(input: &str, issues: &mut Issues) -> Option<IpAddr> {
    if input.len() > MAX_INPUT_BYTES {
        issues.error("server.invalid", "", params![]);
        return None;
    }
    if input.trim_matches(|c: char| c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}')).is_empty() {
        issues.error("field.required", "", params![]);
        return None;
    }
    let address = parse(input);
    if address.is_none() {
        issues.error("server.invalid", "", params![]);
    }
    address
}

/// Reads an address the way a URL parser reads a host, after the domain check's extraction:
/// white space, full-width characters, a scheme, userinfo, a port and a path are all dealt
/// with there. A mapped or NAT64 IPv6 address becomes its IPv4 address.
fn parse(input: &str) -> Option<IpAddr> {
    let extracted = extract::extract(input);
    let host = extracted.host.as_ref();
    let address = if extracted.bracketed || host.contains(':') {
        IpAddr::V6(ip::parse_ipv6(host)?)
    } else if ip::ends_in_a_number(host) {
        IpAddr::V4(ip::parse_ipv4(host)?)
    } else {
        return None;
    };
    Some(match address {
        IpAddr::V6(v6) => special::embedded_ipv4(v6).map_or(address, IpAddr::V4),
        IpAddr::V4(_) => address,
    })
}

/// The region of a well-formed address, recording why it is not one a filing can use.
fn locate(addr: IpAddr, regions: Option<&ServerRegions<'_>>, issues: &mut Issues) -> Option<Region> {
    let address = addr.to_string();
    let kind = match addr {
        IpAddr::V4(v4) => special::ipv4(v4),
        IpAddr::V6(v6) => special::ipv6(v6),
    };
    if let Some(kind) = kind {
        let name = crate::catalogue::render(kind.message_key(), issues.locale(), &params![]);
        let params = params!["address" => address, "kind" => kind.key()];
        issues.add_displayed(Severity::Error, "server.not_public", "server.not_public", "", params, params!["kind" => name]);
        return None;
    }
    let Some(regions) = regions else {
        issues.warning("server.data_unavailable", "", params!["address" => address]);
        return None;
    };
    let region = regions.region(addr);
    if region != Region::Mainland {
        let display = params!["region" => region.name(issues.locale())];
        let params = params!["address" => address, "region" => region.key()];
        issues.add_displayed(Severity::Error, "server.not_mainland", "server.not_mainland", "", params, display);
    }
    Some(region)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{Ipv4Addr, Ipv6Addr};

    fn codes(report: &ServerReport) -> Vec<&'static str> {
        report.issues.iter().map(|i| i.code).collect()
    }

    #[test]
    fn the_bundled_table_validates() {
        let bytes = bundled_bytes();
        let table = ServerRegions::from_bytes(bytes).expect("the build's own table");
        assert!(table.len_v4() > 10_000 && table.len_v6() > 10_000);
        assert_eq!(table.source().licence, "CC BY-SA 4.0");
        assert!(table.attribution().contains("IPFire"));
    }

    #[test]
    fn reads_every_form() {
        let v4 = Some(IpAddr::V4(Ipv4Addr::new(114, 114, 114, 114)));
        for form in ["114.114.114.114", " 114.114.114.114\n", "0x72.114.114.114", "0162.0x72.114.114", "1920103026", "114.114.29298", "１１４．１１４．１１４．１１４", "１１４。１１４。１１４。１１４", "http://114.114.114.114:8080/path", "::ffff:114.114.114.114", "[::ffff:7272:7272]", "64:ff9b::114.114.114.114", "114.114.114.114."] {
            assert_eq!(parse(form), v4, "{form}");
        }
        let v6 = Some(IpAddr::V6("2400:3200::1".parse::<Ipv6Addr>().expect("IPv6")));
        for form in ["2400:3200::1", "[2400:3200::1]", "[2400:3200::1]:443", "2400:3200:0:0:0:0:0:1", "2400:3200::1%eth0", "[2400:3200::1%25eth0]", "https://[2400:3200::1]/", "２４００:３２００::１"] {
            assert_eq!(parse(form), v6, "{form}");
        }
        for bad in ["", "example.com", "1.2.3.256", "1.2.3.4.5", "::g", "[1.2.3.4]", "1.2.3.4 5.6.7.8", "一.二.三.四"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn findings() {
        let regions = bundled();
        let options = Options::default();
        let check = |input: &str| check_server(input, Some(&regions), &options);
        assert_eq!(codes(&check("")), ["field.required"]);
        assert_eq!(codes(&check("\u{3000} ")), ["field.required"]);
        assert_eq!(codes(&check("not an address")), ["server.invalid"]);
        assert_eq!(codes(&check("192.168.1.1")), ["server.not_public"]);
        assert_eq!(codes(&check("8.8.8.8")), ["server.not_mainland"]);
        assert!(codes(&check("223.5.5.5")).is_empty());
        let none = check_server("223.5.5.5", None, &options);
        assert_eq!(codes(&none), ["server.data_unavailable"]);
        assert!(none.ok && none.region.is_none() && none.source.is_none());
        assert_eq!(none.ip.as_deref(), Some("223.5.5.5"));
    }

    #[test]
    fn messages_name_the_region_and_keep_the_key() {
        let regions = bundled();
        let zh = check_server("168.95.1.1", Some(&regions), &Options::default());
        let issue = zh.issues.first().expect("an issue");
        assert!(issue.message.contains("台湾") && issue.message.contains("168.95.1.1"), "{}", issue.message);
        assert_eq!(issue.params.get("region").map(ToString::to_string).as_deref(), Some("taiwan"));
        let en = check_server("10.0.0.1", Some(&regions), &Options::default().with_locale(Locale::En));
        let issue = en.issues.first().expect("an issue");
        assert!(issue.message.contains("a private network address"), "{}", issue.message);
        assert_eq!(issue.params.get("kind").map(ToString::to_string).as_deref(), Some("private"));
    }

    #[test]
    fn region_bytes() {
        for region in [Region::Other, Region::Mainland, Region::HongKong, Region::Macao, Region::Taiwan] {
            let byte = (0..=255u8).find(|b| Region::from_byte(*b) == Some(region)).expect("a byte");
            assert_eq!(Region::from_byte(byte), Some(region));
        }
        assert_eq!(Region::from_byte(5), None);
    }
}

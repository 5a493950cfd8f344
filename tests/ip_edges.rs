//! The boundaries of the URL Standard's IPv4 and IPv6 parsers (<https://url.spec.whatwg.org/#host-parsing>),
//! one case per edge: what is an address stays one, one step past the edge is not. Each case
//! says which rule of the standard it pins.

use icp_precheck::domain::ip::{ends_in_a_number, parse_ipv4, parse_ipv6};
use std::net::{Ipv4Addr, Ipv6Addr};

fn v4(s: &str) -> Option<String> {
    parse_ipv4(s).map(|a| a.to_string())
}

#[test]
fn ipv4_number_parser() {
    // Decimal, octal (a leading 0) and hexadecimal (0x) parts; an empty hex part is 0.
    assert_eq!(v4("0x"), Some("0.0.0.0".into()));
    assert_eq!(v4("0"), Some("0.0.0.0".into()));
    assert_eq!(v4("010"), Some("0.0.0.8".into()));
    assert_eq!(v4("0x10"), Some("0.0.0.16".into()));
    assert_eq!(v4("0X1f"), Some("0.0.0.31".into()));
    assert_eq!(v4("08"), None, "8 is not an octal digit");
    assert_eq!(v4("0xg"), None);
    // The whole address as one number: up to 2^32 − 1.
    assert_eq!(v4("4294967295"), Some("255.255.255.255".into()));
    assert_eq!(v4("4294967296"), None);
    assert_eq!(v4("0xffffffff"), Some("255.255.255.255".into()));
    assert_eq!(v4("0x100000000"), None);
    assert_eq!(v4("037777777777"), Some("255.255.255.255".into()));
    assert_eq!(v4("040000000000"), None);
    // Far past 2^32 still fails (no wrap-around), however many digits follow.
    assert_eq!(v4("99999999999999999999999"), None);
}

#[test]
fn ipv4_parts_and_the_last_part() {
    // Every part but the last is at most 255; the last fills the remaining bytes.
    assert_eq!(v4("255.16777215"), Some("255.255.255.255".into()));
    assert_eq!(v4("255.16777216"), None);
    assert_eq!(v4("256.1"), None);
    assert_eq!(v4("1.2.65535"), Some("1.2.255.255".into()));
    assert_eq!(v4("1.2.65536"), None);
    assert_eq!(v4("1.2.3.255"), Some("1.2.3.255".into()));
    assert_eq!(v4("1.2.3.256"), None);
    assert_eq!(v4("1.2.256.3"), None);
    assert_eq!(v4("1.2.3.4."), Some("1.2.3.4".into()), "one trailing dot is ignored");
    assert_eq!(v4("1.2.3.4.."), None);
    assert_eq!(v4("1.2.3.4.5"), None, "at most four parts");
    assert_eq!(v4("1..2"), None, "an empty part");
    assert_eq!(parse_ipv4("127.1"), Some(Ipv4Addr::new(127, 0, 0, 1)));
}

#[test]
fn ends_in_a_number_checker() {
    assert!(ends_in_a_number("example.123"));
    assert!(ends_in_a_number("example.0x1a"));
    assert!(ends_in_a_number("example.0x"));
    assert!(ends_in_a_number("1.2.3.4."), "one trailing dot is ignored");
    assert!(!ends_in_a_number("example.com"));
    assert!(!ends_in_a_number("example.1a"), "not decimal, octal or hex");
    assert!(!ends_in_a_number("example.0xg"));
    assert!(!ends_in_a_number(""));
    assert!(!ends_in_a_number("."));
    assert!(!ends_in_a_number("1.com"));
}

#[test]
fn ipv6_parser() {
    let v6 = |s: &str| parse_ipv6(s);
    assert_eq!(v6("::"), Some(Ipv6Addr::UNSPECIFIED));
    assert_eq!(v6("::1"), Some(Ipv6Addr::LOCALHOST));
    assert_eq!(v6("1:2:3:4:5:6:7:8"), Some(Ipv6Addr::new(1, 2, 3, 4, 5, 6, 7, 8)));
    assert_eq!(v6("1:2:3:4:5:6:7:8:9"), None, "nine pieces");
    assert_eq!(v6("1:2:3:4:5:6:7::"), Some(Ipv6Addr::new(1, 2, 3, 4, 5, 6, 7, 0)));
    assert_eq!(v6("1::2::3"), None, "two compressions");
    assert_eq!(v6(":1"), None, "a lone leading colon");
    assert_eq!(v6("1:"), None, "a trailing colon");
    assert_eq!(v6("ffff::"), Some(Ipv6Addr::new(0xffff, 0, 0, 0, 0, 0, 0, 0)));
    assert_eq!(v6("fffff::"), None, "five hex digits in a piece");
    assert_eq!(v6("1:2:3:4:5:6:7"), None, "seven pieces without compression");
    // An IPv4 tail: only in the last two pieces, four decimal parts of at most 255, no leading 0.
    assert_eq!(v6("::ffff:1.2.3.4"), Some(Ipv6Addr::new(0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304)));
    assert_eq!(v6("::255.255.255.255"), Some(Ipv6Addr::new(0, 0, 0, 0, 0, 0, 0xffff, 0xffff)));
    assert_eq!(v6("::256.1.1.1"), None);
    assert_eq!(v6("::1.2.3"), None, "three IPv4 parts");
    assert_eq!(v6("::1.2.3.4.5"), None, "five IPv4 parts");
    assert_eq!(v6("::01.2.3.4"), None, "a leading zero");
    assert_eq!(v6("::0.2.3.4"), Some(Ipv6Addr::new(0, 0, 0, 0, 0, 0, 0x0002, 0x0304)));
    assert_eq!(v6("1:2:3:4:5:6:1.2.3.4"), Some(Ipv6Addr::new(1, 2, 3, 4, 5, 6, 0x0102, 0x0304)));
    assert_eq!(v6("1:2:3:4:5:6:7:1.2.3.4"), None, "the tail would be a ninth and tenth piece");
    assert_eq!(v6("::.1.2.3"), None, "an IPv4 tail needs a first number");
    // A zone id is dropped first.
    assert_eq!(v6("fe80::1%eth0"), Some(Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0, 0, 1)));
    assert_eq!(v6("例::1"), None);
}

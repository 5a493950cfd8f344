//! IP addresses in every form a URL parser reads as one, from the WHATWG URL Standard
//! (<https://url.spec.whatwg.org/#host-parsing>): filings take domain names only
//! (docs/rules.md §1.1 D1), so anything a browser would resolve as an address is refused.
//!
//! - IPv4: 1 to 4 dot-separated parts, each decimal, octal (`0177`) or hexadecimal (`0x7f`);
//!   the last part fills the remaining bytes, so `127.1`, `0x7f.1` and `2130706433` all mean
//!   127.0.0.1 ("IPv4 parser", "IPv4 number parser").
//! - A host whose last label is numeric is never a domain: the URL Standard's "ends in a
//!   number checker" sends it to the IPv4 parser, which either reads an address or fails.
//! - IPv6: the "IPv6 parser", with `::` compression and an embedded dotted IPv4 tail. A zone
//!   id (`fe80::1%eth0`, `%25eth0` in URLs, RFC 6874) is not part of the standard but is
//!   stripped first, since people paste it.

use std::net::{Ipv4Addr, Ipv6Addr};

/// What a host is, as far as addresses go.
#[derive(Debug, PartialEq, Eq)]
pub enum HostKind {
    Ipv4(Ipv4Addr),
    /// Ends in a number, but is not a valid IPv4 address (`1.2.3.256`, `example.123`).
    NumericNotIpv4,
    Ipv6(Ipv6Addr),
    Name,
}

/// Classifies an ASCII host (already mapped by UTS #46, so full-width digits and `。` have
/// become ASCII digits and dots).
pub fn classify(host: &str) -> HostKind {
    if ends_in_a_number(host) {
        return match parse_ipv4(host) {
            Some(addr) => HostKind::Ipv4(addr),
            None => HostKind::NumericNotIpv4,
        };
    }
    HostKind::Name
}

/// The URL Standard's "ends in a number checker".
pub fn ends_in_a_number(host: &str) -> bool {
    // The last label, ignoring one trailing dot (a lone "" has no label to ignore).
    let name = host.strip_suffix('.').unwrap_or(host);
    let last = name.rsplit('.').next().unwrap_or_default();
    if !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    // Only a name ending in 0-9, a-f or x can be a hex or octal number: skip the parse.
    if !last.bytes().next_back().is_some_and(|b| b.is_ascii_hexdigit() || b == b'x' || b == b'X') {
        return false;
    }
    parse_ipv4_number(last).is_some()
}

/// The URL Standard's "IPv4 number parser": decimal, `0x` hexadecimal or `0` octal.
/// Values that cannot fit 32 bits are failures here (the standard fails them later anyway).
fn parse_ipv4_number(input: &str) -> Option<u64> {
    if input.is_empty() {
        return None;
    }
    let (digits, radix) = if let Some(hex) = input.strip_prefix("0x").or_else(|| input.strip_prefix("0X")) {
        (hex, 16)
    } else if input.len() > 1 && input.starts_with('0') {
        (input.get(1..)?, 8)
    } else {
        (input, 10)
    };
    if digits.is_empty() {
        return Some(0);
    }
    let mut value: u64 = 0;
    for c in digits.chars() {
        let d = u64::from(c.to_digit(radix)?);
        value = value.checked_mul(u64::from(radix))?.checked_add(d)?;
        if value > u64::from(u32::MAX) + 1 {
            // Keep going only to validate the remaining digits; the value is already too big.
            value = u64::from(u32::MAX) + 1;
        }
    }
    Some(value)
}

/// The URL Standard's "IPv4 parser".
pub fn parse_ipv4(host: &str) -> Option<Ipv4Addr> {
    // One trailing dot is ignored (the standard's "if the last item is empty, remove it").
    let name = host.strip_suffix('.').unwrap_or(host);
    let mut numbers = [0u64; 4];
    let mut count = 0usize;
    for part in name.split('.') {
        *numbers.get_mut(count)? = parse_ipv4_number(part)?;
        count += 1;
    }
    let (last, init) = numbers.get(..count)?.split_last()?;
    if init.iter().any(|n| *n > 255) {
        return None;
    }
    let exponent = 5 - u32::try_from(count).ok()?;
    if *last >= 256u64.pow(exponent) {
        return None;
    }
    let mut ipv4 = *last;
    for (i, n) in init.iter().enumerate() {
        ipv4 += n * 256u64.pow(3 - u32::try_from(i).ok()?);
    }
    Some(Ipv4Addr::from(u32::try_from(ipv4).ok()?))
}

/// The URL Standard's "IPv6 parser", after removing a zone id.
pub fn parse_ipv6(input: &str) -> Option<Ipv6Addr> {
    let input = match input.find('%') {
        Some(i) => input.get(..i)?,
        None => input,
    };
    // Bytes, not chars: a non-ASCII byte fails every test below just as its char would.
    let c = input.as_bytes();
    let at = |p: usize| c.get(p).map(|b| char::from(*b));
    let mut address = [0u16; 8];
    let mut piece_index = 0usize;
    let mut compress: Option<usize> = None;
    let mut pointer = 0usize;

    if at(0) == Some(':') {
        if at(1) != Some(':') {
            return None;
        }
        pointer += 2;
        piece_index += 1;
        compress = Some(piece_index);
    }
    while let Some(ch) = at(pointer) {
        if piece_index == 8 {
            return None;
        }
        if ch == ':' {
            if compress.is_some() {
                return None;
            }
            pointer += 1;
            piece_index += 1;
            compress = Some(piece_index);
            continue;
        }
        let mut value: u16 = 0;
        let mut length = 0;
        while length < 4 {
            match at(pointer).and_then(|h| h.to_digit(16)) {
                Some(d) => {
                    value = value * 0x10 + u16::try_from(d).ok()?;
                    pointer += 1;
                    length += 1;
                }
                None => break,
            }
        }
        match at(pointer) {
            Some('.') => {
                if length == 0 || piece_index > 6 {
                    return None;
                }
                pointer -= length;
                let mut numbers_seen = 0;
                while at(pointer).is_some() {
                    let mut ipv4_piece: Option<u16> = None;
                    if numbers_seen > 0 {
                        if at(pointer) == Some('.') && numbers_seen < 4 {
                            pointer += 1;
                        } else {
                            return None;
                        }
                    }
                    if !at(pointer).is_some_and(|d| d.is_ascii_digit()) {
                        return None;
                    }
                    while let Some(d) = at(pointer).and_then(|d| d.to_digit(10)) {
                        let number = u16::try_from(d).ok()?;
                        ipv4_piece = match ipv4_piece {
                            None => Some(number),
                            Some(0) => return None,
                            Some(p) => Some(p * 10 + number),
                        };
                        if ipv4_piece > Some(255) {
                            return None;
                        }
                        pointer += 1;
                    }
                    let slot = address.get_mut(piece_index)?;
                    *slot = *slot * 0x100 + ipv4_piece.unwrap_or(0);
                    numbers_seen += 1;
                    if numbers_seen == 2 || numbers_seen == 4 {
                        piece_index += 1;
                    }
                }
                if numbers_seen != 4 {
                    return None;
                }
                break;
            }
            Some(':') => {
                pointer += 1;
                at(pointer)?;
            }
            Some(_) => return None,
            None => {}
        }
        *address.get_mut(piece_index)? = value;
        piece_index += 1;
    }
    if let Some(compress) = compress {
        let mut swaps = piece_index - compress;
        piece_index = 7;
        while piece_index != 0 && swaps > 0 {
            address.swap(piece_index, compress + swaps - 1);
            piece_index -= 1;
            swaps -= 1;
        }
    } else if piece_index != 8 {
        return None;
    }
    Some(Ipv6Addr::from(address))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv4_forms() {
        let localhost = Some(Ipv4Addr::new(127, 0, 0, 1));
        for form in ["127.0.0.1", "2130706433", "0x7f.1", "0177.0.0.1", "127.1", "0x7F000001", "127.0.0.1.", "0x7f.0.0.1"] {
            assert_eq!(parse_ipv4(form), localhost, "{form}");
            assert!(ends_in_a_number(form), "{form}");
        }
        assert_eq!(parse_ipv4("192.168.0.1"), Some(Ipv4Addr::new(192, 168, 0, 1)));
        assert_eq!(parse_ipv4("0x"), Some(Ipv4Addr::new(0, 0, 0, 0)));
        assert_eq!(parse_ipv4("1.2.3.256"), None);
        assert_eq!(parse_ipv4("256.1"), None);
        assert_eq!(parse_ipv4("1.2.3.4.5"), None);
        assert_eq!(parse_ipv4("4294967296"), None);
        assert_eq!(parse_ipv4("09.1"), None, "9 is not an octal digit");
    }

    #[test]
    fn ends_in_a_number_is_about_the_last_label() {
        assert!(ends_in_a_number("example.123"));
        assert!(ends_in_a_number("example.0x1"));
        assert!(!ends_in_a_number("123.example"));
        assert!(!ends_in_a_number("example.com"));
        assert!(!ends_in_a_number("example.0xg"));
        assert!(!ends_in_a_number("."));
        // "0x" alone is hexadecimal with no digits, which the standard reads as 0: a number.
        assert!(ends_in_a_number("example.0x"));
        assert!(ends_in_a_number("example.0X"));
    }

    #[test]
    fn a_number_too_big_for_32_bits_is_still_a_number() {
        // The standard's number parser has no upper bound: a last label of 24 hex digits ends
        // the host in a number (so the host is parsed as IPv4, and refused as out of range).
        let huge = "example.0xffffffffffffffffffffffff";
        assert!(ends_in_a_number(huge));
        assert_eq!(parse_ipv4_number("0xffffffffffffffffffffffff"), Some(u64::from(u32::MAX) + 1));
        assert_eq!(parse_ipv4_number("99999999999999999999999999"), Some(u64::from(u32::MAX) + 1));
        assert_eq!(parse_ipv4(huge), None);
    }

    #[test]
    fn ipv6_forms() {
        assert_eq!(parse_ipv6("::1"), Some(Ipv6Addr::LOCALHOST));
        assert_eq!(parse_ipv6("::"), Some(Ipv6Addr::UNSPECIFIED));
        assert_eq!(parse_ipv6("2001:db8::1"), "2001:db8::1".parse().ok());
        assert_eq!(parse_ipv6("fe80::1%eth0"), "fe80::1".parse().ok());
        assert_eq!(parse_ipv6("::ffff:192.168.0.1"), "::ffff:192.168.0.1".parse().ok());
        assert_eq!(parse_ipv6("1:2:3:4:5:6:7:8"), "1:2:3:4:5:6:7:8".parse().ok());
        // "::" stands for at least one piece: with it, seven more are the most there can be.
        assert_eq!(parse_ipv6("::1:2:3:4:5:6:7"), "0:1:2:3:4:5:6:7".parse().ok());
        assert_eq!(parse_ipv6("1:2:3:4:5:6:7::"), "1:2:3:4:5:6:7:0".parse().ok());
        assert_eq!(parse_ipv6("1::3:4:5:6:7:8"), "1:0:3:4:5:6:7:8".parse().ok());
        for eight_and_compressed in ["::1:2:3:4:5:6:7:8", "1::2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8::"] {
            assert_eq!(parse_ipv6(eight_and_compressed), None, "{eight_and_compressed}");
        }
        // The numbers of an embedded IPv4 address are separated by dots and nothing else.
        for bad in ["::1.2.3x4", "::1.2x3.4", "::1x2.3.4"] {
            assert_eq!(parse_ipv6(bad), None, "{bad}");
        }
        for bad in ["", ":1", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "::1.2.3", "::01.2.3.4", "::1.2.3.256", "1:2", "g::"] {
            assert_eq!(parse_ipv6(bad), None, "{bad}");
        }
    }
}

//! The server check against the bundled table: well-known resolvers, every range edge of the
//! committed CSVs, the forms an address is pasted in, addresses that are not public, and
//! hostile bytes given to `ServerRegions::from_bytes`.
//!
//! `cargo test --test server -- --nocapture size lookup_cost` prints the table's size and
//! the cost of one look-up.

use icp_precheck::server::{bundled, bundled_bytes, install, installed, MAX_INPUT_BYTES};
use icp_precheck::{check_server, Locale, Options, Region, ServerRegions, ServerReport};
use proptest::prelude::*;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

fn check(input: &str) -> ServerReport {
    check_server(input, Some(&bundled()), &Options::default())
}

fn codes(report: &ServerReport) -> Vec<&'static str> {
    report.issues.iter().map(|i| i.code).collect()
}

fn region_of(ip: &str) -> Region {
    bundled().region(ip.parse().expect("an address"))
}

// --- The committed CSVs, read independently of bake/src/server.rs ---

#[derive(Clone, Copy, Debug, PartialEq)]
struct CsvRange {
    start: u128,
    end: u128,
    region: Region,
}

fn region_from_key(key: &str) -> Region {
    match key {
        "mainland" => Region::Mainland,
        "hong_kong" => Region::HongKong,
        "macao" => Region::Macao,
        "taiwan" => Region::Taiwan,
        other => panic!("unknown region {other:?}"),
    }
}

fn csv(name: &str, parse: impl Fn(&str) -> u128) -> Vec<CsvRange> {
    let path = format!("{}/data/server/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("read the CSV");
    text.lines()
        .skip(1)
        .map(|line| {
            let fields: Vec<&str> = line.split(',').collect();
            CsvRange { start: parse(fields[0]), end: parse(fields[1]), region: region_from_key(fields[2]) }
        })
        .collect()
}

fn csv_v4() -> Vec<CsvRange> {
    csv("ipv4.csv", |s| u128::from(u32::from(s.parse::<Ipv4Addr>().expect("IPv4"))))
}

fn csv_v6() -> Vec<CsvRange> {
    csv("ipv6.csv", |s| u128::from(s.parse::<Ipv6Addr>().expect("IPv6")))
}

/// The region the CSV gives `address` (binary search over its sorted ranges).
fn csv_region(ranges: &[CsvRange], address: u128) -> Region {
    let i = ranges.partition_point(|r| r.start <= address);
    match i.checked_sub(1).map(|i| ranges[i]) {
        Some(r) if address <= r.end => r.region,
        _ => Region::Other,
    }
}

fn v4(n: u128) -> IpAddr {
    IpAddr::V4(Ipv4Addr::from(u32::try_from(n).expect("32 bits")))
}

fn v6(n: u128) -> IpAddr {
    IpAddr::V6(Ipv6Addr::from(n))
}

// --- Known addresses ---

#[test]
fn well_known_resolvers() {
    for (ip, region) in [
        ("114.114.114.114", Region::Mainland),
        ("223.5.5.5", Region::Mainland),
        ("47.96.0.1", Region::Mainland),
        ("8.8.8.8", Region::Other),
        ("1.1.1.1", Region::Other),
        ("202.175.1.1", Region::Macao),
        ("168.95.1.1", Region::Taiwan),
        ("103.235.46.39", Region::HongKong),
        ("2400:3200::1", Region::Mainland),
        ("2001:4860:4860::8888", Region::Other),
    ] {
        assert_eq!(region_of(ip), region, "{ip}");
        let report = check(ip);
        assert_eq!(report.region, Some(region), "{ip}");
        assert_eq!(report.ok, region == Region::Mainland, "{ip}");
        let expected: &[&str] = if region == Region::Mainland { &[] } else { &["server.not_mainland"] };
        assert_eq!(codes(&report), expected, "{ip}");
    }
}

#[test]
fn forms_of_one_address() {
    for form in ["0x72.114.114.114", "0x72727272", "1920103026", "0162.114.0x72.114", "114.114.29298", "::ffff:114.114.114.114", "[::ffff:114.114.114.114]", "１１４．１１４．１１４．１１４", "１１４。１１４。１１４。１１４", "  114.114.114.114\t", "http://114.114.114.114:8080/"] {
        let report = check(form);
        assert_eq!(report.ip.as_deref(), Some("114.114.114.114"), "{form}");
        assert_eq!(report.region, Some(Region::Mainland), "{form}");
        assert!(report.ok && report.issues.is_empty(), "{form}: {:?}", report.issues);
    }
    for form in ["[2400:3200::1]", "2400:3200:0000:0000:0000:0000:0000:0001", "2400:3200::1%eth0", "[2400:3200::1%25en0]:443", "2400:3200::0.0.0.1", "２４００：３２００：：１"] {
        let report = check(form);
        assert_eq!(report.ip.as_deref(), Some("2400:3200::1"), "{form}");
        assert_eq!(report.region, Some(Region::Mainland), "{form}");
    }
}

#[test]
fn not_public() {
    for (ip, kind) in [
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("127.0.0.1", "loopback"),
        ("0x7f.1", "loopback"),
        ("0.0.0.0", "unspecified"),
        ("169.254.169.254", "link_local"),
        ("100.64.0.1", "shared"),
        ("192.0.2.10", "documentation"),
        ("198.51.100.1", "documentation"),
        ("203.0.113.5", "documentation"),
        ("198.18.0.1", "benchmarking"),
        ("224.0.0.251", "multicast"),
        ("240.0.0.1", "reserved"),
        ("255.255.255.255", "reserved"),
        ("::", "unspecified"),
        ("::1", "loopback"),
        ("[::1]", "loopback"),
        ("fd12:3456::1", "private"),
        ("fe80::1%eth0", "link_local"),
        ("ff02::1", "multicast"),
        ("2001:db8::1", "documentation"),
        ("::ffff:192.168.0.1", "private"),
        ("::ffff:127.0.0.1", "loopback"),
    ] {
        let report = check(ip);
        assert_eq!(codes(&report), ["server.not_public"], "{ip}");
        assert!(!report.ok, "{ip}");
        assert_eq!(report.region, None, "{ip}");
        assert!(report.ip.is_some(), "{ip}");
        let issue = &report.issues[0];
        assert_eq!(issue.params.get("kind").map(ToString::to_string).as_deref(), Some(kind), "{ip}");
        assert_eq!(issue.params.get("address").map(ToString::to_string), report.ip, "{ip}");
    }
    // The edges of the blocks: just outside is public again.
    for ip in ["9.255.255.255", "11.0.0.0", "172.15.255.255", "172.32.0.0", "100.63.255.255", "100.128.0.0", "192.167.255.255", "192.169.0.0"] {
        assert!(!codes(&check(ip)).contains(&"server.not_public"), "{ip}");
    }
}

#[test]
fn empty_garbage_and_huge_inputs() {
    for empty in ["", " ", "\u{3000}", "\n\t"] {
        let report = check(empty);
        assert_eq!(codes(&report), ["field.required"], "{empty:?}");
        assert!(!report.ok && report.ip.is_none() && report.region.is_none());
    }
    for garbage in ["example.com", "https://example.com/", "1.2.3.256", "1.2.3.4.5", "::g", ":::", "[1.2.3.4]", "1.2.3.4 5.6.7.8", "一二三", "\u{FFFD}", "."] {
        let report = check(garbage);
        assert_eq!(codes(&report), ["server.invalid"], "{garbage:?}");
        assert!(!report.ok && report.ip.is_none() && report.region.is_none());
    }
    // What a URL parser reads as an address is one, however odd it looks.
    assert_eq!(check("1.2.3").ip.as_deref(), Some("1.2.0.3"));
    assert_eq!(check("0x").ip.as_deref(), Some("0.0.0.0"));
    assert_eq!(check("1.2.3.4/24").ip.as_deref(), Some("1.2.3.4"), "the path of a URL");
    // A megabyte is refused by its length, before any of it is read; the limit is exact.
    assert_eq!(codes(&check(&"1".repeat(1 << 20))), ["server.invalid"]);
    let at_limit = format!("{}114.114.114.114", " ".repeat(MAX_INPUT_BYTES - "114.114.114.114".len()));
    assert_eq!(at_limit.len(), MAX_INPUT_BYTES);
    assert_eq!(check(&at_limit).ip.as_deref(), Some("114.114.114.114"));
    assert_eq!(codes(&check(&format!(" {at_limit}"))), ["server.invalid"]);
}

#[test]
fn no_data() {
    let report = check_server("2400:3200::1", None, &Options::default());
    assert!(report.ok);
    assert_eq!(codes(&report), ["server.data_unavailable"]);
    assert_eq!(report.ip.as_deref(), Some("2400:3200::1"));
    assert_eq!((report.region, report.source), (None, None));
    // Not public is found without data too.
    assert_eq!(codes(&check_server("10.0.0.1", None, &Options::default())), ["server.not_public"]);
}

#[test]
fn messages_in_both_locales() {
    let en = Options::default().with_locale(Locale::En);
    for (ip, zh_name, en_name) in [("168.95.1.1", "台湾", "Taiwan"), ("202.175.1.1", "澳门", "Macao"), ("103.235.46.39", "香港", "Hong Kong"), ("8.8.8.8", "境外", "abroad")] {
        let zh = check(ip);
        let message = &zh.issues[0].message;
        assert!(message.contains(zh_name) && message.contains(ip) && message.contains("ICP"), "{message}");
        let english = check_server(ip, Some(&bundled()), &en);
        let message = &english.issues[0].message;
        assert!(message.contains(en_name) && message.contains("Chinese mainland"), "{message}");
        // Params stay keys, whatever the locale.
        assert_eq!(zh.issues[0].params, english.issues[0].params);
        assert_eq!(zh.issues[0].params.get("region").map(ToString::to_string), zh.region.map(|r| r.key().to_owned()));
    }
    for region in [Region::Mainland, Region::HongKong, Region::Macao, Region::Taiwan, Region::Other] {
        assert!(!region.name(Locale::ZhCn).is_empty() && !region.name(Locale::En).is_empty());
    }
    assert_eq!(Region::Mainland.name(Locale::ZhCn), "中国大陆");
}

#[test]
fn serialises_like_the_other_reports() {
    let json = serde_json::to_value(check("103.235.46.39")).expect("JSON");
    assert_eq!(json["ok"], false);
    assert_eq!(json["ip"], "103.235.46.39");
    assert_eq!(json["region"], "hong_kong");
    assert_eq!(json["issues"][0]["code"], "server.not_mainland");
    assert_eq!(json["issues"][0]["severity"], "error");
    assert_eq!(json["issues"][0]["params"]["region"], "hong_kong");
    assert_eq!(json["source"]["licence"], "CC BY-SA 4.0");
    assert!(json["source"]["attribution"].as_str().is_some_and(|a| a.contains("location.ipfire.org")));
    let none = serde_json::to_value(check("")).expect("JSON");
    assert!(none["ip"].is_null() && none["region"].is_null());
    for region in [Region::Mainland, Region::HongKong, Region::Macao, Region::Taiwan, Region::Other] {
        assert_eq!(serde_json::to_value(region).expect("JSON"), region.key());
    }
}

#[test]
fn source_is_the_committed_one() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/server/SOURCE.toml");
    let text = std::fs::read_to_string(path).expect("SOURCE.toml");
    let source = bundled().source();
    assert!(text.contains(&format!("version = \"{}\"", source.version)), "{source:?}");
    assert!(text.contains(&format!("generated = \"{}\"", source.generated)), "{source:?}");
    assert!(source.name.contains("IPFire") && source.name.contains("tor-geoipdb"));
    assert_eq!(source.licence, "CC BY-SA 4.0");
    assert_eq!(bundled().attribution(), source.attribution);
}

// --- The table against the CSVs ---

#[test]
fn every_range_edge_of_the_csvs() {
    let table = bundled();
    for (ranges, max, addr) in [(csv_v4(), u128::from(u32::MAX), v4 as fn(u128) -> IpAddr), (csv_v6(), u128::MAX, v6)] {
        assert!(ranges.len() > 1000);
        for r in &ranges {
            assert_eq!(table.region(addr(r.start)), r.region, "start of {r:?}");
            assert_eq!(table.region(addr(r.end)), r.region, "end of {r:?}");
            if r.end < max {
                assert_eq!(table.region(addr(r.end + 1)), csv_region(&ranges, r.end + 1), "after {r:?}");
            }
            if r.start > 0 {
                assert_eq!(table.region(addr(r.start - 1)), csv_region(&ranges, r.start - 1), "before {r:?}");
            }
            let middle = r.start + (r.end - r.start) / 2;
            assert_eq!(table.region(addr(middle)), r.region, "middle of {r:?}");
        }
    }
}

#[test]
fn a_few_ranges_by_hand() {
    // The first and last ranges of each file, and one of each region, with their neighbours.
    let table = bundled();
    let ranges = csv_v4();
    let mut picked = vec![ranges[0], ranges[ranges.len() - 1]];
    for region in [Region::Mainland, Region::HongKong, Region::Macao, Region::Taiwan] {
        picked.extend(ranges.iter().filter(|r| r.region == region).nth(7).copied());
    }
    for r in picked {
        let (first, last) = (v4(r.start), v4(r.end));
        assert_eq!((table.region(first), table.region(last)), (r.region, r.region), "{first} – {last}");
        let outside = v4(r.end + 1);
        let report = check(&outside.to_string());
        assert_eq!(report.region, Some(csv_region(&ranges, r.end + 1)), "{outside}");
    }
}

/// Walks the table's boundaries back into ranges: they must be exactly the CSV's, once
/// adjacent ranges of one region are merged.
fn decoded(len: usize, boundary: impl Fn(usize) -> Option<(u128, Region)>, max: u128) -> Vec<CsvRange> {
    let mut ranges = Vec::new();
    for i in 0..len {
        let (start, region) = boundary(i).expect("a boundary");
        let end = match boundary(i + 1) {
            Some((next, _)) => next - 1,
            None => max,
        };
        if region != Region::Other {
            ranges.push(CsvRange { start, end, region });
        }
    }
    assert!(boundary(len).is_none());
    ranges
}

fn merged(ranges: Vec<CsvRange>) -> Vec<CsvRange> {
    let mut out: Vec<CsvRange> = Vec::new();
    for r in ranges {
        match out.last_mut() {
            Some(last) if last.region == r.region && last.end + 1 == r.start => last.end = r.end,
            _ => out.push(r),
        }
    }
    out
}

#[test]
fn the_table_is_exactly_the_csvs() {
    let table = bundled();
    let v4_ranges = decoded(table.len_v4(), |i| table.boundary_v4(i).map(|(k, r)| (u128::from(k), r)), u128::from(u32::MAX));
    assert_eq!(v4_ranges, merged(csv_v4()));
    let v6_ranges = decoded(table.len_v6(), |i| table.boundary_v6(i), u128::MAX);
    assert_eq!(v6_ranges, merged(csv_v6()));
}

#[test]
fn size() {
    let bytes = bundled_bytes();
    let table = bundled();
    println!(
        "server-regions.bin: {} bytes raw; {} IPv4 and {} IPv6 boundaries",
        bytes.len(),
        table.len_v4(),
        table.len_v6()
    );
    assert!(bytes.len() < 1 << 20);
    // Debug output (a log line, a failed assertion) shows each table's shape, not its
    // hundreds of kilobytes of keys.
    let debug = format!("{table:?}");
    assert!(debug.contains(&format!("count: {}", table.len_v4())) && debug.contains(&format!("count: {}", table.len_v6())), "{debug}");
    assert!(debug.contains("key_bytes") && debug.len() < 2_000, "{debug}");
}

#[test]
fn lookup_cost() {
    let table = bundled();
    let addresses: Vec<IpAddr> = (0..100_000u32)
        .map(|i| {
            let x = i.wrapping_mul(2_654_435_761);
            if i % 2 == 0 {
                v4(u128::from(x))
            } else {
                v6((0x2400_u128 << 112) | (u128::from(x) << 80))
            }
        })
        .collect();
    let started = std::time::Instant::now();
    let mainland = addresses.iter().filter(|a| table.region(**a) == Region::Mainland).count();
    let per = started.elapsed() / u32::try_from(addresses.len()).expect("fits");
    let started = std::time::Instant::now();
    let validated = ServerRegions::from_bytes(bundled_bytes()).is_some();
    let from_bytes = started.elapsed();
    let started = std::time::Instant::now();
    let reports = (0..10_000).filter(|_| check("114.114.114.114").ok).count();
    let per_check = started.elapsed() / 10_000;
    println!("look-up: {per:?} each ({mainland} of {} in the mainland); check_server: {per_check:?}; from_bytes: {from_bytes:?}", addresses.len());
    assert!(validated && reports == 10_000);
}

// --- Hostile bytes ---

/// Region lookups that must not panic, whatever the table.
fn probe(table: &ServerRegions<'_>) -> Vec<Region> {
    ["0.0.0.0", "114.114.114.114", "255.255.255.255", "::", "2400:3200::1", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "::ffff:1.2.3.4"]
        .iter()
        .map(|a| table.region(a.parse().expect("address")))
        .collect()
}

#[test]
fn truncated_bytes_are_refused() {
    let bytes = bundled_bytes();
    assert!(ServerRegions::from_bytes(&[]).is_none());
    // Every cut inside the header, and a spread of cuts through the tables.
    let cuts = (0..400).chain((400..bytes.len()).step_by(4999)).chain([bytes.len() - 1]);
    for cut in cuts {
        assert!(ServerRegions::from_bytes(&bytes[..cut]).is_none(), "cut at {cut}");
    }
    let mut longer = bytes.to_vec();
    longer.push(0);
    assert!(ServerRegions::from_bytes(&longer).is_none(), "a trailing byte");
}

/// Offset of the table shapes: after magic, version and the five strings.
fn shapes_offset(bytes: &[u8]) -> usize {
    let mut at = 8;
    for _ in 0..5 {
        at += 2 + usize::from(u16::from_le_bytes([bytes[at], bytes[at + 1]]));
    }
    at
}

#[test]
fn corrupted_headers_are_refused() {
    let bytes = bundled_bytes();
    let at = shapes_offset(bytes);
    let corrupt = |f: &dyn Fn(&mut Vec<u8>)| {
        let mut b = bytes.to_vec();
        f(&mut b);
        ServerRegions::from_bytes(&b).is_none()
    };
    assert!(corrupt(&|b| b[0] = b'X'), "magic");
    assert!(corrupt(&|b| b[7] = 2), "version");
    assert!(corrupt(&|b| b[8] = 0xFF), "string length");
    assert!(corrupt(&|b| b[10] = 0xFF), "UTF-8");
    assert!(corrupt(&|b| b[at] = 0), "zero key bytes");
    assert!(corrupt(&|b| b[at] = 5), "IPv4 keys wider than an address");
    assert!(corrupt(&|b| b[at + 5] = 17), "IPv6 keys wider than an address");
    assert!(corrupt(&|b| b[at + 1] = b[at + 1].wrapping_add(1)), "count");
    assert!(corrupt(&|b| b[at + 4] = 0xFF), "huge count");
    assert!(corrupt(&|b| *b.last_mut().expect("bytes") = 9), "unknown region byte");
    // Swap two keys' top plane: no longer increasing.
    let v4_planes = at + 10;
    assert!(corrupt(&|b| b.swap(v4_planes + 10, v4_planes + 3000)), "unsorted keys");
}

#[test]
fn corrupted_bytes_never_panic() {
    let bytes = bundled_bytes();
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    for _ in 0..64 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let position = usize::try_from(state % bytes.len() as u64).expect("fits");
        let mut b = bytes.to_vec();
        b[position] ^= 1 << (state % 8);
        if let Some(table) = ServerRegions::from_bytes(&b) {
            // Still a table: it answers, and the same way every time.
            assert_eq!(probe(&table), probe(&table));
        }
    }
}

/// Writes the format from scratch, to build small tables the tests can reason about.
fn encode(k4: u8, v4: &[(u32, u8)], k6: u8, v6: &[(u128, u8)]) -> Vec<u8> {
    let mut out = b"ICPSRV1\x01".to_vec();
    for s in ["name", "version", "2026-01-01T00:00:00Z", "licence", "attribution"] {
        out.extend_from_slice(&u16::try_from(s.len()).expect("short").to_le_bytes());
        out.extend_from_slice(s.as_bytes());
    }
    out.push(k4);
    out.extend_from_slice(&u32::try_from(v4.len()).expect("fits").to_le_bytes());
    out.push(k6);
    out.extend_from_slice(&u32::try_from(v6.len()).expect("fits").to_le_bytes());
    for plane in 0..k4 {
        out.extend(v4.iter().map(|(k, _)| (k >> (8 * (3 - u32::from(plane)))) as u8));
    }
    out.extend(v4.iter().map(|(_, r)| *r));
    for plane in 0..k6 {
        out.extend(v6.iter().map(|(k, _)| (k >> (8 * (15 - u32::from(plane)))) as u8));
    }
    out.extend(v6.iter().map(|(_, r)| *r));
    out
}

fn region_byte(r: Region) -> u8 {
    [Region::Other, Region::Mainland, Region::HongKong, Region::Macao, Region::Taiwan].iter().position(|x| *x == r).expect("a region") as u8
}

#[test]
fn hand_made_tables() {
    let mainland = region_byte(Region::Mainland);
    let bytes = encode(4, &[(0x0100_0000, mainland), (0x0200_0000, 0)], 2, &[(0x2400_u128 << 112, mainland), (0x2401_u128 << 112, 0)]);
    let table = ServerRegions::from_bytes(&bytes).expect("valid");
    assert_eq!(table.region("0.255.255.255".parse().expect("IPv4")), Region::Other);
    assert_eq!(table.region("1.0.0.0".parse().expect("IPv4")), Region::Mainland);
    assert_eq!(table.region("1.255.255.255".parse().expect("IPv4")), Region::Mainland);
    assert_eq!(table.region("2.0.0.0".parse().expect("IPv4")), Region::Other);
    assert_eq!(table.region("2400:ffff::1".parse().expect("IPv6")), Region::Mainland);
    assert_eq!(table.region("2401::".parse().expect("IPv6")), Region::Other);
    assert_eq!(table.region("::ffff:1.2.3.4".parse().expect("IPv6")), Region::Mainland, "mapped: the IPv4 table");
    assert_eq!(table.source().generated, "2026-01-01T00:00:00Z");
    // A boundary is a whole address: the bytes the keys leave out are zeros put back.
    assert_eq!(table.boundary_v4(1), Some((0x0200_0000, Region::Other)));
    assert_eq!(table.boundary_v6(0), Some((0x2400_u128 << 112, Region::Mainland)));
    assert_eq!(table.boundary_v6(2), None);
    let empty = encode(1, &[], 1, &[]);
    let table = ServerRegions::from_bytes(&empty).expect("an empty table is a table");
    assert_eq!(probe(&table), vec![Region::Other; 7]);
    // Equal keys are not increasing.
    assert!(ServerRegions::from_bytes(&encode(4, &[(5, 1), (5, 0)], 1, &[])).is_none());
}

/// The table the WebAssembly build's `checkServer` uses is the one the page installs: bytes
/// that are no table change nothing; a table installed is the one answered from. (Only this
/// test in this binary reads the installed table, and it leaves the bundled one installed.)
#[test]
fn installing_a_table() {
    assert_eq!(installed().map(|t| t.len_v4()), Some(bundled().len_v4()), "natively, the bundled table until one is installed");
    assert!(!install(b"ICPSRV1\x01 no table".to_vec()));
    assert_eq!(installed().map(|t| t.len_v4()), Some(bundled().len_v4()));
    let mainland = region_byte(Region::Mainland);
    assert!(install(encode(4, &[(0x0800_0000, mainland)], 1, &[])));
    let table = installed().expect("installed");
    assert_eq!((table.len_v4(), table.region("8.8.8.8".parse().expect("IPv4"))), (1, Region::Mainland));
    assert!(install(bundled_bytes().to_vec()));
    assert_eq!(installed().map(|t| t.region("8.8.8.8".parse().expect("IPv4"))), Some(Region::Other));
}

/// The reference model: the region of the last boundary at or below `address`.
fn linear(boundaries: &[(u128, u8)], address: u128) -> u8 {
    boundaries.iter().take_while(|(k, _)| *k <= address).last().map_or(0, |(_, r)| *r)
}

proptest! {
    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        if let Some(table) = ServerRegions::from_bytes(&bytes) {
            prop_assert_eq!(probe(&table), probe(&table));
        }
    }

    #[test]
    fn random_bytes_after_a_valid_magic(tail in proptest::collection::vec(any::<u8>(), 0..256)) {
        let mut bytes = b"ICPSRV1\x01".to_vec();
        bytes.extend(tail);
        if let Some(table) = ServerRegions::from_bytes(&bytes) {
            let _ = (probe(&table), table.source(), table.len_v4(), table.len_v6());
        }
    }

    #[test]
    fn small_tables_answer_like_a_linear_scan(
        mut keys in proptest::collection::vec(any::<u32>(), 0..40),
        regions in proptest::collection::vec(0u8..5, 40),
        probes in proptest::collection::vec(any::<u32>(), 20),
    ) {
        keys.sort_unstable();
        keys.dedup();
        let boundaries: Vec<(u32, u8)> = keys.iter().zip(&regions).map(|(k, r)| (*k, *r)).collect();
        let bytes = encode(4, &boundaries, 1, &[]);
        let table = ServerRegions::from_bytes(&bytes).expect("sorted keys make a valid table");
        let model: Vec<(u128, u8)> = boundaries.iter().map(|(k, r)| (u128::from(*k), *r)).collect();
        for p in probes.iter().copied().chain(keys.iter().copied()).chain(keys.iter().map(|k| k.wrapping_sub(1))) {
            let found = table.region(IpAddr::V4(Ipv4Addr::from(p)));
            prop_assert_eq!(region_byte(found), linear(&model, u128::from(p)), "{}", Ipv4Addr::from(p));
        }
    }

    #[test]
    fn narrow_ipv6_keys(tops in proptest::collection::vec(any::<u16>(), 0..20), probe_addr in any::<u128>()) {
        // Keys of two bytes: the first 16 bits of the address, the rest zero.
        let mut tops = tops;
        tops.sort_unstable();
        tops.dedup();
        let boundaries: Vec<(u128, u8)> = tops.iter().enumerate().map(|(i, t)| (u128::from(*t) << 112, (i % 5) as u8)).collect();
        let bytes = encode(1, &[], 2, &boundaries);
        let table = ServerRegions::from_bytes(&bytes).expect("valid");
        let found = table.region(IpAddr::V6(Ipv6Addr::from(probe_addr)));
        // Mapped addresses go to the (empty) IPv4 table.
        let expected = if Ipv6Addr::from(probe_addr).to_ipv4_mapped().is_some() { 0 } else { linear(&boundaries, probe_addr) };
        prop_assert_eq!(region_byte(found), expected);
    }
}

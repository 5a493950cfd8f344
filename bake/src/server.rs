//! `data/server/` → `server-regions.bin`, the IP region table of `checkServer`
//! (`src/server/regions.rs` is its one reader).
//!
//! The CSVs list the ranges of four regions (Chinese mainland, Hong Kong, Macao, Taiwan);
//! everything else is "other". A look-up only needs the points where the region changes, so
//! each table is a sorted list of boundaries: a range's start gets its region, the address
//! after its end gets `other` unless the next range starts there, and a boundary that does not
//! change the region is dropped. An address's region is that of the last boundary at or below
//! it (`other` below the first).
//!
//! # Format, version 1 (all integers little-endian)
//!
//! | bytes | content |
//! |---|---|
//! | 7 | magic `ICPSRV1` |
//! | 1 | format version, `1` |
//! | 5 × (2 + n) | strings, each a u16 length and UTF-8: source name, source version, generation time (ISO 8601), licence, attribution |
//! | 1 + 4 | IPv4 table: key bytes `k4` (1–4), boundary count `n4` (u32) |
//! | 1 + 4 | IPv6 table: key bytes `k6` (1–16), boundary count `n6` (u32) |
//! | k4 × n4 | IPv4 keys in byte planes, most significant plane first |
//! | n4 | IPv4 regions, one byte per boundary |
//! | k6 × n6 | IPv6 keys in byte planes |
//! | n6 | IPv6 regions |
//!
//! Nothing follows. Region bytes: 0 other, 1 mainland, 2 hong_kong, 3 macao, 4 taiwan.
//!
//! Keys are stored as byte planes: plane 0 holds the most significant byte of every key, plane
//! 1 the next, and so on, so key `i` is `plane[0][i] … plane[k-1][i]`. Sorted keys change
//! slowly in their high bytes, so the high planes are long runs that brotli shrinks to almost
//! nothing (29 kB instead of 34 kB for IPv4, 20 kB instead of 29 kB for IPv6, against plain
//! little-endian keys), while a key is still read in place, without decoding the table.
//! Only the `k` most significant bytes are stored: when every boundary has zero low bytes (an
//! IPv6 table of /64 boundaries needs 8 of 16), the zero planes are left out. The IPFire data
//! has IPv6 ranges of single addresses, so today `k6` is 16.
//!
//! The output depends only on the input files: the same data gives the same bytes.

use std::net::{Ipv4Addr, Ipv6Addr};
use std::path::Path;

const MAGIC: &[u8; 7] = b"ICPSRV1";
const FORMAT_VERSION: u8 = 1;
/// Region keys in the order of their byte values; `other` is 0.
const REGIONS: [&str; 5] = ["other", "mainland", "hong_kong", "macao", "taiwan"];

/// The region table of `dir` (ipv4.csv, ipv6.csv, SOURCE.toml): `server-regions.bin`.
pub fn bake(dir: &Path) -> Vec<u8> {
    let source = read_source(&dir.join("SOURCE.toml"));
    let v4 = read_ranges(&dir.join("ipv4.csv"), |s| s.parse::<Ipv4Addr>().ok().map(|a| u128::from(u32::from(a))));
    let v6 = read_ranges(&dir.join("ipv6.csv"), |s| s.parse::<Ipv6Addr>().ok().map(u128::from));
    for (name, ranges, expected) in [("ipv4", &v4, source.ipv4), ("ipv6", &v6, source.ipv6)] {
        assert_eq!(ranges.len(), expected, "data/server/{name}.csv has {} ranges, SOURCE.toml says {expected}", ranges.len());
    }

    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.push(FORMAT_VERSION);
    for text in [&source.name, &source.version, &source.generated, &source.licence, &source.attribution] {
        let len = u16::try_from(text.len()).unwrap_or_else(|_| panic!("SOURCE.toml: {text:?} is too long"));
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(text.as_bytes());
    }
    let tables = [Table::new(&v4, 4), Table::new(&v6, 16)];
    for table in &tables {
        out.push(table.key_bytes);
        let count = u32::try_from(table.boundaries.len()).expect("fewer than 2^32 boundaries");
        out.extend_from_slice(&count.to_le_bytes());
    }
    for table in &tables {
        table.write(&mut out);
    }
    out
}

struct Source {
    name: String,
    version: String,
    generated: String,
    licence: String,
    attribution: String,
    ipv4: usize,
    ipv6: usize,
}

fn read_source(path: &Path) -> Source {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let table: toml::Table = text.parse().unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let text = |key: &str| {
        let value = table.get(key).and_then(|v| v.as_str());
        value.unwrap_or_else(|| panic!("{}: no string {key:?}", path.display())).to_owned()
    };
    let count = |key: &str| {
        let value = table.get("counts").and_then(|c| c.get(key)).and_then(|v| v.as_integer());
        let value = value.unwrap_or_else(|| panic!("{}: no integer counts.{key}", path.display()));
        usize::try_from(value).unwrap_or_else(|_| panic!("{}: counts.{key} is negative", path.display()))
    };
    Source {
        name: format!("{} (Debian {})", text("upstream"), text("package")),
        version: text("version"),
        generated: text("generated"),
        licence: text("licence"),
        attribution: text("attribution"),
        ipv4: count("ipv4"),
        ipv6: count("ipv6"),
    }
}

/// One range of a CSV: first and last address as integers, region byte.
struct Range {
    start: u128,
    end: u128,
    region: u8,
}

/// Reads `start,end,region` lines, checking that every line parses and the ranges are sorted
/// and disjoint: the look-up is only right if they are.
fn read_ranges(path: &Path, parse: impl Fn(&str) -> Option<u128>) -> Vec<Range> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let mut lines = text.lines().enumerate();
    assert_eq!(lines.next().map(|(_, l)| l), Some("start,end,region"), "{}: wrong header", path.display());
    let mut ranges: Vec<Range> = Vec::new();
    for (index, line) in lines {
        let at = || format!("{}:{}", path.display(), index + 1);
        let fields: Vec<&str> = line.split(',').collect();
        let [start, end, region] = fields[..] else { panic!("{}: expected start,end,region: {line:?}", at()) };
        let start = parse(start).unwrap_or_else(|| panic!("{}: bad address {start:?}", at()));
        let end = parse(end).unwrap_or_else(|| panic!("{}: bad address {end:?}", at()));
        let region = REGIONS.iter().skip(1).position(|r| *r == region).unwrap_or_else(|| panic!("{}: unknown region {region:?}", at()));
        assert!(start <= end, "{}: range ends before it starts", at());
        assert!(ranges.last().is_none_or(|last| last.end < start), "{}: range out of order or overlapping", at());
        ranges.push(Range { start, end, region: u8::try_from(region + 1).expect("five regions") });
    }
    ranges
}

/// One family's boundaries, and how many key bytes they need.
struct Table {
    /// (first address, region from there on), sorted, each changing the region.
    boundaries: Vec<(u128, u8)>,
    width: u8,
    key_bytes: u8,
}

impl Table {
    /// `width`: the address size in bytes (4 or 16).
    fn new(ranges: &[Range], width: u8) -> Table {
        let max = u128::MAX >> (128 - 8 * u32::from(width));
        let mut boundaries: Vec<(u128, u8)> = Vec::new();
        for range in ranges {
            // The `other` boundary after the previous range, if this range starts right there.
            if boundaries.last().is_some_and(|(key, _)| *key == range.start) {
                boundaries.pop();
            }
            boundaries.push((range.start, range.region));
            if range.end < max {
                boundaries.push((range.end + 1, 0));
            }
        }
        // A boundary that keeps the region it follows is no boundary (`other` before the first).
        let mut previous = 0;
        boundaries.retain(|&(_, region)| std::mem::replace(&mut previous, region) != region);
        let zero_low_bytes = boundaries.iter().map(|(key, _)| key.trailing_zeros() / 8).min().unwrap_or(0);
        let key_bytes = u32::from(width).saturating_sub(zero_low_bytes).max(1);
        Table { boundaries, width, key_bytes: u8::try_from(key_bytes).expect("at most 16") }
    }

    fn write(&self, out: &mut Vec<u8>) {
        for plane in 0..self.key_bytes {
            let shift = 8 * u32::from(self.width - 1 - plane);
            out.extend(self.boundaries.iter().map(|(key, _)| (key >> shift) as u8));
        }
        out.extend(self.boundaries.iter().map(|(_, region)| *region));
    }
}

//! The IP region table: reads `server-regions.bin` in place (no decoding, no allocation) and
//! answers which region an address is in.
//!
//! `bake/src/server.rs` is the one writer; this is the one reader. The bytes come from the build
//! (natively, [`bundled`]) or from the page, which fetches the file lazily and passes it in
//! (WebAssembly), so they are validated once, in [`ServerRegions::from_bytes`], and never
//! trusted before: any bytes give a table or `None`, never a panic.
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
//! A table is a sorted list of boundaries, the points where the region changes: an address is
//! in the region of the last boundary at or below it, and in `other` below the first. Key `i`
//! is the bytes `plane[0][i] … plane[k-1][i]`: the `k` most significant bytes of the boundary
//! address (its other bytes are zero). Byte planes compress far better than whole keys, which
//! matters because the page downloads the file; a key is still read in place.

// No panic is reachable from the public entry points (a panic traps the WebAssembly module for
// the rest of the page's life): clippy refuses unwrap, expect, indexing and panics here.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented))]

use crate::binary::Reader;
use super::Region;
use serde::Serialize;
use std::net::IpAddr;

const MAGIC: &[u8; 7] = b"ICPSRV1";
const FORMAT_VERSION: u8 = 1;

/// Where a region table's data comes from, for display and for the licence's attribution.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServerDataSource {
    /// `IPFire Location Database (Debian tor-geoipdb)`.
    pub name: String,
    /// The version of the package the data was taken from (`0.4.9.8-0+deb12u1`).
    pub version: String,
    /// When the upstream data was exported, ISO 8601 (`2026-05-06T04:32:30Z`).
    pub generated: String,
    /// `CC BY-SA 4.0`.
    pub licence: String,
    /// The credit the licence asks for, to show wherever a region is shown.
    pub attribution: String,
}

/// An IP region table over borrowed bytes, in the format above.
#[derive(Clone, Copy, Debug)]
pub struct ServerRegions<'a> {
    strings: [&'a str; 5],
    v4: Table<'a>,
    v6: Table<'a>,
}

/// One family's boundaries.
#[derive(Clone, Copy)]
struct Table<'a> {
    /// `key_bytes` planes of `count` bytes each.
    planes: &'a [u8],
    regions: &'a [u8],
    count: usize,
    key_bytes: usize,
    /// Bits of the address that the keys leave out (its low bytes).
    dropped_bits: u32,
}

impl<'a> ServerRegions<'a> {
    /// Reads a table, checking everything a look-up relies on: magic, version, string
    /// lengths and UTF-8, key widths, that the sizes add up to exactly the given bytes, region
    /// bytes, and that every table's keys increase. `None` when anything is off.
    ///
    /// The check reads every key once (about 40,000): do it once per page, not per address.
    pub fn from_bytes(bytes: &'a [u8]) -> Option<ServerRegions<'a>> {
        let mut reader = Reader(bytes);
        if reader.take(MAGIC.len())? != MAGIC || reader.byte()? != FORMAT_VERSION {
            return None;
        }
        let mut strings = [""; 5];
        for string in &mut strings {
            let len = usize::from(reader.u16()?);
            *string = std::str::from_utf8(reader.take(len)?).ok()?;
        }
        let v4_shape = (reader.byte()?, reader.u32()?);
        let v6_shape = (reader.byte()?, reader.u32()?);
        let v4 = Table::read(&mut reader, v4_shape, 4)?;
        let v6 = Table::read(&mut reader, v6_shape, 16)?;
        if !reader.0.is_empty() {
            return None;
        }
        Some(ServerRegions { strings, v4, v6 })
    }

    /// The region of `ip`. An IPv4-mapped IPv6 address (`::ffff:1.2.3.4`) is looked up as
    /// its IPv4 address, which is where the table has it.
    pub fn region(&self, ip: IpAddr) -> Region {
        match ip {
            IpAddr::V4(v4) => self.v4.region(u128::from(u32::from(v4))),
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => self.v4.region(u128::from(u32::from(v4))),
                None => self.v6.region(u128::from(v6)),
            },
        }
    }

    pub fn source(&self) -> ServerDataSource {
        let [name, version, generated, licence, attribution] = self.strings.map(str::to_owned);
        ServerDataSource { name, version, generated, licence, attribution }
    }

    /// The licence's required credit, without allocating ([`ServerDataSource::attribution`]).
    pub fn attribution(&self) -> &'a str {
        let [.., attribution] = self.strings;
        attribution
    }

    /// Number of IPv4 boundaries (points where the region changes).
    pub fn len_v4(&self) -> usize {
        self.v4.count
    }

    /// Number of IPv6 boundaries.
    pub fn len_v6(&self) -> usize {
        self.v6.count
    }

    /// The `index`th IPv4 boundary: its first address as an integer and the region from there
    /// on. For tests and tools that walk the table.
    pub fn boundary_v4(&self, index: usize) -> Option<(u32, Region)> {
        let (key, region) = self.v4.boundary(index)?;
        Some((u32::try_from(key).ok()?, region))
    }

    /// The `index`th IPv6 boundary.
    pub fn boundary_v6(&self, index: usize) -> Option<(u128, Region)> {
        self.v6.boundary(index)
    }
}

/// The shape, not the hundreds of kilobytes of keys.
impl std::fmt::Debug for Table<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Table").field("count", &self.count).field("key_bytes", &self.key_bytes).finish()
    }
}

impl<'a> Table<'a> {
    /// Reads the planes and regions of a table of `shape` = (key bytes, count) for addresses
    /// of `width` bytes, and checks them.
    fn read(reader: &mut Reader<'a>, shape: (u8, u32), width: usize) -> Option<Table<'a>> {
        let key_bytes = usize::from(shape.0);
        let count = usize::try_from(shape.1).ok()?;
        if key_bytes == 0 || key_bytes > width {
            return None;
        }
        let planes = reader.take(key_bytes.checked_mul(count)?)?;
        let regions = reader.take(count)?;
        let dropped_bits = u32::try_from(8 * (width - key_bytes)).ok()?;
        let table = Table { planes, regions, count, key_bytes, dropped_bits };
        table.is_valid().then_some(table)
    }

    /// Region bytes known, keys strictly increasing.
    fn is_valid(&self) -> bool {
        if self.regions.iter().any(|r| Region::from_byte(*r).is_none()) {
            return false;
        }
        let mut previous: Option<u128> = None;
        (0..self.count).all(|i| {
            let key = self.key(i);
            let increasing = previous.is_none_or(|p| p < key);
            previous = Some(key);
            increasing
        })
    }

    /// Byte `plane` of key `i`. Out of range reads as 0 (never reached: the planes' length
    /// was checked when the table was read).
    fn byte(&self, plane: usize, i: usize) -> u8 {
        let at = plane.checked_mul(self.count).and_then(|start| start.checked_add(i));
        at.and_then(|at| self.planes.get(at)).copied().unwrap_or(0)
    }

    /// Key `i`, gathered from the planes.
    fn key(&self, i: usize) -> u128 {
        (0..self.key_bytes).fold(0u128, |key, plane| (key << 8) | u128::from(self.byte(plane, i)))
    }

    /// `key(i) <= probe`, reading planes only until they differ: each plane is a separate
    /// cache line, and most comparisons are settled by the first byte or two.
    fn key_at_most(&self, i: usize, probe: u128) -> bool {
        for plane in 0..self.key_bytes {
            // The probe's byte in this plane: the cast keeps just the low 8 bits, on purpose.
            let wanted = (probe >> (8 * (self.key_bytes - 1 - plane))) as u8;
            let byte = self.byte(plane, i);
            if byte != wanted {
                return byte < wanted;
            }
        }
        true
    }

    fn boundary(&self, index: usize) -> Option<(u128, Region)> {
        let region = Region::from_byte(*self.regions.get(index)?)?;
        Some((self.key(index) << self.dropped_bits, region))
    }

    /// Binary search for the last boundary at or below `address`.
    fn region(&self, address: u128) -> Region {
        // The keys leave the low bytes out, and a boundary's low bytes are zero, so comparing
        // the high bytes alone gives the same order.
        let probe = address >> self.dropped_bits;
        let (mut low, mut high) = (0, self.count);
        while low < high {
            let mid = low + (high - low) / 2;
            if self.key_at_most(mid, probe) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        match low.checked_sub(1) {
            Some(index) => self.regions.get(index).and_then(|r| Region::from_byte(*r)).unwrap_or(Region::Other),
            None => Region::Other,
        }
    }
}

/// The table built from `data/server/` into this build. Natively only: in WebAssembly the
/// page loads the file itself, when it needs it, so the module does not carry it.
///
/// The bytes are validated once and kept. They come from our own build, so they always
/// validate (a test proves it); were they ever not to, the table would be empty and every
/// address `other`, rather than a panic.
/// Makes the table in `bytes` (`server-regions.bin`, as the page fetched it) the one
/// [`installed`] returns; `false`, and nothing changes, when they are not such a table.
pub fn install(bytes: Vec<u8>) -> bool {
    INSTALLED.install(bytes, ServerRegions::from_bytes)
}

/// The table `checkServer` uses: the one [`install`]ed, else natively the [`bundled`] one; in
/// WebAssembly `None` until the page installs one.
pub fn installed() -> Option<ServerRegions<'static>> {
    let slot = INSTALLED.get();
    #[cfg(not(target_arch = "wasm32"))]
    let slot = slot.or_else(|| Some(bundled()));
    slot
}

static INSTALLED: crate::binary::Installed<ServerRegions<'static>> = crate::binary::Installed::new();

#[cfg(not(target_arch = "wasm32"))]
pub fn bundled() -> ServerRegions<'static> {
    static TABLE: std::sync::OnceLock<ServerRegions<'static>> = std::sync::OnceLock::new();
    *TABLE.get_or_init(|| ServerRegions::from_bytes(BUNDLED).unwrap_or_else(ServerRegions::empty))
}

/// The bytes [`bundled`] reads: the same file the page loads, for tools and tests.
#[cfg(not(target_arch = "wasm32"))]
pub fn bundled_bytes() -> &'static [u8] {
    BUNDLED
}

#[cfg(not(target_arch = "wasm32"))]
static BUNDLED: &[u8] = include_bytes!("../generated/server-regions.bin");

#[cfg(not(target_arch = "wasm32"))]
impl ServerRegions<'static> {
    /// No boundaries at all: every address is `other`.
    fn empty() -> Self {
        let table = Table { planes: &[], regions: &[], count: 0, key_bytes: 1, dropped_bits: 0 };
        ServerRegions { strings: [""; 5], v4: table, v6: table }
    }
}

//! The home province (号码归属地) of a mainland mobile number, for the provinces that ask the
//! principal for a local number (`docs/rules.md` §2.8 P4: Jiangsu's 联系方式1 must be a Jiangsu
//! number, [C] S10; other provinces "有明确规定就需要填写本省", [C] S5, S6).
//!
//! A mobile number's first seven digits (`1380013`) were allocated to one city, and so one
//! province; number portability (携号转网) changes the carrier, never the home region. The data
//! is libphonenumber's geocoding for +86 (`geocoding/zh/86.txt` and `en/86.txt`, which name
//! the city and province of 129,818 prefixes of 3 to 7 digits), reduced by
//! `scripts/refresh-phone-data.py` to the province of every 7-digit prefix
//! (`data/phone/mobile-regions.csv`, in the province codes of `data/rules/provinces.toml`), and
//! baked by `bake/src/phone.rs` into `mobile-regions.bin`: about 9,000 boundaries, 36 kB (13 kB
//! brotli). It covers the older segments (13x, 145, 147, 15x, 170, 176–178, 18x); 16x, 19x and
//! the other 17x are not in it yet, and a number there is "not checked", never "wrong".
//!
//! The table is not part of the WebAssembly module (36 kB that most pages never need):
//! natively it is in the library ([`bundled`]); in WebAssembly the page fetches the file
//! when a province profile asks for the check and hands it over with [`install`]. Until then the
//! check says it could not be made (`mobile.province_unchecked`), never that it passed.
//!
//! # Format, version 1 (all integers little-endian)
//!
//! | bytes | content |
//! |---|---|
//! | 7 | magic `ICPMOB1` |
//! | 1 | format version, `1` |
//! | 4 × (2 + n) | strings, each a u16 length and UTF-8: source, libphonenumber version, licence, attribution |
//! | 1 | province count `p` (1–254) |
//! | 2 × p | province codes, two ASCII capital letters each |
//! | 4 | boundary count `n` (u32) |
//! | 3 × n | keys, the 7-digit prefix minus 1,000,000, in 3 byte planes, most significant plane first |
//! | n | regions: 0 unknown, `i` the `i`th province code |
//!
//! Nothing follows. A prefix is in the region of the last boundary at or below it (unknown
//! below the first). `bake/src/phone.rs` is the one writer; this is the one reader, which checks
//! everything a look-up relies on in [`MobileRegions::from_bytes`]: any bytes give a table or
//! `None`, never a panic.

// No panic is reachable from the public entry points (a panic traps the WebAssembly module for
// the rest of the page's life): clippy refuses unwrap, expect, indexing and panics here.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented))]

use crate::binary::Reader;
use super::{mobile, normalize};
use crate::base::{Param, Params};

const MAGIC: &[u8; 7] = b"ICPMOB1";
const FORMAT_VERSION: u8 = 1;
/// Keys are the 7-digit prefix minus this.
const KEY_BASE: u32 = 1_000_000;

/// A province code of `data/rules/provinces.toml` (ISO 3166-2:CN without `CN-`): `JS`, `BJ`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProvinceCode([u8; 2]);

impl ProvinceCode {
    /// `JS`.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("")
    }

    /// A code from two ASCII capital letters (`"JS"`); `None` otherwise.
    pub fn new(code: &str) -> Option<ProvinceCode> {
        match code.as_bytes() {
            &[a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => Some(ProvinceCode([a, b])),
            _ => None,
        }
    }
}

impl std::fmt::Debug for ProvinceCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.as_str())
    }
}

impl std::fmt::Display for ProvinceCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a table's data comes from, for display and for the licence's attribution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MobileRegionsSource {
    /// `libphonenumber geocoding (crates.io phonenumber 0.3.10+9.0.33)`.
    pub name: String,
    /// The libphonenumber version (`9.0.33`).
    pub version: String,
    /// `Apache-2.0`.
    pub licence: String,
    pub attribution: String,
}

/// The prefix → province table over borrowed bytes, in the format above.
#[derive(Clone, Copy)]
pub struct MobileRegions<'a> {
    strings: [&'a str; 4],
    /// `2 × p` bytes.
    codes: &'a [u8],
    /// 3 planes of `count` bytes.
    planes: &'a [u8],
    regions: &'a [u8],
    count: usize,
}

/// The shape, not the kilobytes.
impl std::fmt::Debug for MobileRegions<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MobileRegions").field("version", &self.strings[1]).field("boundaries", &self.count).finish()
    }
}

impl<'a> MobileRegions<'a> {
    /// Reads a table, checking magic, version, string lengths and UTF-8, the province codes,
    /// that the sizes add up to exactly the given bytes, that every region byte names a
    /// province (or 0), and that the keys increase. `None` when anything is off. The check
    /// reads every key once (about 9,000): do it once per page, not per number.
    pub fn from_bytes(bytes: &'a [u8]) -> Option<MobileRegions<'a>> {
        let mut reader = Reader(bytes);
        if reader.take(MAGIC.len())? != MAGIC || reader.byte()? != FORMAT_VERSION {
            return None;
        }
        let mut strings = [""; 4];
        for string in &mut strings {
            let len = usize::from(reader.u16()?);
            *string = std::str::from_utf8(reader.take(len)?).ok()?;
        }
        let provinces = usize::from(reader.byte()?);
        if provinces == 0 || provinces > 254 {
            return None;
        }
        let codes = reader.take(provinces * 2)?;
        if !codes.iter().all(u8::is_ascii_uppercase) {
            return None;
        }
        let count = usize::try_from(reader.u32()?).ok()?;
        let planes = reader.take(count.checked_mul(3)?)?;
        let regions = reader.take(count)?;
        if !reader.0.is_empty() || regions.iter().any(|&r| usize::from(r) > provinces) {
            return None;
        }
        let table = MobileRegions { strings, codes, planes, regions, count };
        let mut previous: Option<u32> = None;
        for i in 0..count {
            let key = table.key(i);
            if previous.is_some_and(|p| p >= key) {
                return None;
            }
            previous = Some(key);
        }
        Some(table)
    }

    /// The home province of a mobile number: anything [`mobile::compact`] reduces to 11
    /// digits starting with 1 (`+86 138 0013 8000`). `None` for other input, and for a prefix
    /// the data does not place.
    pub fn region(&self, number: &str) -> Option<ProvinceCode> {
        let national = mobile::compact(number);
        let b = national.as_bytes();
        if b.len() != 11 || b.first() != Some(&b'1') || !b.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let prefix = b.iter().take(7).fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
        self.region_of_prefix(prefix)
    }

    /// The province of a 7-digit prefix (`1380013`), `None` when the data does not place it.
    pub fn region_of_prefix(&self, prefix: u32) -> Option<ProvinceCode> {
        let probe = prefix.checked_sub(KEY_BASE)?;
        let (mut low, mut high) = (0, self.count);
        while low < high {
            let mid = low + (high - low) / 2;
            if self.key(mid) <= probe {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        let region = usize::from(*self.regions.get(low.checked_sub(1)?)?);
        self.code(region.checked_sub(1)?)
    }

    /// The `i`th province code of the header.
    fn code(&self, i: usize) -> Option<ProvinceCode> {
        let bytes = self.codes.get(i * 2..i * 2 + 2)?;
        Some(ProvinceCode([*bytes.first()?, *bytes.get(1)?]))
    }

    /// Key `i` from the three planes (out of range reads as 0, never reached: the planes'
    /// length was checked).
    fn key(&self, i: usize) -> u32 {
        (0..3).fold(0u32, |key, plane| {
            let byte = plane * self.count + i;
            (key << 8) | u32::from(self.planes.get(byte).copied().unwrap_or(0))
        })
    }

    /// The provinces the header names, in its order.
    pub fn provinces(&self) -> impl Iterator<Item = ProvinceCode> + '_ {
        self.codes.chunks_exact(2).filter_map(|pair| <[u8; 2]>::try_from(pair).ok().map(ProvinceCode))
    }

    /// Number of boundaries (points where the province changes).
    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    pub fn source(&self) -> MobileRegionsSource {
        let [name, version, licence, attribution] = self.strings.map(str::to_owned);
        MobileRegionsSource { name, version, licence, attribution }
    }
}

/// The table built from `data/phone/` into this build. Natively only: in WebAssembly the page
/// loads the file itself, when it needs it, so the module does not carry it. The bytes come
/// from our own build and always validate (a test proves it); were they ever not to, this
/// would be an empty table (every number "not checked") rather than a panic.
#[cfg(not(target_arch = "wasm32"))]
pub fn bundled() -> MobileRegions<'static> {
    static TABLE: std::sync::OnceLock<MobileRegions<'static>> = std::sync::OnceLock::new();
    *TABLE.get_or_init(|| MobileRegions::from_bytes(BUNDLED).unwrap_or(MobileRegions { strings: [""; 4], codes: &[], planes: &[], regions: &[], count: 0 }))
}

/// The bytes [`bundled`] reads: the same file the page loads (`mobile-regions.bin`).
#[cfg(not(target_arch = "wasm32"))]
pub fn bundled_bytes() -> &'static [u8] {
    BUNDLED
}

#[cfg(not(target_arch = "wasm32"))]
static BUNDLED: &[u8] = include_bytes!("../generated/mobile-regions.bin");

static INSTALLED: crate::binary::Installed<MobileRegions<'static>> = crate::binary::Installed::new();

/// Makes a table the one [`installed`] returns (what the page calls once it has fetched
/// `mobile-regions.bin`). The bytes are kept for the rest of the program (leaked on purpose:
/// a table is loaded once). `false`, and nothing changes, when they are not such a table.
pub fn install(bytes: Vec<u8>) -> bool {
    INSTALLED.install(bytes, MobileRegions::from_bytes)
}

/// The table the checks use: the one [`install`]ed, else natively the [`bundled`] one; in
/// WebAssembly `None` until the page installs one.
pub fn installed() -> Option<MobileRegions<'static>> {
    let slot = INSTALLED.get();
    #[cfg(not(target_arch = "wasm32"))]
    let slot = slot.or_else(|| Some(bundled()));
    slot
}

/// Why the province of a number could not be checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unchecked {
    /// No table (WebAssembly before the page installed one).
    DataUnavailable,
    /// The table does not place the number's prefix (most of 16x, 17x and 19x today).
    PrefixUnknown,
}

impl Unchecked {
    /// `data_unavailable`, `prefix_unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Unchecked::DataUnavailable => "data_unavailable",
            Unchecked::PrefixUnknown => "prefix_unknown",
        }
    }
}

/// What [`check_province`] finds.
// Variant fields are described in the variant's doc; `value` is always the quoted input
// as [`normalize::excerpt`] shortens it.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProvinceFinding {
    /// The number's home region is `region`, not the filing province `province` that asks
    /// for a local number (P4, [C] for Jiangsu: an error).
    OtherProvince { value: String, region: ProvinceCode, province: ProvinceCode },
    /// The check could not be made (a warning): no data, or a prefix the data does not place.
    Unchecked { value: String, province: ProvinceCode, reason: Unchecked },
}

impl ProvinceFinding {
    /// `mobile.province`, `mobile.province_unchecked`.
    pub fn code(&self) -> &'static str {
        match self {
            ProvinceFinding::OtherProvince { .. } => "mobile.province",
            ProvinceFinding::Unchecked { .. } => "mobile.province_unchecked",
        }
    }

    /// Named values for the message (province codes; the caller shows their names).
    pub fn params(&self) -> Params {
        match self {
            ProvinceFinding::OtherProvince { value, region, province } => Params(vec![
                ("value", Param::from(value.clone())),
                ("region", Param::from(region.to_string())),
                ("province", Param::from(province.to_string())),
            ]),
            ProvinceFinding::Unchecked { value, province, reason } => Params(vec![
                ("value", Param::from(value.clone())),
                ("province", Param::from(province.to_string())),
                ("reason", Param::from(reason.as_str())),
            ]),
        }
    }

    /// A number from another province breaks a confirmed rule (the profile only asks where
    /// the province states it); a check not made is a warning.
    pub fn is_certain(&self) -> bool {
        matches!(self, ProvinceFinding::OtherProvince { .. })
    }
}

/// §2.8 P4: whether `number` (a valid mobile, in any form [`mobile::compact`] reads) is a
/// number of `province`, by `data` ([`installed`] gives the table the checks use).
///
/// # Errors
///
/// A [`ProvinceFinding`] when the home region is another province, or when it cannot be told.
/// `Ok` with the province when it is `province`.
pub fn check_province(number: &str, province: ProvinceCode, data: Option<&MobileRegions<'_>>) -> Result<ProvinceCode, ProvinceFinding> {
    let value = normalize::excerpt(number);
    let Some(data) = data else {
        return Err(ProvinceFinding::Unchecked { value, province, reason: Unchecked::DataUnavailable });
    };
    match data.region(number) {
        Some(region) if region == province => Ok(region),
        Some(region) => Err(ProvinceFinding::OtherProvince { value, region, province }),
        None => Err(ProvinceFinding::Unchecked { value, province, reason: Unchecked::PrefixUnknown }),
    }
}

/// For the catalogue test of `mobile.rs`: one finding of each kind.
#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    pub(crate) fn every_finding() -> Vec<ProvinceFinding> {
        let js = ProvinceCode::new("JS");
        let bj = ProvinceCode::new("BJ");
        let (Some(js), Some(bj)) = (js, bj) else { return Vec::new() };
        vec![
            ProvinceFinding::OtherProvince { value: "13800138000".into(), region: bj, province: js },
            ProvinceFinding::Unchecked { value: "19912345678".into(), province: js, reason: Unchecked::PrefixUnknown },
        ]
    }
}

#[cfg(test)]
#[allow(clippy::panic, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn code(s: &str) -> ProvinceCode {
        ProvinceCode::new(s).unwrap()
    }

    #[test]
    fn bundled_table_reads() {
        let table = MobileRegions::from_bytes(bundled_bytes()).expect("the build's table validates");
        assert!(table.len() > 5_000, "{table:?}");
        assert_eq!(table.provinces().count(), crate::rules::provinces().len());
        for (p, info) in table.provinces().zip(crate::rules::provinces()) {
            assert_eq!(p.as_str(), info.code);
        }
        let source = table.source();
        assert_eq!(source.version, super::mobile::plan::METADATA_VERSION);
        assert_eq!(source.licence, "Apache-2.0");
        assert!(source.name.contains("phonenumber"), "{source:?}");
    }

    #[test]
    fn known_prefixes() {
        let t = bundled();
        // geocoding/zh/86.txt: 86138001|北京市, 86130025|江苏省南京市, 86130005|广东省广州市,
        // 861300000|山东省济南市 (prefixes of 6 and 7 national digits)
        assert_eq!(t.region("13800138000"), Some(code("BJ")));
        assert_eq!(t.region("+86 130 0025 1234"), Some(code("JS")));
        assert_eq!(t.region("1300050 1234"), Some(code("GD")));
        assert_eq!(t.region_of_prefix(1_300_000), Some(code("SD")));
        // Not placed: 1300004 is not listed; 199 is newer than the data.
        assert_eq!(t.region("13000041234"), None);
        assert_eq!(t.region("19912345678"), None);
        // Not a mobile.
        assert_eq!(t.region("010-88888888"), None);
        assert_eq!(t.region(""), None);
        assert_eq!(t.region_of_prefix(999_999), None);
        assert_eq!(t.region_of_prefix(u32::MAX), None);
    }

    #[test]
    fn agrees_with_the_csv() {
        let csv = include_str!("../../data/phone/mobile-regions.csv");
        let t = bundled();
        let mut previous_last = 1_299_999u32;
        for line in csv.lines().skip(1) {
            let f: Vec<&str> = line.split(',').collect();
            let (first, last, province): (u32, u32, &str) = (f[0].parse().unwrap(), f[1].parse().unwrap(), f[2]);
            for p in [first, (first + last) / 2, last] {
                assert_eq!(t.region_of_prefix(p), Some(code(province)), "{p}");
            }
            if first > previous_last + 1 {
                assert_eq!(t.region_of_prefix(first - 1), None, "{}", first - 1);
            }
            previous_last = last;
        }
    }

    #[test]
    fn check() {
        let t = bundled();
        let js = code("JS");
        assert_eq!(check_province("13000251234", js, Some(&t)), Ok(js));
        assert_eq!(
            check_province("13800138000", js, Some(&t)),
            Err(ProvinceFinding::OtherProvince { value: "13800138000".into(), region: code("BJ"), province: js })
        );
        assert_eq!(
            check_province("19912345678", js, Some(&t)).map_err(|f| f.code()),
            Err("mobile.province_unchecked")
        );
        let e = check_province("13800138000", js, None).unwrap_err();
        assert_eq!(e.params().0.last(), Some(&("reason", Param::from("data_unavailable"))));
        assert!(!e.is_certain());
    }

    #[test]
    fn install_replaces_and_refuses_garbage() {
        assert!(!install(b"ICPMOB1\x01".to_vec()));
        assert!(install(bundled_bytes().to_vec()));
        assert_eq!(installed().map(|t| t.len()), Some(bundled().len()));
    }

    #[test]
    fn every_truncation_and_corruption_is_refused_or_read() {
        let bytes = bundled_bytes();
        for cut in [0, 1, 7, 8, 9, 20, bytes.len() / 2, bytes.len() - 1] {
            assert!(MobileRegions::from_bytes(&bytes[..cut]).is_none(), "{cut}");
        }
        let mut longer = bytes.to_vec();
        longer.push(0);
        assert!(MobileRegions::from_bytes(&longer).is_none());
        let mut bad_region = bytes.to_vec();
        *bad_region.last_mut().unwrap() = 255;
        assert!(MobileRegions::from_bytes(&bad_region).is_none());
    }

    /// A table in the format of the module doc: `boundaries` are (7-digit prefix, region).
    fn table_bytes(provinces: &[[u8; 2]], boundaries: &[(u32, u8)]) -> Vec<u8> {
        let mut bytes = b"ICPMOB1\x01".to_vec();
        for string in ["test", "9.0.33", "Apache-2.0", ""] {
            bytes.extend_from_slice(&u16::try_from(string.len()).unwrap().to_le_bytes());
            bytes.extend_from_slice(string.as_bytes());
        }
        bytes.push(u8::try_from(provinces.len()).unwrap());
        bytes.extend(provinces.iter().flatten());
        bytes.extend_from_slice(&u32::try_from(boundaries.len()).unwrap().to_le_bytes());
        for shift in [16, 8, 0] {
            bytes.extend(boundaries.iter().map(|&(prefix, _)| ((prefix - KEY_BASE) >> shift) as u8));
        }
        bytes.extend(boundaries.iter().map(|&(_, region)| region));
        bytes
    }

    /// `count` distinct province codes: AA, AB, …
    fn codes(count: usize) -> Vec<[u8; 2]> {
        (0..count).map(|i| [b'A' + (i / 26) as u8, b'A' + (i % 26) as u8]).collect()
    }

    #[test]
    fn a_hand_made_table_reads() {
        let bytes = table_bytes(&codes(2), &[(1_300_000, 1), (1_350_000, 2), (1_400_000, 0)]);
        let t = MobileRegions::from_bytes(&bytes).unwrap();
        assert_eq!(t.len(), 3);
        assert!(!t.is_empty());
        assert_eq!(t.provinces().map(|p| p.to_string()).collect::<Vec<_>>(), ["AA", "AB"]);
        assert_eq!(t.region_of_prefix(1_299_999), None);
        assert_eq!(t.region_of_prefix(1_349_999), Some(code("AA")));
        assert_eq!(t.region("13500000000"), Some(code("AB")));
        assert_eq!(t.region_of_prefix(1_400_000), None);
        assert_eq!(format!("{t:?}"), r#"MobileRegions { version: "9.0.33", boundaries: 3 }"#);
        assert_eq!(format!("{:?}", code("JS")), "JS");
        // No boundaries is a table that places nothing.
        let bytes = table_bytes(&codes(1), &[]);
        let empty = MobileRegions::from_bytes(&bytes).unwrap();
        assert!(empty.is_empty());
        assert_eq!(empty.region("13800138000"), None);
    }

    #[test]
    fn a_table_names_one_to_254_provinces() {
        // The format's bounds: a header with no province places nothing.
        assert!(MobileRegions::from_bytes(&table_bytes(&[], &[(1_300_000, 0)])).is_none());
        assert!(MobileRegions::from_bytes(&table_bytes(&codes(1), &[(1_300_000, 1)])).is_some());
        let bytes = table_bytes(&codes(254), &[(1_300_000, 254)]);
        let most = MobileRegions::from_bytes(&bytes).unwrap();
        assert_eq!(most.provinces().count(), 254);
        assert!(MobileRegions::from_bytes(&table_bytes(&codes(255), &[(1_300_000, 1)])).is_none());
        // A region byte past the header's provinces is refused.
        assert!(MobileRegions::from_bytes(&table_bytes(&codes(2), &[(1_300_000, 3)])).is_none());
    }

    #[test]
    fn only_eleven_digits_starting_with_1_have_a_region() {
        let t = bundled();
        assert_eq!(t.region("1380013800"), None, "10 digits");
        assert_eq!(t.region("138001380000"), None, "12 digits");
        assert_eq!(t.region("23800138000"), None, "starts with 2");
        assert_eq!(t.region("13800a38000"), None, "a letter among the first seven");
        assert_eq!(t.region("1380013800a"), None, "a letter after them");
    }

    proptest! {
        #[test]
        fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let mut with_magic = b"ICPMOB1\x01".to_vec();
            with_magic.extend_from_slice(&bytes);
            for b in [&bytes, &with_magic] {
                if let Some(t) = MobileRegions::from_bytes(b) {
                    let _ = t.region("13800138000");
                    let _ = t.region_of_prefix(1_380_013);
                }
            }
        }

        #[test]
        fn flipped_bytes_never_panic(at in 0usize..40_000, value in any::<u8>(), number in "1[3-9][0-9]{9}") {
            let mut bytes = bundled_bytes().to_vec();
            let len = bytes.len();
            bytes[at % len] = value;
            if let Some(t) = MobileRegions::from_bytes(&bytes) {
                let _ = t.region(&number);
            }
        }
    }
}

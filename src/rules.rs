//! Rule data baked from `data/rules/*.toml` (by `bake/` into `src/generated/rules.rs`), and look-ups over it.
//!
//! Lists, zones, provinces and entity types are data: adding a TLD that MIIT approves, or a
//! province profile, is an edit to a TOML file with its source and date, not to this code.

// No panic is reachable from the public entry points (a panic traps the WebAssembly module for
// the rest of the page's life): clippy refuses unwrap, expect, indexing and panics here.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented))]

use crate::base::{Locale, Severity};

/// A province whose 管局 publishes its own TLD list (docs/rules.md §1.2.2).
#[derive(Debug)]
pub(crate) struct ProvinceTldList {
    pub province: &'static str,
    pub version: &'static str,
    pub source: &'static str,
    /// Sorted A-labels.
    pub allowed: &'static [&'static str],
    /// Whether the national IDN TLDs count as allowed (Beijing's ".中文域名").
    pub national_idn: bool,
    /// Sorted; explicitly named as not fileable.
    pub refused: &'static [&'static str],
}

/// A `.cn` zone (or IDN TLD) reserved for some kinds of entity (docs/rules.md §1.4).
#[derive(Debug)]
pub(crate) struct Zone {
    pub ascii: &'static str,
    pub unicode: &'static str,
    pub remark: &'static str,
    pub allowed: &'static [EntityType],
    pub tolerated: &'static [EntityType],
    pub otherwise: Severity,
}

/// A filing province (ISO 3166-2:CN).
#[derive(Debug, PartialEq, Eq)]
pub struct ProvinceInfo {
    pub code: &'static str,
    pub numeric: &'static str,
    pub name: &'static str,
    pub full_name: &'static str,
    pub abbreviation: &'static str,
    /// The first character of its ICP record numbers (`蜀` for Sichuan).
    pub record_prefix: char,
    /// Prefixes older or placeholder footers still carry (`川` for Sichuan), §5.1 [U].
    pub legacy_record_prefixes: &'static [char],
    pub en: &'static str,
    pub aliases: &'static [&'static str],
}

/// An entity type with the spellings accepted on input.
#[derive(Debug)]
pub struct EntityTypeInfo {
    pub entity_type: EntityType,
    pub key: &'static str,
    pub names: &'static [&'static str],
    pub en: &'static str,
    pub miit_id: u32,
}

/// How a certificate type's number is checked (one identifier module each).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberFormat {
    Uscc,
    OrganizationCode,
    BusinessRegistration,
    ResidentId,
    HmtResidencePermit,
    HkMacaoPermit,
    TaiwanPermit,
    ForeignPermanentResident,
    Passport,
    /// A business licence: the USCC, or the 15-digit 注册号 on licences before 2015.
    UsccOrRegistration,
    /// Organisation certificates issued since 2015 carry the USCC; older numbers are free-form.
    UsccIf18,
    Free,
}

/// A certificate type (证件类型), docs/rules.md §2.2.
#[derive(Debug)]
pub struct CertificateTypeInfo {
    pub key: &'static str,
    pub names: &'static [&'static str],
    /// The English label of the form's option (`"Resident identity card"`).
    pub en: &'static str,
    pub miit_ids: &'static [u32],
    pub number: NumberFormat,
    /// A person's document, the only kind a principal (负责人) can use.
    pub personal: bool,
    /// Entity types the form offers it to (the grouping is [I] but for government, [C]).
    pub entities: &'static [EntityType],
}

impl CertificateTypeInfo {
    /// Parses the API key (`"resident_id"`) or a Chinese name (`"居民身份证"`).
    pub fn parse(input: &str) -> Option<&'static CertificateTypeInfo> {
        let input = input.trim();
        CERTIFICATE_TYPES.iter().find(|t| t.key.eq_ignore_ascii_case(input) || t.names.contains(&input))
    }

    pub fn name_zh(&self) -> &'static str {
        self.names.first().copied().unwrap_or(self.key)
    }
}

/// What a province's 管局 requires beyond the national rules (`data/rules/province-profiles.toml`).
#[derive(Clone, Debug)]
pub struct ProvinceProfile {
    /// `None` for the national default.
    pub province: Option<&'static str>,
    pub principal_min_age: u32,
    pub principal_warn_age: u32,
    pub no_shixiaqu: bool,
    pub house_number_for: &'static [EntityType],
    pub room_number_for: &'static [EntityType],
    pub landline_required_for: &'static [EntityType],
    pub individual_no_blog: bool,
    pub requires_simplified_chinese: bool,
    pub website_name_extra_words: &'static [&'static str],
    pub individual_name_extra_words: &'static [&'static str],
    pub max_websites_unit: u32,
    pub max_websites_individual: u32,
    pub domain_prefix_words: &'static [&'static str],
    pub domain_min_validity_days: u32,
    pub personal_certificate_min_days: u32,
    pub entity_certificate_min_days: u32,
    /// Whether an enterprise's principal (主体负责人) must be its legal representative (§2.5 E4).
    pub principal_legal_representative: LegalRepresentativeRule,
    /// The only certificate types a Hong Kong principal may use (§2.2; empty: any personal one).
    pub hong_kong_principal_documents: &'static [&'static str],
    /// Units may not choose 其他 as their website's service content (§3.2).
    pub unit_no_other_content: bool,
    /// A principal's mobile must be a number of this province (§2.8 P4), by the home region of
    /// its prefix (`fields::mobile_region`).
    pub principal_mobile_in_province: bool,
}

/// A province's rule on an enterprise principal who is not the legal representative (§2.5 E4,
/// Tencent's table, [C] S5; conflicting sources make it [U]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegalRepresentativeRule {
    /// Must be the legal representative.
    Required,
    /// Someone else, with the legal representative's authorisation letter.
    Authorisation,
    /// Sources disagree.
    Disputed,
    /// Anyone.
    Free,
}

/// The profile of `province`, or the national default.
pub fn profile(province: Option<&str>) -> &'static ProvinceProfile {
    province.and_then(|code| PROVINCE_PROFILES.iter().find(|p| p.province == Some(code))).unwrap_or(&DEFAULT_PROFILE)
}

include!("generated/rules.rs");

impl EntityType {
    /// Parses the API key (`"government"`) or a Chinese name (`"政府机关"`).
    pub fn parse(input: &str) -> Option<EntityType> {
        let input = input.trim();
        ENTITY_TYPES
            .iter()
            .find(|t| t.key.eq_ignore_ascii_case(input) || t.names.contains(&input))
            .map(|t| t.entity_type)
    }

    pub fn info(self) -> &'static EntityTypeInfo {
        // Generated in declaration order, so the discriminant is the index.
        let index = self as usize;
        match ENTITY_TYPES.get(index) {
            Some(info) => info,
            None => &ENTITY_TYPES[0],
        }
    }

    /// The API key, e.g. `"public_institution"`.
    pub fn key(self) -> &'static str {
        self.info().key
    }

    /// The canonical Chinese name, e.g. `"事业单位"`.
    pub fn name_zh(self) -> &'static str {
        self.info().names.first().copied().unwrap_or("")
    }

    /// The name shown in messages of `locale`: `事业单位`, `public institution`.
    pub fn name(self, locale: Locale) -> &'static str {
        match locale {
            Locale::ZhCn => self.name_zh(),
            Locale::En => self.info().en,
        }
    }

    pub fn all() -> impl Iterator<Item = EntityType> {
        ENTITY_TYPES.iter().map(|t| t.entity_type)
    }
}

pub(crate) fn is_sorted_member(list: &[&str], item: &str) -> bool {
    list.binary_search(&item).is_ok()
}

pub(crate) fn province_tld_list(code: &str) -> Option<&'static ProvinceTldList> {
    PROVINCE_TLD_LISTS.iter().find(|l| l.province == code)
}

/// The U-label of a national IDN TLD, given its A-label.
pub(crate) fn idn_tld_unicode(a_label: &str) -> Option<&'static str> {
    NATIONAL_IDN_TLDS.binary_search_by(|(a, _)| (*a).cmp(a_label)).ok().and_then(|i| NATIONAL_IDN_TLDS.get(i)).map(|(_, u)| *u)
}

/// What the rule sets say about one TLD, from [`tld_flags`]: one look-up instead of one per list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct TldFlags(pub u16);

impl TldFlags {
    /// On the national approved list (A-labels).
    pub const NATIONAL: TldFlags = TldFlags(1);
    /// A national IDN TLD ([`idn_tld_unicode`] has its U-label).
    pub const IDN: TldFlags = TldFlags(1 << 1);
    /// In [`REFUSED_TLDS`].
    pub const REFUSED: TldFlags = TldFlags(1 << 2);
    /// In [`DISPUTED_TLDS`].
    pub const DISPUTED: TldFlags = TldFlags(1 << 3);
    /// In [`BRAND_TLDS`].
    pub const BRAND: TldFlags = TldFlags(1 << 4);
    /// In [`FILEABLE_CCTLDS`].
    pub const FILEABLE_CCTLD: TldFlags = TldFlags(1 << 5);
    /// Some special-use name ([`SPECIAL_USE`]) is this TLD or under it.
    pub const SPECIAL_USE: TldFlags = TldFlags(1 << 6);
    /// Some restricted zone ([`ZONES`]) is under this TLD.
    pub const ZONE: TldFlags = TldFlags(1 << 7);

    pub fn has(self, flag: TldFlags) -> bool {
        self.0 & flag.0 != 0
    }
}

/// The rule sets that name `tld` (an A-label); none for most TLDs.
pub(crate) fn tld_flags(tld: &str) -> TldFlags {
    match TLD_INDEX.binary_search_by(|(t, _)| (*t).cmp(tld)) {
        Ok(i) => TLD_INDEX.get(i).map(|(_, flags)| *flags).unwrap_or_default(),
        Err(_) => TldFlags::default(),
    }
}

/// `name` is `zone` itself or a name under it, by whole labels (`a.local`, not `mylocal`).
fn is_at_or_under(name: &str, zone: &str) -> bool {
    // The last bytes first: most names and zones differ there, and that costs no call.
    name.as_bytes().last() == zone.as_bytes().last()
        && (name == zone || name.strip_suffix(zone).is_some_and(|rest| rest.ends_with('.')))
}

/// The special-use name `ascii` falls under, with its RFC.
pub(crate) fn special_use(ascii: &str) -> Option<(&'static str, &'static str)> {
    SPECIAL_USE.iter().copied().find(|(suffix, _)| is_at_or_under(ascii, suffix))
}

/// The restricted zone that `suffix` (an ICANN public suffix in A-labels) belongs to.
pub(crate) fn zone_of(suffix: &str) -> Option<&'static Zone> {
    ZONES.iter().find(|z| is_at_or_under(suffix, z.ascii))
}

/// Every filing province.
pub fn provinces() -> &'static [ProvinceInfo] {
    &PROVINCES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_type_info_matches_its_variant() {
        assert_eq!(EntityType::parse("public_institution").map(|t| (t.name(Locale::ZhCn), t.name(Locale::En))), Some(("事业单位", "public institution")));
        for info in &ENTITY_TYPES {
            assert_eq!(info.entity_type.info().key, info.key);
            // Messages name the type by its first Chinese name, or its English one.
            assert_eq!(info.entity_type.name(Locale::ZhCn), info.entity_type.name_zh());
            assert_eq!(EntityType::parse(info.entity_type.name_zh()), Some(info.entity_type));
            assert!(!info.entity_type.name(Locale::En).is_empty(), "{}", info.key);
            assert_eq!(EntityType::parse(info.key), Some(info.entity_type));
            for name in info.names {
                assert_eq!(EntityType::parse(name), Some(info.entity_type), "{name}");
            }
        }
    }

    /// A certificate type is named in messages by its first Chinese name, which parses back to
    /// it, as its API key does.
    #[test]
    fn certificate_type_names() {
        assert_eq!(CertificateTypeInfo::parse("resident_id").map(CertificateTypeInfo::name_zh), Some("居民身份证"));
        for info in &CERTIFICATE_TYPES {
            assert!(!info.name_zh().is_empty(), "{}", info.key);
            assert_eq!(CertificateTypeInfo::parse(info.name_zh()).map(|t| t.key), Some(info.key));
            assert_eq!(CertificateTypeInfo::parse(&format!(" {} ", info.key.to_uppercase())).map(|t| t.key), Some(info.key));
        }
    }

    #[test]
    fn generated_lists_are_sorted_for_binary_search() {
        assert!(NATIONAL_TLDS.windows(2).all(|w| w[0] < w[1]));
        assert!(REFUSED_TLDS.windows(2).all(|w| w[0].0 < w[1].0));
        for list in &PROVINCE_TLD_LISTS {
            assert!(list.allowed.windows(2).all(|w| w[0] < w[1]));
            assert!(list.refused.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn tld_index_agrees_with_the_lists() {
        assert!(TLD_INDEX.windows(2).all(|w| w[0].0 < w[1].0));
        for (tld, flags) in &TLD_INDEX {
            assert_eq!(flags.has(TldFlags::NATIONAL), is_sorted_member(&NATIONAL_TLDS, tld), "{tld}");
            assert_eq!(flags.has(TldFlags::IDN), idn_tld_unicode(tld).is_some(), "{tld}");
            assert_eq!(flags.has(TldFlags::REFUSED), REFUSED_TLDS.iter().any(|(t, _, _)| t == tld), "{tld}");
            assert_eq!(flags.has(TldFlags::DISPUTED), DISPUTED_TLDS.iter().any(|(t, _)| t == tld), "{tld}");
            assert_eq!(flags.has(TldFlags::BRAND), BRAND_TLDS.contains(tld), "{tld}");
            assert_eq!(flags.has(TldFlags::FILEABLE_CCTLD), FILEABLE_CCTLDS.contains(tld), "{tld}");
        }
        for list in [&NATIONAL_TLDS[..], &BRAND_TLDS[..], &FILEABLE_CCTLDS[..]] {
            assert!(list.iter().all(|t| tld_flags(t) != TldFlags::default()));
        }
        for (name, _) in &SPECIAL_USE {
            assert!(tld_flags(name.rsplit('.').next().unwrap_or(name)).has(TldFlags::SPECIAL_USE), "{name}");
        }
        for zone in &ZONES {
            assert!(tld_flags(zone.ascii.rsplit('.').next().unwrap_or(zone.ascii)).has(TldFlags::ZONE), "{}", zone.ascii);
        }
        assert_eq!(tld_flags("xyzzy"), TldFlags::default());
    }

    #[test]
    fn special_use_matches_whole_labels_only() {
        assert!(special_use("localhost").is_some());
        assert!(special_use("printer.local").is_some());
        assert!(special_use("www.example.com").is_some());
        assert!(special_use("mylocal").is_none());
        assert!(special_use("notexample.com").is_none());
    }
}

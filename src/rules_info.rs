//! `rulesInfo()`: which versions of which rule sets this build carries, so a console can show
//! them and a support engineer can tell which list answered.

// No panic is reachable from the public entry points (a panic traps the WebAssembly module for
// the rest of the page's life): clippy refuses unwrap, expect, indexing and panics here.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented))]

use crate::{psl, rules};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RuleSet {
    pub version: &'static str,
    pub source: &'static str,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProvinceList {
    pub province: &'static str,
    pub version: &'static str,
    pub source: &'static str,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RulesInfo {
    pub crate_version: &'static str,
    pub tld_allowlist: RuleSet,
    pub public_suffix_list: RuleSet,
    /// Provinces with a rule profile of their own (ISO codes).
    pub provinces: Vec<&'static str>,
    pub province_tld_lists: Vec<ProvinceList>,
    pub cn_zones: RuleSet,
    pub special_use_names: RuleSet,
    pub entity_types: RuleSet,
    pub province_data: RuleSet,
    pub province_profiles: RuleSet,
    pub certificate_types: RuleSet,
    pub website_names: RuleSet,
    /// The app-name word lists (not in a build without `forms`, which checks no app).
    #[cfg(feature = "forms")]
    pub app_names: RuleSet,
    /// The app platforms and their spellings (not in a build without `forms`).
    #[cfg(feature = "forms")]
    pub app_platforms: RuleSet,
    /// The authorities and categories of a USCC's first two characters (not in a build
    /// without `forms`, which checks no certificate).
    #[cfg(feature = "forms")]
    pub uscc_kinds: RuleSet,
    /// The carrier and kind of line of each mobile segment (not in a build without `forms`).
    #[cfg(feature = "forms")]
    pub mobile_segments: RuleSet,
    /// The registrar table of domain verification, and how many registrars it knows (not in
    /// a build without `forms`, which has no domain verification).
    #[cfg(feature = "forms")]
    pub registrars: RuleSet,
    #[cfg(feature = "forms")]
    pub registrar_count: usize,
    /// libphonenumber's numbering plan for CN, which mobiles and landlines are read with (not
    /// in a build without `forms`).
    #[cfg(feature = "forms")]
    pub phone_metadata: RuleSet,
    /// Where the UTS #46 mapping data of this build comes from.
    pub idna_data: &'static str,
    /// Number of message codes in the catalogue.
    pub message_count: usize,
}

/// The versions and sources of every rule set in this build.
pub fn rules_info() -> RulesInfo {
    let mut provinces: Vec<&'static str> = rules::PROVINCE_TLD_LISTS
        .iter()
        .map(|l| l.province)
        .chain(rules::PROVINCE_PROFILES.iter().filter_map(|p| p.province))
        .collect();
    provinces.sort_unstable();
    provinces.dedup();
    RulesInfo {
        crate_version: env!("CARGO_PKG_VERSION"),
        tld_allowlist: RuleSet { version: rules::NATIONAL_TLDS_VERSION, source: rules::NATIONAL_TLDS_SOURCE },
        public_suffix_list: RuleSet {
            version: psl::version(),
            source: "https://publicsuffix.org/list/public_suffix_list.dat, via the PyPI package publicsuffixlist (data/psl/)",
        },
        provinces,
        province_tld_lists: rules::PROVINCE_TLD_LISTS
            .iter()
            .map(|l| ProvinceList { province: l.province, version: l.version, source: l.source })
            .collect(),
        cn_zones: RuleSet { version: rules::ZONES_VERSION, source: rules::ZONES_SOURCE },
        special_use_names: RuleSet { version: rules::SPECIAL_USE_VERSION, source: rules::SPECIAL_USE_SOURCE },
        entity_types: RuleSet { version: rules::ENTITY_TYPES_VERSION, source: rules::ENTITY_TYPES_SOURCE },
        province_data: RuleSet { version: rules::PROVINCES_VERSION, source: rules::PROVINCES_SOURCE },
        province_profiles: RuleSet { version: rules::PROFILES_VERSION, source: rules::PROFILES_SOURCE },
        certificate_types: RuleSet { version: rules::CERTIFICATE_TYPES_VERSION, source: rules::CERTIFICATE_TYPES_SOURCE },
        website_names: RuleSet { version: rules::WEBSITE_NAMES_VERSION, source: rules::WEBSITE_NAMES_SOURCE },
        #[cfg(feature = "forms")]
        app_names: RuleSet { version: rules::APP_NAMES_VERSION, source: rules::APP_NAMES_SOURCE },
        #[cfg(feature = "forms")]
        app_platforms: RuleSet { version: rules::APP_PLATFORMS_VERSION, source: rules::APP_PLATFORMS_SOURCE },
        #[cfg(feature = "forms")]
        uscc_kinds: RuleSet { version: crate::ids::uscc::KINDS_VERSION, source: crate::ids::uscc::KINDS_SOURCE },
        #[cfg(feature = "forms")]
        mobile_segments: RuleSet { version: crate::fields::mobile::SEGMENTS_VERSION, source: crate::fields::mobile::SEGMENTS_SOURCE },
        #[cfg(feature = "forms")]
        registrars: RuleSet { version: crate::registration::registrars::VERSION, source: crate::registration::registrars::SOURCE },
        #[cfg(feature = "forms")]
        registrar_count: crate::registration::registrars::registrars().len()
            + crate::registration::registrars::families().iter().map(|f| f.iana_ids.len()).sum::<usize>(),
        #[cfg(feature = "forms")]
        phone_metadata: RuleSet { version: crate::fields::mobile::plan::METADATA_VERSION, source: crate::fields::mobile::plan::METADATA_PACKAGE },
        idna_data: "ICU4X 2.4 (idna 1.1 via idna_adapter 1.2)",
        message_count: crate::catalogue::entries().len(),
    }
}

#[cfg(all(test, feature = "forms"))]
mod tests {
    use super::*;
    use crate::registration::registrars::{families, registrars};

    /// The registrar count is every registrar domain verification knows, each once: every row
    /// of the table, with an IANA ID or not, and every accredited shell of a family.
    #[test]
    fn registrar_count_counts_each_registrar_once() {
        let mut ids: Vec<u32> = registrars().iter().filter_map(|r| r.iana_id).chain(families().iter().flat_map(|f| f.iana_ids.iter().copied())).collect();
        let without_id = registrars().iter().filter(|r| r.iana_id.is_none()).count();
        let listed = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), listed, "an IANA ID is in two places");
        assert!(!families().is_empty());
        assert_eq!(rules_info().registrar_count, ids.len() + without_id);
    }
}

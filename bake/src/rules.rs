//! `data/rules/*.toml` → static rule tables (`rules.rs`), included by `src/rules.rs`, which
//! defines the types used below. Names and A-labels are checked here so that a typo in a data
//! file makes the generator fail.

use serde::Deserialize;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

pub(crate) fn load<T: for<'de> Deserialize<'de>>(path: &Path) -> T {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn a_label(name: &str) -> String {
    idna::domain_to_ascii_strict(name).unwrap_or_else(|_| panic!("{name:?} is not a valid IDN"))
}

/// `CamelCase` identifier of a `snake_case` key: `public_institution` → `PublicInstitution`,
/// `error` → `Error`.
pub(crate) fn variant(key: &str) -> String {
    key.split('_').map(|w| w[..1].to_uppercase() + &w[1..]).collect()
}

#[derive(Deserialize)]
struct Tlds {
    national: National,
    refused: Vec<Refused>,
    disputed: Vec<Disputed>,
    brand: Vec<String>,
    fileable_cctlds: Vec<String>,
    province: std::collections::BTreeMap<String, ProvinceTlds>,
}
#[derive(Deserialize)]
struct National {
    version: String,
    source: String,
    ascii: Vec<String>,
    idn: Vec<String>,
    idn_a_labels: Vec<String>,
}
#[derive(Deserialize)]
struct Refused {
    tld: String,
    tag: String,
    evidence: String,
}
#[derive(Deserialize)]
struct Disputed {
    tld: String,
    note: String,
}
#[derive(Deserialize)]
struct ProvinceTlds {
    version: String,
    source: String,
    ascii: Vec<String>,
    national_idn: bool,
    refused: Vec<String>,
}

#[derive(Deserialize)]
struct Zones {
    version: String,
    source: String,
    zone: Vec<Zone>,
}
#[derive(Deserialize)]
struct Zone {
    suffix: String,
    #[serde(default)]
    psl: bool,
    remark: String,
    allowed: Vec<String>,
    tolerated: Vec<String>,
    otherwise: String,
}

#[derive(Deserialize)]
struct SpecialUse {
    version: String,
    source: String,
    name: Vec<SpecialName>,
}
#[derive(Deserialize)]
struct SpecialName {
    suffix: String,
    rfc: String,
}

#[derive(Deserialize)]
struct Provinces {
    version: String,
    source: String,
    province: Vec<Province>,
}
#[derive(Deserialize)]
struct Province {
    code: String,
    numeric: String,
    name: String,
    full_name: String,
    abbreviation: String,
    record_prefix: String,
    legacy_record_prefixes: Vec<String>,
    en: String,
    aliases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EntityTypes {
    version: String,
    source: String,
    #[serde(rename = "type")]
    pub(crate) types: Vec<EntityTypeRow>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EntityTypeRow {
    pub(crate) key: String,
    names: Vec<String>,
    en: String,
    /// Read by the USCC tables (`uscc.rs`).
    #[serde(default)]
    pub(crate) uscc_prefixes: Vec<String>,
    miit_id: u32,
}

#[derive(Deserialize)]
struct CertificateTypes {
    version: String,
    source: String,
    #[serde(rename = "type")]
    types: Vec<CertificateTypeRow>,
}
#[derive(Deserialize)]
struct CertificateTypeRow {
    key: String,
    names: Vec<String>,
    en: String,
    miit_ids: Vec<u32>,
    number: String,
    #[serde(default)]
    personal: bool,
    entities: Vec<String>,
}

/// Every key of a province profile, declared once: the struct as written (every field
/// optional, so a province states only what differs from `[default]`), the merge over the
/// default, and the Rust literal. A new key is one line here plus its field in
/// `src/rules.rs` `ProvinceProfile` (the build fails until both agree).
///
/// Kinds: `number` (u32, required in `[default]`), `flag` (bool, default false), `words`
/// (a list of strings), `entity_types` (a list of entity-type keys, checked), `choice` (a
/// string naming a variant of the Rust enum given, e.g. `LegalRepresentativeRule`).
macro_rules! profile_keys {
    ($($name:ident: $kind:ident $(($enum:ident))?),* $(,)?) => {
        #[derive(Deserialize, Default, Clone)]
        #[serde(deny_unknown_fields)]
        struct Profile {
            $($name: Option<profile_keys!(@type $kind)>,)*
        }

        impl Profile {
            fn merged_over(&self, default: &Profile) -> Profile {
                Profile { $($name: self.$name.clone().or(default.$name.clone()),)* }
            }

            fn literal(&self, code: Option<&str>, entity_list: &dyn Fn(&[String], &str) -> String) -> String {
                let mut out = format!("ProvinceProfile {{ province: {code:?}");
                $(
                    let value = profile_keys!(@literal $kind $(($enum))?, &self.$name, stringify!($name), entity_list);
                    out.push_str(&format!(", {}: {}", stringify!($name), value));
                )*
                out.push_str(" }");
                out
            }
        }
    };
    (@type number) => { u32 };
    (@type flag) => { bool };
    (@type words) => { Vec<String> };
    (@type entity_types) => { Vec<String> };
    (@type choice) => { String };
    (@literal number, $v:expr, $what:expr, $list:expr) => {
        $v.unwrap_or_else(|| panic!("province-profiles.toml: [default] lacks {}", $what)).to_string()
    };
    (@literal flag, $v:expr, $what:expr, $list:expr) => { $v.unwrap_or_default().to_string() };
    (@literal words, $v:expr, $what:expr, $list:expr) => { format!("&{:?}", $v.clone().unwrap_or_default()) };
    (@literal entity_types, $v:expr, $what:expr, $list:expr) => { $list($v.as_deref().unwrap_or_default(), $what) };
    (@literal choice ($enum:ident), $v:expr, $what:expr, $list:expr) => {{
        let value = $v.clone().unwrap_or_else(|| panic!("province-profiles.toml: [default] lacks {}", $what));
        format!("{}::{}", stringify!($enum), variant(&value))
    }};
}

profile_keys! {
    principal_min_age: number,
    principal_warn_age: number,
    no_shixiaqu: flag,
    house_number_for: entity_types,
    room_number_for: entity_types,
    landline_required_for: entity_types,
    individual_no_blog: flag,
    requires_simplified_chinese: flag,
    website_name_extra_words: words,
    individual_name_extra_words: words,
    max_websites_unit: number,
    max_websites_individual: number,
    domain_prefix_words: words,
    domain_min_validity_days: number,
    personal_certificate_min_days: number,
    entity_certificate_min_days: number,
    principal_legal_representative: choice(LegalRepresentativeRule),
    hong_kong_principal_documents: words,
    unit_no_other_content: flag,
    principal_mobile_in_province: flag,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Profiles {
    version: String,
    source: String,
    default: Profile,
    province: std::collections::BTreeMap<String, Profile>,
}

/// `app-platforms.toml`: each platform's key and its spellings (no `deny_unknown_fields`:
/// the keys are the platforms).
#[derive(Deserialize)]
struct AppPlatforms {
    version: String,
    source: String,
    #[serde(flatten)]
    spellings: std::collections::BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AppNames {
    version: String,
    source: String,
    placeholders: Vec<String>,
    marketing_words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WebsiteNames {
    version: String,
    source: String,
    min_chinese_chars: u32,
    national_words: Vec<String>,
    sensitive_words: Vec<String>,
    pre_approval_words: Vec<String>,
    individual_forbidden_words: Vec<String>,
    individual_discouraged_words: Vec<String>,
    finance_words: Vec<String>,
    national_entity_types: Vec<String>,
}

/// The `.cn` zones the PSL lacks, in A-labels, for `psl::bake`.
pub fn extra_psl_zones(path: &Path) -> Vec<String> {
    let zones: Zones = load(path);
    zones.zone.iter().filter(|z| z.psl).map(|z| a_label(&z.suffix)).collect()
}

pub fn bake(dir: &Path) -> String {
    let tlds: Tlds = load(&dir.join("tlds.toml"));
    let zones: Zones = load(&dir.join("cn-zones.toml"));
    let special: SpecialUse = load(&dir.join("special-use.toml"));
    let provinces: Provinces = load(&dir.join("provinces.toml"));
    let entity_types: EntityTypes = load(&dir.join("entity-types.toml"));
    let certificate_types: CertificateTypes = load(&dir.join("certificate-types.toml"));
    let profiles: Profiles = load(&dir.join("province-profiles.toml"));
    let mut out = String::new();

    // Entity types: the enum itself is data, so a new type is a data change.
    let keys: BTreeSet<&str> = entity_types.types.iter().map(|t| t.key.as_str()).collect();
    writeln!(out, "pub(crate) const ENTITY_TYPES_VERSION: &str = {:?};", entity_types.version).ok();
    writeln!(out, "pub(crate) const ENTITY_TYPES_SOURCE: &str = {:?};", entity_types.source).ok();
    writeln!(out, "/// 主办单位性质, docs/rules.md §2.1. Serialised as the snake_case key (`\"public_institution\"`).").ok();
    writeln!(out, "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]").ok();
    writeln!(out, "#[serde(rename_all = \"snake_case\")]\npub enum EntityType {{").ok();
    for t in &entity_types.types {
        writeln!(out, "    /// {} ({}); MIIT UI option {}.", t.names[0], t.en, t.miit_id).ok();
        writeln!(out, "    {},", variant(&t.key)).ok();
    }
    writeln!(out, "}}\n").ok();
    writeln!(out, "pub(crate) static ENTITY_TYPES: [EntityTypeInfo; {}] = [", entity_types.types.len()).ok();
    for t in &entity_types.types {
        writeln!(
            out,
            "    EntityTypeInfo {{ entity_type: EntityType::{}, key: {:?}, names: &{:?}, en: {:?}, miit_id: {} }},",
            variant(&t.key), t.key, t.names, t.en, t.miit_id
        )
        .ok();
    }
    writeln!(out, "];\n").ok();
    let entity_list = |list: &[String], what: &str| -> String {
        if list.is_empty() {
            return "&[]".to_owned();
        }
        let items: Vec<String> = list
            .iter()
            .map(|k| {
                assert!(keys.contains(k.as_str()), "{what}: unknown entity type {k:?}");
                format!("EntityType::{}", variant(k))
            })
            .collect();
        format!("&[{}]", items.join(", "))
    };

    // Website names.
    let names: WebsiteNames = load(&dir.join("website-names.toml"));
    writeln!(out, "pub(crate) const WEBSITE_NAMES_VERSION: &str = {:?};", names.version).ok();
    writeln!(out, "pub(crate) const WEBSITE_NAMES_SOURCE: &str = {:?};", names.source).ok();
    writeln!(out, "pub(crate) const MIN_CHINESE_CHARS: usize = {};", names.min_chinese_chars).ok();
    for (name, list) in [
        ("NATIONAL_WORDS", &names.national_words),
        ("SENSITIVE_WORDS", &names.sensitive_words),
        ("PRE_APPROVAL_WORDS", &names.pre_approval_words),
        ("INDIVIDUAL_FORBIDDEN_WORDS", &names.individual_forbidden_words),
        ("INDIVIDUAL_DISCOURAGED_WORDS", &names.individual_discouraged_words),
        ("FINANCE_WORDS", &names.finance_words),
    ] {
        writeln!(out, "pub(crate) static {name}: [&str; {}] = {:?};", list.len(), list).ok();
    }
    writeln!(out, "pub(crate) static NATIONAL_ENTITY_TYPES: &[EntityType] = {};\n", entity_list(&names.national_entity_types, "national_entity_types")).ok();

    // App names.
    let app_names: AppNames = load(&dir.join("app-names.toml"));
    writeln!(out, "pub(crate) const APP_NAMES_VERSION: &str = {:?};", app_names.version).ok();
    writeln!(out, "pub(crate) const APP_NAMES_SOURCE: &str = {:?};", app_names.source).ok();
    for (name, list) in [("APP_NAME_PLACEHOLDERS", &app_names.placeholders), ("APP_NAME_MARKETING_WORDS", &app_names.marketing_words)] {
        writeln!(out, "pub(crate) static {name}: [&str; {}] = {:?};", list.len(), list).ok();
    }

    // App platforms: each platform's key and its spellings, lower-case as they are compared.
    let platforms: AppPlatforms = load(&dir.join("app-platforms.toml"));
    writeln!(out, "pub(crate) const APP_PLATFORMS_VERSION: &str = {:?};", platforms.version).ok();
    writeln!(out, "pub(crate) const APP_PLATFORMS_SOURCE: &str = {:?};", platforms.source).ok();
    writeln!(out, "pub(crate) static APP_PLATFORM_SPELLINGS: [(&str, &[&str]); {}] = [", platforms.spellings.len()).ok();
    for (key, spellings) in &platforms.spellings {
        for spelling in spellings {
            assert!(spelling.trim() == spelling && spelling.to_lowercase() == *spelling, "app-platforms.toml: {key}: {spelling:?} is not trimmed and lower-case");
        }
        writeln!(out, "    ({key:?}, &{spellings:?}),").ok();
    }
    writeln!(out, "];").ok();

    // Certificate types. A number format is a variant of `NumberFormat` (src/rules.rs), the one
    // list of them: a format the enum lacks fails to compile in src/generated/rules.rs.
    writeln!(out, "pub(crate) const CERTIFICATE_TYPES_VERSION: &str = {:?};", certificate_types.version).ok();
    writeln!(out, "pub(crate) const CERTIFICATE_TYPES_SOURCE: &str = {:?};", certificate_types.source).ok();
    writeln!(out, "pub(crate) static CERTIFICATE_TYPES: [CertificateTypeInfo; {}] = [", certificate_types.types.len()).ok();
    for t in &certificate_types.types {
        assert!(
            t.number.split('_').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
            "certificate-types.toml: {}: the number format {:?} is not a snake_case name",
            t.key,
            t.number
        );
        writeln!(
            out,
            "    CertificateTypeInfo {{ key: {:?}, names: &{:?}, en: {:?}, miit_ids: &{:?}, number: NumberFormat::{}, personal: {}, entities: {} }},",
            t.key, t.names, t.en, t.miit_ids, variant(&t.number), t.personal, entity_list(&t.entities, &t.key)
        )
        .ok();
    }
    writeln!(out, "];\n").ok();

    // Province profiles, each merged over the default. A province that states a minimum age
    // but no warning age warns from that minimum.
    let merge = |p: &Profile| -> Profile {
        let mut merged = p.merged_over(&profiles.default);
        merged.principal_warn_age = p.principal_warn_age.or(p.principal_min_age).or(profiles.default.principal_warn_age);
        merged
    };
    let profile_literal = |code: Option<&str>, p: &Profile| -> String { p.literal(code, &entity_list) };
    writeln!(out, "pub(crate) const PROFILES_VERSION: &str = {:?};", profiles.version).ok();
    writeln!(out, "pub(crate) const PROFILES_SOURCE: &str = {:?};", profiles.source).ok();
    writeln!(out, "pub(crate) static DEFAULT_PROFILE: ProvinceProfile = {};", profile_literal(None, &merge(&profiles.default))).ok();
    writeln!(out, "pub(crate) static PROVINCE_PROFILES: [ProvinceProfile; {}] = [", profiles.province.len()).ok();
    for (code, p) in &profiles.province {
        assert!(provinces.province.iter().any(|q| &q.code == code), "province-profiles.toml: unknown province {code}");
        for key in p.hong_kong_principal_documents.iter().flatten() {
            assert!(certificate_types.types.iter().any(|t| &t.key == key), "province-profiles.toml: {code}: unknown certificate type {key:?}");
        }
        writeln!(out, "    {},", profile_literal(Some(code), &merge(p))).ok();
    }
    writeln!(out, "];\n").ok();

    // National TLD allowlist.
    let computed: Vec<String> = tlds.national.idn.iter().map(|u| a_label(u)).collect();
    assert_eq!(computed, tlds.national.idn_a_labels, "tlds.toml: idn and idn_a_labels disagree");
    let mut national: Vec<String> = tlds.national.ascii.clone();
    national.extend(computed.iter().cloned());
    national.sort();
    let before = national.len();
    national.dedup();
    assert_eq!(before, national.len(), "tlds.toml: a national TLD is listed twice");
    writeln!(out, "pub(crate) const NATIONAL_TLDS_VERSION: &str = {:?};", tlds.national.version).ok();
    writeln!(out, "pub(crate) const NATIONAL_TLDS_SOURCE: &str = {:?};", tlds.national.source).ok();
    writeln!(out, "#[allow(dead_code)] // the domain check reads TLD_INDEX; tests compare the two").ok();
    writeln!(out, "pub(crate) static NATIONAL_TLDS: [&str; {}] = {:?};", national.len(), national).ok();
    let mut idn: Vec<(String, String)> = computed.into_iter().zip(tlds.national.idn.iter().cloned()).collect();
    idn.sort();
    writeln!(out, "/// (A-label, U-label) of the national IDN TLDs, sorted by A-label.").ok();
    writeln!(out, "pub(crate) static NATIONAL_IDN_TLDS: [(&str, &str); {}] = {:?};", idn.len(), idn).ok();

    let mut refused: Vec<(String, String, String)> =
        tlds.refused.iter().map(|r| (r.tld.clone(), r.tag.clone(), r.evidence.clone())).collect();
    refused.sort();
    for (tld, _, _) in &refused {
        assert!(national.binary_search(tld).is_err(), "tlds.toml: {tld} is both approved and refused");
    }
    writeln!(out, "/// (TLD, spec tag, evidence), sorted.").ok();
    writeln!(out, "pub(crate) static REFUSED_TLDS: [(&str, &str, &str); {}] = {:?};", refused.len(), refused).ok();
    let mut disputed: Vec<(String, String)> = tlds.disputed.iter().map(|d| (d.tld.clone(), d.note.clone())).collect();
    disputed.sort();
    writeln!(out, "pub(crate) static DISPUTED_TLDS: [(&str, &str); {}] = {:?};", disputed.len(), disputed).ok();
    let mut brand = tlds.brand.clone();
    brand.sort();
    writeln!(out, "#[allow(dead_code)]").ok();
    writeln!(out, "pub(crate) static BRAND_TLDS: [&str; {}] = {:?};", brand.len(), brand).ok();
    let mut cctlds = tlds.fileable_cctlds.clone();
    cctlds.sort();
    writeln!(out, "#[allow(dead_code)]").ok();
    writeln!(out, "pub(crate) static FILEABLE_CCTLDS: [&str; {}] = {:?};", cctlds.len(), cctlds).ok();

    writeln!(out, "pub(crate) static PROVINCE_TLD_LISTS: [ProvinceTldList; {}] = [", tlds.province.len()).ok();
    for (code, list) in &tlds.province {
        assert!(provinces.province.iter().any(|p| &p.code == code), "tlds.toml: unknown province {code}");
        let mut allowed = list.ascii.clone();
        allowed.sort();
        let mut refused = list.refused.clone();
        refused.sort();
        writeln!(
            out,
            "    ProvinceTldList {{ province: {code:?}, version: {:?}, source: {:?}, allowed: &{allowed:?}, national_idn: {}, refused: &{refused:?} }},",
            list.version, list.source, list.national_idn
        )
        .ok();
    }
    writeln!(out, "];\n").ok();

    // .cn zones.
    writeln!(out, "pub(crate) const ZONES_VERSION: &str = {:?};", zones.version).ok();
    writeln!(out, "pub(crate) const ZONES_SOURCE: &str = {:?};", zones.source).ok();
    writeln!(out, "pub(crate) static ZONES: [Zone; {}] = [", zones.zone.len()).ok();
    for z in &zones.zone {
        let otherwise = match z.otherwise.as_str() {
            "error" => "Severity::Error",
            "warning" => "Severity::Warning",
            other => panic!("cn-zones.toml: otherwise = {other:?}"),
        };
        writeln!(
            out,
            "    Zone {{ ascii: {:?}, unicode: {:?}, remark: {:?}, allowed: {}, tolerated: {}, otherwise: {otherwise} }},",
            a_label(&z.suffix),
            z.suffix,
            z.remark,
            entity_list(&z.allowed, &z.suffix),
            entity_list(&z.tolerated, &z.suffix)
        )
        .ok();
    }
    writeln!(out, "];\n").ok();

    // Special-use names.
    writeln!(out, "pub(crate) const SPECIAL_USE_VERSION: &str = {:?};", special.version).ok();
    writeln!(out, "pub(crate) const SPECIAL_USE_SOURCE: &str = {:?};", special.source).ok();
    let names: Vec<(String, String)> = special.name.iter().map(|n| (a_label(&n.suffix), n.rfc.clone())).collect();
    writeln!(out, "pub(crate) static SPECIAL_USE: [(&str, &str); {}] = {:?};\n", names.len(), names).ok();

    // One index of every TLD a rule above names, with what applies to it: the domain check
    // looks its TLD up once and reads the rest as flags (most TLDs match nothing else).
    let mut index: std::collections::BTreeMap<String, Vec<&str>> = std::collections::BTreeMap::new();
    let mut flag = |tld: &str, name: &'static str| index.entry(tld.to_string()).or_default().push(name);
    national.iter().for_each(|t| flag(t, "NATIONAL"));
    idn.iter().for_each(|(t, _)| flag(t, "IDN"));
    refused.iter().for_each(|(t, _, _)| flag(t, "REFUSED"));
    disputed.iter().for_each(|(t, _)| flag(t, "DISPUTED"));
    brand.iter().for_each(|t| flag(t, "BRAND"));
    cctlds.iter().for_each(|t| flag(t, "FILEABLE_CCTLD"));
    names.iter().for_each(|(n, _)| flag(n.rsplit('.').next().unwrap_or(n), "SPECIAL_USE"));
    zones.zone.iter().for_each(|z| {
        let ascii = a_label(&z.suffix);
        flag(ascii.rsplit('.').next().unwrap_or(&ascii), "ZONE")
    });
    writeln!(out, "/// Every TLD named above, sorted, with the rule sets that name it (or under it).").ok();
    writeln!(out, "pub(crate) static TLD_INDEX: [(&str, TldFlags); {}] = [", index.len()).ok();
    for (tld, mut flags) in index {
        flags.dedup();
        let flags: Vec<String> = flags.iter().map(|f| format!("TldFlags::{f}")).collect();
        writeln!(out, "    ({tld:?}, TldFlags({})),", flags.iter().map(|f| format!("{f}.0")).collect::<Vec<_>>().join(" | ")).ok();
    }
    writeln!(out, "];\n").ok();

    // Provinces.
    writeln!(out, "pub(crate) const PROVINCES_VERSION: &str = {:?};", provinces.version).ok();
    writeln!(out, "pub(crate) const PROVINCES_SOURCE: &str = {:?};", provinces.source).ok();
    writeln!(out, "pub(crate) static PROVINCES: [ProvinceInfo; {}] = [", provinces.province.len()).ok();
    for p in &provinces.province {
        assert!(p.code.len() == 2 && p.numeric.len() == 2, "provinces.toml: {}", p.code);
        // A record number's prefix is one character, read as a `char`.
        let prefix = |s: &String| {
            crate::one_char(s).unwrap_or_else(|| panic!("provinces.toml: {}: the record prefix {s:?} is not one character", p.code))
        };
        let legacy: Vec<char> = p.legacy_record_prefixes.iter().map(prefix).collect();
        writeln!(
            out,
            "    ProvinceInfo {{ code: {:?}, numeric: {:?}, name: {:?}, full_name: {:?}, abbreviation: {:?}, record_prefix: {:?}, legacy_record_prefixes: &{:?}, en: {:?}, aliases: &{:?} }},",
            p.code, p.numeric, p.name, p.full_name, p.abbreviation, prefix(&p.record_prefix), legacy, p.en, p.aliases
        )
        .ok();
    }
    writeln!(out, "];").ok();
    out
}

/// The TypeScript declarations the data makes (`types.d.ts`, a second custom section of the
/// package's typings beside `src/wasm/types.d.ts`): the `EntityType` union, four keys a line.
pub fn typescript(dir: &Path) -> String {
    let entity_types: EntityTypes = load(&dir.join("entity-types.toml"));
    let mut out = String::from(
        "/** 主办单位性质: an entity type's key (data/rules/entity-types.toml); the Chinese names of\n \
         * `reference().entityTypes` are accepted too. */\nexport type EntityType =\n",
    );
    let keys: Vec<String> = entity_types.types.iter().map(|t| format!("'{}'", t.key)).collect();
    for row in keys.chunks(4) {
        writeln!(out, "  | {}", row.join(" | ")).ok();
    }
    out.push_str("  | (string & {});\n");
    out
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MobileSegments {
    version: String,
    source: String,
    carriers: Vec<Named>,
    lines: Vec<Named>,
    segments: Vec<MobileSegment>,
}

/// A carrier or a kind of line: its key, its Chinese name, and what it is.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Named {
    key: String,
    zh: String,
    about: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MobileSegment {
    from: String,
    to: String,
    carrier: String,
    line: String,
}

/// `pub enum {name}` of the `named` keys, with `as_str` (the key) and `name_zh`.
fn named_enum(out: &mut String, name: &str, what: &str, named: &[Named]) {
    writeln!(out, "/// {what}").ok();
    writeln!(out, "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]").ok();
    writeln!(out, "pub enum {name} {{").ok();
    for n in named {
        writeln!(out, "    /// {}\n    {},", n.about, variant(&n.key)).ok();
    }
    writeln!(out, "}}\n\nimpl {name} {{").ok();
    for (function, doc) in [("as_str", "The key reports carry"), ("name_zh", "The Chinese name")] {
        writeln!(out, "    /// {doc}.\n    pub fn {function}(self) -> &'static str {{\n        match self {{").ok();
        for n in named {
            let text = if function == "as_str" { &n.key } else { &n.zh };
            writeln!(out, "            {name}::{} => {text:?},", variant(&n.key)).ok();
        }
        writeln!(out, "        }}\n    }}").ok();
    }
    writeln!(out, "}}").ok();
}

/// `mobile-segments.toml` → the `Carrier` and `LineType` enums and the segment table of
/// `src/fields/mobile.rs` (`mobile_segments.rs`, included where the row type `Segment` and its
/// constructor `s` are in scope).
pub fn mobile_segments(dir: &Path) -> String {
    let table: MobileSegments = load(&dir.join("mobile-segments.toml"));
    let mut out = String::new();
    writeln!(out, "pub(crate) const VERSION: &str = {:?};", table.version).ok();
    writeln!(out, "pub(crate) const SOURCE: &str = {:?};", table.source).ok();
    named_enum(&mut out, "Carrier", "The carrier that was allocated the segment.", &table.carriers);
    named_enum(&mut out, "LineType", "What kind of line the segment is for.", &table.lines);
    let known = |named: &[Named], key: &str| named.iter().any(|n| n.key == key);
    writeln!(out, "/// Sorted, disjoint.").ok();
    writeln!(out, "pub(super) static TABLE: &[Segment] = &[").ok();
    let mut previous: Option<&MobileSegment> = None;
    for segment in &table.segments {
        let what = format!("mobile-segments.toml: {}–{}", segment.from, segment.to);
        assert!(
            segment.from.len() == segment.to.len() && segment.from.bytes().chain(segment.to.bytes()).all(|b| b.is_ascii_digit()) && segment.from <= segment.to,
            "{what}: `from` and `to` must be digit strings of one length, `from` first"
        );
        if let Some(before) = previous {
            // Compared on the shorter prefix: 134 and 1349 overlap, 1348 and 1349 do not.
            let n = before.to.len().min(segment.from.len());
            assert!(before.to[..n] < segment.from[..n], "{what}: not after {}–{} (the table is sorted and disjoint)", before.from, before.to);
        }
        assert!(known(&table.carriers, &segment.carrier), "{what}: carrier {:?} is not one of `carriers`", segment.carrier);
        assert!(known(&table.lines, &segment.line), "{what}: line {:?} is not one of `lines`", segment.line);
        previous = Some(segment);
        writeln!(out, "    s({:?}, {:?}, Carrier::{}, LineType::{}),", segment.from, segment.to, variant(&segment.carrier), variant(&segment.line)).ok();
    }
    writeln!(out, "];").ok();
    out
}

//! ICP record numbers (备案号), ICP licence numbers (经营许可证号), value-added telecom
//! licence numbers (B2) and public-security record numbers (公安联网备案号).
//!
//! Every number starts with the one-character abbreviation (简称) of the province whose
//! communications administration (管局) or public-security office issued it, followed by
//! the scheme:
//!
//! | kind | form | example |
//! |---|---|---|
//! | entity (主体备案号) | `<P>ICP备<8 or 10 digits>号` | `京ICP备13052560号`, `蒙ICP备2021000771号` |
//! | website (网站) | entity number + `-N` (N: 1–4 digits) | `京ICP备16020626号-8` |
//! | app / mini program / quick app | entity number + `-N` + `A` / `X` / `K` | `京ICP备12345678号-2A` |
//! | ICP licence (ICP证) | `<P>ICP证<6 digits>号` (+ `-N[AXK]`) | `京ICP证150476号`, `京ICP证030173号-1` |
//! | B2 licence as main number | `<P>B2-<8 digits>` (+ `-N[AXK]`) | `粤B2-20090059`, `粤B2-20090059-1626X` |
//! | public security (公网安备) | `<P>公网安备<14 digits>号` | `粤公网安备44030502008569号` |
//!
//! The 8 digits of older entity numbers are a 2-digit year and a 6-digit serial, the 10
//! digits of newer ones a 4-digit year and the serial; the switch happened between 2019
//! and 2020 (inferred from samples). Websites, apps, mini programs and quick apps of one
//! entity share the sequence `N`. The first six digits of a public-security number are the
//! GB/T 2260 county code of the public-security office (`440305` = 深圳南山区).
//!
//! Province prefixes (`data/rules/provinces.toml`): the 31 current abbreviations
//! `京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝蜀黔滇藏陕甘青宁新`. MIIT uses 蜀 for Sichuan
//! and 黔 for Guizhou; 川 and 贵 appear on older or placeholder footers and are accepted
//! with a warning. There is no ICP prefix for 港, 澳 or 台.
//!
//! Normalisation ([`compact`]): trim, full-width → half-width, drop all whitespace
//! (`京公网安备 11010502030143号`), dashes → `-`, ASCII letters to upper case (`京icp备…`,
//! `粤b2-…`, `-2a`), traditional 備/號/證/網 → 备/号/证/网.
//!
//! Lenient forms, accepted with a warning ([`Warning`]): legacy prefixes 川/贵; the
//! sequence written before 号 (`滇ICP备09010050-5号` → `滇ICP备09010050号-5`); `B2` numbers
//! written with 号; the odd licence forms `粤A2-20044005号`, `辽B-2-4-20080039`; a year part
//! that does not fit the digit count.
//!
//! Sources (`docs/rules.md`): §5.1 prefixes — samples [C3] S32, 蜀/黔 current, 川/贵 **[U]**,
//! no 港澳台 prefix **[I]**; §5.2 formats — entity/website/licence/B2/public-security samples
//! [C3] S32 and the Tencent footer, `-N`/`A`/`X`/`K` suffixes **[C]** S20, 8/10 digits
//! [C3], year switch **[I]**, county code **[I]**, legacy A2/B-2 forms **[U]**; §8.3 regexes
//! **[V]**. All errors below are certain (the strict grammar is [V]); everything inferred or
//! uncertain is a [`Warning`].

use super::normalize;
use crate::base::{Param, Params};


/// The province a record number's prefix names (`docs/rules.md` §5.1): the filing province of
/// the options, whose current and legacy prefixes are data (`data/rules/provinces.toml`).
pub use crate::options::Province;

/// Hong Kong, Macao and Taiwan have no ICP prefix (`docs/rules.md` §5.1 [I], §8.3 [V]).
const NOT_MAINLAND: [char; 3] = ['港', '澳', '台'];

/// What a record number identifies. The strings of [`Kind::as_str`] are the `kind` values
/// of the public `RecordNumberReport` (`docs/api.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// 主体备案号: `京ICP备12345678号`.
    Entity,
    /// 网站备案号: `京ICP备12345678号-1` (also `京ICP证030173号-1`, `浙B2-20080224-1`).
    Website,
    /// APP: suffix `A`.
    App,
    /// 小程序: suffix `X`.
    MiniProgram,
    /// 快应用: suffix `K`.
    QuickApp,
    /// A licence number without a sequence: `京ICP证150476号`, `粤B2-20090059`.
    License,
    /// 公安联网备案号: `粤公网安备44030502008569号`.
    PublicSecurity,
}

impl Kind {
    /// `"entity"`, `"website"`, `"app"`, `"mini_program"`, `"quick_app"`, `"license"`,
    /// `"public_security"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Entity => "entity",
            Kind::Website => "website",
            Kind::App => "app",
            Kind::MiniProgram => "mini_program",
            Kind::QuickApp => "quick_app",
            Kind::License => "license",
            Kind::PublicSecurity => "public_security",
        }
    }
}

/// Which numbering scheme the number belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// `ICP备` — MIIT filing (non-commercial).
    IcpFiling,
    /// `ICP证` — ICP operating licence.
    IcpLicense,
    /// `B2-` (and legacy `A2-`, `B-2-…`) — value-added telecom business licence.
    TelecomLicense,
    /// `公网安备` — public-security network record.
    PublicSecurity,
}

/// A parsed record number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordNumber {
    /// Canonical form: `京ICP备12345678号-1`, `粤B2-20090059-1626X`,
    /// `京公网安备11010502030143号`. Legacy prefixes are kept as written (`川ICP备…`).
    pub normalized: String,
    /// What the number identifies.
    pub kind: Kind,
    /// The numbering scheme.
    pub scheme: Scheme,
    /// The issuing province (for 川 / 贵: Sichuan / Guizhou).
    pub province: Province,
    /// The prefix character as written (`'川'` for a legacy Sichuan number).
    pub prefix: char,
    /// The entity / licence part without the sequence: `京ICP备12345678号`, `粤B2-20090059`.
    /// For public-security numbers, the whole number.
    pub entity: String,
    /// The serial digits: `12345678`, `20090059`, `44030502008569`.
    pub digits: String,
    /// `N` of `-N[AXK]`, if any.
    pub sequence: Option<u32>,
    /// For public-security numbers: the six-digit county code (`"440305"`).
    pub county_code: Option<String>,
    /// Lenient forms that were accepted; report as warnings.
    pub warnings: Vec<Warning>,
}

/// A form that is accepted but deserves a warning (all [I] / [U]).
// Variant fields are described in the variant's doc; `value` is always the quoted input
// as [`normalize::excerpt`] shortens it.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// 川 / 贵 instead of 蜀 / 黔 (`docs/rules.md` §5.1 **[U]**).
    LegacyPrefix { prefix: char, current: char, province: Province },
    /// A display variant with a standard form: sequence before 号 (`滇ICP备09010050-5号`),
    /// `号` after a B2 number. (`docs/rules.md` §5.2 lenient mode **[U]**.)
    LegacyFormat { value: String, normalized: String },
    /// An odd telecom-licence form (`粤A2-20044005号`, `辽B-2-4-20080039`)
    /// (`docs/rules.md` §5.2 **[U]**).
    LegacyLicense { value: String, category: String },
    /// The year part does not fit the digit count: an 8-digit number from after 2020 or a
    /// 10-digit number from before 2019 (`docs/rules.md` §5.2 year rule **[I]**).
    Year { value: String, year: String, length: usize },
    /// The county code of a public-security number does not lie in the prefix's province
    /// (`docs/rules.md` §5.2 county code **[I]**).
    CountyCode { county_code: String, prefix: char, division_code: &'static str },
}

impl Warning {
    /// Stable dotted code.
    pub fn code(&self) -> &'static str {
        match self {
            Warning::LegacyPrefix { .. } => "record_number.legacy_prefix",
            Warning::LegacyFormat { .. } => "record_number.legacy",
            Warning::LegacyLicense { .. } => "record_number.legacy_license",
            Warning::Year { .. } => "record_number.year",
            Warning::CountyCode { .. } => "record_number.county_code",
        }
    }

    /// Named values for the message.
    pub fn params(&self) -> Params {
        match self {
            Warning::LegacyPrefix { prefix, current, province } => Params(vec![
                ("prefix", Param::from(*prefix)),
                ("current", Param::from(*current)),
                ("province", Param::from(province.code())),
            ]),
            Warning::LegacyFormat { value, normalized } => {
                Params(vec![("value", Param::from(value.clone())), ("normalized", Param::from(normalized.clone()))])
            }
            Warning::LegacyLicense { value, category } => {
                Params(vec![("value", Param::from(value.clone())), ("category", Param::from(category.clone()))])
            }
            Warning::Year { value, year, length } => Params(vec![
                ("value", Param::from(value.clone())),
                ("year", Param::from(year.clone())),
                ("length", Param::from(*length)),
            ]),
            Warning::CountyCode { county_code, prefix, division_code } => Params(vec![
                ("county_code", Param::from(county_code.clone())),
                ("prefix", Param::from(*prefix)),
                ("division_code", Param::from((*division_code).to_string())),
            ]),
        }
    }
}

super::impl_finding!(Warning, warning);

/// Why a string is not a record number. All variants are certain (`docs/rules.md` §5.2,
/// §8.3 **[V]**).
// Variant fields are described in the variant's doc; `value` is always the quoted input
// as [`normalize::excerpt`] shortens it.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// Nothing left after trimming.
    Empty,
    /// The first character is not a province abbreviation (§5.1).
    UnknownProvince { value: String, prefix: char },
    /// The number starts with `ICP`, `B2`, `公网安备` or a digit: the prefix is missing (§5.1).
    MissingProvince { value: String },
    /// 港 / 澳 / 台: these regions issue no ICP numbers (§5.1).
    NotMainland { value: String, prefix: char },
    /// After the prefix comes none of `ICP备`, `ICP证`, `B2-`, `公网安备` (§5.2).
    Format { value: String },
    /// The serial has the wrong number of digits (§5.2: 8 or 10 / 6 / 8 / 14).
    Digits { value: String, found: usize, expected: &'static str },
    /// `号` is missing after the digits (§5.2, `京ICP备12345678` invalid).
    MissingHao { value: String, corrected: String },
    /// `-` is not followed by a 1–4 digit sequence (§5.2, `京ICP备13052560号-` invalid).
    Sequence { value: String, found: usize },
    /// The letter after the sequence is not `A`, `X` or `K` (§5.2, `…号-1B` invalid).
    Suffix { value: String, suffix: char },
    /// Characters after a complete number.
    Trailing { value: String, rest: String },
}

impl Error {
    /// Stable dotted code.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Empty => "record_number.format.empty",
            Error::UnknownProvince { .. } => "record_number.format.province",
            Error::MissingProvince { .. } => "record_number.format.province_missing",
            Error::NotMainland { .. } => "record_number.format.not_mainland",
            Error::Format { .. } => "record_number.format",
            Error::Digits { .. } => "record_number.format.digits",
            Error::MissingHao { .. } => "record_number.format.missing_hao",
            Error::Sequence { .. } => "record_number.format.sequence",
            Error::Suffix { .. } => "record_number.format.suffix",
            Error::Trailing { .. } => "record_number.format.trailing",
        }
    }

    /// Named values for the message.
    pub fn params(&self) -> Params {
        match self {
            Error::Empty => Params::default(),
            Error::UnknownProvince { value, prefix } | Error::NotMainland { value, prefix } => {
                Params(vec![("value", Param::from(value.clone())), ("prefix", Param::from(*prefix))])
            }
            Error::MissingProvince { value } | Error::Format { value } => {
                Params(vec![("value", Param::from(value.clone()))])
            }
            Error::Digits { value, found, expected } => Params(vec![
                ("value", Param::from(value.clone())),
                ("found", Param::from(*found)),
                ("expected", Param::from((*expected).to_string())),
            ]),
            Error::MissingHao { value, corrected } => {
                Params(vec![("value", Param::from(value.clone())), ("corrected", Param::from(corrected.clone()))])
            }
            Error::Sequence { value, found } => {
                Params(vec![("value", Param::from(value.clone())), ("found", Param::from(*found))])
            }
            Error::Suffix { value, suffix } => {
                Params(vec![("value", Param::from(value.clone())), ("suffix", Param::from(*suffix))])
            }
            Error::Trailing { value, rest } => Params(vec![("value", Param::from(value.clone())), ("rest", Param::from(rest.clone()))]),
        }
    }

    /// Whether the rule is confirmed (→ error) rather than inferred (→ warning). Every
    /// record-number error is certain: the strict grammar was verified (§8.3 [V]).
    pub fn is_certain(&self) -> bool {
        true
    }
}

super::impl_finding!(Error);

/// Normalises the input: trim, fold full-width characters, drop all whitespace, map
/// dashes to `-`, upper-case ASCII letters, map traditional 備號證網 to 备号证网.
/// `compact(" 京icp备１２３４５６７８号－1 ")` = `"京ICP备12345678号-1"`.
pub fn compact(input: &str) -> String {
    normalize::fold_without(input, normalize::is_space)
        .chars()
        .map(|c| match c {
            '備' => '备',
            '號' => '号',
            '證' => '证',
            '網' => '网',
            c if normalize::is_dash(c) => '-',
            c => c.to_ascii_uppercase(),
        })
        .collect()
}

/// Parses and validates a record number; see the module documentation.
///
/// # Errors
///
/// An [`Error`] when the input is not an accepted record number. Accepted lenient forms
/// come back as `Ok` with [`RecordNumber::warnings`].
pub fn validate(input: &str) -> Result<RecordNumber, Error> {
    let value = normalize::excerpt(input);
    let s = compact(input);
    let mut chars = s.chars();
    let Some(prefix) = chars.next() else {
        return Err(Error::Empty);
    };
    let body = chars.as_str();

    let (province, legacy) = match Province::from_record_prefix(prefix) {
        Some(p) => (p, false),
        None => match Province::from_legacy_record_prefix(prefix) {
            Some(p) => (p, true),
            None => return Err(prefix_error(prefix, &s, value)),
        },
    };

    let mut parsed = if let Some(rest) = body.strip_prefix("ICP备") {
        parse_icp(Scheme::IcpFiling, prefix, rest, &value)?
    } else if let Some(rest) = body.strip_prefix("ICP证") {
        parse_icp(Scheme::IcpLicense, prefix, rest, &value)?
    } else if let Some(rest) = body.strip_prefix("公网安备") {
        parse_public_security(prefix, province, rest, &value)?
    } else if body.starts_with('A') || body.starts_with('B') {
        parse_telecom(prefix, body, &value)?
    } else {
        return Err(Error::Format { value });
    };

    // 川 / 贵 are the ordinary abbreviations on public-security numbers (the police use
    // the common 简称), so only ICP-scheme numbers get the legacy warning [I].
    if legacy && parsed.scheme != Scheme::PublicSecurity {
        parsed.warnings.insert(
            0,
            Warning::LegacyPrefix { prefix, current: province.record_prefix(), province },
        );
    }
    Ok(RecordNumber {
        normalized: parsed.normalized,
        kind: parsed.kind,
        scheme: parsed.scheme,
        province,
        prefix,
        entity: parsed.entity,
        digits: parsed.digits,
        sequence: parsed.sequence,
        county_code: parsed.county_code,
        warnings: parsed.warnings,
    })
}

/// Alias of [`validate`], named after the public `parseRecordNumber`.
///
/// # Errors
///
/// As [`validate`].
pub fn parse(input: &str) -> Result<RecordNumber, Error> {
    validate(input)
}

/// Whether the input is accepted (possibly with warnings).
pub fn is_valid(input: &str) -> bool {
    validate(input).is_ok()
}

/// Whether the input is accepted without any warning: the strict grammar of §5.2.
pub fn is_strictly_valid(input: &str) -> bool {
    validate(input).is_ok_and(|r| r.warnings.is_empty())
}

/// What [`validate`] assembles before adding the province.
struct Parsed {
    normalized: String,
    kind: Kind,
    scheme: Scheme,
    entity: String,
    digits: String,
    sequence: Option<u32>,
    county_code: Option<String>,
    warnings: Vec<Warning>,
}

/// The error for a first character that is no province prefix.
fn prefix_error(prefix: char, compacted: &str, value: String) -> Error {
    if NOT_MAINLAND.contains(&prefix) {
        Error::NotMainland { value, prefix }
    } else if prefix.is_ascii_digit()
        || compacted.starts_with("ICP")
        || compacted.starts_with("B2")
        || compacted.starts_with("公网安备")
    {
        Error::MissingProvince { value }
    } else {
        Error::UnknownProvince { value, prefix }
    }
}

/// Splits the leading ASCII digits off `s`.
fn take_digits(s: &str) -> (&str, &str) {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    s.split_at_checked(end).unwrap_or((s, ""))
}

/// A parsed `-N[AXK]` suffix (the leading `-` already removed).
struct Suffix {
    digits: String,
    number: Option<u32>,
    letter: Option<char>,
}

impl Suffix {
    fn kind(&self) -> Kind {
        match self.letter {
            Some('A') => Kind::App,
            Some('X') => Kind::MiniProgram,
            Some('K') => Kind::QuickApp,
            _ => Kind::Website,
        }
    }

    /// `-N` plus the letter, as appended to the entity number.
    fn text(&self) -> String {
        let mut t = String::with_capacity(self.digits.len() + 2);
        t.push('-');
        t.push_str(&self.digits);
        if let Some(l) = self.letter {
            t.push(l);
        }
        t
    }
}

/// Parses `N[AXK]` at the start of `s` (after a `-`): 1–4 digits and an optional kind
/// letter (`docs/rules.md` §5.2 [C] S20). Returns the rest.
fn parse_suffix<'a>(s: &'a str, value: &str) -> Result<(Suffix, &'a str), Error> {
    let (digits, rest) = take_digits(s);
    if digits.is_empty() || digits.len() > 4 {
        return Err(Error::Sequence { value: value.to_string(), found: digits.len() });
    }
    let mut chars = rest.chars();
    let (letter, rest) = match chars.next() {
        Some(c @ ('A' | 'X' | 'K')) => (Some(c), chars.as_str()),
        Some(c) if c.is_ascii_alphabetic() => {
            return Err(Error::Suffix { value: value.to_string(), suffix: c });
        }
        _ => (None, rest),
    };
    let suffix = Suffix { digits: digits.to_string(), number: digits.parse().ok(), letter };
    Ok((suffix, rest))
}

/// The `Trailing` error for leftover text.
fn trailing(rest: &str, value: &str) -> Error {
    Error::Trailing { value: value.to_string(), rest: normalize::excerpt(rest) }
}

/// `ICP备<8|10>号[-N[AXK]]` and `ICP证<6>号[-N[AXK]]` (`docs/rules.md` §5.2), including the
/// legacy display variant with the suffix before 号.
fn parse_icp(scheme: Scheme, prefix: char, rest: &str, value: &str) -> Result<Parsed, Error> {
    let (head, expected) = match scheme {
        Scheme::IcpLicense => ("ICP证", "6"),
        _ => ("ICP备", "8/10"),
    };
    let (digits, rest) = take_digits(rest);
    let length_ok = match scheme {
        Scheme::IcpLicense => digits.len() == 6,
        _ => digits.len() == 8 || digits.len() == 10,
    };
    if !length_ok {
        return Err(Error::Digits { value: value.to_string(), found: digits.len(), expected });
    }
    let entity = format!("{prefix}{head}{digits}号");
    let mut warnings = Vec::new();

    let suffix = if let Some(after) = rest.strip_prefix('号') {
        match after.strip_prefix('-') {
            None if after.is_empty() => None,
            None => return Err(trailing(after, value)),
            Some(after) => {
                let (suffix, after) = parse_suffix(after, value)?;
                if !after.is_empty() {
                    return Err(trailing(after, value));
                }
                Some(suffix)
            }
        }
    } else if let Some(after) = rest.strip_prefix('-') {
        // `滇ICP备09010050-5号`: suffix before 号 (lenient) — or no 号 at all.
        let (suffix, after) = parse_suffix(after, value)?;
        match after.strip_prefix('号') {
            Some("") => {
                let normalized = format!("{entity}{}", suffix.text());
                warnings.push(Warning::LegacyFormat { value: value.to_string(), normalized });
                Some(suffix)
            }
            Some(more) => return Err(trailing(more, value)),
            None if after.is_empty() => {
                let corrected = format!("{entity}{}", suffix.text());
                return Err(Error::MissingHao { value: value.to_string(), corrected });
            }
            None => return Err(trailing(after, value)),
        }
    } else if rest.is_empty() {
        return Err(Error::MissingHao { value: value.to_string(), corrected: entity });
    } else {
        return Err(trailing(rest, value));
    };

    if scheme == Scheme::IcpFiling {
        if let Some(w) = year_warning(digits, value) {
            warnings.push(w);
        }
    }
    let base_kind = if scheme == Scheme::IcpLicense { Kind::License } else { Kind::Entity };
    Ok(assemble(scheme, entity, digits, suffix.as_ref(), base_kind, warnings))
}

/// The year rule of `docs/rules.md` §5.2 **[I]**: 8 digits start with a 2-digit year up to
/// 20, 10 digits with a 4-digit year from 2019.
fn year_warning(digits: &str, value: &str) -> Option<Warning> {
    let length = digits.len();
    let (year, plausible) = if length == 8 {
        let y: String = digits.chars().take(2).collect();
        let ok = y.parse::<u32>().is_ok_and(|n| n <= 20);
        (y, ok)
    } else {
        let y: String = digits.chars().take(4).collect();
        let ok = y.parse::<u32>().is_ok_and(|n| (2019..=2099).contains(&n));
        (y, ok)
    };
    (!plausible).then(|| Warning::Year { value: value.to_string(), year, length })
}

fn assemble(
    scheme: Scheme,
    entity: String,
    digits: &str,
    suffix: Option<&Suffix>,
    base_kind: Kind,
    warnings: Vec<Warning>,
) -> Parsed {
    let (normalized, kind, sequence) = match suffix {
        Some(s) => (format!("{entity}{}", s.text()), s.kind(), s.number),
        None => (entity.clone(), base_kind, None),
    };
    Parsed {
        normalized,
        kind,
        scheme,
        entity,
        digits: digits.to_string(),
        sequence,
        county_code: None,
        warnings,
    }
}

/// `公网安备<14 digits>号` (`docs/rules.md` §5.2); the first six digits are the county code
/// of the public-security office [I].
fn parse_public_security(
    prefix: char,
    province: Province,
    rest: &str,
    value: &str,
) -> Result<Parsed, Error> {
    let (digits, rest) = take_digits(rest);
    if digits.len() != 14 {
        return Err(Error::Digits { value: value.to_string(), found: digits.len(), expected: "14" });
    }
    let entity = format!("{prefix}公网安备{digits}号");
    match rest.strip_prefix('号') {
        Some("") => {}
        Some(more) => return Err(trailing(more, value)),
        None if rest.is_empty() => {
            return Err(Error::MissingHao { value: value.to_string(), corrected: entity });
        }
        None => return Err(trailing(rest, value)),
    }
    let county: String = digits.chars().take(6).collect();
    let mut warnings = Vec::new();
    if !county.starts_with(province.division_code()) {
        warnings.push(Warning::CountyCode {
            county_code: county.clone(),
            prefix,
            division_code: province.division_code(),
        });
    }
    Ok(Parsed {
        normalized: entity.clone(),
        kind: Kind::PublicSecurity,
        scheme: Scheme::PublicSecurity,
        entity,
        digits: digits.to_string(),
        sequence: None,
        county_code: Some(county),
        warnings,
    })
}

/// `B2-<8 digits>[-N[AXK]]` (`docs/rules.md` §5.2 [C3]), and leniently the legacy forms
/// `[AB]-?[12](-<digit>)?-<8 digits>号?` (`粤A2-20044005号`, `辽B-2-4-20080039`) **[U]**.
fn parse_telecom(prefix: char, body: &str, value: &str) -> Result<Parsed, Error> {
    let format_error = || Error::Format { value: value.to_string() };
    let mut chars = body.chars();
    let letter = chars.next().ok_or_else(format_error)?;
    let mut rest = chars.as_str();
    let hyphen_in_category = match rest.strip_prefix('-') {
        Some(r) => {
            rest = r;
            true
        }
        None => false,
    };
    let mut chars = rest.chars();
    let Some(class @ ('1' | '2')) = chars.next() else {
        return Err(format_error());
    };
    rest = chars.as_str().strip_prefix('-').ok_or_else(format_error)?;
    let category = format!("{letter}{class}");

    let (mut digits, mut after) = take_digits(rest);
    let mut sub_category = None;
    if digits.len() == 1 {
        if let Some(r) = after.strip_prefix('-') {
            sub_category = Some(digits);
            (digits, after) = take_digits(r);
        }
    }
    if digits.len() != 8 {
        return Err(Error::Digits { value: value.to_string(), found: digits.len(), expected: "8" });
    }
    let with_hao = match after.strip_prefix('号') {
        Some(r) => {
            after = r;
            true
        }
        None => false,
    };
    let suffix = match after.strip_prefix('-') {
        Some(r) => {
            let (suffix, r) = parse_suffix(r, value)?;
            after = r;
            Some(suffix)
        }
        None => None,
    };
    if !after.is_empty() {
        return Err(trailing(after, value));
    }

    let strict_category = category == "B2" && !hyphen_in_category && sub_category.is_none();
    let mut warnings = Vec::new();
    let entity = if strict_category {
        format!("{prefix}B2-{digits}")
    } else {
        let written = match sub_category {
            Some(sub) => format!("{letter}{}{class}-{sub}", if hyphen_in_category { "-" } else { "" }),
            None => format!("{letter}{}{class}", if hyphen_in_category { "-" } else { "" }),
        };
        warnings.push(Warning::LegacyLicense { value: value.to_string(), category: written.clone() });
        format!("{prefix}{written}-{digits}")
    };
    if with_hao && strict_category {
        let normalized = match &suffix {
            Some(s) => format!("{entity}{}", s.text()),
            None => entity.clone(),
        };
        warnings.push(Warning::LegacyFormat { value: value.to_string(), normalized });
    }
    Ok(assemble(Scheme::TelecomLicense, entity, digits, suffix.as_ref(), Kind::License, warnings))
}

#[cfg(test)]
#[allow(clippy::panic, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ok(input: &str) -> RecordNumber {
        match validate(input) {
            Ok(r) => r,
            Err(e) => panic!("{input:?} rejected: {e:?}"),
        }
    }

    fn err(input: &str) -> Error {
        match validate(input) {
            Ok(r) => panic!("{input:?} accepted: {r:?}"),
            Err(e) => e,
        }
    }

    /// Strict samples of §5.2 / §8.3: (input, normalized, kind, province ISO).
    const STRICT: &[(&str, &str, Kind, &str)] = &[
        ("京ICP备13052560号", "京ICP备13052560号", Kind::Entity, "BJ"),
        ("蒙ICP备2021000771号", "蒙ICP备2021000771号", Kind::Entity, "NM"),
        ("京ICP备11018762号", "京ICP备11018762号", Kind::Entity, "BJ"),
        ("京ICP备13052560号-1", "京ICP备13052560号-1", Kind::Website, "BJ"),
        ("京ICP备16020626号-8", "京ICP备16020626号-8", Kind::Website, "BJ"),
        ("京ICP备12345678号-2A", "京ICP备12345678号-2A", Kind::App, "BJ"),
        ("京ICP备12345678号-3X", "京ICP备12345678号-3X", Kind::MiniProgram, "BJ"),
        ("京ICP备12345678号-4K", "京ICP备12345678号-4K", Kind::QuickApp, "BJ"),
        ("粤ICP备2026116914号-1A", "粤ICP备2026116914号-1A", Kind::App, "GD"),
        ("蜀ICP备2026007879号-1", "蜀ICP备2026007879号-1", Kind::Website, "SC"),
        ("蜀ICP备19026949号-1", "蜀ICP备19026949号-1", Kind::Website, "SC"),
        ("蜀ICP备11017033号", "蜀ICP备11017033号", Kind::Entity, "SC"),
        ("黔ICP备2021008357号", "黔ICP备2021008357号", Kind::Entity, "GZ"),
        ("黔ICP备07000443号", "黔ICP备07000443号", Kind::Entity, "GZ"),
        ("滇ICP备2023001289号-1", "滇ICP备2023001289号-1", Kind::Website, "YN"),
        ("滇ICP备12006807号-1", "滇ICP备12006807号-1", Kind::Website, "YN"),
        ("藏ICP备05000064号", "藏ICP备05000064号", Kind::Entity, "XZ"),
        ("藏ICP备2026000658号", "藏ICP备2026000658号", Kind::Entity, "XZ"),
        ("蒙ICP备16004045号-1", "蒙ICP备16004045号-1", Kind::Website, "NM"),
        ("新ICP备2024015133号-3", "新ICP备2024015133号-3", Kind::Website, "XJ"),
        ("京ICP证150476号", "京ICP证150476号", Kind::License, "BJ"),
        ("京ICP证030173号-1", "京ICP证030173号-1", Kind::Website, "BJ"),
        ("粤B2-20090059", "粤B2-20090059", Kind::License, "GD"),
        ("浙B2-20080224-1", "浙B2-20080224-1", Kind::Website, "ZJ"),
        ("粤B2-20090059-1626X", "粤B2-20090059-1626X", Kind::MiniProgram, "GD"),
        ("粤公网安备44030502008569号", "粤公网安备44030502008569号", Kind::PublicSecurity, "GD"),
        ("京公网安备 11010502030143号", "京公网安备11010502030143号", Kind::PublicSecurity, "BJ"),
        ("京公网安备11000002000001号", "京公网安备11000002000001号", Kind::PublicSecurity, "BJ"),
    ];

    #[test]
    fn strict_samples() {
        for &(input, normalized, kind, iso) in STRICT {
            let r = ok(input);
            assert_eq!(r.normalized, normalized, "{input}");
            assert_eq!(r.kind, kind, "{input}");
            assert_eq!(r.province.code(), iso, "{input}");
            assert!(r.warnings.is_empty(), "{input}: {:?}", r.warnings);
            assert!(is_strictly_valid(input), "{input}");
        }
    }

    #[test]
    fn parts() {
        let r = ok("京ICP备12345678号-1");
        assert_eq!(r.entity, "京ICP备12345678号");
        assert_eq!(r.digits, "12345678");
        assert_eq!(r.sequence, Some(1));
        assert_eq!(r.scheme, Scheme::IcpFiling);
        assert_eq!(r.kind.as_str(), "website");
        let r = ok("粤B2-20090059-1626X");
        assert_eq!(r.entity, "粤B2-20090059");
        assert_eq!(r.sequence, Some(1626));
        assert_eq!(r.scheme, Scheme::TelecomLicense);
        assert_eq!(r.kind.as_str(), "mini_program");
        let r = ok("粤公网安备44030502008569号");
        assert_eq!(r.county_code.as_deref(), Some("440305"));
        assert_eq!(r.sequence, None);
        let r = ok("京ICP证030173号-1");
        assert_eq!(r.entity, "京ICP证030173号");
        assert_eq!(r.scheme, Scheme::IcpLicense);
    }

    #[test]
    fn normalisation() {
        assert_eq!(ok("京icp备12345678号").normalized, "京ICP备12345678号");
        assert_eq!(ok("京Icp备12345678号").normalized, "京ICP备12345678号");
        assert_eq!(ok(" 京ＩＣＰ备１２３４５６７８号－１ ").normalized, "京ICP备12345678号-1");
        assert_eq!(ok("京 ICP 备 12345678 号 - 2a").normalized, "京ICP备12345678号-2A");
        assert_eq!(ok("\u{3000}粤b2-20090059\u{3000}").normalized, "粤B2-20090059");
        assert_eq!(ok("京ICP備12345678號").normalized, "京ICP备12345678号");
        assert_eq!(ok("京ICP备12345678号—1").normalized, "京ICP备12345678号-1");
        assert_eq!(compact(" 京icp备１２３４５６７８号－1 "), "京ICP备12345678号-1");
    }

    #[test]
    fn spec_invalid_samples() {
        assert_eq!(err("京ICP备1234567号"), Error::Digits {
            value: "京ICP备1234567号".into(),
            found: 7,
            expected: "8/10",
        });
        assert_eq!(err("京ICP备12345678"), Error::MissingHao {
            value: "京ICP备12345678".into(),
            corrected: "京ICP备12345678号".into(),
        });
        assert_eq!(err("京ICP备12345678号-").code(), "record_number.format.sequence");
        assert_eq!(err("京ICP备13052560号-1B"), Error::Suffix {
            value: "京ICP备13052560号-1B".into(),
            suffix: 'B',
        });
        assert_eq!(err("京公网安备1101050203014号").code(), "record_number.format.digits");
        assert_eq!(err("港ICP备12345678号"), Error::NotMainland {
            value: "港ICP备12345678号".into(),
            prefix: '港',
        });
        assert_eq!(err("澳ICP备12345678号").code(), "record_number.format.not_mainland");
        assert_eq!(err("台ICP备12345678号").code(), "record_number.format.not_mainland");
    }

    #[test]
    fn other_errors() {
        assert_eq!(err(""), Error::Empty);
        assert_eq!(err(" \u{3000} "), Error::Empty);
        assert_eq!(err("ICP备12345678号").code(), "record_number.format.province_missing");
        assert_eq!(err("12345678").code(), "record_number.format.province_missing");
        // Each scheme's own opening with no province before it is a missing province too.
        assert_eq!(err("B2-20090059").code(), "record_number.format.province_missing");
        assert_eq!(err("公网安备11010502030143号").code(), "record_number.format.province_missing");
        assert_eq!(err("中ICP备12345678号").code(), "record_number.format.province");
        assert_eq!(err("京ICP12345678号").code(), "record_number.format");
        assert_eq!(err("京备12345678号").code(), "record_number.format");
        assert_eq!(err("京ICP备123456789号").code(), "record_number.format.digits");
        assert_eq!(err("京ICP证1504761号").code(), "record_number.format.digits");
        assert_eq!(err("京ICP备12345678号-12345").code(), "record_number.format.sequence");
        assert_eq!(err("京ICP备12345678号-1A2").code(), "record_number.format.trailing");
        assert_eq!(err("京ICP备12345678号号").code(), "record_number.format.trailing");
        assert_eq!(err("京ICP备12345678-1"), Error::MissingHao {
            value: "京ICP备12345678-1".into(),
            corrected: "京ICP备12345678号-1".into(),
        });
        assert_eq!(err("京公网安备11010502030143").code(), "record_number.format.missing_hao");
        assert_eq!(err("京公网安备11010502030143号-1").code(), "record_number.format.trailing");
        // Something other than 号 after the digits (or after the legacy suffix) is text that
        // does not belong, not a forgotten 号.
        assert_eq!(err("京公网安备11010502030143?").code(), "record_number.format.trailing");
        assert_eq!(err("京ICP备12345678-1?").code(), "record_number.format.trailing");
        assert_eq!(err("粤B2-2009005").code(), "record_number.format.digits");
        assert_eq!(err("粤B3-20090059").code(), "record_number.format");
        assert_eq!(err("粤B220090059").code(), "record_number.format");
        assert_eq!(err("号号号").code(), "record_number.format.province");
        assert_eq!(err("京").code(), "record_number.format");
        assert_eq!(err("😀ICP备12345678号").code(), "record_number.format.province");
        assert_eq!(err("京\u{0301}ICP备12345678号").code(), "record_number.format");
        for e in [err(""), err("港ICP备12345678号"), err("京ICP备1号")] {
            assert!(e.is_certain());
        }
        assert!(!is_valid("港ICP备12345678号"), "a number with an error is not valid");
    }

    fn province(code: &str) -> Province {
        Province::parse(code).unwrap_or_else(|| panic!("no province {code}"))
    }

    #[test]
    fn legacy_forms_are_warnings() {
        let r = ok("川ICP备15095485号-1");
        assert_eq!(r.province, province("SC"));
        assert_eq!(r.prefix, '川');
        assert_eq!(r.normalized, "川ICP备15095485号-1");
        assert_eq!(r.warnings, vec![Warning::LegacyPrefix {
            prefix: '川',
            current: '蜀',
            province: province("SC"),
        }]);
        assert!(is_valid("川ICP备15095485号-1"));
        assert!(!is_strictly_valid("川ICP备15095485号-1"));

        let r = ok("贵ICP备05052049号-13");
        assert_eq!(r.province.code(), "GZ");
        assert_eq!(r.sequence, Some(13));
        assert_eq!(r.warnings.first().map(Warning::code), Some("record_number.legacy_prefix"));
        assert_eq!(ok("贵ICP备06052086号").warnings.len(), 1);
        assert_eq!(ok("川ICP备09150084号").warnings.len(), 1);

        let r = ok("滇ICP备09010050-5号");
        assert_eq!(r.normalized, "滇ICP备09010050号-5");
        assert_eq!(r.kind, Kind::Website);
        assert_eq!(r.warnings, vec![Warning::LegacyFormat {
            value: "滇ICP备09010050-5号".into(),
            normalized: "滇ICP备09010050号-5".into(),
        }]);

        let r = ok("粤A2-20044005号");
        assert_eq!(r.scheme, Scheme::TelecomLicense);
        assert_eq!(r.kind, Kind::License);
        assert_eq!(r.province.code(), "GD");
        assert_eq!(r.warnings.first().map(Warning::code), Some("record_number.legacy_license"));
        let r = ok("辽B-2-4-20080039");
        assert_eq!(r.digits, "20080039");
        assert_eq!(r.entity, "辽B-2-4-20080039");
        assert_eq!(r.warnings, vec![Warning::LegacyLicense {
            value: "辽B-2-4-20080039".into(),
            category: "B-2-4".into(),
        }]);

        let r = ok("粤B2-20090059号");
        assert_eq!(r.normalized, "粤B2-20090059");
        assert_eq!(r.warnings.first().map(Warning::code), Some("record_number.legacy"));
    }

    #[test]
    fn public_security_prefixes_and_county() {
        // 川 is the usual prefix of Sichuan public-security numbers: no legacy warning.
        let r = ok("川公网安备51010702001234号");
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        assert_eq!(r.province, province("SC"));
        let r = ok("京公网安备44030502008569号");
        assert_eq!(r.warnings, vec![Warning::CountyCode {
            county_code: "440305".into(),
            prefix: '京',
            division_code: "11",
        }]);
    }

    #[test]
    fn year_rule_warns() {
        let r = ok("京ICP备25123456号");
        assert_eq!(r.warnings, vec![Warning::Year {
            value: "京ICP备25123456号".into(),
            year: "25".into(),
            length: 8,
        }]);
        assert_eq!(ok("京ICP备2012123456号").warnings.len(), 1);
        assert!(ok("京ICP备2019123456号").warnings.is_empty());
        assert!(ok("京ICP备20123456号").warnings.is_empty());
        // licence numbers carry no year.
        assert!(ok("京ICP证990001号").warnings.is_empty());
    }

    #[test]
    fn provinces() {
        let prefixes: String = Province::all().map(Province::record_prefix).collect();
        assert_eq!(prefixes, "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝蜀黔滇藏陕甘青宁新");
        let isos: Vec<&str> = Province::all().map(Province::code).collect();
        assert_eq!(
            isos.join(" "),
            "BJ TJ HE SX NM LN JL HL SH JS ZJ AH FJ JX SD HA HB HN GD GX HI CQ SC GZ YN XZ SN GS QH NX XJ"
        );
        for p in Province::all() {
            assert_eq!(Province::from_record_prefix(p.record_prefix()), Some(p));
            assert_eq!(Province::parse(p.code()), Some(p));
            let r = ok(&format!("{}ICP备12345678号", p.record_prefix()));
            assert_eq!(r.province, p);
        }
        let legacy: Vec<(char, &str)> = Province::all()
            .flat_map(|p| p.info().legacy_record_prefixes.iter().map(move |c| (*c, p.code())))
            .collect();
        assert_eq!(legacy, [('川', "SC"), ('贵', "GZ")]);
        assert_eq!(Province::from_legacy_record_prefix('京'), None);
    }

    #[test]
    fn every_code_is_catalogued() {
        let errors = [
            err(""),
            err("港ICP备12345678号"),
            err("中ICP备12345678号"),
            err("ICP备12345678号"),
            err("京XYZ"),
            err("京ICP备1号"),
            err("京ICP备12345678"),
            err("京ICP备12345678号-"),
            err("京ICP备12345678号-1B"),
            err("京ICP备12345678号?"),
        ];
        for e in &errors {
            crate::ids::test_support::assert_renders(e.code(), &e.params());
        }
        let warnings = [
            ok("川ICP备15095485号-1").warnings,
            ok("滇ICP备09010050-5号").warnings,
            ok("辽B-2-4-20080039").warnings,
            ok("京ICP备25123456号").warnings,
            ok("京公网安备44030502008569号").warnings,
        ];
        for w in warnings.iter().flatten() {
            crate::ids::test_support::assert_renders(w.code(), &w.params());
        }
        let produced: Vec<&str> = errors
            .iter()
            .map(Error::code)
            .chain(warnings.iter().flatten().map(Warning::code))
            .collect();
        crate::ids::test_support::assert_every_code_exercised(include_str!("record_number.rs"), &produced);
    }

    #[test]
    fn huge_and_odd_inputs() {
        let big = format!("京ICP备{}号", "1".repeat(1_000_000));
        assert_eq!(err(&big).code(), "record_number.format.digits");
        let e = err(&"号".repeat(1_000_000));
        assert!(e.params().0.iter().all(|(_, v)| v.to_string().chars().count() <= 65));
        let big = format!("京ICP备12345678号-1{}", "A".repeat(1_000_000));
        assert!(err(&big).params().0.iter().all(|(_, v)| v.to_string().chars().count() <= 65));
    }

    fn prefix_strategy() -> impl Strategy<Value = char> {
        proptest::sample::select(Province::all().map(Province::record_prefix).collect::<Vec<_>>())
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,40}") {
            let _ = validate(&s);
            let _ = compact(&s);
        }

        #[test]
        fn never_panics_near_misses(s in "[京粤川港]?(ICP[备证]|公网安备|B-?2-?)?[0-9 号\\-AXKB]{0,20}") {
            let _ = validate(&s);
        }

        #[test]
        fn generated_numbers_round_trip(
            p in prefix_strategy(),
            ten in any::<bool>(),
            serial in 0u32..1_000_000,
            year2 in 4u32..=19,
            year4 in 2020u32..=2030,
            seq in proptest::option::of((1u32..=9999, proptest::option::of(proptest::sample::select(vec!['A', 'X', 'K'])))),
        ) {
            let digits = if ten { format!("{year4}{serial:06}") } else { format!("{year2:02}{serial:06}") };
            let mut n = format!("{p}ICP备{digits}号");
            if let Some((s, l)) = seq {
                n.push_str(&format!("-{s}"));
                if let Some(l) = l { n.push(l); }
            }
            let r = validate(&n).map_err(|e| TestCaseError::fail(format!("{n}: {e:?}")))?;
            prop_assert_eq!(&r.normalized, &n);
            prop_assert!(r.warnings.is_empty());
            prop_assert_eq!(r.sequence, seq.map(|(s, _)| s));
            let again = validate(&compact(&n)).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            prop_assert_eq!(&again, &r);
            // spaced, lower-case and full-width variants normalise to the same number
            let messy: String = n.chars().map(|c| match c {
                '0'..='9' => char::from_u32(u32::from(c) + 0xFEE0).unwrap_or(c),
                c => c.to_ascii_lowercase(),
            }).collect();
            let r2 = validate(&format!(" {messy} ")).map_err(|e| TestCaseError::fail(format!("{messy}: {e:?}")))?;
            prop_assert_eq!(r2.normalized, n);
        }

        #[test]
        fn public_security_round_trip(p in prefix_strategy(), d in "[0-9]{14}") {
            let n = format!("{p}公网安备{d}号");
            let r = validate(&n).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            prop_assert_eq!(r.normalized, n);
            prop_assert_eq!(r.kind, Kind::PublicSecurity);
        }
    }
}

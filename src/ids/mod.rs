//! Identifier numbers that appear on an ICP filing: the entity's certificate number and the
//! personal certificate numbers of the people responsible for it.
//!
//! One module per kind of number, each in the style of python-stdnum (S26): `compact` to
//! normalise, `check_char` / `check_digit` to compute a check character, `validate` to parse
//! and check, `is_valid` for a yes/no answer. The rules and their status tags come from
//! `docs/rules.md` §2.4; the check algorithms are re-verified in §8.1 and in each module's tests.
//!
//! | module | number | spec |
//! |---|---|---|
//! | [`uscc`] | 统一社会信用代码 (GB 32100-2015) | §2.4.1, §2.3 |
//! | [`org_code`] | 组织机构代码 (GB 11714) | §2.4.2 |
//! | [`business_registration`] | 15-digit 工商注册号 (GS15-2006) | §2.4.3 |
//! | [`resident_id`] | 居民身份证 (GB 11643-1999) | §2.4.4 |
//! | [`residence_permit`] | 港澳台居民居住证 | §2.4.5 |
//! | [`hk_macao_permit`] | 港澳居民来往内地通行证 | §2.4.6 |
//! | [`taiwan_permit`] | 台湾居民来往大陆通行证 | §2.4.7 |
//! | [`foreign_permanent_resident`] | 外国人永久居留身份证 | §2.4.8 |
//! | [`passport`] | 护照 | §2.4.9 |
//!
//! # Errors and warnings
//!
//! Every module reports the one [`Error`] type of [`error`]: an [`Identifier`] and a [`Kind`]
//! (length, format, checksum, or a component such as the birth date or the region), whose code
//! is `<identifier>.<kind>` (the key of its message in `data/messages/ids.toml`) and whose
//! params are typed. Its [`Error::is_certain`] says how it is reported:
//!
//! * `validate` returns `Err` only for **certain** failures: the number is wrong, the caller
//!   reports an error.
//! * Findings that rest on uncertain rules (spec tags **\[U\]**, **\[I\]**, or a layout known from
//!   one third-party source) never make `validate` fail. They are returned in the
//!   `warnings` of the `Ok` value, and their `is_certain()` is `false`: the caller reports a
//!   warning. `is_valid` is strict: it is `true` only with no error and no warning.
//!
//! The field checks, a layer above, report through the same [`Finding`] trait.
//!
//! This module depends on `std` and on the basic types of `crate::base` (the typed [`Params`]
//! of a message) only, so that it can be lifted into another crate with them.

// No panic is reachable from the public entry points (a panic traps the WebAssembly module for
// the rest of the page's life): clippy refuses unwrap, expect, indexing and panics here.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented))]

use std::fmt;

pub use crate::base::{Param, Params};
pub use error::{Error, Expected, Identifier, Kind};
pub(crate) use error::identifier;
use crate::base::params;

pub mod business_registration;
pub mod error;
pub mod foreign_permanent_resident;
pub mod hk_macao_permit;
pub mod org_code;
pub mod passport;
pub mod residence_permit;
pub mod resident_id;
pub mod taiwan_permit;
pub mod uscc;

/// Every identifier of this module, for the catalogue's coverage test and the docs.
pub const IDENTIFIERS: [Identifier; 9] = [
    uscc::ID,
    org_code::ID,
    business_registration::ID,
    resident_id::ID,
    residence_permit::ID,
    hk_macao_permit::ID,
    taiwan_permit::ID,
    foreign_permanent_resident::ID,
    passport::ID,
];

/// What every identifier error offers the caller, so that it can turn any of them into an
/// issue without knowing the module.
pub trait Finding {
    /// Stable dotted code, the key of the message in `data/messages/ids.toml`.
    fn code(&self) -> &'static str;
    /// The values the message uses, by placeholder name: counts and positions as numbers,
    /// characters and digit strings as text.
    fn params(&self) -> Params;
    /// `true`: the number is certainly wrong (an error). `false`: the rule is uncertain in the
    /// spec, so the finding is a warning.
    fn is_certain(&self) -> bool;
}

/// `code (name=value, …)`: a language-neutral rendering for logs; users see the catalogue text.
pub(crate) fn write_finding(
    f: &mut fmt::Formatter<'_>,
    code: &str,
    params: &Params,
) -> fmt::Result {
    f.write_str(code)?;
    let mut separator = " (";
    for (name, value) in &params.0 {
        write!(f, "{separator}{name}={value}")?;
        separator = ", ";
    }
    if params.is_empty() {
        Ok(())
    } else {
        f.write_str(")")
    }
}

/// Sex as encoded by the parity of the sequence number (GB 11643: odd = male).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    /// Sex for a sequence digit: odd is male, even is female.
    pub(crate) fn from_digit(digit: u32) -> Sex {
        if digit % 2 == 1 {
            Sex::Male
        } else {
            Sex::Female
        }
    }
}

/// A calendar date (proleptic Gregorian, years 1–9999). The caller passes "today" as one, so
/// that the checks are deterministic and testable and need no clock in WebAssembly.
///
/// Fields are private so that every `Date` is a real date; field order makes the derived
/// `Ord` chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// The date this build's rule data was compiled (docs/rules.md is of 2026-11): the `today`
    /// of last resort when neither the caller nor a clock provides one.
    pub const DATA_DATE: Date = Date { year: 2026, month: 11, day: 1 };

    /// The date, or `None` when there is no such day (month 13, 30 February, year 0).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (the `today` option of the public API).
    pub fn parse_iso(text: &str) -> Option<Date> {
        let mut parts = text.trim().split('-');
        let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return None;
        }
        Date::new(
            u16::try_from(digits_value(year)?).ok()?,
            u8::try_from(digits_value(month)?).ok()?,
            u8::try_from(digits_value(day)?).ok()?,
        )
    }

    /// Parses the 8 digits `YYYYMMDD` of an identity number.
    pub(crate) fn from_yyyymmdd(digits: &str) -> Option<Date> {
        let year = digits_value(digits.get(0..4)?)?;
        let month = digits_value(digits.get(4..6)?)?;
        let day = digits_value(digits.get(6..8)?)?;
        if digits.len() != 8 {
            return None;
        }
        Date::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// Age in full years on `today` of someone born on `self` (§2.6 age rules); `None` when
    /// `self` is after `today`. Someone born on 29 February turns a year older on 1 March in
    /// common years.
    pub fn age_on(self, today: Date) -> Option<u16> {
        let years = today.year.checked_sub(self.year)?;
        let before_birthday = (today.month, today.day) < (self.month, self.day);
        years.checked_sub(u16::from(before_birthday))
    }

    /// Days from `self` to `later` (negative when `later` is earlier), by the civil-calendar
    /// day count from 0000-03-01.
    pub fn days_until(self, later: Date) -> i64 {
        later.day_number() - self.day_number()
    }

    /// Whether the day is a Saturday or a Sunday (for "working days" rules; public holidays
    /// are not known here).
    pub fn is_weekend(self) -> bool {
        // Day 0 of `day_number` (0000-03-01) was a Wednesday: 3 = Saturday, 4 = Sunday.
        matches!(self.day_number().rem_euclid(7), 3 | 4)
    }

    /// The day after `self`, if there is one in years 1–9999.
    pub fn next_day(self) -> Option<Date> {
        Date::new(self.year, self.month, self.day + 1)
            .or_else(|| Date::new(self.year, self.month + 1, 1))
            .or_else(|| Date::new(self.year.checked_add(1)?, 1, 1))
    }

    /// Days since 0000-03-01 (proleptic Gregorian), the usual base of civil-date arithmetic:
    /// starting the year in March puts the leap day last.
    fn day_number(self) -> i64 {
        let (y, m, day) = (i64::from(self.year), i64::from(self.month), i64::from(self.day));
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe
    }

    pub fn year(self) -> u16 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }
}

impl TryFrom<(u16, u8, u8)> for Date {
    type Error = ();

    fn try_from((year, month, day): (u16, u8, u8)) -> Result<Date, ()> {
        Date::new(year, month, day).ok_or(())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Gregorian leap-year rule.
pub fn is_leap_year(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month; 0 for a month outside 1–12, so that every day fails against it.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The value of a short string of ASCII digits; `None` for anything else (including an empty
/// string or more digits than a `u32` holds).
pub(crate) fn digits_value(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 9 {
        return None;
    }
    text.chars().try_fold(0u32, |acc, c| {
        let digit = c.to_digit(10)?;
        acc.checked_mul(10)?.checked_add(digit)
    })
}

/// Number of chars (not bytes): lengths in messages count what the user typed.
pub(crate) fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// The `codepoint` parameter of a `format` error, `U+XXXX`, so that an invisible or
/// confusable character can still be named in the message.
pub(crate) fn codepoint(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// The parameters of a check character that does not match.
pub(crate) fn checksum_params(expected: char, found: char) -> Params {
    params!["expected" => expected, "found" => found]
}

/// The parameters of a character that cannot stand where it is.
pub(crate) fn character_params(position: usize, found: char) -> Params {
    params!["position" => position, "found" => found, "codepoint" => codepoint(found)]
}

/// Normalisation of typed and pasted input, the one set of rules for identifiers and for the
/// fields (`fields::normalize` builds on it): form input arrives typed on Chinese keyboards
/// and pasted from documents, with full-width characters (`１３８`, `－`), the ideographic
/// space and the zero-width characters copy-and-paste leaves behind.
pub(crate) mod normalize {
    /// Folds one character: full-width ASCII forms U+FF01–U+FF5E become ASCII (`１` → `1`,
    /// `＠` → `@`), the ideographic space U+3000 becomes a space.
    pub(crate) fn fold_char(c: char) -> char {
        match u32::from(c) {
            0x3000 => ' ',
            code @ 0xFF01..=0xFF5E => char::from_u32(code - 0xFEE0).unwrap_or(c),
            _ => c,
        }
    }

    /// Whitespace as Unicode defines it (which includes the ideographic space U+3000), plus
    /// the zero-width characters that copy-and-paste leaves behind.
    pub(crate) fn is_space(c: char) -> bool {
        c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
    }

    /// Hyphen-like characters people type for `-`: ASCII hyphen-minus, the Unicode hyphens
    /// and dashes U+2010–U+2015, the minus sign U+2212, the small em dash U+FE58 and the small
    /// and full-width hyphen-minus U+FE63 / U+FF0D.
    pub(crate) fn is_dash(c: char) -> bool {
        matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}')
    }

    /// Folds full width, removes spaces and dashes anywhere, and upper-cases ASCII letters: an
    /// identifier's `compact`. Only ASCII is upper-cased: Unicode case mapping can change the
    /// length (`ß` → `SS`) and such characters are errors anyway.
    pub(crate) fn compact(input: &str) -> String {
        input
            .chars()
            .map(fold_char)
            .filter(|c| !is_space(*c) && !is_dash(*c))
            .map(|c| c.to_ascii_uppercase())
            .collect()
    }

    #[cfg(test)]
    mod tests {
        use super::compact;

        #[test]
        fn compact_drops_what_pasting_and_chinese_keyboards_add() {
            // A zero-width space from a web page, a small em dash and full-width digits.
            assert_eq!(compact(" 9111\u{200B}0108\u{FE58}ｍａ０１ｃｃ\u{3000}"), "91110108MA01CC");
            // A letter is upper-cased; anything else stays for the check to refuse.
            assert_eq!(compact("9a-ß"), "9Aß");
        }

        #[test]
        fn fold_char_makes_full_width_forms_ascii() {
            assert_eq!(super::fold_char('\u{3000}'), ' ');
            assert_eq!(super::fold_char('１'), '1');
            assert_eq!(super::fold_char('＠'), '@');
            assert_eq!(super::fold_char('\u{FF00}'), '\u{FF00}');
        }
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Helpers shared by the modules' tests.
    use super::{Date, Finding, Params};

    /// A fixed "today" so that tests do not depend on the clock.
    pub(crate) fn today() -> Date {
        Date::new(2026, 11, 28).unwrap_or_else(|| unreachable!())
    }

    /// Full-width form of an ASCII string (`91` → `９１`).
    pub(crate) fn full_width(ascii: &str) -> String {
        ascii
            .chars()
            .map(|c| match c {
                '!'..='~' => char::from_u32(u32::from(c) + 0xFEE0).unwrap_or(c),
                ' ' => '\u{3000}',
                _ => c,
            })
            .collect()
    }

    /// `number` with the char at (0-based) `position` replaced by `replacement`.
    pub(crate) fn substitute(number: &str, position: usize, replacement: char) -> String {
        number.chars().enumerate().map(|(i, c)| if i == position { replacement } else { c }).collect()
    }

    /// Every substitution of one char of `number` by a different char of `alphabet`.
    pub(crate) fn substitutions(number: &str, alphabet: &str) -> Vec<String> {
        let chars: Vec<char> = number.chars().collect();
        let mut out = Vec::new();
        for (i, original) in chars.iter().enumerate() {
            for replacement in alphabet.chars().filter(|r| r != original) {
                let mut changed = chars.clone();
                if let Some(slot) = changed.get_mut(i) {
                    *slot = replacement;
                }
                out.push(changed.into_iter().collect());
            }
        }
        out
    }

    /// Inputs that must produce an error, never a panic.
    pub(crate) fn hostile_inputs() -> Vec<String> {
        vec![
            String::new(),
            " ".to_string(),
            "\u{3000}\u{3000}".to_string(),
            "-".repeat(40),
            "😀".repeat(18),
            "\u{0301}".repeat(18),
            "1\u{0301}".repeat(9),
            "9".repeat(1 << 20),
            "X".repeat(1 << 20),
            "\u{FFFF}\u{10FFFF}\0".to_string(),
            "１１０１０５１９４９１２３１００２Ｘ\u{0301}".to_string(),
            "ǅǅǅǅǅǅǅǅǅǅǅǅǅǅǅǅǅǅ".to_string(),
            "ßßßßßßßßß".to_string(),
        ]
    }

    /// The baked message table (`src/generated/messages.rs`), read directly: the identifier
    /// layer does not use the catalogue module (tests/layers.rs), and these checks need only its table.
    mod baked {
        include!("../generated/messages.rs");
    }

    /// The zh-CN and en messages of `key`.
    fn messages(key: &str) -> Option<[&'static str; 2]> {
        let i = baked::CODES.binary_search(&key).ok()?;
        let part = |text: &'static str, starts: &[baked::Offset]| {
            let (start, end) = (*starts.get(i)? as usize, *starts.get(i + 1)? as usize);
            text.get(start..end)
        };
        Some([part(baked::ZH_CN, &baked::ZH_CN_START)?, part(baked::EN, &baked::EN_START)?])
    }

    /// Every `{name}` placeholder in a catalogue message.
    pub(crate) fn placeholders(message: &str) -> Vec<String> {
        message
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
            .collect()
    }

    /// The one catalogue check of the identifier and field modules: `key` has its messages,
    /// and every placeholder they use is one of `params` (the generator already refuses a key
    /// without both locales, or whose two messages use different placeholders).
    pub(crate) fn assert_renders(key: &str, params: &Params) {
        let Some(found) = messages(key) else {
            panic!("{key} is missing from the message catalogue (data/messages/)");
        };
        for message in found {
            for name in placeholders(message) {
                assert!(params.get(&name).is_some(), "{key}: {{{name}}} is not a param of {params:?}");
            }
        }
    }

    /// The codes a module's source names as string literals (the catalogue keys among them):
    /// the codes it reports, read from the module itself rather than listed a second time.
    pub(crate) fn codes_in_source(source: &'static str) -> Vec<&'static str> {
        source.split('"').skip(1).step_by(2).filter(|literal| messages(literal).is_some()).collect()
    }

    /// Every code `source` names is among `produced`: the module's tests give each code a
    /// worked example (and render it with [`assert_renders`]).
    pub(crate) fn assert_every_code_exercised(source: &'static str, produced: &[&str]) {
        let codes = codes_in_source(source);
        assert!(!codes.is_empty(), "no code found in the module's source");
        for code in codes {
            assert!(produced.contains(&code), "{code} has no worked example");
        }
    }

    /// [`assert_renders`] for a finding: its code with its params.
    pub(crate) fn assert_in_catalogue(finding: &dyn Finding) {
        assert_renders(finding.code(), &finding.params());
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::normalize::compact;
    use super::*;

    #[test]
    fn day_arithmetic() {
        let d = |y, m, day| Date::new(y, m, day).expect("date");
        assert_eq!(d(2024, 2, 28).days_until(d(2024, 3, 1)), 2);
        assert_eq!(d(2023, 12, 31).days_until(d(2024, 12, 31)), 366);
        assert_eq!(d(2025, 1, 1).days_until(d(2024, 1, 1)), -366);
        assert_eq!(d(2024, 2, 28).next_day(), Some(d(2024, 2, 29)));
        assert_eq!(d(2023, 12, 31).next_day(), Some(d(2024, 1, 1)));
        assert_eq!(d(9999, 12, 31).next_day(), None);
        // 2026-11-28 was a Saturday, 2026-11-30 a Monday.
        let weekends: Vec<bool> = (27..=30).map(|day| d(2026, 11, day).is_weekend()).collect();
        assert_eq!(weekends, vec![false, true, true, false]);
        // Across the 400-year cycle that starts on 2000-03-01 (2000 was a leap year), and
        // across a century that is no leap year (2100).
        assert_eq!(d(1999, 12, 31).days_until(d(2000, 3, 1)), 61);
        assert_eq!(d(2100, 2, 28).days_until(d(2100, 3, 1)), 1);
        assert_eq!(d(1949, 10, 1).days_until(d(2026, 12, 3)), 28_187);
        // 1999-12-31 was a Friday, 2000-01-01 a Saturday; 2100-03-01 will be a Monday.
        let weekends: Vec<bool> = [d(1999, 12, 31), d(2000, 1, 1), d(2100, 3, 1)].iter().map(|day| day.is_weekend()).collect();
        assert_eq!(weekends, vec![false, true, false]);
    }

    #[test]
    fn compact_folds_full_width_and_removes_separators() {
        assert_eq!(
            compact(" ９１１１\u{3000}0000-６０００３７３４１ｌ "),
            "91110000600037341L"
        );
        assert_eq!(compact("7458\u{2014}3060 — 7"), "745830607");
        assert_eq!(compact("ａｂｃ－ｘ"), "ABCX");
        assert_eq!(compact("ß"), "ß");
        assert_eq!(compact(""), "");
    }

    #[test]
    fn dates() {
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2023, 4, 31).is_none());
        assert!(Date::new(2023, 13, 1).is_none());
        assert!(Date::new(2023, 0, 1).is_none());
        assert!(Date::new(0, 1, 1).is_none());
        assert!(Date::new(1949, 12, 31) < Date::new(1950, 1, 1));
        assert_eq!(Date::parse_iso("2026-11-28"), Date::new(2026, 11, 28));
        assert_eq!(Date::parse_iso("2026-11-28").map(|d| (d.year(), d.month(), d.day())), Some((2026, 11, 28)));
        // Exactly three parts of 4, 2 and 2 digits.
        assert_eq!(Date::parse_iso("2026-11-28-01"), None);
        assert_eq!(Date::parse_iso("999-11-28"), None);
        assert_eq!(Date::parse_iso("02026-11-28"), None);
        assert_eq!(Date::parse_iso("2026-011-28"), None);
        assert_eq!(Date::parse_iso("2026-11-028"), None);
        assert_eq!(Date::parse_iso(" 2026-02-30"), None);
        assert_eq!(Date::parse_iso("2026-1-28"), None);
        assert_eq!(Date::parse_iso("２０２６-11-28"), None);
        assert_eq!(Date::from_yyyymmdd("19491231"), Date::new(1949, 12, 31));
        assert_eq!(Date::from_yyyymmdd("1949123"), None);
        assert_eq!(Date::from_yyyymmdd("194912311"), None);
        assert_eq!(
            Date::try_from((2026u16, 11u8, 28u8)).ok(),
            Date::new(2026, 11, 28)
        );
        assert_eq!(
            Date::new(976, 1, 2).map(|d| d.to_string()).as_deref(),
            Some("0976-01-02")
        );
    }

    #[test]
    fn ages() {
        let date = |y, m, d| Date::new(y, m, d).unwrap_or_else(|| unreachable!());
        let birth = date(2008, 11, 28);
        assert_eq!(birth.age_on(date(2026, 11, 27)), Some(17));
        assert_eq!(birth.age_on(date(2026, 11, 28)), Some(18));
        assert_eq!(birth.age_on(birth), Some(0));
        assert_eq!(birth.age_on(date(2008, 11, 27)), None);
        assert_eq!(date(2008, 2, 29).age_on(date(2026, 2, 28)), Some(17));
        assert_eq!(date(2008, 2, 29).age_on(date(2026, 3, 1)), Some(18));
    }

    #[test]
    fn digits() {
        assert_eq!(digits_value("0042"), Some(42));
        assert_eq!(digits_value(""), None);
        assert_eq!(digits_value("4x"), None);
        assert_eq!(digits_value("٤"), None); // Arabic-Indic digit: not ASCII
        assert_eq!(digits_value("9999999999"), None);
        // Nine digits always fit a u32, and are read; ten are refused even when they would fit.
        assert_eq!(digits_value("123456789"), Some(123_456_789));
        assert_eq!(digits_value("1234567890"), None);
        assert_eq!(codepoint('\u{301}'), "U+0301");
        assert_eq!(codepoint('😀'), "U+1F600");
    }
}

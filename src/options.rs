//! Options every check accepts (docs/api.md "Options"): locale, filing province, entity type,
//! `partial` while a form is being filled, and `today` for date rules.

// No panic is reachable from the public entry points (a panic traps the WebAssembly module for
// the rest of the page's life): clippy refuses unwrap, expect, indexing and panics here.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented))]

pub use crate::base::Locale;
use crate::rules::{provinces, EntityType, ProvinceInfo};

/// A filing province: the one whose 管局 reviews the filing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Province(&'static ProvinceInfo);

impl Province {
    /// Accepts the ISO 3166-2 code (`BJ`, `CN-BJ`, `cn-bj`), the Chinese name with or without
    /// its suffix (`北京`, `北京市`), the abbreviation (`京`), the ICP record prefix (`蜀`), the
    /// GB/T 2260 prefix (`11`, also a full six-digit `110000`) and the English name.
    pub fn parse(input: &str) -> Option<Province> {
        let s = input.trim();
        let s = s.strip_prefix("CN-").or_else(|| s.strip_prefix("cn-")).unwrap_or(s);
        let numeric = match s.strip_suffix("0000") {
            Some(prefix) if s.len() == 6 => prefix,
            _ => s,
        };
        provinces()
            .iter()
            .find(|p| {
                p.code.eq_ignore_ascii_case(s)
                    || p.numeric == numeric
                    || p.name == s
                    || p.full_name == s
                    || p.abbreviation == s
                    || s.chars().eq([p.record_prefix])
                    || p.en.eq_ignore_ascii_case(s)
                    || p.aliases.contains(&s)
            })
            .map(Province)
    }

    /// The 31 filing provinces, in GB/T 2260 order.
    pub fn all() -> impl Iterator<Item = Province> {
        provinces().iter().map(Province)
    }

    /// The province whose *current* ICP record prefix is `c` (`'京'` → Beijing, `'蜀'` → Sichuan).
    pub fn from_record_prefix(c: char) -> Option<Province> {
        provinces().iter().find(|p| p.record_prefix == c).map(Province)
    }

    /// The province of a prefix older footers carry (`'川'` → Sichuan, `'贵'` → Guizhou).
    pub fn from_legacy_record_prefix(c: char) -> Option<Province> {
        provinces().iter().find(|p| p.legacy_record_prefixes.contains(&c)).map(Province)
    }

    /// ISO 3166-2:CN subdivision code without the country, e.g. `BJ`.
    pub fn code(self) -> &'static str {
        self.0.code
    }

    /// The two-digit GB/T 2260 division code (`"11"`), the start of its county codes.
    pub fn division_code(self) -> &'static str {
        self.0.numeric
    }

    /// The current ICP record prefix (`'京'`).
    pub fn record_prefix(self) -> char {
        self.0.record_prefix
    }

    pub fn info(self) -> &'static ProvinceInfo {
        self.0
    }

    pub fn name(self, locale: Locale) -> &'static str {
        match locale {
            Locale::ZhCn => self.0.name,
            Locale::En => self.0.en,
        }
    }
}

/// A calendar date, for `today` and the date rules (one type for the whole crate).
pub use crate::ids::Date;

/// Today from the system clock, in UTC. Natively only: WebAssembly has no clock of its own,
/// so the JavaScript boundary passes the page's date in (`src/wasm/`).
pub fn system_today() -> Option<Date> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let days = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?.as_secs() / 86_400;
        date_from_unix_days(i64::try_from(days).ok()?)
    }
    #[cfg(target_arch = "wasm32")]
    {
        None
    }
}

/// The date `days` after 1970-01-01, in the proleptic Gregorian calendar (Howard Hinnant's
/// civil-from-days: eras of 400 years, each year counted from 1 March so the leap day is last).
/// `None` outside years 1–9999.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
fn date_from_unix_days(days: i64) -> Option<Date> {
    let z = days.checked_add(719_468)?;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date::new(u16::try_from(year).ok()?, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

/// Options of every check. `Options::default()` is: Chinese messages, no province, no entity
/// type, a complete form, and today's date from the system clock.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub locale: Locale,
    pub province: Option<Province>,
    pub entity_type: Option<EntityType>,
    pub partial: bool,
    pub today: Option<Date>,
}

impl Options {
    pub fn with_locale(mut self, locale: Locale) -> Self {
        self.locale = locale;
        self
    }
    pub fn with_province(mut self, province: Province) -> Self {
        self.province = Some(province);
        self
    }
    pub fn with_entity_type(mut self, entity_type: EntityType) -> Self {
        self.entity_type = Some(entity_type);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_beijing() {
        for s in ["BJ", "bj", "CN-BJ", "北京", "北京市", "京", "11", "110000", "Beijing"] {
            assert_eq!(Province::parse(s).map(Province::code), Some("BJ"), "{s}");
        }
        assert_eq!(Province::parse("蜀").map(Province::code), Some("SC"));
        assert_eq!(Province::parse("川").map(Province::code), Some("SC"));
        assert_eq!(Province::parse("港"), None);
        assert_eq!(Province::parse(""), None);
    }

    #[test]
    fn dates() {
        assert_eq!(Date::parse_iso("2024-02-29"), Date::new(2024, 2, 29));
        assert!(Date::parse_iso("2023-02-29").is_none());
        assert!(Date::parse_iso("2023-2-1").is_none());
        assert!(Date::parse_iso("20230201").is_none());
        let today = system_today().expect("a clock");
        assert!(today.year() >= 2026);
    }

    /// Every day from the epoch to 9999-12-31 is the day after the one before it, and the
    /// calendar's edges are where they are: leap days of 2000 and 2024, none in 1900 or 2100.
    #[test]
    fn days_since_the_epoch() {
        let date = |y, m, d| Date::new(y, m, d).expect("a date");
        assert_eq!(date_from_unix_days(0), Some(date(1970, 1, 1)));
        assert_eq!(date_from_unix_days(11_016), Some(date(2000, 2, 29)));
        assert_eq!(date_from_unix_days(19_782), Some(date(2024, 2, 29)));
        assert_eq!(date_from_unix_days(47_540), Some(date(2100, 2, 28)));
        assert_eq!(date_from_unix_days(47_541), Some(date(2100, 3, 1)));
        assert_eq!(date_from_unix_days(-25_509), Some(date(1900, 2, 28)));
        assert_eq!(date_from_unix_days(-25_508), Some(date(1900, 3, 1)));
        assert_eq!(date_from_unix_days(-719_162), Some(date(1, 1, 1)));
        assert_eq!(date_from_unix_days(-719_163), None);
        assert_eq!(date_from_unix_days(2_932_897), None);
        assert_eq!(date_from_unix_days(i64::MAX), None);
        let mut expected = date(1970, 1, 1);
        for days in 1..=2_932_896 {
            expected = expected.next_day().expect("before 10000");
            assert_eq!(date_from_unix_days(days), Some(expected), "{days}");
        }
        assert_eq!(expected, date(9999, 12, 31));
    }

    #[test]
    fn locales() {
        assert_eq!(Locale::parse("en-US"), Some(Locale::En));
        assert_eq!(Locale::parse("zh-Hans-CN"), Some(Locale::ZhCn));
        assert_eq!(Locale::parse("fr"), None);
    }
}

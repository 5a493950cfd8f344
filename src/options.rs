//! Options every check accepts (api.md "Options"): locale, filing province, entity type,
//! `partial` while a form is being filled, and `today` for date rules.

use crate::rules::{provinces, EntityType, ProvinceInfo};

/// Language of `Issue.message`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Locale {
    #[default]
    ZhCn,
    En,
}

impl Locale {
    /// Accepts `zh-CN`, `zh`, `zh-Hans`, `en`, `en-US`, … (BCP 47, case-insensitive).
    pub fn parse(tag: &str) -> Option<Locale> {
        let tag = tag.trim();
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("zh") {
            Some(Locale::ZhCn)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Locale::En)
        } else {
            None
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::En => "en",
        }
    }
}

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
                    || p.record_prefix == s
                    || p.en.eq_ignore_ascii_case(s)
                    || p.aliases.contains(&s)
            })
            .map(Province)
    }

    /// ISO 3166-2:CN subdivision code without the country, e.g. `BJ`.
    pub fn code(self) -> &'static str {
        self.0.code
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

/// A calendar date, for `today` and the date rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD`, refusing dates that do not exist (2023-02-29).
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.trim().splitn(3, '-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// A date, if it exists in the proleptic Gregorian calendar.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days_in_month).contains(&day).then_some(Date { year, month, day })
    }
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
        assert_eq!(Date::parse("2024-02-29"), Date::new(2024, 2, 29));
        assert!(Date::parse("2023-02-29").is_none());
        assert!(Date::parse("2023-2-1").is_none());
        assert!(Date::parse("20230201").is_none());
    }

    #[test]
    fn locales() {
        assert_eq!(Locale::parse("en-US"), Some(Locale::En));
        assert_eq!(Locale::parse("zh-Hans-CN"), Some(Locale::ZhCn));
        assert_eq!(Locale::parse("fr"), None);
    }
}

//! The basic types every layer shares, below the data, the catalogue and the checks: the
//! locale a message is written in, how severe a finding is, and the typed params its message is
//! built from. They sit here, at the bottom, so that the catalogue, the rule data and the issue
//! shape can all use them without using each other (`tests/layers.rs`).
//!
//! The public paths are unchanged: `options::Locale`, `issue::{Severity, Param, Params}` re-export
//! them.

// No panic is reachable from the public entry points (a panic traps the WebAssembly module for
// the rest of the page's life): clippy refuses unwrap, expect, indexing and panics here.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented))]

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

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

/// How sure we are that a provider or a 管局 would reject the filing.
///
/// Following `docs/rules.md`: errors only for rules tagged confirmed ([C], [V]); everything
/// inferred or disputed ([I], [U], [C3]) is a warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The filing would be rejected.
    Error,
    /// It may be rejected, or needs care.
    Warning,
}

/// A value a message was built from; serialised as a plain JSON string or number.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Param {
    Text(String),
    Number(i64),
}

impl From<&str> for Param {
    fn from(s: &str) -> Self {
        Param::Text(s.to_owned())
    }
}
impl From<String> for Param {
    fn from(s: String) -> Self {
        Param::Text(s)
    }
}
impl From<char> for Param {
    fn from(c: char) -> Self {
        Param::Text(c.to_string())
    }
}
impl From<usize> for Param {
    fn from(n: usize) -> Self {
        Param::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<i64> for Param {
    fn from(n: i64) -> Self {
        Param::Number(n)
    }
}
impl From<u32> for Param {
    fn from(n: u32) -> Self {
        Param::Number(i64::from(n))
    }
}

impl std::fmt::Display for Param {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Param::Text(s) => f.write_str(s),
            Param::Number(n) => write!(f, "{n}"),
        }
    }
}

/// Named parameters in insertion order; serialised as a JSON object.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params(pub Vec<(&'static str, Param)>);

impl Params {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn get(&self, name: &str) -> Option<&Param> {
        self.0.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// Builds [`Params`] from `name => value` pairs, each value typed by its `From` (`usize` a
/// number, `char` and strings text): `params!["found" => 15usize, "tld" => "io"]`.
macro_rules! params {
    () => { $crate::base::Params::default() };
    ($($name:literal => $value:expr),+ $(,)?) => {
        $crate::base::Params(vec![$(($name, $crate::base::Param::from($value))),+])
    };
}
pub(crate) use params;

#[cfg(test)]
mod tests {
    use super::*;

    /// A locale's tag is the BCP 47 tag it is written as (the command line's `locale` field
    /// and `Intl` take it), and reads back as the same locale.
    #[test]
    fn locale_tags_read_back() {
        assert_eq!((Locale::ZhCn.tag(), Locale::En.tag()), ("zh-CN", "en"));
        for locale in [Locale::ZhCn, Locale::En] {
            assert_eq!(Locale::parse(locale.tag()), Some(locale));
        }
        assert_eq!(Locale::parse(" ZH_hant "), Some(Locale::ZhCn));
        assert_eq!(Locale::parse("eng"), None);
    }
}

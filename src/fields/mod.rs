//! Single-field validators: record numbers, phone numbers, e-mail addresses and app
//! identifiers.
//!
//! Each submodule checks one kind of value in the style of python-stdnum: a module doc
//! comment with the structure and sources of the format, `compact` (normalise the input),
//! `validate` (parse into a typed value or return a typed error) and `is_valid`.
//!
//! * [`record_number`] — ICP 备案号 / 许可证号 / B2 numbers / 公安联网备案号 (`docs/rules.md` §5)
//! * [`mobile`] — mainland mobile numbers (§2.8 P1, P2)
//! * [`landline`] — landline / office numbers (§2.8 P6; format inferred)
//! * [`email`] — e-mail addresses (§2.8 P7; a practical RFC 5322 subset)
//! * [`app_id`] — Android package names, iOS Bundle IDs, HarmonyOS bundle names and
//!   certificate digests (§4)
//!
//! Conventions shared by every module:
//!
//! * Errors are enums whose variants carry what the message needs. `code()` gives a stable
//!   dotted code (catalogue: `data/messages/fields.toml`), `params()` the named values the
//!   message interpolates, and `is_certain()` tells a rule the spec confirms ([C], [C3],
//!   [V] → the caller reports an *error*) from one it only infers ([I], [U] → *warning*).
//! * Problems that do not make the value unusable (a legacy record-number prefix, a mobile
//!   segment that filing systems may refuse) are returned inside the `Ok` value as
//!   `warnings`; every warning also has `code()` and `params()`.
//! * A `value` parameter is the trimmed input, shortened to 64 characters (see
//!   [`normalize::excerpt`]) so a huge input never produces a huge message.
//! * Nothing here panics, allocates more than a small multiple of the input, or takes more
//!   than linear time, whatever the input (empty, megabytes, emoji, lone combining marks).
//!
//! This module depends on `std` only.

// No panic is reachable from the public entry points (a panic traps the WebAssembly module for
// the rest of the page's life): clippy refuses unwrap, expect, indexing and panics here.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented))]

pub mod app_id;
pub mod email;
pub mod landline;
pub mod mobile;
pub mod mobile_region;
pub mod record_number;

/// Input normalisation shared by the field validators.
///
/// Form input arrives typed on Chinese keyboards and pasted from documents, so it often
/// contains full-width characters (`１３８`, `＠`, `－`), the ideographic space U+3000 and
/// invisible zero-width characters. These helpers undo exactly that and nothing more;
/// each validator decides which separators it drops.
pub(crate) mod normalize {
    /// Longest `value` parameter put into a message, in characters.
    pub(crate) const EXCERPT_CHARS: usize = 64;

    /// The characters themselves (spaces, dashes, full-width forms) are the identifiers'
    /// rules: one set for every field and number.
    pub(crate) use crate::ids::normalize::{fold_char, is_dash, is_space};

    /// Trims [`is_space`] characters at both ends.
    pub(crate) fn trim(s: &str) -> &str {
        s.trim_matches(is_space)
    }

    /// Trims, then folds every character with [`fold_char`].
    pub(crate) fn fold(s: &str) -> String {
        trim(s).chars().map(fold_char).collect()
    }

    /// Trims and folds, then drops every character for which `drop` is true (tested on
    /// the folded character).
    pub(crate) fn fold_without(s: &str, drop: impl Fn(char) -> bool) -> String {
        trim(s).chars().map(fold_char).filter(|&c| !drop(c)).collect()
    }

    /// The trimmed input, cut to [`EXCERPT_CHARS`] characters with `…` appended when it
    /// was longer: what error messages quote as `{value}`.
    pub(crate) fn excerpt(s: &str) -> String {
        let t = trim(s);
        let mut out: String = t.chars().take(EXCERPT_CHARS).collect();
        if t.chars().nth(EXCERPT_CHARS).is_some() {
            out.push('…');
        }
        out
    }

    #[cfg(test)]
    #[allow(clippy::panic, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    mod tests {
        use super::*;

        #[test]
        fn folds_full_width_and_ideographic_space() {
            assert_eq!(fold("\u{3000}１３８－００１３＠ＡＢｃ\u{3000}"), "138-0013@ABc");
            assert_eq!(fold_char('\u{FF5E}'), '~');
            assert_eq!(fold_char('\u{FF5F}'), '\u{FF5F}');
            assert_eq!(fold_char('号'), '号');
        }

        #[test]
        fn trims_zero_width() {
            assert_eq!(trim("\u{FEFF}\u{200B} a b \u{3000}"), "a b");
        }

        #[test]
        fn drops_selected() {
            assert_eq!(fold_without(" 1 2－3 ", |c| c == ' ' || is_dash(c)), "123");
        }

        #[test]
        fn excerpt_is_bounded() {
            let long = "号".repeat(1000);
            let e = excerpt(&long);
            assert_eq!(e.chars().count(), EXCERPT_CHARS + 1);
            assert!(e.ends_with('…'));
            assert_eq!(excerpt("  abc "), "abc");
        }
    }
}

/// Checks that `data/messages/fields.toml` has a message in both locales for every code
/// the modules can produce, and that each message only uses placeholders the code's
/// `params()` provide.
#[cfg(test)]
#[allow(clippy::panic, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
pub(crate) mod catalogue {
    use std::collections::BTreeMap;

    const TOML: &str = include_str!("../../data/messages/fields.toml");

    /// code → (locale → message), parsed with a minimal reader for the catalogue's flat
    /// layout (`["code"]` headers, `locale = "text"` lines).
    pub(crate) fn entries() -> BTreeMap<String, BTreeMap<String, String>> {
        let mut out: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        let mut current: Option<String> = None;
        for line in TOML.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(h) = line.strip_prefix("[\"").and_then(|h| h.strip_suffix("\"]")) {
                assert!(!out.contains_key(h), "duplicate table {h}");
                out.insert(h.to_string(), BTreeMap::new());
                current = Some(h.to_string());
                continue;
            }
            let (key, value) = line.split_once(" = ").unwrap_or_else(|| panic!("bad line {line}"));
            let value = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .unwrap_or_else(|| panic!("unquoted value in {line}"));
            let code = current.clone().unwrap_or_else(|| panic!("key outside a table: {line}"));
            out.entry(code).or_default().insert(key.to_string(), value.replace("\\\"", "\""));
        }
        out
    }

    /// The `{name}` placeholders of a message.
    pub(crate) fn placeholders(message: &str) -> Vec<String> {
        let mut names = Vec::new();
        let mut rest = message;
        while let Some(start) = rest.find('{') {
            let after = &rest[start + 1..];
            let Some(end) = after.find('}') else { break };
            names.push(after[..end].to_string());
            rest = &after[end + 1..];
        }
        names
    }

    /// Asserts that `code` is catalogued in both locales and that its messages use only
    /// names found in `params`.
    pub(crate) fn check(code: &str, params: &crate::base::Params) {
        let all = entries();
        let entry = all.get(code).unwrap_or_else(|| panic!("code {code} missing from fields.toml"));
        for locale in ["zh-CN", "en"] {
            let msg = entry.get(locale).unwrap_or_else(|| panic!("{code}: no {locale} message"));
            for name in placeholders(msg) {
                assert!(
                    params.get(&name).is_some(),
                    "{code} ({locale}) uses {{{name}}} but params() are {params:?}"
                );
            }
        }
    }

    #[test]
    fn catalogue_matches_the_code_lists() {
        let all = entries();
        let mut declared: Vec<&str> = Vec::new();
        declared.extend_from_slice(super::record_number::CODES);
        declared.extend_from_slice(super::mobile::CODES);
        declared.extend_from_slice(super::landline::CODES);
        declared.extend_from_slice(super::email::CODES);
        declared.extend_from_slice(super::app_id::CODES);
        for code in &declared {
            assert!(all.contains_key(*code), "{code} declared but not in fields.toml");
        }
        for code in all.keys() {
            assert!(declared.contains(&code.as_str()), "{code} in fields.toml but in no CODES list");
        }
        for (code, locales) in &all {
            assert_eq!(locales.len(), 2, "{code} must have exactly zh-CN and en");
            assert!(locales.contains_key("zh-CN") && locales.contains_key("en"), "{code}");
            let zh = placeholders(&locales["zh-CN"]);
            let en = placeholders(&locales["en"]);
            let (mut zs, mut es) = (zh.clone(), en.clone());
            zs.sort();
            zs.dedup();
            es.sort();
            es.dedup();
            assert_eq!(zs, es, "{code}: zh-CN and en use different placeholders");
        }
    }
}

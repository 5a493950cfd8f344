//! Untyped input, as it arrives from JavaScript: `null`, numbers where strings belong, arrays
//! for objects, lone surrogates, a hundred thousand items, objects nested a thousand deep.
//!
//! `src/wasm/` converts a `JsValue` into a [`Value`] (bounded in depth and size while it
//! walks), and the functions here read typed fields out of it, turning every mismatch into a
//! `field.type` issue at the field's path. This lives in plain Rust so native tests reach it.

// No panic is reachable from the public entry points (a panic traps the WebAssembly module for
// the rest of the page's life): clippy refuses unwrap, expect, indexing and panics here.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented))]

use crate::issue::{params, Issues, Severity};
use crate::options::{Date, Locale, Options, Province};
use crate::rules::EntityType;

#[cfg(feature = "forms")]
pub(crate) mod forms;

pub use crate::value::{Value, MAX_BATCH, MAX_DEPTH, MAX_ITEMS, MAX_STRING, MAX_VALUES};

// The fields of an options object (docs/api.md "Options"): `OPTION_NAMES` and a constant for
// each, from `src/wasm/protocol.toml`, whose order `transfer.js`'s `optionsKey` follows too
// (`tests/transfer_protocol.rs` holds `types.d.ts`'s `Options` to it).
include!("generated/options.rs");

/// Reads a string field: `None` when absent; a `field.type` issue (and `None`) when it is
/// something else; a `field.encoding` warning when it carried lone surrogates.
pub(crate) fn read_str<'v>(value: Option<&'v Value>, path: &str, issues: &mut Issues) -> Option<&'v str> {
    match value? {
        Value::Undefined | Value::Null => None,
        Value::String { text, lone_surrogates, cut_from } => {
            if let Some(length) = cut_from {
                issues.error("field.too_long", path, params!["length" => *length, "max" => MAX_STRING]);
                return None;
            }
            if *lone_surrogates {
                issues.warning("field.encoding", path, params![]);
            }
            Some(text)
        }
        other => {
            type_error(other, "string", path, issues);
            None
        }
    }
}

/// Reads a boolean field, `field.type` otherwise.
pub(crate) fn read_bool(value: Option<&Value>, path: &str, issues: &mut Issues) -> Option<bool> {
    match value? {
        Value::Undefined | Value::Null => None,
        Value::Bool(b) => Some(*b),
        other => {
            type_error(other, "boolean", path, issues);
            None
        }
    }
}

/// `field.type` for `found` where `expected` ("string", "object", "array", …) belongs.
pub(crate) fn type_error(found: &Value, expected: &'static str, path: &str, issues: &mut Issues) {
    match found {
        Value::TooDeep => return issues.error("field.too_deep", path, params!["max" => MAX_DEPTH]),
        Value::TooLarge => return issues.error("field.too_large", path, params!["max" => MAX_VALUES]),
        Value::Unreadable => return issues.error("field.unreadable", path, params![]),
        _ => {}
    }
    let locale = issues.locale();
    let display = params!["expected" => type_name(expected, locale), "found" => type_name(found.kind(), locale)];
    issues.add_displayed(
        crate::issue::Severity::Error,
        "field.type",
        "field.type",
        path,
        params!["expected" => expected, "found" => found.kind()],
        display,
    );
}

/// How a JavaScript value type is named in `field.type`'s message: the catalogue's
/// `field.type.<kind>` entry (`field.type.other` for a kind it does not name).
fn type_name(kind: &str, locale: Locale) -> &'static str {
    let mut key = String::from("field.type.");
    key.push_str(kind);
    crate::catalogue::template(&key, locale).or_else(|| crate::catalogue::template("field.type.other", locale)).unwrap_or("")
}

/// Reads `Options` from an untyped value. Problems with the options themselves are reported
/// at `options.<field>` as warnings and the default is used: a bad option should not make a
/// domain look unfileable. `system_today` is the date when `today` is absent.
///
/// Every option issue is a warning, `field.type` and `field.too_long` included, so that `ok`
/// (no error) never depends on the options (docs/api.md: `ok === no issue of severity 'error'`).
pub(crate) fn read_options(value: &Value, system_today: Option<Date>) -> (Options, Issues) {
    let (options, issues) = read_options_raw(value, system_today);
    let mut warnings = Issues::new(options.locale);
    warnings.extend(issues.into_vec().into_iter().map(|mut issue| {
        issue.severity = Severity::Warning;
        issue
    }));
    (options, warnings)
}

fn read_options_raw(value: &Value, system_today: Option<Date>) -> (Options, Issues) {
    // The locale comes first, since every other message is written in it.
    let locale = match value.get(LOCALE) {
        Some(Value::String { text, .. }) => Locale::parse(text),
        _ => None,
    };
    let mut options = Options { locale: locale.unwrap_or_default(), today: system_today, ..Options::default() };
    let mut issues = Issues::new(options.locale);
    match value {
        Value::Undefined | Value::Null => return (options, issues),
        Value::Object(_) => {}
        other => {
            type_error(other, "object", "options", &mut issues);
            return (options, issues);
        }
    }
    if let Some(tag) = read_str(value.get(LOCALE), "options.locale", &mut issues) {
        if locale.is_none() {
            issues.warning("option.locale", "options.locale", params!["value" => tag]);
        }
    }
    if let Some(text) = read_str(value.get(PROVINCE), "options.province", &mut issues) {
        match Province::parse(text) {
            Some(province) => options.province = Some(province),
            None if text.trim().is_empty() => {}
            None => issues.warning("option.province", "options.province", params!["value" => text]),
        }
    }
    if let Some(text) = read_str(value.get(ENTITY_TYPE), "options.entityType", &mut issues) {
        match EntityType::parse(text) {
            Some(entity_type) => options.entity_type = Some(entity_type),
            None if text.trim().is_empty() => {}
            None => issues.warning("option.entity_type", "options.entityType", params!["value" => text]),
        }
    }
    if let Some(partial) = read_bool(value.get(PARTIAL), "options.partial", &mut issues) {
        options.partial = partial;
    }
    if let Some(text) = read_str(value.get(TODAY), "options.today", &mut issues) {
        match Date::parse_iso(text) {
            Some(date) => options.today = Some(date),
            None => issues.warning("option.today", "options.today", params!["value" => text]),
        }
    }
    (options, issues)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// OPTION_NAMES is the list the reader reads: each name, given a number (a wrong type),
    /// is reported at `options.<name>`; a field of another name is ignored.
    #[test]
    fn every_option_name_is_read() {
        let wrong = |name: &str| Value::Object(vec![(name.to_owned(), Value::Number(1.0))]);
        for name in OPTION_NAMES {
            let issues = read_options(&wrong(name), None).1.into_vec();
            assert!(issues.iter().any(|i| i.path == format!("options.{name}")), "{name}: {issues:?}");
        }
        assert!(read_options(&wrong("entity_type"), None).1.into_vec().is_empty());
    }

    /// `field.type` names both types in the locale's words.
    #[test]
    fn a_wrong_type_is_named_in_words() {
        let issues = read_options(&Value::Number(1.0), None).1.into_vec();
        assert_eq!(issues.first().map(|i| i.message.as_str()), Some("此项应为对象，收到的是数字。"), "{issues:?}");
    }

    /// A blank province or entity type is one not given, not one unknown.
    #[test]
    fn blank_options_are_absent() {
        let text = |t: &str| Value::String { text: t.to_owned(), lone_surrogates: false, cut_from: None };
        for name in ["province", "entityType"] {
            let (options, issues) = read_options(&Value::Object(vec![(name.to_owned(), text(" "))]), None);
            assert!(issues.into_vec().is_empty(), "{name}");
            assert!(options.province.is_none() && options.entity_type.is_none(), "{name}");
        }
        let (_, issues) = read_options(&Value::Object(vec![("province".to_owned(), text("Atlantis"))]), None);
        assert_eq!(issues.into_vec().first().map(|i| i.code), Some("option.province"));
    }

    /// Without `options.today` the date rules use the caller's today (the page's date from the
    /// WebAssembly boundary, the system clock natively); a valid `options.today` wins.
    #[test]
    fn the_callers_today_is_the_default() {
        let page_today = Date::new(2026, 12, 1);
        for absent in [Value::Undefined, Value::Null, Value::Object(Vec::new())] {
            assert_eq!(read_options(&absent, page_today).0.today, page_today, "{absent:?}");
        }
        let given = Value::Object(vec![("today".to_owned(), Value::String { text: "2025-06-01".to_owned(), lone_surrogates: false, cut_from: None })]);
        assert_eq!(read_options(&given, page_today).0.today, Date::new(2025, 6, 1));
    }
}

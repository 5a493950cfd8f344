//! The message catalogue: every code's message in `zh-CN` and `en`, baked from
//! `data/messages/*.toml` into `src/generated/` by `bake/` (which refuses a code without both
//! locales or with mismatched placeholders). `docs/codes.md` is generated from the same table and a test keeps
//! it current.

// No panic is reachable from the public entry points (a panic traps the WebAssembly module for
// the rest of the page's life): clippy refuses unwrap, expect, indexing and panics here.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented))]

use crate::base::{Locale, Params};

// The domain-only build (no `forms` feature) carries only the messages it can report.
#[cfg(feature = "forms")]
mod baked {
    include!("generated/messages.rs");
}
#[cfg(not(feature = "forms"))]
mod baked {
    include!("generated/messages_domain.rs");
}

/// Entry `index` of one of the baked texts (codes, zh-CN or en messages).
fn part(text: &'static str, starts: &[baked::Offset], index: usize) -> &'static str {
    let start = starts.get(index).map_or(0, |s| usize::from(*s));
    let end = starts.get(index + 1).map_or(start, |s| usize::from(*s));
    text.get(start..end).unwrap_or_default()
}

/// Every catalogue entry: `(key, zh-CN, en)`, sorted by key.
pub fn entries() -> &'static [(&'static str, &'static str, &'static str)] {
    static ENTRIES: std::sync::OnceLock<Vec<(&'static str, &'static str, &'static str)>> = std::sync::OnceLock::new();
    ENTRIES.get_or_init(|| {
        (baked::CODES.iter().enumerate())
            .map(|(i, code)| (*code, part(baked::ZH_CN, &baked::ZH_CN_START, i), part(baked::EN, &baked::EN_START, i)))
            .collect()
    })
}

/// The message template of `key` in `locale`, if the catalogue has it.
pub fn template(key: &str, locale: Locale) -> Option<&'static str> {
    let index = baked::CODES.binary_search(&key).ok()?;
    Some(match locale {
        Locale::ZhCn => part(baked::ZH_CN, &baked::ZH_CN_START, index),
        Locale::En => part(baked::EN, &baked::EN_START, index),
    })
}

/// Renders `key`'s message with its `{placeholders}` filled from `params`.
///
/// A key missing from the catalogue is a bug that tests catch (debug builds assert); release
/// builds fall back to the key itself rather than failing a user's check.
pub(crate) fn render(key: &str, locale: Locale, params: &Params) -> String {
    render_with(key, locale, |name, out| match params.get(name) {
        Some(value) => {
            use std::fmt::Write as _;
            let _ = write!(out, "{value}");
            true
        }
        None => false,
    })
}

/// Renders `key`'s message, with `fill(name, out)` appending the value of each `{name}` and
/// returning false when it has none (the placeholder is then kept as written).
pub(crate) fn render_with(key: &str, locale: Locale, mut fill: impl FnMut(&str, &mut String) -> bool) -> String {
    let Some(template) = template(key, locale) else {
        debug_assert!(false, "message catalogue has no entry for {key:?}");
        return key.to_owned();
    };
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(rest.get(..start).unwrap_or_default());
        let after = rest.get(start + 1..).unwrap_or_default();
        let Some(end) = after.find('}') else {
            out.push_str(rest.get(start..).unwrap_or_default());
            rest = "";
            break;
        };
        let name = after.get(..end).unwrap_or_default();
        if !fill(name, &mut out) {
            // A placeholder with no value is kept as written. The catalogue's tests give every
            // code's params (ids::test_support::assert_renders), so this is a safety net only.
            out.push_str(rest.get(start..start + end + 2).unwrap_or_default());
        }
        rest = after.get(end + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_and_one_without_a_value_is_kept() {
        let template = template("uscc.length", Locale::En).expect("uscc.length is catalogued");
        assert!(template.contains("{found}"), "{template}");
        assert_eq!(render_with("uscc.length", Locale::En, |_, _| false), template);
        let filled = render_with("uscc.length", Locale::En, |name, out| {
            out.push_str(&name.to_uppercase());
            true
        });
        assert!(filled.contains("FOUND") && !filled.contains('{'), "{filled}");
        // Only `{found}` has a value: the other placeholders stay as they are.
        let partly = render_with("uscc.length", Locale::En, |name, out| name == "found" && {
            out.push('7');
            true
        });
        assert_eq!(partly, template.replace("{found}", "7"));
    }
}

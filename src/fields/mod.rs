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

/// Implements [`Finding`], `Display` and `std::error::Error` for a field module's error by
/// delegating to its inherent `code`, `params` and `is_certain`; `impl_finding!(T, warning)`
/// for a type of warnings only, which is never certain. With the identifiers' one `ids::Error`,
/// the bridge from the checks to issues: `forms` reports any `&dyn Finding`.
macro_rules! impl_finding {
    ($ty:ty) => {
        $crate::fields::impl_finding!($ty, |finding: &$ty| <$ty>::is_certain(finding));
    };
    ($ty:ty, warning) => {
        $crate::fields::impl_finding!($ty, |_: &$ty| false);
    };
    ($ty:ty, $certain:expr) => {
        impl $crate::ids::Finding for $ty {
            fn code(&self) -> &'static str {
                <$ty>::code(self)
            }
            fn params(&self) -> $crate::base::Params {
                <$ty>::params(self)
            }
            fn is_certain(&self) -> bool {
                ($certain)(self)
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                $crate::ids::write_finding(f, <$ty>::code(self), &<$ty>::params(self))
            }
        }

        impl std::error::Error for $ty {}
    };
}
pub(crate) use impl_finding;

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


//! 港澳居民来往内地通行证 (回乡证, Mainland Travel Permit for Hong Kong and Macao Residents).
//!
//! The mainland document of Hong Kong and Macao residents; Beijing and Shanghai require a Hong
//! Kong principal to file with it rather than a Hong Kong identity card (§2.2).
//!
//! Structure:
//!
//! * current card: `H` (Hong Kong) or `M` (Macao) + 8 digits;
//! * some systems append the 2-digit issue count: `H`/`M` + 10 digits;
//! * old booklets: `H`/`M` + a letter + 6–7 digits.
//!
//! Accepted: `^[HM](\d{8}|\d{10})$`; the booklet form `^[HM][A-Z]\d{6,7}$` is accepted
//! leniently with an uncertain warning ([`Error::LegacyFormat`]): the booklets are obsolete and
//! the form is known from third-party code only.
//!
//! There is no public check digit, so only the shape is checked; shape errors are certain.
//!
//! Sources: `docs/rules.md` §2.4.6 (**\[C3\]** only); Jiangsu asks for the permit's
//! "证件号码" (**\[C\] S10**).

use crate::base::{params, Params};
use super::{char_len, character_params, impl_finding, normalize};

/// Whose permit it is, from the first letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Region {
    /// `H`.
    HongKong,
    /// `M`.
    Macao,
}

/// Which of the known shapes the number has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layout {
    /// `H`/`M` + 8 digits.
    Card,
    /// `H`/`M` + 8 digits + 2-digit issue count.
    CardWithIssueCount,
    /// `H`/`M` + letter + 6–7 digits (old booklet; comes with a warning).
    LegacyBooklet,
}

/// An accepted permit number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Valid {
    /// The compact number.
    pub number: String,
    pub region: Region,
    pub layout: Layout,
    /// Uncertain findings (`is_certain() == false`): report as warnings.
    pub warnings: Vec<Error>,
}

/// Why a permit number is wrong or doubtful.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// Does not start with `H` or `M` (`None`: empty input). Certain.
    Prefix { found: Option<char> },
    /// A shape with the wrong number of chars. Certain.
    Length { found: usize },
    /// A char not allowed at a 1-based position. Certain.
    Character { position: usize, found: char },
    /// The old booklet form. Uncertain: a warning.
    LegacyFormat,
}

impl Error {
    pub fn code(&self) -> &'static str {
        match self {
            Error::Prefix { .. } => "hk_macao_permit.prefix",
            Error::Length { .. } => "hk_macao_permit.length",
            Error::Character { .. } => "hk_macao_permit.format",
            Error::LegacyFormat => "hk_macao_permit.legacy",
        }
    }

    pub fn params(&self) -> Params {
        match self {
            Error::Prefix { found } => params!["found" => found.map(String::from).unwrap_or_default()],
            Error::Length { found } => params!["found" => *found],
            Error::Character { position, found } => character_params(*position, *found),
            Error::LegacyFormat => params![],
        }
    }

    pub fn is_certain(&self) -> bool {
        !matches!(self, Error::LegacyFormat)
    }
}

impl_finding!(Error);

/// Normalises input: trims, folds full width, removes spaces and hyphens, upper-cases.
pub fn compact(input: &str) -> String {
    normalize::compact(input)
}

/// The first char after the prefix that is neither a digit nor `A`–`Z`.
fn first_bad_char(number: &str) -> Option<(usize, char)> {
    number
        .chars()
        .enumerate()
        .skip(1)
        .find(|(_, c)| !(c.is_ascii_digit() || c.is_ascii_uppercase()))
        .map(|(i, c)| (i + 1, c))
}

/// The layout of the chars after the prefix, or the error that rules every layout out.
fn layout(rest: &str, found: usize) -> Result<Layout, Error> {
    let mut chars = rest.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase);
    let digits_from = usize::from(letter.is_some());
    if let Some((i, c)) = rest
        .chars()
        .enumerate()
        .skip(digits_from)
        .find(|(_, c)| !c.is_ascii_digit())
    {
        return Err(Error::Character {
            position: i + 2,
            found: c,
        });
    }
    match (letter.is_some(), char_len(rest)) {
        (false, 8) => Ok(Layout::Card),
        (false, 10) => Ok(Layout::CardWithIssueCount),
        (true, 7 | 8) => Ok(Layout::LegacyBooklet),
        _ => Err(Error::Length { found }),
    }
}

/// Checks the prefix and the shape; a booklet number is accepted with a warning.
///
/// # Errors
///
/// [`Error::Prefix`], [`Error::Character`] or [`Error::Length`]; never
/// [`Error::LegacyFormat`], which is a warning.
pub fn validate(input: &str) -> Result<Valid, Error> {
    let number = compact(input);
    let mut chars = number.chars();
    let region = match chars.next() {
        Some('H') => Region::HongKong,
        Some('M') => Region::Macao,
        found => return Err(Error::Prefix { found }),
    };
    if let Some((position, found)) = first_bad_char(&number) {
        return Err(Error::Character { position, found });
    }
    let layout = layout(chars.as_str(), char_len(&number))?;
    let warnings = match layout {
        Layout::LegacyBooklet => vec![Error::LegacyFormat],
        Layout::Card | Layout::CardWithIssueCount => vec![],
    };
    Ok(Valid {
        number,
        region,
        layout,
        warnings,
    })
}

/// `true` only for the current forms (a booklet number has a warning).
pub fn is_valid(input: &str) -> bool {
    validate(input).is_ok_and(|valid| valid.warnings.is_empty())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_in_catalogue, full_width, hostile_inputs};
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn current_forms() {
        let valid = validate("H12345678");
        assert_eq!(
            valid,
            Ok(Valid {
                number: "H12345678".into(),
                region: Region::HongKong,
                layout: Layout::Card,
                warnings: vec![]
            })
        );
        assert_eq!(
            validate("M1234567801").map(|v| (v.region, v.layout)),
            Ok((Region::Macao, Layout::CardWithIssueCount))
        );
        assert!(is_valid("h 1234 5678"));
        assert!(is_valid(&full_width("M12345678")));
        assert!(is_valid("H-12345678-01"));
    }

    #[test]
    fn legacy_booklet_is_a_warning() {
        for number in ["HA123456", "MB1234567"] {
            let valid = validate(number);
            assert_eq!(
                valid.as_ref().map(|v| v.layout),
                Ok(Layout::LegacyBooklet),
                "{number}"
            );
            assert_eq!(valid.map(|v| v.warnings), Ok(vec![Error::LegacyFormat]));
            assert!(!is_valid(number));
        }
        assert!(!Error::LegacyFormat.is_certain());
    }

    #[test]
    fn errors() {
        assert_eq!(validate(""), Err(Error::Prefix { found: None }));
        // A Hong Kong identity card number is not a permit number.
        assert_eq!(
            validate("A123456(7)"),
            Err(Error::Prefix { found: Some('A') })
        );
        assert_eq!(
            validate("12345678"),
            Err(Error::Prefix { found: Some('1') })
        );
        assert_eq!(validate("H1234567"), Err(Error::Length { found: 8 }));
        assert_eq!(validate("H123456789"), Err(Error::Length { found: 10 }));
        assert_eq!(validate("H123456789012"), Err(Error::Length { found: 13 }));
        assert_eq!(validate("HA12345"), Err(Error::Length { found: 7 }));
        assert_eq!(validate("HA12345678"), Err(Error::Length { found: 10 }));
        assert_eq!(
            validate("H1234A678"),
            Err(Error::Character {
                position: 6,
                found: 'A'
            })
        );
        assert_eq!(
            validate("HAB123456"),
            Err(Error::Character {
                position: 3,
                found: 'B'
            })
        );
        assert_eq!(
            validate("H1234é678"),
            Err(Error::Character {
                position: 6,
                found: 'é'
            })
        );
        for input in hostile_inputs() {
            assert!(validate(&input).is_err(), "{input:?}");
        }
    }

    #[test]
    fn every_error_has_a_message() {
        for error in [
            Error::Prefix { found: Some('A') },
            Error::Prefix { found: None },
            Error::Length { found: 3 },
            Error::Character {
                position: 2,
                found: 'é',
            },
            Error::LegacyFormat,
        ] {
            assert_in_catalogue(&error);
        }
    }

    proptest! {
        #[test]
        fn current_forms_validate(number in "[HM]([0-9]{8}|[0-9]{10})") {
            prop_assert!(is_valid(&number));
        }

        #[test]
        fn errors_are_certain_and_warnings_are_not(input in "[HMA-Z0-9]{0,13}") {
            match validate(&input) {
                Ok(valid) => prop_assert!(valid.warnings.iter().all(|w| !w.is_certain())),
                Err(error) => prop_assert!(error.is_certain()),
            }
        }

        #[test]
        fn never_panics(input in "\\PC{0,40}") {
            let _ = validate(&input);
        }
    }
}

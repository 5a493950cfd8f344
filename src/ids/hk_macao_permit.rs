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
//! leniently with an uncertain warning (`hk_macao_permit.legacy`): the booklets are obsolete and
//! the form is known from third-party code only.
//!
//! There is no public check digit, so only the shape is checked; shape errors are certain.
//!
//! Sources: `docs/rules.md` §2.4.6 (**\[C3\]** only); Jiangsu asks for the permit's
//! "证件号码" (**\[C\] S10**).

use super::{char_len, identifier, normalize, Error, Identifier, Kind};

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

/// The permit's codes. The shape is certain; the old booklet form (`legacy`) is a warning.
pub const ID: Identifier = identifier!(hk_macao_permit: prefix, length, format, legacy);

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
        return Err(ID.error(Kind::Format { position: i + 2, found: c }));
    }
    match (letter.is_some(), char_len(rest)) {
        (false, 8) => Ok(Layout::Card),
        (false, 10) => Ok(Layout::CardWithIssueCount),
        (true, 7 | 8) => Ok(Layout::LegacyBooklet),
        _ => Err(ID.error(Kind::Length { found })),
    }
}

/// Checks the prefix and the shape; a booklet number is accepted with a warning.
///
/// # Errors
///
/// `prefix`, `format` or `length`; never `legacy`, which is a warning.
pub fn validate(input: &str) -> Result<Valid, Error> {
    let number = compact(input);
    let mut chars = number.chars();
    let region = match chars.next() {
        Some('H') => Region::HongKong,
        Some('M') => Region::Macao,
        found => return Err(ID.error(Kind::Prefix { found })),
    };
    if let Some((position, found)) = first_bad_char(&number) {
        return Err(ID.error(Kind::Format { position, found }));
    }
    let layout = layout(chars.as_str(), char_len(&number))?;
    let warnings = match layout {
        Layout::LegacyBooklet => vec![ID.warning(Kind::Legacy)],
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
    use super::super::test_support::{ full_width, hostile_inputs};
    use super::*;
    use proptest::prelude::*;

    /// The kind of a failure, which is what these tests state.
    fn kind<T>(result: Result<T, Error>) -> Result<T, Kind> {
        result.map_err(|e| e.kind)
    }

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
            assert_eq!(valid.map(|v| v.warnings), Ok(vec![ID.warning(Kind::Legacy)]));
            assert!(!is_valid(number));
        }
    }

    #[test]
    fn errors() {
        assert_eq!(kind(validate("")), Err(Kind::Prefix { found: None }));
        // A Hong Kong identity card number is not a permit number.
        assert_eq!(
            kind(validate("A123456(7)")),
            Err(Kind::Prefix { found: Some('A') })
        );
        assert_eq!(
            kind(validate("12345678")),
            Err(Kind::Prefix { found: Some('1') })
        );
        assert_eq!(kind(validate("H1234567")), Err(Kind::Length { found: 8 }));
        assert_eq!(kind(validate("H123456789")), Err(Kind::Length { found: 10 }));
        assert_eq!(kind(validate("H123456789012")), Err(Kind::Length { found: 13 }));
        assert_eq!(kind(validate("HA12345")), Err(Kind::Length { found: 7 }));
        assert_eq!(kind(validate("HA12345678")), Err(Kind::Length { found: 10 }));
        assert_eq!(
            kind(validate("H1234A678")),
            Err(Kind::Format { position: 6, found: 'A' })
        );
        assert_eq!(
            kind(validate("HAB123456")),
            Err(Kind::Format { position: 3, found: 'B' })
        );
        // A character that is neither digit nor letter is named before a letter out of place.
        assert_eq!(
            kind(validate("H12B4#678")),
            Err(Kind::Format { position: 6, found: '#' })
        );
        assert_eq!(
            kind(validate("H1234é678")),
            Err(Kind::Format { position: 6, found: 'é' })
        );
        for input in hostile_inputs() {
            assert!(validate(&input).is_err(), "{input:?}");
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

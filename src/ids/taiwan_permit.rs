//! 台湾居民来往大陆通行证 (台胞证, Mainland Travel Permit for Taiwan Residents).
//!
//! The mainland document of Taiwan residents, one of the personal certificate types of an
//! individual filer or a person responsible (type 11).
//!
//! Structure: the card issued since 2015 has 8 digits, `^\d{8}$`. One-time short-term permits
//! have 10–12 letters and digits, and older booklets 10 chars with a letter; Jiangsu asks for
//! "台胞证下方带有英文字母的证件号码" (**\[C\] S10**), which suggests that some issuances carry letters.
//! So `^[A-Z0-9]{10,12}$` is accepted too, with an uncertain warning ([`Error::LongForm`]).
//!
//! There is no public check digit. Shape errors are certain.
//!
//! Sources: `docs/rules.md` §2.4.7 (**\[C3\]** only, the long form **\[U\]**).

use crate::base::{params, Params};
use super::{char_len, character_params, impl_finding, normalize};

/// Length of the current card number.
pub const CARD_LENGTH: usize = 8;

/// Which of the known shapes the number has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layout {
    /// 8 digits (card since 2015).
    Card,
    /// 10–12 letters and digits (short-term permit or old booklet; comes with a warning).
    LongForm,
}

/// An accepted permit number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Valid {
    /// The compact number.
    pub number: String,
    pub layout: Layout,
    /// Uncertain findings (`is_certain() == false`): report as warnings.
    pub warnings: Vec<Error>,
}

/// Why a permit number is wrong or doubtful.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// Neither 8 nor 10–12 chars. Certain.
    Length { found: usize },
    /// A char not allowed at a 1-based position (an 8-char number is digits only). Certain.
    Character { position: usize, found: char },
    /// The 10–12-char form. Uncertain: a warning.
    LongForm,
}

impl Error {
    pub fn code(&self) -> &'static str {
        match self {
            Error::Length { .. } => "taiwan_permit.length",
            Error::Character { .. } => "taiwan_permit.format",
            Error::LongForm => "taiwan_permit.long_form",
        }
    }

    pub fn params(&self) -> Params {
        match self {
            Error::Length { found } => params!["found" => *found],
            Error::Character { position, found } => character_params(*position, *found),
            Error::LongForm => params![],
        }
    }

    pub fn is_certain(&self) -> bool {
        !matches!(self, Error::LongForm)
    }
}

impl_finding!(Error);

/// Normalises input: trims, folds full width, removes spaces and hyphens, upper-cases.
pub fn compact(input: &str) -> String {
    normalize::compact(input)
}

/// The first char that is not allowed: digits only for the 8-char card, letters and digits
/// otherwise.
fn first_bad_char(number: &str, card: bool) -> Option<(usize, char)> {
    number
        .chars()
        .enumerate()
        .find(|(_, c)| !(c.is_ascii_digit() || (!card && c.is_ascii_uppercase())))
        .map(|(i, c)| (i + 1, c))
}

/// Checks the shape; the long form is accepted with a warning.
///
/// # Errors
///
/// [`Error::Length`] or [`Error::Character`]; never [`Error::LongForm`], which is a warning.
pub fn validate(input: &str) -> Result<Valid, Error> {
    let number = compact(input);
    let found = char_len(&number);
    let layout = match found {
        CARD_LENGTH => Layout::Card,
        10..=12 => Layout::LongForm,
        _ => {
            // A bad char is the more useful message when there is one.
            return Err(match first_bad_char(&number, false) {
                Some((position, found)) => Error::Character { position, found },
                None => Error::Length { found },
            });
        }
    };
    if let Some((position, found)) = first_bad_char(&number, layout == Layout::Card) {
        return Err(Error::Character { position, found });
    }
    let warnings = match layout {
        Layout::LongForm => vec![Error::LongForm],
        Layout::Card => vec![],
    };
    Ok(Valid {
        number,
        layout,
        warnings,
    })
}

/// `true` only for the 8-digit card number (the long form has a warning).
pub fn is_valid(input: &str) -> bool {
    validate(input).is_ok_and(|valid| valid.warnings.is_empty())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_in_catalogue, full_width, hostile_inputs};
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn card() {
        assert_eq!(
            validate("01234567"),
            Ok(Valid {
                number: "01234567".into(),
                layout: Layout::Card,
                warnings: vec![]
            })
        );
        assert!(is_valid(&full_width("01234567")));
        assert!(is_valid(" 0123 4567 "));
    }

    #[test]
    fn long_form_is_a_warning() {
        for number in ["1234567890", "A123456789", "AB12345678CD"] {
            let valid = validate(number);
            assert_eq!(
                valid.map(|v| (v.layout, v.warnings)),
                Ok((Layout::LongForm, vec![Error::LongForm])),
                "{number}"
            );
            assert!(!is_valid(number));
        }
        assert!(validate("a123456789").is_ok());
    }

    #[test]
    fn errors() {
        assert_eq!(validate(""), Err(Error::Length { found: 0 }));
        assert_eq!(validate("1234567"), Err(Error::Length { found: 7 }));
        assert_eq!(validate("123456789"), Err(Error::Length { found: 9 }));
        assert_eq!(validate("1234567890123"), Err(Error::Length { found: 13 }));
        assert_eq!(
            validate("1234567A"),
            Err(Error::Character {
                position: 8,
                found: 'A'
            })
        );
        assert_eq!(
            validate("12345(67)"),
            Err(Error::Character {
                position: 6,
                found: '('
            })
        );
        assert_eq!(
            validate("A12345678é"),
            Err(Error::Character {
                position: 10,
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
            Error::Length { found: 3 },
            Error::Character {
                position: 2,
                found: 'é',
            },
            Error::LongForm,
        ] {
            assert_in_catalogue(&error);
        }
    }

    proptest! {
        #[test]
        fn cards_validate(number in "[0-9]{8}") {
            prop_assert!(is_valid(&number));
        }

        #[test]
        fn errors_are_certain_and_warnings_are_not(input in "[A-Z0-9]{0,14}") {
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

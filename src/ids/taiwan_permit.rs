//! 台湾居民来往大陆通行证 (台胞证, Mainland Travel Permit for Taiwan Residents).
//!
//! The mainland document of Taiwan residents, one of the personal certificate types of an
//! individual filer or a person responsible (type 11).
//!
//! Structure: the card issued since 2015 has 8 digits, `^\d{8}$`. One-time short-term permits
//! have 10–12 letters and digits, and older booklets 10 chars with a letter; Jiangsu asks for
//! "台胞证下方带有英文字母的证件号码" (**\[C\] S10**), which suggests that some issuances carry letters.
//! So `^[A-Z0-9]{10,12}$` is accepted too, with an uncertain warning (`taiwan_permit.long_form`).
//!
//! There is no public check digit. Shape errors are certain.
//!
//! Sources: `docs/rules.md` §2.4.7 (**\[C3\]** only, the long form **\[U\]**).

use super::{char_len, identifier, normalize, Error, Identifier, Kind};

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

/// The permit's codes. The shape is certain; the 10–12 character form (`long_form`) is a warning.
pub const ID: Identifier = identifier!(taiwan_permit: length, format, long_form);

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
/// `length` or `format`; never `long_form`, which is a warning.
pub fn validate(input: &str) -> Result<Valid, Error> {
    let number = compact(input);
    let found = char_len(&number);
    let layout = match found {
        CARD_LENGTH => Layout::Card,
        10..=12 => Layout::LongForm,
        _ => {
            // A bad char is the more useful message when there is one.
            return Err(ID.error(match first_bad_char(&number, false) {
                Some((position, found)) => Kind::Format { position, found },
                None => Kind::Length { found },
            }));
        }
    };
    if let Some((position, found)) = first_bad_char(&number, layout == Layout::Card) {
        return Err(ID.error(Kind::Format { position, found }));
    }
    let warnings = match layout {
        Layout::LongForm => vec![ID.warning(Kind::LongForm)],
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
    use super::super::test_support::{ full_width, hostile_inputs};
    use super::*;
    use proptest::prelude::*;

    /// The kind of a failure, which is what these tests state.
    fn kind<T>(result: Result<T, Error>) -> Result<T, Kind> {
        result.map_err(|e| e.kind)
    }

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
                Ok((Layout::LongForm, vec![ID.warning(Kind::LongForm)])),
                "{number}"
            );
            assert!(!is_valid(number));
        }
        assert!(validate("a123456789").is_ok());
    }

    #[test]
    fn errors() {
        assert_eq!(kind(validate("")), Err(Kind::Length { found: 0 }));
        assert_eq!(kind(validate("1234567")), Err(Kind::Length { found: 7 }));
        assert_eq!(kind(validate("123456789")), Err(Kind::Length { found: 9 }));
        assert_eq!(kind(validate("1234567890123")), Err(Kind::Length { found: 13 }));
        assert_eq!(
            kind(validate("1234567A")),
            Err(Kind::Format { position: 8, found: 'A' })
        );
        assert_eq!(
            kind(validate("12345(67)")),
            Err(Kind::Format { position: 6, found: '(' })
        );
        assert_eq!(
            kind(validate("A12345678é")),
            Err(Kind::Format { position: 10, found: 'é' })
        );
        for input in hostile_inputs() {
            assert!(validate(&input).is_err(), "{input:?}");
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

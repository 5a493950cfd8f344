//! 护照 (passport number).
//!
//! Passport numbers are issued by every country in its own format, so the check is loose:
//! after normalisation, 5–17 letters and digits, `^[A-Z0-9]{5,17}$` (third-party regex,
//! **\[C3\]**). Beijing requires a *valid* passport for foreign individuals (**\[C\] S8**); the
//! expiry date is a separate field.
//!
//! PRC passports are recognised, for information only ([`Valid::prc`]): `E` or `G` + 8 digits
//! (§2.4.9, common knowledge, **\[U\]**), and `E` + letter + 7 digits, the series used for
//! e-passports once `E` + 8 digits ran out (**\[I\]**, not in the spec's sources). Nothing is
//! rejected or warned about on that basis.
//!
//! Sources: `docs/rules.md` §2.4.9. Shape errors are certain.

use super::{char_len, identifier, normalize, Error, Expected, Identifier, Kind};

/// Shortest accepted length.
pub const MIN_LENGTH: usize = 5;

/// Longest accepted length.
pub const MAX_LENGTH: usize = 17;

/// An accepted passport number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Valid {
    /// The compact number.
    pub number: String,
    /// Whether it has the shape of a PRC passport number (information only).
    pub prc: bool,
}

/// The passport number's codes: every one is certain.
pub const ID: Identifier = identifier!(passport: length, format).of_length(Expected::Between { min: MIN_LENGTH, max: MAX_LENGTH });

/// Normalises input: trims, folds full width, removes spaces and hyphens, upper-cases.
pub fn compact(input: &str) -> String {
    normalize::compact(input)
}

/// Whether a compact number has the shape of a PRC passport number.
pub fn is_prc_format(number: &str) -> bool {
    let mut chars = number.chars();
    let first = chars.next();
    let second = chars.next();
    let rest_digits = |n: usize| {
        char_len(chars.as_str()) == n && chars.as_str().chars().all(|c| c.is_ascii_digit())
    };
    match (first, second) {
        (Some('E' | 'G'), Some(c)) if c.is_ascii_digit() => rest_digits(7),
        (Some('E'), Some(c)) if c.is_ascii_uppercase() => rest_digits(7),
        _ => false,
    }
}

/// Checks the characters and the length.
///
/// # Errors
///
/// `format` or `length`.
pub fn validate(input: &str) -> Result<Valid, Error> {
    let number = compact(input);
    let bad = number
        .chars()
        .enumerate()
        .find(|(_, c)| !(c.is_ascii_digit() || c.is_ascii_uppercase()));
    if let Some((i, found)) = bad {
        return Err(ID.error(Kind::Format { position: i + 1, found }));
    }
    let found = char_len(&number);
    if !(MIN_LENGTH..=MAX_LENGTH).contains(&found) {
        return Err(ID.error(Kind::Length { found }));
    }
    let prc = is_prc_format(&number);
    Ok(Valid { number, prc })
}

/// `true` for an acceptable passport number.
pub fn is_valid(input: &str) -> bool {
    validate(input).is_ok()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{full_width, hostile_inputs};
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn prc_passports_are_recognised() {
        assert_eq!(
            validate("E12345678"),
            Ok(Valid {
                number: "E12345678".into(),
                prc: true
            })
        );
        assert_eq!(validate("g12345678").map(|v| v.prc), Ok(true));
        assert_eq!(validate("EA1234567").map(|v| v.prc), Ok(true));
        assert_eq!(validate("E1234567").map(|v| v.prc), Ok(false));
        assert_eq!(validate("GA1234567").map(|v| v.prc), Ok(false));
        assert_eq!(validate("E123456789").map(|v| v.prc), Ok(false));
        // The shape alone, on text that was not compacted: E, then a digit or a capital.
        assert!(!is_prc_format("Ea1234567"));
        assert!(!is_prc_format("E#1234567"));
        assert!(is_valid("E12345678"));
        assert!(!is_valid("E1234567#"));
    }

    #[test]
    fn foreign_passports() {
        for number in ["C01X00T47", "123456789", "X1234567", "AB12345", "12345"] {
            assert_eq!(validate(number).map(|v| v.prc), Ok(false), "{number}");
        }
        assert!(is_valid(&full_width("E12345678")));
        assert!(is_valid(" e 1234 5678 "));
    }

    #[test]
    fn errors() {
        let kind = |input: &str| validate(input).map_err(|e| e.kind);
        assert_eq!(kind("E123"), Err(Kind::Length { found: 4 }));
        assert_eq!(kind(&"A".repeat(18)), Err(Kind::Length { found: 18 }));
        assert_eq!(kind("E1234_5678"), Err(Kind::Format { position: 6, found: '_' }));
        assert_eq!(kind("É12345678"), Err(Kind::Format { position: 1, found: 'É' }));
        for input in hostile_inputs() {
            assert!(validate(&input).is_err(), "{input:?}");
        }
    }

    proptest! {
        #[test]
        fn alphanumeric_5_to_17_validates(number in "[A-Za-z0-9]{5,17}") {
            prop_assert!(is_valid(&number));
        }

        #[test]
        fn prc_shape(digits in "[0-9]{8}", prefix in "[EG]") {
            let number = format!("{prefix}{digits}");
            prop_assert!(validate(&number).is_ok_and(|v| v.prc));
        }

        #[test]
        fn never_panics(input in "\\PC{0,40}") {
            let _ = validate(&input);
        }
    }
}

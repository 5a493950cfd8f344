//! 组织机构代码 (organisation code, GB 11714-1997).
//!
//! The code that identified an organisation before the unified social credit code; since
//! 2015 it lives on as chars 9–17 of the USCC ([`super::uscc`]).
//!
//! Structure: 8 body chars (digits or upper-case Latin letters) and 1 check char (a digit or
//! `X`), usually printed `XXXXXXXX-X`; the hyphen carries no meaning.
//!
//! Check: values `0`–`9` → 0–9, `A`–`Z` → 10–35; weights `3, 7, 9, 10, 5, 8, 4, 2`;
//! `C = 11 − (Σ value·weight mod 11)`; `C = 10` → `X`, `C = 11` → `0`, else the digit `C`.
//! (`wenerme/go-gb` returns the string "11" for the last case; that is a bug, not the rule.)
//!
//! Example: `74583060-7` (check 7).
//!
//! Limit of the check: it catches every single-digit mistake, but a letter whose value differs
//! from the intended char's by 11, 22 or 33 (`0` ↔ `B`, `7` ↔ `I`) leaves the sum unchanged
//! mod 11 and passes.
//!
//! Sources: `docs/rules.md` §2.4.2 **\[V\]** (verified in §8.1) and **\[C3\] S27**
//! (`wenerme/go-gb:gb11714/sum.go`). All failures here are certain errors.

use super::{char_len, identifier, normalize, Error, Expected, Identifier, Kind};

/// Weights of body chars 1–8.
const WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// Length of a code without its hyphen.
pub const LENGTH: usize = 9;

/// A valid organisation code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Valid {
    /// The compact code, 9 chars, no hyphen.
    pub number: String,
}

/// The organisation code's codes: every one is certain, the algorithm is verified (§8.1).
pub const ID: Identifier = identifier!(org_code: length, format, checksum).of_length(Expected::Exactly(LENGTH));

/// Normalises input: trims, folds full width, removes spaces and hyphens (including the one
/// before the check char), upper-cases.
pub fn compact(input: &str) -> String {
    normalize::compact(input)
}

/// The printed form `XXXXXXXX-X` of a compact 9-char code; other input is returned compacted.
pub fn format(input: &str) -> String {
    let number = compact(input);
    if char_len(&number) != LENGTH {
        return number;
    }
    let body: String = number.chars().take(LENGTH - 1).collect();
    let check: String = number.chars().skip(LENGTH - 1).collect();
    format!("{body}-{check}")
}

/// Value of a body char: digits 0–9, letters A–Z 10–35.
fn value(c: char) -> Option<u32> {
    match c {
        '0'..='9' | 'A'..='Z' => c.to_digit(36),
        _ => None,
    }
}

/// The check char for an 8-char body of digits and upper-case letters; `None` otherwise.
pub fn check_char(body: &str) -> Option<char> {
    if char_len(body) != WEIGHTS.len() {
        return None;
    }
    let sum = body
        .chars()
        .zip(WEIGHTS)
        .try_fold(0u32, |sum, (c, weight)| Some(sum + value(c)? * weight))?;
    match 11 - sum % 11 {
        10 => Some('X'),
        11 => Some('0'),
        digit => char::from_digit(digit, 10),
    }
}

/// The first char that cannot stand where it is: body chars are digits or `A`–`Z`, the check
/// char is a digit or `X`.
fn first_bad_char(number: &str) -> Option<(usize, char)> {
    number.chars().enumerate().find_map(|(i, c)| {
        let ok = if i + 1 < LENGTH {
            value(c).is_some()
        } else {
            c.is_ascii_digit() || c == 'X'
        };
        (!ok).then_some((i + 1, c))
    })
}

/// Checks length, characters and check char; returns the compact code.
///
/// # Errors
///
/// `length`, `format` or `checksum`.
pub fn validate(input: &str) -> Result<Valid, Error> {
    let number = compact(input);
    let found = char_len(&number);
    if found != LENGTH {
        return Err(ID.error(Kind::Length { found }));
    }
    if let Some((position, found)) = first_bad_char(&number) {
        return Err(ID.error(Kind::Format { position, found }));
    }
    let mut chars = number.chars();
    let body: String = chars.by_ref().take(LENGTH - 1).collect();
    // Neither `?` can fire: the length and every char were checked above.
    let expected = check_char(&body).ok_or(ID.error(Kind::Length { found }))?;
    let found = chars.next().ok_or(ID.error(Kind::Length { found }))?;
    if expected != found {
        return Err(ID.error(Kind::Checksum { expected, found }));
    }
    Ok(Valid { number })
}

/// `true` for a valid organisation code.
pub fn is_valid(input: &str) -> bool {
    validate(input).is_ok()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{full_width, hostile_inputs, substitute, substitutions};
    use super::*;
    use proptest::prelude::*;

    /// The kind of a failure, which is what these tests state.
    fn kind<T>(result: Result<T, Error>) -> Result<T, Kind> {
        result.map_err(|e| e.kind)
    }

    const BODY_ALPHABET: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    #[test]
    fn worked_example_from_spec() {
        // docs/rules.md §2.4.2 / §8.1: `74583060` → 7.
        assert_eq!(check_char("74583060"), Some('7'));
        assert_eq!(
            validate("74583060-7").map(|v| v.number),
            Ok("745830607".to_string())
        );
        assert_eq!(format("745830607"), "74583060-7");
    }

    #[test]
    fn embedded_in_uscc_samples() {
        // The org-code parts of the USCC samples of §8.1 (chars 9–17).
        for code in [
            "600037341",
            "708461136",
            "716105852",
            "802100433",
            "551385082",
        ] {
            assert!(is_valid(code), "{code}");
        }
        // §2.4.1: the org part of the invalid sample `12100000400000516E` would need `X`.
        assert_eq!(check_char("40000051"), Some('X'));
        assert_eq!(
            kind(validate("400000516")),
            Err(Kind::Checksum { expected: 'X', found: '6' })
        );
    }

    #[test]
    fn computed_examples_cover_x_and_zero() {
        // Bodies chosen so that C = 10 and C = 11 occur; the check is computed, not copied.
        let mut seen_x = false;
        let mut seen_zero = false;
        for n in 0..200u32 {
            let body = format!("{:08}", 12_345_000 + n);
            let Some(check) = check_char(&body) else {
                panic!("{body}")
            };
            seen_x |= check == 'X';
            seen_zero |= check == '0';
            assert!(is_valid(&format!("{body}-{check}")));
        }
        assert!(seen_x && seen_zero);
        let Some(check) = check_char("MA2PBM9H") else {
            panic!()
        };
        assert!(is_valid(&format!("MA2PBM9H{check}")));
    }

    #[test]
    fn normalisation() {
        assert!(is_valid(&full_width("74583060-7")));
        assert!(is_valid(" 7458 3060 - 7 "));
        let Some(check) = check_char("MA2PBM9H") else {
            panic!()
        };
        assert!(is_valid(&format!(
            "ma2pbm9h-{}",
            check.to_ascii_lowercase()
        )));
    }

    #[test]
    fn errors() {
        assert_eq!(kind(validate("7458306")), Err(Kind::Length { found: 7 }));
        assert_eq!(kind(validate("")), Err(Kind::Length { found: 0 }));
        assert_eq!(check_char("7458306A"), Some('9'));
        assert!(is_valid("7458306A-9"));
        assert_eq!(
            kind(validate("74583060A")),
            Err(Kind::Format { position: 9, found: 'A' })
        );
        assert_eq!(
            kind(validate("7458.3060")),
            Err(Kind::Format { position: 5, found: '.' })
        );
        assert_eq!(
            kind(validate("74583060-8")),
            Err(Kind::Checksum { expected: '7', found: '8' })
        );
        for input in hostile_inputs() {
            assert!(validate(&input).is_err());
        }
    }

    #[test]
    fn every_digit_substitution_of_the_example_fails() {
        for changed in substitutions("745830607", "0123456789") {
            assert!(!is_valid(&changed), "{changed}");
        }
        assert!(!is_valid("74583060X"));
    }

    #[test]
    fn letter_substitutions_differing_by_11_are_not_detected() {
        // Documented limit of GB 11714: `7` (7) → `I` (18) keeps the sum mod 11.
        assert!(is_valid("I45830607"));
        assert!(is_valid("74583B607"));
    }

    fn body() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            proptest::sample::select(BODY_ALPHABET.chars().collect::<Vec<_>>()),
            8,
        )
        .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #[test]
        fn computed_check_validates(body in body()) {
            let check = check_char(&body);
            prop_assert!(check.is_some());
            let number = format!("{body}{}", check.unwrap_or('?'));
            prop_assert!(is_valid(&number));
        }

        /// Any digit mistake in an all-digit body, and any change of the check char, is caught.
        /// (Letter substitutions that differ by a multiple of 11 are not: see the module doc.)
        #[test]
        fn single_substitution_fails(body in "[0-9]{8}", position in 0usize..9, pick in 0usize..11) {
            let number = format!("{body}{}", check_char(&body).unwrap_or('?'));
            // Body positions take a digit; the check position a digit or `X`.
            let alphabet = if position < 8 { "0123456789" } else { "0123456789X" };
            let replacement = alphabet.chars().cycle().nth(pick).unwrap_or('0');
            prop_assume!(number.chars().nth(position) != Some(replacement));
            let changed = substitute(&number, position, replacement);
            prop_assert!(!is_valid(&changed), "{} → {}", number, changed);
        }

        #[test]
        fn never_panics(input in "\\PC{0,40}") {
            let _ = validate(&input);
            let _ = format(&input);
        }
    }
}

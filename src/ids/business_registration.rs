//! 15-digit 工商注册号 (business registration number, GS15-2006).
//!
//! The number on business licences issued before the 2015 三证合一 reform; an enterprise
//! that still holds such a licence files with it instead of a USCC (Tencent, §2.4.1 S5).
//!
//! Structure: 6-digit region code of the registering authority, 8-digit sequence number,
//! 1 check digit.
//!
//! Check: ISO 7064 MOD 11,10 (GB/T 17710): `P = 10`; for each of the 14 body digits
//! `S = (P + d) mod 10`, with 0 read as 10, then `P = 2·S mod 11`; check = `(11 − P) mod 10`.
//! The hybrid system catches every single-digit substitution.
//!
//! Example: `330108000003512` (check 2).
//!
//! Sources: `docs/rules.md` §2.4.3 **\[V\]** (verified in §8.1) and **\[C3\] S28**
//! (`fdstar/NumberValidators`). All failures here are certain errors.

use super::{char_len, identifier, normalize, Error, Expected, Identifier, Kind};

/// Length of a registration number.
pub const LENGTH: usize = 15;

/// A valid registration number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Valid {
    /// The compact number, 15 digits.
    pub number: String,
    /// Digits 1–6: region code of the registering authority.
    pub region: String,
}

/// The registration number's codes: every one is certain, the algorithm is verified (§8.1).
pub const ID: Identifier = identifier!(business_registration: length, format, checksum).of_length(Expected::Exactly(LENGTH));

/// Normalises input: trims, folds full width, removes spaces and hyphens.
pub fn compact(input: &str) -> String {
    normalize::compact(input)
}

/// The check digit for a 14-digit body; `None` for anything else.
pub fn check_digit(body: &str) -> Option<char> {
    if char_len(body) != LENGTH - 1 {
        return None;
    }
    let product = body.chars().try_fold(10u32, |product, c| {
        let sum = match (product + c.to_digit(10)?) % 10 {
            0 => 10,
            sum => sum,
        };
        Some(2 * sum % 11)
    })?;
    char::from_digit((11 - product) % 10, 10)
}

/// Checks length, digits and check digit; returns the compact number and its region code.
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
    if let Some((i, c)) = number
        .chars()
        .enumerate()
        .find(|(_, c)| !c.is_ascii_digit())
    {
        return Err(ID.error(Kind::Format { position: i + 1, found: c }));
    }
    let mut chars = number.chars();
    let body: String = chars.by_ref().take(LENGTH - 1).collect();
    // Neither `?` can fire: the length and every char were checked above.
    let expected = check_digit(&body).ok_or(ID.error(Kind::Length { found }))?;
    let found = chars.next().ok_or(ID.error(Kind::Length { found }))?;
    if expected != found {
        return Err(ID.error(Kind::Checksum { expected, found }));
    }
    let region = number.chars().take(6).collect();
    Ok(Valid { number, region })
}

/// `true` for a valid registration number.
pub fn is_valid(input: &str) -> bool {
    validate(input).is_ok()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{substitute, full_width, hostile_inputs, substitutions};
    use super::*;
    use proptest::prelude::*;

    /// The kind of a failure, which is what these tests state.
    fn kind<T>(result: Result<T, Error>) -> Result<T, Kind> {
        result.map_err(|e| e.kind)
    }

    #[test]
    fn worked_example_from_spec() {
        // docs/rules.md §2.4.3 / §8.1 (from open.esign.cn documentation).
        assert_eq!(check_digit("33010800000351"), Some('2'));
        assert_eq!(
            validate("330108000003512"),
            Ok(Valid {
                number: "330108000003512".into(),
                region: "330108".into()
            })
        );
        assert_eq!(
            kind(validate("330108000003513")),
            Err(Kind::Checksum { expected: '2', found: '3' })
        );
    }

    #[test]
    fn computed_examples() {
        // Every check digit value occurs; each number built from body + computed check.
        let mut seen = [false; 10];
        for n in 0..100u64 {
            let body = format!("110105{:08}", 1_000 + n);
            let Some(check) = check_digit(&body) else {
                panic!("{body}")
            };
            if let Some(slot) = check.to_digit(10).and_then(|d| seen.get_mut(d as usize)) {
                *slot = true;
            }
            assert!(is_valid(&format!("{body}{check}")));
        }
        assert!(seen.iter().all(|s| *s));
    }

    #[test]
    fn normalisation() {
        assert!(is_valid(&full_width("330108000003512")));
        assert!(is_valid(" 330108 0000 0351 2 "));
        assert!(is_valid("330108-00000351-2"));
    }

    #[test]
    fn errors() {
        assert_eq!(kind(validate("33010800000351")), Err(Kind::Length { found: 14 }));
        assert_eq!(
            kind(validate("91110000600037341L")),
            Err(Kind::Length { found: 18 })
        );
        assert_eq!(
            kind(validate("33010800000351X")),
            Err(Kind::Format { position: 15, found: 'X' })
        );
        assert_eq!(check_digit("3301080000035"), None);
        assert_eq!(check_digit("3301080000035A"), None);
        for input in hostile_inputs() {
            assert!(validate(&input).is_err());
        }
    }

    #[test]
    fn every_substitution_of_the_example_fails() {
        for changed in substitutions("330108000003512", "0123456789") {
            assert!(!is_valid(&changed), "{changed}");
        }
    }

    proptest! {
        #[test]
        fn computed_check_validates(body in "[0-9]{14}") {
            let check = check_digit(&body);
            prop_assert!(check.is_some());
            let number = format!("{body}{}", check.unwrap_or('?'));
            prop_assert!(is_valid(&number));
        }

        #[test]
        fn single_substitution_fails(body in "[0-9]{14}", position in 0usize..15, digit in 0u32..10) {
            let number = format!("{body}{}", check_digit(&body).unwrap_or('?'));
            let replacement = char::from_digit(digit, 10).unwrap_or('0');
            prop_assume!(number.chars().nth(position) != Some(replacement));
            let changed = substitute(&number, position, replacement);
            prop_assert!(!is_valid(&changed), "{} → {}", number, changed);
        }

        #[test]
        fn never_panics(input in "\\PC{0,40}") {
            let _ = validate(&input);
        }
    }
}

//! 外国人永久居留身份证 (Foreign Permanent Resident ID Card).
//!
//! The identity card of foreigners with permanent residence in China (personal certificate
//! type 30). Two layouts are in circulation:
//!
//! * **2017 card**, 15 chars `^[A-Z]{3}\d{12}$`: ISO 3166-1 alpha-3 nationality (1–3), the
//!   first 4 digits of the accepting authority's region code (4–7), birth date `YYMMDD`
//!   (8–13), one digit (14), and a check digit (15) computed over chars 1–14 as in ICAO 9303:
//!   values `0`–`9` → 0–9, `A`–`Z` → 10–35, weights `7 3 1` repeating, check = `Σ mod 10`.
//!   The century of `YYMMDD` is taken as the latest one that does not put the date after
//!   `today`.
//! * **2023 card**, 18 chars `^9\d{16}[\dX]$`: `9`, 2-digit province code (2–3), 3-digit
//!   ISO 3166-1 numeric nationality (4–6), birth date `YYYYMMDD` (7–14), 3-digit sequence
//!   (15–17), and a check char by the GB 11643 algorithm of the resident ID
//!   ([`super::resident_id`]).
//!
//! **Uncertain.** Both layouts come from one third-party implementation (S30), and no published
//! number was found to verify them (§2.4.8 **\[C3\]/\[U\]**, §7 item 8). So a check-digit failure
//! is reported as `foreign_permanent_resident.checksum` ([`Kind::Checksum`]) and a birth-date
//! failure as `foreign_permanent_resident.birth_date`, all with
//! `is_certain() == false`: they are returned as warnings in [`Valid::warnings`], never as
//! `Err`, and the caller shows them as warnings. Only a number that fits neither shape (length,
//! characters) is a certain error.
//!
//! Limit of the 2017 check: a letter replaced by one whose value differs by 10 or 20 (`A` ↔
//! `K` ↔ `U`) is not caught; every digit mistake is.
//!
//! Sources: `docs/rules.md` §2.4.8; S30 (third-party Java
//! `ForeignerPermanentResidenceIdNumberProcessor`).

use super::resident_id;
use super::{char_len, digits_value, identifier, normalize, Date, Error, Identifier, Kind};

/// Length of a 2017 card number.
pub const LENGTH_2017: usize = 15;

/// Length of a 2023 card number.
pub const LENGTH_2023: usize = 18;

/// ICAO 9303 weights, repeated over the body.
const ICAO_WEIGHTS: [u32; 3] = [7, 3, 1];

/// Which card, and the fields its number encodes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Layout {
    /// 15 chars.
    Card2017 {
        /// ISO 3166-1 alpha-3 (chars 1–3).
        nationality: String,
        /// First 4 digits of the accepting authority's region code (chars 4–7).
        region: String,
    },
    /// 18 chars.
    Card2023 {
        /// Province code (chars 2–3).
        province: String,
        /// ISO 3166-1 numeric (chars 4–6).
        nationality: String,
    },
}

/// An accepted number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Valid {
    /// The compact number.
    pub number: String,
    pub layout: Layout,
    /// The birth date, `None` when it could not be read (see `warnings`).
    pub birth_date: Option<Date>,
    /// Uncertain findings (`is_certain() == false`): report as warnings.
    pub warnings: Vec<Error>,
}

/// The permanent residence card's codes. Only the shape (length, format) is certain; the check
/// char and the birth date rest on one third-party layout (S30), so they are warnings.
pub const ID: Identifier = identifier!(foreign_permanent_resident: length, format, checksum, birth_date);

/// Normalises input: trims, folds full width, removes spaces and hyphens, upper-cases.
pub fn compact(input: &str) -> String {
    normalize::compact(input)
}

/// Whether `c` may stand at 0-based index `i` of a 2017 number: letters 1–3, digits after.
fn allowed_2017(i: usize, c: char) -> bool {
    if i < 3 {
        c.is_ascii_uppercase()
    } else {
        c.is_ascii_digit()
    }
}

/// Whether `c` may stand at 0-based index `i` of a 2023 number: `9`, then digits, `X` last.
fn allowed_2023(i: usize, c: char) -> bool {
    match i {
        0 => c == '9',
        17 => c.is_ascii_digit() || c == 'X',
        _ => c.is_ascii_digit(),
    }
}

/// The first char not allowed by `allowed`, with its 1-based position.
fn first_bad_char(number: &str, allowed: fn(usize, char) -> bool) -> Option<(usize, char)> {
    number
        .chars()
        .enumerate()
        .find(|&(i, c)| !allowed(i, c))
        .map(|(i, c)| (i + 1, c))
}

/// The ICAO 9303 check digit of a 14-char 2017 body (`[A-Z]{3}\d{11}`); `None` otherwise.
pub fn check_digit_2017(body: &str) -> Option<char> {
    if char_len(body) != LENGTH_2017 - 1 || first_bad_char(body, allowed_2017).is_some() {
        return None;
    }
    let sum = body
        .chars()
        .zip(ICAO_WEIGHTS.iter().cycle())
        .try_fold(0u32, |sum, (c, weight)| {
            Some(sum + c.to_digit(36)? * weight)
        })?;
    char::from_digit(sum % 10, 10)
}

/// The GB 11643 check char of a 17-digit 2023 body starting with `9`; `None` otherwise.
pub fn check_char_2023(body: &str) -> Option<char> {
    if !body.starts_with('9') {
        return None;
    }
    resident_id::check_char(body)
}

/// The check char for a body of either layout, told apart by length (14 or 17).
pub fn check_char(body: &str) -> Option<char> {
    match char_len(body) {
        14 => check_digit_2017(body),
        17 => check_char_2023(body),
        _ => None,
    }
}

/// The 2017 birth date `YYMMDD` (chars 8–13) in the latest century that is not after `today`.
fn birth_date_2017(number: &str, today: Date) -> Result<Date, Kind> {
    let digits: String = number.chars().skip(7).take(6).collect();
    let parse = |century: u32| {
        let year = century + digits_value(digits.get(0..2)?)?;
        let month = digits_value(digits.get(2..4)?)?;
        let day = digits_value(digits.get(4..6)?)?;
        Date::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    };
    match (parse(2000), parse(1900)) {
        (Some(date), _) if date <= today => Ok(date),
        (_, Some(date)) if date <= today => Ok(date),
        (_, Some(date)) | (Some(date), None) => Err(Kind::FutureBirthDate { date, today }),
        (None, None) => Err(Kind::BirthDate { digits }),
    }
}

/// Validates a 15-char number of the 2017 shape.
fn validate_2017(number: String, today: Date) -> Result<Valid, Error> {
    if let Some((position, found)) = first_bad_char(&number, allowed_2017) {
        return Err(ID.error(Kind::Format { position, found }));
    }
    let mut warnings = Vec::new();
    let body: String = number.chars().take(LENGTH_2017 - 1).collect();
    let found = number.chars().last();
    if let (Some(expected), Some(found)) = (check_digit_2017(&body), found) {
        if expected != found {
            warnings.push(ID.warning(Kind::Checksum { expected, found }));
        }
    }
    let birth_date = birth_date_2017(&number, today).map_err(|kind| warnings.push(ID.warning(kind))).ok();
    let layout = Layout::Card2017 {
        nationality: number.chars().take(3).collect(),
        region: number.chars().skip(3).take(4).collect(),
    };
    Ok(Valid {
        number,
        layout,
        birth_date,
        warnings,
    })
}

/// Validates an 18-char number of the 2023 shape.
fn validate_2023(number: String, today: Date) -> Result<Valid, Error> {
    if let Some((position, found)) = first_bad_char(&number, allowed_2023) {
        return Err(ID.error(Kind::Format { position, found }));
    }
    let mut warnings = Vec::new();
    if let Some((expected, found)) = resident_id::checksum_mismatch(&number) {
        warnings.push(ID.warning(Kind::Checksum { expected, found }));
    }
    let birth_date = resident_id::birth_date_at(&number, 6, today).map_err(|kind| warnings.push(ID.warning(kind))).ok();
    let layout = Layout::Card2023 {
        province: number.chars().skip(1).take(2).collect(),
        nationality: number.chars().skip(3).take(3).collect(),
    };
    Ok(Valid {
        number,
        layout,
        birth_date,
        warnings,
    })
}

/// Checks the shape of either layout (certain errors), then the check char and birth date
/// (uncertain: collected as warnings).
///
/// # Errors
///
/// `length` or `format` only; the uncertain findings are warnings.
pub fn validate(input: &str, today: Date) -> Result<Valid, Error> {
    let number = compact(input);
    match char_len(&number) {
        LENGTH_2017 => validate_2017(number, today),
        LENGTH_2023 => validate_2023(number, today),
        found => Err(ID.error(Kind::Length { found })),
    }
}

/// `true` only with no error and no warning.
pub fn is_valid(input: &str, today: Date) -> bool {
    validate(input, today).is_ok_and(|valid| valid.warnings.is_empty())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{substitute, full_width, hostile_inputs, today};
    use super::*;
    use proptest::prelude::*;

    /// The kind of a failure, which is what these tests state.
    fn kind<T>(result: Result<T, Error>) -> Result<T, Kind> {
        result.map_err(|e| e.kind)
    }

    fn date(y: u16, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap_or_else(|| unreachable!())
    }

    /// A number built from a body and its computed check char.
    fn with_check(body: &str) -> String {
        format!("{body}{}", check_char(body).unwrap_or('?'))
    }

    #[test]
    fn computed_2017_example() {
        // No published sample exists (§2.4.8): the example is computed, by hand as well:
        // U=30 S=28 A=10 | 3 1 0 0 | 8 1 0 1 2 3 | 4 with weights 7 3 1 …
        // 210+84+10 + 21+3+0 + 0+24+1 + 0+3+2 + 21+12 = 391 → 1.
        assert_eq!(check_digit_2017("USA31008101234"), Some('1'));
        // Only a body of the 2017 layout has a check digit: 14 characters, three capitals
        // first. (ICAO's weights would give a digit for the others too.)
        assert_eq!(check_digit_2017("USA3100810123"), None);
        assert_eq!(check_digit_2017("USA310081012345"), None);
        assert_eq!(check_digit_2017("usa31008101234"), None);
        assert_eq!(check_digit_2017("1SA31008101234"), None);
        let valid = validate("USA310081012341", today());
        assert_eq!(
            valid,
            Ok(Valid {
                number: "USA310081012341".into(),
                layout: Layout::Card2017 {
                    nationality: "USA".into(),
                    region: "3100".into()
                },
                birth_date: Some(date(1981, 1, 23)),
                warnings: vec![],
            })
        );
        // Century: 05-06-07 is 2005, 30-01-01 (after today in 2030) is 1930.
        let valid = validate(&with_check("CAN11000506071"), today());
        assert_eq!(valid.map(|v| v.birth_date), Ok(Some(date(2005, 6, 7))));
        let valid = validate(&with_check("CAN11003001011"), today());
        assert_eq!(valid.map(|v| v.birth_date), Ok(Some(date(1930, 1, 1))));
        // Both centuries after `today`: the earlier one is named as the future date.
        let past = date(1990, 1, 1);
        let valid = validate(&with_check("CAN11009901011"), past);
        assert_eq!(
            valid.map(|v| (v.birth_date, v.warnings)),
            Ok((None, vec![ID.warning(Kind::FutureBirthDate { date: date(1999, 1, 1), today: past })]))
        );
    }

    #[test]
    fn computed_2023_example() {
        let number = with_check("93184019850607001");
        let valid = validate(&number, today());
        assert_eq!(
            valid,
            Ok(Valid {
                number: number.clone(),
                layout: Layout::Card2023 {
                    province: "31".into(),
                    nationality: "840".into()
                },
                birth_date: Some(date(1985, 6, 7)),
                warnings: vec![],
            })
        );
        assert!(is_valid(&number.to_lowercase(), today()));
    }

    #[test]
    fn checksum_failure_is_an_uncertain_warning() {
        let valid = validate("USA310081012342", today());
        assert_eq!(
            valid.map(|v| v.warnings),
            Ok(vec![ID.warning(Kind::Checksum { expected: '1', found: '2' })])
        );
        assert!(!is_valid("USA310081012342", today()));
        let mut number = with_check("93184019850607001");
        let last = if number.ends_with('0') { '1' } else { '0' };
        number.pop();
        number.push(last);
        let warnings = validate(&number, today()).map(|v| v.warnings);
        assert_eq!(warnings.map(|w| w.len()), Ok(1));
    }

    #[test]
    fn birth_date_failures_are_warnings() {
        let valid = validate(&with_check("USA31008113234"), today());
        assert_eq!(
            valid.map(|v| (v.birth_date, v.warnings)),
            Ok((
                None,
                vec![ID.warning(Kind::BirthDate { digits: "811323".into() })]
            ))
        );
        let valid = validate(&with_check("93184019850230001"), today());
        assert_eq!(
            valid.map(|v| v.warnings),
            Ok(vec![ID.warning(Kind::BirthDate { digits: "19850230".into() })])
        );
        let valid = validate(&with_check("93184020990101001"), today());
        assert_eq!(
            valid.map(|v| v.warnings),
            Ok(vec![ID.warning(Kind::FutureBirthDate { date: date(2099, 1, 1), today: today() })])
        );
    }

    #[test]
    fn shape_errors_are_certain() {
        assert_eq!(kind(validate("", today())), Err(Kind::Length { found: 0 }));
        assert_eq!(
            kind(validate("USA3100810123", today())),
            Err(Kind::Length { found: 13 })
        );
        assert_eq!(
            kind(validate("US1310081012341", today())),
            Err(Kind::Format { position: 3, found: '1' })
        );
        // A mainland resident ID is not a 2023 card.
        assert_eq!(
            kind(validate("11010519491231002X", today())),
            Err(Kind::Format { position: 1, found: '1' })
        );
        assert_eq!(
            kind(validate("9318401985060700X1", today())),
            Err(Kind::Format { position: 17, found: 'X' })
        );
        for input in hostile_inputs() {
            assert!(validate(&input, today()).is_err(), "{input:?}");
        }
    }

    #[test]
    fn normalisation() {
        assert!(is_valid(&full_width("USA310081012341"), today()));
        assert!(is_valid("usa 3100 810123 41", today()));
        assert!(is_valid("USA-3100-810123-4-1", today()));
    }

    #[test]
    fn letter_substitutions_differing_by_10_are_not_detected() {
        // Documented ICAO 9303 limit: `A` (10) ↔ `K` (20) in a position of weight 7 or 3 or 1
        // changes the sum by a multiple of 10.
        assert!(is_valid("USK310081012341", today()));
    }

    fn date_digits() -> impl Strategy<Value = (u16, u8, u8)> {
        (1930u16..2026, 1u8..13, 1u8..29)
    }

    fn body_2017() -> impl Strategy<Value = String> {
        ("[A-Z]{3}", "[0-9]{4}", date_digits(), 0u8..10).prop_map(|(nat, region, (y, m, d), n)| {
            format!("{nat}{region}{:02}{m:02}{d:02}{n}", y % 100)
        })
    }

    fn body_2023() -> impl Strategy<Value = String> {
        ("[0-9]{2}", "[0-9]{3}", date_digits(), "[0-9]{3}")
            .prop_map(|(p, nat, (y, m, d), seq)| format!("9{p}{nat}{y:04}{m:02}{d:02}{seq}"))
    }

    proptest! {
        #[test]
        fn computed_check_validates_2017(body in body_2017()) {
            prop_assert!(is_valid(&with_check(&body), today()), "{}", body);
        }

        #[test]
        fn computed_check_validates_2023(body in body_2023()) {
            prop_assert!(is_valid(&with_check(&body), today()), "{}", body);
        }

        /// Digit substitutions (chars 4–15) are caught; see the module doc for letters.
        #[test]
        fn single_digit_substitution_fails_2017(body in body_2017(), position in 3usize..15, digit in 0u32..10) {
            let number = with_check(&body);
            let replacement = char::from_digit(digit, 10).unwrap_or('0');
            prop_assume!(number.chars().nth(position) != Some(replacement));
            let changed = substitute(&number, position, replacement);
            prop_assert!(!is_valid(&changed, today()), "{} → {}", number, changed);
        }

        #[test]
        fn single_substitution_fails_2023(body in body_2023(), position in 0usize..18, pick in 0usize..11) {
            let number = with_check(&body);
            let replacement = "0123456789X".chars().nth(pick).unwrap_or('0');
            prop_assume!(number.chars().nth(position) != Some(replacement));
            let changed = substitute(&number, position, replacement);
            prop_assert!(!is_valid(&changed, today()), "{} → {}", number, changed);
        }

        #[test]
        fn errors_are_certain_and_warnings_are_not(input in "([A-Z]{3}[0-9]{12}|9[0-9]{16}[0-9X]|[A-Z0-9]{0,20})") {
            match validate(&input, today()) {
                Ok(valid) => prop_assert!(valid.warnings.iter().all(|w| !w.is_certain())),
                Err(error) => prop_assert!(error.is_certain()),
            }
        }

        #[test]
        fn never_panics(input in "\\PC{0,40}") {
            let _ = validate(&input, today());
        }
    }
}

//! 居民身份证 (resident identity card number, GB 11643-1999 公民身份号码).
//!
//! The number of a mainland resident's identity card, the usual certificate of an individual
//! filer and of every person responsible for a filing.
//!
//! Structure (1-based positions): 1–6 address code (GB/T 2260; the first two digits are the
//! province), 7–14 birth date `YYYYMMDD`, 15–17 sequence number (odd = male, even = female),
//! 18 check char (a digit or `X`). Regex `^\d{17}[\dX]$`; a lower-case `x` is accepted and
//! normalised.
//!
//! Check: ISO 7064 MOD 11-2. Weights `2^(18−i) mod 11` =
//! `7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2`; `S = Σ digit·weight`; `S mod 11` indexes
//! `1 0 X 9 8 7 6 5 4 3 2`. Every single-digit substitution is caught.
//!
//! Worked example `11010519491231002X`: S = 167, 167 mod 11 = 2 → `X`.
//!
//! Other checks, all certain errors:
//!
//! * The birth date must be a real calendar date and not after `today` (§2.4.4 **\[V\]**).
//! * The province (digits 1–2) must be a mainland one: 11–15, 21–23, 31–37, 41–46, 50–54,
//!   61–65 (§2.4.4 **\[C3\]**, the GB/T 2260 provinces). 71 (Taiwan) and 81/82 (Hong Kong,
//!   Macao) occur only on residence permits ([`super::residence_permit`]). The 6-digit code is
//!   not looked up: retired codes remain valid on older cards, and no table ships here.
//! * A 15-digit first-generation number (GB 11643-1989: 6 address + `YYMMDD` + 3 sequence, no
//!   check) is recognised and refused with [`Kind::FirstGeneration`], whose `upgraded` field
//!   is the 18-digit number it converts to (insert `19` after digit 6, append the check):
//!   first-generation cards are no longer valid documents (§2.4.4 **\[I\]**), and the form needs
//!   the number of the current card.
//!
//! python-stdnum (S26) also looks the address code up in its GB/T 2260 table; that rejects the
//! residence permits of §2.4.5, which is why they have their own module.
//!
//! Sources: `docs/rules.md` §2.4.4, §8.1; S26 (python-stdnum `stdnum/cn/ric.py`).

use super::{char_len, digits_value, identifier, normalize, Date, Error, Expected, Identifier, Kind, Sex};

/// Length of a (second-generation) resident ID number.
pub const LENGTH: usize = 18;

/// Length of a first-generation number.
pub const FIRST_GENERATION_LENGTH: usize = 15;

/// `2^(18−i) mod 11` for digits 1–17.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/// Check char for each value of `S mod 11`.
const CHECK_CHARS: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// First-two-digit ranges of the mainland provinces.
const MAINLAND_PROVINCES: [(u32, u32); 6] =
    [(11, 15), (21, 23), (31, 37), (41, 46), (50, 54), (61, 65)];

/// A valid resident ID number and what it encodes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Valid {
    /// The compact number, 18 chars, check char upper-case.
    pub number: String,
    /// Digits 1–6: address code.
    pub region: String,
    /// Digits 7–14.
    pub birth_date: Date,
    /// Digits 15–17.
    pub sequence: String,
    /// From the parity of digit 17.
    pub sex: Sex,
}

/// The resident ID's codes: every one is certain (§2.4.4 **\[V\]**; the province table is
/// **\[C3\]** but it is the fixed list of mainland provinces).
pub const ID: Identifier = identifier!(resident_id: length, format, first_generation, checksum, birth_date, region).of_length(Expected::Exactly(LENGTH));


/// Normalises input: trims, folds full width, removes spaces and hyphens, upper-cases `x`.
pub fn compact(input: &str) -> String {
    normalize::compact(input)
}

/// The check char for a 17-digit body (GB 11643); `None` for anything else.
pub fn check_char(body: &str) -> Option<char> {
    if char_len(body) != WEIGHTS.len() {
        return None;
    }
    let sum = body
        .chars()
        .zip(WEIGHTS)
        .try_fold(0u32, |sum, (c, weight)| {
            Some(sum + c.to_digit(10)? * weight)
        })?;
    CHECK_CHARS.get(usize::try_from(sum % 11).ok()?).copied()
}

/// The 18-digit number of a 15-digit first-generation number: `19` inserted after the address
/// code and the check char appended. `None` unless the input compacts to 15 digits.
pub fn upgrade(first_generation: &str) -> Option<String> {
    let number = compact(first_generation);
    if char_len(&number) != FIRST_GENERATION_LENGTH || !number.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let body: String = number
        .chars()
        .take(6)
        .chain("19".chars())
        .chain(number.chars().skip(6))
        .collect();
    let check = check_char(&body)?;
    Some(format!("{body}{check}"))
}

/// The first char of an 18-char number that cannot stand where it is (digits, and `X` at 18),
/// with its 1-based position. Shared with the other GB 11643 numbers.
pub(crate) fn first_bad_char(number: &str) -> Option<(usize, char)> {
    number.chars().enumerate().find_map(|(i, c)| {
        let ok = c.is_ascii_digit() || (i + 1 == LENGTH && c == 'X');
        (!ok).then_some((i + 1, c))
    })
}

/// `(expected, found)` when the check char of a well-formed 18-char number does not match.
pub(crate) fn checksum_mismatch(number: &str) -> Option<(char, char)> {
    let body: String = number.chars().take(LENGTH - 1).collect();
    let expected = check_char(&body)?;
    let found = number.chars().nth(LENGTH - 1)?;
    (expected != found).then_some((expected, found))
}

/// The `YYYYMMDD` birth date starting at 0-based char `from`, which must not be after `today`;
/// otherwise the kind of failure, shared by the GB 11643 numbers and the permanent residence card.
pub(crate) fn birth_date_at(number: &str, from: usize, today: Date) -> Result<Date, Kind> {
    let digits: String = number.chars().skip(from).take(8).collect();
    let date = Date::from_yyyymmdd(&digits).ok_or(Kind::BirthDate { digits })?;
    if date > today {
        return Err(Kind::FutureBirthDate { date, today });
    }
    Ok(date)
}

/// Sex from digit 17 (0-based index 16) of a well-formed number.
pub(crate) fn sex_of(number: &str) -> Option<Sex> {
    number.chars().nth(16)?.to_digit(10).map(Sex::from_digit)
}

/// Whether the first two digits are a mainland province.
fn is_mainland(region: &str) -> bool {
    let province = region.get(0..2).and_then(digits_value);
    province.is_some_and(|p| {
        MAINLAND_PROVINCES
            .iter()
            .any(|&(lo, hi)| (lo..=hi).contains(&p))
    })
}

/// The first-generation error for a 15-digit number with a real `19YYMMDD` date, if it is one.
fn first_generation(number: &str) -> Option<Error> {
    let upgraded = upgrade(number)?;
    Date::from_yyyymmdd(upgraded.get(6..14)?)?;
    Some(ID.error(Kind::FirstGeneration { upgraded }))
}

/// Checks length, characters, check char, birth date (a real date, not after `today`) and
/// province; returns the compact number and its parts.
///
/// # Errors
///
/// The first failing check, in the order length (or [`Kind::FirstGeneration`]), characters,
/// check char, birth date, province.
pub fn validate(input: &str, today: Date) -> Result<Valid, Error> {
    let number = compact(input);
    let found = char_len(&number);
    if found != LENGTH {
        return Err(first_generation(&number).unwrap_or(ID.error(Kind::Length { found })));
    }
    if let Some((position, found)) = first_bad_char(&number) {
        return Err(ID.error(Kind::Format { position, found }));
    }
    if let Some((expected, found)) = checksum_mismatch(&number) {
        return Err(ID.error(Kind::Checksum { expected, found }));
    }
    let birth_date = birth_date_at(&number, 6, today).map_err(|kind| ID.error(kind))?;
    let region: String = number.chars().take(6).collect();
    if !is_mainland(&region) {
        return Err(ID.error(Kind::Region { region }));
    }
    let sequence = number.chars().skip(14).take(3).collect();
    // Cannot fail: digit 17 was checked above.
    let sex = sex_of(&number).ok_or(ID.error(Kind::Length { found }))?;
    Ok(Valid {
        number,
        region,
        birth_date,
        sequence,
        sex,
    })
}

/// `true` for a valid resident ID number as of `today`.
pub fn is_valid(input: &str, today: Date) -> bool {
    validate(input, today).is_ok()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{substitute, full_width, hostile_inputs, substitutions, today};
    use super::*;
    use proptest::prelude::*;

    /// The kind of a failure, which is what these tests state.
    fn kind<T>(result: Result<T, Error>) -> Result<T, Kind> {
        result.map_err(|e| e.kind)
    }

    fn date(y: u16, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap_or_else(|| unreachable!())
    }

    #[test]
    fn worked_examples_from_spec() {
        // docs/rules.md §2.4.4 / §8.1.
        assert_eq!(check_char("11010519491231002"), Some('X'));
        assert_eq!(
            validate("11010519491231002X", today()),
            Ok(Valid {
                number: "11010519491231002X".into(),
                region: "110105".into(),
                birth_date: date(1949, 12, 31),
                sequence: "002".into(),
                sex: Sex::Female,
            })
        );
        for number in ["360426199101010071", "610122198310134420"] {
            assert!(is_valid(number, today()), "{number}");
        }
        assert_eq!(
            kind(validate("110105194912310021", today())),
            Err(Kind::Checksum { expected: 'X', found: '1' })
        );
        assert_eq!(
            kind(validate("15000019970319128X", today())),
            Err(Kind::Checksum { expected: '2', found: 'X' })
        );
    }

    #[test]
    fn first_generation_number() {
        // §2.4.4 / §8.1: 610104620927690 → 610104196209276908.
        assert_eq!(
            upgrade("610104620927690").as_deref(),
            Some("610104196209276908")
        );
        assert_eq!(
            kind(validate("610104620927690", today())),
            Err(Kind::FirstGeneration {
                upgraded: "610104196209276908".into()
            })
        );
        assert!(is_valid("610104196209276908", today()));
        // 15 digits that are no first-generation number (month 13) are a length error.
        assert_eq!(
            kind(validate("610104621327690", today())),
            Err(Kind::Length { found: 15 })
        );
        assert_eq!(upgrade("61010462092769X"), None);
        // Only 15 digits are a first-generation number: not 14, not 16.
        assert_eq!(upgrade("61010462092769"), None);
        assert_eq!(upgrade("6101046209276901"), None);
    }

    #[test]
    fn stdnum_examples() {
        // python-stdnum 2.2 stdnum/cn/ric.py docstring and tests/test_cn_ric.doctest.
        assert!(is_valid("360426199101010071", today()));
        assert_eq!(
            validate("44011320141005001x", today()).map(|v| (v.number, v.birth_date)),
            Ok(("44011320141005001X".to_string(), date(2014, 10, 5)))
        );
        for number in [
            "412723199010050012",
            "110102199101010078",
            "120110198012010073",
            "120110199212010072",
            // stdnum rejects these two on its dated county table; the province is fine here.
            "110111198012010078",
            "110201199312010077",
        ] {
            assert!(is_valid(number, today()), "{number}");
        }
        assert_eq!(
            kind(validate("T60426199101010078", today())),
            Err(Kind::Format { position: 1, found: 'T' })
        );
        assert_eq!(
            kind(validate("360426199113010079", today())),
            Err(Kind::BirthDate {
                digits: "19911301".into()
            })
        );
        assert_eq!(
            validate("36042619910102009X", today()).map_err(|e| e.code()),
            Err("resident_id.checksum")
        );
        // Unknown birth place code 99: stdnum's InvalidComponent, a region error here.
        assert_eq!(
            kind(validate("990426199112010074", today())),
            Err(Kind::Region {
                region: "990426".into()
            })
        );
    }

    #[test]
    fn birth_dates() {
        let build = |date: &str| {
            let body = format!("110105{date}002");
            format!("{body}{}", check_char(&body).unwrap_or('?'))
        };
        assert!(is_valid(&build("20000229"), today()));
        assert_eq!(
            kind(validate(&build("19000229"), today())),
            Err(Kind::BirthDate {
                digits: "19000229".into()
            })
        );
        assert_eq!(
            kind(validate(&build("19490431"), today())),
            Err(Kind::BirthDate {
                digits: "19490431".into()
            })
        );
        assert!(is_valid(&build("20261128"), today()));
        assert_eq!(
            kind(validate(&build("20261129"), today())),
            Err(Kind::FutureBirthDate {
                date: date(2026, 11, 29),
                today: today()
            })
        );
    }

    #[test]
    fn provinces() {
        let build = |region: &str| {
            let body = format!("{region}19800101002");
            format!("{body}{}", check_char(&body).unwrap_or('?'))
        };
        for region in [
            "110000", "150000", "210000", "230000", "310000", "370000", "410000", "460000",
            "500000", "540000", "610000", "650000",
        ] {
            assert!(is_valid(&build(region), today()), "{region}");
        }
        for region in [
            "100000", "160000", "240000", "380000", "470000", "550000", "660000", "710000",
            "810000", "820000", "830000", "000000",
        ] {
            assert_eq!(
                kind(validate(&build(region), today())),
                Err(Kind::Region {
                    region: region.into()
                })
            );
        }
    }

    #[test]
    fn normalisation() {
        assert!(is_valid(&full_width("11010519491231002X"), today()));
        assert!(is_valid("11010519491231002x", today()));
        assert!(is_valid("１１０１０５１９４９１２３１００２ｘ", today()));
        assert!(is_valid(" 110105 19491231 002X ", today()));
        assert!(is_valid("110105-1949-1231-002-x", today()));
    }

    #[test]
    fn hostile_input() {
        assert_eq!(kind(validate("", today())), Err(Kind::Length { found: 0 }));
        assert_eq!(
            kind(validate("1101051949123100X2", today())),
            Err(Kind::Format { position: 17, found: 'X' })
        );
        for input in hostile_inputs() {
            assert!(validate(&input, today()).is_err(), "{input:?}");
        }
    }

    #[test]
    fn every_substitution_of_the_example_fails() {
        for changed in substitutions("11010519491231002X", "0123456789X") {
            assert!(!is_valid(&changed, today()), "{changed}");
        }
    }

    /// A body with a mainland province and a real past birth date.
    fn body() -> impl Strategy<Value = String> {
        let province =
            proptest::sample::select(vec![11u32, 15, 21, 23, 31, 37, 41, 46, 50, 54, 61, 65]);
        (
            province,
            0u32..10_000,
            1900u16..2026,
            1u8..13,
            1u8..29,
            0u32..1000,
        )
            .prop_map(|(province, county, year, month, day, sequence)| {
                format!("{province:02}{county:04}{year:04}{month:02}{day:02}{sequence:03}")
            })
    }

    proptest! {
        #[test]
        fn computed_check_validates(body in body()) {
            let number = format!("{body}{}", check_char(&body).unwrap_or('?'));
            prop_assert!(is_valid(&number, today()), "{}", number);
        }

        #[test]
        fn single_substitution_fails(body in body(), position in 0usize..18, pick in 0usize..11) {
            let number = format!("{body}{}", check_char(&body).unwrap_or('?'));
            let replacement = "0123456789X".chars().nth(pick).unwrap_or('0');
            prop_assume!(number.chars().nth(position) != Some(replacement));
            let changed = substitute(&number, position, replacement);
            prop_assert!(!is_valid(&changed, today()), "{} → {}", number, changed);
        }

        #[test]
        fn never_panics(input in "\\PC{0,40}") {
            let _ = validate(&input, today());
            let _ = upgrade(&input);
        }
    }
}

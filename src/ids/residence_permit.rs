//! 港澳台居民居住证 (residence permit for Hong Kong, Macao and Taiwan residents).
//!
//! Issued since 2018 to residents of Hong Kong, Macao and Taiwan living on the mainland; the
//! filing system lists it as 港澳居民居住证 (type 41) and 台湾居民居住证 (type 42).
//!
//! Structure and check are those of the resident ID number ([`super::resident_id`],
//! GB 11643): 18 chars, birth date `YYYYMMDD` at 7–14, sequence at 15–17 (odd = male), check
//! char at 18 by ISO 7064 MOD 11-2. Only the address code differs: it is fixed to `810000`
//! (Hong Kong), `820000` (Macao) or `830000` (Taiwan).
//!
//! Valid samples: `810000199408230021`, `830000199201300022` (checksum-valid; from S31).
//!
//! python-stdnum's `ric.validate` rejects both samples (its place table has no `830000`, and
//! dates `810000` "\[1997-\]", so births before 1997 fail): the prefixes are special-cased here
//! instead of looked up.
//!
//! Every failure is a certain error: the structure is **\[C3\] S31**, the check is the verified
//! GB 11643 algorithm (§8.1 **\[V\]**).
//!
//! Sources: `docs/rules.md` §2.4.5, §8.1; S31 (`louismax/credentialverifier` README).

use super::resident_id;
use super::{char_len, identifier, normalize, Date, Error, Expected, Identifier, Kind, Sex};

/// Length of a residence permit number.
pub const LENGTH: usize = 18;

/// Where the holder is a resident of, from the address code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Origin {
    HongKong,
    Macao,
    Taiwan,
}

impl Origin {
    /// The 6-digit address code of the origin.
    pub fn address_code(self) -> &'static str {
        match self {
            Origin::HongKong => "810000",
            Origin::Macao => "820000",
            Origin::Taiwan => "830000",
        }
    }

    fn from_address_code(code: &str) -> Option<Origin> {
        [Origin::HongKong, Origin::Macao, Origin::Taiwan]
            .into_iter()
            .find(|origin| origin.address_code() == code)
    }
}

/// A valid residence permit number and what it encodes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Valid {
    /// The compact number, 18 chars.
    pub number: String,
    pub origin: Origin,
    pub birth_date: Date,
    /// Digits 15–17.
    pub sequence: String,
    pub sex: Sex,
}

/// The residence permit's codes: every one is certain.
pub const ID: Identifier = identifier!(residence_permit: length, format, checksum, birth_date, region).of_length(Expected::Exactly(LENGTH));

/// Normalises input: trims, folds full width, removes spaces and hyphens, upper-cases `x`.
pub fn compact(input: &str) -> String {
    normalize::compact(input)
}

/// The check char for a 17-digit body: the GB 11643 algorithm.
pub fn check_char(body: &str) -> Option<char> {
    resident_id::check_char(body)
}

/// Checks length, characters, check char, birth date and address code.
///
/// # Errors
///
/// The first failing check, in the order length, characters, check char, birth date,
/// address code.
pub fn validate(input: &str, today: Date) -> Result<Valid, Error> {
    let number = compact(input);
    let found = char_len(&number);
    if found != LENGTH {
        return Err(ID.error(Kind::Length { found }));
    }
    if let Some((position, found)) = resident_id::first_bad_char(&number) {
        return Err(ID.error(Kind::Format { position, found }));
    }
    if let Some((expected, found)) = resident_id::checksum_mismatch(&number) {
        return Err(ID.error(Kind::Checksum { expected, found }));
    }
    let birth_date = resident_id::birth_date_at(&number, 6, today).map_err(|kind| ID.error(kind))?;
    let region: String = number.chars().take(6).collect();
    let origin = Origin::from_address_code(&region).ok_or(ID.error(Kind::Region { region }))?;
    let sequence = number.chars().skip(14).take(3).collect();
    // Cannot fail: digit 17 was checked above.
    let sex = resident_id::sex_of(&number).ok_or(ID.error(Kind::Length { found }))?;
    Ok(Valid {
        number,
        origin,
        birth_date,
        sequence,
        sex,
    })
}

/// `true` for a valid residence permit number as of `today`.
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
    fn samples_from_spec() {
        // docs/rules.md §2.4.5 / §8.1 (from S31).
        assert_eq!(
            validate("810000199408230021", today()),
            Ok(Valid {
                number: "810000199408230021".into(),
                origin: Origin::HongKong,
                birth_date: date(1994, 8, 23),
                sequence: "002".into(),
                sex: Sex::Female,
            })
        );
        assert_eq!(
            validate("830000199201300022", today()).map(|v| (v.origin, v.birth_date)),
            Ok((Origin::Taiwan, date(1992, 1, 30)))
        );
    }

    #[test]
    fn computed_macao_example() {
        let body = "82000019850607003";
        let Some(check) = check_char(body) else {
            panic!()
        };
        let valid = validate(&format!("{body}{check}"), today());
        assert_eq!(
            valid.map(|v| (v.origin, v.sex)),
            Ok((Origin::Macao, Sex::Male))
        );
    }

    #[test]
    fn mainland_number_is_a_region_error() {
        assert_eq!(
            kind(validate("11010519491231002X", today())),
            Err(Kind::Region {
                region: "110105".into()
            })
        );
        // 71 (Taiwan in GB/T 2260) is not the permit's 830000.
        let body = "71000019850607003";
        let Some(check) = check_char(body) else {
            panic!()
        };
        assert_eq!(
            kind(validate(&format!("{body}{check}"), today())),
            Err(Kind::Region {
                region: "710000".into()
            })
        );
    }

    #[test]
    fn other_errors() {
        assert_eq!(
            kind(validate("810000199408230022", today())),
            Err(Kind::Checksum { expected: '1', found: '2' })
        );
        assert_eq!(
            kind(validate("81000019940823002", today())),
            Err(Kind::Length { found: 17 })
        );
        let body = "81000019940230002";
        let Some(check) = check_char(body) else {
            panic!()
        };
        assert_eq!(
            kind(validate(&format!("{body}{check}"), today())),
            Err(Kind::BirthDate {
                digits: "19940230".into()
            })
        );
        let body = "81000020990101002";
        let Some(check) = check_char(body) else {
            panic!()
        };
        assert_eq!(
            kind(validate(&format!("{body}{check}"), today())),
            Err(Kind::FutureBirthDate {
                date: date(2099, 1, 1),
                today: today()
            })
        );
        for input in hostile_inputs() {
            assert!(validate(&input, today()).is_err(), "{input:?}");
        }
    }

    #[test]
    fn normalisation() {
        assert!(is_valid(&full_width("810000199408230021"), today()));
        assert!(is_valid(" 810000 19940823 0021 ", today()));
        assert!(is_valid("830000-19920130-0022", today()));
    }

    #[test]
    fn every_substitution_of_the_samples_fails() {
        for sample in ["810000199408230021", "830000199201300022"] {
            for changed in substitutions(sample, "0123456789X") {
                assert!(!is_valid(&changed, today()), "{changed}");
            }
        }
    }

    fn body() -> impl Strategy<Value = String> {
        let origin = proptest::sample::select(vec!["810000", "820000", "830000"]);
        (origin, 1900u16..2026, 1u8..13, 1u8..29, 0u32..1000).prop_map(
            |(origin, year, month, day, sequence)| {
                format!("{origin}{year:04}{month:02}{day:02}{sequence:03}")
            },
        )
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
        }
    }
}

//! 统一社会信用代码 (USCC, unified social credit code, GB 32100-2015).
//!
//! The 18-char code on every business licence and registration certificate issued since
//! 2015 (三证合一), and the certificate number of most organisations that file.
//!
//! Structure (1-based positions):
//!
//! | chars | meaning | alphabet |
//! |---|---|---|
//! | 1 | registration authority (登记管理部门) | USCC alphabet |
//! | 2 | category (机构类别) | USCC alphabet |
//! | 3–8 | region code of the registering authority (GB/T 2260) | digits |
//! | 9–17 | subject id = the organisation code (GB 11714, [`super::org_code`]) | USCC alphabet |
//! | 18 | check char | USCC alphabet |
//!
//! The USCC alphabet is `0123456789ABCDEFGHJKLMNPQRTUWXY` (31 symbols: no I, O, Z, S, V).
//!
//! Check: value = index in the alphabet; weights `Wᵢ = 3^(i−1) mod 31` =
//! `1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28`; `S = Σ value·W` over chars 1–17;
//! check = `alphabet[(31 − S mod 31) mod 31]`. Because 31 is prime and every weight is
//! non-zero mod 31, every single-char substitution is caught.
//!
//! Worked example `91110000600037341L`: S = 538, 538 mod 31 = 11, 31 − 11 = 20 → `L`.
//!
//! Differences from python-stdnum (S26): stdnum requires chars 1–8 to be digits, so it rejects
//! the prefixes `A1` (军队事业单位), `N1`–`N3` (集体经济组织) and `Y1` that the standard's
//! authority table (§2.3) defines. Here chars 1–2 may be any char of the USCC alphabet and
//! only chars 3–8 must be digits.
//!
//! What is certain and what is not:
//!
//! * Length, alphabet, digits in 3–8, and the check char are certain errors (§2.4.1 **\[V\]**)
//!   — with one exception: a mismatching check char in a code registered in Xiamen (region
//!   `3502xx`) is only a warning, because some real Xiamen codes issued before 2016 are
//!   reported not to satisfy GB 32100 (hutool issues #2020 and #4119, sample
//!   `91350203M0001QKT19`, whose check char by the standard would be `F`).
//! * The embedded organisation code (chars 9–17) passing GB 11714 held for every sample tested
//!   (§2.4.1 **\[V\]**, and all 200 codes of stdnum's test file), but that is evidence from
//!   samples, not a published requirement: a failure is a warning (`uscc.org_code_checksum`).
//! * Chars 1–2 are compared with the §2.3 table (**\[C3\] S25**, contradicted by S28): an unknown
//!   combination is a warning (`uscc.kind_unknown`). Whether the prefix fits the entity type
//!   is the caller's check, helped by [`prefixes_for_entity_type`] (§2.3 **\[I\]**).
//!
//! Sources: `docs/rules.md` §2.4.1, §2.3, §8.1; S26 (python-stdnum `stdnum/cn/uscc.py`), S25.

use super::{char_len, identifier, normalize, org_code, Error, Expected, Identifier, Kind};

/// The 31 chars a USCC may contain, in value order.
pub const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// `3^(i−1) mod 31` for chars 1–17.
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// Length of a USCC.
pub const LENGTH: usize = 18;

/// Region-code prefix (Xiamen) whose checksum failures are warnings; see the module doc.
const LEGACY_CHECKSUM_REGION: &str = "3502";

/// A USCC that passed every certain check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Valid {
    /// The compact code, 18 chars.
    pub number: String,
    /// Char 1: registration authority; see [`authority_key`].
    pub authority: char,
    /// Char 2: category within the authority; see [`category_key`].
    pub category: char,
    /// Chars 3–8: region code of the registering authority.
    pub region: String,
    /// Chars 9–17: the organisation code.
    pub org_code: String,
    /// Uncertain findings (`is_certain() == false`): report as warnings.
    pub warnings: Vec<Error>,
}

/// The USCC's codes. Length, format and checksum are certain (but for the Xiamen checksum, a
/// warning); the embedded organisation code and the kind are warnings (see the module doc).
pub const ID: Identifier = identifier!(uscc: length, format, checksum, org_code_checksum, kind_unknown).of_length(Expected::Exactly(LENGTH));

/// Normalises input: trims, folds full width, removes spaces and hyphens, upper-cases.
pub fn compact(input: &str) -> String {
    normalize::compact(input)
}

/// Value of a char: its index in [`ALPHABET`].
fn value(c: char) -> Option<u32> {
    let index = ALPHABET.chars().position(|a| a == c)?;
    u32::try_from(index).ok()
}

/// Whether `c` may stand at 0-based index `i`: digits for chars 3–8, the alphabet elsewhere.
fn allowed_at(i: usize, c: char) -> bool {
    if (2..8).contains(&i) {
        c.is_ascii_digit()
    } else {
        value(c).is_some()
    }
}

/// The first char that cannot stand where it is, with its 1-based position.
fn first_bad_char(number: &str) -> Option<(usize, char)> {
    number
        .chars()
        .enumerate()
        .find(|&(i, c)| !allowed_at(i, c))
        .map(|(i, c)| (i + 1, c))
}

/// The check char (char 18) for a 17-char body; `None` for a body that is not well-formed.
pub fn check_char(body: &str) -> Option<char> {
    if char_len(body) != WEIGHTS.len() || first_bad_char(body).is_some() {
        return None;
    }
    let sum = body
        .chars()
        .zip(WEIGHTS)
        .try_fold(0u32, |sum, (c, weight)| Some(sum + value(c)? * weight))?;
    let index = (31 - sum % 31) % 31;
    ALPHABET.chars().nth(usize::try_from(index).ok()?)
}

/// The parts of an 18-char code.
struct Fields {
    authority: char,
    category: char,
    region: String,
    org: String,
    check: char,
    /// Chars 1–17.
    body: String,
}

impl Fields {
    fn of(number: &str) -> Option<Fields> {
        let mut chars = number.chars();
        let authority = chars.next()?;
        let category = chars.next()?;
        let region: String = chars.by_ref().take(6).collect();
        let org: String = chars.by_ref().take(9).collect();
        let check = chars.next()?;
        let body = format!("{authority}{category}{region}{org}");
        Some(Fields {
            authority,
            category,
            region,
            org,
            check,
            body,
        })
    }
}

/// Checks length, characters and check char; collects the uncertain findings as warnings.
///
/// # Errors
///
/// `length`, `format`, `checksum`: the certain failures.
pub fn validate(input: &str) -> Result<Valid, Error> {
    let number = compact(input);
    let found = char_len(&number);
    if found != LENGTH {
        return Err(ID.error(Kind::Length { found }));
    }
    if let Some((position, found)) = first_bad_char(&number) {
        return Err(ID.error(Kind::Format { position, found }));
    }
    // Neither `?` can fire: the length and every char were checked above.
    let fields = Fields::of(&number).ok_or(ID.error(Kind::Length { found }))?;
    let expected = check_char(&fields.body).ok_or(ID.error(Kind::Length { found }))?;
    let Fields {
        authority,
        category,
        region,
        org,
        check: found,
        ..
    } = fields;

    let mut warnings = Vec::new();
    if expected != found {
        if !region.starts_with(LEGACY_CHECKSUM_REGION) {
            return Err(ID.error(Kind::Checksum { expected, found }));
        }
        warnings.push(ID.warning(Kind::Checksum { expected, found }));
    }
    warnings.extend(embedded_org_code_warning(&org));
    if category_key(authority, category).is_none() {
        warnings.push(ID.warning(Kind::KindUnknown { authority, category }));
    }
    Ok(Valid {
        number,
        authority,
        category,
        region,
        org_code: org,
        warnings,
    })
}

/// The warning for an organisation code (chars 9–17) that fails GB 11714, if it does.
fn embedded_org_code_warning(org: &str) -> Option<Error> {
    let body: String = org.chars().take(8).collect();
    let found = org.chars().nth(8)?;
    let expected = org_code::check_char(&body)?;
    (expected != found).then(|| ID.warning(Kind::OrgCodeChecksum { expected, found }))
}

/// `true` only for a USCC with no error and no warning.
pub fn is_valid(input: &str) -> bool {
    validate(input).is_ok_and(|valid| valid.warnings.is_empty())
}

/// The authorities (char 1) and categories (char 2) of GB 32100 Appendix A as tabulated in
/// §2.3 (S25), with the entity types each pair suits: `data/rules/uscc-kinds.toml` and
/// `data/rules/entity-types.toml`, baked by `bake/src/uscc.rs`.
mod baked {
    include!("../generated/uscc.rs");
}
use baked::{AUTHORITIES, CATEGORIES};

/// The version and source of that table (`rulesInfo().usccKinds`).
pub const KINDS_VERSION: &str = baked::VERSION;
pub const KINDS_SOURCE: &str = baked::SOURCE;

/// Message-catalogue key describing a registration authority (char 1), e.g. `9` →
/// `uscc.authority.market_regulation`; `None` for a char outside the §2.3 table.
pub fn authority_key(authority: char) -> Option<&'static str> {
    AUTHORITIES
        .iter()
        .find(|(a, _)| *a == authority)
        .map(|(_, key)| *key)
}

/// Message-catalogue key describing a category (char 2) under an authority (char 1), e.g.
/// `9`,`2` → `uscc.category.individual_business`; `None` outside the §2.3 table.
pub fn category_key(authority: char, category: char) -> Option<&'static str> {
    CATEGORIES
        .iter()
        .find(|(a, c, _)| *a == authority && *c == category)
        .map(|(_, _, key)| *key)
}

/// The USCC prefixes (chars 1–2) expected for an entity type of the public API
/// (`'enterprise'`, `'government'`, …), per the suggested consistency warnings of §2.3
/// (**\[I\]**: a mismatch is a warning). `None` when the spec gives no usable rule
/// (individual, medical institution — which may be 12, 52 or 91 —, mass organisation,
/// military, overseas organisation, or an unknown type).
pub fn prefixes_for_entity_type(entity_type: &str) -> Option<&'static [&'static str]> {
    baked::ENTITY_TYPE_PREFIXES.iter().find(|(key, _)| *key == entity_type).map(|(_, prefixes)| *prefixes)
}

/// Whether the code's chars 1–2 fit the entity type: `Some(false)` → warn; `None` when
/// [`prefixes_for_entity_type`] has no rule for it.
pub fn fits_entity_type(valid: &Valid, entity_type: &str) -> Option<bool> {
    let prefix: String = [valid.authority, valid.category].iter().collect();
    prefixes_for_entity_type(entity_type).map(|list| list.contains(&prefix.as_str()))
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

    /// Valid and warning-free.
    fn assert_clean(number: &str) {
        match validate(number) {
            Ok(valid) => assert!(valid.warnings.is_empty(), "{number}: {:?}", valid.warnings),
            Err(error) => panic!("{number}: {error}"),
        }
    }

    #[test]
    fn worked_examples_from_spec() {
        // docs/rules.md §2.4.1 and §8.1.
        assert_eq!(check_char("91110000600037341"), Some('L'));
        // Only a well-formed 17-char body has a check char: not one char short or long, not a
        // letter among the region digits (chars 3–8), though it is in the alphabet.
        assert_eq!(check_char("9111000060003734"), None);
        assert_eq!(check_char("911100006000373411"), None);
        assert_eq!(check_char("91A10000600037341"), None);
        for number in [
            "91110000600037341L",
            "91440300708461136T",
            "91330100716105852F",
            "91110000802100433B",
            "91110108551385082Q",
            "913301087458306077",
        ] {
            assert_clean(number);
        }
        let valid = validate("91110000600037341L");
        assert_eq!(
            valid,
            Ok(Valid {
                number: "91110000600037341L".into(),
                authority: '9',
                category: '1',
                region: "110000".into(),
                org_code: "600037341".into(),
                warnings: vec![],
            })
        );
    }

    #[test]
    fn invalid_examples_from_spec() {
        // §2.4.1: computed check `W`; the org part would need `X`.
        assert_eq!(
            kind(validate("12100000400000516E")),
            Err(Kind::Checksum { expected: 'W', found: 'E' })
        );
        assert!(embedded_org_code_warning("400000516").is_some());
        for bad in ["I", "O", "Z", "S", "V"] {
            let number = format!("9111000060003734{bad}L");
            assert_eq!(
                validate(&number).map_err(|e| e.code()),
                Err("uscc.format"),
                "{number}"
            );
        }
    }

    #[test]
    fn stdnum_module_and_doctest_examples() {
        // python-stdnum 2.2 stdnum/cn/uscc.py docstring and tests/test_cn_uscc.doctest.
        assert_clean("91110000600037341L");
        assert_clean("9 1 110000 600037341L");
        assert_clean("91 110000 600037341L");
        assert_eq!(compact("9 1 110000 600037341L"), "91110000600037341L");
        assert_eq!(kind(validate("12345")), Err(Kind::Length { found: 5 }));
        assert_eq!(
            kind(validate("9111000060003IOZSV")),
            Err(Kind::Format { position: 14, found: 'I' })
        );
        assert_eq!(
            kind(validate("91110000600037341N")),
            Err(Kind::Checksum { expected: 'L', found: 'N' })
        );
        // stdnum rejects `A1110000600037341L` because char 1 is not a digit. The standard
        // allows `A` (军队事业单位); here it fails on its check char instead (`K`).
        assert_eq!(check_char("A1110000600037341"), Some('K'));
        assert_eq!(
            kind(validate("A1110000600037341L")),
            Err(Kind::Checksum { expected: 'K', found: 'L' })
        );
    }

    /// python-stdnum 2.2 `tests/test_cn_uscc.doctest`: the 200 codes "found online" that
    /// "should all be valid numbers".
    const STDNUM_FOUND_ONLINE: &str = "\
        121200004013590816 911522010783762860 91152201078377449P 9115220107837941X1 91152201078382010M \
        911522010783917502 91152201078394644D 91152201078395188Q 91310112087994932F 91310115MA1K3BTP2B \
        91310116052958608G 91310116076409427L 913101203509708598 913205056082348768 91340600MA2PBM9HXD \
        91340600MA2PBMA74B 91340600MA2PBN188W 91340600MA2PBN831R 91340600MA2PBNE723 91340600MA2PBP2120 \
        91340600MA2PBP6A1W 91340600MA2PENCC7K 91340600MA2PENWF9P 91340600MA2PEP518T 91340600MA2PEP7F5B \
        91340600MA2PERLJ2D 91340600MA2UJYG49B 91340602MA2UJY3J9W 91340602MA2UJYD90G 91340603MA2UJYN78Q \
        91340603MA2UJYNU67 91340604MA2PBQBH3P 91340604MA2PEL1X3M 91340621MA2PBPLU08 91340621MA2PEMUHX8 \
        91340621MA2PEN6Q3Y 91340621MA2PEPJB9F 91371082775260043P 914112810713741814 9144030071526726XG \
        91620100719023721L 91620105224521729E 91620105556273987U 91620105556284969Y 91620105556287545F \
        91620105571630591E 91620105585923360D 91620105665404165K 9162010567592034XQ 91620105750906995R \
        91620105750935948X 91620105756580826D 91620105767728304H 91620105784023285J 91620105789620900B \
        91620105794891756D 91620105L015101280 92340602MA2PBQAH7E 92340602MA2PEL3T3X 92340602MA2PEL605A \
        92340602MA2UK2TH6F 92340602MA2UK33127 92340603MA2PBMCG0U 92340603MA2PBMD304 92340603MA2PBMQL04 \
        92340603MA2PBMUF7M 92340603MA2PBN17X5 92340603MA2PBN2W0N 92340603MA2PBNK461 92340603MA2PBNLR0R \
        92340603MA2PBQ7J4K 92340603MA2PBQ7X9E 92340603MA2PBQFT7J 92340603MA2PBQGB6M 92340603MA2PBQHD9N \
        92340603MA2PBQUC3U 92340603MA2PBQX04X 92340603MA2PBQY862 92340603MA2PEL613K 92340603MA2PELE65C \
        92340603MA2PELFF5B 92340603MA2PELHL72 92340603MA2PEM480D 92340603MA2PEN9F2E 92340603MA2PENAP06 \
        92340603MA2PENCQ1M 92340603MA2PEP42XF 92340603MA2PEPBN6L 92340603MA2PEPM83M 92340603MA2UJXYJ3P \
        92340603MA2UJY0W68 92340603MA2UJY2M7F 92340603MA2UJYUM57 92340603MA2UK0KQ72 92340603MA2UK0ME1G \
        92340603MA2UK0T79E 92340603MA2UK1NC4L 92340603MA2UK1PX9B 92340603MA2UK1TD00 92340603MA2UK1UE56 \
        92340603MA2UK28G4G 92340603MA2UK2P79U 92340603MA2UK2WX6M 92340603MA2UK2XD94 92340603MA2UK31A3N \
        92340603MA2UK3CP6U 92340603MA2UK3D673 92340603MA2UK3DF0N 92340603MA2UK3DT5H 92340604MA2PBME53K \
        92340604MA2PBMQK2P 92340604MA2PBMXF6C 92340604MA2PBNDT64 92340604MA2PBNKR4Y 92340604MA2PBNQNXM \
        92340604MA2PBNR83C 92340604MA2PBNUL9N 92340604MA2PBNWH99 92340604MA2PBNXH5J 92340604MA2PBP1U3Y \
        92340604MA2PBP7U1T 92340604MA2PBPHC8R 92340604MA2PBPXJ71 92340604MA2PEM4L7X 92340604MA2PEM5Q4E \
        92340604MA2PENA300 92340604MA2UJYCE59 92340604MA2UJYPN1K 92340604MA2UK03G7D 92340604MA2UK04L4X \
        92340604MA2UK07529 92340604MA2UK08Y65 92340621MA2PBKRXXG 92340621MA2PBL318W 92340621MA2PBLW63G \
        92340621MA2PBLWT1Y 92340621MA2PBLX27E 92340621MA2PBM6286 92340621MA2PBMA318 92340621MA2PBMKK45 \
        92340621MA2PBMNMXM 92340621MA2PBMUH3D 92340621MA2PBN0KXX 92340621MA2PBN145R 92340621MA2PBN1962 \
        92340621MA2PBN1H1T 92340621MA2PBN559X 92340621MA2PBNFH07 92340621MA2PBNJ232 92340621MA2PBNTY9Y \
        92340621MA2PBP431L 92340621MA2PELD34J 92340621MA2PELFR3H 92340621MA2UJRKE7N 92340621MA2UJRL762 \
        92340621MA2UJT9WXP 92340621MA2UJTCK0M 92340621MA2UJTM785 92340621MA2UJTQ22E 92340621MA2UJTTF8R \
        92340621MA2UJTY74U 92340621MA2UJW4UXQ 92340621MA2UJW690P 92340621MA2UJW703D 92340621MA2UJWA961 \
        92340621MA2UJWCT2H 92340621MA2UJWEE2G 92340621MA2UJWFB49 92340621MA2UJWGB0J 92340621MA2UJWYPX8 \
        92340621MA2UJX6C8T 92340621MA2UJX968M 92340621MA2UJXLD1M 92340621MA2UJY477E 92340621MA2UJYE11E \
        92340621MA2UJYG57G 92340621MA2UK02XXW 92340621MA2UK08G9K 92340621MA2UK0DA11 92340621MA2UK0G256 \
        92340621MA2UK0J08Q 92340621MA2UK0JX8N 92340621MA2UK0KR5Y 92340621MA2UK1JY92 92340621MA2UK1L38E \
        92340621MA2UK1MK35 92340621MA2UK1MN8P 92340621MA2UK1PRX7 92340621MA2UK22G6N 92340621MA2UK25H3F \
        92340621MA2UK2BU8B 92340621MA2UK2CD59 92340621MA2UK2EP62 92340621MA2UK2GJXF 92340621MA2UK2Q24Y \
        92340621MA2UK2XX21 92340621MA2UK30C35 92340621MA2UK338XJ 92340621MA2UK3C369 92340621MA2UK3CE6L
    ";

    #[test]
    fn stdnum_doctest_found_online() {
        let numbers: Vec<&str> = STDNUM_FOUND_ONLINE.split_whitespace().collect();
        assert_eq!(numbers.len(), 200);
        // All valid, and all also pass the embedded org-code check (no warning).
        for number in numbers {
            assert_clean(number);
        }
    }

    #[test]
    fn standard_prefixes_that_stdnum_rejects() {
        // Computed examples: N1 / A1 / Y1 prefixes with a real-looking org code.
        for prefix in ["N1", "N3", "A1", "Y1"] {
            let body = format!("{prefix}110000600037341");
            let Some(check) = check_char(&body) else {
                panic!("{body}")
            };
            assert_clean(&format!("{body}{check}"));
        }
    }

    #[test]
    fn xiamen_legacy_checksum_is_a_warning() {
        // hutool #4119: a real Xiamen code whose check char breaks GB 32100.
        let valid = validate("91350203M0001QKT19");
        let warnings = valid.map(|v| v.warnings);
        assert_eq!(
            warnings,
            Ok(vec![ID.warning(Kind::Checksum { expected: 'F', found: '9' })])
        );
        assert!(!is_valid("91350203M0001QKT19"));
        // Outside 3502 the same mistake is an error.
        assert_eq!(
            validate("91350103M0001QKT19").map_err(|e| e.code()),
            Err("uscc.checksum")
        );
    }

    #[test]
    fn embedded_org_code_and_unknown_kind_are_warnings() {
        // Org part 600037342 is wrong (should end 1); recompute the USCC check so only the
        // org code is off.
        let body = "91110000600037342";
        let Some(check) = check_char(body) else {
            panic!()
        };
        let valid = validate(&format!("{body}{check}"));
        assert_eq!(
            valid.map(|v| v.warnings),
            Ok(vec![ID.warning(Kind::OrgCodeChecksum { expected: '1', found: '2' })])
        );
        let body = "B5110000600037341";
        let Some(check) = check_char(body) else {
            panic!()
        };
        let valid = validate(&format!("{body}{check}"));
        assert_eq!(
            valid.map(|v| v.warnings),
            Ok(vec![ID.warning(Kind::KindUnknown { authority: 'B', category: '5' })])
        );
    }

    #[test]
    fn authority_and_category_table() {
        assert_eq!(authority_key('9'), Some("uscc.authority.market_regulation"));
        assert_eq!(authority_key('N'), Some("uscc.authority.agriculture"));
        assert_eq!(authority_key('S'), None);
        assert_eq!(
            category_key('9', '2'),
            Some("uscc.category.individual_business")
        );
        assert_eq!(category_key('5', '3'), Some("uscc.category.foundation"));
        assert_eq!(category_key('9', '9'), None);
        for (authority, category, _) in CATEGORIES {
            assert!(authority_key(authority).is_some());
            assert!(value(authority).is_some() && value(category).is_some());
        }
    }

    #[test]
    fn entity_type_fit() {
        let Ok(valid) = validate("91110000600037341L") else {
            panic!()
        };
        assert_eq!(fits_entity_type(&valid, "enterprise"), Some(true));
        assert_eq!(fits_entity_type(&valid, "foundation"), Some(false));
        assert_eq!(fits_entity_type(&valid, "medical_institution"), None);
        assert_eq!(fits_entity_type(&valid, "individual"), None);
        for entity_type in [
            "enterprise",
            "government",
            "collective_economy",
            "religious",
        ] {
            for prefix in prefixes_for_entity_type(entity_type).unwrap_or(&[]) {
                let mut chars = prefix.chars();
                let (a, c) = (chars.next().unwrap_or('?'), chars.next().unwrap_or('?'));
                assert!(category_key(a, c).is_some(), "{prefix}");
            }
        }
    }

    #[test]
    fn normalisation() {
        assert_clean(&full_width("91110000600037341L"));
        assert_clean("９１１１００００６０００３７３４１ｌ");
        assert_clean(" 91110000-600037341l\t");
        assert_clean("9111 0000 6000 3734 1L");
        assert_clean("\u{3000}91110000600037341Ｌ\u{3000}");
    }

    #[test]
    fn length_and_character_errors() {
        assert_eq!(kind(validate("")), Err(Kind::Length { found: 0 }));
        assert_eq!(
            kind(validate("330108000003512")),
            Err(Kind::Length { found: 15 })
        );
        assert_eq!(
            kind(validate("9é110000600037341L")),
            Err(Kind::Format { position: 2, found: 'é' })
        );
        assert_eq!(
            kind(validate("911A0000600037341L")),
            Err(Kind::Format { position: 4, found: 'A' })
        );
        for input in hostile_inputs() {
            assert!(validate(&input).is_err(), "{input:?}");
        }
    }

    #[test]
    fn every_substitution_of_an_example_fails() {
        for changed in substitutions("91110000600037341L", ALPHABET) {
            assert!(validate(&changed).is_err(), "{changed}");
        }
    }

    /// A well-formed 17-char body outside Xiamen (whose checksum failures are warnings).
    fn body() -> impl Strategy<Value = String> {
        let alphabet: Vec<char> = ALPHABET.chars().collect();
        let any = proptest::sample::select(alphabet);
        (
            proptest::collection::vec(any.clone(), 2),
            "[0-9]{6}".prop_filter("Xiamen", |r| !r.starts_with(LEGACY_CHECKSUM_REGION)),
            proptest::collection::vec(any, 9),
        )
            .prop_map(|(head, region, tail)| {
                let head: String = head.into_iter().collect();
                let tail: String = tail.into_iter().collect();
                format!("{head}{region}{tail}")
            })
    }

    proptest! {
        #[test]
        fn computed_check_validates(body in body()) {
            let check = check_char(&body);
            prop_assert!(check.is_some());
            let number = format!("{body}{}", check.unwrap_or('?'));
            let valid = validate(&number);
            prop_assert!(valid.is_ok(), "{}: {:?}", number, valid);
            // Every warning is uncertain.
            prop_assert!(valid.iter().flat_map(|v| &v.warnings).all(|w| !w.is_certain()));
        }

        #[test]
        fn single_substitution_fails(body in body(), position in 0usize..18, pick in 0usize..31) {
            let number = format!("{body}{}", check_char(&body).unwrap_or('?'));
            let original = number.chars().nth(position).unwrap_or('?');
            let replacement = ALPHABET.chars().nth(pick).unwrap_or('0');
            prop_assume!(replacement != original);
            let changed = substitute(&number, position, replacement);
            // A change inside 3–8 may land in Xiamen, where it is a warning: still not valid.
            prop_assert!(!is_valid(&changed), "{} → {}", number, changed);
            let in_xiamen = changed.chars().skip(2).take(4).collect::<String>() == LEGACY_CHECKSUM_REGION;
            prop_assert!(in_xiamen || validate(&changed).is_err());
        }

        #[test]
        fn errors_are_certain(input in "[0-9A-Z]{18}") {
            if let Err(error) = validate(&input) {
                prop_assert!(error.is_certain());
            }
        }

        #[test]
        fn never_panics(input in "\\PC{0,40}") {
            let _ = validate(&input);
        }
    }
}

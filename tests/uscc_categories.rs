//! The USCC's registration authority and category (its first two characters, GB 32100 Appendix
//! A) against the entity type (docs/rules.md §2.3), for every entity type the rule knows: each
//! type's own prefixes fit, and a prefix of another type does not. Written from the rule book's
//! table, not from the code's, with the check character computed here by GB 32100's formula.

use icp_precheck::ids::uscc;

/// The rule book's table (§2.3): entity type → the prefixes of its certificates.
const TABLE: [(&str, &[&str]); 13] = [
    ("enterprise", &["91", "92", "93"]),
    ("government", &["11", "13"]),
    ("public_institution", &["12", "A1"]),
    ("social_organization", &["51"]),
    ("private_non_enterprise", &["52"]),
    ("foundation", &["53"]),
    ("law_firm", &["31"]),
    ("notary", &["32"]),
    ("judicial_appraisal", &["34"]),
    ("arbitration", &["35"]),
    ("foreign_cultural_center", &["41"]),
    ("religious", &["71", "72"]),
    ("collective_economy", &["N1", "N2", "N3"]),
];

/// GB 32100's check character of the first 17 characters.
fn with_check(first17: &str) -> String {
    const CHARS: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    let sum: usize = first17.chars().enumerate().map(|(i, c)| CHARS.find(c).expect("code character") * 3usize.pow(i as u32) % 31).sum();
    let check = (31 - sum % 31) % 31;
    format!("{first17}{}", CHARS.chars().nth(check).expect("index"))
}

/// A valid code with `prefix` in front of a real region and organisation code.
fn code(prefix: &str) -> String {
    with_check(&format!("{prefix}110000600037341"))
}

#[test]
fn the_formula_matches_a_real_code() {
    assert_eq!(with_check("91110000600037341"), "91110000600037341L");
    assert!(uscc::is_valid("91110000600037341L"));
    assert!(!uscc::is_valid("91110000600037341M"), "a wrong check character");
}

#[test]
fn every_entity_type_and_its_prefixes() {
    for (entity_type, prefixes) in TABLE {
        for prefix in prefixes {
            let number = code(prefix);
            let valid = uscc::validate(&number).unwrap_or_else(|e| panic!("{number}: {e}"));
            assert_eq!(uscc::fits_entity_type(&valid, entity_type), Some(true), "{entity_type} with {number}");
        }
        // A prefix of every other type does not fit.
        for (other, other_prefixes) in TABLE.iter().filter(|(t, _)| *t != entity_type) {
            for prefix in other_prefixes.iter().filter(|p| !prefixes.contains(p)) {
                let valid = uscc::validate(&code(prefix)).expect("valid");
                assert_eq!(uscc::fits_entity_type(&valid, entity_type), Some(false), "{entity_type} with {other}'s {prefix}");
            }
        }
    }
    let valid = uscc::validate(&code("91")).expect("valid");
    assert_eq!(uscc::fits_entity_type(&valid, "individual"), None, "no rule for individuals");
}

//! Record numbers, mobiles, landlines, e-mail addresses, package names and certificate
//! digests on arbitrary text: no panic; findings catalogued with their params; the
//! normalised form of a valid value validates to itself; `parse_record_number` reports keep
//! ok ⇔ no error.
#![no_main]

use arbitrary::Unstructured;
use fuzz_support::{check_finding, check_issues, options_from};
use icp_precheck::fields::app_id::{self, DigestAlgorithm, Platform};
use icp_precheck::fields::{email, landline, mobile, record_number};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let split = data.len().saturating_sub(4);
    let (text, tail) = data.split_at(split);
    let options = options_from(&mut Unstructured::new(tail));
    let input = String::from_utf8_lossy(text);
    let input = input.as_ref();

    match record_number::parse(input) {
        Ok(r) => {
            r.warnings.iter().for_each(|w| check_finding(w, input));
            let again = record_number::parse(&r.normalized);
            assert_eq!(again.as_ref().map(|a| &a.normalized), Ok(&r.normalized), "record number {input:?}");
            assert!(record_number::is_valid(input));
            assert_eq!(record_number::is_strictly_valid(input), r.warnings.is_empty());
        }
        Err(e) => {
            check_finding(&e, input);
            assert!(!record_number::is_valid(input));
        }
    }
    let report = icp_precheck::parse_record_number(input, &options);
    check_issues(report.ok, &report.issues, input);

    match mobile::validate(input) {
        Ok(m) => {
            m.warnings.iter().for_each(|w| check_finding(w, input));
            assert_eq!(mobile::validate(&m.number).map(|a| a.number), Ok(m.number.clone()), "mobile {input:?}");
            assert!(mobile::validate(&m.formatted()).is_ok(), "mobile formatted {input:?}");
        }
        Err(e) => check_finding(&e, input),
    }
    match email::validate(input) {
        Ok(e) => assert_eq!(email::validate(&e.address).map(|a| a.address), Ok(e.address.clone()), "email {input:?}"),
        Err(e) => check_finding(&e, input),
    }
    assert_eq!(email::is_valid(input), email::validate(input).is_ok());
    match landline::validate(input) {
        Ok(l) => {
            let again = landline::validate(&l.formatted());
            assert_eq!(again.as_ref().ok(), Some(&l), "landline {input:?} formatted {:?}", l.formatted());
        }
        Err(e) => check_finding(&e, input),
    }
    for platform in [Platform::Android, Platform::Ios, Platform::HarmonyOs] {
        match app_id::validate_package_name(platform, input) {
            Ok(p) => {
                p.warnings.iter().for_each(|w| check_finding(w, input));
                assert!(app_id::validate_package_name(platform, &p.value).is_ok(), "package {input:?}");
            }
            Err(e) => check_finding(&e, input),
        }
    }
    for algorithm in [DigestAlgorithm::Md5, DigestAlgorithm::Sha1, DigestAlgorithm::Sha256] {
        match app_id::validate_digest(algorithm, input) {
            Ok(d) => {
                assert_eq!(app_id::validate_digest(algorithm, &d.hex).as_ref(), Ok(&d), "digest {input:?}");
                assert_eq!(app_id::validate_digest(algorithm, &d.with_colons()).as_ref(), Ok(&d), "digest {input:?}");
            }
            Err(e) => check_finding(&e, input),
        }
    }
});

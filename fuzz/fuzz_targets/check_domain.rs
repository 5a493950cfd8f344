//! `check_domain` with arbitrary text and options: no panic, and the report's invariants
//! (ok ⇔ no error, catalogued codes, `ascii` lower-case ASCII and a fixed point of the check,
//! `unicode` checks back to `ascii`, registrable / suffix / subdomain consistent).
#![no_main]

use arbitrary::Unstructured;
use fuzz_support::{check_domain_report, options_from};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The last 4 bytes choose the options, the rest is the input (lossy UTF-8, so every
    // byte string is a test).
    let split = data.len().saturating_sub(4);
    let (text, tail) = data.split_at(split);
    let options = options_from(&mut Unstructured::new(tail));
    let input = String::from_utf8_lossy(text);
    let report = icp_precheck::check_domain(&input, &options);
    check_domain_report(&input, &report, &options, true);
    // The batch API gives the same report.
    let batch = icp_precheck::check_domains(&[input.as_ref()], &options);
    assert_eq!(batch.first(), Some(&report));
});

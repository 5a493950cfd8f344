//! `check_domain` with arbitrary text and options: no panic, and the report's invariants
//! (ok ⇔ no error, catalogued codes, `ascii` lower-case ASCII and a fixed point of the check,
//! `unicode` checks back to `ascii`, registrable / suffix / subdomain consistent), and the
//! unrendered `DomainCheck` behind it cut at char boundaries.
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
    // The unrendered check behind it: every span is a whole, well-cut text of its source
    // (`text` would hide a bad cut as ""), and params name texts the same way.
    let check = icp_precheck::domain::DomainCheck::new(&input, &options);
    let spans = check.fields().into_iter().flatten().chain(check.findings().flat_map(|f| {
        check.params(f).iter().chain(check.display(f)).filter_map(|(_, arg)| match arg {
            icp_precheck::domain::Arg::Text(span) => Some(*span),
            _ => None,
        })
    }));
    for span in spans {
        assert!(span.start <= span.end, "{span:?}");
        assert!(check.source(span.source).get(span.start as usize..span.end as usize).is_some(), "{span:?} cuts its source");
    }
    assert_eq!(check.to_report(), report);
});

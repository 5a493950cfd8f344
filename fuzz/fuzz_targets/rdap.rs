//! The RDAP reader (`registration::rdap`) on arbitrary JSON: no panic, a few notes at most
//! for a hostile answer, and what it reads holds to its own rules: a lower-case domain without
//! a trailing dot, a positive IANA ID, a holder that is not a privacy placeholder, and reading
//! the same answer twice gives the same registration.
#![no_main]

use icp_precheck::registration::{is_withheld, json, rdap, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(value) = json::parse(&text) else { return };
    let Ok(parsed) = rdap::read(&value) else { return };
    assert!(parsed.notes.len() <= 16, "{} notes", parsed.notes.len());
    let r = &parsed.registration;
    assert_eq!(r.format, Some(Format::Rdap));
    let domain = r.domain.as_deref().expect("an RDAP domain answer names its domain");
    assert_eq!(domain, domain.to_lowercase());
    assert!(!domain.ends_with('.'));
    assert!(r.registrar_iana_id.is_none_or(|id| id > 0));
    if let Some(holder) = &r.holder {
        assert!(!is_withheld(holder) && !holder.trim().is_empty(), "{holder:?}");
    }
    assert_eq!(rdap::read(&value).as_ref(), Ok(&parsed));
});

//! The WHOIS reader (`registration::whois`) on arbitrary text: no panic, and what it reads
//! holds to its own rules: a domain in lower case without a trailing dot, statuses one word
//! each and not repeated, a holder that is not a privacy placeholder, dates either a real
//! `YYYY-MM-DD` or the text as written; `parse_whois` and `read_text` agree on it.
#![no_main]

use icp_precheck::registration::{self, calendar_date, is_withheld, whois};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let Ok(parsed) = whois::parse(text) else { return };
    let r = &parsed.registration;
    if let Some(domain) = &r.domain {
        assert_eq!(domain, &domain.to_lowercase(), "{text:?}");
        assert!(!domain.ends_with('.'), "{text:?}");
    }
    for (i, status) in r.status.iter().enumerate() {
        assert!(!status.is_empty() && !status.contains(char::is_whitespace), "{status:?}");
        assert!(!r.status[..i].contains(status), "{status:?} twice");
    }
    if let Some(holder) = &r.holder {
        assert!(!is_withheld(holder) && !holder.is_empty(), "{holder:?}");
        assert_ne!(r.holder_redacted, Some(true));
    }
    for date in [&r.registered_at, &r.expires_at].into_iter().flatten() {
        // A date is written `YYYY-MM-DD` when read, else kept as the answer wrote it.
        if let Some(d) = calendar_date(date) {
            assert!(date == &d.to_string() || text.contains(date.as_str()), "{date:?}");
        } else {
            assert!(text.contains(date.as_str()), "{date:?}");
        }
    }
    assert_eq!(registration::parse_whois(text).as_ref(), Ok(r));
    if !text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}').starts_with('{') {
        assert_eq!(registration::read_text(text).map(|p| p.registration).as_ref(), Ok(r));
    }
});

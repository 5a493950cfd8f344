//! UTS #46 (Unicode IDNA Compatibility Processing, <https://www.unicode.org/reports/tr46/>)
//! through the `idna` crate, with the flags a registry applies to a name it will delegate:
//!
//! > ToASCII … CheckHyphens=true, CheckBidi=true, CheckJoiners=true, UseSTD3ASCIIRules=true,
//! > Transitional_Processing=false, VerifyDnsLength=true
//!
//! (`idna` always checks bidi and joiners, and since 1.0 is always non-transitional.)
//! `idna` reports only *that* a name failed; a person needs to know *why*, so on failure we
//! re-run with single flags relaxed to find the rule, and name the label it failed in.

use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};
use std::borrow::Cow;

const UTS46: Uts46 = Uts46::new();

/// The UTS #46 rule a name failed, with what the message needs.
#[derive(Debug, PartialEq, Eq)]
pub enum Failure {
    /// A code point UTS #46 disallows (symbols, most punctuation, unassigned code points).
    Disallowed { character: char },
    /// CheckBidi: a right-to-left label mixed with left-to-right text in a way RFC 5893 forbids.
    Bidi { label: String },
    /// CheckJoiners: ZERO WIDTH (NON-)JOINER outside the contexts of RFC 5892 Appendix A.
    Joiners { label: String },
    /// An `xn--` label that is not valid Punycode.
    Punycode { label: String },
    /// A label that breaks a validity criterion as a whole, e.g. starts with a combining mark.
    Validity { label: String },
    /// UseSTD3ASCIIRules: an ASCII character other than letters, digits and hyphen.
    Std3 { character: char },
    /// CheckHyphens: a hyphen at the start or end, or in the 3rd and 4th positions.
    Hyphens { label: String },
    /// VerifyDnsLength: an empty label (`a..b`, `.a`).
    EmptyLabel,
    /// VerifyDnsLength: a label longer than 63 octets in A-label form.
    LabelTooLong { label: String, length: usize },
    /// VerifyDnsLength: the name is longer than 253 octets in A-label form.
    NameTooLong { length: usize },
}

impl Failure {
    /// The UTS #46 processing flag or step whose check failed.
    pub fn rule(&self) -> &'static str {
        match self {
            Failure::Disallowed { .. } | Failure::Validity { .. } => "Validity",
            Failure::Bidi { .. } => "CheckBidi",
            Failure::Joiners { .. } => "CheckJoiners",
            Failure::Punycode { .. } => "Punycode",
            Failure::Std3 { .. } => "UseSTD3ASCIIRules",
            Failure::Hyphens { .. } => "CheckHyphens",
            Failure::EmptyLabel | Failure::LabelTooLong { .. } | Failure::NameTooLong { .. } => "VerifyDnsLength",
        }
    }
}

/// ToASCII with the URL Standard's lenient flags: what a browser would resolve. Used to read
/// addresses the way a URL parser does before the strict checks.
pub fn to_ascii_lenient(host: &str) -> Option<Cow<'_, str>> {
    UTS46.to_ascii(host.as_bytes(), AsciiDenyList::URL, Hyphens::Allow, DnsLength::Ignore).ok()
}

/// ToASCII with the registry flags above.
pub fn to_ascii(host: &str) -> Result<Cow<'_, str>, Failure> {
    if let Some((failure, _)) = failure_without_idna(host) {
        return Err(failure);
    }
    process(host).map_err(|lenient| diagnose(host, lenient))
}

/// The failures that can be named without running `idna`, with the host as UTS #46 maps it
/// (its mapping step alone: case folded, compatibility forms mapped, ignored characters
/// dropped, disallowed ones left as U+FFFD; an ASCII host as it is, since only its case would
/// change), or `None` to ask `idna`:
/// - an ASCII host with a character other than letters, digits, hyphens and dots fails
///   UseSTD3ASCIIRules, and [`diagnose`] names the first such character before anything else;
/// - a label that maps to ASCII letters, digits and hyphens, longer than 63 octets, fails
///   VerifyDnsLength whatever else is wrong with the host: it is its own A-label form.
///
/// The second matters for `xn--` labels: decoding Punycode costs time quadratic in the
/// label's length (an `xn--` label of 4,000 letters took 3 ms here, decoded three times
/// over), and a label that cannot be filed need not be decoded to say so. It changes one kind
/// of answer: a host with such a label and another failure (an empty label, bad Punycode, a
/// disallowed character in another label) is now reported as having a label too long.
pub(crate) fn failure_without_idna(host: &str) -> Option<(Failure, Cow<'_, str>)> {
    let ascii = host.is_ascii();
    if ascii {
        if let Some(character) = host.chars().find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.'))) {
            return Some((Failure::Std3 { character }, Cow::Borrowed(host)));
        }
    }
    if host.len() <= 63 {
        return None;
    }
    let mapped = match ascii {
        true => Cow::Borrowed(host),
        // Over a slice of chars, which costs the module about 5 kB less than over `Chars`.
        false => Cow::Owned(MAPPER.map_normalize(host.chars().collect::<Vec<char>>().iter().copied()).collect()),
    };
    let (i, label) = mapped
        .split('.')
        .enumerate()
        .find(|(_, label)| label.len() > 63 && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))?;
    // Shown as typed where the labels still line up (a character such as U+2488 "⒈" maps to
    // a label and a dot), as the mapped label otherwise.
    let typed = host.split(LABEL_SEPARATORS);
    let shown = match typed.clone().count() == mapped.split('.').count() {
        true => typed.clone().nth(i).unwrap_or(label),
        false => label,
    };
    let failure = Failure::LabelTooLong { label: ellipsis(shown, 24), length: label.len() };
    Some((failure, mapped))
}

/// The Unicode back end `idna` uses, for the mapping step alone.
const MAPPER: idna_adapter::Adapter = idna_adapter::Adapter::new();

/// The full stops UTS #46 separates labels at (it maps the other three to `.`).
const LABEL_SEPARATORS: [char; 4] = ['.', '\u{3002}', '\u{FF0E}', '\u{FF61}'];

/// Both ToASCII passes the pipeline needs, doing the work once where it can:
/// - `Ok(ascii)`: the registry flags pass. The lenient (URL) flags then pass too and give the
///   same string, since they only refuse less (the URL deny list is a subset of STD3's, and
///   hyphen and length checks are off) while the mapping is the same.
/// - `Err(lenient)`: the registry flags fail; `lenient` is the URL parser's result, if any,
///   for reading addresses and for [`diagnose`].
///
/// A host that is already plain ASCII letters, digits and hyphens in valid labels (no `xn--`,
/// no hyphen at either end or in the 3rd and 4th positions, DNS lengths) is what UTS #46 maps
/// to its lower case, so `idna` is not called for it at all.
pub fn process(host: &str) -> Result<Cow<'_, str>, Option<Cow<'_, str>>> {
    if let Some(ascii) = plain_ascii(host) {
        return Ok(ascii);
    }
    match UTS46.to_ascii(host.as_bytes(), AsciiDenyList::STD3, Hyphens::Check, DnsLength::Verify) {
        Ok(ascii) => Ok(ascii),
        Err(_) => Err(to_ascii_lenient(host)),
    }
}

/// The fast path of [`process`]: `Some` only for a name every UTS #46 step passes unchanged
/// but for ASCII upper case; `None` means "ask `idna`", not "invalid".
pub(crate) fn plain_ascii(host: &str) -> Option<Cow<'_, str>> {
    let bytes = host.as_bytes();
    if bytes.is_empty() || bytes.len() > 253 {
        return None;
    }
    // One pass: each byte is checked, and each label's length, ends and 3rd/4th hyphens are
    // checked at the dot (or the end) that closes it.
    let mut upper = false;
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'a'..=b'z' | b'0'..=b'9' | b'-' => {}
            b'A'..=b'Z' => upper = true,
            b'.' => {
                if !plain_label(bytes.get(start..i)?) {
                    return None;
                }
                start = i + 1;
            }
            _ => return None,
        }
    }
    if !plain_label(bytes.get(start..)?) {
        return None;
    }
    Some(if upper { Cow::Owned(host.to_ascii_lowercase()) } else { Cow::Borrowed(host) })
}

/// A label of LDH bytes that CheckHyphens and the DNS lengths accept, and that is no A-label.
fn plain_label(label: &[u8]) -> bool {
    matches!((label.first(), label.last()), (Some(first), Some(last)) if *first != b'-' && *last != b'-')
        && label.len() <= 63
        && label.get(2..4) != Some(b"--")
}

/// ToUnicode of a name that passed [`to_ascii`]: the U-label form shown to people.
///
/// Such a name is lower-case ASCII whose `xn--` labels ToASCII has already validated, so
/// ToUnicode maps nothing and only decodes those labels (RFC 3492): that is done directly,
/// without running the whole of UTS #46 again. `idna` remains the answer for anything else.
pub fn to_unicode(ascii: &str) -> Cow<'_, str> {
    if !ascii.split('.').any(|label| label.starts_with("xn--")) {
        return Cow::Borrowed(ascii);
    }
    let mut out = String::with_capacity(ascii.len() * 2);
    for (i, label) in ascii.split('.').enumerate() {
        if i > 0 {
            out.push('.');
        }
        match label.strip_prefix("xn--") {
            Some(encoded) => match idna::punycode::decode_to_string(encoded) {
                Some(decoded) => out.push_str(&decoded),
                None => return UTS46.to_unicode(ascii.as_bytes(), AsciiDenyList::STD3, Hyphens::Check).0,
            },
            None if label.bytes().all(|b| !b.is_ascii_uppercase()) => out.push_str(label),
            None => return UTS46.to_unicode(ascii.as_bytes(), AsciiDenyList::STD3, Hyphens::Check).0,
        }
    }
    Cow::Owned(out)
}

/// Works out which rule `host` broke, cheapest question first. `lenient` is
/// [`to_ascii_lenient`]`(host)`, which the caller has already computed.
pub(crate) fn diagnose(host: &str, lenient: Option<Cow<'_, str>>) -> Failure {
    let Some(lenient) = lenient else {
        return diagnose_validity(host);
    };
    // Lenient processing succeeded, so the failure is one of STD3, hyphens or lengths.
    if let Some(character) = lenient.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '.')) {
        return Failure::Std3 { character };
    }
    if UTS46.to_ascii(host.as_bytes(), AsciiDenyList::STD3, Hyphens::Allow, DnsLength::Verify).is_ok() {
        let label = host
            .split('.')
            .find(|l| l.starts_with('-') || l.ends_with('-') || l.get(2..4) == Some("--"))
            .or_else(|| host.split('.').find(|l| l.starts_with("xn--")))
            .unwrap_or(host);
        return Failure::Hyphens { label: label.to_owned() };
    }
    if lenient.split('.').any(str::is_empty) {
        return Failure::EmptyLabel;
    }
    if let Some((i, label)) = lenient.split('.').enumerate().find(|(_, l)| l.len() > 63) {
        let shown = host.split('.').nth(i).unwrap_or(label);
        return Failure::LabelTooLong { label: ellipsis(shown, 24), length: label.len() };
    }
    if lenient.len() > 253 {
        return Failure::NameTooLong { length: lenient.len() };
    }
    // Both hyphens and something else: name hyphens, the likelier to be the one to fix.
    let label = host.split('.').find(|l| l.starts_with('-') || l.ends_with('-')).unwrap_or(host);
    Failure::Hyphens { label: label.to_owned() }
}

/// The lenient pass failed too: a disallowed code point, bidi, joiners, bad Punycode, or a
/// label-level rule (a combining mark first). Looks at the labels as Unicode, decoding
/// `xn--` labels, since that is where UTS #46 applies its validity criteria.
fn diagnose_validity(host: &str) -> Failure {
    // ASCII outside letters, digits, hyphen and dot: a STD3 failure, whatever else is wrong.
    if let Some(character) = host.chars().find(|c| c.is_ascii() && !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.'))) {
        return Failure::Std3 { character };
    }
    let mut labels = Vec::new();
    for label in host.split(LABEL_SEPARATORS) {
        match label.get(..4).filter(|p| p.eq_ignore_ascii_case("xn--")).and_then(|_| label.get(4..)) {
            Some(encoded) => match idna::punycode::decode_to_string(encoded) {
                Some(decoded) if !decoded.is_empty() && encoded.is_ascii() => labels.push((label, decoded)),
                _ => return Failure::Punycode { label: ellipsis(label, 24) },
            },
            None => labels.push((label, label.to_owned())),
        }
    }
    // A code point that is refused wherever it stands (alone, after a left-to-right letter,
    // after a right-to-left one) is disallowed; anything else fails by its context.
    let refused_everywhere = |c: char| {
        let mut buf = [0; 4];
        let alone = c.encode_utf8(&mut buf);
        [format!("a{alone}"), format!("\u{05D0}{alone}"), alone.to_owned()].iter().all(|s| to_ascii_lenient(s).is_none())
    };
    // A character repeated through a long label is asked once: those found not refused are
    // remembered in a small cache by their low bits (a pasted label of one character a thousand
    // times would otherwise cost three thousand UTS #46 runs). A cache, not a sorted set: a
    // sort of chars would add 8 kB to the module.
    let mut not_refused = [None; 64];
    let mut is_refused = |c: char| {
        let Some(slot) = not_refused.get_mut(c as usize % 64) else {
            return refused_everywhere(c);
        };
        if *slot == Some(c) {
            return false;
        }
        let refused = refused_everywhere(c);
        if !refused {
            *slot = Some(c);
        }
        refused
    };
    for (_, decoded) in &labels {
        if let Some(character) = decoded.chars().find(|c| !matches!(c, '\u{200C}' | '\u{200D}') && is_refused(*c)) {
            return Failure::Disallowed { character };
        }
    }
    if let Some((label, _)) = labels.iter().find(|(_, d)| d.contains(['\u{200C}', '\u{200D}'])) {
        return Failure::Joiners { label: ellipsis(label, 24) };
    }
    let is_bidi_domain = labels.iter().any(|(_, d)| d.chars().any(is_right_to_left));
    // Each label alone: one that fails by itself has a label-level problem (a combining mark
    // first, a bidi rule inside the label); if all pass alone, the domain fails as a whole.
    for (label, decoded) in &labels {
        if !decoded.is_empty() && to_ascii_lenient(decoded).is_none() {
            let shown = ellipsis(label, 24);
            return if is_bidi_domain { Failure::Bidi { label: shown } } else { Failure::Validity { label: shown } };
        }
    }
    let label = labels.iter().find(|(_, d)| d.chars().any(is_right_to_left)).map_or_else(|| ellipsis(host, 24), |(l, _)| ellipsis(l, 24));
    Failure::Bidi { label }
}

/// Strong right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, …): enough to point
/// at the label a bidi failure concerns.
fn is_right_to_left(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
}

/// At most `max` characters of `s`, for messages about very long labels.
fn ellipsis(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", s.get(..i).unwrap_or_default()),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_and_encodes() {
        assert_eq!(to_ascii("例子.中国").as_deref(), Ok("xn--fsqu00a.xn--fiqs8s"));
        assert_eq!(to_ascii("ＥＸＡＭＰＬＥ.com").as_deref(), Ok("example.com"));
        assert_eq!(to_unicode("xn--fsqu00a.xn--fiqs8s"), "例子.中国");
    }

    #[test]
    fn fast_path_agrees_with_idna() {
        let long_label = "a".repeat(63);
        let long_name = format!("{}com", "abcdefghi.".repeat(24));
        for host in [
            "example.com", "Example.COM", "www.a-b.cn", "a.b.c.d", "1.2.3.4", "x", "-a.com", "a-.com", "ab--c.com", "xn--fiqs8s",
            "XN--FIQS8S", "a..com", ".a", "a.", "a_b.com", "a b", "", long_label.as_str(), long_name.as_str(), "ab-c.com", "a1--b.com",
        ] {
            if let Some(fast) = plain_ascii(host) {
                let idna = UTS46.to_ascii(host.as_bytes(), AsciiDenyList::STD3, Hyphens::Check, DnsLength::Verify);
                assert_eq!(idna.as_deref().ok(), Some(fast.as_ref()), "{host}");
                assert_eq!(to_ascii_lenient(host).as_deref(), Some(fast.as_ref()), "{host}");
            }
        }
        assert!(plain_ascii("Example.COM").is_some());
        assert!(plain_ascii("xn--fiqs8s").is_none());
        // The longest name the DNS allows takes the fast path too; one octet more is idna's.
        let longest = format!("{}com", "abcdefghi.".repeat(25));
        assert_eq!(longest.len(), 253);
        assert!(plain_ascii(&longest).is_some());
        assert!(plain_ascii(&format!("a{longest}")).is_none());
    }

    #[test]
    fn to_unicode_leaves_anything_but_lower_case_to_idna() {
        // An upper-case label beside an A-label is mapped, as UTS #46 ToUnicode maps it.
        assert_eq!(to_unicode("WWW.xn--fiqs8s"), "www.中国");
        assert_eq!(to_unicode("www.xn--fiqs8s"), "www.中国");
    }

    #[test]
    fn the_failing_label_is_the_one_named() {
        // CheckHyphens: the label with the hyphen, wherever it stands among the others.
        for (host, label) in [("www.ab--cd.com", "ab--cd"), ("www.-abc.com", "-abc"), ("www.abc-.com", "abc-")] {
            assert_eq!(to_ascii(host), Err(Failure::Hyphens { label: label.into() }), "{host}");
        }
        // VerifyDnsLength: the label over 63 octets, not one of exactly 63 before it.
        let host = format!("{}.{}.com", "a".repeat(63), "b".repeat(64));
        assert_eq!(diagnose(&host, to_ascii_lenient(&host)), Failure::LabelTooLong { label: format!("{}…", "b".repeat(24)), length: 64 });
        // An A-label with nothing after xn-- is bad Punycode.
        assert_eq!(diagnose("xn--.com", None), Failure::Punycode { label: "xn--".into() });
        // An empty label fails no label-level rule: the label with the combining mark first does.
        assert_eq!(diagnose("a..\u{300}b.com", None), Failure::Validity { label: "\u{300}b".into() });
    }

    /// What [`failure_without_idna`] answers, [`diagnose`] (after `idna` has failed) answers
    /// too, but where a long label meets another failure, where the length is named first.
    #[test]
    fn failures_without_idna_agree_with_diagnose() {
        let long = "a".repeat(64);
        let hosts = [
            "a_b.com".to_owned(), "exa mple.com".into(), "a%b.cn".into(), "-a_.com".into(), "xn--a_b.cn".into(), "a.b!".into(),
            format!("{long}.com"), format!("WWW.{long}.CN"), format!("{long}.{long}.com"),
            format!("a.{}.com", "ａ".repeat(64)), format!("{}\u{00AD}.com", "b".repeat(64)), format!("{long}_.com"),
        ];
        for host in &hosts {
            let answer = failure_without_idna(host).map(|(failure, _)| failure);
            assert!(answer.is_some(), "{host}");
            assert!(UTS46.to_ascii(host.as_bytes(), AsciiDenyList::STD3, Hyphens::Check, DnsLength::Verify).is_err(), "{host}");
            assert_eq!(answer, Some(diagnose(host, to_ascii_lenient(host))), "{host}");
        }
        // The one kind of answer that differs: `idna` would decode this label first and find it
        // bad Punycode (U+0080 is no letter of a name); its length is named instead.
        let bad_punycode = format!("xn--{long}.com");
        assert_eq!(diagnose(&bad_punycode, to_ascii_lenient(&bad_punycode)), Failure::Disallowed { character: '\u{80}' });
        assert_eq!(failure_without_idna(&bad_punycode).map(|(f, _)| f.rule()), Some("VerifyDnsLength"));
        for host in ["example.com", "例子.中国", "xn--fiqs8s.cn", "a..com", "-a.com", &"a".repeat(63), &format!("{}例.com", "a".repeat(70))] {
            assert_eq!(failure_without_idna(host), None, "{host}");
        }
    }

    #[test]
    fn names_the_rule() {
        assert_eq!(to_ascii("-abc.com").map_err(|f| f.rule()), Err("CheckHyphens"));
        assert_eq!(to_ascii("ab--c.com").map_err(|f| f.rule()), Err("CheckHyphens"));
        assert_eq!(to_ascii("a_b.com"), Err(Failure::Std3 { character: '_' }));
        assert_eq!(to_ascii("a..com"), Err(Failure::EmptyLabel));
        let long = format!("{}.com", "a".repeat(64));
        assert_eq!(to_ascii(&long).map_err(|f| f.rule()), Err("VerifyDnsLength"));
        let name = format!("{}com", "abcdefghi.".repeat(26));
        assert_eq!(to_ascii(&name), Err(Failure::NameTooLong { length: 263 }));
        assert_eq!(to_ascii("a\u{200D}b.com").map_err(|f| f.rule()), Err("CheckJoiners"));
        assert_eq!(to_ascii("xn--zz.com").map_err(|f| f.rule()), Err("Punycode"));
        assert_eq!(to_ascii("a\u{E000}b.com"), Err(Failure::Disallowed { character: '\u{E000}' }));
        assert_eq!(to_ascii("a\u{05D0}1.com").map_err(|f| f.rule()), Err("CheckBidi"));
    }
}

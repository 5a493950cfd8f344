//! The domain check (docs/rules.md §1): from whatever a person pasted to the domain that is
//! filed, and every reason it could not be.
//!
//! The pipeline, each step with its own codes:
//! 1. [`extract`]: the host out of a URL, full-width text, white space (`domain.stripped`).
//! 2. [`ip`]: IPv4 and IPv6 addresses in every form a URL parser reads (`domain.ip_address`).
//! 3. [`uts46`]: UTS #46 to A-labels and U-labels (`domain.invalid`, with the rule).
//! 4. Special-use names (`domain.reserved`), then the Public Suffix List ([`crate::psl`]):
//!    unknown TLDs, bare suffixes, hosting platforms' sub-domains, the registrable domain.
//! 5. [`tld`]: MIIT's approved suffixes, nationally and per province, and the `.cn` zones
//!    reserved for some entity types.
//!
//! Each step records what it finds in a [`DomainCheck`] ([`check`]), unrendered; the
//! `DomainReport` of docs/api.md is made from it by [`DomainCheck::to_report`] in Rust, or by
//! `src/wasm/transfer.js` in JavaScript.

pub mod check;
pub mod extract;
pub mod ip;
mod tld;
pub mod uts46;

use crate::issue::{Issue, Severity};
use crate::options::Options;
use crate::psl;
use crate::rules::TldFlags;
pub use check::{Arg, DomainCheck, Finding, Scratch, Source, Span};
use extract::Stripped;
use ip::HostKind;
use serde::Serialize;
use uts46::Failure;

/// Longest input we look at, in characters. A pasted URL with a long query fits easily; a
/// megabyte of text is refused at once rather than scanned.
pub const MAX_INPUT_CHARS: usize = 4096;

/// The result of [`check_domain`] (docs/api.md `DomainReport`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DomainReport {
    /// No issue is an error: the domain can be filed as far as we can tell.
    pub ok: bool,
    pub issues: Vec<Issue>,
    /// The input as given.
    pub input: String,
    /// The host after stripping scheme, userinfo, port, path, white space and a trailing dot.
    pub host: Option<String>,
    /// The whole host in A-labels, lower case.
    pub ascii: Option<String>,
    /// The whole host in U-labels.
    pub unicode: Option<String>,
    /// The domain that is filed: eTLD+1 under the ICANN section, A-labels.
    pub registrable: Option<String>,
    pub registrable_unicode: Option<String>,
    /// The ICANN public suffix of the host, A-labels (`com.cn`, `xn--fiqs8s`).
    pub suffix: Option<String>,
    /// The last label, A-label.
    pub tld: Option<String>,
    /// What stands left of the registrable domain.
    pub subdomain: Option<String>,
}

impl DomainReport {
    fn new(input: &str) -> Self {
        DomainReport {
            ok: false,
            issues: Vec::new(),
            input: input.to_owned(),
            host: None,
            ascii: None,
            unicode: None,
            registrable: None,
            registrable_unicode: None,
            suffix: None,
            tld: None,
            subdomain: None,
        }
    }

    /// A report for an input that is not a string at all (the JavaScript boundary).
    pub(crate) fn from_issues(input: String, issues: Vec<Issue>) -> Self {
        let mut report = DomainReport::new("");
        report.input = input;
        report.ok = !issues.iter().any(|i| i.severity == Severity::Error);
        report.issues = issues;
        report
    }
}

/// Checks one pasted domain: can it be filed, which domain is filed, and why not.
///
/// ```
/// use icp_precheck::{check_domain, Options};
/// let report = check_domain("https://www.例子.中国/about", &Options::default());
/// assert!(report.ok);
/// assert_eq!(report.registrable.as_deref(), Some("xn--fsqu00a.xn--fiqs8s"));
/// assert_eq!(report.registrable_unicode.as_deref(), Some("例子.中国"));
/// ```
///
/// [`DomainCheck`] gives the same answers without rendering or copying anything.
pub fn check_domain(input: &str, options: &Options) -> DomainReport {
    DomainCheck::new(input, options).to_report()
}

/// [`check_domain`] for a domain inside a larger form, with issues at `path`.
pub(crate) fn check_domain_at(input: &str, options: &Options, path: &str) -> DomainReport {
    DomainCheck::new(input, options).to_report_at(path)
}

/// The pipeline: fills `c`'s fields and findings.
fn analyse(c: &mut DomainCheck<'_>, options: &Options) {
    let input = c.input;
    // Counting stops early: a huge string costs no more than MAX_INPUT_CHARS steps.
    if input.len() > MAX_INPUT_CHARS && input.chars().nth(MAX_INPUT_CHARS).is_some() {
        let length = input.chars().count();
        c.error("domain.too_long", &[("length", length.into()), ("max", MAX_INPUT_CHARS.into())]);
        return;
    }
    // Most inputs are already a host (letters, digits, hyphens and dots in valid labels):
    // nothing to strip or fold, and UTS #46 maps nothing but upper case.
    let plain = uts46::plain_ascii(input);
    let extracted = match plain {
        Some(_) => extract::Extracted::whole(input),
        None => extract::extract(input),
    };
    let host = extracted.host.as_ref();
    if host.is_empty() || host == "." {
        c.error("domain.empty", &[]);
        return;
    }
    let host_span = c.keep(host);
    c.host = Some(host_span);
    if !extracted.stripped.is_empty() {
        report_stripped(c, &extracted.stripped, host_span);
    }

    // 2. Addresses: bracketed or colon-bearing hosts are IPv6 attempts; everything else is
    // read the way a URL parser reads it, after the lenient UTS #46 mapping (so `１２７。１`
    // is caught as well as `127.1`).
    if extracted.bracketed || host.contains(':') {
        match ip::parse_ipv6(host) {
            Some(addr) => {
                let address = c.build_text(|out| push_display(out, addr));
                c.error("domain.ip_address", &[("host", host_span.into()), ("address", address.into()), ("version", 6i64.into())]);
            }
            None => invalid(c, &Failure::Std3 { character: ':' }, host_span),
        }
        return;
    }

    // 3. UTS #46 with the registry's flags. When they pass, the lenient mapping a URL parser
    // applies gives the same string, so one pass serves both the address check and step 3
    // (see `uts46::process`); plain ASCII names skip `idna` altogether.
    let is_plain = plain.is_some();
    let processed = match plain {
        Some(ascii) => Ok(ascii),
        None => match uts46::failure_without_idna(host) {
            // Named without `idna` once it is clear that a URL parser would not read the host
            // as an address: its last label, mapped, is no number (a label that is not ASCII
            // becomes an `xn--` label or fails, and neither is a number).
            Some((failure, mapped)) if !ip::ends_in_a_number(&mapped) => {
                invalid(c, &failure, host_span);
                return;
            }
            _ => uts46::process(host),
        },
    };
    let ascii = match processed {
        Ok(ascii) => {
            if is_address(c, &ascii, host_span) {
                return;
            }
            ascii
        }
        Err(lenient) => {
            if lenient.as_deref().is_some_and(|lenient| is_address(c, lenient, host_span)) {
                return;
            }
            invalid(c, &uts46::diagnose(host, lenient), host_span);
            return;
        }
    };
    let ascii_span = c.keep_within(&ascii, host, host_span);
    let unicode = match is_plain {
        true => std::borrow::Cow::Borrowed(ascii.as_ref()),
        false => uts46::to_unicode(&ascii),
    };
    let unicode_span = c.keep_within(&unicode, &ascii, ascii_span);
    c.ascii = Some(ascii_span);
    c.unicode = Some(unicode_span);
    let tld = ascii.rsplit('.').next().unwrap_or_default();
    let tld_span = c.keep_within(tld, &ascii, ascii_span);
    c.tld = Some(tld_span);

    // 4. Names that are never public, then the Public Suffix List (one walk for both sections).
    let flags = crate::rules::tld_flags(tld);
    if let Some((reserved, rfc)) = flags.has(TldFlags::SPECIAL_USE).then(|| crate::rules::special_use(&ascii)).flatten() {
        c.error("domain.reserved", &[("host", unicode_span.into()), ("reserved", reserved.into()), ("rfc", rfc.into())]);
        return;
    }
    let lookup = psl::Lookup::new(ascii.as_bytes());
    let full_suffix = lookup.suffix_all();
    let known = full_suffix.is_some_and(|(_, typ)| typ.is_some());
    if !known {
        if !ascii.contains('.') {
            c.error("domain.single_label", &[("host", unicode_span.into())]);
        } else {
            c.error("domain.unknown_tld", &[("tld", tld_span.into()), ("psl_version", psl::version().into())]);
        }
        return;
    }
    let icann_suffix = lookup.suffix_icann().map(|suffix| tail(&ascii, suffix));
    c.suffix = icann_suffix.map(|suffix| c.keep_within(suffix, &ascii, ascii_span));
    let registrable = lookup.domain_icann().map(|domain| tail(&ascii, domain));

    match registrable {
        // The host is a public suffix itself (a registrable domain needs a label before its
        // suffix, and empty labels were refused above).
        None => c.error("domain.is_suffix", &[("host", unicode_span.into())]),
        Some(registrable) => {
            if let Some((platform, _)) = full_suffix.filter(|(_, typ)| *typ == Some(psl::Type::Private)) {
                let platform = tail(&ascii, platform);
                if platform != ascii {
                    // D15 / D12 [C]: the holder of the registrable domain is the platform.
                    let platform = if is_plain { platform.into() } else { unicode_of(platform, &ascii, &unicode) };
                    let platform_span = c.keep_within(&platform, &unicode, unicode_span);
                    c.error("domain.platform_subdomain", &[("host", unicode_span.into()), ("platform", platform_span.into())]);
                }
            }
            let registrable_unicode = if is_plain { registrable.into() } else { unicode_of(registrable, &ascii, &unicode) };
            let registrable_unicode_span = c.keep_within(&registrable_unicode, &unicode, unicode_span);
            if registrable.len() < ascii.len() {
                let sub_len = ascii.len() - registrable.len() - 1;
                c.subdomain = ascii.get(..sub_len).map(|sub| c.keep_within(sub, &ascii, ascii_span));
                if c.ok() {
                    c.warning("domain.subdomain", &[("host", unicode_span.into()), ("registrable", registrable_unicode_span.into())]);
                }
            }
            c.registrable_unicode = Some(registrable_unicode_span);
            c.registrable = Some(c.keep_within(registrable, &ascii, ascii_span));
        }
    }

    // 5. Approved suffixes and reserved zones.
    tld::check_tld(c, tld, tld_span, flags, options);
    if let (Some(suffix), Some(entity_type), true) = (icann_suffix, options.entity_type, flags.has(TldFlags::ZONE)) {
        tld::check_zone(c, suffix, entity_type);
    }
}

/// Appends `value`'s `Display` form.
fn push_display(out: &mut String, value: impl std::fmt::Display) {
    use std::fmt::Write as _;
    let _ = write!(out, "{value}");
}

/// ToUnicode of `tail`, a trailing run of whole labels of `ascii`, taken from `unicode`
/// (ToUnicode of `ascii`): ToUnicode maps label by label, and a name that passed ToASCII
/// passes in every trailing part, so the labels are the same without decoding again.
fn unicode_of<'a>(tail: &'a str, ascii: &str, unicode: &'a str) -> std::borrow::Cow<'a, str> {
    use std::borrow::Cow;
    if unicode.len() == ascii.len() && unicode.is_ascii() {
        // No xn-- label: ToUnicode left the name as it was.
        if let Some(found) = unicode.get(unicode.len() - tail.len()..) {
            return Cow::Borrowed(found);
        }
    }
    let labels = tail.bytes().filter(|b| *b == b'.').count() + 1;
    if ascii.split('.').count() == unicode.split('.').count() {
        let mut dots = unicode.char_indices().rev().filter(|(_, c)| *c == '.');
        match labels.checked_sub(1).and_then(|skip| dots.nth(skip)) {
            Some((i, _)) => return Cow::Borrowed(unicode.get(i + 1..).unwrap_or_default()),
            None if labels == unicode.split('.').count() => return Cow::Borrowed(unicode),
            None => {}
        }
    }
    uts46::to_unicode(tail)
}

/// The end of `host` as long as `bytes`, a trailing part of it the PSL look-up found (at a
/// label boundary, so a `char` boundary too).
fn tail<'h>(host: &'h str, bytes: &[u8]) -> &'h str {
    host.get(host.len().saturating_sub(bytes.len())..).unwrap_or_default()
}

/// `domain.ip_address` when `mapped` (the host after the lenient UTS #46 mapping) is an
/// IPv4 address, or ends in a number as no domain does.
fn is_address(c: &mut DomainCheck<'_>, mapped: &str, host: Span) -> bool {
    match ip::classify(mapped) {
        HostKind::Ipv4(addr) => {
            // Dotted decimal by hand: `Display` pulls in the formatting machinery, which costs
            // more than the whole check in WebAssembly.
            let address = c.build_text(|out| {
                for (i, octet) in addr.octets().iter().enumerate() {
                    if i > 0 {
                        out.push('.');
                    }
                    if *octet >= 100 {
                        out.push(char::from(b'0' + octet / 100));
                    }
                    if *octet >= 10 {
                        out.push(char::from(b'0' + octet / 10 % 10));
                    }
                    out.push(char::from(b'0' + octet % 10));
                }
            });
            c.error("domain.ip_address", &[("host", host.into()), ("address", address.into()), ("version", 4i64.into())]);
            true
        }
        HostKind::NumericNotIpv4 => {
            c.add(Severity::Error, "domain.ip_address", "domain.ip_address.numeric", &[("host", host.into())], &[]);
            true
        }
        HostKind::Ipv6(_) | HostKind::Name => false,
    }
}

fn invalid(c: &mut DomainCheck<'_>, failure: &Failure, host: Span) {
    let codepoint = |c: &mut DomainCheck<'_>, ch: char| -> [(&'static str, Arg); 2] {
        let character = c.build_text(|out| out.push(ch));
        let codepoint = c.build_text(|out| push_display(out, format_args!("U+{:04X}", ch as u32)));
        [("character", character.into()), ("codepoint", codepoint.into())]
    };
    let label = |c: &mut DomainCheck<'_>, label: &str| -> Arg { c.push_text(label).into() };
    let mut params: Vec<(&'static str, Arg)> = vec![("rule", failure.rule().into()), ("host", host.into())];
    let key = match failure {
        Failure::Disallowed { character } => {
            params.extend(codepoint(c, *character));
            "domain.invalid.disallowed"
        }
        Failure::Std3 { character } => {
            params.extend(codepoint(c, *character));
            "domain.invalid.std3"
        }
        Failure::Hyphens { label: l } => {
            params.push(("label", label(c, l)));
            "domain.invalid.hyphens"
        }
        Failure::EmptyLabel => "domain.invalid.empty_label",
        Failure::LabelTooLong { label: l, length } => {
            params.push(("label", label(c, l)));
            params.push(("length", (*length).into()));
            "domain.invalid.label_too_long"
        }
        Failure::NameTooLong { length } => {
            params.push(("length", (*length).into()));
            "domain.invalid.name_too_long"
        }
        Failure::Bidi { label: l } => {
            params.push(("label", label(c, l)));
            "domain.invalid.bidi"
        }
        Failure::Joiners { label: l } => {
            params.push(("label", label(c, l)));
            "domain.invalid.joiners"
        }
        Failure::Punycode { label: l } => {
            params.push(("label", label(c, l)));
            "domain.invalid.punycode"
        }
        Failure::Validity { label: l } => {
            params.push(("label", label(c, l)));
            "domain.invalid.label"
        }
    };
    c.add(Severity::Error, "domain.invalid", key, &params, &[]);
}

/// `domain.stripped`: a warning, because what was pasted is not what the form field takes,
/// though the domain itself may be fine. White space is trimmed silently: every form does.
/// Params name the parts by key (`scheme,path`); the message names them in the locale.
fn report_stripped(c: &mut DomainCheck<'_>, stripped: &[Stripped], host: Span) {
    let locale = c.locale;
    let separator = match locale {
        crate::options::Locale::ZhCn => "、",
        crate::options::Locale::En => ", ",
    };
    let keys = c.build_text(|out| {
        for (i, part) in stripped.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(part.key());
        }
    });
    let names = c.build_text(|out| {
        for (i, part) in stripped.iter().enumerate() {
            if i > 0 {
                out.push_str(separator);
            }
            out.push_str(crate::catalogue::template(part.message_key(), locale).unwrap_or_default());
        }
    });
    c.add(Severity::Warning, "domain.stripped", "domain.stripped", &[("parts", keys.into()), ("host", host.into())], &[("parts", names.into())]);
}

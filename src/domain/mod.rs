//! The domain check (icp-rules.md §1): from whatever a person pasted to the domain that is
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

pub mod extract;
pub mod ip;
mod tld;
pub mod uts46;

use crate::issue::{params, Issue, Issues, Params, Severity};
use crate::options::Options;
use crate::psl;
use extract::Stripped;
use ip::HostKind;
use serde::Serialize;
use uts46::Failure;

/// Longest input we look at, in characters. A pasted URL with a long query fits easily; a
/// megabyte of text is refused at once rather than scanned.
pub const MAX_INPUT_CHARS: usize = 4096;

/// The result of [`check_domain`] (api.md `DomainReport`).
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
pub fn check_domain(input: &str, options: &Options) -> DomainReport {
    check_domain_at(input, options, "")
}

/// [`check_domain`] for a domain inside a larger form, with issues at `path`.
pub(crate) fn check_domain_at(input: &str, options: &Options, path: &str) -> DomainReport {
    let mut report = DomainReport::new(input);
    let mut issues = Issues::new(options.locale);
    analyse(input, options, path, &mut report, &mut issues);
    report.issues = issues.into_vec();
    report.ok = !report.issues.iter().any(|i| i.severity == Severity::Error);
    report
}

fn analyse(input: &str, options: &Options, path: &str, report: &mut DomainReport, issues: &mut Issues) {
    // Counting stops early: a huge string costs no more than MAX_INPUT_CHARS steps.
    if input.len() > MAX_INPUT_CHARS && input.chars().nth(MAX_INPUT_CHARS).is_some() {
        let length = input.chars().count();
        issues.error("domain.too_long", path, params!["length" => length, "max" => MAX_INPUT_CHARS]);
        return;
    }
    let extracted = extract::extract(input);
    let host = extracted.host.as_ref();
    if host.is_empty() || host == "." {
        issues.error("domain.empty", path, params![]);
        return;
    }
    report.host = Some(host.to_owned());
    if !extracted.stripped.is_empty() {
        report_stripped(&extracted.stripped, host, path, issues);
    }

    // 2. Addresses: bracketed or colon-bearing hosts are IPv6 attempts; everything else is
    // read the way a URL parser reads it, after the lenient UTS #46 mapping (so `１２７。１`
    // is caught as well as `127.1`).
    if extracted.bracketed || host.contains(':') {
        match ip::parse_ipv6(host) {
            Some(addr) => issues.error("domain.ip_address", path, params!["host" => host, "address" => addr.to_string(), "version" => 6i64]),
            None => invalid(&Failure::Std3 { character: ':' }, host, path, issues),
        }
        return;
    }

    // 3. UTS #46 with the registry's flags. When they pass, the lenient mapping a URL parser
    // applies gives the same string, so one pass serves both the address check and step 3
    // (see `uts46::process`); plain ASCII names skip `idna` altogether.
    let ascii = match uts46::process(host) {
        Ok(ascii) => {
            if is_address(host, &ascii, path, issues) {
                return;
            }
            ascii
        }
        Err(lenient) => {
            if lenient.as_deref().is_some_and(|lenient| is_address(host, lenient, path, issues)) {
                return;
            }
            invalid(&uts46::diagnose(host, lenient), host, path, issues);
            return;
        }
    };
    let unicode = uts46::to_unicode(&ascii);
    let tld = ascii.rsplit('.').next().unwrap_or_default();
    report.tld = Some(tld.to_owned());

    // 4. Names that are never public, then the Public Suffix List (one walk for both sections).
    if let Some((reserved, rfc)) = crate::rules::special_use(&ascii) {
        issues.error("domain.reserved", path, params!["host" => unicode.as_ref(), "reserved" => reserved, "rfc" => rfc]);
        report.unicode = Some(unicode.into_owned());
        report.ascii = Some(ascii.into_owned());
        return;
    }
    let lookup = psl::Lookup::new(ascii.as_bytes());
    let full_suffix = lookup.suffix_all();
    let known = full_suffix.is_some_and(|(_, typ)| typ.is_some());
    if !known {
        if !ascii.contains('.') {
            issues.error("domain.single_label", path, params!["host" => unicode.as_ref()]);
        } else {
            issues.error("domain.unknown_tld", path, params!["tld" => tld, "psl_version" => psl::version()]);
        }
        report.unicode = Some(unicode.into_owned());
        report.ascii = Some(ascii.into_owned());
        return;
    }
    let icann_suffix = lookup.suffix_icann().map(text);
    report.suffix = icann_suffix.map(str::to_owned);
    let registrable = lookup.domain_icann().map(text);

    match registrable {
        None => {
            let shown = match icann_suffix {
                Some(suffix) if suffix != ascii => ascii.as_ref(),
                _ => unicode.as_ref(),
            };
            issues.error("domain.is_suffix", path, params!["host" => shown]);
        }
        Some(registrable) => {
            if let Some((platform, _)) = full_suffix.filter(|(_, typ)| *typ == Some(psl::Type::Private)) {
                let platform = text(platform);
                if platform != ascii {
                    // D15 / D12 [C]: the holder of the registrable domain is the platform.
                    issues.error("domain.platform_subdomain", path, params!["host" => unicode.as_ref(), "platform" => unicode_of(platform, &ascii, &unicode).as_ref()]);
                }
            }
            let registrable_unicode = unicode_of(registrable, &ascii, &unicode);
            if registrable.len() < ascii.len() {
                let sub_len = ascii.len() - registrable.len() - 1;
                report.subdomain = ascii.get(..sub_len).map(str::to_owned);
                if !issues.has_errors() {
                    issues.warning("domain.subdomain", path, params!["host" => unicode.as_ref(), "registrable" => registrable_unicode.as_ref()]);
                }
            }
            report.registrable_unicode = Some(registrable_unicode.into_owned());
            report.registrable = Some(registrable.to_owned());
        }
    }

    // 5. Approved suffixes and reserved zones.
    tld::check_tld(tld, options, path, issues);
    if let (Some(suffix), Some(entity_type)) = (icann_suffix, options.entity_type) {
        tld::check_zone(suffix, entity_type, options.locale, path, issues);
    }
    report.unicode = Some(unicode.into_owned());
    report.ascii = Some(ascii.into_owned());
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

/// Bytes of an ASCII host the PSL look-up sliced at label boundaries: valid UTF-8.
fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap_or_default()
}

/// `domain.ip_address` when `mapped` (the host after the lenient UTS #46 mapping) is an
/// IPv4 address, or ends in a number as no domain does.
fn is_address(host: &str, mapped: &str, path: &str, issues: &mut Issues) -> bool {
    match ip::classify(mapped) {
        HostKind::Ipv4(addr) => {
            issues.error("domain.ip_address", path, params!["host" => host, "address" => addr.to_string(), "version" => 4i64]);
            true
        }
        HostKind::NumericNotIpv4 => {
            issues.add_with_message(Severity::Error, "domain.ip_address", "domain.ip_address.numeric", path, params!["host" => host]);
            true
        }
        HostKind::Ipv6(_) | HostKind::Name => false,
    }
}

fn invalid(failure: &Failure, host: &str, path: &str, issues: &mut Issues) {
    let codepoint = |c: char| format!("U+{:04X}", c as u32);
    let (key, mut params): (&str, Params) = match failure {
        Failure::Disallowed { character } => ("domain.invalid.disallowed", params!["character" => *character, "codepoint" => codepoint(*character)]),
        Failure::Std3 { character } => ("domain.invalid.std3", params!["character" => *character, "codepoint" => codepoint(*character)]),
        Failure::Hyphens { label } => ("domain.invalid.hyphens", params!["label" => label.as_str()]),
        Failure::EmptyLabel => ("domain.invalid.empty_label", params![]),
        Failure::LabelTooLong { label, length } => ("domain.invalid.label_too_long", params!["label" => label.as_str(), "length" => *length]),
        Failure::NameTooLong { length } => ("domain.invalid.name_too_long", params!["length" => *length]),
        Failure::Bidi { label } => ("domain.invalid.bidi", params!["label" => label.as_str()]),
        Failure::Joiners { label } => ("domain.invalid.joiners", params!["label" => label.as_str()]),
        Failure::Punycode { label } => ("domain.invalid.punycode", params!["label" => label.as_str()]),
        Failure::Validity { label } => ("domain.invalid.label", params!["label" => label.as_str()]),
    };
    params.0.insert(0, ("rule", failure.rule().into()));
    params.0.insert(1, ("host", host.into()));
    issues.add_with_message(Severity::Error, "domain.invalid", key, path, params);
}

/// `domain.stripped`: a warning, because what was pasted is not what the form field takes,
/// though the domain itself may be fine. White space is trimmed silently: every form does.
fn report_stripped(stripped: &[Stripped], host: &str, path: &str, issues: &mut Issues) {
    let locale = issues.locale();
    let separator = match locale {
        crate::options::Locale::ZhCn => "、",
        crate::options::Locale::En => ", ",
    };
    let mut names = String::new();
    let mut keys = String::new();
    for (i, part) in stripped.iter().enumerate() {
        if i > 0 {
            names.push_str(separator);
            keys.push(',');
        }
        names.push_str(&crate::catalogue::render(part.message_key(), locale, &Params::default()));
        keys.push_str(part.key());
    }
    let message = crate::catalogue::render("domain.stripped", locale, &params!["parts" => names, "host" => host]);
    issues.add_rendered(Severity::Warning, "domain.stripped", path, message, params!["parts" => keys, "host" => host]);
}

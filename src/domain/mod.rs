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
use crate::psl::{self, Psl};
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
    if let Some(lenient) = uts46::to_ascii_lenient(host) {
        match ip::classify(&lenient) {
            HostKind::Ipv4(addr) => {
                issues.error("domain.ip_address", path, params!["host" => host, "address" => addr.to_string(), "version" => 4i64]);
                return;
            }
            HostKind::NumericNotIpv4 => {
                issues.add_with_message(Severity::Error, "domain.ip_address", "domain.ip_address.numeric", path, params!["host" => host]);
                return;
            }
            HostKind::Ipv6(_) | HostKind::Name => {}
        }
    }

    // 3. UTS #46 with the registry's flags.
    let ascii = match uts46::to_ascii(host) {
        Ok(ascii) => ascii.into_owned(),
        Err(failure) => {
            invalid(&failure, host, path, issues);
            return;
        }
    };
    let unicode = uts46::to_unicode(&ascii).into_owned();
    let tld = ascii.rsplit('.').next().unwrap_or_default().to_owned();
    report.tld = Some(tld.clone());

    // 4. Names that are never public, then the Public Suffix List.
    if let Some((reserved, rfc)) = crate::rules::special_use(&ascii) {
        issues.error("domain.reserved", path, params!["host" => unicode.as_str(), "reserved" => reserved, "rfc" => rfc]);
        report.ascii = Some(ascii);
        report.unicode = Some(unicode);
        return;
    }
    let full_suffix = psl::ALL.suffix(ascii.as_bytes());
    let known = full_suffix.is_some_and(|s| s.is_known());
    if !known {
        if !ascii.contains('.') {
            issues.error("domain.single_label", path, params!["host" => unicode.as_str()]);
        } else {
            issues.error("domain.unknown_tld", path, params!["tld" => tld.as_str(), "psl_version" => psl::version()]);
        }
        report.ascii = Some(ascii);
        report.unicode = Some(unicode);
        return;
    }
    let icann_suffix = psl::ICANN.suffix(ascii.as_bytes()).map(|s| String::from_utf8_lossy(s.as_bytes()).into_owned());
    report.suffix = icann_suffix.clone();
    let registrable = psl::ICANN.domain(ascii.as_bytes()).map(|d| String::from_utf8_lossy(d.as_bytes()).into_owned());

    match &registrable {
        None => {
            let shown = match &icann_suffix {
                Some(suffix) if *suffix != ascii => ascii.as_str(),
                _ => unicode.as_str(),
            };
            issues.error("domain.is_suffix", path, params!["host" => shown]);
        }
        Some(registrable) => {
            if let Some(platform) = full_suffix.filter(|s| s.typ() == Some(psl::Type::Private)) {
                let platform = String::from_utf8_lossy(platform.as_bytes()).into_owned();
                if platform != ascii {
                    // D15 / D12 [C]: the holder of the registrable domain is the platform.
                    issues.error("domain.platform_subdomain", path, params!["host" => unicode.as_str(), "platform" => uts46::to_unicode(&platform).into_owned()]);
                }
            }
            let registrable_unicode = uts46::to_unicode(registrable).into_owned();
            if registrable.len() < ascii.len() {
                let sub_len = ascii.len() - registrable.len() - 1;
                report.subdomain = ascii.get(..sub_len).map(str::to_owned);
                if !issues.has_errors() {
                    issues.warning("domain.subdomain", path, params!["host" => unicode.as_str(), "registrable" => registrable_unicode.as_str()]);
                }
            }
            report.registrable_unicode = Some(registrable_unicode);
        }
    }
    report.registrable = registrable;

    // 5. Approved suffixes and reserved zones.
    tld::check_tld(&tld, options, path, issues);
    if let (Some(suffix), Some(entity_type)) = (&icann_suffix, options.entity_type) {
        tld::check_zone(suffix, entity_type, options.locale, path, issues);
    }
    report.ascii = Some(ascii);
    report.unicode = Some(unicode);
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
    let names: Vec<String> = stripped
        .iter()
        .map(|part| crate::catalogue::render(&format!("domain.stripped.{}", part.key()), locale, &Params::default()))
        .collect();
    let keys: Vec<&str> = stripped.iter().map(|p| p.key()).collect();
    let message = crate::catalogue::render("domain.stripped", locale, &params!["parts" => names.join(separator), "host" => host]);
    issues.add_rendered(Severity::Warning, "domain.stripped", path, message, params!["parts" => keys.join(","), "host" => host]);
}

//! The entry points as JavaScript calls them: untyped [`Value`]s in, reports out, and never
//! a panic or an exception for bad content or wrong types (docs/api.md). `src/wasm/` only
//! converts to and from JavaScript around these functions.

// No panic is reachable from the public entry points (a panic traps the WebAssembly module for
// the rest of the page's life): clippy refuses unwrap, expect, indexing and panics here.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented))]

use crate::domain::{check_domain, DomainReport};
#[cfg(feature = "forms")]
use crate::forms::{self, Checks, FilingContext, RegistrationReport};
use crate::input::{read_options, type_error, Value, MAX_BATCH};
#[cfg(feature = "forms")]
use crate::input::read_str;
#[cfg(feature = "forms")]
use crate::registration::DomainRegistration;
use crate::issue::{params, Issue, Issues};
#[cfg(feature = "forms")]
use crate::issue::Report;
use crate::options::{Date, Locale};

/// `checkDomain(input, options)`.
pub fn check_domain_value(input: &Value, options: &Value, system_today: Option<Date>) -> DomainReport {
    let (options, option_issues) = read_options(options, system_today);
    let option_issues = option_issues.into_vec();
    one_domain(input, &options, &option_issues)
}

/// `checkDomains(inputs, options)`: one report per item, in order. Not an array: one report
/// saying so. More than [`MAX_BATCH`] items: the first `MAX_BATCH`, and the last report says
/// how many were left out.
pub fn check_domains_value(inputs: &Value, options: &Value, system_today: Option<Date>) -> Vec<DomainReport> {
    let (options, option_issues) = read_options(options, system_today);
    let option_issues = option_issues.into_vec();
    let Value::Array { items, length } = inputs else {
        let mut issues = Issues::new(options.locale);
        type_error(inputs, "array", "", &mut issues);
        issues.extend(option_issues);
        return vec![DomainReport::from_issues(String::new(), issues.into_vec())];
    };
    let mut reports: Vec<DomainReport> = items.iter().map(|item| one_domain(item, &options, &option_issues)).collect();
    if *length > items.len() {
        reports.push(too_many_domains(*length, options.locale));
    }
    reports
}

/// The report that ends a batch of more than [`MAX_BATCH`] domains.
pub fn too_many_domains(length: usize, locale: Locale) -> DomainReport {
    let mut issues = Issues::new(locale);
    issues.error("field.too_many", "", params!["count" => length, "max" => MAX_BATCH]);
    DomainReport::from_issues(String::new(), issues.into_vec())
}


/// `validateEntity(entity, options)`.
#[cfg(feature = "forms")]
pub fn validate_entity_value(entity: &Value, options: &Value, system_today: Option<Date>) -> Report {
    form(entity, options, system_today, |v, issues| crate::input::forms::read_entity(v, "", issues), forms::validate_entity)
}

/// `validateWebsite(website, options)`.
#[cfg(feature = "forms")]
pub fn validate_website_value(website: &Value, options: &Value, system_today: Option<Date>) -> Report {
    form(website, options, system_today, |v, issues| crate::input::forms::read_website(v, "", issues), forms::validate_website)
}

/// `validateApp(app, options)`.
#[cfg(feature = "forms")]
pub fn validate_app_value(app: &Value, options: &Value, system_today: Option<Date>) -> Report {
    form(app, options, system_today, |v, issues| crate::input::forms::read_app(v, "", issues), forms::validate_app)
}

/// `validateFiling(filing, options)`.
#[cfg(feature = "forms")]
pub fn validate_filing_value(filing: &Value, options: &Value, system_today: Option<Date>) -> Report {
    form(filing, options, system_today, crate::input::forms::read_filing, forms::validate_filing)
}

/// `parseRecordNumber(input, options)`.
#[cfg(feature = "forms")]
pub fn parse_record_number_value(input: &Value, options: &Value, system_today: Option<Date>) -> forms::RecordNumberReport {
    let (options, option_issues) = read_options(options, system_today);
    let mut report = string_input(input, options.locale, ("field.too_long", crate::input::MAX_STRING), |text| {
        forms::parse_record_number(text, &options)
    });
    report.issues.extend(option_issues.into_vec());
    report
}

/// `checkRegistration(registration, options)`: `options` may also carry `entity` (the filing
/// entity the holder must be) and `domain` (the filed domain). Problems with either are
/// warnings, as with every option.
#[cfg(feature = "forms")]
pub fn check_registration_value(registration: &Value, options: &Value, system_today: Option<Date>) -> RegistrationReport {
    let (parsed_options, option_issues) = read_options(options, system_today);
    let mut context_issues = Issues::new(parsed_options.locale);
    let entity = options.get("entity").and_then(|e| crate::input::forms::read_entity(e, "options.entity", &mut context_issues));
    let domain = read_str(options.get("domain"), "options.domain", &mut context_issues).map(str::to_owned);
    let against = FilingContext { entity: entity.as_ref(), domain: domain.as_deref() };

    let mut issues = Issues::new(parsed_options.locale);
    let input = match registration {
        Value::String { text, cut_from: None, .. } => Some(forms::Registration::Text(text.clone())),
        Value::String { cut_from: Some(length), .. } => {
            issues.error("field.too_long", "", params!["length" => *length, "max" => crate::registration::MAX_TEXT]);
            None
        }
        Value::Undefined | Value::Null => {
            issues.error("field.required", "", params![]);
            None
        }
        other => crate::input::forms::read_registration(other, "", &mut issues),
    };
    let (registration, checks) = match &input {
        Some(input) => {
            let mut ctx = forms::Ctx::new(&parsed_options, &mut issues);
            forms::registration::check_input(input, &against, "", true, &mut ctx)
        }
        None => (None, Checks::default()),
    };
    let mut all = issues.into_vec();
    all.extend(context_issues.into_vec().into_iter().map(|mut issue| {
        issue.severity = crate::Severity::Warning;
        issue
    }));
    all.extend(option_issues.into_vec());
    RegistrationReport::new(all, registration, checks)
}

/// `parseWhois(text)`: what a WHOIS answer says, or an empty registration when it is not one
/// (`checkRegistration` says why).
#[cfg(feature = "forms")]
pub fn parse_whois_value(text: &Value) -> DomainRegistration {
    match text {
        Value::String { text, cut_from: None, .. } => crate::registration::parse_whois(text).unwrap_or_default(),
        _ => DomainRegistration::default(),
    }
}

/// `parseRdap(answer)`: an RDAP domain answer, as JSON text or as the parsed object.
#[cfg(feature = "forms")]
pub fn parse_rdap_value(answer: &Value) -> DomainRegistration {
    match answer {
        Value::String { text, cut_from: None, .. } => crate::registration::parse_rdap(text).unwrap_or_default(),
        Value::Object(_) => crate::registration::rdap::read(answer).map(|p| p.registration).unwrap_or_default(),
        _ => DomainRegistration::default(),
    }
}

/// `checkServer(ip, options)` with the region table the page loaded (or none yet).
#[cfg(feature = "forms")]
pub fn check_server_value(input: &Value, options: &Value, regions: Option<&crate::server::ServerRegions<'_>>) -> crate::server::ServerReport {
    let (options, option_issues) = read_options(options, None);
    let mut report = match input {
        Value::String { text, cut_from: None, .. } => crate::server::check_server(text, regions, &options),
        other => {
            let mut issues = Issues::new(options.locale);
            match other {
                Value::String { cut_from: Some(length), .. } => issues.error("field.too_long", "", params!["length" => *length, "max" => crate::input::MAX_STRING]),
                other => type_error(other, "string", "", &mut issues),
            }
            let issues = issues.into_vec();
            crate::server::ServerReport { ok: false, issues, ip: None, region: None, source: regions.map(crate::server::ServerRegions::source) }
        }
    };
    report.issues.extend(option_issues.into_vec());
    report
}

/// A report whose input is one string (`checkDomain`, `parseRecordNumber`).
trait StringReport {
    fn issues_mut(&mut self) -> &mut Vec<Issue>;
    /// A report of nothing but `issues`, for an input that could not be checked.
    fn refused(input: String, issues: Vec<Issue>) -> Self;
}

impl StringReport for DomainReport {
    fn issues_mut(&mut self) -> &mut Vec<Issue> {
        &mut self.issues
    }
    fn refused(input: String, issues: Vec<Issue>) -> Self {
        DomainReport::from_issues(input, issues)
    }
}

#[cfg(feature = "forms")]
impl StringReport for forms::RecordNumberReport {
    fn issues_mut(&mut self) -> &mut Vec<Issue> {
        &mut self.issues
    }
    fn refused(_input: String, issues: Vec<Issue>) -> Self {
        forms::RecordNumberReport::from_issues(issues)
    }
}

/// Runs `check` on a string input; a string cut at the boundary is `too_long` (code, max),
/// lone surrogates add `field.encoding`, anything else is `field.type`.
fn string_input<R: StringReport>(input: &Value, locale: Locale, too_long: (&'static str, usize), check: impl FnOnce(&str) -> R) -> R {
    let mut issues = Issues::new(locale);
    match input {
        Value::String { text, cut_from: Some(length), .. } => {
            issues.error(too_long.0, "", params!["length" => *length, "max" => too_long.1]);
            R::refused(text.clone(), issues.into_vec())
        }
        Value::String { text, lone_surrogates, cut_from: None } => {
            let mut report = check(text);
            if *lone_surrogates {
                issues.warning("field.encoding", "", params![]);
                report.issues_mut().splice(0..0, issues.into_vec());
            }
            report
        }
        other => {
            type_error(other, "string", "", &mut issues);
            R::refused(String::new(), issues.into_vec())
        }
    }
}

/// Reads a form from untyped input (wrong types become `field.type` at their paths), then
/// validates what could be read. A value that is not an object at all is one `field.type`.
#[cfg(feature = "forms")]
fn form<T: Default>(
    value: &Value,
    options: &Value,
    system_today: Option<Date>,
    read: impl FnOnce(&Value, &mut Issues) -> Option<T>,
    validate: impl FnOnce(&T, &crate::Options) -> Report,
) -> Report {
    let (options, option_issues) = read_options(options, system_today);
    let mut issues = Issues::new(options.locale);
    let typed = read(value, &mut issues);
    if typed.is_none() && !value.is_absent() {
        // `read` reported the wrong type; nothing else can be said.
        issues.extend(option_issues.into_vec());
        return Report::from_issues(issues.into_vec());
    }
    let report = validate(&typed.unwrap_or_default(), &options);
    let mut all = issues.into_vec();
    all.extend(report.issues);
    all.extend(option_issues.into_vec());
    Report::from_issues(all)
}

/// `checkDomain`'s report for one untyped input, with options already read.
pub fn one_domain(input: &Value, options: &crate::Options, option_issues: &[Issue]) -> DomainReport {
    let mut report = string_input(input, options.locale, ("domain.too_long", crate::domain::MAX_INPUT_CHARS), |text| {
        check_domain(text, options)
    });
    report.issues.extend(option_issues.iter().cloned());
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(fields: &[(&str, Value)]) -> Value {
        Value::Object(fields.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect())
    }

    #[test]
    fn wrong_types_are_issues() {
        for input in [Value::Null, Value::Number(1.0), Value::Bool(true), Value::Object(vec![]), Value::Other("symbol")] {
            let report = check_domain_value(&input, &Value::Undefined, None);
            assert!(!report.ok);
            assert_eq!(report.issues[0].code, "field.type", "{input:?}");
        }
    }

    #[test]
    fn options_are_read_and_bad_ones_reported() {
        let en_beijing = options(&[("locale", Value::str("en")), ("province", Value::str("京"))]);
        let report = check_domain_value(&Value::str("mysite.asia"), &en_beijing, None);
        assert!(!report.ok);
        assert!(report.issues[0].message.starts_with("The Beijing"), "{}", report.issues[0].message);

        let bad = options(&[("locale", Value::Number(1.0)), ("province", Value::str("火星")), ("entityType", Value::str("alien"))]);
        let report = check_domain_value(&Value::str("mysite.com"), &bad, None);
        assert!(report.ok);
        let paths: Vec<&str> = report.issues.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(paths, vec!["options.locale", "options.province", "options.entityType"]);
        let report = check_domain_value(&Value::str("mysite.com"), &Value::str("en"), None);
        assert_eq!(report.issues[0].path, "options");
        // Bad options are warnings: `ok` means no error, and options never make a domain,
        // a form or a record number fail.
        assert!(report.ok && report.issues.iter().all(|i| i.severity == crate::Severity::Warning), "{:?}", report.issues);
        let form = validate_entity_value(&Value::Object(vec![]), &Value::Number(1.0), None);
        assert!(form.issues.iter().any(|i| i.path == "options" && i.severity == crate::Severity::Warning));
        let record = parse_record_number_value(&Value::str("京ICP备12345678号-1"), &Value::Bool(true), None);
        assert!(record.ok, "{:?}", record.issues);
    }

    #[test]
    fn batches() {
        let items = vec![Value::str("mysite.com"), Value::Null, Value::str("1.1.1.1")];
        let reports = check_domains_value(&Value::Array { items, length: 3 }, &Value::Undefined, None);
        let ok: Vec<bool> = reports.iter().map(|r| r.ok).collect();
        assert_eq!(ok, vec![true, false, false]);
        let reports = check_domains_value(&Value::str("mysite.com"), &Value::Undefined, None);
        assert_eq!(reports.len(), 1);
        assert_eq!(reports[0].issues[0].code, "field.type");
        let reports = check_domains_value(&Value::Array { items: vec![], length: MAX_BATCH + 5 }, &Value::Undefined, None);
        assert_eq!(reports[0].issues[0].code, "field.too_many");
    }

    #[test]
    fn lone_surrogates_are_reported() {
        let input = Value::String { text: "my\u{FFFD}site.com".into(), lone_surrogates: true, cut_from: None };
        let report = check_domain_value(&input, &Value::Undefined, None);
        assert_eq!(report.issues[0].code, "field.encoding");
        assert!(!report.ok, "U+FFFD is not allowed in a domain");
        let input = Value::String { text: "a".repeat(10), lone_surrogates: false, cut_from: Some(1 << 20) };
        let report = check_domain_value(&input, &Value::Undefined, None);
        assert_eq!(report.issues[0].code, "domain.too_long");
    }
}

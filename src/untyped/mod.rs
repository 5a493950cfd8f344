//! The entry points as JavaScript calls them: untyped [`Value`]s in, reports out, and never
//! a panic or an exception for bad content or wrong types (docs/api.md). `src/wasm/` only
//! converts to and from JavaScript around these functions. The domain entry points are here;
//! those of the forms, registration and server checks are in [`forms`], which a domain-only
//! build (no `forms` feature) leaves out.

// No panic is reachable from the public entry points (a panic traps the WebAssembly module for
// the rest of the page's life): clippy refuses unwrap, expect, indexing and panics here.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented))]

use crate::domain::{check_domain, DomainReport};
use crate::input::{read_options, type_error, Value, MAX_BATCH};
use crate::issue::{params, Issue, Issues};
use crate::options::{Date, Locale};

#[cfg(feature = "forms")]
mod forms;
#[cfg(feature = "forms")]
pub use forms::*;

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

/// `checkDomain`'s report for one untyped input, with options already read.
pub fn one_domain(input: &Value, options: &crate::Options, option_issues: &[Issue]) -> DomainReport {
    let mut report = string_input(input, options.locale, ("domain.too_long", crate::domain::MAX_INPUT_CHARS), |text| {
        check_domain(text, options)
    });
    report.issues.extend(option_issues.iter().cloned());
    report
}

/// A report whose input is one string (`checkDomain`, `parseRecordNumber`).
pub(super) trait StringReport {
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

/// Runs `check` on a string input; a string cut at the boundary is `too_long` (code, max),
/// lone surrogates add `field.encoding`, anything else is `field.type`.
pub(super) fn string_input<R: StringReport>(input: &Value, locale: Locale, too_long: (&'static str, usize), check: impl FnOnce(&str) -> R) -> R {
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
        // Bad options are warnings: `ok` means no error, and options never make a domain fail
        // (nor a form or a record number: `forms`' tests).
        assert!(report.ok && report.issues.iter().all(|i| i.severity == crate::Severity::Warning), "{:?}", report.issues);
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

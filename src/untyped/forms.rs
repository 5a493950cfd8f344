//! The entry points of the forms, the record numbers, domain verification and the server
//! check, as JavaScript calls them (see the parent module). Built with the `forms` feature.

use super::{string_input, StringReport};
use crate::forms::{self, Checks, FilingContext, RegistrationReport};
use crate::input::{read_options, read_str, type_error, Value};
use crate::issue::{params, Issue, Issues, Report};
use crate::options::Date;
use crate::registration::DomainRegistration;

/// `validateEntity(entity, options)`.
pub fn validate_entity_value(entity: &Value, options: &Value, system_today: Option<Date>) -> Report {
    form(entity, options, system_today, |v, issues| crate::input::forms::read_entity(v, "", issues), forms::validate_entity)
}

/// `validateWebsite(website, options)`.
pub fn validate_website_value(website: &Value, options: &Value, system_today: Option<Date>) -> Report {
    form(website, options, system_today, |v, issues| crate::input::forms::read_website(v, "", issues), forms::validate_website)
}

/// `validateApp(app, options)`.
pub fn validate_app_value(app: &Value, options: &Value, system_today: Option<Date>) -> Report {
    form(app, options, system_today, |v, issues| crate::input::forms::read_app(v, "", issues), forms::validate_app)
}

/// `validateFiling(filing, options)`.
pub fn validate_filing_value(filing: &Value, options: &Value, system_today: Option<Date>) -> Report {
    form(filing, options, system_today, crate::input::forms::read_filing, forms::validate_filing)
}

/// `parseRecordNumber(input, options)`.
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
pub fn parse_whois_value(text: &Value) -> DomainRegistration {
    match text {
        Value::String { text, cut_from: None, .. } => crate::registration::parse_whois(text).unwrap_or_default(),
        _ => DomainRegistration::default(),
    }
}

/// `parseRdap(answer)`: an RDAP domain answer, as JSON text or as the parsed object.
pub fn parse_rdap_value(answer: &Value) -> DomainRegistration {
    match answer {
        Value::String { text, cut_from: None, .. } => crate::registration::parse_rdap(text).unwrap_or_default(),
        Value::Object(_) => crate::registration::rdap::read(answer).map(|p| p.registration).unwrap_or_default(),
        _ => DomainRegistration::default(),
    }
}

/// `checkServer(ip, options)` with the region table the page loaded (or none yet).
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

/// Reads a form from untyped input (wrong types become `field.type` at their paths), then
/// validates what could be read. A value that is not an object at all is one `field.type`.
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

impl StringReport for forms::RecordNumberReport {
    fn issues_mut(&mut self) -> &mut Vec<Issue> {
        &mut self.issues
    }
    fn refused(_input: String, issues: Vec<Issue>) -> Self {
        forms::RecordNumberReport::from_issues(issues)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WHOIS: &str = include_str!("../../tests/fixtures/registration/cnnic-google.cn.txt");
    const RDAP: &str = include_str!("../../tests/fixtures/registration/rdap-bitcoin.top.json");

    #[test]
    fn parse_whois_reads_a_whole_string_only() {
        assert_eq!(parse_whois_value(&Value::str(WHOIS)).domain.as_deref(), Some("google.cn"));
        // Cut at the boundary, or not a string: nothing is read, and nothing is made up.
        let cut = Value::String { text: WHOIS.to_owned(), lone_surrogates: false, cut_from: Some(WHOIS.len() + 1) };
        assert_eq!(parse_whois_value(&cut), DomainRegistration::default());
        assert_eq!(parse_whois_value(&Value::Number(1.0)), DomainRegistration::default());
    }

    #[test]
    fn parse_rdap_reads_the_text_or_the_parsed_object() {
        let from_text = parse_rdap_value(&Value::str(RDAP));
        assert_eq!(from_text.domain.as_deref(), Some("bitcoin.top"));
        let object = crate::registration::json::parse(RDAP).expect("the fixture is JSON");
        assert_eq!(parse_rdap_value(&object), from_text);
        assert_eq!(parse_rdap_value(&Value::Null), DomainRegistration::default());
    }

    #[test]
    fn a_form_of_the_wrong_type_is_one_issue_and_a_missing_one_is_checked_empty() {
        // Not an object: `field.type` and nothing else (the empty form's required fields
        // would only repeat it).
        let wrong = validate_entity_value(&Value::Number(1.0), &Value::Undefined, None);
        let codes: Vec<&str> = wrong.issues.iter().map(|i| i.code).collect();
        assert_eq!(codes, ["field.type"]);
        // Absent: the empty form is validated, so each required field is named.
        let absent = validate_entity_value(&Value::Undefined, &Value::Undefined, None);
        assert!(absent.issues.len() > 1 && absent.issues.iter().all(|i| i.code != "field.type"), "{:?}", absent.issues);
    }

    #[test]
    fn a_record_number_with_lone_surrogates_says_so() {
        let input = Value::String { text: "京ICP备12345678号-1".into(), lone_surrogates: true, cut_from: None };
        let report = parse_record_number_value(&input, &Value::Undefined, None);
        assert_eq!(report.issues.first().map(|i| i.code), Some("field.encoding"));
    }

    #[test]
    fn bad_options_never_make_a_form_or_a_record_number_fail() {
        let form = validate_entity_value(&Value::Object(vec![]), &Value::Number(1.0), None);
        assert!(form.issues.iter().any(|i| i.path == "options" && i.severity == crate::Severity::Warning));
        let record = parse_record_number_value(&Value::str("京ICP备12345678号-1"), &Value::Bool(true), None);
        assert!(record.ok, "{:?}", record.issues);
    }
}

//! Domain verification (域名信息核验, docs/rules.md §1.3 D10–D14): what MIIT checks of a filed
//! domain's registration, checked against the filing before it is submitted.
//!
//! | point | rule | finding |
//! |---|---|---|
//! | the TLD is approved | §1.2 [C] | the domain check's own codes, at `domain` |
//! | the registration is for the filed domain | — | `registration.domain_mismatch` (warning: nothing else is checked) |
//! | the registrar is MIIT-approved | D10 [C] | `registration.registrar_not_approved` (error where the table's row is confirmed), `registration.registrar_unknown` (warning) |
//! | within its registration period | D13 [C]; the margin [U] | `registration.expired` (error), `registration.expiring` (warning, the province's `domain_min_validity_days`) |
//! | not on hold or being deleted | D14 [U]; past expiry [C] | `registration.hold` (warning for holds, error while being deleted) |
//! | real-name verification done, and synced | D11 [C] | `registration.real_name_missing` (error), `registration.real_name_recent` (warning, under 3 working days) |
//! | the holder is the filing entity | D12 [C] | `registration.holder_mismatch` (error; warning where some provinces allow it or where we cannot compare scripts), `registration.holder_redacted` (warning: cannot be checked here) |
//!
//! Each point also gives a [`Check`] in the report's `checks`, so a console can show what was
//! verified, what failed and what could not be known from the data given.

use super::{join, Ctx, Entity, Registration};
use crate::domain::check_domain;
use crate::issue::{params, Issue, Issues, Param, Severity};
use crate::options::{Date, Options};
use crate::registration::registrars::{self, Approval, Basis};
use crate::registration::{self, calendar_date, status_kind, DomainRegistration, Note, Parsed, StatusKind, Unreadable};
use crate::rules::EntityType;
use serde::Serialize;

/// What a registration is checked against: the filing's entity and the domain it files.
#[derive(Clone, Copy, Debug, Default)]
pub struct FilingContext<'a> {
    /// The filing entity (主办单位) the holder must be.
    pub entity: Option<&'a Entity>,
    /// The domain being filed; the registration must be for it.
    pub domain: Option<&'a str>,
}

/// The outcome of one point of the verification.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Check {
    Passed,
    Warning,
    Failed,
    /// The data given does not show it (no expiry date, a redacted holder, no entity to compare).
    Unknown,
}

/// Each point of the verification (docs/api.md `RegistrationReport.checks`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Checks {
    pub domain: Check,
    pub registrar: Check,
    pub validity: Check,
    pub status: Check,
    pub real_name: Check,
    pub holder: Check,
}

impl Checks {
    const UNKNOWN: Checks =
        Checks { domain: Check::Unknown, registrar: Check::Unknown, validity: Check::Unknown, status: Check::Unknown, real_name: Check::Unknown, holder: Check::Unknown };
}

impl Default for Checks {
    /// Nothing known.
    fn default() -> Self {
        Checks::UNKNOWN
    }
}

/// The result of [`check_registration`] (docs/api.md `RegistrationReport`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RegistrationReport {
    pub ok: bool,
    pub issues: Vec<Issue>,
    /// What was read, normalised; `None` when nothing could be.
    pub registration: Option<DomainRegistration>,
    pub checks: Checks,
}

impl RegistrationReport {
    pub(crate) fn new(issues: Vec<Issue>, registration: Option<DomainRegistration>, checks: Checks) -> Self {
        RegistrationReport { ok: !issues.iter().any(|i| i.severity == Severity::Error), issues, registration, checks }
    }
}

/// `checkRegistration(registration, options)`: the verification of one registration, with
/// issues at paths of its fields (`expiresAt`, `holder`, `status.0`).
///
/// ```
/// use icp_precheck::{check_registration, parse_whois, FilingContext, Options};
/// let whois = "Domain Name: mysite.com\nRegistrar: GoDaddy.com, LLC\nRegistrar IANA ID: 146\n";
/// let registration = parse_whois(whois).unwrap();
/// let report = check_registration(&registration, &FilingContext::default(), &Options::default());
/// assert_eq!(report.issues[0].code, "registration.registrar_not_approved");
/// ```
pub fn check_registration(registration: &DomainRegistration, against: &FilingContext, options: &Options) -> RegistrationReport {
    let mut issues = Issues::new(options.locale);
    let mut ctx = Ctx::new(options, &mut issues);
    let checks = check_at(registration, against, "", true, &mut ctx);
    RegistrationReport::new(issues.into_vec(), Some(registration.clone()), checks)
}

/// [`check_registration`] of a pasted WHOIS or RDAP answer.
pub fn check_registration_text(text: &str, against: &FilingContext, options: &Options) -> RegistrationReport {
    let mut issues = Issues::new(options.locale);
    match registration::read_text(text) {
        Ok(parsed) => {
            let mut ctx = Ctx::new(options, &mut issues);
            let checks = check_parsed(&parsed, against, "", true, &mut ctx);
            RegistrationReport::new(issues.into_vec(), Some(parsed.registration), checks)
        }
        Err(reason) => {
            unreadable(&reason, "", &mut issues);
            RegistrationReport::new(issues.into_vec(), None, Checks::UNKNOWN)
        }
    }
}

/// Any [`Registration`] a caller gives: read when it is text, then checked. Returns what was
/// read, and each point's outcome.
pub(crate) fn check_input(input: &Registration, against: &FilingContext, path: &str, report_domain: bool, ctx: &mut Ctx) -> (Option<DomainRegistration>, Checks) {
    let read;
    let parsed = match input {
        Registration::Text(text) => match registration::read_text(text) {
            Ok(parsed) => {
                read = parsed;
                &read
            }
            Err(reason) => {
                unreadable(&reason, path, ctx.issues);
                return (None, Checks::UNKNOWN);
            }
        },
        Registration::Record(record) => return (Some(record.clone()), check_at(record, against, path, report_domain, ctx)),
        Registration::Parsed(parsed) => parsed,
        Registration::Unreadable(reason) => {
            unreadable(reason, path, ctx.issues);
            return (None, Checks::UNKNOWN);
        }
    };
    (Some(parsed.registration.clone()), check_parsed(parsed, against, path, report_domain, ctx))
}

/// A website's registrations (`websites.N.registrations`), each matched to the website's
/// domain it is for: the one with the same registrable domain, or the only one when the
/// registration names none.
pub(crate) fn check_website(registrations: &[Registration], filed: &[(String, String)], entity: Option<&Entity>, path: &str, ctx: &mut Ctx) {
    let list = join(path, "registrations");
    for (i, given) in registrations.iter().enumerate() {
        // A text is read once, here: its domain picks the website domain it is checked against.
        let read;
        let input = match given {
            Registration::Text(text) => {
                read = match registration::read_text(text) {
                    Ok(parsed) => Registration::Parsed(parsed),
                    Err(reason) => Registration::Unreadable(reason),
                };
                &read
            }
            other => other,
        };
        let named = match input {
            Registration::Record(record) => record.domain.clone(),
            Registration::Parsed(parsed) => parsed.registration.domain.clone(),
            Registration::Text(_) | Registration::Unreadable(_) => None,
        };
        let registrable = named.as_deref().and_then(|d| check_domain(d, ctx.options).registrable);
        let domain = match (&registrable, filed) {
            (Some(r), _) => filed.iter().find(|(_, f)| f == r).or(filed.first()).map(|(_, f)| f.as_str()),
            (None, [(_, only)]) => Some(only.as_str()),
            (None, _) => None,
        };
        check_input(input, &FilingContext { entity, domain }, &join(&list, i), false, ctx);
    }
}

/// Reports why a registration could not be read.
pub(crate) fn unreadable(reason: &Unreadable, path: &str, issues: &mut Issues) {
    match reason {
        Unreadable::NotRegistration => issues.error("registration.unreadable", path, params![]),
        Unreadable::NotFound => issues.error("registration.not_found", path, params![]),
        Unreadable::NotDomain(class) => {
            issues.add_with_message(Severity::Error, "registration.unreadable", "registration.unreadable.not_domain", path, params!["class" => class.as_str()])
        }
        Unreadable::RdapError(code) => {
            issues.add_with_message(Severity::Error, "registration.unreadable", "registration.unreadable.rdap_error", path, params!["error" => code.as_str()])
        }
        Unreadable::Json { line, column } => {
            issues.add_with_message(Severity::Error, "registration.unreadable", "registration.unreadable.json", path, params!["line" => *line, "column" => *column])
        }
        Unreadable::TooLong(length) => issues.error("field.too_long", path, params!["length" => *length, "max" => registration::MAX_TEXT]),
    }
}

/// A parsed registration: its notes as warnings, then the checks.
pub(crate) fn check_parsed(parsed: &Parsed, against: &FilingContext, path: &str, report_domain: bool, ctx: &mut Ctx) -> Checks {
    for Note { field, expected } in &parsed.notes {
        ctx.issues.warning("registration.unreadable_field", path, params!["field" => field.as_str(), "expected" => *expected]);
    }
    check_at(&parsed.registration, against, path, report_domain, ctx)
}

/// Every point, with issues under `path`. `report_domain` is false inside a filing, whose
/// domains are checked at their own fields already.
pub(crate) fn check_at(r: &DomainRegistration, against: &FilingContext, path: &str, report_domain: bool, ctx: &mut Ctx) -> Checks {
    let mut checks = Checks::UNKNOWN;
    let (domain, other_domain) = check_domain_field(r, against, path, report_domain, ctx);
    checks.domain = domain;
    if other_domain {
        // Another domain's registration says nothing about the filed one.
        return checks;
    }
    checks.registrar = check_registrar(r, path, ctx);
    checks.validity = check_validity(r, path, ctx);
    checks.status = check_status(r, path, ctx);
    checks.real_name = check_real_name(r, path, ctx);
    checks.holder = check_holder(r, against.entity, path, ctx);
    checks
}

/// The registration's domain through the domain check (its TLD must be approved, §1.2), and
/// against the filed domain: both compared as registrable domains in A-labels. Also says
/// whether the registration is of another domain than the filed one.
fn check_domain_field(r: &DomainRegistration, against: &FilingContext, path: &str, report_domain: bool, ctx: &mut Ctx) -> (Check, bool) {
    let path = join(path, "domain");
    let filed = against.domain.and_then(|d| check_domain(d, ctx.options).registrable);
    let Some(domain) = r.domain.as_deref().map(str::trim).filter(|d| !d.is_empty()) else {
        return (Check::Unknown, false);
    };
    let report = crate::domain::check_domain_at(domain, ctx.options, &path);
    if let (Some(filed), Some(registered)) = (&filed, &report.registrable) {
        if filed != registered {
            ctx.issues.warning("registration.domain_mismatch", &path, params!["domain" => registered.as_str(), "expected" => filed.as_str()]);
            return (Check::Warning, true);
        }
    }
    let severity = report.issues.iter().map(|i| i.severity).max_by_key(|s| *s == Severity::Error);
    if report_domain {
        ctx.issues.extend(report.issues);
    }
    let check = match severity {
        Some(Severity::Error) => Check::Failed,
        Some(Severity::Warning) => Check::Warning,
        None => Check::Passed,
    };
    (check, false)
}

/// D10: the registrar by IANA ID, else by name, in the registrar table.
fn check_registrar(r: &DomainRegistration, path: &str, ctx: &mut Ctx) -> Check {
    let name = r.registrar.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let path = join(path, if name.is_none() { "registrarIanaId" } else { "registrar" });
    let label = match (name, r.registrar_iana_id) {
        (Some(name), _) => name.to_owned(),
        (None, Some(id)) => format!("IANA {id}"),
        (None, None) => {
            ctx.issues.add_with_message(Severity::Warning, "registration.registrar_unknown", "registration.registrar_unknown.missing", &path, params![]);
            return Check::Unknown;
        }
    };
    let mut params = params!["registrar" => label];
    if let Some(id) = r.registrar_iana_id {
        params.0.push(("iana_id", Param::from(id)));
    }
    match registrars::find(r.registrar_iana_id, name) {
        Some(known) if known.approval == Approval::Approved => Check::Passed,
        Some(known) if known.approval == Approval::NotApproved => {
            let (severity, check) = match known.basis {
                Basis::Confirmed => (Severity::Error, Check::Failed),
                Basis::Inferred => (Severity::Warning, Check::Warning),
            };
            ctx.issues.add(severity, "registration.registrar_not_approved", &path, params);
            check
        }
        _ => {
            ctx.issues.warning("registration.registrar_unknown", &path, params);
            Check::Warning
        }
    }
}

/// D13: expired is an error; less validity left than the province asks, a warning (the margin
/// differs between providers: [U]).
fn check_validity(r: &DomainRegistration, path: &str, ctx: &mut Ctx) -> Check {
    let path = join(path, "expiresAt");
    let Some(text) = r.expires_at.as_deref().map(str::trim).filter(|t| !t.is_empty()) else { return Check::Unknown };
    let Some(expires) = calendar_date(text) else {
        ctx.issues.warning("registration.unreadable_field", &path, params!["field" => "expiresAt", "expected" => "date"]);
        return Check::Unknown;
    };
    if expires < ctx.today {
        ctx.issues.error("registration.expired", &path, params!["date" => expires.to_string()]);
        return Check::Failed;
    }
    let days = ctx.today.days_until(expires);
    let min_days = ctx.profile.domain_min_validity_days;
    if days < i64::from(min_days) {
        let params = params!["date" => expires.to_string(), "days" => days, "min_days" => min_days];
        match ctx.options.province {
            Some(province) => {
                let mut stored = params.clone();
                stored.0.push(("province", Param::from(province.code())));
                let display = params!["province" => province.name(ctx.issues.locale())];
                ctx.issues.add_displayed(Severity::Warning, "registration.expiring", "registration.expiring.province", &path, stored, display);
            }
            None => ctx.issues.warning("registration.expiring", &path, params),
        }
        return Check::Warning;
    }
    Check::Passed
}

/// D14: a hold takes the domain out of the DNS (a warning: what a 管局 does with it is [U]);
/// a domain in redemption or pending deletion is past its registration period (an error, D13).
fn check_status(r: &DomainRegistration, path: &str, ctx: &mut Ctx) -> Check {
    if r.status.is_empty() {
        return Check::Unknown;
    }
    let cn = r.domain.as_deref().is_some_and(|d| d.ends_with(".cn") || d.ends_with(".xn--fiqs8s") || d.ends_with(".中国"));
    let mut check = Check::Passed;
    for (i, status) in r.status.iter().enumerate() {
        let status_path = join(&join(path, "status"), i);
        match status_kind(status) {
            StatusKind::Hold => {
                // CNNIC holds .cn names whose real-name review is not passed (registrars say so: [U]).
                let key = if cn { "registration.hold.cn" } else { "registration.hold" };
                ctx.issues.add_with_message(Severity::Warning, "registration.hold", key, &status_path, params!["status" => status.as_str()]);
                if check == Check::Passed {
                    check = Check::Warning;
                }
            }
            StatusKind::Deleting => {
                ctx.issues.add_with_message(Severity::Error, "registration.hold", "registration.hold.deleting", &status_path, params!["status" => status.as_str()]);
                check = Check::Failed;
            }
            StatusKind::Other => {}
        }
    }
    check
}

/// Working days the 管局 needs after real-name verification (D11 [C]: Huawei, QingCloud and JD
/// Cloud all say about three).
const REAL_NAME_SYNC_WORKING_DAYS: i64 = 3;

/// D11: verification must be done, and done long enough ago to have reached the 管局.
fn check_real_name(r: &DomainRegistration, path: &str, ctx: &mut Ctx) -> Check {
    if r.real_name_verified == Some(false) {
        ctx.issues.error("registration.real_name_missing", &join(path, "realNameVerified"), params![]);
        return Check::Failed;
    }
    let Some(text) = r.real_name_verified_at.as_deref().map(str::trim).filter(|t| !t.is_empty()) else {
        return if r.real_name_verified == Some(true) { Check::Passed } else { Check::Unknown };
    };
    let at_path = join(path, "realNameVerifiedAt");
    let Some(verified) = calendar_date(text) else {
        ctx.issues.warning("registration.unreadable_field", &at_path, params!["field" => "realNameVerifiedAt", "expected" => "date"]);
        return Check::Unknown;
    };
    let working_days = working_days_between(verified, ctx.today);
    if working_days < REAL_NAME_SYNC_WORKING_DAYS {
        ctx.issues.warning(
            "registration.real_name_recent",
            &at_path,
            params!["date" => verified.to_string(), "working_days" => working_days, "min_working_days" => REAL_NAME_SYNC_WORKING_DAYS],
        );
        return Check::Warning;
    }
    Check::Passed
}

/// Monday-to-Friday days after `from` up to and including `to` (public holidays are not known
/// here, so this can only overcount: the warning errs towards waiting).
fn working_days_between(from: Date, to: Date) -> i64 {
    let span = from.days_until(to);
    if span <= 0 {
        return 0;
    }
    // Whole weeks have five working days each, wherever they start; the days left over fall on
    // the weekdays of the first days after `from` (a whole number of weeks later), so those are
    // walked.
    let mut count = span / 7 * 5;
    let mut day = from;
    for _ in 0..span % 7 {
        day = match day.next_day() {
            Some(next) => next,
            None => break,
        };
        if !day.is_weekend() {
            count += 1;
        }
    }
    count
}

/// D12: the holder is the entity (for a unit, its full name; for an individual, the person),
/// names compared ignoring white space and the width of brackets; certificate numbers too when
/// both are known.
fn check_holder(r: &DomainRegistration, entity: Option<&Entity>, path: &str, ctx: &mut Ctx) -> Check {
    let Some(entity) = entity else { return Check::Unknown };
    let holder_path = join(path, "holder");
    let Some(holder) = r.holder.as_deref().map(str::trim).filter(|h| !h.is_empty()) else {
        let key = if r.holder_redacted == Some(true) { "registration.holder_redacted" } else { "registration.holder_redacted.absent" };
        ctx.issues.add_with_message(Severity::Warning, "registration.holder_redacted", key, &holder_path, params![]);
        return Check::Unknown;
    };
    let entity_type = entity.kind.as_deref().and_then(EntityType::parse).or(ctx.options.entity_type);
    let individual = entity_type == Some(EntityType::Individual);
    let name = entity.name.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let principal = entity.responsible.as_ref().and_then(|p| p.name.as_deref()).map(str::trim).filter(|n| !n.is_empty());
    let Some(expected) = name.or(if individual { principal } else { None }) else { return Check::Unknown };
    let same = |other: Option<&str>| other.is_some_and(|o| name_key(o) == name_key(holder));

    let check = if same(Some(expected)) || (individual && same(principal)) {
        Check::Passed
    } else if same(principal) {
        // Some provinces accept a unit's legal representative or principal as the holder, with
        // a signed proof (MIIT's notice, S1, S20): a warning.
        ctx.issues.add_with_message(
            Severity::Warning,
            "registration.holder_mismatch",
            "registration.holder_mismatch.representative",
            &holder_path,
            params!["holder" => holder, "expected" => expected],
        );
        return Check::Warning;
    } else if !holder.chars().any(super::is_han) && expected.chars().any(super::is_han) {
        // An English or pinyin holder cannot be compared with a Chinese name here; Beijing
        // accepts the full pinyin only (D12, S8).
        let beijing = ctx.options.province.is_some_and(|p| p.code() == "BJ");
        let key = if beijing { "registration.holder_mismatch.latin_beijing" } else { "registration.holder_mismatch.latin" };
        ctx.issues.add_with_message(Severity::Warning, "registration.holder_mismatch", key, &holder_path, params!["holder" => holder, "expected" => expected]);
        return Check::Warning;
    } else {
        ctx.issues.error("registration.holder_mismatch", &holder_path, params!["holder" => holder, "expected" => expected]);
        return Check::Failed;
    };
    check_holder_certificate(r, entity, individual, path, ctx).unwrap_or(check)
}

/// The holder's certificate number against the entity's (or, for an individual, the person's),
/// when the registration carries one.
fn check_holder_certificate(r: &DomainRegistration, entity: &Entity, individual: bool, path: &str, ctx: &mut Ctx) -> Option<Check> {
    let held = r.holder_certificate.as_ref()?.number.as_deref().map(number_key).filter(|n| !n.is_empty())?;
    let mut own = vec![entity.certificate.as_ref()];
    if individual {
        own.push(entity.responsible.as_ref().and_then(|p| p.certificate.as_ref()));
    }
    let numbers: Vec<String> = own.into_iter().flatten().filter_map(|c| c.number.as_deref()).map(number_key).filter(|n| !n.is_empty()).collect();
    if numbers.is_empty() {
        return None;
    }
    if numbers.contains(&held) {
        return Some(Check::Passed);
    }
    ctx.issues.add_with_message(
        Severity::Error,
        "registration.holder_mismatch",
        "registration.holder_mismatch.certificate",
        &join(path, "holderCertificate.number"),
        params!["holder" => held, "expected" => numbers.first().cloned().unwrap_or_default()],
    );
    Some(Check::Failed)
}

/// A name as compared: white space removed, brackets and middle dots of either width made one,
/// Latin letters in lower case.
fn name_key(name: &str) -> String {
    super::entity::normalise_name(name).to_lowercase()
}

/// A certificate number as compared: letters and digits, upper case.
fn number_key(number: &str) -> String {
    number.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_uppercase).collect()
}

/// `Params` of an issue, for tests of this module.
#[cfg(test)]
fn param<'i>(issue: &'i Issue, name: &str) -> Option<&'i Param> {
    issue.params.get(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::Person;
    use crate::options::{Locale, Province};

    fn date(text: &str) -> Date {
        Date::parse_iso(text).expect("date")
    }

    fn options(today: &str) -> Options {
        Options { today: Some(date(today)), locale: Locale::En, ..Options::default() }
    }

    fn codes(report: &RegistrationReport) -> Vec<(&'static str, Severity, &str)> {
        report.issues.iter().map(|i| (i.code, i.severity, i.path.as_str())).collect()
    }

    fn unit(name: &str) -> Entity {
        Entity {
            kind: Some("enterprise".into()),
            name: Some(name.into()),
            responsible: Some(Person { name: Some("张三".into()), ..Person::default() }),
            ..Entity::default()
        }
    }

    fn good() -> DomainRegistration {
        DomainRegistration {
            domain: Some("example.cn".into()),
            registrar: Some("阿里云计算有限公司（万网）".into()),
            holder: Some("北京例子科技有限公司".into()),
            expires_at: Some("2028-03-01".into()),
            status: vec!["ok".into()],
            real_name_verified: Some(true),
            ..DomainRegistration::default()
        }
    }

    #[test]
    fn a_good_registration_passes_every_point() {
        let entity = unit("北京例子科技有限公司");
        let against = FilingContext { entity: Some(&entity), domain: Some("www.example.cn") };
        let report = check_registration(&good(), &against, &options("2026-12-01"));
        assert!(report.ok && report.issues.is_empty(), "{:?}", report.issues);
        assert_eq!(report.checks, Checks { domain: Check::Passed, registrar: Check::Passed, validity: Check::Passed, status: Check::Passed, real_name: Check::Passed, holder: Check::Passed });
    }

    #[test]
    fn validity_by_province() {
        let mut r = good();
        r.expires_at = Some("2027-04-01".into());
        let shanghai = Options { province: Province::parse("SH"), ..options("2026-12-01") };
        let report = check_registration(&r, &FilingContext::default(), &shanghai);
        assert_eq!(codes(&report), vec![("registration.expiring", Severity::Warning, "expiresAt")]);
        assert_eq!(param(&report.issues[0], "min_days"), Some(&Param::Number(180)));
        assert!(report.issues[0].message.contains("Shanghai"), "{}", report.issues[0].message);
        // 121 days left is enough elsewhere (90).
        assert!(check_registration(&r, &FilingContext::default(), &options("2026-12-01")).issues.is_empty());
        r.expires_at = Some("2026-11-30T23:00:00Z".into());
        let report = check_registration(&r, &FilingContext::default(), &options("2026-12-01"));
        assert_eq!(codes(&report), vec![("registration.expired", Severity::Error, "expiresAt")]);
        assert_eq!(report.checks.validity, Check::Failed);
    }

    #[test]
    fn holds_and_deletion() {
        let mut r = good();
        r.status = vec!["clientTransferProhibited".into(), "serverHold".into(), "redemption period".into()];
        let report = check_registration(&r, &FilingContext::default(), &options("2026-12-01"));
        assert_eq!(codes(&report), vec![("registration.hold", Severity::Warning, "status.1"), ("registration.hold", Severity::Error, "status.2")]);
        assert!(report.issues[0].message.contains("real-name"), "{}", report.issues[0].message);
        assert_eq!(report.checks.status, Check::Failed);
    }

    /// D13 and D14 at their edges: a domain that expires today is still registered; the
    /// province's margin is met by exactly that many days; a hold alone is a warning to the
    /// status check, whatever comes before it, and a .中国 name's hold is the real-name one.
    #[test]
    fn validity_and_status_at_their_edges() {
        let validity = |expires: &str, today: &str| {
            let r = DomainRegistration { expires_at: Some(expires.into()), ..good() };
            let report = check_registration(&r, &FilingContext::default(), &options(today));
            (report.checks.validity, report.issues.iter().map(|i| i.code).collect::<Vec<_>>())
        };
        assert_eq!(validity("2026-12-01", "2026-12-01"), (Check::Warning, vec!["registration.expiring"]));
        assert_eq!(validity("2026-11-30", "2026-12-01"), (Check::Failed, vec!["registration.expired"]));
        // The national margin is 90 days: 2027-03-01 is 90 days after 2026-12-01.
        assert_eq!(validity("2027-03-01", "2026-12-01"), (Check::Passed, vec![]));
        assert_eq!(validity("2027-02-28", "2026-12-01"), (Check::Warning, vec!["registration.expiring"]));

        let status = |domain: &str, status: &[&str]| {
            let r = DomainRegistration { domain: Some(domain.into()), status: status.iter().map(|s| (*s).to_owned()).collect(), ..good() };
            let report = check_registration(&r, &FilingContext::default(), &options("2026-12-01"));
            (report.checks.status, report.issues.iter().filter(|i| i.code == "registration.hold").map(|i| i.message.contains("real-name")).collect::<Vec<_>>())
        };
        assert_eq!(status("example.com", &["clientHold"]), (Check::Warning, vec![false]));
        assert_eq!(status("例子.中国", &["serverHold"]), (Check::Warning, vec![true]));
        assert_eq!(status("xn--fsqu00a.xn--fiqs8s", &["serverHold"]), (Check::Warning, vec![true]));
        assert_eq!(status("example.cn", &["pendingDelete", "clientHold"]), (Check::Failed, vec![false, true]));
    }

    #[test]
    fn real_name_timing_counts_working_days() {
        let mut r = good();
        r.real_name_verified = Some(false);
        let report = check_registration(&r, &FilingContext::default(), &options("2026-12-01"));
        assert_eq!(codes(&report), vec![("registration.real_name_missing", Severity::Error, "realNameVerified")]);
        r.real_name_verified = None;
        // Verified on Friday 2026-11-27: Monday the 30th is one working day later, Wednesday
        // 2 December the third.
        r.real_name_verified_at = Some("2026-11-27".into());
        let report = check_registration(&r, &FilingContext::default(), &options("2026-11-30"));
        assert_eq!(codes(&report), vec![("registration.real_name_recent", Severity::Warning, "realNameVerifiedAt")]);
        assert_eq!(param(&report.issues[0], "working_days"), Some(&Param::Number(1)));
        assert!(check_registration(&r, &FilingContext::default(), &options("2026-12-02")).issues.is_empty());
        assert_eq!(working_days_between(date("2026-11-27"), date("2026-12-11")), 10);
        assert_eq!(working_days_between(date("2026-12-11"), date("2026-11-27")), 0);
        // Against a walk over every day, from each weekday, up to six weeks on.
        let mut from = date("2026-11-01");
        for _ in 0..7 {
            let mut to = from;
            let mut walked = 0;
            for _ in 0..45 {
                to = to.next_day().expect("a day");
                walked += i64::from(!to.is_weekend());
                assert_eq!(working_days_between(from, to), walked, "{from} to {to}");
            }
            from = from.next_day().expect("a day");
        }
    }

    #[test]
    fn holder_against_the_entity() {
        let opts = options("2026-12-01");
        let check = |holder: &str, entity: &Entity, options: &Options| {
            let r = DomainRegistration { holder: Some(holder.into()), ..good() };
            check_registration(&r, &FilingContext { entity: Some(entity), domain: None }, options)
        };
        let entity = unit("北京例子科技有限公司（分公司）");
        // Brackets of either width and white space do not matter.
        assert!(check("北京例子科技有限公司(分公司)", &entity, &opts).issues.is_empty());
        assert!(check(" 北京例子科技 有限公司（分公司）", &entity, &opts).issues.is_empty());
        let report = check("上海别家有限公司", &entity, &opts);
        assert_eq!(codes(&report), vec![("registration.holder_mismatch", Severity::Error, "holder")]);
        // The principal as holder: allowed in some provinces only.
        let report = check("张三", &entity, &opts);
        assert_eq!(codes(&report), vec![("registration.holder_mismatch", Severity::Warning, "holder")]);
        // Pinyin or English cannot be compared here.
        let beijing = Options { province: Province::parse("BJ"), ..opts };
        let report = check("Beijing Lizi Technology Co., Ltd.", &entity, &beijing);
        assert_eq!(codes(&report), vec![("registration.holder_mismatch", Severity::Warning, "holder")]);
        assert!(report.issues[0].message.contains("Beijing requires"), "{}", report.issues[0].message);
        let report = check("Beijing Lizi Technology Co., Ltd.", &entity, &opts);
        assert_eq!(codes(&report), vec![("registration.holder_mismatch", Severity::Warning, "holder")]);
        assert!(!report.issues[0].message.contains("Beijing requires"), "{}", report.issues[0].message);
        // An individual: the person.
        let person = Entity { kind: Some("个人".into()), name: Some("李四".into()), ..Entity::default() };
        assert!(check("李四", &person, &opts).issues.is_empty());
        assert_eq!(check("王五", &person, &opts).checks.holder, Check::Failed);
    }

    #[test]
    fn holder_certificate_and_redaction() {
        let mut entity = unit("北京例子科技有限公司");
        entity.certificate = Some(crate::forms::Certificate { kind: Some("uscc".into()), number: Some("91110108MA01ABCD1X".into()), valid_until: None });
        let mut r = good();
        r.holder_certificate = Some(registration::HolderCertificate { kind: None, number: Some("91110108 MA01ABCD2X".into()) });
        let report = check_registration(&r, &FilingContext { entity: Some(&entity), domain: None }, &options("2026-12-01"));
        assert_eq!(codes(&report), vec![("registration.holder_mismatch", Severity::Error, "holderCertificate.number")]);
        r.holder = None;
        r.holder_redacted = Some(true);
        let report = check_registration(&r, &FilingContext { entity: Some(&entity), domain: None }, &options("2026-12-01"));
        assert_eq!(codes(&report), vec![("registration.holder_redacted", Severity::Warning, "holder")]);
        assert_eq!(report.checks.holder, Check::Unknown);
        assert!(report.issues[0].message.contains("privacy redaction"), "{}", report.issues[0].message);
        // A registration that does not show the holder at all says so, not that it is hidden.
        r.holder_redacted = None;
        let report = check_registration(&r, &FilingContext { entity: Some(&entity), domain: None }, &options("2026-12-01"));
        assert_eq!(codes(&report), vec![("registration.holder_redacted", Severity::Warning, "holder")]);
        assert!(report.issues[0].message.contains("leaves it out"), "{}", report.issues[0].message);
    }

    #[test]
    fn registrars_and_other_domains() {
        let mut r = good();
        r.registrar = Some("Dominet (HK) Limited".into());
        r.registrar_iana_id = Some(3775);
        let report = check_registration(&r, &FilingContext::default(), &options("2026-12-01"));
        assert_eq!(codes(&report), vec![("registration.registrar_not_approved", Severity::Error, "registrar")]);
        r.registrar = Some("Some New Registrar Ltd".into());
        r.registrar_iana_id = None;
        let report = check_registration(&r, &FilingContext::default(), &options("2026-12-01"));
        assert_eq!(codes(&report), vec![("registration.registrar_unknown", Severity::Warning, "registrar")]);
        assert!(report.issues[0].message.contains("miit.gov.cn/"));
        // Another domain: said, and nothing else checked.
        let report = check_registration(&r, &FilingContext { entity: None, domain: Some("other.cn") }, &options("2026-12-01"));
        assert_eq!(codes(&report), vec![("registration.domain_mismatch", Severity::Warning, "domain")]);
        assert_eq!(report.checks.registrar, Check::Unknown);
        // A TLD that cannot be filed is the domain check's finding.
        r.domain = Some("example.io".into());
        let report = check_registration(&r, &FilingContext::default(), &options("2026-12-01"));
        assert_eq!(report.checks.domain, Check::Failed);
        assert!(report.issues.iter().any(|i| i.path == "domain" && i.severity == Severity::Error), "{:?}", report.issues);
    }

    #[test]
    fn a_domain_warning_is_not_another_domain() {
        // A TLD that gets a warning (disputed or unlisted) is still this domain: the registrar
        // and the rest are checked.
        let mut r = good();
        r.domain = Some("mysite.asia".into());
        r.registrar = Some("GoDaddy.com, LLC".into());
        let against = FilingContext { entity: None, domain: Some("www.mysite.asia") };
        let report = check_registration(&r, &against, &options("2026-12-01"));
        assert_eq!(report.checks.domain, Check::Warning, "{:?}", report.issues);
        assert_eq!(report.checks.registrar, Check::Failed, "{:?}", report.issues);
        assert!(report.issues.iter().any(|i| i.code == "registration.registrar_not_approved"), "{:?}", report.issues);
    }

    #[test]
    fn unreadable_texts() {
        let report = check_registration_text("{\"ldhName\":", &FilingContext::default(), &options("2026-12-01"));
        assert_eq!(codes(&report), vec![("registration.unreadable", Severity::Error, "")]);
        assert!(report.issues[0].message.contains("line 1"), "{}", report.issues[0].message);
        let report = check_registration_text("No matching record.", &FilingContext::default(), &options("2026-12-01"));
        assert_eq!(codes(&report), vec![("registration.not_found", Severity::Error, "")]);
        assert_eq!(report.registration, None);
    }
}

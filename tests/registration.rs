//! Domain verification against real answers: every WHOIS and RDAP fixture of
//! `tests/fixtures/registration/` (copied from other parsers' test suites, sources in its
//! SOURCES.md) read as `expected.json` says a correct parser reads it; then the checks on
//! what was read, as a console would run them.

use icp_precheck::registration::{self, Format, Unreadable};
use icp_precheck::{check_registration, check_registration_text, FilingContext, Options};
use serde_json::Value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/registration");

/// Where we read a fixture differently from `expected.json`, on purpose: `(file, field, why)`.
const DELIBERATE: [(&str, &str, &str); 1] = [(
    "rdap-microsoft.click.json",
    "registrarIanaId",
    "the ICANN RDAP profile makes a registrar entity's handle its IANA ID, so a numeric handle is read when publicIds is missing",
)];

fn fixtures() -> Vec<(String, Value)> {
    let expected: Value = serde_json::from_str(&std::fs::read_to_string(format!("{DIR}/expected.json")).expect("expected.json")).expect("json");
    expected.as_object().expect("object").iter().map(|(k, v)| (k.clone(), v.clone())).collect()
}

fn text(file: &str) -> String {
    std::fs::read_to_string(format!("{DIR}/{file}")).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The domain as we compare it: lower case, no trailing dot, A-labels.
fn domain_key(domain: &str) -> String {
    let domain = domain.trim().trim_end_matches('.').to_lowercase();
    idna::domain_to_ascii(&domain).unwrap_or(domain)
}

#[test]
fn every_fixture_reads_as_expected() {
    let mut differences = Vec::new();
    let mut read = 0;
    for (file, want) in fixtures() {
        let got = registration::read_text(&text(&file));
        let kind = want["format"].as_str().expect("format");
        match (kind, &got) {
            ("not-found" | "rdap-error", Err(Unreadable::NotFound)) => continue,
            ("not-found" | "rdap-error", other) => {
                differences.push(format!("{file}: expected not found, got {other:?}"));
                continue;
            }
            (_, Err(e)) => {
                differences.push(format!("{file}: unreadable: {e:?}"));
                continue;
            }
            _ => read += 1,
        }
        let Ok(parsed) = got else { continue };
        let r = parsed.registration;
        let format = match r.format {
            Some(Format::WhoisCnnic) => "whois-cnnic",
            Some(Format::WhoisIcann) => "whois-icann",
            Some(Format::Rdap) => "rdap",
            _ => "?",
        };
        let mut check = |field: &str, ours: Value| {
            let theirs = &want[field];
            if &ours != theirs && !DELIBERATE.iter().any(|(f, k, _)| *f == file && *k == field) {
                differences.push(format!("{file}: {field}: ours {ours}, expected {theirs}"));
            }
        };
        check("format", Value::from(format));
        let want_domain = want["domain"].as_str().map(domain_key).map_or(Value::Null, Value::from);
        let ours = r.domain.as_deref().map(domain_key).map_or(Value::Null, Value::from);
        if ours != want_domain {
            check("domain", ours);
        }
        check("registrar", r.registrar.clone().map_or(Value::Null, Value::from));
        check("registrarIanaId", r.registrar_iana_id.map_or(Value::Null, Value::from));
        check("holder", r.holder.clone().map_or(Value::Null, Value::from));
        check("holderRedacted", Value::from(r.holder_redacted.unwrap_or(false)));
        check("registeredAt", r.registered_at.clone().map_or(Value::Null, Value::from));
        check("expiresAt", r.expires_at.clone().map_or(Value::Null, Value::from));
        check("status", Value::from(r.status.clone()));
    }
    println!("registration fixtures: {read} answers read, {} differences", differences.len());
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

#[test]
fn what_the_checks_say_of_real_answers() {
    let options = Options { today: icp_precheck::Date::new(2026, 12, 1), locale: icp_precheck::Locale::En, ..Options::default() };
    let codes = |file: &str| -> Vec<&'static str> {
        check_registration_text(&text(file), &FilingContext::default(), &options).issues.iter().map(|i| i.code).collect()
    };
    // GoDaddy (IANA 146) is not an MIIT-approved registrar; the 2019 answer has long expired.
    let godaddy = codes("whois-godaddy.com.txt");
    assert!(godaddy.contains(&"registration.registrar_not_approved"), "{godaddy:?}");
    // West.cn (成都西维数码) is a mainland registrar: no registrar finding.
    let west = codes("rdap-bitcoin.top.json");
    assert!(!west.iter().any(|c| c.starts_with("registration.registrar")), "{west:?}");
    // CNNIC shows the registrar in Chinese: 阿里云计算有限公司（万网） is known.
    let aliyun = codes("cnnic-025bbs.cn.txt");
    assert!(!aliyun.iter().any(|c| c.starts_with("registration.registrar")) && aliyun.contains(&"registration.expired"), "{aliyun:?}");
    // Redemption and pending deletion are past the registration period.
    let deleting = check_registration_text(&text("whois-killianestates.com.txt"), &FilingContext::default(), &options);
    if deleting.registration.as_ref().is_some_and(|r| r.status.iter().any(|s| s == "pendingDelete")) {
        assert!(!deleting.ok);
    }
    // Not found is said as such.
    assert_eq!(codes("cnnic-not-found-lowercase.txt"), vec!["registration.not_found"]);
}

#[test]
fn a_redacted_holder_is_never_a_pass() {
    let entity = icp_precheck::Entity { kind: Some("enterprise".into()), name: Some("谷歌信息技术（中国）有限公司".into()), ..Default::default() };
    let options = Options { today: icp_precheck::Date::new(2026, 12, 1), ..Options::default() };
    for file in ["rdap-example.com-rfc9537.json", "whois-google.com.txt"] {
        let report = check_registration_text(&text(file), &FilingContext { entity: Some(&entity), domain: None }, &options);
        let holder = report.issues.iter().find(|i| i.path == "holder").map(|i| i.code);
        assert!(matches!(holder, Some("registration.holder_redacted" | "registration.holder_mismatch")), "{file}: {:?}", report.issues);
        assert_ne!(report.checks.holder, icp_precheck::forms::Check::Passed, "{file}");
    }
}

#[test]
fn hostile_input_is_a_clear_issue() {
    let options = Options::default();
    let check = |text: &str| check_registration_text(text, &FilingContext::default(), &options);
    let started = std::time::Instant::now();
    // A megabyte of WHOIS-like lines; a megabyte of nothing; truncated and deep JSON.
    let whois_lines = "Domain Status: ok\n".repeat((1 << 20) / 18 - 10);
    for text in [whois_lines.as_str(), &"x".repeat(1 << 20), &"{\"ldhName\":\"a.com\",\"events\":[".repeat(1000), &"[".repeat(100_000), "{\"ldhName\": 5}", "\u{FEFF}"] {
        let report = check(text);
        assert!(!report.ok && !report.issues.is_empty(), "{:?}", report.issues);
    }
    let too_long = check(&"a".repeat(registration::MAX_TEXT + 1));
    assert_eq!(too_long.issues[0].code, "field.too_long");
    // Every RDAP field of the wrong type: the rest is still read, each odd field noted.
    for (field, value) in [("status", "7"), ("events", "{}"), ("entities", "\"x\""), ("ldhName", "[]"), ("redacted", "1"), ("objectClassName", "null")] {
        let text = format!("{{\"ldhName\":\"a.com\",\"objectClassName\":\"domain\",{field:?}:{value}}}");
        let report = check(&text);
        assert!(!report.issues.is_empty() || field == "redacted" || field == "objectClassName", "{field}: {:?}", report.issues);
    }
    assert!(started.elapsed().as_millis() < 2_000, "{:?}", started.elapsed());
}

#[test]
fn a_whole_registration_object() {
    let registration = icp_precheck::DomainRegistration {
        domain: Some("例子.中国".into()),
        registrar: Some("北京新网数码信息技术有限公司".into()),
        holder: Some("北京例子科技有限公司".into()),
        real_name_verified: Some(true),
        expires_at: Some("2030-01-01".into()),
        ..Default::default()
    };
    let entity = icp_precheck::Entity { kind: Some("企业".into()), name: Some("北京例子科技有限公司".into()), ..Default::default() };
    let against = FilingContext { entity: Some(&entity), domain: Some("https://www.例子.中国/") };
    let report = check_registration(&registration, &against, &Options { today: icp_precheck::Date::new(2026, 12, 1), ..Options::default() });
    assert!(report.ok && report.issues.is_empty(), "{:?}", report.issues);
}

/// Every registrar that a real CNNIC or gTLD answer of the fixtures names is in the table, so
/// none of them is "unknown": the table knows the registrars applicants meet.
#[test]
fn the_fixtures_registrars_are_known() {
    let options = Options { today: icp_precheck::Date::new(2026, 12, 1), ..Options::default() };
    let mut unknown = Vec::new();
    for (file, want) in fixtures() {
        if want["registrar"].is_null() {
            continue;
        }
        let report = check_registration_text(&text(&file), &FilingContext::default(), &options);
        if report.issues.iter().any(|i| i.code == "registration.registrar_unknown") {
            unknown.push(format!("{file}: {}", want["registrar"]));
        }
    }
    // Left unknown on purpose, each with its reason.
    const LEFT_UNKNOWN: [(&str, &str); 2] = [
        ("rdap-example.com-rfc9537.json", "RFC 9537's example registrar"),
        ("whois-zwad.net.txt", "a 2014 answer: IANA 1316 has since been renamed and terminated"),
    ];
    for (file, why) in LEFT_UNKNOWN {
        assert!(unknown.iter().any(|u| u.starts_with(file)), "{file} is known now ({why}): take it off the list");
    }
    unknown.retain(|u| !LEFT_UNKNOWN.iter().any(|(f, _)| u.starts_with(f)));
    assert!(unknown.is_empty(), "registrars the table does not know:\n{}", unknown.join("\n"));
}

/// A filing's `websites[i].registrations` are checked: each against the filing entity, and
/// matched to the website domain it names (not to the first one), with paths a form binds to.
#[test]
fn a_websites_registrations_are_checked_against_the_filing() {
    use icp_precheck::forms::Registration;
    let record = |domain: &str, holder: &str| icp_precheck::DomainRegistration {
        domain: Some(domain.into()),
        registrar: Some("北京新网数码信息技术有限公司".into()),
        holder: Some(holder.into()),
        real_name_verified: Some(true),
        expires_at: Some("2030-01-01".into()),
        ..Default::default()
    };
    let entity = icp_precheck::Entity { kind: Some("enterprise".into()), name: Some("北京例子科技有限公司".into()), ..Default::default() };
    let website = icp_precheck::Website {
        domains: vec!["www.example.com".into(), "例子.中国".into()],
        registrations: vec![
            Registration::Record(record("例子.中国", "北京例子科技有限公司")),
            Registration::Record(record("example.com", "上海别家有限公司")),
            Registration::Record(record("other.cn", "北京例子科技有限公司")),
        ],
        ..Default::default()
    };
    let filing = icp_precheck::Filing { entity: Some(entity), websites: vec![website], ..Default::default() };
    let options = Options { today: icp_precheck::Date::new(2026, 12, 1), locale: icp_precheck::Locale::En, ..Options::default() };
    let report = icp_precheck::validate_filing(&filing, &options);
    let at = |path: &str| report.issues.iter().filter(|i| i.path == path).map(|i| i.code).collect::<Vec<_>>();
    // The first names 例子.中国, which is filed, and its holder is the entity: nothing to say.
    assert!(report.issues.iter().all(|i| !i.path.starts_with("websites.0.registrations.0")), "{:?}", report.issues);
    // The second is example.com's, held by someone else.
    assert_eq!(at("websites.0.registrations.1.holder"), vec!["registration.holder_mismatch"], "{:?}", report.issues);
    // The third names a domain the website does not file.
    assert!(report.issues.iter().any(|i| i.path.starts_with("websites.0.registrations.2") && i.code.starts_with("registration.domain")), "{:?}", report.issues);
    assert!(!report.ok);
}

/// D10: a registrar the table knows without knowing where it stands (a mainland arm of a
/// foreign registrar, IANA 671) is a warning to check, not a refusal.
#[test]
fn a_registrar_of_unknown_standing_is_a_warning() {
    let options = Options { today: icp_precheck::Date::new(2026, 12, 1), ..Options::default() };
    let report = |iana_id: u32| {
        let registration = icp_precheck::DomainRegistration { domain: Some("mysite.cn".into()), registrar_iana_id: Some(iana_id), ..Default::default() };
        let report = check_registration(&registration, &FilingContext::default(), &options);
        let codes: Vec<_> = report.issues.iter().filter(|i| i.code.starts_with("registration.registrar")).map(|i| (i.code, i.severity, i.path.clone())).collect();
        (report.checks.registrar, codes)
    };
    let (check, codes) = report(671);
    assert_eq!(check, icp_precheck::forms::Check::Warning);
    assert_eq!(codes, [("registration.registrar_unknown", icp_precheck::Severity::Warning, "registrarIanaId".to_owned())]);
    let (check, codes) = report(146);
    assert_eq!(check, icp_precheck::forms::Check::Failed, "GoDaddy: {codes:?}");
}

/// D12: the domain a registration names is checked as `checkDomain` would, and its check is as
/// bad as its worst finding: a pasted URL (a warning that it was stripped) of a special-use
/// name (an error) fails.
#[test]
fn the_domain_check_is_its_worst_finding() {
    let options = Options { today: icp_precheck::Date::new(2026, 12, 1), ..Options::default() };
    let check = |domain: &str| {
        let registration = icp_precheck::DomainRegistration { domain: Some(domain.into()), ..Default::default() };
        check_registration(&registration, &FilingContext::default(), &options).checks.domain
    };
    assert_eq!(check("mysite.cn"), icp_precheck::forms::Check::Passed);
    assert_eq!(check("https://mysite.cn/about"), icp_precheck::forms::Check::Warning);
    assert_eq!(check("https://mysite.invalid/about"), icp_precheck::forms::Check::Failed);
}

/// A website's registrations are each compared with the website domain they name, not with
/// the first of its domains.
#[test]
fn a_websites_registrations_meet_their_own_domains() {
    use icp_precheck::forms::Registration;
    use icp_precheck::{validate_website, Website};
    let options = Options { today: icp_precheck::Date::new(2026, 12, 1), partial: true, ..Options::default() };
    let record = |domain: &str| Registration::Record(icp_precheck::DomainRegistration { domain: Some(domain.into()), ..Default::default() });
    let website = Website { domains: vec!["first.cn".into(), "second.cn".into()], registrations: vec![record("second.cn"), record("www.first.cn")], ..Website::default() };
    let report = validate_website(&website, &options);
    let mismatches: Vec<_> = report.issues.iter().filter(|i| i.code == "registration.domain_mismatch").map(|i| i.path.as_str()).collect();
    assert_eq!(mismatches, Vec::<&str>::new(), "{:#?}", report.issues);
    let website = Website { registrations: vec![record("third.cn")], ..website };
    let report = validate_website(&website, &options);
    let mismatches: Vec<_> = report.issues.iter().filter(|i| i.code == "registration.domain_mismatch").map(|i| i.path.as_str()).collect();
    assert_eq!(mismatches, ["registrations.0.domain"]);
}

//! Properties of the public API on generated input (proptest):
//! * checking an output `ascii` again gives the same `ascii` and the same registrable domain;
//! * A-label ↔ U-label: checking the `unicode` output gives the same `ascii`;
//! * no string makes any public function panic, and each answers fast.
//!
//! The identifier checksums are property-tested in their own modules (`src/ids/`).

use icp_precheck::untyped;
use icp_precheck::fields::app_id::{self, DigestAlgorithm, Platform};
use icp_precheck::fields::{email, landline, mobile, record_number};
use icp_precheck::ids;
use icp_precheck::input::Value;
use icp_precheck::{
    check_domain, check_domains, parse_record_number, validate_app, validate_entity, validate_filing, validate_website, App,
    AppPlatform, Certificate, Date, Entity, Filing, Locale, Options, Person, Province, Severity, Website,
};
use proptest::prelude::*;
use std::time::{Duration, Instant};

/// Generous: `cargo test` builds without optimisation and the machine may be busy; a slow
/// path (quadratic, or a scan of a whole megabyte) is still far beyond it.
const SLOW: Duration = Duration::from_millis(250);

fn options() -> impl Strategy<Value = Options> {
    (any::<bool>(), prop::option::of(prop::sample::select(vec!["BJ", "SH", "GD", "ZJ", "JS", "SC"])), any::<bool>()).prop_map(
        |(en, province, partial)| Options {
            locale: if en { Locale::En } else { Locale::ZhCn },
            province: province.and_then(Province::parse),
            partial,
            today: Date::new(2026, 11, 1),
            ..Options::default()
        },
    )
}

/// Labels mixing ASCII, hyphens, IDN characters (Han, Arabic, Greek, German ß, the ﬁ
/// ligature, full-width letters) and the dots a person may type.
fn label() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-z0-9]{1,12}",
        2 => "[a-z0-9][a-z0-9-]{0,10}[a-z0-9]",
        2 => "[例子中国公司网络ßﬁΑβγ]{1,6}",
        1 => "[a-zA-Z0-9例ßﬁ\u{0663}\u{0627}\u{200D}\u{00B7}Ａ-Ｚ０-９-]{1,12}",
        1 => "xn--[a-z0-9]{2,10}",
    ]
}

/// Domain-like inputs: labels, a suffix that exists or not, sometimes a URL around them.
fn domain_like() -> impl Strategy<Value = String> {
    let suffix = prop::sample::select(vec![
        "com", "cn", "com.cn", "gov.cn", "中国", "xn--fiqs8s", "公司", "io", "asia", "github.io", "co.uk", "de", "local", "zz", "1",
    ]);
    (prop::collection::vec(label(), 1..4), suffix, prop::sample::select(vec!["", "https://", "HTTP://user@"]), any::<bool>())
        .prop_map(|(labels, suffix, scheme, path)| {
            let mut s = format!("{scheme}{}.{suffix}", labels.join("."));
            if path {
                s.push_str("/a?b#c");
            }
            s
        })
}

/// Strings of every kind: arbitrary Unicode, samples that pass a check, samples with noise.
fn any_text() -> impl Strategy<Value = String> {
    let samples = prop::sample::select(vec![
        "mysite.com", "www.例子.中国", "91350100M000100Y43", "11010519491231002X", "13800138000", "010-12345678",
        "user@example.com", "京ICP备12345678号-1", "京公网安备11010502030143号", "com.example.app", "H01234567", "企业", "个人",
    ]);
    prop_oneof![
        any::<String>(),
        samples.clone().prop_map(str::to_owned),
        (samples, any::<String>(), any::<bool>()).prop_map(|(s, noise, before)| if before { noise + s } else { format!("{s}{noise}") }),
        "[0-9０-９xX.。@:/\\- ]{0,40}",
        domain_like(),
    ]
}

fn timed<T>(what: &str, input: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let spent = start.elapsed();
    // Linear work is allowed: 500 ns a character in each of up to 32 fields on top
    // (unoptimised build). Quadratic work on these lengths takes minutes.
    let chars = u32::try_from(input.chars().count()).unwrap_or(u32::MAX);
    assert!(spent < SLOW + Duration::from_nanos(500 * 32) * chars, "{what} took {spent:?} on {} chars: {:?}", input.chars().count(), input.chars().take(80).collect::<String>());
    out
}

fn person(text: &str) -> Person {
    Person {
        name: Some(text.to_owned()),
        certificate: Some(Certificate { kind: Some("resident_id".into()), number: Some(text.to_owned()), valid_until: Some(text.to_owned()) }),
        mobile: Some(text.to_owned()),
        emergency_mobile: Some(text.to_owned()),
        landline: Some(text.to_owned()),
        email: Some(text.to_owned()),
    }
}

/// Every public function on one string; each report keeps ok ⇔ no error.
fn everything(text: &str, options: &Options) {
    let report = timed("check_domain", text, || check_domain(text, options));
    assert_eq!(report.ok, !report.issues.iter().any(|i| i.severity == Severity::Error));
    timed("check_domains", text, || check_domains(&[text, text], options));
    timed("parse_record_number", text, || parse_record_number(text, options));
    // A form gets at most MAX_STRING UTF-16 units per field from JavaScript (the converter
    // cuts longer strings and reports them); ten fields of a megabyte each are not an input.
    let cut: String = text.chars().take(icp_precheck::input::MAX_STRING / 2).collect();
    let text = cut.as_str();
    let s = || Some(text.to_owned());
    let entity = Entity {
        kind: s(),
        name: s(),
        certificate: Some(Certificate { kind: s(), number: s(), valid_until: s() }),
        certificate_address: s(),
        address: s(),
        responsible: Some(person(text)),
        legal_representative: None,
    };
    let website = Website {
        name: s(),
        domains: vec![text.to_owned()],
        registrations: vec![icp_precheck::forms::Registration::Text(text.to_owned())],
        homepage: s(),
        service_content: vec![text.to_owned()],
        languages: vec![text.to_owned()],
        pre_approvals: vec![text.to_owned()],
        responsible: Some(person(text)),
        remarks: s(),
    };
    let app = App {
        name: s(),
        platforms: vec![AppPlatform { platform: s(), package_name: s(), certificate_md5: s(), certificate_sha1: s(), public_key: s() }],
        domains: vec![text.to_owned()],
        responsible: Some(person(text)),
    };
    timed("validate_entity", text, || validate_entity(&entity, options));
    timed("validate_website", text, || validate_website(&website, options));
    timed("validate_app", text, || validate_app(&app, options));
    let filing = Filing { province: s(), entity: Some(entity), websites: vec![website], apps: vec![app] };
    let report = timed("validate_filing", text, || validate_filing(&filing, options));
    assert_eq!(report.ok, !report.issues.iter().any(|i| i.severity == Severity::Error));

    let today = Date::DATA_DATE;
    timed("ids", text, || {
        // Every finding's code is one its identifier declares (an undeclared kind would fall
        // back to the bare identifier name, which has no message).
        let findings = |result: Result<Vec<ids::Error>, ids::Error>| result.unwrap_or_else(|e| vec![e]);
        fn none<T>(_: T) -> Vec<ids::Error> {
            Vec::new()
        }
        let results = [
            findings(ids::uscc::validate(text).map(|v| v.warnings)),
            findings(ids::org_code::validate(text).map(none)),
            findings(ids::business_registration::validate(text).map(none)),
            findings(ids::resident_id::validate(text, today).map(none)),
            findings(ids::residence_permit::validate(text, today).map(none)),
            findings(ids::hk_macao_permit::validate(text).map(|v| v.warnings)),
            findings(ids::taiwan_permit::validate(text).map(|v| v.warnings)),
            findings(ids::foreign_permanent_resident::validate(text, today).map(|v| v.warnings)),
            findings(ids::passport::validate(text).map(none)),
        ];
        for e in results.iter().flatten() {
            assert!(e.id.codes.contains(&e.code()), "{e}: not a code of {}", e.id.name);
        }
    });
    timed("fields", text, || {
        let _ = record_number::parse(text);
        let _ = mobile::validate(text);
        let _ = landline::validate(text);
        let _ = email::validate(text);
        for platform in [Platform::Android, Platform::Ios, Platform::HarmonyOs] {
            let _ = app_id::validate_package_name(platform, text);
        }
        for algorithm in [DigestAlgorithm::Md5, DigestAlgorithm::Sha1, DigestAlgorithm::Sha256] {
            let _ = app_id::validate_digest(algorithm, text);
        }
    });
    let value = Value::str(text);
    timed("untyped", text, || {
        let _ = untyped::check_domain_value(&value, &Value::Undefined, Some(today));
        let _ = untyped::check_domains_value(&value, &value, Some(today));
        let _ = untyped::validate_entity_value(&value, &Value::Undefined, Some(today));
        let _ = untyped::validate_filing_value(&value, &value, Some(today));
        let _ = untyped::parse_record_number_value(&value, &Value::Undefined, Some(today));
    });
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Checking the `ascii` output again gives the same `ascii` and registrable domain.
    #[test]
    fn ascii_is_a_fixed_point(input in prop_oneof![3 => domain_like(), 1 => any_text()], options in options()) {
        let report = check_domain(&input, &options);
        if let Some(ascii) = &report.ascii {
            prop_assert!(ascii.is_ascii() && !ascii.bytes().any(|b| b.is_ascii_uppercase()), "{ascii:?}");
            let again = check_domain(ascii, &options);
            prop_assert_eq!(again.ascii.as_ref(), Some(ascii), "input {:?}", input);
            prop_assert_eq!(&again.registrable, &report.registrable, "input {:?}", input);
            prop_assert_eq!(&again.suffix, &report.suffix, "input {:?}", input);
        }
    }

    /// A-label ↔ U-label: checking the `unicode` output gives the same `ascii`, and the
    /// registrable domain's two forms agree.
    #[test]
    fn unicode_round_trips(input in domain_like(), options in options()) {
        let report = check_domain(&input, &options);
        if let (Some(ascii), Some(unicode)) = (&report.ascii, &report.unicode) {
            let back = check_domain(unicode, &options);
            prop_assert_eq!(back.ascii.as_ref(), Some(ascii), "input {:?} unicode {:?}", input, unicode);
            prop_assert_eq!(back.unicode.as_ref(), Some(unicode));
            if let (Some(r), Some(ru)) = (&report.registrable, &report.registrable_unicode) {
                let registrable_back = check_domain(ru, &options);
                prop_assert_eq!(registrable_back.ascii.as_ref(), Some(r));
            }
        }
    }

    /// No string makes a public function panic, and each call answers fast.
    #[test]
    fn any_string_is_safe_and_fast(text in any_text(), options in options()) {
        everything(&text, &options);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Long inputs (up to the converter's 64 Ki cut, and far beyond) answer as fast.
    #[test]
    fn long_strings_are_fast(unit in any_text(), repeat in prop::sample::select(vec![1_000usize, 20_000, 200_000]), options in options()) {
        let text: String = unit.repeat(repeat.min((1 << 20) / unit.len().max(1)).max(1));
        everything(&text, &options);
    }
}

/// A megabyte of the characters each parser loops on.
#[test]
fn megabyte_strings_are_fast() {
    let options = Options::default();
    for unit in ["a", ".", "-", "1", "１", "。", "@", ":", "[", "%", "\u{200D}", "例", "a.", "1.", "xn--", "\u{3000}", "号", "A1:"] {
        let text = unit.repeat((1 << 20) / unit.len());
        everything(&text, &options);
    }
}

//! The e-mail address's domain goes through the same pipeline as `checkDomain` (`forms::email`):
//! 1. worked examples, one per class of defect, with what the check said before and says now;
//! 2. a property: whatever `check_domain(d)` refuses for a reason that is not about filing,
//!    `user@d` has an e-mail domain finding for;
//! 3. a differential test over a seeded corpus of 10,000+ addresses: the e-mail verdict on the
//!    domain against `check_domain`'s, every remaining difference listed with its reason.
//!
//! `cargo test --test email -- --nocapture` prints the figures.

use icp_precheck::{check_domain, validate_entity, Entity, Issue, Options, Person, Severity};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use std::collections::BTreeMap;

/// Domain codes about *filing* the domain for ICP, which say nothing about whether mail can be
/// delivered to it; none applies to an e-mail address:
/// - `domain.tld_not_approved`, `domain.tld_unlisted`, `domain.tld_disputed`: MIIT's list of
///   suffixes that can be filed (nationally or in a province). `someone@gmail.com`,
///   `@outlook.com`, `@web.de`, `@x.io` are ordinary contacts.
/// - `domain.brand_tld`: only the registry's company holds names under a brand TLD; that is
///   about who may file, and its addresses are real.
/// - `domain.platform_subdomain`: `user.github.io` is held by the platform, so the applicant
///   cannot file it; as a mail domain it is as real as any (the PSL's private section).
/// - `domain.subdomain`: a warning that only the registrable domain is filed; `mail.example.cn`
///   is an ordinary mail domain.
/// - `domain.zone_restricted`: which entity types may file under `.gov.cn`, `.edu.cn`, `.政务` …;
///   anyone's contact may be at such a domain.
const ELIGIBILITY_ONLY: &[&str] = &[
    "domain.tld_not_approved",
    "domain.tld_unlisted",
    "domain.tld_disputed",
    "domain.brand_tld",
    "domain.platform_subdomain",
    "domain.subdomain",
    "domain.zone_restricted",
];

/// Domain errors that are only warnings in an e-mail address:
/// - `domain.is_suffix`: a bare public suffix (`com.cn`, `cn`) cannot be filed, but the RFCs
///   do not forbid mail to it (a registry may give it an MX record), so for an address it is
///   a warning (`email.format.domain_suffix`), not a certain error.
const WARNED_IN_EMAIL: &[&str] = &["domain.is_suffix"];

fn options() -> Options {
    Options { partial: true, ..Options::default() }
}

/// The issues at the e-mail's path when `address` is the principal's e-mail.
fn email_issues(address: &str, options: &Options) -> Vec<Issue> {
    let entity = Entity { responsible: Some(Person { email: Some(address.to_owned()), ..Person::default() }), ..Entity::default() };
    let options = Options { partial: true, ..*options };
    validate_entity(&entity, &options).issues.into_iter().filter(|i| i.path == "responsible.email").collect()
}

fn summary(issues: &[Issue]) -> Vec<(&'static str, Severity)> {
    issues.iter().map(|i| (i.code, i.severity)).collect()
}

// ------------------------------------------------------------------------------------------
// 1. Worked examples.

/// An address, what it got before, the code and severity of each finding it gets now.
type Case<'a> = (&'a str, &'static str, Vec<(&'static str, Severity)>);

const E: Severity = Severity::Error;
const W: Severity = Severity::Warning;

#[test]
fn worked_examples() {
    let long_ascii_label = format!("user@{}.com", "a".repeat(64));
    let long_idn_label = "user@例子甲乙丙丁戊己庚辛壬癸天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往.com".to_owned();
    let long_idn_name = format!("user@{}.中国", vec!["例子"; 40].join("."));
    let label = "例子甲乙丙丁戊己庚辛壬癸天地玄黄";
    let long_idn_address = format!("{}@{label}.{label}.{label}.{label}.中国", "a".repeat(64));
    // (address, what `fields::email::validate` alone gave before the change (commit 0153b46,
    // recorded by running it), what the e-mail check gives now)
    let cases: Vec<Case> = vec![
        // Non-ASCII domains were passed over whatever they held.
        ("user@-例子.中国", "accepted", vec![("email.format.domain_hyphen", E)]),
        ("user@例子-.中国", "accepted", vec![("email.format.domain_hyphen", E)]),
        ("user@例\u{E000}子.中国", "accepted", vec![("email.format.domain_invalid", E)]),
        ("user@例\u{200D}子.中国", "accepted", vec![("email.format.domain_invalid", E)]),
        ("user@\u{05D0}1a.com", "accepted", vec![("email.format.domain_invalid", E)]),
        ("user@\u{0301}a.com", "accepted", vec![("email.format.domain_invalid", E)]),
        (&long_idn_label, "accepted", vec![("email.format.domain_label_too_long", E)]),
        (&long_idn_name, "accepted", vec![("email.format.domain_too_long", E)]),
        (&long_idn_address, "accepted", vec![("email.format.too_long", E)]),
        ("user@例子.c", "accepted", vec![("email.format.domain_tld_unknown", E)]),
        ("user@例子.local", "accepted", vec![("email.format.domain_reserved", E)]),
        // ASCII domains: UTS #46 rules the old LDH check did not have.
        ("user@ab--cd.com", "accepted", vec![("email.format.domain_hyphen", E)]),
        ("user@xn--zz.com", "accepted", vec![("email.format.domain_invalid", E)]),
        ("user@a.0x7f", "accepted", vec![("email.format.domain_numeric_tld", E)]),
        // Special-use names.
        ("user@x.invalid", "accepted", vec![("email.format.domain_reserved", E)]),
        ("user@printer.local", "accepted", vec![("email.format.domain_reserved", E)]),
        ("user@localhost", "email.domain_single_label (warning)", vec![("email.format.domain_reserved", E)]),
        ("user@a.localhost", "accepted", vec![("email.format.domain_reserved", E)]),
        ("user@1.0.0.127.in-addr.arpa", "accepted", vec![("email.format.domain_reserved", E)]),
        ("user@x.test", "accepted", vec![("email.format.domain_reserved", E)]),
        ("user@example.com", "accepted", vec![("email.format.domain_reserved", E)]),
        // TLDs that do not exist, one-letter ones included.
        ("user@a.b", "accepted", vec![("email.format.domain_tld_unknown", E)]),
        ("user@mail.x", "accepted", vec![("email.format.domain_tld_unknown", E)]),
        ("user@example.comm", "accepted", vec![("email.format.domain_tld_unknown", E)]),
        // Single labels and bare suffixes.
        ("user@mailhost", "email.domain_single_label (warning)", vec![("email.format.domain_single_label", E)]),
        ("user@cn", "email.domain_single_label (warning)", vec![("email.format.domain_suffix", W)]),
        ("user@com.cn", "accepted", vec![("email.format.domain_suffix", W)]),
        // Address literals and IP addresses (RFC 5321 §4.1.3; see fields::email::Error::DomainLiteral).
        ("user@[192.0.2.1]", "email.domain_literal (warning)", vec![("email.format.domain_literal", E)]),
        ("user@[IPv6:2001:db8::1]", "email.domain_literal (warning)", vec![("email.format.domain_literal", E)]),
        ("user@192.0.2.1", "email.domain_numeric_tld (error)", vec![("email.format.domain_numeric_tld", E)]),
        // Characters the old check refused, unchanged; white space of any kind now too.
        ("user@exa_mple.com", "email.domain (error)", vec![("email.format.domain", E)]),
        ("user@a\u{2474}.com", "accepted", vec![("email.format.domain", E)]),
        ("user@\u{2003}example.cn", "accepted", vec![("email.format.domain", E)]),
        ("user@example.cn.", "email.domain_dot (error)", vec![("email.format.domain_dot", E)]),
        ("user@-example.cn", "email.domain_hyphen (error)", vec![("email.format.domain_hyphen", E)]),
        (&long_ascii_label, "email.domain_label_too_long (error)", vec![("email.format.domain_label_too_long", E)]),
        // The domain is judged after a warning about the local part.
        ("张三@x.invalid", "email.local_non_ascii (warning)", vec![("email.format.local_non_ascii", W), ("email.format.domain_reserved", E)]),
        // Fine, before and after: filing rules do not apply, forms are normalised.
        ("someone@gmail.com", "accepted", vec![]),
        ("someone@outlook.com", "accepted", vec![]),
        ("someone@web.de", "accepted", vec![]),
        ("someone@x.io", "accepted", vec![]),
        ("someone@user.github.io", "accepted", vec![]),
        ("someone@mail.example.cn", "accepted", vec![]),
        ("someone@xyz.gov.cn", "accepted", vec![]),
        ("someone@abc.google", "accepted", vec![]),
        ("User@EXAMPLE.CN", "accepted", vec![]),
        ("用户名@例子.中国", "email.local_non_ascii (warning)", vec![("email.format.local_non_ascii", W)]),
        ("someone@例子。中国", "accepted", vec![]),
        ("someone@ＥＸＡＭＰＬＥ．ＣＮ", "accepted", vec![]),
        ("someone@BÜCHER.de", "accepted", vec![]),
        ("someone@faß.de", "accepted", vec![]),
        ("someone@xn--fsqu00a.xn--fiqs8s", "accepted", vec![]),
        // The field is trimmed of invisible characters at its ends, ZWJ included (see the
        // differential test's "joiners ending the field"); inside, UTS #46 judges them.
        ("someone@例子.中国\u{200D}", "accepted", vec![]),
        ("someone@\u{200D}例子.中国", "accepted", vec![("email.format.domain_invalid", E)]),
    ];
    let mut failures = Vec::new();
    for (address, before, after) in &cases {
        let got = summary(&email_issues(address, &options()));
        if got != *after {
            failures.push(format!("{address:?} (before: {before}): expected {after:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn messages_name_what_to_fix() {
    let en = Options { locale: icp_precheck::Locale::En, ..options() };
    for (address, words) in [
        ("user@x.invalid", "special-use name .invalid"),
        ("user@a.b", "no top-level domain .b"),
        ("user@例\u{200D}子.中国", "zero-width joiner"),
        ("user@-例子.中国", "\"-例子\""),
        ("user@com.cn", "public suffix"),
        ("user@[192.0.2.1]", "filing contact"),
    ] {
        let issues = email_issues(address, &en);
        assert!(issues.iter().any(|i| i.message.contains(words)), "{address}: {issues:?}");
        assert!(issues.iter().all(|i| !i.message.contains('{')), "{address}: {issues:?}");
    }
    let issues = email_issues("user@例\u{E000}子.中国", &en);
    assert_eq!(issues.first().and_then(|i| i.params.get("rule")).map(ToString::to_string).as_deref(), Some("Validity"));
    assert_eq!(issues.first().and_then(|i| i.params.get("codepoint")).map(ToString::to_string).as_deref(), Some("U+E000"));
    let zh = email_issues("user@x.invalid", &options());
    assert!(zh.iter().any(|i| i.message.contains("特殊用途")), "{zh:?}");
}

/// RFC 5321 §4.5.3.1.3 limits a path to 256 octets, so an address to 254: an address with a
/// non-ASCII domain is measured in the A-label form it travels in without SMTPUTF8, and only when
/// nothing in the domain is refused already (one finding per defect, the certain one first).
#[test]
fn a_non_ascii_address_is_measured_in_its_a_labels() {
    let local = "a".repeat(64);
    // "xn--fsqu00a.xn--fiqs8s" is 22 characters: with 63 + 1 + 63 + 1 + 38 + 1 before it the
    // domain is 189, the address 64 + 1 + 189 = 254.
    let at_limit = format!("{local}@{}.{}.{}.例子.中国", "b".repeat(63), "c".repeat(63), "d".repeat(38));
    assert_eq!(summary(&email_issues(&at_limit, &options())), []);
    let over = format!("{local}@{}.{}.{}.例子.中国", "b".repeat(63), "c".repeat(63), "d".repeat(39));
    assert_eq!(summary(&email_issues(&over, &options())), [("email.format.too_long", E)]);
    let refused = format!("{local}@{}.{}.{}.例子.invalid", "b".repeat(63), "c".repeat(63), "d".repeat(63));
    assert_eq!(summary(&email_issues(&refused, &options())), [("email.format.domain_reserved", E)]);
}

/// A domain of characters UTS #46 maps to nothing (soft hyphens, variation selectors) is an
/// empty label; an empty domain is the syntax step's.
#[test]
fn a_domain_that_maps_to_nothing_is_an_empty_label() {
    assert_eq!(summary(&email_issues("user@\u{AD}", &options())), [("email.format.domain_dot", E)]);
    assert_eq!(summary(&email_issues("user@\u{FE00}\u{AD}", &options())), [("email.format.domain_dot", E)]);
    assert_eq!(summary(&email_issues("user@", &options())), [("email.format.domain_empty", E)]);
}

#[test]
fn the_path_is_the_email_field_everywhere() {
    use icp_precheck::{validate_filing, Filing, Website};
    let person = || Some(Person { email: Some("user@x.invalid".into()), ..Person::default() });
    let filing = Filing {
        entity: Some(Entity { responsible: person(), ..Entity::default() }),
        websites: vec![Website { responsible: person(), ..Website::default() }],
        ..Filing::default()
    };
    let report = validate_filing(&filing, &options());
    let paths: Vec<&str> = report.issues.iter().filter(|i| i.code == "email.format.domain_reserved").map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["entity.responsible.email", "websites.0.responsible.email"]);
}

// ------------------------------------------------------------------------------------------
// Generated domains.

/// One label: ASCII, digits, hyphens in every position, CJK, right-to-left letters and digits
/// (bidi), ZWJ / ZWNJ, 60+ character labels (ASCII and CJK), upper case and full width, A-labels
/// (valid and not), combining marks, code points UTS #46 refuses.
fn label() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[a-z0-9]{1,12}",
        3 => "[a-z0-9][a-z0-9-]{0,10}[a-z0-9]",
        2 => "-[a-z0-9]{1,6}|[a-z0-9]{1,6}-|[a-z]{2}--[a-z0-9]{1,5}",
        2 => "[0-9]{1,4}|0x[0-9a-f]{1,3}",
        4 => "[例子中国公司网络天地玄黄宇宙洪荒]{1,6}",
        2 => "[\u{0627}\u{0628}\u{062A}\u{05D0}\u{05D1}\u{0663}\u{0664}a1]{1,6}",
        2 => "[a例\u{0915}\u{094D}\u{200D}\u{200C}]{1,5}",
        2 => "[a-z]{60,70}|[一-龥]{20,30}",
        2 => "[A-Z]{1,6}|[Ａ-Ｚ０-９]{1,4}|[ÄÖÜßäöü]{1,4}",
        2 => "xn--[a-z0-9]{2,10}|xn--fsqu00a|xn--fiqs8s",
        1 => "\u{0301}[a-z]{1,3}|[a\u{E000}\u{FFFD}\u{2603}\u{00A0}]{1,3}",
    ]
}

/// Domain-ish strings: labels joined by ASCII, ideographic or full-width dots, under a suffix
/// that exists, a special-use one, a one-letter or unknown one, a number, or none.
fn domain() -> impl Strategy<Value = String> {
    let suffix = prop::sample::select(vec![
        "com", "cn", "com.cn", "gov.cn", "中国", "xn--fiqs8s", "公司", "io", "github.io", "de", "co.uk", "google", "invalid",
        "local", "localhost", "arpa", "in-addr.arpa", "home.arpa", "test", "example", "example.com", "onion", "internal", "b",
        "x", "1", "123", "zz", "",
    ]);
    let dot = prop::sample::select(vec![".", ".", ".", "。", "．", "｡"]);
    (prop::collection::vec((label(), dot), 1..4), suffix, any::<bool>()).prop_map(|(labels, suffix, upper)| {
        let mut d = String::new();
        for (i, (label, dot)) in labels.iter().enumerate() {
            if i > 0 {
                d.push_str(dot);
            }
            d.push_str(label);
        }
        if !suffix.is_empty() {
            d.push('.');
            d.push_str(suffix);
        }
        if upper {
            d = d.to_uppercase();
        }
        d
    })
}

/// The issues of `check_domain(d)` that say the domain is not a real, well-formed name.
fn domain_errors(d: &str, options: &Options) -> Vec<Issue> {
    check_domain(d, options).issues.into_iter().filter(|i| i.severity == Severity::Error && !ELIGIBILITY_ONLY.contains(&i.code)).collect()
}

fn is_domain_code(code: &str) -> bool {
    code.starts_with("email.format.domain")
}

// ------------------------------------------------------------------------------------------
// 2. The property.

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    /// Anything `check_domain` refuses as a domain (not as a filing) is refused inside an
    /// e-mail address: an e-mail domain finding, an error unless the domain error is one of
    /// WARNED_IN_EMAIL.
    #[test]
    fn what_check_domain_refuses_an_email_refuses(d in domain(), province in prop::option::of(prop::sample::select(vec!["BJ", "SH", "GD"]))) {
        let options = Options { province: province.and_then(icp_precheck::Province::parse), ..options() };
        // The form field is trimmed of white space and of the invisible characters copy and
        // paste leaves (ZWSP, ZWNJ, ZWJ, WORD JOINER, BOM) before the address is read: the
        // e-mail's domain is `d` without them at its end, and that is what check_domain is
        // given. (It trims them too, but ZWNJ / ZWJ, which it refuses: see the differential
        // test's "joiners ending the field".)
        let d = d.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')).to_owned();
        let errors = domain_errors(&d, &options);
        let address = format!("user@{d}");
        let email = email_issues(&address, &options);
        if !errors.is_empty() {
            let findings: Vec<&Issue> = email.iter().filter(|i| is_domain_code(i.code)).collect();
            prop_assert!(!findings.is_empty(), "{:?}: check_domain {:?}, e-mail {:?}", d, summary(&errors), summary(&email));
            let warned_only = errors.iter().all(|i| WARNED_IN_EMAIL.contains(&i.code));
            if !warned_only {
                prop_assert!(findings.iter().any(|i| i.severity == Severity::Error), "{:?}: check_domain {:?}, e-mail {:?}", d, summary(&errors), summary(&email));
            }
        }
        // And the other way round for what is certain: an e-mail domain error is never about
        // a domain that check_domain accepts as it was written (nothing stripped).
        let stripped = check_domain(&d, &options).issues.iter().any(|i| i.code == "domain.stripped");
        if errors.is_empty() && !stripped && !d.chars().any(char::is_whitespace) {
            let refused: Vec<&Issue> = email.iter().filter(|i| is_domain_code(i.code) && i.severity == Severity::Error).collect();
            prop_assert!(refused.is_empty(), "{:?}: check_domain accepts it, e-mail {:?}", d, summary(&email));
        }
    }
}

// ------------------------------------------------------------------------------------------
// 3. The differential test.

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Verdict {
    Accepted,
    Warned,
    Refused,
}

fn verdict(issues: &[&Issue]) -> Verdict {
    if issues.iter().any(|i| i.severity == Severity::Error) {
        Verdict::Refused
    } else if issues.is_empty() {
        Verdict::Accepted
    } else {
        Verdict::Warned
    }
}

/// A difference between the two verdicts that is meant, with its reason.
struct Difference {
    name: &'static str,
    reason: &'static str,
    /// `check_domain`'s verdict and the e-mail's.
    verdicts: (Verdict, Verdict),
    /// Whether this difference explains one case: `check_domain`'s non-eligibility issues and
    /// the e-mail's domain issues.
    matches: fn(&str, &[&Issue], &[&Issue]) -> bool,
}

fn codes<'a>(issues: &'a [&Issue]) -> impl Iterator<Item = &'static str> + 'a {
    issues.iter().map(|i| i.code)
}

const DIFFERENCES: &[Difference] = &[
    Difference {
        name: "pasted URL parts",
        reason: "check_domain reads a pasted URL and strips its scheme, port, path, query, fragment or \
                 trailing dot (`domain.stripped`, a warning) before checking the host; an address's \
                 domain may hold none of `: / ? # %` and may not end in a dot (RFC 5321 `Domain`), so \
                 the e-mail refuses the character (`email.format.domain`) or the dot (`email.format.domain_dot`)",
        verdicts: (Verdict::Warned, Verdict::Refused),
        matches: |_, domain, email| {
            codes(domain).all(|c| c == "domain.stripped") && codes(email).all(|c| c == "email.format.domain" || c == "email.format.domain_dot")
        },
    },
    Difference {
        name: "white space",
        reason: "check_domain trims white space around what was pasted, silently; inside an address \
                 white space of any kind (U+00A0, U+2003, …) is no part of a domain, so the e-mail \
                 refuses it (`email.format.domain`)",
        verdicts: (Verdict::Accepted, Verdict::Refused),
        matches: |_, domain, email| domain.is_empty() && codes(email).all(|c| c == "email.format.domain"),
    },
    Difference {
        name: "bare public suffix",
        reason: "a public suffix (`com.cn`, `cn`) cannot be filed (`domain.is_suffix`, an error), but \
                 the RFCs do not forbid mail to it, so for an address it is a warning \
                 (`email.format.domain_suffix`)",
        verdicts: (Verdict::Refused, Verdict::Warned),
        matches: |_, domain, email| codes(domain).all(|c| c == "domain.is_suffix") && codes(email).all(|c| c == "email.format.domain_suffix"),
    },
    Difference {
        name: "joiners ending the field",
        reason: "every form field is trimmed of the invisible characters copy and paste leaves at \
                 its ends, ZWNJ and ZWJ included (`fields::normalize::trim`), before the address is \
                 read; check_domain trims ZWSP, BOM and WORD JOINER but keeps ZWNJ / ZWJ, which \
                 UTS #46 CheckJoiners then refuses. The e-mail's domain is the trimmed one",
        verdicts: (Verdict::Refused, Verdict::Accepted),
        matches: |given, domain, email| ends_with_joiner(given) && codes(domain).all(|c| c == "domain.invalid") && email.is_empty(),
    },
];

/// Ends in ZWNJ or ZWJ, which the form field trims and check_domain does not.
fn ends_with_joiner(domain: &str) -> bool {
    domain.ends_with(['\u{200C}', '\u{200D}'])
}

/// The e-mail code `check_domain`'s first finding maps to (`forms::email`'s table), for the
/// finer comparison of the cases both refuse.
fn expected_email_code(issue: &Issue) -> &'static str {
    let has = |name: &str| issue.params.get(name).is_some();
    match issue.code {
        "domain.empty" => "email.format.domain_empty",
        "domain.too_long" => "email.format.domain_too_long",
        "domain.ip_address" => "email.format.domain_numeric_tld",
        "domain.single_label" => "email.format.domain_single_label",
        "domain.is_suffix" => "email.format.domain_suffix",
        "domain.reserved" => "email.format.domain_reserved",
        "domain.unknown_tld" => "email.format.domain_tld_unknown",
        "domain.invalid" => match issue.params.get("rule").map(ToString::to_string).as_deref() {
            Some("UseSTD3ASCIIRules") => "email.format.domain",
            Some("CheckHyphens") => "email.format.domain_hyphen",
            Some("VerifyDnsLength") if has("label") => "email.format.domain_label_too_long",
            Some("VerifyDnsLength") if has("length") => "email.format.domain_too_long",
            Some("VerifyDnsLength") => "email.format.domain_dot",
            _ => "email.format.domain_invalid",
        },
        _ => "?",
    }
}

/// Whether `check_domain` judged another string than the one given: it stripped URL parts
/// (an empty path `/` without a `domain.stripped` warning), a trailing dot or surrounding
/// white space, or found nothing left of a host. Its folding (full width, `。`) keeps the
/// number of characters; stripping does not.
fn rewritten(domain: &str, report: &icp_precheck::DomainReport) -> bool {
    report.host.as_deref().is_none_or(|host| host.chars().count() != domain.chars().count())
}

/// Where both refuse but the e-mail names another problem than `check_domain`'s first: (name,
/// reason, whether it explains a case from `check_domain`'s first error, the e-mail's first
/// error, and whether `check_domain` rewrote the input).
type CodeDifference = (&'static str, &'static str, fn(&str, &Issue, &Issue, bool) -> bool);

const CODE_DIFFERENCES: &[CodeDifference] = &[
    (
        "joiners ending the field",
        "the form field is trimmed of ZWNJ / ZWJ at its end before the address is read (see the \
         verdict difference of that name): the e-mail judges what is left (nothing, \
         `email.format.domain_empty`, or a shorter name), check_domain the joiner (`domain.invalid`)",
        |given, d, _, _| ends_with_joiner(given) && d.code == "domain.invalid",
    ),
    (
        "check_domain judged what was left after stripping",
        "check_domain strips URL parts, a trailing dot and surrounding white space (or finds no \
         host left at all, `domain.empty`) and then judges the rest; the address holds a character \
         or a final dot no domain may, which the syntax step names (`email.format.domain`, \
         `email.format.domain_dot`) before anything else",
        |_, _, e, rewritten| rewritten && (e.code == "email.format.domain" || e.code == "email.format.domain_dot"),
    ),
    (
        "the syntax step names the first bad character or dot",
        "the address grammar's checks (`fields::email`) run before the pipeline and stop at the \
         first character no domain may hold (`_`, U+00A0 inside a label) or the first empty \
         label (`.a.123`); check_domain may have failed first on another label for another UTS \
         #46 rule (`domain.invalid`), or, reading the host as a URL parser does, taken a name \
         ending in a number for an IP address before looking at its labels \
         (`domain.ip_address`)",
        |_, d, e, rewritten| {
            !rewritten && (d.code == "domain.invalid" || d.code == "domain.ip_address") && (e.code == "email.format.domain" || e.code == "email.format.domain_dot")
        },
    ),
];

fn corpus_domain() -> impl Strategy<Value = String> {
    let real = prop::sample::select(vec![
        "qq.com", "163.com", "126.com", "gmail.com", "outlook.com", "foxmail.com", "sina.com.cn", "aliyun.com", "example.cn",
        "mail.example.cn", "user.github.io", "xyz.gov.cn", "例子.中国", "例子.公司", "bücher.de", "abc.google", "x.io",
        // Bare public suffixes, and a host name that is no domain.
        "com.cn", "cn", "gov.cn", "中国", "xn--fiqs8s", "github.io", "mailhost",
    ])
    .prop_map(str::to_owned);
    // What people paste: URL parts, a trailing dot, white space.
    let noise = prop::sample::select(vec!["/", "/path", ":25", "?x", "#x", ".", "。", "\u{2003}", "\u{00A0}", "\u{200D}"]);
    prop_oneof![
        6 => domain(),
        2 => real,
        1 => (domain(), noise.clone()).prop_map(|(d, n)| format!("{d}{n}")),
        1 => (noise, domain()).prop_map(|(n, d)| format!("{n}{d}")),
    ]
}

fn corpus_local() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[a-z0-9]{1,12}([._+-][a-z0-9]{1,8}){0,2}",
        // A warning about the local part: the domain is judged all the same.
        1 => "[张李王][三四五]{0,2}",
        1 => "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,20}",
        1 => "[a-z]{60,64}",
    ]
}

const SEED: [u8; 32] = *b"icp-precheck e-mail differential";
const CORPUS: usize = 12_000;

#[test]
fn differential_against_check_domain() {
    let mut runner = TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::ChaCha, &SEED));
    let strategy = (corpus_local(), corpus_domain());
    let options = options();

    let mut judged = 0usize;
    let mut not_judged: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut matrix: BTreeMap<(Verdict, Verdict), usize> = BTreeMap::new();
    let mut listed: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut same_code = 0usize;
    let mut code_listed: BTreeMap<&'static str, (usize, Vec<String>)> = BTreeMap::new();
    let mut unexplained = Vec::new();

    for _ in 0..CORPUS {
        let (local, domain) = strategy.new_tree(&mut runner).map(|t| t.current()).unwrap_or_default();
        let address = format!("{local}@{domain}");
        let email = email_issues(&address, &options);
        let email_domain: Vec<&Issue> = email.iter().filter(|i| is_domain_code(i.code)).collect();
        // A certain error about the local part ends the check before the domain: nothing to
        // compare. (A warning about it, or a length error, does not: the domain is judged.)
        if let Some(stop) = email.iter().find(|i| !is_domain_code(i.code) && i.severity == Severity::Error && i.code != "email.format.too_long") {
            *not_judged.entry(stop.code).or_default() += 1;
            continue;
        }
        judged += 1;
        let report = check_domain(&domain, &options);
        let domain_issues: Vec<&Issue> = report.issues.iter().filter(|i| !ELIGIBILITY_ONLY.contains(&i.code)).collect();
        let pair = (verdict(&domain_issues), verdict(&email_domain));
        *matrix.entry(pair).or_default() += 1;
        if pair.0 != pair.1 {
            match DIFFERENCES.iter().find(|d| d.verdicts == pair && (d.matches)(&domain, &domain_issues, &email_domain)) {
                Some(d) => *listed.entry(d.name).or_default() += 1,
                None => unexplained.push(format!(
                    "{address:?}: check_domain {:?} {:?}, e-mail {:?} {:?}",
                    pair.0,
                    codes(&domain_issues).collect::<Vec<_>>(),
                    pair.1,
                    codes(&email_domain).collect::<Vec<_>>()
                )),
            }
            continue;
        }
        // Both refuse: does the e-mail name the problem check_domain names first?
        if pair.0 == Verdict::Refused {
            let first_domain = domain_issues.iter().find(|i| i.severity == Severity::Error);
            let first_email = email_domain.iter().find(|i| i.severity == Severity::Error);
            if let (Some(d), Some(e)) = (first_domain, first_email) {
                let expected = expected_email_code(d);
                let rewritten = rewritten(&domain, &report);
                if expected == e.code {
                    same_code += 1;
                } else if let Some((name, _, _)) = CODE_DIFFERENCES.iter().find(|(_, _, matches)| matches(&domain, d, e, rewritten)) {
                    let entry = code_listed.entry(name).or_default();
                    entry.0 += 1;
                    if entry.1.len() < 3 {
                        entry.1.push(format!("{address:?}: {} → {}", d.code, e.code));
                    }
                } else {
                    unexplained.push(format!("{address:?}: both refuse, check_domain {} (→ {expected}), e-mail {}", d.code, e.code));
                }
            }
        }
    }

    let agree: usize = matrix.iter().filter(|((a, b), _)| a == b).map(|(_, n)| n).sum();
    println!("e-mail domain vs check_domain: {CORPUS} addresses (seed {:?}), {judged} with the domain judged", std::str::from_utf8(&SEED).unwrap_or_default());
    println!("  domain not judged (a certain error in the local part or the @): {not_judged:?}");
    println!("  verdicts (check_domain, e-mail): {matrix:?}");
    println!("  same verdict: {agree}/{judged}; listed differences: {listed:?}");
    println!("  both refuse with the mapped code: {same_code}");
    for (name, (n, examples)) in &code_listed {
        println!("  both refuse, another code: {name}: {n}, e.g. {examples:?}");
    }
    assert!(judged >= 10_000, "only {judged} addresses had their domain judged");
    assert!(unexplained.is_empty(), "{} unexplained differences:\n{}", unexplained.len(), unexplained.iter().take(40).cloned().collect::<Vec<_>>().join("\n"));
    // Every listed difference still happens: the list says what differs, no more.
    for d in DIFFERENCES {
        assert!(listed.get(d.name).is_some_and(|n| *n > 0), "listed difference {:?} never seen: {}", d.name, d.reason);
    }
    for (name, reason, _) in CODE_DIFFERENCES {
        assert!(code_listed.get(name).is_some_and(|(n, _)| *n > 0), "listed code difference {name:?} never seen: {reason}");
    }
}

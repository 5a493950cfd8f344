//! A principal's e-mail address (§2.8 P7): the address's own syntax (`fields::email`), then
//! its domain through the same pipeline as `checkDomain` (`crate::domain`: UTS #46 with the
//! registry flags, labels, DNS lengths, IP addresses, special-use names, the TLD's existence),
//! each of its findings reported at the e-mail's path with an e-mail code.
//!
//! Only what says whether the domain is a real, well-formed name that mail could be delivered
//! to applies. What the pipeline says about filing the domain does not (`ELIGIBILITY_ONLY`):
//! a contact at `gmail.com`, `web.de` (a suffix MIIT has not approved), `x.io` (one it
//! refuses) or `user.github.io` (a platform's sub-domain) is fine. The domain is normalised,
//! never refused for its form: upper case, full-width letters and dots, U-labels
//! (`user@例子.中国` is checked as `xn--fsqu00a.xn--fiqs8s`).
//!
//! | domain pipeline | e-mail code | severity |
//! |---|---|---|
//! | `domain.too_long` (over 4,096 characters), `domain.invalid` `VerifyDnsLength` (name) | `email.format.domain_too_long` | error |
//! | `domain.invalid` `UseSTD3ASCIIRules` | `email.format.domain` | error |
//! | `domain.invalid` `CheckHyphens` | `email.format.domain_hyphen` | error |
//! | `domain.invalid` `VerifyDnsLength` (empty label / label) | `email.format.domain_dot` / `email.format.domain_label_too_long` | error |
//! | `domain.invalid` (any other rule: disallowed characters, bidi, joiners, Punycode, label validity) | `email.format.domain_invalid` (`rule` as in `domain.invalid`) | error |
//! | `domain.ip_address` | `email.format.domain_numeric_tld` | error |
//! | `domain.reserved` | `email.format.domain_reserved` | error |
//! | `domain.single_label` | `email.format.domain_single_label` | error |
//! | `domain.unknown_tld` | `email.format.domain_tld_unknown` | error |
//! | `domain.is_suffix` | `email.format.domain_suffix` | warning |
//! | `ELIGIBILITY_ONLY`, `NOT_APPLICABLE` | — | |
//!
//! Severity follows the RFCs: each error is a name mail cannot be delivered to (RFC 5321
//! §2.3.5 allows only resolvable fully-qualified names; RFC 5890–5893 and UTS #46 say which
//! names are valid; RFC 6761 and the IANA registry reserve the special-use ones). A bare
//! public suffix is only a warning: nobody has a mailbox at `com.cn`, but no RFC forbids it.
//! Address literals (`user@[192.0.2.1]`) are refused by the syntax step; why that is an error
//! is said at [`crate::fields::email::Error::DomainLiteral`].

use super::Ctx;
use crate::domain::{Arg, DomainCheck, Finding};
use crate::fields::email::{self, Invalid, MAX_LENGTH};
use crate::fields::normalize;
use crate::issue::Severity;
use crate::options::Options;

/// `forms/mod.rs` implements its `Finding` trait for `email::Error` through this name, the
/// module's name there since this module took it.
pub(crate) use crate::fields::email::Error;

/// Domain codes about filing the domain for ICP, not about the name being real: none applies
/// to an e-mail address's domain. (This list and the two below are for the unit test that puts
/// every domain code in one group; `map` needs none of them, as it ignores what it does not name.)
/// - `domain.tld_not_approved`, `domain.tld_unlisted`, `domain.tld_disputed`: MIIT's list of
///   suffixes that can be *filed*; a contact at `gmail.com` or `web.de` is fine.
/// - `domain.brand_tld`: who may hold a name under the TLD, which is the holder's business.
/// - `domain.platform_subdomain`: the platform (not the applicant) holds `github.io`, which
///   matters for filing only; `user.github.io` is a real domain.
/// - `domain.subdomain`: "the sub-domain needs no filing of its own"; `mail.example.cn` is an
///   ordinary mail domain.
/// - `domain.zone_restricted`: which entity types may *file* under `.gov.cn`, `.edu.cn`, …;
///   a contact's address there is fine whoever files.
#[cfg(test)]
const ELIGIBILITY_ONLY: &[&str] = &[
    "domain.tld_not_approved",
    "domain.tld_unlisted",
    "domain.tld_disputed",
    "domain.brand_tld",
    "domain.platform_subdomain",
    "domain.subdomain",
    "domain.zone_restricted",
];

/// Domain codes that cannot arise for a domain that passed the address syntax:
/// - `domain.empty`: the pipeline says so of a host that is nothing, or only `.`, once white
///   space and URL parts are taken off; the syntax step has already refused an empty domain
///   (`email.format.domain_empty`), white space, the characters that start a URL part and a
///   final dot. (A domain of characters UTS #46 maps to nothing, `user@\u{AD}`, is an empty
///   label to the pipeline, `email.format.domain_dot`.)
/// - `domain.stripped` names what the pipeline cut from a pasted URL (scheme, userinfo, port,
///   path, query, fragment, trailing dot); the syntax step has already refused each of the
///   characters that start one (`: / ? # @ %`, white space) and a trailing dot.
#[cfg(test)]
const NOT_APPLICABLE: &[&str] = &["domain.empty", "domain.stripped"];

/// Checks the e-mail address `text` (trimmed, non-empty) of the field at `path`.
pub(crate) fn check(text: &str, path: &str, ctx: &mut Ctx) {
    for finding in findings(text, ctx.options) {
        let severity = if finding.is_certain() { Severity::Error } else { Severity::Warning };
        ctx.issues.add_with_message(severity, finding.code(), finding.message_key(), path, finding.params());
    }
}

/// Everything wrong with the address, in order: the syntax step's finding, then the domain's.
///
/// The domain is still judged after a syntax finding that leaves it readable: a warning about
/// the local part (`张三@…`, a quoted local part) or an address that is only too long.
pub(crate) fn findings(text: &str, options: &Options) -> Vec<Error> {
    let mut out = Vec::new();
    let (local, domain, domain_is_ascii) = match email::validate(text) {
        Ok(address) => (address.local, address.domain, address.domain_is_ascii),
        Err(first) => {
            let go_on = !first.is_certain() || matches!(first, Error::TooLong { .. });
            out.push(first);
            if !go_on {
                return out;
            }
            match email::parts(text) {
                Some((local, domain, Ok(domain_is_ascii))) => (local, domain, domain_is_ascii),
                Some((_, _, Err(syntax))) => {
                    out.push(syntax);
                    return out;
                }
                None => return out,
            }
        }
    };
    let length_reported = out.iter().any(|e| matches!(e, Error::TooLong { .. }));
    let value = normalize::excerpt(text);
    let check = DomainCheck::new(&domain, options);
    let mut refused = false;
    for finding in check.findings() {
        if let Some(error) = map(&check, finding, &value, &domain) {
            refused |= error.is_certain();
            out.push(error);
        }
    }
    // An ASCII domain's length was checked with the syntax; a non-ASCII one counts in the
    // A-label form, in which it travels unless both ends speak SMTPUTF8 (RFC 6531).
    if let (false, false, false, Some(ascii)) = (domain_is_ascii, length_reported, refused, check.ascii()) {
        let length = local.len() + 1 + ascii.len();
        if length > MAX_LENGTH {
            out.push(Error::TooLong { value, length });
        }
    }
    out
}

/// The text of a finding's param `name` (empty when it has none).
fn param(check: &DomainCheck<'_>, finding: &Finding, name: &str) -> String {
    match check.params(finding).iter().find(|(n, _)| *n == name).map(|(_, arg)| *arg) {
        Some(Arg::Static(s)) => s.to_owned(),
        Some(Arg::Text(span)) => check.text(span).to_owned(),
        Some(Arg::Number(n)) => n.to_string(),
        None => String::new(),
    }
}

/// The e-mail finding for one of the pipeline's, or `None` for those that do not apply
/// (`ELIGIBILITY_ONLY`, `NOT_APPLICABLE`). See the table in the module documentation.
fn map(check: &DomainCheck<'_>, finding: &Finding, value: &str, domain: &str) -> Option<Error> {
    let text = |name: &str| param(check, finding, name);
    let number = |name: &str| text(name).parse::<usize>().unwrap_or_default();
    let value = value.to_owned();
    let domain = normalize::excerpt(domain);
    let invalid = |reason: Invalid| Error::DomainInvalid { value: value.clone(), domain: domain.clone(), rule: text("rule"), reason };
    Some(match finding.code {
        "domain.too_long" => Error::DomainTooLong { value, domain, length: number("length") },
        "domain.ip_address" => Error::DomainNumericTld { value, domain },
        "domain.single_label" => Error::DomainSingleLabel { value, domain },
        "domain.is_suffix" => Error::DomainSuffix { value, domain },
        "domain.reserved" => Error::DomainReserved { value, domain, reserved: text("reserved"), rfc: text("rfc") },
        "domain.unknown_tld" => Error::DomainTldUnknown { value, domain, tld: text("tld"), psl_version: text("psl_version") },
        "domain.invalid" => match finding.message_key {
            "domain.invalid.std3" => match text("character").chars().next() {
                Some(character) => Error::DomainCharacter { value, domain, character },
                None => invalid(Invalid::Other),
            },
            "domain.invalid.hyphens" => Error::DomainHyphen { value, domain, label: text("label") },
            "domain.invalid.empty_label" => Error::DomainDot { value, domain },
            "domain.invalid.label_too_long" => Error::DomainLabelTooLong { value, label: text("label"), length: number("length") },
            "domain.invalid.name_too_long" => Error::DomainTooLong { value, domain, length: number("length") },
            "domain.invalid.disallowed" => invalid(Invalid::Disallowed { character: text("character"), codepoint: text("codepoint") }),
            "domain.invalid.bidi" => invalid(Invalid::Bidi { label: text("label") }),
            "domain.invalid.joiners" => invalid(Invalid::Joiners { label: text("label") }),
            "domain.invalid.punycode" => invalid(Invalid::Punycode { label: text("label") }),
            "domain.invalid.label" => invalid(Invalid::Label { label: text("label") }),
            _ => invalid(Invalid::Other),
        },
        // ELIGIBILITY_ONLY and NOT_APPLICABLE; and a code the pipeline gained later, which the
        // unit test `every_domain_code_is_mapped_or_set_aside` fails on until it is put in one
        // of the groups: until then it does not apply.
        _ => return None,
    })
}

/// The domain codes [`map`] turns into e-mail findings.
#[cfg(test)]
const MAPPED: &[&str] = &[
    "domain.too_long",
    "domain.ip_address",
    "domain.single_label",
    "domain.is_suffix",
    "domain.reserved",
    "domain.unknown_tld",
    "domain.invalid",
];

#[cfg(test)]
#[allow(clippy::panic, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::issue::Issues;
    use crate::options::Locale;

    fn codes(text: &str) -> Vec<&'static str> {
        findings(text, &Options::default()).iter().map(Error::code).collect()
    }

    fn issues(text: &str, locale: Locale) -> Vec<crate::Issue> {
        let options = Options { locale, ..Options::default() };
        let mut issues = Issues::new(locale);
        let mut ctx = Ctx::new(&options, &mut issues);
        check(text, "responsible.email", &mut ctx);
        issues.into_vec()
    }

    #[test]
    fn every_domain_code_is_mapped_or_set_aside() {
        // The pipeline's codes are the two-part keys of its catalogue file (forms.toml has a
        // website rule under `domain.` too, which the pipeline never reports).
        let domain_codes: Vec<&str> = include_str!("../../data/messages/domain.toml")
            .lines()
            .filter_map(|line| line.strip_prefix("[\"").and_then(|l| l.strip_suffix("\"]")))
            .filter(|key| key.split('.').count() == 2)
            .collect();
        for code in &domain_codes {
            let groups = [MAPPED, ELIGIBILITY_ONLY, NOT_APPLICABLE].iter().filter(|g| g.contains(code)).count();
            assert_eq!(groups, 1, "{code} must be in exactly one of MAPPED, ELIGIBILITY_ONLY, NOT_APPLICABLE");
        }
        for code in MAPPED.iter().chain(ELIGIBILITY_ONLY).chain(NOT_APPLICABLE) {
            assert!(domain_codes.contains(code), "{code} is no domain code");
        }
    }

    #[test]
    fn each_class_of_domain_defect() {
        let long = format!("a@{}.com", "b".repeat(64));
        let long_idn = "a@例子甲乙丙丁戊己庚辛壬癸天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往.com";
        let name = vec!["例子"; 40].join(".");
        let too_long_idn = format!("a@{name}.中国");
        let cases: Vec<(&str, &[&str])> = vec![
            ("a@example.cn", &[]),
            ("a@-例子.中国", &["email.format.domain_hyphen"]),
            ("a@例子-.中国", &["email.format.domain_hyphen"]),
            ("a@ab--cd.com", &["email.format.domain_hyphen"]),
            ("a@-example.cn", &["email.format.domain_hyphen"]),
            ("a@例\u{E000}子.中国", &["email.format.domain_invalid"]),
            ("a@例\u{200D}子.中国", &["email.format.domain_invalid"]),
            ("a@\u{05D0}1a.com", &["email.format.domain_invalid"]),
            ("a@xn--zz.com", &["email.format.domain_invalid"]),
            ("a@a\u{2474}.com", &["email.format.domain"]),
            (&long, &["email.format.domain_label_too_long"]),
            (long_idn, &["email.format.domain_label_too_long"]),
            (&too_long_idn, &["email.format.domain_too_long"]),
            ("a@x.invalid", &["email.format.domain_reserved"]),
            ("a@printer.local", &["email.format.domain_reserved"]),
            ("a@localhost", &["email.format.domain_reserved"]),
            ("a@1.0.0.127.in-addr.arpa", &["email.format.domain_reserved"]),
            ("a@例子.local", &["email.format.domain_reserved"]),
            ("a@a.b", &["email.format.domain_tld_unknown"]),
            ("a@例子.c", &["email.format.domain_tld_unknown"]),
            ("a@mailhost", &["email.format.domain_single_label"]),
            ("a@com.cn", &["email.format.domain_suffix"]),
            ("a@cn", &["email.format.domain_suffix"]),
            ("a@192.0.2.1", &["email.format.domain_numeric_tld"]),
            ("a@0x7f.1", &["email.format.domain_numeric_tld"]),
            ("a@a.123", &["email.format.domain_numeric_tld"]),
            ("a@[192.0.2.1]", &["email.format.domain_literal"]),
        ];
        for (input, expected) in cases {
            assert_eq!(codes(input), expected, "{input}");
        }
    }

    #[test]
    fn filing_rules_do_not_apply() {
        for input in [
            "someone@gmail.com",
            "someone@outlook.com",
            "someone@web.de",
            "someone@user.github.io",
            "someone@mail.example.cn",
            "someone@xyz.gov.cn",
            "someone@abc.google",
            "someone@例子.公司",
            "someone@x.io",
        ] {
            assert_eq!(codes(input), Vec::<&str>::new(), "{input}");
        }
        let options = Options { entity_type: Some(crate::rules::EntityType::parse("individual").unwrap()), ..Options::default() };
        assert!(findings("someone@xyz.gov.cn", &options).is_empty());
    }

    #[test]
    fn normalised_not_refused() {
        for input in ["User@EXAMPLE.CN", "用户@例子.中国", "a@例子。中国", "a@ＥＸＡＭＰＬＥ．ＣＮ", "a@BÜCHER.DE", "a@faß.de", "a@ex\u{200B}ample.cn"] {
            let found = findings(input, &Options::default());
            assert!(found.iter().all(|e| !e.is_certain()), "{input}: {found:?}");
            assert!(found.iter().all(|e| !e.code().starts_with("email.format.domain")), "{input}: {found:?}");
        }
    }

    #[test]
    fn the_domain_is_judged_after_a_local_part_warning() {
        assert_eq!(codes("张三@x.invalid"), ["email.format.local_non_ascii", "email.format.domain_reserved"]);
        assert_eq!(codes("\"a@b\"@x.invalid"), ["email.format.quoted_local", "email.format.domain_reserved"]);
        assert_eq!(codes("张三@x..cn"), ["email.format.local_non_ascii", "email.format.domain_dot"]);
        assert_eq!(codes("张三@例子.中国"), ["email.format.local_non_ascii"]);
        // A certain error about the local part stops there.
        assert_eq!(codes(".a@x.invalid"), ["email.format.local_dot"]);
    }

    #[test]
    fn lengths_count_the_a_label_form() {
        // 16 different Han characters are 52 octets as an A-label: with a 64-character local
        // part, four of them and `.中国` (xn--fiqs8s) make 135 characters as typed, 287 octets
        // as sent.
        let label = "例子甲乙丙丁戊己庚辛壬癸天地玄黄";
        let domain = format!("{label}.{label}.{label}.{label}.中国");
        let address = format!("{}@{domain}", "a".repeat(64));
        let found = findings(&address, &Options::default());
        assert_eq!(found, [Error::TooLong { value: normalize::excerpt(&address), length: 287 }]);
        // Three fit.
        let address = format!("{}@{label}.{label}.{label}.中国", "a".repeat(64));
        assert!(findings(&address, &Options::default()).is_empty());
        // An ASCII address that is too long still has its domain judged.
        let long = format!("{}@{}.invalid", "a".repeat(64), vec!["c".repeat(63); 3].join("."));
        assert_eq!(codes(&long), ["email.format.too_long", "email.format.domain_reserved"]);
    }

    #[test]
    fn issues_carry_the_path_severity_rule_and_message() {
        let found = issues("a@例\u{200D}子.中国", Locale::En);
        assert_eq!(found.len(), 1);
        let issue = &found[0];
        assert_eq!((issue.code, issue.path.as_str(), issue.severity), ("email.format.domain_invalid", "responsible.email", Severity::Error));
        assert_eq!(issue.params.get("rule").map(ToString::to_string).as_deref(), Some("CheckJoiners"));
        assert!(issue.message.contains("zero-width"), "{}", issue.message);
        for (input, rule) in [("a@例\u{E000}子.中国", "Validity"), ("a@\u{05D0}1a.com", "CheckBidi"), ("a@xn--zz.com", "Punycode")] {
            let found = issues(input, Locale::ZhCn);
            assert_eq!(found[0].params.get("rule").map(ToString::to_string).as_deref(), Some(rule), "{input}");
        }
        let found = issues("a@com.cn", Locale::ZhCn);
        assert_eq!(found[0].severity, Severity::Warning);
        let found = issues("a@[192.0.2.1]", Locale::ZhCn);
        assert_eq!(found[0].severity, Severity::Error);
        for input in ["a@x.invalid", "a@a.b", "a@mailhost", "a@-x.cn", "a@192.0.2.1", "a@a\u{2474}.com"] {
            let found = issues(input, Locale::En);
            assert!(found.iter().all(|i| i.severity == Severity::Error && !i.message.contains('{')), "{input}: {found:?}");
        }
    }

    #[test]
    fn every_mapped_finding_has_its_messages() {
        let name = vec!["例子"; 40].join(".");
        let inputs = [
            format!("a@{name}.中国"),
            "a@例子甲乙丙丁戊己庚辛壬癸天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往.com".to_owned(),
            "a@例\u{E000}子.中国".to_owned(),
            "a@例\u{200D}子.中国".to_owned(),
            "a@\u{05D0}1a.com".to_owned(),
            "a@xn--zz.com".to_owned(),
            "a@\u{0301}a.com".to_owned(),
            "a@a\u{2474}.com".to_owned(),
            "a@-x.cn".to_owned(),
            "a@x.invalid".to_owned(),
            "a@a.b".to_owned(),
            "a@mailhost".to_owned(),
            "a@com.cn".to_owned(),
            "a@0x7f.1".to_owned(),
        ];
        let mut keys = Vec::new();
        for input in &inputs {
            for e in findings(input, &Options::default()) {
                crate::ids::test_support::assert_renders(e.message_key(), &e.params());
                keys.push(e.message_key());
            }
        }
        assert!(keys.contains(&"email.format.domain_invalid.label"), "{keys:?}");
        for key in ["email.format.domain_invalid.disallowed", "email.format.domain_invalid.bidi", "email.format.domain_invalid.joiners", "email.format.domain_invalid.punycode"] {
            assert!(keys.contains(&key), "{key} not produced: {keys:?}");
        }
    }

    #[test]
    fn huge_domains_cost_little() {
        let huge = format!("a@{}.中国", "例".repeat(100_000));
        assert_eq!(codes(&huge), ["email.format.domain_too_long"]);
        let huge = format!("a@{}.com", "b".repeat(100_000));
        assert_eq!(codes(&huge), ["email.format.too_long", "email.format.domain_too_long"]);
    }
}

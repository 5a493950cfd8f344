//! The domain check as a console uses it: what a person pastes in, what comes out.

use icp_precheck::{check_domain, check_domains, DomainReport, EntityType, Locale, Options, Province, Severity};

fn check(input: &str) -> DomainReport {
    check_domain(input, &Options::default())
}

fn codes(report: &DomainReport) -> Vec<(&'static str, Severity)> {
    report.issues.iter().map(|i| (i.code, i.severity)).collect()
}

fn has_error(report: &DomainReport, code: &str) -> bool {
    report.issues.iter().any(|i| i.code == code && i.severity == Severity::Error)
}

fn beijing() -> Options {
    Options::default().with_province(Province::parse("北京").expect("Beijing"))
}

#[test]
fn every_ip_form_is_refused() {
    for input in [
        "192.168.0.1", "139.196.74.248", "2130706433", "0x7f.1", "0177.0.0.1", "127.1", "0x7F000001",
        "http://127.0.0.1:8080/", "１２７．０．０．１", "127。0。0。1", "1.2.3.4.", "mysite.123", "1.2.3.256",
        "[::1]", "::1", "http://[2001:db8::1]:443/x", "2001:db8::1", "fe80::1%eth0", "[fe80::1%25eth0]",
        "::ffff:192.168.0.1", "[::ffff:127.0.0.1]", "http://%30x7f.1/",
    ] {
        let report = check(input);
        assert!(has_error(&report, "domain.ip_address"), "{input}: {:?}", codes(&report));
        assert!(!report.ok);
        assert_eq!(report.registrable, None, "{input}");
    }
    let report = check("0x7f.1");
    let address = report.issues.iter().find(|i| i.code == "domain.ip_address").and_then(|i| i.params.get("address")).map(|p| p.to_string());
    assert_eq!(address.as_deref(), Some("127.0.0.1"));
}

#[test]
fn pasted_forms_normalise_to_the_registrable_domain() {
    let cases = [
        ("https://www.MySite.COM/path?q=1#x", "mysite.com", "www"),
        ("ｗｗｗ．ｍｙｓｉｔｅ．ｃｏｍ", "mysite.com", "www"),
        ("  shop.mysite.com.cn.  ", "mysite.com.cn", "shop"),
        ("http://user:pw@a.b.mysite.bj.cn:8080/", "mysite.bj.cn", "a.b"),
        ("www.例子。中国", "xn--fsqu00a.xn--fiqs8s", "www"),
        ("https://ｍａｉｌ．例子．公司／", "xn--fsqu00a.xn--55qx5d", "mail"),
        ("blog.xn--fsqu00a.xn--fiqs8s", "xn--fsqu00a.xn--fiqs8s", "blog"),
    ];
    for (input, registrable, subdomain) in cases {
        let report = check(input);
        assert_eq!(report.registrable.as_deref(), Some(registrable), "{input}: {:?}", report.issues);
        assert_eq!(report.subdomain.as_deref(), Some(subdomain), "{input}");
        assert!(report.ok, "{input}: {:?}", report.issues);
    }
    // White space left after the scheme or the user name goes with it.
    for input in ["https:// www.mysite.com/", "user@ www.mysite.com"] {
        assert_eq!(check(input).host.as_deref(), Some("www.mysite.com"), "{input}");
    }
    // A scheme starts with a letter (RFC 3986 §3.1): `1http:` is no scheme, so nothing is
    // stripped as one.
    let report = check("1http://mysite.com");
    assert_ne!(report.host.as_deref(), Some("mysite.com"), "{:?}", report.issues);
    // An ideographic space inside a name is the space it is as wide as, and named as one.
    let report = check("my\u{3000}site.com");
    let invalid = report.issues.iter().find(|i| i.code == "domain.invalid").expect("domain.invalid");
    assert_eq!(invalid.params.get("host").map(|p| p.to_string()).as_deref(), Some("my site.com"));
    assert_eq!(invalid.params.get("codepoint").map(|p| p.to_string()).as_deref(), Some("U+0020"));
    let report = check("www.例子.中国");
    assert_eq!(report.unicode.as_deref(), Some("www.例子.中国"));
    assert_eq!(report.registrable_unicode.as_deref(), Some("例子.中国"));
    assert_eq!(report.suffix.as_deref(), Some("xn--fiqs8s"));
    assert_eq!(report.tld.as_deref(), Some("xn--fiqs8s"));
}

#[test]
fn stripped_parts_are_reported() {
    let report = check("https://mysite.com:8443/a?b#c");
    let stripped = report.issues.iter().find(|i| i.code == "domain.stripped").expect("domain.stripped");
    assert_eq!(stripped.severity, Severity::Warning);
    assert_eq!(stripped.params.get("parts").map(|p| p.to_string()).as_deref(), Some("scheme,path,query,fragment,port"));
    assert!(report.ok);
    assert!(check(" mysite.com ").issues.is_empty(), "white space is trimmed silently");
    // The message names the parts in the locale's list style.
    let zh = check("https://mysite.com/a");
    let zh = zh.issues.iter().find(|i| i.code == "domain.stripped").expect("domain.stripped");
    assert!(zh.message.starts_with("已从输入中去掉协议（如 https://）、路径，"), "{}", zh.message);
    let en = check_domain("https://user@mysite.com/a", &Options::default().with_locale(Locale::En));
    let en = en.issues.iter().find(|i| i.code == "domain.stripped").expect("domain.stripped");
    assert!(en.message.starts_with("Removed the scheme (such as https://), path, user name (before @) from"), "{}", en.message);
}

#[test]
fn a_bare_suffix_is_named_as_typed() {
    for (input, host) in [("com.cn", "com.cn"), ("公司.cn", "公司.cn"), ("XN--55QX5D.CN", "公司.cn")] {
        let report = check(input);
        let issue = report.issues.iter().find(|i| i.code == "domain.is_suffix").expect("domain.is_suffix");
        assert_eq!(issue.params.get("host").map(|p| p.to_string()).as_deref(), Some(host), "{input}");
    }
}

#[test]
fn national_allowlist() {
    for input in ["mysite.io", "mysite.ai", "mysite.dev", "mysite.org", "mysite.app", "mysite.jp"] {
        let report = check(input);
        assert!(has_error(&report, "domain.tld_not_approved"), "{input}: {:?}", codes(&report));
    }
    for input in ["mysite.top", "mysite.xyz", "mysite.cc", "mysite.co", "例子.中国", "例子.公司", "mysite.com", "mysite.cn", "mysite.com.cn"] {
        let report = check(input);
        assert!(report.ok, "{input}: {:?}", report.issues);
        assert!(report.issues.is_empty(), "{input}: {:?}", report.issues);
    }
    // A country code no source calls fileable is an error even when no source names it.
    for input in ["mysite.de", "mysite.us"] {
        let report = check(input);
        assert_eq!(codes(&report), vec![("domain.tld_not_approved", Severity::Error)], "{input}");
        assert!(report.issues[0].params.get("tag").is_none(), "{input}");
    }
    // A refused suffix says which source refuses it.
    for (input, tag, source) in [("mysite.dev", "C3", "S33"), ("mysite.jp", "C", "S3"), ("mysite.ai", "I", "provider")] {
        let report = check(input);
        let issue = report.issues.iter().find(|i| i.code == "domain.tld_not_approved").expect("domain.tld_not_approved");
        assert_eq!(issue.params.get("tag").map(|p| p.to_string()).as_deref(), Some(tag), "{input}");
        assert!(issue.params.get("evidence").is_some_and(|e| e.to_string().contains(source)), "{input}");
    }
    // Generic TLDs that the 2022 list lacks may have been approved since: a warning only.
    let report = check("mysite.museum");
    assert!(report.ok);
    assert_eq!(codes(&report), vec![("domain.tld_unlisted", Severity::Warning)]);
    // Disputed and brand suffixes.
    assert_eq!(codes(&check("mysite.me")), vec![("domain.tld_disputed", Severity::Warning)]);
    assert_eq!(codes(&check("mysite.baidu")), vec![("domain.brand_tld", Severity::Warning)]);
}

#[test]
fn beijing_list() {
    for input in ["mysite.asia", "mysite.me", "mysite.org", "mysite.io"] {
        let report = check_domain(input, &beijing());
        assert!(has_error(&report, "domain.tld_not_approved"), "{input}: {:?}", codes(&report));
    }
    for input in ["mysite.com", "mysite.tel", "例子.中国", "mysite.top"] {
        let report = check_domain(input, &beijing());
        assert!(report.issues.is_empty(), "{input}: {:?}", report.issues);
    }
    // On the 2022 national list but not on Beijing's 2019 one.
    assert_eq!(codes(&check_domain("mysite.red", &beijing())), vec![("domain.tld_unlisted", Severity::Warning)]);
}

#[test]
fn zones_and_entity_types() {
    let enterprise = Options::default().with_entity_type(EntityType::Enterprise);
    let government = Options::default().with_entity_type(EntityType::Government);
    assert!(has_error(&check_domain("example.gov.cn", &enterprise), "domain.zone_restricted"));
    assert!(check_domain("example.gov.cn", &government).issues.is_empty());
    assert!(check("example.gov.cn").ok, "without an entity type the zone is not judged");
    assert!(has_error(&check_domain("www.mysite.edu.cn", &Options::default().with_entity_type(EntityType::Individual)), "domain.zone_restricted"));
    assert!(has_error(&check_domain("例子.政务", &enterprise), "domain.zone_restricted"));
    assert!(has_error(&check_domain("mysite.政务.cn", &enterprise), "domain.zone_restricted"));
    let org_cn = check_domain("mysite.org.cn", &enterprise);
    assert!(org_cn.ok);
    assert_eq!(codes(&org_cn), vec![("domain.zone_restricted", Severity::Warning)]);
    let tolerated = check_domain("example.gov.cn", &Options::default().with_entity_type(EntityType::PublicInstitution));
    assert_eq!(codes(&tolerated), vec![("domain.zone_restricted", Severity::Warning)]);
}

#[test]
fn suffixes_platforms_reserved_and_unknown() {
    assert!(has_error(&check("com.cn"), "domain.is_suffix"));
    assert!(has_error(&check("中国"), "domain.is_suffix"));
    let github = check("someone.github.io");
    assert!(has_error(&github, "domain.platform_subdomain"), "{:?}", codes(&github));
    assert_eq!(github.registrable.as_deref(), Some("github.io"));
    assert!(has_error(&check("my-app.vercel.app"), "domain.platform_subdomain"));
    assert!(has_error(&check("x.blogspot.com"), "domain.platform_subdomain"));
    for input in ["localhost", "printer.local", "a.test", "example", "example.net", "www.example.com", "x.onion", "1.in-addr.arpa", "foo.invalid"] {
        assert!(has_error(&check(input), "domain.reserved"), "{input}: {:?}", codes(&check(input)));
    }
    assert!(has_error(&check("mysite.notatld"), "domain.unknown_tld"));
    assert!(has_error(&check("intranet"), "domain.single_label"));
}

#[test]
fn invalid_names_say_which_rule() {
    let rule = |input: &str| {
        let report = check(input);
        let issue = report.issues.iter().find(|i| i.code == "domain.invalid").unwrap_or_else(|| panic!("{input}: {:?}", report.issues));
        issue.params.get("rule").map(|p| p.to_string()).unwrap_or_default()
    };
    assert_eq!(rule("-mysite.com"), "CheckHyphens");
    assert_eq!(rule("exa_mple.com"), "UseSTD3ASCIIRules");
    assert_eq!(rule("exa mple.com"), "UseSTD3ASCIIRules");
    assert_eq!(rule("a..com"), "VerifyDnsLength");
    assert_eq!(rule(&format!("{}.com", "a".repeat(64))), "VerifyDnsLength");
    assert_eq!(rule("xn--zz.com"), "Punycode");
    assert!(has_error(&check(""), "domain.empty"));
    assert!(has_error(&check("https://"), "domain.empty"));
    assert!(has_error(&check(&"a".repeat(1 << 20)), "domain.too_long"));
}

#[test]
fn messages_follow_the_locale() {
    let zh = check("mysite.io");
    let en = check_domain("mysite.io", &Options::default().with_locale(Locale::En));
    assert!(zh.issues[0].message.contains("不在工信部批复"), "{}", zh.issues[0].message);
    assert!(en.issues[0].message.contains("not among the top-level domains MIIT has approved"), "{}", en.issues[0].message);
    assert_eq!(zh.issues[0].params, en.issues[0].params);
}

#[test]
fn batch_keeps_order() {
    let reports = check_domains(&["mysite.com", "1.2.3.4", "mysite.io"], &Options::default());
    let ok: Vec<bool> = reports.iter().map(|r| r.ok).collect();
    assert_eq!(ok, vec![true, false, false]);
}

/// `domain.too_long` counts characters, not bytes: 2,000 Chinese characters are 6,000 bytes of
/// UTF-8 but within the 4,096-character limit, and are judged as a domain (invalid for other
/// reasons), while one character past the limit is refused unscanned.
#[test]
fn the_length_limit_counts_characters() {
    let limit = icp_precheck::domain::MAX_INPUT_CHARS;
    let within = "例".repeat(2000);
    assert!(within.len() > limit);
    assert!(!has_error(&check(&within), "domain.too_long"), "{:?}", check(&within).issues);
    assert!(!has_error(&check(&"例".repeat(limit)), "domain.too_long"));
    assert!(has_error(&check(&"例".repeat(limit + 1)), "domain.too_long"));
}

/// A label of letters, digits and hyphens longer than 63 octets is too long whatever else is
/// wrong, and is said to be without decoding it: a pasted `xn--` label of thousands of letters
/// (Punycode decoding is quadratic in its length) is answered as any other long label. A host
/// whose last label is a number is still read as an address first, as a URL parser reads it.
#[test]
fn an_overlong_label_is_too_long_before_anything_else() {
    let too_long = |input: &str| -> (String, String) {
        let report = check(input);
        let issue = report.issues.iter().find(|i| i.code == "domain.invalid").unwrap_or_else(|| panic!("{input}: {:?}", report.issues));
        let param = |name: &str| issue.params.get(name).map(|p| p.to_string()).unwrap_or_default();
        assert_eq!(param("rule"), "VerifyDnsLength", "{input}: {:?}", issue);
        (param("label"), param("length"))
    };
    let long_a_label = format!("xn--{}", "a".repeat(3000));
    assert_eq!(too_long(&format!("{long_a_label}.com")), (format!("xn--{}…", "a".repeat(20)), "3004".to_owned()));
    // Not valid Punycode (`9` past the end overflows), and an empty label as well: the length
    // is what is named.
    assert_eq!(too_long(&format!("a..XN--{}9.cn", "z".repeat(70))).1, "75");
    // Mapped first: full-width letters, the ligature "ﬁ" (two letters), an ideographic full
    // stop, and a soft hyphen (ignored) are a long label of ASCII letters after mapping.
    let mapped = format!("xn--{}ﬁ\u{00AD}{}。中国", "ａ".repeat(40), "b".repeat(30));
    assert_eq!(too_long(&mapped), (format!("xn--{}…", "a".repeat(20)), "76".to_owned()));
    // The last label is a number: an address to a URL parser, refused as one.
    for input in [format!("{}.1", "a".repeat(70)), format!("{}.0x7f", "a".repeat(70)), format!("{}.１", "a".repeat(70))] {
        assert!(has_error(&check(&input), "domain.ip_address"), "{input}: {:?}", check(&input).issues);
    }
}

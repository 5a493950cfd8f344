//! The filing form as an applicant fills it: worked examples of good filings, and of the
//! mistakes that get filings rejected, each found at the field it concerns.

use icp_precheck::{
    parse_record_number, validate_app, validate_entity, validate_filing, validate_website, App, AppPlatform, Certificate, Date,
    Entity, EntityType, Filing, Locale, Options, Person, Province, Report, Severity, Website,
};

fn s(text: &str) -> Option<String> {
    Some(text.to_owned())
}

fn options(province: &str) -> Options {
    Options { province: Province::parse(province), today: Date::new(2026, 11, 28), ..Options::default() }
}

fn zhang_san() -> Person {
    Person {
        name: s("张三"),
        certificate: Some(Certificate { kind: s("resident_id"), number: s("11010519491231002X"), valid_until: s("长期") }),
        mobile: s("138 0013 8000"),
        emergency_mobile: s("13900139000"),
        landline: None,
        email: s("zhangsan@mysite.com"),
    }
}

fn enterprise_filing() -> Filing {
    Filing {
        province: s("北京"),
        entity: Some(Entity {
            kind: s("企业"),
            name: s("北京某某科技有限公司"),
            certificate: Some(Certificate { kind: s("统一社会信用代码证书"), number: s("91110000600037341L"), valid_until: s("long-term") }),
            certificate_address: s("北京市朝阳区建国路88号"),
            address: s("北京市朝阳区建国路88号"),
            responsible: Some(zhang_san()),
            legal_representative: None,
        }),
        websites: vec![Website { name: s("某某科技产品展示"), domains: vec!["www.mysite.com".into()], responsible: Some(zhang_san()), ..Website::default() }],
        apps: vec![App {
            name: s("某某助手"),
            platforms: vec![
                AppPlatform { platform: s("android"), package_name: s("com.mysite.helper"), certificate_md5: s("A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C:6D:7E:8F:90"), ..AppPlatform::default() },
                AppPlatform { platform: s("ios"), package_name: s("com.mysite.helper"), certificate_sha1: s("a1b2c3d4e5f60718293a4b5c6d7e8f9001234567"), ..AppPlatform::default() },
            ],
            responsible: Some(zhang_san()),
            ..App::default()
        }],
    }
}

fn errors(report: &Report) -> Vec<(&str, &str)> {
    report.issues.iter().filter(|i| i.severity == Severity::Error).map(|i| (i.code, i.path.as_str())).collect()
}

fn has(report: &Report, code: &str, path: &str) -> bool {
    report.issues.iter().any(|i| i.code == code && i.path == path)
}

#[test]
fn a_good_enterprise_filing_passes() {
    let report = validate_filing(&enterprise_filing(), &Options { today: Date::new(2026, 11, 28), ..Options::default() });
    assert!(report.ok, "{:#?}", report.issues);
}

#[test]
fn a_good_individual_filing_passes() {
    let filing = Filing {
        province: s("BJ"),
        entity: Some(Entity {
            kind: s("individual"),
            name: s("张三"),
            certificate: Some(Certificate { kind: s("居民身份证"), number: s("11010519491231002X"), valid_until: None }),
            certificate_address: s("北京市东城区东长安街1号"),
            address: s("北京市东城区东长安街1号"),
            responsible: Some(zhang_san()),
            legal_representative: None,
        }),
        websites: vec![Website {
            name: s("张三读书笔记"),
            domains: vec!["zhangsan.cn".into()],
            remarks: s("记录个人读书心得，无商业内容"),
            responsible: Some(zhang_san()),
            ..Website::default()
        }],
        apps: vec![],
    };
    let report = validate_filing(&filing, &Options { today: Date::new(2026, 11, 28), ..Options::default() });
    assert!(report.ok, "{:#?}", report.issues);
}

#[test]
fn typical_mistakes_are_found_at_their_fields() {
    let mut filing = enterprise_filing();
    let entity = filing.entity.as_mut().expect("entity");
    entity.certificate.as_mut().expect("cert").number = s("91110000600037341X"); // wrong check character
    entity.address = s("上海市徐汇区漕溪北路88号"); // outside the filing province
    let principal = entity.responsible.as_mut().expect("principal");
    principal.certificate.as_mut().expect("cert").number = s("610104620927690"); // first-generation ID
    principal.mobile = s("15412345678"); // no such segment
    principal.emergency_mobile = s("15412345678");
    filing.websites[0].domains = vec!["192.168.0.1".into(), "example.gov.cn".into()];
    filing.websites[0].name = s("abc");
    filing.apps[0].platforms[0].certificate_md5 = s("a1b2c3d4e5f60718293a4b5c6d7e8f9001234567"); // a SHA-1
    let report = validate_filing(&filing, &options("BJ"));
    let errs = errors(&report);
    for (code, path) in [
        ("uscc.checksum", "entity.certificate.number"),
        ("address.province", "entity.address"),
        ("resident_id.first_generation", "entity.responsible.certificate.number"),
        ("website.domains_count", "websites.0.domains"),
        ("domain.ip_address", "websites.0.domains.0"),
        ("domain.zone_restricted", "websites.0.domains.1"),
        ("website.name", "websites.0.name"),
        ("app.certificate_wrong_digest", "apps.0.platforms.0.certificateMd5"),
    ] {
        assert!(errs.contains(&(code, path)), "missing {code} at {path}: {errs:#?}");
    }
    assert!(errs.iter().any(|(c, p)| c.starts_with("mobile.") && *p == "entity.responsible.mobile"), "{errs:#?}");
}

#[test]
fn age_rules_follow_the_province() {
    // Born 2010-03-01: 16 on 2026-11-28.
    let mut person = zhang_san();
    let body = "11010520100301001";
    let check = check_char(body);
    person.certificate = Some(Certificate { kind: s("resident_id"), number: Some(format!("{body}{check}")), valid_until: None });
    let entity = Entity { responsible: Some(person), ..enterprise_filing().entity.expect("entity") };
    let underage = |province: &str| {
        let report = validate_entity(&entity, &options(province));
        report.issues.iter().find(|i| i.code == "person.underage").map(|i| i.severity)
    };
    assert_eq!(underage("BJ"), Some(Severity::Error), "Beijing: 18 [C]");
    assert_eq!(underage("JS"), Some(Severity::Warning), "Jiangsu: 16–18 with proof");
    assert_eq!(underage("HE"), Some(Severity::Warning), "no stated rule: a warning");
}

/// GB 11643 check character, computed here rather than copied.
fn check_char(body: &str) -> char {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body.chars().zip(WEIGHTS).map(|(c, w)| c.to_digit(10).expect("digit") * w).sum();
    "10X98765432".chars().nth((sum % 11) as usize).expect("index")
}

#[test]
fn website_names_for_individuals() {
    let options = Options { entity_type: Some(EntityType::Individual), today: Date::new(2026, 11, 28), ..Options::default() };
    let name_rule = |name: &str| {
        let site = Website { name: s(name), domains: vec!["zhangsan.cn".into()], remarks: s("读书笔记"), ..Website::default() };
        let report = validate_website(&site, &options);
        report.issues.iter().filter(|i| i.code == "website.name" && i.severity == Severity::Error).filter_map(|i| i.params.get("rule").map(|p| p.to_string())).collect::<Vec<_>>()
    };
    assert_eq!(name_rule("李四的博客"), vec!["individual_forbidden"]);
    assert_eq!(name_rule("王五工作室"), vec!["individual_forbidden"]);
    assert_eq!(name_rule("中国美食网"), vec!["national_words"]);
    assert_eq!(name_rule("12345"), vec!["latin_or_digits"]);
    assert_eq!(name_rule("example.com"), vec!["domain"]);
    assert_eq!(name_rule("读书"), vec!["min_chinese"]);
    assert!(name_rule("张三读书笔记").is_empty());
}

#[test]
fn partial_forms_do_not_nag() {
    let partial = Options { partial: true, ..Options::default() };
    assert!(validate_filing(&Filing::default(), &partial).issues.is_empty());
    let full = validate_filing(&Filing::default(), &Options::default());
    assert!(has(&full, "field.required", "province"));
    assert!(has(&full, "field.required", "entity.name"));
    assert!(has(&full, "filing.empty", "websites"));
}

#[test]
fn certificate_types_against_entity_types() {
    let mut entity = enterprise_filing().entity.expect("entity");
    entity.kind = s("government");
    let report = validate_entity(&entity, &options("BJ"));
    let issue = report.issues.iter().find(|i| i.code == "entity.certificate_type");
    assert!(issue.is_none(), "the USCC certificate is allowed for government bodies");
    entity.certificate = Some(Certificate { kind: s("business_license"), number: s("91110000600037341L"), valid_until: None });
    let report = validate_entity(&entity, &options("BJ"));
    assert!(errors(&report).contains(&("entity.certificate_type", "certificate.type")), "{:#?}", report.issues);
    let mut person = zhang_san();
    person.certificate = Some(Certificate { kind: s("uscc"), number: s("91110000600037341L"), valid_until: None });
    let report = validate_entity(&Entity { responsible: Some(person), ..enterprise_filing().entity.expect("entity") }, &options("BJ"));
    assert!(errors(&report).contains(&("person.certificate_type", "responsible.certificate.type")));
}

#[test]
fn certificate_validity() {
    let mut entity = enterprise_filing().entity.expect("entity");
    entity.certificate.as_mut().expect("cert").valid_until = s("2026-01-01");
    assert!(errors(&validate_entity(&entity, &options("BJ"))).contains(&("certificate.expired", "certificate.validUntil")));
    entity.certificate.as_mut().expect("cert").valid_until = s("2027-01-15");
    let report = validate_entity(&entity, &options("ZJ"));
    assert!(report.issues.iter().any(|i| i.code == "certificate.expiring" && i.severity == Severity::Warning), "{:#?}", report.issues);
}

#[test]
fn apps() {
    let app = App {
        name: s("测试"),
        platforms: vec![AppPlatform { platform: s("安卓"), package_name: s("1me.app"), certificate_md5: None, ..AppPlatform::default() }],
        ..App::default()
    };
    let report = validate_app(&app, &Options::default());
    let errs = errors(&report);
    assert!(errs.contains(&("app.name", "name")));
    assert!(errs.iter().any(|(c, p)| c.starts_with("app.package_name") && *p == "platforms.0.packageName"), "{errs:#?}");
    assert!(errs.contains(&("field.required", "platforms.0.certificateMd5")));
}

#[test]
fn app_names_follow_the_word_lists() {
    // data/rules/app-names.toml: a placeholder name is refused whole and in any ASCII case; a
    // marketing word anywhere in the name is a warning that names the word.
    let name_issues = |name: &str| {
        let app = App { name: s(name), ..App::default() };
        let report = validate_app(&app, &Options::default());
        report.issues.into_iter().filter(|i| i.code == "app.name").map(|i| (i.severity, i.params)).collect::<Vec<_>>()
    };
    for placeholder in ["Demo", "未命名", " APP "] {
        let found = name_issues(placeholder);
        assert!(found.iter().any(|(severity, params)| *severity == Severity::Error
            && params.get("rule").map(ToString::to_string).as_deref() == Some("placeholder")), "{placeholder}: {found:?}");
    }
    let found = name_issues("限时特价商城");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, Severity::Warning);
    assert_eq!(found[0].1.get("word").map(ToString::to_string).as_deref(), Some("限时"));
    assert!(name_issues("阿里云备案助手").is_empty());
}

#[test]
fn record_numbers() {
    let r = parse_record_number(" 京ICP备13052560号-1 ", &Options::default());
    assert_eq!((r.ok, r.normalized.as_deref(), r.kind, r.province), (true, Some("京ICP备13052560号-1"), Some("website"), Some("BJ")));
    let r = parse_record_number("粤公网安备44030502008569号", &Options::default());
    assert_eq!((r.kind, r.province), (Some("public_security"), Some("GD")));
    let r = parse_record_number("港ICP备12345678号", &Options::default().with_locale(Locale::En));
    assert!(!r.ok);
    let r = parse_record_number("京ICP备1234567号", &Options::default());
    assert!(!r.ok);
    let r = parse_record_number("川ICP备15095485号-1", &Options::default());
    assert!(r.ok && !r.issues.is_empty(), "legacy prefix: accepted with a warning");
    // A number of another province than the one filing in: a warning naming both.
    let other = |province: &str| {
        let r = parse_record_number("京ICP备13052560号-1", &options(province));
        (r.ok, r.issues.iter().filter(|i| i.code == "record_number.other_province").map(|i| i.severity).collect::<Vec<_>>())
    };
    assert_eq!(other("BJ"), (true, vec![]));
    assert_eq!(other("SH"), (true, vec![Severity::Warning]));
    let r = parse_record_number(" ", &Options::default());
    assert_eq!((r.ok, r.issues.first().map(|i| i.code)), (false, Some("field.required")));
}

#[test]
fn principal_names() {
    let mut entity = enterprise_filing().entity.expect("entity");
    entity.responsible.as_mut().expect("principal").name = s("张三1");
    let report = validate_entity(&entity, &options("BJ"));
    assert!(report.issues.iter().any(|i| i.code == "person.name" && i.path == "responsible.name" && i.severity == Severity::Warning));
    entity.responsible.as_mut().expect("principal").name = s("Anne-Marie O'Neil");
    assert!(!validate_entity(&entity, &options("BJ")).issues.iter().any(|i| i.code == "person.name"));
}

#[test]
fn individuals_filing_outside_their_id_province_are_warned() {
    let entity = Entity {
        kind: s("个人"),
        name: s("张三"),
        certificate: Some(Certificate { kind: s("resident_id"), number: s("11010519491231002X"), valid_until: None }),
        certificate_address: s("北京市东城区东长安街1号"),
        address: s("上海市徐汇区漕溪北路88号1203室"),
        responsible: Some(zhang_san()),
        legal_representative: None,
    };
    let report = validate_entity(&entity, &options("SH"));
    let issue = report.issues.iter().find(|i| i.code == "entity.id_province").expect("entity.id_province");
    assert_eq!((issue.severity, issue.path.as_str()), (Severity::Warning, "responsible.certificate.number"));
    assert_eq!(issue.params.get("issued").map(|p| p.to_string()).as_deref(), Some("BJ"));
    assert!(issue.message.contains("北京") && issue.message.contains("上海"), "{}", issue.message);
    assert!(!validate_entity(&entity, &options("BJ")).issues.iter().any(|i| i.code == "entity.id_province"));
}

/// An individual's own certificate is the person's: a child filing as an individual is under
/// age even when the principal block does not repeat the ID, and the two blocks must name the
/// same certificate.
#[test]
fn individual_filers_are_people() {
    use icp_precheck::{validate_entity, Certificate, Entity, Options, Person, Province};
    let today = icp_precheck::Date::new(2026, 12, 1);
    let beijing = Options { province: Province::parse("BJ"), today, ..Options::default() };
    // Born 2015-03-07: eleven years old on the day.
    let child = Certificate { kind: Some("resident_id".into()), number: Some("110105201503070013".into()), valid_until: Some("long-term".into()) };
    let entity = Entity { kind: Some("个人".into()), name: Some("张小明".into()), certificate: Some(child.clone()), ..Entity::default() };
    let codes = |e: &Entity, o: &Options| validate_entity(e, o).issues.iter().map(|i| (i.code, i.path.clone())).collect::<Vec<_>>();
    let found = codes(&entity, &beijing);
    assert!(found.contains(&("person.underage", "certificate.number".to_owned())), "{found:?}");
    // The same ID in the principal block is said once, there.
    let with_principal = Entity { responsible: Some(Person { name: Some("张小明".into()), certificate: Some(child.clone()), ..Person::default() }), ..entity.clone() };
    let found = codes(&with_principal, &beijing);
    assert_eq!(found.iter().filter(|(c, _)| *c == "person.underage").count(), 1, "{found:?}");
    // Another person's ID in the principal block.
    let adult = Certificate { kind: Some("resident_id".into()), number: Some("11010519491231002X".into()), valid_until: Some("long-term".into()) };
    let other = Entity { responsible: Some(Person { name: Some("张小明".into()), certificate: Some(adult), ..Person::default() }), ..entity };
    let found = codes(&other, &beijing);
    assert!(found.contains(&("entity.principal_certificate", "responsible.certificate.number".to_owned())), "{found:?}");
}

/// §2.5 E4: an enterprise's principal against its legal representative, by province; §2.2:
/// Beijing's document for a Hong Kong principal; §3.2: Guangdong's units and 其他.
#[test]
fn province_rules_of_section_two() {
    use icp_precheck::{validate_entity, validate_website, Certificate, Entity, Options, Person, Province, Severity, Website};
    let today = icp_precheck::Date::new(2026, 12, 1);
    let at = |code: &str| Options { province: Province::parse(code), today, partial: true, ..Options::default() };
    let enterprise = Entity {
        kind: Some("企业".into()),
        legal_representative: Some("李四".into()),
        responsible: Some(Person { name: Some("张三".into()), ..Person::default() }),
        ..Entity::default()
    };
    let finding = |options: &Options| {
        validate_entity(&enterprise, options).issues.into_iter().find(|i| i.code == "entity.principal_not_legal_representative").map(|i| (i.severity, i.path))
    };
    assert_eq!(finding(&at("SH")), Some((Severity::Error, "responsible.name".to_owned())));
    assert_eq!(finding(&at("SC")).map(|f| f.0), Some(Severity::Warning), "an authorisation letter");
    assert_eq!(finding(&at("BJ")).map(|f| f.0), Some(Severity::Warning), "sources disagree");
    assert_eq!(finding(&at("HI")), None, "may be someone else");
    let same = Entity { legal_representative: Some(" 张 三".into()), ..enterprise.clone() };
    assert!(validate_entity(&same, &at("SH")).issues.iter().all(|i| i.code != "entity.principal_not_legal_representative"));

    // A Hong Kong principal with a residence permit (810000…) in Beijing; the permit is fine.
    let hong_kong = |kind: &str, number: &str| Entity {
        kind: Some("企业".into()),
        responsible: Some(Person {
            name: Some("陈大文".into()),
            certificate: Some(Certificate { kind: Some(kind.into()), number: Some(number.into()), valid_until: None }),
            ..Person::default()
        }),
        ..Entity::default()
    };
    let codes = |e: &Entity, o: &Options| validate_entity(e, o).issues.into_iter().map(|i| i.code).collect::<Vec<_>>();
    assert!(codes(&hong_kong("hmt_residence_permit", "810000199408230021"), &at("BJ")).contains(&"person.hong_kong_document"));
    assert!(!codes(&hong_kong("hmt_residence_permit", "810000199408230021"), &at("SH")).contains(&"person.hong_kong_document"));
    assert!(!codes(&hong_kong("hk_macao_permit", "H12345678"), &at("BJ")).contains(&"person.hong_kong_document"));

    // 其他 as a unit's service content in Guangdong.
    let website = Website { service_content: vec!["其他".into()], ..Website::default() };
    let unit = Options { entity_type: icp_precheck::EntityType::parse("企业"), ..at("GD") };
    let found: Vec<_> = validate_website(&website, &unit).issues.into_iter().map(|i| (i.code, i.severity)).collect();
    assert!(found.contains(&("website.service_content_other", Severity::Warning)), "{found:?}");
    let elsewhere = Options { entity_type: icp_precheck::EntityType::parse("企业"), ..at("SH") };
    assert!(validate_website(&website, &elsewhere).issues.iter().all(|i| i.code != "website.service_content_other"));
}

// ------------------------------------------------------------------------------------------
// The edges of the rules: the first value each rule refuses and the last it lets through.

/// The codes and severities of the issues at `path`.
fn at_path(report: &Report, path: &str) -> Vec<(&'static str, Severity)> {
    report.issues.iter().filter(|i| i.path == path).map(|i| (i.code, i.severity)).collect()
}

#[test]
fn a_field_of_white_space_is_missing() {
    let entity = Entity { name: s(" \u{3000}\t"), ..enterprise_filing().entity.expect("entity") };
    assert_eq!(at_path(&validate_entity(&entity, &options("BJ")), "name"), [("field.required", Severity::Error)]);
}

/// §2.7: a certificate valid until today has not expired; the province's notice period is
/// counted in whole days (Zhejiang asks an entity's for 90, today is 2026-11-28).
#[test]
fn certificate_validity_at_its_edges() {
    let until = |date: &str| {
        let mut entity = enterprise_filing().entity.expect("entity");
        entity.certificate.as_mut().expect("cert").valid_until = s(date);
        at_path(&validate_entity(&entity, &options("ZJ")), "certificate.validUntil")
    };
    assert_eq!(until("2026-11-27"), [("certificate.expired", Severity::Error)]);
    assert_eq!(until("2026-11-28"), [("certificate.expiring", Severity::Warning)]);
    assert_eq!(until("2027-02-25"), [("certificate.expiring", Severity::Warning)], "89 days left");
    assert_eq!(until("2027-02-26"), [], "90 days left");
}

/// §2.2: a personal certificate for an organisation, or an organisation's for an individual,
/// is refused ([C]); an organisation's certificate of another kind of organisation is only
/// warned about, the grouping being inferred from the form ([I]).
#[test]
fn certificate_types_categorical_and_inferred() {
    let severity = |entity_type: &str, certificate: Certificate| {
        let entity = Entity { kind: s(entity_type), certificate: Some(certificate), ..Entity::default() };
        let report = validate_entity(&entity, &Options { partial: true, ..options("BJ") });
        report.issues.into_iter().find(|i| i.code == "entity.certificate_type").map(|i| i.severity)
    };
    let licence = || Certificate { kind: s("business_license"), number: s("91110000600037341L"), valid_until: None };
    let id_card = || Certificate { kind: s("resident_id"), number: s("11010519491231002X"), valid_until: None };
    assert_eq!(severity("enterprise", licence()), None);
    assert_eq!(severity("public_institution", licence()), Some(Severity::Warning));
    assert_eq!(severity("individual", licence()), Some(Severity::Error));
    assert_eq!(severity("enterprise", id_card()), Some(Severity::Error));
    assert_eq!(severity("individual", id_card()), None);
}

/// §2.4.1: a business licence from before the 2015 reform carries a 15-digit registration
/// number, a later one the USCC; the certificates of other organisations are checked as a USCC
/// only when they carry 18 characters (older ones have numbers of their own form).
#[test]
fn certificate_numbers_by_the_form_they_take() {
    let number_issues = |entity_type: &str, kind: &str, number: &str| {
        let certificate = Certificate { kind: s(kind), number: s(number), valid_until: None };
        let entity = Entity { kind: s(entity_type), certificate: Some(certificate), ..Entity::default() };
        let report = validate_entity(&entity, &Options { partial: true, ..options("BJ") });
        report.issues.iter().filter(|i| i.path == "certificate.number").map(|i| i.code).collect::<Vec<_>>()
    };
    assert_eq!(number_issues("enterprise", "business_license", "330108000003512"), Vec::<&str>::new());
    assert_ne!(number_issues("enterprise", "business_license", "330108000003513"), Vec::<&str>::new());
    assert_eq!(number_issues("enterprise", "business_license", "91110000600037341L"), Vec::<&str>::new());
    assert_eq!(number_issues("public_institution", "public_institution_certificate", "事证第110000001234号"), Vec::<&str>::new());
    assert_ne!(number_issues("public_institution", "public_institution_certificate", "121100004000000015"), Vec::<&str>::new());
}

/// §2.3: the USCC's registration authority and category (its first two characters) against the
/// entity type: `91` is an enterprise's, not a government body's (a warning: the table is
/// partly inferred).
#[test]
fn the_uscc_category_against_the_entity_type() {
    let category = |entity_type: &str| {
        let certificate = Certificate { kind: s("uscc"), number: s("91110000600037341L"), valid_until: None };
        let entity = Entity { kind: s(entity_type), certificate: Some(certificate), ..Entity::default() };
        let report = validate_entity(&entity, &Options { partial: true, ..options("BJ") });
        report.issues.into_iter().filter(|i| i.code == "entity.uscc_category").map(|i| (i.severity, i.path, i.params.get("prefix").map(ToString::to_string))).collect::<Vec<_>>()
    };
    assert_eq!(category("enterprise"), []);
    assert_eq!(category("government"), [(Severity::Warning, "certificate.number".to_owned(), Some("91".to_owned()))]);
}

/// AP5: no emoji in an app's name; AP4: the public key, when given, in hexadecimal (colons and
/// spaces between the bytes allowed); the app's domains are checked as a website's, blank
/// entries skipped.
#[test]
fn app_names_keys_and_domains() {
    let name = |name: &str| at_path(&validate_app(&App { name: s(name), ..App::default() }, &Options::default()), "name");
    assert_eq!(name("某某助手\u{1F600}"), [("app.name", Severity::Error)]);
    assert_eq!(name("某某助手"), []);
    let key = |key: &str| {
        let platform = AppPlatform { platform: s("harmonyos"), public_key: s(key), ..AppPlatform::default() };
        let app = App { platforms: vec![platform], ..App::default() };
        at_path(&validate_app(&app, &Options { partial: true, ..Options::default() }), "platforms.0.publicKey")
    };
    assert_eq!(key("30:82:01:0A 02 82\n01 01 00 c3"), []);
    assert_eq!(key("MIIBCgKCAQEAw+"), [("app.public_key", Severity::Warning)]);
    assert_eq!(key("  "), []);
    let domains = |domains: &[&str]| {
        let app = App { domains: domains.iter().map(|d| (*d).to_owned()).collect(), ..App::default() };
        validate_app(&app, &Options { partial: true, ..Options::default() }).issues.into_iter().map(|i| i.path).collect::<Vec<_>>()
    };
    assert!(domains(&["a..b"]).contains(&"domains.0".to_owned()));
    assert_eq!(domains(&[" "]), Vec::<String>::new());
}

/// §2.5 E1: a Chinese organisation name takes full-width brackets; half-width ones are a likely
/// mismatch with the licence (a warning), not in an individual's name or a name without Han.
#[test]
fn brackets_in_organisation_names() {
    let warned = |entity_type: &str, name: &str| {
        let entity = Entity { kind: s(entity_type), name: s(name), ..Entity::default() };
        let report = validate_entity(&entity, &Options { partial: true, ..options("BJ") });
        report.issues.iter().any(|i| i.code == "entity.name_brackets" && i.path == "name")
    };
    assert!(warned("enterprise", "某某(北京)科技有限公司"));
    assert!(warned("enterprise", "某某科技有限公司(北京"));
    assert!(!warned("enterprise", "某某（北京）科技有限公司"));
    assert!(!warned("enterprise", "Example (Beijing) Ltd"));
    assert!(!warned("individual", "张三(个人)"));
}

/// §2.5 E4: the principal and the legal representative compare as names, without white space,
/// with full-width brackets and the name separators (· • ・) folded.
#[test]
fn principal_and_legal_representative_compare_as_names() {
    let mismatch = |principal: &str, representative: &str| {
        let entity = Entity {
            kind: s("企业"),
            legal_representative: s(representative),
            responsible: Some(Person { name: s(principal), ..Person::default() }),
            ..Entity::default()
        };
        let report = validate_entity(&entity, &Options { partial: true, ..options("SH") });
        report.issues.iter().any(|i| i.code == "entity.principal_not_legal_representative")
    };
    assert!(!mismatch("阿不都·热合曼", "阿不都•热合曼"));
    assert!(!mismatch("阿不都・热合曼", "阿不都 · 热合曼"));
    assert!(mismatch("阿不都·热合曼", "阿不都热合曼"));
}

/// §2.9 A1–A5 at the address fields, Beijing and Shanghai against the national profile.
#[test]
fn address_rules_by_field_entity_type_and_province() {
    let issues = |province: &str, entity_type: &str, certificate_address: &str, address: &str| {
        let entity = Entity { kind: s(entity_type), certificate_address: s(certificate_address), address: s(address), ..Entity::default() };
        let report = validate_entity(&entity, &Options { partial: true, ..options(province) });
        let at = |path: &str| at_path(&report, path);
        (at("certificateAddress"), at("address"))
    };
    const W: Severity = Severity::Warning;
    const E: Severity = Severity::Error;
    let full = "北京市朝阳区建国路88号1203室";
    // A4: Beijing asks an enterprise's communication address for the house number; the address
    // on the certificate is what it is.
    assert_eq!(issues("BJ", "enterprise", "北京市朝阳区建国路", "北京市朝阳区建国路"), (vec![], vec![("address.house_number", W)]));
    assert_eq!(issues("BJ", "enterprise", full, full), (vec![], vec![]));
    assert_eq!(issues("BJ", "individual", full, "北京市朝阳区建国路"), (vec![], vec![]));
    assert_eq!(issues("HI", "enterprise", "海南省海口市滨海大道", "海南省海口市滨海大道"), (vec![], vec![]));
    // Shanghai asks an individual's for the room number.
    let sh = "上海市徐汇区漕溪北路88号";
    assert_eq!(issues("SH", "individual", sh, sh), (vec![], vec![("address.room_number", W)]));
    assert_eq!(issues("SH", "individual", sh, "上海市徐汇区漕溪北路88号1203室"), (vec![], vec![]));
    assert_eq!(issues("SH", "enterprise", sh, sh), (vec![], vec![]));
    // A5: 市辖区, refused where the province says so.
    assert_eq!(issues("BJ", "enterprise", "北京市市辖区建国路88号", full).0, [("address.shixiaqu", E)]);
    assert_eq!(issues("HI", "enterprise", "海南省海口市市辖区88号", "海南省海口市滨海大道88号").0, [("address.shixiaqu", W)]);
    // A1–A3: the province an address lies in, by its full or short name. An individual's ID
    // address may lie elsewhere (a warning); a communication address may not, nor an
    // organisation's certificate address.
    let tianjin = "天津市和平区南京路88号1203室";
    assert_eq!(issues("BJ", "individual", tianjin, tianjin), (vec![("address.province", W)], vec![("address.province", E)]));
    assert_eq!(issues("BJ", "enterprise", tianjin, tianjin), (vec![("address.province", E)], vec![("address.province", E)]));
    assert_eq!(issues("BJ", "enterprise", "天津和平区南京路88号", full).0, [("address.province", E)]);
    assert_eq!(issues("BJ", "enterprise", "北京朝阳区建国路88号", "北京朝阳区建国路88号"), (vec![], vec![]));
}

/// §3.4 W3: how many websites one submission carries (an individual's one, a unit's ten by
/// default: provider and province policy, so a warning); §4 AP6: an individual files websites
/// and apps in separate submissions.
#[test]
fn what_one_submission_carries() {
    let codes = |entity_type: &str, websites: usize, apps: usize| {
        let filing = Filing {
            entity: Some(Entity { kind: s(entity_type), ..Entity::default() }),
            websites: (0..websites).map(|i| Website { domains: vec![format!("site{i}.cn")], ..Website::default() }).collect(),
            apps: vec![App::default(); apps],
            ..Filing::default()
        };
        let report = validate_filing(&filing, &Options { partial: true, ..options("HI") });
        report.issues.iter().filter(|i| i.code.starts_with("filing.")).map(|i| (i.code, i.path.clone())).collect::<Vec<_>>()
    };
    let count = || vec![("filing.websites_count", "websites".to_owned())];
    assert_eq!(codes("individual", 1, 0), []);
    assert_eq!(codes("individual", 2, 0), count());
    assert_eq!(codes("enterprise", 10, 0), []);
    assert_eq!(codes("enterprise", 11, 0), count());
    assert_eq!(codes("individual", 1, 1), [("filing.individual_website_and_app", "apps".to_owned())]);
    assert_eq!(codes("individual", 0, 1), []);
    assert_eq!(codes("enterprise", 1, 1), []);
}

/// §2.8 P5: an emergency number is not another principal's mobile; P3: one mobile belongs to one
/// person (the same person, however the name is spaced, may give it twice).
#[test]
fn mobiles_across_the_principals_of_a_filing() {
    let person = |name: &str, mobile: &str, emergency: &str| Some(Person { name: s(name), mobile: s(mobile), emergency_mobile: s(emergency), ..Person::default() });
    let issues = |entity_principal: Option<Person>, website_principal: Option<Person>| {
        let filing = Filing {
            entity: Some(Entity { kind: s("enterprise"), responsible: entity_principal, ..Entity::default() }),
            websites: vec![Website { domains: vec!["mysite.cn".into()], responsible: website_principal, ..Website::default() }],
            ..Filing::default()
        };
        let report = validate_filing(&filing, &Options { partial: true, ..options("BJ") });
        report
            .issues
            .into_iter()
            .filter(|i| i.code.starts_with("filing."))
            .map(|i| (i.code, i.path, i.params.get("other").map(ToString::to_string)))
            .collect::<Vec<_>>()
    };
    let (a, b, c) = ("13800138000", "13900139000", "13700137000");
    assert_eq!(issues(person("张三", a, b), person("李四", c, b)), [], "one emergency contact for both");
    assert_eq!(
        issues(person("张三", a, b), person("李四", b, c)),
        [("filing.emergency_same", "entity.responsible.emergencyMobile".to_owned(), None)]
    );
    assert_eq!(
        issues(person("张三", a, b), person("李四", a, c)),
        [("filing.mobile_shared", "websites.0.responsible.mobile".to_owned(), Some("entity.responsible.mobile".to_owned()))]
    );
    assert_eq!(issues(person("张三", a, b), person("张 三", a, b)), []);
}

/// §2.6 at its edges: the day a principal turns the province's age is the first day they may
/// file (Beijing 18), and the warning age likewise (Jiangsu, 16 with proof until 18).
#[test]
fn ages_at_their_birthdays() {
    let underage = |born: &str, province: &str| {
        let body = format!("110105{born}001");
        let person = Person { certificate: Some(Certificate { kind: s("resident_id"), number: Some(format!("{body}{}", check_char(&body))), valid_until: None }), ..zhang_san() };
        let entity = Entity { responsible: Some(person), ..enterprise_filing().entity.expect("entity") };
        let report = validate_entity(&entity, &options(province));
        report.issues.iter().find(|i| i.code == "person.underage").map(|i| i.severity)
    };
    // Today is 2026-11-28.
    assert_eq!(underage("20081128", "BJ"), None, "18 today");
    assert_eq!(underage("20081129", "BJ"), Some(Severity::Error), "18 tomorrow");
    assert_eq!(underage("20101128", "JS"), Some(Severity::Warning), "16 today");
    assert_eq!(underage("20101129", "JS"), Some(Severity::Error), "16 tomorrow");
    assert_eq!(underage("20081128", "JS"), None);
    // Under the warning age, the message says what the province asks: proof where it has a
    // lower minimum (Jiangsu), a check of the province's rule where it states none (Hebei).
    let message = |province: &str| {
        let body = "11010520100301001";
        let person = Person { certificate: Some(Certificate { kind: s("resident_id"), number: Some(format!("{body}{}", check_char(body))), valid_until: None }), ..zhang_san() };
        let entity = Entity { responsible: Some(person), ..enterprise_filing().entity.expect("entity") };
        let report = validate_entity(&entity, &options(province).with_locale(Locale::En));
        report.issues.into_iter().find(|i| i.code == "person.underage").map(|i| i.message)
    };
    assert!(message("JS").is_some_and(|m| m.contains("proof of employment")), "{:?}", message("JS"));
    assert!(message("HE").is_some_and(|m| m.contains("confirm your province")), "{:?}", message("HE"));
}

/// §2.8 P5–P6 at a principal's own fields: an emergency number, when given, is a mobile other
/// than the principal's; a landline, when given, is a landline, though most provinces take a
/// mobile there, and where the province asks for one (Jiangsu, enterprises) it is required and
/// must be a landline.
#[test]
fn a_principals_emergency_number_and_landline() {
    let issues = |province: &str, entity_type: &str, mobile: &str, emergency: &str, landline: Option<&str>| {
        let person = Person { mobile: s(mobile), emergency_mobile: s(emergency), landline: landline.and_then(s), ..zhang_san() };
        let entity = Entity { kind: s(entity_type), responsible: Some(person), ..Entity::default() };
        let report = validate_entity(&entity, &Options { partial: true, ..options(province) });
        let mut found = at_path(&report, "responsible.emergencyMobile");
        found.extend(at_path(&report, "responsible.landline"));
        found
    };
    const W: Severity = Severity::Warning;
    let (mobile, other) = ("13800138000", "13900139000");
    assert_eq!(issues("BJ", "enterprise", mobile, other, None), []);
    assert_eq!(issues("BJ", "enterprise", mobile, " ", None), []);
    assert_eq!(issues("BJ", "enterprise", mobile, "138 0013 8000", None), [("person.emergency_same", W)]);
    assert_eq!(issues("BJ", "enterprise", "12345", "12345", None).iter().filter(|(c, _)| *c == "person.emergency_same").count(), 0, "two invalid numbers are not the same number");
    assert!(issues("BJ", "enterprise", mobile, "12345", None).iter().any(|(_, s)| *s == Severity::Error));
    // The landline.
    assert_eq!(issues("BJ", "enterprise", mobile, other, Some(" ")), []);
    assert_eq!(issues("BJ", "enterprise", mobile, other, Some("010-62345678")), []);
    assert_eq!(issues("BJ", "enterprise", mobile, other, Some(other)), [], "a mobile in the landline field, where that is taken");
    assert!(!issues("BJ", "enterprise", mobile, other, Some("12")).is_empty());
    assert_eq!(issues("JS", "enterprise", mobile, other, Some("025-83456789")), []);
    assert!(!issues("JS", "enterprise", mobile, other, Some(other)).is_empty(), "Jiangsu asks for a landline");
    assert_eq!(issues("JS", "individual", mobile, other, None), []);
    let required = |entity_type: &str| {
        let person = Person { landline: None, ..zhang_san() };
        let entity = Entity { kind: s(entity_type), responsible: Some(person), ..Entity::default() };
        at_path(&validate_entity(&entity, &options("JS")), "responsible.landline")
    };
    assert_eq!(required("enterprise"), [("field.required", Severity::Error)]);
    assert_eq!(required("individual"), []);
}

/// §3.3: a homepage, when given, lies on one of the website's domains; §3.4 W1: an individual's
/// website says in the remarks what it holds (asked of a whole form only); §1.3 D16: Beijing's
/// words a domain may not start with, except for the state's own bodies.
#[test]
fn homepage_remarks_and_prefix_words() {
    let website = |homepage: &str, remarks: Option<&str>| Website {
        name: s("某某技术笔记"),
        domains: vec!["mysite.cn".into()],
        homepage: s(homepage),
        remarks: remarks.and_then(s),
        ..Website::default()
    };
    let homepage = |given: &str| at_path(&validate_website(&website(given, None), &Options { partial: true, ..options("HI") }), "homepage");
    assert_eq!(homepage("https://www.mysite.cn/index.html"), []);
    assert_eq!(homepage("https://other.cn/"), [("website.homepage", Severity::Warning)]);
    assert_eq!(homepage("  "), []);

    let remarks = |remarks: Option<&str>, partial: bool| {
        let filing = Filing {
            entity: Some(Entity { kind: s("individual"), ..Entity::default() }),
            websites: vec![website("", remarks)],
            ..Filing::default()
        };
        at_path(&validate_filing(&filing, &Options { partial, ..options("HI") }), "websites.0.remarks")
    };
    assert_eq!(remarks(None, false), [("website.remarks", Severity::Error)]);
    assert_eq!(remarks(Some(" "), false), [("website.remarks", Severity::Error)]);
    assert_eq!(remarks(Some("记录本人的编程学习笔记"), false), []);
    assert_eq!(remarks(None, true), []);

    let prefix = |entity_type: &str| {
        let filing = Filing {
            entity: Some(Entity { kind: s(entity_type), ..Entity::default() }),
            websites: vec![Website { domains: vec!["zhongguo-tech.cn".into()], ..Website::default() }],
            ..Filing::default()
        };
        at_path(&validate_filing(&filing, &Options { partial: true, ..options("BJ") }), "websites.0.domains.0")
    };
    assert_eq!(prefix("enterprise"), [("domain.prefix_word", Severity::Warning)]);
    assert_eq!(prefix("government"), []);
}

/// §3.1: a unit's website name with a word that calls for a pre-approval (论坛, 在线, …) is
/// warned about unless the pre-approval is given.
#[test]
fn pre_approval_words_in_website_names() {
    let warned = |pre_approvals: Vec<String>| {
        let website = Website { name: s("某某科技在线商城"), domains: vec!["mysite.cn".into()], pre_approvals, ..Website::default() };
        let filing = Filing { entity: Some(Entity { kind: s("enterprise"), ..Entity::default() }), websites: vec![website], ..Filing::default() };
        validate_filing(&filing, &Options { partial: true, ..options("HI") }).issues.iter().any(|i| i.code == "website.pre_approval")
    };
    assert!(warned(vec![]));
    assert!(!warned(vec!["网络文化".into()]));
}

/// §3.1 rules 2 and 3 at their edges: three Chinese characters are enough; the middle dot of
/// names (·) is no symbol, other punctuation is; an individual needs no pre-approval word check
/// (what an individual may not name is its own list).
#[test]
fn website_name_rules_at_their_edges() {
    let rules = |entity_type: &str, name: &str| {
        let website = Website { name: s(name), domains: vec!["mysite.cn".into()], ..Website::default() };
        let filing = Filing { entity: Some(Entity { kind: s(entity_type), ..Entity::default() }), websites: vec![website], ..Filing::default() };
        let report = validate_filing(&filing, &Options { partial: true, ..options("HI") });
        report
            .issues
            .into_iter()
            .filter(|i| i.path == "websites.0.name")
            .map(|i| if i.code == "website.name" { i.params.get("rule").map(ToString::to_string).unwrap_or_default() } else { i.code.to_owned() })
            .collect::<Vec<_>>()
    };
    assert_eq!(rules("enterprise", "某某站"), Vec::<String>::new());
    assert_eq!(rules("enterprise", "某某"), ["min_chinese"]);
    assert_eq!(rules("enterprise", "阿凡提·技术站"), Vec::<String>::new());
    assert_eq!(rules("enterprise", "某某技术站！"), ["symbols"]);
    assert_eq!(rules("enterprise", "某某ABC技术站2"), Vec::<String>::new(), "Latin letters and digits are no symbols");
    assert_eq!(rules("enterprise", "某某技术在线"), ["website.pre_approval"]);
    assert!(!rules("individual", "某某技术在线").contains(&"website.pre_approval".to_owned()));
}

/// §3.2: an individual's site may be no forum anywhere and no blog where the province says so
/// (Beijing, not Hainan), by name or by the form's code; a unit's 其他 is warned about where the
/// province refuses it (Guangdong); Shanghai's sites include Simplified Chinese.
#[test]
fn service_content_and_languages() {
    let issues = |province: &str, entity_type: &str, content: &[&str], languages: &[&str]| {
        let website = Website {
            domains: vec!["mysite.cn".into()],
            service_content: content.iter().map(|c| (*c).to_owned()).collect(),
            languages: languages.iter().map(|l| (*l).to_owned()).collect(),
            ..Website::default()
        };
        let filing = Filing { entity: Some(Entity { kind: s(entity_type), ..Entity::default() }), websites: vec![website], ..Filing::default() };
        let report = validate_filing(&filing, &Options { partial: true, ..options(province) });
        report
            .issues
            .into_iter()
            .filter(|i| i.path.starts_with("websites.0.serviceContent") || i.path == "websites.0.languages")
            .map(|i| (i.code, i.path))
            .collect::<Vec<_>>()
    };
    let at = |code: &'static str, path: &str| (code, format!("websites.0.{path}"));
    let refused = "website.service_content";
    let content = ["综合门户", "个人博客", "个人空间", "32", "论坛", "电子公告服务", "BBS"];
    assert_eq!(
        issues("BJ", "individual", &content, &[]),
        [1, 2, 3, 4, 5, 6].map(|i| at(refused, &format!("serviceContent.{i}")))
    );
    assert_eq!(issues("HI", "individual", &content, &[]), [4, 5, 6].map(|i| at(refused, &format!("serviceContent.{i}"))));
    assert_eq!(issues("BJ", "enterprise", &content, &[]), []);
    let other = "website.service_content_other";
    assert_eq!(issues("GD", "enterprise", &["其他", "8388608", "综合门户"], &[]), [at(other, "serviceContent.0"), at(other, "serviceContent.1")]);
    assert_eq!(issues("HI", "enterprise", &["其他"], &[]), []);
    assert_eq!(issues("GD", "individual", &["其他"], &[]), []);
    for simplified in ["1", "简体中文", "zh-CN", "ZH-HANS", "zh"] {
        assert_eq!(issues("SH", "enterprise", &[], &["English", simplified]), [], "{simplified}");
    }
    assert_eq!(issues("SH", "enterprise", &[], &["English", "繁體中文"]), [at("website.language", "languages")]);
    assert_eq!(issues("SH", "enterprise", &[], &[]), []);
    assert_eq!(issues("BJ", "enterprise", &[], &["English"]), []);
}

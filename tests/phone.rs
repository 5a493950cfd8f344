//! The baked numbering plan against the data it was baked from, and against libphonenumber.
//!
//! - Every `exampleNumber` of `data/phone/PhoneNumberMetadata-CN.xml` (read here independently of
//!   `bake/src/phone.rs`) is typed as its own kind, and validates as a mobile, a landline or a
//!   service number as the kind says.
//! - The Jiangsu rule (§2.8 P4) through `validate_entity`.
//! - The differential test: a seeded corpus (every 3- and 4-digit mobile prefix with random
//!   tails, in the forms people paste, plus wrong lengths; landlines of every area code; national
//!   numbers of every 4-digit prefix and length) is written to a temporary file with our
//!   verdicts, and `tests/phone_diff.py` runs libphonenumber's Python port (PyPI `phonenumbers`,
//!   the version of `data/phone/SOURCE.toml`) on the same inputs. Every difference must be one
//!   the script lists with its reason; `cargo test --test phone -- --nocapture` prints the
//!   figures.

use icp_precheck::fields::mobile::plan::{self, NumberType};
use icp_precheck::fields::{landline, mobile, mobile_region};
use icp_precheck::forms::{Entity, Person};
use icp_precheck::{validate_entity, Date, Options, Province, Severity};
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

const XML: &str = include_str!("../data/phone/PhoneNumberMetadata-CN.xml");

/// (element, exampleNumber) of every kind in the CN section.
fn examples() -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    for (element, kind) in [
        ("fixedLine", NumberType::FixedLine),
        ("mobile", NumberType::Mobile),
        ("tollFree", NumberType::TollFree),
        ("premiumRate", NumberType::PremiumRate),
        ("sharedCost", NumberType::SharedCost),
        ("voip", NumberType::Voip),
        ("personalNumber", NumberType::PersonalNumber),
        ("pager", NumberType::Pager),
        ("uan", NumberType::Uan),
        ("voicemail", NumberType::Voicemail),
    ] {
        let Some(start) = XML.find(&format!("<{element}>")) else {
            assert!(plan::possible_lengths(kind).is_empty(), "{element}: baked but not in the XML");
            continue;
        };
        let body = &XML[start..];
        let body = &body[..body.find(&format!("</{element}>")).expect("closed")];
        let example = body.split("<exampleNumber>").nth(1).and_then(|e| e.split("</exampleNumber>").next()).expect("an example");
        out.push((element, example.trim()));
    }
    out
}

fn kind_of(element: &str) -> NumberType {
    match element {
        "fixedLine" => NumberType::FixedLine,
        "mobile" => NumberType::Mobile,
        "tollFree" => NumberType::TollFree,
        "premiumRate" => NumberType::PremiumRate,
        "sharedCost" => NumberType::SharedCost,
        "voip" => NumberType::Voip,
        "personalNumber" => NumberType::PersonalNumber,
        "pager" => NumberType::Pager,
        "uan" => NumberType::Uan,
        _ => NumberType::Voicemail,
    }
}

#[test]
fn every_example_number_validates_as_its_type() {
    let examples = examples();
    assert!(examples.len() >= 5, "{examples:?}");
    for (element, example) in examples {
        let kind = kind_of(element);
        assert_eq!(plan::number_type(example), Some(kind), "{element} {example}");
        assert_eq!(plan::example(kind), Some(example), "{element}");
        let len = u8::try_from(example.len()).expect("short");
        assert!(plan::possible_lengths(kind).contains(&len), "{element} {example}: {:?}", plan::possible_lengths(kind));
        match kind {
            NumberType::Mobile => {
                let m = mobile::validate(example).unwrap_or_else(|e| panic!("{example}: {e:?}"));
                assert!(m.in_plan && m.warnings.is_empty(), "{m:?}");
                assert!(mobile::validate(&format!("+86 {example}")).is_ok());
                assert!(landline::validate(example).is_err_and(|e| e.code() == "landline.is_mobile"));
            }
            NumberType::FixedLine => {
                let with_trunk = format!("{}{example}", plan::national_prefix());
                let l = landline::validate(&with_trunk).unwrap_or_else(|e| panic!("{with_trunk}: {e:?}"));
                assert_eq!(format!("{}{}", &l.area_code[1..], l.number), example);
                assert!(landline::validate(&format!("+86 {example}")).is_ok());
                assert!(mobile::validate(&with_trunk).is_err_and(|e| e.code() == "mobile.format.landline"));
            }
            _ => {
                let e = mobile::validate(example).expect_err("a service number is no mobile");
                assert_eq!(e.code(), "mobile.format.service_number", "{example}");
                assert!(e.params().get("kind") == Some(&icp_precheck::Param::from(kind.as_str())), "{e:?}");
                if example.len() >= 10 {
                    let e = landline::validate(example).expect_err("a service number is no landline");
                    assert_eq!(e.code(), "landline.service_number", "{example}");
                }
            }
        }
    }
}

#[test]
fn the_header_names_the_version() {
    assert!(XML.contains(&format!("libphonenumber: {}", plan::METADATA_VERSION)));
    assert!(plan::METADATA_PACKAGE.contains("phonenumber"), "{}", plan::METADATA_PACKAGE);
    let source = include_str!("../data/phone/SOURCE.toml");
    assert!(source.contains(&format!("libphonenumber = \"{}\"", plan::METADATA_VERSION)));
}

/// The region table's size, raw: `cargo test --test phone -- --nocapture size`.
#[test]
fn size() {
    let bytes = mobile_region::bundled_bytes();
    let table = mobile_region::bundled();
    println!("mobile-regions.bin: {} bytes, {} boundaries, {} provinces, {:?}", bytes.len(), table.len(), table.provinces().count(), table.source());
    assert!(bytes.len() < 64 * 1024, "the region table grew to {} bytes", bytes.len());
}

fn entity(mobile: &str) -> Entity {
    Entity {
        kind: Some("enterprise".into()),
        responsible: Some(Person { mobile: Some(mobile.into()), ..Person::default() }),
        ..Entity::default()
    }
}

fn mobile_issues(province: &str, mobile: &str) -> Vec<(&'static str, Severity, String)> {
    let options = Options { province: Province::parse(province), today: Date::new(2026, 11, 28), partial: true, ..Options::default() };
    let report = validate_entity(&entity(mobile), &options);
    report.issues.into_iter().filter(|i| i.path == "responsible.mobile").map(|i| (i.code, i.severity, i.message)).collect()
}

#[test]
fn jiangsu_wants_a_jiangsu_principal() {
    // 86130025|江苏省南京市 in geocoding/zh/86.txt.
    assert_eq!(mobile_issues("JS", "130 0025 1234"), vec![]);
    let beijing = mobile_issues("江苏", "13800138000");
    assert_eq!(beijing.len(), 1, "{beijing:?}");
    let (code, severity, message) = &beijing[0];
    assert_eq!((*code, *severity), ("mobile.province", Severity::Error));
    assert!(message.contains("北京") && message.contains("江苏"), "{message}");
    // 199 is newer than the prefix data: not checked, said as such.
    let new = mobile_issues("JS", "19912345678");
    assert_eq!(new.iter().map(|i| (i.0, i.1)).collect::<Vec<_>>(), [("mobile.province_unchecked", Severity::Warning)]);
    // Provinces without the rule do not look; an invalid number gets its own error only.
    assert_eq!(mobile_issues("BJ", "13000251234"), vec![]);
    assert_eq!(mobile_issues("JS", "15412345678").iter().map(|i| i.0).collect::<Vec<_>>(), ["mobile.format.segment"]);
    let en = Options { province: Province::parse("JS"), locale: icp_precheck::Locale::En, partial: true, ..Options::default() };
    let report = validate_entity(&entity("13800138000"), &en);
    let issue = report.issues.iter().find(|i| i.code == "mobile.province").expect("the finding");
    assert!(issue.message.contains("Beijing") && issue.message.contains("Jiangsu"), "{}", issue.message);
    assert_eq!(issue.params.get("region").map(ToString::to_string).as_deref(), Some("BJ"));
}

// ---------------------------------------------------------------- the differential test

/// SplitMix64: a small, seeded generator, so the corpus is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn digits(&mut self, n: usize) -> String {
        (0..n).map(|_| char::from(b'0' + u8::try_from(self.below(10)).unwrap_or(0))).collect()
    }
}

/// The forms people paste a mobile number in, and some that are not one.
fn variant(rng: &mut Rng, n: &str) -> String {
    let spaced = format!("{} {} {}", &n[..3], &n[3..7], &n[7..]);
    match rng.below(12) {
        0 => format!("+86 {n}"),
        1 => format!("+86-{}-{}-{}", &n[..3], &n[3..7], &n[7..]),
        2 => format!("0086{n}"),
        3 => format!("86{n}"),
        4 => spaced,
        5 => n.chars().map(|c| char::from_u32(u32::from(c) + 0xFEE0).unwrap_or(c)).collect(),
        6 => format!("(+86) {spaced}"),
        7 => format!("0{n}"),
        8 => n[..10].to_string(),
        9 => format!("{n}{}", rng.digits(1)),
        10 => format!("17951{n}"),
        _ => format!("+852 {}", &n[3..]),
    }
}

fn mobile_line(out: &mut String, input: &str) {
    let (verdict, warnings, carrier, in_plan, region) = match mobile::validate(input) {
        Ok(m) => {
            let warnings: Vec<&str> = m.warnings.iter().map(mobile::Warning::code).collect();
            let region = mobile_region::bundled().region(&m.number).map_or("-".to_string(), |r| r.to_string());
            ("ok", warnings.join(","), m.carrier.as_str(), if m.in_plan { "1" } else { "0" }, region)
        }
        Err(e) => (e.code(), String::new(), "-", "-", "-".to_string()),
    };
    let warnings = if warnings.is_empty() { "-".to_string() } else { warnings };
    writeln!(out, "mobile\t{input}\t{verdict}\t{warnings}\t{carrier}\t{in_plan}\t{region}").ok();
}

fn corpus() -> (String, usize) {
    let mut rng = Rng(0x1C9_2026_0086);
    let mut out = String::new();
    let mut mobiles = 0;
    let mut add = |out: &mut String, rng: &mut Rng, n: &str| {
        mobile_line(out, n);
        mobiles += 1;
        if rng.below(5) == 0 {
            let v = variant(rng, n);
            mobile_line(out, &v);
            mobiles += 1;
        }
    };
    // Every 3-digit prefix 100–199 × 20 tails, every 4-digit prefix 1000–1999 × 8, and the
    // 5-digit prefixes where the segments are narrow (1349x, 174xx) × 3.
    for p in 100..200 {
        for _ in 0..20 {
            let n = format!("{p}{}", rng.digits(8));
            add(&mut out, &mut rng, &n);
        }
    }
    for p in 1000..2000 {
        for _ in 0..8 {
            let n = format!("{p}{}", rng.digits(7));
            add(&mut out, &mut rng, &n);
        }
    }
    for p in (13490..13500).chain(17400..17500) {
        for _ in 0..3 {
            let n = format!("{p}{}", rng.digits(6));
            add(&mut out, &mut rng, &n);
        }
    }
    // Landlines: every 2-digit (10, 2x) and 3-digit (3xx–9xx) area code with 7- and 8-digit
    // local numbers, a few short service numbers behind an area code, and 400/800 numbers.
    for area in std::iter::once(10).chain(20..30).chain(300..1000) {
        for len in [7, 8] {
            let local = format!("{}{}", 2 + rng.below(7), rng.digits(len - 1));
            writeln!(out, "landline\t0{area}-{local}\t{}", landline_verdict(&format!("0{area}-{local}"))).ok();
        }
    }
    for (area, local) in [("10", "95588"), ("21", "12345"), ("10", "100861"), ("755", "95555"), ("571", "96315")] {
        let input = format!("0{area}-{local}");
        writeln!(out, "landline\t{input}\t{}", landline_verdict(&input)).ok();
    }
    for input in ["400-810-8888", "800-810-8888", "4006123456", "95588"] {
        writeln!(out, "landline\t{input}\t{}", landline_verdict(input)).ok();
    }
    // National numbers of every 4-digit prefix (first digit 1–9) and every length 7–12: the
    // type the plan gives, against libphonenumber's number_type.
    for p in 1000..10_000 {
        for len in 7..=12 {
            let n = format!("{p}{}", rng.digits(len - 4));
            let t = plan::number_type(&n).map_or("-", NumberType::as_str);
            writeln!(out, "plan\t{n}\t{t}").ok();
        }
    }
    (out, mobiles)
}

fn landline_verdict(input: &str) -> &'static str {
    match landline::validate(input) {
        Ok(_) => "ok",
        Err(e) => e.code(),
    }
}

#[test]
fn differential_against_libphonenumber() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let probe = Command::new("python3").args(["-c", "import phonenumbers"]).output();
    let version = plan::METADATA_VERSION;
    match probe {
        Err(e) => panic!("the differential test needs python3 ({e}); scripts/setup.sh installs it"),
        Ok(o) if !o.status.success() => panic!(
            "the differential test needs libphonenumber's Python port: `python3 -m pip install phonenumbers=={version}` \
             (scripts/setup.sh installs it)\n{}",
            String::from_utf8_lossy(&o.stderr)
        ),
        Ok(_) => {}
    }
    let (corpus, mobiles) = corpus();
    assert!(mobiles >= 10_000, "only {mobiles} mobile inputs");
    let path = std::env::temp_dir().join(format!("icp-precheck-phone-corpus-{}.tsv", std::process::id()));
    std::fs::write(&path, &corpus).expect("write the corpus");
    let output = Command::new("python3").arg(root.join("tests/phone_diff.py")).arg(&path).current_dir(root).output().expect("run python3");
    let _ = std::fs::remove_file(&path);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!("{stdout}");
    assert!(output.status.success(), "tests/phone_diff.py found differences it cannot explain:\n{stdout}\n{stderr}");
}

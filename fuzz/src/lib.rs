//! Shared by the fuzz targets: invariants every report must keep, the JSON → `Value`
//! converter (a copy of what `src/wasm/` does with a `JsValue`), and a structured
//! `arbitrary` generator of `Value`s whose keys and strings are mostly ones the forms read.
//!
//! Each invariant panics with a message naming the input, so libFuzzer saves a crash file.

use arbitrary::{Arbitrary, Unstructured};
use icp_precheck::catalogue::template;
use icp_precheck::ids::Finding;
use icp_precheck::input::{Value, MAX_DEPTH, MAX_ITEMS, MAX_STRING};
use icp_precheck::rules::{provinces, EntityType};
use icp_precheck::{check_domain, DomainReport, Issue, Locale, Options, Province, Severity};

/// `ok` is "no error"; every code and message is catalogued; paths are field paths.
pub fn check_issues(ok: bool, issues: &[Issue], what: &str) {
    let errors = issues.iter().any(|i| i.severity == Severity::Error);
    assert_eq!(ok, !errors, "{what}: ok={ok} but issues are {issues:#?}");
    for issue in issues {
        for locale in [Locale::En, Locale::ZhCn] {
            assert!(template(issue.code, locale).is_some(), "{what}: code {:?} has no {locale:?} message", issue.code);
        }
        assert!(!issue.message.is_empty(), "{what}: empty message for {}", issue.code);
        // `catalogue::render` falls back to the key itself when the message key is missing.
        assert!(!issue.message.starts_with(issue.code), "{what}: message of {} is its key: {:?}", issue.code, issue.message);
        // A path is made of field names and indices: user text never ends up in it.
        assert!(
            issue.path.len() <= 128 && issue.path.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_'),
            "{what}: odd path {:?} for {}",
            issue.path,
            issue.code
        );
    }
}

/// A module finding (ids, fields) has both messages, and each message uses only the
/// params the finding provides.
pub fn check_finding(finding: &dyn Finding, what: &str) {
    let code = finding.code();
    let params = finding.params();
    for locale in [Locale::En, Locale::ZhCn] {
        let Some(message) = template(code, locale) else { panic!("{what}: {code} has no {locale:?} message") };
        let mut rest = message;
        while let Some(start) = rest.find('{') {
            let after = &rest[start + 1..];
            let Some(end) = after.find('}') else { break };
            let name = &after[..end];
            assert!(params.get(name).is_some(), "{what}: {code} ({locale:?}) uses {{{name}}}, params are {params:?}");
            rest = &after[end + 1..];
        }
    }
}

/// Invariants of one domain report; `recheck` re-runs the check on the outputs.
pub fn check_domain_report(input: &str, report: &DomainReport, options: &Options, recheck: bool) {
    check_issues(report.ok, &report.issues, input);
    assert_eq!(report.input, input);
    let Some(ascii) = report.ascii.as_deref() else {
        assert!(report.registrable.is_none() && report.subdomain.is_none(), "{input:?}: registrable without ascii: {report:#?}");
        return;
    };
    assert!(!ascii.is_empty(), "{input:?}: empty ascii");
    assert!(ascii.is_ascii() && !ascii.bytes().any(|b| b.is_ascii_uppercase()), "{input:?}: ascii {ascii:?} is not lower-case ASCII");
    if let Some(tld) = report.tld.as_deref() {
        assert!(ascii == tld || ascii.ends_with(&format!(".{tld}")), "{input:?}: tld {tld:?} is not the end of {ascii:?}");
    }
    if let Some(registrable) = report.registrable.as_deref() {
        assert!(
            ascii == registrable || ascii.ends_with(&format!(".{registrable}")),
            "{input:?}: registrable {registrable:?} is not the end of {ascii:?}"
        );
        if let Some(suffix) = report.suffix.as_deref() {
            assert!(registrable.ends_with(&format!(".{suffix}")), "{input:?}: suffix {suffix:?} is not under {registrable:?}");
        }
        match report.subdomain.as_deref() {
            Some(sub) => assert_eq!(format!("{sub}.{registrable}"), ascii, "{input:?}: subdomain"),
            None => assert_eq!(registrable, ascii, "{input:?}: no subdomain but ascii != registrable"),
        }
    }
    if !recheck {
        return;
    }
    // Idempotence: the A-label form checks to itself, with the same registrable domain.
    let again = check_domain(ascii, options);
    check_domain_report(ascii, &again, options, false);
    assert_eq!(again.ascii.as_deref(), Some(ascii), "{input:?}: re-checking ascii {ascii:?} gives {:?}", again.ascii);
    assert_eq!(again.registrable, report.registrable, "{input:?}: re-checking {ascii:?} changes the registrable domain");
    // A-label ↔ U-label: the U-label form checks to the same A-labels.
    if let Some(unicode) = report.unicode.as_deref() {
        let back = check_domain(unicode, options);
        assert_eq!(back.ascii.as_deref(), Some(ascii), "{input:?}: unicode {unicode:?} checks to {:?}, not {ascii:?}", back.ascii);
    }
}

/// Options from a few fuzzer-chosen bytes: locale, province (or none), entity type (or
/// none), partial, and a `today` among a few dates.
pub fn options_from(u: &mut Unstructured) -> Options {
    let mut options = Options::default();
    if u.arbitrary::<bool>().unwrap_or(false) {
        options.locale = Locale::En;
    }
    let provinces = provinces();
    if let Ok(i) = u.int_in_range(0..=provinces.len()) {
        options.province = provinces.get(i).and_then(|p| Province::parse(p.code));
    }
    let types: Vec<EntityType> = EntityType::all().collect();
    if let Ok(i) = u.int_in_range(0..=types.len()) {
        options.entity_type = types.get(i).copied();
    }
    options.partial = u.arbitrary::<bool>().unwrap_or(false);
    options.today = match u.int_in_range(0..=3u8).unwrap_or(0) {
        0 => None,
        1 => icp_precheck::Date::new(2026, 11, 1),
        2 => icp_precheck::Date::new(2000, 2, 29),
        _ => icp_precheck::Date::new(9999, 12, 31),
    };
    options
}

/// JSON → [`Value`] exactly as `src/wasm/` converts a `JsValue`: primitives first, then
/// the depth limit, at most `max_items` items of an array, strings cut at [`MAX_STRING`]
/// UTF-16 code units. Strings `"@@undefined"`, `"@@symbol"`, `"@@function"`, `"@@bigint"`
/// stand for the JavaScript values JSON cannot express, and a U+FFFD in a string is taken
/// for a replaced lone surrogate.
pub fn json_to_value(json: &serde_json::Value, depth: usize, max_items: usize) -> Value {
    use serde_json::Value as J;
    match json {
        J::Null => Value::Null,
        J::Bool(b) => Value::Bool(*b),
        J::Number(n) => Value::Number(n.as_f64().unwrap_or(f64::NAN)),
        J::String(s) => match s.as_str() {
            "@@undefined" => Value::Undefined,
            "@@symbol" => Value::Other("symbol"),
            "@@function" => Value::Other("function"),
            "@@bigint" => Value::Other("bigint"),
            _ => js_string(s),
        },
        _ if depth >= MAX_DEPTH => Value::TooDeep,
        J::Array(items) => Value::Array {
            items: items.iter().take(max_items).map(|v| json_to_value(v, depth + 1, MAX_ITEMS)).collect(),
            length: items.len(),
        },
        J::Object(fields) => {
            Value::Object(fields.iter().take(MAX_ITEMS).map(|(k, v)| (k.clone(), json_to_value(v, depth + 1, MAX_ITEMS))).collect())
        }
    }
}

/// A string as the converter reads it: cut after [`MAX_STRING`] UTF-16 code units.
pub fn js_string(s: &str) -> Value {
    let lone_surrogates = s.contains('\u{FFFD}');
    // A string has no more UTF-16 code units than UTF-8 bytes: a short one needs no counting,
    // a long one is counted in one pass that also finds where it is cut.
    if s.len() <= MAX_STRING {
        return Value::String { text: s.to_owned(), lone_surrogates, cut_from: None };
    }
    let (mut units, mut cut) = (0, None);
    for (i, c) in s.char_indices() {
        units += c.len_utf16();
        if units > MAX_STRING && cut.is_none() {
            cut = Some(i);
        }
    }
    match cut.and_then(|i| s.get(..i)) {
        Some(text) => Value::String { text: text.to_owned(), lone_surrogates, cut_from: Some(units) },
        None => Value::String { text: s.to_owned(), lone_surrogates, cut_from: None },
    }
}

/// Runs every entry point of `icp_precheck::untyped` on `value` and `options` and checks
/// each report.
pub fn run_untyped(value: &Value, options: &Value) {
    use icp_precheck::untyped::*;
    let today = icp_precheck::Date::new(2026, 11, 1);
    let r = check_domain_value(value, options, today);
    if let Value::String { text, cut_from: None, .. } = value {
        // Recheck only inputs the domain pipeline really read; options came in untyped, so
        // re-check with the defaults only when the report has no option issue.
        if !r.issues.iter().any(|i| i.path.starts_with("options")) && options.is_absent() {
            check_domain_report(text, &r, &Options { today, ..Options::default() }, true);
        } else {
            check_issues(r.ok, &r.issues, "check_domain_value");
        }
    } else {
        check_issues(r.ok, &r.issues, "check_domain_value");
    }
    let reports = check_domains_value(value, options, today);
    match value {
        Value::Array { items, length } => {
            let expected = items.len() + usize::from(*length > items.len());
            assert_eq!(reports.len(), expected, "check_domains_value: one report per item");
        }
        _ => assert_eq!(reports.len(), 1, "check_domains_value on a non-array: one report"),
    }
    for r in &reports {
        check_issues(r.ok, &r.issues, "check_domains_value");
    }
    let r = validate_entity_value(value, options, today);
    check_issues(r.ok, &r.issues, "validate_entity_value");
    let r = validate_website_value(value, options, today);
    check_issues(r.ok, &r.issues, "validate_website_value");
    let r = validate_app_value(value, options, today);
    check_issues(r.ok, &r.issues, "validate_app_value");
    let r = validate_filing_value(value, options, today);
    check_issues(r.ok, &r.issues, "validate_filing_value");
    let r = parse_record_number_value(value, options, today);
    check_issues(r.ok, &r.issues, "parse_record_number_value");
    if r.normalized.is_some() {
        assert!(r.kind.is_some() && r.province.is_some(), "record number parsed without kind or province");
    }
}

/// Field names the forms and options read: a structured value uses these most of the time,
/// so the fuzzer reaches the checks behind them.
pub const KEYS: &[&str] = &[
    "type", "name", "certificate", "number", "validUntil", "certificateAddress", "address", "responsible", "mobile",
    "emergencyMobile", "landline", "email", "domains", "homepage", "serviceContent", "languages", "preApprovals", "remarks",
    "platforms", "platform", "packageName", "certificateMd5", "certificateSha1", "publicKey", "province", "entity", "websites",
    "apps", "locale", "entityType", "partial", "today", "__proto__", "constructor",
];

/// Strings that pass or nearly pass some check, so the fuzzer starts past the first gate.
pub const SAMPLES: &[&str] = &[
    "mysite.com", "www.例子.中国", "https://www.例子。中国/about", "0x7f.1", "[::1]", "xn--fsqu00a.xn--fiqs8s", "mysite.io",
    "example.gov.cn", "user.github.io", "91350100M000100Y43", "11010519491231002X", "13800138000", "+86 138 0013 8000",
    "010-12345678", "0571-87654321-123", "user@example.com", "用户@例子.中国", "京ICP备12345678号-1", "粤B2-20090059-1626X",
    "京公网安备11010502030143号", "com.example.app", "A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C:6D:7E:8F:90", "enterprise", "individual",
    "个人", "企业", "uscc", "resident_id", "passport", "android", "ios", "harmonyos", "北京", "BJ", "en", "zh-CN",
    "2026-11-01", "long-term", "长期", "张三", "北京市朝阳区某某路1号", "某某科技有限公司", "个人博客", "E12345678",
    "H01234567", "12345678", "810000199001011234", "ZZZ", "MA5FXXXX-0",
];

/// A [`Value`] built by `arbitrary`, biased to known keys and sample strings.
#[derive(Debug)]
pub struct FuzzValue(pub Value);

fn arbitrary_value(u: &mut Unstructured, depth: usize) -> arbitrary::Result<Value> {
    let max_kind = if depth >= MAX_DEPTH + 2 { 6 } else { 9 };
    Ok(match u.int_in_range(0..=max_kind)? {
        0 => Value::Undefined,
        1 => Value::Null,
        2 => Value::Bool(u.arbitrary()?),
        3 => Value::Number(u.arbitrary()?),
        4 => Value::Other(*u.choose(&["symbol", "function", "bigint", "object"])?),
        5 => Value::TooDeep,
        6 => arbitrary_string(u)?,
        7 => {
            let n = u.int_in_range(0..=8usize)?;
            let items = (0..n).map(|_| arbitrary_value(u, depth + 1)).collect::<arbitrary::Result<Vec<_>>>()?;
            let extra = if u.ratio(1, 16)? { MAX_ITEMS + 1 } else { 0 };
            let length = items.len() + extra;
            Value::Array { items, length }
        }
        _ => {
            let n = u.int_in_range(0..=10usize)?;
            let mut fields = Vec::with_capacity(n);
            for _ in 0..n {
                let key = if u.ratio(7, 8)? { (*u.choose(KEYS)?).to_owned() } else { u.arbitrary::<String>()? };
                fields.push((key, arbitrary_value(u, depth + 1)?));
            }
            Value::Object(fields)
        }
    })
}

fn arbitrary_string(u: &mut Unstructured) -> arbitrary::Result<Value> {
    let text = match u.int_in_range(0..=3u8)? {
        0 | 1 => (*u.choose(SAMPLES)?).to_owned(),
        2 => u.arbitrary::<String>()?,
        _ => format!("{}{}", u.choose(SAMPLES)?, u.arbitrary::<String>()?),
    };
    let mut copies = 1;
    if u.ratio(1, 32)? {
        // A long one: past the domain limit (13,000 bytes are more than 4,096 characters even
        // of three bytes each), or past the converter's cut (70,000 bytes).
        let bytes = if u.arbitrary()? { 13_000 } else { 70_000 };
        copies = (bytes / text.len().max(1)).max(1);
    }
    let lone_surrogates = u.ratio(1, 16)?;
    Ok(repeated_js_string(&text, copies, lone_surrogates))
}

/// [`js_string`] of `text` repeated `copies` times, then a U+FFFD for a lone surrogate if
/// `lone_surrogates`: built and measured from one copy, since counting the UTF-16 code units
/// of a long string char by char (instrumented for coverage) took most of the `value`
/// target's time.
fn repeated_js_string(text: &str, copies: usize, lone_surrogates: bool) -> Value {
    let per_copy = text.encode_utf16().count();
    let units = per_copy * copies + usize::from(lone_surrogates);
    if units <= MAX_STRING {
        let mut whole = text.repeat(copies);
        if lone_surrogates {
            whole.push('\u{FFFD}');
        }
        return Value::String { text: whole, lone_surrogates, cut_from: None };
    }
    // Cut: the copies that fit whole, then what fits of the next one. (The U+FFFD, last, never
    // fits: the string is longer than the cut without it.)
    let whole_copies = MAX_STRING.checked_div(per_copy).unwrap_or(copies).min(copies);
    let mut cut = text.repeat(whole_copies);
    let mut room = MAX_STRING - per_copy * whole_copies;
    for c in text.chars() {
        if c.len_utf16() > room {
            break;
        }
        room -= c.len_utf16();
        cut.push(c);
    }
    Value::String { text: cut, lone_surrogates, cut_from: Some(units) }
}

impl<'a> Arbitrary<'a> for FuzzValue {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        arbitrary_value(u, 0).map(FuzzValue)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut for long strings gives what [`js_string`] gives for the whole string.
    #[test]
    fn a_repeated_string_is_cut_as_the_converter_cuts_it() {
        for text in ["", "a", "例子", "a😀", "😀", "ab例😀c"] {
            for copies in [1, 2, 1_000, 13_000, 32_768, 32_769, 70_000] {
                for lone_surrogates in [false, true] {
                    let mut whole = text.repeat(copies);
                    if lone_surrogates {
                        whole.push('\u{FFFD}');
                    }
                    assert_eq!(repeated_js_string(text, copies, lone_surrogates), js_string(&whole), "{text:?} × {copies}, {lone_surrogates}");
                }
            }
        }
    }
}

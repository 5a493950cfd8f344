//! Domain verification on arbitrary text (WHOIS, RDAP JSON, anything): no panic; the
//! JSON reader accepts exactly what serde_json accepts (below its depth limit, and numbers past
//! f64's range, which it reads as JSON.parse does) and reads the same values; the report keeps ok ⇔ no error, every issue catalogued, and a text that
//! reads as a registration checks the same as the registration it reads as.
#![no_main]

use arbitrary::Unstructured;
use fuzz_support::{check_issues, options_from};
use icp_precheck::input::Value;
use icp_precheck::registration::{self, json, Unreadable};
use icp_precheck::{check_registration, check_registration_text, Entity, FilingContext};
use libfuzzer_sys::fuzz_target;

/// `Value` as serde_json's reading would give it, for comparison.
fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
    match (ours, theirs) {
        (Value::Null, serde_json::Value::Null) => true,
        (Value::Bool(a), serde_json::Value::Bool(b)) => a == b,
        // Whole numbers within 2^53 are exact; others may differ in the last places
        // (src/registration/json.rs `number_value`), at the top of the range by rounding to
        // Infinity, and below 1e-300 by a few subnormal steps or by reading 0.
        (Value::Number(a), serde_json::Value::Number(b)) => {
            let b = b.as_f64().unwrap_or(f64::NAN);
            a == &b || (a - b).abs() <= b.abs() * 1e-9 || (a.is_infinite() && b.abs() > 1e300) || (b.abs() < 1e-300 && (a - b).abs() < 1e-300)
        }
        (Value::String { text, .. }, serde_json::Value::String(b)) => text == b,
        (Value::Array { items, length }, serde_json::Value::Array(b)) => *length == b.len() && items.iter().zip(b).all(|(x, y)| same(x, y)),
        // serde_json keeps the last of duplicate keys, sorted; `Value::get` reads the last too.
        (Value::Object(fields), serde_json::Value::Object(b)) => fields.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(ours.get(k).unwrap_or(v), w))),
        (Value::TooDeep | Value::TooLarge, _) => true,
        _ => false,
    }
}

/// `text` with every `\uXXXX` escape of a lone surrogate (a high one not followed by a low
/// one's escape, a low one not preceded by a high one's) written `\uFFFD`.
fn lone_surrogate_escapes_replaced(text: &str) -> String {
    let escape = |at: usize| -> Option<u16> {
        let hex = text.get(at..at + 6)?;
        hex.strip_prefix("\\u").and_then(|h| u16::from_str_radix(h, 16).ok())
    };
    let (mut out, mut at) = (String::with_capacity(text.len()), 0);
    while let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) {
        if c != '\\' {
            out.push(c);
            at += c.len_utf8();
            continue;
        }
        match escape(at) {
            Some(0xD800..=0xDBFF) if matches!(escape(at + 6), Some(0xDC00..=0xDFFF)) => {
                out.push_str(&text[at..at + 12]);
                at += 12;
            }
            Some(0xD800..=0xDFFF) => {
                out.push_str("\\uFFFD");
                at += 6;
            }
            // Any other escape: the backslash and the character after it, kept as they are
            // (a `\\` escape must not start another).
            _ => {
                out.push(c);
                at += 1;
                if let Some(next) = text.get(at..).and_then(|rest| rest.chars().next()) {
                    out.push(next);
                    at += next.len_utf8();
                }
            }
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let split = data.len().saturating_sub(4);
    let (text, tail) = data.split_at(split);
    let options = options_from(&mut Unstructured::new(tail));
    let text = String::from_utf8_lossy(text);
    let text = text.as_ref();

    // The JSON reader against serde_json.
    let theirs: Result<serde_json::Value, _> = serde_json::from_str(text);
    match (json::parse(text), &theirs) {
        (Ok(ours), Ok(theirs)) => assert!(same(&ours, theirs), "{text:?}: {ours:?} vs {theirs:?}"),
        (Err(Unreadable::Json { .. }), Err(_)) => {}
        // serde_json refuses nesting past 128 levels, which we read (deeper than 32, skipped).
        (Ok(_), Err(e)) if e.to_string().contains("recursion limit") => {}
        // serde_json refuses a number past f64's range; JavaScript's JSON.parse reads it as
        // ±Infinity, and so does ours (found by the campaign: `9.8e11111111101971543699`).
        (Ok(_), Err(e)) if e.to_string().contains("number out of range") => {}
        // serde_json refuses a lone surrogate escape (`\udffe`, or `\uD888` before text that is
        // no `\u` escape), which the JSON grammar allows and JSON.parse reads; ours reads it as
        // U+FFFD (found by the campaign, in keys), so the same text with `\uFFFD` there must
        // read alike.
        (Ok(ours), Err(e)) if e.to_string().contains("surrogate") || e.to_string().contains("hex escape") => {
            let replaced = lone_surrogate_escapes_replaced(text);
            match serde_json::from_str::<serde_json::Value>(&replaced) {
                Ok(theirs) => assert!(same(&ours, &theirs), "{text:?}: {ours:?} vs {theirs:?}"),
                Err(e) => panic!("{text:?}: ours {ours:?}, serde_json {e} (also with lone surrogates replaced: {replaced:?})"),
            }
        }
        (ours, theirs) => panic!("{text:?}: ours {ours:?}, serde_json {theirs:?}"),
    }

    let entity = Entity { kind: Some("enterprise".into()), name: Some("北京例子科技有限公司".into()), ..Entity::default() };
    let against = FilingContext { entity: Some(&entity), domain: Some("mysite.cn") };
    let report = check_registration_text(text, &against, &options);
    check_issues(report.ok, &report.issues, text);
    match registration::read_text(text) {
        Ok(parsed) => {
            let read = report.registration.as_ref().expect("a readable text gives its registration");
            assert_eq!(read, &parsed.registration);
            if parsed.notes.is_empty() {
                let again = check_registration(read, &against, &options);
                assert_eq!(again.issues, report.issues, "{text:?}");
                assert_eq!(again.checks, report.checks);
            }
        }
        Err(_) => assert!(report.registration.is_none() && !report.ok),
    }
});

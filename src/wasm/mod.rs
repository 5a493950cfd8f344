//! The `#[wasm_bindgen]` boundary. It only converts: `JsValue` → [`Value`] on the way in
//! (bounded in depth and size, lone surrogates flagged), reports → plain JavaScript objects
//! on the way out (domain reports through [`transfer`], the form reports as JSON), and
//! delegates everything else to plain Rust (`crate::domain`, `crate::untyped`).
//!
//! The domain exports are here; the forms' exports are in `forms.rs`, compiled with the
//! `forms` feature only (the domain-only module of `pkg/domain.js` is built without it).
//!
//! TypeScript signatures come from `unchecked_param_type` / `unchecked_return_type` and the
//! interfaces in the custom section below, so `pkg/icp_precheck.d.ts` has no `any`.

use crate::input::{Value, MAX_BATCH, MAX_DEPTH, MAX_ITEMS, MAX_STRING, MAX_VALUES};
use crate::options::Date;
use js_sys::{Array, JsString, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

mod transfer;
use transfer::word;

#[cfg(feature = "forms")]
mod forms;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

/// `checkDomain(input, options?)`: can this domain be filed, which domain is filed, and why not.
#[wasm_bindgen(js_name = checkDomain, unchecked_return_type = "DomainReport")]
pub fn check_domain(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let (options, option_issues) = read_options(options.as_ref());
    with_encoder(|encoder| {
        encode_domain(encoder, &input, &options, &option_issues);
        let (words, bytes) = encoder.addresses();
        Ok(MEMORY.with(|memory| decode_domain_report(memory, &input, words, bytes)))
    })
}

/// `checkDomains(inputs, options?)`: many domains in one call, one report each, in order.
#[wasm_bindgen(js_name = checkDomains, unchecked_return_type = "DomainReport[]")]
pub fn check_domains(
    #[wasm_bindgen(unchecked_param_type = "string[]")] inputs: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let (options, option_issues) = read_options(options.as_ref());
    let length = match is_array(&inputs) {
        Ok(true) => array_length(&inputs),
        _ => None,
    };
    // The items as read, once (`transfer.js` fills it): the reports slice these strings, and
    // the page's array is not read again (a getter or a proxy trap may answer differently, or
    // throw, the second time).
    let read = Array::new();
    with_encoder(|encoder| {
        let count = match length {
            Some(length) => {
                let checked = length.min(MAX_BATCH);
                MEMORY.with(|memory| encode_batch(encoder, memory, &inputs, &read, checked, &options, &option_issues));
                let mut count = checked;
                if length > MAX_BATCH {
                    encoder.report(&crate::untyped::too_many_domains(length, options.locale));
                    count += 1;
                }
                count
            }
            None => {
                // Not an array: one report saying so.
                for mut report in crate::untyped::check_domains_value(&to_value(&inputs, MAX_ITEMS), &Value::Undefined, None) {
                    report.issues.extend(option_issues.iter().cloned());
                    encoder.report(&report);
                }
                1
            }
        };
        let (words, bytes) = encoder.addresses();
        Ok(MEMORY.with(|memory| decode_domain_reports(memory, &read, count as u32, words, bytes)))
    })
}

/// `checkDomain` with every message rendered in Rust and the report sent as JSON: the
/// reference the tests compare `checkDomain`'s transfer with (tests/node). Not public API.
#[doc(hidden)]
#[wasm_bindgen(js_name = __checkDomainRendered, skip_typescript)]
pub fn check_domain_rendered(input: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    call(&input, options, MAX_ITEMS, None, crate::untyped::check_domain_value)
}

/// Options of `checkDomain(s)`, read once per call; bad options are warnings on every report.
///
/// A plain options object is summed up by `transfer.js` in one string (`optionsKey`), and
/// the last one read is kept: the same options on every keystroke are read with one crossing.
/// Anything else is read field by field (`to_value`), as every other export reads its input.
fn read_options(options: Option<&JsValue>) -> (crate::Options, Vec<crate::Issue>) {
    let Some(js) = options.filter(|js| !js.is_undefined()) else {
        return (crate::Options::default(), Vec::new());
    };
    let Some(key) = options_key(js) else {
        let (options, issues) = crate::input::read_options(&to_value(js, MAX_ITEMS), None);
        return (options, issues.into_vec());
    };
    let read = |key: &str| {
        let (options, issues) = crate::input::read_options(&options_value(key), None);
        (options, issues.into_vec())
    };
    LAST_OPTIONS.with(|last| {
        let Ok(mut last) = last.try_borrow_mut() else { return read(&key) };
        if let Some((k, options, issues)) = last.as_ref() {
            if *k == key {
                return (*options, issues.clone());
            }
        }
        let (options, issues) = read(&key);
        *last = Some((key, options, issues.clone()));
        (options, issues)
    })
}

/// The options object an `optionsKey` string stands for, as `to_value` would have read it
/// (the fields that matter; absent, `undefined` and `null` all read as absent).
fn options_value(key: &str) -> Value {
    let fields = crate::input::OPTION_NAMES
        .iter()
        .zip(key.split('\0'))
        .filter_map(|(name, field)| {
            let value = match field.as_bytes().first() {
                None => return None,
                Some(b't') => Value::Bool(true),
                Some(b'f') => Value::Bool(false),
                Some(_) => Value::String { text: field.get(1..).unwrap_or_default().to_owned(), lone_surrogates: false, cut_from: None },
            };
            Some(((*name).to_owned(), value))
        })
        .collect();
    Value::Object(fields)
}

/// Checks one domain into `encoder`. A well-formed string is copied into the encoder's input
/// buffer by `transfer.js` (one crossing), checked there and sent back as spans of itself;
/// anything else (not a string, too long, lone surrogates) goes through the untyped path,
/// whose report is rendered here.
fn encode_domain(encoder: &mut transfer::Encoder, item: &JsValue, options: &crate::Options, option_issues: &[crate::Issue]) {
    let mut input = std::mem::take(&mut encoder.input);
    let done = match MEMORY.with(|memory| read_string(memory, item, &mut input)) {
        Some(text) => encode_string(encoder, text, options, option_issues),
        None => false,
    };
    encoder.input = input;
    if !done {
        encode_value(encoder, item, options, option_issues);
    }
}

/// Checks a string into `encoder`; false (nothing written) when it holds U+FFFD, which may
/// stand for a lone surrogate: the untyped path tells the two apart and reports the latter.
fn encode_string(encoder: &mut transfer::Encoder, text: &str, options: &crate::Options, option_issues: &[crate::Issue]) -> bool {
    if text.contains('\u{FFFD}') {
        return false;
    }
    let scratch = std::mem::take(&mut encoder.scratch);
    let check = crate::domain::DomainCheck::with_scratch(text, options, scratch);
    encoder.check(&check, option_issues);
    encoder.scratch = check.into_scratch();
    true
}

/// The untyped path: the report of an input that is not a plain string, rendered in Rust.
fn encode_value(encoder: &mut transfer::Encoder, item: &JsValue, options: &crate::Options, option_issues: &[crate::Issue]) {
    encoder.report(&crate::untyped::one_domain(&to_value(item, MAX_ITEMS), options, option_issues));
}

/// Checks items `0..count` of `inputs` into `encoder`. `transfer.js` reads the items into
/// `read` and writes the strings among them into the module's memory, thousands per crossing.
fn encode_batch(
    encoder: &mut transfer::Encoder,
    memory: &JsValue,
    inputs: &JsValue,
    read: &Array,
    count: usize,
    options: &crate::Options,
    option_issues: &[crate::Issue],
) {
    // Room for the longest string an item may be (MAX_STRING UTF-16 units, 3 bytes each) and
    // plenty more, so that every item read is also written.
    let mut bytes = std::mem::take(&mut encoder.batch_input);
    bytes.resize(3 * MAX_STRING + (1 << 16), 0);
    let mut statuses = vec![0i32; count.min(4096)];
    let mut next = 0;
    while next < count {
        let end = (next + statuses.len()).min(count);
        let done = write_inputs(
            memory,
            inputs,
            read,
            word(next),
            word(end),
            statuses.as_mut_ptr() as usize as u32,
            bytes.as_mut_ptr() as usize as u32,
            word(bytes.len()),
            MAX_STRING as u32,
        ) as usize;
        let mut offset = 0;
        for (k, status) in statuses.iter().take(done).enumerate() {
            let index = word(next + k);
            match usize::try_from(*status) {
                Ok(length) => {
                    let text = bytes.get(offset..offset + length).and_then(|b| std::str::from_utf8(b).ok());
                    offset += length;
                    if !text.is_some_and(|text| encode_string(encoder, text, options, option_issues)) {
                        encode_value(encoder, &read.get(index), options, option_issues);
                    }
                }
                Err(_) if *status == -2 => encoder.report(&crate::untyped::one_domain(&Value::Unreadable, options, option_issues)),
                Err(_) => encode_value(encoder, &read.get(index), options, option_issues),
            }
        }
        if done == 0 {
            // `transfer.js` always makes progress; should it not, the rest are unreadable
            // rather than a loop without end.
            for _ in next..count {
                encoder.report(&crate::untyped::one_domain(&Value::Unreadable, options, option_issues));
                read.push(&JsValue::UNDEFINED);
            }
            break;
        }
        next += done;
    }
    encoder.batch_input = bytes;
}

/// `item` as text, if it is a string of at most [`MAX_STRING`] UTF-16 units, written by
/// `transfer.js` into `buffer` (grown when it needs more room).
fn read_string<'b>(memory: &JsValue, item: &JsValue, buffer: &'b mut Vec<u8>) -> Option<&'b str> {
    let mut written = write_input(memory, item, buffer.as_mut_ptr() as usize as u32, word(buffer.len()), MAX_STRING as u32);
    if written < -1 {
        buffer.resize(usize::try_from(-(written + 2)).ok()?, 0);
        written = write_input(memory, item, buffer.as_mut_ptr() as usize as u32, word(buffer.len()), MAX_STRING as u32);
    }
    let length = usize::try_from(written).ok()?;
    std::str::from_utf8(buffer.get(..length)?).ok()
}

thread_local! {
    /// The last `optionsKey` read, and what it gave.
    static LAST_OPTIONS: std::cell::RefCell<Option<(String, crate::Options, Vec<crate::Issue>)>> = const { std::cell::RefCell::new(None) };
    static ENCODER: std::cell::RefCell<transfer::Encoder> = std::cell::RefCell::new(transfer::Encoder::default());
    static MEMORY: JsValue = wasm_bindgen::memory();
}

/// Runs `f` with the shared encoder, cleared; with a fresh one if the shared one is in use
/// (a getter of an input that calls `checkDomain` while its batch is being read).
fn with_encoder<R>(f: impl FnOnce(&mut transfer::Encoder) -> R) -> R {
    ENCODER.with(|shared| match shared.try_borrow_mut() {
        Ok(mut encoder) => {
            encoder.clear();
            f(&mut encoder)
        }
        Err(_) => f(&mut transfer::Encoder::default()),
    })
}

/// Every form export: convert the argument (reading up to `max_items` of an array; `undefined`
/// and `null` are values like any other, answered with a report) and the options, check,
/// convert back. A call with no argument at all is refused before it gets here
/// (`scripts/patch-glue.mjs`), since wasm-bindgen passes it as `undefined`.
/// `today` is the page's date for the checks with date rules, `None` for the others.
fn call<R: Serialize>(
    value: &JsValue,
    options: Option<JsValue>,
    max_items: usize,
    today: Option<Date>,
    check: fn(&Value, &Value, Option<Date>) -> R,
) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    to_js(&check(&to_value(value, max_items), &to_value(&options, MAX_ITEMS), today))
}

/// `rulesInfo()`: versions and sources of every rule set in this build.
#[wasm_bindgen(js_name = rulesInfo, unchecked_return_type = "RulesInfo")]
pub fn rules_info() -> Result<JsValue, JsValue> {
    to_js(&crate::rules_info())
}

/// Reports cross as one JSON string that the engine's native `JSON.parse` turns into plain
/// objects: one boundary crossing per call instead of one per property, and measurably
/// faster than building the objects property by property (BENCHMARKS.md).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let json = serde_json::to_string(value).map_err(|e| JsValue::from_str(&e.to_string()))?;
    js_sys::JSON::parse(&json)
}

#[wasm_bindgen(module = "/src/wasm/transfer.js")]
extern "C" {
    /// Builds the `DomainReport` the encoder wrote (`transfer.rs`); `input` is the caller's string.
    #[wasm_bindgen(js_name = decodeDomainReport)]
    fn decode_domain_report(memory: &JsValue, input: &JsValue, words: u32, bytes: u32) -> JsValue;
    /// Builds `count` reports; the i-th report's input texts are slices of `inputs[i]`.
    #[wasm_bindgen(js_name = decodeDomainReports)]
    fn decode_domain_reports(memory: &JsValue, inputs: &JsValue, count: u32, words: u32, bytes: u32) -> JsValue;
    /// Writes a string input as UTF-8 into `[ptr, ptr + capacity)`: its length, or -1 for
    /// anything else, or -2 - n when `n` bytes are needed.
    #[wasm_bindgen(js_name = writeInput)]
    fn write_input(memory: &JsValue, item: &JsValue, ptr: u32, capacity: u32, max: u32) -> i32;
    /// Reads `inputs[start..end)` into `read` and writes the strings as UTF-8 at `ptr`, one
    /// status word per item at `status`: a length, -1 not a string, -2 unreadable. Returns
    /// how many items it did.
    /// The option fields of a plain options object as one string, or null (`transfer.js`).
    #[wasm_bindgen(js_name = optionsKey)]
    fn options_key(options: &JsValue) -> Option<String>;
    #[wasm_bindgen(js_name = writeInputs)]
    #[allow(clippy::too_many_arguments)]
    fn write_inputs(memory: &JsValue, inputs: &JsValue, read: &Array, start: u32, end: u32, status: u32, ptr: u32, capacity: u32, max: u32) -> u32;
}

#[wasm_bindgen]
extern "C" {
    // Reading a page's objects can throw (a revoked Proxy, an `ownKeys` trap, a getter).
    // An exception that unwinds through WebAssembly frames leaks their stack, and a few
    // thousand of them exhaust it: every read that can throw is caught and becomes a value.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(value: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
}

/// An array's `length`, or `None` when reading it fails. A length is a whole number below
/// 2^32; anything else (a proxy may answer anything) reads as empty.
fn array_length(array: &JsValue) -> Option<usize> {
    let length = Reflect::get(array, &JsValue::from_str("length")).ok()?.as_f64()?;
    Some(if length.is_finite() && length >= 0.0 { length.min(f64::from(u32::MAX)) as usize } else { 0 })
}

/// Converts a JavaScript value, reading at most `max_items` of an array, stopping at
/// [`MAX_DEPTH`] and after [`MAX_VALUES`] values in all, so no input can make the walk
/// unbounded (an object shared at every level would otherwise be walked exponentially often).
fn to_value(js: &JsValue, max_items: usize) -> Value {
    to_value_with(js, max_items, MAX_STRING)
}

/// [`to_value`] with strings cut at `max_string` UTF-16 units instead of [`MAX_STRING`].
fn to_value_with(js: &JsValue, max_items: usize, max_string: usize) -> Value {
    let mut budget = MAX_VALUES + if max_items > MAX_ITEMS { max_items } else { 0 };
    convert(js, 0, Limits { max_items, max_string }, &mut budget)
}

#[derive(Clone, Copy)]
struct Limits {
    max_items: usize,
    max_string: usize,
}

fn convert(js: &JsValue, depth: usize, limits: Limits, budget: &mut usize) -> Value {
    let Some(left) = budget.checked_sub(1) else { return Value::TooLarge };
    *budget = left;
    if js.is_undefined() {
        return Value::Undefined;
    }
    if js.is_null() {
        return Value::Null;
    }
    if let Some(b) = js.as_bool() {
        return Value::Bool(b);
    }
    if let Some(n) = js.as_f64() {
        return Value::Number(n);
    }
    if let Some(s) = js.dyn_ref::<JsString>() {
        // A huge string is cut before it is copied: its start is enough to say it is too long.
        let length = s.length() as usize;
        let (s, cut_from) = match length > limits.max_string {
            true => (s.slice(0, limits.max_string as u32), Some(length)),
            false => (s.clone(), None),
        };
        // `String::from` replaces lone surrogates with U+FFFD; remember that it did (asking
        // JavaScript only when a U+FFFD appears, which a well-formed string rarely has).
        let text = String::from(&s);
        let lone_surrogates = text.contains('\u{FFFD}') && !s.is_valid_utf16();
        return Value::String { text, lone_surrogates, cut_from };
    }
    if js.is_function() {
        return Value::Other("function");
    }
    if js.is_symbol() {
        return Value::Other("symbol");
    }
    if js.is_bigint() {
        return Value::Other("bigint");
    }
    if !js.is_object() {
        return Value::Other("object");
    }
    if depth >= MAX_DEPTH {
        return Value::TooDeep;
    }
    match is_array(js) {
        Err(_) => return Value::Unreadable,
        Ok(true) => {
            let Some(length) = array_length(js) else { return Value::Unreadable };
            let items = (0..length.min(limits.max_items))
                .map(|i| match Reflect::get_u32(js, i as u32) {
                    Ok(item) => convert(&item, depth + 1, Limits { max_items: MAX_ITEMS, ..limits }, budget),
                    Err(_) => Value::Unreadable,
                })
                .collect();
            return Value::Array { items, length };
        }
        Ok(false) => {}
    }
    let Ok(keys) = object_keys(js) else { return Value::Unreadable };
    let fields = keys
        .iter()
        .take(MAX_ITEMS)
        .filter_map(|key| {
            let name = key.as_string()?;
            let value = match Reflect::get(js, &key) {
                Ok(value) => convert(&value, depth + 1, Limits { max_items: MAX_ITEMS, ..limits }, budget),
                Err(_) => Value::Unreadable,
            };
            Some((name, value))
        })
        .collect();
    Value::Object(fields)
}

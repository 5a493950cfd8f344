//! The transfer protocol between `src/wasm/transfer.rs` (which writes a domain report as words
//! into the module's memory) and `src/wasm/transfer.js` (which reads them), described in
//! `docs/transfer.md`. The Rust side declares each table; the JavaScript side, which cannot
//! import a Rust constant, holds a copy that this test compares with it, so a change on one
//! side alone fails here rather than as garbled reports in a browser. The options' field names
//! (`input::OPTION_NAMES`) are held the same way to `transfer.js` and `types.d.ts`.

use std::path::Path;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The text between `start` and the next `end` after it.
fn between<'t>(text: &'t str, start: &str, end: &str) -> &'t str {
    let from = text.find(start).unwrap_or_else(|| panic!("no {start:?}")) + start.len();
    let to = text[from..].find(end).unwrap_or_else(|| panic!("no {end:?} after {start:?}"));
    &text[from..from + to]
}

/// The quoted strings of a list, in order.
fn quoted(list: &str) -> Vec<String> {
    list.split(['"', '\'']).skip(1).step_by(2).map(str::to_owned).collect()
}

fn camel_case(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        match c {
            '_' => upper = true,
            c if upper => {
                out.extend(c.to_uppercase());
                upper = false;
            }
            c => out.push(c),
        }
    }
    out
}

#[test]
fn text_kinds_are_the_same_numbers() {
    let rust = read("src/wasm/transfer.rs");
    let js = read("src/wasm/transfer.js");
    let js_kinds = between(&js, "const NULL", ";");
    let mut kinds = Vec::new();
    for line in rust.lines().filter_map(|l| l.strip_prefix("const ")) {
        if let Some((name, value)) = line.strip_suffix(';').and_then(|l| l.split_once(": u32 = ")) {
            kinds.push(format!("{name} = {value}"));
        }
    }
    assert_eq!(kinds.len(), 7, "{kinds:?}");
    let js_list: Vec<String> = format!("NULL{js_kinds}").split(',').map(|k| k.trim().to_owned()).collect();
    assert_eq!(js_list, kinds, "transfer.js's text kinds differ from transfer.rs's");
}

#[test]
fn severities_are_in_the_same_order() {
    let rust = read("src/wasm/transfer.rs");
    let js = read("src/wasm/transfer.js");
    assert!(rust.contains("Severity::Error => 0,") && rust.contains("Severity::Warning => 1,"));
    assert_eq!(quoted(between(&js, "const SEVERITY = [", "]")), ["error", "warning"]);
}

#[test]
fn report_fields_are_in_the_same_order() {
    let rust = read("src/wasm/transfer.rs");
    let js = read("src/wasm/transfer.js");
    let written: Vec<String> = between(&rust, "let fields = [", "];")
        .split(',')
        .filter_map(|f| f.trim().strip_prefix("&report."))
        .map(camel_case)
        .collect();
    assert_eq!(written.len(), 8, "{written:?}");
    let mut read: Vec<(usize, String)> = js
        .lines()
        .filter_map(|l| l.trim().strip_suffix("],"))
        .filter_map(|l| l.split_once(": fields["))
        .map(|(name, index)| (index.parse().expect("an index"), name.to_owned()))
        .collect();
    read.sort();
    let read: Vec<String> = read.into_iter().map(|(_, name)| name).collect();
    assert_eq!(read, written, "transfer.js reads the report's fields in another order than transfer.rs writes them");
    // The protocol's description names them in the same order.
    let documented: Vec<String> = between(&rust, "8 fields", ": a text each").split(',').map(|f| f.trim().to_owned()).collect();
    assert_eq!(documented, written);
}

#[test]
fn option_names_are_one_list() {
    let rust: Vec<String> = icp_precheck::input::OPTION_NAMES.iter().map(|n| (*n).to_owned()).collect();
    let js = read("src/wasm/transfer.js");
    assert_eq!(quoted(between(&js, "const OPTION_NAMES = [", "]")), rust, "transfer.js's OPTION_NAMES");
    let types = read("src/wasm/types.d.ts");
    let declared: Vec<String> = between(&types, "export interface Options {", "\n}")
        .lines()
        .filter_map(|l| l.trim().split_once("?:").map(|(name, _)| name.to_owned()))
        .collect();
    assert_eq!(declared, rust, "types.d.ts's Options");
}

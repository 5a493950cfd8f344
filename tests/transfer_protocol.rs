//! The transfer protocol between `src/wasm/transfer.rs` (which writes a domain report as words
//! into the module's memory) and `src/wasm/transfer.js` (which reads them), described in
//! `docs/transfer.md`. Its tables are declared once, in `src/wasm/protocol.toml`, and generated
//! for both sides (`tests/generated.rs` fails when they are stale). What the generator cannot
//! write is held to the same declaration here: the order in which the domain check gives its
//! texts, the report's serialised fields, and the TypeScript `Options`.

use icp_precheck::{DomainCheck, Options};
use icp_precheck_bake::transfer::{load, Protocol, PROTOCOL};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn protocol() -> Protocol {
    load(&root().join(PROTOCOL))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_domain_check_gives_its_texts_in_the_protocol_order() {
    // Every field different, so that an order mistake shows.
    let check = DomainCheck::new("https://www.例子.中国/about", &Options::default());
    let given: Vec<Option<&str>> = check.fields().iter().map(|span| span.map(|s| check.text(s))).collect();
    let report = serde_json::to_value(check.to_report()).expect("a report serialises");
    let named: Vec<Option<&str>> = protocol().report_fields.iter().map(|name| report[name.as_str()].as_str()).collect();
    assert_eq!(given, named);
    assert!(named.iter().all(Option::is_some), "{named:?}");
}

#[test]
fn the_report_serialises_its_texts_in_the_protocol_order() {
    let json = serde_json::to_string(&icp_precheck::check_domain("www.example.com", &Options::default())).expect("serialises");
    let fields = protocol().report_fields;
    let at: Vec<usize> = fields.iter().map(|f| json.find(&format!("\"{f}\":")).unwrap_or_else(|| panic!("{f} in {json}"))).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{json}");
}

#[test]
fn option_names_are_one_list() {
    let names = protocol().option_names;
    assert_eq!(icp_precheck::input::OPTION_NAMES.to_vec(), names);
    let types = read("src/wasm/types.d.ts");
    let from = types.find("export interface Options {").expect("Options in types.d.ts");
    let body = &types[from..from + types[from..].find("\n}").expect("the end of Options")];
    let declared: Vec<&str> = body.lines().filter_map(|l| l.trim().split_once("?:").map(|(name, _)| name)).collect();
    assert_eq!(declared, names, "types.d.ts's Options");
}

//! `src/wasm/protocol.toml` → the tables of the transfer protocol (docs/transfer.md) on both of
//! its sides: `transfer_protocol.rs` (the text kinds, the severity words and the report's
//! fields, for `src/wasm/transfer.rs`), `options.rs` (the option names, for `src/input.rs`) and
//! `transfer-tables.js` (all of them, for `src/wasm/transfer.js`).

use serde::Deserialize;
use std::fmt::Write as _;
use std::path::Path;

/// Where the protocol is declared, relative to the repository's root: beside the two files it
/// joins, not under `data/` (it is no upstream data).
pub const PROTOCOL: &str = "src/wasm/protocol.toml";

/// The protocol's tables, as `src/wasm/protocol.toml` declares them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Protocol {
    pub text_kinds: Vec<String>,
    pub severities: Vec<String>,
    /// docs/api.md's (camelCase) names.
    pub report_fields: Vec<String>,
    pub option_names: Vec<String>,
}

/// Reads and checks `protocol.toml`: names are identifiers, and none repeats.
pub fn load(path: &Path) -> Protocol {
    let protocol: Protocol = crate::rules::load(path);
    for (what, names) in [
        ("text_kinds", &protocol.text_kinds),
        ("severities", &protocol.severities),
        ("report_fields", &protocol.report_fields),
        ("option_names", &protocol.option_names),
    ] {
        for (i, name) in names.iter().enumerate() {
            assert!(!name.is_empty() && name.bytes().all(|b| b.is_ascii_alphabetic()), "protocol.toml: {what}: {name:?} is not a name");
            assert!(!names[..i].contains(name), "protocol.toml: {what}: {name} twice");
        }
    }
    protocol
}

/// `entityType` → `entity_type`.
fn snake_case(camel: &str) -> String {
    let mut out = String::new();
    for c in camel.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// The Rust side of `src/wasm/transfer.rs`, included where `Severity` and `DomainReport` are in scope.
pub fn rust_tables(protocol: &Protocol) -> String {
    let mut out = String::from("// The kinds of a text.\n");
    for (i, kind) in protocol.text_kinds.iter().enumerate() {
        writeln!(out, "const {}: u32 = {i};", kind.to_uppercase()).ok();
    }
    writeln!(out, "\n/// The word of a severity.\nfn severity_word(severity: Severity) -> u32 {{\n    match severity {{").ok();
    for (i, severity) in protocol.severities.iter().enumerate() {
        writeln!(out, "        Severity::{} => {i},", crate::rules::variant(severity)).ok();
    }
    writeln!(out, "    }}\n}}\n").ok();
    let n = protocol.report_fields.len();
    writeln!(out, "/// A report's texts after its input, in the order they are written.").ok();
    writeln!(out, "fn report_fields(report: &DomainReport) -> [&Option<String>; {n}] {{\n    [").ok();
    for field in &protocol.report_fields {
        writeln!(out, "        &report.{},", snake_case(field)).ok();
    }
    writeln!(out, "    ]\n}}").ok();
    out
}

/// The option names of `src/input.rs`: `OPTION_NAMES` and a constant for each.
pub fn rust_options(protocol: &Protocol) -> String {
    let names = &protocol.option_names;
    let constant = |name: &str| snake_case(name).to_uppercase();
    let mut out = String::new();
    writeln!(out, "/// The fields of an options object, in the order `transfer.js`'s `optionsKey` writes them.").ok();
    let list: Vec<String> = names.iter().map(|n| constant(n)).collect();
    writeln!(out, "pub const OPTION_NAMES: [&str; {}] = [{}];", names.len(), list.join(", ")).ok();
    for name in names {
        writeln!(out, "const {}: &str = {name:?};", constant(name)).ok();
    }
    out
}

/// The JavaScript side, an ES module that `src/wasm/transfer.js` imports.
pub fn javascript(protocol: &Protocol) -> String {
    let mut out = String::from("// The kinds of a text.\n");
    let kinds: Vec<String> = protocol.text_kinds.iter().enumerate().map(|(i, k)| format!("{} = {i}", k.to_uppercase())).collect();
    writeln!(out, "export const {};", kinds.join(", ")).ok();
    let quoted = |names: &[String]| names.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ");
    writeln!(out, "// A severity's name, by its word.\nexport const SEVERITY = [{}];", quoted(&protocol.severities)).ok();
    writeln!(out, "// The fields of an options object, in the order optionsKey writes them.\nexport const OPTION_NAMES = [{}];", quoted(&protocol.option_names)).ok();
    writeln!(out, "// A report's texts after its input, in the order they are written.\nexport const REPORT_FIELDS = [{}];", quoted(&protocol.report_fields)).ok();
    writeln!(out, "\n/** The DomainReport of `ok`, its issues, its input and its texts after the input (`fields`, in the order they are written). */").ok();
    writeln!(out, "export function domainReport(ok, issues, input, fields) {{\n  return {{\n    ok,\n    issues,\n    input,").ok();
    for (i, field) in protocol.report_fields.iter().enumerate() {
        writeln!(out, "    {field}: fields[{i}],").ok();
    }
    writeln!(out, "  }};\n}}").ok();
    out
}

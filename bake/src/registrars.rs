//! `data/registration/registrars.toml` → the registrar table (`registrars.rs`), included by
//! `src/registration/registrars.rs`, which defines the types. The build refuses a row without
//! a source or date, an unknown approval or basis, and an IANA ID listed twice, so that a look-up
//! by ID can never have two answers.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: String,
    source: String,
    registrar: Vec<Row>,
    family: Vec<Family>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    iana_id: Option<u32>,
    names: Vec<String>,
    #[serde(default)]
    names_zh: Vec<String>,
    approval: String,
    basis: String,
    source: String,
    date: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Family {
    name: String,
    iana_ids: Vec<u32>,
    approval: String,
    basis: String,
    source: String,
    date: String,
}

fn approval(value: &str, at: &str) -> &'static str {
    match value {
        "approved" => "Approval::Approved",
        "not_approved" => "Approval::NotApproved",
        "unknown" => "Approval::Unknown",
        other => panic!("{at}: approval {other:?} is not approved | not_approved | unknown"),
    }
}

fn basis(value: &str, at: &str) -> &'static str {
    match value {
        "confirmed" => "Basis::Confirmed",
        "inferred" => "Basis::Inferred",
        other => panic!("{at}: basis {other:?} is not confirmed | inferred"),
    }
}

fn check_date(date: &str, at: &str) {
    let ok = date.len() == 10 && date.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    assert!(ok, "{at}: date {date:?} is not YYYY-MM-DD");
}

pub fn bake(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let file: File = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut owner: BTreeMap<u32, String> = BTreeMap::new();
    let mut claim = |id: u32, who: &str| {
        if let Some(first) = owner.insert(id, who.to_owned()) {
            panic!("registrars.toml: IANA ID {id} is listed twice ({first}; {who})");
        }
    };

    let mut out = String::new();
    writeln!(out, "pub const VERSION: &str = {:?};", file.version).ok();
    writeln!(out, "pub const SOURCE: &str = {:?};", file.source).ok();
    writeln!(out, "pub(crate) static REGISTRARS: [Registrar; {}] = [", file.registrar.len()).ok();
    for row in &file.registrar {
        let at = row.names.first().or(row.names_zh.first()).cloned().unwrap_or_else(|| panic!("registrars.toml: a row without names"));
        assert!(!row.source.trim().is_empty(), "{at}: no source");
        check_date(&row.date, &at);
        if let Some(id) = row.iana_id {
            claim(id, &at);
        }
        let list = |names: &[String]| names.iter().map(|n| format!("{n:?}")).collect::<Vec<_>>().join(", ");
        writeln!(
            out,
            "    Registrar {{ iana_id: {:?}, names: &[{}], names_zh: &[{}], approval: {}, basis: {}, source: {:?}, date: {:?} }},",
            row.iana_id,
            list(&row.names),
            list(&row.names_zh),
            approval(&row.approval, &at),
            basis(&row.basis, &at),
            row.source,
            row.date,
        )
        .ok();
    }
    out.push_str("];\n");
    writeln!(out, "pub(crate) static FAMILIES: [Family; {}] = [", file.family.len()).ok();
    for family in &file.family {
        check_date(&family.date, &family.name);
        let mut ids = family.iana_ids.clone();
        ids.sort_unstable();
        for id in &ids {
            claim(*id, &family.name);
        }
        let ids: Vec<String> = ids.iter().map(u32::to_string).collect();
        writeln!(
            out,
            "    Family {{ name: {:?}, iana_ids: &[{}], approval: {}, basis: {}, source: {:?}, date: {:?} }},",
            family.name,
            ids.join(", "),
            approval(&family.approval, &family.name),
            basis(&family.basis, &family.name),
            family.source,
            family.date,
        )
        .ok();
    }
    out.push_str("];\n");
    out
}

//! The rule book (`docs/rules.md`) and the catalogue agree, and every citation points into the
//! repository.
//!
//! The convention this test reads (described in `docs/rules.md`, "How to read a rule"):
//! - a rule is a heading `### <id> — <title>` or `#### <id> — <title>` (an em dash between
//!   spaces); other headings only group rules;
//! - its block, up to the next heading, has list items `- Status: …`, `- Sources: …`,
//!   `- Codes: …` and `- Data: …`;
//! - `Codes:` names catalogue codes in backticks; `` `prefix.*` `` names every key under
//!   `prefix.`; a code also covers its message-key refinements (`domain.invalid` covers
//!   `domain.invalid.bidi`);
//! - `Data:` is a `;`-separated list of `` `data/<file>` `` entries, each optionally followed by
//!   `key` and the keys (in backticks) that hold the rule's values in that file.

use icp_precheck::catalogue;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const STATUSES: [&str; 5] = ["confirmed", "verified", "third-party", "inferred", "uncertain"];

#[derive(Debug, Default)]
struct Rule {
    id: String,
    line: usize,
    status: Option<String>,
    sources: Option<String>,
    codes: Option<Vec<String>>,
    data: Option<String>,
}

fn backticked(text: &str) -> Vec<String> {
    text.split('`').skip(1).step_by(2).map(str::to_owned).collect()
}

fn rules() -> Vec<Rule> {
    let text = std::fs::read_to_string(Path::new(ROOT).join("docs/rules.md")).expect("read docs/rules.md");
    let mut rules: Vec<Rule> = Vec::new();
    let mut current: Option<Rule> = None;
    // The entry the previous line belonged to, so that an indented line continues it.
    let mut last = "";
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') {
            rules.extend(current.take());
            let level = line.chars().take_while(|c| *c == '#').count();
            let title = line[level..].trim();
            if (level == 3 || level == 4) && title.contains(" — ") {
                let id = title.split(" — ").next().unwrap_or_default().trim().to_owned();
                current = Some(Rule { id, line: n + 1, ..Rule::default() });
            }
            last = "";
            continue;
        }
        let Some(rule) = current.as_mut() else { continue };
        let item = line.trim_start();
        if let Some(rest) = item.strip_prefix("- Status:") {
            rule.status = Some(rest.trim().to_owned());
            last = "status";
        } else if let Some(rest) = item.strip_prefix("- Sources:") {
            rule.sources = Some(rest.trim().to_owned());
            last = "sources";
        } else if let Some(rest) = item.strip_prefix("- Codes:") {
            rule.codes = Some(backticked(rest));
            last = "codes";
        } else if let Some(rest) = item.strip_prefix("- Data:") {
            rule.data = Some(rest.trim().to_owned());
            last = "data";
        } else if line.starts_with("  ") && !item.is_empty() {
            // An entry continued on an indented line.
            match last {
                "status" => rule.status.iter_mut().for_each(|s| { s.push(' '); s.push_str(item) }),
                "sources" => rule.sources.iter_mut().for_each(|s| { s.push(' '); s.push_str(item) }),
                "codes" => rule.codes.iter_mut().for_each(|c| c.extend(backticked(item))),
                "data" => rule.data.iter_mut().for_each(|s| { s.push(' '); s.push_str(item) }),
                _ => {}
            }
        } else {
            last = "";
        }
    }
    rules.extend(current);
    rules
}

/// The catalogue's keys.
fn keys() -> BTreeSet<&'static str> {
    catalogue::entries().iter().map(|(k, _, _)| *k).collect()
}

/// Whether `name` (a code or `prefix.*`) names `key`: the key itself, a refinement of it
/// (`key` starts with `name.`), or, for `prefix.*`, any key under the prefix.
fn names(name: &str, key: &str) -> bool {
    match name.strip_suffix(".*") {
        Some(prefix) => key.starts_with(&format!("{prefix}.")),
        None => key == name || key.starts_with(&format!("{name}.")),
    }
}

#[test]
fn the_book_has_rules_with_every_entry() {
    let rules = rules();
    assert!(rules.len() > 60, "docs/rules.md has only {} rules: is the heading convention kept?", rules.len());
    let mut problems = Vec::new();
    let mut seen = BTreeMap::new();
    for rule in &rules {
        if let Some(first) = seen.insert(rule.id.clone(), rule.line) {
            problems.push(format!("{} (line {}) is also at line {first}", rule.id, rule.line));
        }
        match &rule.status {
            Some(s) if STATUSES.iter().any(|w| s.contains(w)) => {}
            Some(s) => problems.push(format!("{}: status {s:?} names none of {STATUSES:?}", rule.id)),
            None => problems.push(format!("{}: no `- Status:`", rule.id)),
        }
        if rule.sources.is_none() {
            problems.push(format!("{}: no `- Sources:`", rule.id));
        }
        if rule.codes.is_none() {
            problems.push(format!("{}: no `- Codes:` (write `—` for none)", rule.id));
        }
        if rule.data.is_none() {
            problems.push(format!("{}: no `- Data:` (write `—` for none)", rule.id));
        }
    }
    assert!(problems.is_empty(), "docs/rules.md:\n{}", problems.join("\n"));
}

#[test]
fn every_source_a_rule_cites_is_listed() {
    let text = std::fs::read_to_string(Path::new(ROOT).join("docs/rules.md")).expect("read docs/rules.md");
    let listed: BTreeSet<String> = text
        .lines()
        .filter_map(|l| l.strip_prefix("| S"))
        .filter_map(|l| l.split(' ').next())
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .map(|n| format!("S{n}"))
        .collect();
    assert!(listed.len() >= 40, "the source list has {} entries", listed.len());
    let mut missing = Vec::new();
    for rule in rules() {
        let sources = rule.sources.unwrap_or_default();
        for token in sources.split(|c: char| c == ',' || c.is_whitespace()).filter(|t| !t.is_empty()) {
            if token == "project" {
                continue;
            }
            if !listed.contains(token) {
                missing.push(format!("{}: source {token:?} is not in the source list", rule.id));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn every_catalogue_code_has_a_rule() {
    let rules = rules();
    let named: Vec<String> = rules.iter().flat_map(|r| r.codes.clone().unwrap_or_default()).collect();
    let orphans: Vec<&str> = keys().into_iter().filter(|key| !named.iter().any(|n| names(n, key))).collect();
    assert!(orphans.is_empty(), "catalogue codes that no rule of docs/rules.md names (add them to a rule's `- Codes:`):\n{}", orphans.join("\n"));
}

#[test]
fn every_code_a_rule_names_exists() {
    let keys = keys();
    let mut unknown = Vec::new();
    for rule in rules() {
        for code in rule.codes.unwrap_or_default() {
            let exists = match code.strip_suffix(".*") {
                Some(_) => keys.iter().any(|k| names(&code, k)),
                None => keys.contains(code.as_str()),
            };
            if !exists {
                unknown.push(format!("{}: `{code}` is not a catalogue code", rule.id));
            }
        }
    }
    assert!(unknown.is_empty(), "{}", unknown.join("\n"));
}

#[test]
fn every_data_file_a_rule_names_exists_with_its_keys() {
    let mut problems = Vec::new();
    let mut files = 0;
    for rule in rules() {
        let data = rule.data.unwrap_or_default();
        for entry in data.split(';') {
            let ticks = backticked(entry);
            let Some(file) = ticks.first() else { continue };
            if !file.starts_with("data/") {
                problems.push(format!("{}: data entry {file:?} is not a path under data/", rule.id));
                continue;
            }
            files += 1;
            let path = Path::new(ROOT).join(file);
            let Ok(text) = std::fs::read_to_string(&path) else {
                problems.push(format!("{}: {file} does not exist", rule.id));
                continue;
            };
            if entry.contains(" key ") {
                for key in &ticks[1..] {
                    if !text.contains(key.as_str()) {
                        problems.push(format!("{}: {file} has no key {key:?}", rule.id));
                    }
                }
            }
        }
    }
    assert!(files > 20, "only {files} data entries found");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Files under `dir`, skipping installed packages, build output and symbolic links.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_symlink() {
            continue;
        }
        let name = entry.file_name();
        if kind.is_dir() {
            if !matches!(name.to_str(), Some("node_modules" | "target" | "dist")) {
                walk(&path, out);
            }
        } else {
            out.push(path);
        }
    }
}

#[test]
fn citations_point_into_the_repository() {
    // Spelt in pieces so that this file does not cite them itself.
    let needles = [concat!("icp-rules", ".md"), concat!("..", "/shared")];
    let root = Path::new(ROOT);
    let mut files = Vec::new();
    for dir in ["src", "bake", "data", "scripts", "pkg-src", "www", "tests", "docs"] {
        walk(&root.join(dir), &mut files);
    }
    files.extend(["README.md", "Cargo.toml"].map(|f| root.join(f)));
    let fixtures = root.join("tests/fixtures");
    let mut found = Vec::new();
    for file in files.iter().filter(|f| !f.starts_with(&fixtures)) {
        let Ok(bytes) = std::fs::read(file) else { continue };
        for needle in needles {
            if bytes.windows(needle.len()).any(|w| w == needle.as_bytes()) {
                found.push(format!("{} cites {needle}", file.strip_prefix(root).unwrap_or(file).display()));
            }
        }
    }
    assert!(found.is_empty(), "citations must point to docs/rules.md or docs/api.md:\n{}", found.join("\n"));
}

//! The library's modules in layers that point one way, checked rather than promised: every
//! `crate::<module>` a file of `src/` names must be in a lower layer than the file's own
//! module. The few imports that still point sideways or up are listed in [`KNOWN`] with the
//! change that removes them; the test fails on any other, and on a listed one that is gone
//! (so the list only shrinks). `docs/architecture.md` draws the same layers. Paths in comments
//! count too: a doc link to a higher layer is a dependency a reader follows.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each top-level module of `src/` and its layer, leaves first.
const LAYERS: &[(&str, u8)] = &[
    // Standard-library-only leaves: identifier checks and the binary table reader.
    ("ids", 0),
    ("binary", 0),
    // Basic types, rule data and the message catalogue.
    ("issue", 1),
    ("options", 1),
    ("catalogue", 1),
    ("rules", 1),
    // The Public Suffix List, then the domain pipeline.
    ("psl", 2),
    ("domain", 3),
    // Field checks and the server check, which use the domain pipeline's parsers.
    ("fields", 4),
    ("server", 4),
    // Reading WHOIS and RDAP answers, then the forms that use everything below.
    ("registration", 5),
    ("forms", 6),
    // Reading untyped (JavaScript) values into the typed inputs.
    ("input", 7),
    // The entry points as JavaScript calls them, and what describes the build.
    ("untyped", 8),
    ("reference", 8),
    ("rules_info", 8),
    // The #[wasm_bindgen] boundary.
    ("wasm", 9),
];

/// Imports against the layers that exist today, `(from, to, why it is still there)`.
const KNOWN: &[(&str, &str, &str)] = &[
    ("catalogue", "issue", "catalogue::render takes issue::Params; the params type belongs below both"),
    ("issue", "catalogue", "Issue::new renders its message through the catalogue"),
    ("issue", "options", "issues carry options::Locale; Locale belongs with the basic types"),
    ("options", "rules", "options::Province wraps rules::ProvinceInfo"),
    ("rules", "issue", "rule data names issue::Severity"),
    ("rules", "options", "rules use options::Locale for localised names"),
    ("catalogue", "options", "catalogue::template takes options::Locale"),
    ("registration", "forms", "the registration readers use forms' holder normalisation"),
    ("registration", "input", "json.rs reads RDAP into input::Value"),
    ("forms", "input", "forms/mod.rs still reads untyped values (read_*)"),
];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

/// Every `crate::name` in `text`, including each name of `crate::{a, b::c}`.
fn crate_paths(text: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut rest = text;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                let name: String = part.trim().chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                if !name.is_empty() {
                    names.insert(name);
                }
            }
        } else {
            let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            names.insert(name);
        }
    }
    names
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src/") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn modules_import_only_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut found: BTreeMap<(String, String), String> = BTreeMap::new();
    for file in &files {
        let relative = file.strip_prefix(&src).expect("under src/");
        let first = relative.components().next().expect("a component").as_os_str().to_string_lossy().into_owned();
        let module = first.trim_end_matches(".rs").to_owned();
        if module == "lib" {
            continue; // the crate root declares and re-exports every module
        }
        let from = layer(&module).unwrap_or_else(|| panic!("src/{first}: module {module} has no layer in tests/layers.rs"));
        let text = std::fs::read_to_string(file).expect("read a source file");
        for name in crate_paths(&text) {
            let Some(to) = layer(&name) else { continue }; // an item the crate root re-exports
            if name != module && to >= from {
                found.entry((module.clone(), name)).or_insert_with(|| relative.display().to_string());
            }
        }
    }
    let known: BTreeSet<(String, String)> = KNOWN.iter().map(|(a, b, _)| ((*a).to_owned(), (*b).to_owned())).collect();
    let new: Vec<String> = found
        .iter()
        .filter(|(pair, _)| !known.contains(*pair))
        .map(|((a, b), file)| format!("{a} → {b} (src/{file})"))
        .collect();
    assert!(new.is_empty(), "imports against the layers (move the code down, or the import up):\n  {}", new.join("\n  "));
    let gone: Vec<String> = known.iter().filter(|pair| !found.contains_key(*pair)).map(|(a, b)| format!("{a} → {b}")).collect();
    assert!(gone.is_empty(), "no longer imported, take them off KNOWN in tests/layers.rs: {}", gone.join(", "));
}

#[test]
fn every_module_has_a_layer() {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).expect("read src/lib.rs");
    for line in lib.lines() {
        let line = line.trim();
        let declared = line.strip_prefix("pub mod ").or_else(|| line.strip_prefix("mod "));
        if let Some(name) = declared.and_then(|d| d.strip_suffix(';')) {
            assert!(layer(name).is_some(), "src/lib.rs declares {name}, which tests/layers.rs gives no layer");
        }
    }
}

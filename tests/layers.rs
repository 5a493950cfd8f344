//! The library's modules in layers that point one way, checked rather than promised: every
//! `crate::<module>` a file of `src/` names must be in a lower layer than the file's own
//! module. An import that points sideways or up fails the test unless it is listed in
//! [`KNOWN`] with the change that removes it (none is, today), and a listed one that is gone
//! fails it too (so the list only shrinks). `docs/architecture.md` draws the same layers. Paths in comments
//! count too: a doc link to a higher layer is a dependency a reader follows.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each top-level module of `src/` and its layer, leaves first.
const LAYERS: &[(&str, u8)] = &[
    // Standard-library-only leaves: the binary table reader, the basic types (locale,
    // severity, params) and the untyped value tree.
    ("binary", 0),
    ("base", 0),
    ("value", 0),
    // Data (the message catalogue and the rule data baked from data/), and the identifier
    // checks, which use only the basic types (their findings' params).
    ("catalogue", 1),
    ("rules", 1),
    ("ids", 1),
    // The issue shape (rendered through the catalogue) and the options (over the rule data).
    ("issue", 2),
    ("options", 2),
    // The Public Suffix List, then the domain pipeline.
    ("psl", 3),
    ("domain", 4),
    // Field checks and the server check, which use the domain pipeline's parsers.
    ("fields", 5),
    ("server", 5),
    // Reading WHOIS and RDAP answers, then the forms that use everything below.
    ("registration", 6),
    ("forms", 7),
    // Reading untyped (JavaScript) values into the typed inputs.
    ("input", 8),
    // The entry points as JavaScript calls them, and what describes the build.
    ("untyped", 9),
    ("reference", 9),
    ("rules_info", 9),
    // The #[wasm_bindgen] boundary.
    ("wasm", 10),
];

/// Imports against the layers that exist today, `(from, to, why it is still there)`. Empty:
/// every module imports only lower layers. Keep it so; the test fails on a new one.
const KNOWN: &[(&str, &str, &str)] = &[];

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

/// The top-level module a file of `src/` belongs to (`fields/mobile.rs` → `fields`).
fn module_of(relative: &Path) -> String {
    let first = relative.components().next().expect("a component").as_os_str().to_string_lossy().into_owned();
    first.trim_end_matches(".rs").to_owned()
}

#[test]
fn modules_import_only_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    // The generated files (src/generated/) are not modules: each belongs to the module that
    // includes it, and its imports count as that module's.
    let mut generated_owner: BTreeMap<String, String> = BTreeMap::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read a source file");
        for include in text.split("include!(\"").skip(1) {
            if let Some(name) = include.split('"').next().and_then(|path| path.rsplit_once("generated/")).map(|(_, n)| n) {
                generated_owner.insert(name.to_owned(), module_of(file.strip_prefix(&src).expect("under src/")));
            }
        }
    }
    let mut found: BTreeMap<(String, String), String> = BTreeMap::new();
    for file in &files {
        let relative = file.strip_prefix(&src).expect("under src/");
        let mut module = module_of(relative);
        if module == "generated" {
            let name = relative.file_name().expect("a file name").to_string_lossy().into_owned();
            module = generated_owner.get(&name).cloned().unwrap_or_else(|| panic!("src/{}: no module includes it", relative.display()));
        }
        if module == "lib" {
            continue; // the crate root declares and re-exports every module
        }
        let first = relative.display().to_string();
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

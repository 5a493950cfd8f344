//! `data/rules/uscc-kinds.toml` and the `uscc_prefixes` of `data/rules/entity-types.toml` →
//! the tables of `src/ids/uscc.rs` (`uscc.rs`): the authorities and categories of a USCC's
//! first two characters, each with the catalogue key of its name, and the pairs each entity type
//! suits. The identifier layer includes them itself (it uses no rule module), so they hold
//! plain characters and strings.
//!
//! Refused here: a code that is not one character of the USCC alphabet, a key without its
//! message in `data/messages/ids.toml`, an entity type's prefix outside the table.

use crate::rules::{load, EntityTypes};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// GB 32100's alphabet: digits and the upper-case letters without I, O, Z, S and V.
const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Kinds {
    version: String,
    source: String,
    authority: Vec<Authority>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Authority {
    code: String,
    key: String,
    categories: BTreeMap<String, String>,
}

/// One USCC character from its data spelling.
fn code_char(code: &str, what: &str) -> char {
    crate::one_char(code)
        .filter(|c| ALPHABET.contains(*c))
        .unwrap_or_else(|| panic!("uscc-kinds.toml: {what}: {code:?} is not one character of the USCC alphabet"))
}

pub fn bake(rules: &Path, messages: &Path) -> String {
    let kinds: Kinds = load(&rules.join("uscc-kinds.toml"));
    let ids_messages = std::fs::read_to_string(messages.join("ids.toml")).unwrap_or_else(|e| panic!("reading ids.toml: {e}"));
    let message_key = |key: String| {
        assert!(ids_messages.contains(&format!("[\"{key}\"]")), "uscc-kinds.toml: {key} has no message in data/messages/ids.toml");
        key
    };
    let mut authorities = Vec::new();
    let mut categories = Vec::new();
    for authority in &kinds.authority {
        let a = code_char(&authority.code, &authority.key);
        authorities.push(format!("({a:?}, {:?})", message_key(format!("uscc.authority.{}", authority.key))));
        for (code, key) in &authority.categories {
            let c = code_char(code, key);
            categories.push((a, c, message_key(format!("uscc.category.{key}"))));
        }
    }
    let entity_types: EntityTypes = load(&rules.join("entity-types.toml"));
    let mut prefixes = Vec::new();
    for t in entity_types.types.iter().filter(|t| !t.uscc_prefixes.is_empty()) {
        for prefix in &t.uscc_prefixes {
            let mut chars = prefix.chars();
            let pair = (chars.next(), chars.next(), chars.next());
            assert!(
                categories.iter().any(|(a, c, _)| pair == (Some(*a), Some(*c), None)),
                "entity-types.toml: {}: the USCC prefix {prefix:?} is not an authority and category of uscc-kinds.toml",
                t.key
            );
        }
        prefixes.push(format!("    ({:?}, &{:?}),", t.key, t.uscc_prefixes));
    }

    let mut out = String::new();
    writeln!(out, "pub(crate) const VERSION: &str = {:?};", kinds.version).ok();
    writeln!(out, "pub(crate) const SOURCE: &str = {:?};", kinds.source).ok();
    writeln!(out, "/// Registration authorities (character 1) and the catalogue key of each one's name.").ok();
    writeln!(out, "pub(crate) static AUTHORITIES: [(char, &str); {}] = [\n    {},\n];", authorities.len(), authorities.join(",\n    ")).ok();
    writeln!(out, "/// Categories (character 2) under an authority, and the catalogue key of each one's name.").ok();
    let rows: Vec<String> = categories.iter().map(|(a, c, key)| format!("    ({a:?}, {c:?}, {key:?}),")).collect();
    writeln!(out, "pub(crate) static CATEGORIES: [(char, char, &str); {}] = [\n{}\n];", categories.len(), rows.join("\n")).ok();
    writeln!(out, "/// The prefixes (characters 1–2) each entity type's key suits.").ok();
    writeln!(out, "pub(crate) static ENTITY_TYPE_PREFIXES: [(&str, &[&str]); {}] = [\n{}\n];", prefixes.len(), prefixes.join("\n")).ok();
    out
}

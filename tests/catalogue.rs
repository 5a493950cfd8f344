//! The message catalogue is complete, and `docs/codes.md` (the generated list of every code
//! with both messages) is current. Regenerate it with `UPDATE_CODES=1 cargo test --test catalogue`.

use icp_precheck::catalogue;

fn render_codes_md() -> String {
    let mut out = String::from(
        "# Issue codes\n\n<!-- @generated from data/messages/*.toml by `UPDATE_CODES=1 cargo test --test catalogue`. Do not edit. -->\n\n\
         Every code the checks can return, with its message in both locales. `{name}` stands for a param.\n\
         Codes form a tree: a specific code refines the code of its kind (`mobile.format.segment` is a\n\
         `mobile.format`), so a console that matches a prefix finds every finding of that kind. Keys\n\
         indented under a code that they extend by a rule name (`domain.invalid.hyphens`) are the\n\
         rule-specific messages of that code, whose issues carry the rule in `params.rule`.\n\n\
         | key | zh-CN | en |\n|---|---|---|\n",
    );
    for (key, zh, en) in catalogue::entries() {
        let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
        // Deeper keys are indented under their parent, so the table reads as the tree it is.
        let depth = key.matches('.').count().saturating_sub(1);
        out.push_str(&format!("| {}`{key}` | {} | {} |\n", "&emsp;".repeat(depth), cell(zh), cell(en)));
    }
    out
}

#[test]
fn codes_md_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/codes.md");
    let expected = render_codes_md();
    if std::env::var_os("UPDATE_CODES").is_some() {
        std::fs::write(path, &expected).expect("write docs/codes.md");
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(committed == expected, "docs/codes.md is stale: run `UPDATE_CODES=1 cargo test --test catalogue`");
}

/// The baked catalogue (`src/generated/messages*.rs`) holds every key: it is what the tests
/// check, not a user of it. The other generated tables (the USCC kinds, the rules) are code
/// that reports keys like any other.
fn is_generated_catalogue(path: &std::path::Path) -> bool {
    path.parent().is_some_and(|d| d.ends_with("generated"))
        && path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("messages"))
}

/// Each Rust file of the library's own source (`src/`, without the baked catalogue) with the
/// string literals its library code holds.
fn source_literals() -> Vec<(std::path::PathBuf, Vec<String>)> {
    let mut files = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !is_generated_catalogue(&path) {
                let text = std::fs::read_to_string(&path).expect("read");
                // A file's unit tests (its last item, by the crate's convention) hold form
                // paths and fixtures, not codes a user is shown.
                let library = text.split("\n#[cfg(test)]\nmod tests").next().unwrap_or(&text);
                let literals = library.split('"').skip(1).step_by(2).map(str::to_owned).collect();
                files.push((path, literals));
            }
        }
    }
    files
}

#[test]
fn every_code_used_in_the_source_has_both_messages() {
    // Every string literal that looks like a code in src/ must be a catalogue key, so a typo
    // or a forgotten message fails here rather than showing a bare code to a user.
    let keys: std::collections::BTreeSet<&str> = catalogue::entries().iter().map(|(k, _, _)| *k).collect();
    let prefixes: std::collections::BTreeSet<&str> = keys.iter().filter_map(|k| k.split('.').next()).collect();
    let mut missing = Vec::new();
    for (path, literals) in source_literals() {
        for literal in &literals {
            let parts: Vec<&str> = literal.split('.').collect();
            // Form paths (`entity.responsible`, `certificate.number`) look like codes too.
            const PATH_SEGMENTS: [&str; 5] = ["responsible", "number", "type", "mobile", "domains"];
            let looks_like_code = parts.len() >= 2
                && !parts.iter().any(|p| PATH_SEGMENTS.contains(p))
                && prefixes.contains(parts[0])
                && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b == b'_' || b.is_ascii_digit()));
            // A module's own file name (`include_str!("landline.rs")`) is no code either.
            let file_name = literal.ends_with(".rs");
            if looks_like_code && !file_name && !keys.contains(literal.as_str()) && !literal.ends_with('.') {
                missing.push(format!("{}: {literal}", path.display()));
            }
        }
    }
    assert!(missing.is_empty(), "codes without a catalogue entry:\n{}", missing.join("\n"));
}

/// The other direction, one test for the whole catalogue: every key is reported by the source,
/// as an identifier's declared code (`uscc.length`), as a literal (`"mobile.format"`) or as a refinement built from a literal rule or kind name
/// (`field.type.{kind}`, `website.name.{rule}`: the last segment is a literal and the rest is a
/// key or a literal). A message nothing reports is dead text, or a code whose check was lost.
#[test]
fn every_catalogued_key_is_reported_by_the_source() {
    let literals: std::collections::BTreeSet<String> = source_literals().into_iter().flat_map(|(_, literals)| literals).collect();
    let keys: std::collections::BTreeSet<&str> = catalogue::entries().iter().map(|(k, _, _)| *k).collect();
    // The identifiers' codes are built from their declarations, `<identifier>.<kind>`.
    let identifier_codes: std::collections::BTreeSet<&str> =
        icp_precheck::ids::IDENTIFIERS.iter().flat_map(|id| id.codes.iter().copied()).collect();
    let reported = |key: &str| {
        literals.contains(key)
            || identifier_codes.contains(key)
            || key.rsplit_once('.').is_some_and(|(parent, last)| {
                literals.contains(last) && (keys.contains(parent) || literals.contains(parent) || literals.iter().any(|l| l.ends_with(&format!("{parent}."))))
            })
    };
    let unreported: Vec<&str> = keys.iter().copied().filter(|k| !reported(k)).collect();
    assert!(unreported.is_empty(), "catalogued but reported by nothing in src/:\n{}", unreported.join("\n"));
}

#[test]
fn messages_read_well() {
    for (key, zh, en) in catalogue::entries() {
        assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{key}");
        assert!(zh.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)), "{key}: zh-CN message has no Chinese");
        // English messages may quote Chinese (a record number, 新增接入), but are written in English.
        let latin = en.chars().filter(|c| c.is_ascii_alphabetic()).count();
        let han = en.chars().filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c)).count();
        assert!(latin > 3 * han, "{key}: the en message looks Chinese");
    }
}

/// The contract's codes that name a kind of failure (docs/api.md): a console matches a prefix
/// (`code.startsWith('mobile.format')`) and must find every finding of that kind, so each
/// specific code of the kind is a dotted refinement (`mobile.format.segment`), never a sibling.
/// A code of the same module that is another kind of finding is listed with the reason.
const FAMILIES: [(&str, &[(&str, &str)]); 4] = [
    ("domain.invalid", &[
        ("domain.empty", "nothing to process, before UTS #46"),
        ("domain.too_long", "the input is refused before it is read as a domain"),
        ("domain.stripped", "a note on what was removed from the input"),
        ("domain.ip_address", "a contract code of its own"),
        ("domain.unknown_tld", "a contract code of its own"),
        ("domain.reserved", "a contract code of its own"),
        ("domain.is_suffix", "a contract code of its own"),
        ("domain.platform_subdomain", "a contract code of its own"),
        ("domain.tld_not_approved", "a contract code of its own"),
        ("domain.zone_restricted", "a contract code of its own"),
        ("domain.tld_disputed", "filing eligibility of a valid domain"),
        ("domain.tld_unlisted", "filing eligibility of a valid domain"),
        ("domain.brand_tld", "filing eligibility of a valid domain"),
        ("domain.single_label", "a valid name that is not a registrable domain"),
        ("domain.subdomain", "a note on what is filed"),
        ("domain.prefix_word", "a province's word rule on a valid domain"),
    ]),
    ("email.format", &[]),
    ("mobile.format", &[
        ("mobile.unsupported_segment", "a valid number that some filing systems refuse"),
        ("mobile.iot", "a valid data-card number, which cannot receive the filing's SMS"),
        ("mobile.satellite", "a valid satellite number, which cannot receive the filing's SMS"),
        ("mobile.province", "a valid number registered in another province"),
        ("mobile.province_unchecked", "a note that the province could not be checked"),
    ]),
    ("record_number.format", &[
        ("record_number.legacy", "a valid number written in an old form"),
        ("record_number.legacy_prefix", "a valid number with an old province abbreviation"),
        ("record_number.legacy_license", "an old kind of licence number"),
        ("record_number.year", "a well-formed number whose year looks wrong"),
        ("record_number.county_code", "a well-formed number whose county code looks wrong"),
        ("record_number.other_province", "a valid number issued by another province"),
    ]),
];

#[test]
fn specific_codes_refine_the_contract_code_of_their_kind() {
    let keys: Vec<&str> = catalogue::entries().iter().map(|(k, _, _)| *k).collect();
    let mut wrong = Vec::new();
    for (family, siblings) in FAMILIES {
        let module = family.split('.').next().unwrap_or_default();
        assert!(keys.contains(&family), "{family} is not in the catalogue");
        for key in keys.iter().filter(|k| k.starts_with(&format!("{module}."))) {
            let refines = *key == family || key.starts_with(&format!("{family}."));
            let sibling = siblings.iter().any(|(s, _)| key == s || key.starts_with(&format!("{s}.")));
            if !refines && !sibling {
                wrong.push(format!("{key}: neither {family}.… nor a listed sibling"));
            }
        }
        for (sibling, why) in siblings {
            assert!(keys.contains(sibling), "{sibling} ({why}) is listed but not in the catalogue");
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_refinement_has_its_parent() {
    // The catalogue is a tree: `a.b.c` needs `a.b`, whose message is the general one.
    let keys: std::collections::BTreeSet<&str> = catalogue::entries().iter().map(|(k, _, _)| *k).collect();
    // Tables of names shown inside messages (the USCC's registration authorities and
    // categories) share the catalogue but are not codes.
    const NAME_TABLES: [&str; 2] = ["uscc.authority.", "uscc.category."];
    let orphans: Vec<&str> = keys
        .iter()
        .copied()
        .filter(|k| k.matches('.').count() >= 2 && !NAME_TABLES.iter().any(|t| k.starts_with(t)))
        .filter(|k| !keys.contains(&k[..k.rfind('.').unwrap_or(0)]))
        .collect();
    assert!(orphans.is_empty(), "keys without their parent: {orphans:?}");
}

//! The message catalogue is complete, and `docs/codes.md` (the generated list of every code
//! with both messages) is current. Regenerate it with `UPDATE_CODES=1 cargo test --test catalogue`.

use icp_precheck::catalogue;

fn render_codes_md() -> String {
    let mut out = String::from(
        "# Issue codes\n\n<!-- @generated from data/messages/*.toml by `UPDATE_CODES=1 cargo test --test catalogue`. Do not edit. -->\n\n\
         Every code the checks can return, with its message in both locales. `{name}` stands for a param.\n\
         Rows whose key has a third part (`domain.invalid.hyphens`) are the rule-specific messages of the\n\
         code before it; the issue's `code` is the two-part one.\n\n\
         | key | zh-CN | en |\n|---|---|---|\n",
    );
    for (key, zh, en) in catalogue::entries() {
        let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
        out.push_str(&format!("| `{key}` | {} | {} |\n", cell(zh), cell(en)));
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

#[test]
fn every_code_used_in_the_source_has_both_messages() {
    // Every string literal that looks like a code in src/ must be a catalogue key, so a typo
    // or a forgotten message fails here rather than showing a bare code to a user.
    let keys: std::collections::BTreeSet<&str> = catalogue::entries().iter().map(|(k, _, _)| *k).collect();
    let prefixes: std::collections::BTreeSet<&str> = keys.iter().filter_map(|k| k.split('.').next()).collect();
    let mut missing = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("read");
            for literal in text.split('"').skip(1).step_by(2) {
                let parts: Vec<&str> = literal.split('.').collect();
                // Form paths (`entity.responsible`, `certificate.number`) look like codes too.
                const PATH_SEGMENTS: [&str; 5] = ["responsible", "number", "type", "mobile", "domains"];
                let looks_like_code = parts.len() >= 2
                    && !parts.iter().any(|p| PATH_SEGMENTS.contains(p))
                    && prefixes.contains(parts[0])
                    && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b == b'_' || b.is_ascii_digit()));
                if looks_like_code && !keys.contains(literal) && !literal.ends_with('.') {
                    missing.push(format!("{}: {literal}", path.display()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "codes without a catalogue entry:\n{}", missing.join("\n"));
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

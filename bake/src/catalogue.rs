//! `data/messages/*.toml` → one sorted message table.
//!
//! Each file holds one area's codes (`["domain.ip_address"]` with `zh-CN` and `en` strings).
//! The build fails when a code lacks a locale, appears twice, or when its two messages do not
//! use the same `{placeholders}`: a translation that drops a parameter is a bug we catch here.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

pub const LOCALES: [&str; 2] = ["zh-CN", "en"];

/// The files whose codes a build without the `forms` feature can report: the domain pipeline's
/// own and the reading of its input and options. That build (`icp-precheck/domain`) carries
/// only these messages; `tests/node/domain-entry.test.mjs` fails if it renders any report
/// differently from the full build, as it would if a code it reports were left out.
pub const DOMAIN_FILES: [&str; 2] = ["domain.toml", "input.toml"];

/// The catalogue of every file in `dir` (all are checked), keeping only `only`'s codes if given.
pub fn bake(dir: &Path, only: Option<&[&str]>) -> String {
    let mut codes: BTreeMap<String, (String, String, String)> = BTreeMap::new(); // code → (zh, en, file)
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("reading {}: {e}", file.display()));
        let table: toml::Table = text.parse().unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        for (code, entry) in table {
            assert!(
                code.split('.').count() >= 2 && code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.'),
                "{name}: code {code:?} must be dotted lower_snake_case"
            );
            let get = |locale: &str| {
                entry
                    .get(locale)
                    .and_then(|v| v.as_str())
                    .unwrap_or_else(|| panic!("{name}: code {code:?} has no {locale} message"))
                    .to_string()
            };
            let (zh, en) = (get(LOCALES[0]), get(LOCALES[1]));
            assert_eq!(placeholders(&zh), placeholders(&en), "{name}: code {code:?}: zh-CN and en use different placeholders");
            if let Some((_, _, other)) = codes.insert(code.clone(), (zh, en, name.clone())) {
                panic!("code {code:?} is defined in both {other} and {name}");
            }
        }
    }
    if let Some(only) = only {
        codes.retain(|_, (_, _, file)| only.contains(&file.as_str()));
    }
    // The codes as a table of strings (the same literals as the code that reports them, which
    // the linker then stores once), the messages as two strings (all zh-CN messages, all en
    // messages, in code order) and where each entry starts in them: narrow offsets and like
    // text next to like text compress far better than a table of (pointer, length) pairs.
    let mut texts = [String::new(), String::new()];
    let mut starts: [Vec<usize>; 2] = Default::default();
    for (zh, en, _) in codes.values() {
        for ((text, starts), part) in texts.iter_mut().zip(starts.iter_mut()).zip([zh, en]) {
            starts.push(text.len());
            text.push_str(part);
        }
    }
    let longest = texts.iter().map(String::len).max().unwrap_or(0);
    let offset = if longest < 65536 { "u16" } else { "u32" };
    let mut out = String::new();
    writeln!(out, "/// Codes, sorted for binary search; entry i's messages are entry i of ZH_CN and EN.").ok();
    let keys: Vec<String> = codes.keys().map(|code| format!("{code:?}")).collect();
    writeln!(out, "pub(crate) static CODES: [&str; {}] = [{}];", keys.len(), crate::wrapped(keys)).ok();
    writeln!(out, "pub(crate) type Offset = {offset};").ok();
    for (locale, (name, (text, starts))) in ["ZH_CN", "EN"].iter().zip(texts.iter().zip(&starts)).enumerate() {
        // One message a line, after its code: a changed text shows in the diff as its line.
        writeln!(out, "pub(crate) static {name}: &str = concat!(").ok();
        for (code, (zh, en, _)) in &codes {
            let message = if locale == 0 { zh } else { en };
            writeln!(out, "    {message:?}, // {code}").ok();
        }
        writeln!(out, ");").ok();
        // One more start than entries: the end of the last.
        let bounds: Vec<String> = starts.iter().chain([&text.len()]).map(|s| s.to_string()).collect();
        writeln!(out, "pub(crate) static {name}_START: [Offset; {}] = [{}];", bounds.len(), crate::wrapped(bounds)).ok();
    }
    out
}

fn placeholders(message: &str) -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    let mut rest = message;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                set.insert(after[..end].to_string());
                rest = &after[end + 1..];
            }
            None => panic!("unclosed placeholder in {message:?}"),
        }
    }
    set
}

//! The committed `src/generated/` is exactly what the generator (`bake/`) makes of `data/`: a
//! data file changed without re-running it, or a generated file edited by hand, fails here.

use icp_precheck_bake::{outputs, GENERATED_DIR};
use std::path::Path;

#[test]
fn generated_sources_are_what_the_data_makes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join(GENERATED_DIR);
    let expected = outputs(root);
    let stale: Vec<&str> = expected
        .iter()
        .filter(|o| std::fs::read(dir.join(o.name)).ok().as_deref() != Some(o.contents.as_slice()))
        .map(|o| o.name)
        .collect();
    assert!(stale.is_empty(), "stale in {GENERATED_DIR}: {stale:?}; run `cargo run -p icp-precheck-bake`");

    // Nothing else lives there: a file the generator no longer makes would be compiled or shipped
    // from a stale copy.
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    let mut made: Vec<String> = expected.iter().map(|o| o.name.to_owned()).collect();
    made.sort();
    assert_eq!(names, made, "{GENERATED_DIR} holds files the generator does not make");
}

//! `cargo run -p icp-precheck-bake`: rewrites `src/generated/` from `data/` (see the library's
//! documentation). `-- --check` writes nothing and exits 1 naming each stale file.

use icp_precheck_bake::{outputs, GENERATED_DIR};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let check = std::env::args().skip(1).any(|a| a == "--check");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = root.join(GENERATED_DIR);
    let mut stale = 0;
    for output in outputs(&root) {
        let path = dir.join(output.name);
        if std::fs::read(&path).ok().as_deref() == Some(output.contents.as_slice()) {
            continue;
        }
        stale += 1;
        if check {
            eprintln!("{GENERATED_DIR}/{} is stale", output.name);
        } else if let Err(e) = std::fs::write(&path, &output.contents) {
            eprintln!("writing {}: {e}", path.display());
            return ExitCode::FAILURE;
        } else {
            println!("wrote {GENERATED_DIR}/{} ({} bytes)", output.name, output.contents.len());
        }
    }
    if check && stale > 0 {
        eprintln!("run `cargo run -p icp-precheck-bake` and commit src/generated/");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

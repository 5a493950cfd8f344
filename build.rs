//! Bakes the committed data under `data/` into Rust source in `OUT_DIR`, in the manner of
//! ICU4X's baked data: upstream files are parsed once, at build time, into static tables, so
//! the library never parses text at run time and a phone pays nothing at start-up.
//!
//! - `data/psl/public_suffix_list.dat` → a label trie (`psl.rs`), see `build/psl.rs`.
//! - `data/messages/*.toml` → the message catalogue (`messages.rs`), see `build/catalogue.rs`.
//! - `data/rules/*.toml` → TLD lists, `.cn` zones, special-use names, provinces, entity types
//!   (`rules.rs`), see `build/rules.rs`.
//! - `data/registration/registrars.toml` → the registrar table (`registrars.rs`), see
//!   `build/registrars.rs`.
//! - `data/server/*.csv` → the IP region table of `checkServer` (`server-regions.bin`, binary,
//!   included natively and loaded by the page in WebAssembly), see `build/server.rs`.
//!
//! Any inconsistency in the data (a message without an English text, an IDN TLD whose A-label
//! does not match, a zone naming an unknown entity type) fails the build, not a user's check.

#[path = "build/catalogue.rs"]
mod catalogue;
#[path = "build/phone.rs"]
mod phone;
#[path = "build/psl.rs"]
mod psl;
#[path = "build/registrars.rs"]
mod registrars;
#[path = "build/rules.rs"]
mod rules;
#[path = "build/server.rs"]
mod server;

use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=build");

    let extra_zones = rules::extra_psl_zones(&root.join("data/rules/cn-zones.toml"));
    write(&out.join("psl.rs"), &psl::bake(&root.join("data/psl/public_suffix_list.dat"), &extra_zones));
    // Without `forms` (the domain-only WebAssembly build) no message of the forms is reachable.
    let forms = std::env::var_os("CARGO_FEATURE_FORMS").is_some();
    let messages = if forms { None } else { Some(&catalogue::DOMAIN_FILES[..]) };
    write(&out.join("messages.rs"), &catalogue::bake(&root.join("data/messages"), messages));
    write(&out.join("rules.rs"), &rules::bake(&root.join("data/rules")));
    write(&out.join("registrars.rs"), &registrars::bake(&root.join("data/registration/registrars.toml")));
    server::bake_into(&root.join("data/server"), &out.join("server-regions.bin"));
    phone::bake_into(&root.join("data/phone"), &root.join("data/rules/provinces.toml"), &out);
}

fn write(path: &Path, contents: &str) {
    // Only rewrite when the contents change, so incremental builds stay incremental.
    if std::fs::read_to_string(path).ok().as_deref() != Some(contents) {
        std::fs::write(path, contents).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    }
}

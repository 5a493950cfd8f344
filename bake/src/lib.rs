//! Turns the committed data under `data/` into the committed sources under `src/generated/`,
//! in the manner of ICU4X's baked data: upstream files are parsed once, by this generator, into
//! static tables, so that the library never parses text at run time and a phone pays nothing at
//! start-up. The output is committed, so a data change shows in the diff as the tables it
//! changes, and a reviewer reads what the library will contain.
//!
//! `cargo run -p icp-precheck-bake` rewrites `src/generated/`; `tests/generated.rs` (in
//! `cargo test`) fails when a committed file differs from what this generator makes of `data/`.
//!
//! | output | from | module |
//! |---|---|---|
//! | `psl.rs`: a label trie | `data/psl/public_suffix_list.dat`, `data/rules/cn-zones.toml` | [`psl`] |
//! | `messages.rs`, `messages_domain.rs`: the message catalogue, whole and for the domain-only build | `data/messages/*.toml` | [`catalogue`] |
//! | `rules.rs`: TLD lists, `.cn` zones, special-use names, provinces, entity and certificate types, province profiles | `data/rules/*.toml` | [`rules`] |
//! | `mobile_segments.rs`: the carrier and kind of line of each mobile segment | `data/rules/mobile-segments.toml` | [`rules`] |
//! | `uscc.rs`: a USCC's authorities and categories, and the pairs each entity type suits | `data/rules/uscc-kinds.toml`, `data/rules/entity-types.toml` | [`uscc`] |
//! | `registrars.rs`: the registrar table | `data/registration/registrars.toml` | [`registrars`] |
//! | `phone.rs`: the numbering plan's automaton; `mobile-regions.bin` | `data/phone/` | [`phone`] |
//! | `types.d.ts`: the TypeScript `EntityType` union of the package's typings | `data/rules/entity-types.toml` | [`rules`] |
//! | `server-regions.bin`: the IP region table of `checkServer` | `data/server/` | [`server`] |
//! | `transfer_protocol.rs`, `options.rs`, `transfer-tables.js`: the transfer protocol's tables, for Rust and for `transfer.js` | `src/wasm/protocol.toml` | [`transfer`] |
//!
//! The two `.bin` files are included natively and fetched by a page in WebAssembly (the package
//! ships them as files). Any inconsistency in the data (a message without an English text, an IDN
//! TLD whose A-label does not match, a zone naming an unknown entity type) makes the generator
//! fail, not a user's check.

use std::path::Path;

pub mod catalogue;
pub mod phone;
pub mod psl;
pub mod registrars;
pub mod rules;
pub mod server;
pub mod transfer;
pub mod uscc;

/// Where the generated files live, relative to the repository's root.
pub const GENERATED_DIR: &str = "src/generated";

/// One generated file: its name under [`GENERATED_DIR`] and its contents.
pub struct Output {
    pub name: &'static str,
    pub contents: Vec<u8>,
}

/// Every generated file, made from the data under `root` (the repository's root).
pub fn outputs(root: &Path) -> Vec<Output> {
    let data = root.join("data");
    let extra_zones = rules::extra_psl_zones(&data.join("rules/cn-zones.toml"));
    let protocol = transfer::load(&root.join(transfer::PROTOCOL));
    vec![
        source("psl.rs", "psl.rs", "data/psl/public_suffix_list.dat, data/rules/cn-zones.toml", psl::bake(&data.join("psl/public_suffix_list.dat"), &extra_zones)),
        source("messages.rs", "catalogue.rs", "data/messages/*.toml", catalogue::bake(&data.join("messages"), None)),
        // The domain-only build (no `forms` feature) can report no message of the forms.
        source("messages_domain.rs", "catalogue.rs", "data/messages/{domain,input}.toml", catalogue::bake(&data.join("messages"), Some(&catalogue::DOMAIN_FILES))),
        source("rules.rs", "rules.rs", "data/rules/*.toml", rules::bake(&data.join("rules"))),
        source("mobile_segments.rs", "rules.rs", "data/rules/mobile-segments.toml", rules::mobile_segments(&data.join("rules"))),
        source("uscc.rs", "uscc.rs", "data/rules/uscc-kinds.toml, data/rules/entity-types.toml", uscc::bake(&data.join("rules"), &data.join("messages"))),
        source("registrars.rs", "registrars.rs", "data/registration/registrars.toml", registrars::bake(&data.join("registration/registrars.toml"))),
        source("phone.rs", "phone.rs", "data/phone/PhoneNumberMetadata-CN.xml", phone::bake(&data.join("phone"))),
        source("types.d.ts", "rules.rs", "data/rules/entity-types.toml", rules::typescript(&data.join("rules"))),
        source("transfer_protocol.rs", "transfer.rs", "src/wasm/protocol.toml", transfer::rust_tables(&protocol)),
        source("options.rs", "transfer.rs", "src/wasm/protocol.toml", transfer::rust_options(&protocol)),
        source("transfer-tables.js", "transfer.rs", "src/wasm/protocol.toml", transfer::javascript(&protocol)),
        Output { name: "mobile-regions.bin", contents: phone::bake_regions(&data.join("phone"), &data.join("rules/provinces.toml")) },
        Output { name: "server-regions.bin", contents: server::bake(&data.join("server")) },
    ]
}

/// A source output (Rust or TypeScript, which read `//` comments alike), opened by the
/// `@generated` line that tools (and reviewers) recognise.
fn source(name: &'static str, generator: &str, from: &str, body: String) -> Output {
    let header = format!(
        "// @generated by bake/src/{generator} from {from}: run `cargo run -p icp-precheck-bake`. Do not edit.\n"
    );
    Output { name, contents: (header + &body).into_bytes() }
}

/// The one character `text` is, or `None` (a record prefix, a USCC code letter: the tables
/// hold them as `char`s).
pub(crate) fn one_char(text: &str) -> Option<char> {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// The items of an array or of a `concat!`, four spaces in and wrapped before column 100, so that
/// a data change shows in the diff as the lines it changes (not as one line of 70 kB).
pub(crate) fn wrapped(items: impl IntoIterator<Item = String>) -> String {
    let mut out = String::from("\n");
    let mut line = String::new();
    for item in items {
        if !line.is_empty() && line.len() + item.len() + 2 > 96 {
            out.push_str("    ");
            out.push_str(line.trim_end());
            out.push('\n');
            line.clear();
        }
        line.push_str(&item);
        line.push_str(", ");
    }
    if !line.is_empty() {
        out.push_str("    ");
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

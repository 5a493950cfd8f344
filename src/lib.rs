//! # icp-precheck
//!
//! Catches, on the client and at once, what a cloud provider or a provincial communications
//! administration (管局) would reject in a China ICP filing (ICP备案): domains that cannot be
//! filed, certificate numbers with wrong check digits, names and contacts that break a rule.
//!
//! The rules, each with its source and how sure we are of it, are in `docs/rules.md`; the
//! public contract is `docs/api.md`. Every finding is an [`Issue`] with a stable code, a form-field
//! path, a severity (errors only for confirmed rules) and a message in Chinese or English.
//!
//! This crate is plain Rust; `src/wasm/` is a thin `#[wasm_bindgen]` layer over it.

// A panic in WebAssembly traps and leaves the module unusable for the rest of the page's
// life: library code may not contain one (tests may).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented)
)]
// Without `forms` (the domain-only WebAssembly build, pkg/domain.js) the parts of the shared
// modules that only the forms use (the binary table reader, the website-name word lists, …)
// are compiled but unused.
#![cfg_attr(not(feature = "forms"), allow(dead_code))]

mod base;
mod value;
mod binary;
pub mod catalogue;
pub mod domain;
pub mod untyped;
#[cfg(feature = "forms")]
pub mod fields;
#[cfg(feature = "forms")]
pub mod forms;
pub mod ids;
pub mod input;
pub mod issue;
pub mod options;
pub mod psl;
#[cfg(feature = "forms")]
mod reference;
#[cfg(feature = "forms")]
pub mod registration;
pub mod rules;
mod rules_info;
#[cfg(feature = "forms")]
pub mod server;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use domain::{check_domain, DomainCheck, DomainReport};
#[cfg(feature = "forms")]
pub use forms::{
    check_registration, check_registration_text, FilingContext, RegistrationReport,
    parse_record_number, validate_app, validate_entity, validate_filing, validate_website, App, AppPlatform, Certificate, Entity,
    Filing, Person, RecordNumberReport, Website,
};
#[cfg(feature = "forms")]
pub use registration::{parse_rdap, parse_whois, DomainRegistration};
pub use issue::{Issue, Param, Params, Report, Severity};
pub use options::{Date, Locale, Options, Province};
#[cfg(feature = "forms")]
pub use reference::{reference, CertificateTypeRef, EntityTypeRef, ProvinceRef, Reference};
pub use rules::EntityType;
pub use rules_info::{rules_info, RulesInfo};
#[cfg(feature = "forms")]
pub use server::{check_server, Region, ServerRegions, ServerReport};

/// Checks many domains at once; one report per input, in order.
pub fn check_domains<S: AsRef<str>>(inputs: &[S], options: &Options) -> Vec<DomainReport> {
    inputs.iter().map(|input| check_domain(input.as_ref(), options)).collect()
}

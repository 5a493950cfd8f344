//! The one shape every finding takes, in the manner of zod: `{code, path, severity, message,
//! params}`. Codes are stable dotted strings (`domain.ip_address`); paths address the form
//! field the finding concerns (`websites.0.domains.1`, `''` for `checkDomain`'s own input);
//! messages are rendered from the catalogue (`data/messages/*.toml`) in the caller's locale.

// No panic is reachable from the public entry points (a panic traps the WebAssembly module for
// the rest of the page's life): clippy refuses unwrap, expect, indexing and panics here.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented))]

pub use crate::base::{Param, Params, Severity};
use crate::base::Locale;
use crate::catalogue;
use serde::Serialize;


/// One finding.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Issue {
    /// Stable dotted code, listed with its messages in `docs/codes.md`.
    pub code: &'static str,
    /// Form-field path into the input (`entity.responsible.mobile`); `""` for a bare value.
    pub path: String,
    pub severity: Severity,
    /// Rendered in the requested locale.
    pub message: String,
    #[serde(skip_serializing_if = "Params::is_empty")]
    pub params: Params,
}

/// A validation result: `ok` is true when no issue is an error.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub ok: bool,
    pub issues: Vec<Issue>,
}

impl Report {
    pub fn from_issues(issues: Vec<Issue>) -> Self {
        Report { ok: !issues.iter().any(|i| i.severity == Severity::Error), issues }
    }
}

/// Collects issues for one check, rendering each message once, in the caller's locale.
#[derive(Debug)]
pub(crate) struct Issues {
    locale: Locale,
    list: Vec<Issue>,
}

impl Issues {
    pub(crate) fn new(locale: Locale) -> Self {
        Issues { locale, list: Vec::new() }
    }

    pub(crate) fn locale(&self) -> Locale {
        self.locale
    }

    /// Records a finding whose message is the catalogue entry of `code` itself.
    pub(crate) fn add(&mut self, severity: Severity, code: &'static str, path: &str, params: Params) {
        self.add_with_message(severity, code, code, path, params);
    }

    /// Records a finding whose message comes from a more specific catalogue entry
    /// (`domain.invalid.hyphens` for code `domain.invalid`): one stable code, a message that
    /// says exactly which rule failed.
    pub(crate) fn add_with_message(
        &mut self,
        severity: Severity,
        code: &'static str,
        message_key: &str,
        path: &str,
        params: Params,
    ) {
        let message = catalogue::render(message_key, self.locale, &params);
        self.list.push(Issue { code, path: path.to_owned(), severity, message, params });
    }

    /// Records a finding whose message shows some params differently from how they are
    /// stored: params stay locale-neutral (`province: "BJ"`) for programs, while the message
    /// reads naturally (`北京`). `display` entries override `params` when rendering.
    pub(crate) fn add_displayed(
        &mut self,
        severity: Severity,
        code: &'static str,
        message_key: &str,
        path: &str,
        params: Params,
        display: Params,
    ) {
        // The same rule as `DomainCheck::message`: a display value, else the param.
        let message = catalogue::render_with(message_key, self.locale, |name, out| match display.get(name).or_else(|| params.get(name)) {
            Some(value) => {
                use std::fmt::Write as _;
                let _ = write!(out, "{value}");
                true
            }
            None => false,
        });
        self.list.push(Issue { code, path: path.to_owned(), severity, message, params });
    }

    pub(crate) fn error(&mut self, code: &'static str, path: &str, params: Params) {
        self.add(Severity::Error, code, path, params);
    }

    pub(crate) fn warning(&mut self, code: &'static str, path: &str, params: Params) {
        self.add(Severity::Warning, code, path, params);
    }

    pub(crate) fn extend(&mut self, issues: impl IntoIterator<Item = Issue>) {
        self.list.extend(issues);
    }

    pub(crate) fn into_vec(self) -> Vec<Issue> {
        self.list
    }
}

pub(crate) use crate::base::params;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::params;

    /// An issue without parameters has no `params` member, as the WebAssembly build's report
    /// objects have none (docs/api.md); one with parameters has them as an object, in order.
    #[test]
    fn params_are_left_out_when_there_are_none() {
        let issue = |params: Params| Issue { code: "domain.empty", path: String::new(), severity: Severity::Error, message: String::new(), params };
        let bare = serde_json::to_value(issue(params![])).expect("JSON");
        assert_eq!(bare.get("params"), None, "{bare}");
        assert!(params![].is_empty() && !params!["tld" => "io"].is_empty());
        let with = serde_json::to_string(&issue(params!["tld" => "io", "found" => 2usize])).expect("JSON");
        assert!(with.ends_with(r#""params":{"tld":"io","found":2}}"#), "{with}");
    }
}

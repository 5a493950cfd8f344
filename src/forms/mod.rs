//! The filing form (docs/rules.md §2–§4): the entity (主办单位) and its principal (负责人),
//! websites and apps, each field checked where the spec has a rule, each finding at the path
//! of the field it concerns.
//!
//! The types here are the native API (docs/api.md "Inputs", in snake_case); the input layer
//! above (`src/input/forms.rs`) builds them from untyped JavaScript values, reporting wrong
//! types as `field.type`. Every field is optional in the type, since forms are validated while
//! half filled; what a filing needs is reported as `field.required` unless `options.partial`
//! is set.

// No panic is reachable from the public entry points (a panic traps the WebAssembly module for
// the rest of the page's life): clippy refuses unwrap, expect, indexing and panics here.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented))]

mod app;
mod certificate;
mod email;
mod entity;
mod filing;
mod person;
mod record;
pub mod registration;
mod website;

pub use app::validate_app;
pub use entity::validate_entity;
pub use filing::validate_filing;
pub use record::{parse_record_number, RecordNumberReport};
pub use registration::{check_registration, check_registration_text, Check, Checks, FilingContext, RegistrationReport};
pub use website::validate_website;

use crate::issue::{params, Issues, Param, Params, Severity};
use crate::registration::DomainRegistration;
use crate::options::Options;
use crate::rules::{self, ProvinceProfile};

/// A certificate: its type (`uscc`, `resident_id`, … or the Chinese name), number and expiry.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Certificate {
    pub kind: Option<String>,
    pub number: Option<String>,
    /// `YYYY-MM-DD`, or `long-term` (`长期`).
    pub valid_until: Option<String>,
}

/// A person: the entity's principal (主体负责人) or a website's or app's (网站负责人).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Person {
    pub name: Option<String>,
    pub certificate: Option<Certificate>,
    pub mobile: Option<String>,
    pub emergency_mobile: Option<String>,
    pub landline: Option<String>,
    pub email: Option<String>,
}

/// The filing entity (主办单位).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entity {
    /// Entity type key (`enterprise`) or Chinese name (`企业`).
    pub kind: Option<String>,
    pub name: Option<String>,
    pub certificate: Option<Certificate>,
    /// 证件住所.
    pub certificate_address: Option<String>,
    /// 通信地址.
    pub address: Option<String>,
    /// 主体负责人.
    pub responsible: Option<Person>,
    /// The legal representative's name (法定代表人), where the form asks for it: some
    /// provinces require the principal to be that person (§2.5 E4).
    pub legal_representative: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Website {
    pub name: Option<String>,
    pub domains: Vec<String>,
    /// The registrations of its domains (domain verification), each matched to a domain.
    pub registrations: Vec<Registration>,
    pub homepage: Option<String>,
    pub service_content: Vec<String>,
    pub languages: Vec<String>,
    pub pre_approvals: Vec<String>,
    pub responsible: Option<Person>,
    pub remarks: Option<String>,
}

/// A domain's registration as a caller gives it (docs/api.md `Website.registrations`).
#[derive(Clone, Debug, PartialEq)]
pub enum Registration {
    /// A pasted WHOIS or RDAP answer, read when the filing is checked.
    Text(String),
    /// What a console knows of the registration.
    Record(DomainRegistration),
    /// An RDAP answer given as an object, already read (with what was skipped).
    Parsed(crate::registration::Parsed),
    /// An RDAP answer given as an object that says it holds no registration.
    Unreadable(crate::registration::Unreadable),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct AppPlatform {
    /// `android`, `ios`, `harmonyos` (also 安卓, 苹果, 鸿蒙).
    pub platform: Option<String>,
    pub package_name: Option<String>,
    pub certificate_md5: Option<String>,
    pub certificate_sha1: Option<String>,
    pub public_key: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct App {
    pub name: Option<String>,
    pub platforms: Vec<AppPlatform>,
    pub domains: Vec<String>,
    pub responsible: Option<Person>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filing {
    /// The filing province; overrides `options.province`.
    pub province: Option<String>,
    pub entity: Option<Entity>,
    pub websites: Vec<Website>,
    pub apps: Vec<App>,
}

/// What every check of one form needs: the options, the province profile, today, and the
/// issue list.
pub(crate) struct Ctx<'a> {
    pub options: &'a Options,
    pub profile: &'static ProvinceProfile,
    pub today: crate::options::Date,
    pub issues: &'a mut Issues,
}

impl<'a> Ctx<'a> {
    pub fn new(options: &'a Options, issues: &'a mut Issues) -> Self {
        // Without a clock and without `today`, date rules use the data's own date rather than
        // failing: a birth date "in the future" would then be judged against that.
        let today = options.today.or_else(crate::options::system_today).unwrap_or(crate::options::Date::DATA_DATE);
        Ctx { options, profile: rules::profile(options.province.map(|p| p.code())), today, issues }
    }

    /// `field.required` at `path`, unless the form is partial.
    pub fn required(&mut self, path: &str) {
        if !self.options.partial {
            self.issues.error("field.required", path, params![]);
        }
    }

    /// The trimmed value of a required text field, or `None` after reporting it missing.
    pub fn text<'v>(&mut self, value: &'v Option<String>, path: &str) -> Option<&'v str> {
        match value.as_deref().map(str::trim) {
            Some(text) if !text.is_empty() => Some(text),
            _ => {
                self.required(path);
                None
            }
        }
    }

    /// A finding from an identifier or field module: certain ones are errors, others warnings.
    pub fn finding(&mut self, path: &str, code: &'static str, params: Params, certain: bool) {
        let severity = if certain { Severity::Error } else { Severity::Warning };
        self.issues.add(severity, code, path, params);
    }

    /// A naming rule broken (`website.name`, `app.name`): one code, a message per rule
    /// (`website.name.min_chinese`), and the offending word when there is one.
    pub fn name_rule(&mut self, severity: Severity, code: &'static str, path: &str, name: &str, rule: &'static str, word: Option<&str>) {
        let mut params = params!["rule" => rule, "name" => name];
        if let Some(word) = word {
            params.0.push(("word", Param::from(word)));
        }
        self.issues.add_with_message(severity, code, &format!("{code}.{rule}"), path, params);
    }

    pub fn province_name(&self) -> &'static str {
        self.options.province.map(|p| p.name(self.issues.locale())).unwrap_or_default()
    }
}

/// `base.segment`, or `segment` at the top level.
pub(crate) fn join(base: &str, segment: impl std::fmt::Display) -> String {
    if base.is_empty() {
        segment.to_string()
    } else {
        format!("{base}.{segment}")
    }
}

/// Han characters (CJK Unified Ideographs and extensions A–F), for name rules.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{20000}'..='\u{2EBEF}' | '\u{F900}'..='\u{FAFF}')
}

/// Emoji and pictographs, which no name may contain (§4 AP5).
pub(crate) fn is_emoji(c: char) -> bool {
    matches!(c, '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{FE0F}')
}

/// Reports a module finding at `path`: certain → error, otherwise warning.
pub(crate) fn report(finding: &dyn crate::ids::Finding, path: &str, ctx: &mut Ctx) {
    ctx.finding(path, finding.code(), finding.params(), finding.is_certain());
}

//! `parseRecordNumber`: ICP record numbers, licence numbers and public-security numbers
//! (docs/rules.md §5), normalised, with their kind and province.

use super::report;
use super::Ctx;
use crate::fields::record_number;
use crate::issue::{params, Issue, Issues};
use crate::options::Options;
use serde::Serialize;

/// docs/api.md `RecordNumberReport`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RecordNumberReport {
    pub ok: bool,
    pub issues: Vec<Issue>,
    /// e.g. `京ICP备12345678号-1`.
    pub normalized: Option<String>,
    /// `entity`, `website`, `app`, `mini_program`, `quick_app`, `license`, `public_security`.
    pub kind: Option<&'static str>,
    /// ISO code of the issuing province, e.g. `BJ`.
    pub province: Option<&'static str>,
}

impl RecordNumberReport {
    pub(crate) fn from_issues(issues: Vec<Issue>) -> Self {
        let ok = !issues.iter().any(|i| i.severity == crate::Severity::Error);
        RecordNumberReport { ok, issues, normalized: None, kind: None, province: None }
    }
}

/// Parses a record number as written on a site's footer or in an app's settings.
///
/// ```
/// use icp_precheck::{parse_record_number, Options};
/// let r = parse_record_number("京icp备１２３４５６７８号-2a", &Options::default());
/// assert_eq!(r.normalized.as_deref(), Some("京ICP备12345678号-2A"));
/// assert_eq!((r.kind, r.province), (Some("app"), Some("BJ")));
/// ```
pub fn parse_record_number(input: &str, options: &Options) -> RecordNumberReport {
    let mut issues = Issues::new(options.locale);
    let number = {
        let mut ctx = Ctx::new(options, &mut issues);
        if input.trim().is_empty() {
            ctx.required("");
            None
        } else {
            match record_number::parse(input) {
                Ok(number) => {
                    number.warnings.iter().for_each(|w| report(w, "", &mut ctx));
                    if let Some(filing) = options.province {
                        if number.province.code() != filing.code() {
                            ctx.issues.warning(
                                "record_number.other_province",
                                "",
                                params!["found" => number.province.code(), "province" => filing.code()],
                            );
                        }
                    }
                    Some(number)
                }
                Err(e) => {
                    report(&e, "", &mut ctx);
                    None
                }
            }
        }
    };
    let mut out = RecordNumberReport::from_issues(issues.into_vec());
    if let Some(number) = number {
        out.normalized = Some(number.normalized);
        out.kind = Some(number.kind.as_str());
        out.province = Some(number.province.code());
    }
    out
}

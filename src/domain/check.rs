//! [`DomainCheck`]: what the domain pipeline found, kept the way it was found.
//!
//! A check on every keystroke, or on a batch of thousands, must not pay for what nobody reads.
//! So the pipeline renders no message and copies almost nothing: every text of the result
//! (host, A-labels, registrable domain, …, and the params of each finding) is a [`Span`], a
//! byte range of the input or of one buffer the check owns, and each finding keeps its message
//! key and params. A plain lower-case host allocates nothing at all.
//!
//! Two consumers turn this into docs/api.md's `DomainReport`:
//! - [`DomainCheck::to_report`] (native Rust, and the forms) renders the messages in Rust;
//! - the WebAssembly boundary hands the spans and message templates to JavaScript, which slices
//!   the strings it already has and fills the templates itself (`src/wasm/`), since building
//!   strings inside the module and decoding them again costs more than the whole check.
//!
//! Both read the same findings, so both give the same report (tests/node compares them).

use super::DomainReport;
use crate::catalogue;
use crate::issue::{Issue, Param, Params, Severity};
use crate::options::Locale;

/// Where a [`Span`]'s bytes are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The input as given.
    Input,
    /// The check's own buffer: texts the pipeline had to build (a folded or lower-cased host,
    /// U-labels, a formatted address).
    Buffer,
}

/// A text of the check: bytes `start..end` of its [`Source`], always on `char` boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub source: Source,
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// The span of `part`, a sub-slice of `whole`, whose span is `self`.
    fn sub(self, whole: &str, part: &str) -> Option<Span> {
        let offset = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
        if offset + part.len() > whole.len() {
            return None;
        }
        let start = self.start + u32::try_from(offset).ok()?;
        Some(Span { source: self.source, start, end: start + u32::try_from(part.len()).ok()? })
    }
}

/// A value a finding's message is built from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Text from the rules or the catalogue (a list version, a province's name).
    Static(&'static str),
    /// Text of the input or of the check's buffer.
    Text(Span),
    Number(i64),
}

impl From<&'static str> for Arg {
    fn from(s: &'static str) -> Self {
        Arg::Static(s)
    }
}
impl From<Span> for Arg {
    fn from(span: Span) -> Self {
        Arg::Text(span)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

/// One finding, unrendered: an [`Issue`] once its message is filled in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub code: &'static str,
    /// The catalogue entry of the message: `code` itself, or a more specific
    /// `code.rule` entry (`domain.invalid.hyphens`) that says which rule failed.
    pub message_key: &'static str,
    /// `params` and `display` index [`DomainCheck`]'s argument list. Params are what programs
    /// read (`province: "BJ"`); display values override them in the message only (`北京`).
    params: (u16, u16),
    display: (u16, u16),
}

/// What [`check_domain`](super::check_domain) found, before anything is rendered. The
/// accessors give docs/api.md's `DomainReport` fields; [`to_report`](Self::to_report) gives the
/// report itself.
///
/// ```
/// use icp_precheck::domain::DomainCheck;
/// use icp_precheck::Options;
/// let check = DomainCheck::new("https://www.example.com.cn/", &Options::default());
/// assert_eq!(check.registrable(), Some("example.com.cn"));
/// assert_eq!(check.subdomain(), Some("www"));
/// assert!(check.ok());
/// let codes: Vec<&str> = check.findings().map(|f| f.code).collect();
/// assert_eq!(codes, ["domain.stripped", "domain.subdomain"]);
/// ```
#[derive(Clone, Debug)]
pub struct DomainCheck<'a> {
    pub(super) input: &'a str,
    pub(super) locale: Locale,
    buffer: String,
    findings: Vec<Finding>,
    args: Vec<(&'static str, Arg)>,
    pub(super) host: Option<Span>,
    pub(super) ascii: Option<Span>,
    pub(super) unicode: Option<Span>,
    pub(super) registrable: Option<Span>,
    pub(super) registrable_unicode: Option<Span>,
    pub(super) suffix: Option<Span>,
    pub(super) tld: Option<Span>,
    pub(super) subdomain: Option<Span>,
}

/// Buffers of a finished check, to run the next one without allocating again (a batch).
#[derive(Debug, Default)]
pub struct Scratch {
    buffer: String,
    findings: Vec<Finding>,
    args: Vec<(&'static str, Arg)>,
}

impl<'a> DomainCheck<'a> {
    /// Runs the domain check on `input` (see [`check_domain`](super::check_domain)).
    pub fn new(input: &'a str, options: &crate::Options) -> Self {
        Self::with_scratch(input, options, Scratch::default())
    }

    /// [`new`](Self::new), reusing the buffers of an earlier check.
    pub fn with_scratch(input: &'a str, options: &crate::Options, scratch: Scratch) -> Self {
        let Scratch { mut buffer, mut findings, mut args } = scratch;
        buffer.clear();
        findings.clear();
        args.clear();
        let mut check = DomainCheck {
            input,
            locale: options.locale,
            buffer,
            findings,
            args,
            host: None,
            ascii: None,
            unicode: None,
            registrable: None,
            registrable_unicode: None,
            suffix: None,
            tld: None,
            subdomain: None,
        };
        super::analyse(&mut check, options);
        check
    }

    /// The buffers, for [`with_scratch`](Self::with_scratch).
    pub fn into_scratch(self) -> Scratch {
        Scratch { buffer: self.buffer, findings: self.findings, args: self.args }
    }

    // ----- reading -----

    /// No finding is an error.
    pub fn ok(&self) -> bool {
        !self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    pub fn input(&self) -> &'a str {
        self.input
    }

    /// The language of the messages.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The text of a span.
    pub fn text(&self, span: Span) -> &str {
        self.source(span.source).get(span.start as usize..span.end as usize).unwrap_or_default()
    }

    /// All of a source: the input, or the buffer of texts the check built.
    pub fn source(&self, source: Source) -> &str {
        match source {
            Source::Input => self.input,
            Source::Buffer => self.buffer.as_str(),
        }
    }

    fn field(&self, span: Option<Span>) -> Option<&str> {
        span.map(|s| self.text(s))
    }

    pub fn host(&self) -> Option<&str> {
        self.field(self.host)
    }
    pub fn ascii(&self) -> Option<&str> {
        self.field(self.ascii)
    }
    pub fn unicode(&self) -> Option<&str> {
        self.field(self.unicode)
    }
    pub fn registrable(&self) -> Option<&str> {
        self.field(self.registrable)
    }
    pub fn registrable_unicode(&self) -> Option<&str> {
        self.field(self.registrable_unicode)
    }
    pub fn suffix(&self) -> Option<&str> {
        self.field(self.suffix)
    }
    pub fn tld(&self) -> Option<&str> {
        self.field(self.tld)
    }
    pub fn subdomain(&self) -> Option<&str> {
        self.field(self.subdomain)
    }

    /// The report's texts in docs/api.md's order: host, ascii, unicode, registrable,
    /// registrableUnicode, suffix, tld, subdomain.
    pub fn fields(&self) -> [Option<Span>; 8] {
        [self.host, self.ascii, self.unicode, self.registrable, self.registrable_unicode, self.suffix, self.tld, self.subdomain]
    }

    pub fn findings(&self) -> impl ExactSizeIterator<Item = &Finding> {
        self.findings.iter()
    }

    /// A finding's params, in the order the message's author gave them.
    pub fn params(&self, finding: &Finding) -> &[(&'static str, Arg)] {
        self.args.get(usize::from(finding.params.0)..usize::from(finding.params.1)).unwrap_or_default()
    }

    /// Values shown in the message instead of the params of the same name.
    pub fn display(&self, finding: &Finding) -> &[(&'static str, Arg)] {
        self.args.get(usize::from(finding.display.0)..usize::from(finding.display.1)).unwrap_or_default()
    }

    /// The finding's message in the check's locale.
    pub fn message(&self, finding: &Finding) -> String {
        let (display, params) = (self.display(finding), self.params(finding));
        catalogue::render_with(finding.message_key, self.locale, |name, out| {
            let found = display.iter().chain(params).find(|(n, _)| *n == name);
            match found {
                Some((_, Arg::Static(s))) => out.push_str(s),
                Some((_, Arg::Text(span))) => out.push_str(self.text(*span)),
                Some((_, Arg::Number(n))) => {
                    use std::fmt::Write as _;
                    let _ = write!(out, "{n}");
                }
                None => return false,
            }
            true
        })
    }

    /// docs/api.md's `DomainReport`, with every message rendered and every text copied.
    pub fn to_report(&self) -> DomainReport {
        self.to_report_at("")
    }

    /// [`to_report`](Self::to_report) for a domain inside a form, with issues at `path`.
    pub(crate) fn to_report_at(&self, path: &str) -> DomainReport {
        let owned = |span: Option<Span>| span.map(|s| self.text(s).to_owned());
        let issues: Vec<Issue> = self
            .findings
            .iter()
            .map(|f| Issue {
                code: f.code,
                path: path.to_owned(),
                severity: f.severity,
                message: self.message(f),
                params: Params(
                    self.params(f)
                        .iter()
                        .map(|(name, arg)| {
                            let value = match arg {
                                Arg::Static(s) => Param::Text((*s).to_owned()),
                                Arg::Text(span) => Param::Text(self.text(*span).to_owned()),
                                Arg::Number(n) => Param::Number(*n),
                            };
                            (*name, value)
                        })
                        .collect(),
                ),
            })
            .collect();
        DomainReport {
            ok: self.ok(),
            issues,
            input: self.input.to_owned(),
            host: owned(self.host),
            ascii: owned(self.ascii),
            unicode: owned(self.unicode),
            registrable: owned(self.registrable),
            registrable_unicode: owned(self.registrable_unicode),
            suffix: owned(self.suffix),
            tld: owned(self.tld),
            subdomain: owned(self.subdomain),
        }
    }

    // ----- building (the pipeline) -----

    /// The span of `text`: a slice of the input where it is one, else a copy in the buffer.
    pub(super) fn keep(&mut self, text: &str) -> Span {
        let input = Span { source: Source::Input, start: 0, end: u32::try_from(self.input.len()).unwrap_or(u32::MAX) };
        if let Some(span) = input.sub(self.input, text) {
            return span;
        }
        self.push_text(text)
    }

    /// The span of `part`, given that it lies within `whole` (whose span is `span`); else kept
    /// as [`keep`](Self::keep) would.
    pub(super) fn keep_within(&mut self, part: &str, whole: &str, span: Span) -> Span {
        span.sub(whole, part).unwrap_or_else(|| self.keep(part))
    }

    /// Copies `text` into the buffer.
    pub(super) fn push_text(&mut self, text: &str) -> Span {
        let start = u32::try_from(self.buffer.len()).unwrap_or(u32::MAX);
        self.buffer.push_str(text);
        Span { source: Source::Buffer, start, end: start.saturating_add(u32::try_from(text.len()).unwrap_or(u32::MAX)) }
    }

    /// Builds a text in the buffer: `write` appends to it.
    pub(super) fn build_text(&mut self, write: impl FnOnce(&mut String)) -> Span {
        let start = u32::try_from(self.buffer.len()).unwrap_or(u32::MAX);
        write(&mut self.buffer);
        Span { source: Source::Buffer, start, end: u32::try_from(self.buffer.len()).unwrap_or(u32::MAX) }
    }

    pub(super) fn add(&mut self, severity: Severity, code: &'static str, message_key: &'static str, params: &[(&'static str, Arg)], display: &[(&'static str, Arg)]) {
        let at = |args: &Vec<_>| u16::try_from(args.len()).unwrap_or(u16::MAX);
        let p0 = at(&self.args);
        self.args.extend_from_slice(params);
        let p1 = at(&self.args);
        self.args.extend_from_slice(display);
        let d1 = at(&self.args);
        self.findings.push(Finding { severity, code, message_key, params: (p0, p1), display: (p1, d1) });
    }

    pub(super) fn error(&mut self, code: &'static str, params: &[(&'static str, Arg)]) {
        self.add(Severity::Error, code, code, params, &[]);
    }

    pub(super) fn warning(&mut self, code: &'static str, params: &[(&'static str, Arg)]) {
        self.add(Severity::Warning, code, code, params, &[]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;

    #[test]
    fn a_plain_host_is_spans_of_the_input() {
        let check = DomainCheck::new("www.example.com.cn", &Options::default());
        for span in check.fields().into_iter().flatten() {
            assert_eq!(span.source, Source::Input, "{span:?}");
        }
        assert_eq!(check.unicode(), Some("www.example.com.cn"));
        assert_eq!(check.registrable_unicode(), Some("example.com.cn"));
        assert_eq!(check.suffix(), Some("com.cn"));
        assert_eq!(check.tld(), Some("cn"));
        let subdomain = check.findings().next().map(|f| check.params(f).to_vec());
        let host = check.host.map(Arg::Text);
        assert_eq!(subdomain.as_deref().and_then(|p| p.first()).map(|(n, a)| (*n, *a)), host.map(|h| ("host", h)));
    }

    #[test]
    fn built_texts_are_in_the_buffer() {
        let check = DomainCheck::new("WWW.例子.中国", &Options::default());
        assert_eq!(check.host.map(|s| s.source), Some(Source::Input));
        assert_eq!(check.ascii.map(|s| s.source), Some(Source::Buffer));
        assert_eq!(check.ascii(), Some("www.xn--fsqu00a.xn--fiqs8s"));
        assert_eq!(check.unicode(), Some("www.例子.中国"));
        assert_eq!(check.registrable(), Some("xn--fsqu00a.xn--fiqs8s"));
        assert_eq!(check.registrable_unicode(), Some("例子.中国"));
    }

    #[test]
    fn the_report_is_the_findings_rendered() {
        for input in ["https://user@Example.COM:8080/a?b#c", "192.168.0.1", "a_b.com", "x.github.io", "example.io", "com.cn"] {
            let check = DomainCheck::new(input, &Options::default().with_locale(Locale::En));
            let report = check.to_report();
            assert_eq!(report.ok, check.ok());
            assert_eq!(report.issues.len(), check.findings().len());
            for (issue, finding) in report.issues.iter().zip(check.findings()) {
                assert_eq!(issue.code, finding.code);
                assert_eq!(issue.message, check.message(finding));
                assert!(!issue.message.contains('{'), "{input}: {}", issue.message);
            }
            assert_eq!(report.host.as_deref(), check.host());
            assert_eq!(report.subdomain.as_deref(), check.subdomain());
        }
    }

    #[test]
    fn scratch_is_reused_without_leftovers() {
        let options = Options::default();
        let first = DomainCheck::new("https://例子.中国/", &options);
        let scratch = first.into_scratch();
        // What the first check grew is kept for the next: that is what a scratch is for.
        let (buffer, findings) = (scratch.buffer.capacity(), scratch.findings.capacity());
        assert!(buffer > 0 && findings > 0, "{buffer} {findings}");
        let second = DomainCheck::with_scratch("mysite.cn", &options, scratch);
        assert_eq!(second.findings().len(), 0);
        assert_eq!(second.to_report(), crate::check_domain("mysite.cn", &options));
        let kept = second.into_scratch();
        assert!(kept.buffer.capacity() >= buffer && kept.findings.capacity() >= findings);
    }

    #[test]
    fn a_check_knows_its_input_and_locale() {
        let check = DomainCheck::new("例子.中国", &Options::default().with_locale(Locale::En));
        assert_eq!(check.input(), "例子.中国");
        assert_eq!(check.locale(), Locale::En);
        assert_eq!(DomainCheck::new("x.cn", &Options::default()).locale(), Locale::ZhCn);
    }

    #[test]
    fn unicode_parts_are_cut_from_the_unicode_name() {
        use std::borrow::Cow;
        let unicode_of = super::super::unicode_of;
        // The registrable part and the whole name, borrowed from the ToUnicode form instead
        // of decoded again.
        let (ascii, unicode) = ("www.xn--fsqu00a.xn--fiqs8s", "www.例子.中国");
        assert!(matches!(unicode_of("xn--fsqu00a.xn--fiqs8s", ascii, unicode), Cow::Borrowed("例子.中国")));
        assert!(matches!(unicode_of(ascii, ascii, unicode), Cow::Borrowed("www.例子.中国")));
        // A name as long in Unicode as in ASCII is still cut by labels, not by bytes: the
        // last 15 bytes of the Unicode name are not its last two labels.
        let (ascii, unicode) = ("xn--4gq.xn--a-0n6aaaaaa.com", "一.a一一一一一一.com");
        assert_eq!(ascii.len(), unicode.len());
        assert_eq!(unicode_of("xn--a-0n6aaaaaa.com", ascii, unicode), "a一一一一一一.com");
        let check = DomainCheck::new("一.a一一一一一一.com", &Options::default());
        assert_eq!(check.registrable_unicode(), Some("a一一一一一一.com"));
    }
}

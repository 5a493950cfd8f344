//! Domain reports to JavaScript, written once.
//!
//! `checkDomain` runs on every keystroke and `checkDomains` on thousands of names, and a
//! report's way out used to cost more than its checks (BENCHMARKS.md): every text encoded as
//! UTF-8, rendered into bilingual messages, serialised to JSON, decoded and parsed again. So
//! a [`DomainCheck`] crosses as it is: a few `u32` words per text and finding, written into
//! one buffer of this module's memory, which `transfer.js` (inlined into the package's glue)
//! reads and turns into docs/api.md's `DomainReport` objects:
//! - a text that is part of the input is a range of it (UTF-16 offsets): JavaScript slices
//!   the string it passed in, and nothing is copied or decoded;
//! - a text that is part of an earlier field (the registrable domain of `ascii`) is a range
//!   of that field;
//! - a text from the rules or the catalogue (`&'static str`) is its address in the module's
//!   memory, decoded once and cached by address;
//! - a message is its template's address and its params: JavaScript fills the template, as
//!   `catalogue::render_with` does in Rust (tests/node compares the two on every code);
//! - anything else is UTF-8 in a byte buffer, decoded there.
//!
//! Reports that were rendered in Rust (wrong input types, bad options) cross the same way,
//! their texts as bytes.
//!
//! The protocol is described in `docs/transfer.md`; its tables are declared once, in
//! `src/wasm/protocol.toml`, and generated for both sides. Layout of one report, in words
//! (`transfer.js` reads it in the same order):
//! ```text
//! header                 ok | issue count << 1
//! input                  a text
//! 8 fields               host, ascii, unicode, registrable, registrableUnicode, suffix, tld, subdomain: a text each
//! per issue              severity (0 error, 1 warning), code, path, message (texts),
//!                        param count, display count, then (name, value) pairs: params, then display values
//! a text                 kind | field << 8, a, b: NULL, INPUT [a, b), FIELD [a, b) of field,
//!                        BYTES (offset a, length b), STATIC (address a, length b),
//!                        NUMBER (low a, high b), TEMPLATE (address a, length b; messages only)
//! ```

use crate::catalogue;
use crate::domain::{Arg, DomainCheck, DomainReport, Source, Span};
use crate::issue::{Issue, Param, Severity};
use crate::options::Locale;

// The text kinds, `severity_word` and `report_fields`, from `src/wasm/protocol.toml`, as
// `transfer.js` reads them.
include!("../generated/transfer_protocol.rs");

/// The buffers reports are written into, reused from call to call.
#[derive(Default)]
pub(super) struct Encoder {
    words: Vec<u32>,
    bytes: Vec<u8>,
    /// The last check's buffers, so that a batch allocates only for its first items.
    pub(super) scratch: crate::domain::Scratch,
    /// The input being checked, as UTF-8 (`transfer.js` writes it here).
    pub(super) input: Vec<u8>,
    /// A batch's inputs, one after another.
    pub(super) batch_input: Vec<u8>,
    templates: TemplateCache,
}

/// Message templates by the address of their catalogue key (a `&'static str`) and locale:
/// a finding's template is found with one comparison, not a binary search of the catalogue's
/// string keys on every report. Direct-mapped; a collision only costs a search.
/// Keyed by address and length: two keys may start at the same address when the linker
/// shares a prefix.
struct TemplateCache(Vec<(usize, usize, Locale, &'static str)>);

impl Default for TemplateCache {
    fn default() -> Self {
        TemplateCache(vec![(0, 0, Locale::ZhCn, ""); 64])
    }
}

impl TemplateCache {
    fn get(&mut self, key: &'static str, locale: Locale) -> Option<&'static str> {
        let address = key.as_ptr() as usize;
        let slot = (address >> 2) % self.0.len();
        if let Some((a, n, l, template)) = self.0.get(slot) {
            if *a == address && *n == key.len() && *l == locale {
                return Some(template);
            }
        }
        let template = catalogue::template(key, locale)?;
        if let Some(entry) = self.0.get_mut(slot) {
            *entry = (address, key.len(), locale, template);
        }
        Some(template)
    }
}

/// A length or offset as a word. Inputs are capped far below 4 GiB; saturate rather than fail.
pub(super) fn word(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// UTF-16 code units of `s`: JavaScript's string offsets.
fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// JavaScript's (UTF-16) offsets for a check's byte offsets. Most inputs are ASCII, and then
/// the two are the same: each source is tested once, not each span.
struct Utf16Offsets<'c> {
    check: &'c DomainCheck<'c>,
    ascii: [bool; 2],
}

impl<'c> Utf16Offsets<'c> {
    fn new(check: &'c DomainCheck<'c>) -> Self {
        Utf16Offsets { check, ascii: [check.source(Source::Input).is_ascii(), check.source(Source::Buffer).is_ascii()] }
    }

    fn at(&self, source: Source, byte: u32) -> usize {
        let ascii = match source {
            Source::Input => self.ascii[0],
            Source::Buffer => self.ascii[1],
        };
        match ascii {
            true => byte as usize,
            false => utf16_len(self.check.source(source).get(..byte as usize).unwrap_or_default()),
        }
    }
}

impl Encoder {
    pub(super) fn clear(&mut self) {
        self.words.clear();
        self.bytes.clear();
    }

    /// Where `transfer.js` finds the words and the bytes.
    pub(super) fn addresses(&self) -> (u32, u32) {
        (self.words.as_ptr() as usize as u32, self.bytes.as_ptr() as usize as u32)
    }

    fn text_ref(&mut self, kind: u32, a: usize, b: usize) {
        self.words.extend([kind, word(a), word(b)]);
    }

    fn static_text(&mut self, kind: u32, s: &'static str) {
        self.text_ref(kind, s.as_ptr() as usize, s.len());
    }

    fn bytes(&mut self, s: &str) {
        let at = self.bytes.len();
        self.bytes.extend_from_slice(s.as_bytes());
        self.text_ref(BYTES, at, s.len());
    }

    fn number(&mut self, n: i64) {
        // Two's complement halves; JavaScript recombines them (all our numbers are far below 2^53).
        let bits = n as u64;
        self.words.extend([NUMBER, (bits & 0xFFFF_FFFF) as u32, (bits >> 32) as u32]);
    }

    fn severity(&mut self, severity: Severity) {
        self.words.push(severity_word(severity));
    }

    /// `span` of `check`, as a range of an earlier field where it lies in one, else of the
    /// input, else as bytes. `offsets` turns byte offsets into UTF-16 ones.
    fn span(&mut self, offsets: &Utf16Offsets<'_>, span: Span, earlier: &[Option<Span>]) {
        for (j, field) in earlier.iter().enumerate() {
            let Some(field) = field else { continue };
            if field.source == span.source && field.start <= span.start && span.end <= field.end {
                let base = offsets.at(field.source, field.start);
                let a = offsets.at(span.source, span.start) - base;
                let b = offsets.at(span.source, span.end) - base;
                self.text_ref(FIELD | (word(j) << 8), a, b);
                return;
            }
        }
        match span.source {
            Source::Input => {
                let (a, b) = (offsets.at(Source::Input, span.start), offsets.at(Source::Input, span.end));
                self.text_ref(INPUT, a, b);
            }
            Source::Buffer => self.bytes(offsets.check.text(span)),
        }
    }

    fn arg(&mut self, offsets: &Utf16Offsets<'_>, arg: Arg, fields: &[Option<Span>]) {
        match arg {
            Arg::Static(s) => self.static_text(STATIC, s),
            Arg::Text(span) => self.span(offsets, span, fields),
            Arg::Number(n) => self.number(n),
        }
    }

    /// A report of `check`, whose input is the caller's own string, followed by `extra`
    /// issues (warnings about the options).
    pub(super) fn check(&mut self, check: &DomainCheck<'_>, extra: &[Issue]) {
        let ok = check.ok() && !extra.iter().any(|i| i.severity == Severity::Error);
        let count = check.findings().len() + extra.len();
        self.words.push(u32::from(ok) | (word(count) << 1));
        let offsets = Utf16Offsets::new(check);
        self.text_ref(INPUT, 0, offsets.at(Source::Input, word(check.input().len())));
        let fields = check.fields();
        for (i, field) in fields.iter().enumerate() {
            match field {
                Some(span) => self.span(&offsets, *span, fields.get(..i).unwrap_or_default()),
                None => self.text_ref(NULL, 0, 0),
            }
        }
        for finding in check.findings() {
            self.severity(finding.severity);
            self.static_text(STATIC, finding.code);
            self.static_text(STATIC, "");
            match self.templates.get(finding.message_key, check.locale()) {
                Some(template) => self.static_text(TEMPLATE, template),
                None => self.static_text(STATIC, finding.message_key),
            }
            let (params, display) = (check.params(finding), check.display(finding));
            self.words.extend([word(params.len()), word(display.len())]);
            for (name, value) in params.iter().chain(display) {
                self.static_text(STATIC, name);
                self.arg(&offsets, *value, &fields);
            }
        }
        for issue in extra {
            self.issue(issue);
        }
    }

    /// A report rendered in Rust (an input that is not a string, a refused batch).
    pub(super) fn report(&mut self, report: &DomainReport) {
        self.words.push(u32::from(report.ok) | (word(report.issues.len()) << 1));
        self.bytes(&report.input);
        for field in report_fields(report) {
            match field {
                Some(text) => self.bytes(text),
                None => self.text_ref(NULL, 0, 0),
            }
        }
        for issue in &report.issues {
            self.issue(issue);
        }
    }

    fn issue(&mut self, issue: &Issue) {
        self.severity(issue.severity);
        self.static_text(STATIC, issue.code);
        self.bytes(&issue.path);
        self.bytes(&issue.message);
        self.words.extend([word(issue.params.0.len()), 0]);
        for (name, value) in &issue.params.0 {
            self.static_text(STATIC, name);
            match value {
                Param::Text(text) => self.bytes(text),
                Param::Number(n) => self.number(*n),
            }
        }
    }
}

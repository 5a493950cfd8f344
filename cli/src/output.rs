//! Where reports go: CSV rows (the `csv` crate's writer, RFC 4180 quoting), JSON lines or
//! text lines, on standard output through one buffer; nothing at all with `--quiet`.

use std::io::{BufWriter, Write};

use icp_precheck::{Issue, Severity};
use serde::Serialize;

use crate::ui::Stop;

pub enum Sink {
    Csv(Box<csv::Writer<Box<dyn Write>>>),
    Lines(BufWriter<Box<dyn Write>>),
    Null,
}

impl Sink {
    pub fn new(format: crate::args::Format, quiet: bool) -> Sink {
        if quiet {
            return Sink::Null;
        }
        let out: Box<dyn Write> = Box::new(std::io::stdout().lock());
        match format {
            crate::args::Format::Csv => Sink::Csv(Box::new(
                csv::WriterBuilder::new()
                    .buffer_capacity(1 << 16)
                    .flexible(true)
                    .from_writer(out),
            )),
            _ => Sink::Lines(BufWriter::with_capacity(1 << 16, out)),
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Sink::Null)
    }

    /// One CSV row (nothing for the other formats).
    pub fn row<I, T>(&mut self, fields: I) -> Result<(), Stop>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<[u8]>,
    {
        if let Sink::Csv(w) = self {
            w.write_record(fields)?;
        }
        Ok(())
    }

    /// One JSON line.
    pub fn json<T: Serialize>(&mut self, value: &T) -> Result<(), Stop> {
        if let Sink::Lines(w) = self {
            serde_json::to_writer(&mut *w, value).map_err(|e| match e.io_error_kind() {
                Some(_) => Stop::output(std::io::Error::from(e)),
                None => Stop::Fatal(format!("writing JSON: {e}")),
            })?;
            w.write_all(b"\n").map_err(Stop::output)?;
        }
        Ok(())
    }

    /// Text, as it is (the caller ends its lines).
    pub fn text(&mut self, args: std::fmt::Arguments<'_>) -> Result<(), Stop> {
        if let Sink::Lines(w) = self {
            w.write_fmt(args).map_err(Stop::output)?;
        }
        Ok(())
    }

    pub fn flush(&mut self) -> Result<(), Stop> {
        match self {
            Sink::Csv(w) => w.flush().map_err(Stop::output),
            Sink::Lines(w) => w.flush().map_err(Stop::output),
            Sink::Null => Ok(()),
        }
    }
}

/// The verdict columns every CSV output ends with.
pub const VERDICT_COLUMNS: [&str; 6] = [
    "ok",
    "registrable",
    "registrable_unicode",
    "errors",
    "warnings",
    "messages",
];

/// Codes and messages of a list of issues as CSV cells: codes separated by spaces, messages
/// by ` | `, in the order of the issues.
#[derive(Default)]
pub struct Cells {
    pub errors: String,
    pub warnings: String,
    pub messages: String,
}

impl Cells {
    pub fn clear(&mut self) {
        self.errors.clear();
        self.warnings.clear();
        self.messages.clear();
    }

    /// Adds one issue (`errors_only`: warnings are left out).
    pub fn add(&mut self, severity: Severity, code: &str, message: &str, errors_only: bool) {
        let list = match severity {
            Severity::Error => &mut self.errors,
            Severity::Warning if errors_only => return,
            Severity::Warning => &mut self.warnings,
        };
        if !list.is_empty() {
            list.push(' ');
        }
        list.push_str(code);
        if !self.messages.is_empty() {
            self.messages.push_str(" | ");
        }
        self.messages.push_str(message);
    }

    pub fn add_all(&mut self, issues: &[Issue], errors_only: bool) {
        for issue in issues {
            self.add(issue.severity, issue.code, &issue.message, errors_only);
        }
    }
}

/// `error` or `warning`, padded for text output.
pub fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error  ",
        Severity::Warning => "warning",
    }
}

/// A text shown on one line: control characters (a tab, a newline inside a CSV field)
/// escaped as Rust and JSON write them.
pub fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The issues of one report as indented text lines, `whole` standing for the empty path (the
/// input itself).
pub fn text_issues(sink: &mut Sink, issues: &[Issue], errors_only: bool, whole: &str) -> Result<(), Stop> {
    for issue in kept(issues, errors_only) {
        let path = if issue.path.is_empty() { whole } else { &issue.path };
        sink.text(format_args!("  {} {path}: {}: {}\n", severity(issue.severity), issue.code, issue.message))?;
    }
    Ok(())
}

/// The issues that are written: all of them, or only the errors.
pub fn kept(issues: &[Issue], errors_only: bool) -> impl Iterator<Item = &Issue> {
    issues
        .iter()
        .filter(move |i| !errors_only || i.severity == Severity::Error)
}

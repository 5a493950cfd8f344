//! `icp-precheck filing`: filings as JSON, each read into the library's untyped `Value` (as
//! the WebAssembly boundary converts a JavaScript object) and validated by
//! `untyped::validate_filing_value`, so a filing gets here the report `validateFiling` gives it.
//!
//! A file holds one filing object, an array of them, or JSON lines (one filing, or an array of
//! them, a line). JSON lines are read a line at a time, and a broken line is named and skipped;
//! an array is read an item at a time; anything else (a pretty-printed object, several of them)
//! is read value by value, and stops at the first syntax error with its line and column.

use std::cell::Cell;
use std::path::Path;
use std::rc::Rc;

use icp_precheck::input::Value;
use icp_precheck::{Report, Severity};

use crate::args::{FilingArgs, Format, Settings};
use crate::jsonvalue::{Converted, EachItem, Top};
use crate::output::{self, Sink};
use crate::read::{self, Position, Source, Tracked};
use crate::ui::{Problem, Stop, Ui};

/// Longest JSON line read as one filing (a filing is a few kilobytes).
const MAX_JSON_LINE: usize = 16 << 20;

pub fn run(args: &FilingArgs, settings: &Settings, ui: &mut Ui) -> Result<(), Stop> {
    let format = settings.format.unwrap_or(Format::Text);
    let mut job = Job {
        sink: Sink::new(format, settings.quiet),
        format,
        options: settings.options_value_with(Vec::new()),
        today: icp_precheck::options::system_today(),
        errors_only: settings.errors_only,
        done: 0,
    };
    if format == Format::Csv {
        job.sink.row([
            "file", "filing", "line", "ok", "severity", "code", "path", "message",
        ])?;
    }
    let result = args.files.iter().try_for_each(|path| job.file(path, ui));
    job.sink.flush()?;
    result
}

struct Job {
    sink: Sink,
    format: Format,
    options: Value,
    today: Option<icp_precheck::Date>,
    errors_only: bool,
    done: u64,
}

impl Job {
    fn file(&mut self, path: &Path, ui: &mut Ui) -> Result<(), Stop> {
        let mut src = Source::open(Some(path))?;
        ui.start_progress("filings", src.size);
        let name = src.name.clone();
        let mut counter = 0u64;
        let before = self.done;
        match src.skip_whitespace()? {
            None => {
                ui.problem(
                    Problem::Json,
                    format_args!("{name}: empty: no filing in it"),
                );
                return Ok(());
            }
            Some(b'[') => {
                let start_lines = src.lines;
                let position = Rc::new(Cell::new(Position {
                    lines: src.lines,
                    start: None,
                }));
                let tracked = Tracked {
                    src: &mut src,
                    prefix: Default::default(),
                    position: position.clone(),
                };
                let mut de = serde_json::Deserializer::from_reader(tracked);
                let mut stopped = None;
                let mut each = |value: Value| -> Result<(), String> {
                    let mut p = position.get();
                    let line = p.start.take();
                    position.set(p);
                    counter += 1;
                    self.filing(&name, counter, line, &value, ui)
                        .map_err(|stop| {
                            stopped = Some(stop);
                            "stopped".to_owned()
                        })
                };
                let result =
                    serde::de::DeserializeSeed::deserialize(EachItem { each: &mut each }, &mut de)
                        .and_then(|()| de.end());
                if let Some(stop) = stopped {
                    return Err(stop);
                }
                if let Err(e) = result {
                    return json_error(&name, &e, start_lines, ui);
                }
            }
            Some(_) => {
                let mut first = Vec::new();
                let start_lines = src.lines;
                let line = src.read_line_max(&mut first, MAX_JSON_LINE)?;
                let whole_line = line.is_some_and(|l| l.length == first.len());
                if whole_line && serde_json::from_slice::<serde::de::IgnoredAny>(&first).is_ok() {
                    // JSON lines (or a file of one line).
                    let mut buf = first;
                    let mut number = start_lines + 1;
                    loop {
                        self.json_line(&name, number, &buf, &mut counter, ui)?;
                        ui.tick(counter, src.consumed);
                        match src.read_line_max(&mut buf, MAX_JSON_LINE)? {
                            None => break,
                            Some(l) if l.length > buf.len() => {
                                ui.problem(Problem::Json, format_args!("{name}:{}: a line of {} bytes: longer than {MAX_JSON_LINE}, skipped", l.number, l.length));
                                buf.clear();
                                number = l.number;
                            }
                            Some(l) => number = l.number,
                        }
                    }
                } else {
                    // One document: values one after the other, read from the first line on.
                    first.push(b'\n');
                    let position = Rc::new(Cell::new(Position {
                        lines: start_lines,
                        start: None,
                    }));
                    let tracked = Tracked {
                        src: &mut src,
                        prefix: std::io::Cursor::new(first),
                        position: position.clone(),
                    };
                    let mut stream =
                        serde_json::Deserializer::from_reader(tracked).into_iter::<Top>();
                    loop {
                        let mut p = position.get();
                        p.start = None;
                        position.set(p);
                        match stream.next() {
                            None => break,
                            Some(Err(e)) => return json_error(&name, &e, start_lines, ui),
                            Some(Ok(top)) => {
                                let line = position.get().start;
                                for value in items(top) {
                                    counter += 1;
                                    self.filing(&name, counter, line, &value, ui)?;
                                }
                            }
                        }
                    }
                }
            }
        }
        if self.done == before && counter == 0 {
            ui.problem(Problem::Json, format_args!("{name}: no filing in it"));
        }
        Ok(())
    }

    fn json_line(
        &mut self,
        name: &str,
        number: u64,
        buf: &[u8],
        counter: &mut u64,
        ui: &mut Ui,
    ) -> Result<(), Stop> {
        if buf.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        if let (_, Some(bad)) = read::decode(buf) {
            ui.problem(
                Problem::Encoding,
                format_args!(
                    "{name}:{number}:{}: invalid UTF-8 (byte 0x{:02X}): line skipped{}",
                    bad.offset + 1,
                    bad.byte,
                    read::GBK_HINT
                ),
            );
            return Ok(());
        }
        match serde_json::from_slice::<Top>(buf) {
            Err(e) => {
                ui.problem(
                    Problem::Json,
                    format_args!(
                        "{name}:{number}:{}: not valid JSON: {}: line skipped",
                        e.column(),
                        json_message(&e)
                    ),
                );
                Ok(())
            }
            Ok(top) => {
                for value in items(top) {
                    *counter += 1;
                    self.filing(name, *counter, Some(number), &value, ui)?;
                }
                Ok(())
            }
        }
    }

    fn filing(
        &mut self,
        name: &str,
        index: u64,
        line: Option<u64>,
        value: &Value,
        ui: &mut Ui,
    ) -> Result<(), Stop> {
        let report = icp_precheck::untyped::validate_filing_value(value, &self.options, self.today);
        self.done += 1;
        write_report(
            &mut self.sink,
            self.format,
            self.errors_only,
            name,
            index,
            line,
            &report,
        )?;
        if !report.ok {
            ui.rejected()?;
        }
        Ok(())
    }
}

fn items(top: Top) -> Vec<Value> {
    match top {
        Top::One(v) => vec![v],
        Top::Many(items) => items,
    }
}

/// serde_json's message without its ` at line L column C` (the position is said first).
fn json_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// Stops reading a file at a JSON error, naming where it is.
fn json_error(
    name: &str,
    e: &serde_json::Error,
    line_offset: u64,
    ui: &mut Ui,
) -> Result<(), Stop> {
    let message = json_message(e);
    if e.is_io() {
        return Err(Stop::Fatal(format!("{name}: {message}")));
    }
    let line = line_offset + e.line() as u64;
    let hint =
        if message.contains("invalid unicode code point") || message.contains("invalid UTF-8") {
            read::GBK_HINT
        } else {
            ""
        };
    ui.problem(
        Problem::Json,
        format_args!(
            "{name}:{line}:{}: not valid JSON: {message}; the rest of the file is not read{hint}",
            e.column()
        ),
    );
    Ok(())
}

/// One report: text, a JSON line (the library's `Report`), or CSV rows (one per issue).
pub fn write_report(
    sink: &mut Sink,
    format: Format,
    errors_only: bool,
    name: &str,
    index: u64,
    line: Option<u64>,
    report: &Report,
) -> Result<(), Stop> {
    if sink.is_null() || (errors_only && report.ok) {
        return Ok(());
    }
    match format {
        Format::Json => {
            if errors_only {
                let kept =
                    Report::from_issues(output::kept(&report.issues, true).cloned().collect());
                sink.json(&kept)
            } else {
                sink.json(report)
            }
        }
        Format::Csv => {
            let (index, line_text) = (
                index.to_string(),
                line.map(|l| l.to_string()).unwrap_or_default(),
            );
            let ok = if report.ok { "true" } else { "false" };
            let mut any = false;
            for issue in output::kept(&report.issues, errors_only) {
                any = true;
                let severity = if issue.severity == Severity::Error {
                    "error"
                } else {
                    "warning"
                };
                sink.row([
                    name,
                    &index,
                    &line_text,
                    ok,
                    severity,
                    issue.code,
                    &issue.path,
                    &issue.message,
                ])?;
            }
            if !any {
                sink.row([name, &index, &line_text, ok, "", "", "", ""])?;
            }
            Ok(())
        }
        Format::Text => {
            let errors = report
                .issues
                .iter()
                .filter(|i| i.severity == Severity::Error)
                .count();
            let warnings = report.issues.len() - errors;
            let at = line.map(|l| format!(" (line {l})")).unwrap_or_default();
            let verdict = if report.ok { "ok" } else { "rejected" };
            sink.text(format_args!(
                "{name}: filing {index}{at}: {verdict}: {}, {}\n",
                count(errors, "error"),
                count(warnings, "warning")
            ))?;
            output::text_issues(sink, &report.issues, errors_only, "(filing)")
        }
    }
}

fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// Reads a JSON file into one `Value` (for `registration --entity`).
pub fn read_json_value(path: &Path) -> Result<Value, Stop> {
    let mut src = Source::open(Some(path))?;
    let mut buf = Vec::new();
    src.read_all(&mut buf, MAX_JSON_LINE)?;
    let name = src.name.clone();
    if let (_, Some(bad)) = read::decode(&buf) {
        let line = buf[..bad.offset].iter().filter(|b| **b == b'\n').count() + 1;
        return Err(Stop::Fatal(format!(
            "{name}:{line}: invalid UTF-8 (byte 0x{:02X}){}",
            bad.byte,
            read::GBK_HINT
        )));
    }
    serde_json::from_slice::<Converted>(&buf)
        .map(|c| c.0)
        .map_err(|e| {
            Stop::Fatal(format!(
                "{name}:{}:{}: not valid JSON: {}",
                e.line(),
                e.column(),
                json_message(&e)
            ))
        })
}

//! `icp-precheck domains`: a plain list or a CSV column, one line or record at a time.
//!
//! Each domain goes through `DomainCheck::with_scratch`, which reuses one check's buffers for
//! the next, so a plain host allocates nothing; only what is written is rendered. A line cut
//! at [`MAX_LINE`](crate::read::MAX_LINE) goes through the library's untyped entry point
//! (`untyped::one_domain`) as JavaScript's cut strings do, and is `domain.too_long` with its
//! whole length.

use std::borrow::Cow;
use std::io::IsTerminal as _;
use std::path::Path;

use icp_precheck::domain::{DomainCheck, Scratch};
use icp_precheck::input::Value;
use icp_precheck::{DomainReport, Options, Severity};

use crate::args::{DomainsArgs, Format, Settings};
use crate::output::{self, Cells, Sink, VERDICT_COLUMNS};
use crate::read::{self, CsvProblem, CsvReader, Record, Source};
use crate::ui::{Problem, Stop, Ui};

/// Header names taken for the domain column when `--column` is not given (case-insensitive).
const DOMAIN_COLUMNS: [&str; 13] = [
    "domain",
    "domains",
    "domain name",
    "domain_name",
    "domainname",
    "host",
    "hostname",
    "url",
    "website",
    "site",
    "域名",
    "网站域名",
    "网址",
];

pub fn run(args: &DomainsArgs, settings: &Settings, ui: &mut Ui) -> Result<(), Stop> {
    let path = args.file.as_deref().filter(|p| *p != Path::new("-"));
    if args.file.is_none() && std::io::stdin().is_terminal() {
        return Err(Stop::Fatal("no input: give a FILE, or pipe a list in (`icp-precheck domains - < list.txt`); see --help".into()));
    }
    let extension = path
        .and_then(Path::extension)
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    let tsv = extension.as_deref() == Some("tsv");
    let csv = args.csv
        || args.column.is_some()
        || args.delimiter.is_some()
        || tsv
        || extension.as_deref() == Some("csv");
    let delimiter = match &args.delimiter {
        Some(d) => parse_delimiter(d)?,
        None if tsv => b'\t',
        None => b',',
    };
    let header = if args.header {
        true
    } else if args.no_header {
        false
    } else {
        csv
    };
    let mut src = Source::open(path)?;
    let mut job = Job {
        options: settings.options,
        errors_only: settings.errors_only,
        format: settings.format.unwrap_or(Format::Csv),
        sink: Sink::new(settings.format.unwrap_or(Format::Csv), settings.quiet),
        scratch: Some(Scratch::default()),
        cells: Cells::default(),
        checked: 0,
    };
    ui.start_progress(if csv { "records" } else { "lines" }, src.size);
    let result = match csv {
        true => job.csv(&mut src, args, delimiter, header, ui),
        false => job.lines(&mut src, header, ui),
    };
    job.sink.flush()?;
    result?;
    if job.checked == 0 {
        ui.note(format_args!(
            "{}: no domains to check{}",
            src.name,
            if src.consumed == 0 {
                " (the input is empty)"
            } else {
                ""
            }
        ));
    }
    Ok(())
}

fn parse_delimiter(text: &str) -> Result<u8, Stop> {
    match text {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ if text.len() == 1
            && text.as_bytes()[0] != b'"'
            && !text.as_bytes()[0].is_ascii_control() =>
        {
            Ok(text.as_bytes()[0])
        }
        _ => Err(Stop::Fatal(format!(
            "--delimiter {text:?}: give one ASCII character (other than a quote), or `tab`"
        ))),
    }
}

struct Job {
    options: Options,
    errors_only: bool,
    format: Format,
    sink: Sink,
    scratch: Option<Scratch>,
    cells: Cells,
    checked: u64,
}

/// A domain checked: by `DomainCheck` (nothing rendered until it is written), or as a whole
/// report (a cut input, through the library's untyped entry point).
enum Checked<'a> {
    Check(DomainCheck<'a>),
    Report(DomainReport),
}

impl<'a> Checked<'a> {
    fn new(
        text: &'a str,
        cut_chars: Option<usize>,
        options: &Options,
        scratch: &mut Option<Scratch>,
    ) -> Checked<'a> {
        match cut_chars {
            None => Checked::Check(DomainCheck::with_scratch(
                text,
                options,
                scratch.take().unwrap_or_default(),
            )),
            Some(chars) => {
                let value = Value::String {
                    text: text.to_owned(),
                    lone_surrogates: false,
                    cut_from: Some(chars),
                };
                Checked::Report(icp_precheck::untyped::one_domain(&value, options, &[]))
            }
        }
    }

    fn ok(&self) -> bool {
        match self {
            Checked::Check(c) => c.ok(),
            Checked::Report(r) => r.ok,
        }
    }

    fn registrable(&self) -> (Option<&str>, Option<&str>) {
        match self {
            Checked::Check(c) => (c.registrable(), c.registrable_unicode()),
            Checked::Report(r) => (r.registrable.as_deref(), r.registrable_unicode.as_deref()),
        }
    }

    /// Each issue's severity, code and rendered message.
    fn issues(&self, mut f: impl FnMut(Severity, &'static str, Cow<'_, str>)) {
        match self {
            Checked::Check(c) => c.findings().for_each(|finding| {
                f(
                    finding.severity,
                    finding.code,
                    Cow::Owned(c.message(finding)),
                )
            }),
            Checked::Report(r) => r
                .issues
                .iter()
                .for_each(|i| f(i.severity, i.code, Cow::Borrowed(&i.message))),
        }
    }

    fn report(&self) -> Cow<'_, DomainReport> {
        match self {
            Checked::Check(c) => Cow::Owned(c.to_report()),
            Checked::Report(r) => Cow::Borrowed(r),
        }
    }

    fn recycle(self, scratch: &mut Option<Scratch>) {
        if let Checked::Check(c) = self {
            *scratch = Some(c.into_scratch());
        }
    }
}

impl Job {
    /// A plain list: one domain a line; blank lines are skipped.
    fn lines(&mut self, src: &mut Source, header: bool, ui: &mut Ui) -> Result<(), Stop> {
        if self.format == Format::Csv {
            self.sink
                .row(["line", "input"].into_iter().chain(VERDICT_COLUMNS))?;
        }
        let mut buf = Vec::with_capacity(256);
        let mut hinted = false;
        while let Some(line) = src.read_line(&mut buf)? {
            if header && line.number == 1 {
                continue;
            }
            if line.chars.is_none() && buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let (text, bad) = read::decode(&buf);
            if let Some(bad) = bad {
                let hint = if std::mem::replace(&mut hinted, true) {
                    ""
                } else {
                    read::GBK_HINT
                };
                ui.problem(
                    Problem::Encoding,
                    format_args!(
                        "{}:{}:{}: invalid UTF-8 (byte 0x{:02X}); checked with U+FFFD in its place{hint}",
                        src.name,
                        line.number,
                        bad.offset + 1,
                        bad.byte
                    ),
                );
            }
            let checked = Checked::new(&text, line.chars, &self.options, &mut self.scratch);
            let ok = checked.ok();
            if !self.sink.is_null() && ok_is_written(ok, self.errors_only) {
                self.write(&checked, &src.name, line.number, || {
                    vec![Cow::Owned(line.number.to_string()), Cow::Borrowed(&*text)]
                })?;
            }
            checked.recycle(&mut self.scratch);
            self.checked += 1;
            if !ok {
                ui.rejected()?;
            }
            ui.tick(self.checked, src.consumed);
            if src.buffer_is_empty() {
                self.sink.flush()?;
            }
        }
        Ok(())
    }

    /// A CSV file: the domain column is checked, the other columns are written back as read.
    fn csv(
        &mut self,
        src: &mut Source,
        args: &DomainsArgs,
        delimiter: u8,
        header: bool,
        ui: &mut Ui,
    ) -> Result<(), Stop> {
        let mut reader = CsvReader::new(delimiter);
        let mut rec = Record::default();
        let mut hinted = false;
        if !reader.read(src, &mut rec)? {
            if self.format == Format::Csv {
                self.sink
                    .row(["input"].into_iter().chain(VERDICT_COLUMNS))?;
            }
            return Ok(());
        }
        report_record(&rec, &src.name, None, None, &mut hinted, ui);
        let width = rec.fields().len();
        let (names, column, first_is_data) = if header {
            let names: Vec<String> = rec
                .fields()
                .iter()
                .map(|f| read::decode(&f.bytes).0.into_owned())
                .collect();
            let column = header_column(args.column.as_deref(), &names)?;
            (names, column, false)
        } else {
            let column = match args.column.as_deref() {
                Some(text) => match text.trim().parse::<usize>() {
                    Ok(n) if (1..=width).contains(&n) => n - 1,
                    Ok(n) => return Err(Stop::Fatal(format!("--column {n}: the first record has {width} fields"))),
                    Err(_) => return Err(Stop::Fatal(format!("--column {text:?}: a column name needs a header row; give a number from 1, or drop --no-header"))),
                },
                None if width == 1 => 0,
                None => {
                    return Err(Stop::Fatal(format!(
                        "which of the {width} columns holds the domains? give --column N (from 1), or a header row with a column named domain"
                    )))
                }
            };
            (
                (1..=width).map(|i| format!("column{i}")).collect(),
                column,
                true,
            )
        };
        if self.format == Format::Csv {
            self.sink
                .row(names.iter().map(String::as_str).chain(VERDICT_COLUMNS))?;
        }
        if first_is_data {
            self.record(&rec, &src.name, width, column, ui)?;
        }
        while reader.read(src, &mut rec)? {
            report_record(&rec, &src.name, Some(width), Some(header), &mut hinted, ui);
            self.record(&rec, &src.name, width, column, ui)?;
            ui.tick(self.checked, src.consumed);
            if src.buffer_is_empty() {
                self.sink.flush()?;
            }
        }
        Ok(())
    }

    fn record(
        &mut self,
        rec: &Record,
        name: &str,
        width: usize,
        column: usize,
        ui: &mut Ui,
    ) -> Result<(), Stop> {
        if rec
            .problems
            .iter()
            .any(|p| matches!(p, CsvProblem::Unterminated { .. }))
        {
            // Not a record: the rest of the input, read as one field.
            return Ok(());
        }
        let fields = rec.fields();
        let empty = read::Field::default();
        let field = fields.get(column).unwrap_or(&empty);
        let (text, _) = read::decode(&field.bytes);
        let checked = Checked::new(&text, field.cut_chars(), &self.options, &mut self.scratch);
        let ok = checked.ok();
        if !self.sink.is_null() && ok_is_written(ok, self.errors_only) {
            let line = rec.line;
            self.write(&checked, name, line, || {
                (0..width)
                    .map(|i| {
                        fields
                            .get(i)
                            .map_or(Cow::Borrowed(""), |f| read::decode(&f.bytes).0)
                    })
                    .collect()
            })?;
        }
        checked.recycle(&mut self.scratch);
        self.checked += 1;
        if !ok {
            ui.rejected()?;
        }
        Ok(())
    }

    /// Writes one checked domain; `columns` gives the CSV columns that come before the verdict.
    fn write<'c>(
        &mut self,
        checked: &Checked<'_>,
        name: &str,
        line: u64,
        columns: impl FnOnce() -> Vec<Cow<'c, str>>,
    ) -> Result<(), Stop> {
        let errors_only = self.errors_only;
        match self.format {
            Format::Csv => {
                let cells = &mut self.cells;
                cells.clear();
                checked.issues(|severity, code, message| {
                    cells.add(severity, code, &message, errors_only)
                });
                let (registrable, unicode) = checked.registrable();
                let before = columns();
                let cells = &self.cells;
                let verdict = [
                    if checked.ok() { "true" } else { "false" },
                    registrable.unwrap_or(""),
                    unicode.unwrap_or(""),
                    &cells.errors,
                    &cells.warnings,
                    &cells.messages,
                ];
                self.sink.row(
                    before
                        .iter()
                        .map(|c| c.as_bytes())
                        .chain(verdict.iter().map(|v| v.as_bytes())),
                )
            }
            Format::Json => {
                let report = checked.report();
                if errors_only {
                    let mut report = report.into_owned();
                    report.issues.retain(|i| i.severity == Severity::Error);
                    self.sink.json(&report)
                } else {
                    self.sink.json(&*report)
                }
            }
            Format::Text => {
                let input = match checked {
                    Checked::Check(c) => c.input().to_owned(),
                    Checked::Report(r) => r.input.clone(),
                };
                let (registrable, unicode) = checked.registrable();
                let verdict = match (checked.ok(), registrable, unicode) {
                    (false, _, _) => "rejected".to_owned(),
                    (true, Some(a), Some(u)) if a != u => format!("ok, files {u} ({a})"),
                    (true, Some(a), _) => format!("ok, files {a}"),
                    (true, None, _) => "ok".to_owned(),
                };
                self.sink.text(format_args!(
                    "{name}:{line}: {}: {verdict}\n",
                    output::one_line(&input)
                ))?;
                let mut lines = Vec::new();
                checked.issues(|severity, code, message| {
                    if !errors_only || severity == Severity::Error {
                        lines.push(format!(
                            "  {} {code}: {message}\n",
                            output::severity(severity)
                        ));
                    }
                });
                for l in lines {
                    self.sink.text(format_args!("{l}"))?;
                }
                Ok(())
            }
        }
    }
}

fn ok_is_written(ok: bool, errors_only: bool) -> bool {
    !(ok && errors_only)
}

/// The column of the domains in a header row: `--column` as a name, else as a number from 1;
/// else the first column with a domain-like name; else the only column.
fn header_column(column: Option<&str>, names: &[String]) -> Result<usize, Stop> {
    let find = |wanted: &str| {
        names
            .iter()
            .position(|n| n.trim().eq_ignore_ascii_case(wanted.trim()))
    };
    let listed = || {
        names
            .iter()
            .map(|n| format!("{:?}", n.trim()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match column {
        Some(text) => match (find(text), text.trim().parse::<usize>()) {
            (Some(i), _) => Ok(i),
            (None, Ok(n)) if (1..=names.len()).contains(&n) => Ok(n - 1),
            (None, Ok(n)) => Err(Stop::Fatal(format!(
                "--column {n}: the header row has {} columns",
                names.len()
            ))),
            (None, Err(_)) => Err(Stop::Fatal(format!(
                "--column {text:?}: no such column; the header row has {}",
                listed()
            ))),
        },
        None => match DOMAIN_COLUMNS.iter().find_map(|c| find(c)) {
            Some(i) => Ok(i),
            None if names.len() == 1 => Ok(0),
            None => Err(Stop::Fatal(format!(
                "which column holds the domains? give --column NAME or N; the header row has {}",
                listed()
            ))),
        },
    }
}

/// Names what is wrong with a record: its CSV problems, its field count against the header's
/// (`width`), its invalid UTF-8.
fn report_record(
    rec: &Record,
    name: &str,
    width: Option<usize>,
    header: Option<bool>,
    hinted: &mut bool,
    ui: &mut Ui,
) {
    let unterminated = rec
        .problems
        .iter()
        .any(|p| matches!(p, CsvProblem::Unterminated { .. }));
    for problem in &rec.problems {
        match problem {
            CsvProblem::AfterQuote { line, field } => ui.problem(
                Problem::Csv,
                format_args!("{name}:{line}: field {field}: text after the closing quote (kept as part of the field); a quote inside a quoted field is written twice (\"\")"),
            ),
            CsvProblem::Unterminated { line, end_line } => ui.problem(
                Problem::Csv,
                format_args!("{name}:{line}: unterminated quote: the quoted field that starts here never ends (the input ends inside it, at line {end_line}); the record is left out"),
            ),
            CsvProblem::LongQuoted { line, end_line, bytes } if !unterminated => ui.problem(
                Problem::Csv,
                format_args!("{name}:{line}: a quoted field runs to line {end_line} ({bytes} bytes): is a closing quote missing? (only its first {} bytes are kept)", read::MAX_LINE),
            ),
            CsvProblem::LongQuoted { .. } => {}
            CsvProblem::LongField { field, bytes } => ui.problem(
                Problem::Csv,
                format_args!("{name}:{}: field {field} is {bytes} bytes long; only its first {} are kept", rec.line, read::MAX_LINE),
            ),
            CsvProblem::TooManyFields => ui.problem(
                Problem::Csv,
                format_args!("{name}:{}: {} fields; only the first {} are kept", rec.line, rec.count, read::MAX_FIELDS),
            ),
        }
    }
    if let Some(width) = width {
        if rec.count != width {
            let of = if header == Some(true) {
                "the header row has"
            } else {
                "the first record has"
            };
            let what = if rec.count > width {
                "; the extra fields are left out of the output"
            } else {
                "; the missing fields are written empty"
            };
            ui.problem(
                Problem::Csv,
                format_args!(
                    "{name}:{}: {} fields, where {of} {width}{what}",
                    rec.line, rec.count
                ),
            );
        }
    }
    for (i, field) in rec.fields().iter().enumerate() {
        if let (_, Some(bad)) = read::decode(&field.bytes) {
            let hint = if std::mem::replace(hinted, true) {
                ""
            } else {
                read::GBK_HINT
            };
            ui.problem(
                Problem::Encoding,
                format_args!(
                    "{name}:{}: field {}: invalid UTF-8 (byte 0x{:02X} at byte {} of the field); read with U+FFFD in its place{hint}",
                    rec.line,
                    i + 1,
                    bad.byte,
                    bad.offset + 1
                ),
            );
            break;
        }
    }
}

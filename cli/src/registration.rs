//! `icp-precheck registration`: one WHOIS or RDAP answer a file, checked by
//! `untyped::check_registration_value` as JavaScript's `checkRegistration(text, options)`
//! checks it, with `options.entity` and `options.domain` from the command line.

use icp_precheck::input::Value;
use icp_precheck::RegistrationReport;

use crate::args::{Format, RegistrationArgs, Settings};
use crate::output::{self, Cells, Sink};
use crate::read::{self, Source};
use crate::ui::{Problem, Stop, Ui};

const CHECKS: [&str; 6] = [
    "domain",
    "registrar",
    "validity",
    "status",
    "realName",
    "holder",
];

pub fn run(args: &RegistrationArgs, settings: &Settings, ui: &mut Ui) -> Result<(), Stop> {
    let format = settings.format.unwrap_or(Format::Text);
    let mut more = Vec::new();
    if let Some(path) = &args.entity {
        let value = crate::filing::read_json_value(path)?;
        // A filing: its entity.
        let entity = match value.get("entity") {
            Some(entity @ Value::Object(_)) => entity.clone(),
            _ => value,
        };
        more.push(("entity".to_owned(), entity));
    } else if let Some(name) = &args.entity_name {
        let mut entity = vec![("name".to_owned(), Value::str(name.as_str()))];
        if let Some(kind) = settings.options.entity_type {
            entity.push(("type".to_owned(), Value::str(kind.key())));
        }
        more.push(("entity".to_owned(), Value::Object(entity)));
    }
    if let Some(domain) = &args.domain {
        more.push(("domain".to_owned(), Value::str(domain.as_str())));
    }
    let options = settings.options_value_with(more);
    let today = icp_precheck::options::system_today();
    let mut sink = Sink::new(format, settings.quiet);
    if format == Format::Csv {
        let checks = CHECKS.iter().map(|c| format!("check_{}", snake(c)));
        let head: Vec<String> = ["file", "ok", "domain", "registrar"]
            .iter()
            .map(|s| (*s).to_owned())
            .chain(checks)
            .chain(
                ["errors", "warnings", "messages"]
                    .iter()
                    .map(|s| (*s).to_owned()),
            )
            .collect();
        sink.row(&head)?;
    }
    let mut buf = Vec::new();
    let result = args.files.iter().try_for_each(|path| {
        let mut src = Source::open(Some(path))?;
        let length = src.read_all(&mut buf, icp_precheck::registration::MAX_TEXT)?;
        let input = if length > buf.len() {
            Value::String { text: String::new(), lone_surrogates: false, cut_from: Some(length) }
        } else {
            let (text, bad) = read::decode(&buf);
            if let Some(bad) = bad {
                let before = &buf[..bad.offset];
                let line = before.iter().filter(|b| **b == b'\n').count() + 1;
                let column = bad.offset - before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1) + 1;
                ui.problem(
                    Problem::Encoding,
                    format_args!("{}:{line}:{column}: invalid UTF-8 (byte 0x{:02X}); read with U+FFFD in its place{}", src.name, bad.byte, read::GBK_HINT),
                );
            }
            Value::str(text.into_owned())
        };
        let report = icp_precheck::untyped::check_registration_value(&input, &options, today);
        write(&mut sink, format, settings.errors_only, &src.name, &report)?;
        if !report.ok {
            ui.rejected()?;
        }
        Ok(())
    });
    sink.flush()?;
    result
}

fn snake(name: &str) -> String {
    name.chars()
        .flat_map(|c| {
            if c.is_ascii_uppercase() {
                vec!['_', c.to_ascii_lowercase()]
            } else {
                vec![c]
            }
        })
        .collect()
}

fn write(
    sink: &mut Sink,
    format: Format,
    errors_only: bool,
    name: &str,
    report: &RegistrationReport,
) -> Result<(), Stop> {
    if sink.is_null() || (errors_only && report.ok) {
        return Ok(());
    }
    let checks = serde_json::to_value(report.checks).unwrap_or_default();
    let check = |key: &str| {
        checks
            .get(key)
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_owned()
    };
    let registration = report.registration.as_ref();
    let domain = registration.and_then(|r| r.domain.as_deref()).unwrap_or("");
    let registrar = registration
        .and_then(|r| r.registrar.as_deref())
        .unwrap_or("");
    match format {
        Format::Json => {
            if errors_only {
                let mut kept = report.clone();
                kept.issues
                    .retain(|i| i.severity == icp_precheck::Severity::Error);
                sink.json(&kept)
            } else {
                sink.json(report)
            }
        }
        Format::Csv => {
            let mut cells = Cells::default();
            cells.add_all(&report.issues, errors_only);
            let mut row = vec![
                name.to_owned(),
                report.ok.to_string(),
                domain.to_owned(),
                registrar.to_owned(),
            ];
            row.extend(CHECKS.iter().map(|c| check(c)));
            row.extend([cells.errors, cells.warnings, cells.messages]);
            sink.row(&row)
        }
        Format::Text => {
            let verdict = if report.ok { "ok" } else { "rejected" };
            let what = match (domain, registrar) {
                ("", "") => String::new(),
                (d, "") => format!(" ({d})"),
                ("", r) => format!(" (registrar {r})"),
                (d, r) => format!(" ({d}, registrar {r})"),
            };
            sink.text(format_args!("{name}: {verdict}{what}\n"))?;
            let list: Vec<String> = CHECKS.iter().map(|c| format!("{c} {}", check(c))).collect();
            sink.text(format_args!("  checks: {}\n", list.join(", ")))?;
            output::text_issues(sink, &report.issues, errors_only, "(answer)")
        }
    }
}

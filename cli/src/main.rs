//! `icp-precheck`: the checks of the `icp_precheck` library from a terminal or a CI job.
//!
//! - `domains`: a plain list (one domain or pasted URL a line) or a CSV column, streamed: one
//!   line or record is read, checked and written at a time, so a million lines run in the
//!   memory of one.
//! - `filing`: filings as JSON (one object, an array, or JSON lines), read as JavaScript's
//!   `validateFiling` reads them (the library's untyped entry point, `untyped.rs`).
//! - `registration`: WHOIS or RDAP answers, checked as `checkRegistration` checks them.
//!
//! Exit status as ripgrep's: 0 nothing would be rejected, 1 something would, 2 usage or I/O
//! errors and input that could not be read as given.

mod domains;
mod filing;
mod jsonvalue;
mod output;
mod registration;

use icp_precheck_cli::{args, read, ui};

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    let settings = match args::Settings::from_cli(&cli) {
        Ok(settings) => settings,
        Err(message) => {
            let _ = writeln!(std::io::stderr(), "icp-precheck: {message}");
            return ExitCode::from(2);
        }
    };
    let mut ui = ui::Ui::new(&settings);
    let result = match &cli.command {
        args::Command::Domains(a) => domains::run(a, &settings, &mut ui),
        args::Command::Filing(a) => filing::run(a, &settings, &mut ui),
        args::Command::Registration(a) => registration::run(a, &settings, &mut ui),
    };
    ui.finish();
    match result {
        Ok(()) => {}
        Err(ui::Stop::BrokenPipe) => {}
        Err(ui::Stop::Rejected) => return ExitCode::from(1),
        Err(ui::Stop::Fatal(message)) => {
            let _ = writeln!(std::io::stderr(), "icp-precheck: {message}");
            return ExitCode::from(2);
        }
    }
    ExitCode::from(ui.status())
}

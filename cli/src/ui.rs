//! Standard error: diagnostics with their positions (a few of each kind, then a count), the
//! progress line, and the exit status they add up to.

use std::io::{IsTerminal as _, Write as _};
use std::time::{Duration, Instant};

use crate::args::Settings;

/// Why a command stopped before the end of its input.
#[derive(Debug)]
pub enum Stop {
    /// `--quiet` and an input would be rejected: nothing more to learn.
    Rejected,
    /// The reader of the output went away (`| head`): stop quietly.
    BrokenPipe,
    /// Nothing more can be done (a file that cannot be opened, JSON that cannot be followed).
    Fatal(String),
}

impl Stop {
    /// An error writing the output.
    pub fn output(error: std::io::Error) -> Stop {
        match error.kind() {
            std::io::ErrorKind::BrokenPipe => Stop::BrokenPipe,
            _ => Stop::Fatal(format!("writing the output: {error}")),
        }
    }
}

impl From<csv::Error> for Stop {
    fn from(error: csv::Error) -> Stop {
        match error.into_kind() {
            csv::ErrorKind::Io(e) => Stop::output(e),
            other => Stop::Fatal(format!("writing the output: {other:?}")),
        }
    }
}

/// Kinds of input problem; each shows its first [`SHOWN`] occurrences, then only counts.
#[derive(Clone, Copy, Debug)]
pub enum Problem {
    Encoding = 0,
    Csv = 1,
    Json = 2,
}

const SHOWN: u64 = 20;
const KINDS: [&str; 3] = ["lines with invalid UTF-8", "CSV problems", "JSON problems"];

/// Show the progress line once a run has taken this long (short runs never see it).
const PROGRESS_AFTER: Duration = Duration::from_millis(500);
/// At most ten updates a second.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

pub struct Ui {
    quiet: bool,
    rejected: bool,
    problems: [u64; 3],
    progress: Option<Progress>,
    progress_allowed: bool,
}

struct Progress {
    unit: &'static str,
    total_bytes: Option<u64>,
    start: Instant,
    last: Option<Instant>,
    shown: bool,
}

impl Ui {
    pub fn new(settings: &Settings) -> Ui {
        // A terminal to draw on, and output that does not scroll over the line: when the
        // output is the terminal too, the output itself shows how far the run is.
        let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
        let progress_allowed = settings.progress
            && !dumb
            && std::io::stderr().is_terminal()
            && (settings.quiet || !std::io::stdout().is_terminal());
        Ui {
            quiet: settings.quiet,
            rejected: false,
            problems: [0; 3],
            progress: None,
            progress_allowed,
        }
    }

    /// An input would be rejected. With `--quiet` that is all there is to know.
    pub fn rejected(&mut self) -> Result<(), Stop> {
        self.rejected = true;
        if self.quiet {
            return Err(Stop::Rejected);
        }
        Ok(())
    }

    /// Input that is not what it should be (counted for exit status 2), at a position the
    /// message names.
    pub fn problem(&mut self, kind: Problem, message: std::fmt::Arguments<'_>) {
        let count = &mut self.problems[kind as usize];
        *count += 1;
        if *count <= SHOWN {
            self.clear_progress();
            let _ = writeln!(std::io::stderr(), "{message}");
        }
    }

    /// Something the user should know that is not an error (an empty file).
    pub fn note(&mut self, message: std::fmt::Arguments<'_>) {
        self.clear_progress();
        let _ = writeln!(std::io::stderr(), "icp-precheck: {message}");
    }

    /// Starts counting `unit`s (lines, records, filings) for the progress line; `total_bytes`
    /// when the input's size is known.
    pub fn start_progress(&mut self, unit: &'static str, total_bytes: Option<u64>) {
        self.clear_progress();
        self.progress = self.progress_allowed.then(|| Progress {
            unit,
            total_bytes,
            start: Instant::now(),
            last: None,
            shown: false,
        });
    }

    /// `items` done so far and `bytes` read; cheap enough for every item.
    #[inline]
    pub fn tick(&mut self, items: u64, bytes: u64) {
        if items % 128 != 0 {
            return;
        }
        let Some(p) = &mut self.progress else { return };
        let now = Instant::now();
        let elapsed = now.duration_since(p.start);
        if elapsed < PROGRESS_AFTER
            || p.last
                .is_some_and(|last| now.duration_since(last) < PROGRESS_EVERY)
        {
            return;
        }
        p.last = Some(now);
        p.shown = true;
        let rate = items as f64 / elapsed.as_secs_f64();
        let share = match p.total_bytes {
            Some(total) if total > 0 => format!(
                " ({:.0}%)",
                (bytes as f64 * 100.0 / total as f64).min(100.0)
            ),
            _ => String::new(),
        };
        let _ = write!(
            std::io::stderr(),
            "\r\x1b[2Kicp-precheck: {} {}{share}, {} checks/s",
            thousands(items),
            p.unit,
            thousands(rate as u64)
        );
    }

    fn clear_progress(&mut self) {
        if let Some(p) = &mut self.progress {
            if p.shown {
                let _ = write!(std::io::stderr(), "\r\x1b[2K");
                p.shown = false;
                // Drawn again at the next tick, after the message.
                p.last = None;
            }
        }
    }

    /// Clears the progress line and says how many problems were not shown.
    pub fn finish(&mut self) {
        self.clear_progress();
        self.progress = None;
        for (count, what) in self.problems.iter().zip(KINDS) {
            if *count > SHOWN {
                let _ = writeln!(
                    std::io::stderr(),
                    "icp-precheck: {} {what} in all ({} not shown)",
                    thousands(*count),
                    thousands(count - SHOWN)
                );
            }
        }
    }

    /// 2 when some input could not be read as given, else 1 when something would be
    /// rejected, else 0.
    pub fn status(&self) -> u8 {
        if self.problems.iter().any(|c| *c > 0) {
            2
        } else if self.rejected {
            1
        } else {
            0
        }
    }
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

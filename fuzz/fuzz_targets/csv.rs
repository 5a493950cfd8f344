//! The command line's CSV reader (`cli/src/read.rs`) on arbitrary bytes, with each delimiter
//! it accepts: no panic, it ends, every record starts on a line at or after the last one's and
//! within the input, keeps at most `MAX_FIELDS` fields and counts the rest, and every problem
//! it reports names a line of the input.
#![no_main]

use icp_precheck_cli::read::{CsvProblem, CsvReader, Record, Source, MAX_FIELDS};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, bytes)) = data.split_first() else { return };
    let delimiter = [b',', b';', b'\t', b'|'][usize::from(choice % 4)];
    let lines = 1 + bytes.iter().filter(|b| **b == b'\n' || **b == b'\r').count() as u64;
    let mut source = Source::from_reader("fuzz".into(), Box::new(std::io::Cursor::new(bytes.to_vec())));
    let mut reader = CsvReader::new(delimiter);
    let mut record = Record::default();
    let mut last_line = 0;
    let mut records = 0usize;
    while reader.read(&mut source, &mut record).unwrap_or(false) {
        records += 1;
        assert!(records <= bytes.len() + 1, "more records than bytes");
        assert!(record.line >= last_line && record.line <= lines, "line {} after {last_line} of {lines}", record.line);
        last_line = record.line;
        assert!(record.fields().len() <= MAX_FIELDS && record.count >= record.fields().len());
        for problem in &record.problems {
            let named = match problem {
                CsvProblem::AfterQuote { line, .. } => vec![*line],
                CsvProblem::Unterminated { line, end_line } | CsvProblem::LongQuoted { line, end_line, .. } => vec![*line, *end_line],
                CsvProblem::LongField { .. } | CsvProblem::TooManyFields => vec![],
            };
            assert!(named.iter().all(|l| *l >= 1 && *l <= lines), "{problem:?} of {lines} lines");
        }
    }
});

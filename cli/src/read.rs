//! Reading input in constant memory: a [`Source`] (a file or standard input, its byte-order
//! mark, its line count), lines of at most [`MAX_LINE`] bytes, CSV records of fields of at most
//! as much, and the UTF-8 check with the position of the first bad byte.
//!
//! The CSV reader is RFC 4180 with the leniency of the `csv` crate and Python's `csv` module
//! (text after a closing quote is kept, a quote inside an unquoted field is a quote), but it
//! names every departure with its line, and it tells a quote that is never closed from a long
//! field, which neither of those does.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use crate::ui::Stop;

/// The most bytes kept of one line or one CSV field: the library's limit on one string
/// (`input::MAX_STRING`, 65,536). A longer one is cut here; its full length is still counted,
/// so the report says how long it was (`domain.too_long`).
pub const MAX_LINE: usize = icp_precheck::input::MAX_STRING;
/// The most fields kept of one CSV record; the rest are counted, not kept.
pub const MAX_FIELDS: usize = 4_096;

/// A file or standard input, read through one 64 KiB buffer.
pub struct Source {
    /// As messages name it: the path as given, or `<stdin>`.
    pub name: String,
    reader: BufReader<Box<dyn Read>>,
    /// The file's size, when it is a regular file (for the progress line).
    pub size: Option<u64>,
    /// Bytes consumed so far.
    pub consumed: u64,
    /// Line terminators consumed so far: the line being read is `lines + 1`.
    pub lines: u64,
}

impl Source {
    /// Opens `path`, or standard input for `None` or `-`.
    pub fn open(path: Option<&Path>) -> Result<Source, Stop> {
        let path = path.filter(|p| *p != Path::new("-"));
        let (name, reader, size): (String, Box<dyn Read>, Option<u64>) = match path {
            None => (
                "<stdin>".to_owned(),
                Box::new(std::io::stdin().lock()),
                None,
            ),
            Some(path) => {
                let name = path.display().to_string();
                let file = File::open(path)
                    .map_err(|e| Stop::Fatal(format!("{name}: {}", describe(&e))))?;
                let meta = file
                    .metadata()
                    .map_err(|e| Stop::Fatal(format!("{name}: {}", describe(&e))))?;
                if meta.is_dir() {
                    return Err(Stop::Fatal(format!("{name}: is a directory")));
                }
                (name, Box::new(file), meta.is_file().then_some(meta.len()))
            }
        };
        let mut source = Source::from_reader(name, reader);
        source.size = size;
        source.skip_bom()?;
        Ok(source)
    }

    /// A source over any reader (a file, standard input, bytes in memory), its BOM not yet
    /// looked at.
    pub fn from_reader(name: String, reader: Box<dyn Read>) -> Source {
        Source { name, reader: BufReader::with_capacity(1 << 16, reader), size: None, consumed: 0, lines: 0 }
    }

    /// Skips a UTF-8 byte-order mark (Excel writes one); refuses UTF-16 and UTF-32, which
    /// Windows tools still write, with the command that converts them.
    fn skip_bom(&mut self) -> Result<(), Stop> {
        let start = self.fill()?;
        let utf =
            if start.starts_with(&[0xFF, 0xFE, 0, 0]) || start.starts_with(&[0, 0, 0xFE, 0xFF]) {
                Some("UTF-32")
            } else if start.starts_with(&[0xFF, 0xFE]) || start.starts_with(&[0xFE, 0xFF]) {
                Some("UTF-16")
            } else {
                None
            };
        if let Some(utf) = utf {
            return Err(Stop::Fatal(format!(
                "{name}: this is {utf} text (it starts with a {utf} byte-order mark), not UTF-8; convert it first: iconv -f {utf} -t UTF-8 {name}",
                name = self.name
            )));
        }
        if start.starts_with(&[0xEF, 0xBB, 0xBF]) {
            self.consume(3);
        }
        Ok(())
    }

    fn fill(&mut self) -> Result<&[u8], Stop> {
        loop {
            match self.reader.fill_buf() {
                Ok(_) => break,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(Stop::Fatal(format!("{}: {}", self.name, describe(&e)))),
            }
        }
        Ok(self.reader.buffer())
    }

    fn consume(&mut self, n: usize) {
        self.reader.consume(n);
        self.consumed += n as u64;
    }

    /// Nothing is buffered: the next read may wait for more input (the moment to flush the
    /// output, so that a slow pipe sees its answers as they come).
    pub fn buffer_is_empty(&self) -> bool {
        self.reader.buffer().is_empty()
    }

    /// Everything left, up to `max` bytes kept (`buf`); returns the whole length. For one
    /// answer a file (`registration`), and for JSON documents.
    pub fn read_all(&mut self, buf: &mut Vec<u8>, max: usize) -> Result<usize, Stop> {
        buf.clear();
        let mut length = 0;
        loop {
            let chunk = self.fill()?;
            if chunk.is_empty() {
                return Ok(length);
            }
            let n = chunk.len();
            let room = max.saturating_sub(buf.len()).min(n);
            buf.extend_from_slice(&chunk[..room]);
            length += n;
            self.lines += memchr::memchr_iter(b'\n', chunk).count() as u64;
            self.consume(n);
        }
    }

    /// The next line, without its `\n` or `\r\n`, at most [`MAX_LINE`] bytes of it in `buf`
    /// (cut on a character boundary). `None` at the end of the input.
    pub fn read_line(&mut self, buf: &mut Vec<u8>) -> Result<Option<Line>, Stop> {
        self.read_line_max(buf, MAX_LINE)
    }

    /// [`read_line`](Self::read_line), keeping at most `max` bytes.
    pub fn read_line_max(&mut self, buf: &mut Vec<u8>, max: usize) -> Result<Option<Line>, Stop> {
        buf.clear();
        let mut length = 0usize;
        let mut skipped_chars = 0usize;
        let mut last = None;
        let mut any = false;
        loop {
            let chunk = self.fill()?;
            if chunk.is_empty() {
                if !any {
                    return Ok(None);
                }
                break;
            }
            any = true;
            let (part, used, end) = match memchr::memchr(b'\n', chunk) {
                Some(i) => (&chunk[..i], i + 1, true),
                None => (chunk, chunk.len(), false),
            };
            if let Some(b) = part.last() {
                last = Some(*b);
            }
            length += part.len();
            let room = max.saturating_sub(buf.len()).min(part.len());
            buf.extend_from_slice(&part[..room]);
            skipped_chars += count_chars(&part[room..]);
            self.consume(used);
            if end {
                break;
            }
        }
        self.lines += 1;
        if last == Some(b'\r') {
            length -= 1;
            if length < buf.len() {
                buf.pop();
            } else {
                skipped_chars -= 1;
            }
        }
        let cut = length > buf.len();
        let chars = cut.then(|| count_chars(buf) + skipped_chars);
        if cut {
            cut_to_boundary(buf);
        }
        Ok(Some(Line {
            number: self.lines,
            length,
            chars,
        }))
    }
}

impl Source {
    /// Skips white space (counting lines); the next byte, if any.
    pub fn skip_whitespace(&mut self) -> Result<Option<u8>, Stop> {
        loop {
            let chunk = self.fill()?;
            let Some(&first) = chunk.first() else {
                return Ok(None);
            };
            let n = chunk.iter().take_while(|b| b.is_ascii_whitespace()).count();
            if n == 0 {
                return Ok(Some(first));
            }
            self.lines += memchr::memchr_iter(b'\n', &chunk[..n]).count() as u64;
            self.consume(n);
        }
    }
}

/// Where a [`Tracked`] reader is: the line being read, and the line of the first byte of the
/// current value (set by the first byte that is not white space or punctuation between
/// values after [`Position::start`] was cleared).
#[derive(Clone, Copy, Debug, Default)]
pub struct Position {
    pub lines: u64,
    pub start: Option<u64>,
}

/// A [`Source`] (after `prefix`, bytes already taken from it) as a `Read` for serde_json,
/// which reads a byte at a time, with the line of each value it reads in `position`.
pub struct Tracked<'s> {
    pub src: &'s mut Source,
    pub prefix: std::io::Cursor<Vec<u8>>,
    pub position: std::rc::Rc<std::cell::Cell<Position>>,
}

impl Read for Tracked<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = match self.prefix.read(out)? {
            0 => {
                let chunk = self.src.reader.fill_buf()?;
                let n = chunk.len().min(out.len());
                out[..n].copy_from_slice(&chunk[..n]);
                self.src.consume(n);
                n
            }
            n => n,
        };
        let mut p = self.position.get();
        for &b in &out[..n] {
            if b == b'\n' {
                p.lines += 1;
            } else if p.start.is_none() && !matches!(b, b' ' | b'\t' | b'\r' | b',' | b'[' | b']') {
                p.start = Some(p.lines + 1);
            }
        }
        self.position.set(p);
        Ok(n)
    }
}

/// A line [`Source::read_line`] read.
#[derive(Clone, Copy, Debug)]
pub struct Line {
    /// From 1.
    pub number: u64,
    /// In bytes, without the terminator.
    pub length: usize,
    /// In characters, when the line was longer than [`MAX_LINE`] and cut (else not counted).
    pub chars: Option<usize>,
}

/// An I/O error as a person reads it (`No such file or directory`, without `(os error 2)`).
pub fn describe(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| (**b as i8) >= -0x40).count()
}

/// Drops an incomplete UTF-8 sequence at the end of a cut text.
fn cut_to_boundary(buf: &mut Vec<u8>) {
    if let Err(e) = std::str::from_utf8(buf) {
        if e.error_len().is_none() {
            buf.truncate(e.valid_up_to());
        }
    }
}

/// Where a text stops being UTF-8.
#[derive(Clone, Copy, Debug)]
pub struct BadUtf8 {
    /// Byte offset from 0.
    pub offset: usize,
    /// The offending byte.
    pub byte: u8,
}

/// `bytes` as text: borrowed when it is UTF-8; else with U+FFFD in place of each bad
/// sequence, and where the first one is.
pub fn decode(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, Option<BadUtf8>) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (std::borrow::Cow::Borrowed(text), None),
        Err(e) => {
            let offset = e.valid_up_to();
            let bad = BadUtf8 {
                offset,
                byte: bytes.get(offset).copied().unwrap_or(0),
            };
            (String::from_utf8_lossy(bytes), Some(bad))
        }
    }
}

/// What to say about bad UTF-8, the first time: the usual cause in China is a file saved as
/// GBK / GB18030 (Excel on a Chinese Windows).
pub const GBK_HINT: &str = " (a file saved by Excel or Notepad on a Chinese Windows is often GB18030/GBK: convert it with `iconv -f GB18030 -t UTF-8`)";

// ----- CSV -----

/// One CSV field as read.
#[derive(Debug, Default, Clone)]
pub struct Field {
    /// At most [`MAX_LINE`] bytes of it, cut on a character boundary.
    pub bytes: Vec<u8>,
    /// Its whole length in bytes.
    pub length: usize,
    /// Characters beyond what `bytes` kept.
    skipped_chars: usize,
    quoted: bool,
    /// The line its opening quote is on.
    open_line: u64,
}

impl Field {
    fn clear(&mut self) {
        self.bytes.clear();
        self.length = 0;
        self.skipped_chars = 0;
        self.quoted = false;
    }

    #[inline]
    fn push(&mut self, b: u8) {
        self.length += 1;
        if self.bytes.len() < MAX_LINE {
            self.bytes.push(b);
        } else if (b as i8) >= -0x40 {
            self.skipped_chars += 1;
        }
    }

    /// Its length in characters when it was cut, else `None`.
    pub fn cut_chars(&self) -> Option<usize> {
        (self.length > self.bytes.len()).then(|| count_chars(&self.bytes) + self.skipped_chars)
    }
}

/// A departure from RFC 4180, with where it is.
#[derive(Debug, Clone)]
pub enum CsvProblem {
    /// Text after a closing quote (`"a"b`): kept, as the `csv` crate and Python do.
    AfterQuote { line: u64, field: usize },
    /// A quote opened on `line` and never closed: the rest of the input was one field.
    Unterminated { line: u64, end_line: u64 },
    /// A quoted field longer than [`MAX_LINE`], over several lines: most likely a missing quote.
    LongQuoted {
        line: u64,
        end_line: u64,
        bytes: usize,
    },
    /// A field longer than [`MAX_LINE`]: cut.
    LongField { field: usize, bytes: usize },
    /// More than [`MAX_FIELDS`] fields: the rest were counted, not kept.
    TooManyFields,
}

/// One CSV record.
#[derive(Debug, Default)]
pub struct Record {
    /// The fields; only the first `count` (at most [`MAX_FIELDS`]) are this record's.
    fields: Vec<Field>,
    /// How many fields the record has (also beyond [`MAX_FIELDS`]).
    pub count: usize,
    /// The line it starts on.
    pub line: u64,
    pub problems: Vec<CsvProblem>,
    overflow: Field,
}

impl Record {
    pub fn fields(&self) -> &[Field] {
        &self.fields[..self.count.min(MAX_FIELDS)]
    }

    fn start(&mut self, line: u64) {
        self.count = 0;
        self.line = line;
        self.problems.clear();
        self.current().clear();
    }

    fn current(&mut self) -> &mut Field {
        if self.count >= MAX_FIELDS {
            return &mut self.overflow;
        }
        if self.fields.len() <= self.count {
            self.fields.push(Field::default());
        }
        &mut self.fields[self.count]
    }

    fn end_field(&mut self, line: u64) {
        let index = self.count;
        let field = self.current();
        let (quoted, open_line, length) = (field.quoted, field.open_line, field.length);
        if length > MAX_LINE {
            cut_to_boundary(&mut field.bytes);
            let problem = match quoted && open_line < line {
                true => CsvProblem::LongQuoted {
                    line: open_line,
                    end_line: line,
                    bytes: length,
                },
                false => CsvProblem::LongField {
                    field: index + 1,
                    bytes: length,
                },
            };
            self.problems.push(problem);
        }
        self.count += 1;
        if self.count == MAX_FIELDS + 1 {
            self.problems.push(CsvProblem::TooManyFields);
        }
        self.current().clear();
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: the end of the field, or the first of two.
    QuoteInQuoted,
}

/// Reads CSV records from a [`Source`].
pub struct CsvReader {
    delimiter: u8,
    /// The last record ended with `\r`: a `\n` right after it belongs to it.
    pending_cr: bool,
    /// The last byte read was a line terminator (for the line an unterminated quote ends on).
    at_line_start: bool,
}

impl CsvReader {
    pub fn new(delimiter: u8) -> CsvReader {
        CsvReader {
            delimiter,
            pending_cr: false,
            at_line_start: true,
        }
    }

    /// The next record; `false` at the end of the input. Empty lines are skipped.
    pub fn read(&mut self, src: &mut Source, rec: &mut Record) -> Result<bool, Stop> {
        let delimiter = self.delimiter;
        let mut state = State::FieldStart;
        let mut started = false;
        loop {
            // `src.lines` is only read and written between chunks; within one it is counted here.
            let mut lines = src.lines;
            let chunk = src.fill()?;
            if chunk.is_empty() {
                if state == State::Quoted {
                    let line = rec.current().open_line;
                    let end_line = if self.at_line_start { lines } else { lines + 1 };
                    rec.problems
                        .push(CsvProblem::Unterminated { line, end_line });
                }
                if !started {
                    return Ok(false);
                }
                rec.end_field(lines + 1);
                return Ok(true);
            }
            let mut used = 0;
            let mut done = false;
            for &b in chunk {
                used += 1;
                if self.pending_cr {
                    self.pending_cr = false;
                    if b == b'\n' {
                        continue;
                    }
                }
                if !started {
                    // Empty lines between records are skipped.
                    if b == b'\n' {
                        lines += 1;
                        continue;
                    }
                    if b == b'\r' {
                        lines += 1;
                        self.pending_cr = true;
                        continue;
                    }
                    started = true;
                    rec.start(lines + 1);
                }
                match state {
                    State::FieldStart | State::Unquoted => {
                        if b == delimiter {
                            rec.end_field(lines + 1);
                            state = State::FieldStart;
                        } else if b == b'\n' || b == b'\r' {
                            rec.end_field(lines + 1);
                            lines += 1;
                            self.pending_cr = b == b'\r';
                            done = true;
                            break;
                        } else if b == b'"' && state == State::FieldStart {
                            let field = rec.current();
                            field.quoted = true;
                            field.open_line = lines + 1;
                            state = State::Quoted;
                        } else {
                            rec.current().push(b);
                            state = State::Unquoted;
                        }
                    }
                    State::Quoted => {
                        if b == b'"' {
                            state = State::QuoteInQuoted;
                        } else {
                            if b == b'\n' {
                                lines += 1;
                            }
                            rec.current().push(b);
                        }
                    }
                    State::QuoteInQuoted => {
                        if b == b'"' {
                            rec.current().push(b'"');
                            state = State::Quoted;
                        } else if b == delimiter {
                            rec.end_field(lines + 1);
                            state = State::FieldStart;
                        } else if b == b'\n' || b == b'\r' {
                            rec.end_field(lines + 1);
                            lines += 1;
                            self.pending_cr = b == b'\r';
                            done = true;
                            break;
                        } else {
                            let field = rec.count + 1;
                            rec.problems.push(CsvProblem::AfterQuote {
                                line: lines + 1,
                                field,
                            });
                            rec.current().push(b);
                            state = State::Unquoted;
                        }
                    }
                }
            }
            if let Some(&last) = chunk[..used].last() {
                // A `\r` ends a line everywhere but inside quotes, where only `\n` is counted.
                self.at_line_start = last == b'\n' || (last == b'\r' && state != State::Quoted);
            }
            src.lines = lines;
            src.consume(used);
            if done {
                return Ok(true);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(bytes: &[u8]) -> Source {
        Source {
            name: "t".into(),
            reader: BufReader::with_capacity(7, Box::new(std::io::Cursor::new(bytes.to_vec()))),
            size: None,
            consumed: 0,
            lines: 0,
        }
    }

    #[test]
    fn an_unterminated_quote_ends_on_a_line_at_or_after_its_own() {
        // A lone carriage return inside quotes is not a line end (found by fuzz/fuzz_targets/csv.rs).
        for bytes in [&b"a,\"x\r"[..], b"\"x\n", b"\"x", b"\"x\r\ny\r"] {
            let mut src = source(bytes);
            let mut rec = Record::default();
            assert!(CsvReader::new(b',').read(&mut src, &mut rec).unwrap());
            let Some(CsvProblem::Unterminated { line, end_line }) = rec.problems.first() else { panic!("{bytes:?}: {:?}", rec.problems) };
            assert!(end_line >= line, "{bytes:?}: {line} to {end_line}");
        }
    }

    fn records(bytes: &[u8]) -> Vec<(u64, Vec<String>, usize)> {
        let mut src = source(bytes);
        let mut reader = CsvReader::new(b',');
        let mut rec = Record::default();
        let mut out = Vec::new();
        while reader.read(&mut src, &mut rec).unwrap() {
            let fields = rec
                .fields()
                .iter()
                .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
                .collect();
            out.push((rec.line, fields, rec.problems.len()));
        }
        out
    }

    #[test]
    fn csv_records_and_their_lines() {
        let got = records(b"a,b\r\n\"x,\"\"y\"\"\",2\n\n\"multi\nline\",3\nlast,");
        assert_eq!(
            got,
            vec![
                (1, vec!["a".into(), "b".into()], 0),
                (2, vec!["x,\"y\"".into(), "2".into()], 0),
                (4, vec!["multi\nline".into(), "3".into()], 0),
                (6, vec!["last".into(), "".into()], 0),
            ]
        );
    }

    #[test]
    fn csv_problems() {
        let got = records(b"a,\"b\"c\nd,\"never closed\ne,f\n");
        assert_eq!(got[0].1, vec!["a".to_string(), "bc".to_string()]);
        assert_eq!(got[0].2, 1);
        assert_eq!(got[1].1[1], "never closed\ne,f\n");
        let mut src = source(b"x,\"open\n");
        let mut rec = Record::default();
        assert!(CsvReader::new(b',').read(&mut src, &mut rec).unwrap());
        assert!(
            matches!(
                rec.problems[0],
                CsvProblem::Unterminated {
                    line: 1,
                    end_line: 1
                }
            ),
            "{:?}",
            rec.problems
        );
    }

    #[test]
    fn long_lines_are_cut_and_counted() {
        let mut input = "é".repeat(MAX_LINE).into_bytes();
        input.extend_from_slice(b"\r\nnext\n");
        let mut src = source(&input);
        let mut buf = Vec::new();
        let line = src.read_line(&mut buf).unwrap().unwrap();
        assert_eq!(line.length, 2 * MAX_LINE);
        assert_eq!(line.chars, Some(MAX_LINE));
        assert_eq!(buf.len(), MAX_LINE);
        assert!(std::str::from_utf8(&buf).is_ok());
        let line = src.read_line(&mut buf).unwrap().unwrap();
        assert_eq!((line.number, &buf[..]), (2, &b"next"[..]));
        assert!(src.read_line(&mut buf).unwrap().is_none());
    }
}

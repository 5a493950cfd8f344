//! JSON text (RFC 8259; an RDAP answer pasted or fetched as text) read straight into the crate's
//! untyped [`Value`], with the limits the JavaScript boundary applies to objects: at most
//! [`MAX_DEPTH`] levels and [`MAX_VALUES`] values are kept, and what lies deeper or beyond is
//! still checked for well-formedness but not stored. The reader keeps no stack of its own
//! beyond [`MAX_DEPTH`] frames, so a hundred thousand `[` cost a loop, not a stack overflow.
//!
//! Written here rather than taken from serde_json because only `Value` is needed, and
//! serde_json's deserializer with its exact float parsing would add more to the WebAssembly
//! download than the rest of domain verification. Numbers are read exactly when they are whole
//! and within ±2^53 (every number RDAP has: error codes, IANA IDs); others approximately
//! ([`number_value`]).

use super::Unreadable;
use crate::value::{Value, MAX_DEPTH, MAX_VALUES};

/// Parses JSON text.
pub fn parse(text: &str) -> Result<Value, Unreadable> {
    let mut reader = Reader { bytes: text.as_bytes(), at: 0, budget: MAX_VALUES };
    reader.space();
    let value = reader.value(0)?;
    reader.space();
    if reader.at < reader.bytes.len() {
        return Err(reader.error());
    }
    Ok(value)
}

struct Reader<'t> {
    bytes: &'t [u8],
    at: usize,
    budget: usize,
}

impl Reader<'_> {
    fn error(&self) -> Unreadable {
        let before = self.bytes.get(..self.at).unwrap_or(self.bytes);
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = before.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        Unreadable::Json { line, column: self.at - line_start + 1 }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), Unreadable> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error())
        }
    }

    fn literal(&mut self, word: &[u8], value: Value) -> Result<Value, Unreadable> {
        if self.bytes.get(self.at..self.at + word.len()) == Some(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error())
        }
    }

    /// One value; `depth` containers enclose it.
    fn value(&mut self, depth: usize) -> Result<Value, Unreadable> {
        let kept = self.budget > 0;
        self.budget = self.budget.saturating_sub(1);
        let value = match self.peek() {
            Some(b'{' | b'[') if depth >= MAX_DEPTH => {
                self.skip_container()?;
                return Ok(Value::TooDeep);
            }
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Value::str(self.string()?),
            Some(b't') => self.literal(b"true", Value::Bool(true))?,
            Some(b'f') => self.literal(b"false", Value::Bool(false))?,
            Some(b'n') => self.literal(b"null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => Value::Number(self.number()?),
            _ => return Err(self.error()),
        };
        Ok(if kept { value } else { Value::TooLarge })
    }

    fn array(&mut self, depth: usize) -> Result<Value, Unreadable> {
        self.expect(b'[')?;
        let mut items = Vec::new();
        let mut length = 0;
        self.space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array { items, length });
        }
        loop {
            self.space();
            let item = self.value(depth + 1)?;
            length += 1;
            if item != Value::TooLarge {
                items.push(item);
            }
            self.space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array { items, length });
                }
                _ => return Err(self.error()),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, Unreadable> {
        self.expect(b'{')?;
        let mut fields = Vec::new();
        self.space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(fields));
        }
        loop {
            self.space();
            let key = self.string()?;
            self.space();
            self.expect(b':')?;
            self.space();
            let value = self.value(depth + 1)?;
            if value != Value::TooLarge {
                fields.push((key, value));
            }
            self.space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(fields));
                }
                _ => return Err(self.error()),
            }
        }
    }

    /// A container too deep to keep: checked for balance and well-formed strings without
    /// recursion (the grammar of what is inside is not checked further).
    fn skip_container(&mut self) -> Result<(), Unreadable> {
        let mut open: usize = 0;
        while let Some(byte) = self.peek() {
            match byte {
                b'"' => {
                    self.string()?;
                    continue;
                }
                b'{' | b'[' => open += 1,
                b'}' | b']' => {
                    open = open.checked_sub(1).ok_or_else(|| self.error())?;
                    if open == 0 {
                        self.at += 1;
                        return Ok(());
                    }
                }
                _ => {}
            }
            self.at += 1;
        }
        Err(self.error())
    }

    fn string(&mut self) -> Result<String, Unreadable> {
        self.expect(b'"')?;
        let mut out = Vec::new();
        loop {
            let Some(byte) = self.peek() else { return Err(self.error()) };
            self.at += 1;
            match byte {
                b'"' => break,
                b'\\' => {
                    let Some(escape) = self.peek() else { return Err(self.error()) };
                    self.at += 1;
                    let c = match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return Err(self.error()),
                    };
                    let mut buffer = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
                }
                0..=0x1F => {
                    // Control characters must be escaped: point at this one.
                    self.at -= 1;
                    return Err(self.error());
                }
                _ => out.push(byte),
            }
        }
        // The input is a &str and escapes are encoded as UTF-8, so this cannot fail; a lone
        // surrogate escape became U+FFFD above.
        String::from_utf8(out).map_err(|_| self.error())
    }

    fn hex4(&mut self) -> Result<u32, Unreadable> {
        let digits = self.bytes.get(self.at..self.at + 4).ok_or_else(|| self.error())?;
        let mut value = 0;
        for d in digits {
            value = value * 16 + char::from(*d).to_digit(16).ok_or_else(|| self.error())?;
        }
        self.at += 4;
        Ok(value)
    }

    /// `\uXXXX`, with a surrogate pair read as one character; a lone surrogate is U+FFFD, as
    /// JavaScript strings reach Rust.
    fn unicode_escape(&mut self) -> Result<char, Unreadable> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) && self.bytes.get(self.at..self.at + 2) == Some(b"\\u") {
            let back = self.at;
            self.at += 2;
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                return Ok(char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)).unwrap_or('\u{FFFD}'));
            }
            self.at = back;
        }
        Ok(char::from_u32(first).unwrap_or('\u{FFFD}'))
    }

    fn number(&mut self) -> Result<f64, Unreadable> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let digits = self.digits();
        if digits == 0 || (digits > 1 && self.bytes.get(self.at - digits) == Some(&b'0')) {
            return Err(self.error());
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.error());
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'-' | b'+')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.error());
            }
        }
        Ok(number_value(self.bytes.get(start..self.at).unwrap_or_default()))
    }

    /// Skips decimal digits; returns how many.
    fn digits(&mut self) -> usize {
        let start = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        self.at - start
    }
}

/// The value of a number the grammar has accepted (`-`, digits, `.` digits, `e` sign digits),
/// without the standard library's exact conversion, which costs the WebAssembly module about
/// 15 kB brotli (measured 3 Dec 2026) for precision no RDAP number needs.
/// - The first 19 significant digits are kept: the mantissa is finite, and whole numbers
///   within ±2^53 are exact.
/// - It is scaled by a power of ten: exactly rounded when the mantissa is within 2^53 and the
///   power within 10^±22; in two steps below 10^-300; otherwise within a few units in the last
///   place (at the very top of f64's range that may round up to Infinity).
/// - A zero mantissa is 0, and a scale past f64's range gives ±Infinity or 0, as JSON.parse
///   does: never NaN, which a naive scaling gives for `0e918` (0 × ∞) or for a mantissa of 400
///   digits (∞ ÷ ∞).
fn number_value(text: &[u8]) -> f64 {
    const KEPT_DIGITS: u32 = 19;
    // Exponents past this give 0 or Infinity whatever the mantissa is.
    const EXPONENT_LIMIT: i64 = 1_000;
    let (negative, text) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text),
    };
    let (mut mantissa, mut kept, mut exponent) = (0f64, 0u32, 0i64);
    let mut in_fraction = false;
    let mut bytes = text.iter();
    while let Some(&b) = bytes.next() {
        match b {
            b'0'..=b'9' if kept < KEPT_DIGITS => {
                if mantissa != 0.0 || b != b'0' {
                    kept += 1;
                }
                mantissa = mantissa * 10.0 + f64::from(b - b'0');
                exponent -= i64::from(in_fraction);
            }
            // A digit past those kept: a whole-part one still counts a power of ten.
            b'0'..=b'9' => exponent += i64::from(!in_fraction),
            b'.' => in_fraction = true,
            _ => {
                // `e` or `E`, then the exponent's sign and digits.
                let mut sign = 1;
                let mut value = 0i64;
                for &b in bytes.by_ref() {
                    match b {
                        b'-' => sign = -1,
                        b'0'..=b'9' => value = (value * 10 + i64::from(b - b'0')).min(EXPONENT_LIMIT),
                        _ => {}
                    }
                }
                exponent += sign * value;
            }
        }
    }
    let exponent = exponent.clamp(-EXPONENT_LIMIT, EXPONENT_LIMIT) as i32;
    // `powi` squares its way up from 10, and every power of ten up to 10^22 is an f64 exactly:
    // there it is exact, so a mantissa within 2^53 (exact too) is scaled by one correctly
    // rounded operation, as the exact conversion would give.
    let magnitude = match (mantissa == 0.0, exponent) {
        (true, _) => 0.0,
        (false, 0..) => mantissa * 10f64.powi(exponent),
        (false, -300..) => mantissa / 10f64.powi(-exponent),
        (false, _) => mantissa / 1e300 / 10f64.powi(-exponent - 300),
    };
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every escape of RFC 8259 §7 reads as its character; any other letter after a backslash
    /// is no JSON.
    #[test]
    fn string_escapes() {
        let value = parse(r#"["\"\\\/\b\f\n\r\t\u0041"]"#).expect("valid");
        assert_eq!(value, Value::Array { items: vec![Value::str("\"\\/\u{8}\u{c}\n\r\tA")], length: 1 });
        for wrong in [r#""\a""#, r#""\x41""#, r#""\U0041""#, r#""\"#] {
            assert!(matches!(parse(wrong), Err(Unreadable::Json { .. })), "{wrong}");
        }
    }

    #[test]
    fn numbers_past_the_range_of_f64_are_infinite_as_in_json_parse() {
        // JavaScript's JSON.parse gives Infinity, -Infinity and 0 for these; serde_json refuses
        // the first two ("number out of range"). The fuzz campaign's registration target found
        // the fourth, and the test command's short run the fifth (which was read as NaN).
        let value = parse("[1e400, -1e400, 1e-400, 9.8e11111111101971543699, 0e918, 1e-1000000000000]").expect("valid JSON");
        let Value::Array { items, .. } = value else { panic!("an array") };
        assert_eq!(
            items,
            [f64::INFINITY, f64::NEG_INFINITY, 0.0, f64::INFINITY, 0.0, 0.0].map(Value::Number)
        );
        // A long mantissa with a negative exponent, long whole numbers, subnormals and the
        // extremes of f64: finite, and within a few units in the last place.
        let long = "1".repeat(401);
        let cases = [
            (format!("{long}e-400"), 1.1111111111111112),
            ("0.1".into(), 0.1),
            ("123456789012345678901234567890".into(), 1.2345678901234568e29),
            ("-0.000000000000000000000000001234".into(), -1.234e-27),
            ("1.5e308".into(), 1.5e308),
            ("2.2250738585072014e-308".into(), f64::MIN_POSITIVE),
            ("1234567890123456789e-320".into(), 1.2345678901234568e-302),
            ("4.9e-324".into(), 4.9e-324),
            // Zeros after the first digit are significant: 400 of them are not all kept, so
            // the mantissa stays finite and the exponent brings it back to 1.
            (format!("1{}e-400", "0".repeat(400)), 1.0),
            // Leading zeros are not significant digits: these are kept.
            (format!("0.{}123", "0".repeat(30)), 1.23e-31),
            (format!("0.{}7e-10", "0".repeat(25)), 7e-36),
            // Either side of the two-step scaling, and an exponent's own leading zeros.
            ("1e-300".into(), 1e-300),
            ("1e-301".into(), 1e-301),
            ("12.5E+0003".into(), 12_500.0),
        ];
        for (text, expected) in cases {
            let Ok(Value::Number(read)) = parse(&text) else { panic!("{text}: not a number") };
            let tolerance = if expected.abs() < f64::MIN_POSITIVE { 1e-323 } else { expected.abs() * 1e-14 };
            assert!((read - expected).abs() <= tolerance, "{text}: read {read:e}, expected {expected:e}");
        }
        // Whole numbers within ±2^53 are exact: error codes, IANA registrar IDs.
        for n in [0i64, 7, -25, 404, 1_000_000_007, 9_007_199_254_740_991, -9_007_199_254_740_991] {
            assert_eq!(parse(&n.to_string()), Ok(Value::Number(n as f64)), "{n}");
        }
        assert_eq!(parse("-0"), Ok(Value::Number(-0.0)));
        // Exactly rounded where the mantissa and the power of ten are exact.
        for (text, expected) in [("25e-1", 2.5), ("0.1", 0.1), ("0.3", 0.3), ("-2.5e1", -25.0), ("1.2345e-7", 1.2345e-7), ("7e22", 7e22)] {
            assert_eq!(parse(text), Ok(Value::Number(expected)), "{text}");
        }
    }

    #[test]
    fn values() {
        let value = parse(r#" {"a": [1, -2.5e1, true, null, "x\"\u00e9\ud83d\ude00\ud800"], "b": {}} "#).expect("valid");
        let Value::Object(fields) = value else { panic!() };
        assert_eq!(fields[0].0, "a");
        let Value::Array { items, length } = &fields[0].1 else { panic!() };
        assert_eq!(*length, 5);
        assert_eq!(items[0], Value::Number(1.0));
        assert_eq!(items[1], Value::Number(-25.0));
        assert_eq!(items[4], Value::str("x\"é😀\u{FFFD}"));
        assert_eq!(parse("404"), Ok(Value::Number(404.0)));
    }

    /// A lone surrogate escape is valid JSON (RFC 8259 §8.2 leaves its meaning open): it reads
    /// as U+FFFD wherever it stands, in a key too, as a JavaScript string reaches Rust. serde_json
    /// refuses it, so the fuzz oracle compares with `\uFFFD` written there (the campaign found keys
    /// with `\udffe` and `\uD888`).
    #[test]
    fn lone_surrogates_read_as_replacement_characters() {
        let value = parse(r#"{"event\udffeAction": "\udc00\ud800\u0041"}"#).expect("valid");
        assert_eq!(value, Value::Object(vec![("event\u{FFFD}Action".into(), Value::str("\u{FFFD}\u{FFFD}A"))]));
        // A high surrogate before plain text (serde_json: "unexpected end of hex escape"; the
        // campaign found it in a key), and one at the end of its string.
        let value = parse(r#"{"1\uD8888888": "\uDBFF"}"#).expect("valid");
        assert_eq!(value, Value::Object(vec![("1\u{FFFD}8888".into(), Value::str("\u{FFFD}"))]));
    }

    #[test]
    fn malformed_text_says_where() {
        for (text, line, column) in [("{\"a\": [1, 2", 1, 12), ("{\n  \"a\": tru }", 2, 8), ("[01]", 1, 4), ("{} x", 1, 4), ("\"\u{1}\"", 1, 2), ("", 1, 1), ("[1,]", 1, 4)] {
            assert_eq!(parse(text), Err(Unreadable::Json { line, column }), "{text:?}");
        }
    }

    /// Objects count toward the depth as arrays do; what lies past it is skipped whole, and a
    /// bracket inside a string there does not open or close anything.
    #[test]
    fn deep_objects_are_skipped_and_strings_in_them_are_text() {
        let deep = format!("{}1{}", r#"{"a":"#.repeat(MAX_DEPTH + 1), "}".repeat(MAX_DEPTH + 1));
        let mut value = parse(&deep).expect("balanced");
        for _ in 0..MAX_DEPTH {
            value = value.get("a").cloned().unwrap_or_else(|| panic!("{value:?}"));
        }
        assert_eq!(value, Value::TooDeep);

        let inner = format!(r#"{}"}}]]}}" : "[[{{"{}"#, "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        let text = format!(r#"{{"deep": [{inner}], "after": "read"}}"#);
        let value = parse(&text).expect("balanced outside strings");
        assert_eq!(value.get("after"), Some(&Value::str("read")));
    }

    #[test]
    fn limits() {
        // Far deeper than any recursion could go: skipped in a loop.
        let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
        let mut value = parse(&deep).expect("balanced");
        for _ in 0..MAX_DEPTH {
            value = match value {
                Value::Array { mut items, .. } => items.pop().expect("one item"),
                other => panic!("{other:?}"),
            };
        }
        assert_eq!(value, Value::TooDeep);
        assert!(matches!(parse(&"[".repeat(200_000)), Err(Unreadable::Json { .. })));
        let wide = format!("[{}0]", "0,".repeat(50_000));
        let Value::Array { items, length } = parse(&wide).expect("parses") else { panic!() };
        assert_eq!(length, 50_001);
        assert!(items.len() < MAX_VALUES);
    }
}

//! Mainland China landline numbers (固定电话 / 办公电话 / 座机).
//!
//! A landline is a trunk prefix `0`, a 2- or 3-digit area code (区号: `10` Beijing,
//! `20`–`29` the large cities, 3 digits everywhere else), a 7- or 8-digit local number
//! and optionally an extension (分机). After normalisation the number must match
//!
//! ```text
//! ^0\d{2,3}-?\d{7,8}(-\d{1,6})?$
//! ```
//!
//! Normalisation accepts what people type: full-width digits, spaces, dashes, the area
//! code in parentheses (`(010) 8888 8888`, `（0571）88888888`), the country code
//! (`+86 10 8888 8888`, `0086-10-88888888`: the trunk `0` is restored), and an extension
//! introduced by `-`, `转`, `分机`, `ext`, `x` or `#`. Without separators the area code is
//! split off by the numbering plan: `010` and `02x` are three characters, all others four;
//! an area code set apart (`039-…`, `(0210)`) must have that length too, or it is no area
//! code but part of one (`0391`, `0392` …) or of the local number.
//!
//! **The numbering plan** then says whether the number exists: the `fixedLine` pattern of
//! libphonenumber's metadata for CN (`data/phone/`, the same automata as
//! [`super::mobile::plan`]) knows every area code and how long local numbers are under each
//! (8 digits in Beijing, Shanghai, Hangzhou and Zhengzhou, 7 in many smaller cities). An area
//! code no fixed line starts with is `landline.area_code`; a local number that does not fit its
//! area code (a 7-digit number in an 8-digit city, a first digit not in use there) is
//! `landline.number_plan`, with the lengths the area code has. A 400 or 800 number given as
//! the office phone is named as such (`landline.service_number`).
//!
//! **The format is inferred.** `docs/rules.md` §2.8 P6 tags the pattern **[I]**: no
//! provider documents a format for the office-phone field, only that it exists (Jiangsu
//! enterprises must give one, elsewhere a mobile number is accepted — [C] S5). So
//! [`Error::is_certain`] is always `false`: callers must report every failure here as a
//! *warning*. [`Error::IsMobile`] tells the caller that the value is a mobile number, which
//! most provinces accept in this field; check it with [`super::mobile`].

use super::mobile::plan::{self, NumberType};
use super::normalize;
use crate::base::{Param, Params};


/// A landline number split into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Landline {
    /// With the trunk `0`: `010`, `0571`.
    pub area_code: String,
    /// 7 or 8 digits.
    pub number: String,
    /// 1–6 digits.
    pub extension: Option<String>,
}

impl Landline {
    /// `010-88888888` or `010-88888888-123`: the canonical form [`compact`] returns.
    pub fn formatted(&self) -> String {
        let mut s = format!("{}-{}", self.area_code, self.number);
        if let Some(ext) = &self.extension {
            s.push('-');
            s.push_str(ext);
        }
        s
    }
}

/// Why a string does not look like a landline number. All variants are inferred
/// (`docs/rules.md` §2.8 P6 **[I]**) — report them as warnings.
// Variant fields are described in the variant's doc; `value` is always the quoted input
// as [`normalize::excerpt`] shortens it.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// Nothing left after trimming.
    Empty,
    /// Characters other than digits and the accepted separators, or an arrangement the
    /// pattern does not allow.
    Format { value: String },
    /// No area code (the number does not start with `0`), or a malformed one.
    AreaCode { value: String },
    /// The local number does not have 7 or 8 digits.
    LocalNumber { value: String, digits: usize },
    /// The extension has more than 6 digits (or none after a marker).
    Extension { value: String, digits: usize },
    /// The value is a mainland mobile number (11 digits starting with 1), which most
    /// provinces accept in the office-phone field.
    IsMobile { value: String },
    /// The area code exists but the numbering plan has no such local number under it (wrong
    /// length, or a first digit no subscriber number has). `expected`: the lengths of local
    /// numbers under this area code, `8` or `7/8`.
    NumberPlan { value: String, area_code: String, digits: usize, expected: String },
    /// A number of another kind: shared-cost (400), toll-free (800), premium-rate.
    ServiceNumber { value: String, kind: NumberType },
}

impl Error {
    /// Stable dotted code.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Empty => "landline.empty",
            Error::Format { .. } => "landline.format",
            Error::AreaCode { .. } => "landline.area_code",
            Error::LocalNumber { .. } => "landline.local_number",
            Error::Extension { .. } => "landline.extension",
            Error::IsMobile { .. } => "landline.is_mobile",
            Error::NumberPlan { .. } => "landline.number_plan",
            Error::ServiceNumber { .. } => "landline.service_number",
        }
    }

    /// Named values for the message.
    pub fn params(&self) -> Params {
        match self {
            Error::Empty => Params::default(),
            Error::Format { value } | Error::AreaCode { value } | Error::IsMobile { value } => {
                Params(vec![("value", Param::from(value.clone()))])
            }
            Error::LocalNumber { value, digits } | Error::Extension { value, digits } => {
                Params(vec![("value", Param::from(value.clone())), ("digits", Param::from(*digits))])
            }
            Error::NumberPlan { value, area_code, digits, expected } => Params(vec![
                ("value", Param::from(value.clone())),
                ("area_code", Param::from(area_code.clone())),
                ("digits", Param::from(*digits)),
                ("expected", Param::from(expected.clone())),
            ]),
            Error::ServiceNumber { value, kind } => Params(vec![("value", Param::from(value.clone())), ("kind", Param::from(kind.as_str()))]),
        }
    }

    /// Always `false`: the landline format is inferred (§2.8 P6 [I]); report as warning.
    pub fn is_certain(&self) -> bool {
        false
    }
}

super::impl_finding!(Error);

/// A lexical piece of the normalised input.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Digits(String),
    /// `(…)` around digits: an area code.
    Paren(String),
    Plus,
    /// `转`, `分机`, `ext`, `x`, `#`.
    Extension,
}

/// Splits the folded input into tokens; `None` on any other character. Separators (`-`,
/// whitespace, `.`, `/`) end a group of digits and are not kept: a group of digits already
/// ends where they are, and nothing else depends on them.
fn tokenize(s: &str) -> Option<Vec<Token>> {
    let mut tokens = Vec::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let lower = rest.get(..3).map(str::to_ascii_lowercase);
        if c.is_ascii_digit() {
            let end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
            let (digits, r) = rest.split_at_checked(end)?;
            tokens.push(Token::Digits(digits.to_string()));
            rest = r;
            continue;
        }
        if c == '(' {
            let r = rest.get(1..)?;
            let close = r.find(')')?;
            let (inner, r) = r.split_at_checked(close)?;
            let inner: String = inner.chars().filter(|c| !normalize::is_space(*c)).collect();
            if inner.is_empty() || !inner.chars().all(|c| c.is_ascii_digit() || c == '+') {
                return None;
            }
            if let Some(code) = inner.strip_prefix('+') {
                tokens.push(Token::Plus);
                tokens.push(Token::Digits(code.to_string()));
            } else {
                tokens.push(Token::Paren(inner));
            }
            rest = r.get(1..)?;
            continue;
        }
        if normalize::is_space(c) || normalize::is_dash(c) || c == '.' || c == '/' {
            rest = rest.get(c.len_utf8()..)?;
            continue;
        }
        let (token, len) = if c == '+' {
            (Token::Plus, c.len_utf8())
        } else if c == '转' || c == '#' || c == 'x' || c == 'X' {
            (Token::Extension, c.len_utf8())
        } else if rest.starts_with("分机") {
            (Token::Extension, "分机".len())
        } else if lower.as_deref() == Some("ext") {
            let len = if rest.get(3..4) == Some(".") { 4 } else { 3 };
            (Token::Extension, len)
        } else {
            return None;
        };
        tokens.push(token);
        rest = rest.get(len..)?;
    }
    Some(tokens)
}

/// The length (with the trunk `0`) of the area code at the start of `digits`, by the
/// numbering plan: `010`, `020`–`029` → 3, otherwise 4.
fn inferred_area_len(digits: &str) -> usize {
    let mut chars = digits.chars().skip(1);
    match (chars.next(), chars.next()) {
        (Some('1'), Some('0')) | (Some('2'), _) => 3,
        _ => 4,
    }
}

/// Digit groups of the input: `(digits, parenthesised)`, the extension given after an
/// explicit marker, and whether a country code was removed.
struct Groups {
    groups: Vec<(String, bool)>,
    extension: Option<String>,
    international: bool,
}

/// Turns the tokens into digit groups: removes a `+86` / `0086` / `(+86)` country code
/// (restoring the trunk `0` of the area code) and collects an extension introduced by a
/// marker. `None` for an arrangement the pattern does not allow.
fn group(tokens: Vec<Token>) -> Option<Groups> {
    let mut tokens = tokens.into_iter().peekable();
    let mut groups: Vec<(String, bool)> = Vec::new();
    let mut international = false;
    if tokens.peek() == Some(&Token::Plus) {
        tokens.next();
        let Some(Token::Digits(d)) = tokens.next() else { return None };
        let rest = d.strip_prefix("86")?;
        if !rest.is_empty() {
            groups.push((rest.to_string(), false));
        }
        international = true;
    } else if let Some(Token::Digits(d)) = tokens.peek() {
        if let Some(rest) = d.strip_prefix("0086") {
            let rest = rest.to_string();
            tokens.next();
            if !rest.is_empty() {
                groups.push((rest, false));
            }
            international = true;
        }
    }

    let mut extension: Option<String> = None;
    while let Some(token) = tokens.next() {
        match token {
            Token::Digits(d) => groups.push((d, false)),
            Token::Paren(d) => groups.push((d, true)),
            Token::Plus => return None,
            Token::Extension => {
                let mut ext = String::new();
                for t in tokens.by_ref() {
                    match t {
                        Token::Digits(d) => ext.push_str(&d),
                        _ => return None,
                    }
                }
                extension = Some(ext);
            }
        }
    }
    if international {
        if let Some(first) = groups.first_mut() {
            if !first.0.starts_with('0') {
                first.0.insert(0, '0');
            }
        }
    }
    Some(Groups { groups, extension, international })
}

/// Parses the input; see the module documentation.
///
/// # Errors
///
/// An [`Error`] when the input does not look like a landline number. Every error is
/// inferred ([`Error::is_certain`] is `false`): report it as a warning.
pub fn validate(input: &str) -> Result<Landline, Error> {
    let value = normalize::excerpt(input);
    let folded = normalize::fold(input);
    if folded.chars().all(normalize::is_space) {
        return Err(Error::Empty);
    }
    let format_error = || Error::Format { value: value.clone() };
    let Groups { groups, mut extension, international } =
        tokenize(&folded).and_then(group).ok_or_else(format_error)?;

    let all: String = groups.iter().map(|g| g.0.as_str()).collect();
    if extension.is_none() && all.len() == 11 && all.starts_with('1') && !international {
        return Err(Error::IsMobile { value });
    }
    if international && all.len() == 12 && all.starts_with("01") && !all.starts_with("010") {
        return Err(Error::IsMobile { value });
    }
    if !all.starts_with('0') {
        if let Some(kind) = plan::number_type(&all).filter(|k| !matches!(k, NumberType::FixedLine | NumberType::Mobile)) {
            return Err(Error::ServiceNumber { value, kind });
        }
    }
    if !all.starts_with('0') || all.starts_with("00") {
        return Err(Error::AreaCode { value });
    }

    let mut groups = groups.into_iter();
    let (first, paren) = groups.next().ok_or_else(format_error)?;
    let mut local = String::new();
    let area_code = if paren || (3..=4).contains(&first.len()) {
        first
    } else {
        let len = inferred_area_len(&first);
        let (area, rest) = first.split_at_checked(len).ok_or_else(|| Error::AreaCode { value: value.clone() })?;
        local.push_str(rest);
        area.to_string()
    };
    if area_code.len() != inferred_area_len(&area_code) {
        return Err(Error::AreaCode { value });
    }

    // Local number: whole groups until it has at least 7 digits; what follows is the
    // extension (unless one was given with a marker).
    let mut rest: Vec<String> = Vec::new();
    for (g, paren) in groups {
        if paren {
            return Err(format_error());
        }
        if local.len() < 7 && rest.is_empty() {
            local.push_str(&g);
        } else {
            rest.push(g);
        }
    }
    if !(7..=8).contains(&local.len()) {
        return Err(Error::LocalNumber { value, digits: local.len() });
    }
    if !rest.is_empty() {
        if extension.is_some() || rest.len() > 1 {
            return Err(format_error());
        }
        extension = rest.pop();
    }
    if let Some(ext) = &extension {
        if ext.is_empty() || ext.len() > 6 {
            return Err(Error::Extension { value, digits: ext.len() });
        }
    }
    check_plan(&area_code, &local, value)?;
    Ok(Landline { area_code, number: local, extension })
}

/// The numbering plan's word on an area code (with its `0`) and a local number of 7–8 digits.
fn check_plan(area_code: &str, local: &str, value: String) -> Result<(), Error> {
    let digits = |s: &str| -> Vec<u8> { s.bytes().filter(u8::is_ascii_digit).map(|b| b - b'0').collect() };
    let area = digits(area_code.get(1..).unwrap_or_default());
    let start = plan::walk(plan::start(NumberType::FixedLine), &area);
    // The lengths of subscriber numbers under this area code: those that some number whose
    // first digit is 2–8 (the first digits of subscriber numbers) has. None where the area
    // code is none (the dead state 0 leads nowhere).
    let has_length = |k: u32| (2..=8u8).any(|d| plan::remaining(plan::step(start, d)) & (1 << (k - 1)) != 0);
    let expected: Vec<String> = (7..=8u32).filter(|&k| has_length(k)).map(|k| k.to_string()).collect();
    if expected.is_empty() {
        return Err(Error::AreaCode { value });
    }
    if plan::remaining(plan::walk(start, &digits(local))) & 1 != 0 {
        return Ok(());
    }
    Err(Error::NumberPlan { value, area_code: area_code.to_owned(), digits: local.len(), expected: expected.join("/") })
}

/// The canonical form `0AA-NNNNNNNN[-EEE]` when the input is valid; otherwise the input
/// folded and without whitespace. (Unlike the other modules' `compact`, hyphens are kept:
/// without them the extension could not be told from the local number.)
pub fn compact(input: &str) -> String {
    match validate(input) {
        Ok(l) => l.formatted(),
        Err(_) => normalize::fold_without(input, normalize::is_space),
    }
}

/// Whether the input looks like a landline number.
pub fn is_valid(input: &str) -> bool {
    validate(input).is_ok()
}

#[cfg(test)]
#[allow(clippy::panic, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ok(input: &str) -> Landline {
        validate(input).unwrap_or_else(|e| panic!("{input:?} rejected: {e:?}"))
    }

    fn code(input: &str) -> &'static str {
        match validate(input) {
            Ok(l) => panic!("{input:?} accepted: {l:?}"),
            Err(e) => e.code(),
        }
    }

    /// The P6 regex, transcribed literally, on an already normalised string.
    fn p6(s: &str) -> bool {
        let parts: Vec<&str> = s.split('-').collect();
        let digits = |p: &str, lo: usize, hi: usize| {
            (lo..=hi).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
        };
        match parts.as_slice() {
            [a, b] => a.starts_with('0') && digits(a, 3, 4) && digits(b, 7, 8),
            [a, b, e] => a.starts_with('0') && digits(a, 3, 4) && digits(b, 7, 8) && digits(e, 1, 6),
            _ => false,
        }
    }

    /// The area codes of the plan (without the `0`: `10`, `21`, `335`), each with the lengths
    /// of its subscriber numbers: every 2- and 3-digit prefix of which some 7- or 8-digit local
    /// number starting with 2–8 is a fixed line.
    fn area_codes() -> Vec<(String, Vec<usize>)> {
        let mut out = Vec::new();
        for area in (10..100).map(|n| n.to_string()).chain((300..1000).map(|n| n.to_string())) {
            if area.starts_with('1') && area != "10" {
                continue;
            }
            let start = plan::walk(plan::start(NumberType::FixedLine), &area.bytes().map(|b| b - b'0').collect::<Vec<_>>());
            let mask = (2..=8).fold(0u16, |m, d| m | plan::remaining(plan::step(start, d)));
            let lengths: Vec<usize> = [7, 8].into_iter().filter(|k| mask & (1 << (k - 1)) != 0).collect();
            if start != 0 && !lengths.is_empty() && area.len() == inferred_area_len(&format!("0{area}")) - 1 {
                out.push((area, lengths));
            }
        }
        out
    }

    #[test]
    fn the_plan_knows_the_area_codes() {
        let areas = area_codes();
        let find = |a: &str| areas.iter().find(|(x, _)| x == a).map(|(_, l)| l.clone());
        assert_eq!(find("10"), Some(vec![8]));
        assert_eq!(find("21"), Some(vec![8]));
        assert_eq!(find("571"), Some(vec![8]));
        assert_eq!(find("335"), Some(vec![7]));
        assert_eq!(find("26"), None);
        assert!(areas.len() > 300, "{}", areas.len());
        // A local number the plan does not have is refused with the lengths its area code has.
        let expected = |input: &str| match validate(input) {
            Err(Error::NumberPlan { expected, .. }) => expected,
            other => panic!("{input}: {other:?}"),
        };
        assert_eq!(expected("010-10012345"), "8");
        assert_eq!(expected("0571-8888888"), "8");
        assert_eq!(expected("0335-88888888"), "7");
    }

    #[test]
    fn accepted_forms() {
        let cases = [
            ("010-88888888", "010-88888888"),
            ("01088888888", "010-88888888"),
            ("010 8888 8888", "010-88888888"),
            ("(010) 8888 8888", "010-88888888"),
            ("（010）88888888", "010-88888888"),
            ("+86 10 8888 8888", "010-88888888"),
            ("+86-10-88888888", "010-88888888"),
            ("+86 010 88888888", "010-88888888"),
            ("(+86) 10 88888888", "010-88888888"),
            ("0086 10 88888888", "010-88888888"),
            ("00861088888888", "010-88888888"),
            // Qinhuangdao (0335) has 7-digit local numbers. (This was 0571-8888888, which the
            // numbering plan refuses: Hangzhou's local numbers have 8 digits.)
            ("0335-8888888", "0335-8888888"),
            ("0571-88888888", "0571-88888888"),
            ("057188888888", "0571-88888888"),
            ("02188888888", "021-88888888"),
            ("021-88888888-123", "021-88888888-123"),
            ("021-88888888 转 123", "021-88888888-123"),
            ("021-88888888转123", "021-88888888-123"),
            ("021-88888888 分机 8", "021-88888888-8"),
            ("021-88888888 ext. 8", "021-88888888-8"),
            ("021-88888888 EXT 8", "021-88888888-8"),
            ("021-88888888x8", "021-88888888-8"),
            ("021-88888888#8", "021-88888888-8"),
            ("021-88888888ext8", "021-88888888-8"),
            ("021-88888888 ext.8", "021-88888888-8"),
            ("010.8888.8888", "010-88888888"),
            ("010/88888888", "010-88888888"),
            ("010 -  88888888", "010-88888888"),
            ("０２１－８８８８８８８８", "021-88888888"),
            ("0755 8888 8888", "0755-88888888"),
            // Jiaozuo (0391), 7 digits. (This was 0371-1234567-89: Zhengzhou has 8.)
            ("0391-6123456-89", "0391-6123456-89"),
        ];
        for (input, canonical) in cases {
            let l = ok(input);
            assert_eq!(l.formatted(), canonical, "{input}");
            assert_eq!(compact(input), canonical, "{input}");
            assert!(p6(canonical), "{canonical}");
        }
        let l = ok("(0571) 8888-8888 转 12");
        assert_eq!((l.area_code.as_str(), l.number.as_str()), ("0571", "88888888"));
        assert_eq!(l.extension.as_deref(), Some("12"));
        assert!(is_valid("(0571) 8888-8888 转 12"));
        assert!(!is_valid("88888888"), "a number with an error is not valid");
    }

    #[test]
    fn refused_forms() {
        assert_eq!(code(""), "landline.empty");
        assert_eq!(code("\u{3000}"), "landline.empty");
        assert_eq!(code("13800138000"), "landline.is_mobile");
        assert_eq!(code("138 0013 8000"), "landline.is_mobile");
        assert_eq!(code("+86 138 0013 8000"), "landline.is_mobile");
        assert_eq!(code("88888888"), "landline.area_code");
        // The numbering plan calls 400 numbers shared-cost service numbers (was landline.area_code).
        assert_eq!(code("400-123-4567"), "landline.service_number");
        assert_eq!(code("800-123-4567"), "landline.service_number");
        assert_eq!(code("400-123-4567 转 8"), "landline.service_number", "with an extension too");
        assert_eq!(code("0123-8888888"), "landline.area_code");
        assert_eq!(code("026-88888888"), "landline.area_code");
        assert_eq!(code("0010-88888888"), "landline.area_code");
        assert_eq!(code("010-888888"), "landline.local_number");
        assert_eq!(code("010-888888888"), "landline.local_number");
        assert_eq!(code("010-88888888-1234567"), "landline.extension");
        assert_eq!(code("010-88888888 转"), "landline.extension");
        assert_eq!(code("010-8888888a"), "landline.format");
        assert_eq!(code("+852 2123 4567"), "landline.format");
        assert_eq!(code("(010"), "landline.format");
        assert_eq!(code("() 88888888"), "landline.format");
        // Parentheses say where the area code ends, even when that makes it too long.
        assert_eq!(code("(0108888) 8888"), "landline.area_code");
        // An area code set apart must have the plan's length: 039 is the start of Jiaozuo's 0391,
        // Hebi's 0392 and others (039-22123456 would be 0392-2123456); 0210 is Shanghai's 021
        // and a 0.
        assert_eq!(code("039-22123456"), "landline.area_code");
        assert_eq!(code("(039) 22123456"), "landline.area_code");
        assert_eq!(code("0210-8888888"), "landline.area_code");
        assert_eq!(code("(0a10) 88888888"), "landline.format");
        assert_eq!(code("0571-8888888"), "landline.number_plan");
        assert_eq!(code("010-8888888"), "landline.number_plan");
        assert_eq!(code("010-10012345"), "landline.number_plan");
        assert_eq!(code("010-88888888-1-2"), "landline.format");
        assert_eq!(code("😀"), "landline.format");
        assert_eq!(code("0\u{0301}10-88888888"), "landline.format");
        for input in ["", "88888888", "13800138000"] {
            assert!(validate(input).is_err_and(|e| !e.is_certain()));
        }
    }

    #[test]
    fn huge_input() {
        let big = format!("010-{}", "8".repeat(1_000_000));
        assert_eq!(code(&big), "landline.local_number");
        assert_eq!(code(&"转".repeat(100_000)), "landline.format");
        assert_eq!(code(&"(".repeat(100_000)), "landline.format");
    }

    #[test]
    fn every_code_is_catalogued() {
        let mut produced = Vec::new();
        for input in ["", "a", "88888888", "010-888", "010-88888888-1234567", "13800138000", "0571-8888888", "400-123-4567"] {
            let e = validate(input).err().unwrap_or(Error::Empty);
            crate::ids::test_support::assert_renders(e.code(), &e.params());
            produced.push(e.code());
        }
        crate::ids::test_support::assert_every_code_exercised(include_str!("landline.rs"), &produced);
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,30}") {
            let _ = validate(&s);
            let _ = compact(&s);
        }

        #[test]
        fn near_misses_never_panic(s in "[+0-9 ()（）\\-转x#]{0,24}") {
            let _ = validate(&s);
        }

        /// Numbers of real area codes, with local numbers of the length the plan gives them,
        /// round-trip through every accepted spelling.
        #[test]
        fn generated_numbers_round_trip(
            index in any::<prop::sample::Index>(),
            local in "[2-8][0-9]{7}",
            short in any::<bool>(),
            ext in proptest::option::of("[0-9]{1,6}"),
        ) {
            let areas = area_codes();
            let (area, lengths) = index.get(&areas);
            let len = if (short && lengths.contains(&7)) || !lengths.contains(&8) { 7 } else { 8 };
            let local = &local[..len];
            let national = format!("{area}{local}");
            // A few first digits are not subscriber numbers everywhere (Beijing's 80…).
            prop_assume!(plan::matches(NumberType::FixedLine, &national));
            let mut canonical = format!("0{area}-{local}");
            if let Some(e) = &ext {
                canonical.push('-');
                canonical.push_str(e);
            }
            prop_assert!(p6(&canonical));
            let l = validate(&canonical).map_err(|e| TestCaseError::fail(format!("{canonical}: {e:?}")))?;
            prop_assert_eq!(l.formatted(), canonical.clone());
            prop_assert_eq!(compact(&canonical), canonical.clone());
            let spaced = format!("+86 {area} {local}{}", ext.as_deref().map(|e| format!(" 转 {e}")).unwrap_or_default());
            prop_assert_eq!(compact(&spaced), canonical.clone());
            let bracketed = format!("(0{area}){local}{}", ext.as_deref().map(|e| format!("-{e}")).unwrap_or_default());
            prop_assert_eq!(compact(&bracketed), canonical);
        }

        /// Any area code and local number of the P6 shape: accepted exactly when the numbering
        /// plan has the number; otherwise the area code or the local number is named.
        #[test]
        fn p6_shapes_follow_the_plan(
            area in prop_oneof![Just("10".to_string()), "2[0-9]", "[3-9][0-9]{2}"],
            local in "[0-9][0-9]{6,7}",
        ) {
            let canonical = format!("0{area}-{local}");
            let national = format!("{area}{local}");
            prop_assert!(p6(&canonical));
            match validate(&canonical) {
                Ok(l) => {
                    prop_assert!(plan::matches(NumberType::FixedLine, &national));
                    prop_assert_eq!(l.formatted(), canonical);
                }
                Err(e) => {
                    prop_assert!(!plan::matches(NumberType::FixedLine, &national));
                    prop_assert!(matches!(e.code(), "landline.area_code" | "landline.number_plan"), "{canonical}: {e:?}");
                }
            }
        }
    }
}

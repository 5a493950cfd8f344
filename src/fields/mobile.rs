//! Mainland China mobile numbers (手机号码).
//!
//! A mainland mobile number has 11 digits and starts with `1`; the first three digits
//! (for 134 and 174 four or five) form the segment (号段) that MIIT allocated to a carrier:
//!
//! | carrier | segments |
//! |---|---|
//! | 中国移动 China Mobile | 134(0–8) 135–139 150–152 157–159 172 178 182–184 187 188 195 197 198 |
//! | 中国联通 China Unicom | 130–132 155 156 166 175 176 185 186 196 |
//! | 中国电信 China Telecom | 133 1349 153 173 17400–17405 177 180 181 189 190 191 193 199 |
//! | 中国广电 China Broadnet | 192 |
//! | 虚拟运营商 MVNO | 162 (电信) 165 (移动) 167 (联通) 1700–1709 171 (联通) |
//! | 上网卡 data cards | 145 (联通) 147 (移动) 149 (电信) |
//! | satellite / emergency | 1749 (海事卫星), 17406–17412 (应急通信) |
//!
//! 179 is admitted by the source regex although no carrier table lists it; it validates
//! with [`Carrier::Unknown`]. IoT numbers (物联网卡: 140x 141x 144x 146x 148x) have 13 digits
//! and receive no SMS, so they cannot pass the filing's SMS verification: refused.
//! Since number portability (携号转网, 2019-12-01) the segment only names the carrier that
//! issued the number.
//!
//! Accepted input: a `+86`, `0086` or `86` prefix (also `(+86)`), spaces, hyphens and
//! dashes, parentheses, full-width digits. [`compact`] removes all of these and returns
//! the 11 national digits.
//!
//! Sources (`icp-rules.md` §2.8): P1 — segments and regex R-MOBILE from S29 **[C3]**,
//! examples verified **[V]** (§8.3); P2 — filing systems answer "提示不支持该手机号段"
//! **[C]** S5, and that MVNO and data-card segments are the cause is **[I]**, so those
//! segments are a [`Warning`]. Segment tables age: new segments must be added here when
//! MIIT allocates them.

use super::normalize;

/// Every code this module produces (errors and warnings).
pub const CODES: &[&str] = &[
    "mobile.empty",
    "mobile.format",
    "mobile.country_code",
    "mobile.landline",
    "mobile.segment",
    "mobile.iot",
    "mobile.unsupported_segment",
];

/// The carrier that was allocated the segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Carrier {
    /// 中国移动.
    ChinaMobile,
    /// 中国联通.
    ChinaUnicom,
    /// 中国电信.
    ChinaTelecom,
    /// 中国广电 (192).
    ChinaBroadnet,
    /// 北京船舶通信导航有限公司 (maritime satellite, 1749).
    MaritimeSatellite,
    /// 工业和信息化部应急通信保障中心 (17406–17412).
    EmergencyCommunications,
    /// Admitted by R-MOBILE but listed for no carrier (179).
    Unknown,
}

impl Carrier {
    /// Stable identifier: `china_mobile`, `china_unicom`, `china_telecom`, `china_broadnet`,
    /// `maritime_satellite`, `emergency_communications`, `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Carrier::ChinaMobile => "china_mobile",
            Carrier::ChinaUnicom => "china_unicom",
            Carrier::ChinaTelecom => "china_telecom",
            Carrier::ChinaBroadnet => "china_broadnet",
            Carrier::MaritimeSatellite => "maritime_satellite",
            Carrier::EmergencyCommunications => "emergency_communications",
            Carrier::Unknown => "unknown",
        }
    }

    /// Chinese name: `中国移动`, …
    pub fn name_zh(self) -> &'static str {
        match self {
            Carrier::ChinaMobile => "中国移动",
            Carrier::ChinaUnicom => "中国联通",
            Carrier::ChinaTelecom => "中国电信",
            Carrier::ChinaBroadnet => "中国广电",
            Carrier::MaritimeSatellite => "海事卫星通信",
            Carrier::EmergencyCommunications => "应急通信",
            Carrier::Unknown => "未知运营商",
        }
    }
}

/// What kind of line the segment is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LineType {
    /// 手机卡 of a basic carrier.
    Basic,
    /// 虚拟运营商 (MVNO) on the carrier's network.
    Mvno,
    /// 上网卡 / 数据卡 (data-plan card; SMS supported).
    DataCard,
}

impl LineType {
    /// `basic`, `mvno`, `data_card`.
    pub fn as_str(self) -> &'static str {
        match self {
            LineType::Basic => "basic",
            LineType::Mvno => "mvno",
            LineType::DataCard => "data_card",
        }
    }

    /// `手机卡`, `虚拟运营商`, `数据卡`.
    pub fn name_zh(self) -> &'static str {
        match self {
            LineType::Basic => "手机卡",
            LineType::Mvno => "虚拟运营商",
            LineType::DataCard => "数据卡",
        }
    }
}

/// A valid mobile number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mobile {
    /// The 11 national digits, `13800138000`.
    pub number: String,
    /// The carrier the segment was allocated to (not necessarily the current one).
    pub carrier: Carrier,
    /// Basic, MVNO or data card.
    pub line_type: LineType,
    /// Accepted but possibly refused by the filing system; report as warnings.
    pub warnings: Vec<Warning>,
}

impl Mobile {
    /// The number grouped 3-4-4 for display: `138 0013 8000`.
    pub fn formatted(&self) -> String {
        let mut out = String::with_capacity(13);
        for (i, c) in self.number.chars().enumerate() {
            if i == 3 || i == 7 {
                out.push(' ');
            }
            out.push(c);
        }
        out
    }
}

/// A valid number that deserves a warning.
// Variant fields are described in the variant's doc; `value` is always the quoted input
// as [`normalize::excerpt`] shortens it.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// MVNO (162 165 167 170 171) and data-card (145 147 149) segments: some filing
    /// systems answer "提示不支持该手机号段" (`icp-rules.md` §2.8 P2, [C] S5; which
    /// segments **[I]**).
    UnsupportedSegment { value: String, segment: String, line_type: LineType },
}

impl Warning {
    /// Stable dotted code.
    pub fn code(&self) -> &'static str {
        match self {
            Warning::UnsupportedSegment { .. } => "mobile.unsupported_segment",
        }
    }

    /// Named values for the message.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            Warning::UnsupportedSegment { value, segment, line_type } => vec![
                ("value", value.clone()),
                ("segment", segment.clone()),
                ("line_type", line_type.as_str().to_string()),
            ],
        }
    }
}

/// Why a string is not a usable mainland mobile number.
// Variant fields are described in the variant's doc; `value` is always the quoted input
// as [`normalize::excerpt`] shortens it.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// Nothing left after trimming.
    Empty,
    /// Not 11 digits starting with 1 (other characters, wrong length)
    /// (`icp-rules.md` §2.8 P1; `1380013800` invalid [V]).
    Format { value: String, digits: usize },
    /// A `+` / `00` country code other than 86 (P1: mainland numbers only).
    CountryCode { value: String },
    /// Starts with 0 and has 10–12 digits: a landline with area code, not a mobile (P1).
    Landline { value: String },
    /// 11 digits starting with 1 but in no allocated segment (P1 R-MOBILE [C3];
    /// `15412345678`, `12012345678` invalid [V]).
    Segment { value: String, segment: String },
    /// A 13-digit IoT number (P1: "IoT 13-digit … (reject)").
    Iot { value: String },
}

impl Error {
    /// Stable dotted code.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Empty => "mobile.empty",
            Error::Format { .. } => "mobile.format",
            Error::CountryCode { .. } => "mobile.country_code",
            Error::Landline { .. } => "mobile.landline",
            Error::Segment { .. } => "mobile.segment",
            Error::Iot { .. } => "mobile.iot",
        }
    }

    /// Named values for the message.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            Error::Empty => vec![],
            Error::Format { value, digits } => {
                vec![("value", value.clone()), ("digits", digits.to_string())]
            }
            Error::CountryCode { value } | Error::Landline { value } | Error::Iot { value } => {
                vec![("value", value.clone())]
            }
            Error::Segment { value, segment } => {
                vec![("value", value.clone()), ("segment", segment.clone())]
            }
        }
    }

    /// Whether the rule is confirmed (→ error) rather than inferred (→ warning). All mobile
    /// errors are certain: P1 is [C3] with [V] examples, and the filing system itself
    /// refuses segments it does not know (P2).
    pub fn is_certain(&self) -> bool {
        true
    }
}

/// Separators dropped by [`compact`]: whitespace, dashes, parentheses, dots.
fn is_separator(c: char) -> bool {
    normalize::is_space(c) || normalize::is_dash(c) || matches!(c, '(' | ')' | '.')
}

/// Folds full-width characters, drops separators and removes a `+86`, `0086` or `86`
/// prefix: `compact("+86 138-0013-8000")` = `"13800138000"`. Other input is returned
/// folded and without separators.
pub fn compact(input: &str) -> String {
    let s = normalize::fold_without(input, is_separator);
    strip_country_code(&s).unwrap_or(&s).to_string()
}

/// The national part after `+86` / `0086` / `86`, `None` if there is no such prefix.
/// A bare `86` is only removed when 11 digits starting with 1 follow, so that `86…`
/// numbers of other lengths are reported as they are.
fn strip_country_code(s: &str) -> Option<&str> {
    if let Some(rest) = s.strip_prefix("+86").or_else(|| s.strip_prefix("0086")) {
        return Some(rest);
    }
    s.strip_prefix("86")
        .filter(|rest| rest.len() == 11 && rest.starts_with('1') && rest.bytes().all(|b| b.is_ascii_digit()))
}

/// Validates a mobile number and identifies its carrier.
///
/// # Errors
///
/// An [`Error`] when the input is not a usable mainland mobile number. Segments that
/// filing systems may refuse come back as `Ok` with [`Mobile::warnings`].
pub fn validate(input: &str) -> Result<Mobile, Error> {
    let value = normalize::excerpt(input);
    let s = normalize::fold_without(input, is_separator);
    if s.is_empty() {
        return Err(Error::Empty);
    }
    let national = match strip_country_code(&s) {
        Some(rest) => rest,
        None if s.starts_with('+') || s.starts_with("00") => {
            return Err(Error::CountryCode { value });
        }
        None => s.as_str(),
    };
    let digits: Vec<u8> = national
        .chars()
        .map_while(|c| c.to_digit(10).and_then(|d| u8::try_from(d).ok()))
        .collect();
    let all_digits = digits.len() == national.chars().count();
    if !all_digits {
        return Err(Error::Format { value, digits: national.chars().filter(char::is_ascii_digit).count() });
    }
    match digits.as_slice() {
        [0, d, ..] if *d != 0 && (10..=12).contains(&digits.len()) => Err(Error::Landline { value }),
        [1, 4, 0 | 1 | 4 | 6 | 8, ..] if digits.len() == 13 => Err(Error::Iot { value }),
        [1, a, b, c, d, _, _, _, _, _, _] => match classify(*a, *b, *c, *d) {
            Some((carrier, line_type)) => {
                let mut warnings = Vec::new();
                if line_type != LineType::Basic {
                    warnings.push(Warning::UnsupportedSegment {
                        value: value.clone(),
                        segment: segment_text(&digits, 3),
                        line_type,
                    });
                }
                Ok(Mobile { number: national.to_string(), carrier, line_type, warnings })
            }
            None => {
                let len = if (*a, *b) == (7, 4) { 5 } else { 3 };
                Err(Error::Segment { value, segment: segment_text(&digits, len) })
            }
        },
        _ => Err(Error::Format { value, digits: digits.len() }),
    }
}

/// Whether the input is a valid mobile number (possibly with warnings).
pub fn is_valid(input: &str) -> bool {
    validate(input).is_ok()
}

/// The first `len` digits as text.
fn segment_text(digits: &[u8], len: usize) -> String {
    digits.iter().take(len).map(|d| char::from(b'0' + d)).collect()
}

/// The segment table of `icp-rules.md` §2.8 P1 (S29), on the digits after the leading 1:
/// `1 a b c d …`. Exactly the numbers R-MOBILE accepts get `Some`.
fn classify(a: u8, b: u8, c: u8, d: u8) -> Option<(Carrier, LineType)> {
    use Carrier::*;
    use LineType::*;
    let r = match (a, b) {
        (3, 0..=2) => (ChinaUnicom, Basic),
        (3, 3) => (ChinaTelecom, Basic),
        (3, 4) if c == 9 => (ChinaTelecom, Basic),
        (3, 4..=9) => (ChinaMobile, Basic),
        (4, 5) => (ChinaUnicom, DataCard),
        (4, 7) => (ChinaMobile, DataCard),
        (4, 9) => (ChinaTelecom, DataCard),
        (5, 0..=2 | 7..=9) => (ChinaMobile, Basic),
        (5, 3) => (ChinaTelecom, Basic),
        (5, 5 | 6) => (ChinaUnicom, Basic),
        (6, 2) => (ChinaTelecom, Mvno),
        (6, 5) => (ChinaMobile, Mvno),
        (6, 6) => (ChinaUnicom, Basic),
        (6, 7) => (ChinaUnicom, Mvno),
        (7, 0) => match c {
            0..=2 => (ChinaTelecom, Mvno),
            3 | 5 | 6 => (ChinaMobile, Mvno),
            _ => (ChinaUnicom, Mvno),
        },
        (7, 1) => (ChinaUnicom, Mvno),
        (7, 2 | 8) => (ChinaMobile, Basic),
        (7, 3 | 7) => (ChinaTelecom, Basic),
        (7, 4) => match (c, d) {
            (0, 0..=5) => (ChinaTelecom, Basic),
            (0, _) | (1, 0..=2) => (EmergencyCommunications, Basic),
            (9, _) => (MaritimeSatellite, Basic),
            _ => return None,
        },
        (7, 5 | 6) => (ChinaUnicom, Basic),
        (7, 9) => (Unknown, Basic),
        (8, 0 | 1 | 9) => (ChinaTelecom, Basic),
        (8, 2..=4 | 7 | 8) => (ChinaMobile, Basic),
        (8, 5 | 6) => (ChinaUnicom, Basic),
        (9, 0 | 1 | 3 | 9) => (ChinaTelecom, Basic),
        (9, 2) => (ChinaBroadnet, Basic),
        (9, 5 | 7 | 8) => (ChinaMobile, Basic),
        (9, 6) => (ChinaUnicom, Basic),
        _ => return None,
    };
    Some(r)
}

#[cfg(test)]
#[allow(clippy::panic, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ok(input: &str) -> Mobile {
        validate(input).unwrap_or_else(|e| panic!("{input:?} rejected: {e:?}"))
    }

    fn code(input: &str) -> &'static str {
        match validate(input) {
            Ok(m) => panic!("{input:?} accepted: {m:?}"),
            Err(e) => e.code(),
        }
    }

    /// A literal transcription of R-MOBILE (`icp-rules.md` §2.8) on 11 ASCII digits, to
    /// cross-check [`classify`].
    fn r_mobile(n: &str) -> bool {
        let d: Vec<u32> = n.chars().filter_map(|c| c.to_digit(10)).collect();
        if d.len() != 11 || n.chars().count() != 11 || d.first() != Some(&1) {
            return false;
        }
        let g = |i: usize| d.get(i).copied().unwrap_or(99);
        match (g(1), g(2)) {
            (3, _) | (8, _) => true,
            (4, 5 | 7 | 9) => true,
            (5, x) => x != 4,
            (7, 0..=3 | 5..=9) => true,
            (7, 4) => matches!((g(3), g(4)), (0, _) | (1, 0..=2) | (9, _)),
            (9, x) => x != 4,
            (6, 2 | 5 | 6 | 7) => true,
            _ => false,
        }
    }

    #[test]
    fn spec_examples() {
        assert_eq!(ok("13800138000").carrier, Carrier::ChinaMobile);
        let m = ok("19212345678");
        assert_eq!(m.carrier, Carrier::ChinaBroadnet);
        assert!(m.warnings.is_empty());
        assert_eq!(code("15412345678"), "mobile.segment");
        assert_eq!(code("12012345678"), "mobile.segment");
        assert_eq!(code("1380013800"), "mobile.format");
        // §8.3: R-MOBILE true for these
        assert!(is_valid("16212345678"));
        assert!(is_valid("14512345678"));
        assert!(is_valid("17412345678") == r_mobile("17412345678"));
        assert_eq!(ok("17400123456").carrier, Carrier::ChinaTelecom);
    }

    #[test]
    fn segment_errors_carry_the_segment() {
        assert_eq!(validate("15412345678"), Err(Error::Segment {
            value: "15412345678".into(),
            segment: "154".into(),
        }));
        assert_eq!(validate("17420000000"), Err(Error::Segment {
            value: "17420000000".into(),
            segment: "17420".into(),
        }));
    }

    #[test]
    fn normalisation() {
        for input in [
            "+86 138-0013-8000",
            "+8613800138000",
            "0086 13800138000",
            "8613800138000",
            "86 138 0013 8000",
            "(+86) 138 0013 8000",
            "１３８００１３８０００",
            "＋８６　１３８－００１３－８０００",
            "\u{3000}138 0013 8000\u{3000}",
            "138—0013—8000",
        ] {
            let m = ok(input);
            assert_eq!(m.number, "13800138000", "{input}");
            assert_eq!(compact(input), "13800138000", "{input}");
        }
        assert_eq!(ok("13800138000").formatted(), "138 0013 8000");
    }

    #[test]
    fn carriers() {
        let cases = [
            ("13400000000", Carrier::ChinaMobile, LineType::Basic),
            ("13490000000", Carrier::ChinaTelecom, LineType::Basic),
            ("13012345678", Carrier::ChinaUnicom, LineType::Basic),
            ("13312345678", Carrier::ChinaTelecom, LineType::Basic),
            ("16612345678", Carrier::ChinaUnicom, LineType::Basic),
            ("19712345678", Carrier::ChinaMobile, LineType::Basic),
            ("19612345678", Carrier::ChinaUnicom, LineType::Basic),
            ("19012345678", Carrier::ChinaTelecom, LineType::Basic),
            ("17212345678", Carrier::ChinaMobile, LineType::Basic),
            ("17490000000", Carrier::MaritimeSatellite, LineType::Basic),
            ("17406000000", Carrier::EmergencyCommunications, LineType::Basic),
            ("17412000000", Carrier::EmergencyCommunications, LineType::Basic),
            ("17912345678", Carrier::Unknown, LineType::Basic),
            ("16512345678", Carrier::ChinaMobile, LineType::Mvno),
            ("16712345678", Carrier::ChinaUnicom, LineType::Mvno),
            ("17001234567", Carrier::ChinaTelecom, LineType::Mvno),
            ("17031234567", Carrier::ChinaMobile, LineType::Mvno),
            ("17091234567", Carrier::ChinaUnicom, LineType::Mvno),
            ("17112345678", Carrier::ChinaUnicom, LineType::Mvno),
            ("14712345678", Carrier::ChinaMobile, LineType::DataCard),
            ("14912345678", Carrier::ChinaTelecom, LineType::DataCard),
        ];
        for (n, carrier, line) in cases {
            let m = ok(n);
            assert_eq!((m.carrier, m.line_type), (carrier, line), "{n}");
        }
    }

    #[test]
    fn unsupported_segments_warn() {
        for seg in ["162", "165", "167", "170", "171", "145", "147", "149"] {
            let n = format!("{seg}12345678");
            let m = ok(&n);
            assert_eq!(m.warnings.len(), 1, "{n}");
            assert_eq!(m.warnings.first().map(Warning::code), Some("mobile.unsupported_segment"));
            assert_eq!(
                m.warnings.first().map(Warning::params),
                Some(vec![
                    ("value", n.clone()),
                    ("segment", seg.to_string()),
                    ("line_type", m.line_type.as_str().to_string()),
                ])
            );
        }
    }

    #[test]
    fn refusals() {
        assert_eq!(code("1440123456789"), "mobile.iot");
        assert_eq!(code("1410123456789"), "mobile.iot");
        assert_eq!(code("1460123456789"), "mobile.iot");
        assert_eq!(code("1480123456789"), "mobile.iot");
        assert_eq!(code("1400123456789"), "mobile.iot");
        assert_eq!(code("14612345678"), "mobile.segment");
        assert_eq!(code("+852 9123 4567"), "mobile.country_code");
        assert_eq!(code("00852 9123 4567"), "mobile.country_code");
        assert_eq!(code("+1 415 555 0100"), "mobile.country_code");
        assert_eq!(code("010-88888888"), "mobile.landline");
        assert_eq!(code("0571-8888888"), "mobile.landline");
        assert_eq!(code("138001380001"), "mobile.format");
        assert_eq!(code("1380013800a"), "mobile.format");
        assert_eq!(code("23800138000"), "mobile.format");
        assert_eq!(code("138 0013 8000 转 1"), "mobile.format");
        assert_eq!(code("８６"), "mobile.format");
        assert_eq!(code("+86"), "mobile.format");
        assert_eq!(code(""), "mobile.empty");
        assert_eq!(code(" - "), "mobile.empty");
        assert_eq!(code("😀"), "mobile.format");
        assert_eq!(code("1\u{0301}3800138000"), "mobile.format");
        assert_eq!(code("一三八"), "mobile.format");
        assert_eq!(code("١٣٨٠٠١٣٨٠٠٠"), "mobile.format");
    }

    #[test]
    fn classify_agrees_with_r_mobile() {
        for prefix in 0..100_000u32 {
            let n = format!("1{prefix:05}12345");
            assert_eq!(is_valid(&n), r_mobile(&n), "{n}");
        }
    }

    #[test]
    fn huge_input() {
        let big = "1".repeat(1_000_000);
        assert_eq!(code(&big), "mobile.format");
        let e = validate(&"号".repeat(1_000_000)).err();
        assert!(e.is_some_and(|e| e.params().iter().all(|(_, v)| v.chars().count() <= 65)));
    }

    #[test]
    fn every_code_is_catalogued() {
        let mut produced = Vec::new();
        for input in ["", "123", "+852 91234567", "010-88888888", "15412345678", "1440123456789"] {
            let e = validate(input).err().unwrap_or(Error::Empty);
            super::super::catalogue::check(e.code(), &e.params());
            produced.push(e.code());
        }
        for w in ok("17012345678").warnings {
            super::super::catalogue::check(w.code(), &w.params());
            produced.push(w.code());
        }
        for c in CODES {
            assert!(produced.contains(c), "{c} not exercised");
        }
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,30}") {
            let _ = validate(&s);
            let _ = compact(&s);
        }

        #[test]
        fn digit_soup_never_panics(s in "[+0-9 ()\\-]{0,20}") {
            let _ = validate(&s);
        }

        #[test]
        fn valid_numbers_round_trip(rest in "[0-9]{10}") {
            let n = format!("1{rest}");
            prop_assert_eq!(is_valid(&n), r_mobile(&n));
            if let Ok(m) = validate(&n) {
                prop_assert_eq!(&m.number, &n);
                prop_assert_eq!(compact(&n), n.clone());
                let spaced = format!("+86 {}", m.formatted());
                let again = validate(&spaced).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
                prop_assert_eq!(again.number, n.clone());
                prop_assert_eq!(validate(&compact(&spaced)).map(|m| m.number), Ok(n));
            }
        }
    }
}

//! Mainland China mobile numbers (手机号码).
//!
//! A mainland mobile number has 11 digits and starts with `1`; its first three digits (for
//! some ranges four or five) form the segment (号段) that MIIT allocated to a carrier:
//!
//! | carrier | segments |
//! |---|---|
//! | 中国移动 China Mobile | 134(0–8) 135–139 150–152 157–159 172 178 182–184 187 188 195 197 198 |
//! | 中国联通 China Unicom | 130–132 155 156 166 175 176 185 186 196 |
//! | 中国电信 China Telecom | 133 153 173 177 180 181 189 190 191 193 199 |
//! | 中国广电 China Broadnet | 192 |
//! | 虚拟运营商 MVNO | 162 (电信) 165 (移动) 167 (联通) 1700–1702 (电信) 1703 1705 1706 (移动) 1704 1707–1709 171 (联通) |
//! | 上网卡 data cards | 145 (联通) 147 (移动) 149 (电信) |
//! | 卫星电话 satellite | 1349 (电信, formerly 中国卫通), 17400–17405 (电信, 天通), 1749 (海事卫星 Inmarsat) |
//! | 应急通信 emergency | 17406–17412 (工业和信息化部应急通信保障中心) |
//!
//! **Which numbers are mobiles** is the numbering plan's answer, not a table kept here: the
//! `mobile` pattern of libphonenumber's metadata for CN (`data/phone/`, baked into digit automata
//! by `bake/src/phone.rs`, see [`plan`]), whose maintainers follow MIIT's allocations. A number the
//! pattern matches is a mobile; one it does not match is refused as `mobile.format.segment`, unless the
//! spec's segment table (`docs/rules.md` §2.8 P1, S29) lists its segment, which today is true of
//! three the metadata leaves out: 149 (Telecom's data cards), 1749 (maritime satellite) and
//! 17406–17412 (emergency communications). The sources disagree there, so those numbers are
//! accepted with the warning their kind of line gets below, and [`Mobile::in_plan`] is `false`.
//! (179, which R-MOBILE admits, is in neither table: refused.)
//!
//! **The table above** names the carrier and the kind of line (the spec's, S29); it decides no
//! validity. On top of validity the spec's provider rules give warnings, never errors:
//! - MVNO and data-card segments: some filing systems answer "提示不支持该手机号段" (P2, [C]
//!   S5; that these segments are the cause is [I]) → `mobile.unsupported_segment`;
//! - satellite segments → `mobile.satellite`, and the emergency segment →
//!   `mobile.unsupported_segment.emergency`: the same refusal is likely, and the filing's SMS
//!   verification may not reach such a terminal ([I]);
//! - IoT numbers (物联网卡: 140x 141x 144x 146x 148x) have 13 digits and receive no SMS, so they
//!   cannot pass the filing's SMS verification: refused (`mobile.iot`, P1).
//!
//! Since number portability (携号转网, 2019-12-01) the segment only names the carrier that
//! issued the number.
//!
//! Accepted input: a `+86`, `0086` or `86` prefix (also `(+86)`), the trunk `0` dialled before
//! a mobile from a landline in another area (`013800138000`), spaces, hyphens and dashes,
//! parentheses, full-width digits. [`compact`] removes all of these and returns the 11 national
//! digits. A service number (400, 800, 95xxx…) is named as such (`mobile.format.service_number`).
//!
//! Sources (`docs/rules.md` §2.8): the numbering plan from libphonenumber's
//! `PhoneNumberMetadata.xml` (its version in [`plan::METADATA_VERSION`]; refreshed by
//! `scripts/refresh-phone-data.py`, compared with libphonenumber itself by `tests/phone_diff.py`);
//! P1 — segments from S29 **[C3]**, examples verified **[V]** (§8.3); P2 — filing systems answer
//! "提示不支持该手机号段" **[C]** S5. The home province of a number (P4) is
//! [`super::mobile_region`].

use super::normalize;
use crate::base::{Param, Params};


/// The carriers and kinds of line of `data/rules/mobile-segments.toml`.
pub use segments::{Carrier, LineType};

/// A valid mobile number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mobile {
    /// The 11 national digits, `13800138000`.
    pub number: String,
    /// The carrier the segment was allocated to (not necessarily the current one).
    pub carrier: Carrier,
    /// Basic, MVNO, data card, satellite or emergency.
    pub line_type: LineType,
    /// Whether the numbering plan's mobile pattern matches. `false` for the segments only the
    /// spec's table lists (149, 1749, 17406–17412), which are accepted with a warning.
    pub in_plan: bool,
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

/// A valid number that deserves a warning. All are inferred ([I]): warnings, never errors.
// Variant fields are described in the variant's doc; `value` is always the quoted input
// as [`normalize::excerpt`] shortens it.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// MVNO (162 165 167 170 171) and data-card (145 147 149) segments: some filing
    /// systems answer "提示不支持该手机号段" (`docs/rules.md` §2.8 P2, [C] S5; which
    /// segments **[I]**). `segment` is the first three digits.
    UnsupportedSegment { value: String, segment: String, line_type: LineType },
    /// A satellite phone (1349, 17400–17405, 1749): likely refused like P2's segments, and
    /// the SMS verification may not reach it [I]. `segment` as the table above writes it
    /// (`1349`, `17403`, `1749`).
    Satellite { value: String, segment: String },
    /// A number of the emergency-communications segment 17406–17412, which is not issued to
    /// the public [I]. `segment` is the first five digits.
    EmergencySegment { value: String, segment: String },
}

impl Warning {
    /// Stable dotted code.
    pub fn code(&self) -> &'static str {
        match self {
            Warning::UnsupportedSegment { .. } => "mobile.unsupported_segment",
            Warning::Satellite { .. } => "mobile.satellite",
            Warning::EmergencySegment { .. } => "mobile.unsupported_segment.emergency",
        }
    }

    /// Named values for the message.
    pub fn params(&self) -> Params {
        match self {
            Warning::UnsupportedSegment { value, segment, line_type } => Params(vec![
                ("value", Param::from(value.clone())),
                ("segment", Param::from(segment.clone())),
                ("line_type", Param::from(line_type.as_str())),
            ]),
            Warning::Satellite { value, segment } | Warning::EmergencySegment { value, segment } => {
                Params(vec![("value", Param::from(value.clone())), ("segment", Param::from(segment.clone()))])
            }
        }
    }
}

super::impl_finding!(Warning, warning);

/// Why a string is not a usable mainland mobile number.
// Variant fields are described in the variant's doc; `value` is always the quoted input
// as [`normalize::excerpt`] shortens it.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// Nothing left after trimming.
    Empty,
    /// Not 11 digits starting with 1 (other characters, wrong length)
    /// (`docs/rules.md` §2.8 P1; `1380013800` invalid [V]).
    Format { value: String, digits: usize },
    /// A `+` / `00` country code other than 86 (P1: mainland numbers only).
    CountryCode { value: String },
    /// Starts with 0 and has 10–12 digits: a landline with area code, not a mobile (P1).
    Landline { value: String },
    /// 11 digits starting with 1 in no allocated segment: neither the numbering plan nor the
    /// spec's table (P1 [C3]) has it (`15412345678`, `12012345678` invalid [V]). `segment` is
    /// the shortest prefix, at least three digits, that no segment starts with (`154`, `1742`).
    Segment { value: String, segment: String },
    /// A 13-digit IoT number (P1: "IoT 13-digit … (reject)").
    Iot { value: String },
    /// A number of another kind in the numbering plan: toll-free (800), shared-cost (400,
    /// 95xxx), premium-rate (160, 168). Not a mobile (P1).
    ServiceNumber { value: String, kind: plan::NumberType },
}

impl Error {
    /// Stable dotted code.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Empty => "mobile.format.empty",
            Error::Format { .. } => "mobile.format",
            Error::CountryCode { .. } => "mobile.format.country_code",
            Error::Landline { .. } => "mobile.format.landline",
            Error::Segment { .. } => "mobile.format.segment",
            Error::Iot { .. } => "mobile.iot",
            Error::ServiceNumber { .. } => "mobile.format.service_number",
        }
    }

    /// Named values for the message.
    pub fn params(&self) -> Params {
        match self {
            Error::Empty => Params::default(),
            Error::Format { value, digits } => {
                Params(vec![("value", Param::from(value.clone())), ("digits", Param::from(*digits))])
            }
            Error::CountryCode { value } | Error::Landline { value } | Error::Iot { value } => {
                Params(vec![("value", Param::from(value.clone()))])
            }
            Error::Segment { value, segment } => {
                Params(vec![("value", Param::from(value.clone())), ("segment", Param::from(segment.clone()))])
            }
            Error::ServiceNumber { value, kind } => {
                Params(vec![("value", Param::from(value.clone())), ("kind", Param::from(kind.as_str()))])
            }
        }
    }

    /// Whether the rule is confirmed (→ error) rather than inferred (→ warning). All mobile
    /// errors are certain: P1 is [C3] with [V] examples, a segment is refused only when the
    /// numbering plan and the spec's table agree that nobody holds it, and the filing system
    /// itself refuses segments it does not know (P2).
    pub fn is_certain(&self) -> bool {
        true
    }
}

super::impl_finding!(Error);

/// Separators dropped by [`compact`]: whitespace, dashes, parentheses, dots.
fn is_separator(c: char) -> bool {
    normalize::is_space(c) || normalize::is_dash(c) || matches!(c, '(' | ')' | '.')
}

/// Folds full-width characters, drops separators and removes a `+86`, `0086` or `86`
/// prefix and a trunk `0` before a mobile: `compact("+86 138-0013-8000")` = `"13800138000"`.
/// Other input is returned folded and without separators.
pub fn compact(input: &str) -> String {
    let s = normalize::fold_without(input, is_separator);
    let national = strip_country_code(&s).unwrap_or(&s);
    strip_trunk_zero(national).unwrap_or(national).to_string()
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

/// The 11 digits after a trunk `0` (`013800138000`), `None` unless the input is `0` and 11
/// digits starting with `1[3-9]`. (`010…` is Beijing's area code, never a mobile.)
fn strip_trunk_zero(s: &str) -> Option<&str> {
    s.strip_prefix('0').filter(|rest| {
        let b = rest.as_bytes();
        b.len() == 11 && b.iter().all(u8::is_ascii_digit) && b.first() == Some(&b'1') && b.get(1).is_some_and(|d| (b'3'..=b'9').contains(d))
    })
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
    let national = strip_trunk_zero(national).unwrap_or(national);
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
        [1, _, _, _, _, _, _, _, _, _, _] => classify(&digits, national, value),
        _ => match plan::number_type_of(&digits) {
            Some(kind) if kind != plan::NumberType::FixedLine && kind != plan::NumberType::Mobile => {
                Err(Error::ServiceNumber { value, kind })
            }
            _ => Err(Error::Format { value, digits: digits.len() }),
        },
    }
}

/// 11 digits starting with 1: the numbering plan decides, the spec's table names the carrier
/// and line and adds the segments the plan lacks.
fn classify(digits: &[u8], national: &str, value: String) -> Result<Mobile, Error> {
    let in_plan = plan::matches_digits(plan::NumberType::Mobile, digits);
    let segment = segments::find(digits);
    let (carrier, line_type, segment_len) = match (in_plan, segment) {
        (_, Some(s)) => (s.carrier, s.line, s.from.len()),
        (true, None) => (Carrier::Unknown, LineType::Basic, 3),
        (false, None) => {
            let len = plan::dead_after(plan::NumberType::Mobile, digits).max(segments::dead_after(digits)).max(3);
            return Err(Error::Segment { value, segment: segment_text(digits, len) });
        }
    };
    let warning = match line_type {
        LineType::Basic => None,
        LineType::Mvno | LineType::DataCard => {
            Some(Warning::UnsupportedSegment { value, segment: segment_text(digits, 3), line_type })
        }
        LineType::Satellite => Some(Warning::Satellite { value, segment: segment_text(digits, segment_len) }),
        LineType::Emergency => Some(Warning::EmergencySegment { value, segment: segment_text(digits, segment_len) }),
    };
    Ok(Mobile { number: national.to_string(), carrier, line_type, in_plan, warnings: warning.into_iter().collect() })
}

/// Whether the input is a valid mobile number (possibly with warnings).
pub fn is_valid(input: &str) -> bool {
    validate(input).is_ok()
}

/// The first `len` digits as text.
fn segment_text(digits: &[u8], len: usize) -> String {
    digits.iter().take(len).map(|d| char::from(b'0' + d)).collect()
}

/// The version and source of the segment table (`rulesInfo().mobileSegments`).
pub(crate) use segments::{SOURCE as SEGMENTS_SOURCE, VERSION as SEGMENTS_VERSION};

/// The spec's segment table (`docs/rules.md` §2.8 P1, S29; `data/rules/mobile-segments.toml`):
/// who was allocated a segment and for what kind of line. It names carriers and adds the three
/// segments the numbering plan leaves out (149, 1749, 17406–17412); which numbers are mobiles
/// is [`plan`]'s answer.
mod segments {
    /// The numbers whose first `from.len()` digits lie in `from..=to` (equal lengths).
    pub(super) struct Segment {
        pub from: &'static str,
        pub to: &'static str,
        pub carrier: Carrier,
        pub line: LineType,
    }

    const fn s(from: &'static str, to: &'static str, carrier: Carrier, line: LineType) -> Segment {
        Segment { from, to, carrier, line }
    }

    // `data/rules/mobile-segments.toml`, baked by `bake/` (VERSION, SOURCE, Carrier, LineType, TABLE).
    include!("../generated/mobile_segments.rs");

    /// The first `n` digits as ASCII, compared with a segment bound of the same length.
    fn prefix_in(digits: &[u8], from: &str, to: &str) -> bool {
        let Some(head) = digits.get(..from.len()) else { return false };
        let head = head.iter().map(|d| b'0' + d);
        let (lo, hi) = (from.bytes(), to.bytes());
        head.clone().cmp(lo) != std::cmp::Ordering::Less && head.cmp(hi) != std::cmp::Ordering::Greater
    }

    /// The segment of an 11-digit number (the longest matching prefix).
    pub(super) fn find(digits: &[u8]) -> Option<&'static Segment> {
        TABLE.iter().filter(|s| prefix_in(digits, s.from, s.to)).max_by_key(|s| s.from.len())
    }

    /// How many leading digits it takes to see that no segment of the table holds the
    /// number (its length + 1 if one does).
    pub(super) fn dead_after(digits: &[u8]) -> usize {
        (1..=digits.len())
            .find(|&k| {
                let head: Vec<u8> = digits.iter().take(k).map(|d| b'0' + d).collect();
                !TABLE.iter().any(|s| {
                    // Bounds are never empty (the table's test says so), so n ≥ 1.
                    let n = s.from.len().min(k);
                    head.get(..n).is_some_and(|h| h >= s.from.as_bytes().get(..n).unwrap_or_default() && h <= s.to.as_bytes().get(..n).unwrap_or_default())
                })
            })
            .unwrap_or(digits.len() + 1)
    }
}

/// China's numbering plan as libphonenumber's metadata describes it (`data/phone/`): which
/// national numbers are fixed lines, mobiles, toll-free, shared-cost or premium-rate numbers,
/// and the lengths each can have.
///
/// `bake/src/phone.rs` compiles each kind's `nationalNumberPattern` into a deterministic automaton
/// over the ten digits (one table, minimised, 10 entries per state), so a match is one table
/// step per digit and the library carries no regex engine. Each state also records which
/// lengths can still end in a match, which tells a wrong length from wrong digits.
///
/// National numbers are the digits after the country code and without the trunk `0`:
/// `13800138000`, `1088888888` (Beijing 010-88888888), `4001234567`.
pub mod plan {
    /// A kind of number, as libphonenumber names them (`PhoneNumberType`). China's metadata
    /// describes fixed lines, mobiles, toll-free, shared-cost and premium-rate numbers today;
    /// the other kinds match nothing until it describes them.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum NumberType {
        FixedLine,
        Mobile,
        TollFree,
        PremiumRate,
        SharedCost,
        Voip,
        PersonalNumber,
        Pager,
        Uan,
        Voicemail,
    }

    impl NumberType {
        /// `fixed_line`, `mobile`, `toll_free`, `premium_rate`, `shared_cost`, `voip`,
        /// `personal_number`, `pager`, `uan`, `voicemail`.
        pub fn as_str(self) -> &'static str {
            match self {
                NumberType::FixedLine => "fixed_line",
                NumberType::Mobile => "mobile",
                NumberType::TollFree => "toll_free",
                NumberType::PremiumRate => "premium_rate",
                NumberType::SharedCost => "shared_cost",
                NumberType::Voip => "voip",
                NumberType::PersonalNumber => "personal_number",
                NumberType::Pager => "pager",
                NumberType::Uan => "uan",
                NumberType::Voicemail => "voicemail",
            }
        }

        /// Every kind, in the order libphonenumber tries them when it types a number.
        pub const ALL: [NumberType; 10] = [
            NumberType::PremiumRate,
            NumberType::TollFree,
            NumberType::SharedCost,
            NumberType::Voip,
            NumberType::PersonalNumber,
            NumberType::Pager,
            NumberType::Uan,
            NumberType::Voicemail,
            NumberType::FixedLine,
            NumberType::Mobile,
        ];
    }

    /// One description of the metadata.
    #[derive(Debug)]
    pub(crate) struct Desc {
        /// The type it describes; `None` for `generalDesc`, every possible CN number.
        pub kind: Option<NumberType>,
        /// Its start state in [`NEXT`].
        pub start: State,
        /// `possibleLengths national`.
        pub national_lengths: &'static [u8],
        /// `possibleLengths localOnly`: lengths dialled without the area code (not matched).
        pub local_only_lengths: &'static [u8],
        pub example: Option<&'static str>,
    }

    include!("../generated/phone.rs");

    /// The libphonenumber version of the metadata (`9.0.33`).
    pub const METADATA_VERSION: &str = VERSION;
    /// Where the metadata was taken from (`crates.io phonenumber 0.3.10+9.0.33, …`).
    pub const METADATA_PACKAGE: &str = PACKAGE;

    fn desc(kind: Option<NumberType>) -> Option<&'static Desc> {
        DESCS.iter().find(|d| d.kind == kind)
    }

    /// The state after `state` reads `digit` (0–9); 0 (dead) for anything else.
    pub(crate) fn step(state: State, digit: u8) -> State {
        if digit > 9 {
            return 0;
        }
        NEXT.get(usize::from(state) * 10 + usize::from(digit)).copied().unwrap_or(0)
    }

    /// The lengths that can still end in a match from `state` (bit k: k more digits).
    pub(crate) fn remaining(state: State) -> u16 {
        LENGTHS.get(usize::from(state)).copied().unwrap_or(0)
    }

    /// The start state of a kind; 0 (matches nothing) for a kind the metadata lacks.
    pub(crate) fn start(t: NumberType) -> State {
        desc(Some(t)).map_or(0, |d| d.start)
    }

    /// The start state of the general description (every possible CN number).
    pub(crate) fn general_start() -> State {
        desc(None).map_or(0, |d| d.start)
    }

    /// The state after reading `digits` (values 0–9) from `state`.
    pub(crate) fn walk(state: State, digits: &[u8]) -> State {
        digits.iter().fold(state, |s, &d| step(s, d))
    }

    /// Whether the national number (values 0–9) is of kind `t`.
    pub(crate) fn matches_digits(t: NumberType, digits: &[u8]) -> bool {
        remaining(walk(start(t), digits)) & 1 != 0
    }

    /// How many leading digits it takes to see that no number of kind `t` starts like this
    /// one (`digits.len() + 1` when some does).
    pub(crate) fn dead_after(t: NumberType, digits: &[u8]) -> usize {
        let mut s = start(t);
        for (i, &d) in digits.iter().enumerate() {
            s = step(s, d);
            if s == 0 {
                return i + 1;
            }
        }
        digits.len() + 1
    }

    /// libphonenumber's type of a national number: the general description must match, then
    /// the first kind of [`NumberType::ALL`] that matches. (China's fixed-line and mobile
    /// patterns share no number, so libphonenumber's `FIXED_LINE_OR_MOBILE` does not occur.)
    pub(crate) fn number_type_of(digits: &[u8]) -> Option<NumberType> {
        if remaining(walk(general_start(), digits)) & 1 == 0 {
            return None;
        }
        NumberType::ALL.into_iter().find(|&t| matches_digits(t, digits))
    }

    /// ASCII digits as values 0–9; `None` for anything else or more than 15 digits.
    fn digits_of(national: &str) -> Option<Vec<u8>> {
        if national.len() > 15 || !national.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(national.bytes().map(|b| b - b'0').collect())
    }

    /// Whether `national` (ASCII digits) is a number of kind `t`: `matches(Mobile, "13800138000")`.
    pub fn matches(t: NumberType, national: &str) -> bool {
        digits_of(national).is_some_and(|d| matches_digits(t, &d))
    }

    /// The kind of `national` (ASCII digits, no country code, no trunk `0`), as libphonenumber
    /// would type it; `None` when it is no valid CN number.
    pub fn number_type(national: &str) -> Option<NumberType> {
        number_type_of(&digits_of(national)?)
    }

    /// The lengths a national number of kind `t` can have (`possibleLengths`); empty for a
    /// kind the metadata lacks.
    pub fn possible_lengths(t: NumberType) -> &'static [u8] {
        desc(Some(t)).map_or(&[], |d| d.national_lengths)
    }

    /// Lengths dialled without the area code (`localOnly`), which no pattern matches.
    pub fn local_only_lengths(t: NumberType) -> &'static [u8] {
        desc(Some(t)).map_or(&[], |d| d.local_only_lengths)
    }

    /// The metadata's example number of kind `t`.
    pub fn example(t: NumberType) -> Option<&'static str> {
        desc(Some(t)).and_then(|d| d.example)
    }

    /// The trunk prefix dialled before a national number inside China (`0`).
    pub fn national_prefix() -> &'static str {
        NATIONAL_PREFIX
    }
}

#[cfg(test)]
#[allow(clippy::panic, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::plan::NumberType;
    use super::*;
    use proptest::prelude::*;

    /// An ASCII digit string as the digit values the plan and the segment table read.
    fn digits(n: &str) -> Vec<u8> {
        n.bytes().map(|b| b - b'0').collect()
    }

    fn ok(input: &str) -> Mobile {
        validate(input).unwrap_or_else(|e| panic!("{input:?} rejected: {e:?}"))
    }

    fn code(input: &str) -> &'static str {
        match validate(input) {
            Ok(m) => panic!("{input:?} accepted: {m:?}"),
            Err(e) => e.code(),
        }
    }

    /// A literal transcription of R-MOBILE (`docs/rules.md` §2.8) on 11 ASCII digits.
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

    /// The metadata's mobile pattern, transcribed by hand from data/phone/ (libphonenumber
    /// 9.0.33): `1740[0-5]\d{6}|1(?:[38]\d|4[57]|[59][0-35-9]|6[25-7]|7[0-35-8])\d{8}`. When a
    /// refresh changes the pattern, this test says so; update it with the data.
    fn metadata_mobile(n: &str) -> bool {
        let d: Vec<u8> = n.bytes().map(|b| b.wrapping_sub(b'0')).collect();
        if d.len() != 11 || d.iter().any(|&x| x > 9) || d[0] != 1 {
            return false;
        }
        (d[1..4] == [7, 4, 0] && d[4] <= 5)
            || match (d[1], d[2]) {
                (3 | 8, _) => true,
                (4, 5 | 7) => true,
                (5 | 9, x) => x != 4,
                (6, 2 | 5 | 6 | 7) => true,
                (7, x) => matches!(x, 0..=3 | 5..=8),
                _ => false,
            }
    }

    #[test]
    fn spec_examples() {
        assert_eq!(ok("13800138000").carrier, Carrier::ChinaMobile);
        let m = ok("19212345678");
        assert_eq!(m.carrier, Carrier::ChinaBroadnet);
        assert!(m.warnings.is_empty());
        assert_eq!(code("15412345678"), "mobile.format.segment");
        assert_eq!(code("12012345678"), "mobile.format.segment");
        assert_eq!(code("1380013800"), "mobile.format");
        // §8.3: R-MOBILE true for these
        assert!(is_valid("16212345678"));
        assert!(is_valid("14512345678"));
        // 17412…: the emergency segment, which only the spec's table lists (a warning).
        assert!(is_valid("17412345678") == r_mobile("17412345678"));
        assert_eq!(ok("17400123456").carrier, Carrier::ChinaTelecom);
    }

    #[test]
    fn the_plan_decides_validity() {
        assert_eq!(plan::METADATA_VERSION, "9.0.33");
        for prefix in 0..100_000u32 {
            let n = format!("1{prefix:05}12345");
            assert_eq!(plan::matches(NumberType::Mobile, &n), metadata_mobile(&n), "{n}");
        }
        // Every segment the spec's table calls basic is in the plan.
        for s in segments::TABLE.iter().filter(|s| s.line == LineType::Basic) {
            let n = format!("{:0<11}", s.from);
            assert!(ok(&n).in_plan, "{n}");
        }
    }

    #[test]
    fn segment_bounds_are_digit_strings_of_one_length() {
        // What prefix_in and dead_after compare assumes of every row of the table.
        for s in segments::TABLE {
            assert!(!s.from.is_empty() && s.from.len() == s.to.len() && s.from <= s.to, "{}–{}", s.from, s.to);
            assert!(s.from.bytes().chain(s.to.bytes()).all(|b| b.is_ascii_digit()), "{}–{}", s.from, s.to);
        }
        // A number some segment holds is never seen to be held by none: its length + 1.
        assert_eq!(segments::dead_after(&digits("13800138000")), 12);
        assert_eq!(segments::dead_after(&digits("15412345678")), 3);
    }

    #[test]
    fn segment_errors_carry_the_segment() {
        assert_eq!(validate("15412345678"), Err(Error::Segment {
            value: "15412345678".into(),
            segment: "154".into(),
        }));
        // The shortest prefix no segment starts with: 1742 (1740x, 1741[0-2] and 1749 exist),
        // where the hand-written table said 17420.
        assert_eq!(validate("17420000000"), Err(Error::Segment {
            value: "17420000000".into(),
            segment: "1742".into(),
        }));
        assert_eq!(validate("17413000000"), Err(Error::Segment {
            value: "17413000000".into(),
            segment: "17413".into(),
        }));
        assert_eq!(validate("12012345678"), Err(Error::Segment { value: "12012345678".into(), segment: "120".into() }));
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
            // The trunk 0 dialled before a mobile of another area (libphonenumber strips it too).
            "013800138000",
            "0 138 0013 8000",
            "+86 0138 0013 8000",
        ] {
            let m = ok(input);
            assert_eq!(m.number, "13800138000", "{input}");
            assert_eq!(compact(input), "13800138000", "{input}");
        }
        assert_eq!(ok("13800138000").formatted(), "138 0013 8000");
        // A bare 86 is a country code only before 11 digits that start with 1: other numbers
        // that start with 86 are left as they are, to be reported as they were typed.
        for input in ["861380013800", "8623800138000", "86138001380001", "861380013800x"] {
            assert_eq!(compact(input), input, "{input}");
        }
    }

    #[test]
    fn carriers() {
        let cases = [
            ("13400000000", Carrier::ChinaMobile, LineType::Basic),
            // 1349 was the satellite segment of China Satcom, now China Telecom's.
            ("13490000000", Carrier::ChinaTelecom, LineType::Satellite),
            ("13012345678", Carrier::ChinaUnicom, LineType::Basic),
            ("13312345678", Carrier::ChinaTelecom, LineType::Basic),
            ("16612345678", Carrier::ChinaUnicom, LineType::Basic),
            ("19712345678", Carrier::ChinaMobile, LineType::Basic),
            ("19612345678", Carrier::ChinaUnicom, LineType::Basic),
            ("19012345678", Carrier::ChinaTelecom, LineType::Basic),
            ("17212345678", Carrier::ChinaMobile, LineType::Basic),
            ("17400123456", Carrier::ChinaTelecom, LineType::Satellite),
            ("17490000000", Carrier::MaritimeSatellite, LineType::Satellite),
            ("17406000000", Carrier::EmergencyCommunications, LineType::Emergency),
            ("17412000000", Carrier::EmergencyCommunications, LineType::Emergency),
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
        // 179 was accepted as "unknown" by the old table because R-MOBILE admits it; no carrier
        // table lists it and the numbering plan does not allocate it.
        assert_eq!(code("17912345678"), "mobile.format.segment");
    }

    #[test]
    fn spec_only_segments_are_accepted_with_a_warning() {
        for (n, code) in [
            ("14912345678", "mobile.unsupported_segment"),
            ("17490000000", "mobile.satellite"),
            ("17406000000", "mobile.unsupported_segment.emergency"),
            ("17412999999", "mobile.unsupported_segment.emergency"),
        ] {
            let m = ok(n);
            assert!(!m.in_plan, "{n}");
            assert_eq!(m.warnings.iter().map(Warning::code).collect::<Vec<_>>(), [code], "{n}");
        }
        for n in ["13800138000", "14512345678", "13490000000", "17400123456"] {
            assert!(ok(n).in_plan, "{n}");
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
                Some(crate::base::params![
                    "value" => n.clone(),
                    "segment" => seg.to_string(),
                    "line_type" => m.line_type.as_str(),
                ])
            );
        }
    }

    #[test]
    fn satellite_segments_warn() {
        for (n, segment) in [("13491234567", "1349"), ("17403123456", "17403"), ("17491234567", "1749")] {
            assert_eq!(ok(n).warnings, vec![Warning::Satellite { value: n.into(), segment: segment.into() }], "{n}");
        }
        assert_eq!(
            ok("17410123456").warnings,
            vec![Warning::EmergencySegment { value: "17410123456".into(), segment: "17410".into() }]
        );
    }

    #[test]
    fn refusals() {
        assert_eq!(code("1440123456789"), "mobile.iot");
        assert_eq!(code("1410123456789"), "mobile.iot");
        assert_eq!(code("1460123456789"), "mobile.iot");
        assert_eq!(code("1480123456789"), "mobile.iot");
        assert_eq!(code("1400123456789"), "mobile.iot");
        assert_eq!(code("14612345678"), "mobile.format.segment");
        assert_eq!(code("+852 9123 4567"), "mobile.format.country_code");
        assert_eq!(code("00852 9123 4567"), "mobile.format.country_code");
        assert_eq!(code("+1 415 555 0100"), "mobile.format.country_code");
        assert_eq!(code("010-88888888"), "mobile.format.landline");
        assert_eq!(code("0571-8888888"), "mobile.format.landline");
        assert_eq!(code("010 1380 0138 0"), "mobile.format.landline");
        // A landline needs an area code after the 0 and 10 to 12 digits in all.
        assert_eq!(code("01012345"), "mobile.format", "too short for a landline");
        assert_eq!(code("+86 000 0000 0000"), "mobile.format", "no area code starts with 0");
        // A fixed-line number without its trunk 0 is no service number.
        assert_eq!(code("1088888888"), "mobile.format");
        assert_eq!(code("138001380001"), "mobile.format");
        assert_eq!(code("1380013800a"), "mobile.format");
        assert_eq!(code("23800138000"), "mobile.format");
        assert_eq!(code("138 0013 8000 转 1"), "mobile.format");
        assert_eq!(code("８６"), "mobile.format");
        assert_eq!(code("+86"), "mobile.format");
        assert_eq!(code(""), "mobile.format.empty");
        assert_eq!(code(" - "), "mobile.format.empty");
        assert_eq!(code("😀"), "mobile.format");
        assert_eq!(code("1\u{0301}3800138000"), "mobile.format");
        assert_eq!(code("一三八"), "mobile.format");
        assert_eq!(code("١٣٨٠٠١٣٨٠٠٠"), "mobile.format");
    }

    #[test]
    fn service_numbers_are_named() {
        for (n, kind) in [
            ("400-123-4567", NumberType::SharedCost),
            ("4008123456", NumberType::SharedCost),
            ("800 123 4567", NumberType::TollFree),
            ("16812345", NumberType::PremiumRate),
        ] {
            assert_eq!(validate(n), Err(Error::ServiceNumber { value: n.into(), kind }), "{n}");
        }
    }

    #[test]
    fn plan_types() {
        assert_eq!(plan::number_type("13800138000"), Some(NumberType::Mobile));
        assert_eq!(plan::number_type("1088888888"), Some(NumberType::FixedLine));
        assert_eq!(plan::number_type("2188888888"), Some(NumberType::FixedLine));
        assert_eq!(plan::number_type("4001234567"), Some(NumberType::SharedCost));
        assert_eq!(plan::number_type("8001234567"), Some(NumberType::TollFree));
        assert_eq!(plan::number_type("15412345678"), None);
        assert_eq!(plan::number_type("1380013800a"), None);
        assert_eq!(plan::number_type(""), None);
        assert_eq!(plan::number_type(&"1".repeat(100)), None);
        assert_eq!(plan::possible_lengths(NumberType::Mobile), &[11]);
        assert_eq!(plan::possible_lengths(NumberType::Voip), &[] as &[u8]);
        // A fixed line dialled without its area code has 5 or 6 digits; a mobile is never
        // dialled short.
        assert_eq!(plan::local_only_lengths(NumberType::FixedLine), &[5, 6]);
        assert_eq!(plan::local_only_lengths(NumberType::Mobile), &[] as &[u8]);
        assert_eq!(plan::national_prefix(), "0");
        for t in NumberType::ALL {
            if let Some(example) = plan::example(t) {
                assert!(plan::matches(t, example), "{t:?} {example}");
                assert_eq!(plan::number_type(example), Some(t), "{example}");
            }
        }
    }

    #[test]
    fn plan_sees_a_dead_prefix_at_its_first_impossible_digit() {
        // No mobile starts with 2 or with 154: the first digit, the third.
        assert_eq!(plan::dead_after(NumberType::Mobile, &digits("23800138000")), 1);
        assert_eq!(plan::dead_after(NumberType::Mobile, &digits("15412345678")), 3);
        // A number of the kind, and a prefix of one, never die: their length + 1.
        assert_eq!(plan::dead_after(NumberType::Mobile, &digits("13800138000")), 12);
        assert_eq!(plan::dead_after(NumberType::Mobile, &digits("138")), 4);
        assert_eq!(plan::dead_after(NumberType::Mobile, &[]), 1);
    }

    #[test]
    fn every_kind_lies_inside_the_general_description() {
        // libphonenumber types a number only when the general description matches it too;
        // in this metadata that never refuses a number some kind matches (so the general
        // check in number_type_of cannot change an answer). Walks every pair of states the
        // general automaton and one kind's can be in together.
        let general_start = plan::general_start();
        for t in NumberType::ALL {
            let mut seen = std::collections::HashSet::new();
            let mut todo = vec![(general_start, plan::start(t))];
            while let Some((g, k)) = todo.pop() {
                if k == 0 || !seen.insert((g, k)) {
                    continue;
                }
                assert!(plan::remaining(k) & 1 == 0 || plan::remaining(g) & 1 != 0, "{t:?}");
                todo.extend((0..10).map(|d| (plan::step(g, d), plan::step(k, d))));
            }
        }
    }

    #[test]
    fn agrees_with_r_mobile_but_for_179() {
        for prefix in 0..100_000u32 {
            let n = format!("1{prefix:05}12345");
            if n.starts_with("179") {
                assert!(r_mobile(&n) && !is_valid(&n), "{n}");
            } else {
                assert_eq!(is_valid(&n), r_mobile(&n), "{n}");
            }
        }
    }

    #[test]
    fn huge_input() {
        let big = "1".repeat(1_000_000);
        assert_eq!(code(&big), "mobile.format");
        let e = validate(&"号".repeat(1_000_000)).err();
        assert!(e.is_some_and(|e| e.params().0.iter().all(|(_, v)| v.to_string().chars().count() <= 65)));
    }

    #[test]
    fn every_code_is_catalogued() {
        let mut produced = Vec::new();
        for input in ["", "123", "+852 91234567", "010-88888888", "15412345678", "1440123456789", "4001234567"] {
            let e = validate(input).err().unwrap_or(Error::Empty);
            crate::ids::test_support::assert_renders(e.code(), &e.params());
            produced.push(e.code());
        }
        for input in ["17012345678", "13491234567", "17410123456"] {
            for w in ok(input).warnings {
                crate::ids::test_support::assert_renders(w.code(), &w.params());
                produced.push(w.code());
            }
        }
        for finding in super::super::mobile_region::tests_support::every_finding() {
            crate::ids::test_support::assert_renders(finding.code(), &finding.params());
            produced.push(finding.code());
        }
        crate::ids::test_support::assert_every_code_exercised(include_str!("mobile.rs"), &produced);
        crate::ids::test_support::assert_every_code_exercised(include_str!("mobile_region.rs"), &produced);
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,30}") {
            let _ = validate(&s);
            let _ = compact(&s);
            let _ = plan::number_type(&s);
        }

        #[test]
        fn digit_soup_never_panics(s in "[+0-9 ()\\-]{0,20}") {
            let _ = validate(&s);
        }

        #[test]
        fn valid_numbers_round_trip(rest in "[0-9]{10}") {
            let n = format!("1{rest}");
            prop_assert_eq!(is_valid(&n), r_mobile(&n) && !n.starts_with("179"));
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

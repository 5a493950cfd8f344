//! A domain's registration as WHOIS, RDAP or a console knows it, read into one shape
//! ([`DomainRegistration`]), for domain verification (域名信息核验, docs/rules.md §1.3 D10–D14).
//!
//! Since 2018-01-01 MIIT verifies every domain a filing names: an approved TLD, a registrar
//! MIIT has approved, a domain within its registration period and not on hold, completed
//! real-name verification, and a holder who is the filing entity. This module only reads: the
//! WHOIS formats ([`whois`]), RDAP answers ([`rdap`], from JSON text through [`json`] or from
//! objects), and what we know of registrars ([`registrars`]). The checks, which compare the
//! registration with the filing, are in the forms layer above (`src/forms/registration.rs`).

pub mod json;
pub mod rdap;
pub mod registrars;
pub mod whois;

use crate::value::Value;
use crate::options::Date;
use serde::Serialize;

/// Longest registration text read, in bytes: real WHOIS and RDAP answers are a few kilobytes,
/// and a megabyte is refused at once rather than parsed.
pub const MAX_TEXT: usize = 1 << 20;

/// Where a registration was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// CNNIC's WHOIS (`.cn`, `.中国`).
    WhoisCnnic,
    /// ICANN's gTLD WHOIS format.
    WhoisIcann,
    /// An RDAP domain answer (RFC 9083).
    Rdap,
    /// A registration object a console built from its own data.
    Object,
}

/// The holder's certificate, when a console knows it (WHOIS and RDAP never show it).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct HolderCertificate {
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
}

/// One domain's registration (docs/api.md `DomainRegistration`). Dates read from WHOIS or RDAP are
/// `YYYY-MM-DD` (the calendar date as the source writes it); a date in a form we cannot read is
/// kept as written, and the check says so.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DomainRegistration {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    /// As registered, lower case (A-labels or U-labels).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// As WHOIS or RDAP names it (in Chinese in CNNIC's WHOIS).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registrar: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registrar_iana_id: Option<u32>,
    /// 域名持有者: the registrant's organisation, else its name. Absent when withheld.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holder: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holder_redacted: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holder_certificate: Option<HolderCertificate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub real_name_verified: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub real_name_verified_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registered_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    /// EPP (`clientHold`) or RDAP (`client hold`) values, as written.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub status: Vec<String>,
}

/// Why a text or value could not be read as a registration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Neither WHOIS fields nor an RDAP domain answer.
    NotRegistration,
    /// The registry says it has no such domain (WHOIS "No matching record", RDAP 404).
    NotFound,
    /// An RDAP answer for another kind of object (`entity`, `nameserver`, …).
    NotDomain(String),
    /// An RDAP error answer other than 404: its code or title.
    RdapError(String),
    /// Not valid JSON, with where it stops being so.
    Json { line: usize, column: usize },
    /// Longer than [`MAX_TEXT`] bytes.
    TooLong(usize),
}

/// A field of an answer that had the wrong type and was skipped (`events[2].eventDate`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub field: String,
    pub expected: &'static str,
}

/// A registration read, with the notes on what was skipped.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parsed {
    pub registration: DomainRegistration,
    pub notes: Vec<Note>,
}

/// Reads a pasted registration: an RDAP answer when it is JSON, else a WHOIS answer.
pub fn read_text(text: &str) -> Result<Parsed, Unreadable> {
    if text.len() > MAX_TEXT {
        return Err(Unreadable::TooLong(text.len()));
    }
    let body = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    // RDAP answers are objects; a `[` opens a `whois` program's banner ("[Querying …]").
    if body.starts_with('{') {
        rdap::read(&json::parse(body)?)
    } else {
        whois::parse(text)
    }
}

/// `parseWhois(text)`: a WHOIS answer in CNNIC's or ICANN's format.
pub fn parse_whois(text: &str) -> Result<DomainRegistration, Unreadable> {
    if text.len() > MAX_TEXT {
        return Err(Unreadable::TooLong(text.len()));
    }
    whois::parse(text).map(|p| p.registration)
}

/// `parseRdap(json)`: an RDAP domain answer as JSON text.
pub fn parse_rdap(json: &str) -> Result<DomainRegistration, Unreadable> {
    if json.len() > MAX_TEXT {
        return Err(Unreadable::TooLong(json.len()));
    }
    rdap::read(&json::parse(json)?).map(|p| p.registration)
}

/// Whether an object looks like an RDAP answer rather than a [`DomainRegistration`]: it has a
/// member only RFC 9083 defines.
pub fn is_rdap_object(value: &Value) -> bool {
    ["objectClassName", "ldhName", "rdapConformance", "errorCode", "events", "entities"].iter().any(|k| value.get(k).is_some())
}

/// The calendar date a time stamp starts with: `2028-09-14T04:00:00Z`, `2028-09-14 12:00:00`,
/// `2028.09.14`, `2028/09/14`, and the old `14-sep-2028`. Time zones are not converted: the
/// date is the one the registry wrote.
pub fn calendar_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let head = text.get(..10)?;
    let rest = text.get(10..).unwrap_or_default();
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return calendar_date_dmy(text);
    }
    let bytes = head.as_bytes();
    let separator = *bytes.get(4)?;
    if matches!(separator, b'-' | b'.' | b'/') && bytes.get(7) == Some(&separator) {
        return Date::parse_iso(&head.replace(char::from(separator), "-"));
    }
    calendar_date_dmy(text)
}

/// `14-sep-2028` (Verisign's and PIR's WHOIS before 2014, and some ccTLDs).
fn calendar_date_dmy(text: &str) -> Option<Date> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let mut parts = text.split_whitespace().next()?.split('-');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    let month = MONTHS.iter().position(|m| month.eq_ignore_ascii_case(m))?;
    Date::new(year.parse().ok()?, u8::try_from(month + 1).ok()?, day.parse().ok()?)
}

/// Whether a registrant value is a privacy placeholder or a proxy service rather than the holder
/// ("REDACTED FOR PRIVACY", "Data Protected", "Withheld for Privacy ehf", "Domains By Proxy").
pub fn is_withheld(value: &str) -> bool {
    const MARKS: [&str; 12] = [
        "redacted",
        "privacy",
        "withheld",
        "not disclosed",
        "data protected",
        "gdpr",
        "masked",
        "by proxy",
        "whoisguard",
        "non-public",
        "隐私",
        "不公开",
    ];
    let lower = value.to_lowercase();
    MARKS.iter().any(|m| lower.contains(m))
}

/// What a registration status means for a filing (RFC 5731 / RFC 8056 values; EPP `clientHold`
/// and RDAP `client hold` are the same).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusKind {
    /// `clientHold` / `serverHold`: the domain is out of the DNS.
    Hold,
    /// `pendingDelete` / `redemptionPeriod` / `pendingRestore`: past its registration, being deleted.
    Deleting,
    /// Anything else (`ok`, transfer and update locks, …).
    Other,
}

pub fn status_kind(status: &str) -> StatusKind {
    let key: String = status.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect();
    match key.as_str() {
        "clienthold" | "serverhold" => StatusKind::Hold,
        "pendingdelete" | "redemptionperiod" | "pendingrestore" => StatusKind::Deleting,
        _ => StatusKind::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = |t: &str| calendar_date(t).map(|d| d.to_string());
        assert_eq!(d("2028-09-14T04:00:00Z").as_deref(), Some("2028-09-14"));
        assert_eq!(d("2028-09-14 12:48:36").as_deref(), Some("2028-09-14"));
        assert_eq!(d("2028.09.14").as_deref(), Some("2028-09-14"));
        assert_eq!(d("2028/09/14 00:00").as_deref(), Some("2028-09-14"));
        assert_eq!(d("14-sep-2028").as_deref(), Some("2028-09-14"));
        assert_eq!(d("2028-02-30"), None);
        assert_eq!(d("2028-09-14X"), None);
        // Only `-`, `.` and `/` separate the parts, and the same one twice.
        assert_eq!(d("2028x09x14"), None);
        assert_eq!(d("2028 09 14"), None);
        assert_eq!(d("2028-09/14"), None);
        assert_eq!(d("soon"), None);
        assert_eq!(d("二〇二八年"), None);
    }

    /// Each reader takes text up to MAX_TEXT bytes and refuses a byte more, before reading it.
    #[test]
    fn the_size_limit_is_exact() {
        let whois_at_limit = format!("Domain Name: a.cn\n{}", " ".repeat(MAX_TEXT - "Domain Name: a.cn\n".len()));
        let rdap_at_limit = format!("{{\"ldhName\":\"a.com\"}}{}", " ".repeat(MAX_TEXT - "{\"ldhName\":\"a.com\"}".len()));
        assert_eq!((whois_at_limit.len(), rdap_at_limit.len()), (MAX_TEXT, MAX_TEXT));
        assert_eq!(parse_whois(&whois_at_limit).map(|r| r.domain), Ok(Some("a.cn".into())));
        assert_eq!(parse_rdap(&rdap_at_limit).map(|r| r.domain), Ok(Some("a.com".into())));
        assert_eq!(read_text(&whois_at_limit).map(|p| p.registration.domain), Ok(Some("a.cn".into())));
        assert_eq!(read_text(&rdap_at_limit).map(|p| p.registration.domain), Ok(Some("a.com".into())));
        for over in [format!("{whois_at_limit} "), format!("{rdap_at_limit} ")] {
            assert_eq!(parse_whois(&over), Err(Unreadable::TooLong(MAX_TEXT + 1)));
            assert_eq!(parse_rdap(&over), Err(Unreadable::TooLong(MAX_TEXT + 1)));
            assert_eq!(read_text(&over), Err(Unreadable::TooLong(MAX_TEXT + 1)));
        }
    }

    #[test]
    fn statuses() {
        assert_eq!(status_kind("clientHold"), StatusKind::Hold);
        assert_eq!(status_kind("server hold"), StatusKind::Hold);
        assert_eq!(status_kind("redemption period"), StatusKind::Deleting);
        assert_eq!(status_kind("pendingDelete"), StatusKind::Deleting);
        assert_eq!(status_kind("client transfer prohibited"), StatusKind::Other);
    }

    #[test]
    fn text_is_told_apart() {
        assert_eq!(read_text("  {\"ldhName\": \"a.com\"}").map(|p| p.registration.format), Ok(Some(Format::Rdap)));
        assert_eq!(read_text("Domain Name: a.cn\nSponsoring Registrar: x\n").map(|p| p.registration.format), Ok(Some(Format::WhoisCnnic)));
        assert!(matches!(read_text("{not json"), Err(Unreadable::Json { .. })));
        assert_eq!(read_text(&"a".repeat(MAX_TEXT + 1)), Err(Unreadable::TooLong(MAX_TEXT + 1)));
    }
}

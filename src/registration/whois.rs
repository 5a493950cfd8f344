//! WHOIS answers (RFC 3912, "port 43"): lines of `Key: Value`, in the two formats a filing meets.
//!
//! - **CNNIC** (`whois.cnnic.cn`, for `.cn` and `.中国`, which have no RDAP): `Domain Name`,
//!   `ROID`, `Domain Status` (EPP values, one line each), `Registrant` (the holder, usually in
//!   Chinese), `Sponsoring Registrar` (in Chinese), `Registration Time` and `Expiration Time`
//!   (`YYYY-MM-DD hh:mm:ss`, Beijing time). A name CNNIC does not hold is `No matching record.`
//! - **ICANN's gTLD format** (the 2013 Registrar Accreditation Agreement's specification 4, used
//!   by registries and registrars alike): `Registrar`, `Registrar IANA ID`, `Creation Date`,
//!   `Registry Expiry Date` (registry) or `Registrar Registration Expiration Date` (registrar),
//!   `Domain Status: clientHold https://icann.org/epp#clientHold`, and the `Registrant …` lines,
//!   which since 2018 usually read `REDACTED FOR PRIVACY`. A registry answer of a "thin" TLD
//!   (`.com`, `.net`) shows no registrant at all; the registrar's answer does.
//!
//! `whois` programs print the registry's answer and then the registrar's, so a key may appear
//! twice: the first value wins, except for the holder, where the first one that is not withheld
//! does. Older formats that put a value on the line after its key (`Registrant:` then an indented
//! name) are read too.

use super::{calendar_date, is_withheld, DomainRegistration, Format, Parsed, Unreadable};

/// Longest line read as a field; longer lines (a pasted blob) are skipped, so a megabyte of text
/// costs one pass.
const MAX_LINE: usize = 1024;

/// Reads a WHOIS answer.
pub fn parse(text: &str) -> Result<Parsed, Unreadable> {
    let fields = fields(text);
    let first = |keys: &[&str]| first(&fields, keys);

    let domain = first(&["domain name", "domain", "domain name (ascii)"]).map(|d| d.trim_end_matches('.').to_lowercase());
    let registrar = first(&["sponsoring registrar", "registrar", "registrar name"]).map(str::to_owned);
    let expires_at = first(&[
        "expiration time",
        "registry expiry date",
        "registrar registration expiration date",
        "expiration date",
        "registry expiration date",
        "expiry date",
        "expires on",
        "domain expiration date",
        "paid-till",
    ])
    .map(date_text);
    if domain.is_none() && registrar.is_none() && expires_at.is_none() {
        return Err(if says_not_found(text) { Unreadable::NotFound } else { Unreadable::NotRegistration });
    }
    // CNNIC answers for its own TLDs; other registries' answers share some of its keys.
    let cnnic = match domain.as_deref() {
        Some(d) => [".cn", ".中国", ".中國", ".xn--fiqs8s", ".xn--fiqz9s"].iter().any(|tld| d.ends_with(tld)),
        None => fields.iter().any(|(k, _)| k == "registration time" || k == "expiration time"),
    };

    let mut registration = DomainRegistration {
        format: Some(if cnnic { Format::WhoisCnnic } else { Format::WhoisIcann }),
        domain,
        registrar,
        registrar_iana_id: first(&["registrar iana id", "sponsoring registrar iana id"]).and_then(|id| id.parse().ok()),
        registered_at: first(&[
            "registration time",
            "creation date",
            "registration date",
            "domain create date",
            "created",
            "created on",
            "registered on",
            "domain registration date",
        ])
        .map(date_text),
        expires_at,
        ..DomainRegistration::default()
    };

    let mut statuses: Vec<String> = Vec::new();
    for value in all(&fields, &["domain status", "status"]) {
        // `clientHold https://icann.org/epp#clientHold`: the status is the first word.
        if let Some(status) = value.split_whitespace().next() {
            if !statuses.iter().any(|s| s == status) {
                statuses.push(status.to_owned());
            }
        }
    }
    registration.status = statuses;

    // The holder: the organisation, else the holder line, else the person; a withheld value
    // says "redacted".
    let mut withheld = false;
    for keys in [&["registrant organization", "registrant organisation", "registrant org"][..], &["registrant"], &["registrant name"]] {
        for value in all(&fields, keys) {
            if value.is_empty() {
                continue;
            }
            if is_withheld(value) {
                withheld = true;
            } else if registration.holder.is_none() {
                registration.holder = Some(value.to_owned());
            }
        }
    }
    if registration.holder.is_none() && withheld {
        registration.holder_redacted = Some(true);
    }
    Ok(Parsed { registration, notes: Vec::new() })
}

/// The first non-empty value of any of `keys`.
fn first<'f>(fields: &'f [(String, String)], keys: &[&str]) -> Option<&'f str> {
    fields.iter().find(|(k, v)| keys.contains(&k.as_str()) && !v.is_empty()).map(|(_, v)| v.as_str())
}

/// Every value of any of `keys`, in order.
fn all<'f>(fields: &'f [(String, String)], keys: &'f [&str]) -> impl Iterator<Item = &'f str> {
    fields.iter().filter(|(k, _)| keys.contains(&k.as_str())).map(|(_, v)| v.as_str())
}

/// Most fields read: an answer has a few dozen; the rest of a huge paste is not looked at.
const MAX_FIELDS: usize = 5_000;

/// `key: value` pairs, keys lower-cased, in order. A key whose value is on the next, indented,
/// line takes that line.
fn fields(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut lines = text.lines().filter(|l| l.len() <= MAX_LINE).peekable();
    // Old registry answers list look-alike "Server Name" records (with their own `Registrar`)
    // before the domain's own: such a block is skipped to its blank line.
    let mut in_server_block = false;
    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            in_server_block = false;
            continue;
        }
        if in_server_block || trimmed.starts_with(['%', '#', '>', '[']) {
            continue;
        }
        let Some((key, value)) = split_field(trimmed) else { continue };
        if key.is_empty() || key.len() > 64 || key.contains("http") {
            continue;
        }
        let key = key.to_lowercase();
        if key == "server name" {
            in_server_block = true;
            continue;
        }
        let mut value = value.trim().to_owned();
        if value.is_empty() {
            // `Registrant:` with the name on the next line.
            if let Some(next) = lines.peek() {
                if !next.trim().is_empty() && split_field(next.trim()).is_none() {
                    value = next.trim().to_owned();
                    lines.next();
                }
            }
        }
        out.push((key, value));
        if out.len() >= MAX_FIELDS {
            break;
        }
    }
    out
}

/// `Key: value`, or `Key ........ value` (the dotted columns of some registrars' answers).
fn split_field(line: &str) -> Option<(&str, &str)> {
    if let Some(dots) = line.find(" ..") {
        let key = line.get(..dots)?;
        let rest = line.get(dots..)?.trim_start_matches([' ', '.']);
        if !key.contains(':') {
            return Some((key.trim(), rest));
        }
    }
    line.split_once(':').map(|(k, v)| (k.trim(), v))
}

/// The calendar date of a WHOIS time stamp as `YYYY-MM-DD`, or the text as written when it is
/// in a form we do not read (the check then says so).
fn date_text(value: &str) -> String {
    calendar_date(value).map(|d| d.to_string()).unwrap_or_else(|| value.to_owned())
}

/// Whether the answer says the name is not registered.
fn says_not_found(text: &str) -> bool {
    const PHRASES: [&str; 8] = [
        "no matching record",
        "no match for",
        "not found",
        "no data found",
        "no entries found",
        "object does not exist",
        "status: free",
        "status: available",
    ];
    // Answers that say so do it in their first lines.
    let head: String = text.chars().take(2048).collect::<String>().to_lowercase();
    PHRASES.iter().any(|p| head.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cnnic() {
        let text = "Domain Name: example.cn\nROID: 20030312s10001s00013580-cn\nDomain Status: serverHold\nDomain Status: clientTransferProhibited\n\
                    Registrant: 北京例子科技有限公司\nRegistrant Contact Email: a@example.cn\nSponsoring Registrar: 阿里云计算有限公司（万网）\n\
                    Name Server: ns1.example.cn\nRegistration Time: 2003-03-17 12:20:05\nExpiration Time: 2027-03-17 12:48:36\nDNSSEC: unsigned\n";
        let r = parse(text).expect("readable").registration;
        assert_eq!(r.format, Some(Format::WhoisCnnic));
        assert_eq!(r.domain.as_deref(), Some("example.cn"));
        assert_eq!(r.holder.as_deref(), Some("北京例子科技有限公司"));
        assert_eq!(r.registrar.as_deref(), Some("阿里云计算有限公司（万网）"));
        assert_eq!(r.registered_at.as_deref(), Some("2003-03-17"));
        assert_eq!(r.expires_at.as_deref(), Some("2027-03-17"));
        assert_eq!(r.status, vec!["serverHold", "clientTransferProhibited"]);
        assert_eq!(parse("No matching record.\n").err(), Some(Unreadable::NotFound));
    }

    /// Without a domain name, CNNIC's own keys (either of its date keys) tell its format.
    #[test]
    fn cnnic_told_by_its_keys_without_a_domain_name() {
        for key in ["Registration Time", "Expiration Time"] {
            let text = format!("Sponsoring Registrar: 阿里云计算有限公司（万网）\n{key}: 2027-03-17 12:48:36\n");
            assert_eq!(parse(&text).expect("readable").registration.format, Some(Format::WhoisCnnic), "{key}");
        }
        let icann = "Registrar: GoDaddy.com, LLC\nCreation Date: 1997-09-15T04:00:00Z\n";
        assert_eq!(parse(icann).expect("readable").registration.format, Some(Format::WhoisIcann));
    }

    /// Prose whose first colon is a link's (`… please visit https://icann.org/epp`), keys longer
    /// than 64 bytes and lines that open with a colon are no fields: they neither count toward
    /// MAX_FIELDS nor hide the fields after them. A 64-byte key is a field.
    #[test]
    fn what_is_no_field_uses_no_field_budget() {
        let after = "Domain Name: a.cn\nSponsoring Registrar: x\n";
        let long_key = "k".repeat(65);
        for noise in ["For more information on Whois status codes, please visit https://icann.org/epp", &format!("{long_key}: v"), ": v"] {
            let text = format!("{}{after}", format!("{noise}\n").repeat(MAX_FIELDS));
            assert_eq!(parse(&text).map(|p| p.registration.domain), Ok(Some("a.cn".into())), "{noise}");
        }
        let key_64 = format!("{}: v\n", "k".repeat(64));
        assert_eq!(fields(&key_64), vec![("k".repeat(64), "v".to_owned())]);
        let text = format!("{}{after}", key_64.repeat(MAX_FIELDS));
        assert_eq!(parse(&text).err(), Some(Unreadable::NotRegistration));
    }

    #[test]
    fn icann_registry_then_registrar() {
        let text = "   Domain Name: EXAMPLE.COM\n   Registrar: GoDaddy.com, LLC\n   Registrar IANA ID: 146\n\
                    Domain Status: clientHold https://icann.org/epp#clientHold\n   Creation Date: 1997-09-15T04:00:00Z\n\
                    Registry Expiry Date: 2028-09-14T04:00:00Z\n>>> Last update of whois database: 2026-11-30T10:00:00Z <<<\n\
                    Domain Name: example.com\nRegistrar Registration Expiration Date: 2028-09-13T07:00:00-0700\n\
                    Registrant Name: REDACTED FOR PRIVACY\nRegistrant Organization: Example Org\n";
        let r = parse(text).expect("readable").registration;
        assert_eq!(r.format, Some(Format::WhoisIcann));
        assert_eq!(r.domain.as_deref(), Some("example.com"));
        assert_eq!(r.registrar_iana_id, Some(146));
        assert_eq!(r.expires_at.as_deref(), Some("2028-09-14"));
        assert_eq!(r.status, vec!["clientHold"]);
        assert_eq!(r.holder.as_deref(), Some("Example Org"));
    }

    #[test]
    fn withheld_holders_and_next_line_values() {
        let r = parse("Domain Name: a.com\nRegistrant Organization: Privacy service provided by Withheld for Privacy ehf\nRegistrant Name: REDACTED FOR PRIVACY\n")
            .expect("readable")
            .registration;
        assert_eq!((r.holder, r.holder_redacted), (None, Some(true)));
        let r = parse("Domain Name: a.com\nRegistrant:\n    Example Inc. (DOM-1)\n").expect("readable").registration;
        assert_eq!(r.holder.as_deref(), Some("Example Inc. (DOM-1)"));
    }

    #[test]
    fn not_whois() {
        assert_eq!(parse("").err(), Some(Unreadable::NotRegistration));
        assert_eq!(parse("hello: world\n").err(), Some(Unreadable::NotRegistration));
        let huge = "x".repeat(1 << 20);
        assert_eq!(parse(&huge).err(), Some(Unreadable::NotRegistration));
    }
}

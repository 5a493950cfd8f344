//! RDAP domain answers (RFC 9083, with the ICANN gTLD RDAP profile): the registrar, holder,
//! status and dates of a domain, as JSON a browser can fetch from the registry or registrar.
//!
//! Where a domain answer keeps each fact (RFC 9083 §5.3, §4.8, §4.5, RFC 8056, RFC 9537):
//! - `ldhName` (A-labels) and `unicodeName`; `objectClassName` is `"domain"`;
//! - `status`: RDAP values, lower case with spaces (`"client hold"`, `"redemption period"`);
//! - `events`: `{eventAction, eventDate}`, with `"registration"` and `"expiration"` (the profile
//!   requires the latter; `"registrar expiration"` is the registrar's own date);
//! - `entities`: the one with role `"registrar"` names it in its vCard `fn` and gives its IANA ID
//!   in `publicIds` (`{"type": "IANA Registrar ID", "identifier": "292"}`; the profile also makes
//!   its `handle` that ID); the one with role `"registrant"` is the holder (vCard `org`, else `fn`);
//! - `redacted` (RFC 9537) lists what the server withheld, usually the registrant's name and
//!   organisation; the holder then cannot be compared here.
//!
//! An error answer (§6: `errorCode`, `title`) of 404 means the registry has no such domain.
//! A field of the wrong type is skipped with a note naming it, so that one odd field does not
//! hide the rest of the answer.

use super::{calendar_date, is_withheld, DomainRegistration, Format, Note, Parsed, Unreadable};
use crate::value::Value;

/// Reads an RDAP domain answer.
pub fn read(answer: &Value) -> Result<Parsed, Unreadable> {
    let Value::Object(_) = answer else { return Err(Unreadable::NotRegistration) };
    if let Some(code) = answer.get("errorCode") {
        return Err(match code {
            Value::Number(n) if *n == 404.0 => Unreadable::NotFound,
            // Error codes are HTTP statuses: written as whole numbers, without float formatting.
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e9 => Unreadable::RdapError((*n as i64).to_string()),
            _ => Unreadable::RdapError(text(answer.get("title")).unwrap_or_default().to_owned()),
        });
    }
    let mut reader = Reader { notes: Vec::new() };
    match text(answer.get("objectClassName")) {
        Some("domain") | None => {}
        Some(other) => return Err(Unreadable::NotDomain(other.to_owned())),
    }
    let domain = reader.string(answer, "ldhName", "ldhName").or_else(|| reader.string(answer, "unicodeName", "unicodeName"));
    let Some(domain) = domain else { return Err(Unreadable::NotRegistration) };

    let mut registration = DomainRegistration {
        format: Some(Format::Rdap),
        domain: Some(domain.trim_end_matches('.').to_lowercase()),
        status: reader.strings(answer, "status", "status"),
        ..DomainRegistration::default()
    };
    reader.events(answer, &mut registration);
    reader.entities(answer.get("entities"), "entities", 0, &mut registration);
    if registration.holder.is_none() && withholds_registrant(answer) {
        registration.holder_redacted = Some(true);
    }
    Ok(Parsed { registration, notes: reader.notes })
}

/// Entities nest (a registrar's abuse contact, a registrant inside a reseller); deeper than this
/// is not a domain answer's shape.
const MAX_ENTITY_DEPTH: usize = 4;

struct Reader {
    notes: Vec<Note>,
}

impl Reader {
    fn note(&mut self, field: String, expected: &'static str) {
        // A hostile answer could have thousands of odd fields; a few notes say it all.
        if self.notes.len() < 16 {
            self.notes.push(Note { field, expected });
        }
    }

    fn string<'v>(&mut self, object: &'v Value, key: &str, field: &str) -> Option<&'v str> {
        match object.get(key)? {
            Value::String { text, .. } => Some(text),
            Value::Undefined | Value::Null => None,
            _ => {
                self.note(field.to_owned(), "string");
                None
            }
        }
    }

    fn array<'v>(&mut self, value: Option<&'v Value>, field: &str) -> &'v [Value] {
        match value {
            Some(Value::Array { items, .. }) => items,
            None | Some(Value::Undefined | Value::Null) => &[],
            Some(_) => {
                self.note(field.to_owned(), "array");
                &[]
            }
        }
    }

    fn strings(&mut self, object: &Value, key: &str, field: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (i, item) in self.array(object.get(key), field).iter().enumerate() {
            match item {
                Value::String { text, .. } => out.push(text.clone()),
                _ => self.note(format!("{field}[{i}]"), "string"),
            }
        }
        out
    }

    fn events(&mut self, answer: &Value, registration: &mut DomainRegistration) {
        let mut registrar_expiration = None;
        for (i, event) in self.array(answer.get("events"), "events").iter().enumerate() {
            let field = format!("events[{i}]");
            if !matches!(event, Value::Object(_)) {
                self.note(field, "object");
                continue;
            }
            let action = self.string(event, "eventAction", &format!("{field}.eventAction"));
            let date = self.string(event, "eventDate", &format!("{field}.eventDate"));
            let (Some(action), Some(date)) = (action, date) else { continue };
            let date = calendar_date(date).map(|d| d.to_string()).unwrap_or_else(|| date.to_owned());
            let slot = match action {
                "registration" => &mut registration.registered_at,
                "expiration" => &mut registration.expires_at,
                "registrar expiration" => &mut registrar_expiration,
                _ => continue,
            };
            slot.get_or_insert(date);
        }
        if registration.expires_at.is_none() {
            registration.expires_at = registrar_expiration;
        }
    }

    fn entities(&mut self, list: Option<&Value>, field: &str, depth: usize, registration: &mut DomainRegistration) {
        if depth >= MAX_ENTITY_DEPTH {
            return;
        }
        for (i, entity) in self.array(list, field).iter().enumerate() {
            let field = format!("{field}[{i}]");
            if !matches!(entity, Value::Object(_)) {
                self.note(field, "object");
                continue;
            }
            let roles = self.strings(entity, "roles", &format!("{field}.roles"));
            let vcard = self.vcard(entity, &field);
            if roles.iter().any(|r| r == "registrar") && registration.registrar.is_none() {
                registration.registrar = vcard.full_name.clone().filter(|n| !n.trim().is_empty()).or_else(|| vcard.organisation.clone());
                registration.registrar_iana_id = self.iana_id(entity, &field);
            }
            if roles.iter().any(|r| r == "registrant") && registration.holder.is_none() {
                let named = [vcard.organisation.as_deref(), vcard.full_name.as_deref()].into_iter().flatten().find(|n| !n.trim().is_empty());
                match named {
                    Some(name) if is_withheld(name) => registration.holder_redacted = Some(true),
                    Some(name) => {
                        registration.holder = Some(name.trim().to_owned());
                        registration.holder_redacted = None;
                    }
                    // No name: withheld when the entity's remarks say so (the ICANN profile
                    // of 2019: "REDACTED FOR PRIVACY"); else not shown (some ccTLD registries
                    // give only a handle), which is not the same.
                    None if self.remarks_withhold(entity) => registration.holder_redacted = Some(true),
                    None => {}
                }
            }
            self.entities(entity.get("entities"), &format!("{field}.entities"), depth + 1, registration);
        }
    }

    /// Whether an entity's `remarks` titles say its data was withheld.
    fn remarks_withhold(&mut self, entity: &Value) -> bool {
        self.array(entity.get("remarks"), "remarks").iter().any(|remark| text(remark.get("title")).is_some_and(is_withheld))
    }

    /// The registrar's IANA ID: `publicIds`, else a numeric `handle` (the profile makes them equal).
    fn iana_id(&mut self, entity: &Value, field: &str) -> Option<u32> {
        let ids = self.array(entity.get("publicIds"), &format!("{field}.publicIds"));
        let from_public_ids = ids.iter().find_map(|id| {
            let kind = text(id.get("type"))?;
            if !kind.eq_ignore_ascii_case("IANA Registrar ID") {
                return None;
            }
            match id.get("identifier")? {
                Value::String { text, .. } => text.trim().parse().ok(),
                Value::Number(n) if n.fract() == 0.0 && *n > 0.0 && *n < f64::from(u32::MAX) => Some(*n as u32),
                _ => None,
            }
        });
        // IANA IDs are positive (the profile's conformance code -47601); a 0 is no ID.
        from_public_ids.or_else(|| text(entity.get("handle")).and_then(|h| h.trim().parse().ok())).filter(|id| *id > 0)
    }

    /// `fn` and `org` of an entity's jCard (RFC 7095: `["vcard", [[name, params, type, value], …]]`).
    fn vcard(&mut self, entity: &Value, field: &str) -> Vcard {
        let mut card = Vcard::default();
        let Some(array) = entity.get("vcardArray") else { return card };
        let properties = match array {
            Value::Array { items, .. } => items.get(1),
            Value::Undefined | Value::Null => None,
            _ => {
                self.note(format!("{field}.vcardArray"), "array");
                None
            }
        };
        for property in self.array(properties, &format!("{field}.vcardArray[1]")) {
            let Value::Array { items, .. } = property else { continue };
            let (Some(name), Some(value)) = (text(items.first()), items.get(3)) else { continue };
            // `org` may be structured: ["Example Inc.", "Unit"].
            let value = match value {
                Value::String { text, .. } => Some(text.clone()),
                Value::Array { items, .. } => text(items.first()).map(str::to_owned),
                _ => None,
            };
            match name.to_ascii_lowercase().as_str() {
                "fn" => card.full_name = card.full_name.or(value),
                "org" => card.organisation = card.organisation.or(value),
                _ => {}
            }
        }
        card
    }
}

#[derive(Default)]
struct Vcard {
    full_name: Option<String>,
    organisation: Option<String>,
}

fn text(value: Option<&Value>) -> Option<&str> {
    match value? {
        Value::String { text, .. } => Some(text),
        _ => None,
    }
}

/// Whether the answer's RFC 9537 `redacted` list withholds the registrant's name or organisation.
fn withholds_registrant(answer: &Value) -> bool {
    let Some(Value::Array { items, .. }) = answer.get("redacted") else { return false };
    items.iter().any(|item| {
        let name = item.get("name").and_then(|n| text(n.get("description")).or_else(|| text(n.get("type")))).unwrap_or_default().to_ascii_lowercase();
        name.contains("registrant") && (name.contains("name") || name.contains("organi"))
    })
}

#[cfg(test)]
mod tests {
    use super::super::json;
    use super::*;

    fn parse(text: &str) -> Result<Parsed, Unreadable> {
        read(&json::parse(text)?)
    }

    #[test]
    fn registrar_dates_status_and_redacted_holder() {
        let answer = r#"{"objectClassName":"domain","ldhName":"EXAMPLE.COM","status":["client hold","client transfer prohibited"],
            "events":[{"eventAction":"registration","eventDate":"1995-08-14T04:00:00Z"},{"eventAction":"expiration","eventDate":"2028-08-13T04:00:00Z"}],
            "entities":[{"objectClassName":"entity","handle":"292","roles":["registrar"],"publicIds":[{"type":"IANA Registrar ID","identifier":"292"}],
              "vcardArray":["vcard",[["version",{},"text","4.0"],["fn",{},"text","MarkMonitor Inc."]]]},
              {"objectClassName":"entity","roles":["registrant"],"vcardArray":["vcard",[["version",{},"text","4.0"],["fn",{},"text",""]]]}],
            "redacted":[{"name":{"description":"Registrant Name"},"method":"emptyValue"}]}"#;
        let r = parse(answer).expect("readable").registration;
        assert_eq!(r.domain.as_deref(), Some("example.com"));
        assert_eq!((r.registrar.as_deref(), r.registrar_iana_id), (Some("MarkMonitor Inc."), Some(292)));
        assert_eq!((r.registered_at.as_deref(), r.expires_at.as_deref()), (Some("1995-08-14"), Some("2028-08-13")));
        assert_eq!(r.status, vec!["client hold", "client transfer prohibited"]);
        assert_eq!((r.holder, r.holder_redacted), (None, Some(true)));
    }

    #[test]
    fn holder_from_org_and_errors() {
        let answer = r#"{"ldhName":"a.top","entities":[{"roles":["registrant"],"vcardArray":["vcard",[["fn",{},"text","Zhang San"],["org",{},"text","北京例子科技有限公司"]]]}]}"#;
        assert_eq!(parse(answer).expect("readable").registration.holder.as_deref(), Some("北京例子科技有限公司"));
        assert_eq!(parse(r#"{"errorCode":404,"title":"Not Found"}"#).err(), Some(Unreadable::NotFound));
        assert_eq!(parse(r#"{"objectClassName":"entity","handle":"X"}"#).err(), Some(Unreadable::NotDomain("entity".into())));
        assert_eq!(parse(r#"[1,2]"#).err(), Some(Unreadable::NotRegistration));
    }

    #[test]
    fn an_iana_id_is_positive() {
        // Found by fuzz/fuzz_targets/rdap.rs: a handle or publicId of 0 is not an IANA ID.
        for registrar in [r#"{"roles":["registrar"],"handle":"0"}"#, r#"{"roles":["registrar"],"publicIds":[{"type":"IANA Registrar ID","identifier":"0"}]}"#] {
            let answer = format!(r#"{{"ldhName":"a.com","entities":[{registrar}]}}"#);
            assert_eq!(parse(&answer).expect("readable").registration.registrar_iana_id, None, "{registrar}");
        }
    }

    /// An RDAP error answer: 404 is "no such domain"; another whole code is named as written;
    /// a code that is no whole number (or an absurd one) gives way to the title.
    #[test]
    fn error_answers() {
        let error = |body: &str| parse(body).err();
        assert_eq!(error(r#"{"errorCode":404}"#), Some(Unreadable::NotFound));
        assert_eq!(error(r#"{"errorCode":403,"title":"Forbidden"}"#), Some(Unreadable::RdapError("403".into())));
        assert_eq!(error(r#"{"errorCode":-500}"#), Some(Unreadable::RdapError("-500".into())));
        for code in ["404.5", "1e9", "-1e9", "1e12", "\"404\""] {
            let body = format!(r#"{{"errorCode":{code},"title":"Teapot"}}"#);
            assert_eq!(error(&body), Some(Unreadable::RdapError("Teapot".into())), "{code}");
        }
        assert_eq!(error(r#"{"errorCode":999999999}"#), Some(Unreadable::RdapError("999999999".into())));
    }

    /// A registrar's IANA ID from its publicIds, as text or as a number (whole, 1 to
    /// 2^32 − 2); a number of another kind is no ID, and the handle is read instead.
    #[test]
    fn iana_ids_from_numbers() {
        let id = |identifier: &str| {
            let answer = format!(
                r#"{{"ldhName":"a.com","entities":[{{"roles":["registrar"],"handle":"7","publicIds":[{{"type":"IANA Registrar ID","identifier":{identifier}}}]}}]}}"#
            );
            parse(&answer).expect("readable").registration.registrar_iana_id
        };
        assert_eq!(id("292"), Some(292));
        assert_eq!(id("1"), Some(1));
        assert_eq!(id("4294967294"), Some(4_294_967_294));
        assert_eq!(id("\" 146 \""), Some(146));
        for other in ["0", "-3", "2.5", "0.5", "4294967295", "1e10", "true"] {
            assert_eq!(id(other), Some(7), "{other}");
        }
    }

    /// A registrant whose vCard says "REDACTED FOR PRIVACY" (the ICANN profile's text, without
    /// an RFC 9537 `redacted` list) is withheld, not a holder of that name; a structured `org`
    /// names the organisation by its first part.
    #[test]
    fn withheld_and_structured_registrants() {
        let holder = |vcard: &str| {
            let answer = format!(r#"{{"ldhName":"a.com","entities":[{{"roles":["registrant"],"vcardArray":["vcard",[{vcard}]]}}]}}"#);
            let r = parse(&answer).expect("readable").registration;
            (r.holder, r.holder_redacted)
        };
        assert_eq!(holder(r#"["fn",{},"text","REDACTED FOR PRIVACY"]"#), (None, Some(true)));
        assert_eq!(holder(r#"["org",{},"text",["北京例子科技有限公司","技术部"]]"#), (Some("北京例子科技有限公司".into()), None));
        assert_eq!(holder(r#"["org",{},"text",5],["fn",{},"text","Zhang San"]"#), (Some("Zhang San".into()), None));
    }

    /// RFC 9537: only a redaction of the registrant's name or organisation withholds the holder;
    /// the registrant's phone, or another contact's name, does not.
    #[test]
    fn which_redactions_withhold_the_holder() {
        let withheld = |names: &[&str]| {
            let redacted: Vec<String> = names.iter().map(|n| format!(r#"{{"name":{{"description":"{n}"}}}}"#)).collect();
            let answer = format!(r#"{{"ldhName":"a.com","redacted":[{}]}}"#, redacted.join(","));
            parse(&answer).expect("readable").registration.holder_redacted
        };
        assert_eq!(withheld(&["Registrant Name"]), Some(true));
        assert_eq!(withheld(&["Registrant Organization"]), Some(true));
        assert_eq!(withheld(&["Registrant Phone", "Registrant Email", "Tech Name", "Administrative Organization"]), None);
        let by_type = r#"{"ldhName":"a.com","redacted":[{"name":{"type":"Registrant Name"}}]}"#;
        assert_eq!(parse(by_type).expect("readable").registration.holder_redacted, Some(true));
    }

    /// The registry's `expiration` wins; the registrar's own (`registrar expiration`) is used
    /// only when the registry gives none.
    #[test]
    fn registrar_expiration_when_the_registry_gives_none() {
        let expires = |events: &str| parse(&format!(r#"{{"ldhName":"a.com","events":[{events}]}}"#)).expect("readable").registration.expires_at;
        let registrar = r#"{"eventAction":"registrar expiration","eventDate":"2028-09-13T07:00:00Z"}"#;
        let registry = r#"{"eventAction":"expiration","eventDate":"2028-09-14T04:00:00Z"}"#;
        assert_eq!(expires(registrar).as_deref(), Some("2028-09-13"));
        assert_eq!(expires(&format!("{registrar},{registry}")).as_deref(), Some("2028-09-14"));
        assert_eq!(expires(r#"{"eventAction":"last changed","eventDate":"2026-01-01"}"#), None);
    }

    /// `null` is an absent member (JSON writers emit it for empty fields), not a wrong type.
    #[test]
    fn null_members_are_absent_not_notes() {
        let answer = r#"{"ldhName":"a.com","status":null,"events":[{"eventAction":"expiration","eventDate":null}],
            "entities":[{"roles":["registrar"],"vcardArray":null,"publicIds":null}]}"#;
        assert_eq!(parse(answer).expect("readable").notes, vec![]);
        let wrong = r#"{"ldhName":"a.com","entities":[{"roles":["registrar"],"vcardArray":"vcard"}]}"#;
        let fields: Vec<String> = parse(wrong).expect("readable").notes.into_iter().map(|n| n.field).collect();
        assert_eq!(fields, vec!["entities[0].vcardArray"]);
    }

    /// A hostile answer with hundreds of odd fields gives the first sixteen notes, not hundreds.
    #[test]
    fn notes_are_capped_at_sixteen() {
        let answer = format!(r#"{{"ldhName":"a.com","status":[{}]}}"#, vec!["1"; 300].join(","));
        let notes = parse(&answer).expect("readable").notes;
        assert_eq!(notes.len(), 16);
        assert_eq!((notes[0].field.as_str(), notes[15].field.as_str()), ("status[0]", "status[15]"));
    }

    /// Entities nest a few levels (a registrant inside a reseller inside the registrar); one
    /// deeper than MAX_ENTITY_DEPTH is not a domain answer's shape and is not read.
    #[test]
    fn nested_entities_are_read_to_a_depth() {
        let nested = |levels: usize| {
            let mut entity = r#"{"roles":["registrant"],"vcardArray":["vcard",[["fn",{},"text","Deep Holder"]]]}"#.to_owned();
            for _ in 1..levels {
                entity = format!(r#"{{"roles":["reseller"],"entities":[{entity}]}}"#);
            }
            parse(&format!(r#"{{"ldhName":"a.com","entities":[{entity}]}}"#)).expect("readable").registration.holder
        };
        assert_eq!(nested(MAX_ENTITY_DEPTH).as_deref(), Some("Deep Holder"));
        assert_eq!(nested(MAX_ENTITY_DEPTH + 1), None);
    }

    #[test]
    fn wrong_types_are_notes_not_failures() {
        let answer = r#"{"ldhName":"a.com","status":"active","events":[1,{"eventAction":5}],"entities":{"roles":[]}}"#;
        let parsed = parse(answer).expect("readable");
        let fields: Vec<&str> = parsed.notes.iter().map(|n| n.field.as_str()).collect();
        assert_eq!(fields, vec!["status", "events[0]", "events[1].eventAction", "entities"]);
        assert_eq!(parsed.registration.domain.as_deref(), Some("a.com"));
    }
}

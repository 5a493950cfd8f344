//! Reading the filing form's types (`crate::forms`) out of untyped values: every field is
//! optional, every wrong type is a `field.type` issue at the field's path, and an array longer
//! than [`MAX_ITEMS`] is read up to that many items and reported. The checks themselves never
//! see a [`Value`].

use super::{read_bool, read_str, type_error};
use crate::forms::{join, App, AppPlatform, Certificate, Entity, Filing, Person, Registration, Website};
use crate::issue::{params, Issues};
use crate::registration::{DomainRegistration, HolderCertificate};
use crate::value::{Value, MAX_ITEMS};

fn object<'v>(value: &'v Value, path: &str, issues: &mut Issues) -> Option<&'v Value> {
    match value {
        Value::Undefined | Value::Null => None,
        Value::Object(_) => Some(value),
        other => {
            type_error(other, "object", path, issues);
            None
        }
    }
}

fn string(value: &Value, key: &str, path: &str, issues: &mut Issues) -> Option<String> {
    read_str(value.get(key), &join(path, key), issues).map(str::to_owned)
}

fn strings(value: &Value, key: &str, path: &str, issues: &mut Issues) -> Vec<String> {
    let path = join(path, key);
    items(value.get(key), &path, issues)
        .iter()
        .enumerate()
        .filter_map(|(i, item)| read_str(Some(item), &join(&path, i), issues).map(str::to_owned))
        .collect()
}

/// The items of an array field (at most [`MAX_ITEMS`]); anything else is `field.type`.
fn items<'v>(value: Option<&'v Value>, path: &str, issues: &mut Issues) -> &'v [Value] {
    match value {
        None | Some(Value::Undefined | Value::Null) => &[],
        Some(Value::Array { items, length }) => {
            if *length > items.len() {
                issues.error("field.too_many", path, params!["count" => *length, "max" => MAX_ITEMS]);
            }
            items
        }
        Some(other) => {
            type_error(other, "array", path, issues);
            &[]
        }
    }
}

pub(crate) fn read_certificate(value: &Value, path: &str, issues: &mut Issues) -> Option<Certificate> {
    let v = object(value, path, issues)?;
    Some(Certificate {
        kind: string(v, "type", path, issues),
        number: string(v, "number", path, issues),
        valid_until: string(v, "validUntil", path, issues),
    })
}

pub(crate) fn read_person(value: &Value, path: &str, issues: &mut Issues) -> Option<Person> {
    let v = object(value, path, issues)?;
    Some(Person {
        name: string(v, "name", path, issues),
        certificate: v.get("certificate").and_then(|c| read_certificate(c, &join(path, "certificate"), issues)),
        mobile: string(v, "mobile", path, issues),
        emergency_mobile: string(v, "emergencyMobile", path, issues),
        landline: string(v, "landline", path, issues),
        email: string(v, "email", path, issues),
    })
}

pub(crate) fn read_entity(value: &Value, path: &str, issues: &mut Issues) -> Option<Entity> {
    let v = object(value, path, issues)?;
    Some(Entity {
        kind: string(v, "type", path, issues),
        name: string(v, "name", path, issues),
        certificate: v.get("certificate").and_then(|c| read_certificate(c, &join(path, "certificate"), issues)),
        certificate_address: string(v, "certificateAddress", path, issues),
        address: string(v, "address", path, issues),
        responsible: v.get("responsible").and_then(|p| read_person(p, &join(path, "responsible"), issues)),
        legal_representative: string(v, "legalRepresentative", path, issues),
    })
}

pub(crate) fn read_website(value: &Value, path: &str, issues: &mut Issues) -> Option<Website> {
    let v = object(value, path, issues)?;
    Some(Website {
        name: string(v, "name", path, issues),
        domains: strings(v, "domains", path, issues),
        registrations: {
            let list = join(path, "registrations");
            (items(v.get("registrations"), &list, issues).iter().enumerate())
                .filter_map(|(i, item)| read_registration(item, &join(&list, i), issues))
                .collect()
        },
        homepage: string(v, "homepage", path, issues),
        service_content: strings(v, "serviceContent", path, issues),
        languages: strings(v, "languages", path, issues),
        pre_approvals: strings(v, "preApprovals", path, issues),
        responsible: v.get("responsible").and_then(|p| read_person(p, &join(path, "responsible"), issues)),
        remarks: string(v, "remarks", path, issues),
    })
}

/// A registration: WHOIS or RDAP text, an RDAP answer object, or a registration object.
pub(crate) fn read_registration(value: &Value, path: &str, issues: &mut Issues) -> Option<Registration> {
    match value {
        Value::Undefined | Value::Null => None,
        Value::String { .. } => read_str(Some(value), path, issues).map(|text| Registration::Text(text.to_owned())),
        Value::Object(_) if crate::registration::is_rdap_object(value) => Some(match crate::registration::rdap::read(value) {
            Ok(parsed) => Registration::Parsed(parsed),
            Err(reason) => Registration::Unreadable(reason),
        }),
        Value::Object(_) => Some(Registration::Record(read_registration_record(value, path, issues))),
        other => {
            type_error(other, "object", path, issues);
            None
        }
    }
}

/// A registration object (docs/api.md `DomainRegistration`), every field checked for its type.
fn read_registration_record(v: &Value, path: &str, issues: &mut Issues) -> DomainRegistration {
    let flag = |key: &str, issues: &mut Issues| read_bool(v.get(key), &join(path, key), issues);
    DomainRegistration {
        format: Some(crate::registration::Format::Object),
        domain: string(v, "domain", path, issues),
        registrar: string(v, "registrar", path, issues),
        registrar_iana_id: read_iana_id(v.get("registrarIanaId"), &join(path, "registrarIanaId"), issues),
        holder: string(v, "holder", path, issues),
        holder_redacted: flag("holderRedacted", issues),
        holder_certificate: v
            .get("holderCertificate")
            .and_then(|c| read_certificate(c, &join(path, "holderCertificate"), issues))
            .map(|c| HolderCertificate { kind: c.kind, number: c.number }),
        real_name_verified: flag("realNameVerified", issues),
        real_name_verified_at: string(v, "realNameVerifiedAt", path, issues),
        registered_at: string(v, "registeredAt", path, issues),
        expires_at: string(v, "expiresAt", path, issues),
        status: strings(v, "status", path, issues),
    }
}

/// An IANA registrar ID: a positive whole number, or its digits as text.
fn read_iana_id(value: Option<&Value>, path: &str, issues: &mut Issues) -> Option<u32> {
    match value? {
        Value::Undefined | Value::Null => None,
        Value::Number(n) if n.fract() == 0.0 && *n >= 1.0 && *n <= f64::from(u32::MAX) => Some(*n as u32),
        Value::String { text, .. } if text.trim().parse::<u32>().is_ok() => text.trim().parse().ok(),
        other => {
            type_error(other, "number", path, issues);
            None
        }
    }
}

pub(crate) fn read_app(value: &Value, path: &str, issues: &mut Issues) -> Option<App> {
    let v = object(value, path, issues)?;
    let platforms_path = join(path, "platforms");
    let platforms = items(v.get("platforms"), &platforms_path, issues)
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let p = join(&platforms_path, i);
            let o = object(item, &p, issues)?;
            Some(AppPlatform {
                platform: string(o, "platform", &p, issues),
                package_name: string(o, "packageName", &p, issues),
                certificate_md5: string(o, "certificateMd5", &p, issues),
                certificate_sha1: string(o, "certificateSha1", &p, issues),
                public_key: string(o, "publicKey", &p, issues),
            })
        })
        .collect();
    Some(App {
        name: string(v, "name", path, issues),
        platforms,
        domains: strings(v, "domains", path, issues),
        responsible: v.get("responsible").and_then(|p| read_person(p, &join(path, "responsible"), issues)),
    })
}

pub(crate) fn read_filing(value: &Value, issues: &mut Issues) -> Option<Filing> {
    let v = object(value, "", issues)?;
    let read_list = |key: &str, issues: &mut Issues| -> Vec<(usize, Value)> {
        items(v.get(key), key, issues).iter().cloned().enumerate().collect()
    };
    let websites = read_list("websites", issues)
        .into_iter()
        .filter_map(|(i, w)| read_website(&w, &join("websites", i), issues))
        .collect();
    let apps = read_list("apps", issues).into_iter().filter_map(|(i, a)| read_app(&a, &join("apps", i), issues)).collect();
    Some(Filing {
        province: string(v, "province", "", issues),
        entity: v.get("entity").and_then(|e| read_entity(e, "entity", issues)),
        websites,
        apps,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Locale;
    use crate::registration::{json, Unreadable};

    fn value(text: &str) -> Value {
        json::parse(text).unwrap_or_else(|e| panic!("{e:?}: {text}"))
    }

    fn filing(text: &str) -> (Option<Filing>, Vec<crate::issue::Issue>) {
        let mut issues = Issues::new(Locale::En);
        let filing = read_filing(&value(text), &mut issues);
        (filing, issues.into_vec())
    }

    fn some(text: &str) -> Option<String> {
        Some(text.to_owned())
    }

    fn texts(list: &[&str]) -> Vec<String> {
        list.iter().map(|t| (*t).to_owned()).collect()
    }

    /// A person whose every field holds its own path under `at`.
    fn person(at: &str) -> Person {
        let f = |key: &str| some(&format!("{at}.{key}"));
        Person {
            name: f("name"),
            certificate: Some(Certificate { kind: f("certificate.type"), number: f("certificate.number"), valid_until: f("certificate.validUntil") }),
            mobile: f("mobile"),
            emergency_mobile: f("emergencyMobile"),
            landline: f("landline"),
            email: f("email"),
        }
    }

    fn person_json(at: &str) -> String {
        let keys = ["name", "mobile", "emergencyMobile", "landline", "email"];
        let fields: Vec<String> = keys.iter().map(|k| format!(r#""{k}": "{at}.{k}""#)).collect();
        format!(
            r#"{{{}, "certificate": {{"type": "{at}.certificate.type", "number": "{at}.certificate.number", "validUntil": "{at}.certificate.validUntil"}}}}"#,
            fields.join(", ")
        )
    }

    /// Every field of the form is read from its own key into its own place: each string
    /// holds the path it was given at, so a key read into the wrong field shows.
    #[test]
    fn every_field_is_read_into_its_place() {
        let text = format!(
            r#"{{
              "province": "province",
              "entity": {{"type": "entity.type", "name": "entity.name",
                "certificate": {{"type": "entity.certificate.type", "number": "entity.certificate.number", "validUntil": "entity.certificate.validUntil"}},
                "certificateAddress": "entity.certificateAddress", "address": "entity.address",
                "responsible": {entity_person}, "legalRepresentative": "entity.legalRepresentative"}},
              "websites": [{{"name": "w.name", "domains": ["a.cn", "b.cn"], "homepage": "w.homepage",
                "serviceContent": ["s1", "s2"], "languages": ["zh"], "preApprovals": ["p"],
                "responsible": {website_person}, "remarks": "w.remarks",
                "registrations": ["Domain Name: a.cn",
                  {{"domain": "b.cn", "registrar": "r", "registrarIanaId": 146, "holder": "h", "holderRedacted": false,
                    "holderCertificate": {{"type": "uscc", "number": "n"}}, "realNameVerified": true,
                    "realNameVerifiedAt": "v", "registeredAt": "ra", "expiresAt": "ea", "status": ["ok", "clientHold"]}}]}}],
              "apps": [{{"name": "a.name", "domains": ["c.cn"], "responsible": {app_person},
                "platforms": [{{"platform": "android", "packageName": "pn", "certificateMd5": "md5", "certificateSha1": "sha1", "publicKey": "pk"}}]}}]
            }}"#,
            entity_person = person_json("entity.responsible"),
            website_person = person_json("w.responsible"),
            app_person = person_json("a.responsible"),
        );
        let (read, issues) = filing(&text);
        assert!(issues.is_empty(), "{issues:?}");
        let record = DomainRegistration {
            format: Some(crate::registration::Format::Object),
            domain: some("b.cn"),
            registrar: some("r"),
            registrar_iana_id: Some(146),
            holder: some("h"),
            holder_redacted: Some(false),
            holder_certificate: Some(HolderCertificate { kind: some("uscc"), number: some("n") }),
            real_name_verified: Some(true),
            real_name_verified_at: some("v"),
            registered_at: some("ra"),
            expires_at: some("ea"),
            status: texts(&["ok", "clientHold"]),
        };
        let expected = Filing {
            province: some("province"),
            entity: Some(Entity {
                kind: some("entity.type"),
                name: some("entity.name"),
                certificate: Some(Certificate {
                    kind: some("entity.certificate.type"),
                    number: some("entity.certificate.number"),
                    valid_until: some("entity.certificate.validUntil"),
                }),
                certificate_address: some("entity.certificateAddress"),
                address: some("entity.address"),
                responsible: Some(person("entity.responsible")),
                legal_representative: some("entity.legalRepresentative"),
            }),
            websites: vec![Website {
                name: some("w.name"),
                domains: texts(&["a.cn", "b.cn"]),
                registrations: vec![Registration::Text("Domain Name: a.cn".to_owned()), Registration::Record(record)],
                homepage: some("w.homepage"),
                service_content: texts(&["s1", "s2"]),
                languages: texts(&["zh"]),
                pre_approvals: texts(&["p"]),
                responsible: Some(person("w.responsible")),
                remarks: some("w.remarks"),
            }],
            apps: vec![App {
                name: some("a.name"),
                platforms: vec![AppPlatform {
                    platform: some("android"),
                    package_name: some("pn"),
                    certificate_md5: some("md5"),
                    certificate_sha1: some("sha1"),
                    public_key: some("pk"),
                }],
                domains: texts(&["c.cn"]),
                responsible: Some(person("a.responsible")),
            }],
        };
        assert_eq!(read, Some(expected));
    }

    /// The `field.type` issues of a filing, as (path, expected type).
    fn type_errors(issues: &[crate::issue::Issue]) -> Vec<(String, String)> {
        let mut found: Vec<(String, String)> = issues
            .iter()
            .map(|i| {
                assert_eq!(i.code, "field.type", "{i:?}");
                let expected = i.params.get("expected").map(ToString::to_string).unwrap_or_default();
                (i.path.clone(), expected)
            })
            .collect();
        found.sort();
        found
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        let mut pairs: Vec<_> = list.iter().map(|(p, e)| ((*p).to_owned(), (*e).to_owned())).collect();
        pairs.sort();
        pairs
    }

    /// Every field given a value of the wrong type is reported at its own path, with the type
    /// the form wants there, and the rest of the form is still read.
    #[test]
    fn every_wrong_type_is_reported_at_its_path() {
        let person_fields = ["name", "mobile", "emergencyMobile", "landline", "email"];
        let person = |at: &str| -> (String, Vec<(String, &'static str)>) {
            let json = format!(
                r#"{{{}, "certificate": {{"type": 1, "number": 1, "validUntil": 1}}}}"#,
                person_fields.iter().map(|k| format!(r#""{k}": 1"#)).collect::<Vec<_>>().join(", ")
            );
            let mut paths: Vec<(String, &'static str)> = person_fields.iter().map(|k| (format!("{at}.{k}"), "string")).collect();
            paths.extend(["type", "number", "validUntil"].map(|k| (format!("{at}.certificate.{k}"), "string")));
            (json, paths)
        };
        let (entity_person, mut expected) = person("entity.responsible");
        let (website_person, website_paths) = person("websites.0.responsible");
        let (app_person, app_paths) = person("apps.0.responsible");
        expected.extend(website_paths);
        expected.extend(app_paths);
        let text = format!(
            r#"{{
              "province": 1,
              "entity": {{"type": 1, "name": 1, "certificate": {{"type": 1, "number": 1, "validUntil": 1}},
                "certificateAddress": 1, "address": 1, "responsible": {entity_person}, "legalRepresentative": 1}},
              "websites": [{{"name": 1, "domains": [1, "ok.cn"], "homepage": 1, "serviceContent": [1], "languages": [1],
                "preApprovals": [1], "responsible": {website_person}, "remarks": 1,
                "registrations": [1, {{"domain": 1, "registrar": 1, "registrarIanaId": "x", "holder": 1, "holderRedacted": 1,
                  "holderCertificate": {{"type": 1, "number": 1}}, "realNameVerified": "yes", "realNameVerifiedAt": 1,
                  "registeredAt": 1, "expiresAt": 1, "status": [1]}}]}}],
              "apps": [{{"name": 1, "domains": [1], "responsible": {app_person},
                "platforms": [1, {{"platform": 1, "packageName": 1, "certificateMd5": 1, "certificateSha1": 1, "publicKey": 1}}]}}]
            }}"#
        );
        let (read, issues) = filing(&text);
        let strings = [
            "province",
            "entity.type",
            "entity.name",
            "entity.certificate.type",
            "entity.certificate.number",
            "entity.certificate.validUntil",
            "entity.certificateAddress",
            "entity.address",
            "entity.legalRepresentative",
            "websites.0.name",
            "websites.0.domains.0",
            "websites.0.homepage",
            "websites.0.serviceContent.0",
            "websites.0.languages.0",
            "websites.0.preApprovals.0",
            "websites.0.remarks",
            "websites.0.registrations.1.domain",
            "websites.0.registrations.1.registrar",
            "websites.0.registrations.1.holder",
            "websites.0.registrations.1.holderCertificate.type",
            "websites.0.registrations.1.holderCertificate.number",
            "websites.0.registrations.1.realNameVerifiedAt",
            "websites.0.registrations.1.registeredAt",
            "websites.0.registrations.1.expiresAt",
            "websites.0.registrations.1.status.0",
            "apps.0.name",
            "apps.0.domains.0",
            "apps.0.platforms.1.platform",
            "apps.0.platforms.1.packageName",
            "apps.0.platforms.1.certificateMd5",
            "apps.0.platforms.1.certificateSha1",
            "apps.0.platforms.1.publicKey",
        ];
        let mut all: Vec<(String, &str)> = expected;
        all.extend(strings.map(|p| (p.to_owned(), "string")));
        all.extend([
            ("websites.0.registrations.0".to_owned(), "object"),
            ("websites.0.registrations.1.registrarIanaId".to_owned(), "number"),
            ("websites.0.registrations.1.holderRedacted".to_owned(), "boolean"),
            ("websites.0.registrations.1.realNameVerified".to_owned(), "boolean"),
            ("apps.0.platforms.0".to_owned(), "object"),
        ]);
        let all: Vec<(&str, &str)> = all.iter().map(|(p, e)| (p.as_str(), *e)).collect();
        assert_eq!(type_errors(&issues), pairs(&all));
        // What was of the right type is still read: the second domain, and the records'
        // shapes (one registration, one platform) without their fields.
        let read = read.unwrap_or_default();
        let website = read.websites.first().cloned().unwrap_or_default();
        assert_eq!(website.domains, texts(&["ok.cn"]));
        assert_eq!(website.registrations.len(), 1);
        assert_eq!(read.apps.first().map(|a| a.platforms.len()), Some(1));
    }

    /// An object or array field given something else is one `field.type` at the field; the
    /// absent (`undefined`, `null`) are not issues.
    #[test]
    fn containers_of_the_wrong_type() {
        let (read, issues) = filing(r#"{"entity": "x", "websites": {}, "apps": "y"}"#);
        assert_eq!(type_errors(&issues), pairs(&[("entity", "object"), ("websites", "array"), ("apps", "array")]));
        assert_eq!(read, Some(Filing::default()));
        let (read, issues) = filing(
            r#"{"entity": {"certificate": 1, "responsible": [1]}, "websites": [1, {"responsible": "r", "domains": "a.cn", "registrations": true}],
                "apps": [null, {"platforms": {}, "responsible": 2}]}"#,
        );
        assert_eq!(
            type_errors(&issues),
            pairs(&[
                ("entity.certificate", "object"),
                ("entity.responsible", "object"),
                ("websites.0", "object"),
                ("websites.1.responsible", "object"),
                ("websites.1.domains", "array"),
                ("websites.1.registrations", "array"),
                ("apps.1.platforms", "array"),
                ("apps.1.responsible", "object"),
            ])
        );
        let read = read.unwrap_or_default();
        assert_eq!((read.websites.len(), read.apps.len()), (1, 1), "{read:?}");
        let (read, issues) = filing("null");
        assert_eq!((read, issues), (None, Vec::new()));
        let (read, issues) = filing("[]");
        assert_eq!((read, type_errors(&issues)), (None, pairs(&[("", "object")])));
        let (read, issues) = filing(r#"{"entity": null, "websites": null, "province": null}"#);
        assert_eq!((read, issues), (Some(Filing::default()), Vec::new()));
    }

    /// An array cut at [`MAX_ITEMS`] on the way in is read up to there and reported once, with
    /// its full length.
    #[test]
    fn a_cut_array_is_reported_with_its_length() {
        let website = |length: usize| {
            let domains = Value::Array { items: vec![Value::str("a.cn")], length };
            Value::Object(vec![("domains".to_owned(), domains)])
        };
        let websites = |website: Value, length: usize| Value::Object(vec![("websites".to_owned(), Value::Array { items: vec![website], length })]);
        for (filing_value, path, count) in [
            (websites(website(MAX_ITEMS + 5), 1), "websites.0.domains", MAX_ITEMS + 5),
            (websites(website(1), MAX_ITEMS + 1), "websites", MAX_ITEMS + 1),
        ] {
            let mut issues = Issues::new(Locale::En);
            let read = read_filing(&filing_value, &mut issues).unwrap_or_default();
            let issues = issues.into_vec();
            let cut: Vec<_> = issues.iter().filter(|i| i.code == "field.too_many").map(|i| (i.path.as_str(), i.params.get("count").cloned())).collect();
            assert_eq!(cut, [(path, Some(count.into()))], "{issues:?}");
            assert_eq!(issues.len(), 1, "{issues:?}");
            assert_eq!(read.websites.first().map(|w| w.domains.clone()), Some(texts(&["a.cn"])));
        }
        // An array of exactly its length is not cut.
        let mut issues = Issues::new(Locale::En);
        items(Some(&Value::Array { items: vec![Value::Null], length: 1 }), "x", &mut issues);
        assert!(issues.into_vec().is_empty());
    }

    /// A registration is text (WHOIS or RDAP, read later), an RDAP answer object (read now),
    /// or a registration record; anything else is `field.type`.
    #[test]
    fn the_kinds_of_registration() {
        let read = |text: &str| {
            let mut issues = Issues::new(Locale::En);
            let registration = read_registration(&value(text), "r", &mut issues);
            (registration, issues.into_vec())
        };
        assert_eq!(read(r#""whois text""#), (Some(Registration::Text("whois text".to_owned())), Vec::new()));
        assert_eq!(read("null"), (None, Vec::new()));
        match read(r#"{"objectClassName": "domain", "ldhName": "Example.CN"}"#) {
            (Some(Registration::Parsed(parsed)), issues) if issues.is_empty() => {
                assert_eq!(parsed.registration.domain.as_deref(), Some("example.cn"));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(read(r#"{"errorCode": 404}"#), (Some(Registration::Unreadable(Unreadable::NotFound)), Vec::new()));
        match read(r#"{"domain": "example.cn"}"#) {
            (Some(Registration::Record(record)), issues) if issues.is_empty() => {
                assert_eq!(record.domain.as_deref(), Some("example.cn"));
                assert_eq!(record.format, Some(crate::registration::Format::Object));
            }
            other => panic!("{other:?}"),
        }
        for wrong in ["1", "true", "[]"] {
            let (registration, issues) = read(wrong);
            assert_eq!((registration, type_errors(&issues)), (None, pairs(&[("r", "object")])), "{wrong}");
        }
    }

    /// An IANA registrar ID is a whole number from 1 to 2^32 − 1, or its digits as text.
    #[test]
    fn iana_ids() {
        let read = |v: Value| {
            let mut issues = Issues::new(Locale::En);
            let id = read_iana_id(Some(&v), "id", &mut issues);
            (id, issues.into_vec().len())
        };
        assert_eq!(read(Value::Number(1.0)), (Some(1), 0));
        assert_eq!(read(Value::Number(146.0)), (Some(146), 0));
        assert_eq!(read(Value::Number(f64::from(u32::MAX))), (Some(u32::MAX), 0));
        assert_eq!(read(Value::str(" 146 ")), (Some(146), 0));
        assert_eq!(read(Value::Null), (None, 0));
        assert_eq!(read(Value::Undefined), (None, 0));
        for wrong in [
            Value::Number(0.0),
            Value::Number(0.5),
            Value::Number(1.5),
            Value::Number(-1.0),
            Value::Number(f64::from(u32::MAX) + 1.0),
            Value::Number(f64::NAN),
            Value::str("x"),
            Value::str("-1"),
            Value::Bool(true),
        ] {
            assert_eq!(read(wrong.clone()), (None, 1), "{wrong:?}");
        }
        let mut issues = Issues::new(Locale::En);
        assert_eq!(read_iana_id(None, "id", &mut issues), None);
    }
}

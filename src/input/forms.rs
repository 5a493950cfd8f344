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

//! `reference()`: the lists a filing form offers — filing provinces, entity types, certificate
//! types — straight from the baked tables (`data/rules/*.toml`), so a page builds its selects
//! from the data instead of keeping a copy.

// No panic is reachable from the public entry points (a panic traps the WebAssembly module for
// the rest of the page's life): clippy refuses unwrap, expect, indexing and panics here.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic, clippy::unreachable, clippy::todo, clippy::unimplemented))]

use crate::rules::{self, EntityType};
use serde::Serialize;

/// A filing province (备案省份), `data/rules/provinces.toml`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProvinceRef {
    /// ISO 3166-2:CN code without `CN-`: `"BJ"`.
    pub code: &'static str,
    /// Short Chinese name: `"北京"`.
    pub name: &'static str,
    /// English name: `"Beijing"`.
    pub en: &'static str,
}

/// An entity type (主办单位性质), `data/rules/entity-types.toml`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntityTypeRef {
    /// The API key: `"public_institution"`.
    pub key: &'static str,
    /// Chinese names accepted on input; the first is canonical.
    pub names: &'static [&'static str],
    /// English name as used inside messages (lower case): `"public institution"`.
    pub en: &'static str,
}

/// A certificate type (证件类型), `data/rules/certificate-types.toml`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateTypeRef {
    /// The API key: `"resident_id"`.
    pub key: &'static str,
    /// Chinese names accepted on input; the first is canonical.
    pub names: &'static [&'static str],
    /// English label: `"Resident identity card"`.
    pub en: &'static str,
    /// A person's document (the only kind a principal can use).
    pub personal: bool,
    /// Keys of the entity types the form offers it to.
    pub entities: Vec<&'static str>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reference {
    /// In the order of the data (GB/T 2260).
    pub provinces: Vec<ProvinceRef>,
    pub entity_types: Vec<EntityTypeRef>,
    pub certificate_types: Vec<CertificateTypeRef>,
}

/// The filing provinces, entity types and certificate types of this build, in data order.
pub fn reference() -> Reference {
    Reference {
        provinces: rules::provinces().iter().map(|p| ProvinceRef { code: p.code, name: p.name, en: p.en }).collect(),
        entity_types: EntityType::all()
            .map(|t| {
                let info = t.info();
                EntityTypeRef { key: info.key, names: info.names, en: info.en }
            })
            .collect(),
        certificate_types: rules::CERTIFICATE_TYPES
            .iter()
            .map(|c| CertificateTypeRef {
                key: c.key,
                names: c.names,
                en: c.en,
                personal: c.personal,
                entities: c.entities.iter().map(|e| e.key()).collect(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_lists_the_baked_tables() {
        let r = reference();
        assert_eq!(r.provinces.len(), 31);
        assert_eq!(r.provinces[0], ProvinceRef { code: "BJ", name: "北京", en: "Beijing" });
        assert!(r.provinces.iter().any(|p| p.code == "XJ" && p.name == "新疆"));
        assert_eq!(r.entity_types.len(), EntityType::all().count());
        assert_eq!(r.entity_types[0].key, "enterprise");
        assert_eq!(r.entity_types[0].names[0], "企业");
        for t in &r.entity_types {
            assert_eq!(EntityType::parse(t.key).map(|e| e.key()), Some(t.key));
            assert!(!t.en.is_empty() && !t.names.is_empty(), "{}", t.key);
        }
        assert_eq!(r.certificate_types.len(), rules::CERTIFICATE_TYPES.len());
        for c in &r.certificate_types {
            assert!(!c.en.is_empty() && !c.names.is_empty(), "{}", c.key);
            assert!(rules::CertificateTypeInfo::parse(c.key).is_some(), "{}", c.key);
            assert!(c.entities.iter().all(|e| EntityType::parse(e).is_some()), "{}", c.key);
        }
        let id = r.certificate_types.iter().find(|c| c.key == "resident_id").expect("resident_id");
        assert!(id.personal);
        assert_eq!(id.names[0], "居民身份证");
        assert_eq!(id.en, "Resident identity card");
        assert_eq!(id.entities, vec!["individual"]);
        let uscc = r.certificate_types.iter().find(|c| c.key == "uscc").expect("uscc");
        assert!(!uscc.personal && uscc.entities.contains(&"government"));
        assert_eq!(r.certificate_types.iter().filter(|c| c.personal).count(), 6);
        // The name a form shows is the full one: a bare 注册号 ("registration number") does
        // not say whose; 注册号 is still accepted as typed input.
        let registration = r.certificate_types.iter().find(|c| c.key == "business_registration").expect("business_registration");
        assert_eq!(registration.names, ["工商注册号", "注册号"]);
        assert!(rules::CertificateTypeInfo::parse("注册号").is_some_and(|t| t.key == "business_registration"));
    }

    #[test]
    fn reference_serialises_in_camel_case() {
        let json = serde_json::to_value(reference()).expect("json");
        assert_eq!(json["provinces"][0]["code"], "BJ");
        assert_eq!(json["entityTypes"][1]["key"], "individual");
        assert!(json["certificateTypes"].as_array().is_some_and(|a| !a.is_empty()));
    }
}

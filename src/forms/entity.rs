//! The filing entity (主办单位), docs/rules.md §2: its type, name, certificate, addresses and
//! principal.

use super::certificate::{self, Holder};
use super::person::{self, PersonFacts};
use super::{join, Ctx, Entity};
use crate::issue::{params, Issues, Report, Severity};
use crate::options::{Options, Province};
use crate::rules::{provinces, CertificateTypeInfo, EntityType, LegalRepresentativeRule};

/// `validateEntity(entity, options)`: every field of the entity and its principal. Paths are
/// relative to the entity (`responsible.mobile`).
pub fn validate_entity(entity: &Entity, options: &Options) -> Report {
    let mut issues = Issues::new(options.locale);
    let mut ctx = Ctx::new(options, &mut issues);
    check(entity, "", &mut ctx);
    Report::from_issues(issues.into_vec())
}

/// What the cross-field rules of a filing need from the entity.
#[derive(Default)]
pub(crate) struct EntityFacts {
    pub entity_type: Option<EntityType>,
    pub principal: PersonFacts,
}

pub(crate) fn check(entity: &Entity, path: &str, ctx: &mut Ctx) -> EntityFacts {
    let type_path = join(path, "type");
    let entity_type = match ctx.text(&entity.kind, &type_path) {
        None => ctx.options.entity_type,
        Some(text) => match EntityType::parse(text) {
            Some(t) => Some(t),
            None => {
                ctx.issues.error("entity.type_unknown", &type_path, params!["value" => text]);
                None
            }
        },
    };
    let name_path = join(path, "name");
    let name = ctx.text(&entity.name, &name_path).map(str::to_owned);
    if let (Some(name), Some(t)) = (&name, entity_type) {
        check_name(name, t, &name_path, ctx);
    }

    let cert = certificate::check(entity.certificate.as_ref(), &join(path, "certificate"), Holder::Entity(entity_type), ctx);
    if let (Some(valid), Some(t)) = (&cert.uscc, entity_type) {
        // §2.3 [C3]/[I]: the USCC's authority and category against the entity type.
        if crate::ids::uscc::fits_entity_type(valid, t.key()) == Some(false) {
            let prefix: String = [valid.authority, valid.category].iter().collect();
            let display = params!["entity_type" => t.name(ctx.issues.locale())];
            ctx.issues.add_displayed(
                Severity::Warning,
                "entity.uscc_category",
                "entity.uscc_category",
                &join(path, "certificate.number"),
                params!["prefix" => prefix, "entity_type" => t.key()],
                display,
            );
        }
    }

    let is_individual = entity_type == Some(EntityType::Individual);
    let cert_address_path = join(path, "certificateAddress");
    if let Some(address) = ctx.text(&entity.certificate_address, &cert_address_path) {
        check_address(address, &cert_address_path, entity_type, true, ctx);
    }
    let address_path = join(path, "address");
    if let Some(address) = ctx.text(&entity.address, &address_path) {
        check_address(address, &address_path, entity_type, false, ctx);
    }

    let responsible_path = join(path, "responsible");
    let landline = person::landline_required(entity_type, ctx);
    let principal = person::check(entity.responsible.as_ref(), &responsible_path, landline, ctx);

    if is_individual {
        // An individual's certificate is the person's own: the person rules apply to it
        // (§2.6 age by province; §2.7 expiry with the personal margin, in certificate::check).
        // When the principal block carries the same number, its own check has said it already.
        let cert_number_path = join(path, "certificate.number");
        if let Some(birth) = cert.birth_date {
            if principal.certificate_number != cert.number {
                person::check_age(birth, &cert_number_path, ctx);
            }
        }
        // §2.5 E2 [C]: the individual is their own principal, so both blocks name one
        // certificate.
        if let (Some(own), Some(principal_number)) = (&cert.number, &principal.certificate_number) {
            if own != principal_number {
                ctx.issues.error("entity.principal_certificate", &join(&responsible_path, "certificate.number"), params![]);
            }
        }
        // §2.5 E2 [C]: an individual files under their own name.
        if let (Some(name), Some(principal_name)) = (&name, &principal.name) {
            if normalise_name(name) != normalise_name(principal_name) {
                ctx.issues.error("entity.name_mismatch", &name_path, params!["name" => name.as_str(), "principal" => principal_name.as_str()]);
            }
        }
        // §2.9 A2: individuals file where their ID card was issued, or with a local permit.
        // The first two digits of the address code are the province's GB/T 2260 prefix.
        let issued = principal.region.as_deref().and_then(|r| r.get(..2)).and_then(Province::parse);
        if let (Some(issued), Some(filing)) = (issued, ctx.options.province) {
            if issued != filing {
                let display = params!["issued" => issued.name(ctx.issues.locale()), "province" => ctx.province_name()];
                ctx.issues.add_displayed(
                    Severity::Warning,
                    "entity.id_province",
                    "entity.id_province",
                    &join(&responsible_path, "certificate.number"),
                    params!["issued" => issued.code(), "province" => filing.code()],
                    display,
                );
            }
        }
    }
    if entity_type == Some(EntityType::Enterprise) {
        check_legal_representative(entity.legal_representative.as_deref(), principal.name.as_deref(), &join(&responsible_path, "name"), ctx);
    }
    // The principal's document, and an individual's own.
    check_hong_kong_document(entity.responsible.as_ref().and_then(|p| p.certificate.as_ref()), &join(&responsible_path, "certificate.type"), ctx);
    if is_individual {
        check_hong_kong_document(entity.certificate.as_ref(), &join(path, "certificate.type"), ctx);
    }
    EntityFacts { entity_type, principal }
}

/// §2.5 E4 [C] S5: in most provinces an enterprise's principal is its legal representative;
/// in some, anyone with the representative's authorisation letter; the sources disagree on
/// others ([U]). Checked when the form gives the legal representative's name.
fn check_legal_representative(representative: Option<&str>, principal: Option<&str>, path: &str, ctx: &mut Ctx) {
    let (Some(representative), Some(principal)) = (representative.map(str::trim).filter(|r| !r.is_empty()), principal) else { return };
    if normalise_name(representative) == normalise_name(principal) {
        return;
    }
    let (severity, key) = match ctx.profile.principal_legal_representative {
        LegalRepresentativeRule::Required => (Severity::Error, "entity.principal_not_legal_representative"),
        LegalRepresentativeRule::Authorisation => (Severity::Warning, "entity.principal_not_legal_representative.authorisation"),
        LegalRepresentativeRule::Disputed => (Severity::Warning, "entity.principal_not_legal_representative.disputed"),
        LegalRepresentativeRule::Free => return,
    };
    let province = ctx.options.province.map(|p| p.code()).unwrap_or_default();
    let display = params!["province" => ctx.province_name()];
    ctx.issues.add_displayed(
        severity,
        "entity.principal_not_legal_representative",
        key,
        path,
        params!["principal" => principal, "legal_representative" => representative, "province" => province],
        display,
    );
}

/// §2.2 [C] S8, S9, S39: where a province names the documents a Hong Kong principal files
/// with (Beijing: the 港澳居民来往内地通行证 only), another one is refused. Hong Kong is read
/// from the document itself: a permit number starting with H, a residence permit's 810000.
fn check_hong_kong_document(certificate: Option<&super::Certificate>, path: &str, ctx: &mut Ctx) {
    let allowed = ctx.profile.hong_kong_principal_documents;
    let Some(certificate) = certificate.filter(|_| !allowed.is_empty()) else { return };
    let (Some(kind), Some(number)) = (certificate.kind.as_deref().and_then(CertificateTypeInfo::parse), certificate.number.as_deref()) else { return };
    let number = number.trim().to_ascii_uppercase();
    let hong_kong = match kind.key {
        "hk_macao_permit" => number.starts_with('H'),
        "hmt_residence_permit" => number.starts_with("810000"),
        _ => false,
    };
    if hong_kong && !allowed.contains(&kind.key) {
        let province = ctx.options.province.map(|p| p.code()).unwrap_or_default();
        let display = params!["province" => ctx.province_name()];
        ctx.issues.add_displayed(
            Severity::Error,
            "person.hong_kong_document",
            "person.hong_kong_document",
            path,
            params!["certificate_type" => kind.key, "province" => province],
            display,
        );
    }
}

/// Names compare without white space and with full-width brackets folded.
pub(crate) fn normalise_name(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '·' | '•' | '・' => '·',
            _ => c,
        })
        .collect()
}

/// §2.5 E1 [C]: the name must equal the licence, where Chinese names use full-width
/// brackets; half-width ones in a Chinese name are a likely mismatch ([I]: a warning).
fn check_name(name: &str, entity_type: EntityType, path: &str, ctx: &mut Ctx) {
    if entity_type != EntityType::Individual && name.chars().any(super::is_han) && name.contains(['(', ')']) {
        ctx.issues.warning("entity.name_brackets", path, params!["name" => name]);
    }
}

/// The province an address starts with (`北京市朝阳区…`, `广东省深圳市…`, `内蒙古…`).
pub(crate) fn address_province(address: &str) -> Option<Province> {
    let address = address.trim_start();
    provinces()
        .iter()
        .find(|p| address.starts_with(p.full_name) || address.starts_with(p.name))
        .and_then(|p| Province::parse(p.code))
}

/// §2.9: 市辖区 (A5), detail down to the house (and room) number (A4), and the province the
/// address lies in against the filing province (A1 for the certificate address, A3 for the
/// communication address).
fn check_address(address: &str, path: &str, entity_type: Option<EntityType>, certificate_address: bool, ctx: &mut Ctx) {
    let profile = ctx.profile;
    if address.contains("市辖区") {
        let severity = if profile.no_shixiaqu { Severity::Error } else { Severity::Warning };
        ctx.issues.add(severity, "address.shixiaqu", path, params![]);
    }
    if let Some(t) = entity_type {
        if !certificate_address && profile.house_number_for.contains(&t) && !has_house_number(address) {
            ctx.issues.warning("address.house_number", path, params![]);
        }
        if !certificate_address && profile.room_number_for.contains(&t) && !has_room_number(address) {
            ctx.issues.warning("address.room_number", path, params![]);
        }
    }
    let (Some(filing), Some(found)) = (ctx.options.province, address_province(address)) else { return };
    if filing == found {
        return;
    }
    let individual = entity_type == Some(EntityType::Individual);
    // A1 [C]: organisations cannot file across provinces; A3 [C]: the communication address
    // lies in the filing province. An individual's ID address may differ (A2): a warning.
    let severity = if individual && certificate_address { Severity::Warning } else { Severity::Error };
    let locale = ctx.issues.locale();
    ctx.issues.add_displayed(
        severity,
        "address.province",
        "address.province",
        path,
        params!["found" => found.code(), "province" => filing.code()],
        params!["found" => found.name(locale), "province" => filing.name(locale)],
    );
}

/// A digit (ASCII, full-width or a Chinese numeral) at most three characters before a 号
/// (`88号`, `二十七号`, `5号楼`): a heuristic, hence only a warning.
fn has_house_number(address: &str) -> bool {
    let chars: Vec<char> = address.chars().collect();
    chars.iter().enumerate().any(|(i, c)| {
        *c == '号'
            && chars.get(i.saturating_sub(3)..i).is_some_and(|before| {
                before.iter().any(|b| b.is_ascii_digit() || ('０'..='９').contains(b) || "一二三四五六七八九十百零〇".contains(*b))
            })
    })
}

fn has_room_number(address: &str) -> bool {
    address.contains('室') || address.contains("房间") || {
        // `…88号1203`: digits after the last 号.
        address.rsplit('号').next().is_some_and(|tail| tail.chars().filter(|c| c.is_ascii_digit()).count() >= 3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert_eq!(address_province("北京市朝阳区建国路88号").map(Province::code), Some("BJ"));
        assert_eq!(address_province("内蒙古自治区呼和浩特市").map(Province::code), Some("NM"));
        assert_eq!(address_province("朝阳区建国路88号"), None);
        assert!(has_house_number("北京市朝阳区建国路88号"));
        assert!(has_house_number("北京市海淀区中关村大街二十七号"));
        assert!(!has_house_number("北京市朝阳区建国路"));
        assert!(has_room_number("上海市徐汇区漕溪北路88号1203室"));
        assert!(has_room_number("上海市徐汇区漕溪北路88号1203"));
        assert!(!has_room_number("上海市徐汇区漕溪北路88号"));
        // A 号 needs a number before it, and a number needs its 号.
        assert!(!has_house_number("北京市朝阳区建国路88"));
        assert!(!has_house_number("北京市朝阳区信号路"));
        assert!(!has_house_number("北京市朝阳区建国路8栋甲乙号"), "a number four characters before");
        // A room named by 室 or 房间 needs no digits.
        assert!(has_room_number("上海市徐汇区漕溪北路88号甲室"));
        assert!(has_room_number("上海市徐汇区漕溪北路88号东侧房间"));
    }

    /// The documents a Hong Kong principal may use are the province's data: a province that
    /// named only the residence permit would refuse the travel permit (an H number) too.
    #[test]
    fn hong_kong_documents_follow_the_province_data() {
        use crate::forms::Certificate;
        let mut only_residence_permit = crate::rules::profile(Some("SH")).clone();
        only_residence_permit.hong_kong_principal_documents = &["hmt_residence_permit"];
        let profile: &'static crate::rules::ProvinceProfile = Box::leak(Box::new(only_residence_permit));
        let codes = |kind: &str, number: &str| {
            let options = Options::default();
            let mut issues = Issues::new(options.locale);
            let mut ctx = Ctx { profile, ..Ctx::new(&options, &mut issues) };
            let certificate = Certificate { kind: Some(kind.into()), number: Some(number.into()), valid_until: None };
            check_hong_kong_document(Some(&certificate), "responsible.certificate.type", &mut ctx);
            issues.into_vec().into_iter().map(|i| i.code).collect::<Vec<_>>()
        };
        assert_eq!(codes("hk_macao_permit", "H12345678"), ["person.hong_kong_document"]);
        assert_eq!(codes("hk_macao_permit", "M12345678"), Vec::<&str>::new(), "Macao's permit is not Hong Kong's");
        assert_eq!(codes("hmt_residence_permit", "810000199408230021"), Vec::<&str>::new());
    }
}

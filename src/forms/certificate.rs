//! A certificate field (证件类型, 证件号码, 证件有效期): the type against who holds it
//! (docs/rules.md §2.2), the number by the identifier module its type names (§2.4), and the
//! expiry date (§2.7).

use super::{join, report, Certificate, Ctx};
use crate::ids;
use crate::issue::{params, Severity};
use crate::options::{Date, Locale};
use crate::rules::{CertificateTypeInfo, EntityType, NumberFormat};

/// Who holds the certificate: the entity (of a known type or not) or a person.
#[derive(Clone, Copy)]
pub(crate) enum Holder {
    Entity(Option<EntityType>),
    Person,
}

/// What the number told us, for the rules that need it (age, USCC prefix, address province).
#[derive(Default)]
pub(crate) struct Facts {
    pub kind: Option<&'static CertificateTypeInfo>,
    pub birth_date: Option<Date>,
    /// GB/T 2260 address code of a resident ID (its first 6 digits).
    pub region: Option<String>,
    pub uscc: Option<ids::uscc::Valid>,
    /// The compact number, when it validated.
    pub number: Option<String>,
}

pub(crate) fn check(cert: Option<&Certificate>, path: &str, holder: Holder, ctx: &mut Ctx) -> Facts {
    let mut facts = Facts::default();
    let empty = Certificate::default();
    let cert = cert.unwrap_or(&empty);
    let type_path = join(path, "type");
    let kind = match ctx.text(&cert.kind, &type_path) {
        None => None,
        Some(text) => match CertificateTypeInfo::parse(text) {
            Some(info) => Some(info),
            None => {
                ctx.issues.error("certificate.type_unknown", &type_path, params!["value" => text]);
                None
            }
        },
    };
    facts.kind = kind;
    if let Some(info) = kind {
        check_holder(info, holder, &type_path, ctx);
    }
    let number_path = join(path, "number");
    if let (Some(number), Some(info)) = (ctx.text(&cert.number, &number_path), kind) {
        check_number(info.number, number, &number_path, ctx, &mut facts);
    }
    if let Some(until) = cert.valid_until.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        // An individual files with their own, personal certificate.
        let min_days = match holder {
            Holder::Person | Holder::Entity(Some(EntityType::Individual)) => ctx.profile.personal_certificate_min_days,
            Holder::Entity(_) => ctx.profile.entity_certificate_min_days,
        };
        check_valid_until(until, min_days, &join(path, "validUntil"), ctx);
    }
    facts
}

/// §2.2: personal documents for people, organisation documents for organisations, and the
/// types the form offers to each entity type.
fn check_holder(info: &'static CertificateTypeInfo, holder: Holder, path: &str, ctx: &mut Ctx) {
    let locale = ctx.issues.locale();
    let shown = |info: &CertificateTypeInfo| match locale {
        Locale::ZhCn => info.name_zh().to_owned(),
        Locale::En => info.key.replace('_', " "),
    };
    match holder {
        Holder::Person if !info.personal => {
            ctx.issues.add_displayed(
                Severity::Error,
                "person.certificate_type",
                "person.certificate_type",
                path,
                params!["certificate_type" => info.key],
                params!["certificate_type" => shown(info)],
            );
        }
        Holder::Entity(Some(entity_type)) if !info.entities.contains(&entity_type) => {
            // Categorical mismatches and the government row are confirmed (§2.2 [C] S24);
            // the rest of the grouping is inferred from the form's option order ([I]).
            let categorical = info.personal != (entity_type == EntityType::Individual);
            let severity = if categorical || entity_type == EntityType::Government { Severity::Error } else { Severity::Warning };
            ctx.issues.add_displayed(
                severity,
                "entity.certificate_type",
                "entity.certificate_type",
                path,
                params!["certificate_type" => info.key, "entity_type" => entity_type.key()],
                params!["certificate_type" => shown(info), "entity_type" => entity_type.name(locale)],
            );
        }
        _ => {}
    }
}

fn check_number(format: NumberFormat, number: &str, path: &str, ctx: &mut Ctx, facts: &mut Facts) {
    let today = ctx.today;
    match format {
        NumberFormat::Uscc => uscc(number, path, ctx, facts),
        NumberFormat::UsccOrRegistration => {
            // Licences before the 2015 三证合一 reform carry the 15-digit 注册号 (§2.4.1 S5).
            if ids::business_registration::compact(number).chars().count() == 15 {
                match ids::business_registration::validate(number) {
                    Ok(valid) => facts.number = Some(valid.number),
                    Err(e) => report(&e, path, ctx),
                }
            } else {
                uscc(number, path, ctx, facts);
            }
        }
        NumberFormat::UsccIf18 => {
            if ids::uscc::compact(number).chars().count() == ids::uscc::LENGTH {
                uscc(number, path, ctx, facts);
            }
        }
        NumberFormat::OrganizationCode => match ids::org_code::validate(number) {
            Ok(valid) => facts.number = Some(valid.number),
            Err(e) => report(&e, path, ctx),
        },
        NumberFormat::BusinessRegistration => match ids::business_registration::validate(number) {
            Ok(valid) => facts.number = Some(valid.number),
            Err(e) => report(&e, path, ctx),
        },
        NumberFormat::ResidentId => match ids::resident_id::validate(number, today) {
            Ok(valid) => {
                facts.birth_date = Some(valid.birth_date);
                facts.region = Some(valid.region);
                facts.number = Some(valid.number);
            }
            Err(e) => report(&e, path, ctx),
        },
        NumberFormat::HmtResidencePermit => match ids::residence_permit::validate(number, today) {
            Ok(valid) => {
                facts.birth_date = Some(valid.birth_date);
                facts.number = Some(valid.number);
            }
            Err(e) => report(&e, path, ctx),
        },
        NumberFormat::HkMacaoPermit => match ids::hk_macao_permit::validate(number) {
            Ok(valid) => {
                valid.warnings.iter().for_each(|w| report(w, path, ctx));
                facts.number = Some(valid.number);
            }
            Err(e) => report(&e, path, ctx),
        },
        NumberFormat::TaiwanPermit => match ids::taiwan_permit::validate(number) {
            Ok(valid) => {
                valid.warnings.iter().for_each(|w| report(w, path, ctx));
                facts.number = Some(valid.number);
            }
            Err(e) => report(&e, path, ctx),
        },
        NumberFormat::ForeignPermanentResident => match ids::foreign_permanent_resident::validate(number, today) {
            Ok(valid) => {
                valid.warnings.iter().for_each(|w| report(w, path, ctx));
                facts.birth_date = valid.birth_date;
                facts.number = Some(valid.number);
            }
            Err(e) => report(&e, path, ctx),
        },
        NumberFormat::Passport => match ids::passport::validate(number) {
            Ok(valid) => facts.number = Some(valid.number),
            Err(e) => report(&e, path, ctx),
        },
        NumberFormat::Free => {}
    }
}

fn uscc(number: &str, path: &str, ctx: &mut Ctx, facts: &mut Facts) {
    match ids::uscc::validate(number) {
        Ok(valid) => {
            valid.warnings.iter().for_each(|w| report(w, path, ctx));
            facts.number = Some(valid.number.clone());
            facts.uscc = Some(valid);
        }
        Err(e) => report(&e, path, ctx),
    }
}

/// §2.7: an expired certificate is refused; one expiring sooner than the province asks gets
/// a warning (the sources disagree on the numbers).
fn check_valid_until(until: &str, min_days: u32, path: &str, ctx: &mut Ctx) {
    if matches!(until.to_ascii_lowercase().as_str(), "long-term" | "longterm" | "长期" | "长期有效") {
        return;
    }
    let Some(date) = Date::parse_iso(until) else {
        ctx.issues.error("certificate.valid_until_format", path, params!["value" => until]);
        return;
    };
    let today = ctx.today;
    if date < today {
        ctx.issues.error("certificate.expired", path, params!["date" => date.to_string()]);
        return;
    }
    let remaining = today.days_until(date);
    if remaining < i64::from(min_days) {
        let province = ctx.province_name();
        ctx.issues.add_displayed(
            Severity::Warning,
            "certificate.expiring",
            "certificate.expiring",
            path,
            params!["date" => date.to_string(), "days" => remaining, "min_days" => min_days, "province" => ctx.options.province.map(|p| p.code()).unwrap_or_default()],
            params!["province" => province],
        );
    }
}

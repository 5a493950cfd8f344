//! A person: the entity's principal (主体负责人) or a website's or app's (网站负责人),
//! docs/rules.md §2.2 (personal documents), §2.6 (age), §2.8 (phones and e-mail).

use super::certificate::{self, Holder};
use super::{join, report, Ctx, Person};
use crate::fields::{landline, mobile};
use crate::issue::{params, Severity};
use crate::options::Date;
use crate::rules::EntityType;

/// What later cross-field rules need from a checked person.
#[derive(Default, Clone)]
pub(crate) struct PersonFacts {
    pub name: Option<String>,
    pub certificate_number: Option<String>,
    pub birth_date: Option<Date>,
    /// GB/T 2260 address code of a resident ID.
    pub region: Option<String>,
    /// Normalised 11-digit mobiles.
    pub mobile: Option<String>,
    pub emergency_mobile: Option<String>,
}

/// Checks a person at `path`. `landline_required` comes from the province profile (Jiangsu
/// enterprises, §2.8 P6).
pub(crate) fn check(person: Option<&Person>, path: &str, landline_required: bool, ctx: &mut Ctx) -> PersonFacts {
    let empty = Person::default();
    let person = person.unwrap_or(&empty);
    let name_path = join(path, "name");
    let mut facts = PersonFacts { name: ctx.text(&person.name, &name_path).map(str::to_owned), ..PersonFacts::default() };
    if let Some(name) = &facts.name {
        check_name(name, &name_path, ctx);
    }

    let cert = certificate::check(person.certificate.as_ref(), &join(path, "certificate"), Holder::Person, ctx);
    facts.certificate_number = cert.number;
    facts.region = cert.region;
    facts.birth_date = cert.birth_date;
    if let Some(birth) = cert.birth_date {
        check_age(birth, &join(path, "certificate.number"), ctx);
    }

    let mobile_path = join(path, "mobile");
    if let Some(text) = ctx.text(&person.mobile, &mobile_path) {
        facts.mobile = check_mobile(text, &mobile_path, ctx);
        check_mobile_province(facts.mobile.as_deref(), &mobile_path, ctx);
    }
    let emergency_path = join(path, "emergencyMobile");
    if let Some(text) = person.emergency_mobile.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        facts.emergency_mobile = check_mobile(text, &emergency_path, ctx);
        // §2.8 P5: the emergency number must differ from the principal's ([C] S17 for
        // QingCloud, Beijing's rule depends on the entity: [U], so a warning).
        if facts.emergency_mobile.is_some() && facts.emergency_mobile == facts.mobile {
            ctx.issues.warning("person.emergency_same", &emergency_path, params![]);
        }
    }

    let landline_path = join(path, "landline");
    match person.landline.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(text) => {
            if let Err(e) = landline::validate(text) {
                // A mobile number in the landline field is accepted in most provinces (§2.8 P6).
                if landline_required || !matches!(e, landline::Error::IsMobile { .. }) {
                    report(&e, &landline_path, ctx);
                }
            }
        }
        None if landline_required => ctx.required(&landline_path),
        None => {}
    }

    let email_path = join(path, "email");
    if let Some(text) = ctx.text(&person.email, &email_path) {
        super::email::check(text, &email_path, ctx);
    }
    facts
}

/// §2.5 E3: the name as on the certificate. Digits or symbols cannot be on one; a Chinese
/// name mixed with Latin letters is unusual ([I]: warnings).
fn check_name(name: &str, path: &str, ctx: &mut Ctx) {
    let odd = name.chars().find(|c| !(c.is_alphabetic() || c.is_whitespace() || matches!(c, '·' | '•' | '-' | '\'' | '.' | ',')));
    if let Some(character) = odd {
        ctx.issues.warning("person.name", path, params!["name" => name, "character" => character]);
    }
}

/// A mainland mobile number (§2.8 P1, P2); the normalised number when valid.
pub(crate) fn check_mobile(text: &str, path: &str, ctx: &mut Ctx) -> Option<String> {
    match mobile::validate(text) {
        Ok(valid) => {
            valid.warnings.iter().for_each(|w| report(w, path, ctx));
            Some(valid.number)
        }
        Err(e) => {
            report(&e, path, ctx);
            None
        }
    }
}

/// §2.8 P4: where the province profile asks for it (Jiangsu), a principal's mobile must be
/// registered in the filing province (号码归属地, by `fields::mobile_region`): another
/// province's number is an error ([C] S10), a number whose province cannot be told (no data
/// yet in WebAssembly, a prefix the data does not place) a warning.
fn check_mobile_province(number: Option<&str>, path: &str, ctx: &mut Ctx) {
    use crate::fields::mobile_region::{check_province, installed, ProvinceCode, ProvinceFinding};
    let (Some(number), Some(province)) = (number, ctx.options.province) else { return };
    let Some(code) = ProvinceCode::new(province.code()).filter(|_| ctx.profile.principal_mobile_in_province) else { return };
    let Err(finding) = check_province(number, code, installed().as_ref()) else { return };
    let locale = ctx.issues.locale();
    let name = |c: &str| crate::options::Province::parse(c).map_or_else(|| c.to_owned(), |p| p.name(locale).to_owned());
    let mut display = params!["province" => name(province.code())];
    if let ProvinceFinding::OtherProvince { region, .. } = &finding {
        display.0.push(("region", name(region.as_str()).into()));
    }
    let severity = if finding.is_certain() { Severity::Error } else { Severity::Warning };
    ctx.issues.add_displayed(severity, finding.code(), finding.code(), path, finding.params(), display);
}

/// §2.6: no national minimum; the provinces that state one make it an error, elsewhere a
/// principal under 18 gets a warning. Jiangsu: 16–18 needs proof of employment or income.
pub(crate) fn check_age(birth: Date, path: &str, ctx: &mut Ctx) {
    let Some(age) = birth.age_on(ctx.today) else { return };
    let age = u32::from(age);
    let profile = ctx.profile;
    let province = ctx.options.province.map(|p| p.code()).unwrap_or_default();
    let display = params!["province" => ctx.province_name()];
    if age < profile.principal_min_age {
        let params = params!["age" => i64::from(age), "min_age" => i64::from(profile.principal_min_age), "province" => province];
        ctx.issues.add_displayed(Severity::Error, "person.underage", "person.underage", path, params, display);
    } else if age < profile.principal_warn_age {
        let key = if profile.principal_min_age > 0 { "person.underage.proof" } else { "person.underage.check" };
        let params = params!["age" => i64::from(age), "min_age" => i64::from(profile.principal_warn_age), "province" => province];
        ctx.issues.add_displayed(Severity::Warning, "person.underage", key, path, params, display);
    }
}

/// Whether the profile asks this entity type for a landline.
pub(crate) fn landline_required(entity_type: Option<EntityType>, ctx: &Ctx) -> bool {
    entity_type.is_some_and(|t| ctx.profile.landline_required_for.contains(&t))
}

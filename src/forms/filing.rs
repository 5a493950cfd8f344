//! The whole filing (`validateFiling`): the entity, every website and app, and the rules
//! that span fields (docs/rules.md §1.4, §2.8 P3/P5, §3.1, §3.4, §4 AP6).

use super::{app, entity, join, website, Ctx, Filing};
use crate::issue::{params, Issues, Report, Severity};
use crate::options::{Options, Province};
use crate::rules::EntityType;

/// `validateFiling(filing, options)`: everything a provider and the 管局 would check, with
/// paths from the filing's root (`entity.responsible.mobile`, `websites.0.domains.0`).
pub fn validate_filing(filing: &Filing, options: &Options) -> Report {
    let mut issues = Issues::new(options.locale);
    let mut options = *options;
    match filing.province.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        Some(text) => match Province::parse(text) {
            Some(province) => options.province = Some(province),
            None => issues.error("filing.province_unknown", "province", params!["value" => text]),
        },
        None if options.province.is_none() && !options.partial => issues.error("field.required", "province", params![]),
        None => {}
    }
    let mut ctx = Ctx::new(&options, &mut issues);
    check(filing, &mut ctx);
    Report::from_issues(issues.into_vec())
}

fn check(filing: &Filing, ctx: &mut Ctx) {
    let empty = super::Entity::default();
    if filing.entity.is_none() {
        ctx.required("entity");
    }
    let entity = entity::check(filing.entity.as_ref().unwrap_or(&empty), "entity", ctx);
    let entity_type = entity.entity_type;

    let websites: Vec<_> = filing.websites.iter().enumerate().map(|(i, w)| website::check(w, &join("websites", i), entity_type, filing.entity.as_ref(), ctx)).collect();
    let apps: Vec<_> = filing.apps.iter().enumerate().map(|(i, a)| app::check(a, &join("apps", i), entity_type, ctx)).collect();
    if filing.websites.is_empty() && filing.apps.is_empty() && !ctx.options.partial {
        ctx.issues.error("filing.empty", "websites", params![]);
    }

    // §3.4 W3: websites per submission (provider and province policy: a warning).
    let individual = entity_type == Some(EntityType::Individual);
    let max = if individual { ctx.profile.max_websites_individual } else { ctx.profile.max_websites_unit };
    if filing.websites.len() > max as usize {
        ctx.issues.warning("filing.websites_count", "websites", params!["count" => filing.websites.len(), "max" => i64::from(max)]);
    }
    // §4 AP6 [C] S20: an individual files websites and apps in separate orders.
    if individual && !filing.websites.is_empty() && !filing.apps.is_empty() {
        ctx.issues.warning("filing.individual_website_and_app", "apps", params![]);
    }

    // A domain belongs to one website record.
    // (A map, not a list: a filing may carry 1,000 websites of 1,000 domains each.)
    let mut seen: std::collections::BTreeMap<&str, &str> = std::collections::BTreeMap::new();
    for site in &websites {
        for (path, registrable) in &site.registrables {
            if let Some(first) = seen.get(registrable.as_str()) {
                ctx.issues.error("filing.duplicate_domain", path, params!["domain" => registrable.as_str(), "first" => *first]);
            } else {
                seen.insert(registrable.as_str(), path.as_str());
            }
        }
    }

    // §2.8 P5 / P3: emergency numbers differ from every principal's number; one mobile
    // belongs to one person.
    let mut people: Vec<(String, &super::person::PersonFacts)> = vec![("entity.responsible".to_owned(), &entity.principal)];
    people.extend(websites.iter().enumerate().map(|(i, w)| (join(&join("websites", i), "responsible"), &w.principal)));
    people.extend(apps.iter().enumerate().map(|(i, a)| (join(&join("apps", i), "responsible"), &a.principal)));
    for (path, person) in &people {
        let Some(emergency) = &person.emergency_mobile else { continue };
        let clash = people.iter().any(|(other_path, other)| other_path != path && other.mobile.as_ref() == Some(emergency));
        if clash {
            ctx.issues.warning("filing.emergency_same", &join(path, "emergencyMobile"), params![]);
        }
    }
    for (i, (path, person)) in people.iter().enumerate() {
        let (Some(mobile), Some(name)) = (&person.mobile, &person.name) else { continue };
        let other = people.iter().take(i).find(|(_, o)| o.mobile.as_ref() == Some(mobile) && o.name.as_ref().is_some_and(|n| entity::normalise_name(n) != entity::normalise_name(name)));
        if let Some((other_path, _)) = other {
            ctx.issues.add(Severity::Warning, "filing.mobile_shared", &join(path, "mobile"), params!["other" => join(other_path, "mobile")]);
        }
    }
}

//! Is the suffix one MIIT approved (icp-rules.md §1.2), and may this entity use this `.cn`
//! zone (§1.4)? All lists come from `data/rules/tlds.toml` and `cn-zones.toml`.

use crate::issue::{params, Issues, Severity};
use crate::options::{Locale, Options};
use crate::rules::{self, EntityType};

/// The TLD rules, in order: a province's own list where it has one (§1.2.2), then the
/// national list (§1.2.1) with its refused, disputed and brand entries (§1.2.3).
pub(super) fn check_tld(tld: &str, options: &Options, path: &str, issues: &mut Issues) {
    let shown = rules::idn_tld_unicode(tld).unwrap_or(tld);
    let national = rules::is_sorted_member(&rules::NATIONAL_TLDS, tld);

    if let Some((province, list)) = options.province.and_then(|p| rules::province_tld_list(p.code()).map(|l| (p, l))) {
        let display = params!["province" => province.name(issues.locale())];
        let params = params!["tld" => shown, "province" => province.code(), "list_version" => list.version];
        let allowed = rules::is_sorted_member(list.allowed, tld) || (list.national_idn && rules::idn_tld_unicode(tld).is_some());
        if rules::is_sorted_member(list.refused, tld) {
            issues.add_displayed(Severity::Error, "domain.tld_not_approved", "domain.tld_not_approved.province", path, params, display);
            return;
        }
        if !allowed {
            if national {
                // On the newer national list but not on the province's older one: unsure.
                issues.add_displayed(Severity::Warning, "domain.tld_unlisted", "domain.tld_unlisted.province", path, params, display);
            } else {
                refuse_nationally(tld, shown, path, issues);
                return;
            }
        }
        brand(tld, shown, path, issues);
        return;
    }

    if !national {
        refuse_nationally(tld, shown, path, issues);
        return;
    }
    if let Some((_, note)) = rules::DISPUTED_TLDS.iter().find(|(t, _)| *t == tld) {
        issues.warning("domain.tld_disputed", path, params!["tld" => shown, "note" => *note]);
    }
    brand(tld, shown, path, issues);
}

/// Not on the national list: an error for suffixes a source refuses and for ccTLDs (no
/// country code but `.cn .co .cc .tv .me` has ever been fileable); a warning for other
/// generic TLDs, which MIIT may have approved after the list's date (§1.2.3 [I]).
fn refuse_nationally(tld: &str, shown: &str, path: &str, issues: &mut Issues) {
    let list_version = rules::NATIONAL_TLDS_VERSION;
    let refused = rules::REFUSED_TLDS.iter().find(|(t, _, _)| *t == tld);
    let is_cctld = tld.len() == 2 && tld.bytes().all(|b| b.is_ascii_lowercase());
    if refused.is_some() || (is_cctld && !rules::is_sorted_member(&rules::FILEABLE_CCTLDS, tld)) {
        let mut params = params!["tld" => shown, "list_version" => list_version];
        if let Some((_, tag, evidence)) = refused {
            params.0.push(("tag", (*tag).into()));
            params.0.push(("evidence", (*evidence).into()));
        }
        issues.error("domain.tld_not_approved", path, params);
    } else {
        issues.warning("domain.tld_unlisted", path, params!["tld" => shown, "list_version" => list_version]);
    }
}

fn brand(tld: &str, shown: &str, path: &str, issues: &mut Issues) {
    if rules::BRAND_TLDS.contains(&tld) {
        issues.warning("domain.brand_tld", path, params!["tld" => shown]);
    }
}

/// §1.4: `.gov.cn`, `.edu.cn`, `.政务` … and the entity type filing the domain.
pub(crate) fn check_zone(suffix: &str, entity_type: EntityType, locale: Locale, path: &str, issues: &mut Issues) {
    let Some(zone) = rules::zone_of(suffix) else { return };
    if zone.allowed.contains(&entity_type) {
        return;
    }
    let params = params!["zone" => zone.unicode, "zone_remark" => zone.remark, "entity_type" => entity_type.key()];
    let display = params!["entity_type" => entity_type.name(locale)];
    let (severity, key) = match zone.tolerated.contains(&entity_type) {
        true => (Severity::Warning, "domain.zone_restricted.tolerated"),
        false => (zone.otherwise, "domain.zone_restricted"),
    };
    issues.add_displayed(severity, "domain.zone_restricted", key, path, params, display);
}

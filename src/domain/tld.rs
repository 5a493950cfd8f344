//! Is the suffix one MIIT approved (docs/rules.md §1.2), and may this entity use this `.cn`
//! zone (§1.4)? All lists come from `data/rules/tlds.toml` and `cn-zones.toml`.

use super::check::{Arg, DomainCheck, Span};
use crate::issue::Severity;
use crate::options::Options;
use crate::rules::{self, EntityType, TldFlags};

/// The TLD rules, in order: a province's own list where it has one (§1.2.2), then the
/// national list (§1.2.1) with its refused, disputed and brand entries (§1.2.3).
/// `tld` is the host's last label, whose span is `tld_span` and whose rule sets are `flags`.
pub(super) fn check_tld(c: &mut DomainCheck<'_>, tld: &str, tld_span: Span, flags: TldFlags, options: &Options) {
    // IDN TLDs are named by their U-label.
    let shown = match flags.has(TldFlags::IDN).then(|| rules::idn_tld_unicode(tld)).flatten() {
        Some(unicode) => Arg::Static(unicode),
        None => Arg::Text(tld_span),
    };
    let national = flags.has(TldFlags::NATIONAL);

    if let Some((province, list)) = options.province.and_then(|p| rules::province_tld_list(p.code()).map(|l| (p, l))) {
        let display = [("province", province.name(c.locale).into())];
        let params = [("tld", shown), ("province", province.code().into()), ("list_version", list.version.into())];
        let allowed = rules::is_sorted_member(list.allowed, tld) || (list.national_idn && flags.has(TldFlags::IDN));
        if rules::is_sorted_member(list.refused, tld) {
            c.add(Severity::Error, "domain.tld_not_approved", "domain.tld_not_approved.province", &params, &display);
            return;
        }
        if !allowed {
            if national {
                // On the newer national list but not on the province's older one: unsure.
                c.add(Severity::Warning, "domain.tld_unlisted", "domain.tld_unlisted.province", &params, &display);
            } else {
                refuse_nationally(c, tld, shown, flags);
                return;
            }
        }
        brand(c, shown, flags);
        return;
    }

    if !national {
        refuse_nationally(c, tld, shown, flags);
        return;
    }
    if let Some((_, note)) = rules::DISPUTED_TLDS.iter().filter(|_| flags.has(TldFlags::DISPUTED)).find(|(t, _)| *t == tld) {
        c.warning("domain.tld_disputed", &[("tld", shown), ("note", (*note).into())]);
    }
    brand(c, shown, flags);
}

/// Not on the national list: an error for suffixes a source refuses and for ccTLDs (no
/// country code but `.cn .co .cc .tv .me` has ever been fileable); a warning for other
/// generic TLDs, which MIIT may have approved after the list's date (§1.2.3 [I]).
fn refuse_nationally(c: &mut DomainCheck<'_>, tld: &str, shown: Arg, flags: TldFlags) {
    let list_version = Arg::Static(rules::NATIONAL_TLDS_VERSION);
    let refused = rules::REFUSED_TLDS.iter().filter(|_| flags.has(TldFlags::REFUSED)).find(|(t, _, _)| *t == tld);
    let is_cctld = tld.len() == 2 && tld.bytes().all(|b| b.is_ascii_lowercase());
    match refused {
        Some((_, tag, evidence)) => {
            c.error("domain.tld_not_approved", &[("tld", shown), ("list_version", list_version), ("tag", (*tag).into()), ("evidence", (*evidence).into())]);
        }
        None if is_cctld && !flags.has(TldFlags::FILEABLE_CCTLD) => {
            c.error("domain.tld_not_approved", &[("tld", shown), ("list_version", list_version)]);
        }
        None => c.warning("domain.tld_unlisted", &[("tld", shown), ("list_version", list_version)]),
    }
}

fn brand(c: &mut DomainCheck<'_>, shown: Arg, flags: TldFlags) {
    if flags.has(TldFlags::BRAND) {
        c.warning("domain.brand_tld", &[("tld", shown)]);
    }
}

/// §1.4: `.gov.cn`, `.edu.cn`, `.政务` … and the entity type filing the domain.
pub(super) fn check_zone(c: &mut DomainCheck<'_>, suffix: &str, entity_type: EntityType) {
    let Some(zone) = rules::zone_of(suffix) else { return };
    if zone.allowed.contains(&entity_type) {
        return;
    }
    let params = [("zone", zone.unicode.into()), ("zone_remark", zone.remark.into()), ("entity_type", entity_type.key().into())];
    let display = [("entity_type", entity_type.name(c.locale).into())];
    let (severity, key) = match zone.tolerated.contains(&entity_type) {
        true => (Severity::Warning, "domain.zone_restricted.tolerated"),
        false => (zone.otherwise, "domain.zone_restricted"),
    };
    c.add(severity, "domain.zone_restricted", key, &params, &display);
}

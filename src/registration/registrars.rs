//! Which registrars (域名注册服务机构) MIIT has approved, as far as we know (docs/rules.md §1.3
//! D10): since 2018-01-01 a domain held at a registrar without MIIT's approval, which includes
//! every registrar outside the mainland, cannot be filed until it is transferred.
//!
//! MIIT's own list is a web page (<https://domain.miit.gov.cn/>, 域名注册服务机构审批情况), so
//! the table is curated (`data/registration/registrars.toml`, baked by `bake/`), each row with
//! its basis, source and date. A registrar is found by its IANA ID when the registration gives
//! one, else by one of its names compared whole: brands are shared between mainland companies
//! and their offshore arms (Alibaba Cloud's 420 and 1599 are mainland, 3775 and 3819 are not, and
//! all four answer RDAP at whois.aliyun.com), so URLs and words in names decide nothing.

/// What MIIT's list says of a registrar, as far as we know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Approval {
    Approved,
    /// Known not to be approved: registered outside the mainland, or named as such by a provider.
    NotApproved,
    /// Known to us, but not where it stands (a mainland arm of a foreign registrar, say).
    Unknown,
}

/// How we know a row's [`Approval`]: `Confirmed` rows give errors, `Inferred` ones warnings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    Confirmed,
    Inferred,
}

/// One registrar of the table.
#[derive(Debug)]
pub struct Registrar {
    pub iana_id: Option<u32>,
    /// As IANA, gTLD WHOIS and RDAP write them.
    pub names: &'static [&'static str],
    /// As CNNIC's WHOIS writes them (`Sponsoring Registrar`).
    pub names_zh: &'static [&'static str],
    pub approval: Approval,
    pub basis: Basis,
    pub source: &'static str,
    pub date: &'static str,
}

/// Accredited shells of one registrar, known by their IANA IDs only (Gname 001 Inc …).
#[derive(Debug)]
pub struct Family {
    pub name: &'static str,
    /// Sorted.
    pub iana_ids: &'static [u32],
    pub approval: Approval,
    pub basis: Basis,
    pub source: &'static str,
    pub date: &'static str,
}

mod baked {
    use super::{Approval, Basis, Family, Registrar};
    include!("../generated/registrars.rs");
}
pub use baked::{SOURCE, VERSION};

/// What the table says of a registration's registrar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Known {
    pub approval: Approval,
    pub basis: Basis,
    pub source: &'static str,
}

/// The row of `iana_id`, or of a name equal to `name` (ignoring case, white space, punctuation
/// and the width of brackets).
pub fn find(iana_id: Option<u32>, name: Option<&str>) -> Option<Known> {
    if let Some(id) = iana_id {
        if let Some(row) = baked::REGISTRARS.iter().find(|r| r.iana_id == Some(id)) {
            return Some(Known { approval: row.approval, basis: row.basis, source: row.source });
        }
        if let Some(family) = baked::FAMILIES.iter().find(|f| f.iana_ids.binary_search(&id).is_ok()) {
            return Some(Known { approval: family.approval, basis: family.basis, source: family.source });
        }
        // An ID we do not know says more than a name that happens to match: a registrar's
        // name can be reused by another accreditation of the same group.
        return None;
    }
    let key = name_key(name?);
    if key.is_empty() {
        return None;
    }
    baked::REGISTRARS
        .iter()
        .find(|r| r.names.iter().chain(r.names_zh).any(|n| name_key(n) == key))
        .map(|row| Known { approval: row.approval, basis: row.basis, source: row.source })
}

/// Every row, for `rulesInfo` and the tests.
pub fn registrars() -> &'static [Registrar] {
    &baked::REGISTRARS
}

pub fn families() -> &'static [Family] {
    &baked::FAMILIES
}

/// A name as compared: letters and digits of any script, lower case. `Alibaba Cloud Computing
/// (Beijing) Co., Ltd.` and `ALIBABA CLOUD COMPUTING (BEIJING) CO. LTD` are the same key;
/// `阿里云计算有限公司（万网）` and `阿里云计算有限公司(万网)` too.
fn name_key(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_iana_id_before_name() {
        // Alibaba Cloud's mainland and international registrars share brand and RDAP server.
        assert_eq!(find(Some(420), None).map(|k| k.approval), Some(Approval::Approved));
        assert_eq!(find(Some(3775), None).map(|k| k.approval), Some(Approval::NotApproved));
        assert_eq!(find(Some(3819), Some("Alibaba Cloud Computing (Beijing) Co., Ltd.")).map(|k| k.approval), Some(Approval::NotApproved));
        // An ID we do not know is unknown, whatever the name says.
        assert_eq!(find(Some(999_999), Some("Xin Net Technology Corporation")), None);
    }

    #[test]
    fn by_name_whole_not_by_words() {
        assert_eq!(find(None, Some("GoDaddy.com, LLC")).map(|k| k.approval), Some(Approval::NotApproved));
        assert_eq!(find(None, Some("godaddy.com llc")).map(|k| k.approval), Some(Approval::NotApproved));
        assert_eq!(find(None, Some("阿里云计算有限公司(万网)")).map(|k| k.approval), Some(Approval::Approved));
        assert_eq!(find(None, Some("北京新网数码信息技术有限公司")).map(|k| k.basis), Some(Basis::Confirmed));
        // Brand words alone find nothing.
        assert_eq!(find(None, Some("GoDaddy")), None);
        assert_eq!(find(None, Some("Alibaba")), None);
        assert_eq!(find(None, Some("  ")), None);
    }

    /// Every family is published with its IANA IDs (rulesInfo counts them), and each of its
    /// IDs finds the family's answer.
    #[test]
    fn families_are_published_and_found() {
        assert!(families().iter().any(|f| f.iana_ids.contains(&3941)));
        for family in families() {
            for id in family.iana_ids {
                assert_eq!(find(Some(*id), None).map(|k| k.approval), Some(family.approval), "{id}");
            }
        }
    }

    #[test]
    fn shells_by_family() {
        assert_eq!(find(Some(3941), None).map(|k| k.approval), Some(Approval::NotApproved));
        assert_eq!(find(Some(1637), None).map(|k| k.approval), Some(Approval::NotApproved));
    }

    #[test]
    fn every_row_has_a_name_source_and_date() {
        for row in registrars() {
            assert!(!row.names.is_empty() || !row.names_zh.is_empty(), "a registrar with no name: {row:?}");
            assert!(!row.source.is_empty() && row.date.len() == 10, "{row:?}");
        }
        assert!(registrars().len() > 100, "{}", registrars().len());
    }
}

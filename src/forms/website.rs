//! A website (网站), docs/rules.md §3 and §1.1 D5: its name, its one domain, homepage,
//! service content, languages, remarks and principal.

use super::person::{self, PersonFacts};
use super::{join, Ctx, Entity, Website};
use crate::domain::check_domain_at;
use crate::issue::{params, Issues, Report, Severity};
use crate::options::Options;
use crate::rules::{self, EntityType};

/// `validateWebsite(website, options)`: the website alone; `options.entityType` selects the
/// rules for individuals and the `.gov.cn`-style zones. Paths are relative to the website.
pub fn validate_website(website: &Website, options: &Options) -> Report {
    let mut issues = Issues::new(options.locale);
    let mut ctx = Ctx::new(options, &mut issues);
    check(website, "", options.entity_type, None, &mut ctx);
    Report::from_issues(issues.into_vec())
}

#[derive(Default)]
pub(crate) struct WebsiteFacts {
    /// Registrable domains, A-labels, in the order given.
    pub registrables: Vec<(String, String)>,
    pub principal: PersonFacts,
}

/// `entity` is the filing's, whom each registration's holder must be (`None` for a website
/// checked alone).
pub(crate) fn check(website: &Website, path: &str, entity_type: Option<EntityType>, entity: Option<&Entity>, ctx: &mut Ctx) -> WebsiteFacts {
    let mut facts = WebsiteFacts::default();
    let name_path = join(path, "name");
    if let Some(name) = ctx.text(&website.name, &name_path) {
        check_name(name, entity_type, !website.pre_approvals.is_empty(), &name_path, ctx);
    }

    let domains_path = join(path, "domains");
    let domains: Vec<&str> = website.domains.iter().map(|d| d.trim()).filter(|d| !d.is_empty()).collect();
    if domains.is_empty() {
        ctx.required(&domains_path);
    }
    if domains.len() > 1 {
        // D5 [C] S19, S4: one domain per website entry since 2019-04-22.
        ctx.issues.error("website.domains_count", &domains_path, params!["count" => domains.len()]);
    }
    for (i, domain) in website.domains.iter().enumerate() {
        let domain_path = join(&domains_path, i);
        if domain.trim().is_empty() {
            continue;
        }
        if let Some(registrable) = check_domain(domain, &domain_path, entity_type, ctx) {
            facts.registrables.push((domain_path, registrable));
        }
    }

    // Domain verification (§1.3 D10–D14) of each registration given.
    super::registration::check_website(&website.registrations, &facts.registrables, entity, path, ctx);

    if let Some(homepage) = website.homepage.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        check_homepage(homepage, &facts.registrables, &join(path, "homepage"), ctx);
    }
    let individual = entity_type == Some(EntityType::Individual);
    check_service_content(&website.service_content, individual, &join(path, "serviceContent"), ctx);
    check_languages(&website.languages, &join(path, "languages"), ctx);
    if individual && website.remarks.as_deref().is_none_or(|r| r.trim().is_empty()) && !ctx.options.partial {
        // §3.4 W1 [C]: an individual describes the site's real content in the remarks.
        ctx.issues.error("website.remarks", &join(path, "remarks"), params![]);
    }
    facts.principal = person::check(website.responsible.as_ref(), &join(path, "responsible"), false, ctx);
    facts
}

/// The domain check with the entity type's zone rules, plus Beijing's domain-prefix words
/// (§1.3 D16); returns the registrable domain.
pub(crate) fn check_domain(domain: &str, path: &str, entity_type: Option<EntityType>, ctx: &mut Ctx) -> Option<String> {
    let mut options = *ctx.options;
    options.entity_type = entity_type.or(options.entity_type);
    let report = check_domain_at(domain, &options, path);
    ctx.issues.extend(report.issues);
    let registrable = report.registrable?;
    let national = entity_type.is_some_and(|t| rules::NATIONAL_ENTITY_TYPES.contains(&t));
    let label = report.registrable_unicode.as_deref().and_then(|r| r.split('.').next()).unwrap_or_default().to_lowercase();
    if !national {
        if let Some(word) = ctx.profile.domain_prefix_words.iter().find(|w| label.contains(*w)) {
            let province = ctx.options.province.map(|p| p.code()).unwrap_or_default();
            let display = params!["province" => ctx.province_name()];
            ctx.issues.add_displayed(Severity::Warning, "domain.prefix_word", "domain.prefix_word", path, params!["word" => *word, "province" => province], display);
        }
    }
    Some(registrable)
}

/// §3.1: the general rules for every entity, the stricter ones for individuals, and the
/// words that call for pre-approval.
fn check_name(name: &str, entity_type: Option<EntityType>, has_pre_approvals: bool, path: &str, ctx: &mut Ctx) {
    let fail = |ctx: &mut Ctx, severity: Severity, rule: &'static str, word: Option<&str>| ctx.name_rule(severity, "website.name", path, name, rule, word);
    let han = name.chars().filter(|c| super::is_han(*c)).count();
    let compact: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    // Rule 4: the domain name itself.
    if compact.contains('.') && crate::domain::check_domain(&compact, ctx.options).tld.is_some() {
        fail(ctx, Severity::Error, "domain", None);
        return;
    }
    // Rule 3: not only digits or only letters; no special symbols.
    if !compact.is_empty() && compact.chars().all(|c| c.is_ascii_alphanumeric()) {
        fail(ctx, Severity::Error, "latin_or_digits", None);
        return;
    }
    if let Some(symbol) = compact.chars().find(|c| !(super::is_han(*c) || c.is_alphanumeric() || *c == '·')) {
        fail(ctx, Severity::Error, "symbols", Some(&symbol.to_string()));
    }
    // Rule 2: at least three Chinese characters.
    if han < rules::MIN_CHINESE_CHARS {
        fail(ctx, Severity::Error, "min_chinese", None);
    }
    let individual = entity_type == Some(EntityType::Individual);
    let national = entity_type.is_some_and(|t| rules::NATIONAL_ENTITY_TYPES.contains(&t));
    if let Some(word) = rules::SENSITIVE_WORDS.iter().find(|w| name.contains(*w)) {
        fail(ctx, Severity::Error, "sensitive", Some(word));
    }
    if !national {
        if let Some(word) = rules::NATIONAL_WORDS.iter().find(|w| name.contains(*w)) {
            fail(ctx, Severity::Error, "national_words", Some(word));
        }
    }
    if individual {
        if let Some(word) = rules::INDIVIDUAL_FORBIDDEN_WORDS.iter().chain(ctx.profile.individual_name_extra_words).find(|w| name.contains(*w) && !rules::NATIONAL_WORDS.contains(w)) {
            fail(ctx, Severity::Error, "individual_forbidden", Some(word));
        } else if let Some(word) = rules::INDIVIDUAL_DISCOURAGED_WORDS.iter().find(|w| name.contains(*w)) {
            fail(ctx, Severity::Warning, "individual_discouraged", Some(word));
        }
    }
    if !has_pre_approvals {
        let pre_approval = rules::PRE_APPROVAL_WORDS.iter().chain(ctx.profile.website_name_extra_words).find(|w| name.contains(*w));
        if let Some(word) = pre_approval.filter(|_| !individual) {
            ctx.issues.warning("website.pre_approval", path, params!["word" => *word]);
        }
    }
    if let Some(word) = rules::FINANCE_WORDS.iter().find(|w| name.contains(*w)) {
        ctx.issues.warning("website.finance", path, params!["word" => *word]);
    }
}

/// §3.4 W6 [I]: the homepage is under the website's domain.
fn check_homepage(homepage: &str, registrables: &[(String, String)], path: &str, ctx: &mut Ctx) {
    let report = crate::domain::check_domain(homepage, ctx.options);
    let Some(registrable) = report.registrable else {
        ctx.issues.warning("website.homepage", path, params!["homepage" => homepage]);
        return;
    };
    if !registrables.is_empty() && !registrables.iter().any(|(_, r)| *r == registrable) {
        ctx.issues.warning("website.homepage", path, params!["homepage" => homepage]);
    }
}

/// §3.2: individuals may not run blogs (Beijing, Guizhou, Zhejiang) nor forums (national);
/// units in some provinces may not choose 其他.
fn check_service_content(content: &[String], individual: bool, path: &str, ctx: &mut Ctx) {
    if !individual {
        // §3.2 [C] S13: a unit may not choose 其他 where the province says so (which province
        // S13 means is [U]: a warning).
        if ctx.profile.unit_no_other_content {
            for (i, item) in content.iter().enumerate().filter(|(_, item)| matches!(item.trim(), "其他" | "8388608")) {
                let display = params!["province" => ctx.province_name()];
                let province = ctx.options.province.map(|p| p.code()).unwrap_or_default();
                ctx.issues.add_displayed(Severity::Warning, "website.service_content_other", "website.service_content_other", &join(path, i), params!["content" => item.trim(), "province" => province], display);
            }
        }
        return;
    }
    for (i, item) in content.iter().enumerate() {
        let item = item.trim();
        let blog = item.contains("博客") || item.contains("个人空间") || item == "32";
        let forum = item.contains("论坛") || item.contains("电子公告") || item.eq_ignore_ascii_case("bbs");
        if forum || (blog && ctx.profile.individual_no_blog) {
            ctx.issues.error("website.service_content", &join(path, i), params!["content" => item]);
        }
    }
}

/// §3.2 [C] S39: Shanghai sites include Simplified Chinese.
fn check_languages(languages: &[String], path: &str, ctx: &mut Ctx) {
    if !ctx.profile.requires_simplified_chinese || languages.is_empty() {
        return;
    }
    let simplified = languages.iter().any(|l| {
        let l = l.trim();
        l == "1" || l.contains("简体") || l.eq_ignore_ascii_case("zh-CN") || l.eq_ignore_ascii_case("zh-Hans") || l.eq_ignore_ascii_case("zh")
    });
    if !simplified {
        ctx.issues.error("website.language", path, params![]);
    }
}

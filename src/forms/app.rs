//! An app (APP备案), docs/rules.md §4: its name, platforms with package names and signing
//! certificate digests, domains and principal.

use super::person::{self, PersonFacts};
use super::{join, report, App, Ctx};
use crate::fields::app_id::{self, Platform};
use crate::issue::{params, Issues, Report, Severity};
use crate::options::Options;
use crate::rules::{self, EntityType};

/// `validateApp(app, options)`. Paths are relative to the app (`platforms.0.packageName`).
pub fn validate_app(app: &App, options: &Options) -> Report {
    let mut issues = Issues::new(options.locale);
    let mut ctx = Ctx::new(options, &mut issues);
    check(app, "", options.entity_type, &mut ctx);
    Report::from_issues(issues.into_vec())
}

pub(crate) struct AppFacts {
    pub principal: PersonFacts,
}

pub(crate) fn check(app: &App, path: &str, entity_type: Option<EntityType>, ctx: &mut Ctx) -> AppFacts {
    let name_path = join(path, "name");
    if let Some(name) = ctx.text(&app.name, &name_path) {
        check_name(name, &name_path, ctx);
    }
    let platforms_path = join(path, "platforms");
    if app.platforms.is_empty() {
        ctx.required(&platforms_path);
    }
    let mut seen: Vec<Platform> = Vec::new();
    for (i, entry) in app.platforms.iter().enumerate() {
        let p = join(&platforms_path, i);
        let platform_path = join(&p, "platform");
        let Some(text) = ctx.text(&entry.platform, &platform_path) else { continue };
        let Some(platform) = parse_platform(text) else {
            ctx.issues.error("app.platform_unknown", &platform_path, params!["value" => text]);
            continue;
        };
        if seen.contains(&platform) {
            // AP4 [C] S20: one record per app, one entry per platform.
            ctx.issues.warning("app.platform_duplicate", &platform_path, params!["platform" => platform.as_str()]);
        }
        seen.push(platform);
        let package_path = join(&p, "packageName");
        if let Some(package) = ctx.text(&entry.package_name, &package_path) {
            match app_id::validate_package_name(platform, package) {
                Ok(valid) => valid.warnings.iter().for_each(|w| report(w, &package_path, ctx)),
                Err(e) => report(&e, &package_path, ctx),
            }
        }
        // AP3 [C] S20: Android gives the certificate's MD5, iOS its SHA-1.
        match platform {
            Platform::Android => digest(&entry.certificate_md5, &join(&p, "certificateMd5"), app_id::validate_certificate_md5, ctx),
            Platform::Ios => digest(&entry.certificate_sha1, &join(&p, "certificateSha1"), app_id::validate_certificate_sha1, ctx),
            Platform::HarmonyOs => {}
        }
        if let Some(key) = entry.public_key.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
            // The key's exact encoding is [U] (§4): a modulus in hex is what providers show.
            let hex = key.chars().filter(|c| !matches!(c, ':' | ' ' | '\n' | '\r' | '\t')).all(|c| c.is_ascii_hexdigit());
            if !hex {
                ctx.issues.warning("app.public_key", &join(&p, "publicKey"), params![]);
            }
        }
    }
    for (i, domain) in app.domains.iter().enumerate() {
        if !domain.trim().is_empty() {
            super::website::check_domain(domain, &join(&join(path, "domains"), i), entity_type, ctx);
        }
    }
    AppFacts { principal: person::check(app.responsible.as_ref(), &join(path, "responsible"), false, ctx) }
}

fn digest(
    value: &Option<String>,
    path: &str,
    validate: fn(&str) -> Result<app_id::Digest, app_id::DigestError>,
    ctx: &mut Ctx,
) {
    if let Some(text) = ctx.text(value, path) {
        if let Err(e) = validate(text) {
            report(&e, path, ctx);
        }
    }
}

/// The platform a console's spelling names (`data/rules/app-platforms.toml`).
fn parse_platform(text: &str) -> Option<Platform> {
    let spelling = text.trim().to_ascii_lowercase();
    let (key, _) = rules::APP_PLATFORM_SPELLINGS.iter().find(|(_, spellings)| spellings.contains(&spelling.as_str()))?;
    Platform::ALL.into_iter().find(|platform| platform.as_str() == *key)
}

/// AP5 [C] S20: no emoji, no placeholders; price and marketing words as warnings (the word
/// lists are `data/rules/app-names.toml`).
fn check_name(name: &str, path: &str, ctx: &mut Ctx) {
    let fail = |ctx: &mut Ctx, severity: Severity, rule: &'static str, word: Option<&str>| ctx.name_rule(severity, "app.name", path, name, rule, word);
    if name.chars().any(super::is_emoji) {
        fail(ctx, Severity::Error, "emoji", None);
    }
    if rules::APP_NAME_PLACEHOLDERS.iter().any(|p| name.trim().eq_ignore_ascii_case(p)) {
        fail(ctx, Severity::Error, "placeholder", None);
    }
    if let Some(word) = rules::APP_NAME_MARKETING_WORDS.iter().find(|w| name.contains(*w)) {
        fail(ctx, Severity::Warning, "marketing", Some(word));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_platform_is_spelt_by_its_key_and_every_key_is_a_platform() {
        for platform in Platform::ALL {
            assert_eq!(parse_platform(&format!(" {} ", platform.as_str().to_uppercase())), Some(platform));
        }
        for (key, spellings) in &rules::APP_PLATFORM_SPELLINGS {
            for spelling in *spellings {
                assert_eq!(parse_platform(spelling).map(Platform::as_str), Some(*key), "{spelling}");
            }
        }
        assert_eq!(parse_platform("鸿蒙"), Some(Platform::HarmonyOs));
        assert_eq!(parse_platform("windows"), None);
    }
}

//! App identifiers for APP filing (APP备案): package names / Bundle IDs and signing-
//! certificate digests.
//!
//! Per platform the filing asks for the package name, the public key and a digest of the
//! signing certificate (`docs/rules.md` §4 AP3, [C] S20; [C3] S37, S38):
//!
//! | field | format | tag |
//! |---|---|---|
//! | Android package name (applicationId) | ≥ 2 dot-separated segments, each starting with a letter, characters `[A-Za-z0-9_]`: `^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$`; `com.alibaba.aliyun` | [C3] S36 quoting developer.android.com |
//! | iOS Bundle ID | alphanumerics, `-` and `.`, reverse-DNS: `^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$`; `com.aliyun.beian.app` | [C] S36 (Apple glossary) |
//! | HarmonyOS bundle name | reverse-domain, 7–128 characters, segments start with a letter, `[A-Za-z0-9_]` | **[U]** (from HarmonyOS tooling docs, not from a filing source) |
//! | Android certificate digest | MD5, 16 bytes = 32 hex digits | [C] S20 ("证书的MD5值（16进制形式）"); length **[I]** |
//! | iOS certificate digest | SHA-1, 20 bytes = 40 hex digits | [C] S20 ("证书的SHA-1值"); length **[I]** |
//! | HarmonyOS digest | which hash the form wants is unknown; SHA-256 = 64 hex digits is what the tooling shows | **[U]** |
//!
//! Java keywords (`new`, `class`, `int`, …) cannot be segments of a Java package, so an
//! applicationId that contains one cannot double as the app's namespace; that is only a
//! [`PackageNameWarning`], since Android does not forbid it for the applicationId itself.
//!
//! Digests: [`compact_digest`] removes colons, spaces and a leading `MD5:` / `SHA1:` /
//! `SHA-256:` label as printed by `keytool -list -v`, and upper-cases. **The canonical form
//! is upper-case hex without colons** (`A1B2…`), which is what the filing forms show in
//! their examples and what every console accepts; [`Digest::with_colons`] gives the
//! `keytool` form `A1:B2:…`. A value of another digest's length gets
//! [`DigestError::WrongAlgorithm`], which says which digest it looks like.
//!
//! Certainty: Android and iOS package-name errors are certain ([C3]/[C]); HarmonyOS errors
//! are uncertain. MD5/SHA-1 digest errors are certain (the digest length follows from the
//! algorithm that S20 names); SHA-256 errors are uncertain.

use super::normalize;
use crate::base::{Param, Params};


/// The platform an identifier belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Platform {
    /// Android: the applicationId.
    Android,
    /// iOS: the Bundle ID.
    Ios,
    /// HarmonyOS: the bundle name.
    HarmonyOs,
}

impl Platform {
    /// Every platform.
    pub const ALL: [Platform; 3] = [Platform::Android, Platform::Ios, Platform::HarmonyOs];

    /// `android`, `ios`, `harmonyos` (the `platform` values of `docs/api.md`).
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Android => "android",
            Platform::Ios => "ios",
            Platform::HarmonyOs => "harmonyos",
        }
    }

    /// Display name used in messages: `Android`, `iOS`, `HarmonyOS`.
    pub fn display_name(self) -> &'static str {
        match self {
            Platform::Android => "Android",
            Platform::Ios => "iOS",
            Platform::HarmonyOs => "HarmonyOS",
        }
    }

    /// The digest the filing asks for on this platform (HarmonyOS: SHA-256, **[U]**).
    pub fn certificate_digest(self) -> DigestAlgorithm {
        match self {
            Platform::Android => DigestAlgorithm::Md5,
            Platform::Ios => DigestAlgorithm::Sha1,
            Platform::HarmonyOs => DigestAlgorithm::Sha256,
        }
    }

    /// Characters allowed in a segment, as shown in messages.
    fn allowed(self) -> &'static str {
        match self {
            Platform::Ios => "A–Z a–z 0–9 -",
            Platform::Android | Platform::HarmonyOs => "A–Z a–z 0–9 _",
        }
    }

    fn allows(self, c: char) -> bool {
        match self {
            Platform::Ios => c.is_ascii_alphanumeric() || c == '-',
            Platform::Android | Platform::HarmonyOs => c.is_ascii_alphanumeric() || c == '_',
        }
    }

    /// Whether every segment must start with a letter (not on iOS).
    fn segment_starts_with_letter(self) -> bool {
        !matches!(self, Platform::Ios)
    }

    /// Total length limits in characters (HarmonyOS 7–128 **[U]**; none documented
    /// for the others).
    fn length_limits(self) -> Option<(usize, usize)> {
        match self {
            Platform::HarmonyOs => Some((7, 128)),
            Platform::Android | Platform::Ios => None,
        }
    }
}

/// A valid package name / Bundle ID / bundle name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageName {
    /// As given, trimmed and folded (case preserved).
    pub value: String,
    /// The platform it was checked for.
    pub platform: Platform,
    /// Accepted but doubtful; report as warnings.
    pub warnings: Vec<PackageNameWarning>,
}

/// A valid package name that deserves a warning.
// Variant fields are described in the variant's doc; `value` is always the quoted input
// as [`normalize::excerpt`] shortens it.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageNameWarning {
    /// An Android segment is a Java keyword or literal (`com.example.new`)
    /// (`docs/rules.md` §4; Java Language Specification §3.9) **[I]**.
    JavaKeyword { value: String, segment: String },
}

impl PackageNameWarning {
    /// Stable dotted code.
    pub fn code(&self) -> &'static str {
        match self {
            PackageNameWarning::JavaKeyword { .. } => "app.package_name_keyword",
        }
    }

    /// Named values for the message.
    pub fn params(&self) -> Params {
        match self {
            PackageNameWarning::JavaKeyword { value, segment } => {
                Params(vec![("value", Param::from(value.clone())), ("segment", Param::from(segment.clone()))])
            }
        }
    }
}

super::impl_finding!(PackageNameWarning, warning);

/// Why a string is not a package name for the platform (`docs/rules.md` §4 table).
// Variant fields are described in the variant's doc; `value` is always the quoted input
// as [`normalize::excerpt`] shortens it.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageNameError {
    /// Nothing left after trimming.
    Empty { platform: Platform },
    /// A character the platform does not allow (`com.my_app` on iOS, `com.my-app` on
    /// Android).
    Character { value: String, platform: Platform, character: char },
    /// Only one segment (`abc`).
    Segments { value: String, platform: Platform },
    /// An empty segment: leading, trailing or doubled dot (`com..x`).
    EmptySegment { value: String, platform: Platform },
    /// A segment that does not start with a letter (`1me.app`) — Android, HarmonyOS.
    SegmentStart { value: String, platform: Platform, segment: String },
    /// Outside the platform's length limits (HarmonyOS 7–128).
    Length { value: String, platform: Platform, length: usize, min: usize, max: usize },
}

impl PackageNameError {
    /// Stable dotted code.
    pub fn code(&self) -> &'static str {
        match self {
            PackageNameError::Empty { .. } => "app.package_name_empty",
            PackageNameError::Character { .. } => "app.package_name",
            PackageNameError::Segments { .. } => "app.package_name_segments",
            PackageNameError::EmptySegment { .. } => "app.package_name_empty_segment",
            PackageNameError::SegmentStart { .. } => "app.package_name_segment_start",
            PackageNameError::Length { .. } => "app.package_name_length",
        }
    }

    /// The platform the error was found for.
    pub fn platform(&self) -> Platform {
        match self {
            PackageNameError::Empty { platform }
            | PackageNameError::Character { platform, .. }
            | PackageNameError::Segments { platform, .. }
            | PackageNameError::EmptySegment { platform, .. }
            | PackageNameError::SegmentStart { platform, .. }
            | PackageNameError::Length { platform, .. } => *platform,
        }
    }

    /// Named values for the message; every variant has `platform`.
    pub fn params(&self) -> Params {
        let platform = ("platform", Param::from(self.platform().display_name()));
        match self {
            PackageNameError::Empty { .. } => Params(vec![platform]),
            PackageNameError::Character { value, character, platform: p } => Params(vec![
                ("value", Param::from(value.clone())),
                platform,
                ("character", Param::from(*character)),
                ("allowed", Param::from(p.allowed().to_string())),
            ]),
            PackageNameError::Segments { value, .. } | PackageNameError::EmptySegment { value, .. } => {
                Params(vec![("value", Param::from(value.clone())), platform])
            }
            PackageNameError::SegmentStart { value, segment, .. } => {
                Params(vec![("value", Param::from(value.clone())), platform, ("segment", Param::from(segment.clone()))])
            }
            PackageNameError::Length { value, length, min, max, .. } => Params(vec![
                ("value", Param::from(value.clone())),
                platform,
                ("length", Param::from(*length)),
                ("min", Param::from(*min)),
                ("max", Param::from(*max)),
            ]),
        }
    }

    /// Certain for Android ([C3] quoting Google) and iOS ([C]); uncertain for HarmonyOS
    /// (**[U]**) — report those as warnings.
    pub fn is_certain(&self) -> bool {
        self.platform() != Platform::HarmonyOs
    }
}

super::impl_finding!(PackageNameError);

/// Java keywords and literals (JLS §3.9, §3.10.3, §3.10.7) that cannot be package
/// segments.
const JAVA_KEYWORDS: &[&str] = &[
    "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
    "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
    "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
    "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
    "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
    "volatile", "while", "true", "false", "null",
];

/// Trims and folds full-width characters; `。` becomes `.`. Case is kept (Android
/// package names are case-sensitive).
pub fn compact_package_name(input: &str) -> String {
    normalize::fold(input)
        .chars()
        .map(|c| if c == '\u{3002}' || c == '\u{FF61}' { '.' } else { c })
        .collect()
}

/// Validates a package name / Bundle ID / bundle name for `platform`.
///
/// # Errors
///
/// A [`PackageNameError`] for the first rule broken. Java keywords on Android come back
/// as `Ok` with [`PackageName::warnings`].
pub fn validate_package_name(platform: Platform, input: &str) -> Result<PackageName, PackageNameError> {
    let value = normalize::excerpt(input);
    let s = compact_package_name(input);
    if s.is_empty() {
        return Err(PackageNameError::Empty { platform });
    }
    if let Some(c) = s.chars().find(|&c| c != '.' && !platform.allows(c)) {
        return Err(PackageNameError::Character { value, platform, character: c });
    }
    // From here on `s` is ASCII.
    let mut segments = 0usize;
    let mut warnings = Vec::new();
    for segment in s.split('.') {
        segments += 1;
        if segment.is_empty() {
            return Err(PackageNameError::EmptySegment { value, platform });
        }
        if platform.segment_starts_with_letter() && !segment.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return Err(PackageNameError::SegmentStart {
                value,
                platform,
                segment: normalize::excerpt(segment),
            });
        }
        // One warning is enough: it names the first keyword segment.
        if platform == Platform::Android && warnings.is_empty() && JAVA_KEYWORDS.contains(&segment) {
            warnings.push(PackageNameWarning::JavaKeyword {
                value: value.clone(),
                segment: segment.to_string(),
            });
        }
    }
    if segments < 2 {
        return Err(PackageNameError::Segments { value, platform });
    }
    if let Some((min, max)) = platform.length_limits() {
        let length = s.len();
        if !(min..=max).contains(&length) {
            return Err(PackageNameError::Length { value, platform, length, min, max });
        }
    }
    Ok(PackageName { value: s, platform, warnings })
}

/// Whether the input is a valid package name for `platform` (possibly with warnings).
pub fn is_valid_package_name(platform: Platform, input: &str) -> bool {
    validate_package_name(platform, input).is_ok()
}

/// A certificate digest algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DigestAlgorithm {
    /// MD5: 16 bytes, 32 hex digits (Android).
    Md5,
    /// SHA-1: 20 bytes, 40 hex digits (iOS).
    Sha1,
    /// SHA-256: 32 bytes, 64 hex digits (HarmonyOS tooling, **[U]**).
    Sha256,
}

impl DigestAlgorithm {
    /// `MD5`, `SHA-1`, `SHA-256`.
    pub fn name(self) -> &'static str {
        match self {
            DigestAlgorithm::Md5 => "MD5",
            DigestAlgorithm::Sha1 => "SHA-1",
            DigestAlgorithm::Sha256 => "SHA-256",
        }
    }

    /// Number of hex digits: 32, 40, 64.
    pub fn hex_len(self) -> usize {
        match self {
            DigestAlgorithm::Md5 => 32,
            DigestAlgorithm::Sha1 => 40,
            DigestAlgorithm::Sha256 => 64,
        }
    }

    /// The algorithm whose hex digest has `len` digits.
    pub fn from_hex_len(len: usize) -> Option<DigestAlgorithm> {
        [DigestAlgorithm::Md5, DigestAlgorithm::Sha1, DigestAlgorithm::Sha256]
            .into_iter()
            .find(|a| a.hex_len() == len)
    }

    /// The algorithm named by a `keytool`-style label (`MD5`, `SHA1`, `SHA-1`, `SHA256`,
    /// `SHA-256`, any case).
    fn from_label(label: &str) -> Option<DigestAlgorithm> {
        match label.to_ascii_uppercase().replace('-', "").as_str() {
            "MD5" => Some(DigestAlgorithm::Md5),
            "SHA1" => Some(DigestAlgorithm::Sha1),
            "SHA256" => Some(DigestAlgorithm::Sha256),
            _ => None,
        }
    }
}

/// A certificate digest in canonical form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digest {
    /// The algorithm it was validated as.
    pub algorithm: DigestAlgorithm,
    /// Upper-case hex without separators: the canonical form.
    pub hex: String,
}

impl Digest {
    /// `A1:B2:…` as printed by `keytool`.
    pub fn with_colons(&self) -> String {
        let mut out = String::with_capacity(self.hex.len() * 3 / 2);
        for (i, c) in self.hex.chars().enumerate() {
            if i > 0 && i % 2 == 0 {
                out.push(':');
            }
            out.push(c);
        }
        out
    }
}

/// Why a string is not the expected certificate digest.
// Variant fields are described in the variant's doc; `value` is always the quoted input
// as [`normalize::excerpt`] shortens it.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DigestError {
    /// Nothing left after trimming.
    Empty { expected: DigestAlgorithm },
    /// A character other than hex digits, colons and spaces.
    Character { value: String, expected: DigestAlgorithm, character: char },
    /// The value is another digest (by its length or its label): a SHA-1 where the
    /// Android MD5 belongs, an MD5 where the iOS SHA-1 belongs, a SHA-256, …
    WrongAlgorithm { value: String, expected: DigestAlgorithm, found: DigestAlgorithm, length: usize },
    /// Hex of a length that is no known digest.
    Length { value: String, expected: DigestAlgorithm, length: usize },
}

impl DigestError {
    /// Stable dotted code; the length error is per algorithm
    /// (`app.certificate_md5`, `app.certificate_sha1`, `app.certificate_sha256`).
    pub fn code(&self) -> &'static str {
        match self {
            DigestError::Empty { .. } => "app.certificate_empty",
            DigestError::Character { .. } => "app.certificate_character",
            DigestError::WrongAlgorithm { .. } => "app.certificate_wrong_digest",
            DigestError::Length { expected, .. } => match expected {
                DigestAlgorithm::Md5 => "app.certificate_md5",
                DigestAlgorithm::Sha1 => "app.certificate_sha1",
                DigestAlgorithm::Sha256 => "app.certificate_sha256",
            },
        }
    }

    /// The algorithm that was expected.
    pub fn expected(&self) -> DigestAlgorithm {
        match self {
            DigestError::Empty { expected }
            | DigestError::Character { expected, .. }
            | DigestError::WrongAlgorithm { expected, .. }
            | DigestError::Length { expected, .. } => *expected,
        }
    }

    /// Named values for the message; every variant has `algorithm` and `expected_length`.
    pub fn params(&self) -> Params {
        let expected = self.expected();
        let mut p = Params(vec![
            ("algorithm", Param::from(expected.name())),
            ("expected_length", Param::from(expected.hex_len())),
        ]);
        match self {
            DigestError::Empty { .. } => {}
            DigestError::Character { value, character, .. } => {
                p.0.push(("value", Param::from(value.clone())));
                p.0.push(("character", Param::from(*character)));
            }
            DigestError::WrongAlgorithm { value, found, length, .. } => {
                p.0.push(("value", Param::from(value.clone())));
                p.0.push(("found", Param::from(found.name())));
                p.0.push(("length", Param::from(*length)));
            }
            DigestError::Length { value, length, .. } => {
                p.0.push(("value", Param::from(value.clone())));
                p.0.push(("length", Param::from(*length)));
            }
        }
        p
    }

    /// Certain for MD5 and SHA-1 (S20 names them); uncertain for SHA-256 (HarmonyOS,
    /// **[U]**).
    pub fn is_certain(&self) -> bool {
        self.expected() != DigestAlgorithm::Sha256
    }
}

super::impl_finding!(DigestError);

/// Splits a leading `MD5:` / `SHA1:` / `SHA-256 ` label off (folded, trimmed input).
fn split_label(s: &str) -> (Option<DigestAlgorithm>, &str) {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(s.len());
    let Some((label, rest)) = s.split_at_checked(end) else {
        return (None, s);
    };
    match DigestAlgorithm::from_label(label) {
        Some(alg) if rest.starts_with([':', ' ', '：']) || rest.starts_with(normalize::is_space) => {
            (Some(alg), rest)
        }
        _ => (None, s),
    }
}

fn is_digest_separator(c: char) -> bool {
    c == ':' || normalize::is_space(c)
}

/// Trims, folds, removes a leading algorithm label, colons and whitespace, and
/// upper-cases: `compact_digest("md5: a1:b2:…")` = `"A1B2…"`.
pub fn compact_digest(input: &str) -> String {
    let folded = normalize::fold(input);
    let (_, rest) = split_label(&folded);
    rest.chars()
        .filter(|&c| !is_digest_separator(c))
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Validates a certificate digest that should be `expected`.
///
/// # Errors
///
/// A [`DigestError`]; [`DigestError::WrongAlgorithm`] when the value is recognisably
/// another digest (by its length or a `keytool` label).
pub fn validate_digest(expected: DigestAlgorithm, input: &str) -> Result<Digest, DigestError> {
    let value = normalize::excerpt(input);
    let folded = normalize::fold(input);
    let (label, _) = split_label(&folded);
    let hex = compact_digest(input);
    if hex.is_empty() {
        return Err(DigestError::Empty { expected });
    }
    if let Some(c) = hex.chars().find(|c| !c.is_ascii_hexdigit()) {
        return Err(DigestError::Character { value, expected, character: c });
    }
    let length = hex.len();
    let found = label.or_else(|| DigestAlgorithm::from_hex_len(length));
    match found {
        Some(found) if found != expected => Err(DigestError::WrongAlgorithm { value, expected, found, length }),
        _ if length != expected.hex_len() => Err(DigestError::Length { value, expected, length }),
        _ => Ok(Digest { algorithm: expected, hex }),
    }
}

/// The Android signing-certificate MD5 (32 hex digits).
///
/// # Errors
///
/// As [`validate_digest`].
pub fn validate_certificate_md5(input: &str) -> Result<Digest, DigestError> {
    validate_digest(DigestAlgorithm::Md5, input)
}

/// The iOS certificate SHA-1 (40 hex digits).
///
/// # Errors
///
/// As [`validate_digest`].
pub fn validate_certificate_sha1(input: &str) -> Result<Digest, DigestError> {
    validate_digest(DigestAlgorithm::Sha1, input)
}

/// Whether the input is a valid `expected` digest.
pub fn is_valid_digest(expected: DigestAlgorithm, input: &str) -> bool {
    validate_digest(expected, input).is_ok()
}

#[cfg(test)]
#[allow(clippy::panic, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn pkg(platform: Platform, input: &str) -> Result<PackageName, &'static str> {
        validate_package_name(platform, input).map_err(|e| e.code())
    }

    #[test]
    fn android_spec_examples() {
        assert!(pkg(Platform::Android, "com.alibaba.aliyun").is_ok());
        assert_eq!(pkg(Platform::Android, "abc"), Err("app.package_name_segments"));
        assert_eq!(pkg(Platform::Android, "1me.app"), Err("app.package_name_segment_start"));
        assert_eq!(pkg(Platform::Android, "com..x"), Err("app.package_name_empty_segment"));
        assert_eq!(pkg(Platform::Android, "com.my-app"), Err("app.package_name"));
        assert_eq!(pkg(Platform::Android, "com.my_app.V2").map(|p| p.value), Ok("com.my_app.V2".into()));
        assert_eq!(pkg(Platform::Android, ".com.x"), Err("app.package_name_empty_segment"));
        assert_eq!(pkg(Platform::Android, "com.x."), Err("app.package_name_empty_segment"));
        assert_eq!(pkg(Platform::Android, "com._x"), Err("app.package_name_segment_start"));
        assert_eq!(pkg(Platform::Android, "com.例子"), Err("app.package_name"));
        assert_eq!(pkg(Platform::Android, "  "), Err("app.package_name_empty"));
        assert_eq!(
            validate_package_name(Platform::Android, "1me.app"),
            Err(PackageNameError::SegmentStart {
                value: "1me.app".into(),
                platform: Platform::Android,
                segment: "1me".into(),
            })
        );
    }

    #[test]
    fn android_keywords_warn() {
        let p = validate_package_name(Platform::Android, "com.example.new").ok();
        let w = p.map(|p| p.warnings).unwrap_or_default();
        assert_eq!(w, vec![PackageNameWarning::JavaKeyword {
            value: "com.example.new".into(),
            segment: "new".into(),
        }]);
        assert!(pkg(Platform::Android, "com.example.New").is_ok_and(|p| p.warnings.is_empty()));
        let many = format!("com{}", ".new".repeat(100_000));
        assert!(pkg(Platform::Android, &many).is_ok_and(|p| p.warnings.len() == 1));
        // Keywords are a Java matter: no warning on iOS.
        assert!(pkg(Platform::Ios, "com.example.new").is_ok_and(|p| p.warnings.is_empty()));
    }

    #[test]
    fn ios_spec_examples() {
        assert!(pkg(Platform::Ios, "com.aliyun.beian.app").is_ok());
        assert_eq!(pkg(Platform::Ios, "com.my_app"), Err("app.package_name"));
        assert_eq!(
            validate_package_name(Platform::Ios, "com.my_app").map_err(|e| e.params()),
            Err(crate::base::params![
                "value" => "com.my_app",
                "platform" => "iOS",
                "character" => "_",
                "allowed" => "A–Z a–z 0–9 -",
            ])
        );
        assert!(pkg(Platform::Ios, "com.my-app").is_ok());
        assert!(pkg(Platform::Ios, "com.1app").is_ok());
        assert_eq!(pkg(Platform::Ios, "app"), Err("app.package_name_segments"));
        assert!(validate_package_name(Platform::Ios, "a..b").is_err_and(|e| e.is_certain()));
    }

    #[test]
    fn harmony_bundle_names_are_uncertain() {
        assert!(pkg(Platform::HarmonyOs, "com.example.myapp").is_ok());
        assert_eq!(pkg(Platform::HarmonyOs, "a.b"), Err("app.package_name_length"));
        let long = format!("com.{}", "a".repeat(125));
        assert_eq!(pkg(Platform::HarmonyOs, &long), Err("app.package_name_length"));
        assert!(pkg(Platform::HarmonyOs, &format!("com.{}", "a".repeat(124))).is_ok());
        assert_eq!(pkg(Platform::HarmonyOs, "com.1x"), Err("app.package_name_segment_start"));
        assert!(validate_package_name(Platform::HarmonyOs, "abc").is_err_and(|e| !e.is_certain()));
    }

    #[test]
    fn package_name_normalisation() {
        assert_eq!(compact_package_name("　ｃｏｍ．ａｌｉｂａｂａ。aliyun "), "com.alibaba.aliyun");
        assert!(pkg(Platform::Android, "ｃｏｍ．ａｌｉｂａｂａ．ａｌｉｙｕｎ").is_ok());
    }

    const MD5: &str = "A1B2C3D4E5F60718293A4B5C6D7E8F90";
    const SHA1: &str = "0123456789ABCDEF0123456789ABCDEF01234567";

    #[test]
    fn digests() {
        let d = validate_certificate_md5("a1:b2:c3:d4:e5:f6:07:18:29:3a:4b:5c:6d:7e:8f:90").ok();
        assert_eq!(d.as_ref().map(|d| d.hex.as_str()), Some(MD5));
        assert_eq!(
            d.map(|d| d.with_colons()).as_deref(),
            Some("A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C:6D:7E:8F:90")
        );
        assert!(validate_certificate_md5(&MD5.to_lowercase()).is_ok());
        assert!(validate_certificate_md5(&format!("MD5: {MD5}")).is_ok());
        assert!(validate_certificate_md5("ａ１ｂ２ｃ３ｄ４ ｅ５ｆ６０７１８ ２９３ａ４ｂ５ｃ ６ｄ７ｅ８ｆ９０").is_ok());
        assert!(validate_certificate_sha1(SHA1).is_ok());
        assert!(validate_certificate_sha1(&format!("SHA1: {}", SHA1.to_lowercase())).is_ok());
        assert_eq!(compact_digest(" sha-1：01:23 "), "0123");
    }

    #[test]
    fn digest_errors() {
        assert_eq!(
            validate_certificate_md5(SHA1),
            Err(DigestError::WrongAlgorithm {
                value: SHA1.into(),
                expected: DigestAlgorithm::Md5,
                found: DigestAlgorithm::Sha1,
                length: 40,
            })
        );
        let e = validate_certificate_sha1(MD5).err();
        assert_eq!(e.as_ref().map(DigestError::code), Some("app.certificate_wrong_digest"));
        assert!(e.is_some_and(|e| e.params().get("found") == Some(&Param::from("MD5"))));
        let sha256 = "AB".repeat(32);
        let e = validate_certificate_md5(&sha256).err();
        assert!(e.is_some_and(|e| e.params().get("found") == Some(&Param::from("SHA-256"))));
        // a label wins over the length, in each of its spellings
        let e = validate_certificate_md5(&format!("SHA1: {MD5}")).err();
        assert_eq!(e.map(|e| e.code()), Some("app.certificate_wrong_digest"));
        for label in ["SHA256", "sha-256", "SHA-256："] {
            let e = validate_certificate_md5(&format!("{label} {MD5}")).err();
            assert!(e.is_some_and(|e| e.params().get("found") == Some(&Param::from("SHA-256"))), "{label}");
        }
        // A label is one only when a separator follows it: glued to the digest by anything
        // else, it is read as part of the digest, whose first character is then no hex digit.
        let glued = validate_certificate_md5(&format!("MD5/{MD5}")).err();
        assert!(matches!(glued, Some(DigestError::Character { character: 'M', .. })), "{glued:?}");
        assert!(is_valid_digest(DigestAlgorithm::Md5, &format!("md5: {MD5}")));
        assert!(!is_valid_digest(DigestAlgorithm::Sha1, MD5), "an MD5 is no SHA-1");

        assert_eq!(validate_certificate_md5("A1B2").map_err(|e| e.code()), Err("app.certificate_md5"));
        assert_eq!(validate_certificate_sha1("A1B2").map_err(|e| e.code()), Err("app.certificate_sha1"));
        assert_eq!(
            validate_digest(DigestAlgorithm::Sha256, "A1B2").map_err(|e| (e.code(), e.is_certain())),
            Err(("app.certificate_sha256", false))
        );
        assert_eq!(
            validate_certificate_md5(&format!("{}G", &MD5[..31])).map_err(|e| e.code()),
            Err("app.certificate_character")
        );
        assert_eq!(validate_certificate_md5("0x1234").map_err(|e| e.code()), Err("app.certificate_character"));
        assert_eq!(validate_certificate_md5(" : ").map_err(|e| e.code()), Err("app.certificate_empty"));
        assert_eq!(validate_certificate_md5("😀").map_err(|e| e.code()), Err("app.certificate_character"));
        assert!(validate_certificate_md5("A1B2").is_err_and(|e| e.is_certain()));
    }

    #[test]
    fn huge_inputs() {
        let big = "A".repeat(1_000_000);
        assert_eq!(validate_certificate_md5(&big).map_err(|e| e.code()), Err("app.certificate_md5"));
        let big = format!("{}a", "a.".repeat(500_000));
        assert!(pkg(Platform::Android, &big).is_ok());
        let e = validate_package_name(Platform::Ios, &"号".repeat(1_000_000)).err();
        assert!(e.is_some_and(|e| e.params().0.iter().all(|(_, v)| v.to_string().chars().count() <= 65)));
    }

    #[test]
    fn every_code_is_catalogued() {
        let mut produced: Vec<&str> = Vec::new();
        let pkg_errors = [
            (Platform::Android, ""),
            (Platform::Android, "com.my-app"),
            (Platform::Android, "abc"),
            (Platform::Android, "com..x"),
            (Platform::Android, "1me.app"),
            (Platform::HarmonyOs, "a.b"),
        ];
        for (p, i) in pkg_errors {
            if let Err(e) = validate_package_name(p, i) {
                crate::ids::test_support::assert_renders(e.code(), &e.params());
                produced.push(e.code());
            }
        }
        if let Ok(p) = validate_package_name(Platform::Android, "com.example.new") {
            for w in p.warnings {
                crate::ids::test_support::assert_renders(w.code(), &w.params());
                produced.push(w.code());
            }
        }
        let digest_errors = [
            (DigestAlgorithm::Md5, ""),
            (DigestAlgorithm::Md5, "xyz"),
            (DigestAlgorithm::Md5, SHA1),
            (DigestAlgorithm::Md5, "AB"),
            (DigestAlgorithm::Sha1, "AB"),
            (DigestAlgorithm::Sha256, "AB"),
        ];
        for (a, i) in digest_errors {
            if let Err(e) = validate_digest(a, i) {
                crate::ids::test_support::assert_renders(e.code(), &e.params());
                produced.push(e.code());
            }
        }
        crate::ids::test_support::assert_every_code_exercised(include_str!("app_id.rs"), &produced);
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,40}") {
            for p in [Platform::Android, Platform::Ios, Platform::HarmonyOs] {
                let _ = validate_package_name(p, &s);
            }
            let _ = validate_certificate_md5(&s);
            let _ = validate_certificate_sha1(&s);
            let _ = compact_digest(&s);
        }

        #[test]
        fn android_names_round_trip(name in "[a-z][a-z0-9_]{0,8}(\\.[A-Za-z][A-Za-z0-9_]{0,8}){1,4}") {
            let p = validate_package_name(Platform::Android, &name)
                .map_err(|e| TestCaseError::fail(format!("{name}: {e:?}")))?;
            prop_assert_eq!(&p.value, &name);
            prop_assert_eq!(compact_package_name(&name), name.clone());
            // Android names without `_` are Bundle IDs too.
            prop_assert_eq!(is_valid_package_name(Platform::Ios, &name), !name.contains('_'));
        }

        #[test]
        fn digests_round_trip(bytes in proptest::collection::vec(any::<u8>(), 16..=16), sha in proptest::collection::vec(any::<u8>(), 20..=20)) {
            let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            let d = validate_certificate_md5(&hex).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            prop_assert_eq!(&d.hex, &hex.to_uppercase());
            prop_assert_eq!(validate_certificate_md5(&d.with_colons()).map(|x| x.hex), Ok(d.hex.clone()));
            prop_assert_eq!(compact_digest(&d.with_colons()), d.hex.clone());
            prop_assert_eq!(validate_certificate_sha1(&hex).map_err(|e| e.code()), Err("app.certificate_wrong_digest"));
            let hex1: String = sha.iter().map(|b| format!("{b:02X}")).collect();
            prop_assert!(validate_certificate_sha1(&hex1).is_ok());
            prop_assert_eq!(validate_certificate_md5(&hex1).map_err(|e| e.code()), Err("app.certificate_wrong_digest"));
        }
    }
}

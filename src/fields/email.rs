//! E-mail addresses (电子邮箱) of the entity's and the website's principals.
//!
//! An address is `local-part@domain`. This module accepts the practical subset of
//! RFC 5322 that mail providers hand out:
//!
//! * local part: a *dot-atom* — runs of letters, digits and ``!#$%&'*+-/=?^_`{|}~``
//!   separated by single dots, at most 64 octets (RFC 5321 §4.5.3.1.1);
//! * domain: at least two labels separated by single dots; ASCII labels are LDH (letters,
//!   digits, hyphens, not starting or ending with a hyphen) of at most 63 octets; the last
//!   label is not all digits;
//! * the whole address is at most 254 octets (RFC 5321 path limit minus the brackets).
//!
//! The full-width `＠` (and any full-width ASCII) is folded; the ideographic full stops
//! `。` and `｡` in the domain become `.`; the domain is lower-cased.
//!
//! IDNA is not done here: labels with non-ASCII characters are passed over and
//! [`Email::domain_is_ascii`] is `false`, so the caller can hand [`Email::domain`] to the
//! domain checker (which also applies the length limits to the A-label form).
//!
//! Sources: `icp-rules.md` §2.8 P7 — the field exists for each principal [C3] S22, the
//! syntax rule is **[I]** ("RFC 5322 subset"). Certainty therefore follows the RFCs:
//! what the RFCs forbid (no `@`, empty parts, bad characters, dot placement, lengths) is
//! certain; what the RFCs allow but this subset refuses (quoted local parts, non-ASCII
//! local parts, address literals, single-label domains) is uncertain and should be a
//! warning.

use super::normalize;

/// Every code this module produces.
pub const CODES: &[&str] = &[
    "email.empty",
    "email.format",
    "email.multiple_at",
    "email.too_long",
    "email.local_empty",
    "email.local_too_long",
    "email.local_character",
    "email.local_dot",
    "email.local_non_ascii",
    "email.quoted_local",
    "email.domain_empty",
    "email.domain",
    "email.domain_dot",
    "email.domain_hyphen",
    "email.domain_label_too_long",
    "email.domain_single_label",
    "email.domain_literal",
    "email.domain_numeric_tld",
];

/// Longest address (RFC 5321 §4.5.3.1.3: 256-octet path including `<` `>`).
pub const MAX_LENGTH: usize = 254;
/// Longest local part (RFC 5321 §4.5.3.1.1).
pub const MAX_LOCAL_LENGTH: usize = 64;
/// Longest DNS label (RFC 1035 §2.3.4).
pub const MAX_LABEL_LENGTH: usize = 63;

/// A syntactically valid address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    /// `local@domain`, normalised as by [`compact`].
    pub address: String,
    /// The part before the `@`, as written.
    pub local: String,
    /// Lower-cased; may contain non-ASCII labels (see `domain_is_ascii`).
    pub domain: String,
    /// `false` when the domain has non-ASCII labels: pass `domain` to the domain checker,
    /// which does the IDNA conversion and its checks.
    pub domain_is_ascii: bool,
}

/// Why a string is not an e-mail address.
// Variant fields are described in the variant's doc; `value` is always the quoted input
// as [`normalize::excerpt`] shortens it.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// Nothing left after trimming.
    Empty,
    /// No `@` at all: not an e-mail address (RFC 5322 §3.4.1).
    Format { value: String },
    /// More than one `@` (outside quotes).
    MultipleAt { value: String },
    /// Longer than 254 octets (RFC 5321).
    TooLong { value: String, length: usize },
    /// Nothing before the `@`.
    LocalEmpty { value: String },
    /// Local part longer than 64 octets (RFC 5321).
    LocalTooLong { value: String, length: usize },
    /// An ASCII character a dot-atom does not allow (space, comma, `<`, `(`, …).
    LocalCharacter { value: String, character: char },
    /// Local part starts or ends with a dot, or has two dots in a row.
    LocalDot { value: String },
    /// Non-ASCII in the local part (`张三@…`): allowed by RFC 6531 only. Uncertain.
    LocalNonAscii { value: String, character: char },
    /// A quoted local part (`"a b"@…`): valid RFC 5322, not accepted here. Uncertain.
    QuotedLocal { value: String },
    /// Nothing after the `@`.
    DomainEmpty { value: String },
    /// A character not allowed in a domain name (`_`, `!`, space, …).
    DomainCharacter { value: String, domain: String, character: char },
    /// The domain starts or ends with a dot, or has two dots in a row.
    DomainDot { value: String, domain: String },
    /// A label starts or ends with a hyphen.
    DomainHyphen { value: String, domain: String, label: String },
    /// A label longer than 63 octets.
    DomainLabelTooLong { value: String, label: String, length: usize },
    /// Only one label (`user@localhost`): valid syntax, undeliverable on the Internet.
    /// Uncertain.
    DomainSingleLabel { value: String, domain: String },
    /// An address literal (`user@[192.0.2.1]`). Uncertain.
    DomainLiteral { value: String },
    /// The last label is all digits (`user@192.0.2.1`): an IP address, not a domain.
    DomainNumericTld { value: String, domain: String },
}

impl Error {
    /// Stable dotted code.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Empty => "email.empty",
            Error::Format { .. } => "email.format",
            Error::MultipleAt { .. } => "email.multiple_at",
            Error::TooLong { .. } => "email.too_long",
            Error::LocalEmpty { .. } => "email.local_empty",
            Error::LocalTooLong { .. } => "email.local_too_long",
            Error::LocalCharacter { .. } => "email.local_character",
            Error::LocalDot { .. } => "email.local_dot",
            Error::LocalNonAscii { .. } => "email.local_non_ascii",
            Error::QuotedLocal { .. } => "email.quoted_local",
            Error::DomainEmpty { .. } => "email.domain_empty",
            Error::DomainCharacter { .. } => "email.domain",
            Error::DomainDot { .. } => "email.domain_dot",
            Error::DomainHyphen { .. } => "email.domain_hyphen",
            Error::DomainLabelTooLong { .. } => "email.domain_label_too_long",
            Error::DomainSingleLabel { .. } => "email.domain_single_label",
            Error::DomainLiteral { .. } => "email.domain_literal",
            Error::DomainNumericTld { .. } => "email.domain_numeric_tld",
        }
    }

    /// Named values for the message.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let v = |value: &String| ("value", value.clone());
        match self {
            Error::Empty => vec![],
            Error::Format { value }
            | Error::MultipleAt { value }
            | Error::LocalEmpty { value }
            | Error::LocalDot { value }
            | Error::QuotedLocal { value }
            | Error::DomainEmpty { value }
            | Error::DomainLiteral { value } => vec![v(value)],
            Error::TooLong { value, length } | Error::LocalTooLong { value, length } => {
                vec![v(value), ("length", length.to_string())]
            }
            Error::LocalCharacter { value, character } | Error::LocalNonAscii { value, character } => {
                vec![v(value), ("character", character.to_string())]
            }
            Error::DomainCharacter { value, domain, character } => vec![
                v(value),
                ("domain", domain.clone()),
                ("character", character.to_string()),
            ],
            Error::DomainDot { value, domain }
            | Error::DomainSingleLabel { value, domain }
            | Error::DomainNumericTld { value, domain } => {
                vec![v(value), ("domain", domain.clone())]
            }
            Error::DomainHyphen { value, domain, label } => {
                vec![v(value), ("domain", domain.clone()), ("label", label.clone())]
            }
            Error::DomainLabelTooLong { value, label, length } => {
                vec![v(value), ("label", label.clone()), ("length", length.to_string())]
            }
        }
    }

    /// `true` for what the RFCs forbid; `false` for what they allow but the practical
    /// subset refuses (§2.8 P7 [I]) — report those as warnings.
    pub fn is_certain(&self) -> bool {
        !matches!(
            self,
            Error::LocalNonAscii { .. }
                | Error::QuotedLocal { .. }
                | Error::DomainSingleLabel { .. }
                | Error::DomainLiteral { .. }
        )
    }
}

/// RFC 5322 `atext`.
fn is_atext(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c)
}

/// Trims, folds full-width characters (`＠` → `@`), maps `。` / `｡` to `.` in the domain
/// and lower-cases the domain. The local part is kept as written (it is case-sensitive
/// in principle).
pub fn compact(input: &str) -> String {
    let s = normalize::fold(input);
    match s.rsplit_once('@') {
        Some((local, domain)) => format!("{local}@{}", normalize_domain(domain)),
        None => s,
    }
}

fn normalize_domain(domain: &str) -> String {
    domain
        .chars()
        .map(|c| match c {
            '\u{3002}' | '\u{FF61}' => '.',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Validates an address; see the module documentation.
///
/// # Errors
///
/// The first problem found, as an [`Error`]; [`Error::is_certain`] tells RFC violations
/// from what only the practical subset refuses.
pub fn validate(input: &str) -> Result<Email, Error> {
    let value = normalize::excerpt(input);
    let s = normalize::fold(input);
    if s.is_empty() {
        return Err(Error::Empty);
    }
    if s.starts_with('"') {
        return Err(Error::QuotedLocal { value });
    }
    let Some((local, domain)) = s.split_once('@') else {
        return Err(Error::Format { value });
    };
    if domain.contains('@') {
        return Err(Error::MultipleAt { value });
    }
    let domain = normalize_domain(domain);
    check_local(local, &value)?;
    if domain.is_empty() {
        return Err(Error::DomainEmpty { value });
    }
    let domain_is_ascii = check_domain(&domain, &value)?;
    let length = local.len() + 1 + domain.len();
    if domain_is_ascii && length > MAX_LENGTH {
        return Err(Error::TooLong { value, length });
    }
    Ok(Email {
        address: format!("{local}@{domain}"),
        local: local.to_string(),
        domain,
        domain_is_ascii,
    })
}

/// Whether the input is a valid address under the subset.
pub fn is_valid(input: &str) -> bool {
    validate(input).is_ok()
}

/// The local part: dot-atom, ≤ 64 octets.
fn check_local(local: &str, value: &str) -> Result<(), Error> {
    if local.is_empty() {
        return Err(Error::LocalEmpty { value: value.to_string() });
    }
    let mut previous_dot = true; // a leading dot counts as "dot after nothing"
    for c in local.chars() {
        if c == '.' {
            if previous_dot {
                return Err(Error::LocalDot { value: value.to_string() });
            }
            previous_dot = true;
            continue;
        }
        previous_dot = false;
        if !c.is_ascii() {
            return Err(Error::LocalNonAscii { value: value.to_string(), character: c });
        }
        if !is_atext(c) {
            return Err(Error::LocalCharacter { value: value.to_string(), character: c });
        }
    }
    if previous_dot {
        return Err(Error::LocalDot { value: value.to_string() });
    }
    if local.len() > MAX_LOCAL_LENGTH {
        return Err(Error::LocalTooLong { value: value.to_string(), length: local.len() });
    }
    Ok(())
}

/// The domain: ≥ 2 labels, LDH ASCII labels ≤ 63 octets, no all-digit TLD. Returns
/// whether the domain is all ASCII.
fn check_domain(domain: &str, value: &str) -> Result<bool, Error> {
    let value = || value.to_string();
    let shown = normalize::excerpt(domain);
    if domain.starts_with('[') {
        return Err(Error::DomainLiteral { value: value() });
    }
    let mut labels = 0usize;
    let mut ascii = true;
    let mut last = "";
    for label in domain.split('.') {
        labels += 1;
        last = label;
        if label.is_empty() {
            return Err(Error::DomainDot { value: value(), domain: shown });
        }
        if !label.is_ascii() {
            ascii = false;
            // IDNA is the domain checker's job; only the ASCII rules below are skipped.
            if let Some(c) = label.chars().find(|c| c.is_ascii() && !(c.is_ascii_alphanumeric() || *c == '-')) {
                return Err(Error::DomainCharacter { value: value(), domain: shown, character: c });
            }
            continue;
        }
        if let Some(c) = label.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '-')) {
            return Err(Error::DomainCharacter { value: value(), domain: shown, character: c });
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(Error::DomainHyphen {
                value: value(),
                domain: shown,
                label: normalize::excerpt(label),
            });
        }
        if label.len() > MAX_LABEL_LENGTH {
            return Err(Error::DomainLabelTooLong {
                value: value(),
                label: normalize::excerpt(label),
                length: label.len(),
            });
        }
    }
    if labels < 2 {
        return Err(Error::DomainSingleLabel { value: value(), domain: shown });
    }
    if last.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::DomainNumericTld { value: value(), domain: shown });
    }
    Ok(ascii)
}

#[cfg(test)]
#[allow(clippy::panic, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ok(input: &str) -> Email {
        validate(input).unwrap_or_else(|e| panic!("{input:?} rejected: {e:?}"))
    }

    fn code(input: &str) -> &'static str {
        match validate(input) {
            Ok(e) => panic!("{input:?} accepted: {e:?}"),
            Err(e) => e.code(),
        }
    }

    #[test]
    fn valid_addresses() {
        for a in [
            "user@example.com",
            "first.last@example.com.cn",
            "user+tag@sub.example.org",
            "a_b-c@ex-ample.cn",
            "x@a.io",
            "!#$%&'*+-/=?^_`{|}~@example.com",
            "12345@qq.com",
        ] {
            let e = ok(a);
            assert_eq!(e.address, a);
            assert!(e.domain_is_ascii);
        }
    }

    #[test]
    fn normalisation() {
        let e = ok("　ｕｓｅｒ＠ＥＸＡＭＰＬＥ．ＣＯＭ　");
        assert_eq!(e.address, "user@example.com");
        let e = ok("User@Example。Com");
        assert_eq!((e.local.as_str(), e.domain.as_str()), ("User", "example.com"));
        assert_eq!(compact(" User＠Example｡COM "), "User@example.com");
    }

    #[test]
    fn non_ascii_domain_is_reported_not_rejected() {
        let e = ok("user@例子.中国");
        assert!(!e.domain_is_ascii);
        assert_eq!(e.domain, "例子.中国");
        let e = ok("user@bücher.de");
        assert!(!e.domain_is_ascii);
        assert_eq!(code("user@例_子.中国"), "email.domain");
    }

    #[test]
    fn distinct_errors() {
        let cases = [
            ("", "email.empty"),
            ("   ", "email.empty"),
            ("user.example.com", "email.format"),
            ("a@b@example.com", "email.multiple_at"),
            ("@example.com", "email.local_empty"),
            ("user@", "email.domain_empty"),
            ("us er@example.com", "email.local_character"),
            ("user,x@example.com", "email.local_character"),
            ("张三 <a@example.com>", "email.local_non_ascii"),
            ("<a@example.com>", "email.local_character"),
            (".user@example.com", "email.local_dot"),
            ("user.@example.com", "email.local_dot"),
            ("us..er@example.com", "email.local_dot"),
            ("张三@example.com", "email.local_non_ascii"),
            ("\"a b\"@example.com", "email.quoted_local"),
            ("user@exa_mple.com", "email.domain"),
            ("user@example .com", "email.domain"),
            ("user@example.com.", "email.domain_dot"),
            ("user@.example.com", "email.domain_dot"),
            ("user@example..com", "email.domain_dot"),
            ("user@-example.com", "email.domain_hyphen"),
            ("user@example-.com", "email.domain_hyphen"),
            ("user@localhost", "email.domain_single_label"),
            ("user@[192.0.2.1]", "email.domain_literal"),
            ("user@192.0.2.1", "email.domain_numeric_tld"),
        ];
        for (input, expected) in cases {
            assert_eq!(code(input), expected, "{input}");
        }
        let long_local = format!("{}@example.com", "a".repeat(65));
        assert_eq!(code(&long_local), "email.local_too_long");
        assert!(is_valid(&format!("{}@example.com", "a".repeat(64))));
        let long_label = format!("a@{}.com", "b".repeat(64));
        assert_eq!(code(&long_label), "email.domain_label_too_long");
        let long = format!("{}@{}.com", "a".repeat(64), vec!["c".repeat(63); 3].join("."));
        assert_eq!(code(&long), "email.too_long");
    }

    #[test]
    fn certainty() {
        for (input, certain) in [
            ("user", true),
            ("张三@example.com", false),
            ("\"a\"@example.com", false),
            ("user@localhost", false),
            ("user@[192.0.2.1]", false),
            ("user@exa_mple.com", true),
        ] {
            assert!(validate(input).is_err_and(|e| e.is_certain() == certain), "{input}");
        }
    }

    #[test]
    fn odd_inputs() {
        assert_eq!(code("😀"), "email.format");
        assert_eq!(code("😀@example.com"), "email.local_non_ascii");
        assert_eq!(code("a\u{0301}@example.com"), "email.local_non_ascii");
        assert!(!ok("a@e\u{0301}xample.com").domain_is_ascii);
        let big = format!("{}@example.com", "a".repeat(1_000_000));
        assert_eq!(code(&big), "email.local_too_long");
        let big = format!("a@{}", ".".repeat(1_000_000));
        let e = validate(&big).err();
        assert!(e.is_some_and(|e| e.params().iter().all(|(_, v)| v.chars().count() <= 65)));
        assert_eq!(code(&"@".repeat(1_000_000)), "email.multiple_at");
    }

    #[test]
    fn every_code_is_catalogued() {
        let inputs = [
            "",
            "user",
            "a@b@c.com",
            "@x.com",
            "u er@x.com",
            ".u@x.com",
            "张@x.com",
            "\"a\"@x.com",
            "a@",
            "a@x_y.com",
            "a@x..com",
            "a@-x.com",
            "a@localhost",
            "a@[1.2.3.4]",
            "a@1.2.3.4",
        ];
        let mut produced: Vec<&str> = Vec::new();
        let mut errors: Vec<Error> = inputs.iter().filter_map(|i| validate(i).err()).collect();
        errors.extend(validate(&format!("{}@x.com", "a".repeat(65))).err());
        errors.extend(validate(&format!("a@{}.com", "b".repeat(64))).err());
        errors.extend(validate(&format!("{}@{}.com", "a".repeat(64), vec!["c".repeat(63); 3].join("."))).err());
        for e in &errors {
            super::super::catalogue::check(e.code(), &e.params());
            produced.push(e.code());
        }
        for c in CODES {
            assert!(produced.contains(c), "{c} not exercised");
        }
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,40}") {
            let _ = validate(&s);
            let _ = compact(&s);
        }

        #[test]
        fn generated_addresses_round_trip(
            local in "[a-z0-9_+\\-]{1,10}(\\.[a-z0-9_+\\-]{1,10}){0,2}",
            labels in proptest::collection::vec("[a-z0-9]([a-z0-9\\-]{0,8}[a-z0-9])?", 1..3),
            tld in "[a-z]{2,6}",
        ) {
            let domain = format!("{}.{tld}", labels.join("."));
            let address = format!("{local}@{domain}");
            let e = validate(&address).map_err(|e| TestCaseError::fail(format!("{address}: {e:?}")))?;
            prop_assert_eq!(&e.address, &address);
            prop_assert_eq!(compact(&address), address.clone());
            let upper = format!(" {local}＠{} ", domain.to_ascii_uppercase());
            prop_assert_eq!(validate(&upper).map(|e| e.address), Ok(address));
        }
    }
}

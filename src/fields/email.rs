//! E-mail addresses (电子邮箱) of the entity's and the website's principals: the address's
//! own syntax.
//!
//! An address is `local-part@domain`. This module accepts the practical subset of
//! RFC 5322 that mail providers hand out:
//!
//! * local part: a *dot-atom* — runs of letters, digits and ``!#$%&'*+-/=?^_`{|}~``
//!   separated by single dots, at most 64 octets (RFC 5321 §4.5.3.1.1);
//! * exactly one `@`, and something after it;
//! * domain, as far as the address grammar goes (RFC 5321 §4.1.2 `Domain`): labels separated
//!   by single dots (none empty, no dot at either end), no ASCII character but letters, digits
//!   and hyphens, no white space; `[…]` is an address literal;
//! * the whole address is at most 254 octets (RFC 5321 path limit minus the brackets) when
//!   the domain is ASCII.
//!
//! The full-width `＠` (and any full-width ASCII) is folded; the ideographic full stops
//! `。` and `｡` in the domain become `.`; the domain is lower-cased.
//!
//! The domain's labels are **not** judged here: hyphen placement, label and name lengths,
//! IDNA (UTS #46), special-use names, the TLD's existence and IP addresses are the domain
//! pipeline's (`crate::domain`), which `forms::email` runs on [`Email::domain`] and whose
//! findings it reports with the `email.domain_*` codes below; the length of an address with
//! a non-ASCII domain is checked there too, on the A-label form. This module stays a plain
//! field check: the variants those codes belong to are defined here, with their params and
//! certainty, so that every e-mail code has one definition and one catalogue
//! (`data/messages/fields.toml`), but nothing here calls the pipeline.
//!
//! Sources: `docs/rules.md` §2.8 P7 — the field exists for each principal [C3] S22, the
//! syntax rule is **[I]** ("RFC 5322 subset"). Certainty therefore follows the RFCs:
//! what the RFCs forbid (no `@`, empty parts, bad characters, dot placement, lengths, names
//! that are not a resolvable fully-qualified domain) is certain; what the RFCs allow but this
//! subset refuses (quoted local parts, non-ASCII local parts, a bare public suffix as the
//! domain) is uncertain and should be a warning. Address literals are the one deliberate
//! exception: see [`Error::DomainLiteral`].

use super::normalize;
use crate::base::{Param, Params};


/// The codes [`validate`] can return: those of the address's syntax. The domain part's other
/// codes (`email.format.domain_hyphen`, …) are built by `forms::email` from the domain
/// pipeline's findings.
pub const SYNTAX_CODES: &[&str] = &[
    "email.format.empty",
    "email.format",
    "email.format.multiple_at",
    "email.format.too_long",
    "email.format.local_empty",
    "email.format.local_too_long",
    "email.format.local_character",
    "email.format.local_dot",
    "email.format.local_non_ascii",
    "email.format.quoted_local",
    "email.format.domain_empty",
    "email.format.domain",
    "email.format.domain_dot",
    "email.format.domain_literal",
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
    /// Lower-cased; may contain non-ASCII labels (see `domain_is_ascii`). Its labels are not
    /// checked yet: hand it to the domain pipeline (`forms::email` does).
    pub domain: String,
    /// `false` when the domain has non-ASCII labels: the address's length is then only known
    /// once the domain pipeline has given the A-label form.
    pub domain_is_ascii: bool,
}

/// Why the domain pipeline refused the domain as UTS #46 processing (`email.format.domain_invalid`):
/// the failures that have no e-mail code of their own. The others map onto existing codes
/// (`Std3` → `email.format.domain`, `Hyphens` → `email.format.domain_hyphen`, empty labels →
/// `email.format.domain_dot`, lengths → `email.format.domain_label_too_long` / `email.format.domain_too_long`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// A code point UTS #46 disallows (symbols, most punctuation, unassigned code points).
    Disallowed { character: String, codepoint: String },
    /// CheckBidi (RFC 5893).
    Bidi { label: String },
    /// CheckJoiners: ZWJ / ZWNJ outside the contexts of RFC 5892 Appendix A.
    Joiners { label: String },
    /// An `xn--` label that is not valid Punycode.
    Punycode { label: String },
    /// A label that breaks a validity criterion as a whole (e.g. starts with a combining mark).
    Label { label: String },
    /// A rule the pipeline named that none of the above describes (the generic message).
    Other,
}

/// Why a string is not an e-mail address.
// Variant fields are described in the variant's doc; `value` is always the quoted input
// as [`normalize::excerpt`] shortens it, `domain` the domain part shortened the same way.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// Nothing left after trimming.
    Empty,
    /// No `@` at all: not an e-mail address (RFC 5322 §3.4.1).
    Format { value: String },
    /// More than one `@` (outside quotes).
    MultipleAt { value: String },
    /// Longer than 254 octets (RFC 5321); a non-ASCII domain counts in its A-label form.
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
    /// A character not allowed in a domain name: an ASCII one other than letters, digits,
    /// hyphens and dots (`_`, `!`, `/`, `:`), white space of any kind, or (from the pipeline,
    /// UseSTD3ASCIIRules) a character that UTS #46 maps to one of those.
    DomainCharacter { value: String, domain: String, character: char },
    /// The domain starts or ends with a dot, or has two dots in a row.
    DomainDot { value: String, domain: String },
    /// A label starts or ends with a hyphen, or has hyphens in its 3rd and 4th positions
    /// without being an A-label (UTS #46 CheckHyphens).
    DomainHyphen { value: String, domain: String, label: String },
    /// A label longer than 63 octets (in A-label form for a non-ASCII label).
    DomainLabelTooLong { value: String, label: String, length: usize },
    /// Only one label that is no top-level domain (`user@mailhost`): a local alias, which RFC
    /// 5321 §2.3.5 forbids in SMTP ("Only resolvable, fully-qualified domain names (FQDNs) are
    /// permitted").
    DomainSingleLabel { value: String, domain: String },
    /// An address literal (`user@[192.0.2.1]`, `user@[IPv6:…]`). RFC 5321 §4.1.3 allows it
    /// only as a way to reach a host "not known to the domain name system", for reporting
    /// and repairing that very problem, and RFC 3696 §3 "strongly discouraged" it except for
    /// testing. For a filing contact it is not a usable address: it names one machine's IP
    /// rather than a mail domain, so it stops working when the server moves or is
    /// renumbered; no mail provider hands out such addresses; most providers' servers refuse
    /// to send to them; and a provider or 管局 writing to the contact for the life of the
    /// filing needs a mailbox at a domain. Hence certain (an error), although the grammar
    /// allows it.
    DomainLiteral { value: String },
    /// The domain is an IP address (`user@192.0.2.1`, `user@127.1`, `user@0x7f.1`): its last
    /// label is a number, as no top-level domain is (RFC 3696 §2), so it is read as an
    /// address, not a domain name.
    DomainNumericTld { value: String, domain: String },
    /// UTS #46 (the registry flags of the domain check) refuses the domain; `rule` is the
    /// flag or step that failed, as in `domain.invalid`.
    DomainInvalid { value: String, domain: String, rule: String, reason: Invalid },
    /// A special-use name (`.invalid`, `.local`, `.localhost`, `.test`, `.arpa`,
    /// `example.com`, …): never delivered to over the public Internet.
    DomainReserved { value: String, domain: String, reserved: String, rfc: String },
    /// The top-level domain does not exist (not in the Public Suffix List; `tld` in A-label
    /// form).
    DomainTldUnknown { value: String, domain: String, tld: String, psl_version: String },
    /// The domain is longer than 253 octets in A-label form (RFC 1035, UTS #46 VerifyDnsLength).
    DomainTooLong { value: String, domain: String, length: usize },
    /// The domain is itself a public suffix (`user@com.cn`, `user@cn`): names are registered
    /// under it, and it is no mailbox domain in practice, but a registry could give it an MX
    /// record and the RFCs do not forbid it. Uncertain.
    DomainSuffix { value: String, domain: String },
}

impl Error {
    /// Stable dotted code.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Empty => "email.format.empty",
            Error::Format { .. } => "email.format",
            Error::MultipleAt { .. } => "email.format.multiple_at",
            Error::TooLong { .. } => "email.format.too_long",
            Error::LocalEmpty { .. } => "email.format.local_empty",
            Error::LocalTooLong { .. } => "email.format.local_too_long",
            Error::LocalCharacter { .. } => "email.format.local_character",
            Error::LocalDot { .. } => "email.format.local_dot",
            Error::LocalNonAscii { .. } => "email.format.local_non_ascii",
            Error::QuotedLocal { .. } => "email.format.quoted_local",
            Error::DomainEmpty { .. } => "email.format.domain_empty",
            Error::DomainCharacter { .. } => "email.format.domain",
            Error::DomainDot { .. } => "email.format.domain_dot",
            Error::DomainHyphen { .. } => "email.format.domain_hyphen",
            Error::DomainLabelTooLong { .. } => "email.format.domain_label_too_long",
            Error::DomainSingleLabel { .. } => "email.format.domain_single_label",
            Error::DomainLiteral { .. } => "email.format.domain_literal",
            Error::DomainNumericTld { .. } => "email.format.domain_numeric_tld",
            Error::DomainInvalid { .. } => "email.format.domain_invalid",
            Error::DomainReserved { .. } => "email.format.domain_reserved",
            Error::DomainTldUnknown { .. } => "email.format.domain_tld_unknown",
            Error::DomainTooLong { .. } => "email.format.domain_too_long",
            Error::DomainSuffix { .. } => "email.format.domain_suffix",
        }
    }

    /// The catalogue entry of the message: [`code`](Self::code) itself, or for
    /// `email.format.domain_invalid` the entry of the UTS #46 failure (`email.format.domain_invalid.bidi`).
    pub fn message_key(&self) -> &'static str {
        match self {
            Error::DomainInvalid { reason, .. } => match reason {
                Invalid::Disallowed { .. } => "email.format.domain_invalid.disallowed",
                Invalid::Bidi { .. } => "email.format.domain_invalid.bidi",
                Invalid::Joiners { .. } => "email.format.domain_invalid.joiners",
                Invalid::Punycode { .. } => "email.format.domain_invalid.punycode",
                Invalid::Label { .. } => "email.format.domain_invalid.label",
                Invalid::Other => "email.format.domain_invalid",
            },
            other => other.code(),
        }
    }

    /// Named values for the message.
    pub fn params(&self) -> Params {
        let v = |value: &String| ("value", Param::from(value.as_str()));
        let d = |domain: &String| ("domain", Param::from(domain.as_str()));
        match self {
            Error::Empty => Params::default(),
            Error::Format { value }
            | Error::MultipleAt { value }
            | Error::LocalEmpty { value }
            | Error::LocalDot { value }
            | Error::QuotedLocal { value }
            | Error::DomainEmpty { value }
            | Error::DomainLiteral { value } => Params(vec![v(value)]),
            Error::TooLong { value, length } | Error::LocalTooLong { value, length } => {
                Params(vec![v(value), ("length", Param::from(*length))])
            }
            Error::LocalCharacter { value, character } | Error::LocalNonAscii { value, character } => {
                Params(vec![v(value), ("character", Param::from(*character))])
            }
            Error::DomainCharacter { value, domain, character } => {
                Params(vec![v(value), d(domain), ("character", Param::from(*character))])
            }
            Error::DomainDot { value, domain }
            | Error::DomainSingleLabel { value, domain }
            | Error::DomainNumericTld { value, domain }
            | Error::DomainSuffix { value, domain } => Params(vec![v(value), d(domain)]),
            Error::DomainHyphen { value, domain, label } => {
                Params(vec![v(value), d(domain), ("label", Param::from(label.clone()))])
            }
            Error::DomainLabelTooLong { value, label, length } => {
                Params(vec![v(value), ("label", Param::from(label.clone())), ("length", Param::from(*length))])
            }
            Error::DomainInvalid { value, domain, rule, reason } => {
                let mut params = Params(vec![v(value), d(domain), ("rule", Param::from(rule.clone()))]);
                match reason {
                    Invalid::Disallowed { character, codepoint } => {
                        params.0.push(("character", Param::from(character.clone())));
                        params.0.push(("codepoint", Param::from(codepoint.clone())));
                    }
                    Invalid::Bidi { label } | Invalid::Joiners { label } | Invalid::Punycode { label } | Invalid::Label { label } => {
                        params.0.push(("label", Param::from(label.clone())));
                    }
                    Invalid::Other => {}
                }
                params
            }
            Error::DomainReserved { value, domain, reserved, rfc } => {
                Params(vec![v(value), d(domain), ("reserved", Param::from(reserved.clone())), ("rfc", Param::from(rfc.clone()))])
            }
            Error::DomainTldUnknown { value, domain, tld, psl_version } => {
                Params(vec![v(value), d(domain), ("tld", Param::from(tld.clone())), ("psl_version", Param::from(psl_version.clone()))])
            }
            Error::DomainTooLong { value, domain, length } => {
                Params(vec![v(value), d(domain), ("length", Param::from(*length))])
            }
        }
    }

    /// `true` for what the RFCs forbid (and for address literals, see
    /// [`Error::DomainLiteral`]); `false` for what they allow but the practical subset
    /// refuses (§2.8 P7 [I]) — report those as warnings.
    pub fn is_certain(&self) -> bool {
        !matches!(self, Error::LocalNonAscii { .. } | Error::QuotedLocal { .. } | Error::DomainSuffix { .. })
    }
}

super::impl_finding!(Error);

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

/// The address's parts as [`compact`] normalises them, split at the last `@` (a quoted local
/// part may hold one), and the domain's own syntax checked as [`validate`] checks it
/// (`Ok(domain_is_ascii)`), with `value` the whole input as usual. For a caller that judges
/// the domain even when [`validate`] refused only the local part or the length: `Error`s
/// that are not [`certain`](Error::is_certain), and [`Error::TooLong`]. `None` without an `@`.
pub fn parts(input: &str) -> Option<(String, String, Result<bool, Error>)> {
    let s = normalize::fold(input);
    let (local, domain) = s.rsplit_once('@')?;
    let domain = normalize_domain(domain);
    let value = normalize::excerpt(input);
    let syntax = match domain.is_empty() {
        true => Err(Error::DomainEmpty { value }),
        false => check_domain(&domain, &value),
    };
    Some((local.to_owned(), domain, syntax))
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

/// The domain as the address grammar sees it: not an address literal, no empty label, no
/// ASCII character but letters, digits and hyphens, no white space. Returns whether the
/// domain is all ASCII. Everything else about the labels is the domain pipeline's (see the
/// module documentation): checking hyphens or lengths here too would judge ASCII and
/// non-ASCII domains by different rules.
///
/// The characters refused here are also what keeps the pipeline from reading the domain as
/// a pasted URL: with no `/ : ? # % @ \` and no white space left, it has nothing to strip.
fn check_domain(domain: &str, value: &str) -> Result<bool, Error> {
    let value = || value.to_string();
    if domain.starts_with('[') {
        return Err(Error::DomainLiteral { value: value() });
    }
    let shown = || normalize::excerpt(domain);
    for label in domain.split('.') {
        if label.is_empty() {
            return Err(Error::DomainDot { value: value(), domain: shown() });
        }
        let refused = |c: &char| (c.is_ascii() && !(c.is_ascii_alphanumeric() || *c == '-')) || c.is_whitespace();
        if let Some(c) = label.chars().find(refused) {
            return Err(Error::DomainCharacter { value: value(), domain: shown(), character: c });
        }
    }
    Ok(domain.is_ascii())
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
        assert_eq!(code("user@例_子.中国"), "email.format.domain");
    }

    #[test]
    fn distinct_errors() {
        let cases = [
            ("", "email.format.empty"),
            ("   ", "email.format.empty"),
            ("user.example.com", "email.format"),
            ("a@b@example.com", "email.format.multiple_at"),
            ("@example.com", "email.format.local_empty"),
            ("user@", "email.format.domain_empty"),
            ("us er@example.com", "email.format.local_character"),
            ("user,x@example.com", "email.format.local_character"),
            ("张三 <a@example.com>", "email.format.local_non_ascii"),
            ("<a@example.com>", "email.format.local_character"),
            (".user@example.com", "email.format.local_dot"),
            ("user.@example.com", "email.format.local_dot"),
            ("us..er@example.com", "email.format.local_dot"),
            ("张三@example.com", "email.format.local_non_ascii"),
            ("\"a b\"@example.com", "email.format.quoted_local"),
            ("user@exa_mple.com", "email.format.domain"),
            ("user@example .com", "email.format.domain"),
            ("user@example.com/path", "email.format.domain"),
            ("user@example.com:25", "email.format.domain"),
            ("user@exa%41mple.com", "email.format.domain"),
            ("user@\u{2003}example.com", "email.format.domain"),
            ("user@例子\u{00A0}.中国", "email.format.domain"),
            ("user@example.com.", "email.format.domain_dot"),
            ("user@example.com。", "email.format.domain_dot"),
            ("user@.example.com", "email.format.domain_dot"),
            ("user@example..com", "email.format.domain_dot"),
            ("user@[192.0.2.1]", "email.format.domain_literal"),
            ("user@[IPv6:2001:db8::1]", "email.format.domain_literal"),
        ];
        for (input, expected) in cases {
            assert_eq!(code(input), expected, "{input}");
        }
        let long_local = format!("{}@example.com", "a".repeat(65));
        assert_eq!(code(&long_local), "email.format.local_too_long");
        assert!(is_valid(&format!("{}@example.com", "a".repeat(64))));
        let long = format!("{}@{}.com", "a".repeat(64), vec!["c".repeat(63); 3].join("."));
        assert_eq!(code(&long), "email.format.too_long");
        // The limit counts the local part, the `@` and the domain: 254 octets pass, 255 do not.
        let at_limit = |extra: usize| format!("{}@{}.{}.com", "a".repeat(60), "c".repeat(63), "d".repeat(125 + extra));
        assert_eq!(at_limit(0).len(), MAX_LENGTH);
        let e = validate(&at_limit(1)).err();
        assert_eq!(e, Some(Error::TooLong { value: normalize::excerpt(&at_limit(1)), length: 255 }));
        assert!(is_valid(&at_limit(0)));
        assert!(!is_valid(&at_limit(1)), "an error is no valid address");
    }

    #[test]
    fn labels_are_left_to_the_domain_pipeline() {
        // Syntax only: what is wrong with these is said by `forms::email`, through the domain
        // pipeline, for ASCII and non-ASCII domains alike.
        for input in [
            "user@-example.com",
            "user@example-.com",
            "user@ab--cd.com",
            "user@localhost",
            "user@192.0.2.1",
            "user@x.invalid",
            "user@a.b",
            "user@-例子.中国",
        ] {
            assert!(is_valid(input), "{input}");
        }
        assert!(is_valid(&format!("a@{}.com", "b".repeat(64))));
    }

    #[test]
    fn certainty() {
        for (input, certain) in [
            ("user", true),
            ("张三@example.com", false),
            ("\"a\"@example.com", false),
            ("user@[192.0.2.1]", true),
            ("user@exa_mple.com", true),
        ] {
            assert!(validate(input).is_err_and(|e| e.is_certain() == certain), "{input}");
        }
        let suffix = Error::DomainSuffix { value: "a@com.cn".into(), domain: "com.cn".into() };
        assert!(!suffix.is_certain());
        let single = Error::DomainSingleLabel { value: "a@mailhost".into(), domain: "mailhost".into() };
        assert!(single.is_certain());
    }

    #[test]
    fn odd_inputs() {
        assert_eq!(code("😀"), "email.format");
        assert_eq!(code("😀@example.com"), "email.format.local_non_ascii");
        assert_eq!(code("a\u{0301}@example.com"), "email.format.local_non_ascii");
        assert!(!ok("a@e\u{0301}xample.com").domain_is_ascii);
        let big = format!("{}@example.com", "a".repeat(1_000_000));
        assert_eq!(code(&big), "email.format.local_too_long");
        let big = format!("a@{}", ".".repeat(1_000_000));
        let e = validate(&big).err();
        assert!(e.is_some_and(|e| e.params().0.iter().all(|(_, v)| v.to_string().chars().count() <= 65)));
        assert_eq!(code(&"@".repeat(1_000_000)), "email.format.multiple_at");
    }

    /// One value of every variant, including those `forms::email` builds.
    fn one_of_each() -> Vec<Error> {
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
            "a@[1.2.3.4]",
        ];
        let mut errors: Vec<Error> = inputs.iter().filter_map(|i| validate(i).err()).collect();
        errors.extend(validate(&format!("{}@x.com", "a".repeat(65))).err());
        errors.extend(validate(&format!("{}@{}.com", "a".repeat(64), vec!["c".repeat(63); 3].join("."))).err());
        let v = || "a@x".to_string();
        let d = || "x".to_string();
        errors.extend([
            Error::DomainHyphen { value: v(), domain: d(), label: "-x".into() },
            Error::DomainLabelTooLong { value: v(), label: "x".into(), length: 64 },
            Error::DomainSingleLabel { value: v(), domain: d() },
            Error::DomainNumericTld { value: v(), domain: d() },
            Error::DomainReserved { value: v(), domain: d(), reserved: "invalid".into(), rfc: "RFC 6761 §6.4".into() },
            Error::DomainTldUnknown { value: v(), domain: d(), tld: "b".into(), psl_version: "x".into() },
            Error::DomainTooLong { value: v(), domain: d(), length: 254 },
            Error::DomainSuffix { value: v(), domain: d() },
        ]);
        for reason in [
            Invalid::Disallowed { character: "☃".into(), codepoint: "U+2603".into() },
            Invalid::Bidi { label: "x".into() },
            Invalid::Joiners { label: "x".into() },
            Invalid::Punycode { label: "x".into() },
            Invalid::Label { label: "x".into() },
            Invalid::Other,
        ] {
            errors.push(Error::DomainInvalid { value: v(), domain: d(), rule: "Validity".into(), reason });
        }
        errors
    }

    #[test]
    fn every_code_is_catalogued() {
        let mut produced: Vec<&str> = Vec::new();
        for e in &one_of_each() {
            crate::ids::test_support::assert_renders(e.code(), &e.params());
            crate::ids::test_support::assert_renders(e.message_key(), &e.params());
            produced.push(e.code());
            produced.push(e.message_key());
        }
        crate::ids::test_support::assert_every_code_exercised(include_str!("email.rs"), &produced);
    }

    #[test]
    fn validate_returns_only_syntax_codes() {
        let inputs = ["", "a", "a@b@c", "@x", "a@", "a@x_y", "a@x..y", "a@[1]", "a b@x", "\"a\"@x", "张@x"];
        for input in inputs {
            if let Err(e) = validate(input) {
                assert!(SYNTAX_CODES.contains(&e.code()), "{input}: {}", e.code());
            }
        }
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,40}") {
            let _ = validate(&s);
            let _ = compact(&s);
        }

        #[test]
        fn errors_of_validate_are_syntax_codes(s in "\\PC{0,40}") {
            if let Err(e) = validate(&s) {
                prop_assert!(SYNTAX_CODES.contains(&e.code()), "{:?}: {}", s, e.code());
            }
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

//! Finds the host in whatever a person pasted: `https://user@www.例子.中国:8443/a?b#c`,
//! `ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ`, ` example.com。` … (docs/rules.md §1.1 D2).
//!
//! Folding comes first: full-width ASCII (U+FF01–U+FF5E, typed by Chinese input methods in
//! full-width mode) becomes ASCII and the ideographic full stops `。` `｡` become `.`, so that
//! `ｈｔｔｐｓ：／／` is recognised as a scheme. UTS #46 would map these too, but only after the
//! URL structure had been misread. Then, like a URL parser's authority parsing: scheme, path,
//! query and fragment, userinfo, port, one trailing dot.

use std::borrow::Cow;

/// A part of the input that was removed to reach the host. Serialised in `domain.stripped`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stripped {
    Scheme,
    Userinfo,
    Port,
    Path,
    Query,
    Fragment,
    TrailingDot,
}

impl Stripped {
    pub fn key(self) -> &'static str {
        match self {
            Stripped::Scheme => "scheme",
            Stripped::Userinfo => "userinfo",
            Stripped::Port => "port",
            Stripped::Path => "path",
            Stripped::Query => "query",
            Stripped::Fragment => "fragment",
            Stripped::TrailingDot => "trailing_dot",
        }
    }

    /// The catalogue key of the part's name: `domain.stripped.{key}`.
    pub fn message_key(self) -> &'static str {
        match self {
            Stripped::Scheme => "domain.stripped.scheme",
            Stripped::Userinfo => "domain.stripped.userinfo",
            Stripped::Port => "domain.stripped.port",
            Stripped::Path => "domain.stripped.path",
            Stripped::Query => "domain.stripped.query",
            Stripped::Fragment => "domain.stripped.fragment",
            Stripped::TrailingDot => "domain.stripped.trailing_dot",
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct Extracted<'a> {
    /// The host, folded to half-width, without brackets around an IPv6 literal.
    pub host: Cow<'a, str>,
    /// The host was written in brackets (`[::1]`): an IPv6 literal by construction.
    pub bracketed: bool,
    pub stripped: Vec<Stripped>,
}

impl<'a> Extracted<'a> {
    /// `host` taken as it is: nothing stripped, nothing folded.
    pub fn whole(host: &'a str) -> Self {
        Extracted { host: Cow::Borrowed(host), bracketed: false, stripped: Vec::new() }
    }
}

/// Folds full-width ASCII and ideographic full stops; returns the input unchanged (no
/// allocation) when it has neither, which is the common case.
///
/// ASCII tabs and newlines are removed anywhere, as the URL Standard does before parsing
/// (text copied from a wrapped line carries them).
pub fn fold_width(input: &str) -> Cow<'_, str> {
    if !input.chars().any(needs_folding) {
        return Cow::Borrowed(input);
    }
    Cow::Owned(
        input
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .map(|c| match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                '\u{3002}' | '\u{FF61}' => '.',
                '\u{3000}' => ' ',
                _ => c,
            })
            .collect(),
    )
}

fn needs_folding(c: char) -> bool {
    matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{3002}' | '\u{FF61}' | '\u{3000}' | '\t' | '\n' | '\r')
}

/// The URL Standard percent-decodes a host before anything else (`%30x7f.1` is `0x7f.1`).
/// Invalid UTF-8 after decoding becomes U+FFFD, which UTS #46 then refuses.
fn percent_decode(host: Cow<'_, str>) -> Cow<'_, str> {
    if !host.contains('%') {
        return host;
    }
    let bytes = host.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |j: usize| bytes.get(j).and_then(|h| char::from(*h).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push(u8::try_from(hi * 16 + lo).unwrap_or(b'%'));
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}

/// White space plus the invisible characters that ride along with copied text.
fn is_trimmable(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}')
}

/// Schemes after which a browser accepts any number of slashes (`http:example.com`).
const SPECIAL_SCHEMES: [&str; 6] = ["http", "https", "ftp", "ws", "wss", "file"];

pub fn extract(input: &str) -> Extracted<'_> {
    let folded = fold_width(input);
    let mut stripped = Vec::new();
    let (start, end) = {
        let s: &str = &folded;
        let trimmed = s.trim_matches(is_trimmable);
        let start = trimmed.as_ptr() as usize - s.as_ptr() as usize;
        (start, start + trimmed.len())
    };
    let mut s_range = start..end;
    let text = |r: &std::ops::Range<usize>| folded.get(r.clone()).unwrap_or_default();

    // Scheme: `scheme://`, or a special scheme followed by any slashes; or a bare `//`.
    let s = text(&s_range);
    if let Some(colon) = s.find(':') {
        let scheme = s.get(..colon).unwrap_or_default();
        let rest = s.get(colon + 1..).unwrap_or_default();
        let is_scheme = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        let special = SPECIAL_SCHEMES.iter().any(|k| k.eq_ignore_ascii_case(scheme));
        if is_scheme && (rest.starts_with("//") || (special && !rest.starts_with(|c: char| c.is_ascii_digit()))) {
            let slashes = rest.len() - rest.trim_start_matches(['/', '\\']).len();
            s_range.start += colon + 1 + slashes;
            stripped.push(Stripped::Scheme);
        }
    } else if let Some(rest) = s.strip_prefix("//") {
        s_range.start += s.len() - rest.len();
    }

    // Authority ends at the first of / \ ? #; what follows is path, query, fragment.
    let s = text(&s_range);
    if let Some(cut) = s.find(['/', '\\', '?', '#']) {
        let tail = s.get(cut..).unwrap_or_default();
        let (before_fragment, has_fragment) = match tail.find('#') {
            Some(i) => (tail.get(..i).unwrap_or_default(), true),
            None => (tail, false),
        };
        let (path, has_query) = match before_fragment.find('?') {
            Some(i) => (before_fragment.get(..i).unwrap_or_default(), true),
            None => (before_fragment, false),
        };
        // A lone trailing slash is what every browser adds; not worth a mention.
        if !path.is_empty() && path != "/" {
            stripped.push(Stripped::Path);
        }
        if has_query {
            stripped.push(Stripped::Query);
        }
        if has_fragment {
            stripped.push(Stripped::Fragment);
        }
        s_range.end = s_range.start + cut;
    }

    // Userinfo: everything up to the last `@`.
    let s = text(&s_range);
    if let Some(at) = s.rfind('@') {
        s_range.start += at + 1;
        stripped.push(Stripped::Userinfo);
    }

    // IPv6 literal in brackets, with an optional port after it.
    let s = text(&s_range);
    if let Some(inner) = s.strip_prefix('[') {
        if let Some(close) = inner.find(']') {
            let after = inner.get(close + 1..).unwrap_or_default();
            if after.strip_prefix(':').is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit())) {
                stripped.push(Stripped::Port);
            }
            let start = s_range.start + 1;
            return Extracted { host: slice(folded, start..start + close), bracketed: true, stripped };
        }
    }

    // Port: one colon followed by digits only (several colons make a bare IPv6 address).
    if s.matches(':').count() == 1 {
        if let Some((host_part, port)) = s.rsplit_once(':') {
            if port.bytes().all(|b| b.is_ascii_digit()) {
                s_range.end = s_range.start + host_part.len();
                if !port.is_empty() {
                    stripped.push(Stripped::Port);
                }
            }
        }
    }

    // One trailing dot: the DNS root, which filings do not write.
    let s = text(&s_range);
    if s.len() > 1 && s.ends_with('.') {
        s_range.end -= 1;
        stripped.push(Stripped::TrailingDot);
    }
    // White space left inside, before a port or path (`example.com :80`), goes too.
    let s = text(&s_range);
    let inner = s.trim_matches(is_trimmable);
    let start = s_range.start + (s.len() - s.trim_start_matches(is_trimmable).len());
    let end = start + inner.len();
    Extracted { host: percent_decode(slice(folded, start..end)), bracketed: false, stripped }
}

/// `whole[range]`, borrowed from the input when the input needed no folding.
fn slice(whole: Cow<'_, str>, range: std::ops::Range<usize>) -> Cow<'_, str> {
    match whole {
        Cow::Borrowed(w) => Cow::Borrowed(w.get(range).unwrap_or_default()),
        Cow::Owned(w) => Cow::Owned(w.get(range).unwrap_or_default().to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(input: &str) -> String {
        extract(input).host.into_owned()
    }

    #[test]
    fn pasted_urls() {
        assert_eq!(host("https://www.example.com/path?q=1#top"), "www.example.com");
        assert_eq!(host("  http://user:pw@Example.COM:8080/  "), "Example.COM");
        assert_eq!(host("example.com:443"), "example.com");
        assert_eq!(host("//cdn.example.com/x.js"), "cdn.example.com");
        assert_eq!(host("http:example.com"), "example.com");
        assert_eq!(host("example.com."), "example.com");
        assert_eq!(host("\u{3000}例子.中国\u{3000}"), "例子.中国");
        assert_eq!(host("\u{FEFF}example.com\u{200B}"), "example.com");
    }

    #[test]
    fn full_width_and_ideographic_stops() {
        assert_eq!(host("ｈｔｔｐｓ：／／ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ／"), "www.example.com");
        assert_eq!(host("例子。中国。"), "例子.中国");
    }

    #[test]
    fn ipv6_literals() {
        let e = extract("http://[::1]:8080/");
        assert_eq!((e.host.as_ref(), e.bracketed), ("::1", true));
        assert_eq!(e.stripped, vec![Stripped::Scheme, Stripped::Port]);
        let e = extract("2001:db8::1");
        assert_eq!((e.host.as_ref(), e.bracketed), ("2001:db8::1", false));
    }

    #[test]
    fn what_was_stripped() {
        let e = extract("https://a@example.com:81/p?q#f");
        assert_eq!(
            e.stripped,
            vec![Stripped::Scheme, Stripped::Path, Stripped::Query, Stripped::Fragment, Stripped::Userinfo, Stripped::Port]
        );
        assert!(extract("example.com/").stripped.is_empty());
        assert_eq!(extract("example.com.").stripped, vec![Stripped::TrailingDot]);
    }

    #[test]
    fn url_parser_clean_ups() {
        assert_eq!(host("http://%30x7f.1/"), "0x7f.1");
        assert_eq!(host("exam\nple.com"), "example.com");
    }

    #[test]
    fn only_one_trailing_dot() {
        assert_eq!(host("example.com.."), "example.com.");
        assert_eq!(host("."), ".");
    }
}

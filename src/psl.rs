//! The Public Suffix List, baked at build time into a label trie (see `build/psl.rs`), served
//! through the `publicsuffix` crate's `Psl` trait so that its `suffix()` / `domain()`
//! algorithms (wildcards, exceptions, the implicit `*` rule) apply unchanged.
//!
//! Nothing is parsed at run time: the first check after `init()` costs the same as the
//! thousandth. Rules are stored in A-labels, so hosts must be looked up in A-labels, lower case.

pub use publicsuffix::{Info, Psl, Type};

/// One trie node, by its index into the baked columns: its label (a slice of
/// [`baked::LABELS`]), its children (a contiguous, label-sorted run of indices) and whether a
/// rule ends here.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TrieNode(usize);

const RULE: u8 = 1;
const PRIVATE: u8 = 2;
const EXCEPTION: u8 = 4;
const WILDCARD_CHILD: u8 = 8;

impl TrieNode {
    const ROOT: TrieNode = TrieNode(0);

    fn label_len(self) -> usize {
        baked::LABEL_LEN.get(self.0).map_or(0, |l| usize::from(*l))
    }

    fn label(self) -> &'static [u8] {
        let start = baked::LABEL_START.get(self.0).map_or(0, |s| *s as usize);
        baked::LABELS.as_bytes().get(start..start + self.label_len()).unwrap_or_default()
    }

    fn flags(self) -> u8 {
        baked::FLAGS.get(self.0).copied().unwrap_or(0)
    }

    /// Children are sorted by (length, bytes) (`build/psl.rs`), so most steps of the binary
    /// search compare one length byte.
    #[inline]
    fn child(self, label: &[u8]) -> Option<TrieNode> {
        // Breadth-first layout: the children run up to the next node's first child.
        let first = baked::FIRST_CHILD.get(self.0).map_or(0, |f| *f as usize);
        let end = baked::FIRST_CHILD.get(self.0 + 1).map_or(first, |f| *f as usize);
        let (mut low, mut high) = (first, end);
        while low < high {
            let mid = low + (high - low) / 2;
            let node = TrieNode(mid);
            match node.label_len().cmp(&label.len()).then_with(|| cmp_short(node.label(), label)) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return Some(node),
            }
        }
        None
    }

    /// The `*` child, if the node has one.
    #[inline]
    fn wildcard(self) -> Option<TrieNode> {
        if self.flags() & WILDCARD_CHILD == 0 {
            return None;
        }
        self.child(b"*")
    }

    fn rule_type(self) -> Option<Type> {
        let flags = self.flags();
        (flags & RULE != 0).then_some(if flags & PRIVATE != 0 { Type::Private } else { Type::Icann })
    }
}

/// Byte order of two labels of equal length: labels are short, so a plain loop beats a call
/// to `memcmp`.
#[inline]
fn cmp_short(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

mod baked {
    include!(concat!(env!("OUT_DIR"), "/psl.rs"));
}

/// Version line of the baked list (`2026-10-22_08-36-41_UTC`) and its upstream commit.
pub fn version() -> &'static str {
    baked::VERSION
}
pub fn commit() -> &'static str {
    baked::COMMIT
}
pub fn rule_count() -> usize {
    baked::RULE_COUNT
}

/// The baked list, restricted to one section or not.
#[derive(Clone, Copy, Debug)]
pub struct List {
    only: Option<Type>,
}

/// Both sections: what browsers use for cookies, and what tells a hosting platform's
/// sub-domain (`user.github.io`) from a registrable domain.
pub const ALL: List = List { only: None };
/// The ICANN section only: registries' suffixes. The domain that is filed is the registrable
/// domain under this section, since a platform's customer does not hold `github.io`.
pub const ICANN: List = List { only: Some(Type::Icann) };

impl Psl for List {
    /// Mirrors `publicsuffix::List::find` (2.3), including its handling of the section filter
    /// and of exception rules, over the baked trie.
    fn find<'a, T>(&self, mut labels: T) -> Info
    where
        T: Iterator<Item = &'a [u8]>,
    {
        let root = TrieNode::ROOT;
        let Some(first) = labels.next() else { return Info { len: 0, typ: None } };
        // The implicit "*" rule: an unknown TLD is its own (unknown-type) suffix.
        let mut info = Info { len: first.len(), typ: None };
        let mut node = match root.child(first) {
            Some(node) => node,
            None => return info,
        };
        info.typ = node.rule_type().filter(|t| self.only.is_none_or(|only| only == *t));
        let mut len_so_far = first.len();
        for label in labels {
            node = match node.child(label).or_else(|| node.wildcard()) {
                Some(next) => next,
                None => break,
            };
            let with_dot = label.len() + 1;
            if let Some(typ) = node.rule_type() {
                if self.only.is_none_or(|only| only == typ) {
                    info.typ = Some(typ);
                    if node.flags() & EXCEPTION != 0 {
                        info.len = len_so_far;
                        break;
                    }
                    info.len = len_so_far + with_dot;
                }
            }
            len_so_far += with_dot;
        }
        info
    }
}

/// Both sections' answers for one host, from one walk down the trie: what
/// `ALL.suffix(host)`, `ICANN.suffix(host)` and `ICANN.domain(host)` return, without walking
/// three times. `host` is in A-labels, lower case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Lookup<'a> {
    host: &'a [u8],
    all: Info,
    icann: Info,
    fqdn: bool,
}

impl<'a> Lookup<'a> {
    pub(crate) fn new(host: &'a [u8]) -> Self {
        let (name, fqdn) = match host.strip_suffix(b".") {
            Some(name) => (name, true),
            None => (host, false),
        };
        let (all, icann) = find_both(name.rsplit(|b| *b == b'.'));
        Lookup { host, all, icann, fqdn }
    }

    fn suffix_of(&self, info: Info) -> Option<(&'a [u8], Option<Type>)> {
        let len = info.len + usize::from(self.fqdn);
        if len == 0 {
            return None;
        }
        Some((self.host.get(self.host.len().checked_sub(len)?..)?, info.typ))
    }

    /// `ALL.suffix(host)`: the suffix under both sections, and its section.
    pub(crate) fn suffix_all(&self) -> Option<(&'a [u8], Option<Type>)> {
        self.suffix_of(self.all)
    }

    /// `ICANN.suffix(host)`.
    pub(crate) fn suffix_icann(&self) -> Option<&'a [u8]> {
        self.suffix_of(self.icann).map(|(s, _)| s)
    }

    /// `ICANN.domain(host)`: the registrable domain under the ICANN section.
    pub(crate) fn domain_icann(&self) -> Option<&'a [u8]> {
        let suffix_len = self.suffix_icann()?.len();
        let name_len = self.host.len();
        if name_len < suffix_len + 2 {
            return None;
        }
        let subdomain = self.host.get(..name_len - (1 + suffix_len))?;
        let root_label = subdomain.rsplit(|b| *b == b'.').next()?;
        self.host.get(name_len - (root_label.len() + 1 + suffix_len)..)
    }
}

/// [`List::find`] for `ALL` and `ICANN` at once: the path down the trie is the same for both
/// sections; only which rules count, and where an exception stops, differ.
fn find_both<'a>(mut labels: impl Iterator<Item = &'a [u8]>) -> (Info, Info) {
    let none = Info { len: 0, typ: None };
    let root = TrieNode::ROOT;
    let Some(first) = labels.next() else { return (none, none) };
    // [ALL, ICANN]; `done` once an exception rule has settled that section's answer.
    let mut info = [Info { len: first.len(), typ: None }; 2];
    let mut done = [false; 2];
    let Some(mut node) = root.child(first) else { return (info[0], info[1]) };
    info[0].typ = node.rule_type();
    info[1].typ = node.rule_type().filter(|t| *t == Type::Icann);
    let mut len_so_far = first.len();
    for label in labels {
        node = match node.child(label).or_else(|| node.wildcard()) {
            Some(next) => next,
            None => break,
        };
        let with_dot = label.len() + 1;
        if let Some(typ) = node.rule_type() {
            let exception = node.flags() & EXCEPTION != 0;
            for (section, (info, done)) in info.iter_mut().zip(done.iter_mut()).enumerate() {
                if *done || (section == 1 && typ != Type::Icann) {
                    continue;
                }
                info.typ = Some(typ);
                if exception {
                    info.len = len_so_far;
                    *done = true;
                } else {
                    info.len = len_so_far + with_dot;
                }
            }
            if done == [true, true] {
                break;
            }
        }
        len_so_far += with_dot;
    }
    (info[0], info[1])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registrable(list: List, host: &str) -> Option<String> {
        list.domain(host.as_bytes()).map(|d| String::from_utf8_lossy(d.as_bytes()).into_owned())
    }

    #[test]
    fn spec_examples_8_4() {
        // icp-rules.md §8.4, computed there with the Python `publicsuffixlist` package.
        assert_eq!(registrable(ICANN, "www.example.com.cn").as_deref(), Some("example.com.cn"));
        assert_eq!(registrable(ICANN, "a.b.example.bj.cn").as_deref(), Some("example.bj.cn"));
        let gongsi = idna::domain_to_ascii("x.example.公司.cn").unwrap_or_default();
        assert_eq!(registrable(ICANN, &gongsi), idna::domain_to_ascii("example.公司.cn").ok());
        let zhongguo = idna::domain_to_ascii("www.example.中国").unwrap_or_default();
        assert_eq!(registrable(ICANN, &zhongguo).as_deref(), Some("example.xn--fiqs8s"));
        let suffix = ALL.suffix(b"user.github.io");
        assert_eq!(suffix.map(|s| s.as_bytes()), Some(&b"github.io"[..]));
        assert_eq!(suffix.and_then(|s| s.typ()), Some(Type::Private));
        assert_eq!(registrable(ICANN, "user.github.io").as_deref(), Some("github.io"));
    }

    #[test]
    fn zones_missing_from_the_psl_are_added() {
        // §1.4: 政务.cn and 公益.cn are not in the PSL but are S1 zones.
        let host = idna::domain_to_ascii("www.example.政务.cn").unwrap_or_default();
        assert_eq!(registrable(ICANN, &host), idna::domain_to_ascii("example.政务.cn").ok());
    }

    #[test]
    fn one_walk_answers_as_the_three_trait_calls() {
        let hosts = [
            "www.example.com.cn", "a.b.example.bj.cn", "user.github.io", "github.io", "example.notatld", "com", "cn",
            "www.ck", "a.b.c.kawasaki.jp", "city.kawasaki.jp", "www.city.kawasaki.jp", "b.a.mm", "a.mm", "x.s3.amazonaws.com",
            "foo.blogspot.com", "example.com.", "", ".", "a..b", "xn--fsqu00a.xn--fiqs8s", "x.y.z.compute.amazonaws.com",
            "test.ck", "www.www.ck", "localhost", "x.platform.sh", "a.b.platform.sh",
        ];
        for host in hosts {
            let lookup = Lookup::new(host.as_bytes());
            let all = ALL.suffix(host.as_bytes());
            assert_eq!(lookup.suffix_all(), all.map(|s| (s.as_bytes(), s.typ())), "{host}");
            assert_eq!(lookup.suffix_icann(), ICANN.suffix(host.as_bytes()).map(|s| s.as_bytes()), "{host}");
            assert_eq!(lookup.domain_icann(), ICANN.domain(host.as_bytes()).map(|d| d.as_bytes()), "{host}");
        }
    }

    #[test]
    fn unknown_tld_is_an_unknown_suffix() {
        let suffix = ALL.suffix(b"example.notatld");
        assert_eq!(suffix.map(|s| s.is_known()), Some(false));
    }
}

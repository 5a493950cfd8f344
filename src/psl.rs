//! The Public Suffix List, baked into a label trie (`src/generated/psl.rs` by `bake/src/psl.rs`), served
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

    fn flags(self) -> u8 {
        baked::FLAGS.get(self.0).copied().unwrap_or(0)
    }

    /// Where node `index`'s label starts in [`baked::LABELS`]: labels are stored in node
    /// order, so it is its block's start plus the lengths of the nodes before it in the block,
    /// or the next block's start minus the lengths from it on, whichever is fewer to add.
    #[inline(always)]
    fn label_start(index: usize) -> usize {
        const BLOCK: usize = baked::LABEL_BLOCK;
        let block = index / BLOCK;
        let base = |block: usize| baked::LABEL_BLOCK_START.get(block).map_or(0, |s| *s as usize);
        // LABEL_LEN is padded to whole blocks.
        let lens = baked::LABEL_LEN.get(block * BLOCK..(block + 1) * BLOCK).unwrap_or_default();
        let before = index % BLOCK;
        if before <= BLOCK / 2 {
            base(block) + sum_range(lens, 0, before)
        } else {
            base(block + 1).wrapping_sub(sum_range(lens, before, BLOCK))
        }
    }

    /// Children are sorted by (length, bytes) (`bake/src/psl.rs`), so most steps of the binary
    /// search compare one length byte. The children of one length are a run whose labels sit
    /// back to back in [`baked::LABELS`]: once one of them has been located, the others are
    /// a multiple of the length away.
    #[inline(always)]
    fn child(self, label: &[u8]) -> Option<TrieNode> {
        // Breadth-first layout: the children run up to the next node's first child.
        let first = baked::FIRST_CHILD.get(self.0).map_or(0, |f| usize::from(*f));
        let end = baked::FIRST_CHILD.get(self.0 + 1).map_or(first, |f| usize::from(*f));
        let len = label.len();
        // The first child met whose label has `label`'s length, and where that label starts.
        let (mut anchor, mut anchor_start) = (usize::MAX, 0);
        let (mut low, mut high) = (first, end);
        while low < high {
            let mid = low + (high - low) / 2;
            let mid_len = baked::LABEL_LEN.get(mid).map_or(0, |l| usize::from(*l));
            let order = if mid_len != len {
                mid_len.cmp(&len)
            } else {
                if anchor == usize::MAX {
                    (anchor, anchor_start) = (mid, Self::label_start(mid));
                }
                // Wrapping: `mid` may come before the anchor.
                let start = anchor_start.wrapping_add(mid.wrapping_sub(anchor).wrapping_mul(len));
                cmp_short(baked::LABELS.as_bytes().get(start..start.wrapping_add(len)).unwrap_or_default(), label)
            };
            match order {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return Some(TrieNode(mid)),
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

/// The sum of `bytes[from..to]`, read a word (eight bytes) at a time; `bytes` is a whole
/// number of words long.
#[inline(always)]
fn sum_range(bytes: &[u8], from: usize, to: usize) -> usize {
    const LOW_BYTES: u64 = 0x00ff_00ff_00ff_00ff;
    let mut sum = 0;
    let mut word_start = from / 8 * 8;
    while word_start < to {
        let word = bytes.get(word_start..word_start + 8).and_then(|w| w.try_into().ok()).map_or(0, u64::from_le_bytes);
        // Keep bytes [from, to) of this word.
        let (low, high) = (from.saturating_sub(word_start), (to - word_start).min(8));
        let below_high = if high == 8 { u64::MAX } else { (1 << (8 * high)) - 1 };
        let below_low = (1u64 << (8 * low)) - 1;
        let word = word & below_high & !below_low;
        // Two byte lanes added into four 16-bit lanes, which a multiplication adds up.
        let pairs = (word & LOW_BYTES) + ((word >> 8) & LOW_BYTES);
        sum += (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize;
        word_start += 8;
    }
    sum
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
    include!("generated/psl.rs");
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
        // docs/rules.md §8.4, computed there with the Python `publicsuffixlist` package.
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

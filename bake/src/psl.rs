//! Public Suffix List → a static label trie.
//!
//! Every rule is converted to A-labels here (with the `idna` crate, as the list's own
//! instructions ask for IDN rules), so look-ups compare bytes of an already-normalised host and
//! no Unicode processing happens per check. The trie is breadth-first: each node's children
//! are contiguous and sorted by (length, label bytes), so a look-up is one binary search per label.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

#[derive(Default)]
struct Node {
    children: BTreeMap<String, Node>,
    /// Bit 0: a rule ends here; bit 1: that rule is in the PRIVATE section; bit 2: exception rule
/// (bit 3, [`WILDCARD_CHILD`], is set when laying out the trie).
    flags: u8,
}

pub const RULE: u8 = 1;
pub const PRIVATE: u8 = 2;
pub const EXCEPTION: u8 = 4;
/// Bit 3: the node has a `*` child (saves a second search for the wildcard on every miss).
pub const WILDCARD_CHILD: u8 = 8;

pub fn bake(path: &Path, extra_icann_rules: &[String]) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let version = text
        .lines()
        .find_map(|l| l.strip_prefix("// VERSION: "))
        .unwrap_or("unknown")
        .trim()
        .to_string();
    let commit = text.lines().find_map(|l| l.strip_prefix("// COMMIT: ")).unwrap_or("unknown").trim().to_string();

    let mut root = Node::default();
    let mut section: Option<bool> = None; // Some(private?)
    let mut rules = 0usize;
    for line in text.lines() {
        if line.contains("===BEGIN ICANN DOMAINS===") {
            section = Some(false);
        } else if line.contains("===BEGIN PRIVATE DOMAINS===") {
            section = Some(true);
        } else if line.contains("===END ") {
            section = None;
        }
        let rule = line.split_whitespace().next().unwrap_or("");
        if rule.is_empty() || rule.starts_with("//") {
            continue;
        }
        let Some(private) = section else { continue };
        insert(&mut root, rule, private);
        rules += 1;
    }
    assert!(rules > 5000, "the Public Suffix List at {} looks truncated ({rules} rules)", path.display());
    for rule in extra_icann_rules {
        insert(&mut root, rule, false);
    }

    // Breadth-first layout. Each node's label is appended to LABELS in node order (no sharing
    // of repeated labels: brotli finds the repeats, and a label's position then follows from
    // the lengths before it, so no per-node offset is stored).
    let mut labels = String::new();
    let mut nodes: Vec<(usize, usize, u8)> = Vec::new(); // label len, child count, flags
    let mut queue: std::collections::VecDeque<(&str, &Node)> = std::collections::VecDeque::new();
    queue.push_back(("", &root));
    while let Some((label, node)) = queue.pop_front() {
        labels.push_str(label);
        let wildcard = if node.children.contains_key("*") { WILDCARD_CHILD } else { 0 };
        nodes.push((label.len(), node.children.len(), node.flags | wildcard));
        // Children sorted by (length, bytes): a look-up finds the run of its label's length
        // from the length column alone, then binary-searches that run, whose labels sit
        // back to back in LABELS at a fixed stride.
        let mut children: Vec<(&String, &Node)> = node.children.iter().collect();
        children.sort_by(|a, b| (a.0.len(), a.0.as_bytes()).cmp(&(b.0.len(), b.0.as_bytes())));
        for (child_label, child) in children {
            queue.push_back((child_label, child));
        }
    }

    let mut out = String::new();
    writeln!(out, "pub(crate) const VERSION: &str = {version:?};").ok();
    writeln!(out, "pub(crate) const COMMIT: &str = {commit:?};").ok();
    writeln!(out, "pub(crate) const RULE_COUNT: usize = {};", rules + extra_icann_rules.len()).ok();
    // One literal per label, so that a new suffix shows in the diff as its own label.
    let mut at = 0;
    let pieces = nodes.iter().map(|(len, _, _)| {
        let piece = format!("{:?}", &labels[at..at + len]);
        at += len;
        piece
    });
    writeln!(out, "pub(crate) static LABELS: &str = concat!({});", crate::wrapped(pieces)).ok();
    // One array per field rather than one of records: each column is homogeneous (lengths
    // are small, most flags 1, first children climb by small steps), which brotli compresses
    // far better than interleaved records.
    let n = nodes.len();
    assert!(nodes.iter().all(|(len, _, _)| *len < 256), "a PSL label longer than 255 bytes");
    // Node indices in the narrowest type that holds them (u16 for today's ~11,000 nodes).
    let index = if n < 65536 { "u16" } else { "u32" };
    writeln!(out, "pub(crate) type Index = {index};").ok();
    let column = |out: &mut String, name: &str, ty: &str, values: Vec<String>| {
        writeln!(out, "pub(crate) static {name}: [{ty}; {}] = [{}];", values.len(), crate::wrapped(values)).ok();
    };
    // Padded with zeros to whole blocks: a look-up reads a block's lengths a word at a time.
    let mut lens: Vec<String> = nodes.iter().map(|n| n.0.to_string()).collect();
    lens.resize(n.div_ceil(LABEL_BLOCK) * LABEL_BLOCK, "0".to_string());
    column(&mut out, "LABEL_LEN", "u8", lens);
    // Where node i's label starts in LABELS, for every LABEL_BLOCK-th node; a node's start is
    // that of its block plus the lengths of the nodes before it in the block.
    writeln!(out, "pub(crate) const LABEL_BLOCK: usize = {LABEL_BLOCK};").ok();
    let mut starts = Vec::new();
    let mut at = 0usize;
    for (i, node) in nodes.iter().enumerate() {
        if i % LABEL_BLOCK == 0 {
            starts.push(at.to_string());
        }
        at += node.0;
    }
    assert_eq!(at, labels.len());
    starts.push(at.to_string()); // the end of the last block
    column(&mut out, "LABEL_BLOCK_START", "u32", starts);
    // Breadth-first, each node's children follow the previous node's: a node's child count is
    // the next node's first child minus its own, so only first children are stored.
    let mut firsts = Vec::with_capacity(n + 1);
    let mut next_child = 1usize;
    for node in &nodes {
        firsts.push(next_child.to_string());
        next_child += node.1;
    }
    firsts.push(next_child.to_string());
    assert_eq!(next_child, n);
    column(&mut out, "FIRST_CHILD", "Index", firsts);
    column(&mut out, "FLAGS", "u8", nodes.iter().map(|n| n.2.to_string()).collect());
    out
}

/// Nodes per entry of LABEL_BLOCK_START (a multiple of 16).
const LABEL_BLOCK: usize = 32;

fn insert(root: &mut Node, rule: &str, private: bool) {
    let (exception, rule) = match rule.strip_prefix('!') {
        Some(r) => (true, r),
        None => (false, rule),
    };
    let ascii = if rule.is_ascii() {
        rule.to_ascii_lowercase()
    } else {
        idna::domain_to_ascii(rule).unwrap_or_else(|_| panic!("PSL rule {rule:?} is not a valid IDN"))
    };
    let mut node = root;
    for label in ascii.rsplit('.') {
        assert!(!label.is_empty(), "empty label in PSL rule {rule:?}");
        node = node.children.entry(label.to_string()).or_default();
    }
    node.flags = RULE | if private { PRIVATE } else { 0 } | if exception { EXCEPTION } else { 0 };
}

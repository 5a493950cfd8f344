//! `data/phone/` → the CN numbering plan as digit automata (`phone.rs`) and the home regions of
//! mobile prefixes (`mobile-regions.bin`).
//!
//! # The numbering plan
//!
//! `PhoneNumberMetadata-CN.xml` is libphonenumber's description of China's numbers: for each
//! kind of number (fixed line, mobile, toll free, …) a `nationalNumberPattern`, the lengths it
//! can have and an example. The library must not carry a regex engine for a dozen patterns, so
//! each pattern is compiled here into a deterministic automaton over the ten digits: parsed
//! (only what these patterns use: digits, `\d`, classes such as `[0-35-9]`, groups `(…)` and
//! `(?:…)`, alternation, `?` and the bounded repetitions `{n}` and `{n,m}`; anything else fails
//! the build with the pattern and the position), turned into an NFA, made deterministic by the
//! subset construction, and minimised (Moore's partition refinement) together with the other
//! kinds, so the states that mean "any n more digits" are shared. A match walks one table entry
//! per digit; state 0 is the dead state.
//!
//! Every state also gets the set of lengths that can still end in a match (bit k: k more
//! digits can be accepted), which tells "wrong length" from "wrong digits" without a search.
//!
//! The build fails when the data is inconsistent: an example number its own pattern refuses, a
//! pattern that accepts a length its `possibleLengths` does not list, an element or a length
//! notation this reader does not know.
//!
//! # Mobile regions, format version 1 (all integers little-endian)
//!
//! | bytes | content |
//! |---|---|
//! | 7 | magic `ICPMOB1` |
//! | 1 | format version, `1` |
//! | 4 × (2 + n) | strings, each a u16 length and UTF-8: source, libphonenumber version, licence, attribution |
//! | 1 | province count `p` (1–254) |
//! | 2 × p | province codes, two ASCII letters each (`data/rules/provinces.toml`) |
//! | 4 | boundary count `n` (u32) |
//! | 3 × n | keys, the 7-digit prefix minus 1,000,000, in 3 byte planes, most significant plane first |
//! | n | regions: 0 unknown, `i` the `i`th province code |
//!
//! Nothing follows. A prefix is in the region of the last boundary at or below it (unknown
//! below the first), as in `server-regions.bin`: a boundary is where the region changes. Byte
//! planes compress well (the page downloads the file in WebAssembly).
//!
//! The output depends only on the input files.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::Path;

/// The kinds of number the metadata describes, in libphonenumber's order of precedence when
/// it decides a number's type (`getNumberTypeHelper`): the first that matches wins, fixed line
/// and mobile last. `generalDesc` (every possible CN number) comes first; it is no type.
const KINDS: [(&str, &str); 11] = [
    ("generalDesc", "General"),
    ("premiumRate", "PremiumRate"),
    ("tollFree", "TollFree"),
    ("sharedCost", "SharedCost"),
    ("voip", "Voip"),
    ("personalNumber", "PersonalNumber"),
    ("pager", "Pager"),
    ("uan", "Uan"),
    ("voicemail", "Voicemail"),
    ("fixedLine", "FixedLine"),
    ("mobile", "Mobile"),
];

/// Children of `<territory>` that describe no kind of number, and are not read.
const IGNORED: [&str; 4] = ["references", "availableFormats", "noInternationalDialling", "intlNumberFormat"];

/// The longest national number the tables can describe (the length masks are u16).
const MAX_LEN: usize = 15;

/// The numbering plan of `dir` (data/phone/) as Rust source (`phone.rs`).
pub fn bake(dir: &Path) -> String {
    let path = dir.join("PhoneNumberMetadata-CN.xml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    // The header the refresh script writes: `libphonenumber: X.Y.Z` and `package: …` lines.
    let header = |name: &str| {
        text.lines()
            .find_map(|l| l.trim().strip_prefix(name))
            .unwrap_or_else(|| panic!("{}: no `{name}` line in the header", path.display()))
            .trim()
            .to_owned()
    };
    let version = header("libphonenumber: ");
    let package = header("package: ");
    let xml = strip_comments(&text);
    let territory = territory(&xml, "CN").unwrap_or_else(|| panic!("{}: no <territory id=\"CN\">", path.display()));
    let country_code = attribute(territory.open, "countryCode").unwrap_or_default();
    assert_eq!(country_code, "86", "{}: CN's countryCode is {country_code:?}", path.display());
    let national_prefix = attribute(territory.open, "nationalPrefix").unwrap_or_default();

    // Every kind present, parsed and compiled, in the order of precedence.
    let mut kinds: Vec<(Desc, Dfa)> = Vec::new();
    for (element, body) in &territory.children {
        if IGNORED.contains(&element.as_str()) {
            continue;
        }
        let Some(&(_, variant)) = KINDS.iter().find(|(e, _)| e == element) else {
            panic!("{}: <{element}> in the CN territory is no kind of number this build knows", path.display());
        };
        let pattern: String = inner(body, "nationalNumberPattern")
            .unwrap_or_else(|| panic!("{}: <{element}> has no nationalNumberPattern", path.display()))
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let node = Parser::parse(&pattern).unwrap_or_else(|(at, what)| {
            panic!("{}: <{element}> pattern {pattern:?} at {at}: {what} (this build reads digits, \\d, [classes], groups, |, ?, {{n}} and {{n,m}} only)", path.display())
        });
        let (national, local_only) = match empty_element(body, "possibleLengths") {
            Some(tag) => (
                lengths(attribute(tag, "national").unwrap_or("")).unwrap_or_else(|e| panic!("{}: <{element}> possibleLengths: {e}", path.display())),
                lengths(attribute(tag, "localOnly").unwrap_or("")).unwrap_or_else(|e| panic!("{}: <{element}> localOnly: {e}", path.display())),
            ),
            None => (Vec::new(), Vec::new()),
        };
        let example = inner(body, "exampleNumber").map(|e| e.trim().to_owned());
        let desc = Desc { element: element.clone(), variant, pattern, national, local_only, example };
        kinds.push((desc, Dfa::from_node(&node)));
    }
    kinds.sort_by_key(|(d, _)| KINDS.iter().position(|(e, _)| *e == d.element));
    for required in ["General", "FixedLine", "Mobile"] {
        assert!(kinds.iter().any(|(d, _)| d.variant == required), "{}: no {required} description", path.display());
    }
    let (descs, automata): (Vec<Desc>, Vec<Dfa>) = kinds.into_iter().unzip();
    let union = Union::minimise(&automata);

    // The data must agree with itself: lengths and examples with the patterns.
    for (desc, &start) in descs.iter().zip(&union.starts) {
        let mask = union.lengths[start];
        let accepted: Vec<u8> = (0..=MAX_LEN as u8).filter(|k| mask & (1 << k) != 0).collect();
        assert!(!accepted.is_empty(), "{}: <{}> accepts no number", path.display(), desc.element);
        if desc.variant != "General" {
            for len in &accepted {
                assert!(desc.national.contains(len), "{}: <{}> accepts {len}-digit numbers but possibleLengths says {:?}", path.display(), desc.element, desc.national);
            }
        }
        if let Some(example) = &desc.example {
            assert!(union.accepts(start, example), "{}: <{}> {} refuses its own exampleNumber {example}", path.display(), desc.element, desc.pattern);
            assert!(union.accepts(union.starts[0], example), "{}: generalDesc refuses <{}>'s exampleNumber {example}", path.display(), desc.element);
        }
    }

    let n = union.next.len() / 10;
    let state = if n <= 256 { "u8" } else { "u16" };
    let mut out = String::new();
    writeln!(out, "pub(crate) const VERSION: &str = {version:?};").ok();
    writeln!(out, "pub(crate) const PACKAGE: &str = {package:?};").ok();
    writeln!(out, "pub(crate) const NATIONAL_PREFIX: &str = {national_prefix:?};").ok();
    writeln!(out, "pub(crate) type State = {state};").ok();
    writeln!(out, "/// Transitions: `NEXT[state * 10 + digit]`; state 0 is dead.").ok();
    let next: Vec<String> = union.next.iter().map(|s| s.to_string()).collect();
    // A line per state: its ten transitions.
    let rows = next.chunks(10).map(|row| format!("    {},\n", row.join(", "))).collect::<String>();
    writeln!(out, "pub(crate) static NEXT: [State; {}] = [\n{rows}];", next.len()).ok();
    writeln!(out, "/// Bit k: k more digits can end in a match (bit 0: the state accepts).").ok();
    let masks: Vec<String> = union.lengths.iter().map(|m| m.to_string()).collect();
    writeln!(out, "pub(crate) static LENGTHS: [u16; {n}] = [{}];", crate::wrapped(masks)).ok();
    writeln!(out, "pub(crate) static DESCS: [Desc; {}] = [", descs.len()).ok();
    for (desc, &start) in descs.iter().zip(&union.starts) {
        writeln!(
            out,
            "    Desc {{ kind: {}, start: {start}, national_lengths: &{:?}, local_only_lengths: &{:?}, example: {:?} }},",
            // `generalDesc` describes every possible number and is no type of its own.
            if desc.variant == "General" { "None".to_owned() } else { format!("Some(NumberType::{})", desc.variant) },
            desc.national,
            desc.local_only,
            desc.example
        )
        .ok();
    }
    writeln!(out, "];").ok();
    out
}

struct Desc {
    element: String,
    variant: &'static str,
    pattern: String,
    national: Vec<u8>,
    local_only: Vec<u8>,
    example: Option<String>,
}

// ---------------------------------------------------------------- reading the XML

fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("-->").unwrap_or_else(|| panic!("an unterminated XML comment"));
        rest = &rest[start + end + 3..];
    }
    out.push_str(rest);
    out
}

struct Territory<'a> {
    /// The opening tag, for its attributes.
    open: &'a str,
    /// Element name and body (between its tags, or the whole tag when it is empty), in order.
    children: Vec<(String, String)>,
}

/// The `<territory id="{id}">` element: its opening tag and its children.
fn territory<'a>(xml: &'a str, id: &str) -> Option<Territory<'a>> {
    let marker = format!("<territory id=\"{id}\"");
    let start = xml.find(&marker)?;
    let open_end = start + xml[start..].find('>')?;
    let open = &xml[start..=open_end];
    let body_end = open_end + xml[open_end..].find("</territory>")?;
    let body = &xml[open_end + 1..body_end];
    // Walk the body's tags, recording the elements at depth 0.
    let mut children = Vec::new();
    let mut depth = 0usize;
    let mut current: Option<(String, usize)> = None;
    let mut at = 0;
    while let Some(lt) = body[at..].find('<') {
        let tag_start = at + lt;
        let tag_end = tag_start + body[tag_start..].find('>').unwrap_or_else(|| panic!("an unterminated tag"));
        let tag = &body[tag_start..=tag_end];
        let name: String = tag.trim_start_matches(['<', '/']).chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        if tag.starts_with("</") {
            depth = depth.checked_sub(1).unwrap_or_else(|| panic!("</{name}> closes nothing"));
            if depth == 0 {
                if let Some((open_name, body_start)) = current.take() {
                    assert_eq!(open_name, name, "<{open_name}> closed by </{name}>");
                    children.push((name, body[body_start..tag_start].to_owned()));
                }
            }
        } else if tag.ends_with("/>") {
            if depth == 0 {
                children.push((name, tag.to_owned()));
            }
        } else {
            if depth == 0 {
                current = Some((name, tag_end + 1));
            }
            depth += 1;
        }
        at = tag_end + 1;
    }
    assert_eq!(depth, 0, "unbalanced tags in <territory id=\"{id}\">");
    Some(Territory { open, children })
}

/// The text inside `<name>…</name>`.
fn inner<'a>(body: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let start = body.find(&open)? + open.len();
    let end = start + body[start..].find(&format!("</{name}>"))?;
    Some(&body[start..end])
}

/// The empty element `<name … />`.
fn empty_element<'a>(body: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name} ");
    let start = body.find(&open)?;
    let end = start + body[start..].find("/>")?;
    Some(&body[start..end + 2])
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let marker = format!(" {name}=\"");
    let start = tag.find(&marker)? + marker.len();
    let end = start + tag[start..].find('"')?;
    Some(&tag[start..end])
}

/// `possibleLengths` notation: `11`, `10,12`, `[7-11]`, `5,6`, `[10-12]`, or empty.
fn lengths(spec: &str) -> Result<Vec<u8>, String> {
    let mut out = BTreeSet::new();
    for item in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let number = |s: &str| s.parse::<u8>().map_err(|_| format!("{s:?} in {spec:?} is not a length"));
        if let Some(range) = item.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            let (lo, hi) = range.split_once('-').ok_or_else(|| format!("{item:?} in {spec:?} is not a range"))?;
            let (lo, hi) = (number(lo)?, number(hi)?);
            if lo >= hi {
                return Err(format!("{item:?}: an empty or single-value range"));
            }
            out.extend(lo..=hi);
        } else {
            out.insert(number(item)?);
        }
    }
    if out.iter().any(|&l| l == 0 || usize::from(l) > MAX_LEN) {
        return Err(format!("{spec:?}: a length outside 1–{MAX_LEN}"));
    }
    Ok(out.into_iter().collect())
}

// ---------------------------------------------------------------- patterns

/// A pattern over digits. A set is a 10-bit mask of the digits it matches.
#[derive(Debug, Clone)]
enum Node {
    Set(u16),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    /// `node{min,max}`; `?` is `{0,1}`.
    Repeat(Box<Node>, u32, u32),
}

struct Parser<'a> {
    s: &'a [u8],
    at: usize,
}

type ParseError = (usize, &'static str);

impl Parser<'_> {
    fn parse(pattern: &str) -> Result<Node, ParseError> {
        let mut p = Parser { s: pattern.as_bytes(), at: 0 };
        let node = p.alternation()?;
        if p.at != p.s.len() {
            return Err((p.at, "unexpected character"));
        }
        Ok(node)
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }

    fn alternation(&mut self) -> Result<Node, ParseError> {
        let mut branches = vec![self.concatenation()?];
        while self.peek() == Some(b'|') {
            self.at += 1;
            branches.push(self.concatenation()?);
        }
        Ok(if branches.len() == 1 { branches.remove(0) } else { Node::Alt(branches) })
    }

    fn concatenation(&mut self) -> Result<Node, ParseError> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == b'|' || c == b')' {
                break;
            }
            let atom = self.atom()?;
            items.push(self.quantified(atom)?);
        }
        if items.is_empty() {
            return Err((self.at, "an empty alternative"));
        }
        Ok(if items.len() == 1 { items.remove(0) } else { Node::Concat(items) })
    }

    fn atom(&mut self) -> Result<Node, ParseError> {
        let c = self.peek().ok_or((self.at, "unexpected end"))?;
        self.at += 1;
        match c {
            b'0'..=b'9' => Ok(Node::Set(1 << (c - b'0'))),
            b'\\' => match self.peek() {
                Some(b'd') => {
                    self.at += 1;
                    Ok(Node::Set(0x3ff))
                }
                _ => Err((self.at, "an escape other than \\d")),
            },
            b'[' => {
                if self.peek() == Some(b'^') {
                    return Err((self.at, "a negated class"));
                }
                let mut mask = 0u16;
                loop {
                    let c = self.peek().ok_or((self.at, "an unterminated class"))?;
                    self.at += 1;
                    match c {
                        b']' if mask != 0 => break,
                        b'0'..=b'9' => {
                            let lo = c - b'0';
                            if self.peek() == Some(b'-') && self.s.get(self.at + 1).is_some_and(u8::is_ascii_digit) {
                                let hi = self.s[self.at + 1] - b'0';
                                self.at += 2;
                                if hi < lo {
                                    return Err((self.at, "a reversed range"));
                                }
                                for d in lo..=hi {
                                    mask |= 1 << d;
                                }
                            } else {
                                mask |= 1 << lo;
                            }
                        }
                        b'\\' if self.peek() == Some(b'd') => {
                            self.at += 1;
                            mask |= 0x3ff;
                        }
                        _ => return Err((self.at - 1, "a class member other than a digit or a digit range")),
                    }
                }
                Ok(Node::Set(mask))
            }
            b'(' => {
                if self.s[self.at..].starts_with(b"?:") {
                    self.at += 2;
                } else if self.peek() == Some(b'?') {
                    return Err((self.at, "a group other than (…) and (?:…)"));
                }
                let node = self.alternation()?;
                if self.peek() != Some(b')') {
                    return Err((self.at, "an unclosed group"));
                }
                self.at += 1;
                Ok(node)
            }
            _ => Err((self.at - 1, "an unsupported construct")),
        }
    }

    fn quantified(&mut self, mut node: Node) -> Result<Node, ParseError> {
        loop {
            match self.peek() {
                Some(b'?') => {
                    self.at += 1;
                    node = Node::Repeat(Box::new(node), 0, 1);
                }
                Some(b'{') => {
                    self.at += 1;
                    let min = self.number()?;
                    let max = if self.peek() == Some(b',') {
                        self.at += 1;
                        if self.peek() == Some(b'}') {
                            return Err((self.at, "an unbounded repetition {n,}"));
                        }
                        self.number()?
                    } else {
                        min
                    };
                    if self.peek() != Some(b'}') {
                        return Err((self.at, "an unterminated repetition"));
                    }
                    self.at += 1;
                    if max < min || max == 0 || max as usize > MAX_LEN {
                        return Err((self.at, "a repetition with bounds out of order or too large"));
                    }
                    node = Node::Repeat(Box::new(node), min, max);
                }
                Some(b'*' | b'+') => return Err((self.at, "an unbounded repetition (* or +)")),
                _ => return Ok(node),
            }
        }
    }

    fn number(&mut self) -> Result<u32, ParseError> {
        let start = self.at;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.at += 1;
        }
        std::str::from_utf8(&self.s[start..self.at]).ok().and_then(|s| s.parse().ok()).ok_or((start, "a repetition without a number"))
    }
}

// ---------------------------------------------------------------- automata

/// An NFA with ε-moves: `moves[s]` = (digit mask, target); `eps[s]` = targets.
#[derive(Default)]
struct Nfa {
    moves: Vec<Vec<(u16, usize)>>,
    eps: Vec<Vec<usize>>,
}

impl Nfa {
    fn state(&mut self) -> usize {
        self.moves.push(Vec::new());
        self.eps.push(Vec::new());
        self.moves.len() - 1
    }

    /// Adds `node` from `from`; returns its end state.
    fn add(&mut self, node: &Node, from: usize) -> usize {
        match node {
            Node::Set(mask) => {
                let to = self.state();
                self.moves[from].push((*mask, to));
                to
            }
            Node::Concat(items) => items.iter().fold(from, |at, item| self.add(item, at)),
            Node::Alt(branches) => {
                let end = self.state();
                for branch in branches {
                    let b = self.add(branch, from);
                    self.eps[b].push(end);
                }
                end
            }
            Node::Repeat(inner, min, max) => {
                let mut at = from;
                for _ in 0..*min {
                    at = self.add(inner, at);
                }
                let end = self.state();
                self.eps[at].push(end);
                for _ in *min..*max {
                    at = self.add(inner, at);
                    self.eps[at].push(end);
                }
                end
            }
        }
    }

    fn closure(&self, set: &mut BTreeSet<usize>) {
        let mut stack: Vec<usize> = set.iter().copied().collect();
        while let Some(s) = stack.pop() {
            for &t in &self.eps[s] {
                if set.insert(t) {
                    stack.push(t);
                }
            }
        }
    }
}

/// A DFA over the digits: `next[s][d]`, state 0 dead, `start`, `accept[s]`.
struct Dfa {
    next: Vec<[usize; 10]>,
    accept: Vec<bool>,
    start: usize,
}

impl Dfa {
    fn from_node(node: &Node) -> Dfa {
        let mut nfa = Nfa::default();
        let start = nfa.state();
        let end = nfa.add(node, start);
        let mut ids: HashMap<BTreeSet<usize>, usize> = HashMap::new();
        let mut sets: Vec<BTreeSet<usize>> = Vec::new();
        // State 0: the empty set (dead).
        ids.insert(BTreeSet::new(), 0);
        sets.push(BTreeSet::new());
        let mut first = BTreeSet::from([start]);
        nfa.closure(&mut first);
        ids.insert(first.clone(), 1);
        sets.push(first);
        let mut next: Vec<[usize; 10]> = vec![[0; 10], [0; 10]];
        let mut i = 1;
        while i < sets.len() {
            for d in 0..10 {
                let mut target = BTreeSet::new();
                for &s in &sets[i] {
                    for &(mask, to) in &nfa.moves[s] {
                        if mask & (1 << d) != 0 {
                            target.insert(to);
                        }
                    }
                }
                nfa.closure(&mut target);
                let id = match ids.get(&target) {
                    Some(&id) => id,
                    None => {
                        let id = sets.len();
                        ids.insert(target.clone(), id);
                        sets.push(target);
                        next.push([0; 10]);
                        assert!(id < 1 << 16, "a pattern with too many states");
                        id
                    }
                };
                next[i][d] = id;
            }
            i += 1;
        }
        let accept = sets.iter().map(|s| s.contains(&end)).collect();
        Dfa { next, accept, start: 1 }
    }
}

/// The minimised union of several DFAs: one transition table, a start per DFA.
struct Union {
    /// `next[s * 10 + d]`.
    next: Vec<usize>,
    lengths: Vec<u16>,
    starts: Vec<usize>,
}

impl Union {
    fn minimise(dfas: &[Dfa]) -> Union {
        // Disjoint union, every DFA's dead state mapped to global 0.
        let mut next: Vec<[usize; 10]> = vec![[0; 10]];
        let mut accept = vec![false];
        let mut starts = Vec::new();
        for dfa in dfas {
            let offset = next.len() - 1; // local s ≥ 1 → offset + s
            let map = |s: usize| if s == 0 { 0 } else { offset + s };
            for s in 1..dfa.next.len() {
                next.push(dfa.next[s].map(map));
                accept.push(dfa.accept[s]);
            }
            starts.push(map(dfa.start));
        }
        // Moore: refine (accept) by the classes of the successors until stable. The dead
        // state's class is the one of non-accepting states with no way out, which it shares
        // with nothing else once refined (every other state can reach acceptance).
        let n = next.len();
        let mut class: Vec<usize> = accept.iter().map(|&a| usize::from(a)).collect();
        loop {
            let mut signatures: BTreeMap<(usize, [usize; 10]), usize> = BTreeMap::new();
            let mut refined = vec![0; n];
            // Keep the dead state in class 0.
            signatures.insert((class[0], next[0].map(|t| class[t])), 0);
            for s in 0..n {
                let sig = (class[s], next[s].map(|t| class[t]));
                let len = signatures.len();
                refined[s] = *signatures.entry(sig).or_insert(len);
            }
            let count = signatures.len();
            let stable = count == class.iter().collect::<BTreeSet<_>>().len();
            class = refined;
            if stable {
                break;
            }
        }
        // States that cannot reach acceptance are the dead state.
        let count = class.iter().max().map_or(1, |m| m + 1);
        let mut table = vec![0usize; count * 10];
        let mut acc = vec![false; count];
        for s in 0..n {
            for d in 0..10 {
                table[class[s] * 10 + d] = class[next[s][d]];
            }
            acc[class[s]] = accept[s];
        }
        let starts: Vec<usize> = starts.iter().map(|&s| class[s]).collect();
        // Length masks by fixed-point iteration (the automaton is acyclic but for the dead state).
        let mut lengths = vec![0u16; count];
        loop {
            let mut changed = false;
            for s in 0..count {
                let mut m = u16::from(acc[s]);
                for d in 0..10 {
                    m |= lengths[table[s * 10 + d]] << 1;
                }
                if m != lengths[s] {
                    lengths[s] = m;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        assert_eq!(lengths[0], 0, "state 0 must be the dead state");
        assert!((1..count).all(|s| lengths[s] != 0), "a live state that cannot reach a match");
        assert!(table.iter().take(10).all(|&t| t == 0), "the dead state must loop");
        Union { next: table, lengths, starts }
    }

    fn accepts(&self, start: usize, digits: &str) -> bool {
        let mut s = start;
        for c in digits.bytes() {
            assert!(c.is_ascii_digit(), "{digits:?} is not all digits");
            s = self.next[s * 10 + usize::from(c - b'0')];
        }
        self.lengths[s] & 1 != 0
    }
}

// ---------------------------------------------------------------- mobile regions

const REGIONS_MAGIC: &[u8; 7] = b"ICPMOB1";
const REGIONS_FORMAT: u8 = 1;

pub fn bake_regions(dir: &Path, provinces_toml: &Path) -> Vec<u8> {
    let source_path = dir.join("SOURCE.toml");
    let source: toml::Table = std::fs::read_to_string(&source_path)
        .unwrap_or_else(|e| panic!("reading {}: {e}", source_path.display()))
        .parse()
        .unwrap_or_else(|e| panic!("{}: {e}", source_path.display()));
    let text = |key: &str| -> String {
        let value = source.get(key).and_then(|v| v.as_str());
        value.unwrap_or_else(|| panic!("{}: no string {key:?}", source_path.display())).to_owned()
    };
    let ranges_expected = source.get("counts").and_then(|c| c.get("ranges")).and_then(|v| v.as_integer());
    let ranges_expected = ranges_expected.unwrap_or_else(|| panic!("{}: no integer counts.ranges", source_path.display()));

    let provinces: toml::Table = std::fs::read_to_string(provinces_toml)
        .unwrap_or_else(|e| panic!("reading {}: {e}", provinces_toml.display()))
        .parse()
        .unwrap_or_else(|e| panic!("{}: {e}", provinces_toml.display()));
    let codes: Vec<String> = provinces
        .get("province")
        .and_then(|p| p.as_array())
        .map(|list| list.iter().filter_map(|p| p.get("code").and_then(|c| c.as_str()).map(str::to_owned)).collect())
        .unwrap_or_default();
    assert!(!codes.is_empty() && codes.len() < 255, "{}: no provinces, or too many", provinces_toml.display());
    assert!(codes.iter().all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())), "province codes must be two capital letters");

    let csv_path = dir.join("mobile-regions.csv");
    let csv = std::fs::read_to_string(&csv_path).unwrap_or_else(|e| panic!("reading {}: {e}", csv_path.display()));
    let mut lines = csv.lines().enumerate();
    assert_eq!(lines.next().map(|(_, l)| l), Some("first,last,province"), "{}: wrong header", csv_path.display());
    // Each range gives a boundary where it starts and one back to unknown after it; where the
    // next range starts right there, its start replaces that.
    let mut raw: Vec<(u32, u8)> = Vec::new();
    let mut previous_last: Option<u32> = None;
    let mut rows = 0i64;
    for (index, line) in lines {
        let at = || format!("{}:{}", csv_path.display(), index + 1);
        let fields: Vec<&str> = line.split(',').collect();
        let [first, last, code] = fields[..] else { panic!("{}: expected first,last,province: {line:?}", at()) };
        let first: u32 = first.parse().unwrap_or_else(|_| panic!("{}: bad prefix {first:?}", at()));
        let last: u32 = last.parse().unwrap_or_else(|_| panic!("{}: bad prefix {last:?}", at()));
        assert!((1_000_000..=1_999_999).contains(&first) && first <= last && last <= 1_999_999, "{}: not a range of 7-digit mobile prefixes", at());
        assert!(previous_last.is_none_or(|p| p < first), "{}: out of order or overlapping", at());
        let region = codes.iter().position(|c| c == code).unwrap_or_else(|| panic!("{}: unknown province {code:?}", at()));
        let region = u8::try_from(region + 1).expect("fewer than 255 provinces");
        if raw.last().is_some_and(|b| b.0 == first - 1_000_000) {
            raw.pop();
        }
        raw.push((first - 1_000_000, region));
        raw.push((last + 1 - 1_000_000, 0));
        previous_last = Some(last);
        rows += 1;
    }
    assert_eq!(rows, ranges_expected, "{} has {rows} ranges, SOURCE.toml says {ranges_expected}", csv_path.display());
    // Only the boundaries that change the region (unknown before the first).
    let mut merged: Vec<(u32, u8)> = Vec::with_capacity(raw.len());
    for b in raw {
        if merged.last().map_or(0, |m| m.1) != b.1 {
            merged.push(b);
        }
    }

    let mut out = Vec::new();
    out.extend_from_slice(REGIONS_MAGIC);
    out.push(REGIONS_FORMAT);
    let name = format!("libphonenumber geocoding (crates.io {} {})", text("package"), text("version"));
    for s in [name, text("libphonenumber"), text("licence"), text("attribution")] {
        let len = u16::try_from(s.len()).expect("a short string");
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(s.as_bytes());
    }
    out.push(u8::try_from(codes.len()).expect("fewer than 255 provinces"));
    for c in &codes {
        out.extend_from_slice(c.as_bytes());
    }
    out.extend_from_slice(&u32::try_from(merged.len()).expect("fewer than 2^32").to_le_bytes());
    for plane in 0..3 {
        out.extend(merged.iter().map(|(key, _)| (key >> (8 * (2 - plane))) as u8));
    }
    out.extend(merged.iter().map(|(_, region)| *region));
    out
}

//! The engine's own small regular expressions: "does this pattern match somewhere in this
//! text", for the tunable patterns of `tunables.rs` (through [`crate::words`]), nothing more.
//!
//! Why not a crate: regex-lite, the smallest of the regex crates, was 20.8 KB of the wasm's
//! gzip (296,522 B with it, 275,708 B with the patterns stubbed out), a fifteenth of the
//! engine, for seventeen patterns whose answers the engine only asks as yes or no. This module
//! is the part of a regex engine such a question needs: a parser for the syntax the patterns
//! use, a Thompson compilation to a program of a few instruction kinds, and a Pike VM that runs
//! all threads of that program in step over the text — linear in the text's length times the
//! program's, whatever the pattern and whatever the page (no backtracking, so no hostile text
//! can make it take exponential time). No capture groups, no match positions: threads carry no
//! slots, which also made regex-lite's search state large (see the history of `words.rs`).
//!
//! The syntax is regex-lite's (and the regex crate's) for what it covers, with its semantics:
//! - literals (any Unicode scalar value), `.` (anything but `\n`), escapes of punctuation,
//!   `\n \t \r \f \v`, `\xNN` and `\x{N…}`;
//! - the ASCII Perl classes `\d \s \w` and their negations (`\s` is `[\t\n\v\f\r ]`), and
//!   bracketed classes `[…]` / `[^…]` of literals, ranges and Perl classes;
//! - `^` and `$` (the text's start and end: no multi-line mode), `\b` and `\B` (ASCII word
//!   boundaries);
//! - groups `(…)` and `(?:…)`, alternation `|`, the repetitions `? * + {n} {n,} {n,m}` (and
//!   their lazy forms, which cannot change whether a pattern matches);
//! - the flag `i`, as `(?i)` (to the end of its group) or `(?i:…)`: ASCII case folding only,
//!   as regex-lite's; the engine lowercases texts by Unicode rules itself where it matters
//!   ([`crate::words::LowerText`]).
//!
//! Anything else (other flags, POSIX classes, set operations, `\p{…}`, nested classes) is a
//! [`PatternError`]: the patterns are constants, compiled on first use, and the tests compile
//! and check every one of them against regex-lite's answers (`tests` below).

use std::fmt;

/// A pattern the syntax above does not cover, or does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PatternError {
    /// What went wrong, and where (a character offset into the pattern).
    message: String,
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Instructions beyond this make a pattern an error (a counted repetition of a large group
/// could otherwise make a program of millions); the largest tunable pattern compiles to 3,355.
const MAX_PROGRAM: usize = 100_000;

/// A compiled pattern.
#[derive(Debug)]
pub(crate) struct Pattern {
    program: Vec<Inst>,
    classes: Vec<Class>,
    /// Every match starts at the text's start (the pattern begins with `^` in each branch):
    /// threads are started there only.
    anchored: bool,
    /// Per instruction, the characters a thread there can read first ([`first_chars`]): a
    /// thread whose next character is not among them dies without a match, and is not
    /// started. Entry 0 is where a match can start.
    firsts: Vec<u64>,
    /// Thread lists kept for the next call: see [`Scratch`].
    scratch: std::sync::Mutex<Scratch>,
}

/// The bit of [`Pattern::firsts`] for a character (`None`: the text's end): ASCII letters
/// either case alike, digits each their own, other ASCII fifteen bits between them, anything
/// beyond ASCII one. Several characters may share a bit: a set only ever says what cannot
/// come first.
fn bit(c: Option<char>) -> u64 {
    let n = match c {
        None => 0,
        Some(c) if !c.is_ascii() => 63,
        Some(c) => {
            let b = c as u8;
            match b.to_ascii_lowercase() {
                l @ b'a'..=b'z' => 32 + u32::from(l - b'a'),
                d @ b'0'..=b'9' => 16 + u32::from(d - b'0'),
                _ => 1 + u32::from(b % 15),
            }
        }
    };
    1 << n
}

#[derive(Debug, Clone, Copy)]
enum Inst {
    /// This character.
    Char(char),
    /// This ASCII letter (lowercase) in either case.
    Fold(u8),
    /// Any character but `\n`.
    Any,
    /// A character of `classes[i]`.
    Class(u32),
    /// Both ways.
    Split(u32, u32),
    Jump(u32),
    Assert(Assertion),
    Match,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Assertion {
    Start,
    End,
    WordBoundary,
    NotWordBoundary,
}

/// A set of characters: sorted, non-overlapping ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Class {
    ranges: Vec<(char, char)>,
}

impl Class {
    fn contains(&self, c: char) -> bool {
        self.ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi)
    }

    /// Sorted, merged ranges (built without a sort: the classes are a few ranges each, and a
    /// sort's code weighs kilobytes in the wasm).
    fn normalised(mut ranges: Vec<(char, char)>) -> Class {
        let mut out: Vec<(char, char)> = Vec::with_capacity(ranges.len());
        while !ranges.is_empty() {
            let mut at = 0;
            for (i, r) in ranges.iter().enumerate() {
                if r.0 < ranges[at].0 {
                    at = i;
                }
            }
            let (lo, hi) = ranges.swap_remove(at);
            match out.last_mut() {
                Some(last) if u32::from(lo) <= u32::from(last.1).saturating_add(1) => {
                    if hi > last.1 {
                        last.1 = hi;
                    }
                }
                _ => out.push((lo, hi)),
            }
        }
        Class { ranges: out }
    }

    /// The characters not in this class.
    fn negated(&self) -> Class {
        let mut out = Vec::new();
        let mut next = Some('\0');
        for &(lo, hi) in &self.ranges {
            if let Some(from) = next {
                if from < lo {
                    out.push((from, before(lo)));
                }
            }
            next = after(hi);
        }
        if let Some(from) = next {
            out.push((from, char::MAX));
        }
        Class { ranges: out }
    }

    /// With ASCII case folding: each ASCII letter in the class brings its other case.
    fn folded(&self) -> Class {
        let mut ranges = self.ranges.clone();
        for (lo, hi) in [('a', 'z'), ('A', 'Z')] {
            for &(from, to) in &self.ranges {
                let (a, b) = (from.max(lo), to.min(hi));
                if a <= b {
                    ranges.push((swap_case(a), swap_case(b)));
                }
            }
        }
        Class::normalised(ranges)
    }
}

/// The character before `c` (skipping the surrogate gap); `c` is above `\0`.
fn before(c: char) -> char {
    match c {
        '\u{E000}' => '\u{D7FF}',
        _ => char::from_u32(u32::from(c) - 1).unwrap_or(c),
    }
}

/// The character after `c`, if any (skipping the surrogate gap).
fn after(c: char) -> Option<char> {
    match c {
        char::MAX => None,
        '\u{D7FF}' => Some('\u{E000}'),
        _ => char::from_u32(u32::from(c) + 1),
    }
}

fn swap_case(c: char) -> char {
    if c.is_ascii_lowercase() {
        c.to_ascii_uppercase()
    } else {
        c.to_ascii_lowercase()
    }
}

/// A Perl class: `\d`, `\s`, `\w`.
fn perl_class(kind: char) -> Class {
    let ranges = match kind {
        'd' => vec![('0', '9')],
        's' => vec![('\t', '\r'), (' ', ' ')],
        _ => vec![('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')],
    };
    Class::normalised(ranges)
}

/// What the parser makes of a pattern.
#[derive(Debug, Clone)]
enum Node {
    Empty,
    Char(char),
    Fold(u8),
    Any,
    Class(Class),
    Assert(Assertion),
    Concat(Vec<Node>),
    Alternate(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
    },
}

struct Parser<'a> {
    chars: Vec<char>,
    at: usize,
    pattern: &'a str,
}

impl Parser<'_> {
    fn error(&self, what: &str) -> PatternError {
        PatternError {
            message: format!("{what} at {} in {:?}", self.at, self.pattern),
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn starts_with(&self, s: &str) -> bool {
        s.chars()
            .enumerate()
            .all(|(i, c)| self.chars.get(self.at + i) == Some(&c))
    }

    /// Alternatives up to the end of the group (a `)` left for the caller) or of the pattern.
    fn alternation(&mut self, mut fold: bool) -> Result<Node, PatternError> {
        let mut alternatives = Vec::new();
        let mut items = Vec::new();
        loop {
            match self.peek() {
                None | Some(')') => break,
                Some('|') => {
                    self.at += 1;
                    alternatives.push(Node::Concat(std::mem::take(&mut items)));
                }
                Some(_) => {
                    if self.starts_with("(?i)") {
                        // The flag holds to the end of the enclosing group, across its `|`s.
                        self.at += 4;
                        fold = true;
                        continue;
                    }
                    let atom = self.atom(fold)?;
                    let atom = self.repetition(atom)?;
                    items.push(atom);
                }
            }
        }
        alternatives.push(Node::Concat(items));
        Ok(if alternatives.len() == 1 {
            alternatives.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alternate(alternatives)
        })
    }

    fn atom(&mut self, fold: bool) -> Result<Node, PatternError> {
        let Some(c) = self.peek() else {
            return Err(self.error("unexpected end"));
        };
        self.at += 1;
        Ok(match c {
            '(' => {
                let inner_fold = if self.starts_with("?:") {
                    self.at += 2;
                    fold
                } else if self.starts_with("?i:") {
                    self.at += 3;
                    true
                } else if self.peek() == Some('?') {
                    return Err(self.error("unsupported group flags"));
                } else {
                    fold
                };
                let inner = self.alternation(inner_fold)?;
                if !self.eat(')') {
                    return Err(self.error("unclosed group"));
                }
                inner
            }
            '[' => Node::Class(self.class(fold)?),
            '.' => Node::Any,
            '^' => Node::Assert(Assertion::Start),
            '$' => Node::Assert(Assertion::End),
            '\\' => self.escape(fold)?,
            '*' | '+' | '?' | '{' => return Err(self.error("repetition of nothing")),
            c => literal(c, fold),
        })
    }

    /// What follows a `\` outside a class.
    fn escape(&mut self, fold: bool) -> Result<Node, PatternError> {
        let Some(c) = self.peek() else {
            return Err(self.error("trailing backslash"));
        };
        self.at += 1;
        Ok(match c {
            'd' | 's' | 'w' => Node::Class(perl_class(c)),
            'D' | 'S' | 'W' => Node::Class(perl_class(c.to_ascii_lowercase()).negated()),
            'b' => Node::Assert(Assertion::WordBoundary),
            'B' => Node::Assert(Assertion::NotWordBoundary),
            _ => literal(self.escaped_char(c)?, fold),
        })
    }

    /// The character an escape `\c` (c read) stands for, where it is one.
    fn escaped_char(&mut self, c: char) -> Result<char, PatternError> {
        Ok(match c {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'f' => '\x0C',
            'v' => '\x0B',
            'x' => self.hex()?,
            '<' | '>' => return Err(self.error("unsupported escape")),
            c if !c.is_alphanumeric() => c,
            _ => return Err(self.error("unsupported escape")),
        })
    }

    /// `\xNN` or `\x{N…}` (the `\x` read).
    fn hex(&mut self) -> Result<char, PatternError> {
        let digits: String = if self.eat('{') {
            let mut s = String::new();
            while let Some(c) = self.peek() {
                self.at += 1;
                if c == '}' {
                    break;
                }
                s.push(c);
            }
            s
        } else {
            let s: String = self.chars.iter().skip(self.at).take(2).collect();
            self.at += 2;
            s
        };
        u32::from_str_radix(&digits, 16)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| self.error("bad hex escape"))
    }

    /// A bracketed class (the `[` read).
    fn class(&mut self, fold: bool) -> Result<Class, PatternError> {
        let negate = self.eat('^');
        let mut ranges: Vec<(char, char)> = Vec::new();
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return Err(self.error("unclosed class"));
            };
            self.at += 1;
            if c == ']' && !first {
                break;
            }
            first = false;
            let lo = match c {
                '[' => return Err(self.error("nested class")),
                '\\' => {
                    let Some(e) = self.peek() else {
                        return Err(self.error("trailing backslash"));
                    };
                    self.at += 1;
                    match e {
                        'd' | 's' | 'w' => {
                            ranges.extend(perl_class(e).ranges);
                            continue;
                        }
                        'D' | 'S' | 'W' => {
                            ranges.extend(perl_class(e.to_ascii_lowercase()).negated().ranges);
                            continue;
                        }
                        _ => self.escaped_char(e)?,
                    }
                }
                '&' | '~' if self.peek() == Some(c) => {
                    return Err(self.error("class set operation"));
                }
                c => c,
            };
            // A range `lo-hi`; a `-` before the closing `]` is itself.
            if self.peek() == Some('-') && self.chars.get(self.at + 1).is_some_and(|&n| n != ']') {
                self.at += 1;
                let hi = match self.peek() {
                    Some('\\') => {
                        self.at += 1;
                        let Some(e) = self.peek() else {
                            return Err(self.error("trailing backslash"));
                        };
                        self.at += 1;
                        self.escaped_char(e)?
                    }
                    Some('[') => return Err(self.error("nested class")),
                    Some(h) => {
                        self.at += 1;
                        h
                    }
                    None => return Err(self.error("unclosed class")),
                };
                if hi < lo {
                    return Err(self.error("range out of order"));
                }
                ranges.push((lo, hi));
            } else {
                ranges.push((lo, lo));
            }
        }
        let mut class = Class::normalised(ranges);
        if fold {
            class = class.folded();
        }
        Ok(if negate { class.negated() } else { class })
    }

    /// A repetition operator after `atom`, if one follows (several may follow in turn).
    fn repetition(&mut self, mut atom: Node) -> Result<Node, PatternError> {
        loop {
            let (min, max) = match self.peek() {
                Some('?') => (0, Some(1)),
                Some('*') => (0, None),
                Some('+') => (1, None),
                Some('{') => {
                    self.at += 1;
                    let (min, max) = self.counts()?;
                    self.at -= 1; // the `}`: consumed below with the operator
                    (min, max)
                }
                _ => return Ok(atom),
            };
            self.at += 1;
            // Lazy or not: which match is found first, never whether there is one.
            self.eat('?');
            atom = Node::Repeat {
                node: Box::new(atom),
                min,
                max,
            };
        }
    }

    /// `n}`, `n,}` or `n,m}` after a `{`, up to and including the `}`.
    fn counts(&mut self) -> Result<(u32, Option<u32>), PatternError> {
        let number = |p: &mut Self| -> Option<u32> {
            let from = p.at;
            while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                p.at += 1;
            }
            p.chars[from..p.at].iter().collect::<String>().parse().ok()
        };
        let min = number(self).ok_or_else(|| self.error("bad repetition"))?;
        let max = if self.eat(',') {
            if self.peek() == Some('}') {
                None
            } else {
                Some(number(self).ok_or_else(|| self.error("bad repetition"))?)
            }
        } else {
            Some(min)
        };
        if !self.eat('}') || max.is_some_and(|m| m < min) {
            return Err(self.error("bad repetition"));
        }
        Ok((min, max))
    }
}

fn literal(c: char, fold: bool) -> Node {
    if fold && c.is_ascii_alphabetic() {
        Node::Fold(c.to_ascii_lowercase() as u8)
    } else {
        Node::Char(c)
    }
}

/// Thompson's construction: each node's instructions, jumps patched as the program grows.
struct Compiler {
    program: Vec<Inst>,
    classes: Vec<Class>,
}

impl Compiler {
    fn push(&mut self, inst: Inst) -> Result<u32, PatternError> {
        if self.program.len() >= MAX_PROGRAM {
            return Err(PatternError {
                message: "pattern too large".into(),
            });
        }
        self.program.push(inst);
        Ok((self.program.len() - 1) as u32)
    }

    fn next(&self) -> u32 {
        self.program.len() as u32
    }

    /// `split(left, right); left; jump end; right: …`, each half split alike, so that a thread
    /// reaches the alternatives its next character may begin through a few splits, not a
    /// chain of all of them ([`Pattern::firsts`] prunes the halves). The jumps to the end are
    /// left to the caller. (Only whether a pattern matches is asked, so the order of the
    /// alternatives does not matter.)
    fn alternatives(
        &mut self,
        alternatives: &[Node],
        jumps: &mut Vec<u32>,
    ) -> Result<(), PatternError> {
        if let [only] = alternatives {
            return self.node(only);
        }
        let (left, right) = alternatives.split_at(alternatives.len() / 2);
        let split = self.push(Inst::Split(0, 0))?;
        self.alternatives(left, jumps)?;
        jumps.push(self.push(Inst::Jump(0))?);
        self.program[split as usize] = Inst::Split(split + 1, self.next());
        self.alternatives(right, jumps)
    }

    fn node(&mut self, node: &Node) -> Result<(), PatternError> {
        match node {
            Node::Empty => {}
            Node::Char(c) => {
                self.push(Inst::Char(*c))?;
            }
            Node::Fold(b) => {
                self.push(Inst::Fold(*b))?;
            }
            Node::Any => {
                self.push(Inst::Any)?;
            }
            Node::Class(class) => {
                let i = match self.classes.iter().position(|c| c == class) {
                    Some(i) => i,
                    None => {
                        self.classes.push(class.clone());
                        self.classes.len() - 1
                    }
                };
                self.push(Inst::Class(i as u32))?;
            }
            Node::Assert(a) => {
                self.push(Inst::Assert(*a))?;
            }
            Node::Concat(items) => {
                for item in items {
                    self.node(item)?;
                }
            }
            Node::Alternate(alternatives) => {
                let mut jumps = Vec::new();
                self.alternatives(alternatives, &mut jumps)?;
                let end = self.next();
                for j in jumps {
                    self.program[j as usize] = Inst::Jump(end);
                }
            }
            Node::Repeat { node, min, max } => {
                for _ in 0..*min {
                    self.node(node)?;
                }
                match max {
                    None => {
                        // loop: split(body, end); body; jump loop; end:
                        let split = self.push(Inst::Split(0, 0))?;
                        self.node(node)?;
                        self.push(Inst::Jump(split))?;
                        let end = self.next();
                        self.program[split as usize] = Inst::Split(split + 1, end);
                    }
                    Some(max) => {
                        // (x(x(x)?)?)?: each optional copy may end the repetition.
                        let mut splits = Vec::new();
                        for _ in *min..*max {
                            splits.push(self.push(Inst::Split(0, 0))?);
                            self.node(node)?;
                        }
                        let end = self.next();
                        for s in splits {
                            self.program[s as usize] = Inst::Split(s + 1, end);
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

/// Whether every match of `node` must begin at the text's start.
fn anchored(node: &Node) -> bool {
    match node {
        Node::Assert(Assertion::Start) => true,
        Node::Concat(items) => items.first().is_some_and(anchored),
        Node::Alternate(alternatives) => alternatives.iter().all(anchored),
        Node::Repeat { node, min, .. } => *min > 0 && anchored(node),
        _ => false,
    }
}

/// The bits ([`bit`]) of the characters the instructions reachable from `pc` without
/// reading one can read; all when that closure reaches a match or a `.` (the end included).
/// Assertions are taken as holding: that only adds characters, never loses a match. `seen`
/// is the program's length, its marks other than `mark` free.
#[inline(never)]
fn first_chars(program: &[Inst], classes: &[Class], pc: u32, seen: &mut [u32], mark: u32) -> u64 {
    let mut set = 0;
    let mut stack = vec![pc];
    while let Some(pc) = stack.pop() {
        if std::mem::replace(&mut seen[pc as usize], mark) == mark {
            continue;
        }
        match program[pc as usize] {
            Inst::Match | Inst::Any => return u64::MAX,
            Inst::Char(c) => set |= bit(Some(c)),
            Inst::Fold(b) => set |= bit(Some(char::from(b))),
            Inst::Class(k) => {
                for &(lo, hi) in &classes[k as usize].ranges {
                    for b in lo as u32..=(hi as u32).min(0x7f) {
                        set |= bit(char::from_u32(b));
                    }
                    if hi > '\x7f' {
                        set |= bit(Some('\u{80}'));
                    }
                }
            }
            Inst::Split(a, b) => stack.extend([a, b]),
            Inst::Jump(to) => stack.push(to),
            Inst::Assert(_) => stack.push(pc + 1),
        }
    }
    set
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The thread lists and stack [`Pattern::is_match`] works in, kept for the next call (the
/// patterns are asked of every short block of a page). A call made while another holds them
/// (none does today) makes its own.
#[derive(Debug)]
struct Scratch {
    current: Threads,
    following: Threads,
    stack: Vec<u32>,
}

/// The threads of one step: instruction indices, each at most once (a generation stamp per
/// instruction says whether it is in).
#[derive(Debug)]
struct Threads {
    list: Vec<u32>,
    stamp: Vec<u32>,
    generation: u32,
}

impl Threads {
    /// Lists with no room yet: [`Threads::make_room`] before the first insert.
    const fn new() -> Self {
        Threads {
            list: Vec::new(),
            stamp: Vec::new(),
            generation: 1,
        }
    }

    /// Room for a program of `len` instructions. The stamps are kept from call to call
    /// ([`SCRATCH`]): zeroing two lists of the program's length for every text asked was
    /// a tenth of a page's pattern time.
    fn make_room(&mut self, len: usize) {
        if self.stamp.len() < len {
            self.stamp.resize(len, 0);
        }
    }

    /// Empties the list: a new generation, every stamp older than it.
    fn clear(&mut self) {
        self.list.clear();
        if self.generation == u32::MAX {
            self.stamp.fill(0);
            self.generation = 0;
        }
        self.generation += 1;
    }

    /// Adds `pc`; false when it was in already.
    fn insert(&mut self, pc: u32) -> bool {
        let s = &mut self.stamp[pc as usize];
        if *s == self.generation {
            return false;
        }
        *s = self.generation;
        self.list.push(pc);
        true
    }
}

impl Pattern {
    /// Compiles `pattern` (see the module's documentation for the syntax).
    pub(crate) fn new(pattern: &str) -> Result<Pattern, PatternError> {
        let mut parser = Parser {
            chars: pattern.chars().collect(),
            at: 0,
            pattern,
        };
        let node = parser.alternation(false)?;
        if parser.peek().is_some() {
            return Err(parser.error("unmatched )"));
        }
        let mut compiler = Compiler {
            program: Vec::new(),
            classes: Vec::new(),
        };
        compiler.node(&node)?;
        compiler.push(Inst::Match)?;
        let mut seen = vec![0; compiler.program.len()];
        let firsts = (0..compiler.program.len() as u32)
            .map(|pc| first_chars(&compiler.program, &compiler.classes, pc, &mut seen, pc + 1))
            .collect();
        Ok(Pattern {
            program: compiler.program,
            classes: compiler.classes,
            anchored: anchored(&node),
            firsts,
            scratch: std::sync::Mutex::new(Scratch {
                current: Threads::new(),
                following: Threads::new(),
                stack: Vec::new(),
            }),
        })
    }

    /// Adds the thread at `pc` and every thread it leads to without reading a character, at a
    /// place between `prev` and `next`. True when one of them is a match.
    fn add(
        &self,
        threads: &mut Threads,
        stack: &mut Vec<u32>,
        pc: u32,
        prev: Option<char>,
        next: Option<char>,
    ) -> bool {
        // Only the threads that can read `next` (or match): a large alternation's closure
        // was every alternative's first instruction, wherever the text stood.
        let next_bit = bit(next);
        stack.push(pc);
        while let Some(pc) = stack.pop() {
            if self.firsts[pc as usize] & next_bit == 0 || !threads.insert(pc) {
                continue;
            }
            match self.program[pc as usize] {
                Inst::Match => return true,
                Inst::Jump(to) => stack.push(to),
                Inst::Split(a, b) => {
                    stack.push(b);
                    stack.push(a);
                }
                Inst::Assert(a) => {
                    let holds = match a {
                        Assertion::Start => prev.is_none(),
                        Assertion::End => next.is_none(),
                        Assertion::WordBoundary => is_word(prev) != is_word(next),
                        Assertion::NotWordBoundary => is_word(prev) == is_word(next),
                    };
                    if holds {
                        stack.push(pc + 1);
                    }
                }
                Inst::Char(_) | Inst::Fold(_) | Inst::Any | Inst::Class(_) => {}
            }
        }
        false
    }

    /// Whether the pattern matches anywhere in `text`.
    #[inline(never)]
    pub(crate) fn is_match(&self, text: &str) -> bool {
        match self.scratch.try_lock() {
            Ok(mut scratch) => {
                let Scratch {
                    current,
                    following,
                    stack,
                } = &mut *scratch;
                self.run(text, current, following, stack)
            }
            Err(_) => self.run(
                text,
                &mut Threads::new(),
                &mut Threads::new(),
                &mut Vec::new(),
            ),
        }
    }

    fn run<'a>(
        &self,
        text: &str,
        mut current: &'a mut Threads,
        mut following: &'a mut Threads,
        stack: &mut Vec<u32>,
    ) -> bool {
        let len = self.program.len();
        current.clear();
        following.clear();
        stack.clear();
        let mut chars = text.chars();
        let mut prev = None;
        let mut next = chars.next();
        loop {
            let may_start = self.firsts[0] & bit(next) != 0;
            if may_start && (prev.is_none() || !self.anchored) {
                current.make_room(len);
                following.make_room(len);
                if self.add(current, stack, 0, prev, next) {
                    return true;
                }
            }
            let Some(c) = next else {
                return false;
            };
            if self.anchored && current.list.is_empty() {
                return false;
            }
            let after = chars.next();
            for i in 0..current.list.len() {
                let pc = current.list[i];
                let steps = match self.program[pc as usize] {
                    Inst::Char(x) => x == c,
                    Inst::Fold(b) => c.is_ascii() && c.to_ascii_lowercase() as u8 == b,
                    Inst::Any => c != '\n',
                    Inst::Class(k) => self.classes[k as usize].contains(c),
                    _ => false,
                };
                if steps && self.add(following, stack, pc + 1, Some(c), after) {
                    return true;
                }
            }
            std::mem::swap(&mut current, &mut following);
            following.clear();
            prev = Some(c);
            next = after;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Inst, Pattern};

    fn matches(pattern: &str, text: &str) -> bool {
        Pattern::new(pattern).unwrap().is_match(text)
    }

    #[test]
    fn starting_characters_skip_no_match() {
        // Alternations, case folding, classes and assertions at the start, non-ASCII starts.
        assert!(matches(r"\b(share|tweet)\b", "xx — share this"));
        assert!(!matches(r"\b(share|tweet)\b", "reshare"));
        assert!(matches("(?i)photo:", "a PHOTO: b"));
        assert!(matches("[é-ë]t[ée]", "l'été"));
        assert!(matches(r"\d+ min", "read in 5 min"));
        assert!(matches("ü|x", "grün"));
        // Patterns that match the empty text, or start with `.`, have no starting set.
        assert!(matches("a*", "zzz"));
        assert!(matches(".b", "ab"));
        assert!(!matches("^b", "ab"));
        assert!(matches("$", "ab"));
    }

    #[test]
    fn pruned_threads_never_lose_a_match() {
        // Alternatives that begin optionally, with an assertion, with a class, with nothing,
        // or at the text's end: a thread is dropped only where its next character (or the
        // end) cannot begin what it reads.
        let p = r"(?i)^\s*(x?ab|\bcd|e*f|[0-9]g|(h|)i|j$|k\b)";
        for (text, want) in [
            ("ab", true),
            ("XAB", true),
            (" cd", true),
            ("f", true),
            ("eeef", true),
            ("7g", true),
            ("hi", true),
            ("i", true),
            ("j", true),
            ("jj", false),
            ("k", true),
            ("kk", false),
            ("xb", false),
            ("", false),
        ] {
            assert_eq!(matches(p, text), want, "{text:?}");
        }
        // A large alternation, split in halves: each of its words, and none other.
        let words: Vec<String> = (0..300).map(|i| format!("w{i}x")).collect();
        let big = Pattern::new(&format!("^({})$", words.join("|"))).unwrap();
        assert!(words.iter().all(|w| big.is_match(w)));
        assert!(!big.is_match("w300x") && !big.is_match("w1") && !big.is_match(""));
    }

    #[test]
    fn answers_do_not_depend_on_the_calls_before() {
        // The thread lists are kept between calls: a long program's, then a short one's.
        let long = Pattern::new(r"^\s*(share|tweet|email|print|follow us)\s*$").unwrap();
        let short = Pattern::new("a.c").unwrap();
        for _ in 0..3 {
            assert!(long.is_match(" follow us "));
            assert!(!short.is_match("ab"));
            assert!(!long.is_match("share this story"));
            assert!(short.is_match("xabc"));
        }
    }

    #[test]
    fn thread_stamps_survive_their_generation_wrapping() {
        let mut threads = super::Threads::new();
        threads.make_room(4);
        threads.generation = u32::MAX - 1;
        for _ in 0..3 {
            threads.clear();
            assert!(threads.insert(2));
            assert!(!threads.insert(2));
            assert!(threads.insert(3));
        }
    }

    #[test]
    fn literals_and_anchors() {
        assert!(matches("ab", "xaby"));
        assert!(!matches("^ab", "xab"));
        assert!(matches("ab$", "xab"));
        assert!(!matches("ab$", "xab\n"));
        assert!(matches("", "anything"));
        assert!(matches("^$", ""));
    }

    #[test]
    fn case_folding_is_ascii_only_and_scoped_to_its_group() {
        assert!(matches("(?i)über", "üBER"));
        assert!(!matches("(?i)Über", "über"));
        assert!(matches("a(?i:b)c", "aBc"));
        assert!(!matches("a(?i:b)c", "aBC"));
        assert!(matches("(?i)[a-c]x", "BX"));
    }

    #[test]
    fn classes_ranges_and_negation() {
        assert!(matches(r"^[\w .-]+$", "a-b c.d_e"));
        assert!(!matches(r"^[\w .-]+$", "a/b"));
        assert!(matches(r"^[^:;]{1,3}$", "abc"));
        assert!(!matches(r"^[^:;]{1,3}$", "a:c"));
        assert!(matches(r"[\s|·•,()\[\]–-]", "x–y"));
        assert!(matches(r"^[]a]$", "]"));
        assert!(matches(r"^[-a]$", "-"));
        assert!(!matches(r"\s", "\u{a0}"), "\\s is ASCII whitespace only");
    }

    #[test]
    fn repetitions() {
        assert!(matches(r"^a{2,3}$", "aaa"));
        assert!(!matches(r"^a{2,3}$", "aaaa"));
        assert!(!matches(r"^a{2,3}$", "a"));
        assert!(matches(r"^a{2}$", "aa"));
        assert!(matches(r"^a{2,}$", "aaaaa"));
        assert!(matches(r"^(ab)+?$", "abab"));
        assert!(matches(r"^(a*)*$", "aaa"));
        assert!(matches(r"^(a|)*b$", "aab"));
    }

    #[test]
    fn word_boundaries_are_ascii() {
        assert!(matches(r"\bread more\b", "to read more."));
        assert!(!matches(r"\bread\b", "reading"));
        assert!(matches(r"x\b", "xé"), "é is no ASCII word character");
        assert!(matches(r"a\Bb", "ab"));
    }

    #[test]
    fn unsupported_syntax_is_an_error() {
        for bad in [
            r"(?m)^a",
            r"\p{L}",
            r"[[:alpha:]]",
            r"a{2",
            r"(a",
            r"a)",
            r"*a",
            r"[a&&b]",
            r"\<a",
        ] {
            assert!(Pattern::new(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_long_hostile_text_takes_linear_time() {
        // Nested repetitions a backtracking matcher would take exponential time over.
        let p = Pattern::new(r"^(a+)+$").unwrap();
        let text = format!("{}b", "a".repeat(20_000));
        assert!(!p.is_match(&text));
    }

    /// Every tunable pattern (`tunables.rs`).
    fn tunable_patterns() -> Vec<&'static str> {
        use crate::tunables as t;
        vec![
            t::SHARE_ELEMENTS.pattern(),
            t::AD_WORDS.pattern(),
            t::LOADING_WORDS.pattern(),
            t::BOILERPLATE_LINE.pattern(),
            t::POST_ACTIONS.pattern(),
            t::POST_META.pattern(),
            t::POST_NUMBER.pattern(),
            t::POST_MARK_LINE.pattern(),
            t::CREDIT_LINE.pattern(),
            t::CAPTION_CREDIT.pattern(),
            t::BOILERPLATE_PHRASE.pattern(),
            t::DATE_LINE.pattern(),
            t::NOTICE.pattern(),
            t::AUTHOR_BIO.pattern(),
            t::SIGNUP_BOX.pattern(),
            t::TRAILING_SECTION_HEADING.pattern(),
            t::REVIEWS_HEADING.pattern(),
            t::CODE_LINE_NUMBER_CLASS.pattern(),
            t::EMBEDDED_POST.pattern(),
            t::COOKIE_OVERLAY.pattern(),
            t::SOCIAL_LINK.pattern(),
        ]
    }

    #[test]
    fn the_list_of_tunable_patterns_is_complete() {
        let source = include_str!("tunables.rs");
        let declared =
            source.matches(": Lowercased =").count() + source.matches(": Guarded =").count();
        assert_eq!(
            declared,
            tunable_patterns().len(),
            "a pattern in tunables.rs is missing from tunable_patterns()"
        );
    }

    /// A seeded xorshift: each call gives a number below its argument (0 for 0).
    fn random_below(seed: u64) -> impl FnMut(usize) -> usize {
        let mut state = seed | 1;
        move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n.max(1) as u64) as usize
        }
    }

    /// Texts near each pattern's matches: its own words (as written, capitalised, shouted),
    /// digits, spaces and the punctuation the patterns name, strung together at random (a fixed
    /// seed), and the text of the fixture pages line by line.
    fn texts_for(pattern: &str, seed: u64) -> Vec<String> {
        let mut random = random_below(seed);
        let mut words: Vec<String> = pattern
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| !w.is_empty() && w.len() < 30)
            .map(str::to_string)
            .collect();
        let extra = [
            "1", "12", "2024", "3.5", "k", "#", ":", "：", "©", "(c)", "|", "·", "•", "-", "–",
            "/", "(", ")", "[", "]", ".", ",", "...", "…", "!", "?", "@", "_", "\n", "\t",
            "\u{a0}", "é", "ü", "Ä", "ß", "x", "st", "am", "pm", "uhr", "on", "the",
        ];
        words.extend(extra.iter().map(|s| s.to_string()));
        let mut out = Vec::new();
        for _ in 0..4000 {
            let mut text = String::new();
            if random(4) == 0 {
                text.push(' ');
            }
            for k in 0..1 + random(6) {
                if k > 0 {
                    text.push_str([" ", " ", " ", "", "  ", "-", ": ", "/"][random(8)]);
                }
                let w = &words[random(words.len())];
                match random(6) {
                    0 => text.push_str(&w.to_uppercase()),
                    1 => {
                        let mut c = w.chars();
                        if let Some(f) = c.next() {
                            text.extend(f.to_uppercase());
                            text.push_str(c.as_str());
                        }
                    }
                    _ => text.push_str(w),
                }
            }
            if random(4) == 0 {
                text.push_str([" ", ".", ":", "!", "\n", " 2024"][random(6)]);
            }
            out.push(text);
        }
        out
    }

    /// Texts the pattern's own program spells out (a random way through it, a fixed seed),
    /// as they are and with a character dropped, doubled or changed: its matches and their
    /// nearest misses.
    fn sampled_texts(pattern: &Pattern, seed: u64) -> Vec<String> {
        let mut random = random_below(seed);
        let mut out = Vec::new();
        for _ in 0..3000 {
            let mut text = String::new();
            let mut pc = 0usize;
            for _ in 0..400 {
                match pattern.program[pc] {
                    Inst::Match => break,
                    Inst::Char(c) => text.push(c),
                    Inst::Fold(b) => text.push(if random(2) == 0 {
                        b as char
                    } else {
                        (b as char).to_ascii_uppercase()
                    }),
                    Inst::Any => text.push(['a', ' ', 'é', '.', '1'][random(5)]),
                    Inst::Class(k) => {
                        let ranges = &pattern.classes[k as usize].ranges;
                        let (lo, hi) = ranges[random(ranges.len())];
                        let span = (u32::from(hi) - u32::from(lo)).min(300);
                        text.push(
                            char::from_u32(u32::from(lo) + random(span as usize + 1) as u32)
                                .unwrap_or(lo),
                        );
                    }
                    Inst::Split(a, b) => {
                        pc = if random(2) == 0 { a } else { b } as usize;
                        continue;
                    }
                    Inst::Jump(to) => {
                        pc = to as usize;
                        continue;
                    }
                    Inst::Assert(_) => {}
                }
                pc += 1;
            }
            let chars: Vec<char> = text.chars().collect();
            if !chars.is_empty() {
                let at = random(chars.len());
                let mut changed = chars.clone();
                match random(3) {
                    0 => {
                        changed.remove(at);
                    }
                    1 => changed.insert(at, chars[at]),
                    _ => changed[at] = ['x', ' ', '-', 'É', '9'][random(5)],
                }
                out.push(changed.into_iter().collect());
            }
            out.push(text);
        }
        out
    }

    fn fixture_texts() -> Vec<String> {
        let mut out = Vec::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
        let mut dirs = vec![root];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "html") {
                    let html = std::fs::read_to_string(&path).unwrap_or_default();
                    for chunk in html.split('<') {
                        let (tag, text) = chunk.split_once('>').unwrap_or((chunk, ""));
                        for s in [tag, text] {
                            for line in s.lines() {
                                out.push(line.to_string());
                                out.push(line.to_lowercase());
                            }
                        }
                    }
                }
            }
        }
        out
    }

    #[test]
    fn every_tunable_pattern_matches_what_regex_lite_matched() {
        let fixtures = fixture_texts();
        assert!(fixtures.len() > 1000);
        for (i, pattern) in tunable_patterns().into_iter().enumerate() {
            let ours = Pattern::new(pattern).unwrap();
            let theirs = regex_lite::Regex::new(pattern).unwrap();
            let mut matched = 0;
            let sampled = sampled_texts(&ours, 0x2545_F491_4F6C_DD1D ^ i as u64);
            for text in texts_for(pattern, 0x9E37_79B9_7F4A_7C15 ^ i as u64)
                .iter()
                .chain(&sampled)
                .chain(&fixtures)
            {
                let expected = theirs.is_match(text);
                assert_eq!(ours.is_match(text), expected, "{pattern:?} on {text:?}");
                matched += usize::from(expected);
            }
            // The generated texts reach the pattern's matches, not only its misses.
            assert!(matched > 1000, "few texts matched {pattern:?}");
        }
    }
}

//! A byte form of regex-automata's Thompson NFAs, so the cue lists are
//! compiled once by build.rs and only loaded at run time (issue 15: the
//! run-time regex compile cost 110-160 ms on first use in the browser and
//! brought the regex parser's Unicode tables into the wasm).
//!
//! build.rs includes this file for [`encode`]; the core uses [`decode`],
//! which replays the states into `thompson::Builder` in the same order, so
//! every state keeps its id and the loaded NFA is the compiled one.
//!
//! Format: a flags byte (1: UTF-8 mode, 2: reverse), then varints: the
//! anchored start, the unanchored start, the pattern's start, the number of
//! states, then each state as a tag and its fields. A state's targets are
//! written as their distance from the state (zigzag): mostly small and
//! repeated, they take one byte and compress (absolute ids made the cue
//! bytes 2.7 times larger in the gzipped wasm).

use regex_automata::nfa::thompson::{State, NFA};
use regex_automata::{
    nfa::thompson::{Builder, Transition},
    util::{look::Look, primitives::StateID},
    PatternID,
};

const RANGE: u8 = 0;
const SPARSE: u8 = 1;
const LOOK: u8 = 2;
const UNION: u8 = 3;
const FAIL: u8 = 4;
const MATCH: u8 = 5;

fn put(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// `nfa` in the byte form [`decode`] reads. Panics on capture states (the
/// cue NFAs are compiled without them) and on more than one pattern.
#[allow(dead_code)] // used by build.rs, which includes this file
pub fn encode(nfa: &NFA) -> Vec<u8> {
    assert_eq!(nfa.pattern_len(), 1, "one pattern per cue list");
    let mut out = vec![u8::from(nfa.is_utf8()) | (u8::from(nfa.is_reverse()) << 1)];
    put(&mut out, nfa.start_anchored().as_usize());
    put(&mut out, nfa.start_unanchored().as_usize());
    put(
        &mut out,
        nfa.start_pattern(PatternID::ZERO).unwrap().as_usize(),
    );
    put(&mut out, nfa.states().len());
    for (sid, state) in nfa.states().iter().enumerate() {
        let at = |out: &mut Vec<u8>, next: StateID| put_rel(out, sid, next);
        match state {
            State::ByteRange { trans } => {
                out.extend([RANGE, trans.start, trans.end]);
                at(&mut out, trans.next);
            }
            State::Sparse(s) => sparse(&mut out, sid, &s.transitions),
            State::Dense(d) => {
                // Runs of bytes with one target, as a sparse state.
                let mut ts = vec![];
                for (b, &next) in d.transitions.iter().enumerate() {
                    if next == StateID::ZERO {
                        continue;
                    }
                    match ts.last_mut() {
                        Some(Transition { end, next: n, .. })
                            if *n == next && usize::from(*end) + 1 == b =>
                        {
                            *end = b as u8
                        }
                        _ => ts.push(Transition {
                            start: b as u8,
                            end: b as u8,
                            next,
                        }),
                    }
                }
                sparse(&mut out, sid, &ts)
            }
            State::Look { look, next } => {
                out.push(LOOK);
                put(&mut out, look.as_repr() as usize);
                at(&mut out, *next);
            }
            State::Union { alternates } => union(&mut out, sid, alternates),
            State::BinaryUnion { alt1, alt2 } => union(&mut out, sid, &[*alt1, *alt2]),
            State::Capture { .. } => panic!("cue NFAs are compiled without captures"),
            State::Fail => out.push(FAIL),
            State::Match { .. } => out.push(MATCH),
        }
    }
    out
}

/// `next` as its zigzag distance from state `sid`.
fn put_rel(out: &mut Vec<u8>, sid: usize, next: StateID) {
    let d = next.as_usize() as i64 - sid as i64;
    put(out, ((d << 1) ^ (d >> 63)) as usize);
}

fn sparse(out: &mut Vec<u8>, sid: usize, ts: &[Transition]) {
    out.push(SPARSE);
    put(out, ts.len());
    for t in ts {
        out.extend([t.start, t.end]);
        put_rel(out, sid, t.next);
    }
}

fn union(out: &mut Vec<u8>, sid: usize, alts: &[StateID]) {
    out.push(UNION);
    put(out, alts.len());
    for &a in alts {
        put_rel(out, sid, a);
    }
}

/// A reader over the byte form; every read panics on truncated input, as
/// the bytes are build.rs's own output.
struct Reader<'a>(&'a [u8]);

#[allow(dead_code)] // build.rs includes this file and only encodes
impl Reader<'_> {
    fn byte(&mut self) -> u8 {
        let (b, rest) = self.0.split_first().expect("complete cue NFA");
        self.0 = rest;
        *b
    }

    fn num(&mut self) -> usize {
        let (mut n, mut shift) = (0usize, 0);
        loop {
            let b = self.byte();
            n |= usize::from(b & 0x7f) << shift;
            if b < 0x80 {
                return n;
            }
            shift += 7;
        }
    }

    fn id(&mut self) -> StateID {
        StateID::new(self.num()).unwrap_or_else(|_| panic!("valid state id"))
    }

    /// A target written by `put_rel` from state `sid`.
    fn rel(&mut self, sid: usize) -> StateID {
        let zz = self.num() as i64;
        let d = (zz >> 1) ^ -(zz & 1);
        StateID::new((sid as i64 + d) as usize).unwrap_or_else(|_| panic!("valid state id"))
    }
}

/// The NFA [`encode`] wrote into `bytes`.
#[allow(dead_code)] // build.rs includes this file and only encodes
pub fn decode(bytes: &[u8]) -> NFA {
    let mut r = Reader(bytes);
    let flags = r.byte();
    let mut b = Builder::new();
    b.set_utf8(flags & 1 != 0);
    b.set_reverse(flags & 2 != 0);
    let (anchored, unanchored, pattern) = (r.id(), r.id(), r.id());
    let n = r.num();
    b.start_pattern().unwrap_or_else(|_| panic!("one pattern"));
    let built = |res: Result<StateID, regex_automata::nfa::thompson::BuildError>| {
        res.unwrap_or_else(|_| panic!("states fit the builder"))
    };
    for sid in 0..n {
        match r.byte() {
            RANGE => {
                let (start, end) = (r.byte(), r.byte());
                let next = r.rel(sid);
                built(b.add_range(Transition { start, end, next }));
            }
            SPARSE => {
                let ts = (0..r.num())
                    .map(|_| {
                        let (start, end) = (r.byte(), r.byte());
                        Transition {
                            start,
                            end,
                            next: r.rel(sid),
                        }
                    })
                    .collect();
                built(b.add_sparse(ts));
            }
            LOOK => {
                let look = Look::from_repr(r.num() as u32).expect("valid look");
                let next = r.rel(sid);
                built(b.add_look(next, look));
            }
            UNION => {
                let alts = (0..r.num()).map(|_| r.rel(sid)).collect();
                built(b.add_union(alts));
            }
            FAIL => {
                built(b.add_fail());
            }
            MATCH => {
                built(b.add_match());
            }
            t => panic!("unknown cue NFA state tag {t}"),
        };
    }
    assert!(r.0.is_empty(), "trailing bytes after the cue NFA");
    b.finish_pattern(pattern)
        .unwrap_or_else(|_| panic!("one pattern"));
    b.build(anchored, unanchored)
        .unwrap_or_else(|_| panic!("the compiled NFA rebuilds"))
}

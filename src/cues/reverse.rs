//! The reverse NFA of a cue list, built at load time from its forward NFA
//! instead of shipped as a second byte form: the reverse NFAs were 220 KB
//! of the wasm's 411 KB of cue bytes (30 KB gzipped, issue 15).
//!
//! The reverse search only finds where a match found by the forward search
//! starts: it is anchored at the match's end and keeps every match
//! (`MatchKind::All`), so it depends only on the language the reverse NFA
//! accepts, not on its states' order or priorities. Any NFA for the
//! reversed language gives the same starts as the one build.rs compiled;
//! this one is the forward NFA with every edge turned around.

use regex_automata::nfa::thompson::{Builder, State, Transition, NFA};
use regex_automata::util::primitives::StateID;

/// An NFA accepting the reverse of what `forward` accepts from its
/// anchored start, for anchored searches only (its unanchored start is the
/// anchored one). Panics on capture states, which cue NFAs do not have.
pub fn reverse(forward: &NFA) -> NFA {
    let built = |res: Result<StateID, regex_automata::nfa::thompson::BuildError>| {
        res.unwrap_or_else(|_| panic!("states fit the builder"))
    };
    let n = forward.states().len();
    let mut b = Builder::new();
    b.set_utf8(forward.is_utf8());
    b.set_reverse(true);
    b.start_pattern().unwrap_or_else(|_| panic!("one pattern"));
    // One union per forward state: the ways back out of it. Its
    // alternates are added below, as the forward edges into it are seen.
    let back: Vec<StateID> = (0..n).map(|_| built(b.add_union(vec![]))).collect();
    let done = built(b.add_match());
    let into = |b: &mut Builder, to: usize, from: StateID| {
        b.patch(back[to], from)
            .unwrap_or_else(|_| panic!("a union takes alternates"));
    };
    into(&mut b, forward.start_anchored().as_usize(), done);
    // Only the states the anchored start reaches: the forward NFA's
    // unanchored prefix is no part of any match.
    let mut seen = vec![false; n];
    let mut stack = vec![forward.start_anchored()];
    seen[forward.start_anchored().as_usize()] = true;
    let mut start = None;
    while let Some(sid) = stack.pop() {
        let s = sid.as_usize();
        let mut edge = |b: &mut Builder, next: StateID, step: StateID| {
            into(b, next.as_usize(), step);
            if !std::mem::replace(&mut seen[next.as_usize()], true) {
                stack.push(next);
            }
        };
        // A byte step into `next` becomes, reversed, the same bytes back
        // out of `next` into this state's union.
        let mut ranges = |b: &mut Builder, ts: &mut dyn Iterator<Item = Transition>| {
            let mut by_target: Vec<(StateID, Vec<Transition>)> = vec![];
            for t in ts {
                let back_to = Transition { next: back[s], ..t };
                match by_target.iter_mut().find(|(next, _)| *next == t.next) {
                    Some((_, list)) => list.push(back_to),
                    None => by_target.push((t.next, vec![back_to])),
                }
            }
            for (next, list) in by_target {
                let step = built(b.add_sparse(list));
                edge(b, next, step);
            }
        };
        match forward.state(sid) {
            // Most states: one range, no grouping (all 24 lists reversed in
            // 10.2 ms instead of 18.0, natively on a loaded machine).
            State::ByteRange { trans } => {
                let step = built(b.add_range(Transition {
                    next: back[s],
                    ..*trans
                }));
                edge(&mut b, trans.next, step);
            }
            State::Sparse(sp) => ranges(&mut b, &mut sp.transitions.iter().copied()),
            State::Dense(d) => ranges(
                &mut b,
                &mut (0..=255u8).filter_map(|byte| {
                    let next = d.transitions[usize::from(byte)];
                    // StateID::ZERO: no transition on this byte (the dead state).
                    (next != StateID::ZERO).then_some(Transition {
                        start: byte,
                        end: byte,
                        next,
                    })
                }),
            ),
            State::Look { look, next } => {
                let step = built(b.add_look(back[s], look.reversed()));
                edge(&mut b, *next, step);
            }
            State::Union { alternates } => {
                for &alt in alternates.iter() {
                    edge(&mut b, alt, back[s]);
                }
            }
            State::BinaryUnion { alt1, alt2 } => {
                edge(&mut b, *alt1, back[s]);
                edge(&mut b, *alt2, back[s]);
            }
            State::Capture { .. } => panic!("cue NFAs are compiled without captures"),
            State::Fail => {}
            State::Match { .. } => start = Some(back[s]),
        }
    }
    let start = start.expect("the cue NFA has a match state");
    b.finish_pattern(start)
        .unwrap_or_else(|_| panic!("one pattern"));
    b.build(start, start)
        .unwrap_or_else(|_| panic!("the reversed NFA builds"))
}

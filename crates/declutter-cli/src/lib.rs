//! What the `declutter` tool measures the core with: `eval` scores the
//! pipeline on the development corpora, `eval::bench` times it. A library
//! so the quality gate (`tests/quality_gate.rs`) can run it; no part of the
//! core's API.

pub mod eval;

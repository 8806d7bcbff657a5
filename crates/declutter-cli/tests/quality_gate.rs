//! Quality gate: scores the pipeline on the shared development corpora and
//! fails when any figure drops below its floor in `tests/floors.json`.
//!
//! A floor named `max_<figure>` is a ceiling instead (e.g. `max_leak`).
//! Raise the floors whenever the classifier improves, so that a later
//! change cannot quietly undo the gain.

use declutter_cli::eval::{run, EvalConfig, FIGURES};
use std::path::Path;

/// Slack for floors written as rounded decimals.
const EPSILON: f64 = 1e-9;

#[test]
fn scores_stay_above_their_floors() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    assert!(
        shared.join("corpus").is_dir(),
        "quality gate: the shared corpora are missing: expected {} (with corpus/ and fixtures/)",
        shared.display()
    );
    let cfg = EvalConfig {
        corpus: shared.join("corpus"),
        fixtures: shared.join("fixtures"),
        verbose: false,
    };
    let report = run(&cfg).unwrap_or_else(|e| panic!("quality gate: evaluation failed: {e}"));
    println!("{report}");

    let floors_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/floors.json");
    let floors_text = std::fs::read_to_string(&floors_path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", floors_path.display()));
    let floors: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&floors_text)
        .unwrap_or_else(|e| panic!("{} is not a JSON object: {e}", floors_path.display()));
    assert!(
        !floors.is_empty(),
        "{} holds no floors",
        floors_path.display()
    );

    let mut broken = Vec::new();
    for (name, limit) in &floors {
        let limit = limit
            .as_f64()
            .unwrap_or_else(|| panic!("floor {name} is not a number"));
        let (figure, is_ceiling) = match name.strip_prefix("max_") {
            Some(f) => (f, true),
            None => (name.as_str(), false),
        };
        let value = report.figure(figure).unwrap_or_else(|| {
            panic!("floor {name}: unknown figure '{figure}' (known: {FIGURES:?})")
        });
        if is_ceiling && value > limit + EPSILON {
            broken.push(format!(
                "{figure} = {value:.4} rose above its ceiling {limit}"
            ));
        } else if !is_ceiling && value < limit - EPSILON {
            broken.push(format!(
                "{figure} = {value:.4} fell below its floor {limit}"
            ));
        }
    }
    assert!(
        broken.is_empty(),
        "quality gate failed:\n  {}",
        broken.join("\n  ")
    );
}

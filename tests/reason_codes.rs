//! Every reason code the core can emit is listed where readers look for
//! them: the package's TypeScript types and the README; so is every
//! message id of the reasons people read (`WhyId`), in the types.

use declutter::{ReasonCode, WhyId};

fn read(path: &str) -> String {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

#[test]
fn every_reason_code_is_in_the_typescript_types_and_the_readme() {
    let types = read("crates/declutter-wasm/js/declutter.d.ts");
    let readme = read("README.md");
    let union_start = types
        .find("export type ReasonCode =")
        .expect("ReasonCode type");
    let union = &types[union_start..union_start + types[union_start..].find(';').unwrap()];
    let listed = union.matches("| \"").count();
    assert_eq!(listed, ReasonCode::ALL.len(), "{union}");
    for code in ReasonCode::ALL {
        let code = code.as_str();
        assert!(
            union.contains(&format!("\"{code}\"")),
            "{code} not in declutter.d.ts"
        );
        assert!(
            readme.contains(&format!("`{code}`")),
            "{code} not in README.md"
        );
    }
}

#[test]
fn every_why_id_is_in_the_typescript_types() {
    let types = read("crates/declutter-wasm/js/declutter.d.ts");
    let union_start = types.find("export type WhyId =").expect("WhyId type");
    let union = &types[union_start..union_start + types[union_start..].find(';').unwrap()];
    assert_eq!(union.matches("| \"").count(), WhyId::ALL.len(), "{union}");
    for id in WhyId::ALL {
        assert!(
            union.contains(&format!("\"{id}\"")),
            "{id} not in declutter.d.ts"
        );
    }
}

//! Where the development corpora live: `../shared`, beside the repository.

use std::path::PathBuf;

/// The shared folder; a clear failure when it is missing.
pub fn shared() -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    assert!(
        p.is_dir(),
        "../shared is missing beside the repository: {}",
        p.display()
    );
    p
}

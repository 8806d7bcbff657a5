//! Prints a page's blocks one per line: a quick look while tuning.
//! `cargo run --example dump -- FILE [URL]`

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: dump FILE [URL]");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("dump: {path}: {e}");
            std::process::exit(2);
        }
    };
    let options = match args.get(2) {
        Some(u) => declutter::Options::with_url(u).unwrap_or_default(),
        None => declutter::Options::default(),
    };
    match declutter::analyze_html(&bytes, &options) {
        Ok(a) => {
            for b in &a.blocks {
                let codes: Vec<&str> = b.reasons.iter().map(|r| r.code.as_str()).collect();
                let limit = if std::env::var_os("DUMP_FULL").is_some() {
                    usize::MAX
                } else {
                    90
                };
                let head: String = b.text.chars().take(limit).collect();
                println!(
                    "{:<11} {:.2} {:<28} {}",
                    b.kind.as_str(),
                    b.confidence,
                    codes.join(","),
                    head
                );
            }
            println!(
                "--- article ({} words) ---\n{}",
                a.article.word_count, a.article.text
            );
        }
        Err(e) => eprintln!("dump: {path}: {e}"),
    }
}

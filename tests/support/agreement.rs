//! The block agreement figure shared by the native and browser twins.
//!
//! For one page, the two fronts' blocks are aligned as sequences of
//! (kind, text) pairs by their longest common subsequence; the page's
//! agreement is `matched / max(len_a, len_b)`, so a block missing, extra,
//! split, merged, re-worded or re-kinded on either side counts against it.
//! A corpus figure pools the pages: `Σ matched / Σ max(len_a, len_b)` (a
//! page with many blocks weighs more than a stub).

use declutter::{Block, Kind};

/// One block as the comparison sees it.
pub type Pair = (Kind, String);

/// The (kind, text) pairs of an analysis's blocks.
pub fn pairs(blocks: &[Block]) -> Vec<Pair> {
    blocks.iter().map(|b| (b.kind, b.text.clone())).collect()
}

/// How one page's two block sequences compare.
#[derive(Debug, Clone)]
pub struct PageAgreement {
    /// The page, as the report names it.
    pub page: String,
    /// Blocks in the LCS alignment.
    pub matched: usize,
    /// The longer sequence's length.
    pub total: usize,
    /// The first block that differs, from each side, when one does.
    pub hint: Option<String>,
}

impl PageAgreement {
    /// The page's agreement, 1 for two empty sequences.
    pub fn ratio(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.matched as f64 / self.total as f64
        }
    }
}

/// Aligns `a` (the html5ever front) with `b` (the other front).
pub fn compare(page: &str, a: &[Pair], b: &[Pair]) -> PageAgreement {
    // The common prefix and suffix are nearly always most of the page:
    // the quadratic table covers only the middle.
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a_mid, b_mid) = (&a[prefix..], &b[prefix..]);
    let suffix = a_mid
        .iter()
        .rev()
        .zip(b_mid.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a_mid, b_mid) = (
        &a_mid[..a_mid.len() - suffix],
        &b_mid[..b_mid.len() - suffix],
    );
    let lcs = lcs_len(a_mid, b_mid);
    let hint = (!a_mid.is_empty() || !b_mid.is_empty()).then(|| {
        format!(
            "block {prefix}: html5ever {} | browser {}",
            describe(a_mid.first()),
            describe(b_mid.first())
        )
    });
    PageAgreement {
        page: page.to_string(),
        matched: prefix + suffix + lcs,
        total: a.len().max(b.len()),
        hint,
    }
}

fn lcs_len(a: &[Pair], b: &[Pair]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

fn describe(pair: Option<&Pair>) -> String {
    match pair {
        None => "(none)".to_string(),
        Some((kind, text)) => {
            let short: String = text.chars().take(60).collect();
            let more = if text.chars().count() > 60 { "…" } else { "" };
            format!(
                "[{}] {short:?}{more} ({} chars)",
                kind.as_str(),
                text.chars().count()
            )
        }
    }
}

/// The pooled figures of one corpus.
#[derive(Debug, Default)]
pub struct CorpusAgreement {
    /// The corpus's name.
    pub name: String,
    /// Every page compared.
    pub pages: Vec<PageAgreement>,
    /// Pages one front could not analyse, with why.
    pub failures: Vec<String>,
}

impl CorpusAgreement {
    /// An empty tally for corpus `name`.
    pub fn new(name: &str) -> Self {
        CorpusAgreement {
            name: name.to_string(),
            ..Default::default()
        }
    }

    /// `Σ matched / Σ max(len)` over the pages.
    pub fn ratio(&self) -> f64 {
        let (m, t) = self.sums();
        if t == 0 {
            1.0
        } else {
            m as f64 / t as f64
        }
    }

    fn sums(&self) -> (usize, usize) {
        self.pages
            .iter()
            .fold((0, 0), |(m, t), p| (m + p.matched, t + p.total))
    }

    /// One line: the figure, blocks and pages.
    pub fn summary(&self) -> String {
        let (m, t) = self.sums();
        let identical = self.pages.iter().filter(|p| p.matched == p.total).count();
        format!(
            "{}: block agreement {:.3}% ({m} of {t} blocks); {identical} of {} pages identical; {} failed",
            self.name,
            100.0 * self.ratio(),
            self.pages.len(),
            self.failures.len()
        )
    }
}

/// The report: per-corpus lines, then the `worst` lowest pages over all
/// corpora with a diff hint, then failures.
pub fn report(corpora: &[CorpusAgreement], worst: usize) -> String {
    let mut out = String::new();
    out.push_str("Block agreement = Σ LCS((kind, text) pairs) / Σ max(blocks of either front), pooled over pages\n");
    for c in corpora {
        out.push_str(&c.summary());
        out.push('\n');
    }
    let mut all: Vec<&PageAgreement> = corpora
        .iter()
        .flat_map(|c| &c.pages)
        .filter(|p| p.matched < p.total)
        .collect();
    all.sort_by(|x, y| x.ratio().total_cmp(&y.ratio()));
    if !all.is_empty() {
        out.push_str(&format!("{} page(s) differ; the worst:\n", all.len()));
    }
    for p in all.iter().take(worst) {
        out.push_str(&format!(
            "  {:6.2}% {}/{} {}: {}\n",
            100.0 * p.ratio(),
            p.matched,
            p.total,
            p.page,
            p.hint.as_deref().unwrap_or("")
        ));
    }
    for c in corpora {
        for f in &c.failures {
            out.push_str(&format!("  failed ({}): {f}\n", c.name));
        }
    }
    out
}

//! The scores of one evaluation run: fields for the quality gate, a JSON
//! form for machines and the table `declutter eval` prints.

use super::blocks::Misclassified;
use super::confusion::{Confusion, COLUMN_NAMES};
use super::pages::Failure;
use super::readability::{FieldAgreement, PageText};
use super::snippets::SnippetCounts;
use super::text::head;
use super::trafilatura::PageResult;
use declutter::Kind;
use serde::Serialize;
use serde_json::{json, Value};
use std::fmt;

/// Published figures of other extractors (precision/recall or F1 pairs as
/// the project brief gives them), printed beside ours for scale.
const PEERS: &str = "(peers: Readability.js 0.985/0.889, trafilatura 0.928/0.921)";

/// Snippet heads in listings are cut to this many characters.
const SNIPPET_HEAD: usize = 70;
/// Missed snippets shown per page in the worst-page listing.
const SNIPPETS_PER_PAGE: usize = 3;

/// Text scores on the Readability.js corpus.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ReadabilityScores {
    /// Pages scored.
    pub pages: usize,
    /// Mean per-page shingle precision.
    pub precision: f64,
    /// Mean per-page shingle recall.
    pub recall: f64,
    /// F1 of the two means.
    pub f1: f64,
    /// Mean of per-page F1.
    pub mean_page_f1: f64,
}

/// Snippet scores on the trafilatura corpus.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TrafilaturaScores {
    /// Pages scored.
    pub pages: usize,
    /// Snippet outcomes over all pages.
    pub counts: SnippetCounts,
    /// tp / (tp + fp).
    pub precision: f64,
    /// tp / (tp + fn).
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
    /// Share of snippets judged right.
    pub accuracy: f64,
}

/// Block-kind scores on the labelled corpus.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BlockScores {
    /// Labelled pages.
    pub pages: usize,
    /// Labelled against predicted kinds.
    #[serde(skip)]
    pub confusion: Confusion,
    /// Recall of `content` snippets.
    pub content_recall: f64,
    /// Recall of `promo` snippets.
    pub promo_recall: f64,
    /// Recall of `related` snippets.
    pub related_recall: f64,
    /// Recall of `boilerplate` snippets.
    pub boilerplate_recall: f64,
    /// Promo and related snippets found in the article text.
    pub leaked: usize,
    /// Promo and related snippets in all.
    pub leak_candidates: usize,
    /// leaked / leak_candidates.
    pub leak: f64,
    /// Seed-page snippets predicted right.
    pub seed_correct: usize,
    /// Seed-page snippets.
    pub seed_total: usize,
    /// Related snippets.
    pub related: usize,
    /// Related snippets whose block is labelled "Advertisement" or
    /// "Sponsored".
    pub related_called_ad: usize,
    /// related_called_ad / related.
    pub related_called_ad_share: f64,
}

impl BlockScores {
    /// Recall of one kind.
    pub fn recall(&self, kind: Kind) -> f64 {
        self.confusion.recall(kind)
    }
}

/// The per-page lists verbose mode prints.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Detail {
    /// The Readability pages with the lowest F1, worst first.
    pub worst_readability: Vec<PageText>,
    /// The trafilatura pages with the most wrong snippets, worst first.
    pub worst_trafilatura: Vec<PageResult>,
    /// Every labelled snippet predicted wrong, by labelled kind, predicted
    /// kind and page.
    pub misclassified: Vec<Misclassified>,
    /// Every WCXB page's scores (the listing shows the worst per type).
    pub wcxb_pages: Vec<super::wcxb::WcxbPage>,
}

/// All scores of one run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Readability.js corpus text scores.
    pub readability: ReadabilityScores,
    /// trafilatura corpus snippet scores.
    pub trafilatura: TrafilaturaScores,
    /// Labelled block scores (`labels.json`).
    pub blocks: BlockScores,
    /// WCXB dev split word and shingle scores.
    pub wcxb: super::wcxb_report::WcxbScores,
    /// Labelled block scores of `labels-wcxb.json`.
    pub blocks_wcxb: BlockScores,
    /// Metadata agreement, one entry per field (title, byline, excerpt,
    /// lang, dir).
    pub metadata: Vec<FieldAgreement>,
    /// Pages the analysis failed on, scored as empty output.
    pub failures: Vec<Failure>,
    /// Per-page listings, present in verbose mode.
    pub detail: Option<Detail>,
    /// Wall-clock time of the run.
    pub seconds: f64,
}

/// Names of the figures [`Report::figure`] knows, for the quality gate and
/// JSON summary.
pub const FIGURES: &[&str] = &[
    "readability_precision",
    "readability_recall",
    "readability_f1",
    "trafilatura_precision",
    "trafilatura_recall",
    "trafilatura_f1",
    "trafilatura_accuracy",
    "content_recall",
    "promo_recall",
    "related_recall",
    "boilerplate_recall",
    "leak",
    "seed_correct",
    "title_share",
    "byline_share",
    "excerpt_share",
    "lang_share",
    "dir_share",
    "failures",
    // The WCXB figures (`wcxb_report::figure`).
    "wcxb_f1",
    "wcxb_article_f1",
    "wcxb_service_f1",
    "wcxb_forum_f1",
    "wcxb_listing_f1",
    "wcxb_product_f1",
    "wcxb_collection_f1",
    "wcxb_documentation_f1",
    "wcxb_shingle_f1",
    "wcxb_content_recall",
    "wcxb_promo_recall",
    "wcxb_related_recall",
    "wcxb_boilerplate_recall",
    "wcxb_leak",
    "related_as_promo",
    "wcxb_related_as_promo",
    "related_called_ad",
    "wcxb_related_called_ad",
];

impl Report {
    /// Agreement on one metadata field.
    pub fn field(&self, name: &str) -> Option<&FieldAgreement> {
        self.metadata.iter().find(|f| f.field == name)
    }

    /// One headline figure by name (see [`FIGURES`]); the quality gate's
    /// floors use these names.
    pub fn figure(&self, name: &str) -> Option<f64> {
        let share = |f: &str| self.field(f).map(FieldAgreement::share);
        Some(match name {
            "readability_precision" => self.readability.precision,
            "readability_recall" => self.readability.recall,
            "readability_f1" => self.readability.f1,
            "trafilatura_precision" => self.trafilatura.precision,
            "trafilatura_recall" => self.trafilatura.recall,
            "trafilatura_f1" => self.trafilatura.f1,
            "trafilatura_accuracy" => self.trafilatura.accuracy,
            "content_recall" => self.blocks.content_recall,
            "promo_recall" => self.blocks.promo_recall,
            "related_recall" => self.blocks.related_recall,
            "boilerplate_recall" => self.blocks.boilerplate_recall,
            "leak" => self.blocks.leak,
            "seed_correct" => self.blocks.seed_correct as f64,
            "title_share" => share("title")?,
            "byline_share" => share("byline")?,
            "excerpt_share" => share("excerpt")?,
            "lang_share" => share("lang")?,
            "dir_share" => share("dir")?,
            "failures" => self.failures.len() as f64,
            _ => return super::wcxb_report::figure(self, name),
        })
    }

    /// The whole report as JSON: a flat `summary` of [`FIGURES`], then the
    /// detailed sections.
    pub fn to_json(&self) -> Value {
        let summary: serde_json::Map<String, Value> = FIGURES
            .iter()
            .filter_map(|&n| self.figure(n).map(|v| (n.to_string(), json!(v))))
            .collect();
        let mut blocks = serde_json::to_value(&self.blocks).unwrap_or(Value::Null);
        if let Value::Object(m) = &mut blocks {
            m.insert("confusion".into(), self.blocks.confusion.to_json());
        }
        let mut blocks_wcxb = serde_json::to_value(&self.blocks_wcxb).unwrap_or(Value::Null);
        if let Value::Object(m) = &mut blocks_wcxb {
            m.insert("confusion".into(), self.blocks_wcxb.confusion.to_json());
        }
        json!({
            "summary": summary,
            "readability": self.readability,
            "trafilatura": self.trafilatura,
            "blocks": blocks,
            "wcxb": self.wcxb,
            "blocks_wcxb": blocks_wcxb,
            "metadata": self.metadata,
            "failures": self.failures,
            "detail": self.detail,
            "seconds": self.seconds,
        })
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = &self.readability;
        let t = &self.trafilatura;
        let b = &self.blocks;
        writeln!(f, "corpus        pages  precision  recall  F1     {PEERS}")?;
        writeln!(
            f,
            "readability   {:<6} {:<10.3} {:<7.3} {:<6.3} (mean page F1 {:.3})",
            r.pages, r.precision, r.recall, r.f1, r.mean_page_f1
        )?;
        let c = &t.counts;
        writeln!(
            f,
            "trafilatura   {:<6} {:<10.3} {:<7.3} {:<6.3} (accuracy {:.3}; tp {} fp {} fn {} tn {})",
            t.pages, t.precision, t.recall, t.f1, t.accuracy, c.tp, c.fp, c.fn_, c.tn
        )?;
        writeln!(
            f,
            "blocks  recall: content {:.2}  promo {:.2}  related {:.2}  boilerplate {:.2}   leak into article: {:.1}% ({}/{})",
            b.content_recall,
            b.promo_recall,
            b.related_recall,
            b.boilerplate_recall,
            b.leak * 100.0,
            b.leaked,
            b.leak_candidates
        )?;
        write_confusion(f, &b.confusion)?;
        writeln!(f, "seed page: {}/{}", b.seed_correct, b.seed_total)?;
        super::wcxb_report::write(f, self)?;
        let fields: Vec<String> = self
            .metadata
            .iter()
            .map(|m| {
                format!(
                    "{} {}/{} ({:.0}%)",
                    m.field,
                    m.matched,
                    m.with_value,
                    m.share() * 100.0
                )
            })
            .collect();
        writeln!(f, "metadata: {}", fields.join(", "))?;
        write!(
            f,
            "failed pages: {}   labelled pages: {}+{}   time: {:.1} s",
            self.failures.len(),
            b.pages,
            self.blocks_wcxb.pages,
            self.seconds
        )?;
        if let Some(d) = &self.detail {
            writeln!(f)?;
            write_detail(f, self, d)?;
        }
        Ok(())
    }
}

/// The confusion matrix of one label file.
pub(super) fn write_confusion(f: &mut fmt::Formatter<'_>, c: &Confusion) -> fmt::Result {
    write!(
        f,
        "confusion (rows labelled, columns predicted):\n  {:<12}",
        ""
    )?;
    for name in COLUMN_NAMES {
        write!(f, " {name:>11}")?;
    }
    writeln!(f)?;
    for (kind, row) in Kind::ALL.iter().zip(c.counts.iter()) {
        write!(f, "  {:<12}", kind.as_str())?;
        for n in row {
            write!(f, " {n:>11}")?;
        }
        writeln!(f)?;
    }
    Ok(())
}

fn write_detail(f: &mut fmt::Formatter<'_>, report: &Report, d: &Detail) -> fmt::Result {
    writeln!(
        f,
        "\nworst readability pages (page F1, precision, recall, words extracted/expected):"
    )?;
    for p in &d.worst_readability {
        writeln!(
            f,
            "  {:.3}  p {:.2}  r {:.2}  {:>6}/{:<6} {}",
            p.overlap.f1(),
            p.overlap.precision(),
            p.overlap.recall(),
            p.extracted_words,
            p.expected_words,
            p.page
        )?;
    }

    writeln!(f, "\nworst trafilatura pages (wrong snippets):")?;
    for p in &d.worst_trafilatura {
        let s = &p.snippets;
        writeln!(
            f,
            "  {} wrong ({} missing, {} leaked)  {}  {}",
            s.counts.errors(),
            s.missing.len(),
            s.leaked.len(),
            p.page,
            p.url
        )?;
        for m in s.missing.iter().take(SNIPPETS_PER_PAGE) {
            writeln!(f, "      missing: \"{}\"", head(m, SNIPPET_HEAD))?;
        }
        for l in s.leaked.iter().take(SNIPPETS_PER_PAGE) {
            writeln!(f, "      leaked:  \"{}\"", head(l, SNIPPET_HEAD))?;
        }
    }

    writeln!(
        f,
        "\nmisclassified labels ({}): page  labelled -> predicted  [reasons, confidence]  snippet / block",
        d.misclassified.len()
    )?;
    for m in &d.misclassified {
        let why = if m.predicted == "unmatched" {
            if m.split_across_blocks {
                "split across blocks".to_string()
            } else {
                "in no block".to_string()
            }
        } else {
            let conf = m.confidence.map_or(String::new(), |c| format!(", {c:.2}"));
            format!("{}{conf}", m.reasons.join(" "))
        };
        let leak = if m.in_article { "  (in article)" } else { "" };
        writeln!(
            f,
            "  {}  {} -> {}  [{}]{}\n      snippet: \"{}\"",
            m.page,
            m.labelled,
            m.predicted,
            why,
            leak,
            head(&m.snippet, SNIPPET_HEAD)
        )?;
        if !m.block_text.is_empty() && m.block_text != m.snippet {
            writeln!(
                f,
                "      block:   \"{}\"",
                head(&m.block_text, SNIPPET_HEAD)
            )?;
        }
    }

    super::wcxb_report::write_worst(f, &d.wcxb_pages)?;

    writeln!(f, "\nmetadata mismatches (first few per field):")?;
    for field in &report.metadata {
        for m in &field.mismatches {
            writeln!(
                f,
                "  {:<8} {:<28} expected \"{}\"  got {}",
                field.field,
                m.page,
                head(&m.expected, SNIPPET_HEAD),
                m.got.as_deref().map_or("nothing".to_string(), |g| format!(
                    "\"{}\"",
                    head(g, SNIPPET_HEAD)
                ))
            )?;
        }
    }

    write!(f, "\nfailed pages ({}):", report.failures.len())?;
    for fail in &report.failures {
        write!(f, "\n  {}/{}: {}", fail.corpus, fail.page, fail.error)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_all_known_and_metadata_shares_need_their_field() {
        let mut r = Report::default();
        // Without metadata entries the share figures are absent, not 0.
        assert_eq!(r.figure("title_share"), None);
        r.metadata.push(FieldAgreement {
            field: "title",
            matched: 3,
            with_value: 4,
            mismatches: vec![],
        });
        r.blocks.leak = 0.5;
        assert_eq!(r.figure("title_share"), Some(0.75));
        assert_eq!(r.figure("leak"), Some(0.5));
        assert_eq!(r.figure("no_such_figure"), None);
        assert_eq!(r.to_json()["summary"]["title_share"], 0.75);
    }

    #[test]
    fn display_prints_the_table_and_detail_only_when_verbose() {
        let mut r = Report::default();
        r.blocks
            .confusion
            .add(Kind::Promo, super::super::confusion::Predicted::Unmatched);
        let plain = r.to_string();
        assert!(plain.starts_with("corpus        pages  precision  recall  F1"));
        assert!(plain.contains("seed page: 0/0"));
        assert!(!plain.contains("misclassified"));
        r.detail = Some(Detail::default());
        assert!(r.to_string().contains("misclassified labels (0)"));
    }
}

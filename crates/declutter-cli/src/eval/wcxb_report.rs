//! The WCXB part of the report: word F1 per page type, the shingle and
//! snippet scores, and the block scores of `labels-wcxb.json`, as figures
//! for the quality gate and lines of the printed table.

use super::confusion::{Confusion, COLUMN_NAMES};
use super::report::{write_confusion, BlockScores, Report};
use super::shingles::TextScores;
use super::snippets::SnippetCounts;
use super::wcxb::{self, TypeScores, WcxbPage, PAGE_TYPES};
use declutter::Kind;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

/// Peers' word F1 on the dev split (the corpus README), printed for scale.
const PEERS: &str =
    "(peers, all pages: rs-trafilatura 0.842, trafilatura 0.817, dom_smoothie 0.765)";

/// Worst pages per type the verbose listing shows.
const WORST_PER_TYPE: usize = 8;

/// Scores on the WCXB dev split.
#[derive(Debug, Clone, Default, Serialize)]
pub struct WcxbScores {
    /// Word scores over all pages.
    pub all: TypeScores,
    /// Word scores per page type.
    pub by_type: BTreeMap<String, TypeScores>,
    /// 4-gram shingle scores (mean over pages).
    pub shingles: TextScores,
    /// `with` / `without` snippet outcomes.
    pub snippets: SnippetCounts,
}

impl WcxbScores {
    /// The scores of a scored corpus.
    pub fn of(o: &wcxb::Outcome) -> Self {
        WcxbScores {
            all: o.all.clone(),
            by_type: o.by_type.clone(),
            shingles: o.shingles,
            snippets: o.snippets,
        }
    }
}

/// Share of the labelled `from` snippets predicted `to`.
pub fn confused(c: &Confusion, from: Kind, to: Kind) -> f64 {
    let n = c.labelled(from);
    if n == 0 {
        return 0.0;
    }
    let row = Kind::ALL.iter().position(|&k| k == from).unwrap_or(0);
    c.counts[row][to_column(to)] as f64 / n as f64
}

fn to_column(k: Kind) -> usize {
    COLUMN_NAMES
        .iter()
        .position(|&n| n == k.as_str())
        .unwrap_or(0)
}

/// One figure of this part by name.
pub fn figure(r: &Report, name: &str) -> Option<f64> {
    let b = &r.blocks_wcxb;
    Some(match name {
        "wcxb_f1" => r.wcxb.all.f1,
        "wcxb_shingle_f1" => r.wcxb.shingles.f1,
        "wcxb_content_recall" => b.content_recall,
        "wcxb_promo_recall" => b.promo_recall,
        "wcxb_related_recall" => b.related_recall,
        "wcxb_boilerplate_recall" => b.boilerplate_recall,
        "wcxb_leak" => b.leak,
        "related_as_promo" => confused(&r.blocks.confusion, Kind::Related, Kind::Promo),
        "wcxb_related_as_promo" => confused(&b.confusion, Kind::Related, Kind::Promo),
        "related_called_ad" => r.blocks.related_called_ad_share,
        "wcxb_related_called_ad" => b.related_called_ad_share,
        _ => {
            let t = name.strip_prefix("wcxb_")?.strip_suffix("_f1")?;
            r.wcxb.by_type.get(t)?.f1
        }
    })
}

/// The WCXB lines of the printed table.
pub fn write(f: &mut fmt::Formatter<'_>, r: &Report) -> fmt::Result {
    let w = &r.wcxb;
    writeln!(
        f,
        "wcxb (dev)    {:<6} word F1 {:.3} (P {:.3} R {:.3})  shingles P {:.3} R {:.3} F1 {:.3}  {PEERS}",
        w.all.pages, w.all.f1, w.all.precision, w.all.recall, w.shingles.precision, w.shingles.recall, w.shingles.f1
    )?;
    write!(f, "  word F1 per type (pages, P/R):")?;
    for t in PAGE_TYPES {
        if let Some(s) = w.by_type.get(t) {
            write!(
                f,
                "\n    {t:<13} {:.3}  ({}, {:.2}/{:.2})",
                s.f1, s.pages, s.precision, s.recall
            )?;
        }
    }
    let c = &w.snippets;
    writeln!(
        f,
        "\n  snippets: with {}/{} kept, without {}/{} left out",
        c.tp,
        c.tp + c.fn_,
        c.tn,
        c.tn + c.fp
    )?;
    write_blocks(f, "blocks (labels-wcxb)", &r.blocks_wcxb)?;
    writeln!(
        f,
        "related -> promo: labels {:.1}%, labels-wcxb {:.1}%",
        confused(&r.blocks.confusion, Kind::Related, Kind::Promo) * 100.0,
        confused(&r.blocks_wcxb.confusion, Kind::Related, Kind::Promo) * 100.0
    )?;
    let (b, w) = (&r.blocks, &r.blocks_wcxb);
    writeln!(
        f,
        "related labelled Advertisement or Sponsored: labels {:.1}% ({}/{}), labels-wcxb {:.1}% ({}/{})",
        b.related_called_ad_share * 100.0,
        b.related_called_ad,
        b.related,
        w.related_called_ad_share * 100.0,
        w.related_called_ad,
        w.related
    )
}

/// A label file's recall line and confusion matrix.
pub fn write_blocks(f: &mut fmt::Formatter<'_>, title: &str, b: &BlockScores) -> fmt::Result {
    writeln!(
        f,
        "{title} recall: content {:.2}  promo {:.2}  related {:.2}  boilerplate {:.2}   leak into article: {:.1}% ({}/{})",
        b.content_recall,
        b.promo_recall,
        b.related_recall,
        b.boilerplate_recall,
        b.leak * 100.0,
        b.leaked,
        b.leak_candidates
    )?;
    write_confusion(f, &b.confusion)
}

/// The verbose listing: the worst pages of each type.
pub fn write_worst(f: &mut fmt::Formatter<'_>, pages: &[WcxbPage]) -> fmt::Result {
    writeln!(
        f,
        "\nworst wcxb pages per type (word F1, precision, recall, words extracted/expected):"
    )?;
    for t in PAGE_TYPES {
        for p in worst_first(pages, t).into_iter().take(WORST_PER_TYPE) {
            writeln!(
                f,
                "  {:<13} {:.3}  p {:.2}  r {:.2}  {:>6}/{:<6} {}  {}",
                t,
                p.words.f1,
                p.words.precision,
                p.words.recall,
                p.extracted_words,
                p.expected_words,
                p.page,
                p.url
            )?;
        }
    }
    Ok(())
}

/// The pages of type `t`, lowest word F1 first.
fn worst_first<'a>(pages: &'a [WcxbPage], t: &str) -> Vec<&'a WcxbPage> {
    let mut of_type: Vec<&WcxbPage> = pages.iter().filter(|p| p.page_type == t).collect();
    of_type.sort_by(|a, b| a.words.f1.total_cmp(&b.words.f1));
    of_type
}

/// Every page's scores as tab-separated lines (type, word F1, precision,
/// recall, words extracted, words expected, id, URL), per type in the
/// README's order, worst first: the list to group failures by cause.
pub fn pages_tsv(pages: &[WcxbPage]) -> String {
    let mut out = String::new();
    for t in PAGE_TYPES {
        for p in worst_first(pages, t) {
            out.push_str(&format!(
                "{}\t{:.3}\t{:.3}\t{:.3}\t{}\t{}\t{}\t{}\n",
                t,
                p.words.f1,
                p.words.precision,
                p.words.recall,
                p.extracted_words,
                p.expected_words,
                p.page,
                p.url
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::confusion::Predicted;

    #[test]
    fn figures_read_types_and_confusions() {
        let mut r = Report::default();
        r.wcxb.by_type.insert(
            "forum".into(),
            TypeScores {
                pages: 2,
                f1: 0.5,
                ..TypeScores::default()
            },
        );
        r.blocks_wcxb
            .confusion
            .add(Kind::Related, Predicted::Kind(Kind::Promo));
        r.blocks_wcxb
            .confusion
            .add(Kind::Related, Predicted::Kind(Kind::Related));
        assert_eq!(figure(&r, "wcxb_forum_f1"), Some(0.5));
        assert_eq!(figure(&r, "wcxb_related_as_promo"), Some(0.5));
        assert_eq!(figure(&r, "related_as_promo"), Some(0.0));
        assert_eq!(figure(&r, "wcxb_nothing_f1"), None);
        r.blocks_wcxb.related_called_ad_share = 0.25;
        assert_eq!(figure(&r, "wcxb_related_called_ad"), Some(0.25));
        // This part's figures in `FIGURES`: the WCXB ones and the confusions.
        let ours = super::super::FIGURES.iter().filter(|n| {
            n.starts_with("wcxb_")
                || n.ends_with("related_as_promo")
                || n.ends_with("related_called_ad")
        });
        for name in ours {
            assert!(
                figure(&r, name).is_some() || name.ends_with("_f1"),
                "{name}"
            );
        }
    }

    #[test]
    fn pages_are_listed_per_type_worst_first() {
        let page = |id: &str, t: &str, f1: f64| WcxbPage {
            page: id.into(),
            page_type: t.into(),
            url: format!("https://x.org/{id}"),
            words: wcxb::WordOverlap {
                precision: f1,
                recall: f1,
                f1,
            },
            shingles: super::super::shingles::PageOverlap::of("a b c d", "a b c d"),
            extracted_words: 10,
            expected_words: 12,
        };
        let tsv = pages_tsv(&[
            page("0003", "forum", 0.5),
            page("0002", "article", 0.9),
            page("0001", "article", 0.2),
        ]);
        let ids: Vec<&str> = tsv.lines().map(|l| l.split('\t').nth(6).unwrap()).collect();
        assert_eq!(ids, ["0001", "0002", "0003"]);
        assert!(tsv.starts_with("article\t0.200\t0.200\t0.200\t10\t12\t0001\thttps://x.org/0001\n"));
    }
}

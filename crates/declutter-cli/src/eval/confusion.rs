//! Block-kind scoring: which block holds a labelled snippet, and the
//! confusion matrix of labelled against predicted kinds.

use declutter::Kind;
use serde_json::{json, Map, Value};

/// What the segmenter said about a labelled snippet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Predicted {
    /// The kind of the first block holding the snippet.
    Kind(Kind),
    /// No single block holds the snippet (dropped, or split across blocks).
    Unmatched,
}

impl Predicted {
    /// Column in the confusion matrix: the kinds in [`Kind::ALL`] order,
    /// then "unmatched".
    pub fn column(self) -> usize {
        match self {
            Predicted::Kind(k) => kind_index(k),
            Predicted::Unmatched => Kind::ALL.len(),
        }
    }

    /// The name shown in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Predicted::Kind(k) => k.as_str(),
            Predicted::Unmatched => "unmatched",
        }
    }
}

/// Column names of the confusion matrix, in order.
pub const COLUMN_NAMES: [&str; 5] = ["content", "promo", "related", "boilerplate", "unmatched"];

fn kind_index(k: Kind) -> usize {
    Kind::ALL.iter().position(|&x| x == k).unwrap_or(0)
}

/// Counts of labelled kind (rows, [`Kind::ALL`] order) against predicted
/// kind (columns, see [`Predicted::column`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Confusion {
    /// `counts[labelled][predicted]`.
    pub counts: [[usize; 5]; 4],
}

impl Confusion {
    /// Records one snippet.
    pub fn add(&mut self, labelled: Kind, predicted: Predicted) {
        self.counts[kind_index(labelled)][predicted.column()] += 1;
    }

    /// Adds another matrix.
    pub fn merge(&mut self, other: &Confusion) {
        for (row, other_row) in self.counts.iter_mut().zip(other.counts.iter()) {
            for (c, o) in row.iter_mut().zip(other_row.iter()) {
                *c += o;
            }
        }
    }

    /// Snippets labelled `kind`.
    pub fn labelled(&self, kind: Kind) -> usize {
        self.counts[kind_index(kind)].iter().sum()
    }

    /// Snippets labelled `kind` and predicted `kind`.
    pub fn correct(&self, kind: Kind) -> usize {
        let i = kind_index(kind);
        self.counts[i][i]
    }

    /// Correct over labelled for `kind`; 0 when nothing carries that label.
    pub fn recall(&self, kind: Kind) -> f64 {
        let n = self.labelled(kind);
        if n == 0 {
            0.0
        } else {
            self.correct(kind) as f64 / n as f64
        }
    }

    /// All snippets predicted right.
    pub fn total_correct(&self) -> usize {
        Kind::ALL.iter().map(|&k| self.correct(k)).sum()
    }

    /// All snippets.
    pub fn total(&self) -> usize {
        self.counts.iter().flatten().sum()
    }

    /// `{labelled: {predicted: n}}` for machine use.
    pub fn to_json(&self) -> Value {
        let mut rows = Map::new();
        for (k, row) in Kind::ALL.iter().zip(self.counts.iter()) {
            let cols: Map<String, Value> = COLUMN_NAMES
                .iter()
                .zip(row.iter())
                .map(|(name, n)| (name.to_string(), json!(n)))
                .collect();
            rows.insert(k.as_str().to_string(), Value::Object(cols));
        }
        Value::Object(rows)
    }
}

/// The index of the first block whose text (white space collapsed, like
/// `snippet`) contains `snippet`.
pub fn find_block(block_texts: &[String], snippet: &str) -> Option<usize> {
    block_texts.iter().position(|t| t.contains(snippet))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_containing_block_wins() {
        let blocks = vec![
            "Home News".to_string(),
            "Advertisement".to_string(),
            "Story text. Advertisement here".to_string(),
        ];
        assert_eq!(find_block(&blocks, "Advertisement"), Some(1));
        assert_eq!(find_block(&blocks, "Story text."), Some(2));
        // A snippet spanning two blocks is in neither.
        assert_eq!(find_block(&blocks, "News Advertisement"), None);
    }

    #[test]
    fn counts_rows_by_label_and_columns_by_prediction() {
        let mut c = Confusion::default();
        c.add(Kind::Promo, Predicted::Kind(Kind::Promo));
        c.add(Kind::Promo, Predicted::Kind(Kind::Content));
        c.add(Kind::Promo, Predicted::Unmatched);
        c.add(Kind::Content, Predicted::Kind(Kind::Content));
        assert_eq!(c.counts[1], [1, 1, 0, 0, 1]);
        assert_eq!(c.labelled(Kind::Promo), 3);
        assert_eq!(c.correct(Kind::Promo), 1);
        assert!((c.recall(Kind::Promo) - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(c.recall(Kind::Related), 0.0);
        assert_eq!((c.total_correct(), c.total()), (2, 4));

        let mut sum = Confusion::default();
        sum.merge(&c);
        sum.merge(&c);
        assert_eq!(sum.counts[1], [2, 2, 0, 0, 2]);
        assert_eq!(c.to_json()["promo"]["unmatched"], 1);
    }
}

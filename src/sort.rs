//! The crate's sorts of nodes, all through one copy of the standard sort.
//!
//! The standard sorts are generic: every element type and order got a
//! copy of its own, compiled at the core's opt-level, five in the wasm
//! module (three stable, by position, by `(position, node)` and by score;
//! two unstable, by position and by node id) for 39 KB of code.
//! Here every sort becomes one of `(key, tie-break)` pairs of a single
//! type in their natural order (issue 15). The tie-break makes every pair
//! distinct, so the order is the one a stable sort by the same key gives,
//! whatever the algorithm.

use crate::dom::NodeId;

/// Sorts `nodes` by `key`, nodes of equal keys kept in their order (what
/// `sort_by_key` gives).
pub(crate) fn sort_by_key(nodes: &mut [NodeId], key: impl Fn(NodeId) -> u64) {
    let mut pairs: Vec<(u64, usize)> = nodes
        .iter()
        .enumerate()
        .map(|(i, &n)| (key(n), i))
        .collect();
    sort_pairs(&mut pairs);
    for pair in &mut pairs {
        pair.1 = nodes[pair.1];
    }
    for (n, &(_, m)) in nodes.iter_mut().zip(&pairs) {
        *n = m;
    }
}

/// Sorts `nodes` by `key`, nodes of equal keys by id (what
/// `sort_by_key(|n| (key(n), n))` gives).
pub(crate) fn sort_by_key_then_id(nodes: &mut [NodeId], key: impl Fn(NodeId) -> u64) {
    let mut pairs: Vec<(u64, usize)> = nodes.iter().map(|&n| (key(n), n)).collect();
    sort_pairs(&mut pairs);
    for (n, &(_, id)) in nodes.iter_mut().zip(&pairs) {
        *n = id;
    }
}

/// A key for `x` whose integer order is [`f64::total_cmp`]'s order.
pub(crate) fn total_order_key(x: f64) -> u64 {
    let bits = x.to_bits() as i64;
    // What `total_cmp` does: negative values' magnitude bits flipped.
    let ordered = bits ^ ((((bits >> 63) as u64) >> 1) as i64);
    (ordered as u64) ^ (1 << 63)
}

/// The one instance of the standard sort: pairs in their natural order.
#[inline(never)]
fn sort_pairs(pairs: &mut [(u64, usize)]) {
    pairs.sort_unstable();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fixed xorshift sequence.
    fn numbers(seed: u64, n: usize) -> Vec<u64> {
        let mut s = seed;
        (0..n)
            .map(|_| {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                s
            })
            .collect()
    }

    #[test]
    fn sort_by_key_is_the_stable_sort() {
        for (seed, len, range) in [
            (1, 0, 1),
            (2, 1, 1),
            (3, 20, 3),
            (4, 1000, 10),
            (5, 5000, 1 << 40),
        ] {
            let nodes: Vec<NodeId> = numbers(seed, len)
                .iter()
                .map(|&x| (x % 997) as usize)
                .collect();
            let key = |n: NodeId| (n as u64).wrapping_mul(0x9e37_79b9) % range;
            let mut old = nodes.clone();
            old.sort_by_key(|&n| key(n));
            let mut new = nodes.clone();
            sort_by_key(&mut new, key);
            assert_eq!(new, old, "seed {seed}");
        }
    }

    #[test]
    fn sort_by_key_then_id_is_the_sort_by_key_and_id() {
        for (seed, len, range) in [(6, 0, 1), (7, 30, 2), (8, 3000, 50)] {
            let nodes: Vec<NodeId> = numbers(seed, len)
                .iter()
                .map(|&x| (x % 500) as usize)
                .collect();
            let key = |n: NodeId| {
                if n % 7 == 0 {
                    u64::MAX
                } else {
                    (n as u64 * 31) % range
                }
            };
            let mut old = nodes.clone();
            old.sort_by_key(|&n| (key(n), n));
            let mut new = nodes.clone();
            sort_by_key_then_id(&mut new, key);
            assert_eq!(new, old, "seed {seed}");
        }
    }

    #[test]
    fn total_order_key_orders_as_total_cmp() {
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            f64::MIN_POSITIVE,
            -f64::MIN_POSITIVE,
            5e-324,
            -5e-324,
            f64::MAX,
            f64::MIN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            -f64::NAN,
        ];
        values.extend(numbers(9, 2000).into_iter().map(f64::from_bits));
        for a in &values {
            for b in values.iter().step_by(7) {
                assert_eq!(
                    total_order_key(*a).cmp(&total_order_key(*b)),
                    a.total_cmp(b),
                    "{a:?} {b:?}"
                );
            }
        }
    }
}

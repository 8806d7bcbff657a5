//! The names of one snapshot, each allocated once: every `<div>` (and every
//! `class`) of a page shares one [`Name`], as the HTML front's are (see
//! `dom::Name`). A name per element and per attribute was most of the
//! snapshot front's allocations (issue 15).

use crate::dom::Name;

/// Slots of each cache: real pages use a few dozen distinct names; the
/// HTML front shares at most 1,024 attribute names too.
const SLOTS: usize = 1024;

/// A direct-mapped cache of names: a name goes to one slot picked by its
/// hash, and a different name hashed to a taken slot replaces it. No probe
/// sequence, so no page can make a lookup cost more than one comparison
/// (with a hash map, names crafted to collide would make every lookup
/// scan the colliding ones); a miss only costs the allocation every name
/// cost before.
pub(super) struct NameCache {
    slots: Vec<Option<Name>>,
}

impl NameCache {
    pub(super) fn new() -> Self {
        NameCache {
            slots: vec![None; SLOTS],
        }
    }

    /// An element's name, lower-cased: the walker hands over `localName`,
    /// which keeps the case of foreign (`foreignObject`) and
    /// script-created names.
    pub(super) fn element(&mut self, raw: &str) -> Name {
        let slot = &mut self.slots[slot_of(raw)];
        // The kept name is lower case, so a raw name matching it without
        // case is the one that lower-cases to it.
        if let Some(name) = slot.as_ref().filter(|n| n.eq_ignore_ascii_case(raw)) {
            return name.clone();
        }
        let name: Name = if raw.bytes().any(|b| b.is_ascii_uppercase()) {
            raw.to_ascii_lowercase().into()
        } else {
            raw.into()
        };
        *slot = Some(name.clone());
        name
    }

    /// An attribute's name, as spelled.
    pub(super) fn attribute(&mut self, raw: &str) -> Name {
        let slot = &mut self.slots[slot_of(raw)];
        if let Some(name) = slot.as_ref().filter(|n| ***n == *raw) {
            return name.clone();
        }
        let name = Name::from(raw);
        *slot = Some(name.clone());
        name
    }
}

/// The slot of a name: FxHash's step (rustc's hasher) over its bytes eight
/// at a time, folded to the slot count from the product's high bits (its
/// low ones depend only on the input's low bits). Blind to ASCII case, so
/// `DIV` finds the `div` an element name keeps.
fn slot_of(name: &str) -> usize {
    let mut h: u64 = name.len() as u64;
    let mut add = |word: u64| {
        let folded = word | 0x2020_2020_2020_2020;
        h = (h.rotate_left(5) ^ folded).wrapping_mul(0x517c_c1b7_2722_0a95);
    };
    let mut chunks = name.as_bytes().chunks_exact(8);
    for c in &mut chunks {
        add(u64::from_le_bytes(c.try_into().expect("eight bytes")));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        add(u64::from_le_bytes(word));
    }
    (h >> (64 - SLOTS.trailing_zeros())) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn a_name_seen_again_is_shared() {
        let mut names = NameCache::new();
        let a = names.element("div");
        let b = names.element("div");
        assert!(Arc::ptr_eq(&a, &b));
        let c = names.attribute("class");
        assert!(Arc::ptr_eq(&c, &names.attribute("class")));
    }

    #[test]
    fn element_names_are_lower_cased_and_shared_across_case() {
        let mut names = NameCache::new();
        let a = names.element("foreignObject");
        assert_eq!(&*a, "foreignobject");
        assert!(Arc::ptr_eq(&a, &names.element("FOREIGNOBJECT")));
        assert!(Arc::ptr_eq(&a, &names.element("foreignobject")));
    }

    #[test]
    fn attribute_names_keep_their_case() {
        let mut names = NameCache::new();
        assert_eq!(&*names.attribute("viewBox"), "viewBox");
        assert_eq!(&*names.attribute("viewbox"), "viewbox");
        assert_eq!(&*names.attribute("viewBox"), "viewBox");
    }

    #[test]
    fn colliding_names_stay_distinct() {
        // More names than slots: some share a slot and replace each other,
        // and every lookup still gives back its own name.
        let mut names = NameCache::new();
        let all: Vec<String> = (0..3 * SLOTS).map(|i| format!("data-n{i}")).collect();
        for _ in 0..2 {
            for n in &all {
                assert_eq!(&*names.attribute(n), n.as_str());
                assert_eq!(&*names.element(n), n.as_str());
            }
        }
    }
}

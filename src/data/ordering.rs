//! Ordering the short lists the page sorts (the deals in the table, the marks of the scatter):
//! one stable insertion sort through a comparison the caller passes by reference. Lists have
//! about sixty rows, so this is as fast as the standard sort, and one function instead of a
//! copy of the standard sort per comparison closure keeps the wasm bundle smaller.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`.
pub fn sort_small<T: Copy>(items: &mut [T], compare: &dyn Fn(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && compare(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_and_ordered() {
        let mut v = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_small(&mut v, &|a, b| a.0.cmp(&b.0));
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut empty: [u8; 0] = [];
        sort_small(&mut empty, &|a, b| a.cmp(b));
    }
}

//! A hash table from folded-name hashes to place indexes, in a flat byte
//! layout that `build.rs` writes at compile time and the app reads in place.
//!
//! Shared verbatim with `build.rs`; keep this file free of crate paths.
//!
//! Layout (little endian): magic `GRNT`, `u32` slot count, `u32` posting
//! count, then the slots (`u64` hash, `u32` first posting, `u32` posting
//! count; hash 0 marks an empty slot), then the postings (`u32` place
//! indexes). Slots are probed linearly from `hash * slots >> 64`, wrapping.

use std::borrow::Cow;

const MAGIC: &[u8; 4] = b"GRNT";
const HEADER: usize = 12;
const SLOT: usize = 16;

/// Collects (name hash, place index) pairs and serialises them as a table.
#[derive(Default)]
pub struct NameTableBuilder {
    entries: Vec<(u64, u32)>,
}

impl NameTableBuilder {
    /// Records that the place at `place` has a name whose folded hash is `hash`.
    pub fn add(&mut self, hash: u64, place: u32) {
        self.entries.push((hash, place));
    }

    /// Serialises the table; each hash's postings are sorted and unique.
    pub fn into_bytes(mut self) -> Vec<u8> {
        self.entries.sort_unstable();
        self.entries.dedup();
        let mut keys: Vec<(u64, u32, u32)> = Vec::new();
        for (i, &(hash, _)) in self.entries.iter().enumerate() {
            match keys.last_mut() {
                Some(last) if last.0 == hash => last.2 += 1,
                _ => keys.push((hash, i as u32, 1)),
            }
        }
        // A load factor of 2/3 keeps probe runs short and memory modest.
        let slots = (keys.len() * 3 / 2).max(16);
        let mut table = vec![(0u64, 0u32, 0u32); slots];
        for key in keys {
            let mut at = home_slot(key.0, slots);
            while table[at].0 != 0 {
                at = if at + 1 == slots { 0 } else { at + 1 };
            }
            table[at] = key;
        }
        let mut out = Vec::with_capacity(HEADER + slots * SLOT + self.entries.len() * 4);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(slots as u32).to_le_bytes());
        out.extend_from_slice(&(self.entries.len() as u32).to_le_bytes());
        for (hash, first, count) in table {
            out.extend_from_slice(&hash.to_le_bytes());
            out.extend_from_slice(&first.to_le_bytes());
            out.extend_from_slice(&count.to_le_bytes());
        }
        for (_, place) in self.entries {
            out.extend_from_slice(&place.to_le_bytes());
        }
        out
    }
}

/// A read-only name table over serialised bytes (borrowed or owned).
pub struct NameTable {
    bytes: Cow<'static, [u8]>,
    slots: usize,
    postings_at: usize,
}

impl NameTable {
    /// Checks the header and sizes; `None` when the bytes are not a table.
    pub fn from_bytes(bytes: Cow<'static, [u8]>) -> Option<Self> {
        if bytes.len() < HEADER || &bytes[..4] != MAGIC {
            return None;
        }
        let slots = read_u32(&bytes, 4)? as usize;
        let postings = read_u32(&bytes, 8)? as usize;
        let postings_at = HEADER + slots * SLOT;
        if slots == 0 || bytes.len() != postings_at + postings * 4 {
            return None;
        }
        Some(NameTable {
            bytes,
            slots,
            postings_at,
        })
    }

    /// The place indexes whose names hash to `hash`, in ascending order.
    pub fn get(&self, hash: u64) -> impl Iterator<Item = u32> + '_ {
        let mut at = home_slot(hash, self.slots);
        let (first, count) = loop {
            let slot = HEADER + at * SLOT;
            let stored = read_u64(&self.bytes, slot).unwrap_or(0);
            if stored == hash {
                let first = read_u32(&self.bytes, slot + 8).unwrap_or(0) as usize;
                let count = read_u32(&self.bytes, slot + 12).unwrap_or(0) as usize;
                break (first, count);
            }
            if stored == 0 {
                break (0, 0);
            }
            at = if at + 1 == self.slots { 0 } else { at + 1 };
        };
        (first..first + count).filter_map(move |i| read_u32(&self.bytes, self.postings_at + i * 4))
    }

    /// Whether any name hashes to `hash` (one probe run, no postings read).
    pub fn contains(&self, hash: u64) -> bool {
        self.get(hash).next().is_some()
    }
}

/// The slot where probing for `hash` starts: `hash` scaled to `0..slots`.
fn home_slot(hash: u64, slots: usize) -> usize {
    ((u128::from(hash) * slots as u128) >> 64) as usize
}

fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn read_u64(bytes: &[u8], at: usize) -> Option<u64> {
    let b: [u8; 8] = bytes.get(at..at + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_postings_and_misses_unknown_hashes() {
        let mut b = NameTableBuilder::default();
        for (hash, place) in [(7, 3), (7, 1), (9, 2), (7, 3), (23, 5)] {
            b.add(hash, place);
        }
        let table = NameTable::from_bytes(Cow::Owned(b.into_bytes())).unwrap();
        assert_eq!(table.get(7).collect::<Vec<_>>(), vec![1, 3]);
        assert_eq!(table.get(9).collect::<Vec<_>>(), vec![2]);
        assert_eq!(table.get(23).collect::<Vec<_>>(), vec![5]);
        assert!(!table.contains(8));
        assert!(NameTable::from_bytes(Cow::Borrowed(b"GRNT\x03\0\0\0\0\0\0\0")).is_none());
        assert!(NameTable::from_bytes(Cow::Borrowed(b"GRNT\0\0\0\0\0\0\0\0")).is_none());
    }
}

//! A hash table from folded-name hashes to place indexes, in a flat byte
//! layout that `build.rs` writes at compile time and the app reads in place.
//!
//! Shared verbatim with `build.rs`; keep this file free of crate paths.
//!
//! Layout (little endian): magic `GRNT`, `u32` slot count, `u32` posting
//! count, `u32` word counts of two Bloom filters, then the slots (`u64`
//! hash, `u32` first posting, `u32` posting count; hash 0 marks an empty
//! slot), the postings (`u32` place indexes), and the filters as `u64`
//! words: one over every name, one over the first words of names of two or
//! more words. Slots are probed linearly from `hash * slots >> 64`, wrapping.
//!
//! The filters are blocked: the bits of a hash lie in one 512-bit block (a
//! cache line), so most words that name nothing are turned away with one
//! memory read and without touching the table.

use std::borrow::Cow;

use super::fold;

const MAGIC: &[u8; 4] = b"GRNT";
const HEADER: usize = 20;
/// Filter bits per element (about 3% false positives with three probes in a block).
const BLOOM_BITS_PER_KEY: usize = 10;
const BLOOM_PROBES: u64 = 3;
const SLOT: usize = 16;

/// Collects (name hash, place index) pairs and serialises them as a table.
#[derive(Default)]
pub struct NameTableBuilder {
    entries: Vec<(u64, u32)>,
    first_words: Vec<u64>,
}

impl NameTableBuilder {
    /// Records that the place at `place` has a name whose folded hash is `hash`.
    pub fn add(&mut self, hash: u64, place: u32) {
        self.entries.push((hash, place));
    }

    /// Records that some name of two or more words starts with a word whose
    /// folded hash is `hash`.
    pub fn add_first_word(&mut self, hash: u64) {
        self.first_words.push(hash);
    }

    /// Records the folded name `folded` of the place at `place` (in
    /// `country`, of `population` people) in every spelling news text gives
    /// it: as it is, without its Arabic article, and with that article
    /// spelled "al" and "el" (see [`fold::without_arabic_article`] and
    /// [`fold::arabic_article_spellings`]); each with its first word. The
    /// embedded table (build.rs) and user gazetteers both index names so.
    pub fn add_spellings(&mut self, folded: &str, country: &str, population: u64, place: u32) {
        let without_article = fold::without_arabic_article(folded, country, population);
        let spellings = fold::arabic_article_spellings(folded, country, population);
        for name in std::iter::once(folded)
            .chain(without_article)
            .chain(spellings.iter().map(String::as_str))
        {
            if !name.is_empty() {
                self.add(fold::name_hash(name), place);
            }
            if let Some((first, _)) = name.split_once(' ') {
                self.add_first_word(fold::name_hash(first));
            }
        }
    }

    /// Keeps at most `max` places for each name hash: where a hash has more,
    /// `prefer` puts them in order of preference and the first `max` stay.
    pub fn limit_postings(&mut self, max: usize, mut prefer: impl FnMut(&mut [u32])) {
        self.entries.sort_unstable();
        self.entries.dedup();
        let mut kept = 0;
        let mut start = 0;
        let mut places = Vec::new();
        while start < self.entries.len() {
            let hash = self.entries[start].0;
            let end = start + self.entries[start..].iter().take_while(|e| e.0 == hash).count();
            if end - start <= max {
                self.entries.copy_within(start..end, kept);
                kept += end - start;
            } else {
                places.clear();
                places.extend(self.entries[start..end].iter().map(|e| e.1));
                prefer(&mut places);
                places.truncate(max);
                places.sort_unstable();
                for &place in &places {
                    self.entries[kept] = (hash, place);
                    kept += 1;
                }
            }
            start = end;
        }
        self.entries.truncate(kept);
    }

    /// Serialises the table; each hash's postings are sorted and unique.
    pub fn into_bytes(mut self) -> Vec<u8> {
        self.first_words.sort_unstable();
        self.first_words.dedup();
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
        let names_filter = bloom(table.iter().map(|k| k.0).filter(|&h| h != 0));
        let first_filter = bloom(self.first_words.iter().copied());
        let mut out = Vec::with_capacity(HEADER + slots * SLOT + self.entries.len() * 4);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(slots as u32).to_le_bytes());
        out.extend_from_slice(&(self.entries.len() as u32).to_le_bytes());
        out.extend_from_slice(&(names_filter.len() as u32).to_le_bytes());
        out.extend_from_slice(&(first_filter.len() as u32).to_le_bytes());
        for (hash, first, count) in table {
            out.extend_from_slice(&hash.to_le_bytes());
            out.extend_from_slice(&first.to_le_bytes());
            out.extend_from_slice(&count.to_le_bytes());
        }
        for (_, place) in self.entries {
            out.extend_from_slice(&place.to_le_bytes());
        }
        for word in names_filter.into_iter().chain(first_filter) {
            out.extend_from_slice(&word.to_le_bytes());
        }
        out
    }
}

/// A Bloom filter over hashes, as `u64` words (a whole number of blocks).
fn bloom(hashes: impl Iterator<Item = u64> + Clone) -> Vec<u64> {
    let count = hashes.clone().count();
    let words = (count * BLOOM_BITS_PER_KEY).div_ceil(BLOCK_WORDS * 64).max(1) * BLOCK_WORDS;
    let mut bits = vec![0u64; words];
    for hash in hashes {
        for bit in bloom_bits(hash, words) {
            bits[bit / 64] |= 1 << (bit % 64);
        }
    }
    bits
}

/// Words in a filter block: 512 bits, one cache line.
const BLOCK_WORDS: usize = 8;

/// The filter bits of a hash: all in one block (chosen by the high bits of
/// the hash, scaled to the filter's size of `words`, a multiple of
/// [`BLOCK_WORDS`]), so that a lookup reads one cache line instead of one
/// per probe; the bits within it come from the low bits.
fn bloom_bits(hash: u64, words: usize) -> impl Iterator<Item = usize> {
    let blocks = words / BLOCK_WORDS;
    let block = ((u128::from(hash) * blocks as u128) >> 64) as usize;
    (0..BLOOM_PROBES).map(move |j| block * BLOCK_WORDS * 64 + ((hash >> (j * 9)) as usize & (BLOCK_WORDS * 64 - 1)))
}

/// A read-only name table over serialised bytes (borrowed or owned).
pub struct NameTable {
    bytes: Cow<'static, [u8]>,
    slots: usize,
    postings_at: usize,
    names_filter: (usize, usize),
    first_filter: (usize, usize),
    /// No names at all (the table of added names before any file is loaded).
    empty: bool,
}

impl NameTable {
    /// Checks the header and sizes; `None` when the bytes are not a table.
    pub fn from_bytes(bytes: Cow<'static, [u8]>) -> Option<Self> {
        if bytes.len() < HEADER || &bytes[..4] != MAGIC {
            return None;
        }
        let slots = read_u32(&bytes, 4)? as usize;
        let postings = read_u32(&bytes, 8)? as usize;
        let names_words = read_u32(&bytes, 12)? as usize;
        let first_words = read_u32(&bytes, 16)? as usize;
        let postings_at = HEADER + slots * SLOT;
        let names_at = postings_at + postings * 4;
        let first_at = names_at + names_words * 8;
        let blocks = |words: usize| words > 0 && words.is_multiple_of(BLOCK_WORDS);
        if slots == 0 || !blocks(names_words) || !blocks(first_words) || bytes.len() != first_at + first_words * 8 {
            return None;
        }
        Some(NameTable {
            bytes,
            slots,
            postings_at,
            names_filter: (names_at, names_words),
            first_filter: (first_at, first_words),
            empty: postings == 0,
        })
    }

    /// The place indexes whose names hash to `hash`, in ascending order.
    pub fn get(&self, hash: u64) -> impl ExactSizeIterator<Item = u32> + '_ {
        let (first, count) = if self.might_contain(hash) {
            self.postings_of(hash)
        } else {
            (0, 0)
        };
        // Read as one slice of the postings: its length is known, so a
        // caller collecting them allocates once.
        let at = self.postings_at + first * 4;
        self.bytes
            .get(at..at + count * 4)
            .unwrap_or_default()
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// Where the postings of `hash` start and how many there are (none when
    /// the table does not hold it).
    fn postings_of(&self, hash: u64) -> (usize, usize) {
        let mut at = home_slot(hash, self.slots);
        loop {
            let slot = HEADER + at * SLOT;
            let stored = read_u64(&self.bytes, slot).unwrap_or(0);
            if stored == hash {
                let first = read_u32(&self.bytes, slot + 8).unwrap_or(0) as usize;
                let count = read_u32(&self.bytes, slot + 12).unwrap_or(0) as usize;
                return (first, count);
            }
            if stored == 0 {
                return (0, 0);
            }
            at = if at + 1 == self.slots { 0 } else { at + 1 };
        }
    }

    /// False when no name hashes to `hash`; true when one may (the filter).
    pub fn might_contain(&self, hash: u64) -> bool {
        self.filter_has(self.names_filter, hash)
    }

    /// False when no name of two or more words starts with the word whose
    /// hash is `hash`; true when one may.
    pub fn might_start_name(&self, hash: u64) -> bool {
        self.filter_has(self.first_filter, hash)
    }

    fn filter_has(&self, (at, words): (usize, usize), hash: u64) -> bool {
        if self.empty {
            return false;
        }
        // The bits of `bloom_bits`, read from their block, one cache line
        // read once; every probe is read: no branch waits on memory.
        let block = ((u128::from(hash) * (words / BLOCK_WORDS) as u128) >> 64) as usize;
        let start = at + block * BLOCK_WORDS * 8;
        let Some(line) = self.bytes.get(start..start + BLOCK_WORDS * 8) else {
            return false;
        };
        (0..BLOOM_PROBES).fold(true, |all, j| {
            let bit = (hash >> (j * 9)) as usize & (BLOCK_WORDS * 64 - 1);
            let word = line
                .get(bit / 64 * 8..bit / 64 * 8 + 8)
                .and_then(|w| w.try_into().ok())
                .map_or(0, u64::from_le_bytes);
            all & (word & (1 << (bit % 64)) != 0)
        })
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
        b.add_first_word(42);
        let table = NameTable::from_bytes(Cow::Owned(b.into_bytes())).unwrap();
        assert_eq!(table.get(7).collect::<Vec<_>>(), vec![1, 3]);
        assert!(table.might_contain(7) && table.might_contain(23));
        assert!(table.might_start_name(42));
        assert_eq!(table.get(9).collect::<Vec<_>>(), vec![2]);
        assert_eq!(table.get(23).collect::<Vec<_>>(), vec![5]);
        assert_eq!(table.get(8).next(), None);
        assert!(NameTable::from_bytes(Cow::Borrowed(b"GRNT\x03\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0")).is_none());
        assert!(NameTable::from_bytes(Cow::Borrowed(b"GRNT\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0")).is_none());
    }

    #[test]
    fn filters_hold_every_key_and_turn_most_others_away() {
        // Spread-out hashes, as name hashes are.
        let hash = |k: u64| (k + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        let mut b = NameTableBuilder::default();
        for k in 0..5_000 {
            b.add(hash(k), k as u32);
            b.add_first_word(hash(k));
        }
        let table = NameTable::from_bytes(Cow::Owned(b.into_bytes())).unwrap();
        for k in 0..5_000 {
            assert!(table.might_contain(hash(k)) && table.might_start_name(hash(k)), "{k}");
            assert_eq!(table.get(hash(k)).collect::<Vec<_>>(), [k as u32]);
        }
        let others = (5_000..105_000).filter(|&k| table.might_contain(hash(k))).count();
        assert!(others < 10_000, "{others} false positives in 100,000");
        assert_eq!(table.get(hash(5_000)).len(), 0);
    }
}

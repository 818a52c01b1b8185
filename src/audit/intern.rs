//! String interning: a national catalog repeats the same few thousand names, departments,
//! item codes and legal bases millions of times; each row keeps a `u32` instead of a String.

use rustc_hash::FxHashMap;

pub const NONE: u32 = u32::MAX;

#[derive(Debug, Default)]
pub struct Interner {
    map: FxHashMap<Box<str>, u32>,
    list: Vec<Box<str>>,
}

impl Interner {
    pub fn intern(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.map.get(s) {
            return i;
        }
        let i = self.list.len() as u32;
        let b: Box<str> = s.into();
        self.map.insert(b.clone(), i);
        self.list.push(b);
        i
    }

    pub fn opt(&mut self, s: Option<&str>) -> u32 {
        s.map_or(NONE, |s| self.intern(s))
    }

    pub fn get(&self, s: &str) -> Option<u32> {
        self.map.get(s).copied()
    }

    /// The string of an id; `NONE` reads as empty.
    pub fn str(&self, i: u32) -> &str {
        self.list.get(i as usize).map_or("", |s| s)
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.list.iter().map(|s| &**s)
    }
}

/// Row ids, unique per row and not worth interning: one byte arena and end offsets (u32: 4
/// bytes a row; `wraps` lists the rows whose end passed another 4 GiB, none in practice).
#[derive(Debug, Default)]
pub struct Arena {
    bytes: String,
    ends: Vec<u32>,
    wraps: Vec<usize>,
}

impl Arena {
    pub fn push(&mut self, s: &str) {
        let before = self.bytes.len() >> 32;
        self.bytes.push_str(s);
        let len = self.bytes.len();
        for _ in before..len >> 32 {
            self.wraps.push(self.ends.len());
        }
        self.ends.push(len as u32);
    }

    fn end(&self, i: usize) -> usize {
        let Some(&low) = self.ends.get(i) else {
            return 0;
        };
        let high = self.wraps.partition_point(|&w| w <= i);
        (high << 32) | low as usize
    }

    pub fn get(&self, i: usize) -> &str {
        if i >= self.ends.len() {
            return "";
        }
        let start = if i == 0 { 0 } else { self.end(i - 1) };
        self.bytes.get(start..self.end(i)).unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub fn shrink(&mut self) {
        self.bytes.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_gives_one_id_per_string() {
        let mut i = Interner::default();
        assert_eq!(i.intern("结婚登记"), 0);
        assert_eq!(i.intern("离婚登记"), 1);
        assert_eq!(i.intern("结婚登记"), 0);
        assert_eq!(i.str(1), "离婚登记");
        assert_eq!(i.str(NONE), "");
        let mut a = Arena::default();
        a.push("A1");
        a.push("");
        a.push("B22");
        assert_eq!(
            (a.get(0), a.get(1), a.get(2), a.get(9)),
            ("A1", "", "B22", "")
        );
    }
}

//! The ledger in a plain columnar form: the stored form of a workspace from version 3 on
//! (`snapshot.rs`) and the form in which a part of a file is handed from one worker to another
//! (`part.rs`). Each integer column is written as its smallest value and then every value's
//! distance from it in the fewest whole bytes that hold the largest (1, 2, 4 or 8), little
//! endian: a customer number of a ledger of 60,000 customers takes two bytes, a region's code
//! one. A column of optional values is a bit per line and then the given values; a text column's
//! distinct values are their lengths and then their bytes. Writing and reading it is a loop
//! per column, where postcard's variable-length integers (the stored form up to version 2) take
//! a decision per value: in the browser that was most of restoring a saved workspace.
//!
//! Layout, every count a u64: lines; customer keys (texts); which customers have a name (bits)
//! and the names (texts); customer, date and amount (integers); cost and quantity, each a
//! count of 0 (not carried) or 1 and then the bits and the given values (costs as integers;
//! quantities as a count of 0 and integers when every one is a whole number, else a count of 1
//! and each f64's 8 bytes); the attributes' count and for each its place in `Attribute::ALL`, its
//! values (texts) and its codes (integers).

use super::{Attribute, CustomerId, Interner, Ledger, TextColumn};
use crate::engine::date::Day;
use crate::engine::money::Money;

impl Ledger {
    /// Appends the ledger's plain form to `out`.
    pub(super) fn write_plain(&self, out: Vec<u8>) -> Vec<u8> {
        let mut w = Writer(out);
        w.0.reserve(self.plain_len_estimate());
        w.count(self.customer.len());
        w.texts(self.customer_keys.keys.iter());
        w.bits(self.customer_names.iter().map(Option::is_some));
        w.texts(self.customer_names.iter().flatten());
        w.integers(self.customer.iter().map(|c| i64::from(c.0)));
        w.integers(self.date.iter().map(|d| i64::from(d.number())));
        w.integers(self.amount.iter().map(|a| a.cents()));
        w.optional(self.cost.as_deref(), |w, v| w.integers(v.iter().flatten().map(|m| m.cents())));
        w.optional(self.quantity.as_deref(), Writer::quantities);
        w.count(self.attributes.len());
        for (attribute, column) in &self.attributes {
            w.count(Attribute::ALL.iter().position(|a| a == attribute).unwrap_or(usize::MAX));
            w.texts(column.values.keys.iter());
            w.integers(column.codes.iter().map(|&c| i64::from(c)));
        }
        w.0
    }

    /// Reads a ledger written by `write_plain`; `None` when the bytes are not a whole,
    /// consistent ledger (`is_consistent`). The money limit is the caller's to check.
    pub(super) fn read_plain(bytes: &[u8]) -> Option<Ledger> {
        Reader(bytes).ledger()
    }

    /// Bytes enough for most ledgers, so that the output grows once or not at all, and not
    /// much more: codes and customer numbers at the width their count takes, dates and amounts
    /// at four bytes, quantities at eight, each text value at 20 bytes with its length.
    fn plain_len_estimate(&self) -> usize {
        let width = |values: usize| width_of(values as u64);
        let codes: usize = self.attributes.iter().map(|(_, c)| width(c.values.len())).sum();
        let optional = self.cost.as_ref().map_or(0, |_| 5) + self.quantity.as_ref().map_or(0, |_| 9);
        let per_line = width(self.customer_keys.len()) + 4 + 4 + optional + codes;
        let values: usize =
            self.attributes.iter().map(|(_, c)| c.values.keys.len()).sum::<usize>() + self.customer_keys.keys.len();
        self.customer.len() * per_line + values * 20 + 64 * (8 + self.attributes.len())
    }
}

/// The plain form being written.
struct Writer(Vec<u8>);

impl Writer {
    fn count(&mut self, n: usize) {
        self.0.extend_from_slice(&(n as u64).to_le_bytes());
    }

    /// Fixed-size values, their count first.
    fn fixed<const N: usize>(&mut self, values: impl Iterator<Item = [u8; N]> + Clone) {
        self.count(values.clone().count());
        values.for_each(|bytes| self.0.extend_from_slice(&bytes));
    }

    /// Integers as their count, their smallest value (8 bytes), the width of a distance from it
    /// (1 byte) and then each value's distance in that width. Distances wrap, so any two i64
    /// values are apart by at most a u64.
    fn integers(&mut self, values: impl Iterator<Item = i64> + Clone) {
        let (n, min, max) =
            values.clone().fold((0, i64::MAX, i64::MIN), |(n, lo, hi), v| (n + 1, lo.min(v), hi.max(v)));
        self.count(n);
        if n == 0 {
            return;
        }
        let widest = (max as u64).wrapping_sub(min as u64);
        let width = width_of(widest);
        self.0.extend_from_slice(&min.to_le_bytes());
        self.0.push(width as u8);
        match width {
            1 => self.distances::<1>(values, min, n),
            2 => self.distances::<2>(values, min, n),
            4 => self.distances::<4>(values, min, n),
            _ => self.distances::<8>(values, min, n),
        }
    }

    /// Each value's distance from `min` in its `W` lowest bytes, written into room made for all
    /// of them (a loop per width, so that each is a plain store, not a copy of a slice).
    fn distances<const W: usize>(&mut self, values: impl Iterator<Item = i64>, min: i64, n: usize) {
        let start = self.0.len();
        self.0.resize(start + n * W, 0);
        for (to, v) in self.0[start..].chunks_exact_mut(W).zip(values) {
            to.copy_from_slice(&(v as u64).wrapping_sub(min as u64).to_le_bytes()[..W]);
        }
    }

    /// One bit per value, the first in the lowest bit, the last byte's unused bits zero.
    fn bits(&mut self, given: impl ExactSizeIterator<Item = bool>) {
        let n = given.len();
        self.count(n);
        let mut byte = 0;
        for (i, g) in given.enumerate() {
            byte |= u8::from(g) << (i % 8);
            if i % 8 == 7 {
                self.0.push(std::mem::take(&mut byte));
            }
        }
        if n % 8 != 0 {
            self.0.push(byte);
        }
    }

    /// An optional column: whether it is there (a count of 0 or 1), then a bit per line and the
    /// given values, as `given` writes them.
    fn optional<T: Copy>(&mut self, column: Option<&[Option<T>]>, given: fn(&mut Writer, &[Option<T>])) {
        self.count(usize::from(column.is_some()));
        if let Some(values) = column {
            self.bits(values.iter().map(Option::is_some));
            given(self, values);
        }
    }

    /// The given quantities: a count of 0 and then integers when every one is a whole number
    /// (as most are: pieces, hours), else a count of 1 and then each f64's 8 bytes.
    fn quantities(&mut self, column: &[Option<f64>]) {
        let given = column.iter().flatten();
        let whole = |q: f64| q.fract() == 0.0 && q.abs() <= WHOLE as f64 && !(q == 0.0 && q.is_sign_negative());
        if given.clone().all(|&q| whole(q)) {
            self.count(0);
            self.integers(given.map(|&q| q as i64));
        } else {
            self.count(1);
            self.fixed(given.map(|q| q.to_bits().to_le_bytes()));
        }
    }

    /// Texts as their count and lengths, then all their bytes.
    fn texts<'a>(&mut self, texts: impl Iterator<Item = &'a Box<str>> + Clone) {
        self.count(texts.clone().count());
        texts.clone().for_each(|t| self.0.extend_from_slice(&(t.len() as u32).to_le_bytes()));
        texts.for_each(|t| self.0.extend_from_slice(t.as_bytes()));
    }
}

/// Bits as they were written: `n` of them, eight a byte.
struct Bits<'a> {
    bytes: &'a [u8],
    n: usize,
}

impl Bits<'_> {
    fn get(&self, i: usize) -> bool {
        self.bytes[i / 8] >> (i % 8) & 1 == 1
    }

    /// A value where a bit is set, in order, `None` elsewhere; `None` unless there is exactly a
    /// value per bit set.
    fn spread<T>(&self, values: Vec<T>) -> Option<Vec<Option<T>>> {
        let set: usize = self.bytes.iter().map(|b| b.count_ones() as usize).sum();
        if set != values.len() {
            return None;
        }
        let mut values = values.into_iter();
        let mut spread = Vec::with_capacity(self.n);
        spread.extend((0..self.n).map(|i| if self.get(i) { values.next() } else { None }));
        Some(spread)
    }
}

/// The fewest bytes of 1, 2, 4 and 8 that hold `widest`.
fn width_of(widest: u64) -> usize {
    [1, 2, 4].into_iter().find(|&w| widest < 1 << (8 * w)).unwrap_or(8)
}

/// A column's values as integers.
trait Integer: Sized {
    /// The smallest and largest integer that is a value.
    const RANGE: (i64, i64);
    /// The value of an integer within `RANGE`.
    fn of(v: i64) -> Self;
}

impl Integer for u32 {
    const RANGE: (i64, i64) = (0, u32::MAX as i64);
    fn of(v: i64) -> Self {
        v as u32
    }
}

impl Integer for CustomerId {
    const RANGE: (i64, i64) = u32::RANGE;
    fn of(v: i64) -> Self {
        CustomerId(u32::of(v))
    }
}

impl Integer for Day {
    const RANGE: (i64, i64) = (i32::MIN as i64, i32::MAX as i64);
    fn of(v: i64) -> Self {
        Day::from_number(v as i32)
    }
}

impl Integer for Money {
    const RANGE: (i64, i64) = (i64::MIN, i64::MAX);
    fn of(v: i64) -> Self {
        Money::from_cents(v)
    }
}

/// A quantity that is a whole number, as `Writer::quantities` writes it: exactly, with no
/// sign of zero to lose.
impl Integer for f64 {
    const RANGE: (i64, i64) = (-WHOLE, WHOLE);
    fn of(v: i64) -> Self {
        v as f64
    }
}

/// Whole numbers up to 2^53 are exact in an f64.
const WHOLE: i64 = 1 << 53;

/// The values of distances of `W` bytes from `min`. When every distance the width can hold lands
/// in `T`'s range (a customer number, a date, any amount) no value is checked; otherwise each is.
fn values_at<T: Integer, const W: usize>(bytes: &[u8], min: i64) -> Option<Vec<T>> {
    let distances = bytes.chunks_exact(W).map(|b| {
        let mut wide = [0; 8];
        wide[..W].copy_from_slice(b);
        u64::from_le_bytes(wide)
    });
    let value = |distance: u64| (min as u64).wrapping_add(distance) as i64;
    let (lo, hi) = T::RANGE;
    let top = i128::from(min) + (1i128 << (8 * W)) - 1;
    if min >= lo && top <= i128::from(hi) || (lo, hi) == (i64::MIN, i64::MAX) {
        let mut values = Vec::with_capacity(bytes.len() / W);
        values.extend(distances.map(|d| T::of(value(d))));
        Some(values)
    } else {
        distances.map(|d| Some(value(d)).filter(|v| (lo..=hi).contains(v)).map(T::of)).collect()
    }
}

/// The plain form being read; every step is `None` when the bytes run out or do not fit.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (taken, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(taken)
    }

    fn count(&mut self) -> Option<usize> {
        let bytes = self.take(8)?.first_chunk::<8>()?;
        usize::try_from(u64::from_le_bytes(*bytes)).ok()
    }

    fn fixed<const N: usize, T>(&mut self, value: fn([u8; N]) -> T) -> Option<Vec<T>> {
        let n = self.count()?;
        let bytes = self.take(n.checked_mul(N)?)?;
        // Filled into room for all: collecting a `filter_map` would grow the column as it goes.
        let mut values = Vec::with_capacity(n);
        values.extend(bytes.chunks_exact(N).filter_map(|b| b.first_chunk::<N>()).map(|b| value(*b)));
        Some(values)
    }

    /// Integers written by `Writer::integers`; `None` when one is out of `T`'s range (so the
    /// bytes are damaged). Every value takes at least a byte, so a count can never ask for more
    /// room than the bytes it came in.
    fn integers<T: Integer>(&mut self) -> Option<Vec<T>> {
        let n = self.count()?;
        if n == 0 {
            return Some(Vec::new());
        }
        let min = i64::from_le_bytes(*self.take(8)?.first_chunk::<8>()?);
        let width = usize::from(*self.take(1)?.first()?);
        let bytes = self.take(n.checked_mul(width)?)?;
        match width {
            1 => values_at::<T, 1>(bytes, min),
            2 => values_at::<T, 2>(bytes, min),
            4 => values_at::<T, 4>(bytes, min),
            8 => values_at::<T, 8>(bytes, min),
            _ => None,
        }
    }

    /// Bits written by `Writer::bits`; the last byte's unused bits must be zero.
    fn bits(&mut self) -> Option<Bits<'a>> {
        let n = self.count()?;
        let bytes = self.take(n.div_ceil(8))?;
        let clean = bytes.last().is_none_or(|&last| n % 8 == 0 || last >> (n % 8) == 0);
        clean.then_some(Bits { bytes, n })
    }

    /// An optional column: its bits and then its given values, read by `given`.
    fn optional<T>(&mut self, given: fn(&mut Reader<'a>) -> Option<Vec<T>>) -> Option<Option<Vec<Option<T>>>> {
        match self.count()? {
            0 => Some(None),
            1 => {
                let bits = self.bits()?;
                let values = given(self)?;
                Some(Some(bits.spread(values)?))
            }
            _ => None,
        }
    }

    /// Quantities written by `Writer::quantities`.
    fn quantities(&mut self) -> Option<Vec<f64>> {
        match self.count()? {
            0 => self.integers::<f64>(),
            1 => self.fixed(|b| f64::from_bits(u64::from_le_bytes(b))),
            _ => None,
        }
    }

    /// Texts written by `Writer::texts`: their bytes are checked as UTF-8 once, and each text
    /// must begin and end at a character boundary.
    fn texts(&mut self) -> Option<Vec<Box<str>>> {
        let lengths = self.fixed(u32::from_le_bytes)?;
        let total = lengths.iter().try_fold(0usize, |sum, &n| sum.checked_add(n as usize))?;
        let all = std::str::from_utf8(self.take(total)?).ok()?;
        let mut start = 0;
        lengths
            .into_iter()
            .map(|n| {
                let text = all.get(start..start + n as usize)?;
                start += n as usize;
                Some(Box::from(text))
            })
            .collect()
    }

    fn ledger(&mut self) -> Option<Ledger> {
        let lines = self.count()?;
        let customer_keys = self.texts()?;
        let (given, names) = (self.bits()?, self.texts()?);
        let customer_names = given.spread(names)?;
        let customer = self.integers::<CustomerId>()?;
        let date = self.integers::<Day>()?;
        let amount = self.integers::<Money>()?;
        let cost = self.optional(Reader::integers::<Money>)?;
        let quantity = self.optional(Reader::quantities)?;
        let attributes = (0..self.count()?)
            .map(|_| {
                let attribute = *Attribute::ALL.get(self.count()?)?;
                let (values, codes) = (self.texts()?, self.integers::<u32>()?);
                Some((attribute, TextColumn { values: Interner::with_keys(values), codes }))
            })
            .collect::<Option<Vec<_>>>()?;
        let ledger = Ledger {
            customer_keys: Interner::with_keys(customer_keys),
            customer_names,
            customer,
            date,
            amount,
            cost,
            quantity,
            attributes,
        };
        (self.0.is_empty() && ledger.len() == lines && ledger.is_consistent()).then_some(ledger)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(values: &[i64]) -> Vec<u8> {
        let mut w = Writer(Vec::new());
        w.integers(values.iter().copied());
        w.0
    }

    fn read(bytes: &[u8]) -> Option<Vec<i64>> {
        let mut r = Reader(bytes);
        r.integers::<Money>().filter(|_| r.0.is_empty()).map(|v| v.into_iter().map(Money::cents).collect())
    }

    #[test]
    fn integers_take_the_fewest_bytes_that_hold_their_distance_from_the_smallest() {
        // 8 bytes of count, 8 of the smallest value, 1 of width, then the distances.
        let cases: [(&[i64], usize); 7] = [
            (&[], 0),
            (&[7, 7, 7], 1),
            (&[-5, 250], 1),
            (&[-5, 251], 2),
            (&[0, 65_535, 65_536], 4),
            (&[i64::MIN, 0, i64::MAX], 8),
            (&[-(1 << 40), 1 << 40], 8),
        ];
        for (values, width) in cases {
            let bytes = written(values);
            let header = if values.is_empty() { 8 } else { 17 };
            assert_eq!(bytes.len(), header + width * values.len(), "{values:?}");
            assert_eq!(read(&bytes).as_deref(), Some(values), "{values:?}");
        }
        // 60,000 customers' numbers take two bytes a line.
        let customers: Vec<i64> = (0..120_000).map(|i| i % 60_000).collect();
        assert_eq!(written(&customers).len(), 17 + 2 * 120_000);
    }

    #[test]
    fn integers_that_do_not_fit_are_refused() {
        // A width that is not 1, 2, 4 or 8; bytes cut short; a value beyond the reader's type.
        let mut bytes = written(&[1, 300]);
        assert_eq!(read(&bytes), Some(vec![1, 300]));
        bytes[16] = 3;
        assert_eq!(read(&bytes), None);
        assert_eq!(read(&written(&[1, 300])[..19]), None);
        let beyond_u32 = written(&[0, 1 << 32]);
        assert!(Reader(&beyond_u32).integers::<u32>().is_none());
        assert_eq!(Reader(&written(&[0, (1 << 32) - 1])).integers::<u32>(), Some(vec![0, u32::MAX]));
        assert!(Reader(&written(&[-1, 5])).integers::<CustomerId>().is_none());
        // A count of lines the bytes cannot hold is refused before any room is made for them.
        let mut huge = written(&[5]);
        huge[..8].copy_from_slice(&(u64::MAX / 2).to_le_bytes());
        assert_eq!(read(&huge), None);
    }

    #[test]
    fn whole_quantities_are_stored_as_integers_and_any_other_as_it_is() {
        let forms: [(&[Option<f64>], u64, usize); 4] = [
            (&[Some(3.0), None, Some(-12.0), Some(0.0)], 0, 17 + 3),
            (&[Some(9_007_199_254_740_992.0), Some(-9_007_199_254_740_992.0)], 0, 17 + 2 * 8),
            (&[Some(3.0), Some(2.5)], 1, 8 + 2 * 8),
            (&[Some(1.0), Some(-0.0)], 1, 8 + 2 * 8),
        ];
        for (column, kind, len) in forms {
            let mut w = Writer(Vec::new());
            w.quantities(column);
            assert_eq!((w.0[..8].first_chunk::<8>().map(|b| u64::from_le_bytes(*b)), w.0.len() - 8), (Some(kind), len));
            let back = Reader(&w.0).quantities().unwrap();
            let bits = |q: &[f64]| q.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&back), bits(&column.iter().flatten().copied().collect::<Vec<_>>()), "{column:?}");
        }
        // Stored as whole numbers, a value beyond 2^53 is damage, not a quantity.
        let mut w = Writer(Vec::new());
        w.count(0);
        w.integers([0, (1 << 53) + 1].into_iter());
        assert_eq!(Reader(&w.0).quantities(), None);
    }

    #[test]
    fn the_room_made_for_the_sample_holds_it_without_much_to_spare() {
        let ledger = crate::engine::sample::sample_ledger();
        let (estimate, written) = (ledger.plain_len_estimate(), ledger.write_plain(Vec::new()).len());
        assert!(written <= estimate && estimate < written * 3 / 2, "{written} bytes written, {estimate} estimated");
    }

    #[test]
    fn bits_round_trip_and_their_last_byte_must_be_clean() {
        for n in [0usize, 1, 7, 8, 9, 17] {
            let given: Vec<bool> = (0..n).map(|i| i % 3 == 0).collect();
            let mut w = Writer(Vec::new());
            w.bits(given.iter().copied());
            assert_eq!(w.0.len(), 8 + n.div_ceil(8));
            let bits = Reader(&w.0).bits().unwrap();
            assert_eq!((0..bits.n).map(|i| bits.get(i)).collect::<Vec<_>>(), given);
        }
        let mut w = Writer(Vec::new());
        w.bits([true, false, true].into_iter());
        assert_eq!(w.0[8], 0b101);
        let bits = Reader(&w.0).bits().unwrap();
        assert_eq!(bits.spread(vec!['a', 'b']), Some(vec![Some('a'), None, Some('b')]));
        assert_eq!(bits.spread(vec!['a']), None, "a value short");
        w.0[8] |= 0b1000;
        assert!(Reader(&w.0).bits().is_none());
    }
}

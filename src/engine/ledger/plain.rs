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

use super::{Attribute, Columns, CustomerId, Interner, Ledger, OptionalColumn, TextColumn};
use crate::engine::date::Day;
use crate::engine::money::Money;
use std::marker::PhantomData;

impl Ledger {
    /// Appends the ledger's plain form to `out`.
    pub(super) fn write_plain(&self, out: Vec<u8>) -> Vec<u8> {
        let mut w = Writer(out);
        w.0.reserve(self.plain_len_estimate());
        w.count(self.customer.len());
        w.texts(self.customer_keys.keys());
        w.bits(self.customer_names.iter().map(Option::is_some));
        w.texts(self.customer_names.iter().flatten().map(|name| &**name));
        w.integers(self.customer.iter().map(|c| i64::from(c.0)));
        w.integers(self.date.iter().map(|d| i64::from(d.number())));
        w.integers(self.amount.iter().map(|a| a.cents()));
        w.optional(self.cost.as_ref(), |w, v| w.integers(v.given_from(0).map(Money::cents)));
        w.optional(self.quantity.as_ref(), Writer::quantities);
        w.count(self.attributes.len());
        for (attribute, column) in &self.attributes {
            w.count(Attribute::ALL.iter().position(|a| a == attribute).unwrap_or(usize::MAX));
            w.texts(column.values.keys());
            w.integers(column.codes.iter().map(|&c| i64::from(c)));
        }
        w.0
    }

    /// Reads a ledger written by `write_plain`; `None` when the bytes are not a whole,
    /// consistent ledger (`is_consistent`). The money limit is the caller's to check.
    pub(super) fn read_plain(bytes: &[u8]) -> Option<Ledger> {
        Plain::read(bytes).map(|plain| plain.decoded())
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
            self.attributes.iter().map(|(_, c)| c.values.len()).sum::<usize>() + self.customer_keys.len();
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
    fn optional<T: Copy + Default>(
        &mut self,
        column: Option<&OptionalColumn<T>>,
        given: fn(&mut Writer, &OptionalColumn<T>),
    ) {
        self.count(usize::from(column.is_some()));
        if let Some(values) = column {
            self.bits(values.iter().map(|v| v.is_some()));
            given(self, values);
        }
    }

    /// The given quantities: a count of 0 and then integers when every one is a whole number
    /// (as most are: pieces, hours), else a count of 1 and then each f64's 8 bytes.
    fn quantities(&mut self, column: &OptionalColumn<f64>) {
        let given = || column.given_from(0);
        let whole = |q: f64| q.fract() == 0.0 && q.abs() <= WHOLE as f64 && !(q == 0.0 && q.is_sign_negative());
        if given().all(whole) {
            self.count(0);
            self.integers(given().map(|q| q as i64));
        } else {
            self.count(1);
            self.fixed(given().map(|q| q.to_bits().to_le_bytes()));
        }
    }

    /// Texts as their count and lengths, then all their bytes.
    fn texts<'a>(&mut self, texts: impl Iterator<Item = &'a str> + Clone) {
        self.count(texts.clone().count());
        texts.clone().for_each(|t| self.0.extend_from_slice(&(t.len() as u32).to_le_bytes()));
        texts.for_each(|t| self.0.extend_from_slice(t.as_bytes()));
    }
}

/// Bits as they were written: `n` of them, eight a byte.
#[derive(Clone, Copy, Debug)]
struct Bits<'a> {
    bytes: &'a [u8],
    n: usize,
}

impl<'a> Bits<'a> {
    fn get(&self, i: usize) -> bool {
        self.bytes[i / 8] >> (i % 8) & 1 == 1
    }

    /// The bits set.
    fn set(&self) -> usize {
        self.bytes.iter().map(|b| b.count_ones() as usize).sum()
    }

    /// A value where a bit is set, in order, `None` elsewhere (`Reader` checks that there is
    /// a value per bit set).
    fn spread<T, V>(self, values: V) -> impl Iterator<Item = Option<T>> + 'a
    where
        V: IntoIterator<Item = T>,
        V::IntoIter: 'a,
    {
        let mut values = values.into_iter();
        (0..self.n).map(move |i| if self.get(i) { values.next() } else { None })
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

/// The distances from a column's smallest value held in `W` bytes each, each read as the
/// integer of its width: copied into eight bytes instead, the 1M-line workspace's decoding
/// took 64 ms where it takes 62 (`cargo bench --bench import -- workspace/decode`), and a copy
/// of a length not known when compiled (a call per value) 96.
fn distances<const W: usize>(bytes: &[u8]) -> impl Iterator<Item = u64> + '_ {
    bytes.chunks_exact(W).map(|b| match *b {
        [a] => u64::from(a),
        [a, b] => u64::from(u16::from_le_bytes([a, b])),
        [a, b, c, d] => u64::from(u32::from_le_bytes([a, b, c, d])),
        _ => {
            let mut wide = [0; 8];
            wide[..W].copy_from_slice(b);
            u64::from_le_bytes(wide)
        }
    })
}

/// Integers as `Writer::integers` wrote them, checked (each within `T`'s range) but not yet
/// decoded: a column is decoded straight into the ledger it is read into or appended to.
#[derive(Debug)]
struct Integers<'a, T> {
    n: usize,
    min: i64,
    width: usize,
    bytes: &'a [u8],
    of: PhantomData<T>,
}

impl<T: Integer> Integers<'_, T> {
    /// Each value as `f` makes it, onto `out`: a loop per width.
    fn extend<U>(&self, out: &mut Vec<U>, f: impl FnMut(T) -> U) {
        match self.width {
            1 => self.extend_at::<U, 1>(out, f),
            2 => self.extend_at::<U, 2>(out, f),
            4 => self.extend_at::<U, 4>(out, f),
            _ => self.extend_at::<U, 8>(out, f),
        }
    }

    fn extend_at<U, const W: usize>(&self, out: &mut Vec<U>, mut f: impl FnMut(T) -> U) {
        let min = self.min as u64;
        out.extend(distances::<W>(self.bytes).map(|d| f(T::of(min.wrapping_add(d) as i64))));
    }

    fn to_vec(&self) -> Vec<T> {
        let mut values = Vec::with_capacity(self.n);
        self.extend(&mut values, |v| v);
        values
    }

    /// Whether every value is within `T`'s range. When every distance the width can hold lands
    /// in it (a customer number, a date, any amount) no value is looked at.
    fn fit(&self) -> bool {
        let (lo, hi) = T::RANGE;
        let top = i128::from(self.min) + (1i128 << (8 * self.width)) - 1;
        let whole_width = self.min >= lo && top <= i128::from(hi) || (lo, hi) == (i64::MIN, i64::MAX);
        let within = |d: u64| (lo..=hi).contains(&((self.min as u64).wrapping_add(d) as i64));
        whole_width
            || match self.width {
                1 => distances::<1>(self.bytes).all(within),
                2 => distances::<2>(self.bytes).all(within),
                4 => distances::<4>(self.bytes).all(within),
                _ => distances::<8>(self.bytes).all(within),
            }
    }

    /// The largest value, if any (of codes that must be within their values).
    fn max(&self) -> Option<i64> {
        // The largest distance, not each value: a loop with no exit, which the compiler vectorises.
        let widest = match self.width {
            1 => distances::<1>(self.bytes).max(),
            2 => distances::<2>(self.bytes).max(),
            4 => distances::<4>(self.bytes).max(),
            _ => distances::<8>(self.bytes).max(),
        }?;
        Some((self.min as u64).wrapping_add(widest) as i64)
    }
}

/// Texts as `Writer::texts` wrote them, checked (each begins and ends at a character
/// boundary) but not yet copied.
#[derive(Clone, Copy, Debug)]
struct Texts<'a> {
    lengths: &'a [u8],
    all: &'a str,
}

impl<'a> Texts<'a> {
    fn len(&self) -> usize {
        self.lengths.len() / 4
    }

    fn lengths(&self) -> impl Iterator<Item = usize> + 'a {
        self.lengths.chunks_exact(4).filter_map(|b| b.first_chunk::<4>()).map(|b| u32::from_le_bytes(*b) as usize)
    }

    fn iter(&self) -> impl Iterator<Item = &'a str> + 'a {
        let all = self.all;
        self.lengths().scan(0, move |start, n| {
            let text = all.get(*start..*start + n).unwrap_or_default();
            *start += n;
            Some(text)
        })
    }
}

/// Quantities as `Writer::quantities` wrote them.
#[derive(Debug)]
enum Quantities<'a> {
    Whole(Integers<'a, f64>),
    /// Each f64's 8 bytes.
    Any(&'a [u8]),
}

impl Quantities<'_> {
    fn len(&self) -> usize {
        match self {
            Quantities::Whole(values) => values.n,
            Quantities::Any(bytes) => bytes.len() / 8,
        }
    }

    fn to_vec(&self) -> Vec<f64> {
        match self {
            Quantities::Whole(values) => values.to_vec(),
            Quantities::Any(bytes) => {
                let mut values = Vec::with_capacity(bytes.len() / 8);
                let bits = bytes.chunks_exact(8).filter_map(|b| b.first_chunk::<8>()).map(|b| u64::from_le_bytes(*b));
                values.extend(bits.map(f64::from_bits));
                values
            }
        }
    }
}

/// A ledger's plain form, read and checked as a whole (`is_consistent`'s checks: every column
/// as long as the others, a name slot per customer, every code within its values) but each
/// column still its bytes: decoded into a ledger of its own (`decoded`) or appended straight to
/// a builder (`LedgerBuilder::append`), so that a part appended is never held twice.
#[derive(Debug)]
pub(super) struct Plain<'a> {
    /// The bytes read.
    pub(super) bytes: &'a [u8],
    lines: usize,
    customer_keys: Texts<'a>,
    named: Bits<'a>,
    names: Texts<'a>,
    customer: Integers<'a, CustomerId>,
    date: Integers<'a, Day>,
    amount: Integers<'a, Money>,
    cost: Option<(Bits<'a>, Integers<'a, Money>)>,
    quantity: Option<(Bits<'a>, Quantities<'a>)>,
    attributes: Vec<(Attribute, Texts<'a>, Integers<'a, u32>)>,
}

impl<'a> Plain<'a> {
    /// `None` when the bytes are not a whole, consistent ledger.
    pub(super) fn read(bytes: &'a [u8]) -> Option<Plain<'a>> {
        Reader(bytes).ledger()
    }

    pub(super) fn columns(&self) -> Columns {
        Columns {
            cost: self.cost.is_some(),
            quantity: self.quantity.is_some(),
            attributes: self.attributes.iter().map(|(a, _, _)| *a).collect(),
        }
    }

    /// The ledger, every column decoded into room for all its values.
    fn decoded(&self) -> Ledger {
        fn spread<T: Copy + Default>((bits, values): (&Bits, Vec<T>)) -> OptionalColumn<T> {
            bits.spread(values).collect()
        }
        Ledger {
            customer_keys: Interner::from_keys(self.customer_keys.iter()),
            customer_names: self.named.spread(self.names.iter().map(Box::from)).collect(),
            customer: self.customer.to_vec(),
            date: self.date.to_vec(),
            amount: self.amount.to_vec(),
            cost: self.cost.as_ref().map(|(bits, values)| spread((bits, values.to_vec()))),
            quantity: self.quantity.as_ref().map(|(bits, values)| spread((bits, values.to_vec()))),
            attributes: self
                .attributes
                .iter()
                .map(|(a, values, codes)| {
                    (*a, TextColumn { values: Interner::from_keys(values.iter()), codes: codes.to_vec() })
                })
                .collect(),
        }
    }

    /// Appends the lines to `l`, whose columns are the same: each value interned there in its
    /// order of first appearance (as `LedgerBuilder::append` appends a ledger's).
    pub(super) fn append_to(&self, l: &mut Ledger) {
        let customers = l.merge_customers(self.customer_keys.iter(), self.named.spread(self.names.iter()));
        self.customer.extend(&mut l.customer, |c| CustomerId(customers[c.index()]));
        self.date.extend(&mut l.date, |d| d);
        self.amount.extend(&mut l.amount, |a| a);
        if let (Some(column), Some((bits, values))) = (&mut l.cost, &self.cost) {
            column.extend(bits.spread(values.to_vec()));
        }
        if let (Some(column), Some((bits, values))) = (&mut l.quantity, &self.quantity) {
            column.extend(bits.spread(values.to_vec()));
        }
        for ((_, column), (_, values, codes)) in l.attributes.iter_mut().zip(&self.attributes) {
            let here = column.values.merge(values.iter());
            codes.extend(&mut column.codes, |c| here[c as usize]);
        }
    }

    /// Whether the columns fit together (see `Ledger::is_consistent`).
    fn is_consistent(&self) -> bool {
        let lines = self.lines;
        let within = |max: Option<i64>, values: usize| max.is_none_or(|m| (m as u64 as usize) < values);
        let set_per_value = |bits: &Bits, values: usize| bits.n == lines && bits.set() == values;
        self.customer.n == lines
            && self.date.n == lines
            && self.amount.n == lines
            && self.cost.as_ref().is_none_or(|(bits, values)| set_per_value(bits, values.n))
            && self.quantity.as_ref().is_none_or(|(bits, values)| set_per_value(bits, values.len()))
            && self.named.n == self.customer_keys.len()
            && self.named.set() == self.names.len()
            && within(self.customer.max(), self.customer_keys.len())
            && self.attributes.iter().all(|(_, values, codes)| codes.n == lines && within(codes.max(), values.len()))
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

    /// Integers written by `Writer::integers`; `None` when one is out of `T`'s range (so the
    /// bytes are damaged). Every value takes at least a byte, so a count can never ask for more
    /// room than the bytes it came in.
    fn integers<T: Integer>(&mut self) -> Option<Integers<'a, T>> {
        let n = self.count()?;
        let (min, width) = match n {
            0 => (0, 1),
            _ => (i64::from_le_bytes(*self.take(8)?.first_chunk::<8>()?), usize::from(*self.take(1)?.first()?)),
        };
        if !matches!(width, 1 | 2 | 4 | 8) {
            return None;
        }
        let bytes = self.take(n.checked_mul(width)?)?;
        let integers = Integers { n, min, width, bytes, of: PhantomData };
        integers.fit().then_some(integers)
    }

    /// Bits written by `Writer::bits`; the last byte's unused bits must be zero.
    fn bits(&mut self) -> Option<Bits<'a>> {
        let n = self.count()?;
        let bytes = self.take(n.div_ceil(8))?;
        let clean = bytes.last().is_none_or(|&last| n % 8 == 0 || last >> (n % 8) == 0);
        clean.then_some(Bits { bytes, n })
    }

    /// An optional column: its bits and then its given values, read by `given`.
    fn optional<T>(&mut self, given: fn(&mut Reader<'a>) -> Option<T>) -> Option<Option<(Bits<'a>, T)>> {
        match self.count()? {
            0 => Some(None),
            1 => Some(Some((self.bits()?, given(self)?))),
            _ => None,
        }
    }

    /// Quantities written by `Writer::quantities`.
    fn quantities(&mut self) -> Option<Quantities<'a>> {
        match self.count()? {
            0 => self.integers::<f64>().map(Quantities::Whole),
            1 => {
                let n = self.count()?;
                Some(Quantities::Any(self.take(n.checked_mul(8)?)?))
            }
            _ => None,
        }
    }

    /// Texts written by `Writer::texts`: their bytes are checked as UTF-8 once, and each text
    /// must begin and end at a character boundary.
    fn texts(&mut self) -> Option<Texts<'a>> {
        let n = self.count()?;
        let lengths = self.take(n.checked_mul(4)?)?;
        let total = Texts { lengths, all: "" }.lengths().try_fold(0usize, |sum, n| sum.checked_add(n))?;
        let texts = Texts { lengths, all: std::str::from_utf8(self.take(total)?).ok()? };
        let mut end = 0;
        texts
            .lengths()
            .all(|n| {
                end += n;
                texts.all.is_char_boundary(end)
            })
            .then_some(texts)
    }

    fn ledger(&mut self) -> Option<Plain<'a>> {
        let bytes = self.0;
        let lines = self.count()?;
        let customer_keys = self.texts()?;
        let (named, names) = (self.bits()?, self.texts()?);
        let customer = self.integers::<CustomerId>()?;
        let date = self.integers::<Day>()?;
        let amount = self.integers::<Money>()?;
        let cost = self.optional(Reader::integers::<Money>)?;
        let quantity = self.optional(Reader::quantities)?;
        let attributes = (0..self.count()?)
            .map(|_| {
                let attribute = *Attribute::ALL.get(self.count()?)?;
                Some((attribute, self.texts()?, self.integers::<u32>()?))
            })
            .collect::<Option<Vec<_>>>()?;
        let plain =
            Plain { bytes, lines, customer_keys, named, names, customer, date, amount, cost, quantity, attributes };
        (self.0.is_empty() && plain.is_consistent()).then_some(plain)
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
        r.integers::<Money>().filter(|_| r.0.is_empty()).map(|v| v.to_vec().into_iter().map(Money::cents).collect())
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
        assert_eq!(
            Reader(&written(&[0, (1 << 32) - 1])).integers::<u32>().map(|v| v.to_vec()),
            Some(vec![0, u32::MAX])
        );
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
            w.quantities(&column.iter().copied().collect());
            assert_eq!((w.0[..8].first_chunk::<8>().map(|b| u64::from_le_bytes(*b)), w.0.len() - 8), (Some(kind), len));
            let back = Reader(&w.0).quantities().unwrap().to_vec();
            let bits = |q: &[f64]| q.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&back), bits(&column.iter().flatten().copied().collect::<Vec<_>>()), "{column:?}");
        }
        // Stored as whole numbers, a value beyond 2^53 is damage, not a quantity.
        let mut w = Writer(Vec::new());
        w.count(0);
        w.integers([0, (1 << 53) + 1].into_iter());
        assert!(Reader(&w.0).quantities().is_none());
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
        assert_eq!(bits.set(), 2);
        assert_eq!(bits.spread(vec!['a', 'b']).collect::<Vec<_>>(), [Some('a'), None, Some('b')]);
        w.0[8] |= 0b1000;
        assert!(Reader(&w.0).bits().is_none());
    }
}

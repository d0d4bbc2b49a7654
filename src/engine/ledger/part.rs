//! A part of a ledger handed from one worker to another (the later part of a file read by the
//! part worker, `import/parts.rs`), in a plain columnar form: each column's values as
//! little-endian integers one after the other, each text column's distinct values as their
//! lengths and then their bytes. Writing and reading it is a copy per column, where the stored
//! form (postcard's variable-length integers, `snapshot.rs`) takes a decision per value: in the
//! browser that encoding and decoding were a tenth of a large import's critical path. The form
//! lives only as long as one import and is never stored, so it needs no version.

use super::{Attribute, Columns, CustomerId, DecodeError, Interner, Ledger, LedgerBuilder, TextColumn};
use crate::engine::date::Day;
use crate::engine::money::Money;

/// Lines to append to a builder (`LedgerBuilder::append`): another builder's, or a part of a
/// file read by another worker and decoded from its plain form (`decode`).
#[derive(Debug)]
pub struct LedgerPart {
    pub(super) ledger: Ledger,
    pub(super) magnitude: u128,
}

impl From<LedgerBuilder> for LedgerPart {
    fn from(builder: LedgerBuilder) -> LedgerPart {
        LedgerPart { ledger: builder.ledger, magnitude: builder.magnitude }
    }
}

impl LedgerPart {
    /// The optional columns the part carries.
    pub fn columns(&self) -> Columns {
        self.ledger.columns()
    }

    /// Appends the part's plain form to `out`.
    pub fn encode_into(&self, out: Vec<u8>) -> Vec<u8> {
        let l = &self.ledger;
        let mut w = Writer(out);
        w.0.reserve(self.encoded_len_estimate());
        w.count(l.customer.len());
        w.texts(l.customer_keys.keys.iter());
        w.flags(l.customer_names.iter().map(Option::is_some));
        w.texts(l.customer_names.iter().flatten());
        w.fixed(l.customer.iter().map(|c| c.0.to_le_bytes()));
        w.fixed(l.date.iter().map(|d| d.number().to_le_bytes()));
        w.fixed(l.amount.iter().map(|a| a.cents().to_le_bytes()));
        w.optional(l.cost.as_deref(), |m| m.cents().to_le_bytes());
        w.optional(l.quantity.as_deref(), |q| q.to_bits().to_le_bytes());
        w.count(l.attributes.len());
        for (attribute, column) in &l.attributes {
            w.count(Attribute::ALL.iter().position(|a| a == attribute).unwrap_or(usize::MAX));
            w.texts(column.values.keys.iter());
            w.fixed(column.codes.iter().map(|c| c.to_le_bytes()));
        }
        w.0
    }

    /// Reads a part written by `encode_into`; `Err` when the bytes are not a consistent ledger
    /// (every column as long as the others, every code within its values), as `Ledger::decode`
    /// checks its stored form. The ledger limit is checked when the part is appended and the
    /// ledger finished.
    pub fn decode(bytes: &[u8]) -> Result<LedgerPart, DecodeError> {
        let ledger = Reader(bytes).ledger().ok_or(DecodeError::Damaged)?;
        Ok(LedgerPart { magnitude: ledger.magnitude(), ledger })
    }

    /// Bytes enough for most parts (each text value guessed at 20 bytes with its length), so
    /// that the output grows once or not at all.
    fn encoded_len_estimate(&self) -> usize {
        let l = &self.ledger;
        let per_line = 4 + 4 + 8 + l.cost.as_ref().map_or(0, |_| 9) + l.quantity.as_ref().map_or(0, |_| 9);
        let values: usize =
            l.attributes.iter().map(|(_, c)| c.values.keys.len()).sum::<usize>() + l.customer_keys.keys.len();
        l.customer.len() * (per_line + 4 * l.attributes.len()) + values * 20 + 64
    }
}

/// The plain form being written.
struct Writer(Vec<u8>);

impl Writer {
    fn count(&mut self, n: usize) {
        self.0.extend_from_slice(&(n as u64).to_le_bytes());
    }

    /// Fixed-size values, their count first.
    fn fixed<const N: usize>(&mut self, values: impl ExactSizeIterator<Item = [u8; N]>) {
        self.count(values.len());
        values.for_each(|bytes| self.0.extend_from_slice(&bytes));
    }

    /// One byte per value: 1 where it is given.
    fn flags(&mut self, given: impl ExactSizeIterator<Item = bool>) {
        self.fixed(given.map(|g| [u8::from(g)]));
    }

    /// An optional column: whether it is there, then a flag per line and the values (zero where
    /// a line has none).
    fn optional<T: Copy + Default, const N: usize>(&mut self, column: Option<&[Option<T>]>, bytes: fn(T) -> [u8; N]) {
        self.count(usize::from(column.is_some()));
        if let Some(values) = column {
            self.flags(values.iter().map(Option::is_some));
            self.fixed(values.iter().map(|v| bytes(v.unwrap_or_default())));
        }
    }

    /// Texts as their count and lengths, then all their bytes.
    fn texts<'a>(&mut self, texts: impl Iterator<Item = &'a Box<str>> + Clone) {
        self.count(texts.clone().count());
        texts.clone().for_each(|t| self.0.extend_from_slice(&(t.len() as u32).to_le_bytes()));
        texts.for_each(|t| self.0.extend_from_slice(t.as_bytes()));
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

    fn flags(&mut self) -> Option<Vec<bool>> {
        let flags = self.fixed(|[b]: [u8; 1]| b)?;
        flags.iter().all(|&b| b <= 1).then(|| flags.into_iter().map(|b| b == 1).collect())
    }

    fn optional<T, const N: usize>(&mut self, value: fn([u8; N]) -> T) -> Option<Option<Vec<Option<T>>>> {
        match self.count()? {
            0 => Some(None),
            1 => {
                let (given, values) = (self.flags()?, self.fixed(value)?);
                (given.len() == values.len())
                    .then(|| Some(given.into_iter().zip(values).map(|(g, v)| g.then_some(v)).collect()))
            }
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
        let (given, names) = (self.flags()?, self.texts()?);
        if given.iter().filter(|&&g| g).count() != names.len() {
            return None;
        }
        let mut names = names.into_iter();
        let customer_names: Vec<Option<Box<str>>> =
            given.into_iter().map(|g| if g { names.next() } else { None }).collect();
        let customer = self.fixed(|b| CustomerId(u32::from_le_bytes(b)))?;
        let date = self.fixed(|b| Day::from_number(i32::from_le_bytes(b)))?;
        let amount = self.fixed(|b| Money::from_cents(i64::from_le_bytes(b)))?;
        let cost = self.optional(|b| Money::from_cents(i64::from_le_bytes(b)))?;
        let quantity = self.optional(|b| f64::from_bits(u64::from_le_bytes(b)))?;
        let attributes = (0..self.count()?)
            .map(|_| {
                let attribute = *Attribute::ALL.get(self.count()?)?;
                let (values, codes) = (self.texts()?, self.fixed(u32::from_le_bytes)?);
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
    use crate::engine::ledger::LineExtras;

    fn day(n: i32) -> Day {
        Day::from_number(n)
    }

    /// A line: customer, its name, amount and cost in cents, quantity, product and region.
    type Line = (&'static str, Option<&'static str>, i64, Option<i64>, Option<f64>, [&'static str; 2]);

    /// Every kind of value: a customer with and without a name, a cost and a quantity given and
    /// not (-0.0 among them), text values with multi-byte characters and an empty one.
    fn builder(lines: &[Line]) -> LedgerBuilder {
        let columns = Columns { cost: true, quantity: true, attributes: vec![Attribute::Product, Attribute::Region] };
        let mut b = LedgerBuilder::new(columns);
        for (i, &(customer, name, cents, cost, quantity, texts)) in lines.iter().enumerate() {
            let extras =
                LineExtras { customer_name: name, cost: cost.map(Money::from_cents), quantity, attributes: &texts };
            b.push(customer, day(19_000 + i as i32), Money::from_cents(cents), &extras);
        }
        b
    }

    const LINES: [Line; 4] = [
        ("C1", Some("Bakkerij Ö"), 1050, Some(700), Some(2.0), ["Bolts", "Noord"]),
        ("C2", None, -250, None, Some(-0.0), ["Nuts", "Zuid-Oost ✓"]),
        ("C1", Some("Bakkerij Ö"), 99, Some(-1), None, ["", "Noord"]),
        ("C3", Some("Smid & Zn"), 0, None, None, ["Bolts", ""]),
    ];

    #[test]
    fn a_part_decoded_from_its_plain_form_appends_as_the_part_itself() {
        let head = [("C2", None, 5, Some(1), Some(1.0), ["Nuts", "West"])];
        let bytes = LedgerPart::from(builder(&LINES)).encode_into(vec![7, 7]);
        assert_eq!(bytes[..2], [7, 7], "appended after what `out` held");
        let decoded = LedgerPart::decode(&bytes[2..]).unwrap();
        let (mut via_bytes, mut direct) = (builder(&head), builder(&head));
        via_bytes.append(decoded);
        direct.append(LedgerPart::from(builder(&LINES)));
        let (got, expected) = (via_bytes.finish(), direct.finish());
        // The part's customers after the first line's C2: C1 new, C2 known, C3 new.
        assert_eq!(got.customer_key(got.customers()[1]), "C1");
        assert_eq!(got.customer_name(got.customers()[4]), Some("Smid & Zn"));
        assert_eq!(got.customer_name(got.customers()[2]), None);
        assert_eq!(got.customers(), expected.customers());
        assert_eq!(got.dates(), expected.dates());
        assert_eq!(got.amounts(), expected.amounts());
        assert_eq!(got.costs(), expected.costs());
        assert_eq!(
            got.quantities().unwrap().iter().map(|q| q.map(f64::to_bits)).collect::<Vec<_>>(),
            [Some(1.0), Some(2.0), Some(-0.0), None, None].map(|q: Option<f64>| q.map(f64::to_bits))
        );
        for attribute in [Attribute::Product, Attribute::Region] {
            let (a, b) = (got.attribute(attribute).unwrap(), expected.attribute(attribute).unwrap());
            assert_eq!(
                (0..5).map(|i| a.value_of_line(i)).collect::<Vec<_>>(),
                (0..5).map(|i| b.value_of_line(i)).collect::<Vec<_>>()
            );
        }
        assert_eq!(got.attribute(Attribute::Region).unwrap().value_of_line(2), "Zuid-Oost ✓");
    }

    #[test]
    fn bytes_that_are_not_a_whole_part_are_refused() {
        let bytes = LedgerPart::from(builder(&LINES)).encode_into(Vec::new());
        // Cut anywhere, or with a byte more: never a part, never a panic.
        for end in 0..bytes.len() {
            assert!(LedgerPart::decode(&bytes[..end]).is_err(), "cut at {end}");
        }
        assert!(LedgerPart::decode(&[bytes.as_slice(), &[0]].concat()).is_err());
        // A customer beyond the customers, a region code beyond the regions.
        let mut part = LedgerPart::from(builder(&LINES));
        part.ledger.customer[3] = CustomerId(3);
        assert!(LedgerPart::decode(&part.encode_into(Vec::new())).is_err());
        let mut part = LedgerPart::from(builder(&LINES));
        part.ledger.attributes[1].1.codes[3] = 3;
        assert!(LedgerPart::decode(&part.encode_into(Vec::new())).is_err());
        // A text's bytes that are not UTF-8.
        let o_umlaut = bytes.windows(2).position(|w| w == "Ö".as_bytes()).unwrap();
        let mut cut = bytes.clone();
        cut[o_umlaut + 1] = b'x';
        assert!(LedgerPart::decode(&cut).is_err());
    }
}

//! The ledger's stored form: its columns as they are (integers, day numbers, cents), encoded
//! with postcard. Reading it back rebuilds the interners' lookup maps and nothing else, so a
//! saved workspace opens far faster than re-importing the file.

use super::{Attribute, BeyondMoneyLimit, CustomerId, Interner, Ledger, TextColumn};
use crate::engine::date::Day;
use crate::engine::money::Money;
use serde::{Deserialize, Serialize};

/// An attribute column by reference: the attribute, its distinct values, a code per line.
type AttributeRef<'a> = (Attribute, &'a [Box<str>], &'a [u32]);

/// The columns by reference, for writing without copying them.
#[derive(Serialize)]
struct ColumnsRef<'a> {
    customer_keys: &'a [Box<str>],
    customer_names: &'a [Option<Box<str>>],
    customer: &'a [CustomerId],
    date: &'a [Day],
    amount: &'a [Money],
    cost: Option<&'a [Option<Money>]>,
    quantity: Option<&'a [Option<f64>]>,
    attributes: Vec<AttributeRef<'a>>,
}

#[derive(Deserialize)]
struct ColumnsOwned {
    customer_keys: Vec<Box<str>>,
    customer_names: Vec<Option<Box<str>>>,
    customer: Vec<CustomerId>,
    date: Vec<Day>,
    amount: Vec<Money>,
    cost: Option<Vec<Option<Money>>>,
    quantity: Option<Vec<Option<f64>>>,
    attributes: Vec<(Attribute, Vec<Box<str>>, Vec<u32>)>,
}

/// Why stored bytes are not a ledger.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not a ledger's stored form, or its columns do not fit together.
    Damaged,
    /// A consistent ledger whose money is beyond the ledger limit: Clientele never writes one, but a
    /// file can be altered, and analysing it could overflow.
    Money(BeyondMoneyLimit),
}

impl Ledger {
    /// Appends the ledger's stored form to `out`.
    pub fn encode_into(&self, mut out: Vec<u8>) -> Result<Vec<u8>, postcard::Error> {
        out.reserve(self.stored_len_estimate());
        let columns = ColumnsRef {
            customer_keys: &self.customer_keys.keys,
            customer_names: &self.customer_names,
            customer: &self.customer,
            date: &self.date,
            amount: &self.amount,
            cost: self.cost.as_deref(),
            quantity: self.quantity.as_deref(),
            attributes: self.attributes.iter().map(|(a, c)| (*a, &c.values.keys[..], &c.codes[..])).collect(),
        };
        postcard::to_extend(&columns, out)
    }

    /// Bytes enough for most ledgers' stored form (a few bytes per variable-length integer, and
    /// the values' texts), so that the output is not grown, and copied, as it is written.
    fn stored_len_estimate(&self) -> usize {
        let texts = |keys: &[Box<str>]| keys.iter().map(|k| k.len() + 1).sum::<usize>();
        let optional = |given: bool, bytes: usize| if given { bytes } else { 0 };
        let per_line = 3 + 3 + 5 + optional(self.cost.is_some(), 6) + optional(self.quantity.is_some(), 9);
        let attributes: usize = self.attributes.iter().map(|(_, c)| texts(&c.values.keys)).sum();
        self.customer.len() * (per_line + 3 * self.attributes.len()) + 2 * texts(&self.customer_keys.keys) + attributes
    }

    /// Reads a ledger written by `encode_into`; `Err` when the bytes are not a consistent
    /// ledger (every column as long as the others, every code within its values) or when its
    /// money is beyond the ledger limit (the same check `LedgerBuilder::try_finish` makes).
    pub fn decode(bytes: &[u8]) -> Result<Ledger, DecodeError> {
        let c: ColumnsOwned = postcard::from_bytes(bytes).map_err(|_| DecodeError::Damaged)?;
        let ledger = Ledger {
            customer_keys: Interner::with_keys(c.customer_keys),
            customer_names: c.customer_names,
            customer: c.customer,
            date: c.date,
            amount: c.amount,
            cost: c.cost,
            quantity: c.quantity,
            attributes: c
                .attributes
                .into_iter()
                .map(|(a, values, codes)| (a, TextColumn { values: Interner::with_keys(values), codes }))
                .collect(),
        };
        if !ledger.is_consistent() {
            return Err(DecodeError::Damaged);
        }
        BeyondMoneyLimit::check(ledger.magnitude()).map_err(DecodeError::Money)?;
        Ok(ledger)
    }

    /// Whether columns read from bytes fit together: every column as long as the others, a
    /// name slot per customer, every code within its values (the stored form's and a part's).
    pub(super) fn is_consistent(&self) -> bool {
        let (lines, customers) = (self.customer.len(), self.customer_keys.len());
        self.date.len() == lines
            && self.amount.len() == lines
            && self.cost.as_ref().is_none_or(|v| v.len() == lines)
            && self.quantity.as_ref().is_none_or(|v| v.len() == lines)
            && self.customer_names.len() == customers
            && self.customer.iter().all(|id| id.index() < customers)
            && self
                .attributes
                .iter()
                .all(|(_, c)| c.codes.len() == lines && c.codes.iter().all(|&k| (k as usize) < c.values.len()))
    }

    /// The sum of the absolute amounts and costs, in cents (what the ledger limit bounds).
    pub(super) fn magnitude(&self) -> u128 {
        let costs = self.cost.iter().flatten().flatten();
        self.amount.iter().chain(costs).map(|m| m.magnitude()).sum()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::engine::ledger::{Columns, LedgerBuilder, LineExtras};
    use crate::engine::{sample, summary::Summary};

    #[test]
    fn the_sample_survives_a_round_trip() {
        let ledger = sample::sample_ledger();
        let bytes = ledger.encode_into(Vec::new()).unwrap();
        let back = Ledger::decode(&bytes).unwrap();
        assert_eq!(Summary::of(&back), Summary::of(&ledger));
        assert_eq!(back.amounts(), ledger.amounts());
        assert_eq!(back.costs(), ledger.costs());
        let c = back.customer_by_key("C10001").unwrap();
        assert_eq!(back.customer_name(c), ledger.customer_name(c));
        assert_eq!(back.attributes().collect::<Vec<_>>(), ledger.attributes().collect::<Vec<_>>());
        // Stored compactly: under half of the same ledger as CSV.
        let mut csv = Vec::new();
        crate::engine::import::write_ledger_csv(&ledger, &mut csv).unwrap();
        assert!(bytes.len() * 2 < csv.len(), "{} bytes stored, {} as CSV", bytes.len(), csv.len());
    }

    #[test]
    fn inconsistent_or_foreign_bytes_are_refused() {
        let mut b = LedgerBuilder::new(Columns::default());
        b.push("A", Day::from_ymd(2024, 1, 1).unwrap(), Money::from_cents(5), &LineExtras::default());
        let bytes = b.finish().encode_into(Vec::new()).unwrap();
        assert!(Ledger::decode(&bytes).is_ok());
        assert_eq!(Ledger::decode(&bytes[..bytes.len() - 1]).err(), Some(DecodeError::Damaged));
        assert_eq!(Ledger::decode(b"not a ledger at all").err(), Some(DecodeError::Damaged));
        assert_eq!(Ledger::decode(&[]).err(), Some(DecodeError::Damaged));
    }

    /// The stored form of one customer's lines with these amounts and costs (in cents), written
    /// directly: the builder refuses money beyond the limit, a tampered file need not.
    pub(crate) fn stored(amounts: &[i64], costs: &[Option<i64>]) -> Vec<u8> {
        let lines = amounts.len();
        let columns = ColumnsRef {
            customer_keys: &["A".into()],
            customer_names: &[None],
            customer: &vec![CustomerId(0); lines],
            date: &vec![Day::from_ymd(2024, 1, 1).unwrap(); lines],
            amount: &amounts.iter().map(|&c| Money::from_cents(c)).collect::<Vec<_>>(),
            cost: Some(&costs.iter().map(|c| c.map(Money::from_cents)).collect::<Vec<_>>()),
            quantity: None,
            attributes: Vec::new(),
        };
        postcard::to_allocvec(&columns).unwrap()
    }

    #[test]
    fn a_stored_ledger_beyond_the_money_limit_is_refused() {
        // |2^62| + |-2^62| = 2^63 cents: each fits an i64, their sizes add up far beyond 2^61.
        let wraps = stored(&[1 << 62, -(1 << 62)], &[None, None]);
        assert_eq!(Ledger::decode(&wraps).err(), Some(DecodeError::Money(BeyondMoneyLimit { magnitude: 1 << 63 })));
        // 2^61 - 1 in amounts and 1 in costs: exactly at the limit, accepted; one more cent is not.
        assert!(Ledger::decode(&stored(&[(1 << 61) - 1], &[Some(-1)])).is_ok());
        let over = stored(&[(1 << 61) - 1], &[Some(2)]);
        let one_cent_over = DecodeError::Money(BeyondMoneyLimit { magnitude: (1 << 61) + 1 });
        assert_eq!(Ledger::decode(&over).err(), Some(one_cent_over));
    }
}

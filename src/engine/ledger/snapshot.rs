//! The ledger's stored form: its columns as they are (integers, day numbers, cents), encoded
//! with postcard. Reading it back rebuilds the interners' lookup maps and nothing else, so a
//! saved workspace opens far faster than re-importing the file.

use super::{Attribute, CustomerId, Interner, Ledger, TextColumn};
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

impl Ledger {
    /// Appends the ledger's stored form to `out`.
    pub fn encode_into(&self, out: Vec<u8>) -> Result<Vec<u8>, postcard::Error> {
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

    /// Reads a ledger written by `encode_into`; `None` when the bytes are not a consistent
    /// ledger (every column as long as the others, every code within its values).
    pub fn decode(bytes: &[u8]) -> Option<Ledger> {
        let c: ColumnsOwned = postcard::from_bytes(bytes).ok()?;
        let lines = c.customer.len();
        let customers = c.customer_keys.len();
        let consistent = c.date.len() == lines
            && c.amount.len() == lines
            && c.cost.as_ref().is_none_or(|v| v.len() == lines)
            && c.quantity.as_ref().is_none_or(|v| v.len() == lines)
            && c.customer_names.len() == customers
            && c.customer.iter().all(|id| id.index() < customers)
            && c.attributes.iter().all(|(_, values, codes)| codes.len() == lines && codes.iter().all(|&k| (k as usize) < values.len()));
        consistent.then(|| Ledger {
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
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::ledger::{Columns, Ledger, LedgerBuilder, LineExtras};
    use crate::engine::{date::Day, money::Money, sample, summary::Summary};

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
        assert!(Ledger::decode(&bytes).is_some());
        assert!(Ledger::decode(&bytes[..bytes.len() - 1]).is_none());
        assert!(Ledger::decode(b"not a ledger at all").is_none());
        assert!(Ledger::decode(&[]).is_none());
    }
}

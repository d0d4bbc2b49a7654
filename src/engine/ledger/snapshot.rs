//! The ledger's stored form, in a workspace file: its columns as they are (integers, day
//! numbers, cents). From workspace version 3 on it is the plain columnar form (`plain.rs`); up
//! to version 2 it was the same columns encoded with postcard, which `decode_postcard` still
//! reads. Reading either back makes no lookup table (they are made on a value's first lookup),
//! so a saved workspace opens far faster than re-importing the file.

use super::{Attribute, BeyondMoneyLimit, CustomerId, Interner, Ledger, OptionalColumn, TextColumn};
use crate::engine::date::Day;
use crate::engine::money::Money;
use serde::Deserialize;

/// The columns as workspace versions 1 and 2 stored them (postcard, in this order).
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
    /// Appends the ledger's stored form to `out` (the plain form of workspace version 3).
    pub fn encode_into(&self, out: Vec<u8>) -> Vec<u8> {
        self.write_plain(out)
    }

    /// Reads a ledger written by `encode_into`; `Err` when the bytes are not a consistent
    /// ledger (every column as long as the others, every code within its values) or when its
    /// money is beyond the ledger limit (the same check `LedgerBuilder::try_finish` makes).
    pub fn decode(bytes: &[u8]) -> Result<Ledger, DecodeError> {
        Ledger::read_plain(bytes).ok_or(DecodeError::Damaged)?.within_money_limit()
    }

    /// Reads the stored form of workspace versions 1 and 2 (postcard), checked as `decode` checks.
    pub fn decode_postcard(bytes: &[u8]) -> Result<Ledger, DecodeError> {
        let c: ColumnsOwned = postcard::from_bytes(bytes).map_err(|_| DecodeError::Damaged)?;
        let ledger = Ledger {
            customer_keys: Interner::from_keys(c.customer_keys.iter().map(|k| &**k)),
            customer_names: c.customer_names,
            customer: c.customer,
            date: c.date,
            amount: c.amount,
            cost: c.cost.map(OptionalColumn::from_iter),
            quantity: c.quantity.map(OptionalColumn::from_iter),
            attributes: c
                .attributes
                .into_iter()
                .map(|(a, values, codes)| {
                    (a, TextColumn { values: Interner::from_keys(values.iter().map(|v| &**v)), codes })
                })
                .collect(),
        };
        if !ledger.is_consistent() {
            return Err(DecodeError::Damaged);
        }
        ledger.within_money_limit()
    }

    fn within_money_limit(self) -> Result<Ledger, DecodeError> {
        BeyondMoneyLimit::check(self.magnitude()).map_err(DecodeError::Money)?;
        Ok(self)
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
            && self.customer.iter().map(|id| id.0).max().is_none_or(|id| (id as usize) < customers)
            && self.attributes.iter().all(|(_, c)| {
                // The largest code, not each one: a loop with no exit, which the compiler vectorises.
                c.codes.len() == lines && c.codes.iter().max().is_none_or(|&k| (k as usize) < c.values.len())
            })
    }

    /// The sum of the absolute amounts and costs, in cents (what the ledger limit bounds).
    fn magnitude(&self) -> u128 {
        self.magnitude_from(0)
    }

    /// `magnitude` of the lines from `line` on.
    pub(super) fn magnitude_from(&self, line: usize) -> u128 {
        let costs = self.cost.iter().flat_map(|c| c.given_from(line));
        let amounts = self.amount.get(line..).unwrap_or_default();
        amounts.iter().copied().chain(costs).map(Money::magnitude).sum()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::engine::ledger::{Columns, LedgerBuilder, LineExtras};
    use crate::engine::{sample, summary::Summary};

    fn assert_same_ledger(back: &Ledger, ledger: &Ledger) {
        assert_eq!(Summary::of(back), Summary::of(ledger));
        assert_eq!(back.customers(), ledger.customers());
        assert_eq!(back.dates(), ledger.dates());
        assert_eq!(back.amounts(), ledger.amounts());
        assert_eq!(back.costs(), ledger.costs());
        let c = back.customer_by_key("C10001").unwrap();
        assert_eq!(back.customer_name(c), ledger.customer_name(c));
        assert_eq!(back.attributes().collect::<Vec<_>>(), ledger.attributes().collect::<Vec<_>>());
    }

    #[test]
    fn the_sample_survives_a_round_trip() {
        let ledger = sample::sample_ledger();
        let bytes = ledger.encode_into(Vec::new());
        assert_same_ledger(&Ledger::decode(&bytes).unwrap(), &ledger);
        // Stored compactly: under half of the same ledger as CSV, and no larger than postcard's form.
        let mut csv = Vec::new();
        crate::engine::import::write_ledger_csv(&ledger, &mut csv).unwrap();
        assert!(bytes.len() * 2 < csv.len(), "{} bytes stored, {} as CSV", bytes.len(), csv.len());
        let old = postcard_form(&ledger);
        assert!(bytes.len() <= old.len(), "{} bytes stored, {} by postcard", bytes.len(), old.len());
    }

    #[test]
    fn the_stored_form_of_versions_1_and_2_is_still_read() {
        let ledger = sample::sample_ledger();
        let old = postcard_form(&ledger);
        assert_same_ledger(&Ledger::decode_postcard(&old).unwrap(), &ledger);
        assert_eq!(Ledger::decode_postcard(&old[..old.len() - 1]).err(), Some(DecodeError::Damaged));
        // Each form is read only as itself.
        assert_eq!(Ledger::decode(&old).err(), Some(DecodeError::Damaged));
        assert!(Ledger::decode_postcard(&ledger.encode_into(Vec::new())).is_err());
    }

    #[test]
    fn inconsistent_or_foreign_bytes_are_refused() {
        let mut b = LedgerBuilder::new(Columns::default());
        b.push("A", Day::from_ymd(2024, 1, 1).unwrap(), Money::from_cents(5), &LineExtras::default());
        let bytes = b.finish().encode_into(Vec::new());
        assert!(Ledger::decode(&bytes).is_ok());
        assert_eq!(Ledger::decode(&bytes[..bytes.len() - 1]).err(), Some(DecodeError::Damaged));
        assert_eq!(Ledger::decode(b"not a ledger at all").err(), Some(DecodeError::Damaged));
        assert_eq!(Ledger::decode(&[]).err(), Some(DecodeError::Damaged));
    }

    /// The columns as workspace versions 1 and 2 wrote them: postcard writes a struct's fields
    /// one after the other, as it writes a tuple.
    pub(crate) fn postcard_form(ledger: &Ledger) -> Vec<u8> {
        let attributes: Vec<_> =
            ledger.attributes.iter().map(|(a, c)| (*a, c.values.keys().collect::<Vec<_>>(), &c.codes)).collect();
        let columns = (
            ledger.customer_keys.keys().collect::<Vec<_>>(),
            &ledger.customer_names,
            &ledger.customer,
            &ledger.date,
            &ledger.amount,
            ledger.cost.as_ref().map(|c| c.iter().collect::<Vec<_>>()),
            ledger.quantity.as_ref().map(|q| q.iter().collect::<Vec<_>>()),
            attributes,
        );
        postcard::to_allocvec(&columns).unwrap()
    }

    /// One customer's lines with these amounts and costs (in cents), made directly: the builder
    /// refuses money beyond the limit, a tampered file need not.
    fn beyond(amounts: &[i64], costs: &[Option<i64>]) -> Ledger {
        let lines = amounts.len();
        Ledger {
            customer_keys: Interner::from_keys(["A"].into_iter()),
            customer_names: vec![None],
            customer: vec![CustomerId(0); lines],
            date: vec![Day::from_ymd(2024, 1, 1).unwrap(); lines],
            amount: amounts.iter().map(|&c| Money::from_cents(c)).collect(),
            cost: Some(costs.iter().map(|c| c.map(Money::from_cents)).collect()),
            quantity: None,
            attributes: Vec::new(),
        }
    }

    /// The stored form (today's) of `beyond`'s ledger.
    pub(crate) fn stored(amounts: &[i64], costs: &[Option<i64>]) -> Vec<u8> {
        beyond(amounts, costs).encode_into(Vec::new())
    }

    #[test]
    fn a_stored_ledger_beyond_the_money_limit_is_refused() {
        type Form = (fn(&Ledger) -> Vec<u8>, fn(&[u8]) -> Result<Ledger, DecodeError>);
        let forms: [Form; 2] =
            [(|l| l.encode_into(Vec::new()), Ledger::decode), (postcard_form, Ledger::decode_postcard)];
        for (encode, decode) in forms {
            let write = |amounts: &[i64], costs: &[Option<i64>]| encode(&beyond(amounts, costs));
            // |2^62| + |-2^62| = 2^63 cents: each fits an i64, their sizes add up far beyond 2^61.
            let wraps = write(&[1 << 62, -(1 << 62)], &[None, None]);
            assert_eq!(decode(&wraps).err(), Some(DecodeError::Money(BeyondMoneyLimit { magnitude: 1 << 63 })));
            // 2^61 - 1 in amounts and 1 in costs: exactly at the limit, accepted; one more cent is not.
            assert!(decode(&write(&[(1 << 61) - 1], &[Some(-1)])).is_ok());
            let one_cent_over = DecodeError::Money(BeyondMoneyLimit { magnitude: (1 << 61) + 1 });
            assert_eq!(decode(&write(&[(1 << 61) - 1], &[Some(2)])).err(), Some(one_cent_over));
        }
    }
}

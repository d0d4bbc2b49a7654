//! A part of a ledger handed from one worker to another (the later part of a file read by the
//! part worker, `import/parts.rs`), in the ledger's plain columnar form (`plain.rs`): in the
//! browser, postcard's encoding and decoding of it were a tenth of a large import's critical
//! path. The bytes live only as long as one import.

use super::plain::Plain;
use super::{Columns, DecodeError, Ledger, LedgerBuilder};

/// Lines to append to a builder (`LedgerBuilder::append`): another builder's, or a part of a
/// file read by another worker, still in its plain form (`decode`), so that appending it
/// decodes each column straight into the builder's.
#[derive(Debug)]
pub struct LedgerPart<'b>(pub(super) Lines<'b>);

#[derive(Debug)]
pub(super) enum Lines<'b> {
    Built { ledger: Ledger, magnitude: u128 },
    Plain(Plain<'b>),
}

impl From<LedgerBuilder> for LedgerPart<'static> {
    fn from(builder: LedgerBuilder) -> LedgerPart<'static> {
        LedgerPart(Lines::Built { ledger: builder.ledger, magnitude: builder.magnitude })
    }
}

impl<'b> LedgerPart<'b> {
    /// The optional columns the part carries.
    pub fn columns(&self) -> Columns {
        match &self.0 {
            Lines::Built { ledger, .. } => ledger.columns(),
            Lines::Plain(plain) => plain.columns(),
        }
    }

    /// Appends the part's plain form to `out`.
    pub fn encode_into(&self, mut out: Vec<u8>) -> Vec<u8> {
        match &self.0 {
            Lines::Built { ledger, .. } => ledger.write_plain(out),
            Lines::Plain(plain) => {
                out.extend_from_slice(plain.bytes);
                out
            }
        }
    }

    /// Reads a part written by `encode_into`; `Err` when the bytes are not a consistent ledger
    /// (every column as long as the others, every code within its values), as `Ledger::decode`
    /// checks its stored form. The ledger limit is checked when the part is appended and the
    /// ledger finished.
    pub fn decode(bytes: &'b [u8]) -> Result<LedgerPart<'b>, DecodeError> {
        Ok(LedgerPart(Lines::Plain(Plain::read(bytes).ok_or(DecodeError::Damaged)?)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::date::Day;
    use crate::engine::ledger::{Attribute, CustomerId, LineExtras};
    use crate::engine::money::Money;

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
    fn the_money_of_a_part_appended_from_its_plain_form_counts_against_the_ledger_limit() {
        // 23,058 lines at the line limit fit in a ledger, 23,059 do not: the head holds one,
        // its cost the part's first line's amount's worth.
        let limit = Money::LINE_LIMIT.cents();
        let line = |cost: Option<i64>| ("C1", None, limit, cost, None, ["", ""]);
        let part = |lines: usize| {
            let mut lines = vec![line(None); lines];
            lines[0] = line(Some(-limit));
            LedgerPart::from(builder(&lines)).encode_into(Vec::new())
        };
        let appended = |bytes: &[u8]| {
            let mut head = builder(&[line(None)]);
            head.append(LedgerPart::decode(bytes).unwrap());
            head.try_finish().map(|l| l.len())
        };
        assert_eq!(appended(&part(23_056)), Ok(23_057));
        assert!(appended(&part(23_057)).is_err(), "23,058 amounts and a cost at the limit");
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
        let mut part = builder(&LINES);
        part.ledger.customer[3] = CustomerId(3);
        assert!(LedgerPart::decode(&LedgerPart::from(part).encode_into(Vec::new())).is_err());
        let mut part = builder(&LINES);
        part.ledger.attributes[1].1.codes[3] = 3;
        assert!(LedgerPart::decode(&LedgerPart::from(part).encode_into(Vec::new())).is_err());
        // A cost more or less than the bits of the costs given say. The costs 700 and -1 are
        // written as their count, the smallest (-1), the width (2) and each one's distance from it.
        let costs = |values: &[u16]| {
            let (count, min) = ((values.len() as u64).to_le_bytes(), (-1i64).to_le_bytes());
            let distances = values.iter().flat_map(|d| d.to_le_bytes());
            [&count[..], &min, &[2]].concat().into_iter().chain(distances).collect::<Vec<u8>>()
        };
        let written = costs(&[701, 0]);
        let at = bytes.windows(written.len()).position(|w| w == written.as_slice()).unwrap();
        for other in [costs(&[701]), costs(&[701, 0, 6])] {
            let other = [&bytes[..at], &other, &bytes[at + written.len()..]].concat();
            assert!(LedgerPart::decode(&other).is_err(), "{} bytes", other.len());
        }
        // A text's bytes that are not UTF-8.
        let o_umlaut = bytes.windows(2).position(|w| w == "Ö".as_bytes()).unwrap();
        let mut cut = bytes.clone();
        cut[o_umlaut + 1] = b'x';
        assert!(LedgerPart::decode(&cut).is_err());
    }
}

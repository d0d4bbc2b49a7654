//! The ledger: every invoice line, stored as columns of integers, built once and shared by
//! every analysis. Text values (customer ids, products, reps, ...) are interned to dense
//! integer codes so that analyses group by integers, never by strings.

use super::date::Day;
use super::money::Money;
use hashbrown::hash_table::{Entry, HashTable};
use hashbrown::DefaultHashBuilder;
use serde::{Deserialize, Serialize};
use std::hash::BuildHasher;
use std::sync::OnceLock;

/// A customer: a dense index into the ledger's customer table (not the id in the file).
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CustomerId(u32);

impl CustomerId {
    pub const fn index(self) -> usize {
        self.0 as usize
    }

    pub fn from_index(index: usize) -> CustomerId {
        CustomerId(index as u32)
    }
}

/// A field of a ledger line, named as method.md §1 names it (these names are what `--map`
/// and the column mapping use).
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Field {
    Customer,
    Date,
    Amount,
    CustomerName,
    Invoice,
    Product,
    ProductGroup,
    Quantity,
    Cost,
    SalesRep,
    Team,
    Department,
    Region,
    Segment,
}

impl Field {
    pub const ALL: [Field; 14] = [
        Field::Customer,
        Field::Date,
        Field::Amount,
        Field::CustomerName,
        Field::Invoice,
        Field::Product,
        Field::ProductGroup,
        Field::Quantity,
        Field::Cost,
        Field::SalesRep,
        Field::Team,
        Field::Department,
        Field::Region,
        Field::Segment,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Customer => "customer",
            Field::Date => "date",
            Field::Amount => "amount",
            Field::CustomerName => "customer_name",
            Field::Invoice => "invoice",
            Field::Product => "product",
            Field::ProductGroup => "product_group",
            Field::Quantity => "quantity",
            Field::Cost => "cost",
            Field::SalesRep => "sales_rep",
            Field::Team => "team",
            Field::Department => "department",
            Field::Region => "region",
            Field::Segment => "segment",
        }
    }

    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    pub fn is_required(self) -> bool {
        matches!(self, Field::Customer | Field::Date | Field::Amount)
    }

    /// The text attribute this field fills, if it is one.
    pub fn attribute(self) -> Option<Attribute> {
        Attribute::ALL.into_iter().find(|a| a.field() == self)
    }
}

/// A text attribute of a line that analyses can scope or group by.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Attribute {
    Invoice,
    Product,
    ProductGroup,
    SalesRep,
    Team,
    Department,
    Region,
    Segment,
}

impl Attribute {
    pub const ALL: [Attribute; 8] = [
        Attribute::Invoice,
        Attribute::Product,
        Attribute::ProductGroup,
        Attribute::SalesRep,
        Attribute::Team,
        Attribute::Department,
        Attribute::Region,
        Attribute::Segment,
    ];

    pub fn field(self) -> Field {
        match self {
            Attribute::Invoice => Field::Invoice,
            Attribute::Product => Field::Product,
            Attribute::ProductGroup => Field::ProductGroup,
            Attribute::SalesRep => Field::SalesRep,
            Attribute::Team => Field::Team,
            Attribute::Department => Field::Department,
            Attribute::Region => Field::Region,
            Attribute::Segment => Field::Segment,
        }
    }
}

/// Distinct strings, each given the next integer code in order of first appearance. Each key
/// is stored once, in `keys`: the table holds codes (with their key's hash, so that growing the
/// table never reads the keys again) and compares through `keys`.
#[derive(Clone, Debug, Default)]
pub struct Interner {
    keys: Keys,
    /// Made on the first lookup when the keys come whole (`from_keys`: a stored ledger's values,
    /// a part's): most of them are never looked up (invoice numbers), and hashing them all was
    /// a sixth of restoring a large workspace.
    codes: OnceLock<HashTable<(u32, u32)>>,
    hasher: DefaultHashBuilder,
}

/// Strings one after another in one text, in code order: no allocation of its own per key
/// (as a `Box<str>` each key took a pointer, a length and an allocation with its allocator's
/// overhead; here its bytes and where it ends), and the keys a lookup compares with lie
/// together.
#[derive(Clone, Debug, Default)]
struct Keys {
    text: String,
    /// Where each key ends in `text`; a key starts where the one before it ends.
    ends: Vec<usize>,
}

impl Keys {
    fn get(&self, code: u32) -> Option<&str> {
        let code = code as usize;
        let end = *self.ends.get(code)?;
        let start = code.checked_sub(1).map_or(0, |before| self.ends[before]);
        self.text.get(start..end)
    }

    fn push(&mut self, key: &str) {
        self.text.push_str(key);
        self.ends.push(self.text.len());
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn iter(&self) -> impl Iterator<Item = &str> + Clone {
        self.ends.iter().scan(0, |start, &end| {
            let key = self.text.get(*start..end).unwrap_or_default();
            *start = end;
            Some(key)
        })
    }
}

impl Interner {
    pub fn intern(&mut self, key: &str) -> u32 {
        let hash = self.hash(key);
        if let Some(codes) = self.codes.get_mut() {
            return code_of(codes, &mut self.keys, key, hash);
        }
        // The first key added to keys that came whole: their table is made now, and kept.
        let mut codes = self.made_table();
        let code = code_of(&mut codes, &mut self.keys, key, hash);
        self.codes = OnceLock::from(codes);
        code
    }

    /// The codes here of another interner's keys, in their code order, the new ones interned
    /// (appending a part's column).
    fn merge<'k>(&mut self, keys: impl Iterator<Item = &'k str>) -> Vec<u32> {
        keys.map(|key| self.intern(key)).collect()
    }

    /// An interner whose codes are the positions of `keys` (which must be distinct).
    pub(super) fn from_keys<'k>(keys: impl Iterator<Item = &'k str>) -> Interner {
        let mut interner = Interner::default();
        keys.for_each(|key| interner.keys.push(key));
        interner
    }

    /// The lookup table, made from the keys the first time.
    fn table(&self) -> &HashTable<(u32, u32)> {
        self.codes.get_or_init(|| self.made_table())
    }

    fn made_table(&self) -> HashTable<(u32, u32)> {
        let mut codes = HashTable::with_capacity(self.keys.len());
        for (code, key) in self.keys.iter().enumerate() {
            let hash = self.hash(key);
            codes.insert_unique(spread(hash), (code as u32, hash), |&(_, h)| spread(h));
        }
        codes
    }

    /// The key's hash in 32 bits: stored beside its code, and spread to 64 bits for the table.
    fn hash(&self, key: &str) -> u32 {
        let hash = self.hasher.hash_one(key);
        (hash ^ (hash >> 32)) as u32
    }

    /// `intern`, trying the previous line's code first: consecutive lines often repeat a value
    /// (the lines of one invoice, one customer's lines), and comparing is cheaper than a lookup.
    fn intern_after(&mut self, key: &str, previous: Option<u32>) -> u32 {
        match previous {
            Some(code) if self.keys.get(code) == Some(key) => code,
            _ => self.intern(key),
        }
    }

    pub fn code(&self, key: &str) -> Option<u32> {
        self.table().find(spread(self.hash(key)), |&(code, _)| self.keys.get(code) == Some(key)).map(|&(code, _)| code)
    }

    /// `code` for a key looked up once (the blank invoice of a revenue table): a scan of the
    /// keys while the table is not made, which for one lookup costs less than making it (at
    /// 5M lines, hashing 2M invoice numbers was a sixth of restoring and the first page).
    pub fn code_once(&self, key: &str) -> Option<u32> {
        match self.codes.get() {
            Some(_) => self.code(key),
            None => self.keys.iter().position(|k| k == key).map(|code| code as u32),
        }
    }

    /// The string for a code handed out by this interner.
    pub fn key(&self, code: u32) -> &str {
        self.keys.get(code).expect("a code this interner handed out")
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.len() == 0
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> + Clone {
        self.keys.iter()
    }
}

/// The key's code in `codes`, or the next one, given to it and added to `keys`.
fn code_of(codes: &mut HashTable<(u32, u32)>, keys: &mut Keys, key: &str, hash: u32) -> u32 {
    match codes.entry(spread(hash), |&(code, _)| keys.get(code) == Some(key), |&(_, h)| spread(h)) {
        Entry::Occupied(found) => found.get().0,
        Entry::Vacant(slot) => {
            let code = keys.len() as u32;
            slot.insert((code, hash));
            keys.push(key);
            code
        }
    }
}

/// A 32-bit hash as the 64 bits the table wants: it picks buckets by the low bits and tags
/// entries with the top seven, so both come from the 32 bits.
fn spread(hash: u32) -> u64 {
    u64::from(hash) << 32 | u64::from(hash)
}

/// A text cell's value, `None` when it is blank. A blank cell (or a line from a file that does
/// not map the column) is stored as the empty string, which is never a name: it is no
/// department, no sales rep, no product group, never one called "".
pub fn named(value: &str) -> Option<&str> {
    Some(value).filter(|v| !v.is_empty())
}

/// One interned text column: a code per line, and the distinct values.
#[derive(Clone, Debug, Default)]
pub struct TextColumn {
    values: Interner,
    codes: Vec<u32>,
}

impl TextColumn {
    pub fn values(&self) -> &Interner {
        &self.values
    }

    pub fn codes(&self) -> &[u32] {
        &self.codes
    }

    pub fn value_of_line(&self, line: usize) -> &str {
        self.values.key(self.codes[line])
    }
}

/// The whole ledger, one entry per invoice line in every column.
#[derive(Clone, Debug, Default)]
pub struct Ledger {
    customer_keys: Interner,
    customer_names: Vec<Option<Box<str>>>,
    customer: Vec<CustomerId>,
    date: Vec<Day>,
    amount: Vec<Money>,
    cost: Option<OptionalColumn<Money>>,
    quantity: Option<OptionalColumn<f64>>,
    attributes: Vec<(Attribute, TextColumn)>,
}

impl Ledger {
    /// The codes here of another ledger's customers, in their code order, the new ones interned
    /// in that order; a customer without a name here takes the other's (appending a part).
    fn merge_customers<'k, N: Into<Box<str>>>(
        &mut self,
        keys: impl Iterator<Item = &'k str>,
        names: impl Iterator<Item = Option<N>>,
    ) -> Vec<u32> {
        let customers = self.customer_keys.merge(keys);
        for (&code, name) in customers.iter().zip(names) {
            if code as usize == self.customer_names.len() {
                self.customer_names.push(None);
            }
            let slot = &mut self.customer_names[code as usize];
            if slot.is_none() {
                *slot = name.map(Into::into);
            }
        }
        customers
    }

    /// The optional columns the ledger carries.
    fn columns(&self) -> Columns {
        Columns {
            cost: self.cost.is_some(),
            quantity: self.quantity.is_some(),
            attributes: self.attributes.iter().map(|(a, _)| *a).collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.customer.len()
    }

    pub fn is_empty(&self) -> bool {
        self.customer.is_empty()
    }

    pub fn customer_count(&self) -> usize {
        self.customer_keys.len()
    }

    pub fn customers(&self) -> &[CustomerId] {
        &self.customer
    }

    pub fn dates(&self) -> &[Day] {
        &self.date
    }

    pub fn amounts(&self) -> &[Money] {
        &self.amount
    }

    /// Direct cost per line, when the ledger has a cost column (`None` in a cell: not given).
    pub fn costs(&self) -> Option<&OptionalColumn<Money>> {
        self.cost.as_ref()
    }

    pub fn quantities(&self) -> Option<&OptionalColumn<f64>> {
        self.quantity.as_ref()
    }

    pub fn attribute(&self, attribute: Attribute) -> Option<&TextColumn> {
        self.attributes.iter().find(|(a, _)| *a == attribute).map(|(_, c)| c)
    }

    /// Attributes this ledger has, in a stable order.
    pub fn attributes(&self) -> impl Iterator<Item = Attribute> + '_ {
        self.attributes.iter().map(|(a, _)| *a)
    }

    /// The customer id as written in the file.
    pub fn customer_key(&self, customer: CustomerId) -> &str {
        self.customer_keys.key(customer.0)
    }

    pub fn customer_by_key(&self, key: &str) -> Option<CustomerId> {
        self.customer_keys.code(key).map(CustomerId)
    }

    pub fn customer_name(&self, customer: CustomerId) -> Option<&str> {
        self.customer_names.get(customer.index())?.as_deref()
    }

    /// All customers, in order of first appearance.
    pub fn all_customers(&self) -> impl Iterator<Item = CustomerId> {
        (0..self.customer_count() as u32).map(CustomerId)
    }

    /// First and last day with a line, or `None` for an empty ledger.
    pub fn date_range(&self) -> Option<(Day, Day)> {
        let first = *self.date.iter().min()?;
        let last = *self.date.iter().max()?;
        Some((first, last))
    }
}

/// Which optional columns a ledger being built carries.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Columns {
    pub cost: bool,
    pub quantity: bool,
    pub attributes: Vec<Attribute>,
}

/// The optional values of one line; `attributes` in the order of `Columns::attributes`.
#[derive(Clone, Debug, Default)]
pub struct LineExtras<'a> {
    pub customer_name: Option<&'a str>,
    pub cost: Option<Money>,
    pub quantity: Option<f64>,
    pub attributes: &'a [&'a str],
}

/// A ledger whose absolute amounts and costs add up to more than `Money::LEDGER_LIMIT_CENTS`:
/// its sums could not all be exact in `i64`, so it is refused as a whole.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BeyondMoneyLimit {
    /// The sum of the absolute amounts and costs, in cents.
    pub magnitude: u128,
}

impl BeyondMoneyLimit {
    /// `Err` when `magnitude` (absolute amounts and costs, in cents) is beyond the limit.
    pub fn check(magnitude: u128) -> Result<(), BeyondMoneyLimit> {
        if magnitude > Money::LEDGER_LIMIT_CENTS {
            Err(BeyondMoneyLimit { magnitude })
        } else {
            Ok(())
        }
    }
}

impl std::fmt::Display for BeyondMoneyLimit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let cents = |c: u128| format!("{}.{:02}", c / 100, c % 100);
        write!(
            f,
            "the amounts and costs add up to {} ignoring their signs, more than {}, beyond what Clientele can sum \
             exactly; check that the amount and cost columns hold amounts (not barcodes or account numbers), or \
             analyse fewer lines at a time",
            cents(self.magnitude),
            cents(Money::LEDGER_LIMIT_CENTS)
        )
    }
}

/// Builds a ledger line by line (from a parser or the sample generator).
#[derive(Debug)]
pub struct LedgerBuilder {
    ledger: Ledger,
    /// The sum of the absolute amounts and stored costs so far, checked against the ledger limit.
    /// `u128`: even 2^64 lines of `i64::MIN` cents add up to 2^127 at most.
    magnitude: u128,
}

impl LedgerBuilder {
    pub fn new(columns: Columns) -> LedgerBuilder {
        let ledger = Ledger {
            cost: columns.cost.then(OptionalColumn::default),
            quantity: columns.quantity.then(OptionalColumn::default),
            attributes: columns.attributes.iter().map(|&a| (a, TextColumn::default())).collect(),
            ..Ledger::default()
        };
        LedgerBuilder { ledger, magnitude: 0 }
    }

    /// Adds a line. `extras.attributes` must have one value per declared attribute; missing
    /// ones are stored as the empty string, like blank ones (no value: see `named`).
    pub fn push(&mut self, customer: &str, date: Day, amount: Money, extras: &LineExtras<'_>) -> CustomerId {
        let l = &mut self.ledger;
        let id = CustomerId(l.customer_keys.intern_after(customer, l.customer.last().map(|c| c.0)));
        if id.index() == l.customer_names.len() {
            l.customer_names.push(None);
        }
        if let Some(name) = extras.customer_name.filter(|n| !n.is_empty()) {
            let slot = &mut l.customer_names[id.index()];
            if slot.is_none() {
                *slot = Some(name.into());
            }
        }
        l.customer.push(id);
        l.date.push(date);
        l.amount.push(amount);
        self.magnitude += amount.magnitude();
        if let Some(cost) = &mut l.cost {
            cost.push(extras.cost);
            self.magnitude += extras.cost.map_or(0, Money::magnitude);
        }
        if let Some(quantity) = &mut l.quantity {
            quantity.push(extras.quantity);
        }
        for (i, (_, column)) in l.attributes.iter_mut().enumerate() {
            let value = extras.attributes.get(i).copied().unwrap_or("");
            let code = column.values.intern_after(value, column.codes.last().copied());
            column.codes.push(code);
        }
        id
    }

    /// A builder with the same columns and no lines.
    pub fn empty_like(&self) -> LedgerBuilder {
        LedgerBuilder::new(self.columns())
    }

    /// The optional columns this builder carries.
    pub fn columns(&self) -> Columns {
        self.ledger.columns()
    }

    /// Room for `lines` more lines in every column, so that a large import grows no column
    /// (and copies none) line by line.
    pub fn reserve(&mut self, lines: usize) {
        let l = &mut self.ledger;
        l.customer.reserve(lines);
        l.date.reserve(lines);
        l.amount.reserve(lines);
        l.cost.iter_mut().for_each(|c| c.reserve(lines));
        l.quantity.iter_mut().for_each(|q| q.reserve(lines));
        l.attributes.iter_mut().for_each(|(_, c)| c.codes.reserve(lines));
    }

    /// Appends the lines of `later`, with the same columns (e.g. the second half of a file
    /// read on another thread). The result is the ledger that pushing `later`'s lines here
    /// would give: its values are interned here in their order of first appearance.
    pub fn append(&mut self, later: LedgerPart<'_>) {
        let l = &mut self.ledger;
        match later.0 {
            part::Lines::Built { ledger: later, magnitude } => {
                self.magnitude += magnitude;
                let customers = l.merge_customers(later.customer_keys.keys(), later.customer_names.into_iter());
                l.customer.extend(later.customer.iter().map(|c| CustomerId(customers[c.index()])));
                l.date.extend(later.date);
                l.amount.extend(later.amount);
                if let (Some(cost), Some(more)) = (&mut l.cost, later.cost) {
                    cost.extend(more.iter());
                }
                if let (Some(quantity), Some(more)) = (&mut l.quantity, later.quantity) {
                    quantity.extend(more.iter());
                }
                for ((_, column), (_, more)) in l.attributes.iter_mut().zip(later.attributes) {
                    let codes = column.values.merge(more.values.keys());
                    column.codes.extend(more.codes.iter().map(|&c| codes[c as usize]));
                }
            }
            part::Lines::Plain(later) => {
                let from = l.len();
                later.append_to(l);
                self.magnitude += l.magnitude_from(from);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.ledger.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ledger.is_empty()
    }

    /// The ledger, or `Err` when its money is beyond the ledger limit (see `money.rs`): the one
    /// way lines read from a user become a ledger.
    pub fn try_finish(self) -> Result<Ledger, BeyondMoneyLimit> {
        BeyondMoneyLimit::check(self.magnitude)?;
        Ok(self.ledger)
    }

    /// The ledger, for lines bounded by construction (the sample, tests): panics beyond the
    /// ledger limit, which they cannot reach. Anything read from a user goes through `try_finish`.
    pub fn finish(self) -> Ledger {
        self.try_finish().unwrap_or_else(|e| panic!("{e}"))
    }
}

mod optional;
mod part;
mod plain;
mod snapshot;
pub use optional::OptionalColumn;
pub use part::LedgerPart;
#[cfg(test)]
pub(crate) use snapshot::tests::{postcard_form, stored};
pub use snapshot::DecodeError;

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Day {
        Day::from_ymd(y, m, d).unwrap()
    }

    #[test]
    fn keys_come_back_as_they_went_in_empty_and_multibyte_ones_too() {
        let mut interner = Interner::default();
        let codes: Vec<u32> = ["Zoë", "", "Zoë", "日本", "a"].iter().map(|k| interner.intern(k)).collect();
        assert_eq!(codes, [0, 1, 0, 2, 3]);
        let keys: Vec<&str> = interner.keys().collect();
        assert_eq!(keys, ["Zoë", "", "日本", "a"]);
        assert_eq!((interner.key(1), interner.key(2), interner.len()), ("", "日本", 4));
        let stored = Interner::from_keys(keys.into_iter());
        assert_eq!((stored.code("日本"), stored.code(""), stored.code("Zo")), (Some(2), Some(1), None));
        assert_eq!(stored.keys().collect::<Vec<_>>(), interner.keys().collect::<Vec<_>>());
    }

    #[test]
    fn stored_keys_are_found_and_added_to_once_the_table_is_made() {
        // Looked up first, then added to; and added to without a lookup before.
        let mut looked_up = Interner::from_keys(["C1", "C2", "C3"].into_iter());
        assert_eq!((looked_up.code_once("C2"), looked_up.code_once("C9")), (Some(1), None));
        assert!(looked_up.codes.get().is_none(), "a key looked up once makes no table");
        assert_eq!((looked_up.code("C3"), looked_up.code("C4")), (Some(2), None));
        assert_eq!(looked_up.code_once("C3"), Some(2));
        assert_eq!((looked_up.intern("C4"), looked_up.intern("C1")), (3, 0));
        let mut added_to = Interner::from_keys(["C1", "C2"].into_iter());
        assert_eq!((added_to.intern("C2"), added_to.intern("C5"), added_to.intern("C5")), (1, 2, 2));
        assert_eq!((added_to.code("C5"), added_to.len()), (Some(2), 3));
    }

    #[test]
    fn interns_customers_and_attributes_in_order_of_appearance() {
        let mut b =
            LedgerBuilder::new(Columns { cost: true, quantity: false, attributes: vec![Attribute::Department] });
        let extras = |dept: &'static [&'static str], cost| LineExtras {
            customer_name: Some("Acme"),
            cost,
            attributes: dept,
            ..LineExtras::default()
        };
        let a =
            b.push("C2", day(2024, 1, 5), Money::from_cents(1000), &extras(&["North"], Some(Money::from_cents(400))));
        let c = b.push("C1", day(2024, 2, 5), Money::from_cents(-200), &extras(&["South"], None));
        let a2 = b.push("C2", day(2023, 3, 1), Money::from_cents(50), &extras(&["North"], None));
        let ledger = b.finish();

        assert_eq!((a.index(), c.index(), a2), (0, 1, a));
        assert_eq!(ledger.len(), 3);
        assert_eq!(ledger.customer_count(), 2);
        assert_eq!(ledger.customer_key(c), "C1");
        assert_eq!(ledger.customer_by_key("C2"), Some(a));
        assert_eq!(ledger.customer_name(a), Some("Acme"));
        let dept = ledger.attribute(Attribute::Department).unwrap();
        assert_eq!(dept.codes(), &[0, 1, 0]);
        assert_eq!(dept.value_of_line(1), "South");
        assert_eq!(ledger.costs().unwrap().iter().collect::<Vec<_>>(), [Some(Money::from_cents(400)), None, None]);
        assert_eq!(ledger.amounts().iter().copied().sum::<Money>(), Money::from_cents(850));
        assert_eq!(ledger.date_range(), Some((day(2023, 3, 1), day(2024, 2, 5))));
        assert!(ledger.attribute(Attribute::SalesRep).is_none());
    }

    #[test]
    fn appending_a_builder_equals_pushing_its_lines() {
        let columns = Columns { cost: true, quantity: true, attributes: vec![Attribute::Invoice, Attribute::Region] };
        let lines = [
            ("C2", "", "I1", "N"),
            ("C1", "Acme", "I2", "S"),
            ("C3", "Beta", "I3", "N"),
            ("C1", "Other", "I2", "E"),
            ("C2", "Gamma", "I4", "S"),
        ];
        let push = |b: &mut LedgerBuilder, (customer, name, invoice, region): (&str, &str, &str, &str)| {
            let extras = LineExtras {
                customer_name: Some(name),
                cost: Some(Money::from_cents(1)),
                quantity: None,
                attributes: &[invoice, region],
            };
            b.push(customer, day(2024, 1, 1), Money::from_cents(customer.len() as i64), &extras);
        };
        let mut whole = LedgerBuilder::new(columns.clone());
        lines.iter().for_each(|&line| push(&mut whole, line));
        let (mut first, mut second) = (LedgerBuilder::new(columns.clone()), LedgerBuilder::new(columns));
        lines[..2].iter().for_each(|&line| push(&mut first, line));
        lines[2..].iter().for_each(|&line| push(&mut second, line));
        first.append(second.into());
        let (whole, joined) = (whole.finish(), first.finish());
        assert_eq!(joined.customers(), whole.customers());
        assert_eq!(joined.customer_keys.keys().collect::<Vec<_>>(), whole.customer_keys.keys().collect::<Vec<_>>());
        assert_eq!(joined.customer_names, whole.customer_names);
        assert_eq!(
            (joined.costs(), joined.quantities(), joined.amounts()),
            (whole.costs(), whole.quantities(), whole.amounts())
        );
        for a in [Attribute::Invoice, Attribute::Region] {
            let (j, w) = (joined.attribute(a).unwrap(), whole.attribute(a).unwrap());
            assert_eq!(
                (j.codes(), j.values().keys().collect::<Vec<_>>()),
                (w.codes(), w.values().keys().collect::<Vec<_>>())
            );
        }
    }

    /// A builder with a cost column and `lines` lines of `amount` and `cost` cents.
    fn builder_of(lines: usize, amount: i64, cost: Option<i64>) -> LedgerBuilder {
        let mut b = LedgerBuilder::new(Columns { cost: true, ..Columns::default() });
        let extras = LineExtras { cost: cost.map(Money::from_cents), ..LineExtras::default() };
        for _ in 0..lines {
            b.push("A", day(2024, 1, 1), Money::from_cents(amount), &extras);
        }
        b
    }

    #[test]
    fn money_beyond_the_ledger_limit_is_refused() {
        const LIMIT: i64 = 1 << 61;
        // Exactly at the limit: 2^61 = 2^60 amount + 2^59 cost + 2^59 (negative) amount.
        let mut at = builder_of(1, 1 << 60, Some(1 << 59));
        at.append(builder_of(1, -(1 << 59), None).into());
        assert_eq!(at.try_finish().map(|l| l.len()), Ok(2));
        // One cent more: a negative amount counts by its size, and so does a cost.
        let mut over = builder_of(1, LIMIT, None);
        over.append(builder_of(1, 0, Some(-1)).into());
        assert_eq!(over.try_finish().map(|l| l.len()), Err(BeyondMoneyLimit { magnitude: (1 << 61) + 1 }));
        assert_eq!(builder_of(2, -(1 << 60) - 1, None).try_finish().unwrap_err().magnitude, (1 << 61) + 2);
        // A cost the ledger has no column for is not stored, so it does not count.
        let mut no_cost = LedgerBuilder::new(Columns::default());
        let extras = LineExtras { cost: Some(Money::from_cents(LIMIT)), ..LineExtras::default() };
        no_cost.push("A", day(2024, 1, 1), Money::from_cents(1), &extras);
        assert!(no_cost.try_finish().is_ok());
    }

    #[test]
    fn field_names_round_trip() {
        for f in Field::ALL {
            assert_eq!(Field::from_name(f.name()), Some(f));
        }
        assert_eq!(Field::from_name("klant"), None);
        assert_eq!(Field::SalesRep.attribute(), Some(Attribute::SalesRep));
        assert_eq!(Field::Amount.attribute(), None);
    }
}

//! Scope: which lines of the ledger an analysis looks at: the whole company, or the lines
//! whose attribute (department, team, sales rep, or any other the ledger has) has one value.

use super::ledger::{Attribute, Ledger};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Scope {
    #[default]
    Company,
    /// The lines whose attribute has this value; the value "" keeps the lines without one (a
    /// blank cell: "No department", "No sales rep").
    Only { attribute: Attribute, value: String },
}

impl Scope {
    /// The lines this scope keeps in one ledger. A value the ledger does not have, or an
    /// attribute it has no column for, keeps no line (an empty scope, not an error).
    pub fn lines<'a>(&self, ledger: &'a Ledger) -> LineFilter<'a> {
        match self {
            Scope::Company => LineFilter::All,
            Scope::Only { attribute, value } => ledger
                .attribute(*attribute)
                .and_then(|column| Some(LineFilter::Code { codes: column.codes(), code: column.values().code(value)? }))
                .unwrap_or(LineFilter::Nothing),
        }
    }
}

/// A scope resolved against one ledger's columns: a per-line test on integers.
#[derive(Copy, Clone, Debug)]
pub enum LineFilter<'a> {
    All,
    Code { codes: &'a [u32], code: u32 },
    Nothing,
}

impl LineFilter<'_> {
    pub fn keeps(&self, line: usize) -> bool {
        match self {
            LineFilter::All => true,
            LineFilter::Code { codes, code } => codes.get(line) == Some(code),
            LineFilter::Nothing => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::date::Day;
    use crate::engine::ledger::{Columns, LedgerBuilder, LineExtras};
    use crate::engine::money::Money;

    #[test]
    fn keeps_the_lines_of_one_value() {
        let mut b = LedgerBuilder::new(Columns { attributes: vec![Attribute::Department], ..Columns::default() });
        let d = Day::from_number(0);
        for dept in ["North", "South", "North", ""] {
            b.push("A", d, Money::from_cents(1), &LineExtras { attributes: &[dept], ..LineExtras::default() });
        }
        let ledger = b.finish();
        let kept = |scope: Scope| (0..ledger.len()).filter(|&l| scope.lines(&ledger).keeps(l)).collect::<Vec<_>>();
        let only = |attribute, value: &str| Scope::Only { attribute, value: value.into() };
        assert_eq!(kept(Scope::Company), vec![0, 1, 2, 3]);
        assert_eq!(kept(only(Attribute::Department, "North")), vec![0, 2]);
        assert_eq!(kept(only(Attribute::Department, "")), vec![3], "no department");
        assert_eq!(kept(only(Attribute::Department, "West")), Vec::<usize>::new());
        assert_eq!(kept(only(Attribute::SalesRep, "North")), Vec::<usize>::new());
    }
}

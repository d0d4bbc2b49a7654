//! A ledger column whose cells may be blank (cost, quantity): the values, a blank one stored as
//! the default, and a bit per line saying which are given. Half the room of a `Vec<Option<T>>`
//! for the 8-byte values these are (an `Option<i64>` or `Option<f64>` takes 16 bytes): at 1M
//! lines with a cost and a quantity column, 16 MB less in each copy of the ledger.

/// The cells of an optional column, line by line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OptionalColumn<T> {
    /// A value per line; the default where the cell is blank (so that equal columns compare equal).
    values: Vec<T>,
    /// A bit per line, 64 a word: set where the cell is given.
    given: Vec<u64>,
}

impl<T: Copy + Default> OptionalColumn<T> {
    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The cell of `line`: `None` when it is blank or past the end.
    pub fn get(&self, line: usize) -> Option<T> {
        let value = *self.values.get(line)?;
        (self.given[line / 64] >> (line % 64) & 1 == 1).then_some(value)
    }

    pub fn push(&mut self, cell: Option<T>) {
        let line = self.values.len();
        if line % 64 == 0 {
            self.given.push(0);
        }
        if cell.is_some() {
            self.given[line / 64] |= 1 << (line % 64);
        }
        self.values.push(cell.unwrap_or_default());
    }

    /// Room for `lines` more cells.
    pub fn reserve(&mut self, lines: usize) {
        self.values.reserve(lines);
        self.given.reserve((self.values.len() + lines).div_ceil(64).saturating_sub(self.given.len()));
    }

    /// Every cell, in line order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Option<T>> + Clone + '_ {
        (0..self.len()).map(|line| self.get(line))
    }

    /// The cells from `line` on that are given, in line order.
    pub fn given_from(&self, line: usize) -> impl Iterator<Item = T> + Clone + '_ {
        (line..self.len()).filter_map(|line| self.get(line))
    }
}

impl<T: Copy + Default> Extend<Option<T>> for OptionalColumn<T> {
    fn extend<I: IntoIterator<Item = Option<T>>>(&mut self, cells: I) {
        let cells = cells.into_iter();
        self.reserve(cells.size_hint().0);
        cells.for_each(|cell| self.push(cell));
    }
}

impl<T: Copy + Default> FromIterator<Option<T>> for OptionalColumn<T> {
    fn from_iter<I: IntoIterator<Item = Option<T>>>(cells: I) -> Self {
        let mut column = OptionalColumn { values: Vec::new(), given: Vec::new() };
        column.extend(cells);
        column
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_back_as_they_were_pushed_across_word_boundaries() {
        let cells: Vec<Option<i64>> = (0..200).map(|i| (i % 3 != 0).then_some(i * 10)).collect();
        let column: OptionalColumn<i64> = cells.iter().copied().collect();
        assert_eq!(column.len(), 200);
        assert_eq!(column.iter().collect::<Vec<_>>(), cells);
        assert_eq!(
            (column.get(63), column.get(64), column.get(65), column.get(200)),
            (None, Some(640), Some(650), None)
        );
        assert_eq!(column.given_from(190).collect::<Vec<_>>(), [1900, 1910, 1930, 1940, 1960, 1970, 1990]);
        // A blank cell holds the default, so a column equals one built from the same cells.
        let mut pushed = OptionalColumn::default();
        cells.iter().for_each(|&c| pushed.push(c));
        assert_eq!(pushed, column);
        // A blank zero and a given zero differ.
        let (blank, zero): (OptionalColumn<i64>, OptionalColumn<i64>) =
            ([None].into_iter().collect(), [Some(0)].into_iter().collect());
        assert_ne!(blank, zero);
    }
}

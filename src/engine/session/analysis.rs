//! Analysis requests of the app's pages, answered from the workspace's ledger.
//!
//! The revenue table of a (year start, scope) and its pyramid levels per period are built once
//! and kept for the next request (performance.md: no work repeated across analyses), so a page
//! that changes its period or a second page on the same scope costs no pass over the ledger.

use crate::engine::ledger::{Attribute, Ledger};
use crate::engine::period::{Period, YearStart};
use crate::engine::pyramid::{CutOffs, Levels, Outside, Pyramid};
use crate::engine::revenue::RevenueTable;
use crate::engine::scope::Scope;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// What every analysis page chooses: the year's first day and the lines in scope.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Selection {
    pub year_start: YearStart,
    pub scope: Scope,
    pub cut_offs: CutOffs,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum AnalysisRequest {
    /// What can be chosen: periods, and the values of each attribute (for scope pickers).
    Dimensions { year_start: YearStart },
    /// The pyramid of one period (the latest when `None`).
    Pyramid { selection: Selection, period: Option<Period>, outside: Outside },
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum AnalysisResponse {
    Dimensions(Dimensions),
    Pyramid(Option<Pyramid>),
}

/// The choices a ledger offers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dimensions {
    pub periods: Vec<Period>,
    /// Each attribute the ledger has, with its distinct non-empty values sorted.
    pub attributes: Vec<(Attribute, Vec<String>)>,
}

/// A revenue table and every period's levels for one selection.
pub struct Prepared {
    pub table: RevenueTable,
    pub levels: Vec<Levels>,
}

impl Prepared {
    /// The levels of `period`, or of the latest period when `None`.
    pub fn levels_of(&self, period: Option<Period>) -> Option<&Levels> {
        match period {
            Some(p) => self.levels.iter().find(|l| l.period() == p),
            None => self.levels.last(),
        }
    }
}

/// The last few prepared selections, most recent last.
#[derive(Default)]
pub struct AnalysisCache {
    prepared: Vec<(Selection, Arc<Prepared>)>,
}

/// Enough for flipping between a handful of scopes without holding every table ever built.
const KEEP: usize = 6;

impl AnalysisCache {
    pub fn answer(&mut self, ledger: &Ledger, request: AnalysisRequest) -> AnalysisResponse {
        match request {
            AnalysisRequest::Dimensions { year_start } => AnalysisResponse::Dimensions(dimensions(ledger, year_start)),
            AnalysisRequest::Pyramid { selection, period, outside } => {
                let prepared = self.prepare(ledger, &selection);
                let pyramid = prepared.levels_of(period).map(|levels| Pyramid::of(&prepared.table, levels, outside));
                AnalysisResponse::Pyramid(pyramid)
            }
        }
    }

    /// The prepared table for a selection, built on first use.
    pub fn prepare(&mut self, ledger: &Ledger, selection: &Selection) -> Arc<Prepared> {
        if let Some(index) = self.prepared.iter().position(|(s, _)| s == selection) {
            let entry = self.prepared.remove(index);
            let prepared = Arc::clone(&entry.1);
            self.prepared.push(entry);
            return prepared;
        }
        let table = RevenueTable::build(ledger, selection.year_start, &selection.scope);
        let levels = Levels::every_period(&table, selection.cut_offs);
        let prepared = Arc::new(Prepared { table, levels });
        if self.prepared.len() == KEEP {
            self.prepared.remove(0);
        }
        self.prepared.push((selection.clone(), Arc::clone(&prepared)));
        prepared
    }
}

fn dimensions(ledger: &Ledger, year_start: YearStart) -> Dimensions {
    let periods = match ledger.date_range() {
        Some((first, last)) => {
            let (first, last) = (year_start.period_of(first), year_start.period_of(last));
            (first.label_year()..=last.label_year()).map(Period::starting_in).collect()
        }
        None => Vec::new(),
    };
    let attributes = ledger
        .attributes()
        .filter(|a| *a != Attribute::Invoice)
        .filter_map(|a| {
            let mut values: Vec<String> = ledger.attribute(a)?.values().keys().filter(|v| !v.is_empty()).map(String::from).collect();
            values.sort_unstable();
            Some((a, values))
        })
        .collect();
    Dimensions { periods, attributes }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::pyramid::Level;
    use crate::engine::sample;

    #[test]
    fn dimensions_of_the_sample() {
        let d = dimensions(&sample::sample_ledger(), YearStart::default());
        let years: Vec<i32> = d.periods.iter().map(|p| p.label_year()).collect();
        assert_eq!(years, vec![2021, 2022, 2023, 2024, 2025]);
        let departments = d.attributes.iter().find(|(a, _)| *a == Attribute::Department).map(|(_, v)| v.len());
        assert_eq!(departments, Some(3));
        assert!(d.attributes.iter().all(|(a, _)| *a != Attribute::Invoice), "invoices are no scope");
    }

    #[test]
    fn a_selection_is_prepared_once_and_answers_every_period() {
        let ledger = sample::sample_ledger();
        let mut cache = AnalysisCache::default();
        let selection = Selection::default();
        let first = cache.prepare(&ledger, &selection);
        let again = cache.prepare(&ledger, &selection);
        assert!(Arc::ptr_eq(&first, &again));
        let request = AnalysisRequest::Pyramid { selection, period: Some(Period::starting_in(2023)), outside: Outside::default() };
        let AnalysisResponse::Pyramid(Some(pyramid)) = cache.answer(&ledger, request) else {
            panic!("no pyramid");
        };
        assert_eq!(pyramid.period, Period::starting_in(2023));
        let top = pyramid.row(Level::Top).map(|r| r.customers).unwrap_or_default();
        // ceil(1 % of the active customers).
        assert_eq!(top, pyramid.active_customers.div_ceil(100));
    }

    #[test]
    fn keeps_only_the_recent_selections() {
        let ledger = sample::sample_ledger();
        let mut cache = AnalysisCache::default();
        for rep in ledger.attribute(Attribute::SalesRep).map(|c| c.values().keys().map(String::from).collect::<Vec<_>>()).unwrap_or_default() {
            let scope = Scope::Only { attribute: Attribute::SalesRep, value: rep };
            cache.prepare(&ledger, &Selection { scope, ..Selection::default() });
        }
        assert_eq!(cache.prepared.len(), KEEP);
    }
}

//! The contact plan: every customer with a level in the pyramid of a period gets that level's
//! norms for the next period (the plan year); each rep's contacts are spread over the plan
//! year's 12 months and their hours set against the rep's capacity; the realised contacts of
//! the activity file are counted per rep and month and per customer beside the plan
//! (docs/contact-planning.md).

use super::{Contact, ContactTables, ContactType};
use crate::engine::cost_pools::Minutes;
use crate::engine::date::Day;
use crate::engine::ledger::{CustomerId, Ledger};
use crate::engine::period::{Period, YearStart};
use crate::engine::pyramid::{CutOffs, Level, Levels};
use crate::engine::revenue::{Breakdown, RevenueTable};
use crate::engine::scope::Scope;
use crate::engine::session::analysis::{Analysis, Context, CustomerList, CustomerRef, EmptyReason, Selection};
use crate::engine::views::main_rep_in;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A plan year's months.
pub const MONTHS: usize = 12;

/// `total` spread over 12 months in whole units that add up to it: month m (1 to 12) gets
/// round(total x m / 12) - round(total x (m - 1) / 12), halves rounded up. Every month gets
/// total / 12 rounded down or up, and the extra units fall evenly through the year (4 a year:
/// February, May, August, November; 1 a year: June).
pub fn spread(total: u64) -> [u64; MONTHS] {
    let through = |m: u64| ((2 * u128::from(total) * u128::from(m) + 12) / 24) as u64;
    std::array::from_fn(|i| through(i as u64 + 1) - through(i as u64))
}

/// A customer's contacts in a span of days: planned (the yearly norms of its level pro rata over
/// the days) and realised (the activity file's contacts in the span).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerContacts {
    pub planned: u32,
    pub realised: u32,
    /// Whole minutes, rounded half up.
    pub planned_minutes: u64,
    pub realised_minutes: u64,
}

/// The contacts per customer key in [from, to] (both included), for the scorecard: planned from
/// the level each customer had in the calendar year before `from`'s (company-wide, default
/// cut-offs; when the ledger has no such year, the year of `from` itself), realised from the
/// activity file. Customers of the activity file the ledger lacks are left out (the Contact Plan
/// page reports them).
pub fn contacts_per_customer(
    tables: &ContactTables,
    ctx: &Context,
    from: Day,
    to: Day,
) -> BTreeMap<String, CustomerContacts> {
    per_customer_key(tables, ctx.ledger, from, to)
}

fn per_customer_key(tables: &ContactTables, ledger: &Ledger, from: Day, to: Day) -> BTreeMap<String, CustomerContacts> {
    let year_start = YearStart::default();
    let table = RevenueTable::build(ledger, year_start, &Scope::Company);
    let year = year_start.period_of(from);
    let levels = [year.previous(), year].into_iter().find_map(|p| Levels::classify(&table, p, CutOffs::default()));
    let contacts = per_customer(tables, ledger, levels.as_ref(), from, to);
    contacts.into_iter().map(|(c, counts)| (ledger.customer_key(c).to_string(), counts)).collect()
}

/// The planned and realised contacts in [from, to] of every customer that has either.
fn per_customer(
    tables: &ContactTables,
    ledger: &Ledger,
    levels: Option<&Levels>,
    from: Day,
    to: Day,
) -> BTreeMap<CustomerId, CustomerContacts> {
    let level_of = |c: CustomerId| levels.and_then(|l| l.level(c));
    let days = u128::try_from(to.number() - from.number() + 1).unwrap_or(0);
    let mut out: BTreeMap<CustomerId, CustomerContacts> = BTreeMap::new();
    for customer in ledger.all_customers() {
        let Some(level) = level_of(customer) else { continue };
        let (count, minutes) = yearly(tables, level);
        // Pro rata over 365 days, rounded half up (minutes from hundredths to whole minutes).
        let planned = (2 * u128::from(count) * days + 365) / 730;
        let planned_minutes = (2 * u128::from(minutes) * days + 36_500) / 73_000;
        if planned > 0 || planned_minutes > 0 {
            let entry = out.entry(customer).or_default();
            entry.planned = u32::try_from(planned).unwrap_or(u32::MAX);
            entry.planned_minutes = u64::try_from(planned_minutes).unwrap_or(u64::MAX);
        }
    }
    for contact in tables.contacts.iter().filter(|c| c.date >= from && c.date <= to) {
        let Some(customer) = ledger.customer_by_key(&contact.customer) else { continue };
        let entry = out.entry(customer).or_default();
        entry.realised += 1;
        entry.realised_minutes += minutes_of(tables, contact, level_of(customer)).hundredths();
    }
    // Realised minutes were summed in hundredths: whole minutes, rounded half up.
    for counts in out.values_mut() {
        counts.realised_minutes = (counts.realised_minutes + 50) / 100;
    }
    out
}

/// A level's contacts per year and their minutes (in hundredths) under the norms.
fn yearly(tables: &ContactTables, level: Level) -> (u64, u64) {
    let norms = tables.norms().iter().filter(|n| n.level == level);
    norms.fold((0, 0), |(count, minutes), n| {
        (count + u64::from(n.per_year), minutes + u64::from(n.per_year) * n.minutes.hundredths())
    })
}

/// A realised contact's minutes: its own, or when blank the norm's for the customer's level (a
/// customer without a level in the pyramid, new in the plan year, counts as Small), or none.
fn minutes_of(tables: &ContactTables, contact: &Contact, level: Option<Level>) -> Minutes {
    let norm = || tables.norm(level.unwrap_or(Level::Small), contact.contact).map(|n| n.minutes);
    contact.minutes.or_else(norm).unwrap_or_default()
}

/// Hours of one month or of the year: planned against capacity, and what was realised.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Load {
    pub planned_contacts: u64,
    pub planned: Minutes,
    /// `None` for the customers without a rep (nobody's capacity).
    pub capacity: Option<Minutes>,
    pub realised_contacts: u64,
    pub realised: Minutes,
    /// planned / capacity (1.0 = fully loaded; above 1.0 over capacity); `None` without a
    /// capacity or with a capacity of zero.
    pub load: Option<f64>,
}

impl Load {
    /// Above capacity.
    pub fn is_over(&self) -> bool {
        self.load.is_some_and(|l| l > 1.0)
    }

    fn finish(mut self) -> Load {
        self.load = self
            .capacity
            .filter(|c| c.hundredths() > 0)
            .map(|c| self.planned.hundredths() as f64 / c.hundredths() as f64);
        self
    }
}

/// One rep's plan: per month and for the year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RepPlan {
    /// `None`: the customers without a sales rep.
    pub rep: Option<String>,
    /// Customers planned (with a level).
    pub customers: usize,
    /// The capacity is the default (the rep is not in the capacity table).
    pub default_capacity: bool,
    pub months: Vec<Load>,
    pub year: Load,
}

/// One customer's plan to date against what was realised.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomerComparison {
    pub customer: CustomerRef,
    pub rep: Option<String>,
    /// `None`: no level in the pyramid (realised contacts only).
    pub level: Option<Level>,
    pub planned_year: u64,
    /// From the plan year's first day to `ContactPlanView::as_of`.
    pub to_date: CustomerContacts,
}

/// A customer of the activity file the ledger does not have.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnknownCustomer {
    pub key: String,
    pub contacts: usize,
}

/// What the Contact Plan page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContactPlanView {
    /// The pyramid the levels come from.
    pub pyramid: Period,
    pub plan_year: Period,
    /// The first day of each month of the plan year.
    pub months: Vec<Day>,
    /// The norms in force are the defaults (none entered, or the defaults saved unchanged).
    pub default_norms: bool,
    /// Named reps in byte order, then the customers without a rep; reps of the capacity table
    /// without customers too.
    pub reps: Vec<RepPlan>,
    /// The last day "to date" covers: the latest realised contact in the plan year, or the plan
    /// year's last day when there is none.
    pub as_of: Day,
    /// Largest shortfall (planned to date - realised) first, ties by id in byte order.
    pub customers: CustomerList<CustomerComparison>,
    pub unknown: CustomerList<UnknownCustomer>,
    /// Contacts in the activity file, and those of known customers outside the plan year.
    pub contacts: usize,
    pub outside_year: usize,
}

/// The plan year's shape: which period, and which month a day falls in.
#[derive(Copy, Clone)]
struct PlanYear {
    year_start: YearStart,
    period: Period,
}

impl PlanYear {
    /// The month (0 to 11) of a day of the plan year; `None` outside it.
    fn month_of(self, day: Day) -> Option<usize> {
        if self.year_start.period_of(day) != self.period {
            return None;
        }
        let (y, m, d) = day.ymd();
        let (first_y, first_m, first_d) = self.year_start.first_day(self.period).ymd();
        let months = (y - first_y) * 12 + m as i32 - first_m as i32 - i32::from(d < first_d);
        usize::try_from(months).ok().map(|m| m.min(MONTHS - 1))
    }

    fn month_starts(self) -> Vec<Day> {
        let (y, m, d) = self.year_start.first_day(self.period).ymd();
        (0..MONTHS as u32)
            .map(|i| {
                let (year, month) = (y + ((m - 1 + i) / 12) as i32, (m - 1 + i) % 12 + 1);
                Day::from_ymd(year, month, d.min(crate::engine::date::days_in_month(year, month)))
                    .unwrap_or(Day::from_number(0))
            })
            .collect()
    }

    fn last_day(self) -> Day {
        self.year_start.end_day(self.period).add_days(-1)
    }
}

/// A rep's sums while the plan is made: contacts per (level, type) for the spread.
#[derive(Default)]
struct RepSums {
    customers: usize,
    per_norm: BTreeMap<(Level, ContactType), u64>,
    realised: [(u64, u64); MONTHS],
}

impl ContactPlanView {
    pub fn of(
        ledger: &Ledger,
        tables: &ContactTables,
        levels: &Levels,
        reps: Option<&Breakdown>,
        year_start: YearStart,
    ) -> ContactPlanView {
        let plan = PlanYear { year_start, period: levels.period().next() };
        let rep_of: Vec<Option<&str>> =
            ledger.all_customers().map(|c| reps.and_then(|r| rep_in_or_before(r, levels.period_index(), c))).collect();
        let mut sums = planned_sums(tables, ledger, levels, &rep_of);
        let Realised { unknown, outside_year, last } = realised_into(&mut sums, tables, ledger, levels, &rep_of, plan);
        let as_of = last.unwrap_or(plan.last_day());
        let from = year_start.first_day(plan.period);
        let mut rep_plans: Vec<RepPlan> = sums.into_iter().map(|(rep, s)| rep_plan(tables, rep, &s)).collect();
        // Named reps first (BTreeMap put `None` first), in byte order.
        let no_rep_first = rep_plans.first().is_some_and(|r| r.rep.is_none());
        rep_plans.rotate_left(usize::from(no_rep_first));
        let customers = comparisons(tables, ledger, levels, &rep_of, from, as_of);
        let unknown = unknown.into_iter().map(|(key, contacts)| UnknownCustomer { key: key.into(), contacts });
        ContactPlanView {
            pyramid: levels.period(),
            plan_year: plan.period,
            months: plan.month_starts(),
            default_norms: tables.norms() == super::DEFAULT_NORMS,
            reps: rep_plans,
            as_of,
            customers: CustomerList::of(customers.into_iter()),
            unknown: CustomerList::of(unknown.collect::<Vec<_>>().into_iter()),
            contacts: tables.contacts.len(),
            outside_year,
        }
    }
}

/// Each rep's planned contacts per (level, type): its customers with a level under the norms.
/// The reps of the capacity table are there even without customers.
fn planned_sums<'l>(
    tables: &'l ContactTables,
    ledger: &Ledger,
    levels: &Levels,
    rep_of: &[Option<&'l str>],
) -> BTreeMap<Option<&'l str>, RepSums> {
    let mut sums: BTreeMap<Option<&str>, RepSums> =
        tables.capacity.iter().map(|c| (Some(c.rep.as_str()), RepSums::default())).collect();
    for customer in ledger.all_customers() {
        let Some(level) = levels.level(customer) else { continue };
        let rep = sums.entry(rep_of[customer.index()]).or_default();
        rep.customers += 1;
        for norm in tables.norms().iter().filter(|n| n.level == level) {
            *rep.per_norm.entry((level, norm.contact)).or_default() += u64::from(norm.per_year);
        }
    }
    sums
}

/// What the activity file held beside the plan year's contacts.
struct Realised<'t> {
    /// Contacts per customer key the ledger lacks.
    unknown: BTreeMap<&'t str, usize>,
    outside_year: usize,
    /// The latest contact in the plan year.
    last: Option<Day>,
}

/// Adds each realised contact of the plan year to its customer's rep and month.
fn realised_into<'t>(
    sums: &mut BTreeMap<Option<&'t str>, RepSums>,
    tables: &'t ContactTables,
    ledger: &Ledger,
    levels: &Levels,
    rep_of: &[Option<&'t str>],
    plan: PlanYear,
) -> Realised<'t> {
    let mut realised = Realised { unknown: BTreeMap::new(), outside_year: 0, last: None };
    for contact in &tables.contacts {
        let Some(customer) = ledger.customer_by_key(&contact.customer) else {
            *realised.unknown.entry(contact.customer.as_str()).or_default() += 1;
            continue;
        };
        let Some(month) = plan.month_of(contact.date) else {
            realised.outside_year += 1;
            continue;
        };
        let minutes = minutes_of(tables, contact, levels.level(customer));
        let cell = &mut sums.entry(rep_of[customer.index()]).or_default().realised[month];
        *cell = (cell.0 + 1, cell.1 + minutes.hundredths());
        realised.last = realised.last.max(Some(contact.date));
    }
    realised
}

/// The customer's main rep in the pyramid's period, or for a customer without revenue then, in
/// the latest earlier period with one.
fn rep_in_or_before(reps: &Breakdown, period: usize, customer: CustomerId) -> Option<&str> {
    (0..=period).rev().find_map(|p| main_rep_in(reps, p, customer))
}

fn rep_plan(tables: &ContactTables, rep: Option<&str>, sums: &RepSums) -> RepPlan {
    let (capacity, default_capacity) = match rep {
        Some(rep) => tables.capacity_of(rep),
        None => (Minutes::default(), false),
    };
    let capacity = rep.map(|_| capacity);
    let monthly_capacity = capacity.map(|c| spread(c.hundredths()));
    let mut months: Vec<Load> = (0..MONTHS)
        .map(|m| Load {
            capacity: monthly_capacity.map(|c| Minutes::from_hundredths(c[m])),
            realised_contacts: sums.realised[m].0,
            realised: Minutes::from_hundredths(sums.realised[m].1),
            ..Load::default()
        })
        .collect();
    for (&(level, contact), &count) in &sums.per_norm {
        let minutes = tables.norm(level, contact).map_or(0, |n| n.minutes.hundredths());
        for (month, n) in months.iter_mut().zip(spread(count)) {
            month.planned_contacts += n;
            month.planned = Minutes::from_hundredths(month.planned.hundredths() + n * minutes);
        }
    }
    let year = months.iter().fold(Load { capacity, ..Load::default() }, |year, m| Load {
        planned_contacts: year.planned_contacts + m.planned_contacts,
        planned: Minutes::from_hundredths(year.planned.hundredths() + m.planned.hundredths()),
        realised_contacts: year.realised_contacts + m.realised_contacts,
        realised: Minutes::from_hundredths(year.realised.hundredths() + m.realised.hundredths()),
        ..year
    });
    RepPlan {
        rep: rep.map(String::from),
        customers: sums.customers,
        default_capacity,
        months: months.into_iter().map(Load::finish).collect(),
        year: year.finish(),
    }
}

/// Each customer's plan to date against its realised contacts, largest shortfall first.
fn comparisons(
    tables: &ContactTables,
    ledger: &Ledger,
    levels: &Levels,
    rep_of: &[Option<&str>],
    from: Day,
    to: Day,
) -> Vec<CustomerComparison> {
    let mut rows: Vec<CustomerComparison> = per_customer(tables, ledger, Some(levels), from, to)
        .into_iter()
        .map(|(customer, to_date)| {
            let level = levels.level(customer);
            CustomerComparison {
                customer: CustomerRef::of(ledger, customer),
                rep: rep_of[customer.index()].map(String::from),
                level,
                planned_year: level.map_or(0, |l| yearly(tables, l).0),
                to_date,
            }
        })
        .collect();
    let shortfall = |r: &CustomerComparison| i64::from(r.to_date.planned) - i64::from(r.to_date.realised);
    rows.sort_by(|a, b| shortfall(b).cmp(&shortfall(a)).then_with(|| a.customer.key.cmp(&b.customer.key)));
    rows
}

/// Realised contacts per customer (indexed by `CustomerId::index`) in [from, end): the units of
/// the cost pools' `contact` driver (`profitability.rs`).
pub fn contact_counts(ledger: &Ledger, contacts: &[Contact], from: Day, end: Day) -> Vec<u32> {
    let mut counts = vec![0; ledger.customer_count()];
    for contact in contacts.iter().filter(|c| c.date >= from && c.date < end) {
        if let Some(customer) = ledger.customer_by_key(&contact.customer) {
            counts[customer.index()] += 1;
        }
    }
    counts
}

/// What the Contact Plan page asks: the plan for the period after `period` (the latest when
/// `None`), from that period's pyramid in the selection's scope and cut-offs.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ContactPlanRequest {
    pub selection: Selection,
    pub period: Option<Period>,
}

impl Analysis for ContactPlanRequest {
    type View = ContactPlanView;

    fn answer(self, context: &mut Context) -> Result<ContactPlanView, EmptyReason> {
        let prepared = context.prepare(&self.selection);
        let levels = prepared.levels_of(self.period)?;
        let reps = prepared.reps(context.ledger);
        let tables = &context.tables.contacts;
        Ok(ContactPlanView::of(context.ledger, tables, levels, reps, self.selection.year_start))
    }
}

#[cfg(test)]
mod tests {
    use super::super::{parse_contacts, parse_norms};
    use super::*;
    use crate::engine::ledger::{Attribute, Columns, LedgerBuilder, LineExtras};
    use crate::engine::money::Money;
    use crate::engine::stats::BasisPoints;

    #[test]
    fn the_months_add_up_to_the_year_and_fall_evenly() {
        assert_eq!(spread(12), [1; 12]);
        assert_eq!(spread(4), [0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0]);
        assert_eq!(spread(1), [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        assert_eq!(spread(6), [1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0]);
        assert_eq!(spread(0), [0; 12]);
        for total in [1, 5, 7, 11, 13, 25, 100, 1_000_003, u64::from(u32::MAX)] {
            let months = spread(total);
            assert_eq!(months.iter().sum::<u64>(), total, "{total}");
            assert!(months.iter().all(|&m| m == total / 12 || m == total / 12 + 1), "{total}: {months:?}");
        }
    }

    /// customer, year, rep (empty: none), revenue in euros.
    const LINES: [(&str, i32, &str, i64); 6] = [
        ("A", 2024, "Anna", 5_000),
        ("B", 2024, "Anna", 4_000),
        ("C", 2024, "Bert", 3_000),
        ("D", 2024, "Bert", 2_000),
        ("E", 2024, "Bert", 1_000),
        // F bought (from Anna) in 2023 only: inactive in 2024, still Anna's customer.
        ("F", 2023, "Anna", 700),
    ];

    fn ledger() -> Ledger {
        let mut b = LedgerBuilder::new(Columns { attributes: vec![Attribute::SalesRep], ..Columns::default() });
        for (customer, year, rep, euros) in LINES {
            let day = Day::from_ymd(year, 6, 1).unwrap_or(Day::from_number(0));
            b.push(
                customer,
                day,
                Money::from_cents(euros * 100),
                &LineExtras { attributes: &[rep], ..Default::default() },
            );
        }
        b.finish()
    }

    /// Three levels with norms (Top, Big, Small); Medium cut away and Inactive without norms.
    const NORMS: &str = "level,contact_type,per_year,minutes
top,visit,12,90
top,call,24,15
big,visit,6,60
small,call,4,10
";
    const CONTACTS: &str = "customer,date,type,minutes
A,2025-01-10,visit,100
A,2025-01-20,telefoon,
C,2025-02-03,call,
F,2025-03-01,mailing,5
Z,2025-01-05,visit,
A,2024-12-30,visit,90
";

    fn tables() -> ContactTables {
        ContactTables {
            norms: parse_norms("NORMS.csv", NORMS.as_bytes()).unwrap_or_default(),
            capacity: super::super::parse_capacity("CAP.csv", b"sales_rep,hours_per_year\nAnna,30\n")
                .unwrap_or_default(),
            contacts: parse_contacts("ACTIVITIES.csv", CONTACTS.as_bytes()).unwrap_or_default(),
        }
    }

    fn view() -> ContactPlanView {
        let ledger = ledger();
        let table = RevenueTable::build(&ledger, YearStart::default(), &Scope::Company);
        // Cut-offs 20 %, 40 %, 40 % of 5 active customers: rank 1 Top, 2 Big, 3-5 Small.
        let cut_offs = CutOffs { top: BasisPoints(2_000), big: BasisPoints(4_000), medium: BasisPoints(4_000) };
        let levels = Levels::classify(&table, Period::starting_in(2024), cut_offs);
        let reps = Breakdown::build(&ledger, &table, Attribute::SalesRep);
        let Some(levels) = levels else { panic!("no 2024 pyramid") };
        ContactPlanView::of(&ledger, &tables(), &levels, reps.as_ref(), YearStart::default())
    }

    fn minutes(whole: u64) -> Minutes {
        Minutes::from_hundredths(whole * 100)
    }

    #[test]
    fn the_plan_per_rep_and_month_against_capacity() {
        // Anna: A (Top) 12 visits x 90 + 24 calls x 15 = 1440 minutes; B (Big) 6 visits x 60 =
        // 360; F (inactive) none: 1800 minutes = 30 h, her capacity. Per month: A's visit (90)
        // and two calls (30) every month, B's visits spread(6) in the odd months (Jan, Mar, ...):
        // odd months 180 minutes, even 120, against 1800 / 12 = 150 a month: 120 % and 80 %.
        // Bert (not in the capacity table: 800 h = 48,000 minutes, 4,000 a month): C, D, E
        // (Small) 4 calls x 10 each, 12 calls, one a month: 10 minutes, 0.25 %.
        let view = view();
        assert_eq!((view.pyramid, view.plan_year), (Period::starting_in(2024), Period::starting_in(2025)));
        let reps: Vec<(Option<&str>, usize, bool)> =
            view.reps.iter().map(|r| (r.rep.as_deref(), r.customers, r.default_capacity)).collect();
        assert_eq!(reps, vec![(Some("Anna"), 3, false), (Some("Bert"), 3, true)]);
        let anna = &view.reps[0];
        let planned: Vec<(u64, Minutes, Option<Minutes>)> =
            anna.months.iter().map(|m| (m.planned_contacts, m.planned, m.capacity)).collect();
        assert_eq!(planned[0], (4, minutes(180), Some(minutes(150))));
        assert_eq!(planned[1], (3, minutes(120), Some(minutes(150))));
        assert_eq!(anna.months.iter().map(|m| m.load).collect::<Vec<_>>()[..2], [Some(1.2), Some(0.8)]);
        assert_eq!(anna.months.iter().filter(|m| m.is_over()).count(), 6);
        assert_eq!((anna.year.planned_contacts, anna.year.planned, anna.year.load), (42, minutes(1_800), Some(1.0)));
        assert!(!anna.year.is_over());
        let bert = &view.reps[1];
        assert_eq!((bert.months[0].planned, bert.months[0].capacity), (minutes(10), Some(minutes(4_000))));
        assert_eq!((bert.year.planned_contacts, bert.year.planned, bert.year.load), (12, minutes(120), Some(0.0025)));
    }

    #[test]
    fn realised_contacts_beside_the_plan() {
        // In 2025: A's visit of 100 minutes and call (blank: Top's call norm, 15) in January;
        // C's call (Small's norm, 10) in February for Bert; F's mailing (5) in March for Anna.
        // Z is not in the ledger: reported. A's visit of 2024-12-30 is outside the plan year.
        let view = view();
        let anna = &view.reps[0];
        let realised = |m: &Load| (m.realised_contacts, m.realised);
        assert_eq!(realised(&anna.months[0]), (2, minutes(115)));
        assert_eq!(realised(&anna.months[2]), (1, minutes(5)));
        assert_eq!(realised(&view.reps[1].months[1]), (1, minutes(10)));
        assert_eq!(realised(&anna.year), (3, minutes(120)));
        assert_eq!(view.unknown.items, vec![UnknownCustomer { key: "Z".into(), contacts: 1 }]);
        assert_eq!((view.contacts, view.outside_year), (6, 1));
        assert_eq!(view.as_of, Day::from_ymd(2025, 3, 1).unwrap_or(Day::from_number(0)));
    }

    #[test]
    fn each_customer_planned_to_date_against_realised() {
        // To date: 2025-01-01 to 2025-03-01, 60 days of 365, rounded half up.
        // A: 36 contacts x 60 / 365 = 5.92 -> 6, 1440 minutes x 60 / 365 = 236.7 -> 237;
        //    realised 2 (115 minutes; the 2024 visit is before the span). Shortfall 4.
        // B: 6 x 60 / 365 = 0.99 -> 1, 360 x 60 / 365 = 59.2 -> 59. Shortfall 1.
        // C: 4 x 60 / 365 = 0.66 -> 1, 40 x 60 / 365 = 6.6 -> 7; realised 1 (10). Shortfall 0.
        // D, E: as C without contacts: shortfall 1. F: no norm, realised 1 (5): shortfall -1.
        let view = view();
        let rows: Vec<(&str, u64, CustomerContacts)> =
            view.customers.items.iter().map(|c| (c.customer.key.as_str(), c.planned_year, c.to_date)).collect();
        let contacts = |planned, realised, planned_minutes, realised_minutes| CustomerContacts {
            planned,
            realised,
            planned_minutes,
            realised_minutes,
        };
        assert_eq!(
            rows,
            vec![
                ("A", 36, contacts(6, 2, 237, 115)),
                ("B", 6, contacts(1, 0, 59, 0)),
                ("D", 4, contacts(1, 0, 7, 0)),
                ("E", 4, contacts(1, 0, 7, 0)),
                ("C", 4, contacts(1, 1, 7, 10)),
                ("F", 0, contacts(0, 1, 0, 5)),
            ]
        );
        assert_eq!(view.customers.items[0].rep.as_deref(), Some("Anna"));
        assert_eq!(view.customers.items[5].level, Some(Level::Inactive));
    }

    #[test]
    fn contacts_per_customer_key_for_the_scorecard() {
        // The whole of 2025 (365 days) from the 2024 pyramid with the default cut-offs: of 5
        // active customers k(1 %) = k(5 %) = k(20 %) = 1, so A is Top (36 contacts, 1440
        // minutes) and B-E Small (4 calls, 40 minutes); F inactive has no norm. Realised in
        // 2025 as above (A 2: 100 + 15 minutes).
        let ledger = ledger();
        let (from, to) = (Day::from_ymd(2025, 1, 1), Day::from_ymd(2025, 12, 31));
        let (Some(from), Some(to)) = (from, to) else { panic!("days") };
        let per_key = per_customer_key(&tables(), &ledger, from, to);
        let of = |key: &str| per_key.get(key).copied().unwrap_or_default();
        assert_eq!(
            of("A"),
            CustomerContacts { planned: 36, realised: 2, planned_minutes: 1_440, realised_minutes: 115 }
        );
        assert_eq!(of("B"), CustomerContacts { planned: 4, realised: 0, planned_minutes: 40, realised_minutes: 0 });
        assert_eq!(of("C").realised_minutes, 10);
        assert_eq!(of("F"), CustomerContacts { planned: 0, realised: 1, planned_minutes: 0, realised_minutes: 5 });
        assert!(!per_key.contains_key("Z"));
        // Counts for the cost pools' contact driver in 2025: A 2, C 1, F 1.
        let end = Day::from_ymd(2026, 1, 1).unwrap_or(to);
        let counts = contact_counts(&ledger, &tables().contacts, from, end);
        let by_key = |key: &str| ledger.customer_by_key(key).map_or(0, |c| counts[c.index()]);
        assert_eq!(["A", "B", "C", "F"].map(by_key), [2, 0, 1, 1]);
    }
}

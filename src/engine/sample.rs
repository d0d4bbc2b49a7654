//! The built-in sample ledger: a realistic B2B supplier, generated deterministically so the
//! demo shows the same numbers everywhere (native tests, the app, screenshots).
//!
//! The shape follows what the method expects of real customer bases: yearly revenue per
//! customer is log-normal (σ ≈ 1.55 puts about 75 % of revenue with the top 20 %), customers
//! arrive, churn and come back, buy from a few of the eight product groups (which leaves
//! white space), and some invoices are credited.

use super::date::Day;
use super::ledger::{Attribute, Columns, Ledger, LedgerBuilder, LineExtras};
use super::money::Money;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The first and last year the sample covers.
pub const FIRST_YEAR: i32 = 2021;
pub const LAST_YEAR: i32 = 2025;
pub const CUSTOMERS: usize = 2_000;

const SEED: u64 = 0x00C1_1E47_E1E5;

const DEPARTMENTS: [&str; 3] = ["Industrial", "Foodservice", "Healthcare"];
const REPS: [[&str; 4]; 3] = [
    ["Anna de Vries", "Bram Jansen", "Carla Peeters", "Daan Smit"],
    ["Eva Bakker", "Frank Visser", "Greta Mulder", "Hugo de Boer"],
    ["Iris Meijer", "Jan Bos", "Karin Vos", "Lars Dekker"],
];
const TEAMS: [&str; 2] = ["Key accounts", "Field sales"];
const REGIONS: [&str; 5] = ["North", "East", "South", "West", "Export"];
const SEGMENTS: [&str; 5] = ["Manufacturing", "Wholesale", "Public sector", "Construction", "Services"];

/// Product groups: name, unit price in cents, gross margin in per mille.
const GROUPS: [(&str, i64, i64); 8] = [
    ("Fasteners", 1_250, 420),
    ("Hydraulics", 18_900, 310),
    ("Pneumatics", 9_400, 330),
    ("Bearings", 3_600, 380),
    ("Safety", 2_450, 450),
    ("Cleaning", 1_790, 400),
    ("Packaging", 890, 280),
    ("Service contracts", 65_000, 550),
];
const PRODUCTS_PER_GROUP: usize = 5;

const NAME_FIRST: [&str; 50] = [
    "Van Dijk", "Bakker", "Noord", "Delta", "Rijn", "Polder", "Oost", "Kempen", "Zeeland", "Veluwe", "Hanze", "Maas",
    "Linde", "Eik", "Berk", "Vries", "Jansen", "Groen", "Smit", "Brouwer", "Atlas", "Nova", "Vector", "Orion", "Apex",
    "Summit", "Harbor", "Pioneer", "Keystone", "Granite", "Meridian", "Beacon", "Crest", "Falcon", "Lumen", "Pinnacle",
    "Sterling", "Titan", "Unity", "Zenith", "Alpen", "Nordic", "Baltic", "Rhine", "Elbe", "Scheldt", "Amstel",
    "IJssel", "Waal", "Dommel",
];
const NAME_SECOND: [&str; 20] = [
    "Metaal",
    "Techniek",
    "Logistics",
    "Foods",
    "Bouw",
    "Care",
    "Machines",
    "Plastics",
    "Installaties",
    "Verpakkingen",
    "Transport",
    "Industries",
    "Hospitality",
    "Medical",
    "Systems",
    "Agri",
    "Chemie",
    "Engineering",
    "Catering",
    "Services",
];
const LEGAL_FORMS: [&str; 4] = ["BV", "NV", "GmbH", "Ltd"];

/// One customer's life in the sample.
struct Profile {
    key: String,
    name: String,
    department: usize,
    rep: usize,
    team: usize,
    region: usize,
    segment: usize,
    /// Median yearly revenue in cents.
    base_revenue: f64,
    /// Year of first purchase in the data.
    arrival: i32,
    /// Product groups this customer buys.
    groups: Vec<usize>,
}

/// Generates the sample ledger (about 100,000 lines over five calendar years).
pub fn sample_ledger() -> Ledger {
    let mut rng = ChaCha8Rng::seed_from_u64(SEED);
    let profiles: Vec<Profile> = (0..CUSTOMERS).map(|i| profile(i, &mut rng)).collect();
    let mut builder = LedgerBuilder::new(Columns {
        cost: true,
        quantity: true,
        // Every attribute, in `Attribute::ALL` order (the order `SampleLine::push` fills them in).
        attributes: Attribute::ALL.to_vec(),
    });
    let mut invoice_seq = 0u32;
    for p in &profiles {
        let mut active = true;
        // A slow random walk of the customer's size, so that customers migrate between levels.
        let mut drift = 1.0f64;
        for year in p.arrival..=LAST_YEAR {
            if year > p.arrival {
                active = next_activity(active, &mut rng);
            }
            drift *= (normal(&mut rng) * 0.30).exp();
            if active {
                let revenue = p.base_revenue * drift * (1.0 + 0.04 * f64::from(year - FIRST_YEAR));
                invoice_year(p, year, revenue, &mut invoice_seq, &mut builder, &mut rng);
            }
        }
    }
    builder.finish()
}

fn profile(index: usize, rng: &mut ChaCha8Rng) -> Profile {
    let department = pick(rng, DEPARTMENTS.len());
    // About two thirds are customers when the data starts; the rest arrive later.
    let arrival = if rng.gen_bool(0.66) { FIRST_YEAR } else { rng.gen_range(FIRST_YEAR + 1..=LAST_YEAR) };
    let base_revenue = 800_000.0 * (normal(rng) * 1.55).exp();
    let group_count = 1 + pick(rng, 4) + usize::from(base_revenue > 5_000_000.0) * 2;
    let mut groups: Vec<usize> = Vec::new();
    while groups.len() < group_count.min(GROUPS.len()) {
        // Department shapes the assortment: each department leans to two groups.
        let g =
            if rng.gen_bool(0.5) { (department * 3 + pick(rng, 2)) % GROUPS.len() } else { pick(rng, GROUPS.len()) };
        if !groups.contains(&g) {
            groups.push(g);
        }
    }
    let first = NAME_FIRST[(index * 7) % NAME_FIRST.len()];
    let second = NAME_SECOND[(index / NAME_FIRST.len() + index) % NAME_SECOND.len()];
    let form = LEGAL_FORMS[(index / (NAME_FIRST.len() * NAME_SECOND.len()) + index / 3) % LEGAL_FORMS.len()];
    Profile {
        key: format!("C{:05}", 10_001 + index),
        name: format!("{first} {second} {form}"),
        department,
        rep: pick(rng, REPS[department].len()),
        team: usize::from(base_revenue < 3_000_000.0),
        region: pick(rng, REGIONS.len()),
        segment: pick(rng, SEGMENTS.len()),
        base_revenue,
        arrival,
        groups,
    }
}

/// Whether a customer buys this year, given whether it bought last year:
/// about 12 % of active customers lapse, about 20 % of lapsed ones come back.
fn next_activity(active_last_year: bool, rng: &mut ChaCha8Rng) -> bool {
    if active_last_year {
        !rng.gen_bool(0.12)
    } else {
        rng.gen_bool(0.20)
    }
}

fn invoice_year(
    p: &Profile,
    year: i32,
    revenue_cents: f64,
    seq: &mut u32,
    builder: &mut LedgerBuilder,
    rng: &mut ChaCha8Rng,
) {
    let invoices = ((revenue_cents / 350_000.0).sqrt() * 3.0).round().clamp(1.0, 60.0) as usize;
    let per_invoice = revenue_cents / invoices as f64;
    for _ in 0..invoices {
        *seq += 1;
        let invoice = format!("INV{year}-{:06}", *seq);
        let date = random_day(year, rng);
        let lines = 1 + pick(rng, 4);
        for _ in 0..lines {
            let g = p.groups[pick(rng, p.groups.len())];
            let amount = (per_invoice / lines as f64 * (0.6 + 0.8 * rng.gen::<f64>())).round().max(100.0) as i64;
            let line = SampleLine {
                profile: p,
                invoice: &invoice,
                group: g,
                product: pick(rng, PRODUCTS_PER_GROUP),
                date,
                amount,
            };
            line.push(builder, rng);
            // About 3 % of lines are credited later (returns, price corrections).
            if rng.gen_bool(0.03) {
                let credited = -(amount as f64 * rng.gen_range(0.2..=1.0)).round() as i64;
                // Credited within the same year, so every period holds whole years of business.
                let year_end = Day::from_ymd(year, 12, 31).unwrap_or(date);
                let credit_date = date.add_days(rng.gen_range(5..40)).min(year_end);
                SampleLine { date: credit_date, amount: credited, ..line }.push(builder, rng);
            }
        }
    }
}

#[derive(Clone, Copy)]
struct SampleLine<'a> {
    profile: &'a Profile,
    invoice: &'a str,
    group: usize,
    product: usize,
    date: Day,
    amount: i64,
}

impl SampleLine<'_> {
    fn push(&self, builder: &mut LedgerBuilder, rng: &mut ChaCha8Rng) {
        let p = self.profile;
        let (group, unit_price, margin) = GROUPS[self.group];
        let margin = margin + rng.gen_range(-60..=60);
        let cost = self.amount * (1000 - margin) / 1000;
        let product = format!("{group} {}", ["Basic", "Standard", "Plus", "Pro", "Max"][self.product]);
        let quantity = (self.amount as f64 / unit_price as f64).round();
        let attributes = [
            self.invoice,
            &product,
            group,
            REPS[p.department][p.rep],
            TEAMS[p.team],
            DEPARTMENTS[p.department],
            REGIONS[p.region],
            SEGMENTS[p.segment],
        ];
        let extras = LineExtras {
            customer_name: Some(&p.name),
            cost: Some(Money::from_cents(cost)),
            quantity: Some(quantity),
            attributes: &attributes,
        };
        builder.push(&p.key, self.date, Money::from_cents(self.amount), &extras);
    }
}

fn random_day(year: i32, rng: &mut ChaCha8Rng) -> Day {
    let month = rng.gen_range(1..=12u32);
    let day = rng.gen_range(1..=super::date::days_in_month(year, month));
    Day::from_ymd(year, month, day).unwrap_or(Day::from_number(0))
}

/// A standard normal draw (Box–Muller); rand's distributions live in another crate and this is
/// the only one the sample needs.
/// A uniform index below `n`. Drawn as `u32`: rand draws a `usize` range from 64 bits natively
/// but from 32 bits in wasm32, which would give the browser a different sample than the CLI.
fn pick(rng: &mut ChaCha8Rng, n: usize) -> usize {
    rng.gen_range(0..n as u32) as usize
}

fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let u1: f64 = 1.0 - rng.gen::<f64>();
    let u2: f64 = rng.gen();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::period::{Period, YearStart};
    use std::collections::{HashMap, HashSet};

    fn yearly_revenue(ledger: &Ledger, year: i32) -> HashMap<usize, i64> {
        let ys = YearStart::default();
        let mut per_customer = HashMap::new();
        for i in 0..ledger.len() {
            if ys.period_of(ledger.dates()[i]) == Period::starting_in(year) {
                *per_customer.entry(ledger.customers()[i].index()).or_insert(0) += ledger.amounts()[i].cents();
            }
        }
        per_customer
    }

    #[test]
    fn is_deterministic() {
        let a = sample_ledger();
        let b = sample_ledger();
        assert_eq!(a.len(), b.len());
        assert_eq!(a.amounts(), b.amounts());
        assert_eq!(a.dates(), b.dates());
    }

    #[test]
    fn has_the_promised_shape() {
        let ledger = sample_ledger();
        assert!((60_000..200_000).contains(&ledger.len()), "{} lines", ledger.len());
        assert_eq!(ledger.customer_count(), CUSTOMERS);
        let (first, last) = ledger.date_range().unwrap();
        assert_eq!((first.year(), last.year()), (FIRST_YEAR, LAST_YEAR));
        assert!(ledger.amounts().iter().any(|a| a.cents() < 0), "credit notes");
        for (attribute, distinct) in [
            (Attribute::Department, 3),
            (Attribute::SalesRep, 12),
            (Attribute::Product, 40),
            (Attribute::ProductGroup, 8),
        ] {
            assert_eq!(ledger.attribute(attribute).unwrap().values().len(), distinct, "{attribute:?}");
        }
    }

    #[test]
    fn top_fifth_of_customers_brings_most_revenue_every_year() {
        let ledger = sample_ledger();
        for year in FIRST_YEAR..=LAST_YEAR {
            let mut revenues: Vec<i64> = yearly_revenue(&ledger, year).into_values().filter(|&r| r > 0).collect();
            revenues.sort_unstable_by(|a, b| b.cmp(a));
            let top = revenues.len().div_ceil(5);
            let share = revenues[..top].iter().sum::<i64>() as f64 / revenues.iter().sum::<i64>() as f64;
            assert!((0.68..=0.82).contains(&share), "{year}: top 20 % share {share:.3}");
        }
    }

    #[test]
    fn customers_arrive_churn_and_return() {
        let ledger = sample_ledger();
        let active: Vec<HashSet<usize>> = (FIRST_YEAR..=LAST_YEAR)
            .map(|y| yearly_revenue(&ledger, y).into_iter().filter(|&(_, r)| r > 0).map(|(c, _)| c).collect())
            .collect();
        // Regained needs a period before the previous one, so it is counted from the third year.
        for y in 1..active.len() {
            let before: HashSet<usize> = active[..y].iter().flatten().copied().collect();
            let new = active[y].iter().filter(|c| !before.contains(c)).count();
            let lost = active[y - 1].difference(&active[y]).count();
            let regained = active[y].iter().filter(|c| before.contains(c) && !active[y - 1].contains(c)).count();
            assert!(
                new > 50 && lost > 50 && (y < 2 || regained > 10),
                "year {y}: new {new}, lost {lost}, regained {regained}"
            );
        }
    }
}

//! The Profitability page's words: the side tables' errors (a bad cell of the cost pools,
//! activities or margins, entered or imported), the account's notes, and the page's labels.
//! `cost_pools::Problem`'s `Display` is the CLI's English; these name the page's tables.

use super::{Locale, Text};
use crate::engine::cost_pools::{Driver, Problem};
use crate::engine::profitability::ProfitNote;
use crate::engine::session::tables::{TableError, TableKind};

messages! {
    /// Texts of the Profitability page and its tables' errors; `{name}` is filled in below.
    ProfitMsg {
        CellAt => "{table}, line {line}, column {column}: '{value}': {problem}",
            "{table}, regel {line}, kolom {column}: '{value}': {problem}";
        PoolsTable => "the cost pools table", "de tabel met kostenpools";
        ActivitiesTable => "the activities table", "de tabel met activiteiten";
        MarginsTable => "the margins table", "de tabel met marges";
        Unreadable => "the file is not a readable UTF-8 CSV table; save it as CSV (UTF-8)",
            "het bestand is geen leesbare UTF-8 CSV-tabel; bewaar het als CSV (UTF-8)";
        UnreadableWorkbook => "the workbook cannot be read; save it again as .xlsx or export the sheet as CSV (UTF-8)",
            "de werkmap kan niet worden gelezen; bewaar hem opnieuw als .xlsx of exporteer het blad als CSV (UTF-8)";
        MissingSheet => "the workbook has no sheet of this name; name the table's sheet so, or import it as CSV",
            "de werkmap heeft geen blad met deze naam; geef het blad van de tabel die naam, of importeer hem als CSV";
        MissingColumn => "this column is missing from the header; add it",
            "deze kolom ontbreekt in de kopregel; voeg hem toe";
        Empty => "the cell is empty; fill it in", "de cel is leeg; vul hem in";
        NotANumber => "not a number; write it with at most two decimals and no thousands separator, e.g. 1250.50",
            "geen getal; schrijf het met hoogstens twee decimalen en zonder duizendtalscheiding, bijv. 1250,50";
        Negative => "negative; enter the amount as a positive number", "negatief; vul het bedrag positief in";
        TooLarge => "too large to be a real figure; check the cell", "te groot voor een echt bedrag; controleer de cel";
        UnknownDriver => "unknown driver; choose invoice, line, revenue, customer or time",
            "onbekende verdeelsleutel; kies invoice, line, revenue, customer of time";
        UnknownActivityDriver => "unknown activity driver; choose invoice, line or customer",
            "onbekende sleutel voor de activiteit; kies invoice, line of customer";
        NoCapacity => "a time pool needs its practical capacity in minutes, above zero",
            "een tijdpool heeft zijn praktische capaciteit in minuten nodig, groter dan nul";
        CapacityNotUsed => "a capacity is only for time pools; leave it empty",
            "een capaciteit hoort alleen bij tijdpools; laat de cel leeg";
        DuplicatePool => "this pool is listed twice; give each pool one row",
            "deze pool staat er twee keer in; geef elke pool één rij";
        UnknownPool => "no cost pool of this name; add it to the cost pools or fix the name",
            "er is geen kostenpool met deze naam; voeg hem toe aan de kostenpools of verbeter de naam";
        NotTimePool => "activities belong to time pools only; set this pool's driver to time",
            "activiteiten horen alleen bij tijdpools; zet de verdeelsleutel van deze pool op time";
        ContactsNotAvailable => "Clientele has no contacts yet (the contact plan comes later); use invoice, line or customer",
            "Clientele heeft nog geen contactmomenten (het contactplan komt later); gebruik invoice, line of customer";
        MarginAbove100 => "a margin is at most 100 %; write e.g. 35 or 35.5",
            "een marge is hoogstens 100 %; schrijf bijv. 35 of 35,5";
        DuplicateGroup => "this product group is listed twice; give each group one row",
            "deze productgroep staat er twee keer in; geef elke groep één rij";
        PoolsTooLarge => "the pools together are too large to add up exactly; check the amounts",
            "de pools samen zijn te groot om exact op te tellen; controleer de bedragen";
        NothingToSpread => "Pool {pool}: no customer has a unit of its driver ({driver}) in the period; nothing is allocated.",
            "Pool {pool}: geen klant heeft in de periode een eenheid van de verdeelsleutel ({driver}); er wordt niets toegerekend.";
        NoMinutes => "Pool {pool}: its activities take no minutes in the period (check the activities); nothing is allocated.",
            "Pool {pool}: de activiteiten kosten in de periode geen minuten (controleer de activiteiten); er wordt niets toegerekend.";
        OverCapacity => "Pool {pool}: the activities take {minutes} minutes more than its capacity; its customers carry more than its amount (check the capacity or the activities' minutes).",
            "Pool {pool}: de activiteiten kosten {minutes} minuten meer dan de capaciteit; de klanten dragen meer dan het bedrag (controleer de capaciteit of de minuten van de activiteiten).";
        EditorTitle => "Cost pools and margins", "Kostenpools en marges";
        EditorHint => "The costs the ledger does not hold, for the period chosen above: marketing, sales, service, logistics, overhead or any name, each with the driver that spreads it over the customers. They are kept with the workspace and go into its saved file.",
            "De kosten die niet in het grootboek staan, voor de periode hierboven: marketing, verkoop, service, logistiek, overhead of elke andere naam, elk met de verdeelsleutel die ze over de klanten verdeelt. Ze worden met de werkruimte bewaard en gaan mee in het werkruimtebestand.";
        PoolsCaption => "Cost pools", "Kostenpools";
        ActivitiesCaption => "Activities of the time pools", "Activiteiten van de tijdpools";
        ActivitiesHint => "A time pool (time-driven activity-based costing) costs its amount / its capacity per minute; each activity says how many minutes one invoice, line or customer takes.",
            "Een tijdpool (time-driven activity-based costing) kost zijn bedrag / zijn capaciteit per minuut; elke activiteit zegt hoeveel minuten één factuur, regel of klant kost.";
        MarginsCaption => "Margin per product group", "Marge per productgroep";
        MarginsHint => "This ledger has no cost column: enter the gross margin in percent per product group (an empty group stands for lines without one).",
            "Dit grootboek heeft geen kolom kostprijs: vul per productgroep de brutomarge in procenten in (een lege groep staat voor regels zonder groep).";
        ColPool => "Pool", "Pool";
        ColAmount => "Amount", "Bedrag";
        ColDriver => "Driver", "Verdeelsleutel";
        ColCapacity => "Capacity (minutes, time pools)", "Capaciteit (minuten, tijdpools)";
        ColActivity => "Activity", "Activiteit";
        ColMinutes => "Minutes per unit", "Minuten per eenheid";
        ColGroup => "Product group", "Productgroep";
        ColMargin => "Margin %", "Marge %";
        DriverInvoice => "per invoice", "per factuur";
        DriverLine => "per invoice line", "per factuurregel";
        DriverRevenue => "by revenue", "naar omzet";
        DriverCustomer => "per active customer", "per actieve klant";
        DriverContact => "per contact", "per contactmoment";
        DriverTime => "time (minutes of activities)", "tijd (minuten van activiteiten)";
        AddRow => "Add a row", "Rij toevoegen";
        RemoveRow => "Remove row", "Rij verwijderen";
        SaveTables => "Save the tables", "Tabellen bewaren";
        Saved => "Saved with the workspace.", "Bewaard met de werkruimte.";
        ImportCsv => "Import CSV", "CSV importeren";
        PoolsResult => "Cost pools allocated", "Toegerekende kostenpools";
        Allocated => "Allocated", "Toegerekend";
        Unused => "Unused capacity", "Onbenutte capaciteit";
        MinutesUsed => "Minutes used", "Gebruikte minuten";
        LevelsTitle => "Profit per level", "Winst per niveau";
        CostToServe => "Cost to serve", "Kosten om te bedienen";
        NetProfit => "Net profit", "Nettowinst";
        NeverActive => "Never active", "Nooit actief";
        Level => "Level", "Niveau";
        WhaleTitle => "Whale curve", "Walviscurve";
        WhaleX => "Customers, most profitable first", "Klanten, winstgevendste eerst";
        WhaleY => "Share of total profit", "Aandeel in de totale winst";
        WhaleLine => "Cumulative profit", "Cumulatieve winst";
        Hundred => "100 % of profit", "100 % van de winst";
        WhaleTable => "The whale curve's points", "De punten van de walviscurve";
        RankedCustomers => "Customers", "Klanten";
        Peak => "The most profitable {n} customers make {share} of profit; the other {m} lose {loss}.",
            "De {n} winstgevendste klanten maken {share} van de winst; de andere {m} verliezen {loss}.";
        Top20 => "The top 20 % ({n} customers) make {share} of profit.", "De top 20 % ({n} klanten) maakt {share} van de winst.";
        NoShares => "Total profit is {total}: at or below zero, so no share of it is given.",
            "De totale winst is {total}: nul of lager, dus er worden geen aandelen ervan gegeven.";
        LossMakers => "Loss-making customers", "Verliesgevende klanten";
        LossMakersCount => "loss-making customers", "verliesgevende klanten";
        CostliestPool => "Costliest pool", "Duurste pool";
        NoPool => "none (a loss on the gross margin)", "geen (verlies op de brutomarge)";
        NoLossMakers => "No customer loses money in this period.", "Geen klant is in deze periode verliesgevend.";
        LessonsTitle => "Profit per customer", "Winst per klant";
        LessonTop20 => "The top 20 % of customers make {share} of profit.", "De top 20 % van de klanten maakt {share} van de winst.";
        LessonLoss => "{n} customers lose money once every cost is allocated.", "{n} klanten zijn verliesgevend als alle kosten zijn toegerekend.";
        ToPage => "See the Profitability page", "Naar de pagina Winstgevendheid";
        LinesWithoutCost => "{lines} lines have no cost; their cost counts as zero in the gross margin.",
            "{lines} regels hebben geen kostprijs; die telt als nul in de brutomarge.";
    }
}

/// A bad cell of a side table, in `locale`: the imported file's name, or the table's.
pub fn table_error(error: &TableError, locale: Locale) -> String {
    let cell = &error.error;
    let table = match (cell.file.is_empty(), error.table) {
        (false, _) => cell.file.clone(),
        (true, kind) => table_name(kind).text(locale).to_string(),
    };
    ProfitMsg::CellAt
        .text(locale)
        .replace("{table}", &table)
        .replace("{line}", &cell.line.to_string())
        .replace("{column}", &cell.column)
        .replace("{value}", &cell.value)
        .replace("{problem}", problem(&cell.problem).text(locale))
}

pub fn table_name(kind: TableKind) -> ProfitMsg {
    match kind {
        TableKind::Pools => ProfitMsg::PoolsTable,
        TableKind::Activities => ProfitMsg::ActivitiesTable,
        TableKind::Margins => ProfitMsg::MarginsTable,
    }
}

/// What is wrong with a cell, in words (the page shows it beside the cell too).
pub fn problem(problem: &Problem) -> ProfitMsg {
    match problem {
        Problem::Unreadable => ProfitMsg::Unreadable,
        Problem::UnreadableWorkbook => ProfitMsg::UnreadableWorkbook,
        Problem::MissingSheet => ProfitMsg::MissingSheet,
        Problem::MissingColumn => ProfitMsg::MissingColumn,
        Problem::Empty => ProfitMsg::Empty,
        Problem::NotANumber => ProfitMsg::NotANumber,
        Problem::Negative => ProfitMsg::Negative,
        Problem::TooLarge => ProfitMsg::TooLarge,
        Problem::UnknownDriver => ProfitMsg::UnknownDriver,
        Problem::UnknownActivityDriver => ProfitMsg::UnknownActivityDriver,
        Problem::NoCapacity => ProfitMsg::NoCapacity,
        Problem::CapacityNotUsed => ProfitMsg::CapacityNotUsed,
        Problem::DuplicatePool => ProfitMsg::DuplicatePool,
        Problem::UnknownPool => ProfitMsg::UnknownPool,
        Problem::NotTimePool => ProfitMsg::NotTimePool,
        Problem::ContactsNotAvailable => ProfitMsg::ContactsNotAvailable,
        Problem::MarginAbove100 => ProfitMsg::MarginAbove100,
        Problem::DuplicateGroup => ProfitMsg::DuplicateGroup,
        Problem::PoolsTooLarge => ProfitMsg::PoolsTooLarge,
    }
}

/// A note of the account, in `locale` (numbers in the locale's format).
pub fn note(note: &ProfitNote, locale: Locale) -> String {
    match note {
        ProfitNote::NothingToSpread { pool, driver: Driver::Time } => {
            ProfitMsg::NoMinutes.text(locale).replace("{pool}", pool)
        }
        ProfitNote::NothingToSpread { pool, driver } => {
            ProfitMsg::NothingToSpread.text(locale).replace("{pool}", pool).replace("{driver}", driver.name())
        }
        ProfitNote::OverCapacity { pool, minutes } => ProfitMsg::OverCapacity
            .text(locale)
            .replace("{pool}", pool)
            .replace("{minutes}", &locale.decimal(minutes.hundredths() as f64 / 100.0, 2)),
        ProfitNote::LinesWithoutCost { lines } => {
            ProfitMsg::LinesWithoutCost.text(locale).replace("{lines}", &locale.count(*lines))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::session::tables::{Drafts, SideTables};
    use crate::engine::session::FileData;

    #[test]
    fn a_bad_imported_cell_names_file_line_and_column_in_dutch() {
        let bytes = b"pool,amount,driver,capacity_minutes\nSales,100,line,\nService,12x,time,600\n".to_vec();
        let file = FileData { name: "kosten.csv".into(), bytes };
        let error = SideTables::default().with_file(TableKind::Pools, &file).unwrap_err();
        assert_eq!(
            table_error(&error, Locale::Nl),
            "kosten.csv, regel 3, kolom amount: '12x': geen getal; schrijf het met hoogstens twee decimalen en zonder \
             duizendtalscheiding, bijv. 1250,50"
        );
    }

    #[test]
    fn an_edited_cell_names_its_table() {
        // The editor's second row is line 3 (line 1 is the header).
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let drafts = Drafts {
            pools: vec![row(&["Sales", "100", "line", ""]), row(&["Service", "50", "time", ""])],
            ..Drafts::default()
        };
        let error = SideTables::of_drafts(&drafts).unwrap_err();
        assert_eq!(
            table_error(&error, Locale::En),
            "the cost pools table, line 3, column capacity_minutes: '': a time pool needs its practical capacity in \
             minutes, above zero"
        );
    }
}

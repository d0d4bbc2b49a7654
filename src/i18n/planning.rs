//! Messages of the planning pages of issue 15 that H13 built: Customer Interviews and Customer
//! Goals Setting (their tables' columns, forms, analyses and notes). The tables' cell problems
//! are `ProfitMsg`'s, shared by every side table.

use crate::engine::goals::Spread;
use crate::engine::session::tables::TableKind;

messages! {
    /// The Interviews and Goals pages.
    PlanningMsg {
        ColCustomer => "Customer", "Klant";
        ColDate => "Date", "Datum";
        ColSatisfaction => "Satisfaction (1-10)", "Tevredenheid (1-10)";
        ColRecommend => "Recommend (0-10)", "Aanbevelen (0-10)";
        ColWallet => "Wallet per year", "Totale besteding per jaar";
        ColPotential => "Potential", "Potentieel";
        ColRemarks => "Remarks", "Opmerkingen";
        ColFrom => "From", "Van";
        ColTo => "To", "Tot en met";
        ColCompanyTarget => "Company target", "Bedrijfsdoel";
        ColSpread => "Spread", "Verdeling";
        ColTolerance => "Tolerance %", "Marge %";
        ColName => "Department or rep", "Afdeling of vertegenwoordiger";
        ColPercent => "Percent", "Procent";
        ColProspect => "Prospect (name)", "Prospect (naam)";
        ColRep => "Sales rep", "Vertegenwoordiger";
        ColDepartment => "Department", "Afdeling";
        ColTarget => "Target", "Doel";
        InterviewsCaption => "Interviews (all, the latest per customer counts)", "Interviews (alle; de laatste per klant telt)";
        GoalCaption => "Goal", "Doelstelling";
        GoalSharesCaption => "Spread by hand: percentage per department or rep", "Verdeling met de hand: percentage per afdeling of vertegenwoordiger";
        TargetsCaption => "Bottom-up targets", "Doelen van onderop";
        SpreadShare => "by last period's revenue", "naar omzet van de vorige periode";
        SpreadPotential => "by potential", "naar potentieel";
        SpreadDepartment => "by hand per department", "met de hand per afdeling";
        SpreadRep => "by hand per rep", "met de hand per vertegenwoordiger";
        DownloadXlsx => "Download XLSX", "XLSX downloaden";
        ImportXlsx => "Import workbook", "Werkmap importeren";
        ClearTable => "Clear", "Leegmaken";
        InterviewFormTitle => "Enter an interview", "Interview invoeren";
        InterviewFormHint => "Pick the customer from the ledger (type part of the key or name). A key the ledger does not have is kept and flagged: a prospect? Import a survey export with the columns customer, date, satisfaction, recommend, wallet, potential, remarks.",
            "Kies de klant uit het grootboek (typ een deel van de sleutel of naam). Een sleutel die het grootboek niet kent wordt bewaard en gemarkeerd: een prospect? Importeer een export van een enquête met de kolommen customer, date, satisfaction, recommend, wallet, potential, remarks.";
        AddInterview => "Add the interview", "Interview toevoegen";
        ThresholdsTitle => "Matrix thresholds", "Grenzen van de matrix";
        SatisfiedFrom => "Satisfied from (1-10)", "Tevreden vanaf (1-10)";
        HighShareFrom => "High share from (%)", "Hoog aandeel vanaf (%)";
        Nps => "Net Promoter Score (% promoters 9-10 minus % detractors 0-6)", "Net Promoter Score (% promotors 9-10 min % criticasters 0-6)";
        NpsDetail => "{p} promoters, {n} passives, {d} detractors", "{p} promotors, {n} passieven, {d} criticasters";
        NpsNotComputed => "not computed: no interview has a recommend score", "niet berekend: geen interview heeft een aanbevelingsscore";
        Interviewed => "Customers interviewed", "Geïnterviewde klanten";
        UncapturedTotal => "Potential not yet captured (wallet - revenue)", "Nog niet benut potentieel (besteding - omzet)";
        NoWalletNote => "{n} interviewed customers have no wallet: their share is unknown (not 0).",
            "{n} geïnterviewde klanten hebben geen totale besteding: hun aandeel is onbekend (niet 0).";
        AboveWalletNote => "Our revenue is above the wallet of: {names}. The share is shown above 100 %: the wallet looks too low.",
            "Onze omzet ligt boven de totale besteding van: {names}. Het aandeel staat boven 100 %: de besteding lijkt te laag.";
        UnknownCustomerNote => "Not in the ledger (a prospect, or a typing error?): {names}.",
            "Niet in het grootboek (een prospect, of een tikfout?): {names}.";
        NoRevenueNote => "No revenue in the period from: {names} (share 0 %).", "Geen omzet in de periode van: {names} (aandeel 0 %).";
        LatestTitle => "Latest interview per customer", "Laatste interview per klant";
        Revenue => "Revenue in the period", "Omzet in de periode";
        CustomerShare => "Customer share", "Klantaandeel";
        ShareUnknown => "unknown (no wallet)", "onbekend (geen besteding)";
        Uncaptured => "Not yet captured", "Nog niet benut";
        UncapturedColumn => "Interviewed potential not yet captured", "Nog niet benut potentieel (interview)";
        Level => "Level", "Niveau";
        NoLevel => "no level", "geen niveau";
        Rep => "Sales rep", "Vertegenwoordiger";
        InterviewCount => "Interviews", "Interviews";
        LevelsTitle => "Share of wallet and satisfaction per level", "Aandeel in de besteding en tevredenheid per niveau";
        MeanSatisfaction => "Mean satisfaction", "Gemiddelde tevredenheid";
        ShareOfWallet => "Share of wallet", "Aandeel in de besteding";
        MatrixTitle => "Satisfaction x customer share", "Tevredenheid x klantaandeel";
        MatrixHint => "Satisfied customers with a low share are development candidates; dissatisfied customers with a high share are at risk.",
            "Tevreden klanten met een laag aandeel zijn ontwikkelkandidaten; ontevreden klanten met een hoog aandeel lopen risico.";
        DevelopmentCandidates => "Development candidates (satisfaction ≥ {s}, share < {share} %)", "Ontwikkelkandidaten (tevredenheid ≥ {s}, aandeel < {share} %)";
        AtRisk => "At risk (satisfaction < {s}, share ≥ {share} %)", "Risico (tevredenheid < {s}, aandeel ≥ {share} %)";
        UncapturedPerRep => "Potential not yet captured per sales rep", "Nog niet benut potentieel per vertegenwoordiger";
        GoalTitle => "Goal, spread and targets", "Doelstelling, verdeling en doelen";
        GoalHint => "One row: the goal period, the company revenue target, how it is spread top-down, and the tolerance within which top-down and bottom-up agree.",
            "Eén rij: de doelperiode, het omzetdoel van het bedrijf, hoe het van bovenaf wordt verdeeld, en de marge waarbinnen boven en onder overeenstemmen.";
        SharesHint => "For a spread by hand: the percentage of each department or rep (together 100); within each, customers by last period's revenue.",
            "Voor een verdeling met de hand: het percentage per afdeling of vertegenwoordiger (samen 100); daarbinnen de klanten naar de omzet van de vorige periode.";
        TargetFormTitle => "Add a bottom-up target", "Doel van onderop toevoegen";
        TargetFormHint => "A customer of the ledger, or a prospect by name with the rep and department who enter it.",
            "Een klant uit het grootboek, of een prospect met naam en de vertegenwoordiger en afdeling die het invoeren.";
        AddTarget => "Add the target", "Doel toevoegen";
        Proposed => "Proposed goal period: the period after the ledger's last, {from} to {to}.", "Voorgestelde doelperiode: de periode na de laatste van het grootboek, {from} tot en met {to}.";
        UseProposal => "Start from the proposed period", "Begin met de voorgestelde periode";
        LastPeriod => "Last period (the year before the goal period): {from} to {to}.", "Vorige periode (het jaar voor de doelperiode): {from} tot en met {to}.";
        NoGoalNote => "No goal yet: enter the goal row with a company target to see the top-down spread.",
            "Nog geen doelstelling: vul de rij met een bedrijfsdoel in om de verdeling van bovenaf te zien.";
        UnspreadNote => "Nothing to spread by (no revenue, potential or percentages): the target is not spread.",
            "Niets om naar te verdelen (geen omzet, potentieel of percentages): het doel wordt niet verdeeld.";
        UnknownTargetNote => "Targets for keys not in the ledger (counted in the company's bottom-up only): {names}.",
            "Doelen voor sleutels die niet in het grootboek staan (alleen meegeteld in het bedrijfstotaal van onderop): {names}.";
        TopDown => "Top-down", "Van bovenaf";
        BottomUp => "Bottom-up", "Van onderop";
        Gap => "Gap (top-down - bottom-up)", "Verschil (boven - onder)";
        GapOpen => "gap open", "verschil open";
        Agreed => "agreed", "overeengekomen";
        Status => "Status", "Status";
        Group => "Group", "Groep";
        NoGroup => "none", "geen";
        ByDepartment => "Reconciliation per department", "Afstemming per afdeling";
        ByRep => "Reconciliation per sales rep", "Afstemming per vertegenwoordiger";
        ByLevel => "Reconciliation per level (last period's level)", "Afstemming per niveau (niveau van de vorige periode)";
        LifetimeValueNote => "Suggestion: last period's revenue x the revenue its level kept the year before. Expected by the lifetime value models: the revenue the Lifetime Value page's models (fitted on the purchases up to the goal period) expect of the customer in the goal period, undiscounted.",
            "Voorstel: omzet van de vorige periode x de omzet die zijn niveau het jaar ervoor behield. Verwacht door de levensduurwaardemodellen: de omzet die de modellen van de pagina Levensduurwaarde (geschat op de aankopen tot de doelperiode) in de doelperiode van de klant verwachten, niet verdisconteerd.";
        NoLifetimeValue => "The lifetime value models could not be fitted on this ledger (too few repeat buyers, or totals per period instead of single lines): the suggestion stands on history and potential alone.",
            "De levensduurwaardemodellen konden niet op dit grootboek worden geschat (te weinig herhaalkopers, of totalen per periode in plaats van losse regels): het voorstel rust alleen op historie en potentieel.";
        ExpectedByModels => "Expected by the lifetime value models", "Verwacht door de levensduurwaardemodellen";
        CustomersTitle => "Customers: history, suggestion, potential and targets", "Klanten: historie, voorstel, potentieel en doelen";
        LastRevenue => "Last period's revenue", "Omzet vorige periode";
        Suggestion => "Suggestion", "Voorstel";
        ProspectsTitle => "Prospects' targets", "Doelen voor prospects";
    }
}

/// The label of a column of an issue-15 table (by position in `TableKind::columns`).
pub fn column_label(kind: TableKind, column: usize) -> PlanningMsg {
    use PlanningMsg as L;
    let labels: &[PlanningMsg] = match kind {
        TableKind::Interviews => &[
            L::ColCustomer,
            L::ColDate,
            L::ColSatisfaction,
            L::ColRecommend,
            L::ColWallet,
            L::ColPotential,
            L::ColRemarks,
        ],
        TableKind::Goal => &[L::ColFrom, L::ColTo, L::ColCompanyTarget, L::ColSpread, L::ColTolerance],
        TableKind::GoalShares => &[L::ColName, L::ColPercent],
        _ => &[L::ColCustomer, L::ColProspect, L::ColRep, L::ColDepartment, L::ColTarget],
    };
    labels.get(column).copied().unwrap_or(L::ColCustomer)
}

pub fn table_caption(kind: TableKind) -> PlanningMsg {
    match kind {
        TableKind::Interviews => PlanningMsg::InterviewsCaption,
        TableKind::Goal => PlanningMsg::GoalCaption,
        TableKind::GoalShares => PlanningMsg::GoalSharesCaption,
        _ => PlanningMsg::TargetsCaption,
    }
}

pub fn spread_label(spread: Spread) -> PlanningMsg {
    match spread {
        Spread::Share => PlanningMsg::SpreadShare,
        Spread::Potential => PlanningMsg::SpreadPotential,
        Spread::Department => PlanningMsg::SpreadDepartment,
        Spread::Rep => PlanningMsg::SpreadRep,
    }
}

//! The Scorecard page's words: the scorecard per customer and its roll-ups, the KPI cascade,
//! its targets table and the strategy map.

use crate::engine::kpi_cascade::{Lack, Layer, Metric};
use crate::engine::scorecard::{ScoreColumn, Status};

messages! {
    /// Texts of the Scorecard page; `{name}` is filled in by the page.
    ScorecardMsg {
        WindowGoal => "Goal period {from} to {to}, counted to {as_of} (the ledger's last day): {elapsed} of {total} days.",
            "Doelperiode {from} tot en met {to}, geteld tot {as_of} (de laatste dag van het grootboek): {elapsed} van {total} dagen.";
        WindowCurrent => "No goal period is set (Goals page), so the scorecard measures the current period {period} of the year start above: {from} to {to}, counted to {as_of} (the ledger's last day): {elapsed} of {total} days.",
            "Er is geen doelperiode ingesteld (pagina Doelen), dus meet de scorecard de lopende periode {period} van het begin van het jaar hierboven: {from} tot en met {to}, geteld tot {as_of} (de laatste dag van het grootboek): {elapsed} van {total} dagen.";
        InputsNote => "Targets come from the Goals page, planned and realised contacts from the Contact Plan, satisfaction and wallets from the Interviews; a column stays empty until they are entered.",
            "Doelen komen van de pagina Doelen, geplande en gerealiseerde contacten van het Contactplan, tevredenheid en klantbudget uit de Interviews; een kolom blijft leeg tot ze zijn ingevoerd.";
        RuleNote => "Forecast: revenue to date divided by the share of the period's days gone. Status: forecast at least 100 % of the target on track, at least 90 % at risk, below that off track.",
            "Prognose: omzet tot nu toe gedeeld door het deel van de dagen van de periode dat voorbij is. Status: prognose minstens 100 % van het doel op koers, minstens 90 % in gevaar, daaronder uit koers.";
        Rollups => "Roll-up", "Samenvatting";
        Company => "Company", "Bedrijf";
        NoValue => "No value", "Geen waarde";
        Unit => "Unit", "Eenheid";
        CustomersWithTarget => "Customers (with a target)", "Klanten (met een doel)";
        Contacts => "Contacts realised / planned", "Contacten gerealiseerd / gepland";
        Target => "Target", "Doel";
        RevenueToDate => "Revenue to date", "Omzet tot nu toe";
        Forecast => "Forecast", "Prognose";
        Attainment => "Forecast / target", "Prognose / doel";
        Status => "Status", "Status";
        RealisedContacts => "Contacts realised", "Gerealiseerde contacten";
        Satisfaction => "Satisfaction", "Tevredenheid";
        Revenue12 => "Revenue, last 12 months", "Omzet, laatste 12 maanden";
        Wallet => "Wallet", "Klantbudget";
        CustomerShare => "Customer share", "Klantaandeel";
        Customer => "Customer", "Klant";
        PerCustomer => "Scorecard per customer", "Scorecard per klant";
        SortBy => "Sort by", "Sorteren op";
        Order => "Order", "Volgorde";
        Descending => "Highest first", "Hoogste eerst";
        Ascending => "Lowest first", "Laagste eerst";
        OnTrack => "On track", "Op koers";
        AtRisk => "At risk", "In gevaar";
        OffTrack => "Off track", "Uit koers";
        NoTarget => "No target", "Geen doel";
        NotStarted => "Not started", "Niet begonnen";
        KpiTitle => "KPI cascade", "KPI-cascade";
        KpiHint => "The company's CRM metrics in the period chosen above, cascaded to every department, team and sales rep, each computed from the data and set against the target entered for it.",
            "De CRM-maatstaven van het bedrijf in de periode hierboven, doorvertaald naar elke afdeling, elk team en elke verkoper, elk berekend uit de gegevens en afgezet tegen het ingevoerde doel.";
        Metric => "Metric", "Maatstaf";
        Layer => "Layer", "Laag";
        Actual => "Actual", "Werkelijk";
        TargetsTitle => "KPI targets", "KPI-doelen";
        TargetsHint => "One row per metric and unit. Unit: company, or the name of a department, team or sales rep. Target in the metric's unit: an amount for revenue and margin, a number of customers or contacts, a percentage for retention and share of wallet, a score 1-10 for satisfaction, 1-5 for customer_focus, points -100 to 100 for nps.",
            "Eén rij per maatstaf en eenheid. Eenheid: company, of de naam van een afdeling, team of verkoper. Doel in de eenheid van de maatstaf: een bedrag voor omzet en marge, een aantal klanten of contacten, een percentage voor behoud en klantaandeel, een score 1-10 voor tevredenheid, 1-5 voor customer_focus, punten -100 tot 100 voor nps.";
        SaveTargets => "Save targets", "Doelen bewaren";
        Saved => "Saved with the workspace.", "Bewaard bij de werkruimte.";
        UnknownUnits => "These targets name no company, department, team or sales rep of the ledger: {units}.",
            "Deze doelen noemen geen bedrijf, afdeling, team of verkoper uit het grootboek: {units}.";
        StrategyMap => "Strategy map", "Strategiekaart";
        StrategyMapLabel => "Strategy map of the company: the metrics in the balanced scorecard's layers with actual and target, coloured by status, arrows from cause to effect.",
            "Strategiekaart van het bedrijf: de maatstaven in de lagen van de balanced scorecard met werkelijk en doel, gekleurd naar status, pijlen van oorzaak naar gevolg.";
        MetricRevenue => "Revenue", "Omzet";
        MetricMargin => "Gross margin", "Brutomarge";
        MetricActive => "Active customers", "Actieve klanten";
        MetricRetention => "Retention", "Klantbehoud";
        MetricNew => "New customers", "Nieuwe klanten";
        MetricRegained => "Regained customers", "Teruggewonnen klanten";
        MetricWallet => "Share of wallet", "Klantaandeel";
        MetricSatisfaction => "Satisfaction", "Tevredenheid";
        MetricNps => "NPS", "NPS";
        MetricContacts => "Contacts", "Contacten";
        MetricFocus => "Customer focus", "Klantgerichtheid";
        LayerFinancial => "Financial", "Financieel";
        LayerCustomer => "Customer", "Klant";
        LayerProcess => "Internal process", "Interne processen";
        LayerLearning => "Learning and growth", "Leren en groeien";
        LackPrevious => "no period before it in the data", "geen periode ervoor in de gegevens";
        LackBefore => "no customer was active the period before", "geen klant was actief in de periode ervoor";
        LackCost => "the ledger has no cost column", "het grootboek heeft geen kostenkolom";
        LackInterviews => "no interviews of these customers (Interviews page)", "geen interviews van deze klanten (pagina Interviews)";
        LackContacts => "no contacts recorded (Contact Plan page)", "geen contacten vastgelegd (pagina Contactplan)";
        LackSurvey => "no Customer Focus survey with answers", "geen enquête Klantgerichtheid met antwoorden";
        LackCompanyOnly => "measured for the company only", "alleen voor het bedrijf gemeten";
    }
}

pub fn status_name(status: Status) -> ScorecardMsg {
    match status {
        Status::Green => ScorecardMsg::OnTrack,
        Status::Amber => ScorecardMsg::AtRisk,
        Status::Red => ScorecardMsg::OffTrack,
        Status::NoTarget => ScorecardMsg::NoTarget,
        Status::NotStarted => ScorecardMsg::NotStarted,
    }
}

pub fn metric_name(metric: Metric) -> ScorecardMsg {
    match metric {
        Metric::Revenue => ScorecardMsg::MetricRevenue,
        Metric::Margin => ScorecardMsg::MetricMargin,
        Metric::ActiveCustomers => ScorecardMsg::MetricActive,
        Metric::Retention => ScorecardMsg::MetricRetention,
        Metric::NewCustomers => ScorecardMsg::MetricNew,
        Metric::RegainedCustomers => ScorecardMsg::MetricRegained,
        Metric::ShareOfWallet => ScorecardMsg::MetricWallet,
        Metric::Satisfaction => ScorecardMsg::MetricSatisfaction,
        Metric::Nps => ScorecardMsg::MetricNps,
        Metric::Contacts => ScorecardMsg::MetricContacts,
        Metric::CustomerFocus => ScorecardMsg::MetricFocus,
    }
}

pub fn layer_name(layer: Layer) -> ScorecardMsg {
    match layer {
        Layer::Financial => ScorecardMsg::LayerFinancial,
        Layer::Customer => ScorecardMsg::LayerCustomer,
        Layer::InternalProcess => ScorecardMsg::LayerProcess,
        Layer::LearningAndGrowth => ScorecardMsg::LayerLearning,
    }
}

pub fn lack_reason(lack: Lack) -> ScorecardMsg {
    match lack {
        Lack::NoPreviousPeriod => ScorecardMsg::LackPrevious,
        Lack::NoCustomersBefore => ScorecardMsg::LackBefore,
        Lack::NoCostColumn => ScorecardMsg::LackCost,
        Lack::NoInterviews => ScorecardMsg::LackInterviews,
        Lack::NoContactPlan => ScorecardMsg::LackContacts,
        Lack::NoFocusSurvey => ScorecardMsg::LackSurvey,
        Lack::CompanyOnly => ScorecardMsg::LackCompanyOnly,
    }
}

/// The customers' table's column a sort choice names.
pub fn column_name(column: ScoreColumn) -> ScorecardMsg {
    match column {
        ScoreColumn::Customer => ScorecardMsg::Customer,
        ScoreColumn::Target => ScorecardMsg::Target,
        ScoreColumn::RevenueToDate => ScorecardMsg::RevenueToDate,
        ScoreColumn::Forecast => ScorecardMsg::Forecast,
        ScoreColumn::Attainment => ScorecardMsg::Attainment,
        ScoreColumn::Status => ScorecardMsg::Status,
        ScoreColumn::Contacts => ScorecardMsg::RealisedContacts,
        ScoreColumn::Satisfaction => ScorecardMsg::Satisfaction,
        ScoreColumn::CustomerShare => ScorecardMsg::CustomerShare,
    }
}

//! The words of issue 15's actions: the "add to actions" control shared by the pages that list
//! customers (its suggested texts), the Actions page's follow-up against revenue, filters and
//! file, and the board pack. The Customer Focus planner's and the list's first words stay in
//! `focus.rs`, where issue 16 put them.

use super::{Locale, Text};
use crate::engine::actions::follow_up::NotFollowed;

messages! {
    /// Texts of the "add to actions" control, the Actions page's follow-up and the board pack.
    ActionsMsg {
        AddToActions => "Add to actions", "Op de actielijst";
        FormTitle => "A new action", "Een nieuwe actie";
        ForCustomers => "For the list's customers ({n}): the whole list as shown with the filters above.",
            "Voor de klanten van de lijst ({n}): de hele lijst zoals getoond met de filters hierboven.";
        ForLevel => "For the customers of the level {level} at the start (the pyramid of the last whole year before it).",
            "Voor de klanten van het niveau {level} bij het begin (de piramide van het laatste hele jaar ervoor).";
        Add => "Add", "Toevoegen";
        Cancel => "Cancel", "Annuleren";
        Asking => "Counting the customers of the list…", "De klanten van de lijst worden geteld…";
        Added => "Added to the Actions list.", "Op de actielijst gezet.";
        SeeActions => "See the Actions list", "Naar de actielijst";
        // The suggested texts, in the user's language; {n} is the number of customers, in
        // brackets so that the words need no plural of their own ("these 1 customers").
        Reactivate => "Reactivate the inactive customers ({n})", "De inactieve klanten reactiveren ({n})";
        Welcome => "Welcome and keep the new and regained customers ({n})", "De nieuwe en teruggewonnen klanten verwelkomen en vasthouden ({n})";
        CrossSell => "Cross-sell {group} to the customers with white space in it ({n})", "{group} bijverkopen aan de klanten met witte ruimte erin ({n})";
        CrossSellTitle => "Cross-sell: an action per product group, for the customers with white space in it",
            "Kruisverkoop: een actie per productgroep, voor de klanten met witte ruimte erin";
        MigrationCell => "Migration {from} → {to}: the customers ({n})", "Migratie {from} → {to}: de klanten ({n})";
        LossMakers => "Loss-makers on the whale curve: the customers ({n})", "Verliesgevend op de walviscurve: de klanten ({n})";
        Segment => "RFM segment {segment}: the customers ({n})", "RFM-segment {segment}: de klanten ({n})";
        LevelAction => "Develop the {level} customers", "De klanten van het niveau {level} ontwikkelen";
        LostCustomers => "Lost customers", "Verloren klanten";
        ArrivedCustomers => "New and regained customers", "Nieuwe en teruggewonnen klanten";
        FlowsCustomers => "The customers behind {period}'s flows", "De klanten achter de stromen van {period}";
        // The Actions page.
        Realised => "Realised", "Gerealiseerd";
        Baseline => "Baseline", "Basislijn";
        Uplift => "Uplift", "Extra omzet";
        Progress => "Progress", "Voortgang";
        Overdue => "Overdue", "Over tijd";
        Totals => "Total", "Totaal";
        PerOwner => "Per owner", "Per eigenaar";
        PerStatus => "Per status", "Per status";
        ActionsCount => "Actions", "Acties";
        Followed => "Followed up", "Opgevolgd";
        FilterStatus => "Status", "Status";
        FilterOwner => "Owner", "Eigenaar";
        All => "All", "Alle";
        NoOwner => "(no owner)", "(geen eigenaar)";
        NoneMatch => "No action matches the filters.", "Geen actie past bij de filters.";
        FollowUpHint => "Realised: the revenue of the action's customers from its start (or the day it was added) up to the ledger's last day. Baseline: their revenue in the equally long window just before the start. Uplift = realised − baseline; progress = uplift ÷ expected revenue.",
            "Gerealiseerd: de omzet van de klanten van de actie vanaf het begin (of de dag waarop ze is toegevoegd) tot de laatste dag van het grootboek. Basislijn: hun omzet in een even lange periode vlak voor het begin. Extra omzet = gerealiseerd − basislijn; voortgang = extra omzet ÷ verwachte omzet.";
        Window => "{start} to {end}, against {baseline_start} to the day before", "{start} tot {end}, tegen {baseline_start} tot de dag ervoor";
        Unknown => "customers not in the ledger: {n}", "klanten niet in het grootboek: {n}";
        BaselinePartial => "the baseline begins before the ledger", "de basislijn begint vóór het grootboek";
        TotalsTooLarge => "too large to add up exactly", "te groot om exact op te tellen";
        NoLedger => "no ledger loaded", "geen grootboek geladen";
        NoStart => "no start date", "geen begindatum";
        StartsAfterLedger => "starts after the ledger's last day", "begint na de laatste dag van het grootboek";
        NotForCustomers => "not for customers", "niet voor klanten";
        NoLevelAtStart => "no whole year before the start", "geen heel jaar vóór het begin";
        DownloadCsv => "Download CSV", "CSV downloaden";
        DownloadXlsx => "Download XLSX", "XLSX downloaden";
        ImportList => "Import an actions file (replaces the list)", "Een actiebestand importeren (vervangt de lijst)";
        Imported => "The list was replaced by the file's {n} actions.", "De lijst is vervangen door de {n} acties uit het bestand.";
        // The board pack.
        PrintPack => "Print", "Afdrukken";
        PackIntro => "The pyramid, the flows, the migration, the profitability and the scorecard on A4, each with its chart, its key table and its lesson, for the filters chosen above.",
            "De piramide, de stromen, de migratie, de winstgevendheid en de scorecard op A4, elk met grafiek, kerntabel en les, voor de filters hierboven.";
        ScorecardSection => "Scorecard roll-up", "Scorecard samengevat";
        FlowsLesson => "{period}: {lost} customers lost, {new} new and {regained} regained: from {start} to {end} active customers.",
            "{period}: {lost} klanten verloren, {new} nieuw en {regained} teruggewonnen: van {start} naar {end} actieve klanten.";
        MigrationLesson => "Moved up: {up} customers, revenue change {up_change}; moved down: {down} customers, revenue change {down_change}.",
            "Gestegen: {up} klanten, omzetverandering {up_change}; gedaald: {down} klanten, omzetverandering {down_change}.";
    }
}

/// Why an action has no follow-up, in `locale`.
pub fn not_followed(reason: NotFollowed, locale: Locale) -> &'static str {
    match reason {
        NotFollowed::NoLedger => ActionsMsg::NoLedger,
        NotFollowed::NoStart => ActionsMsg::NoStart,
        NotFollowed::StartsAfterLedger => ActionsMsg::StartsAfterLedger,
        NotFollowed::NotForCustomers => ActionsMsg::NotForCustomers,
        NotFollowed::NoLevelAtStart => ActionsMsg::NoLevelAtStart,
    }
    .text(locale)
}

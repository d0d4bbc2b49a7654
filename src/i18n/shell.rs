//! Messages of the app's shell, navigation and start pages.

messages! {
    /// The app's shell, navigation and start pages.
    Msg {
        AppTagline => "Customer performance workbench", "Werkbank voor klantprestaties";
        SkipToContent => "Skip to content", "Naar de inhoud";
        Language => "Language", "Taal";
        MainNavigation => "Main navigation", "Hoofdnavigatie";
        PrivacyFooter => "Runs entirely in your browser: your data never leaves this device.",
            "Draait volledig in uw browser: uw gegevens verlaten dit apparaat nooit.";
        PrintPrinted => "Printed", "Afgedrukt";
        PrintLedger => "Ledger", "Grootboek";
        PrintCutOffs => "Pyramid cut-offs (share of active customers, cumulative)",
            "Grenzen van de piramide (aandeel van de actieve klanten, cumulatief)";
        PrintPrivacy => "Computed in this browser; no data left this computer.",
            "Berekend in deze browser; er zijn geen gegevens van deze computer verstuurd.";

        GroupStart => "Start", "Start";
        GroupPerformance => "Customer Performance", "Klantprestaties";
        GroupValue => "Customer Value", "Klantwaarde";
        GroupPlanning => "Planning", "Planning";
        GroupFocus => "Organisation", "Organisatie";

        PageHome => "Overview", "Overzicht";
        PageData => "Data", "Gegevens";
        PageMethods => "Methods", "Methoden";
        MethodsInEnglish => "This explanation is available in English only for now.", "Deze uitleg is voorlopig alleen in het Engels beschikbaar.";
        PagePyramid => "Customer Pyramid", "Klantenpiramide";
        PageMigration => "Migration", "Migratie";
        PageFlows => "Customer Flows", "Klantstromen";
        PageConcentration => "Concentration", "Concentratie";
        PageViews => "Customer Views", "Klantbeelden";
        PageProfitability => "Profitability", "Winstgevendheid";
        PageLifetimeValue => "Lifetime Value", "Levensduurwaarde";
        PageInterviews => "Interviews", "Interviews";
        PageGoals => "Goals", "Doelen";
        PageContactPlan => "Contact Plan", "Contactplan";
        PageScorecard => "Scorecard", "Scorecard";
        PageCustomerFocus => "Customer Focus", "Klantgerichtheid";
        PageActions => "Actions", "Acties";
        PageBoardPack => "Board Pack", "Directierapport";
        PageBreakeven => "Breakeven", "Break-even";
        PageRfm => "RFM Segments", "RFM-segmenten";
        PageCohorts => "Cohorts", "Cohorten";

        AboutPyramid => "Who your Top, Big, Medium and Small customers are, what each level brings in, and who became inactive.",
            "Wie uw Top-, Grote, Middelgrote en Kleine klanten zijn, wat elk niveau oplevert en wie inactief werd.";
        AboutMigration => "How customers moved between pyramid levels from one year to the next, and the revenue gained and lost by each movement.",
            "Hoe klanten van jaar tot jaar tussen de niveaus van de piramide bewogen, en de omzet die elke beweging won en verloor.";
        AboutFlows => "New, lost, regained and retained customers per year, as a waterfall and a trend.",
            "Nieuwe, verloren, teruggewonnen en behouden klanten per jaar, als waterval en als trend.";
        AboutConcentration => "How concentrated your revenue is: the Pareto curve, the Gini coefficient and revenue bands.",
            "Hoe geconcentreerd uw omzet is: de Paretocurve, de Gini-coëfficiënt en omzetklassen.";
        AboutViews => "Per sales rep, which customers buy which product groups, and the cross-sell and up-sell white space.",
            "Per verkoper welke klanten welke productgroepen kopen, en de ruimte voor kruis- en meerverkoop.";
        AboutRfm => "Customers scored on recency, frequency and monetary value (5 = best), and the segments that follow.",
            "Klanten gescoord op recentheid, frequentie en geldwaarde (5 = best), en de segmenten die daaruit volgen.";
        AboutCohorts => "Customers grouped by their first year, and how many of them (and how much of their revenue) stay in later years.",
            "Klanten gegroepeerd naar hun eerste jaar, en hoeveel van hen (en van hun omzet) in latere jaren blijven.";
        AboutProfitability => "Profit per customer with every cost allocated, the whale curve, and why loss-makers lose money.",
            "Winst per klant met alle kosten toegerekend, de walviscurve, en waarom verliesgevende klanten verlies maken.";
        AboutLifetimeValue => "What a customer is worth over the whole relationship, simple and probabilistic.",
            "Wat een klant waard is over de hele relatie, eenvoudig en probabilistisch berekend.";
        AboutInterviews => "Customer interviews: satisfaction, share of wallet and potential per customer.",
            "Klantinterviews: tevredenheid, klantaandeel en potentieel per klant.";
        AboutGoals => "Revenue goals set top-down and bottom-up, and how the two reconcile.",
            "Omzetdoelen van boven naar beneden en van onder naar boven, en hoe die aansluiten.";
        AboutContactPlan => "Contact plans per customer level, weighed against your sales capacity.",
            "Contactplannen per klantniveau, afgezet tegen uw verkoopcapaciteit.";
        AboutScorecard => "A scorecard per customer: target, plan, realisation and forecast.",
            "Een scorekaart per klant: doel, plan, realisatie en prognose.";
        AboutCustomerFocus => "The Customer Focus assessment of your organisation: 22 aspects, the gap chart, department benchmarks.",
            "De klantgerichtheidsmeting van uw organisatie: 22 aspecten, de gap-grafiek en vergelijking van afdelingen.";
        AboutActions => "The actions that follow from the analyses, followed up against realised revenue.",
            "De acties die uit de analyses volgen, gevolgd tegen de gerealiseerde omzet.";
        AboutBoardPack => "The pyramid, flows, migration, profitability and scorecard on A4 for the board, in the chosen language.",
            "De piramide, stromen, migratie, winstgevendheid en scorecard op A4 voor de directie, in de gekozen taal.";
        AboutBreakeven => "When a marketing investment in customers pays back, profit-based against cash-based.",
            "Wanneer een marketinginvestering in klanten zich terugbetaalt, op winstbasis en op kasbasis.";


        HomeTitle => "Know your customers, without sending your data anywhere",
            "Ken uw klanten, zonder uw gegevens ergens heen te sturen";
        HomeIntro => "Clientele applies the Customer Marketing Method to your sales ledger: the customer pyramid, migration between levels, customer flows, revenue concentration, cross- and up-sell white space, profitability and lifetime value.",
            "Clientele past de Customer Marketing Methode toe op uw verkoopgrootboek: de klantenpiramide, migratie tussen niveaus, klantstromen, omzetconcentratie, ruimte voor kruis- en meerverkoop, winstgevendheid en levensduurwaarde.";
        HomePrivacy => "Every calculation runs here, in your browser. Your files are never uploaded, and the app makes no network request after it has loaded. It also works offline once installed.",
            "Elke berekening gebeurt hier, in uw browser. Uw bestanden worden nooit geüpload en de app doet geen netwerkverzoek meer nadat hij geladen is. Eenmaal geïnstalleerd werkt hij ook offline.";
        TrySample => "Try with sample data", "Probeer met voorbeeldgegevens";
        SampleExplained => "A fictitious B2B supplier: 2,000 customers, 3 departments, 12 sales reps, 40 products in 8 groups, five years of invoices with credit notes and costs.",
            "Een fictieve B2B-leverancier: 2.000 klanten, 3 afdelingen, 12 verkopers, 40 producten in 8 groepen, vijf jaar facturen met creditnota's en kosten.";
        GoToData => "Your own ledger", "Uw eigen grootboek";

        DataIntro => "Load a sales ledger: one row per invoice line with at least a customer, a date and an amount.",
            "Laad een verkoopgrootboek: één regel per factuurregel met ten minste een klant, een datum en een bedrag.";
        WorkspaceEmpty => "No ledger loaded", "Geen grootboek geladen";
        WorkspaceOpening => "Opening the saved workspace…", "De bewaarde werkruimte wordt geopend…";
        WorkspaceSample => "Sample ledger (fictitious company)", "Voorbeeldgrootboek (fictief bedrijf)";
        CloseWorkspace => "Close this ledger", "Dit grootboek sluiten";
        LoadedLedger => "Loaded ledger", "Geladen grootboek";
        ReadFromFiles => "Read from the files", "Gelezen uit de bestanden";
        SummaryLines => "Invoice lines", "Factuurregels";
        SummaryCustomers => "Customers", "Klanten";
        SummaryProducts => "Products", "Producten";
        SummaryFirstDate => "First date", "Eerste datum";
        SummaryLastDate => "Last date", "Laatste datum";
        SummaryRevenue => "Total revenue", "Totale omzet";
        SummaryCreditNotes => "Credit note lines", "Creditnotaregels";
        SummaryCredited => "Credited", "Gecrediteerd";
        Figure => "Figure", "Gegeven";
        Value => "Value", "Waarde";

        NotFoundTitle => "Page not found", "Pagina niet gevonden";
        NotFoundText => "There is no page at this address. Choose a page in the navigation.",
            "Op dit adres staat geen pagina. Kies een pagina in de navigatie.";
    }
}

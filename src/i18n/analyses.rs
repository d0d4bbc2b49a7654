//! Messages of the Customer Performance pages (pyramid, migration, flows, concentration,
//! customer views, RFM, cohorts, customer detail) and their shared filter bar, tables and charts.

messages! {
    /// The analysis pages and their shared components.
    AnalysisMsg {
        Filters => "Filters", "Filters";
        Period => "Year", "Jaar";
        LatestPeriod => "Latest year", "Laatste jaar";
        ShowAllRows => "Show all rows", "Alle regels tonen";
        YearStarts => "Year starts", "Jaar begint";
        CalendarYear => "calendar year", "kalenderjaar";
        Scope => "Scope", "Bereik";
        WholeCompany => "Whole company", "Hele bedrijf";
        Product => "Product", "Product";
        ProductGroup => "Product group", "Productgroep";
        SalesRep => "Sales rep", "Verkoper";
        Team => "Team", "Team";
        Department => "Department", "Afdeling";
        Region => "Region", "Regio";
        Segment => "Segment", "Segment";
        Invoice => "Invoice", "Factuur";
        // A blank cell is no value: the scope of the lines without one.
        NoProduct => "No product", "Geen product";
        NoProductGroup => "No product group", "Geen productgroep";
        NoTeam => "No team", "Geen team";
        NoDepartment => "No department", "Geen afdeling";
        NoRegion => "No region", "Geen regio";
        NoSegment => "No segment", "Geen segment";
        NoInvoice => "No invoice", "Geen factuur";
        CutOffs => "Pyramid cut-offs (% of active customers, cumulative)", "Grenzen van de piramide (% van de actieve klanten, cumulatief)";
        CutTop => "Top up to", "Top tot";
        CutBig => "Big up to", "Groot tot";
        CutMedium => "Medium up to", "Middelgroot tot";
        ResetCutOffs => "Default cut-offs (1 / 5 / 20 %)", "Standaardgrenzen (1 / 5 / 20 %)";
        Computing => "Computing…", "Bezig met berekenen…";
        NoLedger => "No ledger is loaded yet. Load the sample ledger, or import your own on the Data page.",
            "Er is nog geen grootboek geladen. Laad het voorbeeldgrootboek, of importeer uw eigen grootboek op de pagina Gegevens.";
        NoLinesInScope => "The chosen scope has no lines in this ledger: choose another scope, or the whole company.",
            "Het gekozen bereik heeft geen regels in dit grootboek: kies een ander bereik, of het hele bedrijf.";
        PeriodNotInData => "The chosen year is not in the ledger's dates: choose a year from the list.",
            "Het gekozen jaar valt buiten de datums van het grootboek: kies een jaar uit de lijst.";
        NoActiveCustomers => "No customer bought in this year and scope: every customer's revenue here is zero or negative (credit notes). Choose another year or scope.",
            "Geen klant kocht in dit jaar en bereik: de omzet van elke klant is hier nul of negatief (creditnota's). Kies een ander jaar of bereik.";
        NoPreviousPeriod => "This compares a year with the year before, and the year before is not in the ledger: choose a later year.",
            "Dit vergelijkt een jaar met het jaar ervoor, en dat jaar staat niet in het grootboek: kies een later jaar.";
        NoProductGroupColumn => "Customer views split each customer's revenue by product group, and this ledger has no product-group column. Import the file again on the Data page and, under Columns, map the column that holds the product group to the field product_group.",
            "Klantbeelden verdelen de omzet van elke klant over productgroepen, en dit grootboek heeft geen kolom met de productgroep. Importeer het bestand opnieuw op de pagina Gegevens en koppel onder Kolommen de kolom met de productgroep aan het veld product_group.";
        NoCostColumn => "Gross margins need a cost column (the direct cost of each line), and this ledger has none. To see them, import the file again on the Data page and map the cost column under Columns.",
            "Brutomarges hebben een kolom kostprijs nodig (de directe kosten van elke regel), en dit grootboek heeft die niet. Importeer het bestand opnieuw op de pagina Gegevens en koppel onder Kolommen de kolom met de kostprijs om ze te zien.";
        NoCostPools => "No cost pools are entered yet: enter this period's costs above (marketing, sales, service, logistics, overhead), each with the driver that spreads it over the customers, or import them as CSV.",
            "Er zijn nog geen kostenpools ingevuld: vul hierboven de kosten van deze periode in (marketing, verkoop, service, logistiek, overhead), elk met de verdeelsleutel die ze over de klanten verdeelt, of importeer ze als CSV.";
        NoGrossMargin => "Profit per customer needs gross margins, and this ledger has no cost column and no margins are entered: enter a margin per product group above, or import the ledger again with its cost column mapped.",
            "Winst per klant heeft brutomarges nodig, en dit grootboek heeft geen kolom kostprijs en er zijn geen marges ingevuld: vul hierboven een marge per productgroep in, of importeer het grootboek opnieuw met de kolom kostprijs gekoppeld.";
        MarginMissing => "Some lines of this period are in a product group without a margin: add a row for every product group to the margins above (an empty group stands for lines without one).",
            "Sommige regels van deze periode vallen in een productgroep zonder marge: voeg hierboven een rij toe voor elke productgroep (een lege groep staat voor regels zonder groep).";
        CostsTooLarge => "A time pool's activities take so many times its capacity that the costs are too large to add up exactly: check its capacity and the activities' minutes.",
            "De activiteiten van een tijdpool kosten zoveel keer de capaciteit dat de kosten te groot worden om exact op te tellen: controleer de capaciteit en de minuten van de activiteiten.";
        NeedsSingleLines => "This workspace holds totals per customer and year (a clientele_customer_period file from your warehouse), and this page needs the ledger's single lines: the days of purchase and the invoices. Import the ledger itself on the Data page to see it; the pyramid, flows, migration, concentration, customer views and cohorts work on the totals.",
            "Deze werkruimte bevat totalen per klant en jaar (een bestand clientele_customer_period uit uw datawarehouse), en deze pagina heeft de losse regels van het grootboek nodig: de aankoopdagen en de facturen. Importeer het grootboek zelf op de pagina Gegevens om haar te zien; de piramide, stromen, migratie, concentratie, klantbeelden en cohorten werken op de totalen.";
        PeriodTotalsYearStart => "This workspace holds totals per customer and year made for years with another start, which cannot be cut into other years. Choose their year start:",
            "Deze werkruimte bevat totalen per klant en jaar voor jaren met een ander begin, die niet in andere jaren te verdelen zijn. Kies hun begin van het jaar:";
        NoSurvey => "No survey yet: create the first round.", "Nog geen enquête: maak de eerste ronde aan.";
        NoInterviews => "No interview yet: enter one in the form above or import a survey export.",
            "Nog geen interview: voer er een in met het formulier hierboven of importeer een export van een enquête.";
        ToDataPage => "Go to the Data page", "Naar de pagina Gegevens";
        NoAnswer => "The engine sent no answer for this page: reload the page.", "De rekenkern gaf geen antwoord voor deze pagina: laad de pagina opnieuw.";
        DownloadCsv => "Download CSV", "CSV downloaden";
        DownloadPng => "Download PNG", "PNG downloaden";
        ShowingFirst => "Showing the first", "Eerste";
        ShowingOf => "of", "van";

        Level => "Level", "Niveau";
        Top => "Top", "Top";
        Big => "Big", "Groot";
        Medium => "Medium", "Middelgroot";
        Small => "Small", "Klein";
        Inactive => "Inactive", "Inactief";
        NotYet => "Not yet a customer", "Nog geen klant";
        Prospects => "Prospects", "Prospects";
        Suspects => "Suspects", "Suspects";
        ProspectsHint => "Counts you know from outside the ledger (prospects list, market estimate); they stay in this browser.",
            "Aantallen die u buiten het grootboek kent (prospectlijst, marktschatting); ze blijven in deze browser.";
        Customers => "Customers", "Klanten";
        CustomerShare => "Share of customers", "Aandeel klanten";
        Revenue => "Revenue", "Omzet";
        RevenueShare => "Share of revenue", "Aandeel omzet";
        AverageRevenue => "Average revenue", "Gemiddelde omzet";
        GrossMargin => "Gross margin", "Brutomarge";
        MarginShare => "Margin %", "Marge %";
        Total => "Total", "Totaal";
        ActiveCustomers => "Active customers", "Actieve klanten";
        PyramidTable => "Customers and revenue per level", "Klanten en omzet per niveau";
        PyramidChart => "Customer pyramid", "Klantenpiramide";
        CompareWith => "Compare with", "Vergelijk met";
        NoComparison => "No comparison", "Geen vergelijking";
        SameYear => "Same year", "Zelfde jaar";
        SameScope => "Same scope", "Zelfde bereik";

        Start => "Start", "Begin";
        Lost => "Lost", "Verloren";
        New => "New", "Nieuw";
        Regained => "Regained", "Teruggewonnen";
        Retained => "Retained", "Behouden";
        End => "End", "Eind";
        FlowsWaterfall => "Customer flows", "Klantstromen";
        FlowsTrend => "Trend over the years", "Verloop over de jaren";
        FlowsTable => "Flows per year", "Stromen per jaar";
        NoFlows => "Flows need two consecutive years in the data.", "Klantstromen hebben twee opeenvolgende jaren in de gegevens nodig.";

        MigrationMatrix => "Migration matrix", "Migratiematrix";
        FromState => "From (earlier year)", "Van (vorig jaar)";
        ToState => "To (this year)", "Naar (dit jaar)";
        Upward => "Upward", "Omhoog";
        Stable => "Stable", "Stabiel";
        Downward => "Downward", "Omlaag";
        Movement => "Movement", "Beweging";
        RevenueBefore => "Revenue earlier year", "Omzet vorig jaar";
        RevenueAfter => "Revenue this year", "Omzet dit jaar";
        Change => "Change", "Verschil";
        MoveTotals => "Movers and the revenue they gained or lost", "Bewegers en de omzet die ze wonnen of verloren";
        CellHint => "Choose a cell to list its customers.", "Kies een cel om de klanten ervan te zien.";
        CellCustomers => "Customers moving", "Klanten van";
        MigrationCells => "Migration cells", "Migratiecellen";

        Statement1 => "of customers make", "van de klanten maakt";
        Statement2 => "of revenue", "van de omzet";
        Gini => "Gini coefficient", "Gini-coëfficiënt";
        GiniHint => "0 = every customer buys the same, 1 = one customer buys everything.", "0 = elke klant koopt evenveel, 1 = één klant koopt alles.";
        LorenzCurve => "Pareto curve: cumulative share of revenue by cumulative share of customers, largest first",
            "Paretocurve: cumulatief aandeel omzet naar cumulatief aandeel klanten, grootste eerst";
        LorenzTable => "Pareto curve points", "Punten van de Paretocurve";
        EqualityLine => "Equal revenue per customer", "Gelijke omzet per klant";
        Bands => "Customers by yearly revenue band", "Klanten per omzetklasse (jaaromzet)";
        Band => "Revenue band", "Omzetklasse";
        AndMore => "and more", "en meer";

        ChooseRep => "Sales rep", "Verkoper";
        NoRep => "No sales rep", "Geen verkoper";
        RepMatrix => "Revenue per customer and product group", "Omzet per klant en productgroep";
        WhiteSpace => "Cross-sell white space: groups that similar customers buy", "Ruimte voor kruisverkoop: groepen die vergelijkbare klanten kopen";
        PeersBuying => "Peers buying", "Kopende collega's";
        EstimatedValue => "Estimated value", "Geschatte waarde";
        UpSell => "Up-sell candidates: below their level's median", "Kandidaten voor meerverkoop: onder de mediaan van hun niveau";
        LevelMedian => "Level median", "Mediaan niveau";
        Gap => "Gap", "Verschil";

        RfmSegments => "RFM segments", "RFM-segmenten";
        RfmWindow => "Scored over", "Gescoord over";
        RfmWindowYears => "Years scored (up to the chosen one)", "Gescoorde jaren (tot en met het gekozen jaar)";
        RfmWindowReset => "Score over the default window of two years", "Scoren over het standaardvenster van twee jaar";
        Years => "years", "jaar";
        RecencyDays => "Days since last purchase", "Dagen sinds laatste aankoop";
        AverageRecency => "Average days since last purchase", "Gemiddeld dagen sinds laatste aankoop";
        Frequency => "Purchases", "Aankopen";
        AverageFrequency => "Average purchases", "Gemiddeld aantal aankopen";
        Monetary => "Revenue in window", "Omzet in venster";
        Scores => "R-F-M", "R-F-M";
        SegmentCustomers => "Customers in segment", "Klanten in segment";
        ShowCustomers => "Show customers", "Toon klanten";
        Champions => "Champions", "Kampioenen";
        Loyal => "Loyal", "Trouw";
        PotentialLoyalists => "Potential loyalists", "Potentieel trouw";
        NewCustomers => "New customers", "Nieuwe klanten";
        Promising => "Promising", "Veelbelovend";
        NeedAttention => "Need attention", "Aandacht nodig";
        AboutToSleep => "About to sleep", "Dreigen in te slapen";
        AtRisk => "At risk", "Risico";
        CantLoseThem => "Can't lose them", "Niet te verliezen";
        Hibernating => "Hibernating", "Slapend";
        LostSegment => "Lost", "Verloren";

        CohortRetention => "Share of each cohort active per year", "Aandeel van elk cohort dat per jaar actief is";
        CohortRevenue => "Revenue of each cohort as a share of its first year", "Omzet van elk cohort als aandeel van het eerste jaar";
        FirstYear => "First year", "Eerste jaar";
        CohortSize => "Customers", "Klanten";
        ShowRevenue => "Show", "Toon";
        ShowRetention => "Customer retention", "Klantbehoud";
        ShowRevenueRetention => "Revenue retention", "Omzetbehoud";
        YearsSinceFirst => "Years since the first year", "Jaren na het eerste jaar";

        CustomerTitle => "Customer", "Klant";
        CustomerId => "Customer id", "Klantnummer";
        CustomerName => "Name", "Naam";
        Purchases => "Purchases", "Aankopen";
        FlowStatus => "Flow", "Stroom";
        PerYear => "Revenue, level and flow per year", "Omzet, niveau en stroom per jaar";
        PerGroup => "Revenue per product group", "Omzet per productgroep";
        UnknownCustomer => "There is no customer with this id in the loaded ledger.", "Er is geen klant met dit nummer in het geladen grootboek.";
        RevenueChart => "Revenue per year", "Omzet per jaar";
    }
}

//! Messages of the Data page: import, validation report, workspace files and storage.

messages! {
    /// The Data page.
    DataMsg {
        DropHere => "Drop ledger files here, or", "Sleep grootboekbestanden hierheen, of";
        ChooseFiles => "choose files", "kies bestanden";
        FileTypes => "CSV, TXT or TSV exports, and Excel or OpenDocument workbooks (.xlsx, .xls, .ods). Several files (years exported separately) are combined into one ledger.",
            "CSV-, TXT- of TSV-exports en Excel- of OpenDocument-werkmappen (.xlsx, .xls, .ods). Meerdere bestanden (apart geëxporteerde jaren) worden samengevoegd tot één grootboek.";
        StaysLocal => "The files are read here, in your browser; nothing is uploaded.", "De bestanden worden hier in uw browser gelezen; er wordt niets geüpload.";
        Reading => "Reading the file…", "Bestand wordt gelezen…";
        Detected => "What Clientele detected", "Wat Clientele herkende";
        DetectedHelp => "Check the guesses and correct any that are wrong; the preview below follows your choices.",
            "Controleer de herkenning en verbeter wat niet klopt; het voorbeeld hieronder volgt uw keuzes.";
        Encoding => "Encoding", "Tekencodering";
        Delimiter => "Delimiter", "Scheidingsteken";
        Quote => "Quote", "Aanhalingsteken";
        DecimalMark => "Decimal mark", "Decimaalteken";
        ThousandsSeparator => "Thousands separator", "Duizendtalscheiding";
        DateFormat => "Date format", "Datumnotatie";
        Sheet => "Sheet", "Werkblad";
        HeaderRow => "First row holds column names", "Eerste regel bevat kolomnamen";
        Detect => "(detect)", "(herkennen)";
        NoneOption => "none", "geen";
        Tab => "tab", "tab";
        Space => "space", "spatie";
        Comma => "comma", "komma";
        Semicolon => "semicolon", "puntkomma";
        Period => "point", "punt";
        Apostrophe => "apostrophe", "apostrof";
        Pipe => "vertical bar", "verticale streep";
        Mapping => "Columns", "Kolommen";
        MappingHelp => "Which column holds what. Customer, date and amount are required; the rest makes more analyses possible.",
            "Welke kolom wat bevat. Klant, datum en bedrag zijn verplicht; de rest maakt meer analyses mogelijk.";
        Field => "Field", "Veld";
        Column => "Column", "Kolom";
        NotInFile => "— not in the file —", "— niet in het bestand —";
        Required => "required", "verplicht";
        MissingRequired => "Map the required fields before importing:", "Koppel eerst de verplichte velden:";
        SavedMappingUsed => "Using the column mapping you chose last time for files with these columns.",
            "De kolomkoppeling die u de vorige keer voor bestanden met deze kolommen koos, wordt gebruikt.";
        Preview => "Preview of the first rows", "Voorbeeld van de eerste regels";
        Line => "Line", "Regel";
        ImportButton => "Import", "Importeren";
        Cancel => "Cancel", "Annuleren";
        Importing => "Importing…", "Bezig met importeren…";
        RowsRead => "rows read", "regels gelezen";
        Cancelled => "The import was cancelled. Your workspace is as it was.", "Het importeren is geannuleerd. Uw werkruimte is ongewijzigd.";
        ReportTitle => "Import report", "Importverslag";
        TotalsYearStart => "The totals' years start on", "De jaren van de totalen beginnen op";
        TotalsYearStartHelp => "This file holds totals per customer and year (clientele_customer_period). Choose the year start its SQL was made with (clientele sql --year-start); the pages by year then use the same years.",
            "Dit bestand bevat totalen per klant en jaar (clientele_customer_period). Kies het begin van het jaar waarmee de SQL is gemaakt (clientele sql --year-start); de pagina's per jaar gebruiken dan dezelfde jaren.";
        ReportPeriodTotals => "Read as totals per customer and year (a clientele_customer_period file): each row is one line on the first day of its year. The pages by year work on it as on a ledger; RFM, a customer's page, Profitability and Lifetime Value need the single lines and say so.",
            "Gelezen als totalen per klant en jaar (een bestand clientele_customer_period): elke rij is één regel op de eerste dag van zijn jaar. De pagina's per jaar werken ermee als met een grootboek; RFM, de pagina van een klant, Winstgevendheid en Levensduurwaarde hebben de losse regels nodig en zeggen dat.";
        ReportClean => "Every line was read.", "Elke regel is gelezen.";
        ReportErrors => "lines could not be read and are not imported. Each is listed with its line, column, value and the reason.",
            "regels konden niet worden gelezen en worden niet geïmporteerd. Elke regel staat hieronder met regelnummer, kolom, waarde en reden.";
        ReportShowing => "Showing the first", "Getoond worden de eerste";
        DownloadReport => "Download the report (CSV)", "Verslag downloaden (CSV)";
        Reason => "Reason", "Reden";
        File => "File", "Bestand";
        Recognised => "What was recognised in the file", "Wat er in het bestand is herkend";
        HeaderOnLine => "Column names found on line", "Kolomnamen gevonden op regel";
        TitleLinesSkipped => "title lines above them skipped:", "titelregels erboven overgeslagen:";
        GroupedReport => "Grouped report (customer on its own row above its lines). Customer groups:",
            "Gegroepeerd rapport (klant op een eigen regel boven zijn regels). Klantgroepen:";
        FilledDown => "lines that took the customer of their group:", "regels die de klant van hun groep kregen:";
        SubtotalsLeftOut => "Rows left out as subtotals:", "Als subtotaal weggelaten regels:";
        TotalsLeftOut => "Rows left out as totals:", "Als totaal weggelaten regels:";
        OnLines => "lines", "regels";
        SubtotalSays => "the subtotal says", "het subtotaal zegt";
        LinesAddUpTo => "but the lines of its group add up to", "maar de regels van de groep tellen op tot";
        CheckLinesAbove => "Check the lines above it: some may be missing or read wrongly.",
            "Controleer de regels erboven: er kunnen regels ontbreken of verkeerd gelezen zijn.";
        DuplicatesKept => "lines repeat an earlier line exactly (same customer, date, amount, cost, quantity and text) and are kept, for example:",
            "regels herhalen een eerdere regel exact (zelfde klant, datum, bedrag, kostprijs, aantal en tekst) en worden behouden, bijvoorbeeld:";
        DuplicatesDropped => "lines repeated an earlier line exactly and are left out: the summary above counts without them. For example:",
            "regels herhaalden een eerdere regel exact en zijn weggelaten: de samenvatting hierboven telt zonder deze regels. Bijvoorbeeld:";
        Repeats => "repeats", "herhaalt";
        DuplicatesHelp => "Identical lines can be real, such as the same product twice on one invoice. Drop them when the files overlap, for example two exports that both hold the same month.",
            "Identieke regels kunnen echt zijn, zoals hetzelfde product twee keer op één factuur. Laat ze weg als de bestanden overlappen, bijvoorbeeld twee exports die allebei dezelfde maand bevatten.";
        KeepDuplicates => "Keep them", "Behouden";
        DropDuplicates => "Drop them", "Weglaten";
        KeepValid => "Use the lines that were read", "De gelezen regels gebruiken";
        Discard => "Discard this import", "Deze import verwerpen";
        WorkspaceTitle => "Workspace", "Werkruimte";
        SaveWorkspace => "Save workspace as a file", "Werkruimte als bestand bewaren";
        OpenWorkspace => "To open a workspace file (.clientele), drop it above or choose it like a ledger file.",
            "Een werkruimtebestand (.clientele) opent u door het hierboven neer te zetten of te kiezen zoals een grootboekbestand.";
        WorkspaceHelp => "A workspace file holds the whole ledger. Keep it as a backup or open it in Clientele on another computer.",
            "Een werkruimtebestand bevat het hele grootboek. Bewaar het als reserve of open het in Clientele op een andere computer.";
        SavedHere => "Saved in this browser: the workspace is back when you return.", "Bewaard in deze browser: de werkruimte is er weer als u terugkomt.";
        NotSavedHere => "Could not save the workspace in this browser. What was saved before is unchanged. Save a workspace file to keep this one.",
            "De werkruimte kon niet in deze browser worden bewaard. Wat eerder bewaard was, is ongewijzigd. Bewaar een werkruimtebestand om deze te behouden.";
        StorageOff => "This browser does not let Clientele keep data. Save a workspace file to keep your work.",
            "Deze browser staat niet toe dat Clientele gegevens bewaart. Bewaar een werkruimtebestand om uw werk te behouden.";
    }
}

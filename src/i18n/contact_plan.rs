//! The Contact Plan page's strings (issue 15): its tables' editor, the plan per rep and month,
//! the load against capacity and the comparison with the realised contacts.

messages! {
    /// The Contact Plan page's texts.
    ContactMsg {
        EditorTitle => "Norms, capacity and realised contacts", "Normen, capaciteit en gerealiseerde contactmomenten";
        EditorHint => "What the plan is made of. They are kept with the workspace and go into its saved file; download them as one workbook and import it back, or each table as CSV.",
            "Waar het plan van wordt gemaakt. Ze worden met de werkruimte bewaard en gaan mee in het werkruimtebestand; download ze als één werkmap en importeer die terug, of elke tabel als CSV.";
        NormsCaption => "Contact norms per pyramid level", "Contactnormen per piramideniveau";
        NormsHint => "How often a customer of each level is visited, called and mailed per year, and the minutes each contact takes. Until you save your own, the defaults stand.",
            "Hoe vaak een klant van elk niveau per jaar wordt bezocht, gebeld en gemaild, en hoeveel minuten elk contact kost. Zolang u geen eigen normen bewaart, gelden de standaardnormen.";
        CapacityCaption => "Capacity per sales rep", "Capaciteit per verkoper";
        CapacityHint => "Hours per year each rep has for customer contact. A rep who is not listed has 800 hours.",
            "Uren per jaar die elke verkoper voor klantcontact heeft. Een verkoper die er niet in staat, heeft 800 uur.";
        ContactsCaption => "Realised contacts (activity file)", "Gerealiseerde contactmomenten (activiteitenbestand)";
        ContactsHint => "Import your CRM's activity file: customer, date (YYYY-MM-DD or DD-MM-YYYY), type (visit, call, mailing, or bezoek, telefoon) and minutes (blank: the norm's minutes). The contacts also drive the Profitability page's contact activities.",
            "Importeer het activiteitenbestand uit uw CRM: klant, datum (JJJJ-MM-DD of DD-MM-JJJJ), soort (bezoek, telefoon, mailing, of visit, call) en minuten (leeg: de minuten van de norm). De contactmomenten verdelen ook de contactactiviteiten van de pagina Winstgevendheid.";
        ColLevel => "Level", "Niveau";
        ColContactType => "Contact type", "Soort contact";
        ColPerYear => "Per year", "Per jaar";
        ColMinutes => "Minutes", "Minuten";
        ColRep => "Sales rep", "Verkoper";
        ColHoursPerYear => "Hours per year", "Uren per jaar";
        ColCustomer => "Customer", "Klant";
        ColDate => "Date", "Datum";
        ColType => "Type", "Soort";
        TypeVisit => "Visit", "Bezoek";
        TypeCall => "Call", "Telefoon";
        TypeMailing => "Mailing", "Mailing";
        SaveTables => "Save tables", "Tabellen bewaren";
        PlanTitle => "Contact plan for {plan}, from the pyramid of {pyramid}", "Contactplan voor {plan}, vanuit de piramide van {pyramid}";
        DefaultNorms => "The default norms are in force; change them in the tables below.",
            "De standaardnormen gelden; pas ze aan in de tabellen hieronder.";
        RepsCaption => "Hours per sales rep: planned against capacity", "Uren per verkoper: gepland tegen capaciteit";
        Customers => "Customers", "Klanten";
        CapacityHours => "Capacity (h)", "Capaciteit (u)";
        PlannedContacts => "Planned contacts", "Geplande contacten";
        PlannedHours => "Planned (h)", "Gepland (u)";
        Load => "Load", "Belasting";
        RealisedContacts => "Realised contacts", "Gerealiseerde contacten";
        RealisedHours => "Realised (h)", "Gerealiseerd (u)";
        DefaultCapacity => "{hours} (default)", "{hours} (standaard)";
        OverCapacity => "{load}: over capacity", "{load}: boven de capaciteit";
        NoRep => "No rep", "Geen verkoper";
        ChartTitle => "Planned hours against capacity per sales rep", "Geplande uren tegen capaciteit per verkoper";
        ChartPlanned => "Planned hours", "Geplande uren";
        ChartCapacity => "Capacity", "Capaciteit";
        Hours => "Hours", "Uren";
        MonthsCaption => "Per month for {rep}", "Per maand voor {rep}";
        ChooseRep => "Sales rep", "Verkoper";
        Month => "Month", "Maand";
        CustomersCaption => "Per customer: planned up to {date} against realised", "Per klant: gepland tot en met {date} tegen gerealiseerd";
        PlannedYear => "Planned per year", "Gepland per jaar";
        PlannedToDate => "Planned to date", "Gepland tot nu";
        Realised => "Realised", "Gerealiseerd";
        PlannedMinutes => "Planned minutes to date", "Geplande minuten tot nu";
        RealisedMinutes => "Realised minutes", "Gerealiseerde minuten";
        Unknown => "Contacts with customers the ledger does not have are not counted ({n}): {keys}.",
            "Contactmomenten met klanten die niet in het grootboek staan, tellen niet mee ({n}): {keys}.";
        OutsideYear => "{n} contacts of the activity file fall outside {plan} and are not counted in this plan.",
            "{n} contactmomenten uit het activiteitenbestand vallen buiten {plan} en tellen in dit plan niet mee.";
    }
}

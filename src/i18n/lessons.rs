//! Messages of the Overview's lessons for the loaded ledger.

messages! {
    /// The method's lessons on the Overview.
    LessonsMsg {
        Title => "What this ledger teaches", "Wat dit grootboek leert";
        Intro => "The method's lessons for the loaded ledger, in its latest year. Each links to the page behind it.",
            "De lessen van de methode voor het geladen grootboek, in het laatste jaar. Elke les verwijst naar de pagina erachter.";
        TopShare => "The top 20 % of customers bring", "De beste 20 % van de klanten brengt";
        TopShareEnd => "of revenue.", "van de omzet.";
        TopCustomers => "customers of", "klanten van";
        Levels => "Where customers and revenue sit, by pyramid level", "Waar klanten en omzet zitten, per niveau van de piramide";
        Develop => "Developing 2 % of the customer base would add", "2 % van het klantenbestand ontwikkelen zou opleveren";
        DevelopDetail => "the white space of the Big and Medium customers with the most of it, valued as on Customer Views:",
            "de witte ruimte van de grote en middelgrote klanten met de meeste, gewaardeerd zoals in Klantbeelden:";
        DevelopNone => "No Big or Medium customer has white space: each buys every product group its level's peers buy.",
            "Geen grote of middelgrote klant heeft witte ruimte: elk koopt alle productgroepen die zijn niveau koopt.";
        DevelopNoGroups => "What developing 2 % of the customer base would add needs a product-group column, which this ledger has not.",
            "Wat het ontwikkelen van 2 % van het klantenbestand zou opleveren vraagt een kolom productgroep, en die heeft dit grootboek niet.";
        ToPage => "See", "Zie";
    }
}

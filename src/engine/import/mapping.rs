//! Which column holds which field: suggested from header names in English, Dutch, German,
//! Swedish and French, overridden by the user, remembered per header signature.

use super::ImportError;
use crate::engine::ledger::Field;
use serde::{Deserialize, Serialize};

/// A column named by the user: its header, or its 1-based position.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ColumnRef {
    Name(String),
    Number(usize),
}

impl ColumnRef {
    /// A header name, or a 1-based column number when the text is a positive integer.
    /// Names win when a header is itself a number.
    pub fn parse(text: &str) -> ColumnRef {
        match text.trim().parse::<usize>() {
            Ok(n) if n > 0 => ColumnRef::Number(n),
            _ => ColumnRef::Name(text.to_string()),
        }
    }
}

/// Whether a field's column came from the user or from the header names.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MappingSource {
    Given,
    Suggested,
}

/// One mapped field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MappedField {
    pub field: Field,
    /// 1-based column number.
    pub column: usize,
    pub header: String,
    pub source: MappingSource,
}

/// The column (0-based) of every mapped field.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    columns: [Option<usize>; Field::ALL.len()],
}

impl Mapping {
    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns[field as usize]
    }

    fn set(&mut self, field: Field, column: Option<usize>) {
        self.columns[field as usize] = column;
    }

    pub fn uses(&self, column: usize) -> bool {
        self.columns.contains(&Some(column))
    }

    /// This mapping with `field` in the 0-based `column`.
    pub fn with(&self, field: Field, column: usize) -> Mapping {
        let mut mapping = self.clone();
        mapping.set(field, Some(column));
        mapping
    }

    pub fn is_mapped(&self, field: Field) -> bool {
        self.column(field).is_some()
    }
}

/// Names each field goes by, in English, Dutch, German, Swedish and French (compared after
/// `normalize`, so case, accents and punctuation do not matter).
const SYNONYMS: [(Field, &[&str]); 14] = [
    (
        Field::Customer,
        &[
            "customer",
            "customer id",
            "customer number",
            "customer no",
            "customer code",
            "account",
            "account number",
            "client id",
            "klant",
            "klantnummer",
            "klantnr",
            "klantcode",
            "debiteur",
            "debiteurnummer",
            "debiteurnr",
            "relatie",
            "relatienummer",
            "kunde",
            "kundennummer",
            "kundennr",
            "kunden nr",
            "debitor",
            "debitorennummer",
            "kund",
            "kundnummer",
            "kundnr",
            "kund id",
            "client",
            "numero client",
            "n client",
            "no client",
            "code client",
        ],
    ),
    (
        Field::Date,
        &[
            "date",
            "invoice date",
            "order date",
            "document date",
            "transaction date",
            "posting date",
            "datum",
            "factuurdatum",
            "boekdatum",
            "orderdatum",
            "rechnungsdatum",
            "belegdatum",
            "buchungsdatum",
            "fakturadatum",
            "bokforingsdatum",
            "date de facture",
            "date facture",
            "date de la facture",
        ],
    ),
    (
        Field::Amount,
        &[
            "amount",
            "revenue",
            "net amount",
            "net revenue",
            "sales",
            "net sales",
            "turnover",
            "value",
            "net",
            "bedrag",
            "omzet",
            "netto bedrag",
            "netto omzet",
            "bedrag excl btw",
            "betrag",
            "umsatz",
            "nettobetrag",
            "nettoumsatz",
            "umsatz netto",
            "belopp",
            "forsaljning",
            "nettobelopp",
            "omsattning",
            "montant",
            "chiffre d affaires",
            "montant ht",
            "ca",
            "ventes",
        ],
    ),
    (
        Field::CustomerName,
        &[
            "customer name",
            "name",
            "company",
            "company name",
            "account name",
            "client name",
            "klantnaam",
            "naam",
            "bedrijfsnaam",
            "debiteurnaam",
            "relatienaam",
            "kundenname",
            "firma",
            "firmenname",
            "kundnamn",
            "namn",
            "foretag",
            "foretagsnamn",
            "nom du client",
            "nom client",
            "nom",
            "raison sociale",
            "societe",
        ],
    ),
    (
        Field::Invoice,
        &[
            "invoice",
            "invoice number",
            "invoice no",
            "invoice id",
            "document",
            "document number",
            "factuur",
            "factuurnummer",
            "factuurnr",
            "rechnung",
            "rechnungsnummer",
            "rechnungsnr",
            "beleg",
            "belegnummer",
            "faktura",
            "fakturanummer",
            "fakturanr",
            "facture",
            "numero de facture",
            "n facture",
            "no facture",
        ],
    ),
    (
        Field::Product,
        &[
            "product",
            "product id",
            "product code",
            "product name",
            "item",
            "item number",
            "sku",
            "article",
            "artikel",
            "artikelnummer",
            "artikelcode",
            "produkt",
            "artikelnr",
            "produktnummer",
            "vara",
            "varunummer",
            "produit",
            "code article",
            "reference",
        ],
    ),
    (
        Field::ProductGroup,
        &[
            "product group",
            "product category",
            "category",
            "item group",
            "product line",
            "productgroep",
            "artikelgroep",
            "productcategorie",
            "categorie",
            "produktgruppe",
            "warengruppe",
            "artikelgruppe",
            "kategorie",
            "produktgrupp",
            "varugrupp",
            "kategori",
            "famille",
            "famille de produits",
            "groupe de produits",
        ],
    ),
    (
        Field::Quantity,
        &[
            "quantity",
            "qty",
            "units",
            "volume",
            "aantal",
            "hoeveelheid",
            "menge",
            "anzahl",
            "stuck",
            "antal",
            "kvantitet",
            "quantite",
            "qte",
        ],
    ),
    (
        Field::Cost,
        &[
            "cost",
            "costs",
            "cogs",
            "cost price",
            "cost of goods",
            "cost of sales",
            "kosten",
            "kostprijs",
            "inkoopwaarde",
            "kostpreis",
            "einstandspreis",
            "wareneinsatz",
            "kostnad",
            "kostpris",
            "inkopspris",
            "cout",
            "prix de revient",
            "cout de revient",
            "cout d achat",
        ],
    ),
    (
        Field::SalesRep,
        &[
            "sales rep",
            "salesperson",
            "sales person",
            "account manager",
            "rep",
            "representative",
            "seller",
            "verkoper",
            "vertegenwoordiger",
            "accountmanager",
            "verkaufer",
            "vertriebsmitarbeiter",
            "aussendienst",
            "berater",
            "saljare",
            "kundansvarig",
            "commercial",
            "vendeur",
            "representant",
            "charge d affaires",
        ],
    ),
    (Field::Team, &["team", "sales team", "verkoopteam", "vertriebsteam", "saljteam", "equipe", "equipe commerciale"]),
    (
        Field::Department,
        &[
            "department",
            "division",
            "business unit",
            "afdeling",
            "divisie",
            "abteilung",
            "bereich",
            "sparte",
            "avdelning",
            "departement",
            "service",
        ],
    ),
    (
        Field::Region,
        &[
            "region",
            "area",
            "territory",
            "sales region",
            "regio",
            "gebied",
            "rayon",
            "gebiet",
            "vertriebsgebiet",
            "omrade",
            "distrikt",
            "secteur",
            "zone",
        ],
    ),
    (
        Field::Segment,
        &[
            "segment",
            "customer segment",
            "market",
            "industry",
            "sector",
            "markt",
            "marktsegment",
            "branche",
            "bransch",
            "kundsegment",
            "kundensegment",
            "marche",
            "secteur d activite",
        ],
    ),
];

/// Lower case, accents folded, punctuation to single spaces: `Numéro-Client` -> `numero client`.
pub fn normalize(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.chars().flat_map(char::to_lowercase) {
        match fold_accent(c) {
            Some(folded) => out.push_str(folded),
            None if c.is_alphanumeric() => out.push(c),
            None if !out.is_empty() && !out.ends_with(' ') => out.push(' '),
            None => {}
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// The unaccented spelling of an accented lower-case letter (`ß` becomes `ss`).
fn fold_accent(c: char) -> Option<&'static str> {
    const FOLDS: [(&str, &str); 11] = [
        ("àáâãäåā", "a"),
        ("ç", "c"),
        ("èéêëē", "e"),
        ("ìíîïī", "i"),
        ("ñ", "n"),
        ("òóôõöøō", "o"),
        ("ùúûüū", "u"),
        ("ýÿ", "y"),
        ("ß", "ss"),
        ("æ", "ae"),
        ("œ", "oe"),
    ];
    if c.is_ascii() {
        return None;
    }
    FOLDS.iter().find(|(from, _)| from.contains(c)).map(|(_, to)| *to)
}

/// A stable key for a header row: the same columns in the same order (however capitalised or
/// accented) give the same signature, so the app can remember the user's mapping for it.
pub fn header_signature(headers: &[String]) -> String {
    // FNV-1a, 64 bits: fixed by its definition, so signatures stay valid across versions.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for header in headers {
        for byte in normalize(header).bytes().chain([0x1f]) {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{}:{hash:016x}", headers.len())
}

/// Every synonym, normalised and padded with spaces for whole-word search.
fn padded_synonyms() -> Vec<(Field, String)> {
    SYNONYMS
        .iter()
        .flat_map(|(field, names)| names.iter().map(move |n| (*field, format!(" {} ", normalize(n)))))
        .collect()
}

/// Whether any of these cells is a known name of a field.
pub fn names_a_field(cells: &[String]) -> bool {
    let synonyms = padded_synonyms();
    cells.iter().any(|cell| {
        let padded = format!(" {} ", normalize(cell));
        synonyms.iter().any(|(_, s)| *s == padded)
    })
}

/// Whether the text is one of the field's known names (`Debiteur` for the customer).
pub fn names_field(text: &str, field: Field) -> bool {
    let text = normalize(text);
    SYNONYMS.iter().filter(|(f, _)| *f == field).flat_map(|(_, names)| names.iter()).any(|name| normalize(name) == text)
}

/// How well a normalised header (padded with spaces) names a field: an exact synonym beats a
/// synonym contained in the header as whole words, and longer synonyms beat shorter ones.
fn score(padded_header: &str, synonym: &str) -> usize {
    if padded_header == synonym {
        1000 + synonym.len()
    } else if padded_header.contains(synonym) {
        synonym.len()
    } else {
        0
    }
}

/// The mapping: the user's choices first, then the best-scoring header for every other field,
/// each column used once.
pub fn resolve(
    headers: &[String],
    given: &[(Field, Option<ColumnRef>)],
) -> Result<(Mapping, Vec<MappedField>), ImportError> {
    let mut mapping = Mapping::default();
    let mut fixed = [false; Field::ALL.len()];
    for (field, column) in given {
        let index = column.as_ref().map(|c| find_column(headers, *field, c)).transpose()?;
        mapping.set(*field, index);
        fixed[*field as usize] = true;
    }
    let synonyms = padded_synonyms();
    let mut candidates: Vec<(usize, Field, usize)> = Vec::new();
    for (column, header) in headers.iter().enumerate().filter(|&(c, _)| !mapping.uses(c)) {
        let padded = format!(" {} ", normalize(header));
        for (field, synonym) in synonyms.iter().filter(|(f, _)| !fixed[*f as usize]) {
            let s = score(&padded, synonym);
            if s > 0 {
                candidates.push((s, *field, column));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, field, column) in candidates {
        if !mapping.is_mapped(field) && !fixed[field as usize] && !mapping.uses(column) {
            mapping.set(field, Some(column));
        }
    }
    let described = describe(&mapping, headers, &fixed);
    Ok((mapping, described))
}

fn describe(mapping: &Mapping, headers: &[String], fixed: &[bool]) -> Vec<MappedField> {
    Field::ALL
        .into_iter()
        .filter_map(|field| {
            let column = mapping.column(field)?;
            Some(MappedField {
                field,
                column: column + 1,
                header: headers.get(column).cloned().unwrap_or_default(),
                source: if fixed[field as usize] { MappingSource::Given } else { MappingSource::Suggested },
            })
        })
        .collect()
}

/// The 0-based column a user's reference names: the exact header, else the header equal after
/// normalising, else the column number.
fn find_column(headers: &[String], field: Field, column: &ColumnRef) -> Result<usize, ImportError> {
    let found = match column {
        ColumnRef::Name(name) => headers.iter().position(|h| h == name).or_else(|| {
            let wanted = normalize(name);
            headers.iter().position(|h| normalize(h) == wanted)
        }),
        ColumnRef::Number(n) => headers
            .iter()
            .position(|h| h.trim() == n.to_string())
            .or_else(|| (1..=headers.len()).contains(n).then(|| n - 1)),
    };
    found.ok_or_else(|| ImportError::UnknownColumn {
        field,
        column: match column {
            ColumnRef::Name(name) => name.clone(),
            ColumnRef::Number(n) => n.to_string(),
        },
        headers: headers.to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    fn suggested(names: &[&str]) -> Vec<(Field, usize)> {
        let (_, described) = resolve(&headers(names), &[]).unwrap();
        described.iter().map(|m| (m.field, m.column)).collect()
    }

    #[test]
    fn normalises_case_accents_and_punctuation() {
        assert_eq!(normalize("  Numéro-Client "), "numero client");
        assert_eq!(normalize("Chiffre d'affaires (HT)"), "chiffre d affaires ht");
        assert_eq!(normalize("Försäljning"), "forsaljning");
        assert_eq!(normalize("STÜCK_ZAHL"), "stuck zahl");
        assert_eq!(normalize("Straße"), "strasse");
        assert_eq!(normalize("N° client"), "n client");
        assert_eq!(normalize("客户 ID"), "客户 id");
    }

    #[test]
    fn suggests_fields_in_five_languages() {
        use Field::*;
        let english =
            suggested(&["Customer ID", "Customer Name", "Invoice Date", "Invoice No", "Net Amount", "Sales Rep"]);
        assert_eq!(english, [(Customer, 1), (Date, 3), (Amount, 5), (CustomerName, 2), (Invoice, 4), (SalesRep, 6)]);
        let dutch = suggested(&["Debiteurnummer", "Klantnaam", "Factuurdatum", "Omzet", "Artikelgroep", "Aantal"]);
        assert_eq!(dutch, [(Customer, 1), (Date, 3), (Amount, 4), (CustomerName, 2), (ProductGroup, 5), (Quantity, 6)]);
        let german = suggested(&["Kundennummer", "Rechnungsdatum", "Umsatz", "Verkäufer", "Abteilung"]);
        assert_eq!(german, [(Customer, 1), (Date, 2), (Amount, 3), (SalesRep, 4), (Department, 5)]);
        let swedish = suggested(&["Kundnummer", "Fakturadatum", "Försäljning", "Säljare", "Kostnad"]);
        assert_eq!(swedish, [(Customer, 1), (Date, 2), (Amount, 3), (Cost, 5), (SalesRep, 4)]);
        let french = suggested(&["Numéro client", "Date de facture", "Chiffre d'affaires", "Région", "Quantité"]);
        assert_eq!(french, [(Customer, 1), (Date, 2), (Amount, 3), (Quantity, 5), (Region, 4)]);
    }

    #[test]
    fn exact_names_win_over_contained_words() {
        use Field::*;
        assert_eq!(suggested(&["customer name", "customer"]), [(Customer, 2), (CustomerName, 1)]);
        assert_eq!(suggested(&["Due date", "Date"]), [(Date, 2)]);
        assert_eq!(suggested(&["Total amount incl. VAT"]), [(Amount, 1)]);
    }

    #[test]
    fn given_columns_override_and_unknown_columns_are_errors() {
        let h = headers(&["klant", "datum", "bedrag", "Kosten"]);
        let given = [(Field::Amount, Some(ColumnRef::Name("KOSTEN".into()))), (Field::Cost, None)];
        let (mapping, described) = resolve(&h, &given).unwrap();
        assert_eq!(mapping.column(Field::Amount), Some(3));
        assert_eq!(mapping.column(Field::Cost), None);
        assert!(described.iter().any(|m| m.field == Field::Amount && m.source == MappingSource::Given));
        let (mapping, _) = resolve(&h, &[(Field::Customer, Some(ColumnRef::parse("2")))]).unwrap();
        assert_eq!(mapping.column(Field::Customer), Some(1));
        let error = resolve(&h, &[(Field::Customer, Some(ColumnRef::parse("kunde")))]).unwrap_err();
        assert!(error.to_string().contains("kunde"), "{error}");
        assert!(resolve(&h, &[(Field::Customer, Some(ColumnRef::Number(9)))]).is_err());
    }

    #[test]
    fn signatures_ignore_case_and_accents_but_not_order() {
        let a = header_signature(&headers(&["Klant", "Datum", "Bedrag"]));
        assert_eq!(a, header_signature(&headers(&["klant", " DATUM", "bedrag"])));
        assert_ne!(a, header_signature(&headers(&["Datum", "Klant", "Bedrag"])));
        assert!(a.starts_with("3:"));
    }
}

//! The assessment: 22 aspects of customer focus in five domains, each a statement the respondent
//! scores twice (the current situation and the priority for improvement, 1-5). The statements are
//! Clientele's own wording of the constructs of published scales (`Source`); the survey's author
//! may edit every statement and domain name, in English and Dutch (docs/customer-focus.md lists
//! each statement with its source).

use serde::{Deserialize, Serialize};

/// A text in the app's two languages (a statement or a domain's name, as the survey has it).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Texts {
    pub en: String,
    pub nl: String,
}

impl Texts {
    fn of(en: &str, nl: &str) -> Texts {
        Texts { en: en.into(), nl: nl.into() }
    }
}

/// The published construct a statement is founded on.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    /// Narver and Slater (1990), MKTOR: customer orientation.
    MktorCustomer,
    /// Narver and Slater (1990), MKTOR: competitor orientation.
    MktorCompetitor,
    /// Narver and Slater (1990), MKTOR: interfunctional coordination.
    MktorCoordination,
    /// Kohli, Jaworski and Kumar (1993), MARKOR: intelligence generation.
    MarkorGeneration,
    /// Kohli, Jaworski and Kumar (1993), MARKOR: intelligence dissemination.
    MarkorDissemination,
    /// Kohli, Jaworski and Kumar (1993), MARKOR: responsiveness.
    MarkorResponsiveness,
}

/// The number of aspects: the CSV's `aspect` column is 1 to this.
pub const ASPECTS: usize = 22;

/// One aspect: its domain (an index into the survey's domains), statement and source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Aspect {
    pub domain: usize,
    pub statement: Texts,
    pub source: Source,
}

/// The standard domains, in order.
const DOMAINS: [(&str, &str); 5] = [
    ("Customer-centric processes", "Klantgerichte processen"),
    ("Leadership and conditions for employees", "Leiderschap en voorwaarden voor medewerkers"),
    ("Communication with customers", "Communicatie met klanten"),
    ("Customer data", "Klantgegevens"),
    ("Market and competitor knowledge", "Kennis van markt en concurrenten"),
];

use Source::*;

/// The standard statements: (domain, English, Dutch, source).
const STATEMENTS: [(usize, &str, &str, Source); ASPECTS] = [
    (
        0,
        "Our processes are designed around what the customer needs, not around our departments.",
        "Onze processen zijn ingericht op wat de klant nodig heeft, niet op onze afdelingen.",
        MktorCustomer,
    ),
    (
        0,
        "A customer's question or complaint is followed up until it is solved, within an agreed time.",
        "Een vraag of klacht van een klant wordt opgevolgd tot ze is opgelost, binnen een afgesproken tijd.",
        MarkorResponsiveness,
    ),
    (
        0,
        "Departments work together smoothly to deliver what was promised to the customer.",
        "Afdelingen werken soepel samen om te leveren wat de klant is beloofd.",
        MktorCoordination,
    ),
    (
        0,
        "We change a product or service promptly when customers' needs change.",
        "We passen een product of dienst snel aan als de behoeften van klanten veranderen.",
        MarkorResponsiveness,
    ),
    (
        0,
        "We measure customer satisfaction regularly and act on the results.",
        "We meten de klanttevredenheid regelmatig en doen iets met de uitkomsten.",
        MktorCustomer,
    ),
    (
        1,
        "Management shows in its decisions that creating value for customers comes first.",
        "Het management laat in zijn beslissingen zien dat waarde voor klanten voorop staat.",
        MktorCustomer,
    ),
    (
        1,
        "Employees have the authority to solve a customer's problem without asking permission.",
        "Medewerkers mogen het probleem van een klant oplossen zonder eerst toestemming te vragen.",
        MarkorResponsiveness,
    ),
    (
        1,
        "Employees are trained in serving customers and in knowing their business.",
        "Medewerkers worden opgeleid in het bedienen van klanten en in kennis van hun bedrijf.",
        MktorCoordination,
    ),
    (
        1,
        "How employees are judged and rewarded depends partly on customer satisfaction.",
        "Hoe medewerkers worden beoordeeld en beloond hangt mede af van klanttevredenheid.",
        MktorCustomer,
    ),
    (
        1,
        "Management regularly spends time with customers.",
        "Het management besteedt regelmatig tijd aan klanten.",
        MarkorGeneration,
    ),
    (
        2,
        "What we tell customers about delivery, prices and terms is correct and complete.",
        "Wat we klanten vertellen over levering, prijzen en voorwaarden is juist en volledig.",
        MktorCustomer,
    ),
    (
        2,
        "Customers can reach the right person quickly, by the channel they prefer.",
        "Klanten bereiken snel de juiste persoon, via het kanaal dat zij verkiezen.",
        MarkorResponsiveness,
    ),
    (
        2,
        "We inform customers before they have to ask (delays, changes, new offers).",
        "We informeren klanten voordat ze erom moeten vragen (vertraging, wijzigingen, nieuw aanbod).",
        MarkorDissemination,
    ),
    (
        2,
        "We ask customers for feedback and tell them what we did with it.",
        "We vragen klanten om feedback en laten weten wat we ermee hebben gedaan.",
        MarkorGeneration,
    ),
    (
        3,
        "Customer data (contacts, purchases, agreements) is accurate and up to date.",
        "Klantgegevens (contactpersonen, aankopen, afspraken) zijn juist en actueel.",
        MarkorGeneration,
    ),
    (
        3,
        "Everyone who deals with a customer can find that customer's history quickly.",
        "Iedereen die met een klant te maken heeft, vindt snel de geschiedenis van die klant.",
        MarkorDissemination,
    ),
    (
        3,
        "We know which customers are the most valuable to us, and treat them accordingly.",
        "We weten welke klanten het meest waard zijn voor ons en behandelen ze daarnaar.",
        MktorCustomer,
    ),
    (
        3,
        "Information about customers is shared between departments regularly.",
        "Informatie over klanten wordt regelmatig tussen afdelingen gedeeld.",
        MarkorDissemination,
    ),
    (
        4,
        "We know why customers buy from us and why they leave.",
        "We weten waarom klanten bij ons kopen en waarom ze vertrekken.",
        MarkorGeneration,
    ),
    (
        4,
        "We follow competitors' offers and respond quickly to their moves.",
        "We volgen het aanbod van concurrenten en reageren snel op hun zetten.",
        MktorCompetitor,
    ),
    (
        4,
        "We discuss changes in the market and in customers' needs across departments.",
        "We bespreken veranderingen in de markt en in de behoeften van klanten over de afdelingen heen.",
        MarkorDissemination,
    ),
    (
        4,
        "We look for what customers will need in the future, not only what they ask for today.",
        "We zoeken naar wat klanten in de toekomst nodig hebben, niet alleen naar wat ze vandaag vragen.",
        MktorCustomer,
    ),
];

/// The standard domains' names.
pub fn standard_domains() -> Vec<Texts> {
    DOMAINS.iter().map(|(en, nl)| Texts::of(en, nl)).collect()
}

/// The standard 22 aspects.
pub fn standard_aspects() -> Vec<Aspect> {
    STATEMENTS.iter().map(|&(domain, en, nl, source)| Aspect { domain, statement: Texts::of(en, nl), source }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standard_assessment_has_22_aspects_in_the_four_required_domains_and_one_more() {
        let aspects = standard_aspects();
        assert_eq!(aspects.len(), 22);
        // Per domain: processes 1-5, leadership 6-10, communication 11-14, data 15-18, market 19-22.
        let per_domain: Vec<usize> = (0..5).map(|d| aspects.iter().filter(|a| a.domain == d).count()).collect();
        assert_eq!(per_domain, [5, 5, 4, 4, 4]);
        assert_eq!(standard_domains()[3].nl, "Klantgegevens");
        assert!(aspects.iter().all(|a| !a.statement.en.is_empty() && !a.statement.nl.is_empty()));
    }
}

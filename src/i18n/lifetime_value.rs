//! Messages of the Lifetime Value page, and the words for a fit that failed.

use crate::engine::clv::fit::FitError;

messages! {
    /// The Lifetime Value page.
    LifetimeMsg {
        CalibrationEnd => "Calibration end", "Einde kalibratie";
        TimeUnit => "Time unit", "Tijdseenheid";
        Days => "days", "dagen";
        Weeks => "weeks", "weken";
        Months => "months", "maanden";
        Horizon => "Horizon (time units ahead)", "Horizon (tijdseenheden vooruit)";
        DiscountRate => "Discount rate per year (%)", "Disconteringsvoet per jaar (%)";
        CalibratedTo => "Fitted on the purchases up to", "Geschat op de aankopen tot en met";
        DefaultCalibration => "(the default: the end of the year before the last, so the last year is the holdout)",
            "(de standaard: het einde van het jaar vóór het laatste, zodat het laatste jaar de controleperiode is)";
        HoldoutTo => "held out: the purchases after it, up to", "controleperiode: de aankopen daarna, tot en met";
        NoHoldout => "The ledger has no date after the calibration end, so there is no holdout check: choose an earlier calibration end.",
            "Het grootboek heeft geen datum na het einde van de kalibratie, dus er is geen controle: kies een eerder einde van de kalibratie.";
        Parameters => "Fitted parameters", "Geschatte parameters";
        Model => "Model", "Model";
        ParameterValues => "Parameters", "Parameters";
        LogLikelihood => "Log-likelihood", "Log-likelihood";
        Bic => "BIC (lower is better)", "BIC (lager is beter)";
        ValuedWith => "The value of each customer uses the purchase model with the lower BIC:", "De waarde van elke klant gebruikt het aankoopmodel met de laagste BIC:";
        SpendNote => "Expected spend (Gamma-Gamma) learns from each customer's repeat purchases only: the first purchase day is left out, as in the Gamma-Gamma paper.",
            "De verwachte besteding (Gamma-Gamma) leert alleen van de herhaalaankopen van elke klant: de eerste aankoopdag telt niet mee, zoals in het Gamma-Gamma-artikel.";
        AlikeDropout => "Pareto/NBD: the customers' drop-out rates do not differ here, so s stops at its ceiling of 10,000 and only s/β, the drop-out rate they share per time unit, is set by the data; the likelihood is within 0.001 of its limit and the forecasts are those of the limit.",
            "Pareto/NBD: de uitvalkansen van de klanten verschillen hier niet, dus s stopt bij het plafond van 10.000 en alleen s/β, de uitvalkans per tijdseenheid die ze delen, volgt uit de gegevens; de likelihood ligt binnen 0,001 van de limiet en de voorspellingen zijn die van de limiet.";
        FitFailed => "The models could not be fitted:", "De modellen konden niet worden geschat:";
        NoCustomers => "no customer bought on or before the calibration end. Choose a later calibration end.",
            "geen klant kocht op of vóór het einde van de kalibratie. Kies een later einde van de kalibratie.";
        NoRepeatPurchases => "every customer bought on one day only before the calibration end, so repeat buying cannot be estimated. Choose a later calibration end, or a wider scope.",
            "elke klant kocht vóór het einde van de kalibratie op één dag, dus herhaalaankopen zijn niet te schatten. Kies een later einde van de kalibratie, of een ruimer bereik.";
        DidNotConverge => "the fit did not converge (its parameters ran off to zero or infinity). Try a longer calibration period, another time unit, or a wider scope.",
            "de schatting convergeerde niet (de parameters liepen weg naar nul of oneindig). Probeer een langere kalibratieperiode, een andere tijdseenheid of een ruimer bereik.";
        FutureValue => "Value of future purchases (discounted)", "Waarde van toekomstige aankopen (verdisconteerd)";
        FutureNote => "The discounted value counts only the purchases expected after the calibration end, within the horizon; what the customer bought before is not in it.",
            "De verdisconteerde waarde telt alleen de aankopen die na het einde van de kalibratie binnen de horizon worden verwacht; wat de klant eerder kocht zit er niet in.";
        PAlive => "P(alive)", "P(actief)";
        ExpectedPurchases => "Expected purchases in the horizon", "Verwachte aankopen in de horizon";
        ExpectedSpend => "Expected spend per purchase", "Verwachte besteding per aankoop";
        RepeatPurchases => "Repeat purchases (x)", "Herhaalaankopen (x)";
        Recency => "Last purchase (t_x)", "Laatste aankoop (t_x)";
        Age => "Since first purchase (T)", "Sinds eerste aankoop (T)";
        Level => "Level", "Niveau";
        Customers => "Customers", "Klanten";
        CustomerValues => "Customers, highest value first", "Klanten, hoogste waarde eerst";
        PerLevel => "Future value per pyramid level", "Toekomstige waarde per piramideniveau";
        PerCohort => "Future value per cohort (first year)", "Toekomstige waarde per cohort (eerste jaar)";
        Cohort => "First year", "Eerste jaar";
        SimpleClv => "Simple CLV", "Eenvoudige CLV";
        SimpleAbout => "Purchases per year x average order value x expected years as a customer (x the margin when known), for the year of the calibration end.",
            "Aankopen per jaar x gemiddelde orderwaarde x verwachte jaren als klant (x de marge als die bekend is), voor het jaar van het einde van de kalibratie.";
        Retention => "Retention per year (%)", "Klantbehoud per jaar (%)";
        Margin => "Margin (%)", "Marge (%)";
        FromData => "from the data:", "uit de gegevens:";
        Unknown => "unknown", "onbekend";
        PurchasesPerYear => "Purchases per year", "Aankopen per jaar";
        AverageOrder => "Average order value", "Gemiddelde orderwaarde";
        ExpectedYears => "Expected years", "Verwachte jaren";
        SimpleValue => "Simple CLV per customer", "Eenvoudige CLV per klant";
        NoDuration => "Without a retention (no year before this one) the expected years are unknown: type a retention.",
            "Zonder klantbehoud (geen jaar hiervoor) zijn de verwachte jaren onbekend: vul een klantbehoud in.";
        HoldoutCheck => "Holdout check", "Controle op de controleperiode";
        HoldoutAbout => "The models fitted on the calibration period predict the repeat purchases after it; the actual ones are beside them.",
            "De modellen, geschat op de kalibratieperiode, voorspellen de herhaalaankopen daarna; de werkelijke staan ernaast.";
        PerFrequency => "Mean repeat purchases in the holdout per calibration frequency", "Gemiddelde herhaalaankopen in de controleperiode per frequentie in de kalibratie";
        Frequency => "Repeat purchases in calibration", "Herhaalaankopen in de kalibratie";
        Actual => "Actual", "Werkelijk";
        MeanPurchases => "Mean purchases per customer", "Gemiddelde aankopen per klant";
        Tracking => "Cumulative repeat purchases per week", "Cumulatieve herhaalaankopen per week";
        TrackingTable => "Cumulative repeat purchases per week (table)", "Cumulatieve herhaalaankopen per week (tabel)";
        Week => "Week", "Week";
        CumulativePurchases => "Repeat purchases", "Herhaalaankopen";
        CalibrationEndMark => "calibration end", "einde kalibratie";
        AliveMatrix => "Mean P(alive) by repeat purchases and recency", "Gemiddelde P(actief) naar herhaalaankopen en recentheid";
        RecencyUpTo => "t_x up to", "t_x tot";
        AndMore => "or more", "of meer";
    }
}

/// Why the fit failed and what to try, for the page.
pub fn fit_error(error: FitError) -> LifetimeMsg {
    match error {
        FitError::NoCustomers => LifetimeMsg::NoCustomers,
        FitError::NoRepeatPurchases => LifetimeMsg::NoRepeatPurchases,
        FitError::DidNotConverge(_) => LifetimeMsg::DidNotConverge,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::clv::fit::Model;
    use crate::i18n::{Locale, Text};

    /// Each failure says what to try, in both languages.
    #[test]
    fn a_failed_fit_says_what_to_try() {
        let errors = [FitError::NoCustomers, FitError::NoRepeatPurchases, FitError::DidNotConverge(Model::BgNbd)];
        for error in errors {
            assert!(
                fit_error(error).text(Locale::En).contains("Choose")
                    || fit_error(error).text(Locale::En).contains("Try")
            );
            assert!(
                fit_error(error).text(Locale::Nl).contains("Kies")
                    || fit_error(error).text(Locale::Nl).contains("Probeer")
            );
        }
        assert_eq!(fit_error(FitError::DidNotConverge(Model::ParetoNbd)), LifetimeMsg::DidNotConverge);
    }
}

//! Messages of the Breakeven page: its two views' inputs, results and the errors of the entries
//! (`BreakevenError`, worded in the user's language by `breakeven_error`).

use super::{Locale, Text};
use crate::engine::breakeven::{BreakevenError, BreakevenInput, MAX_MONTHS};

messages! {
    /// The Breakeven page.
    BreakevenMsg {
        Seed => "Profitability does not guarantee solvency; opportunities for investment must be based on predicted future cash flow.",
            "Winstgevendheid garandeert geen solvabiliteit; investeringskansen moeten gebaseerd zijn op de verwachte toekomstige kasstroom.";
        VolumeTitle => "Volume", "Volume";
        VolumeIntro => "How many units a period must sell to cover its fixed costs: with all of them (profit), or only those paid out (cash).",
            "Hoeveel eenheden een periode moet verkopen om de vaste kosten te dekken: alle (winst), of alleen de uitgaven (kas).";
        InvestmentTitle => "Investment over time", "Investering in de tijd";
        InvestmentIntro => "An investment month by month: when the cumulative profit and the cumulative cash reach zero.",
            "Een investering maand na maand: wanneer de cumulatieve winst en de cumulatieve kasstroom nul bereiken.";
        Fixed => "Fixed costs per period", "Vaste kosten per periode";
        NonCash => "of which non-cash (depreciation)", "waarvan niet-kas (afschrijving)";
        Price => "Price per unit", "Prijs per eenheid";
        UnitCost => "Variable cost per unit", "Variabele kosten per eenheid";
        ExpectedUnits => "Expected volume (units)", "Verwacht volume (eenheden)";
        Investment => "Investment (month 0)", "Investering (maand 0)";
        DepreciationMonths => "Depreciation months (0: expensed in month 1)", "Afschrijvingsmaanden (0: kosten in maand 1)";
        FixedMonthly => "Fixed cost per month", "Vaste kosten per maand";
        RevenueMonthly => "Revenue per month at full speed", "Omzet per maand op volle snelheid";
        RampMonths => "Months to full speed", "Maanden tot volle snelheid";
        Margin => "Contribution margin (%)", "Dekkingsbijdrage (%)";
        CustomerDays => "Customers pay after (days)", "Klanten betalen na (dagen)";
        SupplierDays => "Suppliers are paid after (days)", "Leveranciers worden betaald na (dagen)";
        Months => "Months shown", "Getoonde maanden";
        UnitContribution => "Contribution per unit", "Dekkingsbijdrage per eenheid";
        ProfitBreakeven => "Profit breakeven", "Break-even op winst";
        CashBreakeven => "Cash breakeven", "Break-even op kas";
        Units => "units", "eenheden";
        RevenueOf => "revenue", "omzet";
        SafetyMargin => "margin of safety", "veiligheidsmarge";
        Month => "Month", "Maand";
        Revenue => "Revenue", "Omzet";
        Profit => "Profit", "Winst";
        CumulativeProfit => "Cumulative profit", "Cumulatieve winst";
        Cash => "Cash", "Kasstroom";
        CumulativeCash => "Cumulative cash", "Cumulatieve kasstroom";
        Amount => "Amount", "Bedrag";
        MonthTable => "Month by month", "Maand na maand";
        ChartTitle => "Profit and cash month by month", "Winst en kasstroom maand na maand";
        ProfitMonth => "Profit breaks even in month {m}.", "De winst bereikt break-even in maand {m}.";
        CashMonth => "Cash breaks even in month {m}.", "De kasstroom bereikt break-even in maand {m}.";
        ProfitNever => "Profit does not break even within the months shown.", "De winst bereikt geen break-even binnen de getoonde maanden.";
        CashNever => "Cash does not break even within the months shown.", "De kasstroom bereikt geen break-even binnen de getoonde maanden.";
        CashAfter => "Cash breaks even {n} months after profit.", "De kasstroom bereikt break-even {n} maanden na de winst.";
        CashAfterOne => "Cash breaks even 1 month after profit.", "De kasstroom bereikt break-even 1 maand na de winst.";
        ProfitAfter => "Profit breaks even {n} months after cash.", "De winst bereikt break-even {n} maanden na de kasstroom.";
        ProfitAfterOne => "Profit breaks even 1 month after cash.", "De winst bereikt break-even 1 maand na de kasstroom.";
        SameMonth => "Profit and cash break even in the same month.", "Winst en kasstroom bereiken break-even in dezelfde maand.";
        NoUnitContribution => "The price is not above the variable cost per unit, so no volume breaks even: check both.",
            "De prijs ligt niet boven de variabele kosten per eenheid, dus geen enkel volume bereikt break-even: controleer beide.";
        NonCashAboveFixed => "The non-cash costs (depreciation) are part of the fixed costs and cannot exceed them.",
            "De niet-kaskosten (afschrijving) zijn een deel van de vaste kosten en kunnen die niet overschrijden.";
        MarginAbove100 => "The contribution margin is a percentage of at most 100: enter it again.",
            "De dekkingsbijdrage is een percentage van hoogstens 100: vul die opnieuw in.";
        TooLarge => "“{input}” is too large: amounts up to 1,000,000,000,000.00, at most {max} months. Enter a smaller value.",
            "“{input}” is te groot: bedragen tot 1.000.000.000.000,00, hoogstens {max} maanden. Vul een kleinere waarde in.";
        Negative => "“{input}” is negative: enter zero or more.", "“{input}” is negatief: vul nul of meer in.";
        Unreadable => "“{input}”: “{value}” is not a number. Enter digits with at most two decimals, e.g. 1250.50.",
            "“{input}”: “{value}” is geen getal. Vul cijfers in met hoogstens twee decimalen, bijvoorbeeld 1250,50.";
    }
}

/// The label of the field the input is entered in.
pub fn input_label(input: BreakevenInput) -> BreakevenMsg {
    use BreakevenInput as I;
    match input {
        I::Fixed => BreakevenMsg::Fixed,
        I::NonCash => BreakevenMsg::NonCash,
        I::Price => BreakevenMsg::Price,
        I::UnitCost => BreakevenMsg::UnitCost,
        I::ExpectedUnits => BreakevenMsg::ExpectedUnits,
        I::Investment => BreakevenMsg::Investment,
        I::DepreciationMonths => BreakevenMsg::DepreciationMonths,
        I::FixedMonthly => BreakevenMsg::FixedMonthly,
        I::RevenueMonthly => BreakevenMsg::RevenueMonthly,
        I::RampMonths => BreakevenMsg::RampMonths,
        I::Margin => BreakevenMsg::Margin,
        I::CustomerDays => BreakevenMsg::CustomerDays,
        I::SupplierDays => BreakevenMsg::SupplierDays,
        I::Months => BreakevenMsg::Months,
    }
}

/// Why a view has no answer, naming the field to correct.
pub fn breakeven_error(error: &BreakevenError, locale: Locale) -> String {
    let label = |input: &BreakevenInput| input_label(*input).text(locale);
    match error {
        BreakevenError::NoUnitContribution => BreakevenMsg::NoUnitContribution.text(locale).to_string(),
        BreakevenError::NonCashAboveFixed => BreakevenMsg::NonCashAboveFixed.text(locale).to_string(),
        BreakevenError::MarginAbove100 => BreakevenMsg::MarginAbove100.text(locale).to_string(),
        BreakevenError::TooLarge { input } => BreakevenMsg::TooLarge
            .text(locale)
            .replace("{input}", label(input))
            .replace("{max}", &locale.integer(i64::from(MAX_MONTHS))),
        BreakevenError::Negative { input } => BreakevenMsg::Negative.text(locale).replace("{input}", label(input)),
        BreakevenError::Unreadable { input, value } => {
            BreakevenMsg::Unreadable.text(locale).replace("{input}", label(input)).replace("{value}", value)
        }
    }
}

/// The gap between the profit and the cash breakeven months, in words.
pub fn gap_in_words(profit: Option<u32>, cash: Option<u32>, locale: Locale) -> String {
    let text = |msg: BreakevenMsg| msg.text(locale);
    let month = |msg: BreakevenMsg, m: u32| text(msg).replace("{m}", &m.to_string());
    match (profit, cash) {
        (Some(p), Some(c)) if c == p + 1 => text(BreakevenMsg::CashAfterOne).to_string(),
        (Some(p), Some(c)) if c > p => text(BreakevenMsg::CashAfter).replace("{n}", &(c - p).to_string()),
        (Some(p), Some(c)) if p == c + 1 => text(BreakevenMsg::ProfitAfterOne).to_string(),
        (Some(p), Some(c)) if p > c => text(BreakevenMsg::ProfitAfter).replace("{n}", &(p - c).to_string()),
        (Some(_), Some(_)) => text(BreakevenMsg::SameMonth).to_string(),
        (Some(p), None) => format!("{} {}", month(BreakevenMsg::ProfitMonth, p), text(BreakevenMsg::CashNever)),
        (None, Some(c)) => format!("{} {}", text(BreakevenMsg::ProfitNever), month(BreakevenMsg::CashMonth, c)),
        (None, None) => format!("{} {}", text(BreakevenMsg::ProfitNever), text(BreakevenMsg::CashNever)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_field_in_both_languages() {
        let error = BreakevenError::Unreadable { input: BreakevenInput::Price, value: "12x".into() };
        assert_eq!(
            breakeven_error(&error, Locale::En),
            "“Price per unit”: “12x” is not a number. Enter digits with at most two decimals, e.g. 1250.50."
        );
        let error = BreakevenError::TooLarge { input: BreakevenInput::Months };
        assert!(breakeven_error(&error, Locale::Nl).starts_with("“Getoonde maanden” is te groot"));
        assert!(breakeven_error(&error, Locale::Nl).contains("hoogstens 1.200 maanden"));
    }

    #[test]
    fn the_gap_in_words() {
        assert_eq!(gap_in_words(Some(3), Some(9), Locale::En), "Cash breaks even 6 months after profit.");
        assert_eq!(gap_in_words(Some(3), Some(4), Locale::Nl), "De kasstroom bereikt break-even 1 maand na de winst.");
        assert_eq!(
            gap_in_words(Some(3), None, Locale::En),
            "Profit breaks even in month 3. Cash does not break even within the months shown."
        );
    }
}

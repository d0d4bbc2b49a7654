//! `clientele focus ANSWERS.csv...`: the Customer Focus report of answers exported by a survey
//! tool (`respondent,department,aspect,current,priority`), for the standard 22 aspects: tables,
//! or (`--json`) the JSON object of issue 16. A bad cell exits with 2 and lists every one as
//! `FILE:LINE:COLUMN: ...` on stderr, like `clientele check`; a file that cannot be read at all
//! (or lacks a column) exits with 1.

use crate::analyze::{array, object, optional_float, string};
use crate::import_args::fail;
use clientele::engine::customer_focus::answer_file::{read_answers, CellError, CellProblem};
use clientele::engine::customer_focus::report::Report;
use clientele::engine::customer_focus::survey::{add_answers, Answer, Survey, SurveyId};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct FocusArgs {
    /// Answer files: CSV with respondent,department,aspect,current,priority (aspect 1-22, scores
    /// 1-5 or blank); several are read as one survey.
    #[arg(value_name = "ANSWERS.csv", required = true)]
    pub files: Vec<PathBuf>,
    /// Print one JSON object instead of tables.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &FocusArgs) -> ExitCode {
    let survey = Survey::standard(SurveyId(0), "", None);
    let (answers, errors) = match read_files(&args.files, survey.id) {
        Ok(read) => read,
        Err(message) => return fail(&message),
    };
    if !errors.is_empty() {
        errors.iter().for_each(|e| eprintln!("{e}"));
        let whole_file =
            errors.iter().any(|e| matches!(e.problem, CellProblem::Unreadable | CellProblem::MissingColumn));
        return ExitCode::from(if whole_file { 1 } else { 2 });
    }
    let mut kept = Vec::new();
    for duplicate in add_answers(&mut kept, answers).duplicates {
        eprintln!(
            "clientele: note: {} ({}) answered in an earlier file too; the first answer is counted",
            duplicate.respondent, duplicate.department
        );
    }
    let report = Report::of(&survey, &kept);
    let text = if args.json { json(&survey, &report) + "\n" } else { tables(&survey, &report) };
    // A closed pipe (`| head`) is the reader's choice, not an error worth a panic.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    ExitCode::SUCCESS
}

/// Every file's respondents, and every bad cell of them all.
fn read_files(files: &[PathBuf], survey: SurveyId) -> Result<(Vec<Answer>, Vec<CellError>), String> {
    let (mut answers, mut errors) = (Vec::new(), Vec::new());
    for path in files {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        match read_answers(&path.display().to_string(), &bytes, survey) {
            Ok(read) => answers.extend(read),
            Err(bad) => errors.extend(bad),
        }
    }
    Ok((answers, errors))
}

/// The JSON of issue 16: `aspects`, `priorities`, `domains` (each with its own ranked
/// `priorities`) and `departments` (each department's means per aspect). Means are numbers, or
/// null where nobody scored.
fn json(survey: &Survey, report: &Report) -> String {
    let domain = |index: usize| string(&survey.domains[index].en);
    let numbers = |list: &[usize]| array(list.iter().map(usize::to_string));
    let aspects = array(report.aspects.iter().map(|a| {
        object([
            ("aspect", a.aspect.to_string()),
            ("domain", domain(a.domain)),
            ("current", optional_float(a.current)),
            ("priority", optional_float(a.priority)),
            ("gap", optional_float(a.gap)),
            ("respondents", a.respondents.to_string()),
        ])
    }));
    let domains = array(report.domains.iter().map(|d| {
        object([
            ("domain", domain(d.domain)),
            ("current", optional_float(d.current)),
            ("priority", optional_float(d.priority)),
            ("gap", optional_float(d.gap)),
            ("priorities", numbers(&d.priorities)),
        ])
    }));
    let departments = object(report.departments.iter().map(|d| {
        let aspects = d.aspects.iter().enumerate().map(|(i, m)| {
            object([
                ("aspect", (i + 1).to_string()),
                ("current", optional_float(m.current)),
                ("priority", optional_float(m.priority)),
            ])
        });
        (d.department.as_str(), array(aspects))
    }));
    object([
        ("aspects", aspects),
        ("priorities", numbers(&report.priorities)),
        ("domains", domains),
        ("departments", departments),
    ])
}

fn score(value: Option<f64>) -> String {
    value.map_or("-".into(), |v| format!("{v:.2}"))
}

fn tables(survey: &Survey, report: &Report) -> String {
    let mut out = format!(
        "respondents: {}\n\n{:>6} {:<42} {:>7} {:>8} {:>6} {:>11} {:>8} {:>8} {}\n",
        report.respondents,
        "aspect",
        "domain",
        "current",
        "priority",
        "gap",
        "respondents",
        "sd cur",
        "sd prio",
        "departments"
    );
    for a in &report.aspects {
        out += &format!(
            "{:>6} {:<42} {:>7} {:>8} {:>6} {:>11} {:>8} {:>8} {}\n",
            a.aspect,
            survey.domains[a.domain].en,
            score(a.current),
            score(a.priority),
            score(a.gap),
            a.respondents,
            score(a.current_spread),
            score(a.priority_spread),
            if a.departments_disagree { "disagree" } else { "" }
        );
    }
    let list = |aspects: &[usize]| aspects.iter().map(usize::to_string).collect::<Vec<_>>().join(", ");
    out += &format!("\npriorities (largest gap first): {}\n\n", list(&report.priorities));
    out += &format!("{:<42} {:>7} {:>8} {:>6}  priorities\n", "domain", "current", "priority", "gap");
    for d in &report.domains {
        out += &format!(
            "{:<42} {:>7} {:>8} {:>6}  {}\n",
            survey.domains[d.domain].en,
            score(d.current),
            score(d.priority),
            score(d.gap),
            list(&d.priorities)
        );
    }
    out += &format!("\n{:<24} {:>11}  current per domain (against the company)\n", "department", "respondents");
    for d in &report.departments {
        let domains: Vec<String> = (d.domains.iter().zip(&d.current_vs_company))
            .map(|(m, vs)| format!("{} ({})", score(m.current), vs.map_or("-".into(), |v| format!("{v:+.2}"))))
            .collect();
        out += &format!("{:<24} {:>11}  {}\n", d.department, d.respondents, domains.join("  "));
    }
    out
}

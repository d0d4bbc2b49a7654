//! Customer Focus (issue 16): the company measures its own customer focus. Respondents score 22
//! aspects twice (the current situation and the priority for improvement); the report shows the
//! gaps, the priorities for improvement, departments against each other and the change since an
//! earlier round. Surveys travel to respondents in a link's fragment and answers come back as
//! codes, answer files or CSV, with no server (docs/customer-focus.md).
//!
//! Layered one way: `assessment` (the aspects, domains, statements and their sources) and
//! `survey` (a round and its answers) at the bottom; `answer_file` (CSV) and `code` (answer codes
//! and links) read and write them; `report` computes; `request` is what the pages ask.

pub mod answer_file;
pub mod assessment;
pub mod code;
pub mod report;
pub mod request;
pub mod survey;

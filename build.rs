//! Renders the user documentation in docs/ to HTML at compile time, for the app's Methods page:
//! one source for the repository and the app, and no Markdown parser in the browser.

use std::path::PathBuf;

const DOCS: [&str; 9] = [
    "method-notes",
    "import",
    "lifetime-value",
    "warehouse",
    "customer-focus",
    "planning",
    "contact-planning",
    "scorecard",
    "actions",
];

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    for doc in DOCS {
        let source = format!("docs/{doc}.md");
        println!("cargo:rerun-if-changed={source}");
        let markdown = std::fs::read_to_string(&source).unwrap_or_else(|e| panic!("cannot read {source}: {e}"));
        let mut html = String::new();
        pulldown_cmark::html::push_html(
            &mut html,
            pulldown_cmark::Parser::new_ext(&markdown, pulldown_cmark::Options::ENABLE_TABLES),
        );
        std::fs::write(out.join(format!("{doc}.html")), html)
            .unwrap_or_else(|e| panic!("cannot write {doc}.html: {e}"));
    }
}

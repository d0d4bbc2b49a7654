// Every page passes axe-core's WCAG 2.1 A and AA rules with the sample ledger loaded, in English
// and in Dutch: contrast, names that match what is shown, scroll regions a keyboard reaches.
// A new page is born accessible because it is audited here (the list comes from the harness).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import { startServer, launch, openApp, appReady, PAGES, loadSample } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** The harness's pages and the ones it does not list. */
const ALL_PAGES = [
  ["Home", "/"],
  ...PAGES,
  ["RFM Segments", "/rfm"],
  ["Cohorts", "/cohorts"],
  ["Methods", "/methods"],
];

/** Waits until the page's answer is drawn (no "Computing…" left), so axe sees the result. */
async function settled(page) {
  await page.locator("main h1").first().waitFor();
  // The Lifetime Value page fits its models on every visit (a page load starts a new worker):
  // seconds in a release build, a few minutes in a debug one. How fast is a benchmark's question.
  await page.waitForFunction(() => !document.querySelector('main [role="status"].hint'), null, { timeout: 300000 });
}

/** axe's violations on the page as readable lines: page, rule, impact, the first nodes. */
async function audit(page, label) {
  await settled(page);
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations.map((v) => {
    const nodes = v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ");
    return `${label}: ${v.id} (${v.impact}, ${v.nodes.length} nodes): ${v.help}; e.g. ${nodes}`;
  });
}

/** A context with the sample ledger loaded and saved, so every later visit finds it. */
function withSample() {
  return loadSample(browser, server.origin);
}

async function visit(page, path) {
  await page.goto(server.origin + path);
  await appReady(page);
}

/** Audits every page, and a customer's detail page reached from the views' first link. */
async function auditAll(page, locale) {
  const found = [];
  for (const [name, path] of ALL_PAGES) {
    await visit(page, path);
    found.push(...(await audit(page, `${locale} ${name}`)));
  }
  await visit(page, "/customer-views");
  const customer = await page.locator("a.customer-link").first().getAttribute("href");
  await visit(page, customer);
  found.push(...(await audit(page, `${locale} customer ${customer}`)));
  return found;
}

// A small export with one unreadable amount (line 3, column 2), so the report lists an error.
const WITH_ERROR = "Customer,Date,Amount\nA1,2024-01-05,100.00\nA2,2024-02-17,twenty\n";

test("every page passes the WCAG 2.1 A and AA rules, in English and Dutch", async () => {
  const { page, context, problems } = await withSample();
  const found = await auditAll(page, "en");

  await visit(page, "/data");
  await page.getByTestId("ledger-files").setInputFiles({ name: "small.csv", mimeType: "text/csv", buffer: Buffer.from(WITH_ERROR) });
  await page.locator(".preview").waitFor();
  found.push(...(await audit(page, "en Data with a preview")));
  await page.getByTestId("import").click();
  await page.getByTestId("report-errors").waitFor();
  found.push(...(await audit(page, "en Data with an import report")));
  await page.getByTestId("discard").click();

  await page.selectOption("header select", "nl");
  found.push(...(await auditAll(page, "nl")));
  assert.deepEqual(found, [], `axe found violations:\n${found.join("\n")}`);
  assert.deepEqual(problems, []);
  await context.close();
});

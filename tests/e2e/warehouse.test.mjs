// Totals per customer and year from a warehouse (issue 18, docs/warehouse.md): the
// clientele_customer_period file DuckDB made from tests/data/warehouse/credit_notes.csv, imported
// on the Data page, gives the ledger's pyramid; a page that needs single lines says so.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { startServer, launch, openApp, appReady, screenshot } from "./harness.mjs";

const TOTALS = new URL("../data/warehouse/credit_notes_customer_period.csv", import.meta.url);
let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function importTotals(locale, yearStart = null) {
  const app = await openApp(browser, server.origin, "/data", { locale });
  await appReady(app.page);
  const buffer = await readFile(TOTALS);
  await app.page.getByTestId("ledger-files").setInputFiles({ name: "clientele_customer_period.csv", mimeType: "text/csv", buffer });
  // The preview asks the year start the totals were made with; calendar years unless chosen.
  const choice = app.page.getByTestId("period-year-start");
  await choice.waitFor();
  assert.equal(await choice.inputValue(), "1");
  if (!yearStart) await screenshot(app.page, `warehouse-totals-preview-${locale}`);
  if (yearStart) {
    await choice.selectOption(yearStart);
    await app.page.waitForFunction((v) => document.querySelector('[data-testid="period-year-start"]')?.value === v, yearStart);
  }
  await app.page.getByTestId("import").click();
  await app.page.getByTestId("report").waitFor();
  await app.page.getByTestId("report-period-totals").waitFor();
  await screenshot(app.page, `warehouse-totals-report-${locale}`);
  await app.page.getByTestId("keep").click();
  await app.page.getByTestId("loaded").waitFor();
  await app.page.getByTestId("storage-saved").waitFor();
  return app;
}

// 2024 (README of tests/data/warehouse): C 300 top, B 50 small, A 200 - 200 = 0 inactive; D's
// credit note of -25 makes it no customer at all.
test("totals per period give the ledger's pyramid, and RFM says it needs single lines", async () => {
  const { page, context, problems } = await importTotals("en-GB");
  await page.goto(server.origin + "/pyramid");
  await appReady(page);
  const rows = page.locator('table[data-table="pyramid-levels"] tbody tr');
  await rows.first().waitFor({ timeout: 30000 });
  const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  const figures = cells.map((row) => [row[0], row[1], row[3].replace(/[^0-9.-]/g, "")]);
  assert.deepEqual(figures, [
    ["Top", "1", "300.00"], ["Big", "0", "0.00"], ["Medium", "0", "0.00"], ["Small", "1", "50.00"], ["Inactive", "1", "0.00"],
  ]);
  await screenshot(page, "warehouse-totals-pyramid");

  await page.goto(server.origin + "/rfm");
  await appReady(page);
  const empty = page.getByTestId("empty");
  await empty.waitFor({ timeout: 30000 });
  assert.equal(await empty.getAttribute("data-reason"), "NeedsSingleLines");
  assert.match(await empty.textContent(), /needs the ledger's single lines/);
  await screenshot(page, "warehouse-totals-rfm");
  assert.deepEqual(problems, []);
  await context.close();
});

test("in Dutch, and at 800 px, the page that needs single lines says so", async () => {
  const { page, context, problems } = await importTotals("nl-NL");
  await page.setViewportSize({ width: 800, height: 900 });
  await page.goto(server.origin + "/customers/A");
  await appReady(page);
  const empty = page.getByTestId("empty");
  await empty.waitFor({ timeout: 30000 });
  assert.equal(await empty.getAttribute("data-reason"), "NeedsSingleLines");
  assert.match(await empty.textContent(), /losse regels van het grootboek nodig/);
  await screenshot(page, "warehouse-totals-customer-nl-800");
  assert.deepEqual(problems, []);
  await context.close();
});

// The same file as totals of years from 1 July (as `clientele sql --year-start 07-01` makes them):
// with that year start the pyramid of the period 2024 is the same; the calendar year is refused
// with the year start to choose.
test("totals of fiscal years: their year start chosen on import, named when another is asked", async () => {
  const { page, context, problems } = await importTotals("en-GB", "7");
  await page.goto(server.origin + "/pyramid?year-start=07-01");
  await appReady(page);
  const rows = page.locator('table[data-table="pyramid-levels"] tbody tr');
  await rows.first().waitFor({ timeout: 30000 });
  const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  assert.deepEqual(cells.map((row) => [row[0], row[1]]), [["Top", "1"], ["Big", "0"], ["Medium", "0"], ["Small", "1"], ["Inactive", "1"]]);
  await page.goto(server.origin + "/pyramid");
  await appReady(page);
  const empty = page.getByTestId("empty");
  await empty.waitFor({ timeout: 30000 });
  assert.match(await empty.getAttribute("data-reason"), /^PeriodTotalsYearStart/);
  assert.match(await empty.textContent(), /Choose their year start: 07-01\./);
  await screenshot(page, "warehouse-totals-fiscal-refused");
  assert.deepEqual(problems, []);
  await context.close();
});

// Report-shaped exports in the browser: a "Sales by Customer Detail" CSV with title lines, group
// rows, subtotals and a grand total imports with no overrides, and the import report says what
// was recognised (in English and in Dutch, with a subtotal its lines do not add up to).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { startServer, launch, openApp, appReady, screenshot } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const DETAIL = await readFile(new URL("../data/sales_by_customer_detail.csv", import.meta.url), "utf8");

async function importReport(page, name, content) {
  await page.getByTestId("ledger-files").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(content) });
  await page.locator(".preview").waitFor();
  await page.getByTestId("import").click();
  await page.getByTestId("recognised").waitFor();
  const text = async (id) => (await page.getByTestId(id).textContent()).replace(/\s+/g, " ").trim();
  return { header: await text("recognised-header"), groups: await text("recognised-groups"), totals: await text("recognised-totals") };
}

test("the import report shows the header below the title lines, the groups and the subtotals", async () => {
  const { page, problems } = await openApp(browser, server.origin, "/data");
  await appReady(page);
  const r = await importReport(page, "sales-by-customer-detail.csv", DETAIL);
  assert.equal(r.header, "Column names found on line 5; title lines above them skipped: 3 ('Sales by Customer Detail', 'Bakker Groothandel BV', 'January 2023 - December 2024')");
  assert.equal(r.groups, "Grouped report (customer on its own row above its lines). Customer groups: 3; lines that took the customer of their group: 6.");
  assert.equal(r.totals, "Rows left out as subtotals: 3. Rows left out as totals: 1 (lines 10, 14, 17, 18).");
  assert.equal(await page.getByTestId("recognised-mismatch").count(), 0);
  assert.equal(await page.getByTestId("report-clean").count(), 1);
  // 550.00 + 1,100.00 + 75.50
  const revenue = await page.locator(".report table.table-summary tbody tr", { hasText: "Total revenue" }).locator("td").textContent();
  assert.equal(revenue, "1,725.50");
  await screenshot(page, "report-shapes-en");
  await page.setViewportSize({ width: 800, height: 860 });
  await screenshot(page, "report-shapes-en-800");
  assert.deepEqual(problems, []);
});

test("in Dutch, with a subtotal that its lines do not add up to", async () => {
  const { page, problems } = await openApp(browser, server.origin, "/data", { locale: "nl-NL" });
  await appReady(page);
  const wrong = DETAIL.replace('Total for Beta NV,,,,,"1,100.00"', 'Total for Beta NV,,,,,"1,000.00"');
  const r = await importReport(page, "verkeerd-subtotaal.csv", wrong);
  assert.match(r.header, /^Kolomnamen gevonden op regel 5; titelregels erboven overgeslagen: 3 \('Sales by Customer Detail'/);
  assert.equal(r.groups, "Gegroepeerd rapport (klant op een eigen regel boven zijn regels). Klantgroepen: 3; regels die de klant van hun groep kregen: 6.");
  assert.equal(r.totals, "Als subtotaal weggelaten regels: 3. Als totaal weggelaten regels: 1 (regels 10, 14, 17, 18).");
  // Beta NV's lines: 1.200,00 - 100,00 = 1.100,00.
  const mismatch = (await page.getByTestId("recognised-mismatch").textContent()).replace(/\s+/g, " ").trim();
  assert.equal(mismatch, "Regel 14 ('Total for Beta NV'): het subtotaal zegt 1.000,00, maar de regels van de groep tellen op tot 1.100,00. Controleer de regels erboven: er kunnen regels ontbreken of verkeerd gelezen zijn.");
  await screenshot(page, "report-shapes-nl");
  await page.setViewportSize({ width: 800, height: 860 });
  await screenshot(page, "report-shapes-nl-800");
  assert.deepEqual(problems, []);
});

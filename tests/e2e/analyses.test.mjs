// The Customer Performance pages on the sample ledger: what the user sees is checked against
// the numbers the native command line computes independently (`clientele analyze --json`),
// formatted as the pages format them. Filters live in the address and survive a reload; tables
// download as CSV, charts as PNG; every page is photographed in English and Dutch.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { startServer, launch, openApp, appReady, screenshot } from "./harness.mjs";

const ROOT = new URL("../..", import.meta.url).pathname;
let server, browser, cli;

before(async () => {
  const json = execFileSync("cargo", ["run", "--release", "--quiet", "--bin", "clientele", "--", "analyze", "--sample", "--json"],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 });
  cli = JSON.parse(json);
  server = await startServer();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const LEVELS_EN = { top: "Top", big: "Big", medium: "Medium", small: "Small", inactive: "Inactive" };
const money = (x, locale = "en-US") => x.toLocaleString(locale === "nl" ? "nl-NL" : "en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const count = (n) => n.toLocaleString("en-US");
const percent = (share) => `${(share * 100).toFixed(1)} %`;

/** A page with the sample ledger loaded (the choice is remembered, so later visits have it). */
async function withSample(path) {
  const app = await openApp(browser, server.origin, "/");
  await appReady(app.page);
  await app.page.getByTestId("try-sample").click();
  await app.page.locator("table.table-summary").waitFor();
  await app.page.goto(server.origin + path);
  await appReady(app.page);
  return app;
}

/** The rows of a data table as arrays of cell texts. */
async function rows(page, table, part = "tbody") {
  const locator = page.locator(`table[data-table="${table}"] ${part} tr`);
  await locator.first().waitFor();
  return locator.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
}

async function downloadText(page, testId) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).first().click()]);
  return { name: download.suggestedFilename(), text: (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "") };
}

async function photograph(page, name) {
  await screenshot(page, `${name}-en`);
  await page.selectOption("header select", "nl");
  await page.locator("main h1").first().waitFor();
  await screenshot(page, `${name}-nl`);
  await page.selectOption("header select", "en");
}

test("pyramid: levels match the command line, filters survive a reload, CSV and PNG download", async () => {
  const { page, context, problems } = await withSample("/pyramid?period=2023");
  const shown = await rows(page, "pyramid-levels");
  for (const level of cli.pyramid["2023"]) {
    const row = shown.find((r) => r[0] === LEVELS_EN[level.level]);
    assert.ok(row, `row ${level.level}`);
    assert.equal(row[1], count(level.customers), `${level.level} customers`);
    assert.equal(row[3], money(level.revenue), `${level.level} revenue`);
  }
  assert.equal(await page.locator(".pyramid-view h2").first().textContent(), "2023");
  assert.equal(await page.locator("svg polygon").count(), 4, "four bands, Top at the apex");

  // The scope picker writes the address; a reload keeps it.
  const scope = await page.getByTestId("filter-scope").first().locator("optgroup option").first().getAttribute("value");
  await page.getByTestId("filter-scope").first().selectOption(scope);
  await page.waitForURL(/scope=/);
  const scoped = await rows(page, "pyramid-levels");
  await page.reload();
  await appReady(page);
  assert.equal(await page.getByTestId("filter-period").first().inputValue(), "2023");
  assert.equal(await page.getByTestId("filter-scope").first().inputValue(), scope);
  assert.deepEqual(await rows(page, "pyramid-levels"), scoped);

  const csv = await downloadText(page, "csv-pyramid-levels");
  assert.equal(csv.name, "pyramid-levels.csv");
  const lines = csv.text.trim().split("\n");
  assert.equal(lines[0], "Level,Customers,Share of customers,Revenue,Share of revenue,Average revenue,Gross margin,Margin %");
  assert.match(lines[1], /^Top,\d+,0\.\d+,\d+\.\d\d,/);
  const [png] = await Promise.all([page.waitForEvent("download"), page.getByTestId("png-pyramid").first().click()]);
  assert.equal(png.suggestedFilename(), "pyramid.png");
  const bytes = await readFile(await png.path());
  assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], "a PNG file");

  // Compare with another year, side by side.
  await page.getByTestId("filter-period").nth(1).selectOption("2021");
  await page.locator(".pyramid-view").nth(1).locator("h2").waitFor();
  assert.deepEqual(await page.locator(".pyramid-view h2").allTextContents(), ["2023", "2021"]);
  await photograph(page, "pyramid");
  assert.deepEqual(problems, []);
  await context.close();
});

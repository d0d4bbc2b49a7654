// The Customer Performance pages on the sample ledger: what the user sees is checked against
// the numbers the native command line computes independently (`clientele analyze --json`),
// formatted as the pages format them. Filters live in the address and survive a reload; tables
// download as CSV, charts as PNG; every page is photographed in English and Dutch.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { startServer, launch, openApp, appReady, screenshot, loadSample } from "./harness.mjs";

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
  const app = await loadSample(browser, server.origin);
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
  let scoped = shown;
  for (let tries = 0; tries < 100 && JSON.stringify(scoped) === JSON.stringify(shown); tries++) {
    await page.waitForTimeout(100);
    scoped = await rows(page, "pyramid-levels");
  }
  assert.notDeepEqual(scoped, shown, "a department has fewer customers than the company");
  await page.reload();
  await appReady(page);
  assert.deepEqual(await rows(page, "pyramid-levels"), scoped);
  await page.getByTestId("filter-scope").first().locator(`option[value="${scope}"]`).waitFor({ state: "attached" });
  assert.equal(await page.getByTestId("filter-period").first().inputValue(), "2023");
  assert.equal(await page.getByTestId("filter-scope").first().inputValue(), scope);

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

/** Whole currency units as the pages round them: half away from zero, thousands separated. */
function whole(x) {
  const cents = Math.round(Math.abs(x) * 100);
  const units = Math.floor((cents + 50) / 100) * Math.sign(x);
  return (units === 0 ? 0 : units).toLocaleString("en-US");
}

test("flows: every year's start, lost, new, regained, retained and end match the command line", async () => {
  const { page, context, problems } = await withSample("/flows");
  const shown = await rows(page, "flows");
  const years = Object.keys(cli.flows);
  assert.deepEqual(shown.map((r) => r[0]), years);
  for (const row of shown) {
    const f = cli.flows[row[0]];
    assert.deepEqual(row.slice(1), [f.start, f.lost, f.new, f.regained, f.retained, f.end].map(count), `flows ${row[0]}`);
  }
  const latest = cli.flows[years.at(-1)];
  const waterfall = await page.locator('[data-chart="flows-waterfall"] svg text').allTextContents();
  assert.ok(waterfall.includes(count(latest.start)) && waterfall.includes(`−${count(latest.lost)}`), `waterfall ${waterfall}`);
  await photograph(page, "flows");
  assert.deepEqual(problems, []);
  await context.close();
});

test("migration: every cell matches the command line; a cell lists its customers, who open their page", async () => {
  const { page, context, problems } = await withSample("/migration?period=2024");
  const matrix = page.locator('table[data-table="migration-matrix"]');
  await matrix.waitFor();
  for (const cell of cli.migration["2024"]) {
    const button = matrix.locator(`button[data-cell="${cell.from}-${cell.to}"]`);
    assert.equal(await button.locator(".heat-count").textContent(), count(cell.customers), `${cell.from}→${cell.to} customers`);
    assert.equal(await button.locator(".heat-revenue").textContent(), whole(cell.revenue_to), `${cell.from}→${cell.to} revenue`);
  }
  const small = cli.migration["2024"].find((c) => c.from === "small" && c.to === "medium");
  await matrix.locator('button[data-cell="small-medium"]').click();
  await page.waitForURL(/cell=small-medium/);
  const listed = await rows(page, "migration-customers");
  assert.equal(listed.length, Math.min(small.customers, 500));
  const before = listed.reduce((sum, r) => sum + Number(r[2].replaceAll(",", "")), 0);
  assert.ok(Math.abs(before - small.revenue_from) < 0.005 * listed.length, "the listed customers' earlier revenue adds up to the cell's");
  await photograph(page, "migration");

  const csv = await downloadText(page, "csv-migration-cells");
  assert.equal(csv.text.trim().split("\n").length, 1 + 29, "a header and the 29 cells");
  const [name] = listed[0];
  await page.locator('table[data-table="migration-customers"] tbody a').first().click();
  await page.waitForURL(/\/customers\//);
  assert.equal(await page.locator("main h1").textContent(), name);
  assert.equal((await rows(page, "customer-years")).length, cli.periods.length);
  await photograph(page, "customer");
  assert.deepEqual(problems, []);
  await context.close();
});

test("concentration: the top-20 % statement and Gini match the command line", async () => {
  const { page, context, problems } = await withSample("/concentration?period=2022");
  const c = cli.concentration["2022"];
  await page.getByTestId("top-statement").waitFor();
  assert.match(await page.getByTestId("top-statement").textContent(), new RegExp(`make ${percent(c.top20_revenue_share).replace(".", "\\.")} of revenue`));
  assert.match(await page.getByTestId("gini").textContent(), new RegExp(`^${c.gini.toFixed(3).replace(".", "\\.")}`));
  const bands = await rows(page, "revenue-bands");
  const active = cli.pyramid["2022"].filter((l) => l.level !== "inactive").reduce((n, l) => n + l.customers, 0);
  assert.equal(bands.reduce((n, r) => n + Number(r[1].replaceAll(",", "")), 0), active, "bands hold every active customer");
  await photograph(page, "concentration");
  assert.deepEqual(problems, []);
  await context.close();
});

test("customer views, RFM and cohorts show their tables for the sample and keep choices in the address", async () => {
  const { page, context, problems } = await withSample("/customer-views");
  await page.getByTestId("filter-rep").locator("option").nth(1).waitFor({ state: "attached" });
  const reps = await page.getByTestId("filter-rep").locator("option").allTextContents();
  assert.ok(reps.length > 1, `reps ${reps}`);
  await page.getByTestId("filter-rep").selectOption({ label: reps[1] });
  await page.waitForURL(/rep=/);
  await page.locator('table[data-table="customer-matrix"] caption', { hasText: reps[1] }).waitFor();
  assert.ok((await rows(page, "customer-matrix")).length > 0);
  await photograph(page, "customer-views");

  await page.goto(`${server.origin}/rfm`);
  const segments = await rows(page, "rfm-segments");
  assert.equal(segments.length, 11);
  await page.locator('button[data-segment="champions"]').click();
  await page.waitForURL(/segment=champions/);
  const champions = Number(segments.find((r) => r[0] === "Champions")[1].replaceAll(",", ""));
  // The first hundred are drawn; "Show all" draws the rest the engine listed (at most 500).
  assert.equal((await rows(page, "rfm-customers")).length, Math.min(champions, 100));
  if (champions > 100) {
    await page.getByTestId("show-all-rfm-customers").click();
    await page.waitForFunction((n) => document.querySelectorAll('table[data-table="rfm-customers"] tbody tr').length === n, Math.min(champions, 500));
  }
  await photograph(page, "rfm");

  await page.goto(`${server.origin}/cohorts`);
  const cohorts = await rows(page, "cohorts");
  assert.equal(cohorts[0][0], cli.periods[0]);
  assert.equal(cohorts[0][2], "100.0 %", "a cohort is complete in its first year");
  await photograph(page, "cohorts");
  assert.deepEqual(problems, []);
  await context.close();
});

test("an empty selection says so, and a tablet-width screen keeps the pyramid readable", async () => {
  const { page, context, problems } = await withSample("/pyramid?scope=department:No%20such%20department");
  await page.getByTestId("empty").waitFor();
  assert.match(await page.getByTestId("empty").textContent(), /The chosen scope has no lines in this ledger/);
  await page.setViewportSize({ width: 800, height: 1000 });
  await page.goto(`${server.origin}/pyramid`);
  await page.locator('table[data-table="pyramid-levels"]').waitFor();
  await screenshot(page, "pyramid-tablet");
  assert.deepEqual(problems, []);
  await context.close();
});

test("fiscal years: a year starting in July gives the command line's --year-start 07-01 pyramid", async () => {
  const fiscal = JSON.parse(execFileSync("cargo", ["run", "--release", "--quiet", "--bin", "clientele", "--", "analyze", "--sample", "--year-start", "07-01", "--json"],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 }));
  assert.equal(fiscal.periods[0], "2020", "the sample's first half of 2021 belongs to fiscal 2020");
  const { page, context } = await withSample("/pyramid?period=2022");
  await page.getByTestId("filter-year-start").first().selectOption("7");
  await page.waitForURL(/year-start=07-01/);
  await page.getByTestId("filter-period").first().locator('option[value="2020"]').waitFor({ state: "attached" });
  let shown;
  for (let tries = 0; tries < 100; tries++) {
    shown = await rows(page, "pyramid-levels");
    const top = shown.find((r) => r[0] === "Top");
    if (top && top[1] === count(fiscal.pyramid["2022"].find((l) => l.level === "top").customers)) break;
    await page.waitForTimeout(100);
  }
  for (const level of fiscal.pyramid["2022"]) {
    const row = shown.find((r) => r[0] === LEVELS_EN[level.level]);
    assert.equal(row[1], count(level.customers), `fiscal ${level.level} customers`);
    assert.equal(row[3], money(level.revenue), `fiscal ${level.level} revenue`);
  }
  await context.close();
});

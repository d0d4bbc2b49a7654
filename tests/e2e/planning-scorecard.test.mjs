// The Scorecard page on the sample ledger (issue 15): a company revenue KPI target and a sales
// rep's, entered on the page, set against the revenue the command line computes independently
// (`clientele analyze --json` on the sample, and on the rep's own lines of it, written by
// `clientele sample`), with the status worked out by hand; the targets survive a reload, go out
// as an XLSX workbook, and come back intact from it after the table is cleared.
// CLIENTELE_CLI may name a built `clientele` binary; otherwise it is run with cargo (release).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, launch, openApp, appReady, loadSample, screenshot, ARTIFACTS, clientele, csvCells } from "./harness.mjs";

let server, browser, dir;
/** The sample's revenue in 2025 (its latest year), of the company and of one rep's lines. */
let company, rep, repRevenue;



/** Revenue of 2025 in cents, from `clientele analyze --json`: the sum of the pyramid's rows. */
function revenue2025(file) {
  const analysis = JSON.parse(clientele(["analyze", file, "--json"]));
  return Math.round(analysis.pyramid["2025"].reduce((sum, row) => sum + row.revenue * 100, 0));
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "clientele-scorecard-"));
  const sample = clientele(["sample"]);
  await writeFile(join(dir, "sample.csv"), sample);
  const [header, ...lines] = sample.trimEnd().split("\n");
  const column = csvCells(header).indexOf("sales_rep");
  const reps = [...new Set(lines.map((l) => csvCells(l)[column]))].sort();
  rep = reps[0];
  await writeFile(join(dir, "rep.csv"), [header, ...lines.filter((l) => csvCells(l)[column] === rep)].join("\n") + "\n");
  company = revenue2025(join(dir, "sample.csv"));
  repRevenue = revenue2025(join(dir, "rep.csv"));
  server = await startServer();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const money = (cents) => (cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

async function rows(page, table) {
  const locator = page.locator(`table[data-table="${table}"] tbody tr`);
  await locator.first().waitFor();
  return locator.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
}

/** The cascade's row of a unit and metric (every row shown first). */
async function kpi(page, unit, metric) {
  const more = page.getByTestId("show-all-kpi-cascade");
  if (await more.count()) await more.click();
  const found = (await rows(page, "kpi-cascade")).filter((r) => r[0] === unit && r[1] === metric);
  assert.equal(found.length, 1, `one row for ${unit}, ${metric}`);
  return found[0];
}

async function enterTarget(page, row, metric, unit, target) {
  await page.getByTestId("add-kpi-targets").click();
  await page.getByTestId(`cell-kpi-targets-${row}-metric`).selectOption(metric);
  await page.getByTestId(`cell-kpi-targets-${row}-unit`).fill(unit);
  await page.getByTestId(`cell-kpi-targets-${row}-target`).fill(target);
}

async function targetCells(page) {
  const count = await page.locator('[data-testid="editor-kpi-targets"] tbody tr').count();
  const out = [];
  for (let row = 0; row < count; row++) {
    out.push(await Promise.all(["metric", "unit", "target"].map((k) => page.getByTestId(`cell-kpi-targets-${row}-${k}`).inputValue())));
  }
  return out;
}

test("revenue targets of the company and a rep against the ledger, kept, exported and imported intact", async () => {
  const { page, context, problems } = await loadSample(browser, server.origin);
  await page.goto(`${server.origin}/scorecard`);
  await appReady(page);
  // No goal period: the calendar year 2025, counted to the sample's last day, 31 December.
  await page.getByTestId("scorecard-window").filter({ hasText: "current period 2025" }).waitFor();
  assert.match(await page.getByTestId("scorecard-window").textContent(), /2025-01-01 to 2025-12-31, counted to 2025-12-31 .*: 365 of 365 days/);
  // The year is over, so the forecast is the revenue itself; no target yet: no target.
  const [companyRow] = await rows(page, "scorecard-company");
  assert.deepEqual([companyRow[0], companyRow[3], companyRow[4], companyRow[6]], ["Company", money(company), money(company), "No target"]);

  // Targets in whole units: the company 5 % above its revenue, the rep 20 % below theirs.
  const companyTarget = Math.round((company / 100) * 1.05);
  const repTarget = Math.round((repRevenue / 100) * 0.8);
  await enterTarget(page, 0, "revenue", "company", String(companyTarget));
  await enterTarget(page, 1, "revenue", rep, String(repTarget));
  await page.getByTestId("save-tables").click();
  await page.getByTestId("tables-saved").waitFor();
  assert.deepEqual(await targetCells(page), [["revenue", "company", `${companyTarget}`], ["revenue", rep, `${repTarget}`]]);
  // As the engine keeps them (with two decimals): what a reload and the workbook bring back.
  const expected = [["revenue", "company", `${companyTarget}.00`], ["revenue", rep, `${repTarget}.00`]];

  // By hand: revenue / (1.05 x revenue) = 95.2 %, between 90 % and 100 %: at risk. The rep's
  // revenue / (0.8 x revenue) = 125 %: on track.
  const checkStatuses = async () => {
    await page.locator('table[data-table="kpi-cascade"] td.status-amber').first().waitFor();
    assert.deepEqual(await kpi(page, "Company", "Revenue"), ["Company", "Revenue", "Financial", money(company), money(companyTarget * 100), "At risk"]);
    assert.deepEqual(await kpi(page, `Sales rep: ${rep}`, "Revenue"), [`Sales rep: ${rep}`, "Revenue", "Financial", money(repRevenue), money(repTarget * 100), "On track"]);
  };
  await checkStatuses();
  // The sample has no interviews yet: said so, not zero.
  assert.deepEqual((await kpi(page, "Company", "Satisfaction")).slice(3), ["no interviews of these customers (Interviews page)", "", ""]);
  await page.locator('[data-chart="strategy-map"] svg').waitFor();
  assert.match(await page.locator('[data-chart="strategy-map"] svg').innerHTML(), /At risk/);
  await screenshot(page, "scorecard-en");
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target.join(" ")})`), []);

  // Kept with the workspace: after a reload the same targets and statuses.
  await page.getByTestId("save-status").filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30000 });
  await page.reload();
  await appReady(page);
  await page.getByTestId("cell-kpi-targets-1-unit").waitFor();
  assert.deepEqual(await targetCells(page), expected);
  await checkStatuses();

  // Out as XLSX, cleared, and back from the workbook intact.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("xlsx-kpi-targets").click()]);
  assert.equal(download.suggestedFilename(), "kpi-targets.xlsx");
  const workbook = join(dir, "kpi-targets.xlsx");
  await download.saveAs(workbook);
  for (let i = 0; i < 2; i++) await page.getByRole("button", { name: "Remove row 1" }).last().click();
  await page.getByTestId("save-tables").click();
  await page.getByTestId("tables-saved").waitFor();
  assert.deepEqual(await targetCells(page), []);
  await page.waitForFunction(() => document.querySelector('table[data-table="kpi-cascade"]') && !document.querySelector('table[data-table="kpi-cascade"] td.status'));
  assert.equal((await kpi(page, "Company", "Revenue"))[4], "", "no target once cleared");
  await page.getByTestId("import-kpi-targets").setInputFiles(workbook);
  await page.getByTestId("cell-kpi-targets-1-unit").waitFor();
  assert.deepEqual(await targetCells(page), expected);
  await checkStatuses();
  assert.deepEqual(problems, []);
  await context.close();
});

test("the page in Dutch and at 800 px", async () => {
  const { page, context, problems } = await loadSample(browser, server.origin, { locale: "nl-NL" });
  await page.setViewportSize({ width: 800, height: 900 });
  await page.goto(`${server.origin}/scorecard`);
  await appReady(page);
  await page.getByTestId("scorecard-window").filter({ hasText: "lopende periode 2025" }).waitFor();
  await page.locator('[data-chart="strategy-map"] svg').waitFor();
  assert.match(await page.locator('table[data-table="kpi-cascade"] caption').textContent(), /KPI-cascade 2025/);
  await screenshot(page, "scorecard-nl-800");
  await page.locator('[data-chart="strategy-map"]').screenshot({ path: join(ARTIFACTS, "scorecard-strategy-map-nl.png") });
  assert.deepEqual(problems, []);
  await context.close();
});

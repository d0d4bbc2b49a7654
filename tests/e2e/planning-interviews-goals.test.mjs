// The Interviews and Goals pages on the sample ledger (issue 15). Two interviews are entered in
// the form and a company goal and one bottom-up target on the Goals page; the page's NPS, shares,
// potential and gap are checked against figures worked out here by hand, from the customers'
// revenue in the sample's latest year (summed from the sample `clientele sample` writes: the only
// ledger numbers used). The tables survive a reload, go out as an XLSX workbook, are cleared and
// come back intact from it; a bad CSV is refused in Dutch naming its line and column.
// CLIENTELE_CLI may name a built `clientele` binary; otherwise it is run with cargo (release).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { startServer, launch, appReady, loadSample, screenshot, ARTIFACTS, clientele, csvCells } from "./harness.mjs";

let server, browser, revenue, latestYear, names;



/** Revenue in cents per customer key in each year of the sample, and each key's name. */
function readSample(csv) {
  const [header, ...lines] = csv.trim().split("\n");
  const columns = csvCells(header).map((h) => h.trim().toLowerCase());
  const [c, d, a, n] = ["customer", "date", "amount", "customer_name"].map((x) => columns.indexOf(x));
  assert.ok(c >= 0 && d >= 0 && a >= 0 && n >= 0, `sample header: ${header}`);
  const byYear = new Map();
  names = new Map();
  for (const line of lines) {
    const row = csvCells(line);
    if (row[n]) names.set(row[c], row[n]);
    const year = Number(row[d].slice(0, 4));
    const cents = Math.round(Number(row[a]) * 100);
    if (!byYear.has(year)) byYear.set(year, new Map());
    const year_map = byYear.get(year);
    year_map.set(row[c], (year_map.get(row[c]) ?? 0) + cents);
  }
  return byYear;
}

/** How the pages show a customer: its name, or its key when it has none. */
const shown = (key) => names.get(key) || key;

before(async () => {
  const byYear = readSample(clientele(["sample"]));
  latestYear = Math.max(...byYear.keys());
  revenue = byYear.get(latestYear);
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

async function saved(page) {
  await page.getByTestId("tables-saved").waitFor();
  await page.waitForTimeout(300);
  await page.getByTestId("save-status").filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30000 });
}

/** Fills the interview form and adds it. */
async function interview(page, values) {
  for (const [field, value] of Object.entries(values)) await page.getByTestId(`interview-${field}`).fill(value);
  await page.getByTestId("add-interview").click();
  await saved(page);
}

/** Downloads the page's workbook into the artifacts. */
async function download(page, file) {
  await mkdir(ARTIFACTS, { recursive: true });
  const [event] = await Promise.all([page.waitForEvent("download"), page.getByTestId(`xlsx-${file}`).click()]);
  assert.equal(event.suggestedFilename(), `${file}.xlsx`);
  const path = join(ARTIFACTS, `${file}.xlsx`);
  await event.saveAs(path);
  return path;
}

test("interviews and a goal entered on the pages give the hand-worked figures and come back from XLSX", async () => {
  const { page, context, problems } = await loadSample(browser, server.origin);
  // A: the customer with most revenue in the latest year; B: the one ranked 100th.
  const ranked = [...revenue.entries()].filter(([, c]) => c > 0).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const [[a, revA], [b, revB]] = [ranked[0], ranked[99]];
  // A's wallet: four times its revenue rounded up to whole units, so its share is just below 25 %.
  const walletA = Math.ceil((revA * 4) / 100) * 100;
  // B's wallet: half its revenue rounded down to whole units: above the wallet, share over 200 %.
  const walletB = Math.floor(revB / 2 / 100) * 100;

  await page.goto(`${server.origin}/interviews`);
  await appReady(page);
  await page.locator('[data-reason="NoInterviews"]').waitFor();
  await interview(page, { customer: a, date: `${latestYear}-06-01`, satisfaction: "8", recommend: "10", wallet: String(walletA / 100) });
  await interview(page, { customer: b, date: `${latestYear}-06-15`, satisfaction: "5", recommend: "8", wallet: String(walletB / 100) });

  // NPS over the two recommend scores: 10 a promoter, 8 a passive: 50 % - 0 % = 50.
  const checkInterviews = async () => {
    await page.getByTestId("nps").locator(".stat-value").filter({ hasText: /^50$/ }).waitFor();
    // Not yet captured: A's wallet - its revenue; B's revenue is above its wallet: 0.
    assert.equal(await page.getByTestId("uncaptured-total").locator(".stat-value").textContent(), money(walletA - revA));
    const latest = await rows(page, "interviews-latest");
    const share = (rev, wallet) => `${((rev / wallet) * 100).toFixed(1)} %`;
    const byName = Object.fromEntries(latest.map((r) => [r[0], r]));
    assert.deepEqual([byName[shown(a)][5], byName[shown(a)][6]], [money(revA), share(revA, walletA)]);
    assert.deepEqual([byName[shown(b)][5], byName[shown(b)][6]], [money(revB), share(revB, walletB)]);
    // Satisfied (8 >= 7) with a low share (< 50 %): a development candidate; B (5, > 200 %) at risk.
    assert.deepEqual((await rows(page, "development-candidates")).map((r) => r[0]), [shown(a)]);
    assert.deepEqual((await rows(page, "at-risk")).map((r) => r[0]), [shown(b)]);
  };
  await page.locator('table[data-table="interviews-latest"]').waitFor();
  await checkInterviews();
  assert.match(await page.locator("main").textContent(), /the wallet looks too low/);
  await screenshot(page, "interviews-en");

  // The goal: the proposed period (the year after the latest), 1,000,000.00 by last year's share.
  await page.goto(`${server.origin}/goals`);
  await appReady(page);
  await page.getByTestId("use-proposal").click();
  assert.equal(await page.getByTestId("cell-goal-0-from").inputValue(), `${latestYear + 1}-01-01`);
  await page.getByTestId("cell-goal-0-company_target").fill("1000000");
  await page.getByTestId("save-tables").click();
  await saved(page);
  await page.getByTestId("target-customer").fill(a);
  await page.getByTestId("target-amount").fill("50000");
  await page.getByTestId("add-target").click();
  await saved(page);

  // Top-down 1,000,000.00 against the one bottom-up target 50,000.00: a gap of 950,000.00, open.
  // A's top-down share: 100,000,000 cents x its revenue / everyone's positive revenue, floored or
  // given the one extra cent of the largest remainder.
  const total = [...revenue.values()].filter((c) => c > 0).reduce((s, c) => s + c, 0);
  const floorA = Number((100_000_000n * BigInt(revA)) / BigInt(total));
  const checkGoals = async () => {
    await page.getByTestId("company-bottom-up").locator(".stat-value").filter({ hasText: money(5_000_000) }).waitFor();
    assert.equal(await page.getByTestId("company-top-down").locator(".stat-value").textContent(), money(100_000_000));
    assert.equal(await page.getByTestId("company-bottom-up").locator(".stat-value").textContent(), money(5_000_000));
    assert.equal(await page.getByTestId("company-gap").locator(".stat-value").textContent(), money(95_000_000));
    assert.match(await page.getByTestId("company-gap").getAttribute("class"), /gap-open/);
    const customers = await rows(page, "goal-customers");
    const rowA = customers.find((r) => r[0] === shown(a));
    assert.ok(rowA, `A in the goal's customers: ${customers[0]}`);
    assert.equal(rowA[4], money(revA), "A's last-period revenue");
    // Column 6 is what the lifetime value models expect of A (their figures are tested natively).
    assert.match(rowA[6], /^\d{1,3}(,\d{3})*\.\d\d$/, "A's expected revenue by the lifetime value models");
    assert.ok([money(floorA), money(floorA + 1)].includes(rowA[8]), `A's top-down ${rowA[8]} from ${floorA}`);
    assert.equal(rowA[9], money(5_000_000));
  };
  await checkGoals();
  await screenshot(page, "goals-en");

  // Kept with the workspace: both pages show the same after a reload.
  await page.reload();
  await appReady(page);
  await page.locator('table[data-table="goal-customers"]').waitFor();
  await checkGoals();
  const goalsXlsx = await download(page, "goals");
  await page.goto(`${server.origin}/interviews`);
  await appReady(page);
  await page.locator('table[data-table="interviews-latest"]').waitFor();
  await checkInterviews();
  assert.equal(await page.getByTestId("cell-interviews-1-wallet").inputValue(), (walletB / 100).toFixed(2));
  const interviewsXlsx = await download(page, "interviews");

  // Cleared, then imported back from the workbooks: the same figures.
  await page.getByTestId("clear-interviews").click();
  await page.locator('[data-reason="NoInterviews"]').waitFor();
  await page.getByTestId("import-xlsx-interviews").setInputFiles(interviewsXlsx);
  await page.locator('table[data-table="interviews-latest"]').waitFor();
  await checkInterviews();
  await page.goto(`${server.origin}/goals`);
  await appReady(page);
  await page.locator('table[data-table="goal-customers"]').waitFor();
  await page.getByTestId("clear-goals").click();
  await page.getByTestId("use-proposal").waitFor();
  await page.getByTestId("import-xlsx-goals").setInputFiles(goalsXlsx);
  await checkGoals();

  // Dutch, at 800 px: the pages and a bad CSV refused naming its line and column.
  await page.selectOption("header select", "nl");
  await page.setViewportSize({ width: 800, height: 900 });
  await screenshot(page, "goals-nl-800");
  await page.goto(`${server.origin}/interviews`);
  await appReady(page);
  await page.locator('table[data-table="interviews-latest"]').waitFor();
  await screenshot(page, "interviews-nl-800");
  await page.getByTestId("import-interviews").setInputFiles({
    name: "enquete.csv", mimeType: "text/csv",
    buffer: Buffer.from(`customer,date,satisfaction,recommend\n${a},2025-06-01,8,9\n${b},2025-13-01,7,7\n`),
  });
  const error = await page.getByTestId("error-interviews").textContent();
  assert.match(error, /^enquete\.csv, regel 3, kolom date: '2025-13-01': geen datum/);
  await screenshot(page, "interviews-error-nl");
  assert.deepEqual(problems, []);
  await context.close();
});

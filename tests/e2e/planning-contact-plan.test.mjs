// The Contact Plan page on the sample ledger (issue 15). The norms are imported (one norm: each
// customer inactive in 2025 gets 4 calls of 15 minutes in 2026) and one is edited on the page (6
// calls); one rep's capacity is entered. The figures are worked out here, independently of the
// engine: the company's inactive customers of 2025 from `clientele analyze --json` (plumbing),
// the rep's own inactive customers from the sample's lines (no revenue in 2025, revenue in an
// earlier year), and the arithmetic by hand. An activity file written here gives the realised
// contacts (one of a customer the ledger lacks, reported). The tables survive a reload, go into
// one XLSX workbook, and come back intact after being cleared; a bad activity file is refused in
// Dutch naming its line and column.
// CLIENTELE_CLI may name a built `clientele` binary; otherwise it is run with cargo (release).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { startServer, launch, appReady, loadSample, screenshot, ARTIFACTS, clientele } from "./harness.mjs";

const REP = "Anna de Vries";
let server, browser, inactive2025, rep;


/** The rep's customers and those of them inactive in 2025, from the sample's lines. */
function repCustomers(csv, name) {
  const [header, ...lines] = csv.trim().split("\n");
  const col = Object.fromEntries(header.split(",").map((c, i) => [c, i]));
  const revenue = new Map(); // customer -> year -> sum
  const reps = new Map();
  for (const line of lines) {
    const cells = line.split(",");
    const customer = cells[col.customer];
    const year = cells[col.date].slice(0, 4);
    const years = revenue.get(customer) ?? new Map();
    years.set(year, (years.get(year) ?? 0) + Number(cells[col.amount]));
    revenue.set(customer, years);
    reps.set(customer, cells[col.sales_rep]);
  }
  const mine = [...reps].filter(([, r]) => r === name).map(([c]) => c);
  const isInactive = (c) => {
    const years = revenue.get(c);
    return !((years.get("2025") ?? 0) > 0) && [...years].some(([y, sum]) => y < "2025" && sum > 0);
  };
  // A customer with a level in 2025's pyramid bought (revenue above zero) in 2025 or before.
  const planned = mine.filter((c) => [...revenue.get(c)].some(([y, sum]) => y <= "2025" && sum > 0));
  return { customers: planned.length, inactive: mine.filter(isInactive).sort() };
}

before(async () => {
  const json = JSON.parse(clientele(["analyze", "--sample", "--json"]));
  inactive2025 = Number(json.pyramid["2025"].find((l) => l.level === "inactive").customers);
  rep = repCustomers(clientele(["sample"]), REP);
  server = await startServer();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const csvFile = (name, text) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
const number = (text) => Number(text.replaceAll(",", ""));

async function rows(page, table) {
  const locator = page.locator(`table[data-table="${table}"] tbody tr`);
  await locator.first().waitFor();
  return locator.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
}

const repRow = async (page) => (await rows(page, "contact-plan-reps")).find((r) => r[0] === REP);

/** Waits until the reps table's row of `expected[0]` shows `expected` (thousands separators left out). */
async function planShows(page, expected) {
  await page.waitForFunction((want) => [...document.querySelectorAll('table[data-table="contact-plan-reps"] tbody tr')]
    .some((tr) => JSON.stringify([...tr.children].map((c) => c.textContent.trim().replaceAll(",", ""))) === JSON.stringify(want)), expected);
}

/** Saves the editor's tables and waits until the engine kept them and storage saved them. */
async function save(page) {
  await page.getByTestId("save-tables").click();
  await page.getByTestId("tables-saved").waitFor();
}

test("a contact plan entered on the page: hours and load by hand, kept, down and back as XLSX", async () => {
  assert.ok(rep.inactive.length >= 2 && inactive2025 > 0, `${REP}: ${JSON.stringify(rep)}, ${inactive2025}`);
  const { page, context, problems } = await loadSample(browser, server.origin);
  await page.goto(`${server.origin}/contact-plan`);
  await appReady(page);
  await page.getByTestId("default-norms").waitFor();
  assert.match(await page.getByTestId("plan-title").textContent(), /^Contact plan for 2026, from the pyramid of 2025$/);

  // Norms: one imported, then edited on the page; the rep's capacity typed in.
  await page.getByTestId("import-contact-norms").setInputFiles(csvFile("norms.csv", "level,contact_type,per_year,minutes\ninactive,call,4,15\n"));
  await page.getByTestId("cell-contact-norms-0-per_year").waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="editor-contact-norms"] tbody tr').length === 1);
  await page.getByTestId("cell-contact-norms-0-per_year").fill("6");
  await page.getByTestId("add-capacity").click();
  // n inactive customers: 6n calls x 15 minutes = 1.5n hours; a capacity of n hours is 150 %.
  const n = rep.inactive.length;
  await page.getByTestId("cell-capacity-0-sales_rep").fill(REP);
  await page.getByTestId("cell-capacity-0-hours_per_year").fill(String(n));
  // Saved before the import: an import replaces the editor's rows with the tables kept.
  await save(page);
  // Realised in 2026: two of the rep's inactive customers, 30 + 45 minutes and a blank (the
  // norm's 15): 3 contacts, 90 minutes = 1.50 hours; one contact of a customer the ledger lacks.
  const [a, b] = rep.inactive;
  const activities = `customer,date,type,minutes\n${a},2026-01-12,visit,30\n${a},2026-02-03,call,45\n${b},05-03-2026,Telefoon,\nNOBODY,2026-01-20,bezoek,10\n`;
  await page.getByTestId("import-contacts").setInputFiles(csvFile("activities.csv", activities));
  await page.getByTestId("cell-contacts-3-customer").waitFor();
  await save(page);

  const expected = [REP, String(rep.customers), String(6 * n), (1.5 * n).toFixed(2), n.toFixed(2), "150.0 %: over capacity", "3", "1.50"];
  await planShows(page, expected);
  const shown = await repRow(page);
  assert.deepEqual(shown.map((c) => c.replaceAll(",", "")), expected);
  // Every inactive customer of 2025 is planned 6 calls: the reps' planned contacts add up.
  const all = await rows(page, "contact-plan-reps");
  assert.equal(all.reduce((sum, r) => sum + number(r[2]), 0), 6 * inactive2025);
  // Another rep keeps the default 800 hours.
  assert.ok(all.some((r) => r[0] !== REP && r[4] === "800.00 (default)"), JSON.stringify(all.slice(0, 3)));
  assert.match(await page.getByTestId("unknown-customers").textContent(), /^Contacts with customers the ledger does not have are not counted \(1\): NOBODY\.$/);
  // The rep's months: January holds a's visit; the load of a month is its planned minutes over
  // n x 60 / 12 = 5n minutes; 6n calls spread over 12 months are n/2 a month when n is even.
  const repIndex = all.findIndex((r) => r[0] === REP);
  await page.getByTestId("plan-rep").selectOption(String(repIndex));
  await page.locator('table[data-table="contact-plan-months"] caption', { hasText: REP }).waitFor();
  const months = await rows(page, "contact-plan-months");
  assert.equal(months.length, 12);
  assert.deepEqual(months[0].slice(0, 1).concat(months[0].slice(5)), ["2026-01", "1", "0.50"]);
  assert.equal(months.reduce((s, m) => s + number(m[1]), 0), 6 * n, "the months add up to the year");
  if (n % 2 === 0) assert.equal(months[0][4], "150.0 %: over capacity");
  await page.locator('[data-chart="contact-plan-hours"] svg').waitFor();
  await screenshot(page, "contact-plan-en");
  await page.getByTestId("contact-tables").screenshot({ path: join(ARTIFACTS, "contact-plan-tables-en.png") });

  // Kept with the workspace: the same after a reload.
  await page.getByTestId("save-status").filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30000 });
  await page.reload();
  await appReady(page);
  await page.locator('table[data-table="contact-plan-reps"]').waitFor();
  assert.deepEqual(await repRow(page), shown, "the same plan after a reload");
  assert.equal(await page.getByTestId("cell-contact-norms-0-per_year").inputValue(), "6");
  assert.equal(await page.getByTestId("cell-capacity-0-hours_per_year").inputValue(), `${n}.00`);

  // Down as one workbook; cleared; back in: the same tables and the same plan.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("xlsx-contact-plan").click()]);
  assert.equal(download.suggestedFilename(), "contact-plan.xlsx");
  const xlsx = await readFile(await download.path());
  for (const table of ["contact-norms", "capacity", "contacts"]) {
    const remove = page.locator(`[data-testid="editor-${table}"] tbody tr button`);
    while (await remove.count() > 0) await remove.first().click();
  }
  await save(page);
  await page.getByTestId("default-norms").waitFor();
  assert.equal(await page.locator('[data-testid="editor-contacts"] tbody tr').count(), 0);
  await page.getByTestId("import-xlsx-contact-plan").setInputFiles({ name: "contact-plan.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: xlsx });
  await page.getByTestId("cell-contacts-3-customer").waitFor();
  await page.getByTestId("default-norms").waitFor({ state: "detached" });
  assert.equal(await page.getByTestId("cell-contact-norms-0-per_year").inputValue(), "6");
  assert.equal(await page.getByTestId("cell-contacts-2-date").inputValue(), "2026-03-05");
  assert.equal(await page.getByTestId("cell-contacts-2-minutes").inputValue(), "");
  await planShows(page, expected);
  assert.deepEqual(await repRow(page), shown, "the same plan after the workbook came back");

  // Dutch, and 800 px wide.
  await page.selectOption("header select", "nl");
  await page.locator("main h1", { hasText: "Contactplan" }).waitFor();
  await screenshot(page, "contact-plan-nl");
  await page.setViewportSize({ width: 800, height: 900 });
  await screenshot(page, "contact-plan-800");

  // A bad activity file: refused in Dutch, naming its line and column; the contacts are kept.
  await page.getByTestId("import-contacts").setInputFiles(csvFile("activiteiten.csv", "customer,date,type,minutes\nX,2026-01-02,bezoek,\nY,2026-13-01,telefoon,\n"));
  const error = await page.getByTestId("error-contacts").textContent();
  assert.equal(error, "activiteiten.csv, regel 3, kolom date: '2026-13-01': geen datum; schrijf hem als JJJJ-MM-DD (bijv. 2025-03-31) of DD-MM-JJJJ");
  assert.equal(await page.getByTestId("cell-contacts-0-customer").inputValue(), a);
  await page.getByTestId("contact-tables").screenshot({ path: join(ARTIFACTS, "contact-plan-error-nl.png") });
  assert.deepEqual(problems, []);
  await context.close();
});

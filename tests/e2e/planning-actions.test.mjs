// Actions planned from the customer lists (issue 15), end to end on the sample ledger: on Customer
// Flows an action for the latest year's lost customers (the count it says is the page's and the
// command line's, `clientele analyze --json`); on Migration one for the Big → Top cell; both on
// the Actions page with their follow-up, one figure of which is worked out here from the sample
// CSV itself (`clientele sample`): the realised revenue of the cell's customers since the start
// and their baseline, summed in this file's own JavaScript. The list survives a reload, downloads
// as XLSX, and once deleted comes back intact from that file.
//
// CLIENTELE_CLI may name a built `clientele` binary; otherwise it is run with cargo (release).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, launch, appReady, screenshot, loadSample, clientele } from "./harness.mjs";

let server, browser, cli, lines;


/** The sample CSV's lines as { customer, date, cents } (the importer's own header names). */
function sampleLines() {
  const [header, ...rows] = clientele(["sample"]).trim().split("\n");
  const names = header.replace(/^\uFEFF/, "").split(",");
  const at = (name) => names.findIndex((n) => n.toLowerCase() === name);
  const [customer, date, amount] = [at("customer"), at("date"), at("amount")];
  assert.ok(customer >= 0 && date >= 0 && amount >= 0, `sample header: ${header}`);
  // The sample's cells hold no commas or quotes (keys, ISO dates, amounts with a point).
  return rows.map((row) => row.split(",")).map((cells) => ({
    customer: cells[customer],
    date: cells[date],
    cents: Math.round(Number(cells[amount]) * 100),
  }));
}

before(async () => {
  cli = JSON.parse(clientele(["analyze", "--sample", "--json"]));
  lines = sampleLines();
  server = await startServer();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

async function saved(page) {
  await page.waitForTimeout(300);
  await page.getByTestId("save-status").filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30000 });
}

/** Opens the "add to actions" control `name`, checks its suggestion, fills it in and adds. */
async function addAction(page, name, { what, whom, owner, start, due, expected }) {
  await page.getByTestId(`add-action-open-${name}`).click();
  const form = page.getByTestId("action-form");
  await form.waitFor();
  assert.equal(await page.getByTestId("action-form-what").inputValue(), what, "the suggested what");
  assert.equal(await page.getByTestId("action-form-whom").textContent(), whom);
  await page.getByTestId("action-form-owner").fill(owner);
  await page.getByTestId("action-form-start").fill(start);
  await page.getByTestId("action-form-due").fill(due);
  await page.getByTestId("action-form-expected").fill(expected);
  await page.getByTestId("action-form-add").click();
  await page.getByTestId("action-added").waitFor();
  await saved(page);
}

/** What the Actions page lists: per row what, planned on, owner, and the follow-up's cents. */
async function listed(page) {
  await page.locator('table[data-table="actions"] tbody tr').first().waitFor();
  return page.locator('table[data-table="actions"] tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    what: tr.querySelector("th").childNodes[0].textContent.trim(),
    origin: tr.querySelector('[data-testid^="action-origin-"]').textContent.trim(),
    owner: tr.querySelector('[data-testid^="action-owner-"]').value,
    realised: tr.querySelector('[data-testid^="action-realised-"]')?.dataset.cents,
    baseline: tr.querySelector('[data-testid^="action-baseline-"]')?.dataset.cents,
  })));
}

test("actions from Flows and Migration are followed up against revenue, kept, exported and imported back", async () => {
  const { page, context, problems } = await loadSample(browser, server.origin);
  const latest = Object.keys(cli.flows).at(-1);

  // Flows: the lost customers of the latest year, as many as the table and the command line say.
  await page.goto(`${server.origin}/flows`);
  await appReady(page);
  const lost = cli.flows[latest].lost;
  const count = lost.toLocaleString("en-US");
  await page.getByTestId("flows-lost-count").waitFor();
  assert.equal(await page.getByTestId("flows-lost-count").textContent(), count);
  const row = await page.locator('table[data-table="flows"] tbody tr').filter({ hasText: latest }).locator("td").nth(1).textContent();
  assert.equal(row.trim(), count, "the flows table's lost count for the year");
  await addAction(page, "flows-lost", {
    what: `Reactivate the inactive customers (${count})`,
    whom: `For the list's customers (${count}): the whole list as shown with the filters above.`,
    owner: "Iris", start: "2025-07-01", due: "2026-01-31", expected: "1000",
  });
  await screenshot(page, "planning-actions-flows");

  // Migration: the Big → Top cell of the latest year.
  await page.goto(`${server.origin}/migration?cell=big-top`);
  await appReady(page);
  const cell = cli.migration[latest].find((c) => c.from === "big" && c.to === "top");
  assert.ok(cell && cell.customers > 0, "the sample has customers moving from Big to Top");
  const moved = cell.customers.toLocaleString("en-US");
  await page.getByTestId("add-action-open-migration-cell").waitFor();
  await addAction(page, "migration-cell", {
    what: `Migration Big → Top: the customers (${moved})`,
    whom: `For the list's customers (${moved}): the whole list as shown with the filters above.`,
    owner: "Bram", start: "2025-07-01", due: "", expected: "500",
  });
  const keys = await page.locator('table[data-table="migration-customers"] tbody tr td:nth-child(2)').allTextContents();
  assert.equal(keys.length, cell.customers, "the cell's customers are all drawn (fewer than 500)");

  // The Actions page: both, with their follow-up. From 2025-07-01 to the ledger's last day,
  // 2025-12-31, is 184 days; the baseline is the 184 days before: 2024-12-29 to 2025-06-30.
  await page.goto(`${server.origin}/actions`);
  await appReady(page);
  const shown = await listed(page);
  assert.deepEqual(shown.map((r) => [r.what, r.origin, r.owner]), [
    [`Reactivate the inactive customers (${count})`, "Customer Flows", "Iris"],
    [`Migration Big → Top: the customers (${moved})`, "Migration", "Bram"],
  ]);
  const members = new Set(keys.map((k) => k.trim()));
  const sum = (from, to) => lines.filter((l) => members.has(l.customer) && l.date >= from && l.date <= to)
    .reduce((total, l) => total + l.cents, 0);
  assert.equal(Number(shown[1].realised), sum("2025-07-01", "2025-12-31"), "realised since the start, from the sample CSV");
  assert.equal(Number(shown[1].baseline), sum("2024-12-29", "2025-06-30"), "the baseline, from the sample CSV");
  await screenshot(page, "planning-actions-en");
  await page.selectOption("header select", "nl");
  await page.locator("main h1").filter({ hasText: "Acties" }).waitFor();
  await screenshot(page, "planning-actions-nl");
  await page.setViewportSize({ width: 800, height: 1000 });
  await screenshot(page, "planning-actions-nl-800");
  await page.selectOption("header select", "en");
  await page.setViewportSize({ width: 1280, height: 860 });

  // Kept after a reload.
  await page.reload();
  await appReady(page);
  assert.deepEqual(await listed(page), shown);

  // Downloaded as XLSX, deleted, imported back: intact.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("actions-xlsx").click()]);
  assert.equal(download.suggestedFilename(), "actions.xlsx");
  const file = join(await mkdtemp(join(tmpdir(), "clientele-actions-")), "actions.xlsx");
  await download.saveAs(file);
  await page.getByTestId("action-remove-0").click();
  await page.locator('[data-testid="action-1"]').waitFor({ state: "detached" });
  await page.getByTestId("action-remove-0").click();
  await page.getByTestId("no-actions").waitFor();
  await saved(page);
  await page.getByTestId("actions-import").setInputFiles(file);
  await page.getByTestId("actions-imported").waitFor();
  assert.deepEqual(await listed(page), shown, "the imported list is the one downloaded");
  await saved(page);
  await page.reload();
  await appReady(page);
  assert.deepEqual(await listed(page), shown, "and it is kept");
  assert.deepEqual(problems, []);
  await context.close();
});

// The Profitability page on the sample ledger: cost pools entered in the page's editor (one
// `revenue` pool, one `time` pool with an activity per customer) give the account the native
// command line computes from the same pools (`clientele profit` on the sample written by
// `clientele sample`: plumbing), and a figure worked out independently: the time pool's
// allocation = rate x minutes = (3,000,000 / 100,000 minutes) x 60 minutes x the active
// customers, counted on the Pyramid page. The pools survive a reload (kept with the workspace),
// and a bad pools CSV is refused in Dutch naming its line and column.
// CLIENTELE_CLI may name a built `clientele` binary; otherwise it is run with cargo (release).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, launch, openApp, appReady, screenshot, ARTIFACTS, clientele } from "./harness.mjs";

const POOLS = [["Marketing", "2000000", "revenue", ""], ["Service", "3000000", "time", "100000"]];
const ACTIVITY = ["Service", "Account review", "customer", "60"];
let server, browser, cli;


before(async () => {
  const dir = await mkdtemp(join(tmpdir(), "clientele-profit-"));
  const csv = (header, rows) => [header, ...rows.map((r) => r.join(","))].join("\n") + "\n";
  await writeFile(join(dir, "sample.csv"), clientele(["sample"]));
  await writeFile(join(dir, "pools.csv"), csv("pool,amount,driver,capacity_minutes", POOLS));
  await writeFile(join(dir, "activities.csv"), csv("pool,activity,driver,minutes", [ACTIVITY]));
  cli = JSON.parse(clientele(["profit", join(dir, "sample.csv"), "--costs", join(dir, "pools.csv"),
    "--activities", join(dir, "activities.csv"), "--json"]));
  server = await startServer();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const money = (x) => x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const number = (text) => Number(text.replaceAll(",", ""));
const LEVELS = { top: "Top", big: "Big", medium: "Medium", small: "Small", inactive: "Inactive" };

async function rows(page, table) {
  const locator = page.locator(`table[data-table="${table}"] tbody tr`);
  await locator.first().waitFor();
  return locator.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
}

/** Types the rows into an editor table (`cost-pools` or `activities`), adding rows as needed. */
async function enter(page, table, entries) {
  for (const [row, cells] of entries.entries()) {
    await page.getByTestId(`add-${table}`).click();
    const keys = table === "cost-pools" ? ["pool", "amount", "driver", "capacity_minutes"] : ["pool", "activity", "driver", "minutes"];
    for (const [i, key] of keys.entries()) {
      const cell = page.getByTestId(`cell-${table}-${row}-${key}`);
      if (key === "driver") await cell.selectOption(cells[i]);
      else await cell.fill(cells[i]);
    }
  }
}

test("pools entered on the page give the command line's account and survive a reload", async () => {
  const { page, context, problems } = await openApp(browser, server.origin, "/");
  await appReady(page);
  await page.getByTestId("try-sample").click();
  await page.locator("table.table-summary").waitFor();
  await page.getByTestId("storage-saved").waitFor();

  // The active customers of the latest year, as the Pyramid page counts them.
  await page.goto(`${server.origin}/pyramid`);
  await appReady(page);
  const levels = await rows(page, "pyramid-levels");
  const active = levels.filter((r) => ["Top", "Big", "Medium", "Small"].includes(r[0])).reduce((n, r) => n + number(r[1]), 0);
  assert.ok(active > 0, `active customers: ${JSON.stringify(levels)}`);

  await page.goto(`${server.origin}/profitability`);
  await appReady(page);
  await page.locator('[data-reason="NoCostPools"]').waitFor();
  await enter(page, "cost-pools", POOLS);
  await enter(page, "activities", [ACTIVITY]);
  await page.getByTestId("save-tables").click();
  await page.getByTestId("tables-saved").waitFor();

  const pools = await rows(page, "cost-pools-allocated");
  assert.deepEqual(pools.map((r) => [r[0], r[2], r[3], r[4]]),
    cli.pools.map((p) => [p.pool, money(p.amount), money(p.allocated), money(p.unused)]));
  // Independently: 30.00 a minute x 60 minutes x each active customer (Pyramid page).
  assert.equal(pools[1][3], money(30 * 60 * active));
  assert.equal(pools[1][4], money(3_000_000 - 30 * 60 * active));
  const expectedLevels = cli.levels.map((l) => [LEVELS[l.level], l.customers.toLocaleString("en-US"), money(l.revenue),
    money(l.gross_margin), money(l.cost_to_serve), money(l.net_profit)]);
  const shownLevels = await rows(page, "profit-levels");
  assert.deepEqual(shownLevels, expectedLevels);
  const w = cli.whale;
  const pct = (s) => `${(s * 100).toFixed(1)} %`;
  assert.equal(await page.getByTestId("whale-statement").locator(".stat-value").textContent(),
    `The most profitable ${w.peak_customers.toLocaleString("en-US")} customers make ${pct(w.peak_share)} of profit; the other ${(w.customers - w.peak_customers).toLocaleString("en-US")} lose ${pct(w.peak_share - 1)}.`);
  assert.equal(await page.getByTestId("top20-statement").textContent(),
    `The top 20 % (${w.top20_customers} customers) make ${pct(w.top20_profit_share)} of profit.`);
  assert.equal(number(await page.getByTestId("loss-makers-count").locator(".stat-value").textContent()), w.loss_making_customers);
  await page.locator('[data-chart="whale"] svg').waitFor();
  const losers = await rows(page, "loss-makers");
  assert.equal(losers[0][2], "Service", "the time pool costs the smallest customers most");
  const worst = cli.customers.filter((c) => c.net_profit < 0).sort((a, b) => a.net_profit - b.net_profit)[0];
  assert.deepEqual(losers[0].slice(0, 2), [worst.customer, money(worst.net_profit)], "the largest loss first");
  assert.ok(await page.locator('table[data-table="loss-makers"] a.customer-link').first().getAttribute("href").then((h) => h.includes("/customers/")));
  await screenshot(page, "profitability-en");
  // The accessibility harness audits the page before pools exist; this audits the account.
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target.join(" ")})`), []);
  await page.getByTestId("tables-editor").screenshot({ path: join(ARTIFACTS, "profitability-editor-en.png") });
  await page.locator('[data-chart="whale"]').screenshot({ path: join(ARTIFACTS, "profitability-whale-en.png") });

  // The tables went into the saved workspace (the header says Saving…, then Saved).
  await page.waitForTimeout(300);
  await page.getByTestId("save-status").filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30000 });
  await page.reload();
  await appReady(page);
  assert.deepEqual(await rows(page, "cost-pools-allocated"), pools, "the same account after a reload");
  assert.equal(await page.getByTestId("cell-cost-pools-1-capacity_minutes").inputValue(), "100000.00");
  await page.selectOption("header select", "nl");
  await page.locator('table[data-table="cost-pools-allocated"]').waitFor();
  await screenshot(page, "profitability-nl");
  await page.setViewportSize({ width: 800, height: 900 });
  await screenshot(page, "profitability-800");
  await page.locator("main").screenshot({ path: join(ARTIFACTS, "profitability-800-main.png"), clip: { x: 0, y: 0, width: 800, height: 1400 } });

  // A bad pools file: refused in Dutch, naming its line and column; the pools are kept.
  await page.getByTestId("import-cost-pools").setInputFiles({
    name: "kosten.csv", mimeType: "text/csv",
    buffer: Buffer.from("pool,amount,driver,capacity_minutes\nSales,100,line,\nService,12x,time,600\n"),
  });
  const error = await page.getByTestId("error-cost-pools").textContent();
  assert.match(error, /^kosten\.csv, regel 3, kolom amount: '12x': geen getal/);
  assert.equal(await page.getByTestId("cell-cost-pools-0-pool").inputValue(), "Marketing");
  await screenshot(page, "profitability-error-nl");
  await page.getByTestId("tables-editor").screenshot({ path: join(ARTIFACTS, "profitability-editor-error-nl.png") });
  assert.deepEqual(problems, []);
  await context.close();
});

// The Lifetime Value page on the sample ledger: the parameters of both purchase models and
// Gamma-Gamma, a customer table whose P(alive) is a probability and whose customers link to their
// page, the holdout charts with their tables, a refit when the time unit changes, Dutch labels, and
// photographs in English, Dutch and at 800 px.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import AxeBuilder from "@axe-core/playwright";
import { startServer, launch, openApp, appReady, screenshot, loadSample } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// The fits run in the worker; a debug build takes its time.
const FIT = { timeout: 600000 };

async function withSample(path) {
  const app = await loadSample(browser, server.origin);
  await app.page.goto(server.origin + path);
  await appReady(app.page);
  return app;
}

async function rows(page, table) {
  const locator = page.locator(`table[data-table="${table}"] tbody tr`);
  await locator.first().waitFor(FIT);
  return locator.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
}

/** axe-core's WCAG 2.1 A and AA violations of the drawn page (as accessibility.test.mjs audits every
 * page; here once the slow fit is drawn, which a debug build takes minutes for). */
async function violations(page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations.map((v) => `${v.id}: ${v.help}; e.g. ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

/** A share as the page shows it ("87.3 %" or "87,3 %") as a number. */
const share = (text) => Number(text.replace(" %", "").replace(",", ".")) / 100;

test("lifetime value: parameters, customers, holdout, a refit per time unit, Dutch", { timeout: 1800000 }, async () => {
  const { page, context, problems } = await withSample("/lifetime-value");
  const params = await rows(page, "clv-parameters");
  assert.deepEqual(params.map((r) => r[0]), ["BG/NBD", "Pareto/NBD", "Gamma-Gamma"]);
  assert.match(params[0][1], /^r [\d.]+ · α [\d.]+ · a [\d.]+ · b [\d.]+$/);
  assert.match(params[1][1], /^r [\d.]+ · α [\d.]+ · s [\d.]+ · β [\d.]+$/);
  for (const row of params) assert.match(row[2], /^-[\d.]+$/, `${row[0]} log-likelihood`);
  assert.match(await page.getByTestId("clv-calibration").textContent(), /2024-12-31 \(the default/);
  // The sample's customers all lapse with the same chance, so Pareto/NBD's s stops at its ceiling, and
  // the page says what that means.
  assert.match(await page.getByTestId("clv-alike-dropout").textContent(), /drop-out rates do not differ/);

  const customers = await rows(page, "clv-customers");
  const first = customers[0];
  const alive = share(first[5]);
  assert.ok(alive >= 0 && alive <= 1, `P(alive) ${first[5]}`);
  assert.ok(await page.locator('table[data-table="clv-customers"] tbody tr').first().locator("a[href*='/customers/']").count() === 1);
  assert.ok((await rows(page, "clv-levels")).length > 0);
  assert.ok((await rows(page, "clv-cohorts")).length > 0);
  await page.locator('[data-chart="clv-holdout"] svg').waitFor();
  await page.locator('[data-chart="clv-tracking"] svg').waitFor();
  const holdout = await rows(page, "clv-holdout");
  assert.equal(holdout[0][0], "0");
  assert.ok((await rows(page, "clv-p-alive")).length === 8);
  assert.ok((await rows(page, "clv-simple")).length > 0);
  assert.deepEqual(await violations(page), [], "accessible in English");
  assert.equal(await page.getByTestId("clv-calibration-end").inputValue(), "2024-12-31", "the input shows the default");
  assert.equal(await page.getByTestId("clv-horizon").inputValue(), "52");
  await screenshot(page, "lifetime-value-en");
  await page.setViewportSize({ width: 800, height: 860 });
  await screenshot(page, "lifetime-value-800");
  await page.setViewportSize({ width: 1280, height: 860 });

  // Another time unit is another fit: T of the first customer is then in months.
  await page.getByTestId("clv-unit").selectOption("month");
  await page.waitForURL(/unit=month/);
  let refitted = customers;
  for (let tries = 0; tries < 6000 && refitted[0][4] === customers[0][4]; tries++) {
    await page.waitForTimeout(100);
    refitted = await rows(page, "clv-customers");
  }
  assert.notEqual(refitted[0][4], customers[0][4], "T in months differs from T in weeks");
  assert.match((await page.locator('table[data-table="clv-customers"] thead').textContent()), /months/);

  await page.selectOption("header select", "nl");
  await page.locator("main h1").first().waitFor();
  assert.equal(await page.locator("main h1").first().textContent(), "Levensduurwaarde");
  assert.match(await page.locator('table[data-table="clv-parameters"] thead').textContent(), /Parameters/);
  assert.match(await page.locator('table[data-table="clv-customers"] thead').textContent(), /P\(actief\)/);
  assert.match(await page.getByTestId("clv-calibration").textContent(), /Geschat op de aankopen tot en met/);
  assert.deepEqual(await violations(page), [], "accessible in Dutch");
  await screenshot(page, "lifetime-value-nl");
  assert.deepEqual(problems, []);
  await context.close();
});

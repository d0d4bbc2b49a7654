// "Try with sample data": one click loads the built-in ledger, its summary is shown in the
// user's locale, and the choice survives a reload.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, openApp, appReady, screenshot } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function summary(page) {
  const rows = await page.locator("table.table-summary tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector("th").textContent, tr.querySelector("td").textContent]));
  return Object.fromEntries(rows);
}

test("one click loads the sample ledger and shows its summary", async () => {
  const { page, context, problems } = await openApp(browser, server.origin, "/");
  await appReady(page);
  assert.equal(await page.getByTestId("workspace-status").textContent(), "No ledger loaded");
  const started = Date.now();
  await page.getByTestId("try-sample").click();
  await page.locator("table.table-summary").waitFor();
  const took = Date.now() - started;
  console.log(`sample ledger loaded and shown in ${took} ms`);
  await page.waitForURL(`${server.origin}/data`);
  const s = await summary(page);
  // The sample's promise (issue 2): 2,000 customers, 40 products, five calendar years 2021-2025.
  assert.equal(s["Customers"], "2,000");
  assert.equal(s["Products"], "40");
  assert.match(s["First date"], /^2021-01-0\d$/);
  assert.match(s["Last date"], /^2025-12-\d\d$/);
  assert.match(s["Invoice lines"], /^\d{2,3},\d{3}$/);
  assert.match(s["Credited"], /^-[\d,]+\.\d\d$/);
  assert.equal(await page.getByTestId("workspace-status").textContent(), "Sample ledger (fictitious company)");
  await screenshot(page, "data-sample");
  assert.deepEqual(problems, []);

  await page.getByTestId("storage-saved").waitFor();
  await page.reload();
  await appReady(page);
  await page.locator("table.table-summary").waitFor();
  assert.equal((await summary(page))["Customers"], "2,000", "the sample is back after a reload");

  await page.selectOption("header select", "nl");
  const nl = await summary(page);
  assert.equal(nl["Klanten"], "2.000");
  assert.match(nl["Gecrediteerd"], /^-[\d.]+,\d\d$/);
  assert.match(nl["Eerste datum"], /^0\d-01-2021$/);
  await screenshot(page, "data-sample-nl");

  await page.getByRole("button", { name: "Dit grootboek sluiten" }).click();
  await page.locator("table.table-summary").waitFor({ state: "detached" });
  assert.equal(await page.getByTestId("workspace-status").textContent(), "Geen grootboek geladen");
  await context.close();
});

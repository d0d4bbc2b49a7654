// Blank cells and controls that must mean something (issue 19): a blank sales rep, product group or
// department is no value, offered last as "No sales rep" / "No department" and selectable; the
// Cohorts page, whose table covers every year, has no year picker that would change nothing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, openApp, appReady, screenshot } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Revenue 2025: A 1000 + 500 (Ann), B 800 + 200 (no rep, no department), C 300 (Ann) + 600 (no
// rep), D 100 (nothing). Lines without a product group: A 500, C 600, D 100.
const BLANKS = [
  "customer,date,amount,sales rep,product group,department",
  "A,2025-03-01,1000,Ann,Tools,North",
  "A,2025-04-01,500,Ann,,North",
  "B,2025-03-01,800,,Tools,",
  "B,2025-05-01,200,,Food,",
  "C,2025-06-01,300,Ann,Food,South",
  "C,2025-07-01,600,,,South",
  "D,2025-08-01,100,,,",
].join("\n") + "\n";

async function rows(page, table) {
  const locator = page.locator(`table[data-table="${table}"] tbody tr`);
  await locator.first().waitFor();
  return locator.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
}

/** The page at `path` with the ledger `content` imported and kept. */
async function withLedger(path, name, content) {
  const app = await openApp(browser, server.origin, "/data");
  await appReady(app.page);
  await app.page.getByTestId("ledger-files").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(content) });
  await app.page.getByTestId("import").click();
  await app.page.getByTestId("report").waitFor();
  await app.page.getByTestId("keep").click();
  await app.page.getByTestId("loaded").waitFor();
  await app.page.getByTestId("storage-saved").waitFor();
  await app.page.goto(server.origin + path);
  await appReady(app.page);
  return app;
}

test("blank sales reps and departments are 'No sales rep' and 'No department', listed last and selectable", async () => {
  const { page, context, problems } = await withLedger("/customer-views", "blanks.csv", BLANKS);
  const reps = page.getByTestId("filter-rep").locator("option");
  await reps.nth(1).waitFor({ state: "attached" });
  assert.deepEqual(await reps.allTextContents(), ["Ann", "No sales rep"]);
  const matrix = page.locator('table[data-table="customer-matrix"]');
  await matrix.locator("caption", { hasText: "· Ann ·" }).waitFor();
  // No column for the lines without a product group; revenue counts them (A 1,500, C 900).
  assert.deepEqual(await matrix.locator("thead th").allTextContents(), ["Name", "Level", "Revenue", "Tools", "Food"]);
  assert.deepEqual((await rows(page, "customer-matrix")).map((r) => [r[0], r[2]]), [["A", "1,500"], ["C", "900"]]);

  await page.getByTestId("filter-rep").selectOption({ label: "No sales rep" });
  await page.waitForURL(/rep=(&|$)/);
  await matrix.locator("caption", { hasText: "· No sales rep ·" }).waitFor();
  assert.deepEqual((await rows(page, "customer-matrix")).map((r) => r[0]), ["B", "D"]);
  // Small = B, C, D: D misses Tools (median of B's 800) and Food (median of 200 and 300); B buys
  // both named groups and is offered nothing for lines without a group.
  const space = (await rows(page, "white-space")).map((r) => [r[0], r[2], r[4]]);
  assert.deepEqual(space, [["D", "Tools", "800.00"], ["D", "Food", "250.00"]]);

  const departments = page.getByTestId("filter-scope").locator('optgroup[label="Department"] option');
  assert.deepEqual(await departments.allTextContents(), ["North", "South", "No department"]);
  await page.getByTestId("filter-scope").selectOption({ label: "No department" });
  await page.waitForURL(/scope=department(:|%3A)(&|$)/);
  // Without a department: B 1,000 and D 100, neither with a rep.
  await page.locator('table[data-table="customer-matrix"] tbody tr').nth(1).waitFor();
  let shown;
  for (let tries = 0; tries < 100; tries++) {
    shown = (await rows(page, "customer-matrix")).map((r) => [r[0], r[2]]);
    if (shown.length === 2 && (await page.getByTestId("filter-rep").locator("option").count()) === 1) break;
    await page.waitForTimeout(100);
  }
  assert.deepEqual(shown, [["B", "1,000"], ["D", "100"]]);
  assert.deepEqual(await page.getByTestId("filter-rep").locator("option").allTextContents(), ["No sales rep"]);
  await screenshot(page, "views-blanks-en");
  await page.selectOption("header select", "nl");
  await page.locator("main h1").first().waitFor();
  await page.getByTestId("filter-rep").locator("option", { hasText: "Geen verkoper" }).waitFor({ state: "attached" });
  assert.deepEqual(await page.getByTestId("filter-scope").locator("optgroup").last().locator("option").last().textContent(), "Geen productgroep");
  await screenshot(page, "views-blanks-nl");
  assert.deepEqual(problems, []);
  await context.close();
});

test("cohorts cover every year: the page offers year start and scope, and no year picker", async () => {
  const { page, context, problems } = await withLedger("/cohorts?period=2022", "blanks.csv", BLANKS);
  await page.locator('table[data-table="cohorts"]').waitFor();
  assert.equal(await page.getByTestId("filter-period").count(), 0, "a year picker here would change nothing");
  assert.equal(await page.getByTestId("filter-year-start").count(), 1);
  assert.equal(await page.getByTestId("filter-scope").count(), 1);
  // One cohort (2025) of four customers, complete in its first year.
  assert.deepEqual(await rows(page, "cohorts"), [["2025", "4", "100.0 %"]]);
  await page.setViewportSize({ width: 800, height: 900 });
  await screenshot(page, "cohorts-800");
  assert.deepEqual(problems, []);
  await context.close();
});

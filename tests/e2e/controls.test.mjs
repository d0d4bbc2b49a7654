// Controls the docs promise: keeping or dropping exact duplicate lines on import, the RFM
// window (in the address), and an empty page that names its real reason (a ledger without a
// product-group column on Customer Views). Expected figures are worked out by hand from the
// files in tests/data.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { startServer, launch, openApp, appReady, screenshot } from "./harness.mjs";

const DATA = new URL("../data/", import.meta.url);
let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Imports one file from tests/data, optionally dropping its duplicates, and keeps it. */
async function importFile(page, name, { drop = false } = {}) {
  await page.goto(server.origin + "/data");
  await appReady(page);
  const buffer = await readFile(new URL(name, DATA));
  await page.getByTestId("ledger-files").setInputFiles({ name, mimeType: "text/csv", buffer });
  await page.getByTestId("import").click();
  await page.getByTestId("report").waitFor();
  if (drop) {
    await page.getByTestId("drop-duplicates").click();
    await page.locator('[data-testid="duplicates"][data-dropped="true"]').waitFor();
  }
  const report = await page.getByTestId("report").textContent();
  await page.getByTestId("keep").click();
  await page.getByTestId("loaded").waitFor();
  // Navigating reloads the app, which finds the ledger only once it is saved.
  await page.getByTestId("storage-saved").waitFor();
  return report;
}

/** The pyramid footer's active revenue of the latest year, as the page shows it. */
async function activeRevenue(page) {
  await page.goto(server.origin + "/pyramid");
  await appReady(page);
  const footer = page.locator('table[data-table="pyramid-levels"] tfoot tr');
  await footer.waitFor();
  return (await footer.locator("td, th").allTextContents())[3].trim();
}

// tests/data/duplicates.csv: A 100.00 twice (lines 2 and 3), B 250.00, C 40.00 twice (lines 5
// and 6), D 10.00, all in 2024. Kept: 100 + 100 + 250 + 40 + 40 + 10 = 540.00 over 6 lines.
// Dropped: 100 + 250 + 40 + 10 = 400.00 over 4 lines.
test("exact duplicate lines are kept by default and dropped on request", async () => {
  const { page, context, problems } = await openApp(browser, server.origin, "/data");
  await appReady(page);
  const kept = await importFile(page, "duplicates.csv");
  assert.match(kept, /2 lines repeat an earlier line exactly .* and are kept/);
  assert.match(kept, /duplicates\.csv:3 repeats duplicates\.csv:2/);
  assert.match(kept, /Invoice lines6/);
  assert.equal(await activeRevenue(page), "540.00");
  // The file has no cost column: the empty margin columns say why.
  assert.match(await page.getByTestId("no-margins").textContent(), /^Gross margins need a cost column/);
  await screenshot(page, "pyramid-no-cost-column");

  const dropped = await importFile(page, "duplicates.csv", { drop: true });
  assert.match(dropped, /2 lines repeated an earlier line exactly and are left out/);
  assert.match(dropped, /Invoice lines4/);
  await page.goto(server.origin + "/data");
  await appReady(page);
  assert.equal(await activeRevenue(page), "400.00");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the duplicates choice reads in Dutch and at 800 px", async () => {
  const { page, context } = await openApp(browser, server.origin, "/data");
  await appReady(page);
  await page.setViewportSize({ width: 800, height: 900 });
  const buffer = await readFile(new URL("duplicates.csv", DATA));
  await page.getByTestId("ledger-files").setInputFiles({ name: "duplicates.csv", mimeType: "text/csv", buffer });
  await page.getByTestId("import").click();
  await page.getByTestId("duplicates").waitFor();
  await screenshot(page, "duplicates-en-800");
  await page.selectOption("header select", "nl");
  await page.getByTestId("duplicates").getByText("Weglaten").waitFor();
  assert.match(await page.getByTestId("duplicates").textContent(), /regels herhalen een eerdere regel exact/);
  await screenshot(page, "duplicates-nl-800");
  await page.getByTestId("discard").click();
  await context.close();
});

// tests/data/rfm_window.csv, worked out in src/engine/session/analysis.rs
// (the_rfm_window_decides_who_is_scored_and_how): 2024 over two years gives Potential loyalists 2,
// About to sleep 1, Can't lose them 2; over one year Champions 1, Loyal 1, Need attention 1,
// Hibernating 1 (E bought only in 2023 and drops out).
test("the RFM window lives in the address and changes the segments", async () => {
  const { page, context, problems } = await openApp(browser, server.origin, "/data");
  await appReady(page);
  await importFile(page, "rfm_window.csv");
  await page.goto(server.origin + "/rfm");
  await appReady(page);
  const counts = async () => {
    const rows = await page.locator('table[data-table="rfm-segments"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
    return Object.fromEntries(rows.filter((r) => r[1] !== "0").map((r) => [r[0], Number(r[1])]));
  };
  await page.getByTestId("rfm-window").waitFor();
  assert.equal(await page.getByTestId("rfm-window-years").inputValue(), "2");
  assert.match(await page.getByTestId("rfm-window").textContent(), /2023–2024/);
  assert.deepEqual(await counts(), { "Potential loyalists": 2, "About to sleep": 1, "Can't lose them": 2 });
  const options = await page.getByTestId("rfm-window-years").locator("option").allTextContents();
  assert.deepEqual(options, ["1", "2"], "no longer window than the data holds");

  await page.getByTestId("rfm-window-years").selectOption("1");
  await page.waitForURL(/[?&]window=1/);
  await page.waitForFunction(() => /^Scored over 2024$/.test(document.querySelector('[data-testid="rfm-window"]')?.textContent));
  assert.deepEqual(await counts(), { Champions: 1, Loyal: 1, "Need attention": 1, Hibernating: 1 });
  await screenshot(page, "rfm-window-1");

  await page.reload();
  await appReady(page);
  await page.getByTestId("rfm-window").waitFor();
  assert.equal(await page.getByTestId("rfm-window-years").inputValue(), "1", "the window survives a reload");
  assert.deepEqual(problems, []);
  await context.close();
});

test("an RFM window narrowed to a year without purchases offers the way back", async () => {
  // 2024 holds only a credit note (A, -10.00): scored over 2024 alone there is nobody; over the
  // default two years, A (2023-03-01) and B (2023-06-01) are scored.
  const { page, context, problems } = await openApp(browser, server.origin, "/data");
  await appReady(page);
  await importFile(page, "rfm_empty_year.csv");
  await page.goto(server.origin + "/rfm?period=2024&window=1");
  await appReady(page);
  await page.getByTestId("empty").waitFor();
  assert.equal(await page.getByTestId("empty").getAttribute("data-reason"), "NoActiveCustomers");
  await screenshot(page, "rfm-window-empty");
  await page.getByTestId("rfm-window-reset").click();
  await page.waitForURL((url) => !url.searchParams.has("window"));
  await page.getByTestId("rfm-window").waitFor();
  assert.match(await page.getByTestId("rfm-window").textContent(), /2023–2024/);
  const scored = await page.locator('table[data-table="rfm-segments"] tbody tr').evaluateAll((trs) =>
    trs.reduce((sum, tr) => sum + Number(tr.children[1].textContent.trim()), 0));
  assert.equal(scored, 2);
  assert.equal(await page.getByTestId("rfm-window-reset").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("Customer Views on a ledger without product groups says so, and where to map one", async () => {
  const { page, context, problems } = await openApp(browser, server.origin, "/data");
  await appReady(page);
  await importFile(page, "duplicates.csv");
  await page.goto(server.origin + "/customer-views");
  await appReady(page);
  const empty = page.getByTestId("empty");
  await empty.waitFor();
  assert.equal(await empty.getAttribute("data-reason"), "NoProductGroupColumn");
  assert.match(await empty.textContent(), /this ledger has no product-group column/);
  assert.doesNotMatch(await empty.textContent(), /No customers/);
  await screenshot(page, "views-no-groups-en");
  await page.selectOption("header select", "nl");
  await page.getByText("dit grootboek heeft geen kolom met de productgroep", { exact: false }).waitFor();
  await screenshot(page, "views-no-groups-nl");
  await page.setViewportSize({ width: 800, height: 900 });
  await screenshot(page, "views-no-groups-nl-800");
  await page.selectOption("header select", "en");

  // The link leads to the Data page, where the columns are mapped.
  await empty.getByRole("link").click();
  await page.waitForURL(/\/data$/);
  // Another reason on the same ledger: migration into its first (and only) year.
  await page.goto(server.origin + "/migration");
  await appReady(page);
  await page.getByTestId("empty").waitFor();
  assert.equal(await page.getByTestId("empty").getAttribute("data-reason"), "NoPreviousPeriod");
  assert.deepEqual(problems, []);
  await context.close();
});

// The Breakeven page (no ledger needed) and the Overview's lessons on the sample ledger.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, openApp, appReady, screenshot } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// engine/breakeven.rs's hand-worked investment: I 1,200.00 over L = 12 months, fixed 100.00 a
// month, R 1,000.00 reached over K = 4 months, margin 40 %, customers pay after 45 days (half a
// month's revenue one month later, half two), suppliers after 30, H = 10 months.
// Revenue 250, 500, 750, then 1000; profit = 40 % of it - 100 fixed - 100 depreciation: -100, 0,
// 100, then 200; cumulative -100, -100, 0: profit breaks even in month 3.
// Cash: m0 -1200; received m2 125, m3 375, m4 625, m5 875, then 1000; paid (60 %, a month later)
// m2 150, m3 300, m4 450, then 600: cash -100, -125, -25, 75, 175, then 300; cumulative -1200,
// -1300, -1425, -1450, -1375, -1200, -900, -600, -300, 0: cash breaks even in month 9.
const EXAMPLE = "investment=1200&depreciation-months=12&fixed-monthly=100&revenue-monthly=1000&ramp-months=4"
  + "&margin=40&customer-days=45&supplier-days=30&months=10";

async function months(page) {
  const profit = page.getByTestId("profit-month");
  await profit.waitFor();
  return [await profit.getAttribute("data-month"), await page.getByTestId("cash-month").getAttribute("data-month")];
}

/** The month table's row of month `m` as its cells' texts. */
async function row(page, m) {
  return page.locator('table[data-table="breakeven-months"] tbody tr').nth(m).locator("td, th").allTextContents();
}

test("breakeven: the hand-worked months, an input that moves them, kept over a reload", async () => {
  const { page, context, problems } = await openApp(browser, server.origin, `/breakeven?${EXAMPLE}`);
  await appReady(page);
  assert.deepEqual(await months(page), ["3", "9"]);
  assert.equal(await page.getByTestId("breakeven-gap").textContent(), "Cash breaks even 6 months after profit.");
  const shown = page.locator('table[data-table="breakeven-months"] tbody tr');
  assert.equal(await shown.count(), 11, "months 0 to 10");
  assert.deepEqual((await row(page, 9)).map((t) => t.trim()), ["9", "1,000.00", "200.00", "1,200.00", "300.00", "0.00"]);
  assert.equal(await page.locator('[data-chart="breakeven"] svg').count(), 1);
  // The volume view's example (the other hand-worked case): 10,000 / (50 - 30) = 500 units,
  // cash (10,000 - 2,500) / 20 = 375 units.
  assert.equal(await page.getByTestId("volume-profit").getAttribute("data-units"), "500.00");
  assert.equal(await page.getByTestId("volume-cash").getAttribute("data-units"), "375.00");

  // Customers paying at once: received 250, 500, 750, then 1000 in the month itself, paid as
  // before: cash 150, 250, 350, 450, then 300; cumulative -1200, -1050, -800, -450, 0: month 4.
  await page.locator('input[data-entry="customer-days"]').fill("0");
  await page.locator('input[data-entry="customer-days"]').press("Tab");
  await page.waitForFunction(() => document.querySelector('[data-testid="cash-month"]')?.dataset.month === "4");
  assert.equal(await page.getByTestId("breakeven-gap").textContent(), "Cash breaks even 1 month after profit.");
  assert.match(page.url(), /customer-days=0/);
  await page.reload();
  await appReady(page);
  assert.deepEqual(await months(page), ["3", "4"]);
  assert.equal(await page.locator('input[data-entry="customer-days"]').inputValue(), "0");

  // A negative volume is the engine's error, naming the field; the investment view still shows.
  await page.locator('input[data-entry="volume"]').fill("-5");
  await page.locator('input[data-entry="volume"]').press("Tab");
  const error = page.getByTestId("volume-result").getByTestId("breakeven-error");
  await error.waitFor();
  assert.equal(await error.textContent(), "“Expected volume (units)” is negative: enter zero or more.");
  assert.deepEqual(await months(page), ["3", "4"]);
  assert.deepEqual(problems, []);
  await context.close();
});

test("breakeven: the default example, in English, Dutch and at 800 px", async () => {
  for (const locale of ["en-GB", "nl-NL"]) {
    const { page, context, problems } = await openApp(browser, server.origin, "/breakeven", { locale });
    await appReady(page);
    // The example in hundreds has the same months over 24: profit 3, cash 9.
    assert.deepEqual(await months(page), ["3", "9"]);
    await screenshot(page, `breakeven-${locale}`);
    await page.setViewportSize({ width: 800, height: 900 });
    await screenshot(page, `breakeven-${locale}-800`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("overview: the lessons of the sample match Concentration and the pyramid's cut-offs", async () => {
  const { page, context, problems } = await openApp(browser, server.origin, "/");
  await appReady(page);
  assert.equal(await page.getByTestId("lessons").count(), 0, "no lessons before a ledger is loaded");
  await page.getByTestId("try-sample").click();
  await page.locator("table.table-summary").waitFor();
  await page.getByTestId("storage-saved").waitFor();
  await page.goto(server.origin + "/concentration");
  await appReady(page);
  const statement = await page.getByTestId("top-statement").textContent();
  const share = statement.match(/make (\d+\.\d %) of revenue/)[1];
  await page.goto(server.origin + "/");
  await appReady(page);
  const top = page.getByTestId("lesson-top20");
  await top.waitFor();
  assert.match(await top.textContent(), new RegExp(`bring ${share.replace(".", "\\.")} of revenue`));
  // Worked out independently from the active customers n: Top is the first ceil(1 % n) of
  // them, and the development lesson picks ceil(2 % n) Big and Medium customers whose white
  // space adds up to its total.
  const n = Number((await top.textContent()).match(/customers of ([\d,]+)/)[1].replace(/,/g, ""));
  const levels = page.locator('table[data-table="lesson-levels"] tbody tr');
  assert.deepEqual((await levels.first().locator("td, th").allTextContents()).slice(0, 2).map((t) => t.trim()),
    ["Top", String(Math.ceil(n / 100))]);
  const picked = page.locator(".develop-customers li");
  assert.equal(await picked.count(), Math.ceil(0.02 * n));
  let cents = 0;
  for (const text of await picked.allTextContents()) {
    cents += Math.round(Number(text.match(/: ([\d,]+\.\d\d)$/)[1].replace(/,/g, "")) * 100);
  }
  assert.equal(Number(await page.getByTestId("develop-value").getAttribute("data-cents")), cents);
  await screenshot(page, "overview-lessons-en");
  assert.deepEqual(problems, []);
  await context.close();
});

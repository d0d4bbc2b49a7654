// A large file read by the fast record reader (import/records.rs): a quoted line break near the
// start, CRLF lines, and one bad line at the far end, past the first slices the worker reads.
// The report must name that line as the one pass of the csv reader did.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, openApp, appReady } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const REGULAR = 300_000;

// Line 1 the header; lines 2-3 one record (a customer name with a quoted line break); lines 4 to
// REGULAR + 3 the regular lines (every tenth with CRLF), of 1.00 each; line REGULAR + 4 the bad
// amount. About 12 MB, so the bad line lies beyond the first 8 MB slice the worker reads.
function ledger() {
  const lines = ["customer,customer_name,date,amount", 'C1,"Acme\nBV",2024-01-05,10.00'];
  for (let i = 0; i < REGULAR; i++) lines.push(`C${i % 500},Name ${i % 500},2024-02-${String(1 + (i % 28)).padStart(2, "0")},1.00${i % 10 === 0 ? "\r" : ""}`);
  lines.push("C7,Name 7,2024-03-01,twenty");
  return lines.join("\n") + "\n";
}

test("a bad line at the far end of a large file is reported on its own line", async () => {
  const { page, context, problems } = await openApp(browser, server.origin, "/data");
  await appReady(page);
  await page.getByTestId("ledger-files").setInputFiles({ name: "far.csv", mimeType: "text/csv", buffer: Buffer.from(ledger()) });
  await page.locator(".preview").waitFor({ timeout: 60000 });
  await page.getByTestId("import").click();
  await page.getByTestId("report").waitFor({ timeout: 120000 });
  assert.match(await page.getByTestId("report-errors").textContent(), /^1 lines could not be read/);
  const error = await page.locator(".table-errors tbody tr").first().locator("td").allTextContents();
  // REGULAR + 4 = 300004, shown with the locale's grouping or without it.
  assert.deepEqual([error[0], error[1].replace(/\D/g, ""), error[2], error[3]], ["far.csv", "300004", "D (amount)", "twenty"]);
  const rows = await page.locator(".report table.table-summary tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector("th").textContent, tr.querySelector("td").textContent]));
  // The quoted record and the regular lines: 1 + 300,000; 500 customers C0-C499, C1 among them.
  assert.equal(Object.fromEntries(rows)["Invoice lines"].replace(/\D/g, ""), "300001");
  assert.equal(Object.fromEntries(rows)["Customers"], "500");
  assert.deepEqual(problems, []);
  await context.close();
});

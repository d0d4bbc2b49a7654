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

// A file over the size the browser reads in two parts (engine/import/parts.rs: the worker reads
// the first, a part worker the rest, joined): bad lines and a quoted line break on both sides of
// the middle, a repeated line whose first copy is in the first part and whose repeat is in the
// second. Line numbers are the file's own; everything below is counted by construction. Read
// with LF and with CRLF line ends (the split falls after a CR LF: the parts join there too).
const HALF = 90_000;

function twoParts(eol) {
  const lines = ["customer,date,amount,region"];                            // line 1
  lines.push("C1,2024-01-05,twelve,North");                                 // line 2: bad amount
  lines.push('C2,2024-01-06,3.00,"South\nEast"');                           // lines 3-4: one record
  lines.push("C9,2024-01-07,7.77,West");                                    // line 5: repeated below
  for (let i = 0; i < HALF; i++) lines.push(`C${i},2024-02-${String(1 + (i % 28)).padStart(2, "0")},2.00,North`);
  lines.push("C3,2024-13-40,5.00,North");                                   // bad date
  lines.push('C4,2024-03-01,4.00,"West\nCoast"');                           // one record on two lines
  for (let i = 0; i < HALF; i++) lines.push(`C${i},2024-04-${String(1 + (i % 28)).padStart(2, "0")},2.00,South`);
  lines.push("C9,2024-01-07,7.77,West");                                    // repeats line 5
  lines.push(",2024-05-01,1.00,North");                                     // no customer, then a customer line: an error
  lines.push("C5,2024-05-02,1.00,North");
  return lines.join(eol) + eol;
}

for (const [ends, eol] of [["LF", "\n"], ["CRLF", "\r\n"]]) test(`a file read in two parts at once is reported exactly as one pass: lines, errors, duplicates (${ends})`, async () => {
  const csv = twoParts(eol);
  assert.ok(csv.length > 4 << 20, `${csv.length} bytes: over the size read in parts`);
  const { page, context, problems } = await openApp(browser, server.origin, "/data");
  // The part worker is started when the file is previewed, and ends once it has read its part.
  const partWorker = new Promise((resolve) => page.on("worker", async (worker) => {
    if (await worker.evaluate(() => self.name).catch(() => "") === "clientele-part") resolve(worker);
  }));
  await appReady(page);
  await page.getByTestId("ledger-files").setInputFiles({ name: "halves.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.locator(".preview").waitFor({ timeout: 60000 });
  const part = await partWorker;
  const partEnded = new Promise((resolve) => part.on("close", resolve));
  await page.getByTestId("import").click();
  await page.getByTestId("report").waitFor({ timeout: 120000 });
  await partEnded;
  assert.match(await page.getByTestId("report-errors").textContent(), /^3 lines could not be read/);
  const errors = await page.locator(".table-errors tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll("td")].slice(1, 4).map((td) => td.textContent)));
  const bad = 5 + HALF + 1, noCustomer = bad + 2 + HALF + 2;
  assert.deepEqual(errors.map(([line, column, value]) => [line.replace(/\D/g, ""), column, value]), [
    ["2", "C (amount)", "twelve"],
    [String(bad), "B (date)", "2024-13-40"],
    [String(noCustomer), "A (customer)", ""],
  ]);
  const rows = await page.locator(".report table.table-summary tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector("th").textContent, tr.querySelector("td").textContent]));
  const summary = Object.fromEntries(rows);
  // C2, C9, the regular lines, C4, the repeat of C9 and C5: 2 * HALF + 5 lines.
  assert.equal(summary["Invoice lines"].replace(/\D/g, ""), String(2 * HALF + 5));
  // 3.00 + 7.77 + 2 * HALF * 2.00 + 4.00 + 7.77 + 1.00
  assert.equal(summary["Total revenue"].replace(/[^\d.]/g, ""), (2 * HALF * 2 + 3 + 7.77 + 4 + 7.77 + 1).toFixed(2));
  const duplicates = page.getByTestId("duplicates");
  assert.match(await duplicates.textContent(), /^1 /);
  assert.match(await duplicates.locator("li").first().textContent(), new RegExp(`halves\\.csv:${noCustomer - 1} .* halves\\.csv:5$`));
  assert.deepEqual(problems, []);
  await context.close();
});

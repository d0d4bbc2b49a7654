// Importing a real-looking export in the browser: detection shown and overridable, column
// mapping, the validation report (line, column, value, reason; downloadable), keep or discard,
// cancel, the workspace kept in IndexedDB across reloads, and saved/opened as a file.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { startServer, launch, openApp, appReady, screenshot, hook } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// A Dutch accounting export: semicolons, decimal comma with dot thousands, day-first dates,
// Dutch headers, a credit note, and one line whose amount cannot be read (line 5, column 3).
const DUTCH = [
  "Klantnummer;Factuurdatum;Bedrag;Verkoper",
  "K001;05-01-2024;1.250,50;Anna",
  "K002;17-02-2024;300,00;Bram",
  "K001;03-03-2024;-50,25;Anna",
  "K003;12-04-2024;twintig;Bram",
  "K003;13-04-2024;20,00;Bram",
].join("\n") + "\n";

async function summary(page, scope) {
  const rows = await page.locator(`${scope} table.table-summary tbody tr`).evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector("th").textContent, tr.querySelector("td").textContent]));
  return Object.fromEntries(rows);
}

async function pick(page, name, content) {
  await page.getByTestId("ledger-files").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(content) });
}

test("a Dutch export is detected, reported line by line, imported and kept across a reload", async () => {
  const { page, context, problems } = await openApp(browser, server.origin, "/data");
  await appReady(page);
  await pick(page, "grootboek-2024.csv", DUTCH);
  await page.locator(".preview").waitFor();
  const detected = await page.locator(".format-controls").textContent();
  assert.match(detected, /\(detect\) \(semicolon\)/);
  assert.match(detected, /Quote\(detect\) \("\)/);
  assert.match(detected, /\(detect\) \(comma\)/, "decimal comma");
  assert.match(detected, /\(detect\) \(DD-MM-YYYY\)/);
  // Dutch headers are mapped without help.
  assert.equal(await page.locator('select[data-field="customer"]').inputValue(), "1");
  assert.equal(await page.locator('select[data-field="date"]').inputValue(), "2");
  assert.equal(await page.locator('select[data-field="amount"]').inputValue(), "3");
  assert.equal(await page.locator('select[data-field="sales_rep"]').inputValue(), "4");
  assert.equal(await page.locator(".table-preview tbody tr").count(), 5);
  await screenshot(page, "import-preview");

  await page.getByTestId("import").click();
  await page.getByTestId("report").waitFor();
  assert.match(await page.getByTestId("report-errors").textContent(), /^1 lines could not be read/);
  const error = await page.locator(".table-errors tbody tr").first().locator("td").allTextContents();
  assert.deepEqual(error.slice(0, 4), ["grootboek-2024.csv", "5", "C (Bedrag)", "twintig"]);
  const s = await summary(page, ".report");
  assert.equal(s["Invoice lines"], "4");
  assert.equal(s["Customers"], "3");
  // 1,250.50 + 300.00 - 50.25 + 20.00
  assert.equal(s["Total revenue"], "1,520.25");
  assert.equal(s["Credited"], "-50.25");
  await screenshot(page, "import-report");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-report").click()]);
  const report = await readFile(await download.path(), "utf8");
  assert.match(report, /^file,line,column,header,value,reason/);
  assert.match(report, /grootboek-2024\.csv,5,3,Bedrag,twintig,/);

  await page.getByTestId("keep").click();
  await page.getByTestId("loaded").waitFor();
  assert.equal(await page.getByTestId("workspace-status").textContent(), "grootboek-2024.csv");
  assert.equal((await summary(page, '[data-testid="loaded"]'))["Total revenue"], "1,520.25");
  await page.getByTestId("storage-saved").waitFor();

  await page.reload();
  await appReady(page);
  assert.equal(await page.getByTestId("workspace-status").textContent(), "grootboek-2024.csv", "restored from IndexedDB");
  assert.equal((await summary(page, '[data-testid="loaded"]'))["Customers"], "3");
  assert.deepEqual(problems, []);
  await context.close();
});

test("overriding a guess changes how the file is read", async () => {
  const { page, context } = await openApp(browser, server.origin, "/data");
  await appReady(page);
  // Ambiguous dates: both day-first and month-first read; the user says month-first.
  await pick(page, "us.csv", "customer,date,amount\nA,03/04/2024,10.00\nB,05/06/2024,20.00\n");
  await page.locator(".preview").waitFor();
  await page.locator(".format-controls label", { hasText: "Date format" }).locator("select").selectOption("MM/DD/YYYY");
  await page.locator(".preview").waitFor();
  assert.match(await page.locator(".format-controls").textContent(), /MM\/DD\/YYYY/);
  await page.getByTestId("import").click();
  await page.getByTestId("report").waitFor();
  const s = await summary(page, ".report");
  assert.equal(s["First date"], "2024-03-04");
  assert.equal(s["Last date"], "2024-05-06");
  await page.getByTestId("discard").click();
  await context.close();
});

test("a Dutch user reads a bad date's row error and the download in Dutch, with no command-line flag", async () => {
  const { page, context, problems } = await openApp(browser, server.origin, "/data", { locale: "nl-NL" });
  await appReady(page);
  // Line 3's date `31-02-2024` is no day (February has no 31st) in the detected DD-MM-YYYY.
  await pick(page, "datums.csv", "Klant;Datum;Bedrag\nK1;05-01-2024;10,00\nK2;31-02-2024;20,00\n");
  await page.locator(".preview").waitFor();
  // Only 05-01-2024 reads (day-first and month-first alike): a note on the guess, in Dutch.
  const note = await page.getByTestId("guess-note").first().textContent();
  assert.equal(note, "1 van de 2 datums in het voorbeeld lezen als DD-MM-YYYY: controleer de datumnotatie hierboven.");
  await screenshot(page, "import-preview-nl");
  await page.getByTestId("import").click();
  await page.getByTestId("report").waitFor();
  const reason = await page.getByTestId("row-error").first().textContent();
  assert.match(reason, /^geen datum in de notatie DD-MM-YYYY; .*kies de datumnotatie/);
  assert.ok(!reason.includes("--"), reason);
  await screenshot(page, "import-report-nl");
  await page.setViewportSize({ width: 800, height: 900 });
  await screenshot(page, "import-report-nl-800");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-report").click()]);
  const report = await readFile(await download.path(), "utf8");
  assert.match(report, /^file,line,column,header,value,reason\r?\ndatums\.csv,3,2,Datum,31-02-2024,"geen datum in de notatie DD-MM-YYYY; /);
  assert.ok(!report.includes("--"), report);
  await page.getByTestId("discard").click();
  assert.deepEqual(problems, []);
  await context.close();
});

test("a file that is not a ledger gets a clear message naming it, and the workspace is untouched", async () => {
  const { page, context } = await openApp(browser, server.origin, "/data");
  await appReady(page);
  await page.getByTestId("try-sample").click();
  await page.getByTestId("loaded").waitFor();
  // A CSV saved under a workbook's name: the workbook reader refuses it.
  await page.getByTestId("ledger-files").setInputFiles({ name: "ledger.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("customer,date,amount\nA,2024-01-01,5\n") });
  await page.getByTestId("error").waitFor();
  assert.match(await page.getByTestId("error").textContent(), /^ledger\.xlsx: the workbook cannot be read/);
  await screenshot(page, "import-bad-file");
  assert.equal(await page.getByTestId("workspace-status").textContent(), "Sample ledger (fictitious company)");
  await context.close();
});

test("the workspace saves as a file and opens again identically", async () => {
  const { page, context } = await openApp(browser, server.origin, "/data");
  await appReady(page);
  await page.getByTestId("try-sample").click();
  await page.getByTestId("loaded").waitFor();
  const before = await summary(page, '[data-testid="loaded"]');
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("save-workspace").click()]);
  assert.equal(download.suggestedFilename(), "workspace.clientele");
  const bytes = await readFile(await download.path());
  await page.getByRole("button", { name: "Close this ledger" }).click();
  await page.locator('[data-testid="loaded"]').waitFor({ state: "detached" });
  await page.getByTestId("ledger-files").setInputFiles({ name: "workspace.clientele", mimeType: "application/octet-stream", buffer: bytes });
  await page.getByTestId("loaded").waitFor();
  assert.deepEqual(await summary(page, '[data-testid="loaded"]'), before);
  await context.close();
});

test("a long import shows progress and can be cancelled, leaving the saved workspace", async () => {
  const { page, context } = await openApp(browser, server.origin, "/data");
  await appReady(page);
  await page.getByTestId("try-sample").click();
  await page.getByTestId("storage-saved").waitFor();
  const lines = ["customer,date,amount"];
  for (let i = 0; i < 600000; i++) lines.push(`C${i % 5000},2024-0${1 + (i % 9)}-1${i % 10},${(i % 977) + 0.5}`);
  await pick(page, "big.csv", lines.join("\n"));
  await page.locator(".preview").waitFor();
  // The import is held before it reads a byte, until cancelled: "while an import runs" must
  // not depend on how fast this machine imports (two workers read this file in a few tenths).
  assert.equal(await hook(page, "hold-import"), "Cancelled");
  await page.getByTestId("import").click();
  await page.getByTestId("progress").waitFor();
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.locator(".note", { hasText: "The import was cancelled" }).waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="workspace-status"]').textContent.startsWith("Sample"));
  await context.close();
});

test("when storage is full the new workspace is not saved and the saved one stays intact", async () => {
  // A few kilobytes of quota, set before anything is stored (no service worker, whose cache
  // would fill it): the small ledger fits, the sample's several megabytes do not.
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Storage.overrideQuotaForOrigin", { origin: server.origin, quotaSize: 256 * 1024 });
  await page.goto(server.origin + "/data");
  await appReady(page);
  await pick(page, "grootboek-2024.csv", DUTCH);
  await page.getByTestId("import").click();
  await page.getByTestId("keep").click();
  await page.getByTestId("storage-saved").waitFor();
  await page.getByTestId("try-sample").click();
  await page.getByTestId("storage-failed").waitFor();
  assert.match(await page.getByTestId("storage-failed").textContent(), /What was saved before is unchanged/);
  assert.equal(await page.getByTestId("workspace-status").textContent(), "Sample ledger (fictitious company)");
  await screenshot(page, "storage-full");
  await page.reload();
  await appReady(page);
  assert.equal(await page.getByTestId("workspace-status").textContent(), "grootboek-2024.csv", "the saved workspace is the one before");
  await context.close();
});

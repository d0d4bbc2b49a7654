// A worker that dies, a save that is cut off, a file too large: the page says so clearly and
// loses nothing that was saved. Runs against a build with the `test-hooks` feature (what
// scripts/test builds), whose `window.clienteleTest.worker(hook)` kills the worker on request.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, launch, openApp, appReady, screenshot, hook } from "./harness.mjs";

let server, browser, dir;
before(async () => {
  server = await startServer();
  browser = await launch();
  dir = await mkdtemp(join(tmpdir(), "clientele-recovery-"));
});
after(async () => {
  await browser?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const STOPPED = {
  en: "The calculation engine stopped unexpectedly and what it was doing is lost. The saved workspace is being restored…",
  nl: "De rekenmodule is onverwacht gestopt en wat hij aan het doen was, is verloren. De bewaarde werkruimte wordt hersteld…",
};

/** Loads the sample and waits until it is saved in this browser (the header says "Saved"). */
async function sampleSaved(page) {
  await page.getByTestId("try-sample").click();
  await page.getByTestId("save-status").filter({ hasText: /^(Saved|Bewaard)$/ }).waitFor({ timeout: 30000 });
}

/** The pyramid's levels for 2023, cell by cell, as the page shows them. */
async function pyramid(page) {
  const rows = page.locator('table[data-table="pyramid-levels"] tbody tr');
  await rows.first().waitFor({ timeout: 30000 });
  return rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
}

/** Records every text the engine-lost banner shows, however briefly. */
async function watchBanner(page) {
  await page.evaluate(() => {
    window.bannerTexts = [];
    new MutationObserver(() => {
      const banner = document.querySelector('[data-testid="engine-lost"]');
      if (banner && !window.bannerTexts.includes(banner.textContent)) window.bannerTexts.push(banner.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

async function restored(page) {
  await page.locator('[data-testid="engine-lost"]').waitFor({ state: "detached", timeout: 30000 });
  await appReady(page);
}

// panic: the worker's panic hook posts "died" and the trap follows as an error event.
// abort: a trap with no panic (as exhausted memory ends): only the error event.
// abort-later: a trap inside a future: no error event reaches the page, the worker's
// unhandled-rejection handler says so.
for (const [kill, locale] of [["panic", "en"], ["abort", "nl"], ["abort-later", "en"]]) {
  test(`a worker that dies (${kill}) fails its pending request with a clear message and a new one restores the workspace`, async () => {
    const { page, context, problems } = await openApp(browser, server.origin, "/", { locale: locale === "nl" ? "nl-NL" : "en-GB" });
    await appReady(page);
    await sampleSaved(page);
    await page.goto(server.origin + "/pyramid?period=2023");
    await appReady(page);
    const figures = await pyramid(page);
    const status = await page.getByTestId("workspace-status").textContent();

    await watchBanner(page);
    // The hook is itself a request: it is pending when the worker dies, and must resolve.
    const reply = await hook(page, kill);
    assert.equal(reply, STOPPED[locale]);
    await restored(page);
    assert.deepEqual(await page.evaluate(() => window.bannerTexts), [STOPPED[locale]]);
    assert.equal(await page.getByTestId("workspace-status").textContent(), status);
    assert.deepEqual(await pyramid(page), figures);
    // The new worker answers: another analysis page computes.
    await page.getByRole("link", { name: locale === "nl" ? "Concentratie" : "Concentration" }).click();
    await page.locator('table[data-table="pareto-points"]').waitFor({ state: "attached" });
    assert.deepEqual(problems.filter((p) => p.startsWith("pageerror")), []);
    await context.close();
  });
}

test("workers that keep dying before they have restored are not restarted forever", async () => {
  const { page, context } = await openApp(browser, server.origin, "/");
  await appReady(page);
  await sampleSaved(page);
  // Each kill reaches the next worker before it has restored the workspace (its first message
  // waits for it to listen, the restore for IndexedDB): two restarts, then the bridge gives up.
  assert.equal(typeof await hook(page, "none"), "string");
  const replies = await page.evaluate(async () => [
    await window.clienteleTest.worker("panic"),
    await window.clienteleTest.worker("panic"),
    await window.clienteleTest.worker("panic"),
    await window.clienteleTest.worker("panic"),
  ]);
  const gaveUp = "The calculation engine stopped again while restoring the saved workspace, so it is not restarted. Reload the page to try again.";
  assert.deepEqual(replies, [STOPPED.en, STOPPED.en, gaveUp, gaveUp]);
  assert.equal(await page.getByTestId("engine-lost").textContent(), gaveUp);
  await screenshot(page, "worker-gave-up");
  // A reload starts afresh, and the saved sample is still there.
  await page.reload();
  await appReady(page);
  assert.match(await page.getByTestId("workspace-status").textContent(), /^Sample ledger/);
  await context.close();
});

/** A ledger whose workspace file spans several 4 MB chunks: 300,000 lines, 3,000 customers. */
async function bigLedger(name) {
  const lines = ["customer,date,amount,invoice,product"];
  for (let i = 0; i < 300000; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    const month = String(1 + (i % 12)).padStart(2, "0");
    lines.push(`C${i % 3000},2024-${month}-${day},${(i % 997) + 0.5},INV-${i},P${i % 5000}`);
  }
  const path = join(dir, name);
  await writeFile(path, lines.join("\n") + "\n");
  return path;
}

/** Imports `path` on the Data page and keeps it; the save starts then. */
async function importAndKeep(page, path) {
  await page.getByTestId("ledger-files").setInputFiles(path);
  await page.getByTestId("import").click();
  await page.getByTestId("keep").click({ timeout: 60000 });
}

test("a save cut off in the middle leaves the previous workspace whole", async () => {
  const { page, context } = await openApp(browser, server.origin, "/");
  await appReady(page);
  await sampleSaved(page);
  await page.goto(server.origin + "/pyramid?period=2023");
  await appReady(page);
  const figures = await pyramid(page);

  const big = await bigLedger("big.csv");
  await page.goto(server.origin + "/data");
  await appReady(page);
  // The save stops after the new workspace's first chunk, its transaction left behind as an
  // abort (running out of memory) leaves it: IndexedDB commits what was written so far.
  assert.equal(await hook(page, "cut-save-at-chunk:1"), "Cancelled");
  await importAndKeep(page, big);
  await page.getByTestId("storage-failed").waitFor({ timeout: 60000 });
  assert.equal(await page.getByTestId("workspace-status").textContent(), "big.csv");
  await page.reload();
  await appReady(page);
  assert.match(await page.getByTestId("workspace-status").textContent(), /^Sample ledger/);
  await page.goto(server.origin + "/pyramid?period=2023");
  await appReady(page);
  assert.deepEqual(await pyramid(page), figures);
  await context.close();
});

test("closing the page while a save runs asks first, and staying lets the save finish", async () => {
  const { page, context } = await openApp(browser, server.origin, "/data");
  await appReady(page);
  // The save is held until the test releases it: "while a save runs" must not depend on how
  // fast this machine writes.
  assert.equal(await hook(page, "hold-save"), "Cancelled");
  await importAndKeep(page, await bigLedger("warned.csv"));
  await page.getByTestId("save-status").filter({ hasText: "Saving workspace…" }).waitFor();
  await screenshot(page, "saving");
  const dialog = new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error("no beforeunload dialog within 10 s")), 10000);
    page.once("dialog", async (d) => { clearTimeout(timer); ok(d.type()); await d.dismiss(); });
  });
  await page.close({ runBeforeUnload: true });
  assert.equal(await dialog, "beforeunload");
  // Dismissed: the page stays, the save completes, and a reload finds the new ledger.
  assert.equal(await hook(page, "release-save"), "Cancelled");
  await page.getByTestId("save-status").filter({ hasText: /^Saved$/ }).waitFor({ timeout: 60000 });
  await page.reload();
  await appReady(page);
  assert.equal(await page.getByTestId("workspace-status").textContent(), "warned.csv");
  await context.close();
});

for (const [locale, expected] of [
  ["en-GB", "tiny.csv is 0.2 MB; the browser app takes at most 0.1 MB per import. Use the command line for larger files: clientele check tiny.csv, then clientele analyze tiny.csv."],
  ["nl-NL", "tiny.csv is 0,2 MB; de browser-app neemt per import hoogstens 0,1 MB. Gebruik voor grotere bestanden de opdrachtregel: clientele check tiny.csv, daarna clientele analyze tiny.csv."],
]) {
  test(`a file over the browser's limit is refused before it is read, naming the limit and the command (${locale})`, async () => {
    // The limit lowered to 100,000 bytes (test builds only). The file: a 21-byte header and
    // 7,894 lines of 19 bytes = 21 + 149,986 = 150,007 bytes, 0.150007 MB, rounded up to 0.2 MB.
    const { page, context } = await openApp(browser, server.origin, "/data", { locale, init: () => { window.clienteleTestImportLimit = 100000; } });
    await appReady(page);
    const content = "customer,date,amount\n" + "C1,2024-01-01,1.00\n".repeat(7894);
    assert.equal(Buffer.byteLength(content), 150007);
    await page.getByTestId("ledger-files").setInputFiles({ name: "tiny.csv", mimeType: "text/csv", buffer: Buffer.from(content) });
    await page.getByTestId("import").click();
    assert.equal(await page.getByTestId("error").textContent(), expected);
    assert.equal(await page.locator('[data-testid="loaded"]').count(), 0);
    await screenshot(page, `too-large-${locale}`);
    await context.close();
  });
}

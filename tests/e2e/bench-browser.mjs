// The browser timing run (not a test: it asserts nothing, it measures). Imports a large ledger
// into the release build in headless Chromium and prints how long each step took and the
// browser's peak memory; then imports the same file into DuckDB-Wasm (duckdb-wasm.mjs) in the
// same browser, twice, and prints the ratio of the app's pick-to-ready to DuckDB-Wasm's best.
//
//   node tests/e2e/bench-browser.mjs [ledger.csv]
//
// PAUSE_MS=2000 waits that long after the save before the first page is visited, as a user
// reading the import report would (the worker prepares the first pages' tables meanwhile);
// by default the pages are visited at once.
//
// Without a file it generates the 1,000,000-line benchmark ledger with
// `cargo run --profile native -- sample --lines 1000000`. Build the app first (`trunk build --release --offline`).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, launch, openApp, appReady } from "./harness.mjs";
import { startDuckServer, duckdbImport } from "./duckdb-wasm.mjs";

function ledgerFile() {
  if (process.argv[2]) return process.argv[2];
  const path = join(tmpdir(), "clientele-bench-1m.csv");
  try {
    statSync(path);
  } catch {
    const csv = execFileSync("cargo", ["run", "--quiet", "--profile", "native", "--", "sample", "--lines", "1000000"], { maxBuffer: 1 << 30 });
    writeFileSync(path, csv);
  }
  return path;
}

/** The ids of every Chromium process (the browser's, its renderers', its helpers'). */
function chromiumProcesses() {
  return readdirSync("/proc").filter((pid) => /^\d+$/.test(pid)).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "chromium";
    } catch {
      return false;
    }
  });
}

/**
 * Resident memory of the processes `pids`, in MiB (the browser's whole footprint). Read from
 * /proc, not by starting `ps`: a process started every 50 ms would take from the two cores the
 * import runs on, and block this script's event loop while it runs.
 */
function browserMemory(pids) {
  let pages = 0;
  for (const pid of pids) {
    try {
      pages += Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]);
    } catch {
      // A process that has ended holds no memory.
    }
  }
  return (pages * 4096) / (1 << 20);
}

/**
 * The time a user waits, on the page's own clock: from the next `event` (a click on the
 * navigation, a filter's change) to the first frame drawn once the result is on screen: a
 * visible result table under the heading `heading`, or a first result table whose text is no
 * longer `changedFrom`. Armed before the event; the test driver's round trips are not in it.
 */
async function timeOnPage(page, event, { heading, changedFrom }) {
  await page.evaluate(({ event, heading, changedFrom }) => {
    window.__timed = new Promise((resolve) => {
      const shown = () => {
        const table = document.querySelector("main table[data-table]");
        if (changedFrom !== undefined) return table !== null && table.textContent !== changedFrom;
        const h1 = document.querySelector("main h1");
        const visible = [...document.querySelectorAll("main table[data-table]")].some((t) => t.checkVisibility());
        return h1 !== null && h1.textContent.includes(heading) && visible;
      };
      document.addEventListener(event, (e) => {
        const start = e.timeStamp;
        // The frame drawn after the result: a task queued from the next animation frame runs
        // once that frame has been handed to the compositor.
        const drawn = () => requestAnimationFrame(() => setTimeout(() => resolve(Math.round(performance.now() - start))));
        if (shown()) return drawn();
        const observer = new MutationObserver(() => {
          if (!shown()) return;
          observer.disconnect();
          drawn();
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      }, { capture: true, once: true });
    });
  }, { event, heading, changedFrom });
  // Wrapped: an async function's returned promise would be awaited by its caller at once.
  return { ms: page.evaluate(() => window.__timed) };
}

const file = ledgerFile();
const megabytes = statSync(file).size / 1e6;
const server = await startServer();
const browser = await launch();
const started = Date.now();
const { page, context } = await openApp(browser, server.origin, "/data");
await appReady(page);
const interactive = Date.now() - started;
// The same moment on the page's own clock, which starts at its navigation: without the new
// browser context and the test driver's round trips.
const interactiveInPage = Math.round(await page.evaluate(() => performance.now()));

// The browser's processes are all started by now: the import's workers are threads of the page's.
const processes = chromiumProcesses();
const baseline = browserMemory(processes);
let peak = baseline;
const sampler = setInterval(() => { peak = Math.max(peak, browserMemory(processes)); }, 50);
const t0 = Date.now();
await page.getByTestId("ledger-files").setInputFiles(file);
await page.locator(".preview").waitFor({ timeout: 120000 });
const t1 = Date.now();
await page.getByTestId("import").click();
await page.getByTestId("report").waitFor({ timeout: 300000 });
const t2 = Date.now();
const importPeak = peak;
await page.getByTestId("keep").click();
await page.getByTestId("loaded").waitFor({ timeout: 120000 });
const t3 = Date.now();
await page.getByTestId("storage-saved").or(page.getByTestId("storage-failed")).waitFor({ timeout: 300000 });
const t4 = Date.now();
clearInterval(sampler);
const lines = await page.locator('[data-testid="loaded"] table.table-summary tbody tr').first().locator("td").textContent();

const pause = Number(process.env.PAUSE_MS ?? 0);
await page.waitForTimeout(pause);

// Each analysis page, reached through the navigation as a user would: from the click to its
// first result table on screen (the first visit to a scope builds the revenue table).
const pages = [["Customer Pyramid", "pyramid-levels"], ["Migration", "migration-matrix"], ["Customer Flows", null],
  ["Concentration", null], ["Customer Views", null], ["RFM Segments", null], ["Cohorts", null]];
const pageTimes = [];
for (const [name] of pages) {
  const t = Date.now();
  const inPage = await timeOnPage(page, "click", { heading: name });
  await page.locator("nav.nav a", { hasText: new RegExp(`^${name}$`) }).click();
  await page.locator("main h1", { hasText: name }).waitFor();
  await page.locator("main table[data-table]:visible").first().waitFor({ timeout: 120000 });
  pageTimes.push([name, Date.now() - t, await inPage.ms]);
}
// A filter change on one page: another year, then a department.
await page.locator("nav.nav a", { hasText: /^Customer Pyramid$/ }).click();
await page.locator("main table[data-table]:visible").first().waitFor();
const years = await page.getByTestId("filter-period").first().locator("option").evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
const filterTimes = [];
for (const [label, select, value] of [["another year", "filter-period", years[1]], ["a department (new scope)", "filter-scope", null]]) {
  const before = await page.locator("main table[data-table]:visible").first().innerText();
  const choice = value ?? (await page.getByTestId(select).first().locator("option").nth(1).getAttribute("value"));
  const t = Date.now();
  const inPage = await timeOnPage(page, "change", { changedFrom: await page.locator("main table[data-table]").first().textContent() });
  await page.getByTestId(select).first().selectOption(choice);
  await page.waitForFunction((old) => {
    const table = document.querySelector("main table[data-table]");
    return table && table.innerText !== old;
  }, before, { timeout: 120000 });
  filterTimes.push([label, Date.now() - t, await inPage.ms]);
}
// The next visit: the workspace saved above restored from IndexedDB, until its ledger's summary
// is on the Data page again (a new navigation, so the app's start is included).
const t5 = Date.now();
await page.goto(server.origin + "/data");
await appReady(page);
await page.getByTestId("loaded").locator("table.table-summary").waitFor({ timeout: 300000 });
const restored = Date.now() - t5;
const restoredInPage = Math.round(await page.evaluate(() => performance.now()));

console.log(`ledger: ${file} (${megabytes.toFixed(1)} MB, ${lines} lines)`);
console.log(`app interactive after navigation: ${interactive} ms (${interactiveInPage} ms from the page's navigation start)`);
console.log(`pick -> preview shown:            ${t1 - t0} ms`);
console.log(`import (read, parse, report):     ${t2 - t1} ms`);
console.log(`keep -> ledger ready:             ${t3 - t2} ms`);
console.log(`saved in IndexedDB:               ${t4 - t3} ms`);
console.log(`next visit -> ledger restored:    ${restored} ms (${restoredInPage} ms from the page's navigation start)`);
console.log(`pick -> ready (excluding save):   ${t3 - t0 - 0} ms (of which the user's clicks: none)`);
if (pause) console.log(`pages visited ${pause} ms after the save`);
console.log(`browser memory before the import (all processes): ${baseline.toFixed(0)} MiB`);
console.log(`  added at peak while importing: ${(importPeak - baseline).toFixed(0)} MiB; until saved in IndexedDB: ${(peak - baseline).toFixed(0)} MiB`);
for (const [name, ms, inPage] of pageTimes) console.log(`page ${name.padEnd(18)} click -> result: ${ms} ms (${inPage} ms on the page's clock)`);
for (const [name, ms, inPage] of filterTimes) console.log(`filter change to ${name}: ${ms} ms (${inPage} ms on the page's clock)`);
await context.close();

const duck = await startDuckServer();
const duckRuns = [];
for (let run = 0; run < 2; run++) duckRuns.push(await duckdbImport(browser, duck.origin, file));
const duckBest = Math.min(...duckRuns.map((r) => r.ms));
console.log(`DuckDB-Wasm ${duckRuns[0].version} (EH bundle, one thread), pick -> table of ${duckRuns[0].lines} lines: ` +
  `${duckRuns.map((r) => r.ms).join(" ms, ")} ms`);
console.log(`ratio, the app's pick -> ready over DuckDB-Wasm's best import: ${((t3 - t0) / duckBest).toFixed(2)}`);
await duck.close();
await browser.close();
await server.close();

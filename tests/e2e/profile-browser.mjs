// Where a large import's time goes in the browser (not a test: it measures). Imports the ledger
// into the release build in headless Chromium with V8's sampling profiler on (`--prof`), keeps
// it, waits until it is saved in IndexedDB, opens the app again (the workspace restored) and
// visits Customer Views, then prints the profile of each thread that ran wasm (the page, the
// worker, the part worker, the next visit's page and worker): its functions by name (the
// release wasm keeps its name section) and the C library's copies.
//
//   CLIENTELE_DIST=dist-rel node tests/e2e/profile-browser.mjs ledger.csv
//
// Ticks are samples of one thread (about one per millisecond of its work); they tell where
// its time goes, not wall time. Each thread's full bottom-up profile stays in its log, named
// after it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { startServer, appReady } from "./harness.mjs";

const file = process.argv[2];
if (!file) throw new Error("usage: node tests/e2e/profile-browser.mjs ledger.csv");
const logs = mkdtempSync(join(tmpdir(), "clientele-v8-"));
const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", `--js-flags=--prof --logfile=${logs}/v8.log`],
});
const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
await page.goto(server.origin + "/data");
await appReady(page);
const started = Date.now();
await page.getByTestId("ledger-files").setInputFiles(file);
await page.locator(".preview").waitFor({ timeout: 120000 });
await page.getByTestId("import").click();
await page.getByTestId("report").waitFor({ timeout: 300000 });
console.log(`pick -> report: ${Date.now() - started} ms`);
let t = Date.now();
await page.getByTestId("keep").click();
await page.getByTestId("loaded").waitFor({ timeout: 120000 });
console.log(`keep -> ledger ready: ${Date.now() - t} ms`);
t = Date.now();
await page.getByTestId("storage-saved").or(page.getByTestId("storage-failed")).waitFor({ timeout: 300000 });
console.log(`-> saved: ${Date.now() - t} ms`);
t = Date.now();
await page.goto(server.origin + "/data");
await appReady(page);
await page.getByTestId("loaded").locator("table.table-summary").waitFor({ timeout: 300000 });
console.log(`next visit -> ledger restored: ${Date.now() - t} ms`);
// The slowest analysis page's first visit, from the click to its first table.
t = Date.now();
await page.locator("nav.nav a", { hasText: /^Customer Views$/ }).click();
await page.locator("main table[data-table]:visible").first().waitFor({ timeout: 120000 });
console.log(`Customer Views, click -> result: ${Date.now() - t} ms`);
await browser.close();
await server.close();

// One log per isolate: the page's and each worker's (the import's worker, its part worker, and
// the next visit's), each named after the engine's functions it ran.
const renderers = readdirSync(logs).map((f) => join(logs, f)).filter((f) => readFileSync(f, "latin1").includes("clientele::engine"));
for (const renderer of renderers.sort()) {
  const profile = execFileSync(process.execPath, ["--prof-process", renderer], { maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "ignore"] }).toString();
  console.log(`\n${profile.split("\n").find((l) => l.startsWith("Statistical"))}`);
  console.log(profile.split("\n").filter((l) => /^\s+\d+\s+[\d.]+%/.test(l)).slice(0, 30).join("\n"));
  console.log(`full profile: node --prof-process ${renderer}`);
}

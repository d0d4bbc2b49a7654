// Saved workspaces open in every later version. tests/fixtures holds an IndexedDB database and a
// workspace file of each format version, each written once by an old build
// (tests/fixtures/README.md) from tests/data/stored_formats.csv; the current build must open each
// to the figures hand-worked in tests/stored_formats.rs (repeated below as the pages format them).
//
// IndexedDB files are specific to a Chromium version, so the database is kept as a portable
// dump: every store and record, bytes in base64. It is written into a fresh profile on a page of
// the app's origin that is not the app, before the app first opens the database.
//
// CLIENTELE_WRITE_FIXTURES=1 writes a missing dump from the build under test (import the ledger
// in the app, then read its database); it never overwrites one.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { startServer, launch, openApp, appReady, screenshot } from "./harness.mjs";

const ROOT = new URL("../..", import.meta.url).pathname;
const LEDGER = `${ROOT}tests/data/stored_formats.csv`;
const DUMP = `${ROOT}tests/fixtures/indexeddb-v1.json`;
const FIXTURES = `${ROOT}tests/fixtures`;
// One workspace file per format version, each as that version wrote it.
const WORKSPACES = ["workspace-v1.clientele", "workspace-v2-pools.clientele", "workspace-v3-pools.clientele"];

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// Hand-worked in tests/stored_formats.rs. Per level: customers, revenue, gross margin.
const PYRAMID = {
  2024: { Top: ["1", "6,500.00", "2,600.00"], Big: ["0", "0.00", "0.00"], Medium: ["1", "1,750.00", "700.00"], Small: ["4", "3,300.00", "1,300.00"], Inactive: ["0", "0.00", "0.00"] },
  2025: { Top: ["1", "5,000.00", "1,750.00"], Big: ["0", "0.00", "0.00"], Medium: ["1", "2,500.00", "1,000.00"], Small: ["4", "3,500.00", "1,250.00"], Inactive: ["3", "-200.00", "-80.00"] },
};
// 2025: start, lost, new, regained, retained, end (the page's column order).
const FLOWS = [["2025", "6", "3", "3", "0", "3", "6"]];
// Top k(20 %) = 2 of 6 customers: 8,250 of 11,550 = 71.4 %, 7,500 of 11,000 = 68.2 %.
// Gini, x ascending, weights 2i - 7 = -5, -3, -1, 1, 3, 5:
// 2024: (-1500 - 1800 - 800 + 1600 + 5250 + 32500) / (6 * 11550) = 35250 / 69300 = 0.509;
// 2025: (-2250 - 2100 - 1100 + 1250 + 7500 + 25000) / (6 * 11000) = 28300 / 66000 = 0.429.
const CONCENTRATION = {
  2024: ["33.3 % of customers make 71.4 % of revenue", "0.509"],
  2025: ["33.3 % of customers make 68.2 % of revenue", "0.429"],
};

async function rows(page, table) {
  const locator = page.locator(`table[data-table="${table}"] tbody tr`);
  await locator.first().waitFor();
  return locator.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
}

/** Goes to a page through the navigation (no reload: the workspace is the one just opened). */
async function visit(page, name) {
  await page.locator("nav.nav a", { hasText: name }).first().click();
  await page.locator("main h1").first().waitFor();
}

async function choosePeriod(page, year) {
  await page.getByTestId("filter-period").first().selectOption(String(year));
  await page.waitForURL(new RegExp(`period=${year}`));
}

/** The hand-worked figures on the Pyramid, Flows and Concentration pages. */
async function assertFigures(page, label) {
  await visit(page, "Customer Pyramid");
  for (const year of [2024, 2025]) {
    await choosePeriod(page, year);
    await page.locator(".pyramid-view h2", { hasText: String(year) }).first().waitFor();
    const shown = Object.fromEntries((await rows(page, "pyramid-levels")).map((r) => [r[0], [r[1], r[3], r[6]]]));
    assert.deepEqual(shown, PYRAMID[year], `${label}: pyramid ${year}`);
  }
  await screenshot(page, `stored-${label}-pyramid`);
  await visit(page, "Customer Flows");
  assert.deepEqual(await rows(page, "flows"), FLOWS, `${label}: flows`);
  await visit(page, "Concentration");
  for (const year of [2024, 2025]) {
    await choosePeriod(page, year);
    // The page redraws when the answer for the chosen year arrives: wait for a statement with
    // that year's top share, then compare it whole.
    const statement = page.getByTestId("top-statement").locator(".stat-value");
    await statement.filter({ hasText: CONCENTRATION[year][0].split(" make ")[1] }).waitFor();
    assert.equal(await statement.textContent(), CONCENTRATION[year][0], `${label}: statement ${year}`);
    assert.equal(await page.getByTestId("gini").locator(".stat-value").textContent(), CONCENTRATION[year][1], `${label}: Gini ${year}`);
  }
}

/** A page of the app's origin that does not start the app (the server answers 404 for it). */
async function bareOriginPage() {
  const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await page.goto(`${server.origin}/stored-formats.txt`);
  return { context, page };
}

/** Every store and record of the database `name`; values are Uint8Arrays (base64) or plain JSON. */
function dumpDatabase(name) {
  const base64 = (bytes) => { let s = ""; for (const b of bytes) s += String.fromCharCode(b); return btoa(s); };
  const request = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
  return (async () => {
    const db = await request(indexedDB.open(name));
    const stores = [];
    for (const storeName of db.objectStoreNames) {
      const store = db.transaction(storeName).objectStore(storeName);
      const [keys, values] = [await request(store.getAllKeys()), await request(store.getAll())];
      const records = keys.map((key, i) => ({ key, value: values[i] instanceof Uint8Array ? { uint8array_base64: base64(values[i]) } : { json: values[i] } }));
      stores.push({ name: storeName, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes: [...store.indexNames], records });
    }
    db.close();
    return { database: db.name, version: db.version, stores };
  })();
}

/** Creates the dumped database, at its version, with its stores and records. */
function loadDatabase(dump) {
  const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return new Promise((ok, fail) => {
    const open = indexedDB.open(dump.database, dump.version);
    open.onupgradeneeded = () => {
      for (const s of dump.stores) {
        const store = open.result.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
        for (const r of s.records) store.put("uint8array_base64" in r.value ? bytes(r.value.uint8array_base64) : r.value.json, s.keyPath === null ? r.key : undefined);
      }
    };
    open.onsuccess = () => { open.result.close(); ok(); };
    open.onerror = () => fail(open.error);
  });
}

/** Imports the ledger in the app and dumps the database it saved (only when the dump is missing). */
async function writeDump() {
  const { page, context } = await openApp(browser, server.origin, "/data");
  await appReady(page);
  await page.getByTestId("ledger-files").setInputFiles({ name: "stored_formats.csv", mimeType: "text/csv", buffer: await readFile(LEDGER) });
  await page.getByTestId("import").click();
  await page.getByTestId("keep").click();
  await page.getByTestId("storage-saved").waitFor();
  const dump = await page.evaluate(dumpDatabase, "clientele");
  await writeFile(DUMP, JSON.stringify({ written_by: `${process.env.CLIENTELE_WRITTEN_BY || "unknown"}, Chromium ${browser.version()}`, ...dump }, null, 1) + "\n");
  await context.close();
}

test("an IndexedDB database of schema 1 restores the workspace with the same figures", async () => {
  if (process.env.CLIENTELE_WRITE_FIXTURES === "1" && !existsSync(DUMP)) await writeDump();
  const dump = JSON.parse(await readFile(DUMP, "utf8"));
  assert.deepEqual([dump.database, dump.version, dump.stores.map((s) => s.name)], ["clientele", 1, ["workspace"]]);
  const { context, page } = await bareOriginPage();
  await page.evaluate(loadDatabase, dump);
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  // The bare page's own 404s (the page, and the favicon Chromium asks for it) may reach the
  // console after this listener is attached: only what the app says counts (it has an icon).
  const bare = [page.url(), `${server.origin}/favicon.ico`];
  page.on("console", (m) => { if (m.type() === "error" && !bare.includes(m.location().url)) problems.push(`console: ${m.text()}`); });
  await page.goto(`${server.origin}/data`);
  await appReady(page);
  assert.equal(await page.getByTestId("workspace-status").textContent(), "stored_formats.csv", "restored from the old database");
  await assertFigures(page, "indexeddb");
  assert.deepEqual(problems, []);
  await context.close();
});

for (const file of WORKSPACES) {
  const version = file.match(/-v(\d)/)[1];
  test(`a version ${version} workspace file opens through 'Open workspace file' with the same figures`, async () => {
    const { page, context, problems } = await openApp(browser, server.origin, "/data");
    await appReady(page);
    const buffer = await readFile(`${FIXTURES}/${file}`);
    assert.equal(buffer.readUInt16LE(9), Number(version), "the file's format version");
    await page.getByTestId("ledger-files").setInputFiles({ name: file, mimeType: "application/octet-stream", buffer });
    await page.getByTestId("loaded").waitFor();
    assert.equal(await page.getByTestId("workspace-status").textContent(), "stored_formats.csv");
    await assertFigures(page, `file-v${version}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("a cut workspace file of the current format is refused in Dutch, and the workspace in use stays", async () => {
  const { page, context } = await openApp(browser, server.origin, "/data", { locale: "nl-NL" });
  await page.setViewportSize({ width: 800, height: 1000 });
  await appReady(page);
  const whole = await readFile(`${FIXTURES}/workspace-v3-pools.clientele`);
  await page.getByTestId("ledger-files").setInputFiles({ name: "werkruimte.clientele", mimeType: "application/octet-stream", buffer: whole });
  await page.getByTestId("loaded").waitFor();
  const cut = whole.subarray(0, whole.length - 100);
  await page.getByTestId("ledger-files").setInputFiles({ name: "kapot.clientele", mimeType: "application/octet-stream", buffer: cut });
  await page.getByTestId("error").waitFor();
  assert.equal(await page.getByTestId("error").textContent(), "kapot.clientele: dit werkruimtebestand is beschadigd of onvolledig: gebruik een andere kopie ervan");
  assert.equal(await page.getByTestId("workspace-status").textContent(), "stored_formats.csv", "the workspace in use is kept");
  await screenshot(page, "stored-file-cut-nl-800");
  await context.close();
});

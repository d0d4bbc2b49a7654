// Printing (issue 20): every page, with the sample loaded, printed to A4 as Chromium's "Save as
// PDF" does. Laid out at the printable width of style/print.css (A4 210 mm less 2 x 12 mm margins
// = 186 mm = 703 CSS px at 96 px per inch), nothing may be wider than the sheet or scroll inside
// its box; the repeated print header must say what the sheet shows; one PDF per page is kept in
// artifacts/print/ to look at. The PDFs themselves are read with poppler's pdftotext (scripts/test
// installs poppler-utils): the header is on every sheet and the first sheet holds more than the
// page's title.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { startServer, launch, openApp, appReady, PAGES, ARTIFACTS, loadSample } from "./harness.mjs";

const PRINTABLE_WIDTH = 703;
const OUT = join(ARTIFACTS, "print");
let server, browser;

before(async () => {
  server = await startServer();
  browser = await launch();
  await mkdir(OUT, { recursive: true });
});
after(async () => { await browser?.close(); await server?.close(); });

const ALL = [["Overview", "/"], ...PAGES, ["RFM Segments", "/rfm"], ["Cohorts", "/cohorts"], ["Methods", "/methods"]];

function pdftotext(file, ...args) {
  try {
    return execFileSync("pdftotext", ["-layout", ...args, file, "-"], { encoding: "utf8" });
  } catch (e) {
    if (e.code === "ENOENT") throw new Error("pdftotext not found: install poppler-utils (bash scripts/test does)");
    throw e;
  }
}

/** A fresh context in `locale` with the sample loaded and saved. */
async function withSample(locale) {
  const app = await loadSample(browser, server.origin, { locale });
  await app.page.emulateMedia({ media: "print" });
  await app.page.setViewportSize({ width: PRINTABLE_WIDTH, height: 1000 });
  return app;
}

/** Opens `path` and waits until every answer is drawn and the header names the latest year. */
async function visit(page, path) {
  await page.goto(server.origin + path);
  // The navigation is hidden in print, so harness.appReady (which waits for it to show) cannot.
  await page.locator("nav.nav").waitFor({ state: "attached", timeout: 30000 });
  await page.waitForFunction(() => {
    const computing = [...document.querySelectorAll('.hint[role="status"]')].length > 0;
    const header = document.querySelector('[data-testid="print-header"]')?.textContent ?? "";
    const status = document.querySelector('[data-testid="workspace-status"]')?.textContent ?? "…";
    return !status.includes("…") && !computing && /\d{4} \(/.test(header);
    // The Lifetime Value page fits its models on every visit (a page load starts a new worker):
    // seconds in a release build, a few minutes in a debug one. How fast is a benchmark's question.
  }, null, { timeout: 300000 });
}

/** What is wider than the sheet or scrolls inside its box, laid out for print. */
function overflowing(width) {
  const name = (el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? "." + el.className.trim().replace(/\s+/g, ".") : ""}${el.dataset?.table ? `[${el.dataset.table}]` : ""}`;
  const shown = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const found = [];
  for (const el of document.querySelectorAll("table, svg, figure, img, pre, .chart, .table-frame, .chart-frame")) {
    const r = el.getBoundingClientRect();
    if (shown(el) && (r.left < -0.5 || r.right > width + 0.5)) found.push(`${name(el)} spans ${Math.round(r.left)}..${Math.round(r.right)} px`);
  }
  // An SVG's insides are drawn, not laid out: the SVG itself is measured above. Text for screen
  // readers only (`.visually-hidden`) is clipped to one pixel on purpose and draws nothing.
  for (const el of document.querySelectorAll("body *:not(svg *):not(.visually-hidden)")) {
    if (shown(el) && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) found.push(`${name(el)} scrolls: ${el.scrollWidth} > ${el.clientWidth} px`);
  }
  if (document.documentElement.scrollWidth > width) found.push(`the page is ${document.documentElement.scrollWidth} px wide`);
  return found;
}

/** Today as the header writes it: ISO in English, day-month-year in Dutch (i18n/format.rs). */
function today(locale) {
  const d = new Date();
  const [y, m, day] = [d.getFullYear(), String(d.getMonth() + 1).padStart(2, "0"), String(d.getDate()).padStart(2, "0")];
  return locale === "nl" ? `${day}-${m}-${y}` : `${y}-${m}-${day}`;
}

const WORDS = {
  en: { printed: "Printed", year: "Year: Latest year: ", scope: "Scope: Whole company", privacy: "Computed in this browser" },
  nl: { printed: "Afgedrukt", year: "Jaar: Laatste jaar: ", scope: "Bereik: Hele bedrijf", privacy: "Berekend in deze browser" },
};

/** Prints the open page to artifacts/print/`file`-`lang`.pdf; returns what is wrong with it. */
async function printAndCheck(page, title, lang, file) {
  const wrong = (await page.evaluate(overflowing, PRINTABLE_WIDTH)).map((p) => `cut off: ${p}`);
  const header = await page.getByTestId("print-header").textContent();
  const w = WORDS[lang];
  // The sample's latest year is a calendar year: "2025 (2025-01-01 – 2025-12-31)" in English.
  for (const part of [`Clientele · ${title}`, `${w.printed}: ${today(lang)}`, w.year, w.scope, w.privacy]) {
    if (!header.includes(part)) wrong.push(`the print header lacks "${part}": ${header}`);
  }
  const path = join(OUT, `${file}-${lang}.pdf`);
  await page.pdf({ path, format: "A4", printBackground: true });
  const text = pdftotext(path);
  const sheets = text.split("\f").filter((s, i, all) => i < all.length - 1 || s.trim() !== "");
  sheets.forEach((sheet, i) => { if (!sheet.includes(`Clientele · ${title}`)) wrong.push(`sheet ${i + 1} has no print header`); });
  // The first sheet must hold more than the header, the page's title and its lead (Customer
  // Views used to print those alone on sheet 1): at least four lines below the privacy line,
  // the page number not counted.
  const lines = sheets[0].split("\n").filter((l) => l.trim() !== "" && !/^\s*\d+ \/ \d+\s*$/.test(l));
  const body = lines.slice(lines.findIndex((l) => l.includes(w.privacy)) + 1);
  if (body.length < 4) wrong.push(`the first sheet holds only: ${body.map((l) => l.trim()).join(" | ")}`);
  return wrong.map((p) => `${title} (${lang}): ${p}`);
}

const slug = (label) => label.toLowerCase().replace(/[^a-z]+/g, "-").replace(/^-|-$/g, "") || "overview";

test("every page prints on A4 with nothing cut off, and says what it shows (English)", async () => {
  const { context, page } = await withSample("en-GB");
  const wrong = [];
  for (const [title, path] of ALL) {
    await visit(page, path);
    wrong.push(...(await printAndCheck(page, title, "en", slug(title))));
  }
  await visit(page, "/customer-views");
  const customer = await page.locator("a.customer-link").first().getAttribute("href");
  await visit(page, customer);
  const key = decodeURIComponent(customer.split("/customers/")[1]);
  wrong.push(...(await printAndCheck(page, `Customer ${key}`, "en", "customer")));
  assert.deepEqual(wrong, []);
  await context.close();
});

test("the print header is in Dutch when the app is", async () => {
  const { context, page } = await withSample("nl-NL");
  const wrong = [];
  for (const [title, path] of [["Klantenpiramide", "/pyramid"], ["Migratie", "/migration"], ["Klantbeelden", "/customer-views"]]) {
    await visit(page, path);
    wrong.push(...(await printAndCheck(page, title, "nl", slug(path))));
  }
  assert.deepEqual(wrong, []);
  await context.close();
});

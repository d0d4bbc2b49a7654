// The board pack (issue 15): one print view of the pyramid, the flows, the migration, the
// profitability and the scorecard roll-up for the chosen filters, clean on A4. With the sample
// loaded it is printed as Chromium's "Save as PDF" does (page.pdf, A4), in English and Dutch: each
// section starts a new sheet, so the PDF has at least one sheet per section, and the sections'
// headings come in the pack's order in its text (poppler's pdftotext); the print header names the
// filters on every sheet; nothing is wider than the printable 703 px; the sheets are rendered to
// PNG (pdftoppm) in artifacts/board-pack/ to look at.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import { startServer, launch, loadSample, ARTIFACTS } from "./harness.mjs";

const OUT = join(ARTIFACTS, "board-pack");
const PRINTABLE_WIDTH = 703;
let server, browser;

before(async () => {
  server = await startServer();
  browser = await launch();
  await mkdir(OUT, { recursive: true });
});
after(async () => { await browser?.close(); await server?.close(); });

const WORDS = {
  en: {
    title: "Board Pack",
    headings: ["Customer Pyramid", "Customer Flows", "Migration", "Profitability", "Scorecard roll-up"],
    scope: "Scope: Whole company",
    lesson: /The top 20 % of customers bring \d+\.\d % of revenue\./,
  },
  nl: {
    title: "Directierapport",
    headings: ["Klantenpiramide", "Klantstromen", "Migratie", "Winstgevendheid", "Scorecard samengevat"],
    scope: "Bereik: Hele bedrijf",
    lesson: /De beste 20 % van de klanten brengt \d+,\d % van de omzet\./,
  },
};

/** Prints the pack in `locale` and checks the PDF; returns its text. */
async function printPack(locale, lang) {
  const words = WORDS[lang];
  const { context, page, problems } = await loadSample(browser, server.origin, { locale });
  await page.goto(`${server.origin}/board-pack`);
  await page.locator("nav.nav").waitFor({ state: "attached", timeout: 30000 });
  await page.getByTestId("print-pack").waitFor();
  // Every section's answer drawn: the pyramid, the waterfall, the matrix, the account's state.
  await page.locator('[data-testid="pack-pyramid"] table[data-table="pyramid-levels"]').waitFor();
  await page.locator('[data-testid="pack-flows"] [data-chart="pack-flows-waterfall"] svg').waitFor();
  await page.locator('[data-testid="pack-migration"] table[data-table="migration-matrix"]').waitFor();
  await page.locator('[data-testid="pack-profitability"] .card').first().waitFor();
  assert.match(await page.getByTestId("pack-lesson-pyramid").textContent(), words.lesson);
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: PRINTABLE_WIDTH, height: 1000 });
  const wide = await page.evaluate((width) => [...document.querySelectorAll("table, svg, .chart-frame, .table-frame")]
    .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.right > width + 0.5; })
    .map((el) => `${el.tagName} ${el.className?.baseVal ?? el.className} ${el.dataset?.table ?? ""}`), PRINTABLE_WIDTH);
  assert.deepEqual(wide, [], "nothing wider than the printable width");
  const header = await page.getByTestId("print-header").textContent();
  assert.ok(header.includes(`Clientele · ${words.title}`) && header.includes(words.scope), header);
  const pdf = join(OUT, `board-pack-${lang}.pdf`);
  await page.pdf({ path: pdf, format: "A4", printBackground: true });
  const pages = Number(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }).match(/Pages:\s+(\d+)/)[1]);
  assert.ok(pages >= words.headings.length, `one sheet per section at least: ${pages}`);
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  const sheets = text.split("\f").filter((s) => s.trim() !== "");
  assert.equal(sheets.length, pages);
  sheets.forEach((sheet, i) => assert.ok(sheet.includes(`Clientele · ${words.title}`), `sheet ${i + 1} has the print header`));
  // Each section's heading opens a sheet, in the pack's order.
  const opening = (heading) => sheets.findIndex((sheet) => sheet.split("\n").some((l) => l.trim() === heading));
  const at = words.headings.map(opening);
  assert.ok(at.every((i) => i >= 0), `every heading is in the PDF: ${at}`);
  assert.deepEqual([...at].sort((a, b) => a - b), at, `the headings in order: ${at}`);
  assert.equal(new Set(at).size, at.length, "each section on its own sheet");
  execFileSync("pdftoppm", ["-png", "-r", "60", pdf, join(OUT, `board-pack-${lang}`)]);
  assert.ok((await readdir(OUT)).some((f) => f.startsWith(`board-pack-${lang}-`) && f.endsWith(".png")));
  assert.deepEqual(problems, []);
  await context.close();
}

test("the board pack prints on A4, a sheet per section in order, in English", async () => {
  await printPack("en-GB", "en");
});

test("the board pack prints in Dutch", async () => {
  await printPack("nl-NL", "nl");
});

// The shell: the whole product's navigation, every page reachable by URL and by click,
// pages that have not landed say so and show no numbers, unknown URLs get a clear page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, openApp, appReady, screenshot, PAGES } from "./harness.mjs";

// Pages whose analysis has landed (analyses.test.mjs tests them with a ledger).
const ANALYSES = ["/pyramid", "/migration", "/flows", "/concentration", "/customer-views", "/profitability", "/lifetime-value",
  "/interviews", "/goals", "/contact-plan", "/scorecard", "/board-pack"];
// Pages of the user's own figures: they answer without a ledger.
const OWN_FIGURES = ["/breakeven"];
// Pages of the user's own tables kept with the workspace: without one they say what to do.
const OWN_TABLES = ["/customer-focus", "/actions"];

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test("the navigation names every page of the method", async () => {
  const { page, context, problems } = await openApp(browser, server.origin, "/");
  await appReady(page);
  const links = await page.locator("nav.nav a").allTextContents();
  for (const [name] of PAGES) assert.ok(links.includes(name), `navigation lacks ${name}: ${links}`);
  assert.equal(await page.locator("main h1").textContent(), "Know your customers, without sending your data anywhere");
  await screenshot(page, "home");
  assert.deepEqual(problems, []);
  await context.close();
});

test("every page opens from its own URL and says plainly what it needs", async () => {
  const { page, context, problems } = await openApp(browser, server.origin, "/");
  await appReady(page);
  for (const [name, path] of PAGES) {
    await page.goto(server.origin + path);
    await appReady(page);
    assert.equal(await page.locator("main h1").textContent(), name, `h1 of ${path}`);
    if (ANALYSES.includes(path)) {
      // Without a ledger an analysis page says how to get one and shows no results.
      assert.match(await page.locator("main .card-empty").textContent(), /No ledger is loaded/, `${path} asks for a ledger`);
      assert.equal(await page.locator("main table, main canvas, main svg").count(), 0, `${path} shows no results`);
    } else if (OWN_FIGURES.includes(path)) {
      assert.equal(await page.locator("main .card-empty").count(), 0, `${path} needs no ledger`);
      await page.locator("main svg").first().waitFor();
    } else if (OWN_TABLES.includes(path)) {
      await page.locator("main .card-empty").first().waitFor();
      assert.equal(await page.locator("main table, main canvas, main svg").count(), 0, `${path} shows no results`);
    } else {
      // Every page has landed: none is left unchecked as a placeholder.
      assert.ok(["/", "/data", "/methods"].includes(path), `${path} is in one of the lists above`);
    }
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("clicking through the navigation changes the URL and marks the current page", async () => {
  const { page, context } = await openApp(browser, server.origin, "/");
  await appReady(page);
  await page.locator("nav.nav a", { hasText: "Customer Flows" }).click();
  await page.waitForURL(`${server.origin}/flows`);
  assert.equal(await page.locator("main h1").textContent(), "Customer Flows");
  assert.equal(await page.locator('nav.nav a[aria-current="page"]').textContent(), "Customer Flows");
  await context.close();
});

test("an unknown address shows a page-not-found message", async () => {
  const { page, context } = await openApp(browser, server.origin, "/no-such-page");
  await appReady(page);
  assert.equal(await page.locator("main h1").textContent(), "Page not found");
  await context.close();
});

test("the interface switches to Dutch and remembers it", async () => {
  const { page, context } = await openApp(browser, server.origin, "/pyramid");
  await appReady(page);
  await page.selectOption("header select", "nl");
  assert.equal(await page.locator("main h1").textContent(), "Klantenpiramide");
  assert.equal(await page.getAttribute("html", "lang"), "nl");
  await page.reload();
  await appReady(page);
  assert.equal(await page.locator("main h1").textContent(), "Klantenpiramide");
  await context.close();
});

test("the Methods page explains how every number is made, from the project's docs", async () => {
  const { page, context, problems } = await openApp(browser, server.origin, "/");
  await appReady(page);
  await page.locator("nav.nav a", { hasText: /^Methods$/ }).click();
  await page.waitForURL(`${server.origin}/methods`);
  const text = await page.locator("main").textContent();
  assert.match(text, /end = start - lost \+ new \+ regained/);
  assert.match(text, /k\(p\) = ceil\(p × n\)/);
  assert.match(text, /Importing a ledger/);
  assert.ok(await page.locator("main .doc table").count() > 0, "tables rendered");
  await screenshot(page, "methods");
  assert.deepEqual(problems, []);
  await context.close();
});

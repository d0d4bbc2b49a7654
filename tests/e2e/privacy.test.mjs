// Privacy is enforced, not promised: a strict CSP, and no request leaves the page's origin
// while a user loads the app, loads the sample data and visits every page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, openApp, appReady, PAGES } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test("no request leaves the origin, and nothing violates the CSP", async () => {
  const context = await browser.newContext();
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  await page.goto(server.origin + "/");
  await appReady(page);
  await page.getByTestId("try-sample").click();
  await page.locator("table.table-summary").waitFor();
  for (const [name] of PAGES) {
    await page.locator("nav.nav a", { hasText: new RegExp(`^${name}$`) }).click();
    await page.locator("main h1", { hasText: name }).waitFor();
  }
  await page.locator("a.brand").click();
  await page.waitForLoadState("networkidle");

  const foreign = requests.filter((url) => {
    const u = new URL(url);
    return !["data:", "blob:"].includes(u.protocol) && u.origin !== server.origin;
  });
  assert.deepEqual(foreign, [], "requests to other origins");
  assert.ok(requests.length > 3, "requests were observed");
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);

  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  for (const directive of ["default-src 'self'", "connect-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "object-src 'none'"]) {
    assert.ok(csp.includes(directive), `CSP has ${directive}`);
  }
  await context.close();
});

test("the CSP really blocks a request to another origin", async () => {
  const { page, context } = await openApp(browser, server.origin, "/");
  await appReady(page);
  const outcome = await page.evaluate(() => fetch("https://example.org/").then(() => "sent", (e) => `blocked: ${e.name}`));
  assert.match(outcome, /^blocked/);
  await context.close();
});

// Installable PWA: a manifest with icons, a service worker that caches the build, and the
// app still works (deep links included) after the server is gone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, appReady, screenshot } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test("the manifest is installable: name, start URL, standalone, 192 and 512 px icons", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.origin + "/");
  const href = await page.getAttribute('link[rel="manifest"]', "href");
  const manifest = await (await page.request.get(new URL(href, server.origin + "/").href)).json();
  assert.equal(manifest.short_name, "Clientele");
  assert.equal(manifest.display, "standalone");
  for (const size of ["192x192", "512x512"]) {
    const icon = manifest.icons.find((i) => i.sizes === size && i.type === "image/png");
    assert.ok(icon, `icon ${size}`);
    const response = await page.request.get(new URL(icon.src, server.origin + "/").href);
    assert.equal(response.status(), 200, icon.src);
  }
  await context.close();
});

test("after one visit the app works with the server gone", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.origin + "/");
  await appReady(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  // The first load is not controlled by the worker; wait until it is, as on a second visit.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await server.close();
  await page.goto(server.origin + "/concentration");
  await appReady(page);
  assert.equal(await page.locator("main h1").textContent(), "Concentration");
  await page.locator("nav.nav a", { hasText: "Overview" }).click();
  await page.getByTestId("try-sample").click();
  await page.locator("table.table-summary").waitFor();
  await screenshot(page, "offline-sample");
  server = await startServer();
  await context.close();
});

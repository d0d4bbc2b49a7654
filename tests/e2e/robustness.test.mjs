// Bad environments get readable messages, never a blank page: no WebAssembly or no SIMD, storage
// disabled, and a panic inside the app.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, openApp, appReady, screenshot } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test("a browser without WebAssembly is told why the app cannot run", async () => {
  const { page, context } = await openApp(browser, server.origin, "/", { init: () => { delete window.WebAssembly; } });
  const message = page.locator("#boot-message");
  await page.waitForFunction(() => document.querySelector("#boot-message").textContent.includes("WebAssembly"));
  assert.match(await message.textContent(), /WebAssembly is missing or disabled/);
  assert.ok(await message.isVisible());
  await screenshot(page, "no-wasm");
  await context.close();
});

test("a browser without WebAssembly SIMD is told it is too old, in its language", async () => {
  // As such a browser answers: a module with a SIMD instruction (prefix 0xfd) is not valid.
  const noSimd = () => {
    const validate = WebAssembly.validate;
    WebAssembly.validate = (bytes) => !new Uint8Array(bytes).includes(0xfd) && validate(bytes);
  };
  for (const [locale, expected] of [["en-GB", /too old for Clientele: it lacks WebAssembly SIMD/], ["nl-NL", /te oud voor Clientele: hij mist WebAssembly SIMD/]]) {
    const { page, context } = await openApp(browser, server.origin, "/", { locale, init: noSimd });
    await page.waitForFunction(() => document.querySelector("#boot-message").textContent.includes("SIMD"));
    assert.match(await page.locator("#boot-message").textContent(), expected);
    await page.waitForTimeout(500);
    assert.equal(await page.locator("nav.nav").count(), 0, "the app is not started");
    await screenshot(page, `no-simd-${locale}`);
    await context.close();
  }
});

test("with storage disabled the app warns and still works", async () => {
  const blockStorage = () => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError"); } });
    Object.defineProperty(window, "indexedDB", { get() { return undefined; } });
  };
  const { page, context, problems } = await openApp(browser, server.origin, "/", { init: blockStorage });
  await appReady(page);
  const warning = page.locator("#storage-warning");
  assert.ok(await warning.isVisible());
  assert.match(await warning.textContent(), /storage is disabled/);
  await page.getByTestId("try-sample").click();
  await page.locator("table.table-summary").waitFor();
  await screenshot(page, "no-storage");
  assert.deepEqual(problems.filter((p) => p.startsWith("pageerror")), []);
  await context.close();
});

test("a panic shows the error panel, not a dead page", async () => {
  const { page, context } = await openApp(browser, server.origin, "/?clientele-test-panic");
  const panel = page.locator("#fatal");
  await panel.waitFor({ state: "visible" });
  assert.equal(await page.locator("#fatal-title").textContent(), "Something went wrong");
  assert.match(await page.locator("#fatal-text").textContent(), /saved workspace is untouched/);
  assert.match(await page.locator("#fatal-detail").textContent(), /test panic/);
  await screenshot(page, "panic");
  await context.close();
});

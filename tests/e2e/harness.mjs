// Shared by the end-to-end tests: a static server for the built app (as a consultant would
// host it, with the SPA fallback) and headless Debian Chromium driven by playwright-core.
import { createServer } from "node:http";
import { readFile, stat, mkdir } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";

export const DIST = resolve(process.env.CLIENTELE_DIST || new URL("../../dist", import.meta.url).pathname);
export const ARTIFACTS = resolve(new URL("./artifacts", import.meta.url).pathname);

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
  ".json": "application/json",
};

/** Serves DIST on 127.0.0.1 at a free port; unknown paths without an extension get index.html. */
export async function startServer() {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = normalize(join(DIST, path));
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    } catch {
      if (extname(path) !== "") {
        res.writeHead(404).end("not found");
        return;
      }
      file = join(DIST, "index.html");
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-cache" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }) };
}

/** Headless Chromium with the flags this machine needs (see ../shared/docs/stack.md). */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

/** A fresh browser context and page; console errors and page errors are collected. */
export async function openApp(browser, origin, path = "/", { locale = "en-GB", init } = {}) {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 860 } });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  await page.goto(origin + path);
  return { context, page, problems };
}

/** Posts a test hook to the worker (`worker/mod.rs`'s `test_hook`); resolves with what its
 * request answered. */
export async function hook(page, name) {
  const present = await page.evaluate(() => typeof window.clienteleTest?.worker === "function");
  if (!present) throw new Error("this build has no test hooks: build it with `trunk build --features test-hooks` (scripts/test does)");
  return page.evaluate((h) => window.clienteleTest.worker(h), name);
}

/** Waits until the app has mounted (the navigation is drawn) and the worker has said what
 * workspace it restored from storage. */
export async function appReady(page) {
  await page.locator("nav.nav").waitFor({ timeout: 30000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid="workspace-status"]')?.textContent.includes("…"), null, { timeout: 30000 });
}

/** The app with the sample ledger loaded and saved, so that every later visit finds it. */
export async function loadSample(browser, origin, options) {
  const app = await openApp(browser, origin, "/", options);
  await appReady(app.page);
  await app.page.getByTestId("try-sample").click();
  await app.page.locator("table.table-summary").waitFor();
  // The next visit finds the sample only once it is saved.
  await app.page.getByTestId("storage-saved").waitFor();
  return app;
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The pages of the product and their URL paths, as the issue names them. */
export const PAGES = [
  ["Data", "/data"],
  ["Customer Pyramid", "/pyramid"],
  ["Migration", "/migration"],
  ["Customer Flows", "/flows"],
  ["Concentration", "/concentration"],
  ["Customer Views", "/customer-views"],
  ["Profitability", "/profitability"],
  ["Lifetime Value", "/lifetime-value"],
  ["Interviews", "/interviews"],
  ["Goals", "/goals"],
  ["Contact Plan", "/contact-plan"],
  ["Scorecard", "/scorecard"],
  ["Customer Focus", "/customer-focus"],
  ["Actions", "/actions"],
  ["Board Pack", "/board-pack"],
  ["Breakeven", "/breakeven"],
];

/** Runs the `clientele` command line and returns what it printed: the binary CLIENTELE_CLI
 *  names, or else a release build run by cargo (the tests' independent figures come from it). */
export function clientele(args) {
  const [command, prefix] = process.env.CLIENTELE_CLI
    ? [process.env.CLIENTELE_CLI, []]
    : ["cargo", ["run", "--release", "--quiet", "--bin", "clientele", "--"]];
  const root = new URL("../..", import.meta.url).pathname;
  return execFileSync(command, [...prefix, ...args], { cwd: root, encoding: "utf8", maxBuffer: 256 << 20 });
}

/** The cells of one CSV line (quotes as RFC 4180 writes them). */
export function csvCells(line) {
  const out = [];
  let cell = "", quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') { cell += '"'; i++; }
    else if (c === '"') quoted = !quoted;
    else if (c === "," && !quoted) { out.push(cell); cell = ""; }
    else cell += c;
  }
  out.push(cell);
  return out;
}

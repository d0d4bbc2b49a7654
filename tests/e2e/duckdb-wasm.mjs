// DuckDB-Wasm (from npm, @duckdb/duckdb-wasm: the EH bundle, one thread) in the same headless
// Chromium as the app, for bench-browser.mjs: the anchor the app's import is measured against.
// A page of its own on its own local server imports a picked File into a table with read_csv,
// the way an app built on DuckDB-Wasm would.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const MODULES = resolve(new URL("./node_modules", import.meta.url).pathname);
const DIST = "/node_modules/@duckdb/duckdb-wasm/dist/";
const TYPES = { ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm" };

// DuckDB's bundle imports apache-arrow, which imports tslib and flatbuffers: mapped to their ES modules.
const PAGE = `<!doctype html><meta charset="utf-8"><title>DuckDB-Wasm import</title>
<script type="importmap">{"imports": {
  "apache-arrow": "/node_modules/apache-arrow/Arrow.dom.mjs",
  "tslib": "/node_modules/tslib/tslib.es6.mjs",
  "flatbuffers": "/node_modules/flatbuffers/mjs/flatbuffers.js"}}</script>
<input type="file" id="ledger">
<script type="module">
import * as duckdb from "${DIST}duckdb-browser.mjs";
const worker = new Worker("${DIST}duckdb-browser-eh.worker.js");
const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
await db.instantiate("${DIST}duckdb-eh.wasm");
const version = await db.getVersion();
window.duckdbImport = async () => {
  const file = document.getElementById("ledger").files[0];
  await db.registerFileHandle("ledger.csv", file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
  const connection = await db.connect();
  await connection.query("CREATE TABLE ledger AS SELECT * FROM read_csv('ledger.csv', header = true)");
  const lines = Number((await connection.query("SELECT count(*) AS n FROM ledger")).toArray()[0].n);
  await connection.close();
  return { lines, version };
};
window.duckdbReady = true;
</script>`;

/** Serves the page and the npm modules it needs on 127.0.0.1 at a free port. */
export async function startDuckServer() {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (path === "/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
      return;
    }
    const file = normalize(join(MODULES, path.replace(/^\/node_modules/, "")));
    if (!file.startsWith(MODULES)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }) };
}

/** Milliseconds from picking `file` until DuckDB-Wasm holds it as a table, in a fresh context. */
export async function duckdbImport(browser, origin, file) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(origin + "/");
  await page.waitForFunction(() => window.duckdbReady === true, null, { timeout: 120000 });
  const t0 = Date.now();
  await page.locator("#ledger").setInputFiles(file);
  const { lines, version } = await page.evaluate(() => window.duckdbImport());
  const ms = Date.now() - t0;
  await context.close();
  return { ms, lines, version };
}

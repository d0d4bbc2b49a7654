// The lifetime value timing run (not a test: it asserts nothing, it measures). In headless Chromium
// against the release build, it imports a ledger, opens the Lifetime Value page and times the fits
// (BG/NBD, Pareto/NBD, Gamma-Gamma) and everything the page computes from them, from the click in the
// navigation to the parameters table on screen; beside it, in the same run, the native
// `clientele clv` on the same file, whole process, as the anchor.
//
//   node tests/e2e/bench-lifetime-value.mjs
//
// Two ledgers: the CDNOW sample (tests/data/cdnow_sample.csv) repeated under new ids until there are
// 20,000 customers, each copy a day later than the one before (as `cargo bench --bench lifetime_value`
// builds it), calibrated to 1997-09-30 in weeks; and the 1,000,000-line benchmark ledger
// (`clientele sample --lines 1000000`) with the page's default calibration end. Build the app first
// (`trunk build --release --offline`); CLIENTELE_CLI names the native command (default: cargo run --profile native).
import { execFileSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, launch, openApp, appReady } from "./harness.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function cli(args, options = {}) {
  const command = process.env.CLIENTELE_CLI;
  return command
    ? execFileSync(command, args, { maxBuffer: 1 << 30, ...options })
    : execFileSync("cargo", ["run", "--quiet", "--profile", "native", "--", ...args], { cwd: root, maxBuffer: 1 << 30, ...options });
}

/** CDNOW's customers copied under new ids, a day later each copy, until there are `customers`. */
function cdnowCopies(customers) {
  const path = join(tmpdir(), `clientele-bench-cdnow-${customers}.csv`);
  const [header, ...lines] = readFileSync(join(root, "tests/data/cdnow_sample.csv"), "utf8").trim().split("\n");
  const ids = [...new Set(lines.map((l) => l.split(",")[0]))];
  const out = [header];
  for (let copy = 0; copy * ids.length < customers; copy++) {
    const kept = new Set(ids.slice(0, customers - copy * ids.length));
    for (const line of lines) {
      const [id, date, amount] = line.split(",");
      if (!kept.has(id)) continue;
      const day = new Date(date + "T00:00:00Z");
      day.setUTCDate(day.getUTCDate() + copy);
      out.push(`${copy}-${id},${day.toISOString().slice(0, 10)},${amount}`);
    }
  }
  writeFileSync(path, out.join("\n") + "\n");
  return path;
}

function millionLines() {
  const path = join(tmpdir(), "clientele-bench-1m.csv");
  try {
    statSync(path);
  } catch {
    writeFileSync(path, cli(["sample", "--lines", "1000000"]));
  }
  return path;
}

/** The native command on the same file, whole process, in ms. */
function native(file, calibrationEnd) {
  const t = Date.now();
  cli(["clv", file, "--calibration-end", calibrationEnd, "--json"], { stdio: ["ignore", "ignore", "inherit"] });
  return Date.now() - t;
}

async function browserFit(browser, origin, file, query) {
  const { page, context } = await openApp(browser, origin, "/data");
  await appReady(page);
  await page.getByTestId("ledger-files").setInputFiles(file);
  await page.locator(".preview").waitFor({ timeout: 120000 });
  await page.getByTestId("import").click();
  await page.getByTestId("report").waitFor({ timeout: 300000 });
  await page.getByTestId("keep").click();
  await page.getByTestId("loaded").waitFor({ timeout: 120000 });
  const t = Date.now();
  await page.evaluate((q) => { history.pushState({}, "", "/lifetime-value" + q); dispatchEvent(new PopStateEvent("popstate")); }, query);
  await page.locator('table[data-table="clv-parameters"] tbody tr').first().waitFor({ timeout: 1800000 });
  const ms = Date.now() - t;
  const customers = await page.locator('table[data-table="clv-customers"] caption').textContent();
  await context.close();
  return { ms, customers };
}

const server = await startServer();
const browser = await launch();
for (const [name, file, end, query] of [
  ["CDNOW x 20,000 customers", cdnowCopies(20000), "1997-09-30", "?cal=1997-09-30&unit=week"],
  ["1,000,000-line sample", millionLines(), "2024-12-31", ""],
]) {
  const nativeMs = native(file, end);
  const { ms, customers } = await browserFit(browser, server.origin, file, query);
  console.log(`${name}: browser, page open -> fitted and drawn: ${ms} ms; native clientele clv, whole process: ${nativeMs} ms; ratio ${(ms / nativeMs).toFixed(2)} (${customers.trim()})`);
}
await browser.close();
await server.close();

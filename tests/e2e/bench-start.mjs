// The app's first start (not a test: it measures). Opens the build in CLIENTELE_DIST in a new
// browser context VISITS times (3 unless told) and prints, on the page's own clock (from its
// navigation), when the navigation was drawn and when the app was ready (the worker has said
// what workspace it restored), and the median of the latter. Compare builds by alternating:
//
//   for r in 1 2 3; do for d in dist-a dist-b; do CLIENTELE_DIST=$d node tests/e2e/bench-start.mjs; done; done
import { startServer, launch, openApp, appReady, DIST } from "./harness.mjs";

const visits = Number(process.env.VISITS || 3);
const server = await startServer();
const browser = await launch();
const times = [];
for (let visit = 0; visit < visits; visit++) {
  const { context, page } = await openApp(browser, server.origin, "/data");
  await page.locator("nav.nav").waitFor({ timeout: 30000 });
  const drawn = await page.evaluate(() => performance.now());
  await appReady(page);
  const ready = await page.evaluate(() => performance.now());
  times.push([Math.round(drawn), Math.round(ready)]);
  await context.close();
}
const readies = times.map(([, ready]) => ready).sort((a, b) => a - b);
console.log(`${DIST}: navigation drawn / ready (ms from the navigation): ${times.map((t) => t.join(" / ")).join(", ")}; ` +
  `median ready ${readies[readies.length >> 1]} ms`);
await browser.close();
await server.close();

import { startServer, launch, openApp, appReady, screenshot } from "./harness.mjs";
const server = await startServer(); const browser = await launch();
const { page, problems } = await openApp(browser, server.origin, "/");
await appReady(page);
await page.getByTestId("try-sample").click();
await page.locator("table.table-summary").waitFor();
for (const path of process.argv.slice(2)) {
  await page.goto(server.origin + path);
  await appReady(page);
  await page.waitForTimeout(1200);
  const name = "dbg" + path.replace(/[^a-z0-9]+/gi, "-");
  await screenshot(page, name);
  console.log(name, (await page.locator("main").innerText()).slice(0, 300).replace(/\n+/g, " | "));
}
console.log(problems);
await browser.close(); await server.close();

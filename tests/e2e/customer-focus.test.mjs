// Customer Focus end to end, with no server in between: the consultant (one browser context,
// the sample loaded) creates a survey and reads its link; two respondents open the link in
// another context (the survey travels in the fragment) and answer; one sends the answer code,
// the other the answer file. The consultant imports both (and a damaged code and the first
// code again), and the report shows the figures worked out by hand:
//
//   An (Sales):      aspect 1 current 2, priority 5; aspect 2 current 4, priority 4
//   anonymous (Service): aspect 1 current 5, priority 4
//   aspect 1: current (2 + 5) / 2 = 3.50, priority (5 + 4) / 2 = 4.50, gap 1.00, 2 respondents,
//             Sales 2 and Service 5 are 3 points apart: departments disagree;
//   aspect 2: 4.00, 4.00, gap 0.00, 1 respondent. Priorities: 1, then 2.
//
// The answers survive a reload; the improvement planner puts an action on the Actions list,
// whose status is kept too. Screenshots in English and in Dutch at 800 px.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, launch, openApp, appReady, screenshot, loadSample, ARTIFACTS } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Waits until the header says the workspace is saved (it says Saving… first). */
async function saved(page) {
  await page.waitForTimeout(300);
  await page.getByTestId("save-status").filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30000 });
}

async function rows(page, table) {
  const locator = page.locator(`table[data-table="${table}"] tbody tr`);
  await locator.first().waitFor();
  return locator.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
}

/** Answers the survey at `link` in a fresh context and returns the answer code (and the
 * downloaded answer file's text when `download`). */
async function respond(link, { name, department, scores, download = false }) {
  const { page, context, problems } = await openApp(browser, "", link);
  await appReady(page);
  await page.getByTestId("survey-title").waitFor();
  assert.equal(await page.getByTestId("survey-title").textContent(), "Round 1");
  if (name) await page.getByTestId("respondent-name").fill(name);
  await page.getByTestId("respondent-department").fill(department);
  for (const [aspect, current, priority] of scores) {
    await page.getByTestId(`current-${aspect}`).selectOption(String(current));
    await page.getByTestId(`priority-${aspect}`).selectOption(String(priority));
  }
  await page.getByTestId("make-code").click();
  const code = await page.getByTestId("answer-code").inputValue();
  assert.match(code, /^CF1-[A-Za-z0-9_-]+$/);
  let file = null;
  if (download) {
    const [saved] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-answer").click()]);
    // Kept outside the context, which deletes its downloads when it closes.
    file = join(await mkdtemp(join(tmpdir(), "clientele-focus-")), saved.suggestedFilename());
    await saved.saveAs(file);
    assert.equal((await readFile(file, "utf8")).trim(), code, "the answer file holds the code");
    await screenshot(page, "customer-focus-respondent");
  }
  assert.deepEqual(problems, []);
  await context.close();
  return { code, file };
}

test("a respondent answers from the link and the consultant imports the answer", async () => {
  const { page, context, problems } = await loadSample(browser, server.origin);
  await page.goto(`${server.origin}/customer-focus`);
  await appReady(page);
  await page.getByTestId("survey-title").fill("Round 1");
  await page.getByTestId("create-survey").click();
  const linkField = page.getByTestId("survey-link");
  await linkField.waitFor();
  const link = await linkField.inputValue();
  assert.ok(link.startsWith(`${server.origin}/#survey=`), `the link opens the app's root: ${link}`);
  await page.getByTestId("no-answers").waitFor();

  const an = await respond(link, { name: "An", department: "Sales", scores: [[1, 2, 5], [2, 4, 4]] });
  const other = await respond(link, { department: "Service", scores: [[1, 5, 4]], download: true });

  // The first code, the same code again and a damaged copy of it.
  const damaged = an.code.slice(0, 20) + (an.code[20] === "A" ? "B" : "A") + an.code.slice(21);
  await page.getByTestId("answer-codes").fill(`${an.code}\n${an.code}\n${damaged}`);
  await page.getByTestId("import-answers").click();
  await page.getByTestId("import-report").waitFor();
  assert.equal(await page.getByTestId("import-added").textContent(), "1 answers added.");
  const report = await page.getByTestId("import-report").textContent();
  assert.match(report, /An \(Sales\) was imported before: not counted again\./);
  assert.match(report, /this code is damaged/);

  await page.getByTestId("answer-files").setInputFiles(other.file);
  await page.getByTestId("import-answers").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="import-added"]')?.textContent === "1 answers added."
    && document.querySelectorAll('table[data-table="focus-respondents"] tbody tr').length === 2);

  const check = async () => {
    const aspects = await rows(page, "focus-aspects");
    // aspect, statement, domain, current, priority, gap, respondents, sd, sd, quadrant, disagree
    assert.deepEqual([aspects[0][0], ...aspects[0].slice(3, 7), aspects[0][10]], ["1", "3.50", "4.50", "1.00", "2", "yes"]);
    assert.deepEqual([aspects[1][0], ...aspects[1].slice(3, 7), aspects[1][10]], ["2", "4.00", "4.00", "0.00", "1", ""]);
    assert.equal(aspects[2][6], "0", "aspect 3 was not scored");
    const priorities = await rows(page, "focus-priorities");
    assert.deepEqual(priorities[0], ["Company", "", "1, 2"]);
    const departments = await rows(page, "focus-departments");
    assert.deepEqual(departments.map((r) => r.slice(0, 2)), [["Sales", "1"], ["Service", "1"]]);
  };
  await check();
  for (const chart of ["focus-gaps", "focus-grid", "focus-radar", "focus-benchmark"]) {
    assert.ok(await page.locator(`[data-chart="${chart}"] svg`).count() > 0, `${chart} is drawn`);
  }
  await screenshot(page, "customer-focus-en");

  // The printed report: its charts, without the forms that make, share and fill a round.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".focus-import").isVisible(), false, "the import form is not printed");
  assert.equal(await page.locator(".focus-share").isVisible(), false, "nor the link");
  assert.ok(await page.locator('[data-chart="focus-grid"] svg').isVisible(), "the charts are printed");
  await mkdir(join(ARTIFACTS, "print"), { recursive: true });
  await page.pdf({ path: join(ARTIFACTS, "print", "customer-focus-report.pdf"), format: "A4" });
  await page.emulateMedia({ media: "screen" });

  // Kept with the workspace: a reload finds the answers.
  await saved(page);
  await page.reload();
  await appReady(page);
  await check();

  // The improvement planner puts the top gap's action on the Actions list.
  await page.getByTestId("plan-what-0").fill("Answer every complaint within two days");
  await page.getByTestId("plan-owner-0").fill("Iris");
  await page.getByTestId("plan-due-0").fill("2027-03-31");
  await page.getByTestId("add-actions").click();
  await page.getByTestId("actions-added").waitFor();
  await saved(page);
  await page.goto(`${server.origin}/actions`);
  await appReady(page);
  const actions = await rows(page, "actions");
  // The owner is edited in place on the Actions page (issue 15): an input, read by its value.
  const owner = await page.getByTestId("action-owner-0").inputValue();
  assert.deepEqual([actions[0][0], actions[0][1], owner], ["Answer every complaint within two days", "Customer Focus, aspect 1", "Iris"]);
  await page.getByTestId("action-status-0").selectOption({ label: "In progress" });
  await saved(page);
  await page.reload();
  await appReady(page);
  await rows(page, "actions");
  assert.equal(await page.locator('[data-testid="action-status-0"] option:checked').textContent(), "In progress");

  // The report in Dutch at 800 px.
  await page.goto(`${server.origin}/customer-focus`);
  await appReady(page);
  await page.selectOption("header select", "nl");
  await page.locator("main h1", { hasText: "Klantgerichtheid" }).waitFor();
  await rows(page, "focus-aspects");
  await page.setViewportSize({ width: 800, height: 860 });
  await screenshot(page, "customer-focus-nl-800");
  assert.deepEqual(problems, []);
  await context.close();
});

import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { sampleInputFiles } from "../../src/cli/sample-inputs";
import { PageGuard, routeOutside } from "./page-guard";
import { IN_EXCEL, NO_OFFICE, OUTSIDE_OFFICE } from "./office-stubs";
import { projectTrackerXlsx, riskLogCsv, type Fixture } from "./fixtures";

/** What every browser case shares: opening the pane, picking files, building, axe, the no-sideways-scroll check. */
export interface Env {
  browser: Browser;
  origin: string;
  artifacts: string;
  /** The Excel fake bundled as one browser script. */
  excelFakeScript: string;
  axeScript: string;
}

export interface PaneCase {
  name: string;
  run(env: Env): Promise<void>;
}

export interface Opened {
  context: BrowserContext;
  page: Page;
  guard: PageGuard;
}

export interface OpenOptions {
  office: "outside" | "none" | "excel";
  width?: number;
  colorScheme?: "light" | "dark";
  forcedColors?: boolean;
  officeBackground?: string;
  /** Excel mode: seed the fake with a generated estate (one sheet per entity) instead of the small tracker. */
  estate?: { seed: number; projects: number };
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** A fresh context per case: its own routes, downloads and colour scheme. */
export async function openPane(env: Env, options: OpenOptions): Promise<Opened> {
  const context = await env.browser.newContext({
    viewport: { width: options.width ?? 350, height: 900 },
    colorScheme: options.colorScheme ?? "light",
    forcedColors: options.forcedColors ? "active" : "none",
    acceptDownloads: true,
  });
  const stub = options.office === "outside" ? OUTSIDE_OFFICE : options.office === "none" ? NO_OFFICE : IN_EXCEL;
  await routeOutside(context, stub, env.origin);
  if (options.office === "excel") {
    await context.addInitScript({
      content: `window.__PMO_E2E__ = ${JSON.stringify({ officeBackground: options.officeBackground, estate: options.estate })};`,
    });
    await context.addInitScript({ content: env.excelFakeScript });
  }
  const page = await context.newPage();
  const guard = new PageGuard(page, env.origin);
  await page.goto(`${env.origin}/taskpane.html`);
  await page.getByRole("heading", { name: "PMO Register" }).waitFor();
  return { context, page, guard };
}

export async function pickFiles(page: Page, files?: Fixture[]): Promise<void> {
  const chosen = files ?? [await projectTrackerXlsx(), riskLogCsv()];
  await page.getByLabel("Tracker files (.xlsx or .csv)").setInputFiles(chosen);
  await page.getByText(`${chosen.length} file${chosen.length === 1 ? "" : "s"} chosen:`).waitFor();
}

export async function buildAndWait(page: Page, buttonName: string, timeout = 30_000): Promise<string> {
  await page.getByRole("button", { name: buttonName, exact: true }).click();
  const outcome = page.getByText(
    /^(Register built|No register records found|The files could not|The register could not)/,
  );
  await outcome.first().waitFor({ timeout });
  return (await outcome.first().textContent()) ?? "";
}

export async function axeViolations(env: Env, page: Page): Promise<string[]> {
  // Let Fluent's open/close motion finish: half-faded text would be measured as low contrast.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  // Evaluated through the DevTools protocol, so the pane's CSP (no inline scripts) does not block it.
  await page.evaluate(env.axeScript);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id} at ${v.nodes.slice(0, 3).join(", ")}`);
}
interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
}

export async function noHorizontalScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  check(scroll <= client, `the pane scrolls sideways: content ${scroll}px wide in a ${client}px pane`);
}

// ---- the monthly flow's sections ----------------------------------------------------------

export type Section = "register" | "validate" | "prioritise" | "capacity" | "health" | "summary" | "settings";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Seed 2 gives a sample whose forced choices can all hold, so the selection is optimal. */
export const SAMPLE = { seed: 2, projects: 16 };

export async function sampleFixtures(): Promise<Fixture[]> {
  const { files } = await sampleInputFiles(SAMPLE);
  return files.map((f) => ({
    name: f.name,
    mimeType: f.name.endsWith(".csv") ? "text/csv" : XLSX,
    buffer: Buffer.from(f.bytes),
  }));
}

export function item(page: Page, section: Section): Locator {
  return page.locator(".fui-AccordionItem", { has: page.locator(`#section-${section}`) });
}

export async function openSection(page: Page, section: Section): Promise<Locator> {
  const header = page.locator(`#section-${section}`);
  if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
  // Let the panel's opening motion finish (and a lazy section load) before anything in it is pressed.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  await item(page, section).locator(".fui-Spinner").waitFor({ state: "detached" });
  return item(page, section);
}

/** Clicks a step's button and waits for the result text; fails with the pane's own error message if it failed. */
export async function runStep(
  page: Page,
  scope: Locator,
  button: string,
  done: RegExp,
  timeout = 60_000,
): Promise<string> {
  await scope.getByRole("button", { name: button, exact: true }).click();
  const outcome = scope.getByText(done).or(scope.getByText(/could not be|^There is no register/));
  try {
    await outcome.first().waitFor({ timeout });
  } catch (error) {
    // Say where it stuck: the section's own text holds the stage and counts of its progress.
    const action = scope.getByRole("button", { name: button, exact: true });
    const state = `button disabled=${await action.isDisabled()} aria-disabled=${await action.getAttribute("aria-disabled")}`;
    const status = await page.getByRole("region", { name: "Where this workbook stands" }).innerText();
    throw new Error(
      `"${button}" did not finish in ${timeout / 1000} s (${state}); status:\n${status}\nthe section shows:\n${await scope.innerText()}`,
      { cause: error },
    );
  }
  const text = (await outcome.first().innerText()).trim();
  check(done.test(text), `"${button}" did not finish as expected: ${text}`);
  // The step has released the workbook when its button is usable again.
  await scope.getByRole("button", { name: button, exact: true }).and(page.locator(":enabled")).waitFor();
  return text;
}

/** Presses a download button (in `scope`, the page by default) and returns the downloaded file's bytes. */
export async function download(page: Page, button: string, scope: Page | Locator = page): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    scope.getByRole("button", { name: button }).click(),
  ]);
  return readFile(await file.path());
}

/** The same, opened with exceljs, as a user's Excel would read it. */
export async function downloadWorkbook(
  page: Page,
  button: string,
  scope: Page | Locator = page,
): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await download(page, button, scope)) as unknown as ArrayBuffer);
  return workbook;
}

export async function fakeSheets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { __excelFake: { sheetNames(): string[] } }).__excelFake.sheetNames(),
  );
}

export async function statusText(page: Page): Promise<string> {
  return page.getByRole("region", { name: "Where this workbook stands" }).innerText();
}

import * as path from "node:path";
import type { Page } from "playwright-core";
import { hardPortfolioCsvs } from "../analysis/prioritise/hard-portfolio";
import { DEFAULT_SETTINGS, type Criterion } from "../../src/domain/settings";
import { buildRegisterFromFiles } from "../../src/pipeline/steps/build";
import { openRegister } from "../../src/pipeline/open-register";
import { sampleInputFiles } from "../../src/cli/sample-inputs";
import { settingsSheet } from "../../src/report/settings-sheet";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import {
  axeViolations,
  buildAndWait,
  check,
  downloadWorkbook,
  noHorizontalScroll,
  openPane,
  openSection,
  runStep,
  SAMPLE,
  sampleFixtures,
  statusText,
  type PaneCase,
} from "./pane-helpers";
import { xlsxFileHost } from "../../src/workbook/xlsx/file-host";

/**
 * The Prioritise section's AHP pairwise grid (weights and CR live, saved to PMO Settings, used by
 * the AHP ranking) and the Capacity section's "Apply shifts" (a preview, a confirmation, the
 * register's dates moved, the next plan less overloaded), both in Excel mode on the strict fake;
 * and "Stop and keep the best so far" on a portfolio the solver cannot prove within minutes.
 */
export const PRIORITISE_CAPACITY_CASES: PaneCase[] = [];

/** A sheet's used values as the fake holds them, to compare before and after a step. */
async function sheetValues(page: Page, sheet: string): Promise<string> {
  return page.evaluate(
    (name) =>
      JSON.stringify(
        (window as unknown as { __excelFake: { values(s: string, a: string): unknown[][] } }).__excelFake.values(
          name,
          "A1:AZ600",
        ),
      ),
    sheet,
  );
}

const crOf = (text: string): number => {
  const m = /Consistency ratio (\d+\.\d+)/.exec(text);
  check(m, `no consistency ratio in "${text}"`);
  return Number(m[1]);
};

PRIORITISE_CAPACITY_CASES.push({
  name: "Excel mode, 320 px: the weights editor shows shares and saves; the AHP grid updates weights and CR live, warns over 0.10, saves, and the AHP ranking uses it",
  async run(env) {
    const { context, page, guard } = await openPane(env, { office: "excel", estate: SAMPLE, width: 320 });
    try {
      await page.getByRole("button", { name: "Next: Build the register" }).waitFor();
      await buildAndWait(page, "Build register from this workbook");
      await page.getByRole("button", { name: "Next: Check against standards" }).waitFor();
      const prioritise = await openSection(page, "prioritise");
      // Weighted scoring first: the weights editor shows each criterion's share live and saves.
      const strategic = prioritise.getByRole("group", { name: "Criteria weights" }).getByLabel("StrategicAlignment");
      await strategic.waitFor();
      check((await strategic.inputValue()) === "0.4", `StrategicAlignment weight ${await strategic.inputValue()}`);
      await strategic.fill("-1");
      await prioritise.getByText("Weight of StrategicAlignment: give a number of zero or more.").waitFor();
      check(await prioritise.getByRole("button", { name: "Save weights" }).isDisabled(), "saved a negative weight");
      await strategic.fill("1.4");
      // 1.4 / (1.4 + 0.35 + 0.25) = 70 %.
      await prioritise.getByText(/Higher is better\. 70\.0 % of the score/).waitFor();
      await prioritise.getByText("The weights sum to 2; each counts as its share shown.").waitFor();
      await runStep(page, prioritise, "Save weights", /^Weights saved on PMO Settings/);
      const savedWeight = await page.evaluate(() => {
        const fake = (window as unknown as { __excelFake: { values(s: string, a: string): unknown[][] } }).__excelFake;
        const rows = fake.values("PMO Settings", "A1:F400");
        return rows.find((r) => r[0] === "StrategicAlignment" && typeof r[2] === "number")?.[2] ?? null;
      });
      check(savedWeight === 1.4, `PMO Settings holds StrategicAlignment weight ${String(savedWeight)}`);
      await prioritise.getByRole("combobox", { name: "Method" }).selectOption("ahp");
      const ab = prioritise.getByLabel("How much more important is StrategicAlignment than FinancialValue");
      await ab.waitFor();
      const status = prioritise.getByText(/^Consistency ratio/);
      check(crOf(await status.innerText()) === 0, `equal judgements should be consistent: ${await status.innerText()}`);
      // Saaty's textbook judgements: CR ≈ 0.033, weights 63.7 / 25.8 / 10.5 %.
      await ab.selectOption("3");
      await prioritise.getByLabel("How much more important is StrategicAlignment than RiskScore").selectOption("5");
      await prioritise.getByLabel("How much more important is FinancialValue than RiskScore").selectOption("3");
      const textbook = crOf(await status.innerText());
      check(Math.abs(textbook - 0.033) < 0.002, `textbook CR ${textbook}`);
      const weights = await prioritise.getByRole("list", { name: "AHP weights" }).innerText();
      check(/StrategicAlignment: 63\.7 %/.test(weights) && /RiskScore: 10\.5 %/.test(weights), `weights: ${weights}`);
      check((await prioritise.getByText(/inconsistent \(CR over 0\.10\)/).count()) === 0, "warned while consistent");
      // A circular judgement: FinancialValue now strongly beats RiskScore the other way round.
      await prioritise.getByLabel("How much more important is FinancialValue than RiskScore").selectOption("1/9");
      const circular = crOf(await status.innerText());
      check(circular > 0.1, `a circular judgement should push CR over 0.10, got ${circular}`);
      await prioritise.getByText(/inconsistent \(CR over 0\.10\)/).waitFor();
      await noHorizontalScroll(page);
      const violations = await axeViolations(env, page);
      check(violations.length === 0, `axe, AHP grid:\n${violations.join("\n")}`);
      await page.screenshot({ path: path.join(env.artifacts, "ahp-grid-320.png"), fullPage: true });

      // Back to the textbook judgements, saved, then ranked with AHP.
      await prioritise.getByLabel("How much more important is FinancialValue than RiskScore").selectOption("3");
      await runStep(page, prioritise, "Save to PMO Settings", /^Judgements saved on PMO Settings/);
      await prioritise.getByRole("checkbox", { name: /Choose the best portfolio/ }).uncheck();
      const ranked = await runStep(page, prioritise, "Rank the portfolio", /^Ranked \d+ projects/);
      check(/\(ahp\)/.test(ranked) && /AHP consistency ratio 0\.03\d/.test(ranked), `ranking: ${ranked}`);
      guard.assertClean();
    } finally {
      await context.close();
    }
  },
});

PRIORITISE_CAPACITY_CASES.push({
  name: "Excel mode: Apply shifts previews each date, moves them in the register only, and the next plan has less overload",
  async run(env) {
    const { context, page, guard } = await openPane(env, { office: "excel", estate: SAMPLE });
    try {
      await page.getByRole("button", { name: "Next: Build the register" }).waitFor();
      await buildAndWait(page, "Build register from this workbook");
      await page.getByRole("button", { name: "Next: Check against standards" }).waitFor();
      const capacity = await openSection(page, "capacity");
      await capacity.getByRole("checkbox", { name: "Propose start shifts that level the overload" }).check();
      const first = await runStep(page, capacity, "Plan capacity", /Total overload/);
      const overloadOf = (text: string): number => {
        const m = /Total overload (\d+(?:\.\d+)?) FTE-months/.exec(text);
        check(m, `no total overload in "${text}"`);
        return Number(m[1]);
      };
      const before = overloadOf(first);
      const proposal = await capacity.getByText(/^Levelling: /).innerText();
      const m = /overload (\d+(?:\.\d+)?) → (\d+(?:\.\d+)?) FTE-months/.exec(proposal);
      check(m && Number(m[2]) < Number(m[1]), `the proposal removes no overload: ${proposal}`);
      const proposed = Number(m[2]);

      const userSheets = ["Projects data", "Allocations data"];
      const userBefore = await Promise.all(userSheets.map((s) => sheetValues(page, s)));
      const allocationsBefore = await sheetValues(page, "Allocations");
      await capacity.getByRole("button", { name: "Apply shifts…" }).click();
      const list = capacity.getByRole("list", { name: "Dates to move" });
      await list.waitFor();
      const items = await list.getByRole("listitem").allInnerTexts();
      check(
        items.some((t) => /ForecastStart: \d{4}-\d{2}-\d{2} → \d{4}-\d{2}-\d{2}/.test(t)),
        items.join("\n"),
      );
      check(
        items.some((t) => /allocation .* Start: \d{4}-\d{2}-\d{2} → /.test(t)),
        items.join("\n"),
      );
      check(
        (await sheetValues(page, "Allocations")) === allocationsBefore,
        "the preview changed the register before confirming",
      );
      const violations = await axeViolations(env, page);
      check(violations.length === 0, `axe, levelling preview:\n${violations.join("\n")}`);
      await noHorizontalScroll(page);
      await capacity.getByRole("button", { name: /^Move \d+ dates?$/ }).click();
      await capacity.getByText(/^Shifts applied: \d+ dates? moved/).waitFor({ timeout: 60_000 });
      check((await sheetValues(page, "Allocations")) !== allocationsBefore, "the Allocations table did not change");
      const userAfter = await Promise.all(userSheets.map((s) => sheetValues(page, s)));
      check(
        userAfter.every((v, i) => v === userBefore[i]),
        "the user's own sheets were changed by applying shifts",
      );

      await capacity.getByRole("checkbox", { name: "Propose start shifts that level the overload" }).uncheck();
      const second = overloadOf(await runStep(page, capacity, "Plan capacity", /Total overload/));
      check(second < before, `overload after applying ${second}, before ${before}`);
      check(second <= proposed + 0.05, `overload after applying ${second}, the proposal left ${proposed}`);
      process.stdout.write(`    overload ${before} → ${second} FTE-months (proposal: ${proposed})\n`);
      guard.assertClean();
    } finally {
      await context.close();
    }
  },
});

PRIORITISE_CAPACITY_CASES.push({
  name: "file mode: a long selection shows its best so far; Stop keeps that selection and writes the sheets",
  async run(env) {
    const { context, page, guard } = await openPane(env, { office: "outside" });
    try {
      const fixtures = Object.entries(hardPortfolioCsvs()).map(([name, text]) => ({
        name,
        mimeType: "text/csv",
        buffer: Buffer.from(text, "utf8"),
      }));
      await page.getByLabel("Tracker files (.xlsx or .csv)").setInputFiles(fixtures);
      const outcome = await buildAndWait(page, "Build register");
      check(outcome.startsWith("Register built"), `expected "Register built", got "${outcome}"`);
      const prioritise = await openSection(page, "prioritise");
      await prioritise.getByRole("button", { name: "Rank and select", exact: true }).click();
      // A correlated 250-project, 5-role knapsack: HiGHS finds good selections at once and proves none for minutes.
      const best = prioritise.getByText(/^Best so far: score [\d,.]+ with [1-9]\d* projects/);
      await best.waitFor({ timeout: 60_000 });
      const bestText = await best.innerText();
      await prioritise.screenshot({ path: path.join(env.artifacts, "selection-best-so-far-350.png") });
      await prioritise.getByRole("button", { name: "Stop and keep the best so far" }).click();
      const ranked = prioritise.getByText(/^Ranked 250 projects/).or(prioritise.getByText(/could not be/));
      await ranked.first().waitFor({ timeout: 30_000 });
      check(/^Ranked 250 projects/.test(await ranked.first().innerText()), await prioritise.innerText());
      const selection = await prioritise.getByRole("region", { name: "Portfolio selection" }).innerText();
      check(/stopped on request: the best selection found so far/.test(selection), `selection:\n${selection}`);
      const count = Number(/(\d+) projects selected/.exec(selection)?.[1] ?? 0);
      check(count > 0, `nothing kept after the stop (the pane showed "${bestText}"):\n${selection}`);
      check(/the best selection found so far is kept/.test(selection), `no note of the stop:\n${selection}`);
      check(
        new RegExp(`Selection\\s+saved \\(${count} projects\\)`).test(await statusText(page)),
        `status: ${await statusText(page)}`,
      );
      const workbook = await downloadWorkbook(page, "Download register.xlsx");
      const sheet = workbook.getWorksheet("Selection");
      check(sheet, `register.xlsx has no Selection sheet: ${workbook.worksheets.map((w) => w.name).join(", ")}`);
      let stoppedStatus = false;
      sheet.eachRow((row) => row.eachCell((cell) => (stoppedStatus ||= cell.value === "stopped")));
      check(stoppedStatus, "the Selection sheet does not give the status 'stopped'");
      guard.assertClean();
    } finally {
      await context.close();
    }
  },
});

/** The sample register with five prioritisation criteria on PMO Settings (the WSJF inputs join the three defaults). */
async function fiveCriteriaRegister(): Promise<Buffer> {
  const { files } = await sampleInputFiles(SAMPLE);
  const built = await buildRegisterFromFiles(xlsxFileHost, files, { generatedAt: "2026-11-01T00:00:00.000Z" });
  const wb = await XlsxWorkbook.open(built.bytes, "register.xlsx");
  const { settings } = await openRegister(wb);
  const extra: Criterion[] = [
    { name: "BusinessValue", source: "BusinessValue", weight: 0.1, direction: "benefit", min: null, max: null },
    { name: "TimeCriticality", source: "TimeCriticality", weight: 0.1, direction: "benefit", min: null, max: null },
  ];
  const five = { ...settings, criteria: [...DEFAULT_SETTINGS.criteria, ...extra] };
  await wb.write({ sheets: [settingsSheet(five, five.ownedSheets)] });
  return Buffer.from(await wb.toBytes());
}

PRIORITISE_CAPACITY_CASES.push({
  name: "file mode, 320 px: with five criteria the AHP grid is a list of ten pairs; weights, CR and the AHP ranking follow",
  async run(env) {
    const { context, page, guard } = await openPane(env, { office: "outside", width: 320 });
    try {
      await page.getByLabel("Register workbook (.xlsx)").setInputFiles({
        name: "register.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: await fiveCriteriaRegister(),
      });
      await page.getByRole("button", { name: "Download register.xlsx" }).waitFor();
      const prioritise = await openSection(page, "prioritise");
      const weights = prioritise.getByRole("group", { name: "Criteria weights" });
      await weights.getByLabel("TimeCriticality").waitFor();
      check((await weights.getByRole("textbox").count()) === 5, "the weights editor lacks a criterion");
      await prioritise.getByRole("combobox", { name: "Method" }).selectOption("ahp");
      const pairs = prioritise.getByLabel(/^How much more important is \w+ than \w+$/);
      await pairs.first().waitFor();
      check((await pairs.count()) === 10, `expected 10 pairs for 5 criteria, got ${await pairs.count()}`);
      check((await prioritise.getByRole("table").count()) === 0, "five criteria should not be laid out as a matrix");
      await prioritise
        .getByLabel("How much more important is StrategicAlignment than TimeCriticality")
        .selectOption("5");
      await prioritise.getByLabel("How much more important is FinancialValue than TimeCriticality").selectOption("3");
      const list = await prioritise.getByRole("list", { name: "AHP weights" }).innerText();
      const shares = [...list.matchAll(/: (\d+\.\d) %/g)].map((m) => Number(m[1]));
      check(shares.length === 5, `weights: ${list}`);
      check(Math.abs(shares.reduce((a, b) => a + b, 0) - 100) < 0.3, `weights do not sum to 100 %: ${list}`);
      const timeCriticality = Number(/TimeCriticality: (\d+\.\d) %/.exec(list)?.[1]);
      check(timeCriticality < 20, `TimeCriticality should lose weight, has ${timeCriticality} %`);
      await prioritise.getByText(/^Consistency ratio \d\.\d{3}/).waitFor();
      await noHorizontalScroll(page);
      const violations = await axeViolations(env, page);
      check(violations.length === 0, `axe, AHP list:\n${violations.join("\n")}`);
      await page.screenshot({ path: path.join(env.artifacts, "ahp-five-criteria-320.png"), fullPage: true });
      await runStep(page, prioritise, "Save to PMO Settings", /^Judgements saved on PMO Settings/);
      await prioritise.getByRole("checkbox", { name: /Choose the best portfolio/ }).uncheck();
      const ranked = await runStep(page, prioritise, "Rank the portfolio", /^Ranked \d+ projects/);
      check(/\(ahp\)/.test(ranked), `ranking: ${ranked}`);
      guard.assertClean();
    } finally {
      await context.close();
    }
  },
});

PRIORITISE_CAPACITY_CASES.push({
  name: "file mode, 350 px: save two selections as scenarios, compare them side by side, and find them on the Scenarios sheet",
  async run(env) {
    const { context, page, guard } = await openPane(env, { office: "outside" });
    try {
      await page.getByLabel("Tracker files (.xlsx or .csv)").setInputFiles(await sampleFixtures());
      const outcome = await buildAndWait(page, "Build register");
      check(outcome.startsWith("Register built"), `expected "Register built", got "${outcome}"`);
      const prioritise = await openSection(page, "prioritise");
      await prioritise.getByText(/^No scenario saved yet/).waitFor();
      await runStep(page, prioritise, "Rank and select", /^Ranked \d+ projects/);
      const name = prioritise.getByRole("textbox", { name: "Save this selection as" });
      await name.fill("=SUM(A1)");
      await prioritise.getByText("Start the scenario's name with a letter or digit.").waitFor();
      check(await prioritise.getByRole("button", { name: "Save scenario" }).isDisabled(), "saved a formula-like name");
      await name.fill("As budgeted");
      await runStep(page, prioritise, "Save scenario", /^Saved “As budgeted” on the Scenarios sheet/);

      // Seed 2's committed projects cost 11,106,000 and the selection adds three for 230,000:
      // a budget of 11,200,000 leaves room for one of them (PRJ-0008).
      await prioritise.getByRole("textbox", { name: "Budget" }).fill("11,200,000");
      await runStep(page, prioritise, "Rank and select", /^Ranked \d+ projects/);
      await name.fill("Tighter");
      await runStep(page, prioritise, "Save scenario", /^Saved “Tighter” on the Scenarios sheet/);
      const listed = await prioritise.getByRole("list", { name: "Saved scenarios" }).innerText();
      check(/As budgeted: 12 projects/.test(listed) && /Tighter: 10 projects/.test(listed), listed);

      await prioritise.getByLabel("Compare", { exact: true }).selectOption("As budgeted");
      await prioritise.getByLabel("with", { exact: true }).selectOption("Tighter");
      await prioritise.getByRole("button", { name: "Compare side by side" }).click();
      const comparison = prioritise.getByRole("region", { name: "Scenario comparison: As budgeted and Tighter" });
      await comparison.waitFor();
      const text = await comparison.innerText();
      check(/score 385\.3 → 345\.0 \(−40\.3\); cost 11,336,000 → 11,183,000 \(−153,000\)/.test(text), text);
      check(/Only in As budgeted: PRJ-0004, PRJ-0013/.test(text) && /Only in Tighter: none/.test(text), text);
      await noHorizontalScroll(page);
      const violations = await axeViolations(env, page);
      check(violations.length === 0, `axe, scenarios:\n${violations.join("\n")}`);
      await prioritise.screenshot({ path: path.join(env.artifacts, "scenarios-350.png") });

      const workbook = await downloadWorkbook(page, "Download register.xlsx");
      const sheet = workbook.getWorksheet("Scenarios");
      check(sheet, `register.xlsx has no Scenarios sheet: ${workbook.worksheets.map((w) => w.name).join(", ")}`);
      const names: unknown[] = [];
      sheet.getColumn(1).eachCell((cell) => names.push(cell.value));
      check(
        names.filter((n) => n === "As budgeted").length === 13 && names.filter((n) => n === "Tighter").length === 11,
        `Scenarios sheet, column A: ${names.join(" | ")}`,
      );
      guard.assertClean();
    } finally {
      await context.close();
    }
  },
});

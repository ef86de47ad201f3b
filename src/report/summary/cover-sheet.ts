import { OWNED_SHEET } from "../../domain/owned-sheet-names";
import { quoteSheet } from "../../workbook/excel-names";
import type { Block, SheetSpec, SpecValue } from "../../workbook/spec";
import { pctText } from "./figures";
import { packPrint, SUMMARY_TAB } from "./programme-sheet";
import type { SummaryInputs } from "./summary-model";

export const COVER_SHEET = OWNED_SHEET.cover;

const DATE_SOURCE: Record<string, string> = {
  override: "given for this run",
  option: "given for this run",
  settings: "from PMO Settings",
  register: "the latest status date in the register",
  today: "the date of this run",
  none: "none recorded",
};

/**
 * The first page a manager sees: what this pack is, as at when, over what, under which standards
 * profile and how trustworthy the data is, then a contents list that links to every sheet.
 */
export function coverSheet(inputs: SummaryInputs, contents: { sheet: string; about: string }[]): SheetSpec {
  const v = inputs.validation;
  const projects = inputs.register.entities.Projects.length;
  const programmes = inputs.register.entities.Programmes.length;
  const details: [string, SpecValue][] = [
    [
      "Reporting date",
      `${inputs.reportingDate} (${DATE_SOURCE[inputs.reportingDateSource] ?? inputs.reportingDateSource})`,
    ],
    ["Scope", `${programmes} programme${programmes === 1 ? "" : "s"}, ${projects} project${projects === 1 ? "" : "s"}`],
    ["Register", inputs.registerLabel],
    ["PMO profile", v.profile],
    [
      "Data-quality score",
      `${pctText(v.score.portfolio)}: the share of applicable checks that pass (${v.checks.passed} of ${v.checks.applicable}); errors and warnings below say what fails`,
    ],
    [
      "Compliance",
      v.stamp
        ? `NOT COMPLIANT: ${v.counts.error} errors remain under the directive profile`
        : complianceText(v.counts.error, v.counts.warning, v.profile),
    ],
    ["Prioritisation", inputs.rankingMethod],
    ["Generated", readableTimestamp(inputs.generatedAt)],
  ];
  const blocks: Block[] = [
    { kind: "title", row: 1, col: 1, text: "PMO portfolio summary", subtitle: `As at ${inputs.reportingDate}` },
  ];
  let row = 4;
  if (v.stamp) {
    blocks.push({ kind: "text", row: 3, col: 1, lines: [details[5][1] as string], style: "stamp" });
  }
  blocks.push({
    kind: "table",
    row,
    col: 1,
    name: "tblCover",
    columns: [
      { header: "About this pack", type: "text" },
      { header: "Value", type: "text" },
    ],
    rows: details.map(([k, value]) => [k, value]),
    style: "TableStyleLight9",
  });
  row += details.length + 2;
  blocks.push({ kind: "text", row, col: 1, lines: ["Contents"], style: "heading" });
  blocks.push({
    kind: "table",
    row: row + 1,
    col: 1,
    name: "tblContents",
    columns: [
      { header: "Sheet", type: "text" },
      { header: "What it shows", type: "text" },
    ],
    rows: contents.map((c) => [{ value: c.sheet, link: `${quoteSheet(c.sheet)}!A1` }, c.about]),
    style: "TableStyleLight9",
  });
  return {
    name: COVER_SHEET,
    tabColor: SUMMARY_TAB,
    blocks,
    columnWidths: { 1: 30, 2: 90 },
    print: packPrint(
      { currency: inputs.settings.general.currency, reportingDate: inputs.reportingDate },
      { landscape: false, repeatRows: undefined },
    ),
  };
}

/**
 * The compliance line states its rule: compliant means no errors, and the warnings are still said,
 * so "Compliant" never hides 233 warnings.
 */
export function complianceText(errors: number, warnings: number, profile: string): string {
  const w = `${warnings} warning${warnings === 1 ? "" : "s"}`;
  return errors === 0
    ? `Compliant: no errors; ${w} (profile ${profile})`
    : `Not compliant: ${errors} error${errors === 1 ? "" : "s"} and ${w} remain (profile ${profile})`;
}

/** `2026-11-23T09:05:00.000Z` → `2026-11-23 09:05 UTC`; anything else as given. */
function readableTimestamp(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

import { OWNED_SHEET } from "../domain/owned-sheet-names";
import type { ValidationResult } from "../standards/types";
import { quoteSheet } from "../workbook/excel-names";
import type { Block, ConditionalFormatSpec, SheetSpec, SpecValue, TableBlock } from "../workbook/spec";

export const FINDINGS_SHEET = OWNED_SHEET.findings;

const FILLS = {
  error: { fill: "FFC7CE", font: "9C0006" },
  warning: { fill: "FFEB9C", font: "9C5700" },
  info: { fill: "DDEBF7", font: "1F4E78" },
} as const;

const SOURCE_LABEL: Record<ValidationResult["reportingDateSource"], string> = {
  override: "given for this run",
  settings: "from PMO Settings",
  register: "the latest status date in the register",
  today: "the run's date",
  none: "none: date checks were skipped",
};

function pct(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}

/**
 * The `Findings` sheet: one row per finding in an Excel Table, each location a link to the cell to fix,
 * severities filled red/amber/blue, the header frozen, and under the directive profile a "not
 * compliant" stamp while errors remain.
 */
export function findingsSheet(result: ValidationResult): SheetSpec {
  const c = result.counts;
  const blocks: Block[] = [
    {
      kind: "title",
      row: 1,
      col: 1,
      text: "Findings",
      subtitle: `Profile ${result.profile} · reporting date ${result.reportingDate ?? "none"} (${SOURCE_LABEL[result.reportingDateSource]}) · data-quality score ${pct(result.score.portfolio)} (${result.checks.passed} of ${result.checks.applicable} checks passed) · ${c.error} errors, ${c.warning} warnings, ${c.info} notes`,
    },
  ];
  let row = 4;
  if (result.stamp) {
    blocks.push({
      kind: "text",
      row: 3,
      col: 1,
      lines: [
        `NOT COMPLIANT: ${c.error} error${c.error === 1 ? " remains" : "s remain"} under the directive profile. Fix them and validate again.`,
      ],
      style: "stamp",
    });
    row = 5;
  }
  const rows: SpecValue[][] = result.findings.map((f) => {
    const where = f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
    const location: SpecValue = f.file
      ? `${f.file} › ${where}`
      : f.cell
        ? { value: where, link: `${quoteSheet(f.sheet)}!${f.cell}` }
        : where;
    return [
      f.severity,
      f.rule,
      f.entity,
      f.id,
      f.field,
      location,
      f.message,
      f.fix ? f.fix.value : null,
      f.fix ? (f.fix.safe ? "Yes" : "No") : null,
    ];
  });
  const table: TableBlock = {
    kind: "table",
    row,
    col: 1,
    name: "tblFindings",
    style: "TableStyleMedium2",
    columns: [
      { header: "Severity", type: "text", width: 10 },
      { header: "Rule", type: "text", width: 32 },
      { header: "Entity", type: "text", width: 14 },
      { header: "Id", type: "text", width: 14 },
      { header: "Field", type: "text", width: 18 },
      { header: "Cell", type: "text", width: 20 },
      { header: "Message", type: "longText", width: 90 },
      { header: "Suggested fix", type: "text", numberFormat: "General", width: 18 },
      { header: "Safe fix", type: "text", width: 9 },
    ],
    rows,
  };
  blocks.push(table);
  const last = row + Math.max(rows.length, 1);
  const notes: string[] = [];
  if (rows.length === 0) notes.push("No findings: every applicable check passed.");
  for (const n of result.notApplicable) notes.push(`Not checked: ${n.rule}. ${n.reason}`);
  if (result.disabled.length > 0) notes.push(`Switched off on PMO Settings: ${result.disabled.join(", ")}.`);
  if (notes.length > 0) blocks.push({ kind: "text", row: last + 2, col: 1, lines: notes, style: "note" });

  const conditionalFormats: ConditionalFormatSpec[] = (["error", "warning", "info"] as const).map((s) => ({
    range: { top: row + 1, left: 1, bottom: last, right: 1 },
    rule: { type: "textEquals", text: s, fill: FILLS[s].fill, font: FILLS[s].font },
  }));
  return {
    name: FINDINGS_SHEET,
    tabColor: result.stamp ? "C00000" : "4472C4",
    blocks,
    freeze: { row: row + 1, col: 1 },
    print: { landscape: true, fitToWidth: true },
    conditionalFormats,
  };
}

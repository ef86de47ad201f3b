import type { SheetSpec, SpecValue, WorkbookSpec } from "../../workbook/spec";
import { isRichCell } from "../../workbook/spec";
import { NO_PROGRAMME } from "../../analysis/schedule/milestones";
import { linkedSheet } from "../sheet-references";
import { safeSheetName } from "../../workbook/excel-names";
import { COVER_SHEET, coverSheet } from "./cover-sheet";
import { DASHBOARD_SHEET, dashboardSheet } from "./dashboard-sheet";
import { packPrint, programmeSheet, type SummaryStyle } from "./programme-sheet";
import { summariseProgrammes, type SummaryInputs } from "./summary-model";

const ABOUT: Record<string, string> = {
  Prioritisation: "Every project's score, rank and rank range under weight changes",
  Selection: "The portfolio chosen under budget, capacity and dependencies, and the efficient frontier",
  Capacity: "Demand against supply by role and month (heat map)",
  Levelling: "Start-date moves that would relieve overloads",
  Schedule: "Critical path, float and earned value per project",
  "Schedule health":
    "DCMA 14-point schedule assessment, portfolio and per programme, with the cells behind each failure",
  Finance: "Budget, actual, forecast and outturn by programme, financial year and month",
  "Earned Value": "Earned value per project, and the computed RAG beside the declared RAG",
  "Benefits Realisation": "Planned and realised benefits",
  Findings: "Where the register falls short of the PMO's standards, cell by cell",
};

/**
 * The summary workbook managers open: cover, dashboard, one sheet per programme, then the
 * analysis sheets (prioritisation, capacity heat map, schedule, finance, benefits, findings).
 * It stands alone: links into register sheets it does not contain become plain text with a note
 * naming the register and cell.
 */
export function summaryWorkbookSpec(inputs: SummaryInputs, analysisSheets: SheetSpec[]): WorkbookSpec {
  const programmes = summariseProgrammes(inputs);
  const style: SummaryStyle = {
    currency: inputs.settings.general.currency,
    moneyUnit: inputs.settings.general.moneyUnit,
    reportingDate: inputs.reportingDate,
    takenNames: new Set(["tblcover", "tblcontents", ...analysisSheets.flatMap(tableNames).map((n) => n.toLowerCase())]),
  };
  const taken = [COVER_SHEET, DASHBOARD_SHEET, ...analysisSheets.map((s) => s.name)];
  const programmeSheets = programmes.map((p) => {
    const name = safeSheetName(p.name, taken);
    taken.push(name);
    return programmeSheet(p, name, style);
  });
  const dashboard = dashboardSheet(inputs, programmes, style);
  const inWorkbook = new Set(taken.map((t) => t.toLowerCase()));
  const standalone = analysisSheets.map((s) => ({
    ...withoutDanglingLinks(s, inWorkbook, inputs.registerLabel),
    print: packPrint(style, { repeatRows: undefined }),
  }));
  const contents = [
    { sheet: DASHBOARD_SHEET, about: "Key figures, charts and commentary for the whole portfolio" },
    ...programmeSheets.map((s, i) => ({
      sheet: s.name,
      about: `${programmes[i].id === NO_PROGRAMME ? "Projects whose programme is missing or unknown" : programmes[i].id}: commentary, projects, risks, milestones, dependencies and benefits`,
    })),
    ...standalone.map((s) => ({ sheet: s.name, about: ABOUT[s.name] ?? s.name })),
  ];
  return {
    sheets: [coverSheet(inputs, contents), dashboard, ...programmeSheets, ...standalone],
    properties: { title: `PMO portfolio summary ${inputs.reportingDate}`, creator: "PMO Register" },
  };
}

function tableNames(s: SheetSpec): string[] {
  return s.blocks.flatMap((b) => (b.kind === "table" ? [b.name] : []));
}

export function withoutDanglingLinks(sheet: SheetSpec, sheets: Set<string>, registerLabel: string): SheetSpec {
  const fix = (v: SpecValue): SpecValue => {
    if (!isRichCell(v) || !v.link) return v;
    const target = linkedSheet(v.link);
    if (target === null || sheets.has(target.sheet.toLowerCase())) return v;
    const where = `In ${registerLabel}: ${v.link.replace(/^#/, "")}`;
    return v.note ? { value: v.value, note: `${v.note}\n${where}` } : { value: v.value, note: where };
  };
  return {
    ...sheet,
    blocks: sheet.blocks.map((b) => (b.kind === "table" ? { ...b, rows: b.rows.map((r) => r.map(fix)) } : b)),
  };
}

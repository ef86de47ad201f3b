import { dateFromIso, type IsoDate } from "../../domain/dates";
import type { CellValue } from "../../workbook/grid";
import type {
  ColumnSpec,
  ConditionalFormatSpec,
  KeyFigure,
  PrintSpec,
  SheetSpec,
  SpecValue,
} from "../../workbook/spec";
import { cellText, heading, placedTable, ragFormats, tableOr } from "../analysis-sheet-parts";
import { stackBlocks, type UnplacedBlock } from "../layout";
import { safeTableName } from "../../workbook/excel-names";
import { formatExposure, programmeCommentary } from "./commentary";
import { SIGNED_PCT, finite, moneyFormat, moneyWords } from "./figures";
import type { ProgrammeSummary } from "./summary-model";

/** How every summary sheet shows money and which names are already taken in the workbook. */
export interface SummaryStyle {
  currency: string;
  moneyUnit: number;
  reportingDate: IsoDate;
  /** Table and defined names used so far (shared across the workbook so each stays unique). */
  takenNames: Set<string>;
}

export const SUMMARY_TAB = "1F4E78";
/**
 * How every pack page prints: landscape, one page wide, the title rows repeated, the pack's title
 * and reporting date in the header and "Page X of Y" in the footer. A4 for a £ or € pack, Letter
 * otherwise (the paper the reader's printer most likely holds).
 */
export function packPrint(
  style: Pick<SummaryStyle, "currency" | "reportingDate">,
  extra: Partial<PrintSpec> = {},
): PrintSpec {
  return {
    landscape: true,
    fitToWidth: true,
    paper: /[£€]/.test(style.currency) ? "A4" : "Letter",
    repeatRows: { first: 1, last: 2 },
    header: `PMO portfolio summary · as at ${style.reportingDate}`,
    footer: "PMO Register",
    ...extra,
  };
}

const d = (v: IsoDate | null): CellValue => (v ? dateFromIso(v) : null);

export function uniqueName(wanted: string, style: SummaryStyle): string {
  const name = safeTableName(wanted, style.takenNames);
  style.takenNames.add(name.toLowerCase());
  return name;
}

/** Counts that the commentary quotes, so each one also stands on the sheet as a key figure. */
function counts(p: ProgrammeSummary) {
  const rag = (r: string) => p.projects.filter((x) => x.computed === r).length;
  return {
    red: rag("Red"),
    amber: rag("Amber"),
    green: rag("Green"),
    overdue: p.milestones.filter((m) => m.state === "overdue").length,
    slipped: p.milestones.filter((m) => m.state === "slipped").length,
    upcoming: p.milestones.filter((m) => m.upcoming).length,
  };
}

export function programmeKeyFigures(p: ProgrammeSummary, style: SummaryStyle, namePrefix: string): KeyFigure[] {
  const money = moneyFormat(style.currency, style.moneyUnit);
  const c = counts(p);
  const named = (suffix: string) => uniqueName(`${namePrefix}_${suffix}`, style);
  return [
    { label: "Projects", value: p.projects.length, numberFormat: "0", definedName: named("Projects") },
    { label: "Budget", value: p.money.budget, numberFormat: money, definedName: named("Budget") },
    { label: "Actual to date", value: p.money.actual, numberFormat: money, definedName: named("Actual") },
    { label: "Forecast", value: p.money.forecast, numberFormat: money, definedName: named("Forecast") },
    { label: "Variance (forecast − budget)", value: p.money.variance, numberFormat: money },
    { label: "Variance %", value: finite(p.money.variancePct), numberFormat: SIGNED_PCT },
    { label: "Computed Red", value: c.red, numberFormat: "0" },
    { label: "Computed Amber", value: c.amber, numberFormat: "0" },
    { label: "Computed Green", value: c.green, numberFormat: "0" },
    { label: "Milestones overdue", value: c.overdue, numberFormat: "0" },
    { label: "Milestones slipped", value: c.slipped, numberFormat: "0" },
    { label: "Milestones coming up", value: c.upcoming, numberFormat: "0" },
    { label: "Dependencies at risk", value: p.dependencies.length, numberFormat: "0" },
    { label: "Benefits planned", value: p.benefits.planned, numberFormat: money },
    { label: "Benefits realised", value: p.benefits.realised, numberFormat: money },
    { label: "Benefits realisation", value: finite(p.benefits.realisationPct), numberFormat: "0.0%" },
    { label: "Data-quality score", value: finite(p.score), numberFormat: "0.0%" },
    { label: "Errors to fix", value: p.findings.errors, numberFormat: "0" },
    { label: "Warnings", value: p.findings.warnings, numberFormat: "0" },
  ];
}

/**
 * One programme's page: commentary first (what a manager reads), then its key figures and the
 * tables every sentence draws on: projects, top risks, milestones, dependencies at risk, benefits.
 */
export function programmeSheet(p: ProgrammeSummary, sheetName: string, style: SummaryStyle): SheetSpec {
  const money = moneyFormat(style.currency, style.moneyUnit);
  const prefix = `Prg_${p.id}`;
  const t = (suffix: string) => uniqueName(`tbl${prefix}_${suffix}`, style);
  const names = {
    projects: t("Projects"),
    risks: t("Risks"),
    milestones: t("Milestones"),
    upcoming: t("Upcoming"),
    dependencies: t("Dependencies"),
    benefits: t("Benefits"),
  };
  // Widths are the sheet's (tables share columns), so columns carry only their type and format.
  const col = (header: string, type: ColumnSpec["type"], numberFormat?: string): ColumnSpec => ({
    header,
    type,
    ...(numberFormat ? { numberFormat } : {}),
  });
  const projectRows: SpecValue[][] = p.projects.map((x) => [
    x.id,
    cellText(x.name),
    cellText(x.stage),
    cellText(x.manager),
    cellText(x.declared),
    cellText(x.computed),
    x.rank,
    finite(x.score),
    x.selected === null ? null : x.selected ? "Yes" : "No",
    finite(x.budget),
    finite(x.actual),
    finite(x.forecast),
    finite(x.variance),
    finite(x.variancePct),
    x.slipDays,
    d(x.forecastFinish),
  ]);
  const subtitle = [
    p.sro ? `SRO ${p.sro}` : null,
    p.manager ? `Programme manager ${p.manager}` : null,
    `Reporting date ${style.reportingDate}`,
  ]
    .filter(Boolean)
    .join(" · ");
  const unplaced: UnplacedBlock[] = [
    { kind: "title", text: cellText(`${p.id === p.name ? "" : `${p.id} `}${p.name}`) as string, subtitle },
    heading("Commentary"),
    { kind: "text", lines: programmeCommentary(p, moneyWords(style.currency, style.moneyUnit)) },
    heading("Key figures"),
    { kind: "keyFigures", items: programmeKeyFigures(p, style, prefix) },
    heading("Projects"),
    tableOr(
      names.projects,
      [
        col("Project", "text"),
        col("Name", "text"),
        col("Stage", "text"),
        col("Project manager", "text"),
        col("Declared RAG", "text"),
        col("Computed RAG", "text"),
        col("Rank", "integer"),
        col("Score", "number", "0.0"),
        col("Selected", "text"),
        col("Budget", "money", money),
        col("Actual", "money", money),
        col("Forecast", "money", money),
        col("Variance", "money", money),
        col("Variance %", "percent", SIGNED_PCT),
        col("Slip (days)", "integer"),
        col("Forecast finish", "date"),
      ],
      projectRows,
      "No projects are recorded against this programme.",
    ),
    heading("Top open risks by exposure"),
    tableOr(
      names.risks,
      [
        col("Risk", "text"),
        col("Project", "text"),
        col("Title", "text"),
        col("Exposure", "number", "0.0"),
        col("Owner", "text"),
        col("Response", "longText"),
      ],
      p.risks.map((r) => [
        r.id,
        r.projectId,
        cellText(r.title),
        r.exposure === null ? null : Number(formatExposure(r.exposure)),
        cellText(r.owner),
        cellText(r.response),
      ]),
      "No open risks are recorded for this programme's projects.",
    ),
    heading("Milestones slipped or overdue"),
    tableOr(
      names.milestones,
      [
        col("Milestone", "text"),
        col("Project", "text"),
        col("Name", "text"),
        col("Baseline", "date"),
        col("Forecast or actual", "date"),
        col("Slip (days)", "integer"),
        col("State", "text"),
      ],
      p.milestones
        .filter((m) => m.state !== "upcoming")
        .map((m) => [
          m.id,
          m.projectId,
          cellText(m.name),
          d(m.baseline),
          d(m.forecast),
          m.slipDays,
          m.state === "overdue" ? "Overdue" : "Slipped",
        ]),
      "No milestone is overdue or slipped.",
    ),
    heading("Milestones coming up"),
    tableOr(
      names.upcoming,
      [
        col("Milestone", "text"),
        col("Project", "text"),
        col("Name", "text"),
        col("Baseline", "date"),
        col("Forecast", "date"),
        col("Slip (days)", "integer"),
      ],
      p.milestones
        .filter((m) => m.upcoming)
        .map((m) => [m.id, m.projectId, cellText(m.name), d(m.baseline), d(m.forecast), m.slipDays]),
      "No milestone falls due in the coming weeks.",
    ),
    heading("Dependencies at risk"),
    tableOr(
      names.dependencies,
      [
        col("Dependency", "text"),
        col("Predecessor", "text"),
        col("Successor", "text"),
        col("Type", "text"),
        col("Required by", "date"),
        col("Why at risk", "longText"),
      ],
      p.dependencies.map((x) => [x.id, x.predecessor, x.successor, x.type, d(x.requiredBy), cellText(x.why)]),
      "No dependency is at risk.",
    ),
    heading("Benefits"),
    tableOr(
      names.benefits,
      [
        col("Benefit", "text"),
        col("Description", "text"),
        col("Planned", "money", money),
        col("Realised", "money", money),
        col("Planned date", "date"),
        col("Status", "text"),
      ],
      p.benefits.lines.map((b) => [
        b.id,
        cellText(b.description),
        finite(b.planned),
        finite(b.realised),
        d(b.date),
        cellText(b.status),
      ]),
      "No benefits are recorded for this programme.",
    ),
  ];
  const { blocks } = stackBlocks(unplaced);
  const projects = placedTable(blocks, names.projects);
  const conditionalFormats: ConditionalFormatSpec[] = ragFormats(projects, ["Declared RAG", "Computed RAG"]);
  if (projects && projects.rows.length > 1) {
    const c = projects.col + 13;
    conditionalFormats.push({
      range: { top: projects.row + 1, left: c, bottom: projects.row + projects.rows.length, right: c },
      rule: { type: "colorScale", min: "63BE7B", mid: "FFFFFF", max: "F8696B" },
    });
  }
  return {
    name: sheetName,
    tabColor: SUMMARY_TAB,
    blocks,
    columnWidths: {
      1: 28,
      2: 30,
      3: 16,
      4: 18,
      5: 13,
      6: 40,
      7: 8,
      8: 8,
      9: 9,
      10: 13,
      11: 13,
      12: 13,
      13: 13,
      14: 11,
      15: 11,
      16: 14,
    },
    freeze: { row: 3, col: 1 },
    print: packPrint(style),
    conditionalFormats,
  };
}

import { OWNED_SHEET } from "../domain/owned-sheet-names";
import type { AnalyseResult } from "../analysis/finance/analyse-register";
import type { BenefitFigures } from "../analysis/finance/benefits";
import type { SheetSpec, SpecValue } from "../workbook/spec";
import {
  type AnalysisSheetOptions,
  date,
  frozenUnder,
  heading,
  notes,
  num,
  TAB,
  tableOr,
} from "./analysis-sheet-parts";
import { stackBlocks, type UnplacedBlock } from "./layout";
import { moneyFormat } from "./register-sheets";

/**
 * The `Benefits Realisation` sheet: planned against realised value per programme (all periods,
 * then each financial year) and for the portfolio, then every benefit line.
 */

function benefitRow(id: string, name: string | null, period: string, f: BenefitFigures): SpecValue[] {
  const gaps = f.missingPlanned ? `${f.missingPlanned} of ${f.benefits} without PlannedValue` : undefined;
  return [
    id,
    name,
    period,
    num(f.planned),
    num(f.realised),
    num(f.realisationPct),
    f.benefits,
    notes({ "Realisation %": f.reason, Benefits: gaps }),
  ];
}

export function benefitsSheet(a: AnalyseResult, options: AnalysisSheetOptions = {}): SheetSpec {
  const money = moneyFormat(options.currency ?? "£");
  const b = a.benefits;
  // The portfolio row alone, with no benefits behind it, would only say "0 planned".
  const groups = b.benefits.length ? [...b.programmes, b.portfolio] : [];
  const blocks: UnplacedBlock[] = [
    {
      kind: "title",
      text: "Benefits realisation",
      subtitle: `Planned against realised value by programme and financial year (of each benefit's PlannedDate) · realisation % = realised / planned`,
    },
    tableOr(
      "tblBenefitsRealisation",
      [
        { header: "Programme", type: "text", width: 16 },
        { header: "Name", type: "text", width: 26 },
        { header: "Period", type: "text", width: 12 },
        { header: "Planned", type: "money", numberFormat: money, width: 14 },
        { header: "Realised", type: "money", numberFormat: money, width: 14 },
        { header: "Realisation %", type: "percent", numberFormat: "0.0%", width: 12 },
        { header: "Benefits", type: "integer", width: 9 },
        { header: "Notes", type: "longText", width: 50 },
      ],
      groups.flatMap((g) => [
        benefitRow(g.id, g.name, "All", g.totals),
        ...g.byPeriod.map((p) => benefitRow(g.id, g.name, p.period, p)),
      ]),
      "The register has no benefits.",
    ),
    heading("Benefits"),
    tableOr(
      "tblBenefitLines",
      [
        { header: "Benefit", type: "text", width: 12 },
        { header: "Description", type: "text", width: 36 },
        { header: "Programme", type: "text", width: 12 },
        { header: "Project", type: "text", width: 12 },
        { header: "Category", type: "text", width: 14 },
        { header: "Status", type: "text", width: 12 },
        { header: "Planned date", type: "date" },
        { header: "Period", type: "text", width: 12 },
        { header: "Planned", type: "money", numberFormat: money, width: 14 },
        { header: "Realised", type: "money", numberFormat: money, width: 14 },
        { header: "Realisation %", type: "percent", numberFormat: "0.0%", width: 12 },
        { header: "Notes", type: "longText", width: 40 },
      ],
      b.benefits.map((l) => [
        l.id,
        l.description,
        l.programmeId,
        l.projectId,
        l.category,
        l.status,
        date(l.plannedDate),
        l.period,
        num(l.planned),
        num(l.realised),
        num(l.realisationPct),
        l.reason ? `Realisation %: ${l.reason}` : null,
      ]),
      "The register has no benefits.",
    ),
  ];
  const placed = stackBlocks(blocks).blocks;
  return {
    name: OWNED_SHEET.benefits,
    tabColor: TAB,
    blocks: placed,
    freeze: frozenUnder(placed, "tblBenefitsRealisation"),
    print: { landscape: true, fitToWidth: true },
  };
}

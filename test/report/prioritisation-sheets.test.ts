import { scoreProjects } from "../../src/analysis/prioritise/scoring";
import { selectPortfolio } from "../../src/analysis/prioritise/selection";
import type { Criterion } from "../../src/domain/settings";
import { prioritisationSheet, selectionSheet } from "../../src/report/prioritisation-sheets";
import type { ChartBlock, TableBlock } from "../../src/workbook/spec";
import { project } from "../analysis/prioritise/records";

const criteria: Criterion[] = [
  { name: "Strategic", source: "StrategicAlignment", weight: 0.5, direction: "benefit", min: 1, max: 5 },
  { name: "Cost", source: "Budget", weight: 0.5, direction: "cost", min: null, max: null },
];

describe("prioritisation sheets", () => {
  it("writes the ranking with breakdown columns, rank range, criteria and a frozen header", () => {
    const { ranking } = scoreProjects(
      [project("P1", { StrategicAlignment: 5, Budget: 100 }), project("P2", { StrategicAlignment: 1, Budget: 300 })],
      criteria,
    );
    const sheet = prioritisationSheet(ranking, "weighted scoring", criteria, { names: { P1: "Payroll" } });
    expect(sheet.name).toBe("Prioritisation");
    const main = sheet.blocks.find((b): b is TableBlock => b.kind === "table" && b.name === "tblPrioritisation")!;
    expect(main.columns.map((c) => c.header)).toEqual([
      "Rank",
      "ProjectId",
      "Name",
      "Score",
      "Strategic",
      "Cost",
      "Rank low",
      "Rank high",
    ]);
    expect(main.rows).toEqual([
      [1, "P1", "Payroll", 100, 50, 50, 1, 1],
      [2, "P2", null, 0, 0, 0, 2, 2],
    ]);
    expect(sheet.freeze).toEqual({ row: main.row + 1, col: 3 });
    const crit = sheet.blocks.find(
      (b): b is TableBlock => b.kind === "table" && b.name === "tblPrioritisationCriteria",
    )!;
    expect(crit.col).toBe(10);
    expect(crit.rows[0]).toEqual(["Strategic", "StrategicAlignment", 0.5, "benefit", 1, 5]);
  });

  it("writes each project's selection and reason, the frontier with its chart, binding constraints and hires", async () => {
    const projects = [
      { id: "A", name: "Alpha", value: 10, cost: 5 },
      { id: "B", name: "Beta", value: 8, cost: 4 },
      { id: "C", name: "Gamma", value: 5, cost: 3, selection: "Forced out" as const },
    ];
    const result = await selectPortfolio({ projects, budget: 6 });
    const sheet = selectionSheet(result, projects);
    expect(sheet.name).toBe("Selection");
    const tables = Object.fromEntries(
      sheet.blocks.filter((b): b is TableBlock => b.kind === "table").map((t) => [t.name, t]),
    );
    expect(tables.tblSelection.rows).toEqual([
      ["A", "Alpha", 10, 5, "Yes", "selected"],
      ["B", "Beta", 8, 4, "No", "does not fit: budget"],
      ["C", "Gamma", 5, 3, "No", "forced out"],
    ]);
    expect(tables.tblSelectionFrontier.rows.length).toBeGreaterThanOrEqual(10);
    expect(tables.tblSelectionBinding.rows).toEqual([["budget", 1, "Beta (B)"]]);
    const chart = sheet.blocks.find((b): b is ChartBlock => b.kind === "chart")!;
    const f = tables.tblSelectionFrontier;
    expect(chart.series[0].values).toEqual({
      sheet: "Selection",
      top: f.row + 1,
      left: 2,
      bottom: f.row + f.rows.length,
      right: 2,
    });
    // Blocks never overlap: each table starts below the previous one.
    const starts = Object.values(tables).map((t) => t.row);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

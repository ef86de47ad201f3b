import type { CellValue } from "../../src/workbook/grid";
import { ingestGrids } from "../../src/ingest/ingest";
import { sheet } from "./grid-fixture";

/**
 * Ingest must stay roughly linear: 10,000 projects and 100,000 allocations (text dates to parse,
 * money to read, ids to derive, two overlapping project sources to merge) in a few seconds.
 */
function projects(file: string, n: number, month: number): CellValue[][] {
  const rows: CellValue[][] = [
    ["Project ID", "Project Name", "Sponsor", "Start", "End", "Budget", "RAG", "Status Date"],
  ];
  for (let i = 0; i < n; i++) {
    const d = (i % 28) + 1;
    rows.push([
      `P-${i}`,
      `Project ${i}`,
      `Sponsor ${i % 97}`,
      `${d}/0${(i % 9) + 1}/2025`,
      46000 + (i % 700),
      `£${(i % 500) + 1}k`,
      ["Red", "Amber", "Green"][i % 3],
      `28/0${month}/2025`,
    ]);
  }
  return rows;
}

function allocations(n: number): CellValue[][] {
  const rows: CellValue[][] = [["Project", "Role", "Person", "Start", "End", "FTE"]];
  for (let i = 0; i < n; i++) {
    rows.push([
      `P-${i % 10000}`,
      `Role ${i % 12}`,
      `Person ${i % 800}`,
      `2025-0${(i % 9) + 1}-01`,
      `2025-12-${(i % 28) + 1}`,
      ((i % 10) + 1) / 10,
    ]);
  }
  return rows;
}

describe("scale", () => {
  it("ingests 10,000 projects (two overlapping sources) and 100,000 allocations in a few seconds", () => {
    const grids = [
      sheet("jan.xlsx", "Projects", projects("jan", 10_000, 1)),
      sheet("feb.xlsx", "Projects", projects("feb", 10_000, 2)),
      sheet("alloc.xlsx", "Allocations", allocations(100_000)),
    ];
    const t0 = Date.now();
    const res = ingestGrids(grids);
    const ms = Date.now() - t0;
    expect(res.register.entities.Projects).toHaveLength(10_000);
    expect(res.register.entities.Allocations).toHaveLength(100_000);
    // The two sources differ only in StatusDate: one conflict per project, resolved to February.
    expect(res.conflicts).toHaveLength(10_000);
    expect(res.conflicts.every((c) => c.field === "StatusDate" && c.kept.value === "2025-02-28")).toBe(true);
    expect(res.register.entities.Projects[5].values.Budget).toBe(6000);
    // Plain Node takes ~4 s on this machine; Jest's sandbox ~2× that. Quadratic work would take minutes.
    expect(ms).toBeLessThan(20_000);
  });
});

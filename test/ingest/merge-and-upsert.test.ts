import { derivedId } from "../../src/domain/ids";
import { emptyRegister, type RegisterRecord } from "../../src/domain/register";
import { headerSignature } from "../../src/ingest/header-text";
import { ingestGrids } from "../../src/ingest/ingest";
import { upsertRegister } from "../../src/ingest/upsert-register";
import { sheet } from "./grid-fixture";

const HEADERS = ["Project ID", "Project Name", "Status Date", "Budget", "RAG", "Sponsor"];
const january = sheet("january.xlsx", "Projects", [
  HEADERS,
  ["P-1", "Apollo", "31/01/2025", 100, "Green", "Ann"],
  ["P-2", "Borealis", "31/01/2025", 200, "Amber", null],
]);
const february = sheet("february.xlsx", "Tracker", [
  HEADERS,
  ["P-1", "Apollo", "28/02/2025", 120, "Amber", "Ann"],
  ["P-2", "Borealis", null, 250, "Amber", "Bo"],
  ["P-3", "Cygnus", "28/02/2025", 50, "Red", "Cy"],
]);

describe("merging sources", () => {
  it("makes one record per id; fills blanks; reports every conflict with both values and cells", () => {
    const res = ingestGrids([january, february]);
    const projects = res.register.entities.Projects;
    expect(projects.map((p) => p.id)).toEqual(["P-1", "P-2", "P-3"]);
    // P-1: february has the later status date, so its values win — and each difference is listed.
    expect(projects[0].values).toMatchObject({ Budget: 120, RagOverall: "Amber", StatusDate: "2025-02-28" });
    expect(projects[0].provenance.Budget).toMatchObject({ file: "february.xlsx", cell: "D2" });
    // P-2: no status date in february, so the first file wins; the blank sponsor is filled.
    expect(projects[1].values).toMatchObject({ Budget: 200, Sponsor: "Bo" });
    expect(projects[1].provenance.Sponsor).toMatchObject({ file: "february.xlsx", cell: "F3" });

    const summary = res.conflicts.map((c) => [c.id, c.field, c.kept.value, c.other.value, c.rule]);
    expect(summary).toEqual([
      ["P-1", "StatusDate", "2025-02-28", "2025-01-31", "latest StatusDate"],
      ["P-1", "Budget", 120, 100, "latest StatusDate"],
      ["P-1", "RagOverall", "Amber", "Green", "latest StatusDate"],
      ["P-2", "Budget", 200, 250, "first file"],
    ]);
    expect(res.conflicts[1].kept).toEqual({ value: 120, file: "february.xlsx", sheet: "Tracker", cell: "D2" });
    expect(res.conflicts[1].other).toEqual({ value: 100, file: "january.xlsx", sheet: "Projects", cell: "D2" });
    expect(res.conflicts[3].message).toMatch(
      /january\.xlsx, sheet "Projects", cell D3.*february\.xlsx, sheet "Tracker", cell D3.*kept "200" \(the first file\)/,
    );
    expect(res.problems.filter((p) => p.kind === "merge-conflict")).toHaveLength(4);
  });

  it("keeps two rows with the same id in ONE source as two records, with a warning", () => {
    const res = ingestGrids([sheet("a.xlsx", "P", [HEADERS, ["P-1", "Apollo"], ["P-1", "Apollo again"]])]);
    expect(res.register.entities.Projects).toHaveLength(2);
    expect(res.problems.find((p) => p.kind === "duplicate-id")?.message).toMatch(
      /a\.xlsx, sheet "P": id P-1 appears more than once/,
    );
  });
});

describe("ids", () => {
  it("derives a stable id from the identity fields and the source file when there is no id column", () => {
    const grid = sheet(
      "list.csv",
      "list",
      [
        ["Project Name", "Budget"],
        ["Apollo", 10],
        ["Borealis", 20],
      ],
      { kind: "csv" },
    );
    const a = ingestGrids([grid]);
    const b = ingestGrids([grid]);
    const ids = a.register.entities.Projects.map((p) => p.id);
    expect(ids).toEqual(b.register.entities.Projects.map((p) => p.id));
    expect(ids[0]).toBe(derivedId("PRJ", ["Apollo", "list.csv"]));
    expect(a.register.entities.Projects.every((p) => p.derivedId === true && p.values.ProjectId === p.id)).toBe(true);
    expect(a.derivedIds).toEqual([
      { entity: "Projects", id: ids[0], file: "list.csv", sheet: "list", row: 2 },
      { entity: "Projects", id: ids[1], file: "list.csv", sheet: "list", row: 3 },
    ]);
  });

  it("gives repeated identities in one source distinct ids", () => {
    const res = ingestGrids([
      sheet("r.csv", "r", [
        ["Title", "Owner", "Probability"],
        ["Late supplier", "A", 3],
        ["Late supplier", "B", 4],
      ]),
    ]);
    const ids = res.register.entities.Risks.map((r) => r.id);
    expect(new Set(ids).size).toBe(2);
  });
});

describe("problems", () => {
  it("keeps an exemption sentence in a money column as text and reports file, sheet, cell and field", () => {
    const exempt = "Exempt under Section 43 of the Freedom of Information Act 2000 (Commercial Interests)";
    const res = ingestGrids([
      sheet("gmpp.csv", "gmpp", [
        ["project_number", "project_name", "wlc_baseline_incl_NCG"],
        ["X_1", "Alpha", exempt],
        ["X_2", "Beta", "TBC"],
      ]),
    ]);
    expect(res.register.entities.Projects[0].values.Budget).toBe(exempt);
    const [p1, p2] = res.problems.filter((p) => p.kind === "exempt" || p.kind === "uncoercible");
    expect(p1).toMatchObject({
      kind: "exempt",
      file: "gmpp.csv",
      sheet: "gmpp",
      cell: "C2",
      entity: "Projects",
      id: "X_1",
      field: "Budget",
      raw: exempt,
    });
    expect(p2).toMatchObject({ kind: "uncoercible", cell: "C3", raw: "TBC" });
    expect(p2.message).toMatch(
      /gmpp\.csv, sheet "gmpp", cell C3: "TBC" in Budget is not an amount of money; kept as text/,
    );
  });
});

describe("template rows", () => {
  it("leaves out rows numbered down the sheet with at most one other value, but keeps a sparse row with a real id", () => {
    const res = ingestGrids([
      sheet("r.xlsx", "R", [
        ["Risk ID", "Title", "Owner", "Importance"],
        ["R-1", "Late supplier", "Ann", "High"],
        [2, null, null, "Low"],
        ["R-3", null, "Bo", null],
      ]),
    ]);
    expect(res.register.entities.Risks.map((r) => r.id)).toEqual(["R-1", "R-3"]);
    expect(res.problems.find((p) => p.kind === "skipped-row")?.message).toMatch(/r\.xlsx, sheet "R": 1 row\(s\)/);
  });
});

describe("column notes", () => {
  it("reports how ambiguous dates were read, as an info problem naming file and sheet", () => {
    const res = ingestGrids([
      sheet("d.csv", "d", [
        ["Project Name", "End date"],
        ["Apollo", "05/02/25"],
        ["Borealis", "03/04/25"],
      ]),
    ]);
    expect(res.register.entities.Projects.map((p) => p.values.ForecastFinish)).toEqual(["2025-02-05", "2025-04-03"]);
    const note = res.problems.find((p) => p.kind === "mapping")!;
    expect(note.severity).toBe("info");
    expect(note.message).toMatch(
      /d\.csv, sheet "d": End date \(ForecastFinish\): 2 date\(s\) such as 05\/02\/25 could be read either way; read day-first/,
    );
    const mdy = ingestGrids(
      [
        sheet("d.csv", "d", [
          ["Project Name", "End date"],
          ["Apollo", "05/02/25"],
        ]),
      ],
      { dateOrder: "mdy" },
    );
    expect(mdy.register.entities.Projects[0].values.ForecastFinish).toBe("2025-05-02");
  });
});

describe("saved mappings", () => {
  it("applies a saved mapping keyed by the header signature, whatever the file is called", () => {
    const headers = ["Ref", "Initiative", "Executive"];
    const grid = sheet("any-name.xlsx", "S", [headers, ["I-1", "Apollo", "Ann"]]);
    const auto = ingestGrids([grid]);
    expect(auto.sources[0].columns.map((c) => c.field)).toEqual(["ProjectId", "Name", "Sponsor"]);
    const saved = ingestGrids([grid], {
      savedMappings: { [headerSignature(headers)]: { Executive: "ProjectManager" } },
    });
    expect(saved.sources[0].columns.map((c) => [c.field, c.how])).toEqual([
      ["ProjectId", "alias"],
      ["Name", "alias"],
      ["ProjectManager", "saved"],
    ]);
    expect(saved.register.entities.Projects[0].values.ProjectManager).toBe("Ann");
    expect(saved.sources[0].headerSignature).toBe(headerSignature(headers));
  });
});

describe("re-import (upsert)", () => {
  const rec = (id: string, values: RegisterRecord["values"], file = "jan.xlsx"): RegisterRecord => ({
    id,
    values: { ProjectId: id, ...values },
    extras: {},
    provenance: Object.fromEntries(Object.keys(values).map((f) => [f, { file, sheet: "P", cell: "A1", raw: null }])),
  });

  it("adds new ids, updates untouched fields, keeps hand edits (listing the incoming value) and keeps absent records", () => {
    const existing = emptyRegister();
    existing.entities.Projects.push(
      rec("P-1", { Name: "Apollo", Budget: 100, Sponsor: "Ann (acting)", StatusCommentary: "Analyst note" }),
      rec("P-9", { Name: "Old" }),
    );
    const imported: Record<string, unknown> = {
      "P-1|Name": "Apollo",
      "P-1|Budget": 100,
      "P-1|Sponsor": "Ann",
      "P-9|Name": "Old",
    };
    const incoming = emptyRegister();
    incoming.entities.Projects.push(
      rec("P-1", { Name: "Apollo", Budget: 120, Sponsor: "Ann", StatusCommentary: "From the PM" }, "feb.xlsx"),
      rec("P-2", { Name: "New" }, "feb.xlsx"),
    );
    const { register, changes } = upsertRegister(
      existing,
      incoming,
      (_e, id, field) => imported[`${id}|${field}`] as never,
    );
    const p1 = register.entities.Projects[0];
    expect(p1.values).toMatchObject({ Budget: 120, Sponsor: "Ann (acting)", StatusCommentary: "Analyst note" });
    expect(p1.provenance.Budget.file).toBe("feb.xlsx");
    expect(p1.provenance.Sponsor.file).toBe("jan.xlsx");
    expect(register.entities.Projects.map((p) => p.id)).toEqual(["P-1", "P-9", "P-2"]);
    expect(changes.added).toEqual([{ entity: "Projects", id: "P-2" }]);
    expect(changes.updated).toEqual([{ entity: "Projects", id: "P-1", field: "Budget", before: 100, after: 120 }]);
    expect(changes.kept).toEqual([{ entity: "Projects", id: "P-9" }]);
    expect(changes.conflicts).toEqual([
      { entity: "Projects", id: "P-1", field: "Sponsor", current: "Ann (acting)", incoming: "Ann", imported: "Ann" },
      {
        entity: "Projects",
        id: "P-1",
        field: "StatusCommentary",
        current: "Analyst note",
        incoming: "From the PM",
        imported: undefined,
      },
    ]);
    // The input registers are not modified.
    expect(existing.entities.Projects[0].values.Budget).toBe(100);
  });
});

describe("derived ids", () => {
  /** Two allocation identities whose 24-bit derived ids collide (a birthday search, deterministic). */
  function collidingProjects(file: string): [string, string] {
    const seen = new Map<string, string>();
    for (let i = 0; i < 50_000; i++) {
      const project = `P-${i}`;
      const id = derivedId("ALC", [project, "Developer", null, "2025-01-01", "2025-03-31", file]);
      const other = seen.get(id);
      if (other) return [other, project];
      seen.set(id, project);
    }
    throw new Error("no collision found");
  }

  it("keeps two allocations whose short hashes collide, and rows repeated across sheets of one file", () => {
    const [a, b] = collidingProjects("plan.xlsx");
    const header = ["Project ID", "Role", "Start", "Finish", "FTE"];
    const row = (p: string, fte: number) => [p, "Developer", "2025-01-01", "2025-03-31", fte];
    const res = ingestGrids([
      sheet("plan.xlsx", "Allocations", [header, row(a, 0.5), row(b, 0.25)]),
      sheet("plan.xlsx", "More allocations", [header, row(a, 0.5)]),
    ]);
    const allocations = res.register.entities.Allocations;
    expect(allocations).toHaveLength(3);
    expect(new Set(allocations.map((r) => r.id)).size).toBe(3);
    expect(allocations.map((r) => [r.values.ProjectId, r.values.FTE]).sort()).toEqual(
      [
        [a, 0.5],
        [a, 0.5],
        [b, 0.25],
      ].sort(),
    );
    expect(res.conflicts).toEqual([]);
  });
});

import Papa from "papaparse";
import { dateFromIso } from "../../src/domain/dates";
import type { RegisterRecord } from "../../src/domain/register";
import type { EntityName } from "../../src/domain/schema";
import { SCHEMA } from "../../src/domain/schema";
import { generateEstate } from "../../src/sample/estate";
import { BENEFIT_COLUMNS, FINANCIAL_COLUMNS } from "../../src/sample/messy-csv";
import type { ColumnSpec } from "../../src/sample/messy-columns";
import { DEPENDENCY_COLUMNS, ISSUE_COLUMNS, MILESTONE_COLUMNS, RISK_GROUPS } from "../../src/sample/messy-raid";
import { ADJUSTMENT_COLUMNS, HOURS_COLUMNS, RESOURCE_COLUMNS } from "../../src/sample/messy-resource-plan";
import type { CsvSource, MessySource, RawSheet, XlsxSource } from "../../src/sample/messy-sources";
import { renderMessySources, statusFormProjects } from "../../src/sample/messy-sources";
import { FORM_LABELS, PROGRAMME_COLUMNS, TRACKER_COLUMNS } from "../../src/sample/messy-tracker";
import { encodeCsv } from "../../src/workbook/xlsx/raw-writer";

const estate = generateEstate();
const sources = renderMessySources(estate);
const xlsx = (file: string) => sources.find((s): s is XlsxSource => s.file === file && s.kind === "xlsx")!;
const csv = (file: string) => sources.find((s): s is CsvSource => s.file === file && s.kind === "csv")!;
const sheet = (file: string, name: string) => xlsx(file).sheets.find((s) => s.name === name)!;
const cellAt = (s: RawSheet, row: number, col: number) => s.cells.find((c) => c.row === row && c.col === col);
const column = (s: RawSheet, col: number, fromRow: number) =>
  s.cells.filter((c) => c.col === col && c.row >= fromRow).sort((a, b) => a.row - b.row);

/** Header normalisation as any matcher would do at least: case, line breaks, spaces, a trailing colon. */
const norm = (h: string) => h.toLowerCase().replace(/:$/, "").replace(/\s+/g, " ").trim();

/** The fields whose aliases (or name) the header spells exactly. */
function fieldsNamedBy(entity: EntityName, header: string): string[] {
  return SCHEMA[entity].fields
    .filter((f) => f.name.toLowerCase() === norm(header) || (f.aliases ?? []).includes(norm(header)))
    .map((f) => f.name);
}

/** Parses the tracker's money spellings: numbers, `£1,234k`, `£1,234,567.89`. */
function money(v: unknown): number {
  if (typeof v === "number") return v;
  const s = String(v).replace(/[£,]/g, "");
  return s.endsWith("k") ? Number(s.slice(0, -1)) * 1000 : Number(s);
}

describe("renderMessySources: files", () => {
  it("splits the estate over the files a PMO keeps, plus two status forms", () => {
    const forms = statusFormProjects(estate.entities.Projects, 1).map((p) => `Status - ${p.id}.xlsx`);
    expect(sources.map((s) => s.file)).toEqual([
      "Portfolio Tracker.xlsx",
      "Programmes.xlsx",
      "Resource Plan.xlsx",
      "RAID Log.xlsx",
      "Financials.csv",
      "Benefits.csv",
      ...forms,
    ]);
    expect(forms).toHaveLength(2);
    expect(csv("Financials.csv")).toMatchObject({ encoding: "windows-1252", delimiter: ";" });
    expect(csv("Benefits.csv")).toMatchObject({ encoding: "utf-8-bom", delimiter: "," });
  });

  it("is deterministic by seed", () => {
    expect(JSON.stringify(renderMessySources(estate))).toBe(JSON.stringify(sources));
    expect(JSON.stringify(renderMessySources(estate, { seed: 2 }))).not.toBe(JSON.stringify(sources));
  });

  it("keeps every id of the id-bearing entities somewhere in the sources", () => {
    const texts = new Set<string>();
    for (const s of sources) {
      if (s.kind === "xlsx") for (const sh of s.sheets) for (const c of sh.cells) texts.add(String(c.value));
      else for (const f of s.text.split(/[;,\r\n]/)) texts.add(f);
    }
    for (const e of [
      "Programmes",
      "Projects",
      "Milestones",
      "Dependencies",
      "Resources",
      "Risks",
      "Issues",
      "Benefits",
    ] as EntityName[]) {
      const missing = estate.entities[e].filter((r) => !texts.has(r.id)).map((r) => r.id);
      expect(missing).toEqual([]);
    }
  });
});

describe("renderMessySources: headers", () => {
  const specs: [EntityName, [string, string][]][] = [
    ["Projects", TRACKER_COLUMNS.map(([f, h]) => [f, h])],
    ["Projects", Object.entries(FORM_LABELS).map(([f, h]) => [f, `${h}:`])],
    ["Programmes", PROGRAMME_COLUMNS],
    ["Risks", RISK_GROUPS.flatMap(([, cols]) => cols.map(([f, h]): [string, string] => [f, h]))],
    ...(
      [
        ["Issues", ISSUE_COLUMNS],
        ["Milestones", MILESTONE_COLUMNS],
        ["Dependencies", DEPENDENCY_COLUMNS],
        ["Allocations", HOURS_COLUMNS],
        ["Resources", RESOURCE_COLUMNS],
        ["CapacityAdjustments", ADJUSTMENT_COLUMNS],
      ] as [EntityName, ColumnSpec[]][]
    ).map(([e, cols]): [EntityName, [string, string][]] => [e, cols.map(([f, h]) => [f, h])]),
    ["Financials", FINANCIAL_COLUMNS],
    ["Benefits", BENEFIT_COLUMNS],
  ];
  it.each(specs.map(([e, cols], i) => [`${e} #${i}`, e, cols] as const))(
    "%s: each header spells exactly one field, its own",
    (_, entity, cols) => {
      const wrong = cols
        .filter(([field, header]) => fieldsNamedBy(entity, header).join() !== field)
        .map(([f, h]) => `${h} → ${fieldsNamedBy(entity, h).join("/")} (want ${f})`);
      expect(wrong).toEqual([]);
    },
  );

  it("uses odd headers, not the canonical field names, in the tracker", () => {
    expect(TRACKER_COLUMNS.filter(([f, h]) => f === h)).toEqual([]);
  });
});

describe("Portfolio Tracker.xlsx", () => {
  const tracker = sheet("Portfolio Tracker.xlsx", "Project Tracker");
  const header = (name: string) => 2 + TRACKER_COLUMNS.findIndex(([, h]) => h === name);
  const tracked = estate.entities.Projects.filter((p) => !statusFormProjects(estate.entities.Projects, 1).includes(p));

  it("has a title, a logo line and a document-control block above a header in row 11 starting in column B", () => {
    expect(String(cellAt(tracker, 1, 2)?.value)).toContain("Portfolio Tracker");
    expect(String(cellAt(tracker, 2, 2)?.value)).toContain("LOGO");
    expect(cellAt(tracker, 4, 2)?.value).toBe("Document control");
    expect(cellAt(tracker, 11, 2)?.value).toBe("Project Ref");
    expect(tracker.cells.some((c) => c.col === 1)).toBe(false);
    expect(cellAt(tracker, 12, 2)?.value).toBe(tracked[0].id);
    expect(tracker.merges).toContainEqual({ top: 1, left: 2, bottom: 1, right: 8 });
  });

  it("leaves the status-form projects out and hides its lists sheet", () => {
    const ids = column(tracker, 2, 12).map((c) => c.value);
    expect(ids).toEqual(tracked.map((p) => p.id));
    expect(sheet("Portfolio Tracker.xlsx", "Lists").hidden).toBe(true);
  });

  it("mixes real dates, General serials and day-first text in one date column", () => {
    const cells = column(tracker, header("Target Completion"), 12);
    const kinds = new Set(cells.map((c) => (c.value instanceof Date ? "date" : typeof c.value)));
    expect(kinds).toEqual(new Set(["date", "number", "string"]));
    expect(cells.some((c) => c.value instanceof Date && c.numberFormat === "dd/mm/yyyy")).toBe(true);
    expect(cells.some((c) => typeof c.value === "number" && c.numberFormat === undefined)).toBe(true);
    expect(cells.some((c) => typeof c.value === "string" && /^\d\d\/\d\d\/\d\d$/.test(c.value))).toBe(true);
  });

  it("writes money as numbers, exact £k text and grouped text, all reading back to the same pounds", () => {
    for (const name of ["BAC", "EAC"]) {
      const cells = column(tracker, header(name), 12);
      const field = name === "BAC" ? "Budget" : "ForecastCost";
      expect(cells.map((c) => money(c.value))).toEqual(tracked.map((p) => p.values[field]));
    }
    const bac = column(tracker, header("BAC"), 12);
    expect(bac.some((c) => typeof c.value === "string" && /^£[\d,]+k$/.test(c.value))).toBe(true);
  });

  it("writes % complete as 0–100 (some as `45%` text)", () => {
    const cells = column(tracker, header("% Complete"), 12);
    const read = cells.map(
      (c) => (typeof c.value === "string" ? Number(c.value.replace("%", "")) : Number(c.value)) / 100,
    );
    expect(read).toEqual(tracked.map((p) => p.values.PercentComplete));
    expect(cells.some((c) => Number(c.value) > 1)).toBe(true);
  });

  it("writes enumerations in upper case, with trailing spaces and abbreviations", () => {
    const rag = column(tracker, header("Overall RAG"), 12).map((c) => String(c.value));
    expect(rag.some((v) => ["R", "A", "G"].includes(v))).toBe(true);
    const all = tracker.cells.filter((c) => c.row > 11).map((c) => String(c.value));
    expect(all.some((v) => v !== v.trim())).toBe(true);
    expect(all.some((v) => ["DELIVERY", "PLANNING", "CLOSURE", "IDEA", "BUSINESS CASE"].includes(v))).toBe(true);
  });
});

describe("every text-date column settles day-first with a day above 12", () => {
  const textDate = /^(\d\d)[/.](\d\d)[/.](\d\d|\d{4})$/;
  it.each(
    sources
      .filter((s): s is XlsxSource => s.kind === "xlsx")
      .flatMap((s) => s.sheets.map((sh) => [`${s.file} / ${sh.name}`, sh] as const)),
  )("%s", (_, sh) => {
    const byCol = new Map<number, number[]>();
    for (const c of sh.cells) {
      const m = typeof c.value === "string" ? textDate.exec(c.value) : null;
      if (m) byCol.set(c.col, [...(byCol.get(c.col) ?? []), Number(m[1])]);
    }
    const unsettled = [...byCol].filter(([, days]) => !days.some((d) => d > 12)).map(([col]) => col);
    expect(unsettled).toEqual([]);
  });
});

describe("RAID Log.xlsx", () => {
  it("keeps the risks on a sheet misnamed Issue Register under a merged two-row header", () => {
    const risks = sheet("RAID Log.xlsx", "Issue Register");
    expect(cellAt(risks, 4, 1)?.value).toBe("Identification");
    expect(cellAt(risks, 5, 1)?.value).toBe("Risk Identifier");
    expect(risks.merges?.filter((m) => m.top === 4)).toHaveLength(4);
    expect(column(risks, 1, 6).map((c) => c.value)).toEqual(estate.entities.Risks.map((r) => r.id));
    const likelihood = column(risks, 8, 6).map((c) => c.value);
    expect(likelihood.some((v) => typeof v === "string")).toBe(true);
  });

  it("has issues, milestones and dependencies sheets", () => {
    expect(xlsx("RAID Log.xlsx").sheets.map((s) => s.name)).toEqual([
      "Issue Register",
      "Issues",
      "Milestones",
      "Dependencies",
    ]);
  });
});

describe("Resource Plan.xlsx", () => {
  it("lays FTE out with months across the columns", () => {
    const plan = sheet("Resource Plan.xlsx", "FTE Plan");
    const headers = plan.cells
      .filter((c) => c.row === 4)
      .sort((a, b) => a.col - b.col)
      .map((c) => String(c.value));
    expect(headers.slice(0, 3)).toEqual(["Project", "Role", "Status"]);
    expect(headers.slice(3).every((h) => /^[A-Z][a-z]{2}-\d\d$/.test(h))).toBe(true);
    const monthly = estate.entities.Allocations.filter((a) => a.values.Hours === null);
    const total = plan.cells.filter((c) => c.row > 4 && c.col > 3).reduce((s, c) => s + Number(c.value), 0);
    expect(total).toBeCloseTo(
      monthly.reduce((s, a) => s + Number(a.values.FTE), 0),
      6,
    );
  });

  it("keeps the hours on a German timesheet-style sheet", () => {
    const hours = sheet("Resource Plan.xlsx", "Stundenplanung");
    const headers = hours.cells.filter((c) => c.row === 1).map((c) => c.value);
    expect(headers).toEqual(["Mitarbeiter", "Rolle", "Projekt", "Datum", "Bis", "Stunden", "Status"]);
    expect(hours.cells.filter((c) => c.row > 1 && c.col === 3)).toHaveLength(
      estate.entities.Allocations.filter((a) => a.values.Hours !== null).length,
    );
  });
});

describe("CSV files", () => {
  const parse = (s: CsvSource, encoding: string) => {
    const text = new TextDecoder(encoding).decode(encodeCsv(s));
    return Papa.parse<string[]>(text, { delimiter: s.delimiter, skipEmptyLines: true }).data;
  };

  it("Financials.csv: windows-1252 £, grouped budgets, decimal-comma actuals, months as rows", () => {
    const rows = parse(csv("Financials.csv"), "windows-1252");
    const lines = estate.entities.Financials;
    expect(rows).toHaveLength(lines.length + 1);
    rows.slice(1).forEach((r, i) => {
      const v = lines[i].values;
      expect(r[0]).toBe(v.ProjectId);
      expect(r[3] === "" ? null : Number(r[3].replace(/[£,]/g, ""))).toBe(v.Budget);
      expect(r[4] === "" ? null : Number(r[4].replace(",", "."))).toBe(v.Actual);
      expect(r[5] === "" ? null : Number(r[5].replace(",", "."))).toBe(v.Forecast);
    });
    expect(rows[1][1]).toMatch(/^[A-Z][a-z]{2}-\d\d$/);
    expect(encodeCsv(csv("Financials.csv"))).toContain(0xa3);
  });

  it("Benefits.csv: a BOM, quoted £ amounts and a multi-line quoted description", () => {
    const bytes = encodeCsv(csv("Benefits.csv"));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(csv("Benefits.csv"), "utf-8");
    expect(rows[0][0]).toBe("Benefit Ref");
    expect(rows[1][3]).toBe(estate.entities.Benefits[0].values.Description);
    expect(rows[1][3]).toContain("\n");
    expect(csv("Benefits.csv").text).toMatch(/"£\d{1,3},\d{3}"/);
  });
});

describe("status forms", () => {
  it("hold one project each as label/value pairs with a merged commentary block", () => {
    const [project] = statusFormProjects(estate.entities.Projects, 1);
    const form = sheet(`Status - ${project.id}.xlsx`, "Status Report");
    const value = (label: string) => {
      const l = form.cells.find((c) => c.col === 2 && c.value === `${label}:`)!;
      return cellAt(form, l.row, 3)?.value;
    };
    expect(value("Project ID")).toBe(project.id);
    expect(value("Percent Complete")).toBe(project.values.PercentComplete);
    expect(value("Forecast Finish")).toEqual(dateFromIso(String(project.values.ForecastFinish)));
    expect(form.merges?.some((m) => m.left === 3 && m.right === 6 && m.bottom > m.top)).toBe(true);
  });
});

describe("quirks: none", () => {
  const clean: MessySource[] = renderMessySources(estate, { quirks: "none" });

  it("writes canonical tables from A1 with the schema's sheet and table names", () => {
    const tracker = (clean.find((s) => s.file === "Portfolio Tracker.xlsx") as XlsxSource).sheets[0];
    expect(tracker.name).toBe("Projects");
    expect(tracker.tables).toEqual([
      { name: "tblProjects", top: 1, left: 1, bottom: 61, right: SCHEMA.Projects.fields.length },
    ]);
    expect(cellAt(tracker, 1, 1)?.value).toBe("ProjectId");
    const plan = (clean.find((s) => s.file === "Resource Plan.xlsx") as XlsxSource).sheets.map((s) => s.name);
    expect(plan).toEqual(["Allocations", "Resources", "CapacityAdjustments"]);
    expect(clean.some((s) => s.file.startsWith("Status - "))).toBe(false);
  });

  it("writes clean CSVs: UTF-8, commas, ISO dates", () => {
    const fin = clean.find((s) => s.file === "Financials.csv") as CsvSource;
    expect(fin).toMatchObject({ encoding: "utf-8", delimiter: "," });
    expect(fin.text.split("\n")[0]).toBe("ProjectId,Period,CostType,Budget,Actual,Forecast");
    const first = estate.entities.Financials[0] as RegisterRecord;
    expect(fin.text.split("\n")[1]).toBe(
      `${first.values.ProjectId},${first.values.Period},${first.values.CostType},${first.values.Budget ?? ""},${first.values.Actual ?? ""},${first.values.Forecast ?? ""}`,
    );
  });
});

import type { FieldValue, Register, RegisterRecord } from "../../src/domain/register";
import { emptyRegister } from "../../src/domain/register";
import { readRegisterGrids } from "../../src/ingest/read-register";
import { upsertRegister, type AsImported } from "../../src/ingest/upsert-register";
import { sheet } from "./grid-fixture";

/**
 * A duplicated id (two rows RSK-7, as real risk logs have and the sample estate plants) is two
 * records. Re-importing must match the k-th incoming record of an id to the k-th existing one, so
 * building into the register again adds nothing and changes nothing.
 */

const risk = (id: string, values: Record<string, FieldValue>, cell: string): RegisterRecord => ({
  id,
  values: { RiskId: id, ...values },
  extras: {},
  provenance: Object.fromEntries(
    Object.keys({ RiskId: id, ...values }).map((f) => [f, { file: "raid.xlsx", sheet: "Risks", cell, raw: null }]),
  ),
});

function registerOf(records: RegisterRecord[]): Register {
  const r = emptyRegister();
  r.entities.Risks.push(...records);
  return r;
}

const RSK7_FIRST = { Title: "Supplier late", ImpactValue: null };
const RSK7_SECOND = { Title: "Rules change", ImpactValue: 440000 };
const existingRecords = () => [
  risk("RSK-1", { Title: "Budget pressure", ImpactValue: 1000 }, "A2"),
  risk("RSK-7", RSK7_FIRST, "A3"),
  risk("RSK-7", RSK7_SECOND, "A4"),
];

/** What the last import wrote: each occurrence's own values, as the provenance sheet records them. */
const importedFrom =
  (records: RegisterRecord[]): AsImported =>
  (_entity, id, field, occurrence) =>
    records.filter((r) => r.id === id)[occurrence]?.values[field] ?? undefined;

describe("upsert with a duplicated id", () => {
  it("re-importing the same records adds nothing, changes nothing and keeps both records in order", () => {
    const existing = registerOf(existingRecords());
    const { register, changes } = upsertRegister(
      existing,
      registerOf(existingRecords()),
      importedFrom(existingRecords()),
    );
    expect(changes).toEqual({ added: [], updated: [], kept: [], conflicts: [] });
    expect(register.entities.Risks.map((r) => [r.id, r.values.Title, r.values.ImpactValue])).toEqual([
      ["RSK-1", "Budget pressure", 1000],
      ["RSK-7", "Supplier late", null],
      ["RSK-7", "Rules change", 440000],
    ]);
  });

  it("updates the k-th existing record from the k-th incoming one, and asks for that occurrence's imported value", () => {
    const asked: [string, string, number][] = [];
    const imported = importedFrom(existingRecords());
    const incoming = registerOf([
      risk("RSK-7", RSK7_FIRST, "A3"),
      risk("RSK-7", { Title: "Rules change", ImpactValue: 500000 }, "A4"),
    ]);
    const { register, changes } = upsertRegister(registerOf(existingRecords()), incoming, (e, id, field, k) => {
      asked.push([id, field, k]);
      return imported(e, id, field, k);
    });
    expect(changes.updated).toEqual([
      { entity: "Risks", id: "RSK-7", field: "ImpactValue", before: 440000, after: 500000 },
    ]);
    expect(asked).toEqual([["RSK-7", "ImpactValue", 1]]);
    expect(register.entities.Risks.map((r) => r.values.ImpactValue)).toEqual([1000, null, 500000]);
    expect(changes.kept).toEqual([{ entity: "Risks", id: "RSK-1" }]);
    expect(changes.added).toEqual([]);
  });

  it("keeps an analyst's edit on the second occurrence only, as a conflict", () => {
    const existing = existingRecords();
    existing[2].values.Title = "Rules change (edited)";
    const incoming = registerOf([
      risk("RSK-7", RSK7_FIRST, "A3"),
      risk("RSK-7", { ...RSK7_SECOND, Title: "New" }, "A4"),
    ]);
    const { register, changes } = upsertRegister(registerOf(existing), incoming, importedFrom(existingRecords()));
    expect(changes.conflicts).toEqual([
      {
        entity: "Risks",
        id: "RSK-7",
        field: "Title",
        current: "Rules change (edited)",
        incoming: "New",
        imported: "Rules change",
      },
    ]);
    expect(register.entities.Risks[1].values.Title).toBe("Supplier late");
    expect(register.entities.Risks[2].values.Title).toBe("Rules change (edited)");
  });

  it("adds an occurrence beyond the existing ones, and keeps (and lists) an existing one the import lacks", () => {
    const three = registerOf([...existingRecords(), risk("RSK-7", { Title: "Third" }, "A5")]);
    const more = upsertRegister(registerOf(existingRecords()), three, importedFrom(existingRecords()));
    expect(more.changes.added).toEqual([{ entity: "Risks", id: "RSK-7" }]);
    expect(more.register.entities.Risks.map((r) => r.values.Title)).toEqual([
      "Budget pressure",
      "Supplier late",
      "Rules change",
      "Third",
    ]);

    const one = registerOf([risk("RSK-7", RSK7_FIRST, "A3")]);
    const fewer = upsertRegister(registerOf(existingRecords()), one, importedFrom(existingRecords()));
    expect(fewer.changes.kept).toEqual([
      { entity: "Risks", id: "RSK-1" },
      { entity: "Risks", id: "RSK-7" },
    ]);
    expect(fewer.changes.updated).toEqual([]);
    expect(fewer.register.entities.Risks).toHaveLength(3);
  });

  it("adds both records of an id that is new and duplicated in the import (no collapsing)", () => {
    const incoming = registerOf([risk("RSK-9", { Title: "One" }, "A2"), risk("RSK-9", { Title: "Two" }, "A3")]);
    const { register, changes } = upsertRegister(emptyRegister(), incoming, () => undefined);
    expect(changes.added).toEqual([
      { entity: "Risks", id: "RSK-9" },
      { entity: "Risks", id: "RSK-9" },
    ]);
    expect(register.entities.Risks.map((r) => r.values.Title)).toEqual(["One", "Two"]);
  });
});

describe("reading back a register with a duplicated id", () => {
  // The register's Risks sheet and the hidden provenance sheet, as the add-in writes them.
  const grids = [
    sheet("register.xlsx", "Risks", [
      ["RiskId", "Title", "ImpactValue"],
      ["RSK-1", "Budget pressure", 1000],
      ["RSK-7", "Supplier late", null],
      ["RSK-7", "Rules change", 440000],
    ]),
    sheet("register.xlsx", "PMO Provenance", [
      ["Entity", "RecordId", "Field", "SourceFile", "SourceSheet", "SourceCell", "ImportedValue", "SourceText"],
      ["Risks", "RSK-1", "RiskId", "raid.xlsx", "Risks", "A2", "RSK-1", "RSK-1"],
      ["Risks", "RSK-1", "Title", "raid.xlsx", "Risks", "B2", "Budget pressure", "Budget pressure"],
      ["Risks", "RSK-7", "RiskId", "raid.xlsx", "Risks", "A3", "RSK-7", "RSK-7"],
      ["Risks", "RSK-7", "Title", "raid.xlsx", "Risks", "B3", "Supplier late", "Supplier late"],
      ["Risks", "RSK-7", "RiskId", "raid.xlsx", "Risks", "A4", "RSK-7", "RSK-7"],
      ["Risks", "RSK-7", "Title", "raid.xlsx", "Risks", "B4", "Rules change", "Rules change"],
      // Only the second RSK-7 had a monetary impact: the first must not borrow its provenance.
      ["Risks", "RSK-7", "ImpactValue", "raid.xlsx", "Risks", "C4", "440000", "£440,000"],
    ]),
  ];
  const read = readRegisterGrids(grids);
  const [, first, second] = read.register.entities.Risks;

  it("gives each record its own provenance", () => {
    expect(first.provenance.Title).toMatchObject({ cell: "B3", raw: "Supplier late" });
    expect(second.provenance.Title).toMatchObject({ cell: "B4", raw: "Rules change" });
    expect(first.provenance.ImpactValue).toBeUndefined();
    expect(second.provenance.ImpactValue).toMatchObject({ cell: "C4", raw: "£440,000" });
  });

  it("still reads a provenance sheet sorted by field when no id is duplicated", () => {
    const [riskSheet, provenance] = grids;
    const [header, ...rows] = provenance.values;
    // The first record of each id only (rows 1–4), sorted by field: each id's rows are no longer together.
    const sorted = rows.slice(0, 4).sort((a, b) => String(a[2]).localeCompare(String(b[2])));
    expect(sorted.map((r) => `${r[1]} ${r[2]}`)).toEqual([
      "RSK-1 RiskId",
      "RSK-7 RiskId",
      "RSK-1 Title",
      "RSK-7 Title",
    ]);
    const reread = readRegisterGrids([riskSheet, { ...provenance, values: [header, ...sorted] }]);
    expect(reread.register.entities.Risks[0].provenance.Title).toMatchObject({ cell: "B2" });
    expect(reread.register.entities.Risks[1].provenance.Title).toMatchObject({ cell: "B3" });
    expect(reread.importedAt("Risks", "RSK-1", "Title", 0)).toBe("Budget pressure");
  });

  it("answers the imported value per occurrence", () => {
    expect(read.importedAt("Risks", "RSK-7", "Title", 0)).toBe("Supplier late");
    expect(read.importedAt("Risks", "RSK-7", "Title", 1)).toBe("Rules change");
    expect(read.importedAt("Risks", "RSK-7", "ImpactValue", 0)).toBeUndefined();
    expect(read.importedAt("Risks", "RSK-7", "ImpactValue", 1)).toBe("440000");
    expect(read.importedAt("Risks", "RSK-1", "Title", 0)).toBe("Budget pressure");
    expect(read.importedAt("Risks", "RSK-1", "Title", 1)).toBeUndefined();
  });
});

import { buildRegisterFromFiles } from "../../src/pipeline/steps/build";
import { openRegister } from "../../src/pipeline/open-register";
import { sampleInputFiles } from "../../src/cli/sample-inputs";
import type { Register } from "../../src/domain/register";
import { recordsOf } from "../../src/domain/register";
import { ENTITY_NAMES, SCHEMA } from "../../src/domain/schema";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { xlsxFileHost } from "../../src/workbook/xlsx/file-host";

const GENERATED_AT = "2026-11-01T00:00:00.000Z";

/**
 * Records as comparable lines: entities with ids of their own by id; entities whose ids are derived
 * (allocations, financial lines…) by their values alone, sorted, since a derived id depends on the source.
 */
function recordLines(register: Register, derivedEntities: Set<string>): string[] {
  const lines: string[] = [];
  for (const e of ENTITY_NAMES) {
    const def = SCHEMA[e];
    const derived = derivedEntities.has(e);
    for (const r of recordsOf(register, e)) {
      const values = def.fields
        .filter((f) => !(derived && f.name === def.idField))
        .map((f) => r.values[f.name] ?? null);
      lines.push(`${e} ${derived ? "" : r.id} ${JSON.stringify(values)}`);
    }
  }
  return lines.sort();
}

/** Entities whose sample records carry no id of their own (the register derives one). */
function entitiesWithoutIds(register: Register): Set<string> {
  return new Set(ENTITY_NAMES.filter((e) => recordsOf(register, e).some((r) => r.values[SCHEMA[e].idField] == null)));
}

/** What is in one list and not the other (a short diff rather than a 20,000-line one). */
function difference(a: string[], b: string[]): { missing: string[]; extra: string[] } {
  const count = new Map<string, number>();
  for (const x of b) count.set(x, (count.get(x) ?? 0) + 1);
  const missing: string[] = [];
  for (const x of a) {
    const n = count.get(x) ?? 0;
    if (n > 0) count.set(x, n - 1);
    else missing.push(x);
  }
  const extra = [...count].flatMap(([x, n]) => Array<string>(n).fill(x));
  return { missing: missing.slice(0, 5), extra: extra.slice(0, 5) };
}

describe("build the register from the sample's messy sources", () => {
  let estate: Register;
  let bytes: Uint8Array;
  let outcome: Awaited<ReturnType<typeof buildRegisterFromFiles>>["outcome"];

  beforeAll(async () => {
    const sample = await sampleInputFiles({ seed: 7 });
    estate = sample.estate;
    ({ outcome, bytes } = await buildRegisterFromFiles(xlsxFileHost, sample.files, { generatedAt: GENERATED_AT }));
  });

  it("reads every input file and counts every entity", () => {
    expect(outcome.inputs.filter((i) => i.status === "failed")).toEqual([]);
    for (const e of ENTITY_NAMES) expect(outcome.register[e]).toBe(estate.entities[e].length);
  });

  it("writes a register that reads back as the same records", async () => {
    const reread = await openRegister(await XlsxWorkbook.open(bytes, "register.xlsx"));
    const derived = entitiesWithoutIds(estate);
    expect(difference(recordLines(estate, derived), recordLines(reread.register, derived))).toEqual({
      missing: [],
      extra: [],
    });
  });

  it("writes the owned sheets and records them on PMO Settings", async () => {
    const wb = await XlsxWorkbook.open(bytes, "register.xlsx");
    const read = await wb.read();
    const names = read.grids.map((g) => g.sheet);
    for (const e of ENTITY_NAMES) expect(names).toContain(SCHEMA[e].sheet);
    expect(names).toEqual(expect.arrayContaining(["Mapping", "PMO Provenance", "PMO Settings", "PMO Lists"]));
    const reread = await openRegister(wb);
    expect(reread.settings.ownedSheets).toEqual(expect.arrayContaining(["Projects", "Mapping", "PMO Provenance"]));
  });

  it("building into its own output again adds no duplicates and changes nothing", async () => {
    const sample = await sampleInputFiles({ seed: 7 });
    const again = await buildRegisterFromFiles(xlsxFileHost, sample.files, {
      generatedAt: GENERATED_AT,
      into: { name: "register.xlsx", bytes },
    });
    expect(again.outcome.register).toEqual(outcome.register);
    expect(again.outcome.changes?.added).toEqual([]);
    expect(again.outcome.changes?.updated).toEqual([]);
    expect(again.outcome.changes?.conflicts).toEqual([]);
  });
});

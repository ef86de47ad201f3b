import { OWNED_SHEET } from "../domain/owned-sheet-names";
import type { Register } from "../domain/register";
import { ENTITY_NAMES, SCHEMA } from "../domain/schema";
import type { Settings } from "../domain/settings";
import type { IngestResult, UpsertChanges } from "../ingest/ingest";
import type { MappingReport } from "../report/mapping-sheet";
import { mappingSheet } from "../report/mapping-sheet";
import { PROVENANCE_SHEET, provenanceSheet } from "../report/provenance-sheet";
import { registerSheets } from "../report/register-sheets";
import { listRange, listsSheet, settingsSheet } from "../report/settings-sheet";
import type { WorkbookSpec } from "../workbook/spec";
import { planOwnedSheets } from "./owned-sheets";

export type ChangeList = UpsertChanges;

const show = (v: unknown): string => (v === null || v === undefined ? "" : String(v));

/** The ingest's account of itself, shaped for the Mapping sheet. */
export function toMappingReport(ingest: IngestResult, changes?: ChangeList): MappingReport {
  return {
    sources: ingest.sources.map((s) => ({
      file: s.file,
      sheet: s.sheet,
      entity: s.entity,
      confidence: s.confidence ?? null,
      headerRow: s.headerRow ?? null,
      firstColumn: s.firstCol ?? null,
      rows: s.rows,
      note: s.skipped ?? "",
    })),
    columns: ingest.sources.flatMap((s) =>
      s.columns.map((c) => ({
        file: s.file,
        sheet: s.sheet,
        column: c.column,
        header: c.header,
        field: c.field,
        confidence: c.confidence,
        how: c.how,
      })),
    ),
    problems: ingest.problems.map((p) => ({
      severity: p.severity,
      file: p.file,
      sheet: p.sheet ?? "",
      cell: p.cell ?? "",
      entity: p.entity ?? "",
      id: p.id ?? "",
      field: p.field ?? "",
      value: show(p.raw),
      message: p.message,
    })),
    conflicts: ingest.conflicts.map((c) => ({
      entity: c.entity,
      id: c.id,
      field: c.field,
      kept: `${show(c.kept.value)} (${c.kept.file} ${c.kept.sheet}!${c.kept.cell})`,
      other: `${show(c.other.value)} (${c.other.file} ${c.other.sheet}!${c.other.cell})`,
      rule: c.rule,
    })),
    derivedIds: ingest.derivedIds.map((d) => ({
      entity: d.entity,
      id: d.id,
      file: d.file,
      sheet: d.sheet,
      row: d.row ?? null,
    })),
    changes: changes
      ? [
          ...changes.added.map((c) => ({
            change: "added",
            entity: c.entity,
            id: c.id,
            field: "",
            before: "",
            after: "",
          })),
          ...changes.updated.map((c) => ({
            change: "updated",
            entity: c.entity,
            id: c.id,
            field: c.field,
            before: show(c.before),
            after: show(c.after),
          })),
          ...changes.conflicts.map((c) => ({
            change: "kept edit",
            entity: c.entity,
            id: c.id,
            field: c.field,
            before: show(c.current),
            after: `incoming: ${show(c.incoming)}`,
          })),
          ...changes.kept.map((c) => ({
            change: "not in files",
            entity: c.entity,
            id: c.id,
            field: "",
            before: "",
            after: "",
          })),
        ]
      : undefined,
  };
}

/**
 * The whole register workbook as a spec: one sheet per entity, Mapping, the hidden provenance and
 * lists sheets, and the settings sheet recording which sheets the add-in owns.
 */
export function registerWorkbookSpec(
  register: Register,
  mapping: MappingReport,
  settings: Settings,
  options: { existingSheets: string[]; generatedAt: string },
): { spec: WorkbookSpec; warnings: string[]; sheetNames: Map<string, string> } {
  const warnings: string[] = [];
  const wanted = [
    ...ENTITY_NAMES.map((e) => SCHEMA[e].sheet),
    OWNED_SHEET.mapping,
    PROVENANCE_SHEET,
    OWNED_SHEET.settings,
    OWNED_SHEET.lists,
  ];
  const plan = planOwnedSheets(wanted, options.existingSheets, settings.ownedSheets);
  for (const c of plan.clashes) {
    warnings.push(
      `The workbook already has a sheet named "${c}" that PMO Register did not create; it was left alone and the register uses "${plan.names.get(c)}".`,
    );
  }
  const listsName = plan.names.get(OWNED_SHEET.lists) ?? OWNED_SHEET.lists;
  const sheets = registerSheets(register, {
    currency: settings.general.currency,
    listRange: (list) => listRange(list, settings, listsName),
  });
  const provenance = provenanceSheet(register);
  if (provenance.truncated > 0) {
    warnings.push(
      `${provenance.truncated} provenance rows did not fit on one sheet (Excel's row limit); those values keep no source cell.`,
    );
  }
  const owned = [...plan.names.values()];
  const all = [
    ...sheets,
    mappingSheet(mapping, options.generatedAt),
    provenance.sheet,
    settingsSheet({ ...settings, ownedSheets: [...new Set([...settings.ownedSheets, ...owned])] }, owned),
    { ...listsSheet(settings), hidden: true },
  ].map((s) => ({ ...s, name: plan.names.get(s.name) ?? s.name }));
  return {
    spec: { sheets: all, properties: { title: "PMO Register", creator: "PMO Register" } },
    warnings,
    sheetNames: plan.names,
  };
}

import type { Register, RegisterRecord } from "../domain/register";
import { renderCleanSources } from "./clean-sources";
import { DELIBERATE_DEFECTS } from "./estate-defects";
import { renderBenefitsCsv, renderFinancialsCsv } from "./messy-csv";
import { renderRaidLog } from "./messy-raid";
import { renderResourcePlan } from "./messy-resource-plan";
import { renderProgrammes, renderStatusForm, renderTracker } from "./messy-tracker";
import { Picks } from "./random-picks";
import type { MessySource } from "./raw-sheet";

export type { CsvSource, MessySource, RawCell, RawRange, RawSheet, RawTable, XlsxSource } from "./raw-sheet";

export interface MessySourceOptions {
  /** Seed for the choice of quirks (default 1). */
  seed?: number;
  /** "all" (default): the files as real PMOs keep them. "none": clean canonical tables, for baselines. */
  quirks?: "all" | "none";
}

/** How many projects report through their own key/value status form instead of the tracker. */
export const STATUS_FORM_COUNT = 2;

/** The projects that get a status form: Delivery projects not hosting a deliberate defect, chosen by seed. */
export function statusFormProjects(projects: RegisterRecord[], seed: number): RegisterRecord[] {
  const defectHosts = new Set(DELIBERATE_DEFECTS.map((d) => d.id));
  const candidates = projects.filter((p) => p.values.Stage === "Delivery" && !defectHosts.has(p.id));
  return Picks.fromSeed(seed, "status-forms")
    .sample(candidates, STATUS_FORM_COUNT)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * Splits an estate over the files a PMO really keeps, each with the quirks real files have (see
 * each renderer). Every value stays recoverable exactly by a correct ingest: no precision is lost,
 * text dates are day-first with a day above 12 somewhere in each column, ids are kept.
 */
export function renderMessySources(register: Register, options: MessySourceOptions = {}): MessySource[] {
  if (options.quirks === "none") return renderCleanSources(register);
  const seed = options.seed ?? 1;
  const picks = (stream: string) => Picks.fromSeed(seed, stream);
  const e = register.entities;
  const asAt = e.Projects.reduce(
    (max, p) => (typeof p.values.StatusDate === "string" && p.values.StatusDate > max ? p.values.StatusDate : max),
    "",
  );
  const reportingDate = asAt || "2026-10-31";
  const forms = statusFormProjects(e.Projects, seed);
  const formIds = new Set(forms.map((p) => p.id));
  const tracked = e.Projects.filter((p) => !formIds.has(p.id));
  const sources: MessySource[] = [
    { file: "Portfolio Tracker.xlsx", kind: "xlsx", sheets: renderTracker(tracked, picks("tracker"), reportingDate) },
    { file: "Programmes.xlsx", kind: "xlsx", sheets: [renderProgrammes(e.Programmes, picks("programmes"))] },
    {
      file: "Resource Plan.xlsx",
      kind: "xlsx",
      sheets: renderResourcePlan(
        e.Allocations,
        e.Resources,
        e.CapacityAdjustments,
        picks("resource-plan"),
        reportingDate,
      ),
    },
    {
      file: "RAID Log.xlsx",
      kind: "xlsx",
      sheets: renderRaidLog(e.Risks, e.Issues, e.Milestones, e.Dependencies, picks("raid")),
    },
    renderFinancialsCsv(e.Financials, picks("financials")),
    renderBenefitsCsv(e.Benefits, picks("benefits")),
  ];
  for (const p of forms)
    sources.push({ file: `Status - ${p.id}.xlsx`, kind: "xlsx", sheets: [renderStatusForm(p, picks(`form-${p.id}`))] });
  return sources;
}

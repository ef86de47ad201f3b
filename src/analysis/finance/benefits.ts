import { isIsoDate } from "../../domain/dates";
import type { IsoDate } from "../../domain/dates";
import { numberValue, textValue, type Register } from "../../domain/register";
import { financialYear, NO_PROGRAMME, PORTFOLIO } from "./rollups";

/**
 * Benefits realisation (docs/domain.md "Benefits"): planned against realised value per programme and
 * per period (the financial year of the benefit's PlannedDate), and realisation % = realised /
 * planned, null with a reason when nothing is planned. A benefit's programme is its own
 * ProgrammeId, else its project's.
 */
export const NO_DATE = "(no date)";

export interface BenefitFigures {
  planned: number;
  realised: number;
  realisationPct: number | null;
  reason?: string;
  benefits: number;
  /** Benefits with no PlannedValue / RealisedValue (qualitative ones, or not yet measured). */
  missingPlanned: number;
  missingRealised: number;
}

export interface BenefitLine {
  id: string;
  programmeId: string | null;
  projectId: string | null;
  description: string | null;
  category: string | null;
  status: string | null;
  plannedDate: IsoDate | null;
  period: string;
  planned: number | null;
  realised: number | null;
  realisationPct: number | null;
  reason?: string;
}

export interface BenefitGroup {
  id: string;
  name: string | null;
  totals: BenefitFigures;
  byPeriod: (BenefitFigures & { period: string })[];
}

export interface BenefitsReport {
  fyStartMonth: number;
  benefits: BenefitLine[];
  programmes: BenefitGroup[];
  portfolio: BenefitGroup;
}

export function realisation(planned: number | null, realised: number | null): { pct: number | null; reason?: string } {
  if (planned === null) return { pct: null, reason: "no PlannedValue" };
  if (planned === 0) return { pct: null, reason: "planned value is 0" };
  if (realised === null) return { pct: null, reason: "no RealisedValue" };
  return { pct: realised / planned };
}

class Acc {
  planned = 0;
  realised = 0;
  benefits = 0;
  missingPlanned = 0;
  missingRealised = 0;
  add(line: BenefitLine): void {
    this.benefits++;
    if (line.planned === null) this.missingPlanned++;
    if (line.realised === null) this.missingRealised++;
    this.planned += line.planned ?? 0;
    this.realised += line.realised ?? 0;
  }
  figures(): BenefitFigures {
    const { planned, realised, benefits, missingPlanned, missingRealised } = this;
    const r =
      planned === 0 ? { pct: null, reason: "nothing planned (planned value is 0)" } : { pct: realised / planned };
    return {
      planned,
      realised,
      realisationPct: r.pct,
      ...(r.reason ? { reason: r.reason } : {}),
      benefits,
      missingPlanned,
      missingRealised,
    };
  }
}

class Group {
  total = new Acc();
  periods = new Map<string, Acc>();
  constructor(
    readonly id: string,
    readonly name: string | null,
  ) {}
  add(line: BenefitLine): void {
    this.total.add(line);
    let p = this.periods.get(line.period);
    if (!p) this.periods.set(line.period, (p = new Acc()));
    p.add(line);
  }
  result(): BenefitGroup {
    // Financial years in order, undated benefits last.
    const keys = [...this.periods.keys()].sort((a, b) =>
      a === NO_DATE ? 1 : b === NO_DATE ? -1 : a < b ? -1 : a > b ? 1 : 0,
    );
    return {
      id: this.id,
      name: this.name,
      totals: this.total.figures(),
      byPeriod: keys.map((period) => ({ period, ...(this.periods.get(period) as Acc).figures() })),
    };
  }
}

export function benefitsRealisation(register: Register, options: { fyStartMonth?: number } = {}): BenefitsReport {
  const fyStartMonth = options.fyStartMonth ?? 4;
  const programmeOfProject = new Map<string, string | null>();
  for (const p of register.entities.Projects) {
    if (!programmeOfProject.has(p.id)) programmeOfProject.set(p.id, textValue(p.values.ProgrammeId));
  }
  const groups = new Map<string, Group>();
  for (const p of register.entities.Programmes)
    if (!groups.has(p.id)) groups.set(p.id, new Group(p.id, textValue(p.values.Name)));
  const portfolio = new Group(PORTFOLIO, null);

  const benefits = register.entities.Benefits.map((b): BenefitLine => {
    const projectId = textValue(b.values.ProjectId);
    const programmeId =
      textValue(b.values.ProgrammeId) ?? (projectId ? (programmeOfProject.get(projectId) ?? null) : null);
    const plannedDate = isIsoDate(b.values.PlannedDate) ? b.values.PlannedDate : null;
    const planned = numberValue(b.values.PlannedValue);
    const realised = numberValue(b.values.RealisedValue);
    const r = realisation(planned, realised);
    return {
      id: b.id,
      programmeId,
      projectId,
      description: textValue(b.values.Description),
      category: textValue(b.values.Category),
      status: textValue(b.values.Status),
      plannedDate,
      period: plannedDate ? financialYear(plannedDate, fyStartMonth) : NO_DATE,
      planned,
      realised,
      realisationPct: r.pct,
      ...(r.reason ? { reason: r.reason } : {}),
    };
  });
  for (const line of benefits) {
    const key = line.programmeId ?? NO_PROGRAMME;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = new Group(key, null)));
    g.add(line);
    portfolio.add(line);
  }
  const programmes = [...groups.values()]
    .filter((g) => g.total.benefits > 0)
    .sort((a, b) => Number(a.id === NO_PROGRAMME) - Number(b.id === NO_PROGRAMME))
    .map((g) => g.result());
  return { fyStartMonth, benefits, programmes, portfolio: portfolio.result() };
}

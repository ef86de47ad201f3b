import type { IsoDate } from "../domain/dates";
import { addDays, monthKey } from "../domain/dates";
import type { RegisterRecord } from "../domain/register";
import type { ProjectFacts } from "./estate-projects";
import { makeDerivedRecord, makeRecord } from "./estate-records";
import type { Picks } from "./random-picks";
import { roundTo, seq } from "./random-picks";
import { BENEFITS } from "./vocabulary";
import { monthKeysBetween } from "./month-keys";

/** Splits an integer total into `parts` integers that add up to it exactly (remainder to the first). */
function split(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  const rest = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < rest ? 1 : 0));
}

/**
 * Monthly lines per project and cost type: budget phased evenly over the baseline window (whole
 * pounds), actuals up to the reporting month and forecast after it (pence). Each column adds up
 * to the project's Budget, ActualCost and ForecastCost − ActualCost exactly.
 */
export function generateFinancials(projects: ProjectFacts[], reportingDate: IsoDate): RegisterRecord[] {
  const out: RegisterRecord[] = [];
  const now = monthKey(reportingDate);
  for (const p of projects) {
    if (!p.baselineStart || !p.baselineFinish || p.status === "Cancelled") continue;
    const budgetMonths = monthKeysBetween(monthKey(p.baselineStart), monthKey(p.baselineFinish));
    const from = p.baselineStart < p.forecastStart ? p.baselineStart : p.forecastStart;
    const to = p.baselineFinish > p.forecastFinish ? p.baselineFinish : p.forecastFinish;
    const months = monthKeysBetween(monthKey(from), monthKey(to));
    const past = months.filter((m) => m <= now && p.actualStart !== null && m >= monthKey(p.actualStart));
    const future = months.filter((m) => m > now);
    const actualPence = p.actualPence ?? 0;
    const remainingPence = p.forecastPence - actualPence;
    const types: [string, number][] =
      p.capexShare > 0
        ? [
            ["Capex", p.capexShare],
            ["Opex", 1 - p.capexShare],
          ]
        : [["Opex", 1]];
    let budgetLeft = p.budget;
    let actualLeft = actualPence;
    let forecastLeft = remainingPence;
    types.forEach(([costType, share], t) => {
      const lastType = t === types.length - 1;
      const budget = lastType ? budgetLeft : Math.round(p.budget * share);
      const actual = lastType ? actualLeft : Math.round(actualPence * share);
      const forecast = lastType ? forecastLeft : Math.round(remainingPence * share);
      budgetLeft -= budget;
      actualLeft -= actual;
      forecastLeft -= forecast;
      const budgets = split(budget, budgetMonths.length);
      const actuals = past.length ? split(actual, past.length) : [];
      const forecasts = future.length ? split(forecast, future.length) : [];
      const b0 = months.indexOf(budgetMonths[0]);
      const a0 = past.length ? months.indexOf(past[0]) : 0;
      const f0 = future.length ? months.indexOf(future[0]) : 0;
      months.forEach((m, i) => {
        const bi = i - b0 < budgetMonths.length ? i - b0 : -1;
        const ai = i - a0 < past.length ? i - a0 : -1;
        const fi = i - f0 < future.length ? i - f0 : -1;
        out.push(
          makeDerivedRecord("Financials", {
            ProjectId: p.id,
            Period: `${m}-01`,
            CostType: costType,
            Budget: bi >= 0 ? budgets[bi] : null,
            // Months up to the reporting month carry an actual (0 before work began), later ones a forecast.
            Actual: m <= now ? (ai >= 0 ? actuals[ai] / 100 : 0) : null,
            Forecast: fi >= 0 ? forecasts[fi] / 100 : null,
          }),
        );
      });
    });
  }
  return out;
}

/** About one benefit per two projects: half owned by programmes, half by projects. */
export function generateBenefits(
  picks: Picks,
  projects: ProjectFacts[],
  programmeIds: string[],
  owners: string[],
  reportingDate: IsoDate,
): RegisterRecord[] {
  const count = Math.max(1, Math.round(projects.length / 2));
  const out: RegisterRecord[] = [];
  for (let i = 1; i <= count; i++) {
    const template = picks.pick(BENEFITS);
    const project = picks.chance(0.5) || programmeIds.length === 0 ? picks.pick(projects) : null;
    const plannedDate = project
      ? addDays(project.forecastFinish, picks.int(30, 365))
      : addDays(reportingDate, picks.int(-300, 700));
    const cash = template.category !== "Qualitative";
    const planned = cash ? roundTo(20_000 + picks.next() * 1_500_000, 5000) : null;
    const due = plannedDate <= reportingDate;
    const realised =
      planned === null
        ? null
        : due
          ? roundTo(planned * (0.4 + picks.next() * 0.7), 1000)
          : picks.chance(0.3)
            ? 0
            : null;
    const status = due
      ? realised !== null && planned !== null && realised >= planned
        ? "Realised"
        : picks.pick(["At Risk", "Not Realised", "On Track"])
      : picks.weighted([
          ["Planned", 5],
          ["On Track", 4],
          ["At Risk", 1],
        ]);
    // The first benefit's description runs over two lines (and quotes a report), as pasted text does.
    const description =
      i === 1
        ? `${template.description}\n(measured quarterly from the "AHT" report, see appendix)`
        : template.description;
    out.push(
      makeRecord("Benefits", seq("BEN", i, 3), {
        ProgrammeId: project ? project.programmeId : picks.pick(programmeIds),
        ProjectId: project ? project.id : null,
        Description: description,
        Category: template.category,
        Measure: template.measure,
        Baseline: template.baseline,
        Target: template.target,
        PlannedValue: planned,
        RealisedValue: realised,
        PlannedDate: plannedDate,
        Owner: picks.pick(owners),
        Status: status,
      }),
    );
  }
  return out;
}

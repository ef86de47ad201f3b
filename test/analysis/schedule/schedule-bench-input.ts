import { addDays } from "../../../src/domain/dates";
import type { FieldValue } from "../../../src/domain/register";
import { seededRng } from "../../../src/domain/random";
import type { LinkType, ScheduleItem, ScheduleLink } from "../../../src/analysis/schedule/schedule-inputs";
import { registerOf } from "../finance/register-fixture";

/**
 * Generated portfolio for the schedule/finance benchmark: n projects and m dependencies, acyclic
 * (a predecessor always has a lower index, mostly a near neighbour so chains run long), mixed
 * link types and lags, dates and money that give every earned-value figure something to do.
 * Returns both engine inputs and the equivalent register.
 */
export function generateScheduleBenchInput(n: number, m: number, seed: number) {
  const rng = seededRng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const types: LinkType[] = ["FS", "FS", "FS", "FS", "SS", "FF", "SF"];
  const items: ScheduleItem[] = [];
  const projects: Record<string, FieldValue>[] = [];
  const financials: Record<string, FieldValue>[] = [];
  for (let i = 0; i < n; i++) {
    const id = `P${String(i).padStart(5, "0")}`;
    const start = addDays("2024-01-01", int(0, 720));
    const duration = int(0, 400);
    const finish = addDays(start, duration);
    items.push({ id, kind: "project", start, durationDays: duration, dateSource: "forecast" });
    const budget = int(0, 50) * 10_000;
    projects.push({
      ProjectId: id,
      Name: `Project ${i}`,
      ProgrammeId: `PG${i % 40}`,
      ForecastStart: start,
      ForecastFinish: finish,
      BaselineStart: start,
      BaselineFinish: addDays(finish, -int(0, 60)),
      Budget: budget,
      ActualCost: int(0, 60) * 10_000,
      ForecastCost: budget + int(-5, 10) * 5_000,
      PercentComplete: int(0, 100) / 100,
      StatusDate: "2025-06-30",
    });
    if (i % 10 === 0) {
      for (let k = 0; k < 12; k++) {
        financials.push({
          ProjectId: id,
          Period: `2025-${String(k + 1).padStart(2, "0")}-01`,
          Budget: budget / 12,
          Actual: 0,
          Forecast: budget / 12,
        });
      }
    }
  }
  const links: ScheduleLink[] = [];
  const dependencies: Record<string, FieldValue>[] = [];
  for (let j = 0; j < m && n > 1; j++) {
    const succ = int(1, n - 1);
    const pred = rng() < 0.8 ? Math.max(0, succ - int(1, 5)) : int(0, succ - 1);
    const type = types[int(0, types.length - 1)];
    const lag = int(-5, 20);
    links.push({ predecessorId: items[pred].id, successorId: items[succ].id, type, lagDays: lag });
    dependencies.push({
      DependencyId: `D${j}`,
      PredecessorId: items[pred].id,
      SuccessorId: items[succ].id,
      Type: type,
      LagDays: lag,
    });
  }
  const register = registerOf({ Projects: projects, Dependencies: dependencies, Financials: financials });
  return { items, links, register };
}

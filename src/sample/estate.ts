import type { IsoDate } from "../domain/dates";
import { isIsoDate } from "../domain/dates";
import type { Register, RegisterRecord } from "../domain/register";
import { countRecords, emptyRegister } from "../domain/register";
import type { EntityName } from "../domain/schema";
import { generateAdjustments, generateAllocations, generateResources, planMonths } from "./estate-capacity";
import { plantDefects } from "./estate-defects";
import { generateBenefits, generateFinancials } from "./estate-finance";
import type { ProjectFacts } from "./estate-projects";
import { generateProjects } from "./estate-projects";
import { generateIssues, generateRisks } from "./estate-raid";
import { disambiguateDerivedIds, makeRecord } from "./estate-records";
import { generateDependencies, generateMilestones } from "./estate-schedule";
import { PeopleNames } from "./people";
import { Picks, seq } from "./random-picks";
import { PROGRAMME_THEMES } from "./vocabulary";

export interface EstateOptions {
  /** Seed of the generator (default 1): the same seed gives the same estate. */
  seed?: number;
  /** Number of programmes (default 5). */
  programmes?: number;
  /** Number of projects (default 60). */
  projects?: number;
  /** The reporting date everything is placed around (default 2026-10-31). */
  reportingDate?: IsoDate;
  /** Allocation rows per project, roughly (default 20; the scale benchmark uses 10). */
  allocationsPerProject?: number;
  /** Plant DELIBERATE_DEFECTS (default true; needs at least 10 projects). */
  defects?: boolean;
  /** Add a three-project finish-to-start cycle (default false). */
  dependencyCycle?: boolean;
}

export const DEFAULT_ESTATE_OPTIONS: Required<EstateOptions> = {
  seed: 1,
  programmes: 5,
  projects: 60,
  reportingDate: "2026-10-31",
  allocationsPerProject: 20,
  defects: true,
  dependencyCycle: false,
};

/** The estate the scale benchmark generates: 10,000 projects and about 100,000 allocations. */
export const SCALE_ESTATE_OPTIONS: EstateOptions = { projects: 10_000, programmes: 40, allocationsPerProject: 12 };

/**
 * A realistic, seeded PMO estate as clean canonical records (no provenance). Each part draws from
 * its own random stream, so the estate is reproducible from the seed alone.
 */
export function generateEstate(options: EstateOptions = {}): Register {
  const o = { ...DEFAULT_ESTATE_OPTIONS, ...stripUndefined(options) };
  if (!isIsoDate(o.reportingDate)) throw new RangeError(`reportingDate must be YYYY-MM-DD, got ${o.reportingDate}`);
  if (!Number.isInteger(o.projects) || o.projects < 1) throw new RangeError("projects must be a positive integer");
  if (!Number.isInteger(o.programmes) || o.programmes < 1)
    throw new RangeError("programmes must be a positive integer");
  const stream = (name: string) => Picks.fromSeed(o.seed, name);
  const R = o.reportingDate;

  const people = new PeopleNames(stream("people"));
  const sponsors = people.takeMany(Math.max(6, o.programmes + 4));
  const managers = people.takeMany(Math.max(12, Math.round(o.projects / 4)));
  const programmeIds = Array.from({ length: o.programmes }, (_, i) => seq("PGM", i + 1, 2));

  const { facts, records: projects } = generateProjects(
    { picks: stream("projects"), reportingDate: R, programmeIds, sponsors, managers, width: 4 },
    o.projects,
  );
  const programmes = generateProgrammes(stream("programmes"), programmeIds, facts, sponsors, people);
  const months = planMonths(R);
  const milestones = generateMilestones(stream("milestones"), facts, R);
  const dependencies = generateDependencies(stream("dependencies"), facts, milestones, R, o.dependencyCycle);
  const resources = generateResources(stream("resources"), people, o.projects, months);
  const adjustments = generateAdjustments(stream("adjustments"), o.projects, months);
  const allocations = generateAllocations(
    stream("allocations"),
    facts,
    resources,
    adjustments,
    months,
    o.allocationsPerProject,
  );
  const owners = [...managers, ...sponsors];

  const register = emptyRegister();
  const e = register.entities;
  e.Programmes = programmes;
  e.Projects = projects;
  e.Milestones = milestones;
  e.Dependencies = dependencies;
  e.Resources = resources;
  e.CapacityAdjustments = adjustments;
  e.Allocations = allocations;
  e.Financials = generateFinancials(facts, R);
  e.Risks = generateRisks(stream("risks"), facts, programmeIds, owners, R);
  e.Issues = generateIssues(stream("issues"), facts, owners, R);
  e.Benefits = generateBenefits(stream("benefits"), facts, programmeIds, owners, R);
  for (const records of [e.Allocations, e.Financials, e.CapacityAdjustments]) disambiguateDerivedIds(records);
  if (o.defects && o.projects >= 10) plantDefects(register);
  return register;
}

function generateProgrammes(
  picks: Picks,
  ids: string[],
  facts: ProjectFacts[],
  sponsors: string[],
  people: PeopleNames,
): RegisterRecord[] {
  const managers = people.takeMany(ids.length);
  return ids.map((id, i) => {
    const theme = PROGRAMME_THEMES[i % PROGRAMME_THEMES.length];
    const round = Math.floor(i / PROGRAMME_THEMES.length);
    const mine = facts.filter((p) => p.programmeId === id);
    const budget = mine.reduce((s, p) => s + p.budget, 0);
    const starts = mine.map((p) =>
      p.baselineStart && p.baselineStart < p.forecastStart ? p.baselineStart : p.forecastStart,
    );
    const finishes = mine.map((p) =>
      p.baselineFinish && p.baselineFinish > p.forecastFinish ? p.baselineFinish : p.forecastFinish,
    );
    return makeRecord("Programmes", id, {
      Name: `${theme.name} Programme${round ? ` ${round + 1}` : ""}`,
      Portfolio: i % 2 === 0 ? "Corporate Change Portfolio" : "Digital & Data Portfolio",
      SRO: sponsors[i % sponsors.length],
      ProgrammeManager: managers[i],
      StrategicObjective: theme.objective,
      // Envelopes leave 10–25% headroom over the projects' budgets, in £100k steps.
      BudgetEnvelope: Math.max(500_000, Math.ceil((budget * (1.1 + picks.next() * 0.15)) / 100_000) * 100_000),
      Start: starts.length ? starts.reduce((a, b) => (a < b ? a : b)) : null,
      Finish: finishes.length ? finishes.reduce((a, b) => (a > b ? a : b)) : null,
      Status: mine.some((p) => p.status === "Active" || p.status === "On Hold") ? "Active" : "Proposed",
    });
  });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Times one estate generation (the benchmark prints the figure; tests stay functional). */
export function measureEstateGeneration(
  options: EstateOptions = SCALE_ESTATE_OPTIONS,
  now: () => number = () => performance.now(),
): { milliseconds: number; counts: Record<EntityName, number> } {
  const t0 = now();
  const register = generateEstate(options);
  const milliseconds = now() - t0;
  return { milliseconds, counts: countRecords(register) };
}

import type { Hotspot } from "../../analysis/capacity/capacity-plan";
import type { MoneyFigures } from "../../analysis/finance/rollups";
import { pctText, plural, signedPctText } from "./figures";
import type { ProgrammeSummary, ProjectLine } from "./summary-model";

/**
 * Commentary generated from the numbers. The rule that keeps it honest: a sentence quotes only
 * figures that stand on the same sheet (key figures or table cells), rounded the way `figures.ts`
 * rounds them, and names the projects that drive each variance, slip or overload.
 */
export interface MoneyWords {
  money: (v: number) => string;
  signedMoney: (v: number) => string;
}

const fte = (v: number) => v.toFixed(1);

function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "Forecast £4.2m against £3.9m budget (+7.7 %), mostly P-014 (+£210k)." */
function moneySentence(
  m: MoneyFigures,
  drivers: { id: string; variance: number | null }[],
  words: MoneyWords,
): string | null {
  if (m.budget === 0 && m.forecast === 0 && m.actual === 0) return null;
  if (m.budget <= 0) return `No budget is recorded; the forecast is ${words.money(m.forecast)}.`;
  const spent = ` ${words.money(m.actual)} has been spent.`;
  if (m.variance === null) return `No forecast is recorded against the ${words.money(m.budget)} budget.${spent}`;
  if (m.variance === 0 || m.variancePct === null)
    return `Forecast ${words.money(m.forecast)} matches the ${words.money(m.budget)} budget.${spent}`;
  const over = m.variance > 0;
  const movers = drivers
    .filter((d) => d.variance !== null && (over ? d.variance > 0 : d.variance < 0))
    .sort((a, b) => Math.abs(b.variance!) - Math.abs(a.variance!) || (a.id < b.id ? -1 : 1))
    .slice(0, 2);
  const driven = movers.length
    ? `, ${movers.length === 1 ? "mostly" : "mainly"} ${list(movers.map((d) => `${d.id} (${words.signedMoney(d.variance!)})`))}`
    : "";
  return `Forecast ${words.money(m.forecast)} against ${words.money(m.budget)} budget (${signedPctText(m.variancePct)})${driven}.${spent}`;
}

function ragReason(p: ProjectLine): string {
  const parts: string[] = [];
  if (p.variancePct !== null && p.variancePct > 0) parts.push(`cost ${signedPctText(p.variancePct)}`);
  if (p.slipDays !== null && p.slipDays > 0) parts.push(`${plural(p.slipDays, "day")} late`);
  return parts.length ? `${p.id} (${parts.join(", ")})` : p.id;
}

function ragSentences(projects: ProjectLine[]): string[] {
  const red = projects.filter((p) => p.computed === "Red");
  const amber = projects.filter((p) => p.computed === "Amber");
  const out: string[] = [];
  const shown = (ps: ProjectLine[]) => list(ps.slice(0, 3).map(ragReason)) + (ps.length > 3 ? " and others" : "");
  if (red.length) {
    out.push(
      `${red.length} of ${plural(projects.length, "project")} ${red.length === 1 ? "is" : "are"} computed Red: ${shown(red)}.`,
    );
  } else if (amber.length) {
    out.push(
      `No project is computed Red; ${amber.length} ${amber.length === 1 ? "is" : "are"} Amber: ${shown(amber)}.`,
    );
  } else if (projects.some((p) => p.computed === "Green")) {
    out.push("Every project with cost and schedule data computes Green.");
  }
  const greener = projects.filter((p) => p.declaredGreener);
  if (greener.length) {
    const named = greener
      .slice(0, 3)
      .map((p) => `${p.id} (declared ${p.declared ?? p.confidence}; ${p.evidence.join(", ")})`)
      .join("; ");
    out.push(`Declared status is greener than the numbers for ${named}${greener.length > 3 ? " and others" : ""}.`);
  }
  return out;
}

function milestoneSentence(p: ProgrammeSummary): string | null {
  const overdue = p.milestones.filter((m) => m.state === "overdue");
  const slipped = p.milestones.filter((m) => m.state === "slipped");
  // A slipped milestone due next month is still coming up: the two lists overlap.
  const upcoming = p.milestones.filter((m) => m.upcoming);
  if (!overdue.length && !slipped.length && !upcoming.length) return null;
  const parts: string[] = [];
  if (overdue.length) parts.push(`${plural(overdue.length, "milestone")} overdue`);
  if (slipped.length) parts.push(`${slipped.length} slipped`);
  if (upcoming.length) parts.push(`${upcoming.length} coming up`);
  const worst = [...overdue, ...slipped]
    .filter((m) => m.slipDays !== null && m.slipDays > 0)
    .sort((a, b) => b.slipDays! - a.slipDays! || (a.id < b.id ? -1 : 1))[0];
  const tail = worst
    ? `; the largest slip is ${worst.id}${worst.projectId ? ` on ${worst.projectId}` : ""} (${plural(worst.slipDays!, "day")})`
    : "";
  return `Milestones: ${list(parts)}${tail}.`;
}

export function programmeCommentary(p: ProgrammeSummary, words: MoneyWords): string[] {
  if (p.projects.length === 0) {
    const out = ["No projects are recorded against this programme."];
    if (p.benefits.planned > 0) out.push(benefitSentence(p, words)!);
    return out;
  }
  const out: string[] = [];
  const money = moneySentence(p.money, p.projects, words);
  if (money) out.push(money);
  out.push(...ragSentences(p.projects));
  const ms = milestoneSentence(p);
  if (ms) out.push(ms);
  const risk = p.risks[0];
  if (risk && risk.exposure !== null && risk.exposure > 0) {
    out.push(
      `The highest open risk is ${risk.id}${risk.projectId ? ` on ${risk.projectId}` : ""} (exposure ${formatExposure(risk.exposure)})${risk.title ? `: ${clip(risk.title)}` : ""}.`,
    );
  }
  if (p.dependencies.length) {
    const d = p.dependencies[0];
    out.push(
      `${plural(p.dependencies.length, "dependency", "dependencies")} at risk, first ${d.id} (${d.predecessor} → ${d.successor}): ${d.why}.`,
    );
  }
  const benefits = benefitSentence(p, words);
  if (benefits) out.push(benefits);
  if (p.score !== null) {
    out.push(
      `Data quality ${pctText(p.score)}, with ${plural(p.findings.errors, "error")} and ${plural(p.findings.warnings, "warning")} to fix.`,
    );
  }
  return out;
}

function benefitSentence(p: ProgrammeSummary, words: MoneyWords): string | null {
  if (p.benefits.planned <= 0) return null;
  const pct = p.benefits.realisationPct;
  return `Benefits: ${words.money(p.benefits.realised)} realised of ${words.money(p.benefits.planned)} planned${pct !== null ? ` (${pctText(pct)})` : ""}.`;
}

/** Exposure is probability × impact on the register's scales: shown with up to one decimal. */
export function formatExposure(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

function clip(text: string, max = 80): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export interface PortfolioFacts {
  projects: ProjectLine[];
  programmes: number;
  money: MoneyFigures;
  programmeVariances: { id: string; name: string; variance: number | null }[];
  hotspot: Hotspot | null;
  selection: { status: string; count: number; objective: number; objectiveName: string; cost: number } | null;
  score: number;
  errors: number;
  warnings: number;
  stamp: boolean;
}

export function portfolioCommentary(f: PortfolioFacts, words: MoneyWords): string[] {
  const out: string[] = [];
  const count = (rag: string) => f.projects.filter((p) => p.computed === rag).length;
  out.push(
    `${plural(f.projects.length, "project")} in ${plural(f.programmes, "programme")}: ${count("Red")} computed Red, ${count("Amber")} Amber, ${count("Green")} Green.`,
  );
  const money = moneySentence(
    f.money,
    f.programmeVariances.map((v) => ({ id: v.name, variance: v.variance })),
    words,
  );
  if (money) out.push(money);
  const h = f.hotspot;
  if (h && h.utilisation !== null) {
    const drivers = h.topProjects.slice(0, 2).map((t) => `${t.id} (${fte(t.fte)} FTE)`);
    out.push(
      `Capacity is tightest for ${h.role} in ${h.month}: demand ${fte(h.demand)} against supply ${fte(h.supply)} FTE (${pctText(h.utilisation)})${drivers.length ? `, driven by ${list(drivers)}` : ""}.`,
    );
  } else if (h) {
    out.push(`${h.role} has demand of ${fte(h.demand)} FTE in ${h.month} and no one to supply it.`);
  }
  if (f.selection && (f.selection.status === "optimal" || f.selection.status === "feasible")) {
    out.push(
      `The ${f.selection.status} portfolio selects ${plural(f.selection.count, "project")} for ${words.money(f.selection.cost)}.`,
    );
  }
  out.push(
    `Data quality ${pctText(f.score)}, with ${plural(f.errors, "error")} and ${plural(f.warnings, "warning")} open${f.stamp ? ": NOT COMPLIANT under the directive profile" : ""}.`,
  );
  return out;
}

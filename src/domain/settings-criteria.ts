/**
 * Parsing of the prioritisation groups of PMO Settings: criteria and the optional AHP matrix.
 */
import {
  DEFAULT_SETTINGS,
  cellNumber,
  cellText,
  type Criterion,
  type ProblemFn,
  type Settings,
  type SettingsCell,
  type SettingsInput,
} from "./settings-model";

export function parseCriteria(input: SettingsInput, settings: Settings, problem: ProblemFn, notes: string[]): void {
  if (input.criteria === undefined || input.criteria.every((r) => cellText(r.name) === "")) {
    notes.push("No prioritisation criteria on the settings sheet: the default criteria are used.");
    return;
  }
  const defaults = new Map(DEFAULT_SETTINGS.criteria.map((c) => [c.name.toLowerCase(), c]));
  const out: Criterion[] = [];
  for (const row of input.criteria) {
    const name = cellText(row.name);
    if (name === "") continue;
    const d = defaults.get(name.toLowerCase());
    const weight = cellNumber(row.weight);
    const dir = cellText(row.direction).toLowerCase();
    const c: Criterion = {
      name,
      source: cellText(row.source) || name,
      weight: typeof weight === "number" && weight >= 0 ? weight : (d?.weight ?? 0),
      direction: dir === "benefit" || dir === "cost" ? dir : (d?.direction ?? "benefit"),
      min: null,
      max: null,
    };
    if (typeof weight !== "number" || weight < 0)
      problem(
        "criteria",
        row.weight,
        `Weight of ${name} should be a number ≥ 0, not "${cellText(row.weight)}"; ${c.weight} used.`,
      );
    if (dir !== "benefit" && dir !== "cost")
      problem(
        "criteria",
        row.direction,
        `Direction of ${name} should be benefit or cost, not "${cellText(row.direction)}"; ${c.direction} used.`,
      );
    for (const bound of ["min", "max"] as const) {
      const v = cellNumber(row[bound]);
      if (v === "bad")
        problem("criteria", row[bound], `Scale ${bound} of ${name} is not a number; it is taken from the data.`);
      else c[bound] = v;
    }
    if (c.min !== null && c.max !== null && c.min >= c.max) {
      problem(
        "criteria",
        row.max,
        `Scale of ${name} has min ${c.min} ≥ max ${c.max}; the scale is taken from the data.`,
      );
      c.min = c.max = null;
    }
    out.push(c);
  }
  const total = out.reduce((s, c) => s + c.weight, 0);
  if (total <= 0) {
    problem("criteria", input.criteria[0]?.weight, "The criteria weights sum to 0; the default criteria are used.");
    return;
  }
  if (Math.abs(total - 1) > 1e-9) notes.push(`Criteria weights sum to ${total}; prioritisation normalises them to 1.`);
  settings.criteria = out;
}

function parseFraction(c: SettingsCell): number | null | "bad" {
  const t = cellText(c);
  const m = /^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(t);
  if (m) return Number(m[2]) === 0 ? "bad" : Number(m[1]) / Number(m[2]);
  const n = cellNumber(c);
  return typeof n === "number" && n <= 0 ? "bad" : n;
}

export function parseAhp(input: SettingsInput, settings: Settings, problem: ProblemFn, notes: string[]): void {
  const t = input.ahp;
  if (t === undefined || t.rows.every((r) => r.values.every((v) => cellText(v) === ""))) {
    notes.push("No AHP pairwise comparisons: criteria weights are used as entered.");
    return;
  }
  const names = settings.criteria.map((c) => c.name.toLowerCase());
  const cols = t.columns.map((c) => cellText(c).toLowerCase());
  const rows = t.rows.filter((r) => cellText(r.criterion) !== "");
  const fail = (cell: SettingsCell | undefined, message: string) =>
    problem("ahp", cell, `${message} The AHP matrix is ignored.`);
  const badName = [...cols, ...rows.map((r) => cellText(r.criterion).toLowerCase())].find((n) => !names.includes(n));
  if (badName !== undefined || cols.length !== names.length || rows.length !== names.length)
    return fail(
      t.columns[0],
      `The AHP table must compare exactly the criteria ${settings.criteria.map((c) => c.name).join(", ")}${badName ? ` (unknown "${badName}")` : ""}.`,
    );
  const n = names.length;
  const m: (number | null)[][] = names.map(() => names.map(() => null));
  const cells: (SettingsCell | undefined)[][] = names.map(() => names.map(() => undefined));
  for (const r of rows) {
    const i = names.indexOf(cellText(r.criterion).toLowerCase());
    r.values.forEach((c, k) => {
      const j = names.indexOf(cols[k]);
      if (j < 0) return;
      const v = parseFraction(c);
      cells[i][j] = c;
      if (v === "bad") problem("ahp", c, `"${cellText(c)}" is not a positive number or fraction like 1/3.`);
      else m[i][j] = v;
    });
  }
  for (let i = 0; i < n; i++) {
    m[i][i] = 1;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const a = m[i][j];
      const b = m[j][i];
      if (a === null && b === null)
        return fail(cells[i][j], `${settings.criteria[i].name} vs ${settings.criteria[j].name} is blank.`);
      if (a === null) m[i][j] = 1 / (b as number);
      else if (b !== null && Math.abs(a * b - 1) > 1e-3)
        return fail(
          cells[i][j],
          `${settings.criteria[i].name} vs ${settings.criteria[j].name} (${a}) is not the reciprocal of ${b}.`,
        );
    }
  }
  settings.ahp = { criteria: settings.criteria.map((c) => c.name), matrix: m as number[][] };
}

/**
 * The names of the sheets the add-in writes, in one place, and the rule for recognising one of
 * them under the free variant it takes beside a user's sheet of the same name ("Findings (PMO)",
 * "Findings (PMO 2)"). Pipeline, report, CLI and task pane use these; none spells a name itself.
 */
export const OWNED_SHEET = {
  settings: "PMO Settings",
  lists: "PMO Lists",
  provenance: "PMO Provenance",
  mapping: "Mapping",
  findings: "Findings",
  prioritisation: "Prioritisation",
  selection: "Selection",
  scenarios: "Scenarios",
  capacity: "Capacity",
  levelling: "Levelling",
  schedule: "Schedule",
  scheduleHealth: "Schedule health",
  finance: "Finance",
  earnedValue: "Earned Value",
  benefits: "Benefits Realisation",
  cover: "Cover",
  dashboard: "Dashboard",
} as const;

export type OwnedSheetName = (typeof OWNED_SHEET)[keyof typeof OWNED_SHEET];

const norm = (s: string): string => s.trim().toLowerCase();

/** `sheet` is `wanted` itself or a free variant of it (`wanted (PMO…)`), ignoring case and outer spaces. */
export function isNameOrFreeVariant(sheet: string, wanted: string): boolean {
  const s = norm(sheet);
  const w = norm(wanted);
  return s === w || s.startsWith(`${w} (pmo`);
}

/** The first of `names` that is `wanted` or a free variant of it (the exact name preferred). */
export function findNameOrFreeVariant(names: readonly string[], wanted: string): string | undefined {
  return names.find((n) => norm(n) === norm(wanted)) ?? names.find((n) => isNameOrFreeVariant(n, wanted));
}

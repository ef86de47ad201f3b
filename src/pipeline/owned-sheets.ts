import { isNameOrFreeVariant } from "../domain/owned-sheet-names";
import { safeSheetName } from "../workbook/excel-names";

/**
 * The add-in writes only sheets it owns. A wanted name (e.g. `Projects`) is used as is when the
 * workbook has no such sheet, or when the settings sheet records it as ours; otherwise the user's
 * sheet keeps its name and ours gets a free variant (`Projects (PMO)`).
 */
export interface OwnedSheetPlan {
  /** Wanted name → name used. */
  names: Map<string, string>;
  /** Sheets of the user's that had a wanted name (and were left alone). */
  clashes: string[];
}

export function planOwnedSheets(wanted: string[], existing: string[], recordedOwned: string[]): OwnedSheetPlan {
  const owned = new Set(recordedOwned.map((s) => s.toLowerCase()));
  const existingLower = new Set(existing.map((s) => s.toLowerCase()));
  const taken = new Set(existing);
  const names = new Map<string, string>();
  const clashes: string[] = [];
  // First keep every name the settings already record as ours, so a rename stays stable run to run.
  for (const w of wanted) {
    const recorded = recordedOwned.find((o) => o.toLowerCase() === w.toLowerCase() || isNameOrFreeVariant(o, w));
    if (recorded && existingLower.has(recorded.toLowerCase())) names.set(w, recorded);
    else if (!existingLower.has(w.toLowerCase())) names.set(w, w);
  }
  for (const n of names.values()) taken.add(n);
  for (const w of wanted) {
    if (names.has(w)) continue;
    if (owned.has(w.toLowerCase())) {
      names.set(w, w);
      continue;
    }
    clashes.push(w);
    const alt = safeSheetName(`${w} (PMO)`, taken);
    taken.add(alt);
    names.set(w, alt);
  }
  return { names, clashes };
}

import { quoteSheet, splitSheetReference } from "../workbook/excel-names";
import type { SheetSpec, SpecValue } from "../workbook/spec";
import { isRichCell } from "../workbook/spec";

/** The sheet an internal link names (`'Risk log'!C5` → `Risk log`), or null for a URL. */
export function linkedSheet(link: string): { sheet: string; rest: string } | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link)) return null;
  const { sheet, rest } = splitSheetReference(link.replace(/^#/, ""));
  return sheet === null ? null : { sheet, rest };
}

/**
 * The sheet with every reference to a renamed sheet pointing at its new name: chart series ranges
 * and internal links. Used when a sheet the add-in writes takes a free variant of its name because
 * a user's sheet already has it, so charts and links still reach the sheet that was written.
 */
export function renameSheetReferences(sheet: SheetSpec, renames: Map<string, string>): SheetSpec {
  if (renames.size === 0) return sheet;
  const to = (name: string) => renames.get(name) ?? name;
  const fixLink = (v: SpecValue): SpecValue => {
    if (!isRichCell(v) || !v.link) return v;
    const target = linkedSheet(v.link);
    if (!target || !renames.has(target.sheet)) return v;
    return { ...v, link: `${quoteSheet(to(target.sheet))}${target.rest}` };
  };
  return {
    ...sheet,
    blocks: sheet.blocks.map((b) => {
      if (b.kind === "chart") {
        return {
          ...b,
          series: b.series.map((s) => ({
            ...s,
            categories: { ...s.categories, sheet: to(s.categories.sheet) },
            values: { ...s.values, sheet: to(s.values.sheet) },
          })),
        };
      }
      if (b.kind === "table") return { ...b, rows: b.rows.map((r) => r.map(fixLink)) };
      return b;
    }),
  };
}

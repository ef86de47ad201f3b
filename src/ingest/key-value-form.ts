import type { Grid } from "../workbook/grid";
import { gridCellAddress } from "../workbook/grid";
import { isKnownHeader } from "./alias-index";
import { isBlankCell } from "./coercion";
import type { DetectedColumn, DetectedRegion } from "./header-detection";
import { headerText, normaliseHeader } from "./header-text";
import { parseLocaleNumber } from "./money-parsing";

/**
 * A project status form: labels down a column with each value beside it ("Project Name | Apollo",
 * possibly two pairs per row). It is ONE record. Recognised when at least three distinct labels
 * are known aliases and labels rarely repeat (a table's rows repeat the same values; a form does not).
 */

export interface KeyValueForm {
  region: DetectedRegion;
  /** Distinct labels that are known aliases. */
  distinctHits: number;
  /** Last grid row with a pair (tables below the form start after it). */
  lastRow: number;
}

const MAX_ROWS = 80;
const VALUE_REACH = 3;
const MIN_DISTINCT_HITS = 3;

interface Pair {
  label: string;
  known: boolean;
  colon: boolean;
  labelCell: { r: number; c: number };
  valueCell: { r: number; c: number };
}

function labelOf(v: unknown): string | null {
  if (typeof v !== "string") return null;
  const s = v.trim();
  if (!s || s.length > 60 || parseLocaleNumber(s) !== null) return null;
  return s;
}

export function detectKeyValue(grid: Grid): KeyValueForm | null {
  const pairs: Pair[] = [];
  const rows = Math.min(grid.values.length, MAX_ROWS);
  for (let r = 0; r < rows; r++) {
    const row = grid.values[r] ?? [];
    let c = 0;
    while (c < row.length) {
      const label = labelOf(row[c]);
      if (label === null) {
        c++;
        continue;
      }
      const colon = /:\s*$/.test(label);
      const text = label.replace(/:\s*$/, "");
      const known = isKnownHeader(normaliseHeader(text));
      let valueCol = -1;
      for (let k = c + 1; k <= Math.min(row.length - 1, c + VALUE_REACH); k++) {
        if (!isBlankCell(row[k])) {
          valueCol = k;
          break;
        }
      }
      // A known label followed by another known label is a header row, not a pair.
      const next = valueCol >= 0 ? labelOf(row[valueCol]) : null;
      const nextIsLabel = next !== null && isKnownHeader(normaliseHeader(next.replace(/:\s*$/, "")));
      if ((known || colon) && valueCol >= 0 && !nextIsLabel) {
        pairs.push({ label: text, known, colon, labelCell: { r, c }, valueCell: { r, c: valueCol } });
        c = valueCol + 1;
      } else c++;
    }
  }
  const knownLabels = pairs.filter((p) => p.known).map((p) => normaliseHeader(p.label));
  const distinct = new Set(knownLabels);
  if (distinct.size < MIN_DISTINCT_HITS) return null;
  if (knownLabels.length - distinct.size > 0.25 * knownLabels.length) return null;
  // Keep the labels in the columns where known labels sit (free-text labels there are extras too).
  const labelCols = new Set(pairs.filter((p) => p.known).map((p) => p.labelCell.c));
  const kept = pairs.filter((p) => p.known || (p.colon && labelCols.has(p.labelCell.c)));
  const columns: DetectedColumn[] = kept.map((p, i) => ({
    index: i,
    header: headerText(p.label),
    child: headerText(p.label),
    cell: gridCellAddress(grid, p.labelCell.r, p.labelCell.c),
  }));
  const firstRow = Math.min(...kept.map((p) => p.labelCell.r));
  const lastRow = Math.max(...kept.map((p) => p.labelCell.r));
  return {
    region: {
      kind: "keyValue",
      headerRow: firstRow,
      headerRows: 1,
      columns,
      dataRows: [firstRow],
      kvCells: kept.map((p) => p.valueCell),
      aliasHits: distinct.size,
    },
    distinctHits: distinct.size,
    lastRow,
  };
}

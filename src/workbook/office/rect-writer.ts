import { rectAddress } from "./excel-addresses";
import type { CellRect } from "./block-layout";
import { SMALL_OP_BYTES, utf8Length, type SyncBatcher } from "./sync-batcher";

/**
 * Writes a rectangle of values in row chunks: per chunk, number formats first (so text cells are
 * "@" before their strings arrive) and then one `range.values`. A column whose format is the same
 * all the way down gets one format for the whole chunk (Excel applies a single value to every cell
 * of the range), and neighbouring columns with the same format share it; only mixed columns send
 * one format per cell.
 */
export async function writeRect(sheet: Excel.Worksheet, rect: CellRect, batcher: SyncBatcher): Promise<number> {
  const rows = rect.values.length;
  if (rows === 0) return 0;
  const cols = rect.values[0].length;
  const uniform: (string | null)[] = [];
  for (let c = 0; c < cols; c++) {
    const first = rect.formats[0][c];
    uniform.push(rect.formats.every((row) => row[c] === first) ? first : null);
  }
  const groups = uniformGroups(uniform);
  // Bytes a row adds: its values plus the formats of mixed columns.
  const rowBytes = (r: number) => {
    let n = utf8Length(JSON.stringify(rect.values[r])) + 1;
    for (let c = 0; c < cols; c++) if (uniform[c] === null) n += rect.formats[r][c].length + 8;
    return n;
  };
  const chunkOverhead = SMALL_OP_BYTES * (groups.length + 1 + uniform.filter((u) => u === null).length);

  let start = 0;
  while (start < rows) {
    let end = start;
    let bytes = chunkOverhead;
    while (end < rows) {
      const next = rowBytes(end);
      if (bytes + next > batcher.remaining) break;
      bytes += next;
      end += 1;
    }
    if (end === start) {
      if (batcher.remaining < batcher.budget) {
        await batcher.flush();
        continue;
      }
      throw new RangeError(`Row ${rect.top + start} is larger than one Excel request allows.`);
    }
    await batcher.reserve(bytes);
    const top = rect.top + start;
    const bottom = rect.top + end - 1;
    for (const g of groups) {
      const range = sheet.getRange(rectAddress({ top, left: rect.left + g.from, bottom, right: rect.left + g.to }));
      // A single format is applied by Excel to every cell of the range (documented; the typings want an array).
      range.numberFormat = g.format as unknown as string[][];
    }
    for (let c = 0; c < cols; c++) {
      if (uniform[c] !== null) continue;
      const range = sheet.getRange(rectAddress({ top, left: rect.left + c, bottom, right: rect.left + c }));
      range.numberFormat = rect.formats.slice(start, end).map((row) => [row[c]]);
    }
    const range = sheet.getRange(rectAddress({ top, left: rect.left, bottom, right: rect.left + cols - 1 }));
    range.values = rect.values.slice(start, end);
    start = end;
    if (start < rows) await batcher.flush();
  }
  return rows * cols;
}

function uniformGroups(uniform: (string | null)[]): { from: number; to: number; format: string }[] {
  const groups: { from: number; to: number; format: string }[] = [];
  uniform.forEach((format, c) => {
    if (format === null) return;
    const last = groups[groups.length - 1];
    if (last && last.format === format && last.to === c - 1) last.to = c;
    else groups.push({ from: c, to: c, format });
  });
  return groups;
}

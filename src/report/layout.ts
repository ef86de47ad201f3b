import type { Block } from "../workbook/spec";
import { tableExtent } from "../workbook/spec";

/** A block without its position: `stackBlocks` places it. */
export type UnplacedBlock = Block extends infer B ? (B extends Block ? Omit<B, "row" | "col"> : never) : never;

/** Rows a block occupies once placed. */
export function blockHeight(block: Block): number {
  switch (block.kind) {
    case "title":
      return block.subtitle ? 2 : 1;
    case "text":
      return block.lines.length;
    case "keyFigures":
      return block.items.length;
    case "table": {
      const e = tableExtent(block);
      return e.bottom - e.top + 1;
    }
    case "chart":
      return block.heightRows;
  }
}

/** Places blocks one under another from `startRow`, `gap` blank rows apart, in column `col`. */
export function stackBlocks(
  blocks: UnplacedBlock[],
  startRow = 1,
  col = 1,
  gap = 1,
): { blocks: Block[]; nextRow: number } {
  const placed: Block[] = [];
  let row = startRow;
  for (const b of blocks) {
    const block = { ...b, row, col } as Block;
    placed.push(block);
    row += blockHeight(block) + gap;
  }
  return { blocks: placed, nextRow: row };
}

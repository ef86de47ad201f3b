import ExcelJS from "exceljs";
import type { CellValue } from "../grid";
import { columnLetters } from "../grid";
import type { CsvSource, RawCell, RawSheet, RawTable } from "../../sample/raw-sheet";

/**
 * Writes generated fixture sheets cell by cell (values, number formats, merges, Excel Tables,
 * hidden sheets) — the messy workbooks tests and the demo feed to the ingest. Unlike the spec
 * renderer, it decides nothing about layout: the sample generator already placed every cell.
 */
export async function writeRawWorkbook(sheets: RawSheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  // A fixed creation stamp keeps the bytes' content reproducible (no machine time in the file).
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, { state: sheet.hidden ? "hidden" : "visible" });
    const byAddress = new Map<string, RawCell>();
    for (const cell of sheet.cells) byAddress.set(`${cell.row}:${cell.col}`, cell);
    const inTable = new Set<string>();
    for (const table of sheet.tables ?? []) {
      addTable(ws, table, byAddress);
      for (let r = table.top; r <= table.bottom; r++)
        for (let c = table.left; c <= table.right; c++) inTable.add(`${r}:${c}`);
    }
    for (const cell of sheet.cells) {
      const target = ws.getCell(cell.row, cell.col);
      if (!inTable.has(`${cell.row}:${cell.col}`)) target.value = cell.value as ExcelJS.CellValue;
      if (cell.numberFormat) target.numFmt = cell.numberFormat;
      if (typeof cell.value === "string" && cell.value.includes("\n"))
        target.alignment = { wrapText: true, vertical: "top" };
    }
    for (const m of sheet.merges ?? []) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** An Excel Table over cells already placed: its header names come from the top row's cells. */
function addTable(ws: ExcelJS.Worksheet, table: RawTable, cells: Map<string, RawCell>): void {
  const width = table.right - table.left + 1;
  const used = new Set<string>();
  const headers = Array.from({ length: width }, (_, i) => {
    const raw = cells.get(`${table.top}:${table.left + i}`)?.value;
    // Excel requires unique, non-empty header names; fixtures normally give them, this is a guard.
    let name = raw === null || raw === undefined || raw === "" ? `Column${i + 1}` : String(raw);
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${String(raw ?? "Column")}${k}`;
    used.add(name.toLowerCase());
    return name;
  });
  const rows: CellValue[][] = [];
  for (let r = table.top + 1; r <= Math.max(table.bottom, table.top + 1); r++) {
    rows.push(Array.from({ length: width }, (_, i) => cells.get(`${r}:${table.left + i}`)?.value ?? null));
  }
  ws.addTable({
    name: table.name,
    displayName: table.name,
    ref: `${columnLetters(table.left)}${table.top}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: headers.map((name) => ({ name, filterButton: true })),
    rows: rows as ExcelJS.CellValue[][],
  });
}

/** CSV text → bytes in the source's encoding (UTF-8, UTF-8 with BOM, or windows-1252). */
export function encodeCsv(source: Pick<CsvSource, "text" | "encoding">): Uint8Array {
  if (source.encoding === "windows-1252") return encodeWindows1252(source.text);
  const utf8 = new TextEncoder().encode(source.text);
  if (source.encoding === "utf-8") return utf8;
  const out = new Uint8Array(utf8.length + 3);
  out.set([0xef, 0xbb, 0xbf], 0);
  out.set(utf8, 3);
  return out;
}

/** The characters windows-1252 puts in 0x80–0x9F (the rest of 0xA0–0xFF is Latin-1). */
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};

/**
 * TextEncoder only writes UTF-8, so Latin-1-era CSVs (the GMPP files) need this. A character
 * windows-1252 cannot hold is an error in the fixture, not something to replace silently.
 */
export function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const byte = cp < 0x80 || (cp >= 0xa0 && cp <= 0xff) ? cp : CP1252_HIGH[cp];
    if (byte === undefined)
      throw new RangeError(
        `Character U+${cp.toString(16).toUpperCase().padStart(4, "0")} ("${ch}") has no windows-1252 byte`,
      );
    out[n++] = byte;
  }
  return out.slice(0, n);
}

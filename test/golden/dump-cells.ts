import ExcelJS from "exceljs";

/**
 * Every cell of a workbook as text lines `Sheet!A1\ttype\tvalue\tnumFmt`, sheets in workbook order,
 * with sheet state (hidden) and each sheet's tables. Cells that hold the generation timestamp are
 * masked: the only value a run may change from one day to the next.
 */
export async function dumpCells(bytes: Uint8Array): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const lines: string[] = [];
  for (const ws of wb.worksheets) {
    const tables = Object.values(
      (ws as unknown as { tables: Record<string, { table: { name: string; ref: string } }> }).tables ?? {},
    )
      .map((t) => `${t.table.name}@${t.table.ref}`)
      .sort();
    lines.push(`# ${ws.name}\tstate=${ws.state}\ttables=${tables.join(",")}`);
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        lines.push(`${ws.name}!${cell.address}\t${cell.type}\t${render(cell.value)}\t${cell.numFmt ?? ""}`);
      });
    });
  }
  return lines;
}

const TIMESTAMP = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z\b/g;

function render(value: ExcelJS.CellValue): string {
  let text: string;
  if (value instanceof Date) text = value.toISOString();
  else if (value !== null && typeof value === "object") text = JSON.stringify(value);
  else text = String(value);
  return text.replace(TIMESTAMP, "<generated-at>").replace(/\n/g, "\\n");
}

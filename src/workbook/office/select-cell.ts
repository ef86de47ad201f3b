/**
 * "Go to cell" for a finding: selects one cell of the open workbook, which also brings its sheet
 * to the front. One `Excel.run`, one sync. The run function is injected (the strict fake in tests).
 */
export async function selectCell(
  sheet: string,
  address: string,
  run: typeof Excel.run = ((...args: Parameters<typeof Excel.run>) => Excel.run(...args)) as typeof Excel.run,
): Promise<void> {
  if (!/^\$?[A-Z]{1,3}\$?\d{1,7}(:\$?[A-Z]{1,3}\$?\d{1,7})?$/i.test(address)) {
    throw new Error(`"${address}" is not a cell address; open ${sheet} and find the record by its id.`);
  }
  await run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address);
    range.select();
    await context.sync();
  });
}

import ExcelJS from "exceljs";

export interface Fixture {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/**
 * A messy-but-typical project tracker: a title row above the header, headers in the wording PMOs
 * use ("Project Ref", "Project Manager", "End Date", "Budget (£)"), real dates and a RAG column.
 */
export async function projectTrackerXlsx(): Promise<Fixture> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Tracker");
  sheet.addRow(["Portfolio tracker — Q1 2025"]);
  sheet.addRow([]);
  sheet.addRow([
    "Project Ref",
    "Project Name",
    "Project Manager",
    "Start Date",
    "End Date",
    "Budget (£)",
    "RAG Status",
  ]);
  const rows: [string, string, string, string, string, number, string][] = [
    ["PRJ-001", "Customer portal", "A. Khan", "2025-01-06", "2025-09-30", 250000, "Green"],
    ["PRJ-002", "Data centre exit", "B. Osei", "2024-11-01", "2025-12-19", 1200000, "Amber"],
    ["PRJ-003", "HR system upgrade", "C. Murphy", "2025-02-03", "2025-07-31", 180000, "Red"],
  ];
  for (const [ref, name, pm, start, end, budget, rag] of rows) {
    sheet.addRow([ref, name, pm, new Date(`${start}T00:00:00Z`), new Date(`${end}T00:00:00Z`), budget, rag]);
  }
  sheet.getColumn(4).numFmt = "dd/mm/yyyy";
  sheet.getColumn(5).numFmt = "dd/mm/yyyy";
  return {
    name: "Project tracker.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}

/** A risk log exported as CSV with a semicolon delimiter and UK dates, as Excel in Europe writes it. */
export function riskLogCsv(): Fixture {
  const text = [
    "Risk ID;Project;Risk Description;Likelihood;Impact;Owner;Date Raised",
    "R-01;PRJ-001;Supplier may miss the API deadline;3;4;A. Khan;14/01/2025",
    'R-02;PRJ-002;"Power works need a second outage; not yet agreed";2;5;B. Osei;03/02/2025',
  ].join("\r\n");
  return { name: "risk log.csv", mimeType: "text/csv", buffer: Buffer.from(text, "utf8") };
}

/** Reads bytes the pane produced and returns the sheet names and the Projects sheet's cells. */
export async function readWorkbookSummary(bytes: Buffer): Promise<{ sheets: string[]; projects: unknown[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const projects: unknown[][] = [];
  workbook.getWorksheet("Projects")?.eachRow((row) => {
    projects.push((row.values as unknown[]).slice(1));
  });
  return { sheets: workbook.worksheets.map((w) => w.name), projects };
}

import { execFileSync } from "node:child_process";
import type { WorkbookSpec } from "../../src/workbook/spec";

/**
 * What a printed pack must be, read from the PDF LibreOffice makes of it (pdfinfo, pdftotext):
 * every page A4 for a £ or € pack, no "###" where a column is too narrow for its value, the pack's
 * header and "Page X of Y" on every page, and the dashboard on one page (the page after it starts
 * the first programme).
 */
export function printProblems(pdfPath: string, spec: WorkbookSpec, paper: "A4" | "Letter" = "A4"): string[] {
  const problems: string[] = [];
  const info = execFileSync("pdfinfo", ["-f", "1", "-l", "9999", pdfPath], { encoding: "utf8" });
  const sizes = [...info.matchAll(/^Page\s+(\d+) size:\s+.*\((\w+)\)/gm)];
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  if (pages === 0) return [`${pdfPath}: no pages`];
  for (const [, page, size] of sizes)
    if (size.toLowerCase() !== paper.toLowerCase()) problems.push(`page ${page} is ${size}, not ${paper}`);
  const text = (page: number) =>
    execFileSync("pdftotext", ["-layout", "-f", String(page), "-l", String(page), pdfPath, "-"], { encoding: "utf8" });
  let dashboardPage = 0;
  for (let p = 1; p <= pages; p++) {
    const t = text(p);
    if (t.includes("###")) problems.push(`page ${p}: "###" where a value does not fit its column`);
    if (!/PMO portfolio summary/.test(t)) problems.push(`page ${p}: no header naming the pack`);
    if (!new RegExp(`Page ${p} of ${pages}`).test(t)) problems.push(`page ${p}: no "Page ${p} of ${pages}" footer`);
    if (dashboardPage === 0 && t.includes("Portfolio dashboard")) dashboardPage = p;
  }
  const firstProgramme = spec.sheets[2]?.blocks.find((b) => b.kind === "title");
  if (dashboardPage === 0) problems.push("no page shows the Portfolio dashboard");
  else if (firstProgramme?.kind === "title" && dashboardPage < pages) {
    const next = text(dashboardPage + 1);
    if (!next.includes(firstProgramme.text.slice(0, 20)))
      problems.push(`the dashboard runs past page ${dashboardPage}: the next page is not "${firstProgramme.text}"`);
  }
  return problems;
}

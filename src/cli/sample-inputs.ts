import type { Register } from "../domain/register";
import type { InputFile } from "../pipeline/steps/build";
import { generateEstate } from "../sample/estate";
import { renderMessySources } from "../sample/messy-sources";
import { encodeCsv, writeRawWorkbook } from "../workbook/xlsx/raw-writer";

/**
 * The built-in sample: a seeded, realistic PMO estate written as the messy workbooks and CSVs
 * real PMOs keep (titles above headers, odd names, text dates, months across columns…).
 *
 * A front end's composition (`pmo sample`; the tests' and the bench's fixtures), not a pipeline use
 * case: it runs no step and reads no register, it only renders src/sample's sources to bytes with
 * the xlsx host's raw writer. Handing that writer through the port would put src/sample's raw-sheet
 * shape into the port for one caller, so it lives here (docs/architecture.md, "Front ends").
 */
export async function sampleInputFiles(
  options: { seed?: number; projects?: number; programmes?: number; quirks?: "all" | "none" } = {},
): Promise<{ files: InputFile[]; estate: Register }> {
  const estate = generateEstate({
    seed: options.seed ?? 1,
    projects: options.projects,
    programmes: options.programmes,
  });
  const sources = renderMessySources(estate, { seed: options.seed ?? 1, quirks: options.quirks ?? "all" });
  const files: InputFile[] = [];
  for (const s of sources) {
    files.push({ name: s.file, bytes: s.kind === "csv" ? encodeCsv(s) : await writeRawWorkbook(s.sheets) });
  }
  return { files, estate };
}

import { basename, extname, join } from "node:path";
import { convertWithLibreOffice, pdfToPngs } from "./libreoffice";

/**
 * Renders an .xlsx to PDF with LibreOffice and then to one PNG per page (pdftoppm, 60 dpi), so a
 * generated workbook can be checked by eye:
 *   npx tsx test/interop/render-pages.ts path/to/book.xlsx [outDir]   (default test-artifacts/pages)
 */

/** Returns the PNG paths, `<outDir>/<stem>-N.png` in page order. */
export async function renderPages(
  xlsxPath: string,
  outDir = join("test-artifacts", "pages"),
  dpi = 60,
): Promise<string[]> {
  const { path: pdf } = await convertWithLibreOffice(xlsxPath, "pdf", outDir);
  return pdfToPngs(pdf, join(outDir, basename(xlsxPath, extname(xlsxPath))), dpi);
}

if (require.main === module) {
  const [input, outDir] = process.argv.slice(2);
  if (!input) {
    process.stderr.write("usage: tsx test/interop/render-pages.ts <file.xlsx> [outDir]\n");
    process.exit(2);
  }
  renderPages(input, outDir)
    .then((pages) => process.stdout.write(`${pages.join("\n")}\n`))
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    });
}

import JSZip from "jszip";
import { readRels, readSheetCatalog, relsPathOf } from "./sheet-catalog";

/**
 * Puts a worksheet's top-level children after `sheetData` back into CT_Worksheet's sequence. exceljs
 * writes `<legacyDrawing>` (cell notes) after `<tableParts>`, and Excel then refuses the sheet and
 * empties it on repair (exceljs issues #1369, #1616: a note in a sheet that has a table). Only the
 * order changes; every element is kept byte for byte.
 */

/** CT_Worksheet's children from sheetData on, in schema order. */
export const TAIL_ORDER = [
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];
const RANK = new Map(TAIL_ORDER.map((n, i) => [n, i]));

/** A start, end or empty tag; quoted attribute values are skipped whole (they may hold `>`). */
const TAG = /<(\/?)([\w.-]+(?::[\w.-]+)?)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

interface Child {
  name: string;
  start: number;
  end: number;
}

/** Top-level children from `sheetData` to the root's end tag, with their spans. */
function tailChildren(xml: string): { children: Child[]; end: number } | null {
  const root = /<([\w.-]+:)?worksheet\b(?:[^>"']|"[^"]*"|'[^']*')*>/.exec(xml);
  if (!root) return null;
  const prefix = root[1] ?? "";
  const sheetData = new RegExp(`<${prefix}sheetData\\b(?:[^>"']|"[^"]*"|'[^']*')*>`).exec(xml);
  if (!sheetData) return null;
  // sheetData cannot nest, so its end tag is found directly instead of scanning every cell.
  const close = sheetData[0].endsWith("/>") ? -1 : xml.indexOf(`</${prefix}sheetData>`, sheetData.index);
  const dataEnd = close < 0 ? sheetData.index + sheetData[0].length : close + `</${prefix}sheetData>`.length;
  const children: Child[] = [{ name: "sheetData", start: sheetData.index, end: dataEnd }];
  let depth = 0;
  let current: Child | null = null;
  TAG.lastIndex = dataEnd;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const [whole, closing, qname, , empty] = m;
    const local = qname.slice(qname.indexOf(":") + 1);
    if (closing) {
      if (depth === 0) return { children, end: m.index }; // the root's end tag
      depth--;
      if (depth === 0 && current) {
        current.end = m.index + whole.length;
        children.push(current);
        current = null;
      }
      continue;
    }
    if (depth === 0) {
      if (empty) {
        children.push({ name: local, start: m.index, end: m.index + whole.length });
        continue;
      }
      current = { name: local, start: m.index, end: -1 };
    }
    if (!empty) depth++;
  }
  return null;
}

/** The worksheet XML with its tail in schema order (unchanged when it already is). */
export function sortWorksheetTail(xml: string): string {
  const tail = tailChildren(xml);
  if (!tail || tail.children.length < 2) return xml;
  // Unknown elements (e.g. mc:AlternateContent) keep the rank of the element before them.
  let last = 0;
  const ranked = tail.children.map((c, i) => {
    last = RANK.get(c.name) ?? last;
    return { c, i, rank: last };
  });
  if (ranked.every((r, i) => i === 0 || ranked[i - 1].rank <= r.rank)) return xml;
  const sorted = [...ranked].sort((a, b) => a.rank - b.rank || a.i - b.i);
  // Text between children (whitespace) stays with the child it precedes.
  const pieces = ranked.map((r, i) => xml.slice(i === 0 ? r.c.start : ranked[i - 1].c.end, r.c.end));
  const first = tail.children[0].start;
  return xml.slice(0, first) + sorted.map((r) => pieces[r.i]).join("") + xml.slice(tail.children.at(-1)!.end);
}

/** Returns the package with every worksheet's tail in schema order, or the input when none needed it. */
export async function fixWorksheetOrder(xlsx: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  if (!(await reorderWorksheetTails(zip))) return xlsx;
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** Puts every worksheet's tail of a loaded package in schema order; says whether anything changed. */
export async function reorderWorksheetTails(zip: JSZip): Promise<boolean> {
  const catalog = await readSheetCatalog(zip);
  let changed = false;
  for (const sheet of catalog.sheets) {
    if (sheet.kind !== "worksheet" || !sheet.path) continue;
    const file = zip.file(sheet.path);
    if (!file) continue;
    // Only a sheet with notes (a VML drawing) gets the misplaced <legacyDrawing>: the others are not
    // inflated at all (reading every sheet of a large summary cost more than writing it).
    const rels = await readRels(zip, relsPathOf(sheet.path));
    if (!rels.some((r) => r.type.endsWith("/vmlDrawing"))) continue;
    const xml = await file.async("string");
    const sorted = sortWorksheetTail(xml);
    if (sorted === xml) continue;
    zip.file(sheet.path, sorted);
    changed = true;
  }
  return changed;
}

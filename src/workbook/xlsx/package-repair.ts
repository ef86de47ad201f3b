import type JSZip from "jszip";

/**
 * A second chance for files exceljs cannot load. Two known failure shapes in real files:
 * - parts written with a namespace prefix (`<x:workbook>`, `<x:c>`: the .NET Open XML SDK and some
 *   exporters do this); exceljs matches bare tag names and fails ("reading 'sheets'/'sheetNo'").
 * - drawings it cannot model (charts, shapes: exceljs issue #2591, "reading 'anchors'").
 * - a table whose filter buttons are hidden and whose `<autoFilter>` lists more filter columns than
 *   the table has (exceljs issue #1240, "Cannot set properties of undefined (setting 'filterButton')").
 *   Filters are of no use to a read, so a table part loses its `<autoFilter>` and keeps its range.
 * The reader needs neither drawings nor charts, so this removes them and un-prefixes the parts.
 * Only used when the first load failed; the user's file is never changed.
 */

const SPREADSHEET_NAMESPACES = [
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Rewrites `<p:tag>` / `</p:tag>` to bare tags when `p` is bound to the spreadsheet namespace. */
export function unprefixSpreadsheetXml(xml: string): string {
  let out = xml;
  for (const ns of SPREADSHEET_NAMESPACES) {
    const m = new RegExp(`xmlns:(\\w+)="${escapeRegExp(ns)}"`).exec(out);
    if (!m) continue;
    const p = m[1];
    out = out.replace(new RegExp(`<(/?)${p}:`, "g"), "<$1").replace(`xmlns:${p}="${ns}"`, `xmlns="${ns}"`);
  }
  return out;
}

/** A table part without its `<autoFilter>` element (self-closing or with filter columns inside). */
export function withoutAutoFilter(tableXml: string): string {
  return tableXml.replace(/<autoFilter\b[^>]*\/>|<autoFilter\b[^>]*>[\s\S]*?<\/autoFilter>/, "");
}

export async function repairForExcelJs(zip: JSZip): Promise<Uint8Array> {
  const paths = Object.keys(zip.files).filter((p) => !zip.files[p].dir);
  for (const path of paths) {
    if (/^xl\/(drawings\/[^/]+\.xml|drawings\/_rels\/|charts\/)/.test(path)) {
      zip.remove(path);
      continue;
    }
    if (!/^xl\/.*\.xml$/.test(path)) continue;
    const xml = await zip.file(path)!.async("string");
    const unprefixed = unprefixSpreadsheetXml(xml);
    const fixed = /^xl\/tables\/[^/]+\.xml$/.test(path) ? withoutAutoFilter(unprefixed) : unprefixed;
    if (fixed !== xml) zip.file(path, fixed);
  }
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}

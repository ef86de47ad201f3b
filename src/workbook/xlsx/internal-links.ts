import type JSZip from "jszip";
import { readRels, relsPathOf, xmlAttributes } from "./sheet-catalog";

/**
 * exceljs writes an internal hyperlink (`#'Sheet'!A1`) as an external relationship AND a `location`
 * attribute, which Excel joins into a broken address (`#'Sheet'!A1#'Sheet'!A1`; exceljs issue #3027).
 * This pass rewrites each such link into the form Excel itself writes: `location` only, no
 * relationship. `toBytes` runs it on the package exceljs produced, in the same pass that adds chart parts.
 */

function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Fixes internal hyperlinks in a loaded package; says whether anything changed. */
export async function repairInternalHyperlinks(zip: JSZip): Promise<boolean> {
  let changed = false;
  const sheetPaths = Object.keys(zip.files).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p));
  for (const path of sheetPaths) {
    const relsPath = relsPathOf(path);
    const rels = await readRels(zip, relsPath);
    const internal = new Map(
      rels
        .filter((r) => r.type.endsWith("/hyperlink") && r.target.startsWith("#"))
        .map((r) => [r.id, r.target.slice(1)]),
    );
    if (internal.size === 0) continue;
    const xml = await zip.file(path)!.async("string");
    const fixed = xml.replace(/<hyperlink\b[^>]*\/>/g, (tag) => {
      const attrs = xmlAttributes(tag);
      const id = attrs["r:id"];
      const location = id === undefined ? undefined : internal.get(id);
      if (location === undefined) return tag;
      const keep = Object.entries(attrs)
        .filter(([k]) => k !== "r:id" && k !== "location")
        .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
        .join("");
      return `<hyperlink${keep} location="${escapeAttr(location)}"/>`;
    });
    zip.file(path, fixed);
    const relsXml = await zip.file(relsPath)!.async("string");
    const relsFixed = relsXml.replace(/<Relationship\b[^>]*\/>/g, (tag) =>
      internal.has(xmlAttributes(tag).Id ?? "") ? "" : tag,
    );
    zip.file(relsPath, relsFixed);
    changed = true;
  }
  return changed;
}

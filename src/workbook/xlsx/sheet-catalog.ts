import type JSZip from "jszip";
import { parseA1 } from "../grid";

/**
 * The list of sheets as the workbook part declares them, read straight from the package with jszip.
 * exceljs silently drops chart sheets and ignores pivot tables; the reader needs both to say which
 * sheets it skipped and why.
 */

export type SheetPartKind = "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet" | "unknown";

/** A 1-based inclusive rectangle on a sheet. */
export interface SheetArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CatalogSheet {
  name: string;
  kind: SheetPartKind;
  state: "visible" | "hidden" | "veryHidden";
  /** Zip path of the sheet part, e.g. `xl/worksheets/sheet1.xml`. */
  path: string | null;
  /** Areas covered by pivot tables (including their page-filter rows above). */
  pivotAreas: SheetArea[];
}

export interface SheetCatalog {
  sheets: CatalogSheet[];
  date1904: boolean;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function xmlUnescape(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
    e.startsWith("#x")
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith("#")
        ? String.fromCodePoint(parseInt(e.slice(1), 10))
        : ENTITIES[e],
  );
}

/** Attributes of one XML start tag, keyed by their qualified name (`r:id` stays `r:id`). */
export function xmlAttributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out[m[1]] = xmlUnescape(m[3] ?? m[4] ?? "");
  return out;
}

/** The relationship id attribute, whatever prefix the file gave the relationships namespace. */
function relId(attrs: Record<string, string>): string | undefined {
  const key = Object.keys(attrs).find((k) => k === "id" || k.endsWith(":id"));
  return key === undefined ? undefined : attrs[key];
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

export async function readRels(zip: JSZip, relsPath: string): Promise<Relationship[]> {
  const file = zip.file(relsPath);
  if (!file) return [];
  const xml = await file.async("string");
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => {
    const a = xmlAttributes(m[0]);
    return { id: a.Id ?? "", type: a.Type ?? "", target: a.Target ?? "" };
  });
}

/** Resolves a relationship target against the folder of the part that owns it. */
export function resolvePartPath(ownerPath: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ownerPath.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** Relative target from one part's folder to another part (both under `xl/`). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

export function relsPathOf(partPath: string): string {
  const i = partPath.lastIndexOf("/");
  return `${partPath.slice(0, i)}/_rels/${partPath.slice(i + 1)}.rels`;
}

function kindOf(relType: string): SheetPartKind {
  const last = relType.split("/").pop() ?? "";
  if (last === "worksheet") return "worksheet";
  if (last === "chartsheet") return "chartsheet";
  if (last === "dialogsheet") return "dialogsheet";
  if (last === "xlMacrosheet" || last === "xlIntlMacrosheet") return "macrosheet";
  return "unknown";
}

function parseRef(ref: string): SheetArea | null {
  try {
    const [a, b] = ref.split(":");
    const p = parseA1(a);
    const q = b ? parseA1(b) : p;
    return { top: p.row, left: p.col, bottom: q.row, right: q.col };
  } catch {
    return null;
  }
}

async function pivotAreas(zip: JSZip, sheetPath: string): Promise<SheetArea[]> {
  const rels = await readRels(zip, relsPathOf(sheetPath));
  const areas: SheetArea[] = [];
  for (const rel of rels.filter((r) => r.type.endsWith("/pivotTable"))) {
    const part = zip.file(resolvePartPath(sheetPath, rel.target));
    if (!part) continue;
    const xml = await part.async("string");
    const loc = /<(?:\w+:)?location\b[^>]*>/.exec(xml);
    if (!loc) continue;
    const a = xmlAttributes(loc[0]);
    const area = parseRef(a.ref ?? "");
    if (!area) continue;
    // Page filters sit above the table: one row each, then a blank row.
    const pageRows = Number(a.rowPageCount ?? 0);
    if (pageRows > 0) area.top = Math.max(1, area.top - pageRows - 1);
    areas.push(area);
  }
  return areas;
}

export async function readSheetCatalog(zip: JSZip): Promise<SheetCatalog> {
  const workbookPath = "xl/workbook.xml";
  const xml = (await zip.file(workbookPath)?.async("string")) ?? "";
  const rels = await readRels(zip, relsPathOf(workbookPath));
  const byId = new Map(rels.map((r) => [r.id, r]));
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(xml);
  const date1904Attr = pr ? xmlAttributes(pr[0]).date1904 : undefined;
  const date1904 = date1904Attr === "1" || date1904Attr === "true";
  const sheets: CatalogSheet[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = xmlAttributes(m[0]);
    const id = relId(a);
    const rel = id === undefined ? undefined : byId.get(id);
    const path = rel ? resolvePartPath(workbookPath, rel.target) : null;
    const kind = rel ? kindOf(rel.type) : "unknown";
    const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
    const areas = kind === "worksheet" && path ? await pivotAreas(zip, path) : [];
    sheets.push({ name: a.name ?? "", kind, state, path, pivotAreas: areas });
  }
  return { sheets, date1904 };
}

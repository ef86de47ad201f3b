import JSZip from "jszip";
import {
  readSheetCatalog,
  relativeTarget,
  relsPathOf,
  resolvePartPath,
  xmlUnescape,
  type Relationship,
} from "./sheet-catalog";
import { mergeStyles, type StyleMerge } from "./style-merge";
import {
  attrsOf,
  declareNamespace,
  elementsNamed,
  escapeAttr,
  firstElement,
  prefixFor,
  rootPrefix,
  setAttr,
  spliceText,
} from "./xml-edit";

/**
 * Writes the sheets the product owns into the user's package without re-saving anything else. The
 * owned sheets were rendered by exceljs into a scratch package (with their tables, notes, charts and
 * repairs); this takes from it only those sheets and the parts they reference, renumbered so nothing
 * collides with the user's parts, and edits the shared parts at the element level:
 * - workbook.xml: the owned sheets' `<sheet>` entries (a replaced sheet keeps its place, id and part)
 *   and the defined names that point only at them;
 * - [Content_Types].xml and the .rels parts: entries for the parts added and removed;
 * - styles.xml: our records appended (the user's indices never change); our cells use inline
 *   strings, so sharedStrings.xml is not touched;
 * - calcChain.xml: entries of a replaced sheet dropped (Excel refuses a chain naming a cell that no
 *   longer holds a formula).
 * Every other entry (the user's sheets, charts, pivots, images, VBA, custom properties…) is copied
 * as the zip holds it, compressed bytes included.
 */

const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_WORKSHEET = `${NS_REL}/worksheet`;
const REL_STYLES = `${NS_REL}/styles`;
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const WORKBOOK = "xl/workbook.xml";
const CONTENT_TYPES = "[Content_Types].xml";

export interface OwnedSheet {
  /** The name as the spec gives it (it may differ in case from the sheet it replaces). */
  name: string;
  hidden: boolean;
}

/** Every part a worksheet reaches through relationships (tables, drawings, their charts, notes…). */
async function reachable(zip: JSZip, part: string, seen = new Set<string>()): Promise<Set<string>> {
  for (const rel of await relsWithMode(zip, relsPathOf(part))) {
    if (rel.external || rel.target.startsWith("#")) continue;
    const target = resolvePartPath(part, rel.target);
    if (seen.has(target) || !zip.file(target)) continue;
    seen.add(target);
    await reachable(zip, target, seen);
  }
  return seen;
}

/** Relationships with their TargetMode (readRels leaves it out). */
async function relsWithMode(zip: JSZip, relsPath: string): Promise<(Relationship & { external: boolean })[]> {
  const file = zip.file(relsPath);
  if (!file) return [];
  const xml = await file.async("string");
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => {
    const a = attrsOf(m[0]);
    return { id: a.Id ?? "", type: a.Type ?? "", target: a.Target ?? "", external: a.TargetMode === "External" };
  });
}

/** Parts of `candidates` that some relationship outside `owners` still points at. */
async function referencedElsewhere(zip: JSZip, owners: Set<string>, candidates: Set<string>): Promise<Set<string>> {
  const kept = new Set<string>();
  for (const path of Object.keys(zip.files)) {
    if (!path.endsWith(".rels") || zip.files[path].dir) continue;
    const owner = path === "_rels/.rels" ? "" : path.replace(/_rels\/([^/]+)\.rels$/, "$1");
    if (owners.has(owner)) continue;
    for (const rel of await relsWithMode(zip, path)) {
      if (rel.external) continue;
      const target = resolvePartPath(owner === "" ? "x" : owner, rel.target);
      if (candidates.has(target)) kept.add(target);
    }
  }
  return kept;
}

/**
 * The parts only this sheet uses: everything it reaches, less what another part still points at
 * (and what that part reaches in turn: a pivot cache kept for the workbook keeps its records).
 */
async function ownPartsOf(zip: JSZip, sheetPath: string): Promise<Set<string>> {
  const parts = await reachable(zip, sheetPath);
  // A part pointing back at the sheet does not make the sheet one of its own parts.
  parts.delete(sheetPath);
  for (;;) {
    const kept = await referencedElsewhere(zip, new Set([sheetPath, ...parts]), parts);
    if (kept.size === 0) return parts;
    for (const part of kept) {
      parts.delete(part);
      for (const inner of await reachable(zip, part)) parts.delete(inner);
    }
  }
}

/** Hands out part names `<folder>/<stem>N.<ext>` that are not in the package yet. */
class PartNames {
  private readonly taken: Set<string>;
  constructor(zip: JSZip) {
    this.taken = new Set(Object.keys(zip.files).map((p) => p.toLowerCase()));
  }
  next(like: string): string {
    const m = /^(.*\/)?([^/]*?)(\d*)(\.[^./]+)$/.exec(like);
    const [folder, stem, , ext] = m ? [m[1] ?? "", m[2], m[3], m[4]] : ["", like, "", ""];
    for (let n = 1; ; n++) {
      const path = `${folder}${stem}${n}${ext}`;
      if (!this.taken.has(path.toLowerCase())) {
        this.taken.add(path.toLowerCase());
        return path;
      }
    }
  }
  reserve(path: string): void {
    this.taken.add(path.toLowerCase());
  }
}

/** Relationship ids for one rels part: `rIdN` above every id in use. */
function nextRelId(rels: { id: string }[]): string {
  const used = new Set(rels.map((r) => r.id));
  let n = Math.max(0, ...rels.map((r) => Number(/^rId(\d+)$/.exec(r.id)?.[1] ?? 0))) + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

class ContentTypes {
  private readonly removed = new Set<string>();
  private readonly added: { part: string; type: string }[] = [];
  constructor(private readonly xml: string) {}
  private overrides(xml: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const m of xml.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) {
      const a = attrsOf(m[0]);
      if (a.PartName) out.set(a.PartName.replace(/^\//, "").toLowerCase(), a.ContentType ?? "");
    }
    return out;
  }
  private defaults(xml: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const m of xml.matchAll(/<(?:\w+:)?Default\b[^>]*>/g)) {
      const a = attrsOf(m[0]);
      if (a.Extension) out.set(a.Extension.toLowerCase(), a.ContentType ?? "");
    }
    return out;
  }
  /** The content type the package `xml` gives `part`. */
  typeIn(xml: string, part: string): string | undefined {
    return this.overrides(xml).get(part.toLowerCase()) ?? this.defaults(xml).get(part.split(".").pop()!.toLowerCase());
  }
  remove(part: string): void {
    this.removed.add(part.toLowerCase());
  }
  add(part: string, type: string): void {
    this.removed.delete(part.toLowerCase());
    // A part whose extension already has this type by default needs no override.
    if (this.defaults(this.xml).get(part.split(".").pop()!.toLowerCase()) === type) return;
    this.added.push({ part, type });
  }
  render(): string {
    if (this.removed.size === 0 && this.added.length === 0) return this.xml;
    const prefix = rootPrefix(this.xml, "Types");
    let xml = this.xml;
    if (this.removed.size > 0 || this.added.length > 0) {
      const replacing = new Set([...this.removed, ...this.added.map((a) => a.part.toLowerCase())]);
      xml = xml.replace(/<(?:\w+:)?Override\b[^>]*>(?:\s*<\/(?:\w+:)?Override>)?/g, (tag) => {
        const name = (attrsOf(tag).PartName ?? "").replace(/^\//, "").toLowerCase();
        return replacing.has(name) ? "" : tag;
      });
    }
    const tags = this.added
      .map((a) => `<${prefix}Override PartName="/${escapeAttr(a.part)}" ContentType="${escapeAttr(a.type)}"/>`)
      .join("");
    const close = xml.lastIndexOf(`</${prefix}Types>`);
    if (close < 0) throw new Error("[Content_Types].xml has no Types end tag.");
    return xml.slice(0, close) + tags + xml.slice(close);
  }
}

/** A rels part rebuilt from a list (for parts we own outright). */
function relsXml(rels: { id: string; type: string; target: string; external: boolean }[]): string {
  const tags = rels
    .map(
      (r) =>
        `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"${
          r.external ? ' TargetMode="External"' : ""
        }/>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_RELS}">${tags}</Relationships>`;
}

/** Adds relationships to a rels part the user shares with us (the workbook's), leaving the rest as is. */
function appendRelationships(xml: string | null, added: { id: string; type: string; target: string }[]): string {
  const tags = added
    .map(
      (r) => `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"/>`,
    )
    .join("");
  if (xml === null) return relsXml(added.map((r) => ({ ...r, external: false })));
  const prefix = rootPrefix(xml, "Relationships");
  const close = xml.lastIndexOf(`</${prefix}Relationships>`);
  if (close >= 0)
    return xml.slice(0, close) + tags.replace(/<Relationship /g, `<${prefix}Relationship `) + xml.slice(close);
  return xml.replace(
    /<((?:\w+:)?)Relationships\b([^>]*)\/>/,
    (_m, p: string, a: string) => `<${p}Relationships${a}>${tags}</${p}Relationships>`,
  );
}

function removeRelationship(xml: string, id: string): string {
  return xml.replace(/<(?:\w+:)?Relationship\b[^>]*>(?:\s*<\/(?:\w+:)?Relationship>)?/g, (tag) =>
    attrsOf(tag).Id === id ? "" : tag,
  );
}

/** The shared strings of the scratch package, as the inner markup of each `<si>`. */
function sharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const p = rootPrefix(xml, "sst");
  return elementsNamed(xml, `${p}si`).map((e) => e.inner);
}

/** Our sheet's cells with inline strings and style indices mapped into the user's styles. */
export function localiseSheetXml(xml: string, strings: string[], styles: Pick<StyleMerge, "xf" | "dxf">): string {
  let out = xml.replace(
    /<c\b((?:[^>"']|"[^"]*"|'[^']*')*?)\s*>\s*<v>(\d+)<\/v>\s*<\/c>/g,
    (whole, attrs: string, index: string) => {
      if (!/\st="s"/.test(attrs)) return whole;
      const inner = strings[Number(index)] ?? "";
      return `<c${attrs.replace(/\st="s"/, ' t="inlineStr"')}><is>${inner}</is></c>`;
    },
  );
  out = out.replace(
    /<(c|row)\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g,
    (tag, name: string, attrs: string, slash: string) => {
      if (!/\ss="\d+"/.test(attrs)) return tag;
      return `<${name}${attrs.replace(/\ss="(\d+)"/, (_m, n: string) => ` s="${styles.xf(Number(n))}"`)}${slash}>`;
    },
  );
  out = out.replace(/<col\b[^>]*>/g, (tag) =>
    tag.replace(/\sstyle="(\d+)"/, (_m, n: string) => ` style="${styles.xf(Number(n))}"`),
  );
  out = out.replace(
    /(<cfRule\b[^>]*\sdxfId=")(\d+)"/g,
    (_m, head: string, n: string) => `${head}${styles.dxf(Number(n))}"`,
  );
  return out;
}

/** A formula's sheet references (`'My Sheet'!A1`, `Data!B2`), lower-cased. */
export function sheetsReferenced(formula: string): string[] {
  const out: string[] = [];
  for (const m of formula.matchAll(/(?:'((?:[^']|'')+)'|([^\s'!,()=+\-*/^&<>:;{}"[\]]+))!/g)) {
    // `#REF!` is an error, not a sheet.
    if (m[2]?.startsWith("#")) continue;
    out.push((m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]).toLowerCase());
  }
  return out;
}

interface WorkbookSheet {
  span: { start: number; end: number };
  tag: string;
  name: string;
  sheetId: number;
  relId: string;
}

function workbookSheets(xml: string, prefix: string): WorkbookSheet[] {
  return elementsNamed(xml, `${prefix}sheet`).map((e) => {
    const a = attrsOf(e.startTag);
    const idKey = Object.keys(a).find((k) => k.endsWith(":id")) ?? "r:id";
    return {
      span: { start: e.start, end: e.end },
      tag: xml.slice(e.start, e.end),
      name: a.name ?? "",
      sheetId: Number(a.sheetId ?? 0),
      relId: a[idKey] ?? "",
    };
  });
}

/**
 * Removes calcChain entries of the given sheet ids. An entry without `i` belongs to the sheet of the
 * entry before it, and a change of sheet always states `i`, so dropping entries needs no other edit.
 */
export function dropCalcChainSheets(xml: string, sheetIds: Set<number>): { xml: string; entries: number } {
  let current = 0;
  let entries = 0;
  const out = xml.replace(/<(?:\w+:)?c\b[^>]*\/>/g, (tag) => {
    const i = attrsOf(tag).i;
    if (i !== undefined) current = Number(i);
    if (sheetIds.has(current)) return "";
    entries++;
    return tag;
  });
  return { xml: out, entries };
}

/**
 * The user's package with the owned sheets of the scratch package spliced in. `owned` are the
 * sheets to take (by name, case-insensitively matched against both packages).
 */
export async function spliceOwnedSheets(user: JSZip, scratch: JSZip, owned: OwnedSheet[]): Promise<Uint8Array> {
  const out = user; // edited in place: the caller hands over a package loaded for this write
  const userCatalog = await readSheetCatalog(out);
  const scratchCatalog = await readSheetCatalog(scratch);
  let workbookXml = await out.file(WORKBOOK)!.async("string");
  const wbPrefix = rootPrefix(workbookXml, "workbook");
  const workbookRelsPath = relsPathOf(WORKBOOK);
  let workbookRelsXml = (await out.file(workbookRelsPath)?.async("string")) ?? null;
  const workbookRels = await relsWithMode(out, workbookRelsPath);
  const types = new ContentTypes(await out.file(CONTENT_TYPES)!.async("string"));
  const scratchTypes = await scratch.file(CONTENT_TYPES)!.async("string");
  const names = new PartNames(out);
  const strings = sharedStrings(await scratch.file("xl/sharedStrings.xml")?.async("string"));

  // Styles: merged into the user's part, or the scratch part taken whole when the user has none.
  const stylesRel = workbookRels.find((r) => r.type === REL_STYLES);
  const stylesPath = stylesRel ? resolvePartPath(WORKBOOK, stylesRel.target) : null;
  const scratchStyles = (await scratch.file("xl/styles.xml")?.async("string")) ?? "";
  let styles: StyleMerge;
  const addedWorkbookRels: { id: string; type: string; target: string }[] = [];
  const relIdsInUse = [...workbookRels];
  if (stylesPath && out.file(stylesPath)) {
    styles = mergeStyles(await out.file(stylesPath)!.async("string"), scratchStyles);
  } else {
    styles = { xml: scratchStyles, xf: (i) => i, dxf: (i) => i };
    const id = nextRelId(relIdsInUse);
    relIdsInUse.push({ id, type: REL_STYLES, target: "styles.xml", external: false });
    addedWorkbookRels.push({ id, type: REL_STYLES, target: "styles.xml" });
    names.reserve("xl/styles.xml");
    types.add("xl/styles.xml", CT_STYLES);
  }

  // Table ids are unique across the package; ours come after every id of the tables that stay.
  const tableIds: number[] = [];
  const replacedParts = new Set<string>();
  const sheets = workbookSheets(workbookXml, wbPrefix);
  const sheetEdits: { start: number; end: number; text: string }[] = [];
  const appendedSheets: string[] = [];
  const replacedSheetIds = new Set<number>();
  const ownedLower = new Set(owned.map((o) => o.name.toLowerCase()));
  /** Sheet index (position in <sheets>) of each owned sheet, and the names it was known by. */
  const ownedIndex = new Map<string, number>();
  const oldNames = new Set<string>();

  const plans: { sheet: OwnedSheet; path: string; scratchPath: string }[] = [];
  let nextSheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
  for (const sheet of owned) {
    const lower = sheet.name.toLowerCase();
    const scratchEntry = scratchCatalog.sheets.find((s) => s.name.toLowerCase() === lower);
    if (!scratchEntry?.path) throw new Error(`Sheet "${sheet.name}" was not rendered.`);
    const existingIndex = sheets.findIndex((s) => s.name.toLowerCase() === lower);
    const existing = existingIndex >= 0 ? userCatalog.sheets[existingIndex] : undefined;
    if (existing && existing.kind === "worksheet" && existing.path) {
      const entry = sheets[existingIndex];
      oldNames.add(entry.name.toLowerCase());
      ownedIndex.set(lower, existingIndex);
      replacedSheetIds.add(entry.sheetId);
      let tag = setAttr(entry.tag, "name", sheet.name);
      tag = setAttr(tag, "state", sheet.hidden ? "hidden" : null);
      sheetEdits.push({ start: entry.span.start, end: entry.span.end, text: tag });
      // The old sheet's own parts go (tables, drawings, charts, notes) unless something else uses them.
      for (const part of await ownPartsOf(out, existing.path)) replacedParts.add(part);
      out.remove(relsPathOf(existing.path));
      plans.push({ sheet, path: existing.path, scratchPath: scratchEntry.path });
    } else {
      if (existing)
        throw new Error(`"${existing.name}" is a ${existing.kind}, not a worksheet; it cannot be replaced.`);
      const path = names.next("xl/worksheets/sheet1.xml");
      const id = nextRelId(relIdsInUse);
      relIdsInUse.push({ id, type: REL_WORKSHEET, target: path, external: false });
      addedWorkbookRels.push({ id, type: REL_WORKSHEET, target: relativeTarget(WORKBOOK, path) });
      types.add(path, CT_WORKSHEET);
      ownedIndex.set(lower, sheets.length + appendedSheets.length);
      const relPrefix = prefixFor(workbookXml, NS_REL);
      const relAttr = `${relPrefix ?? "r"}:id`;
      appendedSheets.push(
        `<${wbPrefix}sheet name="${escapeAttr(sheet.name)}" sheetId="${nextSheetId++}"${
          sheet.hidden ? ' state="hidden"' : ""
        } ${relAttr}="${id}"/>`,
      );
      plans.push({ sheet, path, scratchPath: scratchEntry.path });
    }
  }
  for (const part of replacedParts) {
    out.remove(part);
    out.remove(relsPathOf(part));
    types.remove(part);
  }
  for (const path of Object.keys(out.files)) {
    if (!/^xl\/tables\/[^/]+\.xml$/i.test(path)) continue;
    const head = (await out.file(path)!.async("string")).slice(0, 2000);
    const m = /<(?:\w+:)?table\b[^>]*>/.exec(head);
    if (m) tableIds.push(Number(attrsOf(m[0]).id ?? 0));
  }
  let nextTableId = Math.max(0, ...tableIds) + 1;

  // Copy each owned sheet and everything it references from the scratch package.
  const copied = new Map<string, string>();
  const copyPart = async (scratchPath: string, targetPath: string): Promise<void> => {
    copied.set(scratchPath, targetPath);
    const rels = await relsWithMode(scratch, relsPathOf(scratchPath));
    const newRels: { id: string; type: string; target: string; external: boolean }[] = [];
    for (const rel of rels) {
      if (rel.external || rel.target.startsWith("#")) {
        newRels.push(rel);
        continue;
      }
      const from = resolvePartPath(scratchPath, rel.target);
      if (!scratch.file(from)) continue;
      let to = copied.get(from);
      if (to === undefined) {
        to = names.next(from);
        await copyPart(from, to);
      }
      newRels.push({ ...rel, target: relativeTarget(targetPath, to) });
    }
    let content: string | Uint8Array;
    if (/\.(xml|vml)$/i.test(scratchPath)) {
      let xml = await scratch.file(scratchPath)!.async("string");
      if (/^xl\/tables\//.test(scratchPath)) {
        xml = xml.replace(/<((?:\w+:)?)table\b[^>]*>/, (tag) => setAttr(tag, "id", String(nextTableId++)));
      }
      content = xml;
    } else {
      content = await scratch.file(scratchPath)!.async("uint8array");
    }
    out.file(targetPath, content);
    if (newRels.length > 0) out.file(relsPathOf(targetPath), relsXml(newRels));
    const type = types.typeIn(scratchTypes, scratchPath);
    if (type !== undefined) types.add(targetPath, type);
  };
  for (const plan of plans) {
    const rels = await relsWithMode(scratch, relsPathOf(plan.scratchPath));
    for (const rel of rels) {
      if (rel.external || rel.target.startsWith("#")) continue;
      const from = resolvePartPath(plan.scratchPath, rel.target);
      if (scratch.file(from) && !copied.has(from)) await copyPart(from, names.next(from));
    }
    const sheetXml = localiseSheetXml(await scratch.file(plan.scratchPath)!.async("string"), strings, styles);
    const newRels = rels.map((rel) => {
      if (rel.external || rel.target.startsWith("#")) return rel;
      const to = copied.get(resolvePartPath(plan.scratchPath, rel.target));
      return to === undefined ? rel : { ...rel, target: relativeTarget(plan.path, to) };
    });
    out.file(plan.path, sheetXml);
    if (newRels.length > 0) out.file(relsPathOf(plan.path), relsXml(newRels));
  }

  // workbook.xml: sheet entries, then defined names.
  if (appendedSheets.length > 0 && prefixFor(workbookXml, NS_REL) === null) {
    workbookXml = declareNamespace(workbookXml, `${wbPrefix}workbook`, "r", NS_REL);
  }
  const sheetsEnd = () => workbookXml.indexOf(`</${wbPrefix}sheets>`);
  if (sheetEdits.length > 0) workbookXml = spliceText(workbookXml, sheetEdits);
  if (appendedSheets.length > 0) {
    const at = sheetsEnd();
    if (at < 0) throw new Error("workbook.xml has no <sheets> list.");
    workbookXml = workbookXml.slice(0, at) + appendedSheets.join("") + workbookXml.slice(at);
  }
  workbookXml = mergeDefinedNames(
    workbookXml,
    wbPrefix,
    await scratch.file(WORKBOOK)!.async("string"),
    scratchCatalog.sheets.map((s) => s.name.toLowerCase()),
    new Set([...ownedLower, ...oldNames]),
    ownedIndex,
  );
  out.file(WORKBOOK, workbookXml);
  if (addedWorkbookRels.length > 0) {
    workbookRelsXml = appendRelationships(workbookRelsXml, addedWorkbookRels);
    out.file(workbookRelsPath, workbookRelsXml);
  }
  out.file(stylesPath && out.file(stylesPath) ? stylesPath : "xl/styles.xml", styles.xml);

  // calcChain: entries of replaced sheets go; the file goes when nothing is left.
  const calcRel = workbookRels.find((r) => r.type.endsWith("/calcChain"));
  const calcPath = calcRel ? resolvePartPath(WORKBOOK, calcRel.target) : null;
  if (calcPath && replacedSheetIds.size > 0 && out.file(calcPath)) {
    const chain = dropCalcChainSheets(await out.file(calcPath)!.async("string"), replacedSheetIds);
    if (chain.entries > 0) {
      out.file(calcPath, chain.xml);
    } else {
      // A chain must list at least one cell; Excel rebuilds it from the formulas when it is absent.
      out.remove(calcPath);
      types.remove(calcPath);
      out.file(workbookRelsPath, removeRelationship(await out.file(workbookRelsPath)!.async("string"), calcRel!.id));
    }
  }
  out.file(CONTENT_TYPES, types.render());
  return out.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/**
 * Drops the user's defined names that point only at sheets being replaced (or are scoped to one),
 * and any global name the scratch package defines again; then adds the scratch package's names with
 * their sheet scope moved to the user's sheet positions.
 */
export function mergeDefinedNames(
  workbookXml: string,
  prefix: string,
  scratchWorkbookXml: string,
  scratchSheets: string[],
  replacing: Set<string>,
  ownedIndex: Map<string, number>,
): string {
  const sp = rootPrefix(scratchWorkbookXml, "workbook");
  const sheetNames = workbookSheets(workbookXml, prefix).map((s) => s.name.toLowerCase());
  const ours = elementsNamed(scratchWorkbookXml, `${sp}definedName`)
    .map((e) => {
      const a = attrsOf(e.startTag);
      const local = a.localSheetId === undefined ? undefined : scratchSheets[Number(a.localSheetId)];
      if (local !== undefined && !ownedIndex.has(local)) return null; // scoped to a sheet we do not write
      let tag = e.startTag.replace(new RegExp(`^<${sp}`), `<${prefix}`);
      if (local !== undefined) tag = setAttr(tag, "localSheetId", String(ownedIndex.get(local)));
      return { name: (a.name ?? "").toLowerCase(), local, text: `${tag}${e.inner}</${prefix}definedName>` };
    })
    .filter((x): x is NonNullable<typeof x> => x !== null);
  const ourGlobal = new Set(ours.filter((o) => o.local === undefined).map((o) => o.name));
  const container = firstElement(workbookXml, `${prefix}definedNames`);
  const keptText: string[] = [];
  if (container) {
    const innerStart = container.start + container.startTag.length;
    const items = elementsNamed(workbookXml, `${prefix}definedName`, innerStart, innerStart + container.inner.length);
    let removed = false;
    for (const item of items) {
      const a = attrsOf(item.startTag);
      const scope = a.localSheetId === undefined ? undefined : sheetNames[Number(a.localSheetId)];
      const refs = sheetsReferenced(xmlUnescape(item.inner));
      const onReplaced = refs.length > 0 && refs.every((r) => replacing.has(r));
      const drop =
        (scope !== undefined && replacing.has(scope)) ||
        onReplaced ||
        (scope === undefined && ourGlobal.has((a.name ?? "").toLowerCase()));
      if (drop) removed = true;
      else keptText.push(workbookXml.slice(item.start, item.end));
    }
    if (!removed && ours.length === 0) return workbookXml;
  } else if (ours.length === 0) {
    return workbookXml;
  }
  const all = [...keptText, ...ours.map((o) => o.text)];
  const element =
    all.length === 0
      ? ""
      : `${container ? container.startTag.replace(/\s*\/>$/, ">") : `<${prefix}definedNames>`}${all.join("")}</${prefix}definedNames>`;
  if (container) return workbookXml.slice(0, container.start) + element + workbookXml.slice(container.end);
  // CT_Workbook: definedNames come after sheets, functionGroups and externalReferences.
  const anchors = [`</${prefix}externalReferences>`, `</${prefix}functionGroups>`, `</${prefix}sheets>`];
  for (const anchor of anchors) {
    const at = workbookXml.indexOf(anchor);
    if (at >= 0) return workbookXml.slice(0, at + anchor.length) + element + workbookXml.slice(at + anchor.length);
  }
  throw new Error("workbook.xml has no <sheets> list.");
}

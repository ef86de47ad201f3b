import {
  attrsOf,
  elementsNamed,
  firstElement,
  rootPrefix,
  setAttr,
  spliceText,
  withPrefix,
  type ElementSpan,
} from "./xml-edit";

/**
 * Merges the style records of the sheets exceljs rendered (in a scratch workbook) into the user's
 * styles.xml without renumbering anything the user's cells point at: every record the scratch sheets
 * use is looked up in the user's lists (same XML, after remapping its ids) and appended only when it
 * is not there. A second run of the same step therefore finds its records and adds nothing.
 */

export interface StyleMerge {
  /** The merged styles.xml (the input unchanged when nothing had to be added). */
  xml: string;
  /** Scratch cellXfs index → index in the merged styles. */
  xf: (index: number) => number;
  /** Scratch dxfs index → index in the merged styles. */
  dxf: (index: number) => number;
}

/** CT_Stylesheet's children in schema order. */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

interface Section {
  /** The container's span in the part, or null when the part has none. */
  span: ElementSpan | null;
  items: string[];
}

function section(xml: string, prefix: string, container: string, item: string): Section {
  const found = firstElement(xml, `${prefix}${container}`);
  if (!found) return { span: null, items: [] };
  const innerStart = found.start + found.startTag.length;
  const items =
    found.inner === "" ? [] : elementsNamed(xml, `${prefix}${item}`, innerStart, innerStart + found.inner.length);
  return { span: found, items: items.map((e) => xml.slice(e.start, e.end)) };
}

/** Text without prefixes, so records written with and without a prefix compare equal. */
function bare(markup: string, prefix: string): string {
  return prefix === "" ? markup : markup.split(`<${prefix}`).join("<").split(`</${prefix}`).join("</");
}

class List {
  readonly added: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(
    private readonly existing: string[],
    private readonly prefix: string,
  ) {
    existing.forEach((x, i) => {
      const key = bare(x, prefix);
      if (!this.index.has(key)) this.index.set(key, i);
    });
  }
  /** The index of this record (unprefixed markup) in the merged list, appending it when new. */
  place(record: string): number {
    const found = this.index.get(record);
    if (found !== undefined) return found;
    const at = this.existing.length + this.added.length;
    this.added.push(withPrefix(record, this.prefix));
    this.index.set(record, at);
    return at;
  }
}

export function mergeStyles(userXml: string, scratchXml: string): StyleMerge {
  const p = rootPrefix(userXml, "styleSheet");
  const sp = rootPrefix(scratchXml, "styleSheet");
  const user = {
    numFmts: section(userXml, p, "numFmts", "numFmt"),
    fonts: section(userXml, p, "fonts", "font"),
    fills: section(userXml, p, "fills", "fill"),
    borders: section(userXml, p, "borders", "border"),
    cellXfs: section(userXml, p, "cellXfs", "xf"),
    dxfs: section(userXml, p, "dxfs", "dxf"),
  };
  const scratch = {
    numFmts: section(scratchXml, sp, "numFmts", "numFmt").items.map((x) => bare(x, sp)),
    fonts: section(scratchXml, sp, "fonts", "font").items.map((x) => bare(x, sp)),
    fills: section(scratchXml, sp, "fills", "fill").items.map((x) => bare(x, sp)),
    borders: section(scratchXml, sp, "borders", "border").items.map((x) => bare(x, sp)),
    cellXfs: section(scratchXml, sp, "cellXfs", "xf").items.map((x) => bare(x, sp)),
    dxfs: section(scratchXml, sp, "dxfs", "dxf").items.map((x) => bare(x, sp)),
  };

  // Number formats are matched by their code; a new code gets the next free custom id (164 on).
  const userCodes = new Map<string, number>();
  let nextFmtId = 164;
  for (const f of user.numFmts.items) {
    const a = attrsOf(f);
    const id = Number(a.numFmtId);
    if (a.formatCode !== undefined && !userCodes.has(a.formatCode)) userCodes.set(a.formatCode, id);
    nextFmtId = Math.max(nextFmtId, id + 1);
  }
  const addedFmts: string[] = [];
  const fmtMap = new Map<number, number>();
  for (const f of scratch.numFmts) {
    const a = attrsOf(f);
    const id = Number(a.numFmtId);
    const code = a.formatCode ?? "";
    let to = userCodes.get(code);
    if (to === undefined) {
      to = nextFmtId++;
      userCodes.set(code, to);
      addedFmts.push(withPrefix(setAttr(f, "numFmtId", String(to)), p));
    }
    fmtMap.set(id, to);
  }

  const fonts = new List(user.fonts.items, p);
  const fills = new List(user.fills.items, p);
  const borders = new List(user.borders.items, p);
  const xfs = new List(user.cellXfs.items, p);
  const dxfs = new List(user.dxfs.items, p);
  const xfMap = new Map<number, number>();
  const dxfMap = new Map<number, number>();

  const remapNumFmt = (markup: string) =>
    markup.replace(/(<numFmt\b[^>]*\bnumFmtId=")(\d+)"/g, (_m, head: string, id: string) => {
      const n = Number(id);
      return `${head}${fmtMap.get(n) ?? n}"`;
    });

  const xf = (index: number): number => {
    // A cell without a style (index 0) takes the user's default look, as any new cell would.
    if (index === 0) return 0;
    const cached = xfMap.get(index);
    if (cached !== undefined) return cached;
    const record = scratch.cellXfs[index];
    if (record === undefined) return 0;
    const [tag] = /^<xf\b(?:[^>"']|"[^"]*"|'[^']*')*>/.exec(record) ?? [record];
    const a = attrsOf(tag);
    let start = tag;
    const fmt = Number(a.numFmtId ?? 0);
    start = setAttr(start, "numFmtId", String(fmtMap.get(fmt) ?? fmt));
    if (a.fontId !== undefined)
      start = setAttr(start, "fontId", String(fonts.place(scratch.fonts[Number(a.fontId)] ?? "<font/>")));
    if (a.fillId !== undefined)
      start = setAttr(start, "fillId", String(fills.place(scratch.fills[Number(a.fillId)] ?? "<fill/>")));
    if (a.borderId !== undefined)
      start = setAttr(start, "borderId", String(borders.place(scratch.borders[Number(a.borderId)] ?? "<border/>")));
    // Our records hang off the user's Normal style.
    start = setAttr(start, "xfId", "0");
    const to = xfs.place(start + record.slice(tag.length));
    xfMap.set(index, to);
    return to;
  };
  const dxf = (index: number): number => {
    const cached = dxfMap.get(index);
    if (cached !== undefined) return cached;
    const record = scratch.dxfs[index];
    const to = record === undefined ? index : dxfs.place(remapNumFmt(record));
    dxfMap.set(index, to);
    return to;
  };

  // Merged lazily: the caller maps every index its sheets use, then reads `xml`.
  return {
    xf,
    dxf,
    get xml() {
      return render(userXml, p, [
        { container: "numFmts", section: user.numFmts, added: addedFmts },
        { container: "fonts", section: user.fonts, added: fonts.added },
        { container: "fills", section: user.fills, added: fills.added },
        { container: "borders", section: user.borders, added: borders.added },
        { container: "cellXfs", section: user.cellXfs, added: xfs.added },
        { container: "dxfs", section: user.dxfs, added: dxfs.added },
      ]);
    },
  };
}

function render(
  xml: string,
  prefix: string,
  parts: { container: string; section: Section; added: string[] }[],
): string {
  const edits: { start: number; end: number; text: string }[] = [];
  for (const part of parts) {
    if (part.added.length === 0) continue;
    const count = part.section.items.length + part.added.length;
    const span = part.section.span;
    if (span) {
      const startTag = span.startTag.replace(/\s*\/>$/, ">");
      const text = `${setAttr(startTag, "count", String(count))}${span.inner}${part.added.join("")}</${prefix}${part.container}>`;
      edits.push({ start: span.start, end: span.end, text });
      continue;
    }
    // No such container: insert it before the first later sibling (or the root's end tag).
    const later = ORDER.slice(ORDER.indexOf(part.container) + 1);
    let at = -1;
    for (const name of later) {
      const m = new RegExp(`<${prefix}${name}(?=[\\s/>])`).exec(xml);
      if (m) {
        at = m.index;
        break;
      }
    }
    if (at < 0) at = xml.lastIndexOf(`</${prefix}styleSheet>`);
    if (at < 0) throw new Error("styles.xml has no styleSheet end tag.");
    edits.push({
      start: at,
      end: at,
      text: `<${prefix}${part.container} count="${count}">${part.added.join("")}</${prefix}${part.container}>`,
    });
  }
  return edits.length === 0 ? xml : spliceText(xml, edits);
}

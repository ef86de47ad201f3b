import { xmlAttributes } from "./sheet-catalog";

/**
 * String-level edits of small OOXML parts (workbook.xml, [Content_Types].xml, .rels, styles.xml).
 * The splice changes a few elements of parts it shares with the user and must leave every other byte
 * as the user's program wrote it, so it edits the text rather than parsing and re-serialising.
 * Quoted attribute values are skipped whole (they may hold `>`).
 */

export function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const ATTRS = `(?:[^>"']|"[^"]*"|'[^']*')*?`;

/** The root element's namespace prefix with its colon (`x:`), or "" when unprefixed. */
export function rootPrefix(xml: string, localName: string): string {
  const m = new RegExp(`<([\\w.-]+:)?${localName}\\b`).exec(xml.replace(/<\?[\s\S]*?\?>/g, ""));
  return m?.[1] ?? "";
}

/** One element found in a part: its text span and its start tag. */
export interface ElementSpan {
  start: number;
  end: number;
  startTag: string;
  /** The text between the start and end tags ("" for an empty element). */
  inner: string;
}

/**
 * Elements `<p:name …/>` or `<p:name …>…</p:name>` that do not nest in themselves (sheet,
 * definedName, Override, Relationship, font, xf, dxf…), in document order, from `from` to `to`.
 */
export function elementsNamed(xml: string, qname: string, from = 0, to = xml.length): ElementSpan[] {
  const re = new RegExp(`<${qname}(?=[\\s/>])${ATTRS}(/?)>`, "g");
  const close = `</${qname}>`;
  const out: ElementSpan[] = [];
  re.lastIndex = from;
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    if (m[1] === "/") {
      out.push({ start: m.index, end: m.index + m[0].length, startTag: m[0], inner: "" });
      continue;
    }
    const endTag = xml.indexOf(close, re.lastIndex);
    if (endTag < 0) throw new Error(`<${qname}> is not closed.`);
    out.push({
      start: m.index,
      end: endTag + close.length,
      startTag: m[0],
      inner: xml.slice(re.lastIndex, endTag),
    });
    re.lastIndex = endTag + close.length;
  }
  return out;
}

/** The first element called `qname` (a container such as `<sheets>` or `<cellXfs>`), or null. */
export function firstElement(xml: string, qname: string): ElementSpan | null {
  return elementsNamed(xml, qname)[0] ?? null;
}

/** A start tag with one attribute set (added before the tag's end) or removed (`value` null). */
export function setAttr(tag: string, name: string, value: string | null): string {
  const re = new RegExp(`(\\s)${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`);
  if (value === null)
    return tag.replace(new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`), "");
  if (re.test(tag)) return tag.replace(re, (_m, space: string) => `${space}${name}="${escapeAttr(value)}"`);
  return tag.replace(/\s*(\/?)>$/, (_m, slash: string) => ` ${name}="${escapeAttr(value)}"${slash}>`);
}

export function attrsOf(tag: string): Record<string, string> {
  return xmlAttributes(tag);
}

/** Applies replacements (non-overlapping spans, any order) to a string in one pass. */
export function spliceText(xml: string, edits: { start: number; end: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error("Overlapping edits.");
    out += xml.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + xml.slice(at);
}

/** The prefix (without colon) the root binds to `namespace`, or null. */
export function prefixFor(xml: string, namespace: string): string | null {
  const m = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*"${namespace.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}"`).exec(xml);
  return m ? m[1] : null;
}

/** Adds a namespace declaration to the root start tag of a part. */
export function declareNamespace(xml: string, rootQname: string, prefix: string, namespace: string): string {
  const re = new RegExp(`<${rootQname}(?=[\\s/>])${ATTRS}>`);
  return xml.replace(re, (tag) => tag.replace(/\s*>$/, ` xmlns:${prefix}="${escapeAttr(namespace)}">`));
}

/** Gives unprefixed SpreadsheetML markup the part's prefix (`<font>` → `<x:font>`) when it has one. */
export function withPrefix(markup: string, prefix: string): string {
  if (prefix === "") return markup;
  return markup.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, (m, slash: string, name: string) =>
    name.includes(":") ? m : `<${slash}${prefix}${name}`,
  );
}

import { xmlAttributes } from "./sheet-catalog";
import { TAIL_ORDER } from "./worksheet-order";

/**
 * Puts `<drawing r:id="…"/>` into a worksheet part at the place CT_Worksheet's sequence gives it:
 * after everything up to the page setup, header/footer, breaks, ignoredErrors and smartTags, and
 * before legacyDrawing, legacyDrawingHF, drawingHF, picture, oleObjects, controls, webPublishItems,
 * tableParts and extLst. Excel refuses a sheet whose children are out of order ("We found a problem
 * with some content"), so the position is found among the root's direct children, not by a text
 * search that could match inside an extension.
 */

const NS_MAIN = [
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
];
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Top-level elements that come after `drawing` in CT_Worksheet (AlternateContent wraps controls/oleObjects). */
const AFTER_DRAWING = new Set([...TAIL_ORDER.slice(TAIL_ORDER.indexOf("drawing") + 1), "AlternateContent"]);

/** A start, end or empty tag; attribute values may hold `>` so quoted strings are skipped whole. */
const TAG = /<(\/?)([\w.-]+(?::[\w.-]+)?)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

const localName = (qname: string) => qname.slice(qname.indexOf(":") + 1);

/** Returns the worksheet XML with the drawing reference inserted. Throws if the sheet already has one. */
export function insertDrawingRef(sheetXml: string, relId: string): string {
  const root = /<([\w.-]+:)?worksheet\b(?:[^>"']|"[^"]*"|'[^']*')*>/.exec(sheetXml);
  if (!root) throw new Error("Worksheet part has no worksheet root element.");
  const prefix = root[1] ?? "";
  const attrs = xmlAttributes(root[0]);
  if (!NS_MAIN.some((ns) => attrs[prefix === "" ? "xmlns" : `xmlns:${prefix.slice(0, -1)}`] === ns)) {
    throw new Error("Worksheet part is not in the SpreadsheetML namespace.");
  }
  // The relationships prefix: the one the part declares, or a fresh one added to the root tag.
  let relPrefix = Object.entries(attrs)
    .find(([k, v]) => k.startsWith("xmlns:") && v === NS_R)?.[0]
    .slice(6);
  let rootTag = root[0];
  if (relPrefix === undefined) {
    relPrefix = "r";
    for (let i = 1; `xmlns:${relPrefix}` in attrs; i++) relPrefix = `r${i}`;
    rootTag = rootTag.replace(/\s*>$/, ` xmlns:${relPrefix}="${NS_R}">`);
  }
  const element = `<${prefix}drawing ${relPrefix}:id="${relId}"/>`;

  // Everything before the end of sheetData can be skipped: drawing always comes after it.
  const rootEnd = root.index + root[0].length;
  const sheetDataEnd = new RegExp(`</${prefix}sheetData>|<${prefix}sheetData\\s*/>`).exec(sheetXml.slice(rootEnd));
  let depth = 0;
  let insertAt = -1;
  TAG.lastIndex = sheetDataEnd ? rootEnd + sheetDataEnd.index + sheetDataEnd[0].length : rootEnd;
  for (let m = TAG.exec(sheetXml); m; m = TAG.exec(sheetXml)) {
    const [, closing, qname, , empty] = m;
    if (closing) {
      if (depth === 0) {
        insertAt = m.index; // the root's end tag
        break;
      }
      depth--;
      continue;
    }
    if (depth === 0) {
      if (localName(qname) === "drawing") throw new Error("Worksheet already has a drawing element.");
      if (AFTER_DRAWING.has(localName(qname))) {
        insertAt = m.index;
        break;
      }
    }
    if (!empty) depth++;
  }
  if (insertAt < 0) throw new Error("Worksheet part is not closed.");
  const withDrawing = `${sheetXml.slice(0, insertAt)}${element}${sheetXml.slice(insertAt)}`;
  return rootTag === root[0] ? withDrawing : withDrawing.replace(root[0], () => rootTag);
}

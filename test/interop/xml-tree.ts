import { SaxesParser } from "saxes";

/**
 * A small element tree built with saxes (a strict, namespace-aware XML parser that exceljs already
 * depends on), for tests that must read XML the way a real reader does: a part that is not
 * well-formed, or uses an undeclared prefix, makes `parseXml` throw.
 */

export interface XmlElement {
  /** Qualified name as written (`c:barChart`). */
  name: string;
  /** Namespace URI and local name, resolved by the parser. */
  uri: string;
  local: string;
  /** Attribute values by qualified name. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Text directly inside this element (children's text excluded). */
  text: string;
  parent: XmlElement | null;
}

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  let root: XmlElement | null = null;
  const stack: XmlElement[] = [];
  let failure: Error | null = null;
  parser.on("error", (e) => {
    failure ??= e;
  });
  parser.on("opentag", (tag) => {
    const attrs: Record<string, string> = {};
    for (const [k, a] of Object.entries(tag.attributes)) attrs[k] = a.value;
    const parent = stack.length ? stack[stack.length - 1] : null;
    const el: XmlElement = { name: tag.name, uri: tag.uri, local: tag.local, attrs, children: [], text: "", parent };
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on("text", (t) => {
    if (stack.length) stack[stack.length - 1].text += t;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (failure) throw failure;
  if (!root) throw new Error("XML has no root element");
  return root;
}

/** Every descendant (depth first, document order) with the given qualified name. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

export function findFirst(el: XmlElement, name: string): XmlElement | undefined {
  return findAll(el, name)[0];
}

/** The nearest ancestor with the given qualified name. */
export function ancestor(el: XmlElement, name: string): XmlElement | undefined {
  for (let p = el.parent; p; p = p.parent) if (p.name === name) return p;
  return undefined;
}

/** All text inside an element, children included. */
export function textOf(el: XmlElement): string {
  return el.text + el.children.map(textOf).join("");
}

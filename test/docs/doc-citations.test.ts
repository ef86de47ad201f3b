import { existsSync, readdirSync, readFileSync } from "fs";
import * as path from "path";

/**
 * Every comment (or test name) in src/ and test/ that cites a Markdown document must cite one that
 * is in the repository, by its path from the root (`docs/conventions.md`), and the section it names
 * in quotes right after the path (`docs/domain.md "Earned value"`) must be a heading there. Relative
 * links and `#anchors` in the repository's own docs must resolve too.
 */

const repo = path.resolve(__dirname, "..", "..");
const CITATION = /([\w./-]*[\w-]+\.md)\b(?:\s+(?:"([^"\n]+)"|'([^'\n]+)'))?/g;

function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full, ext));
    else if (ext.test(entry.name)) out.push(full);
  }
  return out;
}

/** Heading texts of a Markdown file, as written (`## Exit codes` → "Exit codes"). */
function headings(file: string): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .map((l) => /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(l)?.[1])
    .filter((h): h is string => h !== undefined);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchor = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");

interface Citation {
  where: string;
  doc: string;
  section: string | null;
}

function citationsIn(file: string): Citation[] {
  const text = readFileSync(file, "utf8");
  const out: Citation[] = [];
  text.split("\n").forEach((line, i) => {
    for (const m of line.matchAll(CITATION))
      out.push({ where: `${path.relative(repo, file)}:${i + 1}`, doc: m[1], section: m[2] ?? m[3] ?? null });
  });
  return out;
}

/** What is wrong with one citation (resolved from the repository root), or null. */
function problem(c: Citation): string | null {
  const target = path.join(repo, c.doc);
  if (!existsSync(target)) return `${c.where}: cites ${c.doc}, which is not in the repository (cite docs/<file>.md)`;
  if (c.section && !headings(target).some((h) => h.toLowerCase() === c.section!.toLowerCase()))
    return `${c.where}: cites section "${c.section}" of ${c.doc}, which has no such heading`;
  return null;
}

describe("doc citations", () => {
  const sources = [
    ...filesUnder(path.join(repo, "src"), /\.(ts|tsx)$/),
    ...filesUnder(path.join(repo, "test"), /\.(ts|tsx)$/),
  ];
  const citations = sources.filter((f) => f !== __filename).flatMap(citationsIn);

  it("in src/ and test/ name a file in the repository and a heading it has", () => {
    // About 40 when this was written; far fewer means the pattern stopped finding them.
    expect(citations.length).toBeGreaterThan(30);
    expect(citations.filter((c) => c.section).length).toBeGreaterThan(30);
    expect(citations.map(problem).filter(Boolean)).toEqual([]);
  });

  it("catches a bare name, a missing file and a missing section", () => {
    const at = { where: "x.ts:1" };
    expect(problem({ ...at, doc: "conventions.md", section: null })).toMatch(/not in the repository/);
    expect(problem({ ...at, doc: "docs/nowhere.md", section: null })).toMatch(/not in the repository/);
    expect(problem({ ...at, doc: "docs/domain.md", section: "No such heading" })).toMatch(/no such heading/);
    expect(problem({ ...at, doc: "docs/domain.md", section: "earned value" })).toBeNull();
    const parsed = [..."(docs/domain.md \"Earned value\", PMI's) and 'docs/conventions.md'".matchAll(CITATION)];
    expect(parsed.map((m) => [m[1], m[2] ?? m[3] ?? null])).toEqual([
      ["docs/domain.md", "Earned value"],
      ["docs/conventions.md", null],
    ]);
  });

  it("in the docs themselves: relative links and anchors resolve, docs/ paths and sections exist", () => {
    const docs = [
      ...filesUnder(path.join(repo, "docs"), /\.md$/),
      ...["README.md", "CONTRIBUTING.md", "CHANGELOG.md"].map((f) => path.join(repo, f)),
    ];
    const problems: string[] = [];
    for (const file of docs) {
      expect(existsSync(file)).toBe(true);
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const link = m[1];
        if (/^[a-z]+:/i.test(link)) continue;
        const [rel, hash] = link.split("#");
        const target = rel ? path.resolve(path.dirname(file), rel) : file;
        if (!existsSync(target)) problems.push(`${path.relative(repo, file)}: link ${link} points at nothing`);
        else if (hash && target.endsWith(".md") && !headings(target).map(anchor).includes(hash))
          problems.push(
            `${path.relative(repo, file)}: link ${link} names no heading of ${path.relative(repo, target)}`,
          );
      }
      const cited = citationsIn(file).filter((c) => c.doc.startsWith("docs/"));
      problems.push(...cited.map(problem).filter((p): p is string => p !== null));
    }
    expect(problems).toEqual([]);
  });
});

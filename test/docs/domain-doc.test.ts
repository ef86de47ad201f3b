import { readFileSync } from "fs";
import { DEFAULT_LISTS } from "../../src/domain/enums";
import { ENTITY_NAMES, SCHEMA } from "../../src/domain/schema";
import { GENERAL_KEYS } from "../../src/domain/settings-model";
import { RULE_IDS, listRules } from "../../src/standards/catalogue";
import { DOMAIN_DOC, regenerate, staleBlocks } from "../../scripts/domain-tables";

/**
 * docs/domain.md's field, list, settings and rule tables are generated from the code
 * (scripts/domain-tables.ts). This fails when they are stale: run `npm run docs:domain`.
 */
describe("docs/domain.md", () => {
  const doc = readFileSync(DOMAIN_DOC, "utf8");

  it("holds the tables the code generates today (else: npm run docs:domain)", () => {
    expect(staleBlocks(doc)).toEqual([]);
    expect(regenerate(doc)).toBe(doc);
  });

  it("lists every field of every entity under that entity's heading", () => {
    for (const entity of ENTITY_NAMES) {
      const from = doc.indexOf(`### ${entity}\n`);
      expect(from).toBeGreaterThan(0);
      const section = doc.slice(from, doc.indexOf("\n### ", from + 1));
      for (const f of SCHEMA[entity].fields) expect(section).toMatch(new RegExp(`^\\| \`${f.name}\` \\| `, "m"));
      const rows = section.split("\n").filter((l) => /^\| `/.test(l));
      expect(rows).toHaveLength(SCHEMA[entity].fields.length);
    }
  });

  it("lists every allowed-value list, general setting and rule with its three severities", () => {
    for (const [name, values] of Object.entries(DEFAULT_LISTS))
      expect(doc).toContain(`| \`${name}\` | ${values.join(", ")} |`);
    for (const key of GENERAL_KEYS) expect(doc).toMatch(new RegExp(`^\\| \`${key}\` \\| `, "m"));
    expect(RULE_IDS.length).toBeGreaterThan(30);
    for (const r of listRules().rules) {
      const line = doc.split("\n").find((l) => l.startsWith(`| \`${r.id}\` |`));
      expect(line).toBeDefined();
      const cells = line!.split(" | ");
      expect(cells.slice(3, 6)).toEqual([r.severity.supportive, r.severity.controlling, r.severity.directive]);
    }
  });

  it("notices a hand edit inside a generated block, and leaves the prose alone", () => {
    const edited = doc.replace("| `ProjectId` | id | yes |", "| `ProjectId` | id |  |");
    expect(edited).not.toBe(doc);
    expect(staleBlocks(edited)).toEqual(["schema"]);
    const prose = doc.replace("## Who uses it", "## Who uses it, really");
    expect(staleBlocks(prose)).toEqual([]);
    expect(() => regenerate(doc.replace(/<!-- end of generated rules -->/, ""))).toThrow(/"rules" block/);
  });
});

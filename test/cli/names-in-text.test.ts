import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { pmo } from "./run-pmo";

/** What a person reads names projects as "Name (ID)"; JSON carries both, the id alone only as `id`. */
describe("pmo prioritise names projects the way people know them", () => {
  let dir: string;
  let register: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "pmo-names-"));
    register = path.join(dir, "register.xlsx");
    expect((await pmo("sample", path.join(dir, "in"), "--projects", "8", "--seed", "3", "-q")).code).toBe(0);
    expect((await pmo("build", path.join(dir, "in"), "-o", register, "-q")).code).toBe(0);
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("in text: every ranked line is 'Name (ID)'; in JSON: id and name side by side", async () => {
    const text = await pmo("prioritise", register, "-q");
    expect(text.code).toBe(0);
    const ranked = text.stdout.split("\n").filter((l) => /^\s+\d+\. /.test(l));
    expect(ranked.length).toBe(8);
    for (const line of ranked) expect(line).toMatch(/^\s+\d+\. \S.* \(PRJ-\d{4}\)\s+-?\d+\.\d/);
    const json = JSON.parse((await pmo("prioritise", register, "--json", "-q")).stdout);
    expect(json.ranking[0]).toEqual(
      expect.objectContaining({ id: expect.stringMatching(/^PRJ-/), name: expect.any(String) }),
    );
    expect(ranked[0]).toContain(`${json.ranking[0].name} (${json.ranking[0].id})`);
  });
});

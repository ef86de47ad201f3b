import { addFiles, describeAdded } from "../../src/taskpane/file-list";

const f = (name: string, size: number) => ({ name, size });

describe("addFiles: picking adds to the list", () => {
  it("appends new files in picking order", () => {
    const first = addFiles([], [f("a.xlsx", 1), f("b.csv", 2)]);
    expect(first.files.map((x) => x.name)).toEqual(["a.xlsx", "b.csv"]);
    const second = addFiles(first.files, [f("c.csv", 3)]);
    expect(second.files.map((x) => x.name)).toEqual(["a.xlsx", "b.csv", "c.csv"]);
    expect(second).toMatchObject({ added: ["c.csv"], replaced: [] });
    expect(describeAdded(second)).toBe("Added c.csv.");
  });

  it("a file picked again under the same name replaces the listed one in place", () => {
    const list = [f("a.xlsx", 1), f("b.csv", 2)];
    const result = addFiles(list, [f("b.csv", 20), f("d.xlsx", 4)]);
    expect(result.files).toEqual([f("a.xlsx", 1), f("b.csv", 20), f("d.xlsx", 4)]);
    expect(result).toMatchObject({ added: ["d.xlsx"], replaced: ["b.csv"] });
    expect(describeAdded(result)).toBe("Added d.xlsx. Replaced b.csv with the file picked again.");
    // The input list is not changed.
    expect(list[1].size).toBe(2);
  });

  it("two files of one name in one pick keep the later, listed once", () => {
    const result = addFiles([], [f("a.xlsx", 1), f("a.xlsx", 2)]);
    expect(result.files).toEqual([f("a.xlsx", 2)]);
    expect(result).toMatchObject({ added: ["a.xlsx"], replaced: [] });
  });
});

import { detectHost } from "../../src/taskpane/host";
import { luminance } from "../../src/taskpane/theme";
import { installExcelFake } from "../fakes/excel-fake";

type Globals = { Office?: unknown; Excel?: unknown };
const globals = globalThis as Globals;

afterEach(() => {
  delete globals.Office;
  delete globals.Excel;
});

describe("detectHost", () => {
  it("is file mode when office.js did not load at all", async () => {
    expect(await detectHost()).toBe("file");
  });

  it("is file mode outside Office, where onReady resolves with host null", async () => {
    globals.Office = { onReady: () => Promise.resolve({ host: null, platform: null }) };
    expect(await detectHost()).toBe("file");
  });

  it("is file mode in another Office host (Word) even though onReady resolves", async () => {
    globals.Office = { onReady: () => Promise.resolve({ host: "Word", platform: "PC" }) };
    expect(await detectHost()).toBe("file");
  });

  it("is Excel mode inside Excel", async () => {
    installExcelFake(globalThis);
    expect(await detectHost()).toBe("excel");
  });
});

describe("luminance (WCAG relative luminance)", () => {
  // White 1 and black 0 by definition; #777777 is the grey known for 4.48:1 on white, (1.05)/(L+0.05) → L ≈ 0.1845.
  it.each([
    ["#ffffff", 1],
    ["#000000", 0],
    ["#777777", 0.1845],
  ])("%s → %f", (hex, expected) => {
    expect(luminance(hex)).toBeCloseTo(expected, 3);
  });

  it("puts dark greys (Excel's Dark Gray and Black themes) below the dark threshold and light greys above", () => {
    expect(luminance("#262626")!).toBeLessThan(0.4);
    expect(luminance("#000000")!).toBeLessThan(0.4);
    expect(luminance("#FFFFFF")!).toBeGreaterThan(0.4);
    expect(luminance("#E6E6E6")!).toBeGreaterThan(0.4);
  });

  it("returns null for what is not a #rrggbb colour", () => {
    expect(luminance("")).toBeNull();
    expect(luminance("red")).toBeNull();
    expect(luminance("#fff")).toBeNull();
  });
});

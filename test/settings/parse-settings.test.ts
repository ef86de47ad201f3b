import { DEFAULT_SETTINGS, parseSettings, type SettingsInput } from "../../src/domain/settings";

const cell = (value: string | number | Date | null, at = "B2") => ({ value, cell: at });
const general = (rows: [string, string | number | Date | null, string][]): SettingsInput => ({
  general: rows.map(([k, v, at]) => ({ setting: cell(k, `A${at.slice(1)}`), value: cell(v, at) })),
});

describe("parseSettings", () => {
  test("reads numbers typed as text and percentages typed as whole numbers or with %", () => {
    const { settings, problems } = parseSettings(
      general([
        ["costAmberPct", "7%", "B2"],
        ["costRedPct", 12, "B3"],
        ["staleStatusDays", "45", "B4"],
        ["profile", "Directive ", "B5"],
        ["reportingDate", new Date(Date.UTC(2025, 2, 31)), "B6"],
      ]),
    );
    expect(problems).toEqual([]);
    expect(settings.general.costAmberPct).toBeCloseTo(0.07, 12);
    expect(settings.general.costRedPct).toBeCloseTo(0.12, 12);
    expect(settings.general.staleStatusDays).toBe(45);
    expect(settings.general.profile).toBe("directive");
    expect(settings.general.reportingDate).toBe("2025-03-31");
  });

  test("a reporting date typed day-first as text is read with the date order", () => {
    const dmy = parseSettings(general([["reportingDate", "05/02/2025", "B2"]]));
    expect(dmy.settings.general.reportingDate).toBe("2025-02-05");
    const mdy = parseSettings(
      general([
        ["dateOrder", "mdy", "B3"],
        ["reportingDate", "05/02/2025", "B2"],
      ]),
    );
    expect(mdy.settings.general.reportingDate).toBe("2025-05-02");
  });

  test("bad values fall back to defaults with a problem naming the cell", () => {
    const { settings, problems } = parseSettings(
      general([
        ["fyStartMonth", 13, "B7"],
        ["profile", "laissez-faire", "B8"],
        ["scheduleAmberDays", 120, "B9"],
        ["scheduleRedDays", 90, "B10"],
        ["nonsense", 1, "B11"],
      ]),
    );
    expect(settings.general.fyStartMonth).toBe(4);
    expect(settings.general.profile).toBe("controlling");
    expect(settings.general.scheduleAmberDays).toBe(30);
    expect(settings.general.scheduleRedDays).toBe(90);
    expect(problems.map((p) => p.cell)).toEqual(["A11", "B8", "B7", "B10"]);
  });

  test("rule overrides: unknown ids rejected against the catalogue, Enabled and Severity read", () => {
    const { settings, problems } = parseSettings(
      {
        rules: [
          { rule: cell("governance.red-commentary", "A40"), enabled: cell("No", "D40"), severity: cell(null, "E40") },
          { rule: cell("validity.whitespace", "A41"), enabled: cell("Yes", "D41"), severity: cell("Error", "E41") },
          { rule: cell("governance.made-up", "A42"), enabled: cell("Yes", "D42") },
          {
            rule: cell("validity.allowed-value", "A43"),
            enabled: cell("maybe", "D43"),
            severity: cell("fatal", "E43"),
          },
        ],
      },
      { ruleIds: ["governance.red-commentary", "validity.whitespace", "validity.allowed-value"] },
    );
    expect(settings.rules).toEqual({
      "governance.red-commentary": { enabled: false, severity: null },
      "validity.whitespace": { enabled: true, severity: "error" },
    });
    expect(problems.map((p) => p.cell)).toEqual(["A42", "D43", "E43"]);
  });

  test("criteria: bad weight and direction use the defaults; unequal weights are noted", () => {
    const { settings, problems, notes } = parseSettings({
      criteria: [
        { name: cell("StrategicAlignment"), weight: cell("heavy", "C50"), direction: cell("benefit") },
        {
          name: cell("Urgency"),
          source: cell("TimeCriticality"),
          weight: cell(0.3),
          direction: cell("upwards", "D51"),
        },
      ],
    });
    expect(settings.criteria).toEqual([
      {
        name: "StrategicAlignment",
        source: "StrategicAlignment",
        weight: 0.4,
        direction: "benefit",
        min: null,
        max: null,
      },
      { name: "Urgency", source: "TimeCriticality", weight: 0.3, direction: "benefit", min: null, max: null },
    ]);
    expect(problems.map((p) => p.cell)).toEqual(["C50", "D51"]);
    expect(notes.join(" ")).toMatch(/weights sum to 0.7/);
  });

  test("AHP: the upper triangle alone gives the reciprocal matrix (Saaty's textbook example)", () => {
    const names = DEFAULT_SETTINGS.criteria.map((c) => c.name);
    const { settings, problems } = parseSettings({
      ahp: {
        columns: names.map((n) => cell(n)),
        rows: [
          { criterion: cell(names[0]), values: [cell(1), cell(3), cell(5)] },
          { criterion: cell(names[1]), values: [cell(null), cell(1), cell(3)] },
          { criterion: cell(names[2]), values: [cell(null), cell("1/3"), cell(null)] },
        ],
      },
    });
    expect(problems).toEqual([]);
    expect(settings.ahp?.matrix).toEqual([
      [1, 3, 5],
      [1 / 3, 1, 3],
      [1 / 5, 1 / 3, 1],
    ]);
  });

  test("AHP with a blank pair or an unknown criterion is ignored with a problem", () => {
    const names = DEFAULT_SETTINGS.criteria.map((c) => c.name);
    const blank = parseSettings({
      ahp: {
        columns: names.map((n) => cell(n)),
        rows: names.map((n, i) => ({
          criterion: cell(n),
          values: names.map((_, j) => cell(i === 0 && j === 1 ? 2 : null, `${"BCD"[j]}${60 + i}`)),
        })),
      },
    });
    expect(blank.settings.ahp).toBeNull();
    expect(blank.problems[0].message).toMatch(/blank.*ignored/);
    const unknown = parseSettings({
      ahp: { columns: [cell("Cost", "B70")], rows: [{ criterion: cell("Cost"), values: [cell(1)] }] },
    });
    expect(unknown.settings.ahp).toBeNull();
    expect(unknown.problems[0].cell).toBe("B70");
  });

  test("mappings keep JSON; broken JSON is a problem", () => {
    const { settings, problems } = parseSettings({
      mappings: [
        { signature: cell("a|b"), mapping: cell('{"a":"ProjectId"}') },
        { signature: cell("c|d"), mapping: cell("{oops", "B80") },
      ],
    });
    expect(settings.mappings).toEqual({ "a|b": { a: "ProjectId" } });
    expect(problems[0].cell).toBe("B80");
  });

  test("an empty input gives the defaults and notes every group", () => {
    const { settings, problems, notes } = parseSettings({});
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toEqual([]);
    expect(notes.length).toBeGreaterThanOrEqual(7);
  });
});

import { mapHeaders, savedMappingKeys, type ColumnInput } from "../../src/ingest/header-mapping";
import { headerSignature, normaliseHeader } from "../../src/ingest/header-text";
import { matchHeader } from "../../src/ingest/alias-index";

const settings = { dateOrder: "dmy" as const, moneyUnit: 1, date1904: false };
const cols = (headers: string[], samples: Record<string, unknown[]> = {}): ColumnInput[] =>
  headers.map((header, index) => ({ header, index, sample: (samples[header] ?? []) as ColumnInput["sample"] }));
const fields = (r: ReturnType<typeof mapHeaders>) => r.columns.map((c) => c.field);

describe("header text", () => {
  it("normalises separators, case, plural markers and unit annotations", () => {
    expect(normaliseHeader("project_name")).toBe("project name");
    expect(normaliseHeader("Response(s)")).toBe("responses");
    expect(normaliseHeader("TOTAL Baseline Benefits (£m)")).toBe("total baseline benefits");
    expect(normaliseHeader("Owner:")).toBe("owner");
    expect(normaliseHeader("% Complete")).toBe("% complete");
  });

  it("gives the same signature to the same headers whatever their spelling, another to others", () => {
    expect(headerSignature(["Project Name", "Budget"])).toBe(headerSignature(["project_name", "BUDGET"]));
    expect(headerSignature(["Project Name", "Budget"])).not.toBe(headerSignature(["Budget", "Project Name"]));
  });
});

describe("mapping headers to fields per entity", () => {
  it("uses the per-entity alias table: Title → Name on Projects, Title on Risks", () => {
    expect(fields(mapHeaders("Projects", cols(["Title", "SRO", "Target Completion"]), settings))).toEqual([
      "Name",
      "Sponsor",
      "ForecastFinish",
    ]);
    expect(fields(mapHeaders("Risks", cols(["Title", "Target Date"]), settings))[0]).toBe("Title");
    expect(fields(mapHeaders("Issues", cols(["Title", "Target Date"]), settings))).toEqual(["Title", "TargetDate"]);
  });

  it("matches misspelt headers by edit distance, with a lower confidence", () => {
    const r = mapHeaders("Projects", cols(["Project Manger", "Sponser"]), settings);
    expect(fields(r)).toEqual(["ProjectManager", "Sponsor"]);
    expect(r.columns.every((c) => c.how === "fuzzy" && c.confidence < 0.9 && c.confidence > 0.7)).toBe(true);
  });

  it("gives one field at most one column; of two exact matches the first column takes the first field", () => {
    const r = mapHeaders("Projects", cols(["colour_rating", "colour_rating"]), settings);
    expect(fields(r)).toEqual(["DeliveryConfidence", "RagOverall"]);
  });

  it("keeps unmatched columns unmapped (extras), including look-alikes whose values disagree", () => {
    const r = mapHeaders(
      "Projects",
      cols(["wlc_baseline_incl_NCG", "budget_comment", "yearly_forecast", "Colour of sky"], {
        budget_comment: ["The budget rose because…", "No change."],
        yearly_forecast: ["£7.89", "£37.40"],
      }),
      settings,
    );
    expect(fields(r)).toEqual(["Budget", null, null, null]);
    expect(r.columns[1].how).toBe("unmapped");
  });

  it("confirms a containment match by the column's values: numbers 1–5 are a rating, 15000 is not", () => {
    expect(
      fields(mapHeaders("Risks", cols(["inherent_probability"], { inherent_probability: [4, 2, 5] }), settings)),
    ).toEqual(["Probability"]);
    expect(
      fields(mapHeaders("Risks", cols(["inherent_probability"], { inherent_probability: [15000, 20000] }), settings)),
    ).toEqual([null]);
  });

  it("maps a single start/end pair to ForecastStart/ForecastFinish", () => {
    const r = mapHeaders("Projects", cols(["Project", "Planned Start", "Planned End"]), settings);
    expect(fields(r)).toEqual(["Name", "ForecastStart", "ForecastFinish"]);
    expect(r.notes[0]).toMatch(/only start\/end pair/);
    const both = mapHeaders(
      "Projects",
      cols(["Planned Start", "Planned End", "Forecast Start", "Forecast End"]),
      settings,
    );
    expect(fields(both)).toEqual(["BaselineStart", "BaselineFinish", "ForecastStart", "ForecastFinish"]);
  });

  it("lets a saved mapping override the automatic one, per header (repeats as header#2)", () => {
    expect(savedMappingKeys(["a", "b", "a"])).toEqual(["a", "b", "a#2"]);
    const r = mapHeaders("Projects", cols(["Title", "colour_rating", "colour_rating", "Notes"]), settings, {
      Title: "Description",
      "colour_rating#2": null,
      Notes: "Name",
    });
    expect(fields(r)).toEqual(["Description", "DeliveryConfidence", null, "Name"]);
    expect(r.columns.map((c) => c.how)).toEqual(["saved", "alias", "saved", "saved"]);
  });

  it("ignores a saved mapping to a field the entity does not have, and says so", () => {
    const r = mapHeaders("Projects", cols(["Title"]), settings, { Title: "Probability" });
    expect(fields(r)).toEqual(["Name"]);
    expect(r.notes[0]).toMatch(/not a free project field/);
  });

  it("short aliases match only exactly", () => {
    expect(matchHeader("Risks", "P").map((m) => m.field)).toContain("Probability");
    expect(matchHeader("Risks", "Q").length).toBe(0);
  });
});

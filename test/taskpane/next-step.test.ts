import { nextStep } from "../../src/taskpane/next-step";
import type { WorkbookStatus } from "../../src/pipeline/steps/status";

const EMPTY: WorkbookStatus = {
  records: {},
  registerBuilt: false,
  findings: null,
  ranked: false,
  selectionSaved: false,
  capacityPlanned: false,
  summarySheets: [],
  settingsFound: false,
  settingsProblems: 0,
};
const BUILT: WorkbookStatus = { ...EMPTY, records: { Projects: 3 }, registerBuilt: true, settingsFound: true };
const summary = { summaryAvailable: true, summaryCurrent: false };

describe("the monthly flow's next step", () => {
  test("follows build → validate → fix → prioritise → capacity → summary", () => {
    const steps: (string | null)[] = [];
    const states: WorkbookStatus[] = [
      EMPTY,
      BUILT,
      { ...BUILT, findings: { error: 2, warning: 5, info: 1 } },
      { ...BUILT, findings: { error: 0, warning: 5, info: 1 } },
      { ...BUILT, findings: { error: 0, warning: 5, info: 1 }, ranked: true, selectionSaved: true },
      { ...BUILT, findings: { error: 0, warning: 0, info: 0 }, selectionSaved: true, capacityPlanned: true },
    ];
    for (const s of states) steps.push(nextStep(s, summary)?.section ?? null);
    expect(steps).toEqual(["register", "validate", "validate", "prioritise", "capacity", "summary"]);
  });

  test("says how many errors are open, in the singular for one", () => {
    expect(nextStep({ ...BUILT, findings: { error: 1, warning: 0, info: 0 } }, summary)).toEqual({
      section: "validate",
      label: "Fix errors and check again",
      why: "1 error open from the last check.",
    });
    expect(nextStep({ ...BUILT, findings: { error: 3, warning: 0, info: 0 } }, summary)?.why).toBe(
      "3 errors open from the last check.",
    );
  });

  test("nothing is next once the summary is current (or when the pane has no summary step)", () => {
    const done = { ...BUILT, findings: { error: 0, warning: 4, info: 0 }, selectionSaved: true, capacityPlanned: true };
    expect(nextStep(done, { summaryAvailable: true, summaryCurrent: true })).toBeNull();
    expect(nextStep(done, { summaryAvailable: false, summaryCurrent: false })).toBeNull();
  });

  test("an unknown status (still reading) offers the build", () => {
    expect(nextStep(null, summary)?.section).toBe("register");
  });
});
